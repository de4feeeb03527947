package graph_test

import (
	"context"
	"fmt"

	"collab/graph"
)

// A path of four cities a-b-c-d with link strengths 2, 1 and 4, so lengths
// 0.5, 1 and 0.25: b and c carry every path between the ends, and a's
// closeness is 3/(0.5 + 1.5 + 1.75) = 0.8.
func ExampleNetwork_ShortestPaths() {
	net, err := graph.New(4, []graph.Edge{{From: 0, To: 1, Weight: 2}, {From: 1, To: 2, Weight: 1}, {From: 2, To: 3, Weight: 4}}, false)
	if err != nil {
		panic(err)
	}
	pc, _ := net.ShortestPaths(context.Background(), graph.PathOptions{})
	for v, name := range []string{"a", "b", "c", "d"} {
		fmt.Printf("%s betweenness %.3f closeness %.3f\n", name, pc.Betweenness[v], pc.Closeness[v])
	}
	// Output:
	// a betweenness 0.000 closeness 0.800
	// b betweenness 0.667 closeness 1.091
	// c betweenness 0.667 closeness 1.091
	// d betweenness 0.000 closeness 0.923
}

// The gravity model links cities by the product of their masses over the
// squared distance.
func ExampleGravity() {
	km := [][]float64{{0, 100, 300}, {100, 0, 200}, {300, 200, 0}}
	links, err := graph.Gravity(context.Background(), []float64{500, 300, 100}, 2, func(i, j int) float64 { return km[i][j] })
	if err != nil {
		panic(err)
	}
	for _, l := range links {
		fmt.Printf("%d-%d %.3f\n", l.From, l.To, l.Weight)
	}
	// Output:
	// 0-1 15.000
	// 0-2 0.556
	// 1-2 0.750
}

// Two triangles joined by one link (NetworkX's barbell_graph(3, 0)):
// Louvain finds the triangles, whose modularity is 70/196, and the two
// cities on the bridge are the brokers, with the lowest constraint. Node 0
// gives half its ties to each of 1 and 2, which are tied to each other:
// its constraint is (1/2 + 1/2·1/3)^2 + (1/2 + 1/2·1/2)^2 = 145/144.
func ExampleNetwork_Louvain() {
	net, err := graph.New(6, []graph.Edge{
		{From: 0, To: 1, Weight: 1}, {From: 0, To: 2, Weight: 1}, {From: 1, To: 2, Weight: 1},
		{From: 3, To: 4, Weight: 1}, {From: 3, To: 5, Weight: 1}, {From: 4, To: 5, Weight: 1},
		{From: 2, To: 3, Weight: 1},
	}, false)
	if err != nil {
		panic(err)
	}
	p, _ := net.Louvain(context.Background(), 1, 42, 1)
	fmt.Printf("communities %v, Q = %.4f (70/196 = %.4f)\n", p.Community, p.Q, 70.0/196)
	constraint, effective, _ := net.StructuralHoles(context.Background())
	clustering, _ := net.Clustering(context.Background(), false)
	for v := range 6 {
		fmt.Printf("%d constraint %.3f effective size %.3f clustering %.3f\n", v, constraint[v], effective[v], clustering[v])
	}
	// Output:
	// communities [0 0 0 1 1 1], Q = 0.3571 (70/196 = 0.3571)
	// 0 constraint 1.007 effective size 1.000 clustering 1.000
	// 1 constraint 1.007 effective size 1.000 clustering 1.000
	// 2 constraint 0.611 effective size 2.333 clustering 0.333
	// 3 constraint 0.611 effective size 2.333 clustering 0.333
	// 4 constraint 1.007 effective size 1.000 clustering 1.000
	// 5 constraint 1.007 effective size 1.000 clustering 1.000
}

// Directed gravity: the larger city of a pair sends the larger share of
// their linkage, k_ij = M_i/(M_i + M_j).
func ExampleGravityDirected() {
	km := [][]float64{{0, 100}, {100, 0}}
	mass := []float64{300, 100}
	links, err := graph.Gravity(context.Background(), mass, 2, func(i, j int) float64 { return km[i][j] })
	if err != nil {
		panic(err)
	}
	for _, a := range graph.GravityDirected(mass, links) {
		fmt.Printf("%d->%d %.2f\n", a.From, a.To, a.Weight)
	}
	// Output:
	// 0->1 2.25
	// 1->0 0.75
}

// The disparity filter on the network worked by hand in
// TestDisparityHandWorked: at 0.5 it keeps 0-1 (alpha 0.16) and 0-2 (0.4).
func ExampleNetwork_Disparity() {
	g, _ := graph.New(4, []graph.Edge{{From: 0, To: 1, Weight: 6}, {From: 0, To: 2, Weight: 3}, {From: 0, To: 3, Weight: 1}, {From: 1, To: 2, Weight: 2}}, false)
	alpha := g.Disparity()
	keep := make([]bool, len(alpha))
	for i, e := range g.Edges() {
		keep[i] = alpha[i] < 0.5
		fmt.Printf("%d-%d alpha %.2f kept %v\n", e.From, e.To, alpha[i], keep[i])
	}
	backbone, _ := g.Keep(keep)
	fmt.Println("links kept:", backbone.Links())
	// Output:
	// 0-1 alpha 0.16 kept true
	// 0-2 alpha 0.40 kept true
	// 0-3 alpha 0.81 kept false
	// 1-2 alpha 0.60 kept false
	// links kept: 2
}
