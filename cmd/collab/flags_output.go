package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v3"

	"collab/analysis"
	"collab/output"
)

// outputFlags write the results to files as well as printing the report.
func outputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write every output into `DIR` (created if needed): " + strings.Join(outDirNames(), ", ")},
		&cli.StringFlag{Name: "dot", Usage: "write the Graphviz map to `FILE` (render: neato -n2 -Tsvg FILE > map.svg)"},
		&cli.StringFlag{Name: "geojson", Usage: "write the cities layer as GeoJSON to `FILE`: polygons when the input had boundaries, else points (QGIS, GDAL, geopandas)"},
		&cli.StringFlag{Name: "gpkg", Usage: "write every GIS layer (cities, points, links, belts, sectors), styled for QGIS, into the GeoPackage `FILE`"},
		&cli.StringFlag{Name: "svg", Usage: "write the map as SVG to `FILE` (no Graphviz needed)"},
		&cli.StringFlag{Name: "weights-out", Usage: "write the spatial weights the study used to `FILE`: .gal (GeoDa, PySAL, spdep), .gwt (with distances in km) or .csv"},
	}
}

// mapFlags shape the DOT, SVG and GeoJSON maps.
func mapFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "color", Value: "tier", Usage: "fill the cities by tier, or by a per-city measure with classes, e.g. province or component"},
		&cli.StringFlag{Name: "top-links", Value: "auto", Usage: "links drawn on the maps, strongest first: auto (twice the number of cities), all, or a number"},
		&cli.StringFlag{Name: "label", Value: "name", Usage: "the name written beside a city on the maps: name, name_local (e.g. Chinese, where the city has one) or id"},
		&cli.BoolFlag{Name: "bom", Usage: "begin the CSV files with a UTF-8 byte order mark, so that Excel opens them as UTF-8 by a double click"},
	}
}

// outDir is what --out writes: each file's name and format.
var outDir = []struct{ name, format string }{
	{"report.md", "markdown"},
	{"results.json", "json"},
	{"cities.csv", "csv"},
	{"links.csv", "links-csv"},
	{"transitions.csv", "transitions-csv"},
	{"network.dot", "dot"},
	{"cities.geojson", "geojson"},
	{"points.geojson", "geojson-points"},
	{"links.geojson", "geojson-links"},
	{"belts.geojson", "geojson-belts"},
	{"sectors.geojson", "geojson-sectors"},
	{"collab.gpkg", "gpkg"},
	{"map.svg", "svg"},
	{"network.gexf", "gexf"},
	{"network.graphml", "graphml"},
	{"network.net", "pajek"},
	{"gephi-nodes.csv", "gephi-nodes"},
	{"gephi-edges.csv", "gephi-edges"},
	{"moran.svg", "moran-svg"},
	{"trend.svg", "trend-svg"},
	{"lorenz.svg", "lorenz-svg"},
	{"density.svg", "density-svg"},
	{"report.html", "html"},
	{"report.tex", "latex"},
}

// trendChart is the name of the trend chart --out writes beside the
// report, or "" without --out: the reports then shorten a long trend
// table to every tenth year.
func trendChart(cmd *cli.Command) string {
	if cmd.String("out") == "" {
		return ""
	}
	for _, f := range outDir {
		if f.format == "trend-svg" {
			return f.name
		}
	}
	return ""
}

func outDirNames() []string {
	names := make([]string, len(outDir))
	for i, f := range outDir {
		names[i] = f.name
	}
	return names
}

// formats are the formats a study can be written in, for export --format.
var formats = []string{"dot", "geojson", "svg", "csv", "links-csv", "transitions-csv", "json", "markdown", "text",
	"gexf", "graphml", "pajek", "gephi-nodes", "gephi-edges", "moran-svg", "trend-svg", "lorenz-svg", "html", "latex",
	"density-svg", "geojson-points", "geojson-links", "geojson-belts", "geojson-sectors", "gpkg"}

// outputs writes a study's results in any format.
type outputs struct {
	report output.Options
	maps   output.MapOptions
	bom    bool // the CSV files begin with a UTF-8 byte order mark (--bom)
}

// csvFormats are the formats --bom applies to.
var csvFormats = map[string]bool{"csv": true, "links-csv": true, "transitions-csv": true, "gephi-nodes": true, "gephi-edges": true}

// writer returns the function that writes res in format.
func (o outputs) writer(format string, res *analysis.Result) func(io.Writer) error {
	return func(w io.Writer) error {
		if o.bom && csvFormats[format] {
			if _, err := io.WriteString(w, "\uFEFF"); err != nil {
				return err
			}
		}
		switch format {
		case "text":
			return output.Text(w, res, o.report)
		case "markdown":
			return output.Markdown(w, res, o.report)
		case "json":
			return output.JSON(w, res)
		case "csv":
			return output.CitiesCSV(w, res)
		case "links-csv":
			return output.LinksCSV(w, res)
		case "transitions-csv":
			return output.TransitionsCSV(w, res)
		case "dot":
			return output.DOT(w, res, o.maps)
		case "geojson":
			return output.GeoJSONLayer(w, res, o.maps, "cities")
		case "geojson-points", "geojson-links", "geojson-belts", "geojson-sectors":
			return output.GeoJSONLayer(w, res, o.maps, strings.TrimPrefix(format, "geojson-"))
		case "gpkg":
			return output.GeoPackage(w, res, o.maps)
		case "weights-gal", "weights-gwt", "weights-csv":
			return output.Weights(w, res, strings.TrimPrefix(format, "weights-"))
		case "svg":
			return output.SVG(w, res, o.maps)
		case "gexf":
			return output.GEXF(w, res, o.maps)
		case "graphml":
			return output.GraphML(w, res, o.maps)
		case "pajek":
			return output.Pajek(w, res)
		case "gephi-nodes":
			return output.GephiNodes(w, res)
		case "gephi-edges":
			return output.GephiEdges(w, res)
		case "moran-svg":
			return output.MoranSVG(w, res)
		case "trend-svg":
			return output.TrendSVG(w, res)
		case "lorenz-svg":
			return output.LorenzSVG(w, res)
		case "density-svg":
			return output.DensitySVG(w, res)
		case "html":
			return output.HTML(w, res, o.report, o.maps)
		case "latex":
			return output.LaTeX(w, res)
		case "model-csv":
			return output.ModelCSV(w, res.Model)
		}
		return fmt.Errorf("unknown format %q", format)
	}
}

// readMapFlags reads --color and --top-links.
func readMapFlags(cmd *cli.Command) (output.MapOptions, error) {
	o := output.MapOptions{Color: cmd.String("color"), Label: cmd.String("label")}
	if err := textFlags(cmd, map[string]encodingText{"top-links": &o.TopLinks}); err != nil {
		return o, err
	}
	if err := o.Check(); err != nil {
		return o, err
	}
	return o, nil
}

// plannedFile is an output file the command line asks for.
type plannedFile struct{ path, format string }

// plannedFiles lists the files that --out, --dot, --geojson and --svg ask
// for, and checks them before any work is done: no file twice, and no
// input overwritten.
func plannedFiles(cmd *cli.Command) ([]plannedFile, error) {
	for _, f := range []struct{ flag, example string }{{"out", "results/"}, {"dot", "network.dot"}, {"geojson", "cities.geojson"}, {"gpkg", "collab.gpkg"}, {"svg", "map.svg"}} {
		if flag, example := f.flag, f.example; cmd.IsSet(flag) && cmd.String(flag) == "" {
			return nil, usagef("--%s \"\": give a path, such as --%s %s, or leave the flag out", flag, flag, example)
		}
	}
	var files []plannedFile
	if dir := cmd.String("out"); dir != "" {
		for _, f := range outDir {
			files = append(files, plannedFile{filepath.Join(dir, f.name), f.format})
		}
		if cmd.Value("model") != nil && cmd.String("model") != "" {
			files = append(files, plannedFile{filepath.Join(dir, "model.csv"), "model-csv"})
		}
	}
	for _, flag := range []string{"dot", "geojson", "gpkg", "svg"} {
		if path := cmd.String(flag); path != "" {
			files = append(files, plannedFile{path, flag})
		}
	}
	if path := cmd.String("weights-out"); path != "" {
		format, err := weightsFormat(path)
		if err != nil {
			return nil, err
		}
		files = append(files, plannedFile{path, format})
	}
	return files, checkPlanned(cmd, files)
}

// checkPlanned refuses planned files that are an input or one another
// (output.CheckOutputs), before any work is done.
func checkPlanned(cmd *cli.Command, files []plannedFile) error {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.path
	}
	if err := output.CheckOutputs(paths, inputs(cmd)...); err != nil {
		return usageError{err}
	}
	return nil
}

// inputs are the files a command reads: FILE and the --links file, unless
// they are standard input or the embedded sample.
func inputs(cmd *cli.Command) []string {
	var paths []string
	for _, path := range []string{cmd.Args().First(), cmd.String("links")} {
		if path != "" && path != "-" {
			paths = append(paths, path)
		}
	}
	return paths
}

// writeFiles writes every planned file of a study (see writeBatch).
func (env *environment) writeFiles(ctx context.Context, cmd *cli.Command, files []plannedFile, o outputs, res *analysis.Result) error {
	if len(files) == 0 {
		return nil
	}
	batch := make([]output.File, len(files))
	for i, f := range files {
		batch[i] = output.File{Path: f.path, Write: o.writer(f.format, res)}
		env.formatWarnings(f.format, res)
	}
	return env.writeBatch(ctx, cmd, batch)
}

// writeBatch writes the files atomically and all together, creating the
// --out directory first, and says on stderr what it wrote. When ctx is
// done before they are all written, none is.
func (env *environment) writeBatch(ctx context.Context, cmd *cli.Command, batch []output.File) error {
	if dir := cmd.String("out"); dir != "" {
		if err := makeOutDir(dir); err != nil {
			return err
		}
	}
	waiting := func(dir string) { say(env.stderr, "waiting for another collab run writing into %s", dir) }
	if err := (output.Batch{Files: batch, Inputs: inputs(cmd), Waiting: waiting}).Write(ctx); err != nil {
		return err
	}
	written := make([]string, len(batch))
	for i, f := range batch {
		written[i] = f.Path
	}
	say(env.stderr, "wrote %s", strings.Join(written, ", "))
	return nil
}

// makeOutDir creates the --out directory.
func makeOutDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is named already
		}
		return fmt.Errorf("--out %s: cannot create the directory: %w", dir, err)
	}
	return nil
}

// checkStdout refuses a standard output that is one of the inputs, as cat
// does: `collab export --format csv yrd.csv >> yrd.csv` would append to the
// file while reading it. Standard input counts as an input when FILE or
// --links is -.
func (env *environment) checkStdout(cmd *cli.Command) error {
	out, ok := env.stdout.(*os.File)
	if !ok {
		return nil
	}
	info, err := out.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	for _, path := range inputs(cmd) {
		if in, err := os.Stat(path); err == nil && os.SameFile(in, info) {
			return usagef("standard output is the input file %s: collab would write into the file it reads; redirect the output to another file", path)
		}
	}
	if in, ok := env.stdin.(*os.File); ok && (cmd.Args().First() == "-" || cmd.String("links") == "-") {
		if info2, err := in.Stat(); err == nil && os.SameFile(info2, info) {
			return usagef("standard output is the file standard input reads: collab would write into the file it reads; redirect the output to another file")
		}
	}
	return nil
}

// formatWarnings says on stderr what a format cannot hold of res.
func (env *environment) formatWarnings(format string, res *analysis.Result) {
	if format == "dot" {
		for _, w := range output.DOTWarnings(res) {
			say(env.stderr, "warning: %s", w)
		}
	}
}
