package main

import (
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
		&cli.FloatFlag{Name: "snap-m", Value: spatial.DefaultSnapM, Usage: "polygon vertices closer than this many metres are one point, for queen contiguity from GeoJSON boundaries"},
	}
}

func readInputFlags(cmd *cli.Command) (data.Options, error) {
	o := data.Options{ID: cmd.String("id"), Score: cmd.String("score"), Name: cmd.String("name"),
		Links: cmd.String("links"), SnapM: cmd.Float("snap-m")}
	if !(o.SnapM > 0) {
		return o, usagef("--snap-m %g: give a distance in metres > 0, such as 1", o.SnapM)
	}
	return o, nil
}
