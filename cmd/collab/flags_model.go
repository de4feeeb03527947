package main

import (
	"errors"

	"github.com/urfave/cli/v3"

	"collab/analysis"
	"collab/param"
	"collab/regression"
)

// modelFlags ask for a spatial regression: in analyze as a section of the
// study (its weights --model-weights, default the study's --weights), in
// collab model alone (its weights --weights). weightsFlag names the
// weights flag.
func modelFlags(weightsFlag string) []cli.Flag {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "model", Usage: "fit a spatial regression: ols, slx, sar (spatial lag), sem (spatial error), sdm (Durbin), sdem or sac"},
		&cli.StringFlag{Name: "y", Usage: "the regression's response, a variable of FILE (score is one), or log(VAR)"},
		&cli.StringFlag{Name: "x", Usage: "the regressors, variables of FILE separated by commas, each may be log(VAR) (e.g. --x rd,log(talent))"},
		&cli.IntFlag{Name: "draws", Value: analysis.DefaultDraws, Usage: "simulated draws for the impacts' standard errors, seeded by --seed (0 for none)"},
		&cli.StringFlag{Name: "years", Usage: "fit a panel of these years of FILE, e.g. --years 2011-2021 (default: the cross-section of --year)"},
		&cli.StringFlag{Name: "effects", Value: "city", Usage: "a panel's fixed effects: city, year, both (two-way; Lee-Yu corrected, as is city) or none (pooled)"},
	}
	usage := "the regression's weights, row-standardised: the study's (contiguity, queen, knn:K, band:KM, delaunay, auto), idw:P[:KM] (inverse distance^P, within KM km), economic:VAR (1/|VAR_i - VAR_j|), or a product such as 'idw:1*economic:gdp'; every pair is linked only up to 2000 cities, so above that give idw a cut-off or multiply by a sparse weight"
	if weightsFlag == "weights" {
		return append(flags, &cli.StringFlag{Name: "weights", Value: "auto", Usage: usage + "; auto is contiguity when FILE lists neighbours (queen for polygons), else knn:6"},
			&cli.BoolFlag{Name: "symmetric", Usage: "with knn:K, link i and j when either is among the other's K nearest"})
	}
	return append(flags, &cli.StringFlag{Name: weightsFlag, Usage: usage + " (default: --weights)"})
}

// readModelFlags reads the model flags of the commands that have them; no
// --model asks for none.
func readModelFlags(cmd *cli.Command, p *analysis.Parameters) error {
	if cmd.Value("model") == nil || cmd.String("model") == "" {
		for _, f := range []string{"y", "x", "years", "model-weights"} {
			if cmd.Value(f) != nil && cmd.IsSet(f) {
				return usagef("--%s needs --model: give the model to fit, such as --model sdm", f)
			}
		}
		return nil
	}
	spec := &analysis.ModelSpec{Draws: cmd.Int("draws"), Effects: analysis.Effects(cmd.String("effects"))}
	var err error
	if spec.Kind, err = regression.ParseModel(cmd.String("model")); err != nil {
		return usagef("--model %q: choose ols, slx, sar, sem, sdm, sdem or sac", cmd.String("model"))
	}
	if cmd.String("y") == "" || cmd.String("x") == "" {
		return usagef("--model %s needs --y (the response) and --x (the regressors), such as --y score --x rd,log(talent)", spec.Kind)
	}
	if err := spec.Y.UnmarshalText([]byte(cmd.String("y"))); err != nil {
		return usagef("--y %v", err)
	}
	if spec.X, err = analysis.ParseTerms("x", cmd.String("x")); err != nil {
		return err
	}
	if s := cmd.String("years"); s != "" {
		spec.Years = &analysis.YearRange{}
		if err := spec.Years.UnmarshalText([]byte(s)); err != nil {
			return err
		}
	}
	weightsFlag := "model-weights"
	if cmd.Value(weightsFlag) == nil {
		weightsFlag = "weights"
	}
	if err := spec.Weights.UnmarshalText([]byte(cmd.String(weightsFlag))); err != nil {
		var pe *param.Error
		if errors.As(err, &pe) {
			pe.Param = param.Name(weightsFlag)
		}
		return err
	}
	p.Model = spec
	return nil
}
