package graph

import "slices"

// localityOrder numbers the nodes breadth-first, each component from a node
// of least degree and each node's neighbours by increasing degree (the
// Cuthill-McKee order), so that nodes close in the network sit close in
// memory. A shortest-path search then touches a few cache lines where a
// random numbering (cities in file order) scatters it over all of them.
// order[k] is the old number of new node k. O(m log m).
func (g *Network) localityOrder() []int32 {
	n := g.n
	degree := g.Degree()
	byDegree := make([]int32, n)
	for i := range byDegree {
		byDegree[i] = int32(i)
	}
	slices.SortStableFunc(byDegree, func(a, b int32) int { return degree[a] - degree[b] })
	order := make([]int32, 0, n)
	seen := make([]bool, n)
	var next []int32
	for _, start := range byDegree {
		if seen[start] {
			continue
		}
		seen[start] = true
		order = append(order, start)
		for k := len(order) - 1; k < len(order); k++ {
			next = next[:0]
			for _, r := range []*rows{&g.out, &g.in} {
				adj, _ := r.neighbors(int(order[k]))
				for _, v := range adj {
					if !seen[v] {
						seen[v] = true
						next = append(next, v)
					}
				}
			}
			slices.SortStableFunc(next, func(a, b int32) int { return degree[a] - degree[b] })
			order = append(order, next...)
		}
	}
	return order
}

// renumbered returns g with node order[k] renamed k.
func (g *Network) renumbered(order []int32) *Network {
	rename := make([]int, g.n)
	for k, v := range order {
		rename[v] = k
	}
	edges := make([]Edge, len(g.edges))
	for i, e := range g.edges {
		edges[i] = Edge{From: rename[e.From], To: rename[e.To], Weight: e.Weight}
	}
	h := &Network{n: g.n, directed: g.directed, edges: edges}
	if g.directed {
		h.out = buildRows(g.n, edges, false, false)
		h.in = buildRows(g.n, edges, true, false)
	} else {
		h.out = buildRows(g.n, edges, false, true)
		h.in = h.out
	}
	return h
}
