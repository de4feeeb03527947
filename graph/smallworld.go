package graph

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"collab/internal/parallel"
)

// Defaults of SmallWorld, NetworkX's: sigma rewires each link of a random
// reference about 100 times, omega 5 times for its lattice (10 for its
// random reference), and each averages over 10 references.
const (
	DefaultSigmaRewirings      = 100
	DefaultOmegaRewirings      = 5
	DefaultSmallWorldReference = 10
)

// SmallWorldOptions tune SmallWorld. The zero value uses NetworkX's
// defaults and seed 0.
type SmallWorldOptions struct {
	// SigmaRewirings is NetworkX sigma's niter: each link of a random
	// reference is rewired about this many times. 0 means
	// DefaultSigmaRewirings.
	SigmaRewirings int
	// OmegaRewirings is NetworkX omega's niter: the lattice reference
	// rewires each link about this many times and the random reference
	// twice as many. 0 means DefaultOmegaRewirings.
	OmegaRewirings int
	// References is nrand, the number of references of each kind. 0 means
	// DefaultSmallWorldReference.
	References int
	// Seed seeds reference k of each kind with its own PCG generator, so
	// the result is the same on any number of cores.
	Seed uint64
}

// SmallWorld holds the small-world coefficients of the largest connected
// component and what they are made of.
type SmallWorld struct {
	// Component is the number of nodes the coefficients were computed on.
	Component int `json:"component"`
	// Transitivity is C for sigma (3 triangles / connected triples;
	// NetworkX's transitivity) and AverageClustering C for omega (the mean
	// local clustering; NetworkX's average_clustering), both unweighted;
	// AverageHops is L, the mean shortest path in links.
	Transitivity      float64 `json:"transitivity"`
	AverageClustering float64 `json:"average_clustering"`
	AverageHops       float64 `json:"average_hops"`
	// RandomTransitivity and RandomHops are the means of C and L over
	// sigma's random references; OmegaRandomHops is omega's mean random L
	// and LatticeClustering its Cl, the largest mean clustering of the
	// component and its lattice references.
	RandomTransitivity float64 `json:"random_transitivity"`
	RandomHops         float64 `json:"random_hops"`
	OmegaRandomHops    float64 `json:"omega_random_hops"`
	LatticeClustering  float64 `json:"lattice_clustering"`
	// Sigma is (C/Cr)/(L/Lr) (Humphries and Gurney, PLoS One 3, 2008),
	// above 1 for a small world; Omega is Lr/L - C/Cl (Telesford et al.,
	// Brain Connectivity 1, 2011), near 0 for a small world, negative for a
	// lattice, positive for a random network. Nil when undefined, with the
	// reason in Undefined.
	Sigma     *float64 `json:"sigma"`
	Omega     *float64 `json:"omega"`
	Undefined string   `json:"undefined,omitempty"`
}

// SmallWorld computes the small-world coefficients sigma and omega as
// NetworkX's sigma and omega do, on the largest connected component (the
// coefficients need path lengths, which a disconnected network lacks;
// NetworkX raises there) and ignoring weights.
//
// The random references rewire the component by degree-preserving double
// edge swaps (Maslov and Sneppen, Science 296, 2002): two links a-b and c-d
// drawn by picking a and c in proportion to degree and b and d among their
// neighbours become a-d and c-b, unless that repeats a link or disconnects
// a from b. The lattice references make only the swaps that do not move
// links away from the diagonal of the adjacency in ring order (|i - j| on
// a ring of the nodes in index order): Sporns and Zwi's latticization as
// NetworkX's lattice_reference writes it, comparing d(a,b) + d(c,d) with
// d(a,c) + d(b,d). As in NetworkX, each of niter*m rounds makes at most
// int(2m/(c-1)) attempts, and a draw that picks one node twice is not an
// attempt; this package also ends a round after 1000 such draws per
// attempt, where NetworkX would loop on, so that a star cannot hang it.
//
// A complete component admits no swap: its references are itself, and
// sigma is 1 and omega 0. The 3 x References rewirings run in parallel. Time
// O(References (niter m (n + m) + n m)) in the worst case, when every swap
// needs a full search to check connectivity.
func (g *Network) SmallWorld(ctx context.Context, o SmallWorldOptions) (SmallWorld, error) {
	if g.directed {
		return SmallWorld{}, errors.New("graph: SmallWorld: the network is directed; sigma and omega are defined for undirected networks")
	}
	o, err := o.withDefaults()
	if err != nil {
		return SmallWorld{}, err
	}
	base := g.largestSimple()
	sw := SmallWorld{Component: base.n}
	if base.n < 4 {
		sw.Undefined = fmt.Sprintf("the largest component has %d nodes; the references need 4", base.n)
		return sw, nil
	}
	sw.Transitivity, sw.AverageClustering = base.clustering()
	sw.AverageHops = base.averageHops()
	type job struct {
		lattice  bool
		rewiring int
		stream   uint64
	}
	var jobs []job
	for k := range o.References {
		jobs = append(jobs, job{false, o.SigmaRewirings, uint64(k)}, job{false, 2 * o.OmegaRewirings, 1<<32 | uint64(k)}, job{true, o.OmegaRewirings, 2<<32 | uint64(k)})
	}
	type metrics struct{ transitivity, clustering, hops float64 }
	out := make([]metrics, len(jobs))
	// On a complete component every swap would repeat a link, so each
	// reference is the component itself (NetworkX tries every round and
	// makes no swap); it is not rewired.
	complete := 2*len(base.links) == base.n*(base.n-1)
	parallel.For(ctx, len(jobs), func(i int) {
		if complete {
			out[i] = metrics{sw.Transitivity, sw.AverageClustering, sw.AverageHops}
			return
		}
		j := jobs[i]
		rng := rand.New(rand.NewPCG(o.Seed, j.stream))
		r := base.clone()
		if !r.rewire(ctx, rng, j.rewiring, j.lattice) {
			return // ctx is done
		}
		m := metrics{hops: r.averageHops()}
		m.transitivity, m.clustering = r.clustering()
		out[i] = m
	})
	if err := ctx.Err(); err != nil {
		return SmallWorld{}, err
	}
	sw.LatticeClustering = sw.AverageClustering
	refs := float64(o.References)
	for i, j := range jobs {
		switch {
		case j.lattice:
			sw.LatticeClustering = max(sw.LatticeClustering, out[i].clustering)
		case j.stream>>32 == 0:
			sw.RandomTransitivity += out[i].transitivity / refs
			sw.RandomHops += out[i].hops / refs
		default:
			sw.OmegaRandomHops += out[i].hops / refs
		}
	}
	sw.setCoefficients()
	return sw, nil
}

func (sw *SmallWorld) setCoefficients() {
	var why []string
	if sw.RandomTransitivity > 0 {
		sigma := (sw.Transitivity / sw.RandomTransitivity) / (sw.AverageHops / sw.RandomHops)
		sw.Sigma = &sigma
	} else {
		why = append(why, "sigma: the random references have no triangles")
	}
	if sw.LatticeClustering > 0 {
		omega := sw.OmegaRandomHops/sw.AverageHops - sw.AverageClustering/sw.LatticeClustering
		sw.Omega = &omega
	} else {
		why = append(why, "omega: neither the network nor its lattices have any clustering")
	}
	for k, w := range why {
		if k > 0 {
			sw.Undefined += "; "
		}
		sw.Undefined += w
	}
}

func (o SmallWorldOptions) withDefaults() (SmallWorldOptions, error) {
	if o.SigmaRewirings == 0 {
		o.SigmaRewirings = DefaultSigmaRewirings
	}
	if o.OmegaRewirings == 0 {
		o.OmegaRewirings = DefaultOmegaRewirings
	}
	if o.References == 0 {
		o.References = DefaultSmallWorldReference
	}
	switch {
	case o.SigmaRewirings < 0:
		return o, fmt.Errorf("graph: SmallWorld: SigmaRewirings must be >= 0, got %d", o.SigmaRewirings)
	case o.OmegaRewirings < 0:
		return o, fmt.Errorf("graph: SmallWorld: OmegaRewirings must be >= 0, got %d", o.OmegaRewirings)
	case o.References < 0:
		return o, fmt.Errorf("graph: SmallWorld: References must be >= 0, got %d", o.References)
	}
	return o, nil
}

// swapGraph is an unweighted undirected graph that links can be swapped in.
type swapGraph struct {
	n     int
	adj   [][]int32
	links map[[2]int32]bool // each link as (lower, higher)
	stubs []int32           // each node once per link end: draws nodes by degree
}

// largestSimple copies the largest connected component, nodes renumbered
// in index order.
func (g *Network) largestSimple() *swapGraph {
	member := g.largestComponent()
	local := make([]int32, g.n)
	s := &swapGraph{links: map[[2]int32]bool{}}
	for v, in := range member {
		if in {
			local[v] = int32(s.n)
			s.n++
		}
	}
	s.adj = make([][]int32, s.n)
	for _, e := range g.edges {
		if member[e.From] {
			s.add(local[e.From], local[e.To])
		}
	}
	for v, a := range s.adj {
		for range a {
			s.stubs = append(s.stubs, int32(v))
		}
	}
	return s
}

func (s *swapGraph) clone() *swapGraph {
	c := &swapGraph{n: s.n, adj: make([][]int32, s.n), links: make(map[[2]int32]bool, len(s.links)), stubs: s.stubs}
	for v, a := range s.adj {
		c.adj[v] = append([]int32(nil), a...)
	}
	for k := range s.links {
		c.links[k] = true
	}
	return c
}

func key(u, v int32) [2]int32 {
	if u > v {
		u, v = v, u
	}
	return [2]int32{u, v}
}

func (s *swapGraph) add(u, v int32) {
	s.adj[u] = append(s.adj[u], v)
	s.adj[v] = append(s.adj[v], u)
	s.links[key(u, v)] = true
}

func (s *swapGraph) remove(u, v int32) {
	drop := func(a []int32, x int32) []int32 {
		for i, y := range a {
			if y == x {
				a[i] = a[len(a)-1]
				return a[:len(a)-1]
			}
		}
		return a
	}
	s.adj[u] = drop(s.adj[u], v)
	s.adj[v] = drop(s.adj[v], u)
	delete(s.links, key(u, v))
}

// rewire runs niter*m rounds of double edge swaps (see SmallWorld); false
// when ctx was done first.
func (s *swapGraph) rewire(ctx context.Context, rng *rand.Rand, niter int, lattice bool) bool {
	m := len(s.links)
	tries := int(float64(s.n) * float64(m) / (float64(s.n) * float64(s.n-1) / 2))
	search := newLinkSearch(s.n)
	ring := func(i, j int32) int32 { // distance to the diagonal in ring order
		d := i - j
		if d < 0 {
			d = -d
		}
		return min(d, int32(s.n)-d)
	}
	for round := range niter * m {
		if round%1024 == 0 && ctx.Err() != nil {
			return false
		}
		skipped := 0
		for attempt := 0; attempt < tries && skipped < 1000*(attempt+1); {
			a, c := s.stubs[rng.IntN(len(s.stubs))], s.stubs[rng.IntN(len(s.stubs))]
			if a == c {
				skipped++
				continue
			}
			b, d := s.adj[a][rng.IntN(len(s.adj[a]))], s.adj[c][rng.IntN(len(s.adj[c]))]
			if b == a || b == c || b == d || d == a || d == c {
				skipped++
				continue
			}
			if !s.links[key(a, d)] && !s.links[key(c, b)] && (!lattice || ring(a, b)+ring(c, d) >= ring(a, c)+ring(b, d)) {
				s.add(a, d)
				s.add(c, b)
				s.remove(a, b)
				s.remove(c, d)
				if search.connected(s, a, b) {
					break
				}
				s.remove(a, d)
				s.remove(c, b)
				s.add(a, b)
				s.add(c, d)
			}
			attempt++
		}
	}
	return true
}

// linkSearch is the scratch of rewire's connectivity checks.
type linkSearch struct {
	seen   []int32 // side a marks stamp, side b stamp+1
	stamp  int32
	qa, qb []int32
}

func newLinkSearch(n int) *linkSearch { return &linkSearch{seen: make([]int32, n)} }

// connected reports whether a path joins a and b, by a breadth-first
// search from both ends that grows the smaller frontier a level at a time
// and stops where they meet: after a swap, a and b are usually close.
func (w *linkSearch) connected(s *swapGraph, a, b int32) bool {
	if w.stamp > math.MaxInt32-4 {
		clear(w.seen)
		w.stamp = 0
	}
	w.stamp += 2
	sideA, sideB := w.stamp, w.stamp+1
	w.seen[a], w.seen[b] = sideA, sideB
	qa, qb := append(w.qa[:0], a), append(w.qb[:0], b)
	defer func() { w.qa, w.qb = qa[:0], qb[:0] }()
	ha, hb := 0, 0
	for ha < len(qa) && hb < len(qb) {
		q, head, mine, other := &qa, &ha, sideA, sideB
		if len(qb)-hb < len(qa)-ha {
			q, head, mine, other = &qb, &hb, sideB, sideA
		}
		for end := len(*q); *head < end; *head++ {
			for _, v := range s.adj[(*q)[*head]] {
				switch w.seen[v] {
				case other:
					return true
				case mine:
					continue
				}
				w.seen[v] = mine
				*q = append(*q, v)
			}
		}
	}
	return false
}

// clustering returns the transitivity and the mean local clustering.
func (s *swapGraph) clustering() (transitivity, average float64) {
	mark := make([]int32, s.n)
	var closed, triples float64
	for v := range s.n {
		stamp := int32(v + 1)
		for _, u := range s.adj[v] {
			mark[u] = stamp
		}
		var t float64 // ordered pairs of v's neighbours that are linked: 2 triangles
		for _, u := range s.adj[v] {
			for _, w := range s.adj[u] {
				if mark[w] == stamp {
					t++
				}
			}
		}
		d := float64(len(s.adj[v]))
		closed += t
		triples += d * (d - 1)
		if d > 1 {
			average += t / (d * (d - 1))
		}
	}
	if triples > 0 {
		transitivity = closed / triples
	}
	return transitivity, average / float64(s.n)
}

// averageHops is the mean number of links on a shortest path over the
// n(n-1) ordered pairs of a connected graph.
func (s *swapGraph) averageHops() float64 {
	hops := make([]int32, s.n)
	queue := make([]int32, 0, s.n)
	var total float64
	for src := range s.n {
		for i := range hops {
			hops[i] = -1
		}
		hops[src] = 0
		queue = append(queue[:0], int32(src))
		for k := 0; k < len(queue); k++ {
			u := queue[k]
			for _, v := range s.adj[u] {
				if hops[v] < 0 {
					hops[v] = hops[u] + 1
					total += float64(hops[v])
					queue = append(queue, v)
				}
			}
		}
	}
	return total / (float64(s.n) * float64(s.n-1))
}
