package main

import (
	"github.com/urfave/cli/v3"

	"collab/analysis"
)

// patternFlags shape the spillover and the pattern of strong cities.
func patternFlags() []cli.Flag {
	d := analysis.DefaultPatternParameters()
	return []cli.Flag{
		&cli.StringFlag{Name: "decay", Value: d.Decay.String(), Usage: "spillover distance decay: exp:KM (exp(-d/KM)) or power:B (d^-B)"},
		&cli.FloatFlag{Name: "sector-km", Value: d.SectorKm, Usage: "strong cities outside belts within this many km of one another form a sector"},
		&cli.IntFlag{Name: "latecomers", Value: d.Latecomers, Usage: "latecomer candidates listed"},
	}
}

func readPatternFlags(cmd *cli.Command, p *analysis.Parameters) error {
	if err := textFlags(cmd, map[string]encodingText{"decay": &p.Decay}); err != nil {
		return err
	}
	p.SectorKm = cmd.Float("sector-km")
	p.Latecomers = cmd.Int("latecomers")
	return nil
}
