package dynamics

import (
	"fmt"
)

// Options says how a panel is put into classes and read over time.
type Options struct {
	// Classes is the scheme of the scores: Tiers (the zero value: the
	// labels in Tiers), Quantile or Pooled.
	Classes Scheme
	// LagClasses is the scheme of the spatial lag in the spatial Markov
	// chain; nil means the same as Classes.
	LagClasses *Scheme
	// Tiers[t][i] is the tier 0..K-1 of city i in year t of the full panel,
	// needed when Classes is Tiers.
	Tiers [][]int
	// LagTiers[t][i] is the tier of city i's spatial lag (row-standardised
	// W times the scores), needed when the lag scheme is Tiers.
	LagTiers [][]int
	// TierCount is the number of tiers K; 0 means the largest label + 1.
	TierCount int
	// Step reads the panel every Step years: rows 0, Step, 2 Step, ...;
	// transitions run between consecutive rows read. 0 means 1.
	Step int
}

// MarkovResult is a classic Markov chain of a panel's classes.
type MarkovResult struct {
	// Years are the indices of the panel rows read (0, Step, 2 Step, ...).
	Years   []int          `json:"years"`
	Classes Classification `json:"classes"`
	Chain
}

// Markov estimates the classic Markov chain of scores[t][i] (year t, city
// i; years in order): the classes of every city between consecutive years
// read, as giddy's Markov.
func Markov(scores [][]float64, o Options) (*MarkovResult, error) {
	p, err := readPanel(scores, o.Step)
	if err != nil {
		return nil, err
	}
	classes, err := p.classes("classes", o.Classes, p.scores, o.Tiers, o.TierCount)
	if err != nil {
		return nil, err
	}
	chain, err := NewChain(countTransitions(classes.Labels, classes.K))
	if err != nil {
		return nil, err
	}
	return &MarkovResult{Years: p.years, Classes: classes, Chain: *chain}, nil
}

// panel is a checked panel as read every step years.
type panel struct {
	years  []int
	scores [][]float64 // the rows read
	cities int
	total  int // years in the full panel
}

func readPanel(scores [][]float64, step int) (*panel, error) {
	if step == 0 {
		step = 1
	}
	if step < 0 {
		return nil, fmt.Errorf("dynamics: step must be >= 1, got %d", step)
	}
	if len(scores) == 0 {
		return nil, fmt.Errorf("dynamics: scores: empty panel")
	}
	p := &panel{cities: len(scores[0]), total: len(scores)}
	if p.cities == 0 {
		return nil, fmt.Errorf("dynamics: scores: no cities")
	}
	for t, row := range scores {
		if len(row) != p.cities {
			return nil, fmt.Errorf("dynamics: scores: year %d has %d cities, year 0 has %d", t, len(row), p.cities)
		}
		if i, ok := finiteRow(row); !ok {
			return nil, fmt.Errorf("dynamics: scores: city %d in year %d is %v", i, t, row[i])
		}
	}
	for t := 0; t < len(scores); t += step {
		p.years = append(p.years, t)
		p.scores = append(p.scores, scores[t])
	}
	if len(p.years) < 2 {
		return nil, fmt.Errorf("dynamics: scores: %d years read every %d give no transition", len(scores), step)
	}
	return p, nil
}

// relativeTo divides each row of values by the mean of the same row of
// scores (which must be positive).
func relativeTo(values, scores [][]float64, years []int) ([][]float64, error) {
	out := make([][]float64, len(values))
	for t, row := range scores {
		var sum float64
		for _, v := range row {
			sum += v
		}
		mean := sum / float64(len(row))
		if !(mean > 0) {
			return nil, fmt.Errorf("dynamics: scores: year %d has mean %v: relative scores need a positive mean", years[t], mean)
		}
		out[t] = make([]float64, len(row))
		for i, v := range values[t] {
			out[t][i] = v / mean
		}
	}
	return out, nil
}

// classes classes values (rows read) by s: quantile schemes on the values
// themselves (Pooled on them relative to the year means of the scores),
// Tiers from the given labels of the full panel.
func (p *panel) classes(param string, s Scheme, values [][]float64, tiers [][]int, tierCount int) (Classification, error) {
	if err := s.validate(); err != nil {
		return Classification{}, err
	}
	switch s.Kind {
	case Tiers:
		if tiers == nil {
			return Classification{}, fmt.Errorf("dynamics: %s: the tiers scheme needs the tiers of every city and year", param)
		}
		full, err := givenTiers(param, tiers, p.total, p.cities, tierCount)
		if err != nil {
			return Classification{}, err
		}
		read := make([][]int, len(p.years))
		for r, t := range p.years {
			read[r] = full.Labels[t]
		}
		full.Labels = read
		return full, nil
	case Pooled:
		rel, err := relativeTo(values, p.scores, p.years)
		if err != nil {
			return Classification{}, err
		}
		return classify(rel, s), nil
	}
	return classify(values, s), nil
}
