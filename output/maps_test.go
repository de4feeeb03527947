package output

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"html"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"

	"collab/analysis"
	"collab/data"
)

// hostile is a city name made of the characters each format must escape:
// DOT's quote and backslash, XML's markup, CSV's quote, Markdown's
// backslash and angle brackets.
const hostile = `Q"uote\ <b>&`

// hostileStudy is a small region with the hostile name, a Chinese name and
// an id that needs quoting in DOT.
func hostileStudy(t *testing.T) *analysis.Result {
	t.Helper()
	src := `{"name": "Test <region> & co", "cities": [
		{"id": "a", "name": ` + jsonString(hostile) + `, "province": "P|1", "lat": 31.2, "lon": 121.5, "score": 100},
		{"id": "b\"\\", "name": "苏州", "name_local": "苏州", "province": "P|1", "lat": 31.3, "lon": 120.6, "score": 60},
		{"id": "graph", "name": "Wuxi", "province": "P2", "lat": 31.6, "lon": 120.3, "score": 30},
		{"id": "d", "name": "Hefei", "province": "P2", "lat": 31.8, "lon": 117.2, "score": 20},
		{"id": "e", "name": "Lishui", "province": "P3", "lat": 28.5, "lon": 119.9, "score": 1}]}`
	ds, err := readData("hostile.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Run(context.Background(), ds, analysis.DefaultParameters())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func sampleStudy(t testing.TB) *analysis.Result {
	t.Helper()
	ds, err := readData("yrd.json", data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Run(context.Background(), ds, analysis.DefaultParameters())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func write(t *testing.T, f func(io.Writer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// graphvizText is what Graphviz shows for a quoted DOT string used as a
// label: the lexer turns \" into a quote, label processing turns \\ into a
// backslash and \n into a line break, and entities are decoded
// (Graphviz's scan.l, labels.c and htmlEntityUTF8).
func graphvizText(quoted string) string {
	s := strings.TrimSuffix(strings.TrimPrefix(quoted, `"`), `"`)
	s = strings.ReplaceAll(s, `\"`, `"`)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == 'n' {
				b.WriteByte('\n')
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return html.UnescapeString(b.String()) // Graphviz reads &amp;, &#x9; and the like as entities
}

// TestDOTParses reads the DOT map back with gonum's DOT parser and checks
// every city, its name, position and fill, the links and the legend.
func TestDOTParses(t *testing.T) {
	res := hostileStudy(t)
	out := write(t, func(w io.Writer) error { return DOT(w, res, MapOptions{TopLinks: AllLinks}) })
	file, err := dot.ParseString(out)
	if err != nil {
		t.Fatalf("gonum cannot parse the DOT: %v\n%s", err, out)
	}
	g := file.Graphs[0]
	nodes := map[string]map[string]string{}
	edges := 0
	for _, st := range g.Stmts {
		switch st := st.(type) {
		case *ast.NodeStmt:
			attrs := map[string]string{}
			for _, a := range st.Attrs {
				attrs[a.Key] = a.Val
			}
			nodes[st.Node.ID] = attrs
		case *ast.EdgeStmt:
			edges++
		}
	}
	if len(nodes) != len(res.Cities) {
		t.Errorf("%d nodes, want %d cities (the legend is the graph's label)", len(nodes), len(res.Cities))
	}
	if edges != len(res.Links) {
		t.Errorf("%d edges, want all %d links", edges, len(res.Links))
	}
	pos := regexp.MustCompile(`^"\d+\.\d\d,\d+\.\d\d!"$`)
	for _, c := range res.Cities {
		attrs, ok := nodes[dotID(c.ID)]
		if !ok {
			t.Errorf("no node for city %q", c.ID)
			continue
		}
		for _, key := range []string{"tooltip", "label"} {
			if got := graphvizText(attrs[key]); got != c.Name {
				t.Errorf("city %q: Graphviz would show %s %q, want %q", c.ID, key, got, c.Name)
			}
		}
		if !pos.MatchString(attrs["pos"]) {
			t.Errorf("city %q: pos %s", c.ID, attrs["pos"])
		}
		if !strings.HasPrefix(attrs["fillcolor"], `"#`) {
			t.Errorf("city %q: fillcolor %s", c.ID, attrs["fillcolor"])
		}
	}
	var legend string
	for _, st := range g.Stmts {
		if a, ok := st.(*ast.AttrStmt); ok && a.Kind == ast.GraphKind {
			for _, attr := range a.Attrs {
				if attr.Key == "label" {
					legend = attr.Val
				}
			}
		}
	}
	if !strings.HasPrefix(legend, "<<TABLE") || !strings.Contains(legend, "&gt;= 5x mean") || !strings.Contains(legend, ">Test &lt;region&gt; &amp; co<") {
		t.Errorf("the graph's label (title and legend) %s", legend)
	}
}

// TestDOTString checks the escaping against Graphviz's reading rules.
func TestDOTString(t *testing.T) {
	for in, want := range map[string]string{
		hostile:       `"Q\"uote\\ <b>&amp;"`,
		`\N`:          `"\\N"`, // not the node's name
		"a\nb":        `"a\nb"`,
		"tab\there":   `"tab&#x9;here"`,
		"\u202eevil":  `"&#x202E;evil"`,
		"bell\a":      `"bell "`,
		"&amp;":       `"&amp;amp;"`,
		"苏州":          `"苏州"`,
		`ends with \`: `"ends with \\"`,
	} {
		got := dotString(in)
		if got != want {
			t.Errorf("dotString(%q) = %s, want %s", in, got, want)
		}
		if in != "bell\a" && graphvizText(got) != in {
			t.Errorf("Graphviz reads %s as %q, want %q", got, graphvizText(got), in)
		}
	}
	if dotID("a\x01") == dotID("a\x02") || dotID(`a\`) == dotID(`a\\`) {
		t.Error("dotID merges distinct ids")
	}
}

// TestDOTDirected checks that a directed network gives a digraph.
func TestDOTDirected(t *testing.T) {
	res := hostileStudy(t)
	res.Network.Directed = true
	out := write(t, func(w io.Writer) error { return DOT(w, res, MapOptions{}) })
	if !strings.HasPrefix(out, "digraph collab {") || !strings.Contains(out, " -> ") || strings.Contains(out, " -- ") {
		t.Errorf("directed DOT:\n%s", out)
	}
	if _, err := dot.ParseString(out); err != nil {
		t.Error(err)
	}
}

// geoJSONDoc is the part of a GeoJSON document the tests read.
type geoJSONDoc struct {
	Type     string          `json:"type"`
	BBox     []float64       `json:"bbox"`
	CRS      json.RawMessage `json:"crs"`
	Features []struct {
		Type     string `json:"type"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
		Properties map[string]any `json:"properties"`
	} `json:"features"`
}

// TestGeoJSON checks the RFC 7946 rules the writer promises: a
// FeatureCollection, [lon, lat] positions with at most 6 decimals, no crs,
// a bbox, every per-city measure as properties, a LineString per drawn
// link.
func TestGeoJSON(t *testing.T) {
	res := hostileStudy(t)
	out := write(t, func(w io.Writer) error { return GeoJSON(w, res, MapOptions{TopLinks: 3}) })
	var doc geoJSONDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if doc.Type != "FeatureCollection" || doc.CRS != nil {
		t.Errorf("type %q, crs %s", doc.Type, doc.CRS)
	}
	if want := []float64{117.2, 28.5, 121.5, 31.8}; !slices.Equal(doc.BBox, want) {
		t.Errorf("bbox %v, want %v", doc.BBox, want)
	}
	if len(doc.Features) != len(res.Cities)+3 {
		t.Fatalf("%d features, want %d cities and 3 links", len(doc.Features), len(res.Cities))
	}
	keys, err := flatten(&res.Cities[0])
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range res.Cities {
		f := doc.Features[i]
		var pos []float64
		json.Unmarshal(f.Geometry.Coordinates, &pos)
		if f.Geometry.Type != "Point" || !slices.Equal(pos, []float64{c.Lon, c.Lat}) {
			t.Errorf("city %q: %s %v, want Point [%g %g]", c.ID, f.Geometry.Type, pos, c.Lon, c.Lat)
		}
		if f.Properties["kind"] != "city" || f.Properties["name"] != c.Name || f.Properties["id"] != c.ID {
			t.Errorf("city %q properties %v", c.ID, f.Properties)
		}
		for _, k := range keys {
			if _, ok := f.Properties[k.key]; !ok {
				t.Errorf("city %q lacks property %q", c.ID, k.key)
			}
		}
	}
	strongest := doc.Features[len(res.Cities)]
	if strongest.Geometry.Type != "LineString" || strongest.Properties["kind"] != "link" || strongest.Properties["rank"] != 1.0 {
		t.Errorf("first link feature %+v", strongest)
	}
	for _, key := range []string{"source", "target", "weight", "distance_km", "source_name", "target_name"} {
		if _, ok := strongest.Properties[key]; !ok {
			t.Errorf("link lacks %q", key)
		}
	}
}

func TestDegrees(t *testing.T) {
	for x, want := range map[float64]string{
		120.58:        "120.58",
		121.123456789: "121.123457",
		-0.0000001:    "0",
		-73.9999995:   "-74", // rounds half away from zero
		31:            "31",
	} {
		if got := degrees(x); got != want {
			t.Errorf("degrees(%v) = %s, want %s", x, got, want)
		}
	}
}

// TestCSV reads cities.csv and links.csv back with encoding/csv.
func TestCSV(t *testing.T) {
	res := hostileStudy(t)
	out := write(t, func(w io.Writer) error { return CitiesCSV(w, res) })
	if !strings.Contains(out, "\r\n") || strings.HasPrefix(out, "\ufeff") {
		t.Error("cities.csv: want CRLF line ends and no byte-order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	fields, _ := flatten(&res.Cities[0])
	var header []string
	for _, f := range fields {
		header = append(header, f.key)
	}
	if !slices.Equal(rows[0], header) {
		t.Errorf("header %v, want %v", rows[0], header)
	}
	if len(rows) != len(res.Cities)+1 {
		t.Fatalf("%d rows", len(rows))
	}
	name, score := slices.Index(header, "name"), slices.Index(header, "score")
	for i, c := range res.Cities {
		if rows[i+1][name] != c.Name {
			t.Errorf("row %d name %q, want %q", i+1, rows[i+1][name], c.Name)
		}
		if x, err := strconv.ParseFloat(rows[i+1][score], 64); err != nil || x != c.Score {
			t.Errorf("row %d score %q, want %g", i+1, rows[i+1][score], c.Score)
		}
	}
	links, err := csv.NewReader(strings.NewReader(write(t, func(w io.Writer) error { return LinksCSV(w, res) }))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"source", "target", "distance_km", "weight", "source_name", "target_name"}; !slices.Equal(links[0], want) {
		t.Errorf("links header %v, want %v", links[0], want)
	}
	if len(links) != len(res.Links)+1 || links[1][4] != hostile {
		t.Errorf("links.csv: %d rows, first %v", len(links), links[1])
	}
}

// TestCSVEmptyLinks checks that a study without links still gets a header.
func TestCSVEmptyLinks(t *testing.T) {
	res := hostileStudy(t)
	res.Links = nil
	out := write(t, func(w io.Writer) error { return LinksCSV(w, res) })
	if out != "source,target,distance_km,weight,source_name,target_name\r\n" {
		t.Errorf("links.csv without links: %q", out)
	}
}

// svgTexts parses an SVG document as XML and returns its text and title
// contents.
func svgTexts(t *testing.T, doc string) (texts []string, circles int) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var in string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return texts, circles
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local
			if in == "circle" {
				circles++
			}
		case xml.CharData:
			if in == "text" || in == "title" {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			in = ""
		}
	}
}

func TestSVG(t *testing.T) {
	res := hostileStudy(t)
	out := write(t, func(w io.Writer) error { return SVG(w, res, MapOptions{}) })
	texts, circles := svgTexts(t, out)
	if !slices.Contains(texts, hostile) || !slices.Contains(texts, "苏州") || !slices.Contains(texts, "Test <region> & co") {
		t.Errorf("SVG texts %q lack the names", texts)
	}
	// cities, the colour legend and the two size examples
	if want := len(res.Cities) + len(res.Summary.Tiers) + 2; circles != want {
		t.Errorf("%d circles, want %d", circles, want)
	}
	for _, want := range []string{`id="scale-bar"`, `id="north-arrow"`, `id="legend"`, "Noto Sans CJK SC"} {
		if !strings.Contains(out, want) {
			t.Errorf("SVG lacks %s", want)
		}
	}
}

// TestBelts checks that belts, when the results carry them, are drawn in
// every map: bold DOT edges, an SVG polyline, a GeoJSON LineString.
func TestBelts(t *testing.T) {
	res := hostileStudy(t)
	m, err := newGeoMap(res, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m.belts = []spine{{cities: []int{0, 1, 2}, fields: []field{{"belt", json.RawMessage(`1`)}, {"cities", json.RawMessage(`["a","b\"\\","graph"]`)}}}}
	var d, s, g bytes.Buffer
	m.writeDOT(&d, nil)
	newSVGMap(m).write(&s)
	if err := m.writeGeoJSON(&g, res); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(d.String(), "style=bold"); n != 2 {
		t.Errorf("DOT has %d bold edges, want 2", n)
	}
	if _, err := dot.ParseString(d.String()); err != nil {
		t.Error(err)
	}
	if !strings.Contains(s.String(), `<g id="belts"`) || strings.Count(s.String(), "<polyline") != 1 || !strings.Contains(s.String(), "innovation belt") {
		t.Error("SVG lacks the belt or its legend")
	}
	var doc geoJSONDoc
	if err := json.Unmarshal(g.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	belt := doc.Features[len(doc.Features)-1]
	if belt.Properties["kind"] != "belt" || belt.Geometry.Type != "LineString" || string(belt.Geometry.Coordinates) != "[[121.5,31.2],[120.6,31.3],[120.3,31.6]]" {
		t.Errorf("belt feature %+v %s", belt.Properties, belt.Geometry.Coordinates)
	}
}

// TestProjection checks the equirectangular projection by hand: two
// cities one degree apart in latitude and longitude about a mean latitude
// of 30.5 degrees.
func TestProjection(t *testing.T) {
	res := &analysis.Result{Cities: []analysis.City{
		{Place: analysis.Place{ID: "sw", Lat: 30, Lon: 120, Score: 1, Tier: 1}},
		{Place: analysis.Place{ID: "ne", Lat: 31, Lon: 121, Score: 4, Tier: 1}},
	}, Summary: analysis.Summary{Tiers: []analysis.Tier{{Tier: 1}}}}
	m, err := newGeoMap(res, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The longer side is the meridian's: 1 degree = 720 points, and the
	// parallel's degree is cos(30.5°) = 0.861629 as long.
	cos := math.Cos(30.5 * math.Pi / 180)
	ne := m.cities[1]
	if m.cities[0].x != 0 || m.cities[0].y != 0 || math.Abs(ne.y-720) > 1e-9 || math.Abs(ne.x-720*cos) > 1e-9 {
		t.Errorf("projected %v, %v; want (0,0), (%.4f,720)", m.cities[0], ne, 720*cos)
	}
	// 1 degree of latitude is 111.19508 km on the sphere of radius
	// 6371.0088 km.
	if got := m.kmPerPoint * 720; math.Abs(got-111.19508) > 1e-5 {
		t.Errorf("km per degree %.5f, want 111.19508", got)
	}
	// Radii: area follows score, so score 4 against 1 is ... r = rMin +
	// (rMax - rMin) sqrt(s / top).
	if want := m.rMin + (m.rMax-m.rMin)*0.5; math.Abs(m.cities[0].r-want) > 1e-12 || m.cities[1].r != m.rMax {
		t.Errorf("radii %g, %g; want %g, %g", m.cities[0].r, m.cities[1].r, want, m.rMax)
	}
}

func TestNiceLength(t *testing.T) {
	for x, want := range map[float64]float64{137: 100, 99: 50, 30: 20, 1.5: 1, 0.7: 0.5, 2000: 2000} {
		if got := niceLength(x); math.Abs(got-want) > 1e-12 {
			t.Errorf("niceLength(%g) = %g, want %g", x, got, want)
		}
	}
}

func TestTopLinks(t *testing.T) {
	res := sampleStudy(t)
	for _, c := range []struct{ top, want int }{{0, 82}, {int(AllLinks), 820}, {5, 5}, {10000, 820}} {
		links := drawnLinks(res, c.top)
		if len(links) != c.want {
			t.Errorf("TopLinks %d: %d links, want %d", c.top, len(links), c.want)
			continue
		}
		strongest := links[len(links)-1]
		if strongest.rank != 1 || strongest.pen != 4.5 {
			t.Errorf("strongest link rank %d pen %g", strongest.rank, strongest.pen)
		}
		for k := 1; k < len(links); k++ {
			if links[k].weight < links[k-1].weight {
				t.Fatalf("links not weakest first at %d", k)
			}
		}
		var max float64
		for _, l := range res.Links {
			max = math.Max(max, l.Weight)
		}
		if strongest.weight != max {
			t.Errorf("strongest drawn %g, strongest link %g", strongest.weight, max)
		}
	}
}

func TestColourBy(t *testing.T) {
	res := sampleStudy(t)
	c, err := colourBy(res, "tier")
	if err != nil {
		t.Fatal(err)
	}
	// Shanghai is tier 1 of 4: the darkest of ColorBrewer's YlOrRd 4.
	if c.fill[0] != "#e31a1c" || len(c.legend) != 4 || c.legend[3].count != 23 {
		t.Errorf("tier colours: %s, legend %v", c.fill[0], c.legend)
	}
	c, err = colourBy(res, "province")
	if err != nil {
		t.Fatal(err)
	}
	// Anhui has 16 cities, Jiangsu 13, Zhejiang 11, Shanghai 1.
	if len(c.legend) != 4 || c.legend[0].label != "Anhui" || c.legend[0].count != 16 || c.fill[0] != paired[3] {
		t.Errorf("province legend %v, Shanghai %s", c.legend, c.fill[0])
	}
	// LISA clusters of the sample (contiguity, seed 123456789): HH 1, LH 2,
	// LL 7, HL 1, 30 not significant, in GeoDa's colours and order.
	if c, err := colourBy(res, "lisa_cluster"); err != nil || len(c.legend) != 5 || c.legend[0].label != "HH" || c.legend[0].colour != "#ff0000" ||
		c.legend[1].label != "LL" || c.legend[1].count != 7 || c.legend[4].label != "not significant" || c.legend[4].count != 30 {
		t.Errorf("--color lisa_cluster: %v, legend %v", err, c.legend)
	}
	// The sample's Louvain partition has 3 communities (seed 123456789).
	if c, err := colourBy(res, "community"); err != nil || len(c.legend) != 3 {
		t.Errorf("--color community: %v, legend %v; want 3 classes", err, c.legend)
	}
	for attr, want := range map[string]string{
		"betweenness": "a continuous measure",
		"altitude":    "the cities have no such measure",
	} {
		_, err := colourBy(res, attr)
		var pe *analysis.ParameterError
		if err == nil || !strings.Contains(err.Error(), want) || !errors.As(err, &pe) {
			t.Errorf("--color %s: %v, want a ParameterError saying %q", attr, err, want)
		}
	}
}

// TestManyClasses checks that classes past the palette share grey.
func TestManyClasses(t *testing.T) {
	res := sampleStudy(t)
	for i := range res.Cities {
		res.Cities[i].Component = i % 20
	}
	c, err := colourBy(res, "component")
	if err != nil {
		t.Fatal(err)
	}
	last := c.legend[len(c.legend)-1]
	if len(c.legend) != 12 || last.colour != otherGrey || last.label != "9 other classes" || last.count != 18 {
		t.Errorf("legend %v", c.legend)
	}
}

func TestSequential(t *testing.T) {
	for k := 1; k <= 12; k++ {
		p := sequential(k)
		if len(p) != k {
			t.Errorf("sequential(%d) has %d colours", k, len(p))
		}
	}
	if p := sequential(17); p[0] != "#ffffcc" || p[16] != "#800026" || p[8] != "#fd8d3c" {
		t.Errorf("sequential(17) = %v", p)
	}
}

// TestLabelsDoNotCollide checks the SVG labels on the sample: no two
// overlap, none covers another city's circle, and most cities get one.
func TestLabelsDoNotCollide(t *testing.T) {
	m, err := newGeoMap(sampleStudy(t), MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := newSVGMap(m)
	labels := s.placeLabels()
	if len(labels) < 38 {
		t.Errorf("%d of 41 names placed", len(labels))
	}
	boxes := make([]box, len(labels))
	for k, l := range labels {
		boxes[k] = l.box(textWidth(s.cities[l.city].name)*l.size, l.size)
		for j := range k {
			if boxes[k].overlaps(boxes[j]) {
				t.Errorf("labels of %s and %s overlap", s.cities[l.city].name, s.cities[labels[j].city].name)
			}
		}
		for i := range s.cities {
			if i != l.city && s.circleHits(i, boxes[k]) {
				t.Errorf("label of %s covers %s", s.cities[l.city].name, s.cities[i].name)
			}
		}
	}
}

// TestMarkdownEscapes checks that names survive Markdown: reading the
// escapes back as CommonMark does (a backslash before ASCII punctuation
// stands for the punctuation) gives the name.
func TestMarkdownEscapes(t *testing.T) {
	res := hostileStudy(t)
	out := write(t, func(w io.Writer) error { return Markdown(w, res, Options{}) })
	esc := mdEscape(hostile)
	if esc != `Q"uote\\ \<b\>\&` || !strings.Contains(out, "| "+esc+" |") {
		t.Errorf("escaped %s; report:\n%s", esc, out)
	}
	unescape := regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
	if got := unescape.ReplaceAllString(esc, "$1"); got != hostile {
		t.Errorf("CommonMark reads %q", got)
	}
	if !strings.Contains(out, "| P\\|1 |") {
		t.Error("a pipe in a cell is not escaped")
	}
	if !strings.HasPrefix(out, "# Test \\<region\\> \\& co\n") {
		t.Errorf("title: %q", strings.SplitN(out, "\n", 2)[0])
	}
}

// TestDeterministic writes every format twice.
func TestDeterministic(t *testing.T) {
	res := sampleStudy(t)
	for name, f := range map[string]func(io.Writer) error{
		"dot":      func(w io.Writer) error { return DOT(w, res, MapOptions{}) },
		"svg":      func(w io.Writer) error { return SVG(w, res, MapOptions{}) },
		"geojson":  func(w io.Writer) error { return GeoJSON(w, res, MapOptions{}) },
		"csv":      func(w io.Writer) error { return CitiesCSV(w, res) },
		"markdown": func(w io.Writer) error { return Markdown(w, res, Options{}) },
	} {
		if a, b := write(t, f), write(t, f); a != b {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

// TestFlattenFollowsJSON checks that the flattened keys are the results
// contract's keys, in its order, nested objects joined with dots.
func TestFlattenFollowsJSON(t *testing.T) {
	type inner struct {
		A int `json:"a"`
	}
	type row struct {
		Name  string   `json:"name"`
		In    inner    `json:"in"`
		Ptr   *inner   `json:"ptr"`
		List  []string `json:"list"`
		Skip  int      `json:"-"`
		Score float64  `json:"score"`
	}
	cols, rows, err := records([]row{{Name: "x", List: []string{"a"}}, {Ptr: &inner{A: 2}, Score: 1.5}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"name", "in.a", "ptr", "list", "score", "ptr.a"}; !slices.Equal(cols, want) {
		t.Errorf("columns %v, want %v", cols, want)
	}
	var cells []string
	for _, v := range rows[1] {
		cells = append(cells, cell(v))
	}
	if want := []string{"", "0", "", "", "1.5", "2"}; !slices.Equal(cells, want) {
		t.Errorf("cells %q, want %q", cells, want)
	}
	if cell(rows[0][3]) != `["a"]` {
		t.Errorf("list cell %q", cell(rows[0][3]))
	}
}
