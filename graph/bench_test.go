package graph

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// benchNetwork is the network the structure benchmarks run on: the edge list
// in $COLLAB_BENCH_LINKS ("from to weight" a line, 0-based, as
// testdata/bench_structure.py writes it, so that the peers time the same
// links), or else a synthetic region of 2,000 cities scattered over a box,
// each keeping its 8 strongest gravity links.
func benchNetwork(b *testing.B) *Network {
	b.Helper()
	path := os.Getenv("COLLAB_BENCH_LINKS")
	if path == "" {
		return syntheticRegion(b, 2000)
	}
	return readEdgeList(b, path)
}

// readEdgeList reads an undirected network from a file of "from to weight"
// lines, 0-based node numbers, as testdata/bench_structure.py writes it.
func readEdgeList(tb testing.TB, path string) *Network {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var edges []Edge
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		u, err1 := strconv.Atoi(fields[0])
		v, err2 := strconv.Atoi(fields[1])
		w, err3 := strconv.ParseFloat(fields[2], 64)
		if err := errors.Join(err1, err2, err3); err != nil {
			tb.Fatal(err)
		}
		edges = append(edges, Edge{From: u, To: v, Weight: w})
		n = max(n, u+1, v+1)
	}
	g, err := New(n, edges, false)
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// syntheticRegion scatters n cities over a 600 x 700 km box with
// log-normal masses (as ../shared/bench/gen.py does) and keeps each city's 8
// strongest gravity links.
func syntheticRegion(t testing.TB, n int) *Network {
	rng := rand.New(rand.NewPCG(1, 2))
	x, y, mass := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		x[i], y[i], mass[i] = 600*rng.Float64(), 700*rng.Float64(), math.Exp(3+1.2*rng.NormFloat64())
	}
	dist := func(i, j int) float64 { return math.Hypot(x[i]-x[j], y[i]-y[j]) }
	edges := GravityAmong(mass, 2, strongestPulls(mass, 8, dist), dist)
	g, err := New(n, edges, false)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func BenchmarkStructure(b *testing.B) {
	g := benchNetwork(b)
	b.Logf("%d nodes, %d links", g.Nodes(), g.Links())
	for _, c := range []struct {
		name string
		run  func()
	}{
		{"ClusteringWeighted", func() { g.Clustering(context.Background(), true) }},
		{"ClusteringBinary", func() { g.Clustering(context.Background(), false) }},
		{"CoreNumbers", func() { g.CoreNumbers() }},
		{"StructuralHoles", func() { g.StructuralHoles(context.Background()) }},
		{"Louvain", func() { g.Louvain(context.Background(), 1, 1, 1) }},
		{"CorePeriphery", func() { g.CorePeriphery(context.Background(), 1e-12) }},
		{"Hierarchy", func() { g.Hierarchy(context.Background()) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				c.run()
			}
		})
	}
}

func BenchmarkShortestPaths(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		g := syntheticRegion(b, n)
		b.Run(fmt.Sprintf("n=%d/m=%d", n, g.Links()), func(b *testing.B) {
			for b.Loop() {
				g.ShortestPaths(context.Background(), PathOptions{})
			}
		})
	}
}

func BenchmarkRanks(b *testing.B) {
	g := syntheticRegion(b, 5000)
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

// strongestPulls lists each node's k strongest gravity partners (beta 2),
// by ranking every pair: what spatial.Strongest finds through its index.
func strongestPulls(mass []float64, k int, dist func(i, j int) float64) [][]int {
	return firstRanked(len(mass), k, func(i, j int) float64 { return -mass[j] / math.Pow(max(dist(i, j), MinDistance), 2) })
}

// firstRanked lists for each of n nodes the k others with the smallest
// key(i, j), in that order (ties in index order).
func firstRanked(n, k int, key func(i, j int) float64) [][]int {
	out := make([][]int, n)
	for i := range n {
		others := make([]int, 0, n-1)
		for j := range n {
			if j != i {
				others = append(others, j)
			}
		}
		slices.SortStableFunc(others, func(a, b int) int { return cmp.Compare(key(i, a), key(i, b)) })
		out[i] = others[:min(k, len(others))]
	}
	return out
}
