package graph

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// LouvainGonumMaxNodes is the largest network that Louvain hands to gonum's
// community.Modularize. Larger networks are partitioned by Leiden on the
// network's own compressed rows: gonum copies the network into maps and is
// about ten times slower than igraph at 20,000 nodes, while every result up
// to this size stays what gonum gives.
const LouvainGonumMaxNodes = 10000

// Leiden finds communities by the Leiden algorithm (Traag, Waltman and van
// Eck, "From Louvain to Leiden: guaranteeing well-connected communities",
// Sci. Rep. 9, 5233, 2019), maximising the same modularity as Louvain and
// Modularity: weighted, at the given resolution, directed (Leicht and
// Newman 2008) when the network is. Each iteration
//
//  1. moves nodes between communities while that raises Q, revisiting only
//     the neighbours of nodes that moved (the fast local move);
//  2. refines each community: starting from singletons, a node that is
//     well connected to its community joins the well-connected
//     sub-community of the same community that raises Q most (the greedy,
//     theta -> 0 limit of the paper's randomised choice), so that every
//     sub-community is connected;
//  3. aggregates each sub-community into one node, its community as the
//     starting partition of the next iteration,
//
// until no node moves. A community that still falls apart is split into
// its connected parts at the end, which only raises Q, so every community
// is connected (weakly, when directed).
//
// With m the total link weight and k^out, k^in a node's out- and
// in-strength (each half the strength when undirected), moving a lone node
// v into community C raises Q by
//
//	w(v, C)/m - gamma (k_v^out K_C^in + k_v^in K_C^out) / m^2,
//
// w(v, C) the weight of the links between v and C, both ways. Run r of runs
// visits nodes in the order of the PCG stream (seed, r); runs share the
// cores, and the partition of highest Q wins, ties going to the earliest
// run, so the result depends only on seed and runs. Partition.Q is Q as
// the algorithm sums it; Modularity gives the same to rounding. Isolated
// nodes form communities of their own; without links every node does, and
// Q is NaN, as in Louvain.
//
// Leiden reads the network's rows in place (an undirected network; a
// directed one is first merged into one symmetric row set) and each run
// needs O(n + m) further memory; each pass of an iteration takes O(m),
// and a handful of iterations suffice in practice. ctx is checked every
// few hundred nodes; Leiden returns ctx's error when it is done.
func (g *Network) Leiden(ctx context.Context, resolution float64, seed uint64, runs int) (Partition, error) {
	if err := checkLeidenParams(resolution, runs); err != nil {
		return Partition{}, err
	}
	if err := ctx.Err(); err != nil {
		return Partition{}, err
	}
	if len(g.edges) == 0 {
		return g.singletons(), nil
	}
	base, err := g.baseLevel(ctx)
	if err != nil {
		return Partition{}, err
	}
	var (
		mu   sync.Mutex
		best = Partition{Run: -1}
	)
	eachRun(ctx, runs, func(r int) {
		labels, q, err := leidenRun(ctx, base, resolution, seed, r)
		if err != nil {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		// Q and then the run number order the runs totally, so the winner
		// does not depend on which run finished first.
		if best.Run < 0 || q > best.Q || (q == best.Q && r < best.Run) {
			best = rankCommunities(labels)
			best.Q, best.Run = q, r
		}
	})
	if err := ctx.Err(); err != nil {
		return Partition{}, err
	}
	return best, nil
}

// eachRun calls run(r) for every r in [0, runs) on GOMAXPROCS goroutines,
// each taking the next run when it is free; no run starts once ctx is
// done. Only the memory of the runs under way is held at once.
func eachRun(ctx context.Context, runs int, run func(r int)) {
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for range min(runtime.GOMAXPROCS(0), runs) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := int(next.Add(1) - 1); r < runs && ctx.Err() == nil; r = int(next.Add(1) - 1) {
				run(r)
			}
		}()
	}
	wg.Wait()
}

func checkLeidenParams(resolution float64, runs int) error {
	if !(resolution >= 0) || math.IsInf(resolution, 0) {
		return fmt.Errorf("graph: resolution must be finite and >= 0, got %g", resolution)
	}
	if runs < 1 {
		return fmt.Errorf("graph: runs must be >= 1, got %d", runs)
	}
	return nil
}

// level is one level of the Leiden hierarchy: a weighted graph whose row u,
// adj[start[u]:start[u+1]], lists each neighbour of u once with w the
// weight of the links between them, both ways when directed. Each link
// between two nodes appears in both their rows; self holds the weight of
// the links inside an aggregated node, counted once.
type level struct {
	start     []int
	adj       []int32
	w         []float64
	self      []float64
	kout, kin []float64
	m         float64 // total link weight, every level the same
}

func (l *level) nodes() int { return len(l.self) }

// baseLevel is the network itself as level 0. Undirected rows are used as
// they are; directed out- and in-rows are merged, neighbour by neighbour.
func (g *Network) baseLevel(ctx context.Context) (*level, error) {
	l := &level{self: make([]float64, g.n), kout: make([]float64, g.n), kin: make([]float64, g.n)}
	for u := range g.n {
		if u%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		_, out := g.out.neighbors(u)
		_, in := g.in.neighbors(u)
		for _, w := range out {
			l.kout[u] += w
		}
		for _, w := range in {
			l.kin[u] += w
		}
		l.m += l.kout[u]
	}
	if !g.directed {
		l.start, l.adj, l.w = g.out.start, g.out.adj, g.out.weight
		for u := range l.kout {
			l.kout[u] /= 2 // an undirected link adds its weight to both rows
			l.kin[u] /= 2
		}
		l.m /= 2
		return l, nil
	}
	l.start = make([]int, g.n+1)
	l.adj = make([]int32, 0, len(g.out.adj)+len(g.in.adj))
	l.w = make([]float64, 0, len(g.out.adj)+len(g.in.adj))
	for u := range g.n {
		if u%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		l.adj, l.w = mergeRows(l.adj, l.w, &g.out, &g.in, u)
		l.start[u+1] = len(l.adj)
	}
	return l, nil
}

// mergeRows appends the union of row u of a and of b, both sorted by
// neighbour, summing the weights of a neighbour in both.
func mergeRows(adj []int32, w []float64, a, b *rows, u int) ([]int32, []float64) {
	aa, aw := a.neighbors(u)
	ba, bw := b.neighbors(u)
	i, j := 0, 0
	for i < len(aa) || j < len(ba) {
		switch {
		case j == len(ba) || (i < len(aa) && aa[i] < ba[j]):
			adj, w = append(adj, aa[i]), append(w, aw[i])
			i++
		case i == len(aa) || ba[j] < aa[i]:
			adj, w = append(adj, ba[j]), append(w, bw[j])
			j++
		default:
			adj, w = append(adj, aa[i]), append(w, aw[i]+bw[j])
			i++
			j++
		}
	}
	return adj, w
}

// leidenState is one run's random stream and scratch space.
type leidenState struct {
	ctx     context.Context
	gamma   float64
	rng     *rand.Rand
	visits  int
	weight  []float64 // weight from the current node to each community
	touched []int32   // communities with a weight, in the order first met
}

// leidenRun is run r: it returns each node's community, labelled 0..k-1,
// and the partition's Q.
func leidenRun(ctx context.Context, base *level, gamma float64, seed uint64, r int) ([]int32, float64, error) {
	s := &leidenState{ctx: ctx, gamma: gamma, rng: rand.New(rand.NewPCG(seed, uint64(r))),
		weight: make([]float64, base.nodes())}
	n := base.nodes()
	nodeOf := make([]int32, n) // each node's node in the current level
	comm := make([]int32, n)
	for v := range n {
		nodeOf[v], comm[v] = int32(v), int32(v)
	}
	l := base
	for {
		if err := s.moveNodes(l, comm); err != nil {
			return nil, 0, err
		}
		k := relabel(comm)
		if k == l.nodes() {
			break
		}
		sub, subs, err := s.refine(l, comm)
		if err != nil {
			return nil, 0, err
		}
		if subs == l.nodes() { // nothing merged: aggregate the communities themselves
			sub, subs = slices.Clone(comm), k
		}
		next, err := s.aggregate(l, sub, subs)
		if err != nil {
			return nil, 0, err
		}
		nextComm := make([]int32, subs)
		for u, c := range sub {
			nextComm[c] = comm[u]
		}
		for v := range nodeOf {
			nodeOf[v] = sub[nodeOf[v]]
		}
		l, comm = next, nextComm
	}
	labels := make([]int32, n)
	for v := range labels {
		labels[v] = comm[nodeOf[v]]
	}
	if splitDisconnected(base, labels) {
		return labels, quality(base, labels, gamma), nil
	}
	return labels, quality(l, comm, gamma), nil
}

// tick counts a visited node and reports ctx's error every 256 of them.
func (s *leidenState) tick() error {
	s.visits++
	if s.visits&255 == 0 {
		return s.ctx.Err()
	}
	return nil
}

// gain is m times the rise in Q from moving a lone node of strengths
// (kout, kin) into a group of strengths (out, in) joined to it by weight w.
func (s *leidenState) gain(l *level, w, kout, kin, out, in float64) float64 {
	return w - s.gamma*(kout*in+kin*out)/l.m
}

// gather sums the weight from node v to the community label[u] of each
// neighbour u that keep accepts, into s.weight and s.touched.
func (s *leidenState) gather(l *level, v int32, label []int32, keep func(u int32) bool) {
	s.touched = s.touched[:0]
	for k := l.start[v]; k < l.start[v+1]; k++ {
		u := l.adj[k]
		if !keep(u) {
			continue
		}
		c := label[u]
		if s.weight[c] == 0 { // weights are > 0, so a sum is too
			s.touched = append(s.touched, c)
		}
		s.weight[c] += l.w[k]
	}
}

func (s *leidenState) clearGathered() {
	for _, c := range s.touched {
		s.weight[c] = 0
	}
}

func (s *leidenState) shuffled(n int) []int32 {
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	s.rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	return order
}

// moveNodes is the fast local move: nodes wait in a queue, first in a
// random order; each joins the neighbouring community (or an empty one)
// that raises Q most, staying put on ties, and when it moves its
// neighbours outside its new community queue up again.
func (s *leidenState) moveNodes(l *level, comm []int32) error {
	n := l.nodes()
	out, in, size := make([]float64, n), make([]float64, n), make([]int32, n)
	for u, c := range comm {
		out[c] += l.kout[u]
		in[c] += l.kin[u]
		size[c]++
	}
	var empty []int32
	for c := n - 1; c >= 0; c-- {
		if size[c] == 0 {
			empty = append(empty, int32(c))
		}
	}
	queue := s.shuffled(n) // a ring of n slots: a node waits at most once
	queued := make([]bool, n)
	for i := range queued {
		queued[i] = true
	}
	head, waiting := 0, n
	all := func(int32) bool { return true }
	for waiting > 0 {
		if err := s.tick(); err != nil {
			return err
		}
		v := queue[head]
		head, waiting = (head+1)%n, waiting-1
		queued[v] = false
		from := comm[v]
		s.gather(l, v, comm, all)
		out[from] -= l.kout[v]
		in[from] -= l.kin[v]
		if size[from]--; size[from] == 0 {
			out[from], in[from] = 0, 0 // no rounding left over: an empty community gains 0
		}
		to, best := from, s.gain(l, s.weight[from], l.kout[v], l.kin[v], out[from], in[from])
		for _, c := range s.touched {
			if q := s.gain(l, s.weight[c], l.kout[v], l.kin[v], out[c], in[c]); q > best {
				to, best = c, q
			}
		}
		s.clearGathered()
		if best < 0 { // alone is better than anywhere: an empty community gains 0
			to, empty = empty[len(empty)-1], empty[:len(empty)-1]
		}
		out[to] += l.kout[v]
		in[to] += l.kin[v]
		size[to]++
		comm[v] = to
		if size[from] == 0 {
			empty = append(empty, from)
		}
		if to == from {
			continue
		}
		for k := l.start[v]; k < l.start[v+1]; k++ {
			if u := l.adj[k]; !queued[u] && comm[u] != to {
				queue[(head+waiting)%n] = u
				waiting++
				queued[u] = true
			}
		}
	}
	return nil
}

// relabel numbers the communities 0..k-1 in order of their first node
// and returns k.
func relabel(comm []int32) int {
	id := make([]int32, len(comm))
	for i := range id {
		id[i] = -1
	}
	k := int32(0)
	for u, c := range comm {
		if id[c] < 0 {
			id[c] = k
			k++
		}
		comm[u] = id[c]
	}
	return int(k)
}

// refine splits each community of comm into sub-communities, returned as
// labels 0..k-1 with k. Every node starts alone; in random order, a node
// still alone and well connected to its community C (the links between it
// and the rest of C outweigh gamma times what the null model expects, so
// that joining the rest of C would not lower Q) joins the sub-community T
// of C that raises Q most, among those themselves well connected to C.
// A node joins only a sub-community it links to, so each is connected.
func (s *leidenState) refine(l *level, comm []int32) ([]int32, int, error) {
	n := l.nodes()
	commOut, commIn := make([]float64, n), make([]float64, n)
	for u, c := range comm {
		commOut[c] += l.kout[u]
		commIn[c] += l.kin[u]
	}
	sub := make([]int32, n)
	out, in := slices.Clone(l.kout), slices.Clone(l.kin)
	size := make([]int32, n)
	outside := make([]float64, n) // weight from sub-community to the rest of its community
	for u := range n {
		if err := s.tick(); err != nil {
			return nil, 0, err
		}
		sub[u], size[u] = int32(u), 1
		for k := l.start[u]; k < l.start[u+1]; k++ {
			if comm[l.adj[k]] == comm[u] {
				outside[u] += l.w[k]
			}
		}
	}
	wellConnected := func(t, c int32) bool {
		return outside[t] >= s.gamma*(out[t]*(commIn[c]-in[t])+in[t]*(commOut[c]-out[t]))/l.m
	}
	for _, v := range s.shuffled(n) {
		if err := s.tick(); err != nil {
			return nil, 0, err
		}
		c := comm[v]
		if size[sub[v]] != 1 || !wellConnected(v, c) {
			continue
		}
		s.gather(l, v, sub, func(u int32) bool { return comm[u] == c })
		to, best := int32(-1), 0.0
		for _, t := range s.touched {
			if !wellConnected(t, c) {
				continue
			}
			if q := s.gain(l, s.weight[t], l.kout[v], l.kin[v], out[t], in[t]); q > best {
				to, best = t, q
			}
		}
		if to >= 0 {
			// Links between v and t were outside links of both; now inside.
			outside[to] += outside[v] - 2*s.weight[to]
			out[to] += l.kout[v]
			in[to] += l.kin[v]
			size[to]++
			size[v] = 0
			sub[v] = to
		}
		s.clearGathered()
	}
	return sub, relabel(sub), nil
}

// aggregate builds the next level: node c of it is the group of nodes u
// with group[u] == c, its row the summed weights to the other groups, its
// self weight the links inside.
func (s *leidenState) aggregate(l *level, group []int32, k int) (*level, error) {
	members, first := groupMembers(group, k)
	next := &level{start: make([]int, k+1), self: make([]float64, k),
		kout: make([]float64, k), kin: make([]float64, k), m: l.m}
	next.adj = make([]int32, 0, len(l.adj)/2)
	next.w = make([]float64, 0, len(l.adj)/2)
	for c := range int32(k) {
		var inside float64
		s.touched = s.touched[:0]
		for _, u := range members[first[c]:first[c+1]] {
			if err := s.tick(); err != nil {
				return nil, err
			}
			next.self[c] += l.self[u]
			next.kout[c] += l.kout[u]
			next.kin[c] += l.kin[u]
			for e := l.start[u]; e < l.start[u+1]; e++ {
				d := group[l.adj[e]]
				if d == c {
					inside += l.w[e]
					continue
				}
				if s.weight[d] == 0 {
					s.touched = append(s.touched, d)
				}
				s.weight[d] += l.w[e]
			}
		}
		next.self[c] += inside / 2 // each inside link was met from both ends
		for _, d := range s.touched {
			next.adj = append(next.adj, d)
			next.w = append(next.w, s.weight[d])
		}
		s.clearGathered()
		next.start[c+1] = len(next.adj)
	}
	return next, nil
}

// groupMembers lists the nodes of each group, group c's being
// members[first[c]:first[c+1]], in increasing order.
func groupMembers(group []int32, k int) (members []int32, first []int) {
	first = make([]int, k+1)
	for _, c := range group {
		first[c+1]++
	}
	for c := range k {
		first[c+1] += first[c]
	}
	members = make([]int32, len(group))
	fill := slices.Clone(first[:k])
	for u, c := range group {
		members[fill[c]] = int32(u)
		fill[c]++
	}
	return members, first
}

// quality is Q of the partition labelling node u of l with label[u]
// (0..k-1): sum_c L_c/m - gamma K_c^out K_c^in / m^2.
func quality(l *level, label []int32, gamma float64) float64 {
	k := 0
	for _, c := range label {
		k = max(k, int(c)+1)
	}
	inside, out, in := make([]float64, k), make([]float64, k), make([]float64, k)
	for u, c := range label {
		inside[c] += l.self[u]
		out[c] += l.kout[u]
		in[c] += l.kin[u]
		for e := l.start[u]; e < l.start[u+1]; e++ {
			if label[l.adj[e]] == c {
				inside[c] += l.w[e] / 2 // met again from the other end
			}
		}
	}
	var q float64
	for c := range inside {
		q += inside[c]/l.m - gamma*(out[c]/l.m)*(in[c]/l.m)
	}
	return q
}

// splitDisconnected gives each connected part of a community (over the
// links of l, both ways) a label of its own, relabels 0..k-1 in order of
// first node and reports whether any community was split. Splitting a
// community whose parts share no link raises Q by gamma times the
// expected weight between them.
func splitDisconnected(l *level, label []int32) bool {
	n := l.nodes()
	part := make([]int32, n)
	for i := range part {
		part[i] = -1
	}
	seen := make([]bool, n)
	var queue []int32
	parts := int32(0)
	split := false
	for s := range int32(n) {
		if part[s] >= 0 {
			continue
		}
		if seen[label[s]] {
			split = true
		}
		seen[label[s]] = true
		part[s] = parts
		queue = append(queue[:0], s)
		for i := 0; i < len(queue); i++ {
			u := queue[i]
			for e := l.start[u]; e < l.start[u+1]; e++ {
				if v := l.adj[e]; part[v] < 0 && label[v] == label[u] {
					part[v] = parts
					queue = append(queue, v)
				}
			}
		}
		parts++
	}
	if split {
		copy(label, part)
	}
	return split
}

// rankCommunities numbers communities by size, largest first, ties by
// lowest node, as Louvain does.
func rankCommunities(labels []int32) Partition {
	k := 0
	for _, c := range labels {
		k = max(k, int(c)+1)
	}
	size, lowest := make([]int, k), make([]int, k)
	for i := range lowest {
		lowest[i] = len(labels)
	}
	for v, c := range labels {
		size[c]++
		lowest[c] = min(lowest[c], v)
	}
	order := make([]int, k)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(size[b], size[a]), cmp.Compare(lowest[a], lowest[b]))
	})
	rank := make([]int, k)
	p := Partition{Community: make([]int, len(labels)), Sizes: make([]int, k)}
	for r, c := range order {
		rank[c] = r
		p.Sizes[r] = size[c]
	}
	for v, c := range labels {
		p.Community[v] = rank[c]
	}
	return p
}
