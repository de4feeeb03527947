package graph

import (
	"math"
	"math/rand/v2"
)

// sourcePlan is the set of sources of a shortest-path pass: every node, or
// a stratified sample drawn per connected component.
type sourcePlan struct {
	sources []int32 // ascending when exact; stratum by stratum when sampled
	sampled bool
	label   []int     // each node's component (sampled)
	size    []int     // each component's size (sampled)
	strata  []stratum // sampled: consecutive runs of sources
}

// stratum is a run of consecutive node numbers of one component (in the
// locality order, so nodes close in the network) and the sources drawn
// from it: sources[first : first+picked] of the plan.
type stratum struct {
	first, picked int
	size          int // N_h, the nodes of the stratum
}

// weight is N_h/n_h, the nodes each of the stratum's sources stands for.
func (h stratum) weight() float64 { return float64(h.size) / float64(h.picked) }

// varianceFactor is N_h^2 (1 - n_h/N_h) / n_h, which times the sample
// variance s_h^2 of the stratum's values is the variance of its estimated
// total (Cochran 1977, eq. 5.10); 0 for a stratum searched from every node.
func (h stratum) varianceFactor() float64 {
	size, k := float64(h.size), float64(h.picked)
	return size * size * (1 - k/size) / k
}

// minSources is the fewest sources a component gets in a sampled pass: a
// component that small is searched from every node, so exactly.
const minSources = 10

// perStratum is the number of sources drawn from each stratum: two, the
// fewest from which a stratum's own variance can be estimated, so that the
// stated standard error needs no model (as collapsing strata of one source
// each would, which overstates it).
const perStratum = 2

// planSources chooses the sources: all nodes unless o.Sample asks for fewer
// on an undirected network. Each component gets a share of the sample in
// proportion to its size, but at least minSources (or all its nodes). A
// component of c nodes given K_c < c sources is cut into H = floor(K_c/2)
// strata of consecutive node numbers, of sizes differing by at most one,
// and two sources are drawn without replacement from each (three from the
// last when K_c is odd), with a generator seeded by o.Seed. The plan is
// meant for a network numbered in locality order (renumbered), where
// consecutive nodes are close in the network, so that each stratum's
// sources see the network alike and the strata differ.
func (g *Network) planSources(o PathOptions) sourcePlan {
	n := g.n
	if o.Sample <= 0 || o.Sample >= n || g.directed {
		all := make([]int32, n)
		for i := range all {
			all[i] = int32(i)
		}
		return sourcePlan{sources: all}
	}
	label, size := g.Components()
	members := make([][]int32, len(size))
	for v, c := range label {
		members[c] = append(members[c], int32(v))
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x5a3c_7e1d))
	plan := sourcePlan{sampled: true, label: label, size: size}
	for _, nodes := range members {
		k := int(math.Ceil(float64(o.Sample) * float64(len(nodes)) / float64(n)))
		k = min(len(nodes), max(k, minSources))
		if k < len(nodes) {
			nodes = g.bisectionOrder(nodes)
		}
		plan.stratify(nodes, k, rng)
	}
	return plan
}

// stratify adds k sources drawn from nodes (one component, in bisection
// order) to the plan, as planSources describes: one stratum holding every
// node when k is all of them.
func (plan *sourcePlan) stratify(nodes []int32, k int, rng *rand.Rand) {
	c := len(nodes)
	strata := max(1, k/perStratum)
	if k == c {
		strata = 1
	}
	for h := range strata {
		lo, hi := h*c/strata, (h+1)*c/strata
		picked := perStratum
		if h == strata-1 {
			picked = k - perStratum*(strata-1)
		}
		picked = min(picked, hi-lo)
		plan.strata = append(plan.strata, stratum{first: len(plan.sources), picked: picked, size: hi - lo})
		plan.sources = append(plan.sources, drawAscending(nodes[lo:hi], picked, rng)...)
	}
}

// drawAscending draws k of nodes without replacement (Floyd's algorithm,
// k draws whatever len(nodes)) and returns them in the order of nodes.
func drawAscending(nodes []int32, k int, rng *rand.Rand) []int32 {
	chosen := make(map[int]bool, k)
	for j := len(nodes) - k; j < len(nodes); j++ {
		i := rng.IntN(j + 1)
		if chosen[i] {
			i = j
		}
		chosen[i] = true
	}
	out := make([]int32, 0, k)
	for i, v := range nodes {
		if chosen[i] {
			out = append(out, v)
		}
	}
	return out
}

// estimate turns the sampled sums of t into estimates (before betweenness
// is normalised): the stratified totals of the dependencies with their
// standard errors, and closeness from the weighted mean distance to the
// sources times c-1.
func (plan sourcePlan) estimate(pc *PathCentrality, t *tally) {
	n := len(plan.label)
	for v := range n {
		pc.Betweenness[v] = t.dependency[v]
		pc.BetweennessSE[v] = math.Sqrt(t.variance[v])
		reached := t.reached[v] // weight of the sampled sources other than v
		if reached == 0 || n < 2 {
			continue
		}
		others := float64(plan.size[plan.label[v]] - 1)
		farness := others * t.distance[v] / reached
		pc.Closeness[v] = others / farness * others / float64(n-1)
		pc.Harmonic[v] = others * t.inverse[v] / reached
	}
}
