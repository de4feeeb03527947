package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v3"

	"collab/gazetteer"
)

// regionFormats are the forms collab regions writes.
var regionFormats = []string{"text", "csv", "json"}

func (env *environment) regionsCommand() *cli.Command {
	return &cli.Command{
		Name:      "regions",
		Usage:     "list the named regions of the built-in gazetteer of China's cities, or one region's members",
		ArgsUsage: "[NAME]",
		Description: `Without NAME, lists the regions --region keeps (yrd, bth, gba, chengyu,
china) with their number of cities. With NAME, lists its members: adcode,
English name (where known), Chinese name, province, city-seat coordinates
and, in CSV and JSON, the neighbours within the region (boundary contiguity
of the gazetteer). A table of cities without lat and lon (name,score or
adcode,score rows) is placed from the same gazetteer.

Examples:
   collab regions
   collab regions gba
   collab regions gba --format csv > gba.csv`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "the format to write: " + strings.Join(regionFormats, ", ")},
		},
		Action: func(_ context.Context, cmd *cli.Command) error {
			format := cmd.String("format")
			if !slices.Contains(regionFormats, format) {
				return usagef("--format %q: choose one of %s (collab regions gba --format csv)", format, strings.Join(regionFormats, ", "))
			}
			g := gazetteer.Default()
			switch cmd.NArg() {
			case 0:
				return writeRegions(env.stdout, g.Regions(), format)
			case 1:
				region, err := g.Region(cmd.Args().First())
				if err != nil {
					return usagef("%v", err)
				}
				return writeMembers(env.stdout, g, region, format)
			}
			return usagef("regions takes at most one NAME (collab regions gba)")
		},
	}
}

// writeRegions lists the regions with their sizes.
func writeRegions(w io.Writer, regions []gazetteer.Region, format string) error {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"region", "cities", "title"})
		for _, r := range regions {
			cw.Write([]string{r.Name, strconv.Itoa(len(r.Adcodes)), r.Title})
		}
		cw.Flush()
		return cw.Error()
	case "json":
		type entry struct {
			Name   string `json:"name"`
			Cities int    `json:"cities"`
			Title  string `json:"title"`
		}
		list := make([]entry, len(regions))
		for i, r := range regions {
			list[i] = entry{r.Name, len(r.Adcodes), r.Title}
		}
		return writeJSON(w, list)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "region\tcities\ttitle")
	for _, r := range regions {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", r.Name, len(r.Adcodes), r.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\ncollab regions NAME lists a region's cities; --region NAME keeps them of a larger file")
	return err
}

// member is one city of a region as collab regions writes it.
type member struct {
	Adcode    string   `json:"adcode"`
	Name      string   `json:"name"`
	NameZH    string   `json:"name_zh"`
	Province  string   `json:"province"`
	Lat       *float64 `json:"lat"` // null for a city the gazetteer has no position of (Sansha)
	Lon       *float64 `json:"lon"`
	Neighbors []string `json:"neighbors"` // within the region
}

// members returns the cities of a region with their neighbours in it.
func members(g *gazetteer.Gazetteer, r gazetteer.Region) []member {
	in := map[string]bool{}
	for _, code := range r.Adcodes {
		in[code] = true
	}
	out := make([]member, 0, len(r.Adcodes))
	for _, code := range r.Adcodes {
		c, _ := g.ByAdcode(code)
		m := member{Adcode: c.Adcode, Name: c.Name, NameZH: c.NameZH, Province: c.Province, Neighbors: []string{}}
		if c.Located {
			lat, lon := c.Position[1], c.Position[0]
			m.Lat, m.Lon = &lat, &lon
		}
		for _, nb := range c.Neighbors {
			if in[nb] {
				m.Neighbors = append(m.Neighbors, nb)
			}
		}
		out = append(out, m)
	}
	return out
}

// writeMembers lists a region's cities.
func writeMembers(w io.Writer, g *gazetteer.Gazetteer, r gazetteer.Region, format string) error {
	list := members(g, r)
	coord := func(x *float64) string {
		if x == nil {
			return ""
		}
		return strconv.FormatFloat(*x, 'f', -1, 64)
	}
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"id", "name", "name_local", "province", "lat", "lon", "neighbors"})
		for _, m := range list {
			cw.Write([]string{m.Adcode, m.Name, m.NameZH, m.Province, coord(m.Lat), coord(m.Lon), strings.Join(m.Neighbors, ";")})
		}
		cw.Flush()
		return cw.Error()
	case "json":
		return writeJSON(w, struct {
			Name   string   `json:"name"`
			Title  string   `json:"title"`
			Cities []member `json:"cities"`
		}{r.Name, r.Title, list})
	}
	fmt.Fprintf(w, "%s: %s, %d cities (neighbours: those in the region whose boundaries touch)\n\n", r.Name, r.Title, len(list))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	// The Chinese name comes last: tabwriter counts a character as one
	// column, and a Chinese character takes two on a terminal.
	fmt.Fprintln(tw, "adcode\tname\tprovince\tlat\tlon\tneighbours\tChinese")
	for _, m := range list {
		name := m.Name
		if name == "" {
			name = "-"
		}
		lat, lon := coord(m.Lat), coord(m.Lon)
		if m.Lat == nil {
			lat, lon = "-", "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", m.Adcode, name, m.Province, lat, lon, len(m.Neighbors), m.NameZH)
	}
	return tw.Flush()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
