package output

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
	"gonum.org/v1/gonum/stat"

	"collab/analysis"
	"collab/data"
)

// TestMoranPointsSlopeIsI checks the Moran scatterplot's points against
// the definition: z has mean 0 and sample standard deviation 1 (GeoDa's
// GenUtils::StandardizeData divides by n - 1), and the least-squares slope
// of Wz on z is z'Wz / z'z, which is Moran's I under row-standardised
// weights (S0 = n) and I S0 / n under binary ones. Moran's I itself is
// checked against spdep's moran.test in package analysis.
func TestMoranPointsSlopeIsI(t *testing.T) {
	for _, standardize := range []analysis.Standardize{"row", "binary"} {
		t.Run(string(standardize), func(t *testing.T) {
			p := analysis.DefaultParameters()
			p.Standardize = standardize
			ds, err := readData("yrd.json", data.Sample())
			if err != nil {
				t.Fatal(err)
			}
			r, err := analysis.Run(context.Background(), ds, p)
			if err != nil {
				t.Fatal(err)
			}
			points := moranPoints(r)
			if len(points) != len(r.Cities) {
				t.Fatalf("%d points for %d cities (the sample has no island)", len(points), len(r.Cities))
			}
			z, lag := make([]float64, len(points)), make([]float64, len(points))
			for k, q := range points {
				z[k], lag[k] = q.z, q.lag
			}
			if m, sd := stat.MeanStdDev(z, nil); math.Abs(m) > 1e-12 || math.Abs(sd-1) > 1e-12 {
				t.Errorf("z has mean %g and sample sd %g, want 0 and 1", m, sd)
			}
			_, slope := stat.LinearRegression(z, lag, nil, false)
			want := float64(r.Moran.I)
			if standardize == "binary" {
				want *= float64(r.Weights.Links) / float64(len(r.Cities))
			}
			if math.Abs(slope-want) > 1e-12 {
				t.Errorf("slope of Wz on z %.15g, want %.15g", slope, want)
			}
		})
	}
}

// TestLorenzGini checks the Lorenz curve by hand (scores 1, 2, 3, 4: the
// curve passes through 0, 0.1, 0.3, 0.6, 1; the trapezoids' area is 0.375
// and the Gini 1 - 2(0.375) = 0.25 = sum (2i - n - 1) x_(i) / (n sum x) =
// 10/40) and against the sample's Gini, checked against PySAL in package
// analysis.
func TestLorenzGini(t *testing.T) {
	gini := func(points [][2]float64) float64 {
		var area float64
		for k := 1; k < len(points); k++ {
			area += (points[k][0] - points[k-1][0]) * (points[k][1] + points[k-1][1]) / 2
		}
		return 1 - 2*area
	}
	points := lorenzPoints([]float64{3, 1, 4, 2})
	for k, want := range []float64{0, 0.1, 0.3, 0.6, 1} {
		if math.Abs(points[k][1]-want) > 1e-15 || points[k][0] != float64(k)/4 {
			t.Errorf("point %d = %v, want (%g, %g)", k, points[k], float64(k)/4, want)
		}
	}
	if g := gini(points); math.Abs(g-0.25) > 1e-15 {
		t.Errorf("Gini of 1, 2, 3, 4 from the curve: %g, want 0.25", g)
	}
	r := sampleStudy(t)
	scores := make([]float64, len(r.Cities))
	for i, c := range r.Cities {
		scores[i] = c.Score
	}
	if g := gini(lorenzPoints(scores)); math.Abs(g-r.Summary.Gini) > 1e-12 {
		t.Errorf("Gini from the curve %.15g, the results' %.15g", g, r.Summary.Gini)
	}
	out := write(t, func(w io.Writer) error { return LorenzSVG(w, r) })
	if !strings.Contains(out, "Gini = "+fixed(r.Summary.Gini, 3)) || strings.Count(out, ",") < len(r.Cities) {
		t.Error("the Lorenz figure lacks its Gini or its curve")
	}
	renders(t, out)
}

// panelStudy is a three-year panel of four cities whose spread falls
// (sigma convergence).
func panelStudy(t *testing.T) *analysis.Result {
	t.Helper()
	src := `{"name": "Panel <test>", "cities": [
		{"id": "a", "name": "A&B", "lat": 31.2, "lon": 121.5, "scores": {"2001": 100, "2011": 120, "2021": 130}},
		{"id": "b", "name": "B", "lat": 31.3, "lon": 120.6, "scores": {"2001": 10, "2011": 40, "2021": 90}},
		{"id": "c", "name": "C", "lat": 31.6, "lon": 120.3, "scores": {"2001": 5, "2011": 30, "2021": 70}},
		{"id": "d", "name": "D", "lat": 31.8, "lon": 117.2, "scores": {"2001": 1, "2011": 20, "2021": 60}}]}`
	ds, err := readData("panel.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Run(context.Background(), ds, analysis.DefaultParameters())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestTrendSVG checks that the trend figure draws every year of the panel
// for the mean, the CV and the Gini, and says whether the CV fell.
func TestTrendSVG(t *testing.T) {
	r := panelStudy(t)
	if r.Trend == nil || len(r.Trend.Series) != 3 || !r.Trend.SigmaConvergence {
		t.Fatalf("the panel's trend: %+v", r.Trend)
	}
	out := write(t, func(w io.Writer) error { return TrendSVG(w, r) })
	for _, id := range []string{"mean", "cv", "gini"} {
		m := regexp.MustCompile(`<polyline id="` + id + `" points="([^"]*)"`).FindStringSubmatch(out)
		if m == nil || len(strings.Fields(m[1])) != 3 {
			t.Errorf("series %s: %v, want a point a year", id, m)
		}
	}
	want := fmt.Sprintf("2001-2021: sigma convergence: the CV fell from %s to %s", fixed(r.Trend.Series[0].CVPopulation, 3), fixed(r.Trend.Series[2].CVPopulation, 3))
	if !strings.Contains(out, want) {
		t.Errorf("no caption %q", want)
	}
	renders(t, out)
	single := write(t, func(w io.Writer) error { return TrendSVG(w, hostileStudy(t)) })
	if !strings.Contains(single, "No trend: the dataset has a single year.") {
		t.Error("a single year's trend figure does not say there is no panel")
	}
	renders(t, single)
}

// renders parses an SVG document and, where librsvg is installed, renders
// it.
func renders(t *testing.T, svg string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		if _, err := dec.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v", err)
			}
			break
		}
	}
	if _, err := exec.LookPath("rsvg-convert"); err != nil {
		return // the command-line tests skip with a message
	}
	cmd := exec.Command("rsvg-convert")
	cmd.Stdin = strings.NewReader(svg)
	out, err := cmd.Output()
	if err != nil || !strings.HasPrefix(string(out), "\x89PNG") {
		t.Errorf("rsvg-convert: %v", err)
	}
}

// TestMoranSVG checks the figure's parts: the line with slope I, the four
// quadrants, a circle a city, and the outliers named.
func TestMoranSVG(t *testing.T) {
	r := sampleStudy(t)
	out := write(t, func(w io.Writer) error { return MoranSVG(w, r) })
	for _, q := range []string{">HH<", ">LH<", ">LL<", ">HL<", `id="moran-line"`, "Moran's I = " + fixed(float64(r.Moran.I), 3), ">Shanghai</text>"} {
		if !strings.Contains(out, q) {
			t.Errorf("the Moran scatterplot lacks %s", q)
		}
	}
	if n := strings.Count(out, `r="3.5"`); n != len(r.Cities) {
		t.Errorf("%d points, want %d", n, len(r.Cities))
	}
	m := regexp.MustCompile(`id="moran-line" x1="([-\d.]+)" y1="([-\d.]+)" x2="([-\d.]+)" y2="([-\d.]+)"`).FindStringSubmatch(out)
	x1, _ := strconv.ParseFloat(m[1], 64)
	y1, _ := strconv.ParseFloat(m[2], 64)
	x2, _ := strconv.ParseFloat(m[3], 64)
	y2, _ := strconv.ParseFloat(m[4], 64)
	if slope := -(y2 - y1) / (x2 - x1); math.Abs(slope-float64(r.Moran.I)) > 0.01 { // two decimals on the page
		t.Errorf("the line's slope on the page %g, want I = %g", slope, float64(r.Moran.I))
	}
	renders(t, out)
}

// TestLaTeXEscape checks every special character of LaTeX and the
// controls.
func TestLaTeXEscape(t *testing.T) {
	for in, want := range map[string]string{
		`# $ % & ~ _ ^ \ { }`: `\# \$ \% \& \textasciitilde{} \_ \textasciicircum{} \textbackslash{} \{ \}`,
		"<b>|":                `\textless{}b\textgreater{}\textbar{}`,
		"new\nline\ttab\x1b":  "new line tab ",
		"\u202eevil":          " evil",
		"苏州":                  "苏州",
	} {
		if got := LaTeXEscape(in); got != want {
			t.Errorf("LaTeXEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLaTeXTables checks the four tables' labels and booktabs rules.
func TestLaTeXTables(t *testing.T) {
	out := write(t, func(w io.Writer) error { return LaTeX(w, hostileStudy(t)) })
	for _, want := range []string{`\label{tab:collab-summary}`, `\label{tab:collab-tiers}`, `\label{tab:collab-centrality}`, `\label{tab:collab-lisa}`, `\toprule`, `\midrule`, `\bottomrule`, `Q"uote\textbackslash{} \textless{}b\textgreater{}\&`} {
		if !strings.Contains(out, want) {
			t.Errorf("report.tex lacks %s", want)
		}
	}
	if strings.Count(out, `\begin{table}`) != 4 || strings.Count(out, `\end{table}`) != 4 {
		t.Error("want four tables")
	}
}

// TestAttributeTypes checks that every column of cities.csv and links.csv
// has a type from the Go structs, and the types of a few.
func TestAttributeTypes(t *testing.T) {
	r := sampleStudy(t)
	types := jsonTypes[analysis.City]()
	columns, _, err := records(r.Cities)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range columns {
		if _, ok := types[c]; !ok {
			t.Errorf("cities.csv column %s has no type", c)
		}
	}
	for key, want := range map[string]attrType{"name": typeString, "score": typeDouble, "tier": typeInteger, "in_core": typeBoolean,
		"lag": typeDouble, "betweenness_se": typeDouble, "lisa_cluster": typeString, "community": typeInteger} {
		if types[key] != want {
			t.Errorf("%s: type %s, want %s", key, types[key].gexf(), want.gexf())
		}
	}
	if lt := jsonTypes[analysis.Link](); lt["weight"] != typeDouble || lt["source"] != typeString {
		t.Errorf("link types %v", lt)
	}
}

// TestGEXFValues reads the GEXF back and checks that every attribute value
// parses as its declared type and equals cities.csv's cell.
func TestGEXFValues(t *testing.T) {
	r := hostileStudy(t)
	out := write(t, func(w io.Writer) error { return GEXF(w, r, MapOptions{}) })
	var doc struct {
		Attributes []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"graph>attributes"`
		Nodes []struct {
			ID     string `xml:"id,attr"`
			Label  string `xml:"label,attr"`
			Values []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
			} `xml:"attvalues>attvalue"`
			Position struct{ X, Y float64 } `xml:"position"`
		} `xml:"graph>nodes>node"`
		Edges []struct {
			Weight float64 `xml:"weight,attr"`
		} `xml:"graph>edges>edge"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	columns, rows, _ := records(r.Cities)
	attrs := map[string][2]string{}
	for _, a := range doc.Attributes[0].Attrs {
		attrs[a.ID] = [2]string{a.Title, a.Type}
	}
	for i, n := range doc.Nodes {
		if n.ID != r.Cities[i].ID || n.Label != r.Cities[i].Name {
			t.Errorf("node %d: %q %q", i, n.ID, n.Label)
		}
		for _, v := range n.Values {
			a := attrs[v.For]
			var err error
			switch a[1] {
			case "double":
				_, err = strconv.ParseFloat(v.Value, 64)
			case "long":
				_, err = strconv.ParseInt(v.Value, 10, 64)
			case "boolean":
				_, err = strconv.ParseBool(v.Value)
			}
			if err != nil {
				t.Errorf("node %s: %s=%q is not a %s", n.ID, a[0], v.Value, a[1])
			}
			col := -1
			for k, c := range columns {
				if c == a[0] {
					col = k
				}
			}
			if got := cell(rows[i][col]); got != v.Value {
				t.Errorf("node %s: %s=%q, cities.csv %q", n.ID, a[0], v.Value, got)
			}
		}
	}
	if len(doc.Edges) != len(r.Links) {
		t.Fatalf("%d edges, want %d", len(doc.Edges), len(r.Links))
	}
	for k, e := range doc.Edges {
		if e.Weight != r.Links[k].Weight {
			t.Errorf("edge %d weight %v, want %v", k, e.Weight, r.Links[k].Weight)
		}
	}
}

// TestDOTBeltsOnLinks checks that a belt hop along a drawn link marks that
// link's edge and that a hop along no drawn link is one edge of its own,
// weighted as its link in the network.
func TestDOTBeltsOnLinks(t *testing.T) {
	r := hostileStudy(t)
	m, err := newGeoMap(r, MapOptions{TopLinks: 1})
	if err != nil {
		t.Fatal(err)
	}
	strongest := m.links[0]
	other := (strongest.to + 1) % len(m.cities)
	if other == strongest.from {
		other = (other + 1) % len(m.cities)
	}
	m.belts = []spine{{cities: []int{strongest.from, strongest.to, other}}}
	var b strings.Builder
	weights := linkWeights(r)
	m.writeDOT(&b, weights)
	file, err := dot.ParseString(b.String())
	if err != nil {
		t.Fatal(err)
	}
	var edges []map[string]string
	for _, st := range file.Graphs[0].Stmts {
		if e, ok := st.(*ast.EdgeStmt); ok {
			attrs := map[string]string{}
			for _, a := range e.Attrs {
				attrs[a.Key] = a.Val
			}
			edges = append(edges, attrs)
		}
	}
	if len(edges) != 2 {
		t.Fatalf("%d edges, want the link and one hop off it: %v", len(edges), edges)
	}
	if edges[0]["belt"] != "1" || edges[0]["link"] != "" || edges[0]["weight"] != exact(strongest.weight) {
		t.Errorf("the link along the belt: %v", edges[0])
	}
	if edges[1]["belt"] != "1" || edges[1]["link"] != "false" || edges[1]["weight"] != exact(weights[pairKey(strongest.to, other)]) {
		t.Errorf("the hop off the drawn links: %v", edges[1])
	}
}

// TestPajek checks the vertices, their positions in [0, 1] and the edges.
func TestPajek(t *testing.T) {
	r := hostileStudy(t)
	out := write(t, func(w io.Writer) error { return Pajek(w, r) })
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	if lines[0] != fmt.Sprintf("*Vertices %d", len(r.Cities)) || lines[len(r.Cities)+1] != "*Edges" || len(lines) != len(r.Cities)+len(r.Links)+2 {
		t.Fatalf("Pajek file:\n%s", out)
	}
	if want := `1 "Q'uote\ <b>&" `; !strings.HasPrefix(lines[1], want) {
		t.Errorf("vertex 1: %q, want the prefix %q", lines[1], want)
	}
	for _, l := range lines[1 : len(r.Cities)+1] {
		f := strings.Fields(l[strings.LastIndex(l, `"`)+1:])
		for _, v := range f[:2] {
			if x, err := strconv.ParseFloat(v, 64); err != nil || x < 0 || x > 1 {
				t.Errorf("coordinate %q outside [0, 1]", v)
			}
		}
	}
}

// TestHTMLPage checks the page's parts and that it names no URL.
func TestHTMLPage(t *testing.T) {
	r := hostileStudy(t)
	out := write(t, func(w io.Writer) error { return HTML(w, r, Options{}, MapOptions{}) })
	for _, want := range []string{"<!DOCTYPE html>", `<figure id="map"><svg`, `<figure id="lorenz"><svg`, `<table id="cities" class="sortable">`,
		"<td>Q&quot;uote\\ &lt;b&gt;&amp;</td>", "<title>Test &lt;region&gt; &amp; co</title>"} {
		if !strings.Contains(out, want) {
			t.Errorf("report.html lacks %s", want)
		}
	}
	if regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//`).MatchString(out) {
		t.Error("report.html refers to the network")
	}
	rep := report{r: r, html: true}
	rep.names = rep.cityNames()
	for _, s := range rep.findingSentences() {
		if !strings.Contains(out, "<li>"+s+"</li>") {
			t.Errorf("the page lacks the finding %q", s)
		}
	}
}

// TestNetworkFormatsDeterministic writes every new format twice.
func TestNetworkFormatsDeterministic(t *testing.T) {
	r := sampleStudy(t)
	for name, f := range map[string]func(io.Writer) error{
		"gexf":    func(w io.Writer) error { return GEXF(w, r, MapOptions{}) },
		"graphml": func(w io.Writer) error { return GraphML(w, r, MapOptions{}) },
		"pajek":   func(w io.Writer) error { return Pajek(w, r) },
		"nodes":   func(w io.Writer) error { return GephiNodes(w, r) },
		"edges":   func(w io.Writer) error { return GephiEdges(w, r) },
		"moran":   func(w io.Writer) error { return MoranSVG(w, r) },
		"html":    func(w io.Writer) error { return HTML(w, r, Options{}, MapOptions{}) },
		"latex":   func(w io.Writer) error { return LaTeX(w, r) },
	} {
		if a, b := write(t, f), write(t, f); a != b {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func ExampleLaTeXEscape() {
	fmt.Println(LaTeXEscape(`R&D 100% {Hub} #1 ~ x_1^2 \ <b>`))
	// Output: R\&D 100\% \{Hub\} \#1 \textasciitilde{} x\_1\textasciicircum{}2 \textbackslash{} \textless{}b\textgreater{}
}

func ExamplePajekLabel() {
	fmt.Println(PajekLabel("The \"Hub\"\ncity"))
	// Output: The 'Hub' city
}
