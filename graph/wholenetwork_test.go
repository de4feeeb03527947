package graph

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// wholeCase is a network with its whole-network measures as NetworkX 2.8.8
// (testdata/networkx_wholenetwork.py: component, average_hops,
// average_length, diameter_hops, diameter_length, global_efficiency) and R
// sna 2.7-1 (testdata/krackhardt_sna.R: efficiency, lubness) compute them,
// printed by
//
//	/usr/bin/python3 graph/testdata/networkx_wholenetwork.py EDGES N DIRECTED ...
//	Rscript graph/testdata/krackhardt_sna.R EDGES N DIRECTED ...
//
// with EDGES each case's links as TestWholeNetworkMatchesReferences writes
// them; the test reruns both, once for all cases, when they are present.
type wholeCase struct {
	name     string
	n        int
	edges    []Edge
	directed bool
	want     map[string]float64
}

// hierarchyEdges is a chain of command with links from subordinate to
// superior: 1 and 2 report to 0, 3 and 4 to 1, 5 to 2, and 6 to both 4
// and 5, so that 6's superiors have no single lowest common one.
var hierarchyEdges = []Edge{{1, 0, 1}, {2, 0, 1}, {3, 1, 1}, {4, 1, 2}, {5, 2, 1}, {6, 4, 3}, {6, 5, 1}}

func wholeCases(t testing.TB) []wholeCase {
	_, flor := florentine(t)
	_, kar := karate(t)
	return []wholeCase{
		{name: "florentine and Pucci", n: 16, edges: flor, want: map[string]float64{"average_hops": 2.4857142857142858, "average_length": 2.4857142857142858, "component": 15, "diameter_hops": 5, "diameter_length": 5, "efficiency": 0.8673469387755102, "global_efficiency": 0.43763888888888847, "lubness": 1}},
		{name: "karate weighted", n: 34, edges: kar, want: map[string]float64{"average_hops": 2.408199643493761, "average_length": 0.8927552839317572, "component": 34, "diameter_hops": 5, "diameter_length": 1.8166666666666667, "efficiency": 0.8870523415977961, "global_efficiency": 0.4920083184789052, "lubness": 1}},
		{name: "two components and an isolate", n: 6, edges: []Edge{{0, 1, 2}, {1, 2, 1}, {0, 2, 4}, {3, 4, 1}}, want: map[string]float64{"average_hops": 1, "average_length": 0.5, "component": 3, "diameter_hops": 1, "diameter_length": 0.75, "efficiency": 0, "global_efficiency": 0.26666666666666666, "lubness": 1}},
		{name: "digraph7", n: 7, edges: digraph7, directed: true, want: map[string]float64{"average_hops": 2.5476190476190474, "average_length": 1.7206349206349205, "component": 7, "diameter_hops": 6, "diameter_length": 3.95, "efficiency": 0.8333333333333334, "global_efficiency": 0.540079365079365, "lubness": 1}},
		{name: "random digraph", n: 30, edges: concorDigraph(), directed: true, want: map[string]float64{"average_hops": 2.193121693121693, "average_length": 0.7309303350970016, "component": 28, "diameter_hops": 4, "diameter_length": 1.5833333333333333, "efficiency": 0.8518518518518519, "global_efficiency": 0.46015325670497975, "lubness": 1}},
		{name: "hierarchy", n: 7, edges: hierarchyEdges, directed: true, want: map[string]float64{"component": 1, "efficiency": 0.9722222222222222, "global_efficiency": 0.23412698412698413, "lubness": 0.6666666666666667}},
	}
}

func TestWholeNetworkMatchesReferences(t *testing.T) {
	cases := wholeCases(t)
	live := wholeReferences(t, cases)
	for k, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for name, v := range live[k] {
				if p, ok := c.want[name]; !ok || math.Abs(p-v) > 1e-15*max(1, math.Abs(v)) {
					t.Errorf("reference now prints %s %v; the test pins %v", name, v, p)
				}
			}
			if len(live[k]) > 0 && len(live[k]) != len(c.want) {
				t.Errorf("live references %s; pinned %v", goLiteral(live[k]), c.want)
			}
			g, err := New(c.n, c.edges, c.directed)
			if err != nil {
				t.Fatal(err)
			}
			ps, err := g.PathSummary(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			check := func(name string, got float64) {
				t.Helper()
				if want, ok := c.want[name]; !ok {
					t.Errorf("%s: no reference value", name)
				} else if math.Abs(got-want) > 1e-12*max(1, math.Abs(want)) {
					t.Errorf("%s = %.17g, reference %.17g", name, got, want)
				}
			}
			check("component", float64(ps.Component))
			if ps.AverageHops != nil {
				check("average_hops", *ps.AverageHops)
				check("average_length", *ps.AverageLength)
				check("diameter_hops", float64(*ps.DiameterHops))
				check("diameter_length", *ps.DiameterLength)
			}
			check("global_efficiency", ps.GlobalEfficiency)
			if eff, ok := g.KrackhardtEfficiency(); ok {
				check("efficiency", eff)
			}
			if lub, ok := g.LeastUpperBoundedness(); ok {
				check("lubness", lub)
			}
		})
	}
}

// wholeReferences runs the NetworkX and sna scripts once over all the
// cases (each when present) and returns each case's printed values.
func wholeReferences(t *testing.T, cases []wholeCase) []map[string]float64 {
	live := make([]map[string]float64, len(cases))
	var args []string
	for k, c := range cases {
		live[k] = map[string]float64{}
		args = append(args, writeEdges(t, c.edges), strconv.Itoa(c.n), strconv.FormatBool(c.directed))
	}
	collect := func(prog string, argv ...string) {
		out, err := execOutput(prog, argv...)
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", prog, argv, err, out)
		}
		for _, line := range strings.Split(out, "\n") {
			f := strings.Fields(line)
			if len(f) != 3 {
				continue
			}
			k, err1 := strconv.Atoi(f[0])
			v, err2 := strconv.ParseFloat(f[2], 64)
			if err1 != nil || err2 != nil || k >= len(cases) {
				t.Fatalf("%s: %q", prog, line)
			}
			live[k][f[1]] = v
		}
	}
	if python, err := pythonFor("networkx"); err != nil {
		t.Log(err)
	} else {
		collect(python, append([]string{"testdata/networkx_wholenetwork.py"}, args...)...)
	}
	if err := rWith("sna"); err != nil {
		t.Log(err)
	} else {
		collect("Rscript", append([]string{"testdata/krackhardt_sna.R"}, args...)...)
	}
	return live
}

// writeEdges writes "from to weight" lines to a temporary file.
func writeEdges(t *testing.T, edges []Edge) string {
	t.Helper()
	var b strings.Builder
	for _, e := range edges {
		fmt.Fprintf(&b, "%d %d %s\n", e.From, e.To, strconv.FormatFloat(e.Weight, 'g', -1, 64))
	}
	path := filepath.Join(t.TempDir(), "edges.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// pythonFor returns a Python that imports module, Debian's first; the
// answer is looked up once per module.
func pythonFor(module string) (string, error) {
	found := lookedUp("python "+module, func() (string, error) {
		for _, python := range []string{"/usr/bin/python3", "python3"} {
			if exec.Command(python, "-c", "import "+module).Run() == nil {
				return python, nil
			}
		}
		return "", fmt.Errorf("no python3 with %s (Debian: python3-%s): comparing with the pinned values", module, module)
	})
	return found.path, found.err
}

// rWith reports why R's package pkg cannot be used, or nil; looked up once
// per package.
func rWith(pkg string) error {
	return lookedUp("R "+pkg, func() (string, error) {
		if _, err := exec.LookPath("Rscript"); err != nil {
			return "", fmt.Errorf("Rscript not found (Debian: r-cran-%s): comparing with the pinned values", pkg)
		}
		if exec.Command("Rscript", "-e", "library("+pkg+")").Run() != nil {
			return "", fmt.Errorf("R package %s not installed (Debian: r-cran-%s): comparing with the pinned values", pkg, pkg)
		}
		return "Rscript", nil
	}).err
}

type lookup struct {
	path string
	err  error
}

var (
	lookupsMu sync.Mutex
	lookups   = map[string]lookup{}
)

func lookedUp(key string, find func() (string, error)) lookup {
	lookupsMu.Lock()
	defer lookupsMu.Unlock()
	if l, ok := lookups[key]; ok {
		return l
	}
	path, err := find()
	lookups[key] = lookup{path, err}
	return lookups[key]
}

func goLiteral(m map[string]float64) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%q: %s", k, strconv.FormatFloat(m[k], 'g', -1, 64)))
	}
	return "map[string]float64{" + strings.Join(parts, ", ") + "}"
}
