package output

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"collab/analysis"
)

// The network formats (GEXF, GraphML, Pajek, Gephi's CSV tables) carry
// every link, not only those the maps draw, and every per-city measure of
// cities.csv under the same keys. Their attribute types come from the Go
// types of analysis.City and analysis.Link (cityTypes), not from the
// values, so that a real-valued measure that happens to be integral in one
// study is still a double.

// attrType is a measure's type in the formats' own words.
type attrType int

const (
	typeString attrType = iota
	typeDouble
	typeInteger
	typeBoolean
)

func (t attrType) gexf() string    { return [...]string{"string", "double", "long", "boolean"}[t] }
func (t attrType) graphml() string { return [...]string{"string", "double", "long", "boolean"}[t] }

// jsonTypes maps each flattened JSON key of T (as flatten writes it) to its
// attribute type: strings, booleans, integers and floats (analysis.Number
// too) as such, lists and maps as strings (their JSON text).
func jsonTypes[T any]() map[string]attrType {
	out := map[string]attrType{}
	addTypes(reflect.TypeFor[T](), "", out)
	return out
}

func addTypes(t reflect.Type, prefix string, out map[string]attrType) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case f.Anonymous && name == "" && ft.Kind() == reflect.Struct:
			addTypes(ft, prefix, out)
		case ft.Kind() == reflect.Struct:
			addTypes(ft, prefix+name+".", out)
		default:
			if name == "" {
				name = f.Name
			}
			out[prefix+name] = kindType(ft.Kind())
		}
	}
}

func kindType(k reflect.Kind) attrType {
	switch k {
	case reflect.Bool:
		return typeBoolean
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return typeInteger
	case reflect.Float32, reflect.Float64:
		return typeDouble
	}
	return typeString
}

// attrColumn is one attribute the network formats write: a column of the
// flattened records (its index) with its key and type.
type attrColumn struct {
	col int
	key string
	typ attrType
}

// attrColumns lists the columns of records other than skip, typed by
// types (a key missing there is a string).
func attrColumns(columns []string, types map[string]attrType, skip ...string) []attrColumn {
	var out []attrColumn
	for k, c := range columns {
		if !slices.Contains(skip, c) {
			out = append(out, attrColumn{col: k, key: c, typ: types[c]})
		}
	}
	return out
}

// attrValue is a value as an attribute's text, and false for null or
// absent (an undefined measure, a skipped stage), which the formats leave
// out.
func attrValue(v json.RawMessage) (string, bool) {
	if len(v) == 0 || string(v) == "null" {
		return "", false
	}
	return cell(v), true
}

// netData is what the network formats share: the map (positions, sizes,
// colours), the cities' and links' records and their typed columns.
type netData struct {
	m                    *geoMap
	cityRows, linkRows   [][]json.RawMessage
	cityAttrs, linkAttrs []attrColumn
	directed             bool
}

func newNetData(r *analysis.Result, o MapOptions) (*netData, error) {
	m, err := newGeoMap(r, o)
	if err != nil {
		return nil, err
	}
	d := &netData{m: m, directed: m.directed}
	cityCols, cityRows, err := records(r.Cities)
	if err != nil {
		return nil, err
	}
	linkCols, linkRows, err := records(r.Links)
	if err != nil {
		return nil, err
	}
	d.cityRows, d.linkRows = cityRows, linkRows
	d.cityAttrs = attrColumns(cityCols, jsonTypes[analysis.City](), "id")
	d.linkAttrs = attrColumns(linkCols, jsonTypes[analysis.Link](), "source", "target")
	return d, nil
}

// GEXF writes the network as GEXF 1.2 for Gephi (and NetworkX's
// read_gexf): each city a node, labelled with its name, with every
// per-city measure of cities.csv as a typed attribute (a null measure
// left out), viz:position at its projected map position (points, y
// north), viz:size its map radius and viz:color its map fill (by tier or
// MapOptions.Color); each link an edge with its weight and distance.
// Names are XML-escaped as in the SVG map.
//
// For a panel the graph is dynamic (GEXF 1.2 mode="dynamic",
// timeformat="integer", see gexfPanel), so that Gephi's timeline plays the
// years: each year is a spell of every node and carries the city's score,
// ratio to that year's mean and tier as the dynamic attributes
// score_by_year, ratio_by_year and tier_by_year; the static attributes
// stay those of the year studied, under cities.csv's keys, and the links,
// which are the year studied's, have no spells (present throughout).
//
//	collab export --format gexf yrd.json > yrd.gexf
func GEXF(w io.Writer, r *analysis.Result, o MapOptions) error {
	d, err := newNetData(r, o)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	d.writeGEXF(ew, r)
	return ew.err
}

func (d *netData) writeGEXF(w io.Writer, r *analysis.Result) {
	edgeType := "undirected"
	if d.directed {
		edgeType = "directed"
	}
	fmt.Fprintf(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(w, "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n")
	fmt.Fprintf(w, "<meta><creator>collab</creator><description>%s</description></meta>\n", htmlText(d.m.title))
	panel := newGEXFPanel(r)
	if panel == nil {
		fmt.Fprintf(w, "<graph mode=\"static\" defaultedgetype=\"%s\">\n", edgeType)
	} else {
		panel.writeGraph(w, edgeType)
	}
	writeGEXFAttributes(w, "node", d.cityAttrs)
	if panel != nil {
		panel.writeAttributes(w)
	}
	writeGEXFAttributes(w, "edge", d.linkAttrs)
	fmt.Fprintf(w, "<nodes>\n")
	for i, c := range d.m.cities {
		fmt.Fprintf(w, "<node id=\"%s\" label=\"%s\">", htmlText(c.id), htmlText(c.name))
		fmt.Fprintf(w, "<attvalues>")
		writeGEXFValues(w, d.cityAttrs, d.cityRows[i])
		if panel != nil {
			panel.writeValues(w, i)
		}
		fmt.Fprintf(w, "</attvalues>")
		if panel != nil {
			panel.writeSpells(w)
		}
		red, green, blue := splitRGB(c.fill)
		fmt.Fprintf(w, "<viz:color r=\"%d\" g=\"%d\" b=\"%d\"/><viz:position x=\"%s\" y=\"%s\" z=\"0.0\"/><viz:size value=\"%s\"/></node>\n",
			red, green, blue, pt(c.x), pt(c.y), pt(c.r))
	}
	fmt.Fprintf(w, "</nodes>\n<edges>\n")
	for k, l := range r.Links {
		fmt.Fprintf(w, "<edge id=\"%d\" source=\"%s\" target=\"%s\" weight=\"%s\">", k, htmlText(l.Source), htmlText(l.Target), exact(l.Weight))
		fmt.Fprintf(w, "<attvalues>")
		writeGEXFValues(w, d.linkAttrs, d.linkRows[k])
		fmt.Fprintf(w, "</attvalues></edge>\n")
	}
	fmt.Fprintf(w, "</edges>\n</graph>\n</gexf>\n")
}

func writeGEXFAttributes(w io.Writer, class string, attrs []attrColumn) {
	fmt.Fprintf(w, "<attributes class=\"%s\">\n", class)
	for k, a := range attrs {
		fmt.Fprintf(w, "<attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", k, htmlText(a.key), a.typ.gexf())
	}
	fmt.Fprintf(w, "</attributes>\n")
}

// writeGEXFValues writes a row's attvalue elements (inside the caller's
// attvalues, which a panel's dynamic values share).
func writeGEXFValues(w io.Writer, attrs []attrColumn, row []json.RawMessage) {
	for k, a := range attrs {
		if v, ok := attrValue(row[a.col]); ok {
			fmt.Fprintf(w, "<attvalue for=\"%d\" value=\"%s\"/>", k, htmlText(v))
		}
	}
}

// splitRGB returns the channels of a #rrggbb colour.
func splitRGB(hex string) (r, g, b int) {
	c := rgb(hex)
	return c[0], c[1], c[2]
}

// exact formats x with the fewest digits that read back as x, without an
// exponent, which a DOT numeral cannot have.
func exact(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// GraphML writes the network as GraphML for yEd, Cytoscape, NetworkX
// (read_graphml) and igraph (Graph.Read_GraphML): a typed key for every
// per-city and per-link measure (attr.type string, double, long or
// boolean; a null measure left out), the node ids the city ids, and the
// map's projected position, radius and fill as keys x, y, size and
// color.
//
//	collab export --format graphml yrd.json > yrd.graphml
func GraphML(w io.Writer, r *analysis.Result, o MapOptions) error {
	d, err := newNetData(r, o)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	d.writeGraphML(ew, r)
	return ew.err
}

// graphMLViz are the map's keys, after the measures.
var graphMLViz = []struct {
	key string
	typ attrType
}{{"x", typeDouble}, {"y", typeDouble}, {"size", typeDouble}, {"color", typeString}}

func (d *netData) writeGraphML(w io.Writer, r *analysis.Result) {
	fmt.Fprintf(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(w, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
	for k, a := range d.cityAttrs {
		fmt.Fprintf(w, "<key id=\"n%d\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k, htmlText(a.key), a.typ.graphml())
	}
	for k, v := range graphMLViz {
		fmt.Fprintf(w, "<key id=\"v%d\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k, v.key, v.typ.graphml())
	}
	for k, a := range d.linkAttrs {
		fmt.Fprintf(w, "<key id=\"e%d\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k, htmlText(a.key), a.typ.graphml())
	}
	edgeDefault := "undirected"
	if d.directed {
		edgeDefault = "directed"
	}
	fmt.Fprintf(w, "<graph id=\"collab\" edgedefault=\"%s\">\n", edgeDefault)
	for i, c := range d.m.cities {
		fmt.Fprintf(w, "<node id=\"%s\">", htmlText(c.id))
		writeGraphMLData(w, "n", d.cityAttrs, d.cityRows[i])
		for k, v := range []string{pt(c.x), pt(c.y), pt(c.r), c.fill} {
			fmt.Fprintf(w, "<data key=\"v%d\">%s</data>", k, v)
		}
		fmt.Fprintf(w, "</node>\n")
	}
	for k, l := range r.Links {
		fmt.Fprintf(w, "<edge source=\"%s\" target=\"%s\">", htmlText(l.Source), htmlText(l.Target))
		writeGraphMLData(w, "e", d.linkAttrs, d.linkRows[k])
		fmt.Fprintf(w, "</edge>\n")
	}
	fmt.Fprintf(w, "</graph>\n</graphml>\n")
}

func writeGraphMLData(w io.Writer, prefix string, attrs []attrColumn, row []json.RawMessage) {
	for k, a := range attrs {
		if v, ok := attrValue(row[a.col]); ok {
			fmt.Fprintf(w, "<data key=\"%s%d\">%s</data>", prefix, k, htmlText(v))
		}
	}
}

// Pajek writes the network as a Pajek .net file, which Pajek, UCINET,
// NetworkX (read_pajek) and igraph (Graph.Read_Pajek) read: the cities
// numbered from 1 with their names and map positions scaled into [0, 1]
// (y down, as Pajek draws), then every link with its weight, as *Edges
// (or *Arcs for a directed network). Pajek's quoted labels have no
// escapes, so a name's double quotes are written as apostrophes and its
// control characters (newlines, tabs) as spaces; everything else is
// kept.
//
//	collab export --format pajek yrd.json > yrd.net
func Pajek(w io.Writer, r *analysis.Result) error {
	m, err := newGeoMap(r, MapOptions{})
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	extent := max(m.width, m.height, 1e-9)
	fmt.Fprintf(ew, "*Vertices %d\r\n", len(m.cities))
	for i, c := range m.cities {
		fmt.Fprintf(ew, "%d \"%s\" %s %s 0.0\r\n", i+1, PajekLabel(c.name),
			strconv.FormatFloat(c.x/extent, 'f', 4, 64), strconv.FormatFloat(1-c.y/extent, 'f', 4, 64))
	}
	index := make(map[string]int, len(r.Cities))
	for i, c := range r.Cities {
		index[c.ID] = i + 1
	}
	if m.directed {
		fmt.Fprintf(ew, "*Arcs\r\n")
	} else {
		fmt.Fprintf(ew, "*Edges\r\n")
	}
	for _, l := range r.Links {
		fmt.Fprintf(ew, "%d %d %s\r\n", index[l.Source], index[l.Target], exact(l.Weight))
	}
	return ew.err
}

// PajekLabel is a name as a Pajek label holds it: double quotes become
// apostrophes, control and bidirectional characters spaces.
func PajekLabel(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return '\''
		case unicode.IsControl(r) || bidiControl(r):
			return ' '
		}
		return r
	}, s)
}

// GephiNodes writes the nodes table of Gephi's spreadsheet import: Id and
// Label (the city's id and name), then every other per-city measure of
// cities.csv under its key.
//
//	collab export --format gephi-nodes yrd.json > nodes.csv
func GephiNodes(w io.Writer, r *analysis.Result) error {
	columns, rows, err := records(r.Cities)
	if err != nil {
		return err
	}
	idCol, nameCol := slices.Index(columns, "id"), slices.Index(columns, "name")
	header := []string{"Id", "Label"}
	var rest []int
	for k, c := range columns {
		if k != idCol && k != nameCol {
			header = append(header, c)
			rest = append(rest, k)
		}
	}
	out := make([][]json.RawMessage, len(rows))
	for i, row := range rows {
		out[i] = []json.RawMessage{row[idCol], row[nameCol]}
		for _, k := range rest {
			out[i] = append(out[i], row[k])
		}
	}
	return writeCSV(w, header, out, nil)
}

// GephiEdges writes the edges table of Gephi's spreadsheet import:
// Source, Target, Weight and Type (Undirected or Directed) for every link,
// then its distance in km.
//
//	collab export --format gephi-edges yrd.json > edges.csv
func GephiEdges(w io.Writer, r *analysis.Result) error {
	kind := json.RawMessage(`"Undirected"`)
	if r.Network != nil && r.Network.Directed {
		kind = json.RawMessage(`"Directed"`)
	}
	rows := make([][]json.RawMessage, len(r.Links))
	for k, l := range r.Links {
		rows[k] = []json.RawMessage{json.RawMessage(jsonString(l.Source)), json.RawMessage(jsonString(l.Target)),
			json.RawMessage(exact(l.Weight)), kind, json.RawMessage(exact(l.DistanceKm))}
	}
	return writeCSV(w, []string{"Source", "Target", "Weight", "Type", "distance_km"}, rows, nil)
}
