package graph

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// geometricNetwork is a region like ../shared/bench/gen.py's: n cities
// scattered over a 6 x 7 degree box with heavy-tailed scores, each linked
// to its k nearest neighbours (symmetrised) with gravity weights. Nearest
// neighbours are found by brute force: it is test set-up.
func geometricNetwork(tb testing.TB, n, k int, seed uint64) *Network {
	rng := rand.New(rand.NewPCG(seed, 2))
	x, y, s := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		x[i], y[i] = 7*rng.Float64()*math.Cos(31*math.Pi/180)*111, 6*rng.Float64()*111
		s[i] = math.Exp(3 + 1.2*rng.NormFloat64())
	}
	seen := map[[2]int]bool{}
	var edges []Edge
	d := make([]int, n)
	for i := range n {
		for j := range d {
			d[j] = j
		}
		dist := func(j int) float64 { return math.Hypot(x[i]-x[j], y[i]-y[j]) }
		slices.SortFunc(d, func(a, b int) int { return cmpFloat(dist(a), dist(b)) })
		for _, j := range d[1 : k+1] {
			key := [2]int{min(i, j), max(i, j)}
			if !seen[key] {
				seen[key] = true
				edges = append(edges, Edge{From: key[0], To: key[1], Weight: s[i] * s[j] / math.Pow(max(dist(j), 1), 2)})
			}
		}
	}
	g, err := New(n, edges, false)
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func BenchmarkShortestPaths(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		g := geometricNetwork(b, n, 8, 1)
		b.Run(fmt.Sprintf("n=%d/m=%d", n, g.Links()), func(b *testing.B) {
			for b.Loop() {
				g.ShortestPaths()
			}
		})
	}
}

func BenchmarkRanks(b *testing.B) {
	g := geometricNetwork(b, 5000, 8, 1)
	b.Run("PageRank", func(b *testing.B) {
		for b.Loop() {
			g.PageRank(0.85, 1e-12)
		}
	})
	b.Run("Eigenvector", func(b *testing.B) {
		for b.Loop() {
			g.Eigenvector(1e-12)
		}
	})
}
