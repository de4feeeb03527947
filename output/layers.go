package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"collab/analysis"
	"collab/geom"
)

// The GIS layers (GeoJSON files and the GeoPackage) carry a study as five
// layers, each with one declared schema whatever the values:
//
//	cities   a MultiPolygon per city when the input gave boundaries, else a Point
//	points   a Point per city, the same fields
//	links    a LineString per drawn link (MapOptions.TopLinks)
//	belts    a LineString per innovation belt, along its spine
//	sectors  a MultiPoint per sector, its cities
//
// A field's type comes from the Go type of the result (analysis.City,
// analysis.Link, ...) or, for the input's own properties, from the type
// the reader declared (data.Attribute): Integer, Real, String or Boolean.
// A missing value is null, never "" or 0; a list (a belt's cities) is one
// string, its items joined by ListSeparator. Reals are rounded to
// RealDigits significant digits and coordinates to CoordinateDecimals
// decimal places, the same in every GIS format; results.json keeps full
// precision. Field names are unique within their first 10 characters, so
// that a Shapefile (ogr2ogr -f "ESRI Shapefile") keeps them apart: the
// few results keys that are not get shorter names here (layerName).

// ListSeparator joins a list's items into one field.
const ListSeparator = ";"

// RealDigits and CoordinateDecimals are the GIS layers' rounding: 10
// significant digits for reals, 6 decimal places (about 0.1 m) for
// positions.
const (
	RealDigits         = 10
	CoordinateDecimals = 6
)

// layerNames renames the results keys whose first 10 characters another
// key shares, and the neighbour count, which is a list of ids on input.
var layerNames = map[string]string{
	"neighbors":         "neighbor_count",
	"betweenness_se":    "between_se",
	"clustering_binary": "clust_bin",
	"local_moran_z":     "lmoran_z",
	"local_moran_p":     "lmoran_p",
	"spillover_in":      "spill_in",
	"spillover_out":     "spill_out",
	"main_source_share": "main_share",
}

// geometryKind is a layer's geometry type.
type geometryKind int

const (
	geometryPoint geometryKind = iota
	geometryMultiPolygon
	geometryLineString
	geometryMultiPoint
)

// wkbType is the geometry's ISO WKB type code; sqlName its name in a
// GeoPackage; geoJSON its GeoJSON name.
func (g geometryKind) wkbType() uint32 { return [...]uint32{1, 6, 2, 4}[g] }
func (g geometryKind) sqlName() string {
	return [...]string{"POINT", "MULTIPOLYGON", "LINESTRING", "MULTIPOINT"}[g]
}
func (g geometryKind) geoJSON() string {
	return [...]string{"Point", "MultiPolygon", "LineString", "MultiPoint"}[g]
}

// layerField is one declared field of a layer.
type layerField struct {
	name string
	typ  attrType
}

// layerFeature is one feature: its geometry (by the layer's kind: points
// holds the one point of a Point, the vertices of a LineString or
// MultiPoint; polygon a MultiPolygon, nil for none) and one value per
// field: nil, int64, float64 (rounded), string or bool.
type layerFeature struct {
	points  []geom.Point
	polygon geom.MultiPolygon
	values  []any
}

// layer is one GIS layer.
type layer struct {
	name     string
	geometry geometryKind
	fields   []layerField
	features []layerFeature
}

// gisLayers builds the five layers of r.
func gisLayers(r *analysis.Result, o MapOptions) ([]*layer, error) {
	m, err := newGeoMap(r, o)
	if err != nil {
		return nil, err
	}
	cities, points, err := cityLayers(r, m)
	if err != nil {
		return nil, err
	}
	links, err := linkLayer(r, m)
	if err != nil {
		return nil, err
	}
	return []*layer{cities, points, links, beltLayer(r, m), sectorLayer(r, m)}, nil
}

// LayerNames are the GIS layers' names, in order.
var LayerNames = []string{"cities", "points", "links", "belts", "sectors"}

// cityLayers gives the cities layer (polygons when the input had
// boundaries) and the points layer, with the same fields: collab's keys,
// then the input's own properties.
func cityLayers(r *analysis.Result, m *geoMap) (cities, points *layer, err error) {
	columns, rows, err := records(r.Cities)
	if err != nil {
		return nil, nil, err
	}
	fields, used := resultFields(columns, jsonTypes[analysis.City]())
	g := r.Geography
	// The input's neighbour lists, for reading the layer back: the
	// neighbour count above is the weights' count, not the list.
	fields = append(fields, layerField{"neighbors", typeString})
	used["neighbors"] = true
	var attrs []layerField
	if g != nil {
		for _, a := range g.Attributes {
			name := a.Name
			for used[strings.ToLower(name)] {
				name += "_in"
			}
			used[strings.ToLower(name)] = true
			attrs = append(attrs, layerField{name, attributeFieldType(int(a.Type))})
		}
	}
	all := append(fields, attrs...)
	points = &layer{name: "points", geometry: geometryPoint, fields: all}
	cities = &layer{name: "cities", geometry: geometryPoint, fields: all}
	polygons := g != nil && g.Boundaries != nil
	if polygons {
		cities.geometry = geometryMultiPolygon
	}
	for i, c := range m.cities {
		values := typedValues(fields[:len(fields)-1], rows[i])
		values = append(values, listedNeighbours(r, i))
		for k, f := range attrs {
			var v any
			if g.Values != nil && k < len(g.Values[i]) {
				v = g.Values[i][k]
			}
			values = append(values, typedAttribute(v, f.typ))
		}
		pt := layerFeature{points: []geom.Point{{c.lon, c.lat}}, values: values}
		points.features = append(points.features, pt)
		if polygons {
			pt = layerFeature{polygon: g.Boundaries[i], values: values}
		}
		cities.features = append(cities.features, pt)
	}
	return cities, points, nil
}

// listedNeighbours is city i's neighbours for the layers' neighbors
// field, ids joined: the input's lists, or for polygons without lists the
// queen contiguity the study found, so that the points layer read back
// has the polygons' weights; nil when neither.
func listedNeighbours(r *analysis.Result, i int) any {
	g := r.Geography
	var ids []string
	switch {
	case g == nil:
	case g.Neighbors != nil:
		ids = g.Neighbors[i]
	case g.Boundaries != nil && g.Weights != nil:
		nb, _ := g.Weights.Row(i)
		for _, j := range nb {
			ids = append(ids, r.Cities[j].ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return strings.Join(ids, ListSeparator)
}

// attributeFieldType maps data.AttributeType (String, Real, Integer,
// Boolean, in that order) to the formats' types.
func attributeFieldType(t int) attrType {
	return [...]attrType{typeString, typeDouble, typeInteger, typeBoolean}[t]
}

func typedAttribute(v any, typ attrType) any {
	if f, ok := v.(float64); ok && typ == typeDouble {
		return roundReal(f)
	}
	return v
}

// resultFields declares the fields of flattened results columns, renamed
// by layerNames; used holds their names in lower case.
func resultFields(columns []string, types map[string]attrType) ([]layerField, map[string]bool) {
	fields := make([]layerField, len(columns))
	used := map[string]bool{}
	for k, c := range columns {
		name := c
		if short, ok := layerNames[c]; ok {
			name = short
		}
		fields[k] = layerField{name, types[c]}
		used[strings.ToLower(name)] = true
	}
	return fields, used
}

// typedValues converts a flattened row to the fields' declared types.
func typedValues(fields []layerField, row []json.RawMessage) []any {
	values := make([]any, len(fields))
	for k, f := range fields {
		if k < len(row) {
			values[k] = typedValue(row[k], f.typ)
		}
	}
	return values
}

// typedValue converts one JSON value to typ: nil for null or absent; a
// list of scalars to a joined string.
func typedValue(v json.RawMessage, typ attrType) any {
	if len(v) == 0 || string(v) == "null" {
		return nil
	}
	switch typ {
	case typeDouble:
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			return nil
		}
		return roundReal(f)
	case typeInteger:
		i, err := strconv.ParseInt(string(v), 10, 64)
		if err != nil {
			return nil
		}
		return i
	case typeBoolean:
		return string(v) == "true"
	}
	if v[0] == '[' {
		var items []any
		if json.Unmarshal(v, &items) == nil {
			parts := make([]string, len(items))
			for k, it := range items {
				parts[k] = fmt.Sprint(it)
			}
			return strings.Join(parts, ListSeparator)
		}
	}
	s := ""
	if n := len(v); v[0] == '"' && n >= 2 && bytes.IndexByte(v, '\\') < 0 {
		s = string(v[1 : n-1]) // no escapes: the common case, without a decoder
	} else {
		s = cell(v)
	}
	if s == "" {
		return nil // a missing string is null, never ""
	}
	return s

}

// roundReal rounds to RealDigits significant digits.
func roundReal(x float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', RealDigits, 64), 64)
	return r
}

// roundCoordinate rounds to CoordinateDecimals places, never -0.
func roundCoordinate(x float64) float64 {
	x = math.Round(x*1e6) / 1e6
	if x == 0 {
		return 0
	}
	return x
}

// linkLayer gives the drawn links, strongest first, with the names of
// their ends and their rank.
func linkLayer(r *analysis.Result, m *geoMap) (*layer, error) {
	fields, _ := resultFields(linkColumns(), jsonTypes[analysis.Link]())
	fields = append(fields, layerField{"source_name", typeString}, layerField{"target_name", typeString}, layerField{"rank", typeInteger})
	l := &layer{name: "links", geometry: geometryLineString, fields: fields}
	for k := len(m.links) - 1; k >= 0; k-- {
		ml := m.links[k]
		flat, err := flatten(&r.Links[ml.index])
		if err != nil {
			return nil, err
		}
		row := make([]json.RawMessage, len(flat))
		for j, f := range flat {
			row[j] = f.value
		}
		values := typedValues(fields[:len(flat)], row)
		values = append(values, m.cities[ml.from].name, m.cities[ml.to].name, int64(ml.rank))
		l.features = append(l.features, layerFeature{points: m.positions([]int{ml.from, ml.to}), values: values})
	}
	return l, nil
}

func linkColumns() []string {
	fields, _ := flatten(&analysis.Link{})
	keys := make([]string, len(fields))
	for k, f := range fields {
		keys[k] = f.key
	}
	return keys
}

// beltLayer gives each belt along its spine: its number, its cities and
// members as lists, its length and mean ratio.
func beltLayer(r *analysis.Result, m *geoMap) *layer {
	l := &layer{name: "belts", geometry: geometryLineString, fields: []layerField{
		{"belt", typeInteger}, {"cities", typeString}, {"members", typeString}, {"length_km", typeDouble}, {"mean_ratio", typeDouble}}}
	for k, b := range r.Belts {
		values := []any{int64(k + 1), strings.Join(b.Cities, ListSeparator), strings.Join(b.Members, ListSeparator), roundReal(b.LengthKm), roundReal(b.MeanRatio)}
		l.features = append(l.features, layerFeature{points: m.positions(m.belts[k].cities), values: values})
	}
	return l
}

// sectorLayer gives each sector as the MultiPoint of its cities.
func sectorLayer(r *analysis.Result, m *geoMap) *layer {
	index := make(map[string]int, len(r.Cities))
	for i, c := range r.Cities {
		index[c.ID] = i
	}
	l := &layer{name: "sectors", geometry: geometryMultiPoint, fields: []layerField{
		{"sector", typeInteger}, {"hub", typeString}, {"hub_name", typeString}, {"cities", typeString}, {"city_count", typeInteger}}}
	for k, s := range r.Sectors {
		members := make([]int, len(s.Cities))
		for j, id := range s.Cities {
			members[j] = index[id]
		}
		values := []any{int64(k + 1), s.Hub, m.cities[index[s.Hub]].name, strings.Join(s.Cities, ListSeparator), int64(len(s.Cities))}
		l.features = append(l.features, layerFeature{points: m.positions(members), values: values})
	}
	return l
}

func (m *geoMap) positions(cities []int) []geom.Point {
	pos := make([]geom.Point, len(cities))
	for k, i := range cities {
		pos[k] = geom.Point{m.cities[i].lon, m.cities[i].lat}
	}
	return pos
}
