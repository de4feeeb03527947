package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"image"
	"image/png"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
)

// link is a link of results.json.
type link struct {
	Source, Target string
	Weight         float64
}

// resultsOf reads the cities' ids and the links of results.json in dir.
func resultsOf(t *testing.T, dir string) (ids []string, links []link, directed bool) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Cities  []struct{ ID string }
		Links   []link
		Network *struct{ Directed bool }
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Cities {
		ids = append(ids, c.ID)
	}
	return ids, res.Links, res.Network != nil && res.Network.Directed
}

// pair keys a link by its cities, in order only when the network is
// directed.
func pair(a, b string, directed bool) [2]string {
	if !directed && b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// TestNetworkFormatsInClients writes every output of the sample and of a
// 5,000-city region and opens the network files and the figures in the
// programs their users use: Graphviz's neato, neato -n2 and fdp -n render
// the DOT map within 10 s with no warning, no side over 2,000 px and the
// same size; NetworkX (read_gexf, read_graphml, read_pajek, and read_dot
// through pygraphviz, and pydot for the sample) and igraph (Read_GraphML,
// Read_Pajek) read the files with every city and every link, each with
// the weight results.json gives it (exactly: every format writes the
// shortest decimal that reads back as the float64); rsvg-convert renders
// every figure.
func TestNetworkFormatsInClients(t *testing.T) {
	for _, c := range []struct {
		name string
		n    int
	}{{"sample", 41}, {"region5000", 5000}} {
		t.Run(c.name, func(t *testing.T) {
			file := ""
			if c.n != 41 {
				if testing.Short() {
					t.Skip("the 5,000-city region takes about 30 s; skipped with -short")
				}
				file = region(t, c.n)
			}
			dir, _ := analyzeOut(t, file)
			t.Run("graphviz", func(t *testing.T) { checkGraphviz(t, dir) })
			t.Run("readers", func(t *testing.T) { checkReaders(t, dir, c.n) })
			t.Run("figures", func(t *testing.T) {
				needs(t, "rsvg-convert", "librsvg2-bin")
				for _, name := range []string{"moran.svg", "trend.svg", "lorenz.svg", "density.svg"} {
					svg, err := os.ReadFile(filepath.Join(dir, name))
					if err != nil {
						t.Fatal(err)
					}
					xmlTexts(t, svg)
					if png := runTool(t, "rsvg-convert", filepath.Join(dir, name)); !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
						t.Errorf("rsvg-convert did not render %s", name)
					}
				}
			})
		})
	}
}

// checkGraphviz renders network.dot with the three engines that honour
// positions.
func checkGraphviz(t *testing.T, dir string) {
	needs(t, "neato", "graphviz")
	var sizes []image.Point
	for _, engine := range [][]string{{"neato"}, {"neato", "-n2"}, {"fdp", "-n"}} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		var stdout, stderr bytes.Buffer
		cmd := exec.CommandContext(ctx, engine[0], append(engine[1:], "-Tpng", filepath.Join(dir, "network.dot"))...)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		start := time.Now()
		err := cmd.Run()
		cancel()
		if err != nil || stderr.Len() > 0 {
			t.Errorf("%s: %v after %v\n%s", strings.Join(engine, " "), err, time.Since(start).Round(time.Millisecond), stderr.String())
			continue
		}
		cfg, err := png.DecodeConfig(&stdout)
		if err != nil {
			t.Errorf("%s: not a PNG: %v", strings.Join(engine, " "), err)
			continue
		}
		if cfg.Width > 2000 || cfg.Height > 2000 {
			t.Errorf("%s: %d x %d px, want no side over 2,000", strings.Join(engine, " "), cfg.Width, cfg.Height)
		}
		sizes = append(sizes, image.Pt(cfg.Width, cfg.Height))
	}
	for _, s := range sizes[1:] { // fdp may round a pixel differently
		if d := s.Sub(sizes[0]); d.X*d.X > 4 || d.Y*d.Y > 4 {
			t.Errorf("the engines draw maps of different sizes: %v", sizes)
		}
	}
}

// dotEdges reads network.dot's edges with gonum's parser: each edge's
// cities, its weight and whether it is a link or only a belt hop.
func dotEdges(t *testing.T, dir string) (edges []readEdge, beltOnly map[[2]string]bool) {
	t.Helper()
	file, err := dot.ParseFile(filepath.Join(dir, "network.dot"))
	if err != nil {
		t.Fatal(err)
	}
	beltOnly = map[[2]string]bool{}
	for _, st := range file.Graphs[0].Stmts {
		e, ok := st.(*ast.EdgeStmt)
		if !ok {
			continue
		}
		from, to := strings.Trim(e.From.(*ast.Node).ID, `"`), strings.Trim(e.To.Vertex.(*ast.Node).ID, `"`)
		var w float64
		for _, a := range e.Attrs {
			switch {
			case a.Key == "weight":
				fmt.Sscan(a.Val, &w)
			case a.Key == "link" && a.Val == "false":
				beltOnly[[2]string{from, to}] = true
			}
		}
		edges = append(edges, readEdge{from, to, w})
	}
	return edges, beltOnly
}

type readEdge struct {
	source, target string
	weight         float64
}

func (e *readEdge) UnmarshalJSON(b []byte) error {
	var v [3]any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	e.source, _ = v[0].(string)
	e.target, _ = v[1].(string)
	e.weight, _ = v[2].(float64)
	return nil
}

// checkReaders runs testdata/read_networks.py on dir and compares what
// each reader saw with results.json.
func checkReaders(t *testing.T, dir string, n int) {
	python := pythonWith(t, "networkx", "python3-networkx")
	for _, m := range []struct{ module, pkg string }{{"igraph", "python3-igraph"}, {"pygraphviz", "python3-pygraphviz"}} {
		if exec.Command(python, "-c", "import "+m.module).Run() != nil {
			t.Skipf("%s cannot import %s (Debian package %s); skipping the readers' check", python, m.module, m.pkg)
		}
	}
	out, err := exec.Command(python, "testdata/read_networks.py", dir).Output()
	if err != nil {
		t.Fatalf("read_networks.py: %v\n%s", err, stderrOf(err))
	}
	var readers map[string]struct {
		Nodes int
		Edges []readEdge
	}
	if err := json.Unmarshal(out, &readers); err != nil {
		t.Fatal(err)
	}
	_, links, directed := resultsOf(t, dir)
	weight := make(map[[2]string]float64, len(links))
	for _, l := range links {
		weight[pair(l.Source, l.Target, directed)] = l.Weight
	}
	wantDOT, beltOnly := dotEdges(t, dir)
	if drawn := len(wantDOT) - len(beltOnly); drawn != min(2*n, len(links)) {
		t.Errorf("network.dot has %d links, want the %d strongest", drawn, min(2*n, len(links)))
	}
	for name, got := range readers {
		if got.Nodes != n {
			t.Errorf("%s: %d nodes, want %d", name, got.Nodes, n)
		}
		want := len(links)
		if strings.Contains(name, "read_dot") {
			want = len(wantDOT)
		}
		if len(got.Edges) != want {
			t.Errorf("%s: %d edges, want %d", name, len(got.Edges), want)
		}
		for _, e := range got.Edges {
			key := pair(e.source, e.target, directed)
			w, ok := weight[key]
			if !ok && (beltOnly[[2]string{e.source, e.target}] || beltOnly[[2]string{e.target, e.source}]) {
				w, ok = 0, true // a belt hop the network has no link for
			}
			if !ok || e.weight != w {
				t.Errorf("%s: edge %s-%s has weight %v, results.json %v (a link: %v)", name, e.source, e.target, e.weight, w, ok)
				break
			}
		}
	}
	for _, want := range []string{"networkx read_gexf", "networkx read_graphml", "networkx read_pajek", "networkx nx_agraph.read_dot", "igraph Read_GraphML", "igraph Read_Pajek"} {
		if _, ok := readers[want]; !ok {
			t.Errorf("read_networks.py did not run %s", want)
		}
	}
}

// pythonWith returns a Python that imports module (Debian's
// /usr/bin/python3 first, as a pyenv python3 on PATH lacks Debian's
// modules), or skips the test.
func pythonWith(t *testing.T, module, pkg string) string {
	t.Helper()
	for _, python := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(python, "-c", "import "+module).Run() == nil {
			return python
		}
	}
	t.Skipf("no python3 imports %s (Debian package %s); skipping the check that needs it", module, pkg)
	return ""
}

func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

// TestHTMLReportOffline opens report.html in headless Chromium with every
// request sent to a proxy the test listens on, loopback included: the page
// must render (a screenshot that is not blank) with no connection to the
// proxy, and hold no http(s) or protocol-relative src or href. (Checked
// by hand to catch a page request: an <img src="http://example.com/x.png">
// reaches the proxy as "GET http://example.com/x.png".)
func TestHTMLReportOffline(t *testing.T) {
	dir, _ := analyzeOut(t, "")
	page, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?i)\b(src|href|xlink:href)\s*=\s*["']?\s*(https?:)?//`).Find(page); m != nil {
		t.Errorf("report.html refers to the network: %s", m)
	}
	for _, want := range []string{`<figure id="map"><svg`, `<figure id="moran"><svg`, `<figure id="lorenz"><svg`, `<ul id="findings">`, `<table id="cities" class="sortable">`, "Content-Security-Policy"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("report.html lacks %s", want)
		}
	}
	if bytes.Contains(page, []byte("google")) {
		t.Error("report.html names google, whose hosts the browser check lets Chromium call")
	}
	if n := bytes.Count(page, []byte("<script")); n != 1 {
		t.Errorf("report.html has %d scripts, want the one inline sorter", n)
	}
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
		}
	}
	if browser == "" {
		t.Skip("chromium is not installed (Debian package chromium); skipping the browser check")
	}
	proxy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()
	var mu sync.Mutex
	var requests []string
	go func() {
		for {
			conn, err := proxy.Accept()
			if err != nil {
				return
			}
			conn.SetReadDeadline(time.Now().Add(2 * time.Second))
			line, _ := bufio.NewReader(conn).ReadString('\n')
			mu.Lock()
			requests = append(requests, strings.TrimSpace(line))
			mu.Unlock()
			conn.Close()
		}
	}()
	shot := filepath.Join(t.TempDir(), "report.png")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps", "--no-pings",
		"--disable-domain-reliability", "--disable-client-side-phishing-detection",
		"--user-data-dir="+t.TempDir(), "--proxy-server=http://"+proxy.Addr().String(), "--proxy-bypass-list=<-loopback>",
		"--screenshot="+shot, "--window-size=1280,2000", "file://"+filepath.Join(dir, "report.html"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	mu.Lock()
	var fromPage []string
	for _, r := range requests {
		if !chromiumService(r) {
			fromPage = append(fromPage, r)
		}
	}
	mu.Unlock()
	if len(fromPage) > 0 {
		t.Errorf("report.html made %d network requests: %q", len(fromPage), fromPage)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if share, colours := inked(img); share < 0.02 || colours < 16 {
		t.Errorf("the screenshot looks blank: %.1f%% of pixels not white, %d colours", 100*share, colours)
	}
}

// chromiumService reports a request Chromium makes of its own accord
// (clock, component updates, accounts; Debian's chromium 13x makes them
// even with --disable-background-networking and --disable-component-update)
// to Google's hosts, which the page, holding no URL, cannot name.
func chromiumService(request string) bool {
	fields := strings.Fields(request)
	if len(fields) < 2 {
		return false
	}
	host := strings.TrimPrefix(strings.TrimPrefix(fields[1], "http://"), "https://")
	host, _, _ = strings.Cut(host, "/")
	host, _, _ = strings.Cut(host, ":")
	for _, suffix := range []string{".google.com", ".googleapis.com", ".gvt1.com"} {
		if strings.HasSuffix(host, suffix) {
			return true
		}
	}
	return false
}

// inked returns the share of an image's pixels that are not white and the
// number of distinct colours.
func inked(img image.Image) (share float64, colours int) {
	b := img.Bounds()
	seen := map[[3]uint32]bool{}
	dark := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				dark++
			}
		}
	}
	return float64(dark) / float64(b.Dx()*b.Dy()), len(seen)
}

// TestLaTeXCompiles compiles a paper that \inputs report.tex of the
// hostile region with pdflatex: every special character of LaTeX is in
// the names. The paper's preamble maps the two Chinese characters of a
// name to Latin letters, as a pdflatex paper without CJK fonts must (with
// CJK, xelatex or CJKutf8 typeset them).
func TestLaTeXCompiles(t *testing.T) {
	needs(t, "pdflatex", "texlive-latex-recommended")
	dir := filepath.Join(t.TempDir(), "results")
	if _, stderr, code := invoke(t, "", "analyze", hostileRegion(t), "--out", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	paper := `\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{booktabs}
\DeclareUnicodeCharacter{82CF}{Su}
\DeclareUnicodeCharacter{5DDE}{zhou}
\begin{document}
\input{report.tex}
\end{document}
`
	if err := os.WriteFile(filepath.Join(dir, "paper.tex"), []byte(paper), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "pdflatex", "-interaction=nonstopmode", "-halt-on-error", "paper.tex")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdflatex: %v\n%s", err, out)
	}
	if info, err := os.Stat(filepath.Join(dir, "paper.pdf")); err != nil || info.Size() == 0 {
		t.Errorf("pdflatex wrote no PDF: %v", err)
	}
}

// checkHostileNetworkFormats is TestHostileNameRoundTrips for the formats
// of issue 16: each reads the names back as its own reader does. XML
// formats hold every name but for the C0 controls XML 1.0 cannot hold
// (inXML); Pajek labels have no escapes (pajekLabel); LaTeX is read back
// by undoing its escapes (fromLaTeX), controls and bidirectional
// characters being spaces there.
func checkHostileNetworkFormats(t *testing.T, read func(string) []byte) {
	id := func(i int) string { return fmt.Sprintf("c%04d", i) }
	t.Run("dot-label", func(t *testing.T) {
		file, err := dot.ParseBytes(read("network.dot"))
		if err != nil {
			t.Fatal(err)
		}
		labels := map[string]string{}
		for _, st := range file.Graphs[0].Stmts {
			if n, ok := st.(*ast.NodeStmt); ok {
				for _, a := range n.Attrs {
					if a.Key == "label" {
						labels[n.Node.ID] = dotText(a.Val)
					}
				}
			}
		}
		for i, name := range hostileNames {
			if got := labels[`"`+id(i)+`"`]; got != inXML(name) {
				t.Errorf("network.dot: label %.60q, want %.60q", got, name)
			}
		}
	})
	t.Run("gexf", func(t *testing.T) {
		var doc struct {
			Nodes []struct {
				ID    string `xml:"id,attr"`
				Label string `xml:"label,attr"`
			} `xml:"graph>nodes>node"`
		}
		if err := xml.Unmarshal(read("network.gexf"), &doc); err != nil {
			t.Fatal(err)
		}
		for i, name := range hostileNames {
			if doc.Nodes[i].ID != id(i) || doc.Nodes[i].Label != inXML(name) {
				t.Errorf("network.gexf: node %s label %.60q, want %.60q", doc.Nodes[i].ID, doc.Nodes[i].Label, name)
			}
		}
	})
	t.Run("graphml", func(t *testing.T) {
		var doc struct {
			Keys []struct {
				ID   string `xml:"id,attr"`
				Name string `xml:"attr.name,attr"`
			} `xml:"key"`
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key  string `xml:"key,attr"`
					Text string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"graph>node"`
		}
		if err := xml.Unmarshal(read("network.graphml"), &doc); err != nil {
			t.Fatal(err)
		}
		nameKey := ""
		for _, k := range doc.Keys {
			if k.Name == "name" {
				nameKey = k.ID
			}
		}
		for i, name := range hostileNames {
			got := ""
			for _, d := range doc.Nodes[i].Data {
				if d.Key == nameKey {
					got = d.Text
				}
			}
			if doc.Nodes[i].ID != id(i) || got != inXML(name) {
				t.Errorf("network.graphml: node %s name %.60q, want %.60q", doc.Nodes[i].ID, got, name)
			}
		}
	})
	t.Run("pajek", func(t *testing.T) {
		lines := strings.Split(string(read("network.net")), "\r\n")
		vertex := regexp.MustCompile(`^(\d+) "([^"]*)" [0-9.]+ [0-9.]+ 0\.0$`)
		for i, name := range hostileNames {
			m := vertex.FindStringSubmatch(lines[i+1])
			if m == nil || m[1] != fmt.Sprint(i+1) || m[2] != pajekLabel(name) {
				t.Errorf("network.net: vertex line %.80q, want the label %.60q", lines[i+1], pajekLabel(name))
			}
		}
	})
	t.Run("gephi", func(t *testing.T) {
		rows, err := csv.NewReader(bytes.NewReader(read("gephi-nodes.csv"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if rows[0][0] != "Id" || rows[0][1] != "Label" {
			t.Errorf("gephi-nodes.csv header %q", rows[0][:2])
		}
		for i, name := range hostileNames {
			if rows[i+1][0] != id(i) || rows[i+1][1] != name {
				t.Errorf("gephi-nodes.csv: %.60q, want %.60q", rows[i+1][1], name)
			}
		}
		edges, err := csv.NewReader(bytes.NewReader(read("gephi-edges.csv"))).ReadAll()
		if err != nil || strings.Join(edges[0][:4], ",") != "Source,Target,Weight,Type" {
			t.Errorf("gephi-edges.csv header %q (%v)", edges[0], err)
		}
	})
	t.Run("html", func(t *testing.T) {
		page := string(read("report.html"))
		if n := strings.Count(page, "<script"); n != 1 {
			t.Errorf("report.html has %d <script tags, want the sorter alone: a name is not escaped", n)
		}
		cells := map[string]bool{}
		for _, m := range regexp.MustCompile(`<td>([^<]*)</td>`).FindAllStringSubmatch(page, -1) {
			cells[html.UnescapeString(m[1])] = true
		}
		for _, name := range hostileNames {
			if !cells[inXML(name)] {
				t.Errorf("report.html: no city cell %.60q", name)
			}
		}
	})
	t.Run("figures", func(t *testing.T) {
		texts := xmlTexts(t, read("moran.svg"))
		for _, name := range hostileNames {
			if !slices.Contains(texts, inXML(name)) {
				t.Errorf("moran.svg: no text %.60q", name)
			}
		}
		xmlTexts(t, read("lorenz.svg"))
		xmlTexts(t, read("trend.svg"))
	})
	t.Run("latex", func(t *testing.T) {
		tex := string(read("report.tex"))
		checkNoRawControls(t, "report.tex", tex)
		text := fromLaTeX(tex)
		for _, name := range hostileNames {
			if !strings.Contains(text, inLaTeX(name)) {
				t.Errorf("report.tex does not show %.60q", inLaTeX(name))
			}
		}
	})
}

// pajekLabel is a name as a Pajek label holds it: quotes as apostrophes,
// controls and bidirectional characters as spaces.
func pajekLabel(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return '\''
		case unicode.IsControl(r) || bidi(r) && r != '\u061c':
			return ' '
		}
		return r
	}, name)
}

// inLaTeX is a name as LaTeX typesets it: controls and bidirectional
// characters as spaces.
func inLaTeX(name string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || bidi(r) && r != '\u061c' {
			return ' '
		}
		return r
	}, name)
}

// fromLaTeX undoes LaTeX's escapes of the ten special characters and of
// < > |, as LaTeX typesets them.
var fromLaTeX = strings.NewReplacer(`\textbackslash{}`, `\`, `\textasciitilde{}`, "~", `\textasciicircum{}`, "^",
	`\textless{}`, "<", `\textgreater{}`, ">", `\textbar{}`, "|", `\#`, "#", `\$`, "$", `\%`, "%", `\&`, "&", `\_`, "_",
	`\{`, "{", `\}`, "}").Replace
