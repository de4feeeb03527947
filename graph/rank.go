package graph

import "math"

// maxIterations bounds the power iterations of PageRank and Eigenvector.
const maxIterations = 10000

// PageRank returns the weighted PageRank of each node (Brin and Page 1998)
// with damping factor damping (0.85 is customary): the stationary
// distribution of a walk that follows a link with probability proportional
// to its weight, or with probability 1-damping (or from a node without links)
// jumps to a node chosen uniformly. An undirected link is followed both ways.
// The values sum to 1. Power iteration stops when the L1 change is below
// tol (1e-12 is plenty); converged is false if maxIterations pass first.
// O(m) per iteration.
//
// This is NetworkX's pagerank(G, alpha=damping, weight="weight") with its
// default uniform personalisation and dangling distribution.
func (g *Network) PageRank(damping, tol float64) (rank []float64, converged bool) {
	n := g.n
	if n == 0 {
		return nil, true
	}
	out := g.OutStrength()
	x := make([]float64, n)
	next := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for range maxIterations {
		var dangling float64
		for u, s := range out {
			if s == 0 {
				dangling += x[u]
			}
		}
		base := (damping*dangling + 1 - damping) / float64(n)
		var change float64
		for v := range next {
			sum := 0.0
			adj, w := g.in.neighbors(v)
			for k, u := range adj {
				sum += x[u] * w[k] / out[u]
			}
			next[v] = base + damping*sum
			change += math.Abs(next[v] - x[v])
		}
		x, next = next, x
		if change < tol {
			return x, true
		}
	}
	return x, false
}

// Eigenvector returns the eigenvector centrality of each node (Bonacich
// 1972): the principal eigenvector of the weighted adjacency matrix, x_v
// proportional to sum_u w_uv x_u over the links into v, scaled to unit
// Euclidean norm. It iterates x <- (A + I)x from a uniform start, as
// NetworkX's eigenvector_centrality does (the shift keeps bipartite graphs
// from oscillating), until the L1 change is below tol. A is first divided by
// the largest node strength, which leaves its eigenvectors unchanged but
// keeps the shift from swamping tiny weights (gravity linkages of small
// scores), where the plain iteration would crawl. O(m) per iteration.
// On a disconnected network the vector concentrates on the component with
// the largest eigenvalue.
func (g *Network) Eigenvector(tol float64) (centrality []float64, converged bool) {
	n := g.n
	if n == 0 {
		return nil, true
	}
	scale := 0.0
	for _, s := range g.InStrength() {
		scale = max(scale, s)
	}
	if scale == 0 {
		scale = 1
	}
	x := make([]float64, n)
	next := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for range maxIterations {
		for v := range next {
			sum := 0.0
			adj, w := g.in.neighbors(v)
			for k, u := range adj {
				sum += x[u] * w[k]
			}
			next[v] = x[v] + sum/scale
		}
		norm := 0.0
		for _, y := range next {
			norm += y * y
		}
		norm = math.Sqrt(norm)
		var change float64
		for v := range next {
			next[v] /= norm
			change += math.Abs(next[v] - x[v])
		}
		x, next = next, x
		if change < tol {
			return x, true
		}
	}
	return x, false
}
