package graph

import (
	"collab/geom"
	"context"
	"math"
	"slices"
)

// MinDistance floors the distance (in km) between two cities in the gravity
// model (geom.MinDistance, shared with the power decay of spillover).
const MinDistance = geom.MinDistance

// Gravity returns the gravity linkage between every pair of nodes,
//
//	R_ij = M_i M_j / max(d_ij, MinDistance)^beta,
//
// as undirected edges i < j, omitting pairs whose linkage is 0 (a zero mass,
// or a product of masses below the smallest float64). dist(i, j) is the
// distance in km. O(n^2) time and memory; regions too large for every pair
// take each city's strongest links instead (GravityAmong). ctx is checked
// between rows.
func Gravity(ctx context.Context, mass []float64, beta float64, dist func(i, j int) float64) ([]Edge, error) {
	n := len(mass)
	edges := make([]Edge, 0, n*(n-1)/2)
	for i := 0; i < n; i++ {
		if i%cancelCheck == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for j := i + 1; j < n; j++ {
			if w := gravityWeight(mass, beta, dist, i, j); w > 0 {
				edges = append(edges, Edge{From: i, To: j, Weight: w})
			}
		}
	}
	return edges, nil
}

// GravityAmong returns the gravity links between each node i and the nodes
// candidates[i] names (as undirected edges i < j, each pair once, linkage
// 0 omitted): Gravity for a region too large to rank every pair, the
// candidates found through a spatial index (spatial.Strongest gives each
// city's strongest pulls). O(n k) for k candidates each.
func GravityAmong(mass []float64, beta float64, candidates [][]int, dist func(i, j int) float64) []Edge {
	var edges []Edge
	for i, list := range candidates {
		for _, j := range list {
			if w := gravityWeight(mass, beta, dist, i, j); j != i && w > 0 {
				edges = append(edges, Edge{From: min(i, j), To: max(i, j), Weight: w})
			}
		}
	}
	slices.SortFunc(edges, byEnds)
	return slices.CompactFunc(edges, func(a, b Edge) bool { return a.From == b.From && a.To == b.To })
}

// GravityDirected returns the gravity links of Gravity as arcs both ways,
// each city's share of a link being its share of the pair's mass
// (the modified gravity model of the regional-network literature):
//
//	R_i->j = k_ij R_ij,  k_ij = M_i / (M_i + M_j),
//
// so the larger city of a pair sends more than it receives and the two arcs
// sum to R_ij. links are undirected gravity links (Gravity, GravityAmong);
// arcs are ordered by their ends.
func GravityDirected(mass []float64, links []Edge) []Edge {
	arcs := make([]Edge, 0, 2*len(links))
	for _, l := range links {
		pair := mass[l.From] + mass[l.To]
		for _, a := range []Edge{
			{From: l.From, To: l.To, Weight: mass[l.From] / pair * l.Weight},
			{From: l.To, To: l.From, Weight: mass[l.To] / pair * l.Weight},
		} {
			if a.Weight > 0 { // a share can underflow for wildly unequal masses
				arcs = append(arcs, a)
			}
		}
	}
	slices.SortFunc(arcs, byEnds)
	return arcs
}

func gravityWeight(mass []float64, beta float64, dist func(i, j int) float64, i, j int) float64 {
	d := max(dist(i, j), MinDistance)
	return mass[i] * mass[j] / math.Pow(d, beta)
}

func byEnds(a, b Edge) int {
	if a.From != b.From {
		return a.From - b.From
	}
	return a.To - b.To
}
