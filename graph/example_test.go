package graph_test

import (
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
	pc := net.ShortestPaths()
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
	links := graph.Gravity([]float64{500, 300, 100}, 2, 0, func(i, j int) float64 { return km[i][j] })
	for _, l := range links {
		fmt.Printf("%d-%d %.3f\n", l.From, l.To, l.Weight)
	}
	// Output:
	// 0-1 15.000
	// 0-2 0.556
	// 1-2 0.750
}
