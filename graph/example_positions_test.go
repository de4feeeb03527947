package graph_test

import (
	"context"
	"fmt"

	"collab/graph"
)

// Two triangles of cities joined by one link: CONCOR at depth 1 puts each
// in a block of its own (testdata/concor.R gives the same blocks).
func ExampleNetwork_Concor() {
	net, _ := graph.New(6, []graph.Edge{
		{From: 0, To: 1, Weight: 1}, {From: 0, To: 2, Weight: 1}, {From: 1, To: 2, Weight: 1},
		{From: 3, To: 4, Weight: 1}, {From: 3, To: 5, Weight: 1}, {From: 4, To: 5, Weight: 1},
		{From: 2, To: 3, Weight: 1},
	}, false)
	res, _ := net.Concor(context.Background(), graph.ConcorOptions{Depth: 1})
	fmt.Println("blocks:", res.Block, "sizes:", res.Sizes)
	// Output:
	// blocks: [1 1 1 0 0 0] sizes: [3 3]
}

// A directed network of two blocks: cities 0-2 link among themselves and
// send to 3-5, which link to nothing: the first block keeps 6 of its 9
// links inside (expected 2/5) and receives nothing, so it is a
// bidirectional spillover block; the second sends nothing, so its role is
// undefined.
func ExampleNetwork_BlockModel() {
	var edges []graph.Edge
	for i := range 3 {
		for j := range 3 {
			if i != j {
				edges = append(edges, graph.Edge{From: i, To: j, Weight: 1})
			}
		}
		edges = append(edges, graph.Edge{From: i, To: i + 3, Weight: 1})
	}
	net, _ := graph.New(6, edges, true)
	bm, _ := net.BlockModel([]int{0, 0, 0, 1, 1, 1}, graph.BlockOptions{})
	for k, b := range bm.Blocks {
		fmt.Printf("block %d: internal share %.3f (expected %.3f), role %s\n", k, *b.InternalShare, b.ExpectedInternalShare, b.Role)
		break
	}
	fmt.Println("role of block 1:", bm.Blocks[1].Role)
	fmt.Println("image:", bm.Image)
	// Output:
	// block 0: internal share 0.667 (expected 0.400), role bidirectional_spillover
	// role of block 1: undefined
	// image: [[1 1] [0 0]]
}

// QAP correlation between links and being in the same province, on five
// cities: the linked pairs are exactly the pairs of a province.
func ExampleQAPCorrelate() {
	same := graph.SameGroupMatrix([]string{"Jiangsu", "Jiangsu", "Zhejiang", "Zhejiang", "Anhui"})
	links, _ := graph.LinkMatrix(5, []graph.Edge{{From: 0, To: 1, Weight: 1}, {From: 2, To: 3, Weight: 1}}, false)
	c, _ := graph.QAPCorrelate(context.Background(), links, same, graph.QAPOptions{Permutations: 1000, Seed: 1, Symmetric: true})
	fmt.Printf("r = %.3f over %d pairs\n", c.Correlation, c.Pairs)
	// Output:
	// r = 1.000 over 10 pairs
}

// MRQAP of a linkage that falls by one per 100 km, with some noise, on the
// distances between four cities on a line 100 km apart; R's
// lm(y ~ d) on the six pairs gives 5.09, -0.01054 and R^2 0.9957.
func ExampleMRQAP() {
	dist, _ := graph.DistanceMatrix(4, func(i, j int) float64 { return 100 * float64(max(i-j, j-i)) })
	y, _ := graph.NewDyadic(4)
	noise := []float64{0.1, -0.1, 0.05, -0.05, 0.02, -0.02}
	k := 0
	for i := range 4 {
		for j := range i {
			v := 5 - dist.At(i, j)/100 + noise[k]
			y.Set(i, j, v)
			y.Set(j, i, v)
			k++
		}
	}
	fit, _ := graph.MRQAP(context.Background(), y, []*graph.Dyadic{dist},
		graph.MRQAPOptions{QAPOptions: graph.QAPOptions{Permutations: 200, Seed: 1, Symmetric: true}, Names: []string{"distance"}})
	for _, t := range fit.Terms {
		fmt.Printf("%s %.4f\n", t.Name, t.Coefficient)
	}
	fmt.Printf("R2 %.3f\n", fit.RSquared)
	// Output:
	// (intercept) 5.0900
	// distance -0.0105
	// R2 0.996
}

// A path of four cities with links of strength 2, 1 and 4 (lengths 0.5, 1
// and 0.25).
func ExampleNetwork_PathSummary() {
	net, _ := graph.New(4, []graph.Edge{{From: 0, To: 1, Weight: 2}, {From: 1, To: 2, Weight: 1}, {From: 2, To: 3, Weight: 4}}, false)
	ps, _ := net.PathSummary(context.Background())
	fmt.Printf("average hops %.4f, diameter %d hops, %.2f in length\n", *ps.AverageHops, *ps.DiameterHops, *ps.DiameterLength)
	fmt.Printf("global efficiency %.4f\n", ps.GlobalEfficiency)
	// Output:
	// average hops 1.6667, diameter 3 hops, 1.75 in length
	// global efficiency 0.7222
}

// The small-world coefficients of a ring of 12 cities, each linked to its
// two nearest on either side: clustered like a lattice, so omega is
// negative.
func ExampleNetwork_SmallWorld() {
	var edges []graph.Edge
	for i := range 12 {
		edges = append(edges, graph.Edge{From: i, To: (i + 1) % 12, Weight: 1}, graph.Edge{From: i, To: (i + 2) % 12, Weight: 1})
	}
	net, _ := graph.New(12, edges, false)
	sw, _ := net.SmallWorld(context.Background(), graph.SmallWorldOptions{Seed: 1})
	fmt.Printf("C %.3f, L %.3f, omega < 0: %v\n", sw.AverageClustering, sw.AverageHops, *sw.Omega < 0)
	// Output:
	// C 0.500, L 1.909, omega < 0: true
}
