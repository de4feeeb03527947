package data

import (
	"bytes"
	"collab/param"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The fields each JSON object may hold. A field outside these lists is an
// error, with the nearest known name suggested.
var (
	datasetFields = []string{"name", "description", "score_label", "notes", "cities", "links", "directed"}
	cityFields    = []string{"id", "name", "name_local", "province", "lat", "lon", "score", "scores", "population", "gdp", "neighbors", "variables"}
	linkFields    = []string{"source", "target", "weight", "kind"}
)

// decodeJSON reads collab's JSON format or, when the top level says
// "type": "FeatureCollection", GeoJSON. geoJSON says the file's name
// promises GeoJSON.
func (o Options) decodeJSON(name string, src []byte, geoJSON bool) decoded {
	src = bytes.TrimPrefix(src, utf8BOM)
	lines := newLineIndex(src)
	if p, bad := encodingProblem(name, src, lines); bad {
		return decoded{problems: Problems{p}}
	}
	if !geoJSON && json.Valid(src) {
		if ds, unplaced, ok := o.decodeStream(src); ok {
			if err := o.mappingUnsupported("collab's JSON format"); err != nil {
				return decoded{err: err}
			}
			return decoded{ds: ds, loc: &lazyJSONLocator{opts: o, name: name, src: src, lines: lines}, unplaced: unplaced}
		}
	}
	root, err := parseTree(src, maxTreeSize)
	var se *syntaxError
	switch {
	case errors.As(err, &se):
		return decoded{problems: Problems{{File: name, Pos: lines.position(se.offset), Msg: "invalid JSON: " + se.msg}}}
	case err != nil:
		return decoded{err: fmt.Errorf("%s: %w; give the cities as CSV, which is read row by row (or simplify the boundaries of a GeoJSON file)", name, err)}
	}
	if geoJSON || isFeatureCollection(root) {
		return o.decodeGeoJSON(name, root, lines)
	}
	if err := o.mappingUnsupported("collab's JSON format"); err != nil {
		return decoded{err: err}
	}
	r := &jsonReader{file: name, lines: lines, opts: o}
	ds, ok := r.dataset(root)
	if !ok {
		ds = nil
	} else {
		ds.Input.Format = "JSON"
	}
	return decoded{ds: ds, loc: r, problems: r.problems, missing: r.missing, unplaced: r.unplaced}
}

// jsonReader decodes the tree into a Dataset, collecting problems; it keeps
// the city and link nodes so that validation can point into the file.
type jsonReader struct {
	file      string
	lines     *lineIndex
	cityNodes []*node
	linkNodes []*node
	problems  Problems
	opts      Options
	missing   []missingCell
	unplaced  []int // cities without lat and lon, for Options.Place
}

func (r *jsonReader) add(n *node, path, format string, args ...any) {
	r.addHint(n, path, param.Message{}, format, args...)
}

// addHint is add with a hint that names an option.
func (r *jsonReader) addHint(n *node, path string, hint param.Message, format string, args ...any) {
	r.problems = append(r.problems, Problem{File: r.file, Pos: r.lines.position(n.offset), Path: path, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// dataset decodes the top-level object; ok is false when there are no
// cities to validate.
func (r *jsonReader) dataset(root *node) (ds *Dataset, ok bool) {
	ds = &Dataset{}
	if root.kind != kindObject {
		r.add(root, "", `the top level must be an object such as {"name": "...", "cities": [...]}, not %s`, root.kind)
		return ds, false
	}
	r.unknownFields(root, "", datasetFields)
	ds.Name = r.str(root, "", "name")
	ds.Description = r.str(root, "", "description")
	ds.ScoreLabel = r.str(root, "", "score_label")
	ds.Directed = r.boolean(root, "", "directed")
	if n := root.field("notes"); n != nil {
		for i, item := range r.array(n, "notes") {
			ds.Notes = append(ds.Notes, r.stringValue(item, fmt.Sprintf("notes[%d]", i)))
		}
	}
	cities := root.field("cities")
	if cities == nil {
		r.add(root, "", `missing "cities": a list of city objects with "id", "lat", "lon" and "score" or "scores"`)
		return ds, false
	}
	r.cityNodes = r.array(cities, "cities")
	ds.Cities = make([]City, len(r.cityNodes))
	for i, n := range r.cityNodes {
		ds.Cities[i] = r.city(n, fmt.Sprintf("cities[%d]", i))
		if r.placeable(n) {
			r.unplaced = append(r.unplaced, i)
		}
	}
	ds.Years = r.panel(ds)
	r.variables(ds)
	if links := root.field("links"); links != nil {
		r.linkNodes = r.array(links, "links")
		for i, n := range r.linkNodes {
			ds.Links = append(ds.Links, r.link(n, fmt.Sprintf("links[%d]", i)))
		}
	}
	return ds, true
}

// cityScores keeps what a city object said about its scores until the panel's
// years are known.
type cityScores struct {
	single *float64
	byYear map[int]float64
	node   *node
}

func (r *jsonReader) city(n *node, path string) City {
	var c City
	if n.kind != kindObject {
		r.add(n, path, "a city must be an object, not %s", n.kind)
		return c
	}
	r.unknownFields(n, path, cityFields)
	c.ID = r.id(n, path, "id", !r.placeable(n) || n.field("name") == nil && n.field("name_local") == nil)
	c.Name = r.str(n, path, "name")
	if c.Name == "" {
		c.Name = c.ID
	}
	c.NameLocal = r.str(n, path, "name_local")
	c.Province = r.str(n, path, "province")
	if r.placeable(n) {
		c.Lat, c.Lon = unpositioned, unpositioned
	} else {
		c.Lat = r.requiredNumber(n, path, "lat", "degrees north, between -90 and 90")
		c.Lon = r.requiredNumber(n, path, "lon", "degrees east, between -180 and 180")
	}
	c.Population = r.number(n, path, "population")
	c.GDP = r.number(n, path, "gdp")
	if nb := n.field("neighbors"); nb != nil {
		for i, item := range r.array(nb, path+".neighbors") {
			c.Neighbors = append(c.Neighbors, r.idValue(item, fmt.Sprintf("%s.neighbors[%d]", path, i)))
		}
	}
	return c
}

// panel reads every city's "score" or "scores", checks that all cities use
// the same form and cover the same years, and fills City.Scores.
func (r *jsonReader) panel(ds *Dataset) []int {
	raw := make([]cityScores, len(r.cityNodes))
	years := map[int]bool{}
	singles, panels := 0, 0
	for i, n := range r.cityNodes {
		if n.kind != kindObject {
			continue
		}
		raw[i] = r.scores(n, fmt.Sprintf("cities[%d]", i))
		if raw[i].single != nil {
			singles++
		}
		if raw[i].byYear != nil {
			panels++
			for y := range raw[i].byYear {
				years[y] = true
			}
		}
	}
	if singles > 0 && panels > 0 {
		for i, s := range raw {
			if s.single != nil {
				r.add(s.node, fmt.Sprintf("cities[%d]", i), `has "score" while %d other cities have "scores" by year; use one form for every city`, panels)
			}
		}
		return nil
	}
	if r.opts.ScoreOptional && singles+panels > 0 {
		for i, s := range raw {
			if s.node != nil && s.single == nil && s.byYear == nil && s.node.field("score") == nil && s.node.field("scores") == nil {
				r.add(s.node, fmt.Sprintf("cities[%d]", i), `missing "score": other cities have one; give every city a score, or none`)
			}
		}
	}
	if panels == 0 {
		for i, s := range raw {
			if s.single != nil {
				ds.Cities[i].Scores = []float64{*s.single}
			}
		}
		return nil
	}
	list := make([]int, 0, len(years))
	for y := range years {
		list = append(list, y)
	}
	slices.Sort(list)
	for i, s := range raw {
		if s.byYear == nil {
			continue
		}
		var missing []int
		scores := make([]float64, len(list))
		for k, y := range list {
			v, ok := s.byYear[y]
			if !ok {
				missing = append(missing, y)
			}
			scores[k] = v
		}
		if len(missing) > 0 {
			r.add(s.node, fmt.Sprintf("cities[%d].scores", i), "no score for %s; every city needs a score for each year of the panel (%s)", joinInts(missing), joinInts(list))
		}
		ds.Cities[i].Scores = scores
	}
	return list
}

func (r *jsonReader) scores(n *node, path string) cityScores {
	out := cityScores{node: n}
	single, panel := n.field("score"), n.field("scores")
	switch {
	case single != nil && panel != nil:
		r.add(panel, path, `has both "score" and "scores"; give "score" for one cross-section or "scores" by year, not both`)
	case single == nil && panel == nil:
		if !r.opts.ScoreOptional {
			r.add(n, path, `missing "score": a number >= 0, or "scores": {"2021": 572.3, ...} by year`)
		}
	case single != nil:
		if v, ok := r.numberValue(single, path+".score"); ok {
			out.single = &v
		}
	default:
		if panel.kind != kindObject {
			r.add(panel, path+".scores", `must be an object of scores by year, such as {"2001": 1.6, "2021": 572.3}, not %s`, panel.kind)
			return out
		}
		out.byYear = map[int]float64{}
		for k, key := range panel.keys {
			year, err := strconv.Atoi(key)
			if err != nil || year < 1 || year > 9999 {
				r.problems = append(r.problems, Problem{File: r.file, Pos: r.lines.position(panel.keyOff[k]), Path: path + ".scores",
					Msg: fmt.Sprintf("%q is not a year: keys must be years such as \"2021\"", key)})
				continue
			}
			if v, ok := r.numberValue(panel.fields[k], fmt.Sprintf("%s.scores.%s", path, key)); ok {
				out.byYear[year] = v
			}
		}
	}
	return out
}

func (r *jsonReader) link(n *node, path string) Link {
	l := Link{Weight: 1}
	if n.kind != kindObject {
		r.add(n, path, `a link must be an object such as {"source": "310100", "target": "320500", "weight": 412}, not %s`, n.kind)
		return l
	}
	r.unknownFields(n, path, linkFields)
	l.Source = r.id(n, path, "source", false) // validation reports a missing end
	l.Target = r.id(n, path, "target", false)
	l.Kind = r.str(n, path, "kind")
	if w := n.field("weight"); w != nil {
		if v, ok := r.numberValue(w, path+".weight"); ok {
			l.Weight = v
		}
	}
	return l
}

func (r *jsonReader) unknownFields(n *node, path string, known []string) {
	seen := map[string]bool{}
	for i, key := range n.keys {
		// Positions are found only for problems: on a long line (minified
		// JSON) finding one costs the length of the line.
		at := func(msg string) Problem {
			return Problem{File: r.file, Pos: r.lines.position(n.keyOff[i]), Path: joinPath(path, key), Msg: msg}
		}
		switch {
		case seen[key]:
			r.problems = append(r.problems, at("field given twice; keep one"))
		case !slices.Contains(known, key):
			r.problems = append(r.problems, at(unknownFieldMessage(key, known)))
		}
		seen[key] = true
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (r *jsonReader) array(n *node, path string) []*node {
	switch {
	case n.kind != kindArray:
		r.add(n, path, "must be an array [...], not %s", n.kind)
	case n.ring != nil:
		r.add(n, path, "must be an array of records or names, not of coordinate pairs")
	}
	return n.items
}

func (r *jsonReader) str(obj *node, path, key string) string {
	if n := obj.field(key); n != nil {
		return r.stringValue(n, joinPath(path, key))
	}
	return ""
}

func (r *jsonReader) stringValue(n *node, path string) string {
	if n.kind != kindString {
		r.add(n, path, "must be a string, not %s", n.kind)
		return ""
	}
	return n.text
}

// id reads a city identifier. Numbers are accepted as written (administrative
// codes often arrive as numbers from spreadsheets) and kept as strings.
func (r *jsonReader) id(obj *node, path, key string, required bool) string {
	n := obj.field(key)
	if n == nil {
		if required {
			r.add(obj, path, "missing %q: the id of a city, a string such as \"320500\"", key)
		}
		return ""
	}
	return r.idValue(n, joinPath(path, key))
}

func (r *jsonReader) idValue(n *node, path string) string {
	if n.kind != kindString && n.kind != kindNumber {
		r.add(n, path, "must be a city id (a string such as \"320500\"), not %s", n.kind)
		return ""
	}
	return n.text
}

func (r *jsonReader) boolean(obj *node, path, key string) bool {
	n := obj.field(key)
	if n == nil {
		return false
	}
	if n.kind != kindBool {
		r.add(n, joinPath(path, key), "must be true or false, not %s", n.kind)
	}
	return n.truth
}

func (r *jsonReader) requiredNumber(obj *node, path, key, meaning string) float64 {
	n := obj.field(key)
	if n == nil {
		r.add(obj, path, "missing %q: %s", key, meaning)
		return math.NaN()
	}
	v, _ := r.numberValue(n, joinPath(path, key))
	return v
}

func (r *jsonReader) number(obj *node, path, key string) float64 {
	if n := obj.field(key); n != nil {
		v, _ := r.numberValue(n, joinPath(path, key))
		return v
	}
	return 0
}

// numberValue parses a number; a literal too large for float64 becomes ±Inf
// and is reported by validation as not finite.
func (r *jsonReader) numberValue(n *node, path string) (float64, bool) {
	if n.kind != kindNumber {
		hint := ""
		if n.kind == kindString {
			if _, err := strconv.ParseFloat(n.text, 64); err == nil {
				hint = fmt.Sprintf(" (write %s without quotes)", n.text)
			}
		}
		r.add(n, path, "must be a number, not %s%s", n.kind, hint)
		return math.NaN(), false
	}
	v, _ := strconv.ParseFloat(n.text, 64)
	return v, true
}

// locate implements locator for validation: the position of a city's or a
// link's field (or of the record itself when field is "" or absent).
func (r *jsonReader) locate(kind recordKind, i int, field string) Problem {
	nodes, name := r.cityNodes, "cities"
	if kind == linkRecord {
		nodes, name = r.linkNodes, "links"
	}
	p := Problem{File: r.file, Path: fmt.Sprintf("%s[%d]", name, i)}
	if i >= len(nodes) {
		return p
	}
	n := nodes[i]
	// A panel's score is a field of "scores": scores.2021.
	for key := range strings.SplitSeq(field, ".") {
		f := n.field(key)
		if f == nil || key == "" {
			break
		}
		n, p.Path = f, p.Path+"."+key
	}
	p.Pos = r.lines.position(n.offset)
	return p
}

func (r *jsonReader) fileName() string { return r.file }
