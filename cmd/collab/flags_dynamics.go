package main

import (
	"github.com/urfave/cli/v3"

	"collab/analysis"
)

// dynamicsFlags shape the distribution dynamics of a panel.
func dynamicsFlags() []cli.Flag {
	d := analysis.DefaultDynamicsParameters()
	return []cli.Flag{
		&cli.StringFlag{Name: "classes", Value: d.Classes.String(), Usage: "classes of the Markov chains of a panel: tiers (the --tiers of each year's ratio to its mean), quantile:K (each year's K quantiles) or pooled:K (K quantiles of the ratios to the year's mean, pooled over the years)"},
		&cli.StringFlag{Name: "lag-classes", Usage: "classes of the neighbours' spatial lag in the spatial Markov chain, as --classes (default: as --classes)"},
		&cli.IntFlag{Name: "step", Value: d.Step, Usage: "read every STEP-th year of the panel: transitions run between the years read"},
		&cli.StringFlag{Name: "group", Value: string(d.Group), Usage: "grouping of Dagum's Gini decomposition: province, community (the network's Louvain communities) or none"},
	}
}

// readDynamicsFlags reads the dynamics flags of the commands that have
// them; sweep, which reruns the pattern only, has not (and its own --step
// is the sweep's).
func readDynamicsFlags(cmd *cli.Command, p *analysis.Parameters) error {
	if cmd.Value("classes") == nil {
		return nil
	}
	if err := textFlags(cmd, map[string]encodingText{"classes": &p.Classes, "lag-classes": &p.LagClasses, "group": &p.Group}); err != nil {
		return err
	}
	p.Step = cmd.Int("step")
	return nil
}
