package main

import (
	"bytes"
	"context"
	"encoding/csv"

	"github.com/urfave/cli/v3"

	"collab/data"
)

// sampleFlags choose what collab sample prints: the dataset as JSON or
// CSV, or a links file to try --links with.
func sampleFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "json (collab's format) or csv (one row per city, as a spreadsheet exports it)"},
		&cli.BoolFlag{Name: "links", Usage: "print a links file instead, source,target,weight,kind: the sample's 97 pairs of neighbouring cities (an example of the format for --links, not observed collaboration)"},
	}
}

func (env *environment) sample(_ context.Context, cmd *cli.Command) error {
	if cmd.NArg() > 0 {
		return usagef("sample takes no arguments")
	}
	format := cmd.String("format")
	if format != "json" && format != "csv" {
		return usagef("--format %q: choose json or csv", format)
	}
	if cmd.Bool("links") {
		return env.sampleLinks()
	}
	if format == "json" {
		_, err := env.stdout.Write(data.Sample())
		return err
	}
	ds, err := data.Read(bytes.NewReader(data.Sample()), data.SampleName, data.Options{})
	if err != nil {
		return err
	}
	return data.WriteCSV(env.stdout, ds)
}

// sampleLinks writes each pair of neighbouring cities of the sample once,
// with weight 1, in the order of the cities: a links file that exists, so
// that the README's --links examples run as written.
func (env *environment) sampleLinks() error {
	ds, err := data.Read(bytes.NewReader(data.Sample()), data.SampleName, data.Options{})
	if err != nil {
		return err
	}
	order := map[string]int{}
	for i, c := range ds.Cities {
		order[c.ID] = i
	}
	w := csv.NewWriter(env.stdout)
	w.Write([]string{"source", "target", "weight", "kind"})
	for i, c := range ds.Cities {
		for _, nb := range c.Neighbors {
			if j, ok := order[nb]; ok && j > i {
				w.Write([]string{c.ID, nb, "1", "contiguity"})
			}
		}
	}
	w.Flush()
	return w.Error()
}
