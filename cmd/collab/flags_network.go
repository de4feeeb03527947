package main

import (
	"fmt"

	"github.com/urfave/cli/v3"

	"collab/analysis"
)

// networkFlags shape the linkage network and the measures of its structure.
func networkFlags() []cli.Flag {
	d := analysis.DefaultNetworkParameters()
	return []cli.Flag{
		&cli.StringFlag{Name: "edges", Value: string(d.Edges), Usage: "links to analyse: auto, gravity, links or both"},
		&cli.FloatFlag{Name: "beta", Value: d.Beta, Usage: "distance-decay exponent of the gravity model"},
		&cli.FloatFlag{Name: "link-share", Value: d.LinkShare, Usage: "weight of observed links against gravity with --edges both"},
		&cli.IntFlag{Name: "full-below", Value: d.FullBelow, Usage: "link every pair of cities in regions smaller than this"},
		&cli.IntFlag{Name: "keep", Value: d.Keep, Usage: "strongest gravity links kept per city in larger regions"},
		&cli.BoolFlag{Name: "directed", Usage: "directed gravity links: city i sends M_i/(M_i+M_j) of each link"},
		&cli.FloatFlag{Name: "resolution", Value: d.Resolution, Usage: "Louvain resolution: 1 is classic modularity, larger gives smaller communities"},
		&cli.IntFlag{Name: "communities", Value: d.Communities, Usage: "seeded Louvain runs; the partition of highest modularity is kept"},
		&cli.FloatFlag{Name: "role-band", Value: d.RoleBand, Usage: "a city sending over 0.5+B of its linkage radiates, under 0.5-B receives"},
		&cli.StringFlag{Name: "backbone", Value: d.Backbone.String(), Usage: fmt.Sprintf("links of degree, binary clustering, k-cores, constraint and connectedness: none (every link), disparity:ALPHA (Serrano et al. 2009's disparity filter, e.g. disparity:0.05), top:K (each city's K strongest links) or auto (disparity:%g when more than %g of all pairs are linked, else none)", analysis.DefaultBackboneAlpha, analysis.DenseNetwork)},
		&cli.StringFlag{Name: "betweenness-sample", Value: "auto", Usage: fmt.Sprintf("sources of the shortest-path measures: all (exact), K (estimate from K sampled cities), or auto (exact up to %d cities, else %d)", analysis.AutoExactMax, analysis.AutoSources)},
	}
}

func readNetworkFlags(cmd *cli.Command, p *analysis.Parameters) error {
	if err := textFlags(cmd, map[string]encodingText{"edges": &p.Edges, "betweenness-sample": &p.BetweennessSample, "backbone": &p.Backbone}); err != nil {
		return err
	}
	p.Beta = cmd.Float("beta")
	p.LinkShare = cmd.Float("link-share")
	p.FullBelow = cmd.Int("full-below")
	p.Keep = cmd.Int("keep")
	p.Directed = cmd.Bool("directed")
	p.Resolution = cmd.Float("resolution")
	p.Communities = cmd.Int("communities")
	p.RoleBand = cmd.Float("role-band")
	return nil
}
