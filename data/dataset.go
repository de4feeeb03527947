package data

import (
	"collab/geom"
	"collab/param"
	"slices"
	"strconv"
	"strings"
)

// Dataset is a region: its cities, their innovation scores (one cross-section
// or a panel by year) and, optionally, observed links between them.
type Dataset struct {
	Name        string
	Description string
	ScoreLabel  string
	Notes       []string
	// Years lists the panel's years in ascending order; it is empty when the
	// cities carry a single "score".
	Years  []int
	Cities []City
	// VariableNames lists the variables the cities carry besides the
	// score (City.Variables), in the order the file first gives them.
	VariableNames []string
	// Attributes are the input's own properties besides the city's fields,
	// with their declared types (GeoJSON input only; see Attribute).
	Attributes []Attribute
	Links      []Link
	Directed   bool // links are directed (source -> target)
	// Warnings are doubts about the data that do not stop the analysis.
	Warnings Problems
	// Input says how the file was read, for summaries.
	Input Input
}

// Input describes how a dataset was read.
type Input struct {
	// Source names where the dataset was read from: a file's name,
	// "standard input", the embedded sample.
	Source string
	Format string // "JSON", "CSV" or "GeoJSON"
	// Ignored lists the columns (CSV) or properties (GeoJSON) outside the
	// city's fields, as named in the file: the study does not use them,
	// though the numeric ones are read as variables (VariableNames).
	Ignored []string
	// Variables names every variable the file offers, as a variable would
	// be named (a panel's columns NAME_YYYY once, as NAME), whether read or
	// left out by Options.Variables.
	Variables []string
	// Dropped lists the ids of the cities dropped for missing values
	// (Options.Missing "drop").
	Dropped []string
	// Polygons counts the features whose boundaries gave the position.
	Polygons int
	// LinksFile names the file the links came from when it is not the
	// cities' file.
	LinksFile string
	// Placed counts the cities given without lat and lon and placed by
	// Options.Place.
	Placed int
	// LinksYear is the year whose links were read from a links file with
	// a year column; 0 when it has none.
	LinksYear int
}

// City is one node of the region.
type City struct {
	ID        string
	Name      string
	NameLocal string
	Province  string
	Lat, Lon  float64 // WGS84 degrees
	// Scores holds one score per entry of Dataset.Years, or a single score
	// when the dataset has no years.
	Scores     []float64
	Population float64 // 0 when not given
	GDP        float64 // 0 when not given
	Neighbors  []string
	// Variables holds the city's other numeric values by name (R&D
	// spending, talent, ...): one value per entry of Dataset.Years, or one
	// value when the dataset has no years. A variable given once in a panel
	// (a plain number, a column without a year) holds that value for every
	// year. Values are finite and may be negative. nil when the dataset has
	// no variables.
	Variables map[string][]float64
	// Boundary is the city's polygon or polygons when the file gave them
	// (a GeoJSON Polygon or MultiPolygon); Lat and Lon are then its
	// centroid. nil for a city given as a point.
	Boundary geom.MultiPolygon
	// Attributes holds one value per Dataset.Attributes entry: nil, or an
	// int64, float64, string or bool by the attribute's type.
	Attributes []any
}

// HasBoundaries reports whether any city has a boundary.
func (d *Dataset) HasBoundaries() bool {
	for _, c := range d.Cities {
		if c.Boundary != nil {
			return true
		}
	}
	return false
}

// Points returns the cities' positions.
func (d *Dataset) Points() []geom.Point {
	p := make([]geom.Point, len(d.Cities))
	for i, c := range d.Cities {
		p[i] = geom.Point{c.Lon, c.Lat}
	}
	return p
}

// Link is an observed linkage between two cities, by city id.
type Link struct {
	Source, Target string
	Weight         float64
	Kind           string
}

// HasNeighbors reports whether any city lists contiguity neighbours.
func (d *Dataset) HasNeighbors() bool {
	for _, c := range d.Cities {
		if len(c.Neighbors) > 0 {
			return true
		}
	}
	return false
}

// YearIndex resolves a requested year to an index into City.Scores. Year 0
// means the latest year (or the single score of a dataset without years).
func (d *Dataset) YearIndex(year int) (int, error) {
	if len(d.Years) == 0 {
		if year != 0 {
			return 0, param.Errorf("year", year, "the dataset has a single score per city, not a panel by year")
		}
		return 0, nil
	}
	if year == 0 {
		return len(d.Years) - 1, nil
	}
	if i := slices.Index(d.Years, year); i >= 0 {
		return i, nil
	}
	return 0, param.Errorf("year", year, "the dataset has scores for %s", joinInts(d.Years))
}

// Scores returns every city's score for the year at index yi (see YearIndex).
func (d *Dataset) Scores(yi int) []float64 {
	s := make([]float64, len(d.Cities))
	for i, c := range d.Cities {
		s[i] = c.Scores[yi]
	}
	return s
}

// Index maps each city id to its position in Cities.
func (d *Dataset) Index() map[string]int {
	idx := make(map[string]int, len(d.Cities))
	for i, c := range d.Cities {
		idx[c.ID] = i
	}
	return idx
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}

// KeepCities keeps the cities for which keep is true, their neighbours
// among them and the links between them (a region of a larger table).
func (d *Dataset) KeepCities(keep func(City) bool) {
	d.Cities = slices.DeleteFunc(d.Cities, func(c City) bool { return !keep(c) })
	kept := make(map[string]bool, len(d.Cities))
	for _, c := range d.Cities {
		kept[c.ID] = true
	}
	for i := range d.Cities {
		c := &d.Cities[i]
		c.Neighbors = slices.DeleteFunc(c.Neighbors, func(id string) bool { return !kept[id] })
	}
	d.Links = slices.DeleteFunc(d.Links, func(l Link) bool { return !kept[l.Source] || !kept[l.Target] })
}
