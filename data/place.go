package data

import (
	"math"
	"slices"
	"strings"
)

// Placer gives a position to a city that a file names without one: a
// gazetteer, such as collab's of China's prefecture-level cities, which
// the command line passes in Options.Place (data imports no gazetteer, so
// that any can serve).
type Placer interface {
	// Place returns the city that c, a record without lat and lon, names
	// by its ID, Name or NameLocal: the placer's id, position, province and
	// names, and its neighbours by the placer's ids. An error says why no
	// single city matches (the candidates of an ambiguous name, the
	// nearest spellings of an unknown one).
	Place(c City) (City, error)
}

// placerIDColumns are the columns taken as the id when a file for a placer
// has no id column: a table of adcodes and scores.
var placerIDColumns = []string{"adcode", "code"}

// withPlacerColumns maps the id to an adcode column of header when the
// options place cities and header has no id column of its own.
func (o Options) withPlacerColumns(header []string) Options {
	if o.Place == nil {
		return o
	}
	has := func(name string) bool {
		return slices.ContainsFunc(header, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), name) })
	}
	if has(o.idColumn()) {
		return o
	}
	for _, c := range placerIDColumns {
		if has(c) {
			o.ID = c
			return o
		}
	}
	return o
}

// placesBy reports whether the options place the cities of a schema that
// lacks field: the id when the file names its cities, the position when
// the file has neither lat nor lon.
func (o Options) placesBy(s *schema, field string) bool {
	if o.Place == nil {
		return false
	}
	_, lat := s.col["lat"]
	_, lon := s.col["lon"]
	_, name := s.col["name"]
	_, local := s.col["name_local"]
	switch field {
	case "id":
		return name || local
	case "lat", "lon":
		return !lat && !lon
	}
	return false
}

// placeable reports whether the record d holds is to be placed: the
// options place cities and it has neither lat nor lon.
func (o Options) placeable(d *flatDecoder) bool {
	return o.Place != nil && !d.given("lat") && !d.given("lon")
}

// place gives each city of d.unplaced the placer's id, position, province
// and neighbours (those among the dataset's cities), reporting at once
// every city that it cannot place. The neighbours and links that name a
// placed city by its id in the file, or by its name, are renamed to its
// new id.
func (o Options) place(d *decoded) {
	if o.Place == nil || d.ds == nil || len(d.unplaced) == 0 {
		return
	}
	ds := d.ds
	renamed := map[string]string{} // a placed city's id or name in the file -> its new id; "" when two cities share it
	rename := func(from, to string) {
		if from == "" || from == to {
			return
		}
		if prev, ok := renamed[from]; ok && prev != to {
			to = ""
		}
		renamed[from] = to
	}
	gazetteerNeighbors := map[int][]string{}
	for _, i := range d.unplaced {
		c := &ds.Cities[i]
		if c.ID == "" && c.Name == "" && c.NameLocal == "" {
			continue // nothing to place it by: validation reports the empty id
		}
		p, err := o.Place.Place(*c)
		if err != nil {
			d.problems = append(d.problems, placeProblem(d.loc, i, *c, err))
			c.ID = orDefault(c.ID, orDefault(c.Name, c.NameLocal)) // reported here, not again as an empty id
			continue
		}
		rename(c.ID, p.ID)
		rename(c.Name, p.ID)
		rename(c.NameLocal, p.ID)
		if c.Name == "" || c.Name == c.ID {
			c.Name = orDefault(p.Name, p.NameLocal)
		}
		c.ID, c.Lat, c.Lon = p.ID, p.Lat, p.Lon
		c.NameLocal = orDefault(c.NameLocal, p.NameLocal)
		c.Province = orDefault(c.Province, p.Province)
		gazetteerNeighbors[i] = p.Neighbors
		ds.Input.Placed++
	}
	present := make(map[string]bool, len(ds.Cities))
	for _, c := range ds.Cities {
		present[c.ID] = true
	}
	newID := func(id string) string {
		if to := renamed[id]; !present[id] && to != "" {
			return to
		}
		return id
	}
	for i := range ds.Cities {
		c := &ds.Cities[i]
		for k, nb := range c.Neighbors {
			c.Neighbors[k] = newID(nb)
		}
		for _, nb := range gazetteerNeighbors[i] {
			if present[nb] && !slices.Contains(c.Neighbors, nb) {
				c.Neighbors = append(c.Neighbors, nb)
			}
		}
	}
	for i := range ds.Links {
		l := &ds.Links[i]
		l.Source, l.Target = newID(l.Source), newID(l.Target)
	}
}

// placeProblem reports a city the placer could not place, at the field
// that named it.
func placeProblem(loc locator, i int, c City, err error) Problem {
	field := "id"
	if c.ID == "" || (c.Name != "" && c.Name != c.ID) {
		field = "name"
	}
	if c.ID == "" && c.Name == "" {
		field = "name_local"
	}
	p := loc.locate(cityRecord, i, field)
	p.Msg = "no lat and lon, and " + err.Error()
	return p
}

// unpositioned is the position of a city to be placed, until it is.
var unpositioned = math.NaN()

// placeable reports whether the city object n is to be placed: the
// options place cities and it has neither lat nor lon.
func (r *jsonReader) placeable(n *node) bool {
	return r.opts.Place != nil && n.kind == kindObject && n.field("lat") == nil && n.field("lon") == nil
}
