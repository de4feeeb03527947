package graph

import (
	"context"
	"math"
	"math/bits"

	"collab/internal/parallel"
)

// PathSummary holds the whole-network path measures. Averages and
// diameters run over the largest component (strongly connected when the
// network is directed), because on a disconnected network they are
// undefined (NetworkX's average_shortest_path_length and diameter raise
// there); Connected says whether that component is the whole network.
// Efficiencies run over all pairs, a pair with no path adding 0.
type PathSummary struct {
	// Nodes is n; Component the number of nodes of the largest component
	// (the one holding the lowest-numbered node, among equals).
	Nodes     int  `json:"nodes"`
	Component int  `json:"component"`
	Connected bool `json:"connected"`
	// Sources is the number of nodes searched from: n, or the sample of
	// EstimatePathSummary.
	Sources int `json:"sources"`
	// AverageHops and DiameterHops are the mean and the largest number of
	// links on a shortest path between two nodes of the component
	// (NetworkX's average_shortest_path_length and diameter, unweighted);
	// nil when the component has a single node.
	AverageHops  *float64 `json:"average_hops"`
	DiameterHops *int     `json:"diameter_hops"`
	// AverageLength and DiameterLength are the same over link lengths
	// 1/weight (NetworkX's with weight = 1/w; the diameter as the largest
	// eccentricity of the shortest path lengths).
	AverageLength  *float64 `json:"average_length"`
	DiameterLength *float64 `json:"diameter_length"`
	// GlobalEfficiency is Latora and Marchiori's mean of 1/d(u, v) over the
	// n(n-1) ordered pairs, d in hops ("Efficient behavior of small-world
	// networks", Phys. Rev. Lett. 87, 2001; NetworkX's global_efficiency,
	// which is unweighted); 0 for fewer than two nodes. On a directed
	// network d follows the links' direction.
	GlobalEfficiency float64 `json:"global_efficiency"`
	// WeightedEfficiency is the same mean of 1/d over lengths 1/weight, not
	// divided by that of a complete network (which would need a distance
	// for every pair), so it is in units of weight.
	WeightedEfficiency float64 `json:"weighted_efficiency"`
	// AverageHopsSE, AverageLengthSE, GlobalEfficiencySE and
	// WeightedEfficiencySE are the standard errors of the estimates from a
	// sample of sources (EstimatePathSummary); nil when exact, undefined
	// or not estimated.
	AverageHopsSE        *float64 `json:"average_hops_se,omitempty"`
	AverageLengthSE      *float64 `json:"average_length_se,omitempty"`
	GlobalEfficiencySE   *float64 `json:"global_efficiency_se,omitempty"`
	WeightedEfficiencySE *float64 `json:"weighted_efficiency_se,omitempty"`
}

// sourcePaths is what the searches from one source add up.
type sourcePaths struct {
	hops, length         float64 // sums over the component's other nodes
	maxHops              int
	maxLength            float64
	inverseHops, inverse float64 // sums over every node reached
}

// sums are the four per-source sums a summary's averages and efficiencies
// are made of.
func (p sourcePaths) sums() [4]float64 {
	return [4]float64{p.hops, p.length, p.inverseHops, p.inverse}
}

// PathSummary computes the average path length, diameter and global
// efficiency, in hops and over lengths 1/weight, from a breadth-first and
// a Dijkstra search from every node, in parallel; each source's sums are
// added in source order, so the result is the same on any number of cores.
// O(n m log n) time, O(n + m) memory per core. It returns ctx's error if
// ctx is done first.
func (g *Network) PathSummary(ctx context.Context) (PathSummary, error) {
	return g.EstimatePathSummary(ctx, PathOptions{})
}

// EstimatePathSummary is PathSummary from the sources o.Sample asks for,
// drawn as ShortestPaths draws them: on an undirected network renumbered
// in locality order, in each component in proportion to its size (at least
// 10 or all of a smaller one), two from each of H strata of consecutive
// nodes (stratified sampling, Cochran 1977, ch. 5), seeded by o.Seed. With
// o.Sample 0, or on a directed network, it searches from every node,
// equals PathSummary, and the standard errors are nil.
//
// From a sample, a per-source sum y_s (hops or lengths to the component's
// other nodes, or inverse distances to every node) has the estimated total
// T = sum_h (N_h/n_h) sum_{s in h} y_s, N_h the nodes of stratum h and n_h
// its sources, unbiased for sum_s y_s, with variance estimated by
// sum_h N_h^2 (1 - n_h/N_h) s_h^2/n_h, s_h^2 the sample variance of y in
// stratum h (Cochran 1977, eqs. 5.1 and 5.10). The averages are T/(C(C-1))
// over the largest component's C nodes and its strata; the efficiencies
// T/(n(n-1)) over every stratum (Eppstein and Wang 2004 for sampling
// sources); the standard errors are those of T over the same divisors.
// The diameters are the largest distances from the sampled sources, so
// lower bounds of the diameters, with no error stated. Time O(K m log n)
// for K sources.
func (g *Network) EstimatePathSummary(ctx context.Context, o PathOptions) (PathSummary, error) {
	return g.estimatePaths(ctx, o, true)
}

// EstimateHopSummary is EstimatePathSummary in links only: a
// breadth-first search from each source and no Dijkstra search, so
// AverageLength, DiameterLength and WeightedEfficiency, and their standard
// errors, are left nil and 0. Time O(K (n + m)).
func (g *Network) EstimateHopSummary(ctx context.Context, o PathOptions) (PathSummary, error) {
	return g.estimatePaths(ctx, o, false)
}

func (g *Network) estimatePaths(ctx context.Context, o PathOptions, weighted bool) (PathSummary, error) {
	n := g.n
	if n == 0 {
		return PathSummary{}, nil
	}
	member := g.largestComponent()
	net := g
	if g.samples(o) {
		// Strata of consecutive nodes need the locality order; the searches
		// are faster in it too. Only the sums, not the nodes, come back.
		order := g.localityOrder()
		net = g.renumbered(order)
		local := make([]bool, n)
		for k, v := range order {
			local[k] = member[v]
		}
		member = local
	}
	plan := net.planSources(o)
	per := make([]sourcePaths, len(plan.sources))
	err := parallel.Blocks(ctx, len(plan.sources), func() *pathWorker { return newPathWorker(net, weighted) }, func(k int, w *pathWorker) {
		per[k] = w.fromSource(net, int(plan.sources[k]), member, weighted)
	}, func(int, *pathWorker) {})
	if err != nil {
		return PathSummary{}, err
	}
	return plan.summary(per, member, true, weighted), nil
}

// summary is the PathSummary of the per-source sums per (in plan.sources'
// order) over the largest component marked by member: its hop measures
// when hops, its length measures when lengths.
func (plan sourcePlan) summary(per []sourcePaths, member []bool, hops, lengths bool) PathSummary {
	n := len(member)
	ps := PathSummary{Nodes: n, Sources: len(plan.sources)}
	for _, in := range member {
		if in {
			ps.Component++
		}
	}
	ps.Connected = ps.Component == n
	tot, variance, inComponent := plan.pathTotals(per, member)
	if c := float64(ps.Component); ps.Component > 1 {
		pairs := inComponent * (c - 1)
		avgHops, avgLength := tot.hops/pairs, tot.length/pairs
		if hops {
			ps.AverageHops, ps.DiameterHops = &avgHops, &tot.maxHops
			ps.AverageHopsSE = plan.standardError(variance[0], pairs)
		}
		if lengths {
			ps.AverageLength, ps.DiameterLength = &avgLength, &tot.maxLength
			ps.AverageLengthSE = plan.standardError(variance[1], pairs)
		}
	}
	if n > 1 {
		pairs := float64(n) * float64(n-1)
		if hops {
			ps.GlobalEfficiency = tot.inverseHops / pairs
			ps.GlobalEfficiencySE = plan.standardError(variance[2], pairs)
		}
		if lengths {
			ps.WeightedEfficiency = tot.inverse / pairs
			ps.WeightedEfficiencySE = plan.standardError(variance[3], pairs)
		}
	}
	return ps
}

// samples reports whether o asks for a sample of g's sources.
func (g *Network) samples(o PathOptions) bool {
	return o.Sample > 0 && o.Sample < g.n && !g.directed
}

// pathTotals adds up the per-source sums (per, in plan.sources' order):
// every source's when exact, in source order; else each stratum's
// estimated total and variance (see EstimatePathSummary), in stratum
// order. inComponent is the number of nodes of the largest component the
// sources stand for: its size, exactly (the strata partition it).
func (plan sourcePlan) pathTotals(per []sourcePaths, member []bool) (tot sourcePaths, variance [4]float64, inComponent float64) {
	add := func(p sourcePaths, weight float64) {
		tot.hops += weight * p.hops
		tot.length += weight * p.length
		tot.maxHops = max(tot.maxHops, p.maxHops)
		tot.maxLength = max(tot.maxLength, p.maxLength)
		tot.inverseHops += weight * p.inverseHops
		tot.inverse += weight * p.inverse
	}
	if !plan.sampled {
		for k, p := range per {
			if member[plan.sources[k]] {
				inComponent++
			}
			add(p, 1)
		}
		return tot, variance, inComponent
	}
	for _, h := range plan.strata {
		weight, k := h.weight(), float64(h.picked)
		var sum, square [4]float64
		for i := h.first; i < h.first+h.picked; i++ {
			add(per[i], weight)
			if member[plan.sources[i]] {
				inComponent += weight
			}
			for q, y := range per[i].sums() {
				sum[q] += y
				square[q] += y * y
			}
		}
		if h.picked > 1 {
			for q := range variance {
				variance[q] += h.varianceFactor() * max(0, (square[q]-sum[q]*sum[q]/k)/(k-1))
			}
		}
	}
	return tot, variance, inComponent
}

// standardError is sqrt(variance)/pairs, or nil for an exact plan.
func (plan sourcePlan) standardError(variance, pairs float64) *float64 {
	if !plan.sampled {
		return nil
	}
	se := math.Sqrt(variance) / pairs
	return &se
}

// pathWorker is one core's state for PathSummary's searches.
type pathWorker struct {
	s     *search  // for the Dijkstra searches; nil when only hops are summed
	seen  []uint32 // stamp of the last search that reached each node
	stamp uint32
	queue []int32
}

func newPathWorker(g *Network, weighted bool) *pathWorker {
	w := &pathWorker{seen: make([]uint32, g.n), queue: make([]int32, 0, g.n)}
	if weighted {
		w.s = newSearch(g)
	}
	return w
}

// fromSource runs a breadth-first search and, when weighted, a Dijkstra
// search from s; the searches follow the links into s (the rows newSearch
// reads), which, over all sources, sum the same distances as searches out
// of them. The breadth-first search goes level by level, so a node's hops
// are its level's and are summed as the node is found, in one pass; a
// stamp per search marks the nodes reached, so nothing needs resetting.
func (w *pathWorker) fromSource(g *Network, s int, member []bool, weighted bool) sourcePaths {
	var p sourcePaths
	w.stamp++
	if w.stamp == 0 { // wrapped: clear the old stamps
		clear(w.seen)
		w.stamp = 1
	}
	w.queue = append(w.queue[:0], int32(s))
	w.seen[s] = w.stamp
	counted := member[s]
	level, levelEnd := 0, 1 // the hops of queue[k], and where the next level starts
	hops, inverse := 1.0, 1.0
	for k := 0; k < len(w.queue); k++ {
		if k == levelEnd {
			level, levelEnd = level+1, len(w.queue)
			hops, inverse = float64(level+1), 1/float64(level+1)
		}
		adj, _ := g.in.neighbors(int(w.queue[k]))
		for _, v := range adj {
			if w.seen[v] == w.stamp {
				continue
			}
			w.seen[v] = w.stamp
			w.queue = append(w.queue, v)
			p.inverseHops += inverse
			if counted && member[v] {
				p.hops += hops
				p.maxHops = level + 1
			}
		}
	}
	if !weighted {
		return p
	}
	w.s.run(s)
	l := w.s.lengths(s, member)
	p.length, p.maxLength, p.inverse = l.length, l.maxLength, l.inverse
	return p
}

// lengths sums the last search's distances from s: to the other nodes of
// the largest component (member) when s is in it, and their inverses to
// every node reached.
func (w *search) lengths(s int, member []bool) sourcePaths {
	var p sourcePaths
	for _, v := range w.order[1:] {
		d := w.dist[v]
		p.inverse += 1 / d
		if member[s] && member[v] {
			p.length += d
			p.maxLength = max(p.maxLength, d)
		}
	}
	return p
}

// largestComponent marks the nodes of the largest connected component
// (strongly connected when directed); among equal sizes, the one holding
// the lowest-numbered node.
func (g *Network) largestComponent() []bool {
	var label []int32
	var count int
	if g.directed {
		label, count = g.strongComponents()
	} else {
		l, sizes := g.Components()
		count = len(sizes)
		label = make([]int32, len(l))
		for v, c := range l {
			label[v] = int32(c)
		}
	}
	size := make([]int, count)
	lowest := make([]int, count)
	for i := range lowest {
		lowest[i] = g.n
	}
	for v, c := range label {
		size[c]++
		lowest[c] = min(lowest[c], v)
	}
	best := -1
	for c := range count {
		if best < 0 || size[c] > size[best] || (size[c] == size[best] && lowest[c] < lowest[best]) {
			best = c
		}
	}
	member := make([]bool, g.n)
	for v, c := range label {
		member[v] = int(c) == best
	}
	return member
}

// KrackhardtEfficiency is Krackhardt's efficiency (1994; R sna's
// efficiency, UCINET's Krackhardt GTD) over the 0/1 adjacency: with weak
// components of sizes s_c and L the non-zero cells of the adjacency (each
// undirected link counts in both directions, as in sna's symmetric
// sociomatrix),
//
//	1 - (L - sum (s_c - 1)) / sum (s_c - 1)^2,
//
// the share of the links beyond the fewest that would keep each component
// connected that are absent. ok is false when every component is a single
// node (the denominator is 0). O(n + m).
func (g *Network) KrackhardtEfficiency() (efficiency float64, ok bool) {
	_, sizes := g.Components()
	var required, excess float64
	for _, s := range sizes {
		required += float64(s - 1)
		excess += float64(s-1) * float64(s-1)
	}
	if excess == 0 {
		return 0, false
	}
	cells := float64(len(g.edges))
	if !g.directed {
		cells *= 2
	}
	return 1 - (cells-required)/excess, true
}

// LeastUpperBoundedness is Krackhardt's least upper boundedness (1994; R
// sna's lubness, UCINET's Krackhardt GTD): the pairs of nodes of a weak
// component that have no least upper bound, over (s-1)(s-2)/2, the most a
// component of s nodes can have, summed over the components of three or
// more nodes. An upper bound of nodes i and j is
// a node that reaches both along the links (each node reaching itself);
// the pair has a least upper bound when one of its upper bounds reaches
// all the others. The measure is
//
//	1 - (pairs without a least upper bound) / sum (s_c - 1)(s_c - 2)/2.
//
// An undirected network has LUB 1. ok is false when no component has three
// nodes. Reachability is kept as bit sets: O(n m) to build, O(n^3 s/64)
// worst case for the pairs of a component of s nodes, in parallel over
// rows of pairs.
func (g *Network) LeastUpperBoundedness() (lub float64, ok bool) {
	label, sizes := g.Components()
	words := (g.n + 63) / 64
	reaches := g.reachability(words) // reaches[k]: the nodes k reaches
	reachedBy := make([]uint64, g.n*words)
	for k := range g.n {
		row := reaches[k*words : (k+1)*words]
		for w, x := range row {
			for ; x != 0; x &= x - 1 {
				v := w*64 + bits.TrailingZeros64(x)
				reachedBy[v*words+k/64] |= 1 << (k % 64)
			}
		}
	}
	var maxViolations float64
	for _, s := range sizes {
		if s > 2 {
			maxViolations += float64(s-1) * float64(s-2) / 2
		}
	}
	if maxViolations == 0 {
		return 0, false
	}
	violations := make([]int, g.n)
	parallel.For(context.Background(), g.n, func(i int) {
		if sizes[label[i]] <= 2 {
			return
		}
		ub := make([]uint64, words)
		for j := i + 1; j < g.n; j++ {
			if label[j] != label[i] {
				continue
			}
			for w := range ub {
				ub[w] = reachedBy[i*words+w] & reachedBy[j*words+w]
			}
			if !hasLeastBound(ub, reaches, words) {
				violations[i]++
			}
		}
	})
	var total int
	for _, v := range violations {
		total += v
	}
	return 1 - float64(total)/maxViolations, true
}

// hasLeastBound reports whether some node of the set ub reaches every
// node of ub.
func hasLeastBound(ub, reaches []uint64, words int) bool {
	for w, x := range ub {
		for ; x != 0; x &= x - 1 {
			k := w*64 + bits.TrailingZeros64(x)
			row := reaches[k*words : (k+1)*words]
			covers := true
			for q, y := range ub {
				if y&^row[q] != 0 {
					covers = false
					break
				}
			}
			if covers {
				return true
			}
		}
	}
	return false
}

// reachability returns, for each node, the bit set of the nodes it reaches
// along the links (itself included), by a breadth-first search from each.
func (g *Network) reachability(words int) []uint64 {
	reaches := make([]uint64, g.n*words)
	parallel.For(context.Background(), g.n, func(s int) {
		row := reaches[s*words : (s+1)*words]
		row[s/64] |= 1 << (s % 64)
		queue := []int32{int32(s)}
		for k := 0; k < len(queue); k++ {
			adj, _ := g.out.neighbors(int(queue[k]))
			for _, v := range adj {
				if row[v/64]&(1<<(v%64)) == 0 {
					row[v/64] |= 1 << (v % 64)
					queue = append(queue, v)
				}
			}
		}
	})
	return reaches
}
