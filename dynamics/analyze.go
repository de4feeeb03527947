package dynamics

import (
	"context"
	"fmt"

	"collab/spatial"
)

// Input is a whole distribution-dynamics study of a panel.
type Input struct {
	// Scores[t][i] is the score of city i in year t, years in order.
	Scores [][]float64
	// Weights are the spatial weights of the cities (any; row-standardised
	// here). Nil skips the spatial and the LISA Markov chains.
	Weights *spatial.Weights
	// Groups[i] is city i's group 0..g-1 for Dagum's decomposition (a
	// province, a cluster); nil skips it.
	Groups []int
	// Options class the panel and read it every Step years.
	Options Options
	// DensityPoints is the least number of grid points of the densities
	// (0: DefaultGridPoints).
	DensityPoints int
}

// Result gathers the parts of a study; a part not asked for is nil.
type Result struct {
	Markov  *MarkovResult        `json:"markov"`
	Spatial *SpatialMarkovResult `json:"spatial,omitempty"`
	LISA    *LISAMarkovResult    `json:"lisa,omitempty"`
	// Dagum[t] decomposes the Gini of the year read t (the years of Markov).
	Dagum   []DagumResult  `json:"dagum,omitempty"`
	Density *DensityResult `json:"density"`
}

// Analyze runs every part of the study: the classic Markov chain, the
// spatial and LISA Markov chains (with Weights), Dagum's decomposition of
// every year read (with Groups) and the densities of every year. It checks
// ctx between parts and between years.
func Analyze(ctx context.Context, in Input) (*Result, error) {
	var res Result
	var err error
	steps := []func() error{
		func() (err error) { res.Markov, err = Markov(in.Scores, in.Options); return err },
		func() error {
			if in.Weights == nil {
				return nil
			}
			if res.Spatial, err = SpatialMarkov(in.Scores, in.Weights, in.Options); err != nil {
				return err
			}
			res.LISA, err = LISAMarkov(in.Scores, in.Weights, in.Options.Step)
			return err
		},
		func() error { return res.dagumByYear(ctx, in) },
		func() (err error) { res.Density, err = Densities(in.Scores, in.DensityPoints); return err },
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := step(); err != nil {
			return nil, err
		}
	}
	return &res, nil
}

func (r *Result) dagumByYear(ctx context.Context, in Input) error {
	if in.Groups == nil {
		return nil
	}
	for _, t := range r.Markov.Years {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := Dagum(in.Scores[t], in.Groups)
		if err != nil {
			return fmt.Errorf("dynamics: Dagum, year %d: %w", t, err)
		}
		r.Dagum = append(r.Dagum, *d)
	}
	return nil
}
