package graph

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// igraphScript prints igraph's betweenness and closeness of the weighted
// edge list in argv[1] ("from to weight" a line), over length 1/weight.
const igraphScript = `
import sys, igraph
rows = [l.split() for l in open(sys.argv[1])]
n = int(sys.argv[2])
g = igraph.Graph(n=n, edges=[(int(a), int(b)) for a, b, _ in rows])
length = [1 / float(w) for _, _, w in rows]
print(" ".join(repr(x) for x in g.betweenness(weights=length)))
print(" ".join(repr(x) for x in g.closeness(weights=length)))
`

// TestMatchesIgraph compares betweenness and closeness with igraph's (a
// separate C implementation, through Debian's python3-igraph) on a
// synthetic region of 800 cities, to 1e-9 relative. igraph's betweenness is
// the unnormalised count over unordered pairs; its closeness on a
// connected network is (n-1)/sum d, as ours.
func TestMatchesIgraph(t *testing.T) {
	python := pythonWith(t, "igraph", "python3-igraph")
	g := syntheticRegion(t, 800)
	if _, sizes := g.Components(); len(sizes) != 1 {
		t.Fatalf("%d components; the comparison needs a connected network", len(sizes))
	}
	var list bytes.Buffer
	for _, e := range g.Edges() {
		fmt.Fprintf(&list, "%d %d %s\n", e.From, e.To, strconv.FormatFloat(e.Weight, 'g', -1, 64))
	}
	path := filepath.Join(t.TempDir(), "edges.txt")
	if err := os.WriteFile(path, list.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", igraphScript, path, strconv.Itoa(g.Nodes())).Output()
	if err != nil {
		t.Fatalf("igraph: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	want := [2][]float64{}
	for k := range want {
		for _, f := range strings.Fields(lines[k]) {
			x, _ := strconv.ParseFloat(f, 64)
			want[k] = append(want[k], x)
		}
	}
	pc, _ := g.ShortestPaths(context.Background(), PathOptions{})
	n := float64(g.Nodes())
	pairs := (n - 1) * (n - 2) / 2
	for v := range g.Nodes() {
		if b := pc.Betweenness[v] * pairs; math.Abs(b-want[0][v]) > 1e-9*max(1, want[0][v]) {
			t.Errorf("betweenness[%d] = %.15g (unnormalised), igraph %.15g", v, b, want[0][v])
		}
		if c := pc.Closeness[v]; math.Abs(c-want[1][v]) > 1e-9*want[1][v] {
			t.Errorf("closeness[%d] = %.15g, igraph %.15g", v, c, want[1][v])
		}
	}
}

// pythonWith returns a Python that imports module (Debian's /usr/bin/python3
// first: a python3 earlier on PATH may lack Debian's packages), or skips
// the test naming the package to install.
func pythonWith(t *testing.T, module, debianPackage string) string {
	t.Helper()
	for _, python := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(python, "-c", "import "+module).Run() == nil {
			return python
		}
	}
	t.Skipf("no python3 with %s (Debian: %s): skipping the comparison", module, debianPackage)
	return ""
}
