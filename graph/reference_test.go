package graph

import (
	"bufio"
	"context"
	"math"
	"os"
	"strings"
	"testing"
)

// referenceCase is a small graph with every measure as NetworkX 2.8.8
// computes it (Debian python3-networkx; the values are printed by
// testdata/networkx_reference.py, with path length 1/weight).
type referenceCase struct {
	name                             string
	nodes                            []string
	edges                            []Edge
	betweenness, closeness, harmonic []float64
	pagerank, eigenvector            []float64
}

// florentine reads the 20 marriage ties of the Florentine families
// (Padgett; NetworkX's florentine_families_graph), unweighted, in the node
// order NetworkX builds from the edge list.
func florentine(t testing.TB) (names []string, edges []Edge) {
	f, err := os.Open("testdata/florentine_edges.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	index := map[string]int{}
	id := func(name string) int {
		if i, ok := index[name]; ok {
			return i
		}
		index[name] = len(names)
		names = append(names, name)
		return index[name]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		pair := strings.Fields(sc.Text())
		edges = append(edges, Edge{From: id(pair[0]), To: id(pair[1]), Weight: 1})
	}
	return names, edges
}

func referenceCases(t testing.TB) []referenceCase {
	names, flor := florentine(t)
	return []referenceCase{{
		name:  "florentine",
		nodes: names,
		edges: flor,
		// Node order: Acciaiuoli Medici Castellani Peruzzi Strozzi Barbadori Ridolfi Tornabuoni
		// Albizzi Salviati Pazzi Bischeri Guadagni Ginori Lamberteschi. The betweenness and
		// closeness also match NetworkX's test_betweenness_centrality.py and
		// test_closeness_centrality.py (../shared/reference/README.md).
		betweenness: []float64{0, 0.521978021978022, 0.054945054945055, 0.021978021978022, 0.102564102564103, 0.0934065934065934, 0.113553113553114, 0.0915750915750916, 0.212454212454212, 0.142857142857143, 0, 0.104395604395604, 0.254578754578755, 0, 0},
		closeness:   []float64{0.368421052631579, 0.56, 0.388888888888889, 0.368421052631579, 0.4375, 0.4375, 0.5, 0.482758620689655, 0.482758620689655, 0.388888888888889, 0.285714285714286, 0.4, 0.466666666666667, 0.333333333333333, 0.325581395348837},
		harmonic:    []float64{5.91666666666667, 9.5, 6.91666666666667, 6.78333333333333, 7.83333333333333, 7.08333333333333, 8, 7.83333333333333, 7.83333333333333, 6.58333333333333, 4.76666666666667, 7.2, 8.08333333333333, 5.33333333333333, 5.36666666666667},
		pagerank:    []float64{0.0306574373746745, 0.145817204997455, 0.0693301755453601, 0.0678753100137195, 0.0880984385192091, 0.0503009871125337, 0.0695742665421462, 0.0712796858193884, 0.0791222528638387, 0.0613032287666359, 0.0360538722257677, 0.0688617956136683, 0.0983978333697806, 0.0324179716447107, 0.0309095395911113},
		eigenvector: []float64{0.132154294729014, 0.430308094041662, 0.259026167189636, 0.275730373580078, 0.355980448410636, 0.211705251160578, 0.341552644057397, 0.325842301124655, 0.243956109159287, 0.145917196466717, 0.0448134358960777, 0.282800086543542, 0.289115599012367, 0.0749227076998925, 0.0887918879790374},
	}, {
		name:        "weighted6",
		nodes:       []string{"0", "1", "2", "3", "4", "5"},
		edges:       []Edge{{0, 1, 4}, {0, 2, 1}, {1, 2, 2}, {1, 3, 5}, {2, 3, 8}, {3, 4, 3}, {4, 5, 0.5}, {2, 5, 1.5}},
		betweenness: []float64{0, 0.4, 0.4, 0.8, 0, 0},
		closeness:   []float64{1.51515151515152, 2.17391304347826, 2.32558139534884, 2.63157894736842, 1.54639175257732, 1.03806228373702},
		harmonic:    []float64{10.0433175292025, 14.9603264382676, 16.4978716935239, 19.4853801169591, 9.22230281538792, 5.46581927248705},
		pagerank:    []float64{0.106025510465231, 0.209213323609195, 0.240581971720112, 0.298905706687405, 0.0853680108048858, 0.059905476713171},
		eigenvector: []float64{0.208242987872999, 0.451914335132313, 0.557317621413746, 0.63693913822226, 0.171826936088536, 0.0811751119523745},
	}, {
		name:        "disconnected",
		nodes:       []string{"0", "1", "2", "3", "4", "5"},
		edges:       []Edge{{0, 1, 2}, {1, 2, 1}, {0, 2, 4}, {3, 4, 1}},
		betweenness: []float64{0.1, 0, 0, 0, 0, 0},
		closeness:   []float64{1.06666666666667, 0.64, 0.8, 0.2, 0.2, 0},
		harmonic:    []float64{6, 3.33333333333333, 5.33333333333333, 1, 1, 0},
		pagerank:    []float64{0.244136098991302, 0.13318298947995, 0.205205183373408, 0.194174757281553, 0.194174757281553, 0.029126213592233},
		eigenvector: []float64{0.670284255557015, 0.399264146226568, 0.62554548858604, 0, 0, 0},
	}}
}

// The printed NetworkX values carry 15 significant digits.
const referenceTol = 1e-12

func TestShortestPathsMatchNetworkX(t *testing.T) {
	for _, c := range referenceCases(t) {
		g, err := New(len(c.nodes), c.edges, false)
		if err != nil {
			t.Fatal(err)
		}
		pc, _ := g.ShortestPaths(context.Background(), PathOptions{})
		checkClose(t, c.name+" betweenness", c.nodes, pc.Betweenness, c.betweenness, referenceTol)
		checkClose(t, c.name+" closeness", c.nodes, pc.Closeness, c.closeness, referenceTol)
		checkClose(t, c.name+" harmonic", c.nodes, pc.Harmonic, c.harmonic, referenceTol)
	}
}

func TestRanksMatchNetworkX(t *testing.T) {
	for _, c := range referenceCases(t) {
		g, err := New(len(c.nodes), c.edges, false)
		if err != nil {
			t.Fatal(err)
		}
		pr, ok := g.PageRank(0.85, 1e-14)
		if !ok {
			t.Errorf("%s: PageRank did not converge", c.name)
		}
		checkClose(t, c.name+" pagerank", c.nodes, pr, c.pagerank, 1e-12)
		ev, ok := g.Eigenvector(1e-14)
		if !ok {
			t.Errorf("%s: Eigenvector did not converge", c.name)
		}
		checkClose(t, c.name+" eigenvector", c.nodes, ev, c.eigenvector, 1e-10)
	}
}

func checkClose(t *testing.T, what string, names []string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > tol*max(1, math.Abs(want[i])) {
			t.Errorf("%s of %s = %.15g, want %.15g (tolerance %g)", what, names[i], got[i], want[i], tol)
		}
	}
}
