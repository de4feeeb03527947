package main

import (
	"bytes"
	"io"
	"os"
	"slices"

	"github.com/urfave/cli/v3"

	"collab/data"
	"collab/spatial"
)

// inputFlags say how to read the user's file: the columns (CSV) or
// properties (GeoJSON) of the id, score and name, a links file, and the
// tolerance for contiguity from polygons.
func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "links", Usage: "a CSV file of observed links: source,target,weight[,kind] (e.g. --links copatents.csv)"},
		&cli.StringFlag{Name: "id", Value: "id", Usage: "the column or property holding the city id (e.g. --id adcode)"},
		&cli.StringFlag{Name: "score", Value: "score", Usage: "the score column, or the prefix of panel columns NAME_YYYY (e.g. --score patents_2021, or --score patents for patents_2001, patents_2021)"},
		&cli.StringFlag{Name: "name", Value: "name", Usage: "the column or property holding the city name (e.g. --name city_en)"},
		&cli.StringFlag{Name: "lat", Usage: "the column or property holding the latitude (default lat)"},
		&cli.StringFlag{Name: "lon", Usage: "the column or property holding the longitude (default lon)"},
		&cli.StringFlag{Name: "province", Usage: "the column or property holding the province, the groups of Theil's and Dagum's decompositions (default province)"},
		&cli.StringFlag{Name: "name-local", Usage: "the column or property holding the local name, e.g. in Chinese (default name_local)"},
		&cli.StringFlag{Name: "source", Usage: "the --links file's column of a link's first city (default source, else from)"},
		&cli.StringFlag{Name: "target", Usage: "the --links file's column of a link's second city (default target, else to)"},
		&cli.StringFlag{Name: "weight", Usage: "the --links file's column of a link's weight (default weight, else count)"},
		&cli.BoolFlag{Name: "links-directed", Usage: "the --links file's links are directed, source -> target"},
		&cli.StringFlag{Name: "title", Usage: "the region's name in the report and on the maps (default: the dataset's name, or the file's)"},
		&cli.FloatFlag{Name: "snap-m", Value: spatial.DefaultSnapM, Usage: "polygon vertices closer than this many metres are one point, for queen contiguity from GeoJSON boundaries"},
		regionFlag(),
	}
}

// input is what the input flags ask for: the column mapping, the links
// file ("" for none, "-" standard input) and the snap tolerance of queen
// contiguity.
type input struct {
	columns data.Options
	links   string
	snapM   float64
	region  string // a named region whose cities are kept (--region), or ""
	title   string // the region's name, when --title gives it
}

func readInputFlags(cmd *cli.Command) (input, error) {
	in := input{columns: data.Options{ID: cmd.String("id"), Score: cmd.String("score"), Name: cmd.String("name"),
		Lat: cmd.String("lat"), Lon: cmd.String("lon"), Province: cmd.String("province"), NameLocal: cmd.String("name-local"),
		Source: cmd.String("source"), Target: cmd.String("target"), Weight: cmd.String("weight"), LinksDirected: cmd.Bool("links-directed")},
		links: cmd.String("links"), snapM: cmd.Float("snap-m"), region: cmd.String("region"), title: cmd.String("title")}
	in.columns.Place = placer()
	if in.links == "" {
		for _, f := range []string{"source", "target", "weight", "links-directed"} {
			if cmd.IsSet(f) {
				return in, usagef("--%s describes the --links file: give one (--links links.csv)", f)
			}
		}
	}
	if !(in.snapM > 0) {
		return in, usagef("--snap-m %g: give a distance in metres > 0, such as 1", in.snapM)
	}
	return in, nil
}

// load reads the dataset at path ("-" standard input) with its links
// file, or the embedded sample when path is empty (and says so on stderr,
// so that nobody mistakes it for their own data). source names it for the
// report.
func (env *environment) load(path string, in input) (ds *data.Dataset, source string, err error) {
	if path == "-" && in.links == "-" {
		return nil, "", usagef("--links -: standard input already holds the cities; give the links as a file")
	}
	o := in.columns
	if in.links != "" {
		links, done, err := env.open(in.links)
		if err != nil {
			return nil, "", err
		}
		defer done()
		o.Links, o.LinksName = links, in.links
	}
	if path == "" && in.links != "-" {
		if piped, ok := env.pipedStdin(); ok {
			say(env.stderr, "no FILE given: reading the dataset from standard input")
			env.stdin, path = piped, "-"
		}
	}
	if path == "" {
		say(env.stderr, "no FILE given: analysing the embedded Yangtze River Delta sample (collab sample prints it)")
		ds, err := data.Read(bytes.NewReader(data.Sample()), data.SampleName, o)
		if err == nil {
			err = env.afterRead(ds, in, data.SampleName)
		}
		return ds, data.SampleName, err
	}
	r, done, err := env.open(path)
	if err != nil {
		return nil, "", err
	}
	defer done()
	source = path
	if path == "-" {
		source = "standard input"
	}
	ds, err = data.Read(r, path, o)
	if err == nil {
		err = env.afterRead(ds, in, source)
	}
	return ds, source, err
}

// open opens the file at path for reading, or standard input for "-".
func (env *environment) open(path string) (r io.Reader, done func(), err error) {
	if path == "-" {
		return env.stdin, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// encodingText is a parameter that parses itself from its flag's text.
type encodingText interface{ UnmarshalText([]byte) error }

// textFlags parses each flag named into its parameter, in the order of the
// flags' names; the first error wins.
func textFlags(cmd *cli.Command, flags map[string]encodingText) error {
	names := make([]string, 0, len(flags))
	for name := range flags {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := flags[name].UnmarshalText([]byte(cmd.String(name))); err != nil {
			return err
		}
	}
	return nil
}
