package graph_test

import (
	"context"
	"fmt"

	"collab/graph"
)

// On a path of 40 nodes the middle node lies on the most shortest paths
// (20 * 19 of the 39 * 38 / 2 pairs of other nodes: 0.513, by hand; the
// mean hops of a path of n nodes are (n + 1)/3);
// from 20 sources, two from each of ten strata of neighbouring nodes, its
// betweenness is estimated with a standard error, and the hop summary
// from the same sources states its own.
func ExampleNetwork_ShortestPaths_sampled() {
	var edges []graph.Edge
	for i := range 39 {
		edges = append(edges, graph.Edge{From: i, To: i + 1, Weight: 1})
	}
	g, _ := graph.New(40, edges, false)
	exact, _ := g.ShortestPaths(context.Background(), graph.PathOptions{})
	est, _ := g.ShortestPaths(context.Background(), graph.PathOptions{Sample: 20, Seed: 1})
	fmt.Printf("node 20: exact %.3f, from %d sources %.3f (se %.3f)\n", exact.Betweenness[20], est.Sampled, est.Betweenness[20], est.BetweennessSE[20])
	hops, _ := g.EstimateHopSummary(context.Background(), graph.PathOptions{Sample: 20, Seed: 1})
	fmt.Printf("average hops %.2f (se %.2f), exact %.2f\n", *hops.AverageHops, *hops.AverageHopsSE, 41.0/3)
	// Output:
	// node 20: exact 0.513, from 20 sources 0.499 (se 0.019)
	// average hops 13.70 (se 0.36), exact 13.67
}
