package main

import (
	"fmt"
	"strconv"

	"github.com/urfave/cli/v3"

	"collab/analysis"
	"collab/param"
	"collab/spatial"
)

// patternFlags shape the spillover and the pattern of strong cities.
func patternFlags() []cli.Flag {
	d := analysis.DefaultPatternParameters()
	return []cli.Flag{
		&cli.StringFlag{Name: "decay", Value: d.Decay.String(), Usage: "spillover distance decay: exp:KM (exp(-d/KM)) or power:B (d^-B)"},
		&cli.FloatFlag{Name: "potential-tolerance", Value: d.PotentialTolerance, Usage: fmt.Sprintf("relative error allowed in each city's spillover above %d cities (a tree bounds it; below, the sums are exact); 0 for exact sums at any size", spatial.ExactPotentialMax)},
		&cli.StringFlag{Name: "sector-km", Value: "auto", Usage: fmt.Sprintf("strong cities outside belts and pairs, each within this many km of another, form a sector; auto is a third of the region's span, at most %d km", analysis.MaxAutoSectorKm)},
		&cli.IntFlag{Name: "latecomers", Value: d.Latecomers, Usage: "latecomer candidates listed"},
	}
}

func readPatternFlags(cmd *cli.Command, p *analysis.Parameters) error {
	if err := textFlags(cmd, map[string]encodingText{"decay": &p.Decay}); err != nil {
		return err
	}
	if v := cmd.String("sector-km"); v != "auto" {
		km, err := strconv.ParseFloat(v, 64)
		if err != nil || !(km > 0) {
			return param.Quotedf("sector-km", v, "give a distance in km > 0, e.g. 150, or auto (a third of the region's span, at most %d km)", analysis.MaxAutoSectorKm)
		}
		p.SectorKm = km
	}
	p.Latecomers = cmd.Int("latecomers")
	p.PotentialTolerance = cmd.Float("potential-tolerance")
	return nil
}
