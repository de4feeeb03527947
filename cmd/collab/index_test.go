package main

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"collab/composite"
	"collab/data"
)

// indexPanel is testdata/index-panel.csv's indicators, by hand:
// values[indicator][year][city] for the cities a..e and the years 2001,
// 2021.
var indexPanel = map[string][2][5]float64{
	"rd":     {{1, 2, 3, 0.5, 1.5}, {4, 5, 3, 6, 2}},
	"pat":    {{10, 20, 15, 5, 8}, {40, 35, 20, 60, 12}},
	"energy": {{5, 4, 6, 7, 3}, {3, 4, 5, 2, 3}},
	"gdp":    {{100, 120, 90, 80, 60}, {300, 280, 150, 400, 90}},
}

// indexTable is the composite table of the indicators named, from
// indexPanel.
func indexTable(names ...string) *composite.Table {
	t := composite.NewTable([]string{"a", "b", "c", "d", "e"}, []int{2001, 2021}, names)
	for j, name := range names {
		for p := range 2 {
			v := indexPanel[name][p]
			copy(t.Values[p][j], v[:])
		}
	}
	return t
}

// TestIndexRoundTrip: collab index writes a dataset whose scores are
// composite.Score's on the same values (typed in above, not read by the
// command's reader), whose variables are the indicators, and which collab
// analyze reads and studies: in JSON and in CSV.
func TestIndexRoundTrip(t *testing.T) {
	inds := composite.IndicatorList{{Name: "rd"}, {Name: "pat"}, {Name: "energy", LessIsBetter: true}}
	want, err := composite.Score(context.Background(), indexTable("rd", "pat", "energy"), inds, composite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".json", ".csv"} {
		out := filepath.Join(t.TempDir(), "scored"+ext)
		_, stderr, code := invoke(t, "", "index", "testdata/index-panel.csv", "--indicators", "rd,pat,-energy", "--out", out)
		if code != 0 {
			t.Fatalf("index: exit %d: %s", code, stderr)
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := data.Read(f, out, data.Options{})
		f.Close()
		if err != nil {
			t.Fatalf("%s does not read back: %v", out, err)
		}
		for p := range 2 {
			for i, c := range ds.Cities {
				if got, w := c.Scores[p], want.Scores[p][i]; math.Abs(got-w) > 1e-12*math.Max(1, w) {
					t.Errorf("%s: %s score %d = %v, want %v", ext, c.ID, ds.Years[p], got, w)
				}
				if got, w := c.Variables["pat"][p], indexPanel["pat"][p][i]; got != w {
					t.Errorf("%s: %s pat %d = %v, want %v", ext, c.ID, ds.Years[p], got, w)
				}
			}
		}
		w := want.Weights[0].Weight
		note := fmt.Sprintf("collab index: entropy weights: rd %v, pat %v, -energy %v", w[0], w[1], w[2])
		if ext == ".json" && (len(ds.Notes) != 1 || ds.Notes[0] != note) {
			t.Errorf("notes %q, want %q", ds.Notes, note)
		}
		stdout, stderr, code := invoke(t, "", "analyze", out)
		if code != 0 {
			t.Fatalf("analyze %s: exit %d: %s", out, code, stderr)
		}
		mean := 0.0
		for _, s := range want.Scores[1] {
			mean += s / 5
		}
		if line := fmt.Sprintf("Mean score                %.2f", mean); !strings.Contains(stdout, line) {
			t.Errorf("analyze %s: report lacks %q:\n%.600s", out, line, stdout)
		}
	}
}

// TestIndexCoupling: the coupling written for each city is
// composite.Coordinate's, and C, T, D obey their definitions.
func TestIndexCoupling(t *testing.T) {
	subs := composite.Subsystems{
		{Name: "innovation", Indicators: composite.IndicatorList{{Name: "rd"}, {Name: "pat"}}},
		{Name: "economy", Indicators: composite.IndicatorList{{Name: "gdp"}, {Name: "energy", LessIsBetter: true}}},
	}
	want, err := composite.Coordinate(context.Background(), indexTable("rd", "pat", "gdp", "energy"), subs, []float64{0.6, 0.4}, composite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "scored.json")
	_, stderr, code := invoke(t, "", "index", "testdata/index-panel.csv", "--indicators", "rd,pat,-energy",
		"--subsystems", "innovation:rd,pat;economy:gdp,-energy", "--alpha", "0.6,0.4", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	src, _ := os.ReadFile(out)
	ds, err := data.Read(bytes.NewReader(src), out, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for p := range 2 {
		for i, c := range ds.Cities {
			u1, u2 := c.Variables["index_innovation"][p], c.Variables["index_economy"][p]
			cc, tt, d := c.Variables["coupling_c"][p], c.Variables["coupling_t"][p], c.Variables["coupling_d"][p]
			if d != want.Degree[p][i].D || u1 != want.Indices[0].Scores[p][i] {
				t.Errorf("%s %d: D %v U1 %v, want %v %v", c.ID, ds.Years[p], d, u1, want.Degree[p][i].D, want.Indices[0].Scores[p][i])
			}
			// By hand: C = 2 sqrt(U1 U2) / (U1 + U2), T = 0.6 U1 + 0.4 U2, D = sqrt(C T).
			if u1+u2 > 0 {
				if wc := 2 * math.Sqrt(u1*u2) / (u1 + u2); math.Abs(cc-wc) > 1e-12 {
					t.Errorf("%s: C %v, by hand %v", c.ID, cc, wc)
				}
			}
			if wt := 0.6*u1 + 0.4*u2; math.Abs(tt-wt) > 1e-12 || math.Abs(d-math.Sqrt(cc*tt)) > 1e-12 {
				t.Errorf("%s: T %v (by hand %v), D %v (sqrt(C T) %v)", c.ID, tt, wt, d, math.Sqrt(cc*tt))
			}
		}
	}
}

// TestIndexBadInput: what collab index says about indicators it cannot
// use, and the drop policy.
func TestIndexBadInput(t *testing.T) {
	dir := t.TempDir()
	gap := filepath.Join(dir, "gap.csv")
	src, _ := os.ReadFile("testdata/index-panel.csv")
	os.WriteFile(gap, bytes.Replace(src, []byte("c,Gamma,32,120,3,3,"), []byte("c,Gamma,32,120,3,,"), 1), 0o644)
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown indicator", []string{"index", "testdata/index-panel.csv", "--indicators", "rd,patt"}, 2, `--indicators: unknown variable "patt" (did you mean "pat"?)`},
		{"unknown in a subsystem", []string{"index", "testdata/index-panel.csv", "--indicators", "rd", "--subsystems", "a:rd;b:gpd"}, 2, `--subsystems: unknown variable "gpd" (did you mean "gdp"?)`},
		{"no indicators", []string{"index", "testdata/index-panel.csv"}, 2, "--indicators: give the indicators"},
		{"bad method", []string{"index", "testdata/index-panel.csv", "--indicators", "rd", "--method", "entropi"}, 2, `--method: unknown method "entropi"`},
		{"negative shift", []string{"index", "testdata/index-panel.csv", "--indicators", "rd,pat", "--shift", "-0.1"}, 2, "--shift: -0.1 is negative"},
		{"missing value", []string{"index", gap, "--indicators", "rd,pat"}, 3, `gap.csv:4:18: row 3, rd_2021: no value of "rd 2021"`},
		{"missing value dropped", []string{"index", gap, "--indicators", "rd,pat", "--missing", "drop"}, 0, "warning: " + gap + ": dropped 1 city with missing values (missing policy drop): c (rd 2021)"},
		{"missing elsewhere is no matter", []string{"index", gap, "--indicators", "pat,gdp"}, 0, ""},
		{"bad format", []string{"index", "testdata/index-panel.csv", "--indicators", "rd", "--format", "xml"}, 2, `--format "xml": choose json or csv`},
		{"output is the input", []string{"index", "testdata/index-panel.csv", "--indicators", "rd", "--out", "testdata/index-panel.csv"}, 2, "is an input file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := invoke(t, "", c.args...)
			if code != c.code || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, c.code, c.want)
			}
			if c.code != 0 && stdout != "" {
				t.Errorf("stdout %q on an error", stdout)
			}
		})
	}
}

// TestREADMEIndexExample: the README's example of collab index is the
// golden output's beginning, and its table is testdata/index-panel.csv.
func TestREADMEIndexExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := os.ReadFile("testdata/index-panel.stdout")
	lines := strings.SplitAfter(string(out), "\n")
	if head := strings.Join(lines[:9], ""); !strings.Contains(string(readme), "```\n"+head+"```") {
		t.Errorf("README.md lacks the first lines of testdata/index-panel.stdout:\n%s", head)
	}
	table, _ := os.ReadFile("testdata/index-panel.csv")
	indented := "    " + strings.ReplaceAll(strings.TrimSuffix(string(table), "\n"), "\n", "\n    ") + "\n    CSV\n"
	if !strings.Contains(string(readme), indented) {
		t.Errorf("README.md's table is not testdata/index-panel.csv")
	}
}

// TestIndexPooledRises: when every indicator of every city doubles from
// one year to the next, the pooled index rises for every city and the
// per-year index stays the same (composite/doc.go, "Panels").
func TestIndexPooledRises(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,lat,lon,rd_2001,rd_2002,pat_2001,pat_2002\n")
	for i, v := range [][2]float64{{1, 9}, {4, 2}, {2, 5}, {7, 3}} {
		fmt.Fprintf(&b, "c%d,%d,%d,%g,%g,%g,%g\n", i, 30+i, 120+i, v[0], 2*v[0], v[1], 2*v[1])
	}
	path := filepath.Join(t.TempDir(), "double.csv")
	os.WriteFile(path, []byte(b.String()), 0o644)
	scores := func(args ...string) [][]float64 {
		out := filepath.Join(t.TempDir(), "s.json")
		if _, stderr, code := invoke(t, "", append([]string{"index", path, "--indicators", "rd,pat", "--out", out}, args...)...); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		src, _ := os.ReadFile(out)
		ds, err := data.Read(bytes.NewReader(src), out, data.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s, _ := ds.Variable("score")
		return s
	}
	pooled, perYear := scores(), scores("--per-year")
	for i := range pooled[0] {
		if !(pooled[1][i] > pooled[0][i]) {
			t.Errorf("city %d: pooled %v -> %v, want a rise", i, pooled[0][i], pooled[1][i])
		}
		if math.Abs(perYear[1][i]-perYear[0][i]) > 1e-12 {
			t.Errorf("city %d: per year %v -> %v, want the same", i, perYear[0][i], perYear[1][i])
		}
	}
}
