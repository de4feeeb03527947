package graph

import (
	"math"
	"math/rand/v2"
	"slices"
)

// sourcePlan is the set of sources of a shortest-path pass: every node, or
// a sample drawn per connected component.
type sourcePlan struct {
	sources []int32 // ascending
	sampled bool
	label   []int // each node's component
	size    []int // each component's size
	picked  []int // each component's sampled sources
}

// minSources is the fewest sources a component gets in a sampled pass: a
// component that small is searched from every node, so exactly.
const minSources = 10

// planSources chooses the sources: all nodes unless o.Sample asks for fewer
// on an undirected network. Each component gets a share of the sample in
// proportion to its size, but at least minSources (or all its nodes),
// drawn with a generator seeded by o.Seed.
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
	plan := sourcePlan{sampled: true, label: label, size: size, picked: make([]int, len(size))}
	for c, nodes := range members {
		k := int(math.Ceil(float64(o.Sample) * float64(len(nodes)) / float64(n)))
		k = min(len(nodes), max(k, minSources))
		perm := rng.Perm(len(nodes))
		for _, i := range perm[:k] {
			plan.sources = append(plan.sources, nodes[i])
		}
		plan.picked[c] = k
	}
	slices.Sort(plan.sources)
	return plan
}

// estimate turns the sampled sums of t into estimates (before betweenness
// is normalised): dependencies scaled by c/K_c with their standard error,
// and closeness from the mean distance to the sources times c-1.
func (plan sourcePlan) estimate(pc *PathCentrality, t *tally) {
	n := len(plan.label)
	for v := range n {
		c := plan.label[v]
		size, k := float64(plan.size[c]), float64(plan.picked[c])
		scale := size / k
		pc.Betweenness[v] = scale * t.dependency[v]
		if k > 1 && k < size {
			mean := t.dependency[v] / k
			variance := max(0, (t.dependency2[v]-k*mean*mean)/(k-1))
			pc.BetweennessSE[v] = size * math.Sqrt((1-k/size)*variance/k)
		}
		reached := float64(t.reached[v]) // sampled sources other than v
		if reached == 0 || n < 2 {
			continue
		}
		others := size - 1
		farness := others * t.distance[v] / reached
		pc.Closeness[v] = others / farness * others / float64(n-1)
		pc.Harmonic[v] = others * t.inverse[v] / reached
	}
}
