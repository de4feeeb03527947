package data

import (
	"collab/param"
	"fmt"
	"math"
	"strconv"
	"strings"

	"collab/geom"
)

// isFeatureCollection tells GeoJSON from collab's JSON format.
func isFeatureCollection(root *node) bool {
	t := root.field("type")
	return root.kind == kindObject && t != nil && t.kind == kindString && t.text == "FeatureCollection"
}

// geoReader decodes a GeoJSON FeatureCollection: one city per feature, its
// fields from the feature's properties, its position from a Point, or from
// the centroid of a Polygon or MultiPolygon, whose boundaries also give the
// queen contiguity. It locates problems for validation in the JSON tree.
type geoReader struct {
	jsonReader
	features []*node // the features that became cities, in order
	index    []int   // each city's index in the file's features array
	props    []*node // each city's properties, or nil
	s        *schema
	cur      int              // the city being decoded
	keyIndex []map[string]int // property name -> key, for features with many (see prop)
	// saidProjected: the advice to reproject is given once, not for every
	// feature of a projected file.
	saidProjected bool
}

func (o Options) decodeGeoJSON(name string, root *node, lines *lineIndex) decoded {
	r := &geoReader{jsonReader: jsonReader{file: name, lines: lines, opts: Options{Place: o.Place}}}
	if !isFeatureCollection(root) {
		r.add(root, "", `a GeoJSON file must be a FeatureCollection: {"type": "FeatureCollection", "features": [...]}`)
		return decoded{problems: r.problems}
	}
	ds := &Dataset{
		Name: r.str(root, "", "name"), Description: r.str(root, "", "description"), ScoreLabel: r.str(root, "", "score_label"),
		Directed: r.boolean(root, "", "directed"), Input: Input{Format: "GeoJSON"},
	}
	if n := root.field("notes"); n != nil {
		for i, item := range r.array(n, "notes") {
			ds.Notes = append(ds.Notes, r.stringValue(item, fmt.Sprintf("notes[%d]", i)))
		}
	}
	r.crs(root)
	features := root.field("features")
	if features == nil {
		r.add(root, "", `missing "features": a list of features, one per city`)
		return decoded{problems: r.problems}
	}
	r.collect(r.array(features, "features"))
	o = o.withPlacerColumns(r.propertyNames())
	r.expandScores(o.scoreColumn())
	r.s = newSchema(r.propertyNames(), flatCityFields, o.cityRename())
	r.s.scalar, r.s.numeric = r.scalarProperty, r.numberProperty
	ds.Input.Ignored = r.s.ignoredNames()
	if !r.scoreProperties(o, features) {
		return decoded{problems: r.problems}
	}
	ds.Years = r.s.years
	d := &flatDecoder{s: r.s, get: r.get, report: r.report, locate: func(col int) Problem { return r.locateCity(r.cur, col) }}
	d.scoreless = r.s.scoreless()
	d.vars, ds.Input.Variables = r.s.variableColumns(len(r.s.years) > 0 || d.scoreless, o)
	for i := range r.features {
		r.cur = i
		c := r.city(d)
		d.variables(i)
		ds.Cities = append(ds.Cities, c)
		if c.Boundary != nil {
			ds.Input.Polygons++
		}
	}
	r.attributes(ds)
	problems, missing := finishVariables(ds, d.vars, name)
	return decoded{ds: ds, loc: r, problems: append(r.problems, problems...), missing: missing, unplaced: r.unplaced}
}

// crs accepts a legacy "crs" member only when it names WGS84 longitude,
// latitude: coordinates in another system would be read as degrees.
func (r *geoReader) crs(root *node) {
	c := root.field("crs")
	if c == nil || c.kind == kindNull {
		return
	}
	name := ""
	if props := c.field("properties"); props != nil && props.kind == kindObject {
		if n := props.field("name"); n != nil {
			name = n.text
		}
	}
	if strings.Contains(name, "CRS84") || strings.HasSuffix(name, "4326") {
		return
	}
	r.add(c, "crs", "the file declares the coordinate system %q; collab needs WGS84 longitude, latitude (RFC 7946): reproject it, e.g. ogr2ogr -t_srs EPSG:4326 out.geojson %s", name, r.file)
}

// collect keeps the features that are objects of type Feature.
func (r *geoReader) collect(items []*node) {
	for i, f := range items {
		path := fmt.Sprintf("features[%d]", i)
		if f.kind != kindObject {
			r.add(f, path, `a feature must be an object {"type": "Feature", "geometry": {...}, "properties": {...}}, not %s`, f.kind)
			continue
		}
		if t := f.field("type"); t == nil || t.text != "Feature" || t.kind != kindString {
			r.add(f, path, `must have "type": "Feature"`)
			continue
		}
		props := f.field("properties")
		switch {
		case props == nil || props.kind == kindNull:
			props = nil
		case props.kind != kindObject:
			r.add(props, path+".properties", "must be an object of the city's fields, not %s", props.kind)
			props = nil
		}
		r.features = append(r.features, f)
		r.index = append(r.index, i)
		r.props = append(r.props, props)
	}
}

// propertyNames lists the property names of all features, each once (case
// aside), in the order they first appear.
func (r *geoReader) propertyNames() []string {
	var names []string
	seen := map[string]bool{}
	for _, p := range r.props {
		if p == nil {
			continue
		}
		for _, k := range p.keys {
			if key := propertyKey(k); !seen[key] {
				seen[key] = true
				names = append(names, k)
			}
		}
	}
	return names
}

// scoreProperties reports a file whose features carry no score, or both a
// score and panel properties; ok is false when the cities cannot be read.
func (r *geoReader) scoreProperties(o Options, features *node) bool {
	s := r.s
	score, single := s.col["score"]
	switch {
	case !single && len(s.years) == 0 && o.ScoreOptional:
	case !single && len(s.years) == 0:
		msg, hint := s.missing("score", o.scoreColumn(), "score",
			fmt.Sprintf("property in any feature: give each city a score, or a panel as properties %s_2001, %s_2021, ...", o.scoreColumn(), o.scoreColumn()))
		r.addHint(features, "features", hint, "%s", msg)
		return false
	case single && len(s.years) > 0:
		r.addHint(features, "features", param.Textf("keep one form, or choose one with %s", param.Name("score")), "the features have both a %q property and panel properties %s_%d...", s.names[score], o.scoreColumn(), s.years[0])
		return false
	}
	return true
}

// path is where the current city's feature is in the file.
func (r *geoReader) path(i int) string { return fmt.Sprintf("features[%d]", r.index[i]) }

// prop returns city i's property in column col, or nil. Names match as
// the schema matches them: trimmed, without regard to case. A feature with
// many properties gets an index of them, so that looking up every column
// (a panel has a column per year) is not quadratic.
func (r *geoReader) prop(i, col int) (*node, string) {
	p := r.props[i]
	if p == nil || col < 0 {
		return nil, ""
	}
	name := propertyKey(r.s.names[col])
	if len(p.keys) <= 16 {
		for k, key := range p.keys {
			if propertyKey(key) == name {
				return p.fields[k], key
			}
		}
		return nil, ""
	}
	if r.keyIndex == nil {
		r.keyIndex = make([]map[string]int, len(r.props))
	}
	if r.keyIndex[i] == nil {
		r.keyIndex[i] = make(map[string]int, len(p.keys))
		for k := len(p.keys) - 1; k >= 0; k-- { // the first of equal keys wins
			r.keyIndex[i][propertyKey(p.keys[k])] = k
		}
	}
	if k, ok := r.keyIndex[i][name]; ok {
		return p.fields[k], p.keys[k]
	}
	return nil, ""
}

func propertyKey(key string) string { return strings.ToLower(strings.TrimSpace(key)) }

func (r *geoReader) get(col int) flatValue {
	n, _ := r.prop(r.cur, col)
	if n == nil {
		return flatValue{kind: kindNull}
	}
	switch n.kind {
	case kindString:
		if strings.TrimSpace(n.text) == "" {
			return flatValue{kind: kindNull}
		}
		return flatValue{text: n.text, kind: kindString}
	case kindNumber:
		return flatValue{text: n.text, kind: kindNumber}
	case kindArray:
		list := []string{}
		for _, it := range n.items {
			if it.kind == kindString || it.kind == kindNumber {
				list = append(list, it.text)
			}
		}
		return flatValue{kind: kindArray, list: list}
	}
	return flatValue{kind: n.kind}
}

func (r *geoReader) report(col int, format string, args ...any) {
	p := r.locateCity(r.cur, col)
	p.Msg = fmt.Sprintf(format, args...)
	r.problems = append(r.problems, p)
}

// city decodes the current feature: its fields from the properties, its id
// from the feature's "id" when the properties lack one, and its position
// from lat/lon properties or else the geometry, and its boundary when the
// geometry is a Polygon or MultiPolygon.
func (r *geoReader) city(d *flatDecoder) City {
	f, path := r.features[r.cur], r.path(r.cur)
	c, hasPosition := d.city()
	if id := f.field("id"); c.ID == "" && id != nil && (id.kind == kindString || id.kind == kindNumber) {
		c.ID = id.text
		c.Name = orDefault(c.Name, c.ID)
	}
	g := f.field("geometry")
	pt, shape, ok := r.geometry(g, path+".geometry")
	switch {
	case !ok || hasPosition:
		// The geometry's problems are reported, or lat/lon properties
		// place the city.
	case shape != nil:
		centre, hasArea := shape.Centroid()
		if !hasArea {
			r.add(g, path+".geometry", "the polygon encloses no area, so it has no centroid; fix the boundary or give lat and lon properties")
		}
		c.Lon, c.Lat = centre[0], centre[1]
	case pt != nil:
		c.Lon, c.Lat = pt[0], pt[1]
	case r.opts.Place != nil && !d.given("lat") && !d.given("lon"):
		r.unplaced = append(r.unplaced, r.cur)
	default:
		r.add(f, path, "no position: give a Point, Polygon or MultiPolygon geometry, or lat and lon properties")
	}
	c.Boundary = shape
	return c
}

// geometry reads a Point (pt) or a Polygon or MultiPolygon (shape); a
// missing or null geometry gives neither. ok is false when the geometry has
// problems, each reported where it is.
func (r *geoReader) geometry(g *node, path string) (pt *[2]float64, shape geom.MultiPolygon, ok bool) {
	if g == nil || g.kind == kindNull {
		return nil, nil, true
	}
	if g.kind != kindObject {
		r.add(g, path, "must be a GeoJSON geometry object, not %s", g.kind)
		return nil, nil, false
	}
	n := len(r.problems)
	t, coords := g.field("type"), g.field("coordinates")
	typ := ""
	if t != nil {
		typ = t.text
	}
	if coords == nil && (typ == "Point" || typ == "Polygon" || typ == "MultiPolygon") {
		r.add(g, path, `missing "coordinates"`)
		return nil, nil, false
	}
	switch typ {
	case "Point":
		pt = r.point(coords, path+".coordinates")
	case "Polygon":
		if p := r.polygon(coords, path+".coordinates"); p != nil {
			shape = geom.MultiPolygon{p}
		}
	case "MultiPolygon":
		for k, pn := range r.array(coords, path+".coordinates") {
			if p := r.polygon(pn, fmt.Sprintf("%s.coordinates[%d]", path, k)); p != nil {
				shape = append(shape, p)
			}
		}
	default:
		r.add(g, path, "geometry type %q cannot place a city; use Point, Polygon or MultiPolygon", typ)
	}
	return pt, shape, len(r.problems) == n
}

func (r *geoReader) point(n *node, path string) *[2]float64 {
	if n.kind != kindArray || len(n.items) < 2 || len(n.items) > 3 || n.items[0].kind != kindNumber || n.items[1].kind != kindNumber {
		r.add(n, path, "a Point's coordinates must be [lon, lat], numbers in WGS84 degrees")
		return nil
	}
	lon, _ := strconv.ParseFloat(n.items[0].text, 64)
	lat, _ := strconv.ParseFloat(n.items[1].text, 64)
	pt := [2]float64{lon, lat}
	if !r.position(pt, n.offset, path) {
		return nil
	}
	return &pt
}

// polygon reads the rings of a polygon: an exterior ring, then holes.
func (r *geoReader) polygon(n *node, path string) geom.Polygon {
	switch {
	case n.ring != nil:
		r.add(n, path, "a polygon is a list of rings [[[lon, lat], ...]], not a single ring: add a bracket around it")
		return nil
	case n.kind != kindArray || len(n.items) == 0:
		r.add(n, path, "a polygon must be a list of rings [[[lon, lat], ...]], the first its boundary, the others holes")
		return nil
	}
	var p geom.Polygon
	for k, rn := range n.items {
		if ring := r.ring(rn, fmt.Sprintf("%s[%d]", path, k)); ring != nil {
			p = append(p, ring)
		}
	}
	return p
}

// ring checks a linear ring: at least 4 positions, in range, the last
// repeating the first (RFC 7946, 3.1.6).
func (r *geoReader) ring(n *node, path string) geom.Ring {
	if n.ring == nil {
		where := n
		if n.kind == kindArray && len(n.items) > 0 {
			for _, it := range n.items {
				if it.kind != kindArray || len(it.items) < 2 || len(it.items) > 3 {
					where = it
					break
				}
			}
		}
		r.add(where, path, "a ring must be a list of at least 4 positions [lon, lat], each two numbers")
		return nil
	}
	ps := n.ring.xy
	if len(ps) < 4 {
		r.add(n, path, "a ring needs at least 4 positions (3 corners and the first again to close it), not %d", len(ps))
		return nil
	}
	for k, p := range ps {
		if !r.position(p, n.ring.off[k], fmt.Sprintf("%s[%d]", path, k)) {
			return nil // one problem per ring: a projected file would give one per vertex
		}
	}
	if first, last := ps[0], ps[len(ps)-1]; first != last {
		r.problems = append(r.problems, Problem{File: r.file, Pos: r.lines.position(n.ring.off[len(ps)-1]), Path: fmt.Sprintf("%s[%d]", path, len(ps)-1),
			Msg: fmt.Sprintf("the ring is not closed: its last position [%g, %g] must repeat its first [%g, %g]", last[0], last[1], first[0], first[1])})
		return nil
	}
	ring := make(geom.Ring, len(ps))
	for k, p := range ps {
		ring[k] = geom.Point(p)
	}
	return ring
}

// position checks that p is a finite WGS84 [lon, lat].
func (r *geoReader) position(p [2]float64, off int64, path string) bool {
	lon, lat := p[0], p[1]
	msg := ""
	switch {
	case math.IsInf(lon, 0) || math.IsInf(lat, 0):
		msg = "the position is not a finite number"
	case math.Abs(lon) > 180 || math.Abs(lat) > 90:
		msg = fmt.Sprintf("position [%g, %g] is outside longitude [-180, 180], latitude [-90, 90]", lon, lat)
		if math.Abs(lon) > 1000 || math.Abs(lat) > 1000 {
			msg += "; projected coordinates (metres)?"
			if !r.saidProjected {
				msg += " GeoJSON needs WGS84 degrees: reproject, e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.shp"
				r.saidProjected = true
			}
		} else if math.Abs(lat) > 90 && math.Abs(lon) <= 90 {
			msg += "; GeoJSON gives longitude first: [lon, lat]"
		}
	default:
		return true
	}
	r.problems = append(r.problems, Problem{File: r.file, Pos: r.lines.position(off), Path: path, Msg: msg})
	return false
}

// locate implements locator: the property holding a field, the geometry for
// a position it gave, or the feature.
func (r *geoReader) locate(_ recordKind, i int, field string) Problem {
	if i >= len(r.features) {
		return Problem{File: r.file}
	}
	p := r.locateCity(i, r.s.column(field))
	if p.Path == r.path(i) {
		f := r.features[i]
		for _, alt := range []struct{ field, member string }{{"lat", "geometry"}, {"lon", "geometry"}, {"id", "id"}} {
			if n := f.field(alt.member); field == alt.field && n != nil {
				p.Pos, p.Path = r.lines.position(n.offset), p.Path+"."+alt.member
			}
		}
	}
	return p
}

func (r *geoReader) locateCity(i, col int) Problem {
	p := Problem{File: r.file, Path: r.path(i), Pos: r.lines.position(r.features[i].offset)}
	if n, key := r.prop(i, col); n != nil {
		p.Pos, p.Path = r.lines.position(n.offset), p.Path+".properties."+key
	}
	return p
}
