package graph

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Disparity returns the disparity filter's significance of each link of g,
// in the order of g.Edges() (Serrano, Boguñá and Vespignani 2009, "Extracting
// the multiscale backbone of complex weighted networks", PNAS 106(16)).
// Under the null hypothesis that a node of degree k spreads its strength s
// uniformly at random over its k links, the share p_ij = w_ij/s_i of one link
// is at least as large with probability
//
//	alpha_ij = (1 - p_ij)^(k_i - 1),
//
// and a link is significant for an end when that is small. The value of a
// link is the smaller of its two ends' (it is kept when it is significant
// for either). An end of degree 1 gives 1: its single link carries all of
// its strength, which says nothing (Serrano et al. keep such a link only
// when the other end finds it significant). In a directed network a link
// i -> j is judged by i's out-links and by j's in-links. O(n + m).
func (g *Network) Disparity() []float64 {
	kOut, sOut := make([]int, g.n), make([]float64, g.n)
	kIn, sIn := kOut, sOut
	if g.directed {
		kIn, sIn = make([]int, g.n), make([]float64, g.n)
	}
	for _, e := range g.edges {
		kOut[e.From]++
		sOut[e.From] += e.Weight
		kIn[e.To]++
		sIn[e.To] += e.Weight
	}
	alpha := func(w float64, k int, s float64) float64 {
		if k < 2 {
			return 1
		}
		return math.Pow(1-w/s, float64(k-1))
	}
	out := make([]float64, len(g.edges))
	for i, e := range g.edges {
		out[i] = min(alpha(e.Weight, kOut[e.From], sOut[e.From]), alpha(e.Weight, kIn[e.To], sIn[e.To]))
	}
	return out
}

// Strongest marks the links of g that are among the k strongest of either
// end (by weight, ties to the lower-numbered other end), in the order of
// g.Edges(): each node keeps its k strongest links, and a link one end
// keeps stays. In a directed network a node's links are its out- and
// in-links together. O(m log m).
func (g *Network) Strongest(k int) ([]bool, error) {
	if k < 1 {
		return nil, fmt.Errorf("graph: each node must keep at least 1 link, got k = %d", k)
	}
	type link struct {
		edge, other int
		weight      float64
	}
	byNode := make([][]link, g.n)
	for i, e := range g.edges {
		byNode[e.From] = append(byNode[e.From], link{i, e.To, e.Weight})
		byNode[e.To] = append(byNode[e.To], link{i, e.From, e.Weight})
	}
	keep := make([]bool, len(g.edges))
	for _, links := range byNode {
		slices.SortFunc(links, func(a, b link) int { return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(a.other, b.other)) })
		for _, l := range links[:min(k, len(links))] {
			keep[l.edge] = true
		}
	}
	return keep, nil
}

// Keep returns the network of g's nodes with the links marked in keep (in
// the order of g.Edges()), their weights and direction unchanged.
func (g *Network) Keep(keep []bool) (*Network, error) {
	if len(keep) != len(g.edges) {
		return nil, fmt.Errorf("graph: %d marks for %d links", len(keep), len(g.edges))
	}
	var edges []Edge
	for i, e := range g.edges {
		if keep[i] {
			edges = append(edges, e)
		}
	}
	return New(g.n, edges, g.directed)
}
