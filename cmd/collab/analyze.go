package main

import (
	"context"
	"fmt"

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
the mean, the network and the most central cities. Flags may come before or
after FILE.

Tiers: --tiers ratio:5,1,0.5 puts a city in tier 1 at 5 times the mean or
more, tier 2 from 1 to 5, tier 3 from 0.5 to 1 and tier 4 below; a ratio
exactly on a cut point goes to the higher tier.

Links: the gravity model R_ij = M_i M_j / d_ij^beta (mass = score, great-
circle km) links every pair of cities below --full-below cities, and each
city's --keep strongest links above it. Observed "links" in the dataset are
used instead when present (--edges auto). Path measures use length 1/weight.

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
   collab analyze yrd.json --format json > results.json
   cat yrd.json | collab analyze - --top 20`,
		Flags:  concat(inputFlags(), studyFlags(), networkFlags(), reportFlags()),
		Action: env.analyze,
	}
}

func (env *environment) analyze(_ context.Context, cmd *cli.Command) error {
	if cmd.NArg() > 1 {
		return usagef("analyze takes one FILE, got %d arguments", cmd.NArg())
	}
	format := cmd.String("format")
	if format != "text" && format != "json" {
		return usagef("--format %q: choose text or json", format)
	}
	if cmd.Int("top") < 1 {
		return usagef("--top %d: must be at least 1", cmd.Int("top"))
	}
	p, err := parameters(cmd)
	if err != nil {
		return err
	}
	o, err := readInputFlags(cmd)
	if err != nil {
		return err
	}
	ds, source, err := env.load(cmd.Args().First(), o)
	if err != nil {
		return err
	}
	res, err := analysis.Run(ds, source, p)
	if err != nil {
		return err
	}
	res.Version = version
	for _, w := range res.Warnings {
		fmt.Fprintln(env.stderr, "collab: warning:", w)
	}
	if format == "json" {
		return output.JSON(env.stdout, res)
	}
	return output.Text(env.stdout, res, output.Options{Width: terminalWidth(env.stdout), Top: cmd.Int("top")})
}

// studyFlags choose what is studied: the year and the tiers.
func studyFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "year", Usage: "the year of a panel to study (default: the latest)", HideDefault: true},
		&cli.StringFlag{Name: "tiers", Value: analysis.DefaultTiers.String(), Usage: "tier cut points on the ratio to the mean, highest first"},
	}
}

// reportFlags choose how the results are shown.
func reportFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output: text or json"},
		&cli.IntFlag{Name: "top", Value: 10, Usage: "cities shown in the report's tables"},
	}
}

// parameters reads the study's parameters from the flags, each concern's
// from its own flags.
func parameters(cmd *cli.Command) (analysis.Parameters, error) {
	p := analysis.DefaultParameters()
	p.Year = cmd.Int("year")
	tiers, err := analysis.ParseTiers(cmd.String("tiers"))
	if err != nil {
		return p, usageError{err}
	}
	p.Tiers = tiers
	for _, read := range []func(*cli.Command, *analysis.Parameters) error{
		readNetworkFlags,
	} {
		if err := read(cmd, &p); err != nil {
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
