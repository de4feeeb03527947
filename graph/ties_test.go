package graph

import (
	"context"
	"math"
	"testing"
)

// TestPathTiesWithinTolerance: shortest paths whose lengths differ only by
// float rounding are ties, the convention the README states (igraph's;
// NetworkX compares exactly). Two paths from 0 to 3: through 1 with
// lengths 1/10 + 1/5, which float64 sums to 0.30000000000000004, and
// through 2 with lengths 0.15 + 0.15, exactly 0.3 in float64 (worked
// below, not assumed). They differ by 5.6e-17, within tieTolerance
// relative, so each middle city lies on half the shortest paths from 0 to
// 3: betweenness 0.5 / 3 pairs, normalised by (n-1)(n-2)/2 = 3, for both
// 1 and 2 (an exact comparison, as NetworkX makes, would give 2 all of it).
// Checked with python-igraph 0.10 and NetworkX 2.8.8 (Debian):
//
//	ed = [(0,1,1/10), (1,3,1/5), (0,2,1/(1/0.15)), (2,3,1/(1/0.15))]
//	igraph.Graph(n=4, edges=[(a,b) for a,b,_ in ed]).betweenness(weights=[l for *_,l in ed])
//	    -> [1.0, 0.5, 0.5, 0.0]
//	G = nx.Graph(); G.add_weighted_edges_from(ed)
//	nx.betweenness_centrality(G, weight="weight", normalized=False)
//	    -> {0: 1.0, 1: 0.0, 2: 1.0, 3: 0.0}
func TestPathTiesWithinTolerance(t *testing.T) {
	ten, five, w15 := 10.0, 5.0, 1/0.15 // variables: float64 arithmetic at run time, as the search does
	a, b := 1/ten+1/five, 1/w15+1/w15
	if a == b || math.Abs(a-b) > tieTolerance*a {
		t.Fatalf("the two lengths %.17g and %.17g are not a near tie; the test needs one", a, b)
	}
	g, err := New(4, []Edge{{0, 1, ten}, {1, 3, five}, {0, 2, w15}, {2, 3, w15}}, false)
	if err != nil {
		t.Fatal(err)
	}
	pc, err := g.ShortestPaths(context.Background(), PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := 0.5 / 3
	for _, v := range []int{1, 2} {
		if math.Abs(pc.Betweenness[v]-want) > 1e-15 {
			t.Errorf("betweenness of %d = %v, want %v (a tie)", v, pc.Betweenness[v], want)
		}
	}
}
