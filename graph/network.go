package graph

import (
	"fmt"
	"math"
	"slices"
)

// Edge is a weighted link between nodes From and To, numbered 0..n-1. In an
// undirected network the order of From and To carries no meaning.
type Edge struct {
	From, To int
	Weight   float64 // linkage strength; path length is 1/Weight
}

// Network is a weighted graph stored as compressed sparse rows: the links of
// node u are adj[start[u]:start[u+1]]. An undirected link appears in the rows
// of both ends. A directed network also keeps the reversed rows (in-links).
// Memory is O(n + m); a Network is read-only once built and safe for
// concurrent use.
type Network struct {
	n        int
	directed bool
	edges    []Edge
	out      rows
	in       rows // same as out when undirected
}

// rows is one compressed sparse row adjacency; length holds 1/weight, the
// path length every shortest-path search reads.
type rows struct {
	start  []int
	adj    []int32
	weight []float64
	length []float64
}

func (r *rows) neighbors(u int) ([]int32, []float64) {
	lo, hi := r.start[u], r.start[u+1]
	return r.adj[lo:hi], r.weight[lo:hi]
}

// New builds a network of n nodes. Weights must be finite and positive;
// self-links and repeated pairs are errors (in an undirected network, u-v and
// v-u are the same pair).
func New(n int, edges []Edge, directed bool) (*Network, error) {
	if n < 0 || n > math.MaxInt32 {
		return nil, fmt.Errorf("graph: %d nodes", n)
	}
	seen := make(map[[2]int]bool, len(edges))
	for i, e := range edges {
		switch {
		case e.From < 0 || e.From >= n || e.To < 0 || e.To >= n:
			return nil, fmt.Errorf("graph: edge %d (%d-%d) names a node outside 0..%d", i, e.From, e.To, n-1)
		case e.From == e.To:
			return nil, fmt.Errorf("graph: edge %d is a self-link of node %d", i, e.From)
		case !(e.Weight > 0) || math.IsInf(e.Weight, 0):
			return nil, fmt.Errorf("graph: edge %d (%d-%d) has weight %g; weights must be finite and > 0", i, e.From, e.To, e.Weight)
		}
		key := [2]int{e.From, e.To}
		if !directed && key[1] < key[0] {
			key = [2]int{e.To, e.From}
		}
		if seen[key] {
			return nil, fmt.Errorf("graph: edge %d repeats the pair %d-%d", i, e.From, e.To)
		}
		seen[key] = true
	}
	g := &Network{n: n, directed: directed, edges: slices.Clone(edges)}
	if directed {
		g.out = buildRows(n, edges, false, false)
		g.in = buildRows(n, edges, true, false)
	} else {
		g.out = buildRows(n, edges, false, true)
		g.in = g.out
	}
	return g, nil
}

// buildRows lays out the adjacency sorted by neighbour within each row, so
// that every traversal visits links in the same order on every run.
func buildRows(n int, edges []Edge, reverse, both bool) rows {
	r := rows{start: make([]int, n+1)}
	for _, e := range edges {
		from, to := e.From, e.To
		if reverse {
			from, to = to, from
		}
		r.start[from+1]++
		if both {
			r.start[to+1]++
		}
	}
	for u := 0; u < n; u++ {
		r.start[u+1] += r.start[u]
	}
	m := r.start[n]
	r.adj = make([]int32, m)
	r.weight = make([]float64, m)
	fill := slices.Clone(r.start[:n])
	put := func(u, v int, w float64) {
		r.adj[fill[u]] = int32(v)
		r.weight[fill[u]] = w
		fill[u]++
	}
	for _, e := range edges {
		from, to := e.From, e.To
		if reverse {
			from, to = to, from
		}
		put(from, to, e.Weight)
		if both {
			put(to, from, e.Weight)
		}
	}
	for u := 0; u < n; u++ {
		sortRow(r.adj[r.start[u]:r.start[u+1]], r.weight[r.start[u]:r.start[u+1]])
	}
	r.length = make([]float64, m)
	longest := longestLength(n)
	for k, w := range r.weight {
		r.length[k] = min(1/w, longest)
	}
	return r
}

// longestLength bounds a link's length 1/weight on a network of n nodes: a
// weight below about 5.6e-309 has no finite inverse, and an infinite length
// breaks Dijkstra's comparisons (Inf - Inf is NaN), so the search revisited
// settled nodes for ever (FuzzAnalyze found it with a weight of 5e-324).
// Bounded by MaxFloat64/(n+1)^2, every path and every sum of n paths'
// lengths stays finite; only weights below (n+1)^2/MaxFloat64 are affected.
func longestLength(n int) float64 {
	k := float64(n + 1)
	return math.MaxFloat64 / (k * k)
}

func sortRow(adj []int32, w []float64) {
	idx := make([]int, len(adj))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return int(adj[a]) - int(adj[b]) })
	a2, w2 := slices.Clone(adj), slices.Clone(w)
	for i, k := range idx {
		adj[i], w[i] = a2[k], w2[k]
	}
}

// Nodes returns the number of nodes.
func (g *Network) Nodes() int { return g.n }

// Links returns the number of links (each undirected link counted once).
func (g *Network) Links() int { return len(g.edges) }

// Directed reports whether links have a direction.
func (g *Network) Directed() bool { return g.directed }

// Edges returns the links as given to New.
func (g *Network) Edges() []Edge { return g.edges }

// Density is the share of possible links present: 2m/(n(n-1)) undirected,
// m/(n(n-1)) directed; 0 for fewer than two nodes.
func (g *Network) Density() float64 {
	if g.n < 2 {
		return 0
	}
	pairs := float64(g.n) * float64(g.n-1)
	if !g.directed {
		pairs /= 2
	}
	return float64(len(g.edges)) / pairs
}

// Degree returns each node's number of links; in a directed network, in-
// plus out-links.
func (g *Network) Degree() []int {
	d := make([]int, g.n)
	for u := range d {
		d[u] = g.out.start[u+1] - g.out.start[u]
		if g.directed {
			d[u] += g.in.start[u+1] - g.in.start[u]
		}
	}
	return d
}

// Strength returns each node's total link weight; in a directed network, in-
// plus out-weight (see InStrength and OutStrength).
func (g *Network) Strength() []float64 {
	s := g.OutStrength()
	if g.directed {
		for u, w := range g.InStrength() {
			s[u] += w
		}
	}
	return s
}

// OutStrength returns the weight of the links leaving each node (all links,
// when undirected).
func (g *Network) OutStrength() []float64 { return sumRows(&g.out, g.n) }

// InStrength returns the weight of the links entering each node (all links,
// when undirected).
func (g *Network) InStrength() []float64 { return sumRows(&g.in, g.n) }

func sumRows(r *rows, n int) []float64 {
	s := make([]float64, n)
	for u := range s {
		_, w := r.neighbors(u)
		for _, x := range w {
			s[u] += x
		}
	}
	return s
}

// Components labels each node with its (weakly) connected component. Labels
// run from 0 in order of each component's lowest node; sizes[c] is the size of
// component c. O(n + m).
func (g *Network) Components() (label []int, sizes []int) {
	label = make([]int, g.n)
	for i := range label {
		label[i] = -1
	}
	queue := make([]int32, 0, g.n)
	for s := 0; s < g.n; s++ {
		if label[s] >= 0 {
			continue
		}
		c := len(sizes)
		label[s] = c
		queue = append(queue[:0], int32(s))
		for k := 0; k < len(queue); k++ {
			u := int(queue[k])
			for _, r := range []*rows{&g.out, &g.in} {
				adj, _ := r.neighbors(u)
				for _, v := range adj {
					if label[v] < 0 {
						label[v] = c
						queue = append(queue, v)
					}
				}
			}
		}
		sizes = append(sizes, len(queue))
	}
	return label, sizes
}

// cancelCheck is how many nodes (or rows) a long loop handles between two
// checks of its context: a fraction of a millisecond of work at any size.
const cancelCheck = 256
