package graph

import (
	"cmp"
	"context"
	"math"
	"math/rand/v2"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"

	"collab/internal/parallel"
)

// Partition divides the nodes into communities.
type Partition struct {
	// Community labels each node. Communities are numbered from 0 by size,
	// largest first, ties by their lowest node, so that the labels do not
	// depend on how the search happened to number them.
	Community []int
	// Sizes holds the number of nodes in each community.
	Sizes []int
	// Q is the partition's modularity at the resolution it was found at.
	Q float64
	// Run is the seeded run (0-based) that found it.
	Run int
}

// Louvain finds communities by the Louvain method (Blondel, Guillaume,
// Lambiotte and Lefebvre, J. Stat. Mech. P10008, 2008) as gonum's
// community.Modularize implements it, weighted, at the given resolution
// (Reichardt and Bornholdt's gamma; 1 is classic modularity, larger values
// give more and smaller communities). A directed network is partitioned by
// directed modularity (Leicht and Newman 2008), as NetworkX's
// louvain_communities does. Louvain visits nodes in a random order: run r of
// runs draws from the PCG stream (seed, r), and the partition of highest
// modularity wins, ties going to the earliest run, so the result depends only
// on seed and runs, not on the number of cores the runs share. Isolated
// nodes form communities of their own; without links every node does, and
// Q is NaN.
//
// gonum builds its own copy of the network (O(n + m) memory, in maps);
// each run takes about O(m) per pass, and runs share the cores. gonum's
// search cannot be interrupted: when ctx is done Louvain returns its error
// at once and leaves the runs under way to finish on their own goroutines,
// their results unused. A network of more than LouvainGonumMaxNodes nodes
// goes to Leiden instead, which checks ctx as it works.
func (g *Network) Louvain(ctx context.Context, resolution float64, seed uint64, runs int) (Partition, error) {
	if g.n > LouvainGonumMaxNodes {
		return g.Leiden(ctx, resolution, seed, max(runs, 1))
	}
	if len(g.edges) == 0 {
		return g.singletons(), nil // gonum's directed Louvain fails without links
	}
	view, err := g.gonumGraph(ctx)
	if err != nil {
		return Partition{}, err
	}
	if runs <= 1 {
		return g.louvainRun(ctx, view, resolution, seed, 0)
	}
	// Keep only each run's modularity, then repeat the best run: memory
	// stays O(n + m) however many runs there are.
	q := make([]float64, runs)
	err = parallel.For(ctx, runs, func(r int) {
		if p, err := g.louvainRun(ctx, view, resolution, seed, r); err == nil {
			q[r] = p.Q
		}
	})
	if err != nil {
		return Partition{}, err
	}
	best := 0
	for r := range q {
		if q[r] > q[best] {
			best = r
		}
	}
	return g.louvainRun(ctx, view, resolution, seed, best)
}

// louvainRun is run number run of Louvain, given up when ctx is done.
func (g *Network) louvainRun(ctx context.Context, view gonum.Graph, resolution float64, seed uint64, run int) (Partition, error) {
	found := make(chan Partition, 1)
	go func() {
		reduced := community.Modularize(view, resolution, rand.NewPCG(seed, uint64(run)))
		p := g.partition(reduced.Communities())
		p.Q = g.Modularity(p.Community, resolution)
		p.Run = run
		found <- p
	}()
	select {
	case p := <-found:
		return p, nil
	case <-ctx.Done():
		return Partition{}, ctx.Err()
	}
}

// singletons puts every node in a community of its own.
func (g *Network) singletons() Partition {
	p := Partition{Community: make([]int, g.n), Sizes: make([]int, g.n), Q: math.NaN()}
	for v := range p.Community {
		p.Community[v], p.Sizes[v] = v, 1
	}
	return p
}

// gonumGraph copies the network into a gonum graph with node IDs 0..n-1.
// Self weight is 0 so that gonum's modularity counts no self-links.
func (g *Network) gonumGraph(ctx context.Context) (gonum.Graph, error) {
	type builder interface {
		gonum.Graph
		AddNode(gonum.Node)
		SetWeightedEdge(gonum.WeightedEdge)
	}
	var b builder = simple.NewWeightedUndirectedGraph(0, 0)
	if g.directed {
		b = simple.NewWeightedDirectedGraph(0, 0)
	}
	for i := range g.n {
		b.AddNode(simple.Node(i))
	}
	for k, e := range g.edges {
		if k%(cancelCheck*cancelCheck) == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		b.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.From), T: simple.Node(e.To), W: e.Weight})
	}
	return b, nil
}

// partition labels the nodes by community, numbering communities by size
// and then by lowest node.
func (g *Network) partition(groups [][]gonum.Node) Partition {
	type group struct{ size, lowest int }
	members := make([]group, len(groups))
	for c, nodes := range groups {
		members[c] = group{size: len(nodes), lowest: g.n}
		for _, v := range nodes {
			members[c].lowest = min(members[c].lowest, int(v.ID()))
		}
	}
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(members[b].size, members[a].size), cmp.Compare(members[a].lowest, members[b].lowest))
	})
	p := Partition{Community: make([]int, g.n), Sizes: make([]int, 0, len(groups))}
	for label, c := range order {
		if members[c].size == 0 {
			continue
		}
		for _, v := range groups[c] {
			p.Community[v.ID()] = label
		}
		p.Sizes = append(p.Sizes, members[c].size)
	}
	return p
}

// Modularity returns the modularity Q of the partition that labels node v
// with community[v] (labels 0..k-1), at the given resolution gamma
// (Newman and Girvan 2004; Reichardt and Bornholdt 2006), as NetworkX's
// modularity computes it. With m the total link weight, L_c the weight of
// the links inside community c and K_c the strength of its nodes:
//
//	undirected  Q = sum_c L_c/m - gamma (K_c / 2m)^2
//	directed    Q = sum_c L_c/m - gamma K_c^out K_c^in / m^2
//
// NaN for a network without links. O(n + m).
func (g *Network) Modularity(community []int, resolution float64) float64 {
	k := 0
	for _, c := range community {
		k = max(k, c+1)
	}
	inside, out, in := make([]float64, k), make([]float64, k), make([]float64, k)
	var m float64
	for _, e := range g.edges {
		m += e.Weight
		cf, ct := community[e.From], community[e.To]
		out[cf] += e.Weight
		in[ct] += e.Weight
		if cf == ct {
			inside[cf] += e.Weight
		}
	}
	if m == 0 {
		return math.NaN()
	}
	var q float64
	for c := range inside {
		if g.directed {
			q += inside[c]/m - resolution*out[c]*in[c]/(m*m)
		} else {
			strength := out[c] + in[c] // each link adds its weight to both ends
			q += inside[c]/m - resolution*(strength/(2*m))*(strength/(2*m))
		}
	}
	return q
}
