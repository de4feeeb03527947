package main

import (
	"github.com/urfave/cli/v3"

	"collab/analysis"
)

func spatialFlags() []cli.Flag {
	d := analysis.DefaultSpatialParameters()
	return []cli.Flag{
		&cli.StringFlag{Name: "weights", Value: d.Weights.String(), Usage: "spatial weights: contiguity (the dataset's neighbors), knn:K, band:KM, band (the smallest band without islands) or delaunay, or a GeoDa weights file FILE.gal or FILE.gwt; auto is contiguity when the dataset lists neighbours, else knn:K with K = round(sqrt(cities)), at most 6 and cities-2"},
		&cli.StringFlag{Name: "standardize", Value: string(d.Standardize), Usage: "weights: row (each city's weights sum to 1; the lag is the neighbours' mean) or binary (1 per neighbour)"},
		&cli.BoolFlag{Name: "symmetric", Usage: "with knn:K, link i and j when either is among the other's K nearest"},
		&cli.IntFlag{Name: "permutations", Value: d.Permutations, Usage: "random permutations of the Moran, LISA and Gi* tests (0 for none)"},
		&cli.FloatFlag{Name: "alpha", Value: d.Alpha, Usage: "significance level of the LISA clusters"},
		&cli.BoolFlag{Name: "fdr", Usage: "control the false discovery rate of the LISA clusters at --alpha (Benjamini-Hochberg)"},
	}
}

func readSpatialFlags(cmd *cli.Command, p *analysis.Parameters) error {
	texts := map[string]encodingText{"weights": &p.Weights, "standardize": &p.Standardize}
	if isWeightsFile(cmd.String("weights")) {
		p.Weights = analysis.Weights{Kind: "file"} // read once the dataset's ids are known (readWeightsFile)
		delete(texts, "weights")
	}
	if err := textFlags(cmd, texts); err != nil {
		return err
	}
	p.Symmetric = cmd.Bool("symmetric")
	p.Permutations = cmd.Int("permutations")
	p.Alpha = cmd.Float("alpha")
	p.FDR = cmd.Bool("fdr")
	if cmd.IsSet("snap-m") {
		p.SnapM = cmd.Float("snap-m")
	}
	return nil
}
