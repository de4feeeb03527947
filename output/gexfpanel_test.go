package output

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"collab/analysis"
	"collab/data"
)

// gexfPanelSource is a panel of four cities read every fifth year and
// then a last year (2001, 2006, 2011, 2012), so that the spells have
// different lengths; city "a" has a hostile name.
const gexfPanelSource = `{"name": "Panel <gexf>", "cities": [
	{"id": "a", "name": "A&B \"<x>\"", "lat": 31.2, "lon": 121.5, "scores": {"2001": 100, "2006": 120, "2011": 130, "2012": 131.5}},
	{"id": "b", "name": "B", "lat": 31.3, "lon": 120.6, "scores": {"2001": 10, "2006": 40, "2011": 90, "2012": 95.25}},
	{"id": "c", "name": "C", "lat": 31.6, "lon": 120.3, "scores": {"2001": 5, "2006": 30, "2011": 70, "2012": 0.1}},
	{"id": "d", "name": "D", "lat": 31.8, "lon": 117.2, "scores": {"2001": 1, "2006": 20, "2011": 60, "2012": 61}}]}`

// gexfDoc is what the panel test reads of a GEXF file.
type gexfDoc struct {
	Graph struct {
		Mode       string `xml:"mode,attr"`
		TimeFormat string `xml:"timeformat,attr"`
		Start      string `xml:"start,attr"`
		End        string `xml:"end,attr"`
		Attributes []struct {
			Class string `xml:"class,attr"`
			Mode  string `xml:"mode,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID     string `xml:"id,attr"`
			Values []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
				Start string `xml:"start,attr"`
				End   string `xml:"end,attr"`
			} `xml:"attvalues>attvalue"`
			Spells []struct {
				Start string `xml:"start,attr"`
				End   string `xml:"end,attr"`
			} `xml:"spells>spell"`
		} `xml:"nodes>node"`
	} `xml:"graph"`
}

// TestGEXFPanelSpells checks the dynamic GEXF of a panel against the
// dataset it was built from: every node has a spell a year ([y_k,
// y_{k+1} - 1], the last [y, y]), and each spell's score_by_year is the
// dataset's score of that year exactly, ratio_by_year that score over the
// trend's mean of the year, tier_by_year the tier of that ratio; the
// year studied's values equal the static score, ratio and tier.
func TestGEXFPanelSpells(t *testing.T) {
	ds, err := readData("panel.json", []byte(gexfPanelSource))
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Run(context.Background(), ds, analysis.DefaultParameters())
	if err != nil {
		t.Fatal(err)
	}
	out := write(t, func(w io.Writer) error { return GEXF(w, r, MapOptions{}) })
	var doc gexfDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	g := doc.Graph
	if g.Mode != "dynamic" || g.TimeFormat != "integer" || g.Start != "2001" || g.End != "2012" {
		t.Errorf("graph mode %q timeformat %q from %q to %q, want dynamic integer 2001-2012", g.Mode, g.TimeFormat, g.Start, g.End)
	}
	if len(g.Attributes) != 3 || g.Attributes[1].Mode != "dynamic" || len(g.Attributes[1].Attrs) != 3 {
		t.Fatalf("attributes: %+v", g.Attributes)
	}
	spells := [][2]string{{"2001", "2005"}, {"2006", "2010"}, {"2011", "2011"}, {"2012", "2012"}}
	studied := len(ds.Years) - 1 // the default year studied is the latest
	for i, n := range g.Nodes {
		if len(n.Spells) != len(spells) {
			t.Fatalf("node %s: %d spells, want %d", n.ID, len(n.Spells), len(spells))
		}
		for k, s := range n.Spells {
			if [2]string{s.Start, s.End} != spells[k] {
				t.Errorf("node %s spell %d: %s-%s, want %v", n.ID, k, s.Start, s.End, spells[k])
			}
		}
		byYear := map[string][]string{}
		for _, v := range n.Values {
			if v.Start == "" {
				continue // a static measure
			}
			k := len(byYear[v.For])
			if k >= len(spells) || [2]string{v.Start, v.End} != spells[k] {
				t.Fatalf("node %s: %s value %d spans %s-%s", n.ID, v.For, k, v.Start, v.End)
			}
			byYear[v.For] = append(byYear[v.For], v.Value)
		}
		for k := range ds.Years {
			score := ds.Cities[i].Scores[k]
			ratio := score / r.Trend.Series[k].Mean
			if got, _ := strconv.ParseFloat(byYear["score_by_year"][k], 64); got != score {
				t.Errorf("node %s %d: score %v, dataset %v", n.ID, ds.Years[k], got, score)
			}
			if got, _ := strconv.ParseFloat(byYear["ratio_by_year"][k], 64); got != ratio {
				t.Errorf("node %s %d: ratio %v, want %v", n.ID, ds.Years[k], got, ratio)
			}
			if got := byYear["tier_by_year"][k]; got != strconv.Itoa(r.Parameters.Tiers.Tier(ratio)) {
				t.Errorf("node %s %d: tier %s, want %d", n.ID, ds.Years[k], got, r.Parameters.Tiers.Tier(ratio))
			}
		}
		c := r.Cities[i]
		if byYear["score_by_year"][studied] != exact(c.Score) || byYear["ratio_by_year"][studied] != exact(c.Ratio) || byYear["tier_by_year"][studied] != strconv.Itoa(c.Tier) {
			t.Errorf("node %s: the year studied's values %s %s %s, the static %v %v %d", n.ID,
				byYear["score_by_year"][studied], byYear["ratio_by_year"][studied], byYear["tier_by_year"][studied], c.Score, c.Ratio, c.Tier)
		}
	}
	checkGEXFInNetworkX(t, out, r, ds)
}

// checkGEXFInNetworkX reads the dynamic GEXF with NetworkX's read_gexf,
// which reads a dynamic attribute as a list of (value, start, end), and
// compares the nodes, the edges' weights and every city's scores by year
// with the study and the dataset. Skips without Debian's python3-networkx.
func checkGEXFInNetworkX(t *testing.T, gexf string, r *analysis.Result, ds *data.Dataset) {
	t.Helper()
	python := "/usr/bin/python3"
	if exec.Command(python, "-c", "import networkx").Run() != nil {
		t.Skip("/usr/bin/python3 cannot import networkx (Debian package python3-networkx); skipping the read_gexf check")
	}
	path := filepath.Join(t.TempDir(), "panel.gexf")
	if err := os.WriteFile(path, []byte(gexf), 0o644); err != nil {
		t.Fatal(err)
	}
	const script = `import json, sys, networkx as nx
g = nx.read_gexf(sys.argv[1])
json.dump({"mode": g.graph["mode"],
  "nodes": {n: {"label": d["label"], "score": d["score"], "scores": [[v, s, e] for v, s, e in d["score_by_year"]]} for n, d in g.nodes(data=True)},
  "edges": [[u, v, d["weight"]] for u, v, d in g.edges(data=True)]}, sys.stdout)`
	raw, err := exec.Command(python, "-c", script, path).Output()
	if err != nil {
		t.Fatalf("read_gexf: %v\n%s", err, stderrText(err))
	}
	var got struct {
		Mode  string
		Nodes map[string]struct {
			Label  string
			Score  float64
			Scores [][3]float64
		}
		Edges [][3]any
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if got.Mode != "dynamic" || len(got.Nodes) != len(r.Cities) || len(got.Edges) != len(r.Links) {
		t.Fatalf("read_gexf: mode %s, %d nodes, %d edges; want dynamic, %d, %d", got.Mode, len(got.Nodes), len(got.Edges), len(r.Cities), len(r.Links))
	}
	for i, c := range r.Cities {
		n := got.Nodes[c.ID]
		if n.Label != c.Name || n.Score != c.Score || len(n.Scores) != len(ds.Years) {
			t.Errorf("read_gexf node %s: %q score %v, %d years", c.ID, n.Label, n.Score, len(n.Scores))
			continue
		}
		for k, v := range n.Scores {
			if v[0] != ds.Cities[i].Scores[k] || v[1] != float64(ds.Years[k]) {
				t.Errorf("read_gexf node %s: %v, want %v from %d", c.ID, v, ds.Cities[i].Scores[k], ds.Years[k])
			}
		}
	}
	weight := map[[2]string]float64{}
	for _, l := range r.Links {
		weight[[2]string{l.Source, l.Target}] = l.Weight
		weight[[2]string{l.Target, l.Source}] = l.Weight
	}
	for _, e := range got.Edges {
		u, _ := e[0].(string)
		v, _ := e[1].(string)
		if w, ok := weight[[2]string{u, v}]; !ok || e[2] != w {
			t.Errorf("read_gexf edge %s-%s weight %v, want %v", u, v, e[2], w)
		}
	}
}

// stderrText is the standard error of a failed command, if it kept it.
func stderrText(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}
