package main

import (
	"context"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"collab/output"
)

func (env *environment) exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "run the study and write one output format to standard output",
		ArgsUsage: "[FILE]",
		Description: `Runs the same study as analyze (the same flags) on FILE, or on the embedded
sample when no FILE is given, and writes one format to standard output, for
pipes:

   dot        Graphviz map: cities at their projected positions, for neato or fdp
   geojson    RFC 7946 FeatureCollection, the cities layer: polygons when the input
              had boundaries, else points; typed fields (see the README's GIS section)
   geojson-points, geojson-links, geojson-belts, geojson-sectors
              the other GIS layers, one FeatureCollection each
   gpkg       a GeoPackage of every GIS layer, styled for QGIS (binary: redirect it)
   svg        a map that needs no Graphviz
   csv        cities.csv: one row per city, every measure
   links-csv  links.csv: one row per link
   transitions-csv
              transitions.csv: the dynamics' transition matrices, one row per cell
   json       the results contract (as analyze --format json)
   markdown   the report as Markdown
   text       the report as text

Network files, figures and documents:

   gexf         GEXF 1.2 for Gephi: typed measures, map positions, colours and sizes
   graphml      GraphML with typed keys (yEd, Cytoscape, NetworkX, igraph)
   pajek        Pajek .net: names, positions and link weights (Pajek, UCINET)
   gephi-nodes  Gephi's nodes table: Id, Label and every measure
   gephi-edges  Gephi's edges table: Source, Target, Weight, Type
   moran-svg    the Moran scatterplot: standardised score against its spatial lag
   trend-svg    the panel's mean, CV and Gini over every year
   lorenz-svg   the Lorenz curve of the scores, with the Gini
   density-svg  kernel densities of score / mean, up to five years of a panel
   html         report.html: one self-contained page with the map and figures
   latex        booktabs tables of the summary, tiers, centrality and LISA

Examples:
   collab export --format dot yrd.json | neato -n2 -Tpng > yrd.png
   collab export --format geojson yrd.json > yrd.geojson && ogrinfo -al -so yrd.geojson
   collab export --format svg yrd.json --top-links all --color province > yrd.svg
   collab export --format csv yrd.json > cities.csv`,
		Flags: concat(parameterFlags(), mapFlags(), []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "the format to write: " + strings.Join(formats, ", ")},
		}),
		Action: env.export,
	}
}

func (env *environment) export(ctx context.Context, cmd *cli.Command) error {
	format := cmd.String("format")
	if format == "" {
		return usagef("--format is required: choose one of %s (collab export --format dot yrd.json)", strings.Join(formats, ", "))
	}
	if !slices.Contains(formats, format) {
		return usagef("--format %q: choose one of %s (collab export --format dot yrd.json)", format, strings.Join(formats, ", "))
	}
	maps, err := readMapFlags(cmd)
	if err != nil {
		return err
	}
	bar := newProgress(env.stderr)
	res, err := env.study(ctx, cmd, bar)
	bar.finish()
	if err != nil {
		return err
	}
	if err := output.CheckColorFor(res, maps.Color); err != nil {
		return err
	}
	o := outputs{maps: maps, bom: cmd.Bool("bom")}
	o.report = output.Options{Width: terminalWidth(env.stdout), Names: flagName}
	env.formatWarnings(format, res)
	return o.writer(format, res)(env.stdout)
}
