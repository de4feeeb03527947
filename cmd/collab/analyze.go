package main

import (
	"context"

	"github.com/urfave/cli/v3"

	"collab/analysis"
	"collab/output"
)

func (env *environment) analyzeCommand() *cli.Command {
	return &cli.Command{
		Name:      "analyze",
		Aliases:   []string{"analyse"},
		Usage:     "run the whole study on a dataset and print the report",
		ArgsUsage: "[FILE]",
		Description: `Reads FILE (collab's JSON, CSV or GeoJSON; - for standard input), or the
embedded Yangtze River Delta sample when no FILE is given, builds the
linkage network and prints a report: summary statistics, tiers by ratio to
the mean, the pattern of strong cities, the trend, the network and the most
central cities, the spatial autocorrelation of the scores and the
spillover. Flags may come before or after FILE.

Tiers: --tiers ratio:5,1,0.5 puts a city in tier 1 at 5 times the mean or
more, tier 2 from 1 to 5, tier 3 from 0.5 to 1 and tier 4 below; a ratio
exactly on a cut point goes to the higher tier.

Links: the gravity model R_ij = M_i M_j / d_ij^beta (mass = score, great-
circle km) links every pair of cities below --full-below cities, and each
city's --keep strongest links above it. Observed "links" in the dataset are
used instead when present (--edges auto). Path measures use length 1/weight.
--directed splits each gravity link into arcs both ways, city i sending
M_i/(M_i+M_j) of it; observed links are directed when the dataset sets
"directed": true. In a directed network a city sending more than 0.5 +
--role-band of its linkage is radiating, less than 0.5 - --role-band
receiving, and brokering in between.

Structure: clustering (Onnela), Louvain communities (the best of
--communities runs seeded from --seed, at --resolution) and their
modularity, k-cores, Borgatti-Everett core and periphery, and Burt's
constraint and effective size (brokers have low constraint).

Space: global Moran's I of the scores (z and one-tailed p under normality
and randomisation, and a permutation p), local Moran (LISA clusters HH, LH,
LL, HL at --alpha, optionally with --fdr), Getis-Ord Gi* and the spatial lag,
on --weights: the dataset's contiguity "neighbors" when it has them, else the
6 nearest cities. Permutation p-values are folded: (min(#sim >= obs,
#sim <= obs) + 1) / (permutations + 1), as esda, GeoDa and spdep's
"Pr(folded) Sim"; the same --seed gives the same p-values on any machine.
Gi* links each city to itself and its neighbours with weight 1 (ArcGIS).

Input: a CSV file has a header naming its columns (id,name,province,lat,lon,
score or score_2001,score_2021,...; neighbors as ids separated by ;). A
GeoJSON FeatureCollection gives each city as a feature: its properties hold
the fields, a Point its position, a Polygon or MultiPolygon its centroid and
its queen contiguity (shared boundary points within --snap-m metres).
--id, --score and --name map your own column names; other columns are
ignored (collab validate lists them).

Examples:
   collab analyze
   collab analyze yrd.json --year 2001
   collab analyze cities.csv --links copatents.csv --score patents_2021
   collab analyze counties.geojson --id adcode --name NAME_EN
   collab analyze yrd.json --edges gravity --beta 1.5 --tiers ratio:4,1,0.5
   collab analyze yrd.json --directed --role-band 0.1
   collab analyze yrd.json --communities 20 --seed 7 --resolution 1.5
   collab analyze yrd.json --weights knn:8 --symmetric --permutations 9999 --fdr
   collab analyze counties.json --weights band:150 --skip network
   collab analyze yrd.json --format json > results.json
   collab analyze yrd.json --out results/     # and every file format
   collab analyze yrd.json --svg map.svg --dot network.dot --geojson cities.geojson
   cat yrd.json | collab analyze - --top 20

Files: --out DIR writes every output into DIR (the list is under --out
below: the report, results, tables, maps, network files, figures, HTML and
LaTeX); --dot, --geojson and --svg write one each. The report still goes to standard output. Every file is
written whole or not at all (a temporary file, then a rename), and the
input file is never overwritten. Maps draw the --top-links strongest links
and fill cities by --color.`,
		Flags:  concat(parameterFlags(), reportFlags(), outputFlags(), mapFlags()),
		Action: env.analyze,
	}
}

func (env *environment) analyze(ctx context.Context, cmd *cli.Command) error {
	format := cmd.String("format")
	if format != "text" && format != "json" && format != "markdown" {
		return usagef("--format %q: choose text, json or markdown", format)
	}
	if cmd.Int("top") < 1 {
		return usagef("--top %d: must be at least 1", cmd.Int("top"))
	}
	maps, err := readMapFlags(cmd)
	if err != nil {
		return err
	}
	files, err := plannedFiles(cmd)
	if err != nil {
		return err
	}
	bar := newProgress(env.stderr)
	res, err := env.study(ctx, cmd, bar)
	if err != nil {
		return err
	}
	if err := output.CheckColorFor(res, maps.Color); err != nil {
		bar.finish()
		return err
	}
	bar.update("write", 0, 0)
	o := outputs{report: output.Options{Width: terminalWidth(env.stdout), Top: cmd.Int("top"), Names: flagName, TrendChart: trendChart(cmd)}, maps: maps, bom: cmd.Bool("bom")}
	if err := env.writeFiles(ctx, cmd, files, o, res); err != nil {
		return err
	}
	bar.clear() // stdout and stderr may be one terminal
	if err := o.writer(format, res)(env.stdout); err != nil {
		return err
	}
	bar.finish()
	if cmd.Bool("timings") {
		bar.report()
	}
	return nil
}

// study reads the dataset that cmd names and runs the study its flags ask
// for, reporting the warnings on stderr and its stages to bar; it gives up
// when ctx is done.
func (env *environment) study(ctx context.Context, cmd *cli.Command, bar *progress) (*analysis.Result, error) {
	if cmd.NArg() > 1 {
		return nil, usagef("%s takes one FILE, got %d arguments", cmd.Name, cmd.NArg())
	}
	if err := env.checkStdout(cmd); err != nil {
		return nil, err
	}
	p, err := parameters(cmd, parameterReaders...)
	if err != nil {
		return nil, err
	}
	in, err := readInputFlags(cmd)
	if err != nil {
		return nil, err
	}
	in.columns.LinksYear = p.Year // a links file with a year column gives that year's links
	bar.update("load", 0, 0)
	ds, source, err := env.load(cmd.Args().First(), in)
	if err != nil {
		return nil, err
	}
	ds.Input.Source = source
	if err := readWeightsFile(cmd, ds, &p); err != nil {
		return nil, err
	}
	res, err := analysis.Run(ctx, ds, p, analysis.WithProgress(bar.update))
	if err != nil {
		bar.finish()
		return nil, err
	}
	res.Version = version
	for _, w := range res.Warnings {
		say(env.stderr, "warning: %s", w)
	}
	return res, nil
}

// parameterFlags are the flags of every command that runs a study; each
// concern adds its own list here, and its reader to parameterReaders.
func parameterFlags() []cli.Flag {
	return concat(sweepParameterFlags(), dynamicsFlags(), modelFlags("model-weights"))
}

// sweepParameterFlags are parameterFlags but the dynamics', which a sweep
// does not compute (and whose --step would clash with the sweep's).
func sweepParameterFlags() []cli.Flag {
	return concat(inputFlags(), studyFlags(), networkFlags(), spatialFlags(), patternFlags())
}

// parameterReaders read what parameterFlags define, one per concern.
var parameterReaders = []func(*cli.Command, *analysis.Parameters) error{
	readNetworkFlags,
	readSpatialFlags,
	readPatternFlags,
	readDynamicsFlags,
	readModelFlags,
}

// studyFlags choose what is studied: the year, the tiers, the stages to
// leave out and the seed of every random choice.
func studyFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "year", Usage: "the year of a panel to study (default: the latest)", HideDefault: true},
		&cli.StringFlag{Name: "tiers", Value: analysis.DefaultTiers().String(), Usage: "tier cut points on the ratio to the mean, highest first"},
		&cli.StringSliceFlag{Name: "skip", Usage: "stages to leave out: network (links, centrality, structure) or spatial (Moran's I, LISA, Gi*); repeat or separate with commas"},
		&cli.Uint64Flag{Name: "seed", Value: analysis.DefaultSeed, Usage: "seed of every random choice (Louvain's node order, the permutations): the same seed gives the same results on any machine"},
	}
}

// reportFlags choose how the results are shown.
func reportFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output: text, json or markdown"},
		&cli.IntFlag{Name: "top", Value: 10, Usage: "cities shown in the report's tables"},
		&cli.BoolFlag{Name: "timings", Usage: "print the wall time of each stage of the study on stderr"},
	}
}

// parameters reads the study's parameters from the flags: the year and
// tiers, then each concern's from its own flags (read), leaving the
// defaults for concerns the command has no flags for.
func parameters(cmd *cli.Command, read ...func(*cli.Command, *analysis.Parameters) error) (analysis.Parameters, error) {
	p := analysis.DefaultParameters()
	p.Year = cmd.Int("year")
	if err := p.Tiers.UnmarshalText([]byte(cmd.String("tiers"))); err != nil {
		return p, err
	}
	p.Seed = cmd.Uint64("seed")
	for _, s := range cmd.StringSlice("skip") {
		var stage analysis.Stage
		if err := stage.UnmarshalText([]byte(s)); err != nil {
			return p, err
		}
		p.Skip = append(p.Skip, stage)
	}
	for _, r := range read {
		if err := r(cmd, &p); err != nil {
			return p, err
		}
	}
	return p, nil
}

func concat(lists ...[]cli.Flag) []cli.Flag {
	var all []cli.Flag
	for _, l := range lists {
		all = append(all, l...)
	}
	return all
}
