package main

import (
	"github.com/urfave/cli/v3"

	"collab/analysis"
)

// networkFlags shape the linkage network.
func networkFlags() []cli.Flag {
	d := analysis.DefaultNetworkParameters()
	return []cli.Flag{
		&cli.StringFlag{Name: "edges", Value: d.Edges, Usage: "links to analyse: auto, gravity, links or both"},
		&cli.FloatFlag{Name: "beta", Value: d.Beta, Usage: "distance-decay exponent of the gravity model"},
		&cli.FloatFlag{Name: "link-share", Value: d.LinkShare, Usage: "weight of observed links against gravity with --edges both"},
		&cli.IntFlag{Name: "full-below", Value: d.FullBelow, Usage: "link every pair of cities in regions smaller than this"},
		&cli.IntFlag{Name: "keep", Value: d.Keep, Usage: "strongest gravity links kept per city in larger regions"},
	}
}

func readNetworkFlags(cmd *cli.Command, p *analysis.Parameters) error {
	p.Edges = cmd.String("edges")
	p.Beta = cmd.Float("beta")
	p.LinkShare = cmd.Float("link-share")
	p.FullBelow = cmd.Int("full-below")
	p.Keep = cmd.Int("keep")
	return nil
}
