package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
)

// hostile is a city name made of the characters each format must escape.
const hostile = `Q"uote\ <b>&`

// region writes a deterministic synthetic region of n cities (lognormal
// scores over the Yangtze River Delta's extent, every seventh name in
// Chinese, city 3 named hostile) and returns its path.
func region(t *testing.T, n int) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	type city struct {
		ID    string  `json:"id"`
		Name  string  `json:"name"`
		Lat   float64 `json:"lat"`
		Lon   float64 `json:"lon"`
		Score float64 `json:"score"`
	}
	cities := make([]city, n)
	for i := range cities {
		name := fmt.Sprintf("City %04d", i)
		switch {
		case i == 3:
			name = hostile
		case i%7 == 0:
			name = fmt.Sprintf("城市%d", i)
		}
		cities[i] = city{ID: fmt.Sprintf("c%04d", i), Name: name,
			Lat: 28 + 6.6*rng.Float64(), Lon: 115.8 + 6.4*rng.Float64(), Score: math.Round(math.Exp(2+1.5*rng.NormFloat64())*100) / 100}
	}
	cities[3].Score = 5000 // so that its name is drawn
	src, err := json.Marshal(map[string]any{"name": fmt.Sprintf("Synthetic region <%d> & co", n), "cities": cities})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("region%d.json", n))
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// needs skips the test when a program is not installed.
func needs(t *testing.T, program, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(program); err != nil {
		t.Skipf("%s is not installed (Debian package %s); skipping the check that needs it", program, pkg)
	}
}

// runTool runs an outside program and returns its stdout; any output on
// stderr (Graphviz's warnings) fails the test.
func runTool(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// xmlTexts parses an XML document and returns the text of its elements.
func xmlTexts(t *testing.T, doc []byte) []string {
	t.Helper()
	texts, err := xmlTextsOf(doc)
	if err != nil {
		t.Fatalf("not well-formed XML: %v", err)
	}
	return texts
}

// xmlTextsOf parses an XML document and returns the text of its elements.
func xmlTextsOf(doc []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var texts []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return texts, nil
		}
		if err != nil {
			return nil, err
		}
		if cd, ok := tok.(xml.CharData); ok {
			texts = append(texts, string(cd))
		}
	}
}

// analyzeOut runs collab analyze FILE --out DIR and returns DIR and the
// results.
func analyzeOut(t *testing.T, file string) (string, map[string]any) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "results")
	args := []string{"analyze", "--out", dir}
	if file != "" {
		args = append(args, file)
	}
	_, stderr, code := invoke(t, "", args...)
	if code != 0 {
		t.Fatalf("collab %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	if !strings.Contains(stderr, "collab: wrote "+filepath.Join(dir, "report.md")) {
		t.Errorf("stderr does not list the files: %q", stderr)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res map[string]any
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatal(err)
	}
	return dir, res
}

// TestOutputsOpenInRealClients writes every output of the sample and of a
// 1,000-city region and opens them in the programs their users use:
// Graphviz renders the DOT map with no warning, GDAL reads the GeoJSON
// with the right feature counts and fields, librsvg renders the SVG.
func TestOutputsOpenInRealClients(t *testing.T) {
	for _, c := range []struct {
		name  string
		file  string
		n     int
		links int // drawn: twice the cities
	}{
		{"sample", "", 41, 82},
		{"region1000", "", 1000, 2000},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := c.file
			if c.n == 1000 {
				file = region(t, c.n)
			}
			dir, res := analyzeOut(t, file)
			cities := res["cities"].([]any)
			belts, beltHops := beltsOf(res)
			if len(cities) != c.n {
				t.Fatalf("%d cities", len(cities))
			}
			t.Run("csv", func(t *testing.T) {
				for name, want := range map[string]int{"cities.csv": c.n + 1, "links.csv": len(res["links"].([]any)) + 1, "transitions.csv": transitionRows(res)} {
					f, _ := os.Open(filepath.Join(dir, name))
					rows, err := csv.NewReader(f).ReadAll()
					f.Close()
					if err != nil || len(rows) != want {
						t.Errorf("%s: %d rows (%v), want %d", name, len(rows), err, want)
					}
				}
			})
			t.Run("neato", func(t *testing.T) {
				needs(t, "neato", "graphviz")
				svg := runTool(t, "neato", "-n2", "-Tsvg", filepath.Join(dir, "network.dot"))
				xmlTexts(t, svg)
				if n := bytes.Count(svg, []byte(`class="node"`)); n != c.n {
					t.Errorf("Graphviz drew %d nodes, want %d cities (the legend is the graph's label)", n, c.n)
				}
				// A belt hop along a drawn link is that link's edge; the
				// others are edges of their own (link=false).
				src, _ := os.ReadFile(filepath.Join(dir, "network.dot"))
				offLinks := bytes.Count(src, []byte("link=false"))
				if n := bytes.Count(svg, []byte(`class="edge"`)); n != c.links+offLinks || offLinks > beltHops {
					t.Errorf("Graphviz drew %d edges, want %d links and %d belt hops off them (of %d hops)", n, c.links, offLinks, beltHops)
				}
			})
			t.Run("ogrinfo", func(t *testing.T) {
				needs(t, "ogrinfo", "gdal-bin")
				info := string(runTool(t, "ogrinfo", "-ro", "-al", "-so", filepath.Join(dir, "cities.geojson")))
				if want := fmt.Sprintf("Feature Count: %d\n", c.n); !strings.Contains(info, want) {
					t.Errorf("ogrinfo cities.geojson: want %q in\n%s", want, info)
				}
				if !strings.Contains(info, `ID["EPSG",4326]`) {
					t.Error("GDAL does not read the file as WGS 84")
				}
				fields := map[string]string{"tier": "Integer", "name": "String", "score": "Real", "neighbor_count": "Integer", "lat": "Real"}
				for key, typ := range fields {
					re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + `: (\w+)`)
					m := re.FindStringSubmatch(info)
					if m == nil || m[1] != typ {
						t.Errorf("ogrinfo: field %s is %v, want %s", key, m, typ)
					}
				}
				for layer, want := range map[string]int{"links": c.links, "belts": belts} {
					info := string(runTool(t, "ogrinfo", "-ro", "-so", filepath.Join(dir, "collab.gpkg"), layer))
					if !strings.Contains(info, fmt.Sprintf("Feature Count: %d\n", want)) {
						t.Errorf("ogrinfo collab.gpkg %s: want %d features in\n%s", layer, want, info)
					}
				}
			})
			t.Run("rsvg", func(t *testing.T) {
				svg, err := os.ReadFile(filepath.Join(dir, "map.svg"))
				if err != nil {
					t.Fatal(err)
				}
				xmlTexts(t, svg)
				needs(t, "rsvg-convert", "librsvg2-bin")
				png := runTool(t, "rsvg-convert", filepath.Join(dir, "map.svg"))
				if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
					t.Error("rsvg-convert did not write a PNG")
				}
			})
		})
	}
}

// hostileNames are city names each output format must escape and give
// back intact: quotes and markup, backslashes (Graphviz reads \N as the
// node's name), a newline and a tab, a script, a right-to-left override
// (which would reorder a line), terminal escapes that would retitle the
// window, clear the screen and recolour it, 5,000 characters, Chinese.
var hostileNames = []string{
	hostile,
	ansiName,
	`back\slash \N \\ \`,
	"new\nline",
	"tab\there",
	"<script>alert(1)</script>",
	"\u202eevil\u202c",
	strings.Repeat("Long", 1250),
	"苏州 (Suzhou)",
}

// hostileRegion is a region of 12 cities, the first named hostileNames and
// scoring highest, so that every table and map shows them.
func hostileRegion(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(region(t, 12))
	if err != nil {
		t.Fatal(err)
	}
	var ds map[string]any
	json.Unmarshal(src, &ds)
	for i, c := range ds["cities"].([]any) {
		city := c.(map[string]any)
		if i < len(hostileNames) {
			city["name"], city["score"] = hostileNames[i], 10000-float64(i)
		}
	}
	src, _ = json.Marshal(ds)
	path := filepath.Join(t.TempDir(), "hostile.json")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// ansiName is a name that acts on a terminal printed raw.
const ansiName = "Evil\x1b]0;pwned\x07\x1b[2J\x1b[31mRED"

// inXML is a name as SVG and Graphviz (which writes SVG) can hold it: XML
// 1.0 has no control characters but tab, line feed and carriage return, so
// the others become spaces.
func inXML(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return ' '
		}
		return r
	}, name)
}

// escaped is how the text report writes a name: control and
// bidirectional characters as Go escapes, the rest as they are.
func escaped(name string) string {
	var b strings.Builder
	for _, r := range name {
		if unicode.IsControl(r) || bidi(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// bidi reports the characters that change the direction of the text
// around them.
func bidi(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') || r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// rawControl returns the byte offset of the first control character other
// than a line end, or bidirectional character, in a report, or -1.
func rawControl(s string) int {
	return strings.IndexFunc(s, func(r rune) bool { return r != '\n' && (unicode.IsControl(r) || bidi(r)) })
}

// dotText is the text Graphviz shows for a quoted DOT string: \" is a
// quote, \\ a backslash, \n a newline, and entities are decoded.
func dotText(quoted string) string {
	s := strings.TrimSuffix(strings.TrimPrefix(quoted, `"`), `"`)
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
	return html.UnescapeString(b.String())
}

// TestHostileNameRoundTrips sends the hostile names through every output
// and reads each back as the format's own reader (and, where installed,
// Graphviz and GDAL) would: intact from results.json, both CSV files, the
// GeoJSON, the DOT map (gonum's parser, Graphviz's reading of strings),
// map.svg (encoding/xml) and report.md (CommonMark's escapes); escaped in
// the text report, which holds no control or bidirectional character.
func TestHostileNameRoundTrips(t *testing.T) {
	input := hostileRegion(t)
	dir := filepath.Join(t.TempDir(), "results")
	report, stderr, code := invoke(t, "", "analyze", input, "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	t.Run("json", func(t *testing.T) {
		var res struct{ Cities []struct{ Name string } }
		if err := json.Unmarshal(read("results.json"), &res); err != nil {
			t.Fatal(err)
		}
		for i, name := range hostileNames {
			if res.Cities[i].Name != name {
				t.Errorf("results.json: %.60q, want %.60q", res.Cities[i].Name, name)
			}
		}
	})
	t.Run("csv", func(t *testing.T) {
		rows, err := csv.NewReader(bytes.NewReader(read("cities.csv"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := slices.Index(rows[0], "name")
		links, err := csv.NewReader(bytes.NewReader(read("links.csv"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for i, name := range hostileNames {
			if rows[i+1][col] != name {
				t.Errorf("cities.csv: %.60q, want %.60q", rows[i+1][col], name)
			}
			if !slices.ContainsFunc(links[1:], func(row []string) bool { return slices.Contains(row, name) }) {
				t.Errorf("links.csv: %.60q is not among the links' city names", name)
			}
		}
	})
	t.Run("geojson", func(t *testing.T) {
		var doc struct {
			Features []struct{ Properties map[string]any }
		}
		if err := json.Unmarshal(read("cities.geojson"), &doc); err != nil {
			t.Fatal(err)
		}
		for i, name := range hostileNames {
			if got := doc.Features[i].Properties["name"]; got != name {
				t.Errorf("cities.geojson: %.60q, want %.60q", got, name)
			}
		}
		needs(t, "ogrinfo", "gdal-bin")
		info := runTool(t, "ogrinfo", "-ro", "-al", "-where", "id = 'c0000'", filepath.Join(dir, "cities.geojson"))
		if !bytes.Contains(info, []byte("  name (String) = "+hostile+"\n")) {
			t.Errorf("GDAL reads:\n%s", info)
		}
	})
	t.Run("dot", func(t *testing.T) {
		file, err := dot.ParseBytes(read("network.dot"))
		if err != nil {
			t.Fatalf("gonum cannot parse network.dot: %v", err)
		}
		tooltips := map[string]string{}
		for _, st := range file.Graphs[0].Stmts {
			if n, ok := st.(*ast.NodeStmt); ok {
				for _, a := range n.Attrs {
					if a.Key == "tooltip" {
						tooltips[n.Node.ID] = dotText(a.Val)
					}
				}
			}
		}
		for i, name := range hostileNames {
			if got := tooltips[fmt.Sprintf(`"c%04d"`, i)]; got != inXML(name) {
				t.Errorf("network.dot: tooltip %.60q, want %.60q", got, name)
			}
		}
		needs(t, "neato", "graphviz")
		texts := xmlTexts(t, runTool(t, "neato", "-n2", "-Tsvg", filepath.Join(dir, "network.dot")))
		for i, text := range texts { // Graphviz writes the second of two spaces as &#160;
			texts[i] = strings.ReplaceAll(text, "\u00a0", " ")
		}
		for _, name := range hostileNames {
			if !strings.Contains(name, "\n") && !slices.Contains(texts, inXML(name)) { // Graphviz draws \n as two lines
				t.Errorf("Graphviz does not show %.60q as written", name)
			}
		}
	})
	t.Run("svg", func(t *testing.T) {
		texts := xmlTexts(t, read("map.svg"))
		for _, name := range hostileNames {
			if !slices.Contains(texts, inXML(name)) {
				t.Errorf("map.svg: no text %.60q", name)
			}
		}
	})
	checkHostileNetworkFormats(t, read)
	t.Run("markdown", func(t *testing.T) {
		md := string(read("report.md"))
		checkNoRawControls(t, "report.md", md)
		// CommonMark reads a backslash before ASCII punctuation as the
		// punctuation itself.
		text := regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])").ReplaceAllString(md, "$1")
		for _, name := range hostileNames {
			if !strings.Contains(text, escaped(name)) {
				t.Errorf("report.md does not show %.60q", escaped(name))
			}
		}
	})
	t.Run("text", func(t *testing.T) {
		checkNoRawControls(t, "the report", report)
		for _, name := range hostileNames {
			if !strings.Contains(report, escaped(name)) {
				t.Errorf("the report does not show %.60q", escaped(name))
			}
		}
	})
}

// checkNoRawControls fails when a report holds a control character other
// than a line end, or a bidirectional character.
func checkNoRawControls(t *testing.T, what, s string) {
	t.Helper()
	if i := rawControl(s); i >= 0 {
		t.Errorf("%s holds a raw control or bidirectional character at byte %d: %.40q", what, i, s[i:])
	}
}

// TestOutputFiles checks the file flags: one file each, the report still
// on stdout, the input never overwritten, unwritable paths exit 1.
func TestOutputFiles(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "yrd.json")
	sample, _, _ := invoke(t, "", "sample")
	os.WriteFile(input, []byte(sample), 0o644)
	svg, dotFile, geo := filepath.Join(dir, "m.svg"), filepath.Join(dir, "n.dot"), filepath.Join(dir, "c.geojson")
	stdout, stderr, code := invoke(t, "", "analyze", input, "--svg", svg, "--dot", dotFile, "--geojson", geo, "--top-links", "all")
	if code != 0 || !strings.HasPrefix(stdout, "collab: Yangtze River Delta") {
		t.Fatalf("exit %d, stdout %.60q, stderr %s", code, stdout, stderr)
	}
	if want := fmt.Sprintf("collab: wrote %s, %s, %s\n", dotFile, geo, svg); stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	// 820 links; the 4 hops of the belt Shanghai-Suzhou-Wuxi-Changzhou-Nanjing
	// are links, drawn as their links' edges.
	if b, _ := os.ReadFile(dotFile); bytes.Count(b, []byte(" -- ")) != 820 || bytes.Count(b, []byte("belt=1")) != 4 {
		t.Error("--top-links all did not draw 820 links, 4 of them along the belt")
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"analyze", input, "--svg", input}, 2, "is an input file; collab never overwrites its input"},
		{[]string{"analyze", input, "--out", dir, "--dot", filepath.Join(dir, "network.dot")}, 2, "is asked for twice"},
		{[]string{"analyze", input, "--svg", filepath.Join(dir, "none", "m.svg")}, 1, "none/m.svg: cannot write: the directory"},
		{[]string{"analyze", input, "--out", input}, 1, "--out " + input + ": cannot create the directory"},
		{[]string{"analyze", input, "--top-links", "0"}, 2, `--top-links "0": give auto, all or a number`},
		{[]string{"analyze", input, "--color", "betweenness", "--svg", svg}, 2, `--color "betweenness": a continuous measure`},
		{[]string{"analyze", input, "--color", "altitude"}, 2, `--color "altitude": the cities have no such measure`},
		{[]string{"export", input}, 2, `--format is required: choose one of dot, geojson, svg, csv, links-csv, transitions-csv, json, markdown, text`},
		{[]string{"export", input, "--format", "png"}, 2, `--format "png"`},
	} {
		_, stderr, code := invoke(t, "", c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("collab %s: exit %d, stderr %q; want %d and %q", strings.Join(c.args, " "), code, stderr, c.code, c.want)
		}
	}
	// The input file is unchanged, and --out into its directory refuses to
	// replace it when it is called results.json.
	results := filepath.Join(dir, "results.json")
	os.WriteFile(results, []byte(sample), 0o644)
	if _, stderr, code := invoke(t, "", "analyze", results, "--out", dir); code != 2 || !strings.Contains(stderr, "results.json: is an input file") {
		t.Errorf("--out over the input: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.md")); err == nil {
		t.Error("a refused --out still wrote report.md")
	}
	for _, f := range []string{input, results} {
		if b, _ := os.ReadFile(f); string(b) != sample {
			t.Errorf("%s was changed", f)
		}
	}
}

// TestExport writes each format to stdout; the same bytes as the files
// analyze --out writes.
func TestExport(t *testing.T) {
	dir, _ := analyzeOut(t, "")
	for format, file := range map[string]string{"dot": "network.dot", "geojson": "cities.geojson", "geojson-points": "points.geojson", "geojson-links": "links.geojson", "geojson-belts": "belts.geojson", "geojson-sectors": "sectors.geojson", "gpkg": "collab.gpkg", "svg": "map.svg", "csv": "cities.csv",
		"links-csv": "links.csv", "transitions-csv": "transitions.csv", "json": "results.json", "markdown": "report.md", "gexf": "network.gexf", "graphml": "network.graphml",
		"pajek": "network.net", "gephi-nodes": "gephi-nodes.csv", "gephi-edges": "gephi-edges.csv", "moran-svg": "moran.svg",
		"trend-svg": "trend.svg", "lorenz-svg": "lorenz.svg", "html": "report.html", "latex": "report.tex",
		"density-svg": "density.svg"} {
		stdout, stderr, code := invoke(t, "", "export", "--format", format)
		want, _ := os.ReadFile(filepath.Join(dir, file))
		if code != 0 || stdout != string(want) {
			t.Errorf("export --format %s: exit %d (%s); differs from %s: %v", format, code, stderr, file, stdout != string(want))
		}
	}
	stdout, _, _ := invoke(t, "", "export", "--format", "svg", "--color", "province", "--top-links", "10")
	if !strings.Contains(stdout, "strongest 10 of 820") || !strings.Contains(stdout, ">Anhui (16)</text>") {
		t.Error("export --color province --top-links 10: legend does not say so")
	}
}

// transitionRows is the number of rows of transitions.csv for a results
// file: the header, then one per cell of the classic chain, of each lag
// class's chain and of the 4 x 4 LISA chain.
func transitionRows(res map[string]any) int {
	d, ok := res["dynamics"].(map[string]any)
	if !ok {
		return 1
	}
	k := len(d["transitions"].([]any))
	lags := len(d["spatial"].(map[string]any)["by_lag"].([]any))
	return 1 + k*k*(1+lags) + 16
}

// beltsOf counts the belts of a results file and the hops along their
// spines, which the maps draw besides the links.
func beltsOf(res map[string]any) (belts, hops int) {
	list, _ := res["belts"].([]any)
	for _, b := range list {
		hops += len(b.(map[string]any)["cities"].([]any)) - 1
	}
	return len(list), hops
}
