package graph

import (
	"context"
	"math"
	"runtime"

	"collab/internal/parallel"
)

// PathCentrality holds the measures computed from all shortest paths, with
// link length 1/weight.
type PathCentrality struct {
	// Betweenness is the share of shortest paths between other pairs that
	// pass through each node, normalised as NetworkX does by default:
	// divided by (n-1)(n-2)/2 pairs when undirected, (n-1)(n-2) when directed.
	Betweenness []float64
	// Closeness is Wasserman and Faust's closeness, NetworkX's default:
	// ((r-1)/(n-1)) (r-1)/sum_v d(v,u) over the r-1 nodes that reach u; 0
	// when none does.
	Closeness []float64
	// Harmonic is sum_{v != u} 1/d(v,u) over the nodes that reach u
	// (NetworkX's harmonic_centrality, unnormalised).
	Harmonic []float64
	// Sampled is the number of sources the measures were estimated from,
	// 0 when every node was a source (exact values).
	Sampled int
	// BetweennessSE is the standard error of each estimated betweenness
	// (nil when exact).
	BetweennessSE []float64
	// Lengths summarises the same searches' path lengths (1/weight) as
	// EstimatePathSummary would from the same sources: AverageLength,
	// DiameterLength, WeightedEfficiency and their standard errors, at no
	// further search; its hop measures are left nil and 0 (see
	// EstimateHopSummary).
	Lengths PathSummary
}

// PathOptions tune ShortestPaths. The zero value computes exact values.
type PathOptions struct {
	// Sample, when between 1 and n-1 on an undirected network, estimates
	// the measures from Sample sources instead of all n (see ShortestPaths).
	Sample int
	// Seed draws the sample; the same seed gives the same sources.
	Seed uint64
	// Progress, when set, is called from one goroutine as blocks of
	// sources finish, with the number of sources done and the total.
	Progress func(done, total int)
}

// tieTolerance is the relative difference under which two path lengths are
// taken as equal, so that float rounding does not split tied shortest paths
// (igraph uses the same rule; NetworkX compares exactly, which agrees
// whenever lengths are exact, as with integer lengths).
const tieTolerance = 1e-10

// chunkCount splits the sources into this many fixed blocks. Each block's
// sums are added to the totals in block order, so the result is the same
// bit for bit whatever the number of cores.
const chunkCount = 256

// ShortestPaths computes betweenness, closeness and harmonic closeness in one
// pass: a Dijkstra search from every source (Brandes 2001), run in parallel
// over sources on all cores. On a directed network closeness and harmonic
// closeness use the distances into each node, as NetworkX's do, so the
// searches follow links backward; betweenness is the same either way (a
// shortest path from s to t through v is one from t to s backward).
// Time O(n m log n), memory O(n + m) per core.
//
// With o.Sample = K on an undirected network, K sources are drawn (Brandes
// and Pich, "Centrality estimation in large networks", Int. J. Bifurcation
// and Chaos 17, 2007, sample sources uniformly; here they are stratified):
// each connected component gets a share in proportion to its size (at
// least 10, or all of a smaller one); a component of c nodes given K_c < c
// sources is cut into H = floor(K_c/2) strata of consecutive nodes in a
// nested bisection of its locality order (compact pieces of the network),
// of sizes N_h differing by at most one, and n_h = 2 sources are drawn from
// each without replacement (3 from the last when K_c is odd). With y_s(v)
// the dependency of source s on v (Brandes 2001), v's betweenness total is
// estimated by the stratified estimator
//
//	T(v) = sum_h (N_h/n_h) sum_{s in h} y_s(v),
//
// unbiased, with standard error sqrt(sum_h N_h^2 (1 - n_h/N_h) s_h^2/n_h),
// s_h^2 the sample variance of y(v) over stratum h's sources (Cochran,
// "Sampling Techniques", 3rd ed., 1977, eqs. 5.1, 5.10). Sources in the
// same piece of the network see its hubs alike, so the strata remove most
// of the variation between sources that simple random sampling leaves: on
// regional networks of 5,000 to 20,000 nodes the ten most central nodes'
// standard errors are 2.5 to 2.8 times smaller than from as many sources
// drawn at random, and cover the exact values as stated (95% within 1.96
// standard errors; docs/PERFORMANCE.md). The standard error is honest when
// a node's betweenness is spread over many sources; a node that owes much
// of it to a few (the neighbour of a chain of pendant nodes) can be missed
// in a way no sample variance shows. Closeness and harmonic closeness come
// from the mean distance to the sampled sources, each weighted N_h/n_h,
// times the c-1 other nodes of the component (Eppstein and Wang 2004).
// The same seed gives the same sources and the same bits on any number of
// cores. Time O(K m log n).
func (g *Network) ShortestPaths(ctx context.Context, o PathOptions) (PathCentrality, error) {
	n := g.n
	pc := PathCentrality{Betweenness: make([]float64, n), Closeness: make([]float64, n), Harmonic: make([]float64, n)}
	if n == 0 {
		return pc, nil
	}
	// The searches run on a copy numbered for locality; the results are
	// put back in the caller's numbering.
	order := g.localityOrder()
	local := g.renumbered(order)
	plan := local.planSources(o)
	member := local.largestComponent()
	t, per, err := local.tallyPaths(ctx, plan, o, member)
	if err != nil {
		return pc, err
	}
	pc.Lengths = plan.summary(per, member, false, true)
	est := PathCentrality{Betweenness: t.dependency, Closeness: t.closeness, Harmonic: t.harmonic}
	if plan.sampled {
		pc.Sampled = len(plan.sources)
		est = PathCentrality{Betweenness: make([]float64, n), Closeness: make([]float64, n), Harmonic: make([]float64, n), BetweennessSE: make([]float64, n)}
		plan.estimate(&est, t)
		pc.BetweennessSE = make([]float64, n)
	}
	for k, v := range order {
		pc.Betweenness[v], pc.Closeness[v], pc.Harmonic[v] = est.Betweenness[k], est.Closeness[k], est.Harmonic[k]
		if plan.sampled {
			pc.BetweennessSE[v] = est.BetweennessSE[k]
		}
	}
	if n > 2 {
		scale := 1 / (float64(n-1) * float64(n-2))
		for v := range pc.Betweenness {
			pc.Betweenness[v] *= scale
			if pc.BetweennessSE != nil {
				pc.BetweennessSE[v] *= scale
			}
		}
	}
	return pc, nil
}

// tally is what the searches from a block of sources add up, per node.
// Exact runs fill dependency, and closeness and harmonic per source; sampled
// runs fill the estimated dependency totals and their variances, and the
// distance sums from the sources, each source weighted by the nodes it
// stands for.
type tally struct {
	dependency, variance []float64
	closeness, harmonic  []float64 // exact: of each source
	distance, inverse    []float64 // sampled: weighted sums over the sources reaching each node
	reached              []float64 // sampled: the weight of those sources
}

func newTally(n int, sampled bool) *tally {
	t := &tally{dependency: make([]float64, n)}
	if sampled {
		t.variance, t.distance, t.inverse, t.reached = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	}
	return t
}

func (t *tally) clear() {
	clear(t.dependency)
	clear(t.variance)
	clear(t.distance)
	clear(t.inverse)
	clear(t.reached)
}

// add adds block b's sums into t (the totals).
func (t *tally) add(b *tally) {
	for v, x := range b.dependency {
		t.dependency[v] += x
	}
	for v, x := range b.variance {
		t.variance[v] += x
		t.distance[v] += b.distance[v]
		t.inverse[v] += b.inverse[v]
		t.reached[v] += b.reached[v]
	}
}

// tallyPaths runs the searches from plan's sources in fixed blocks on all
// cores and adds the blocks' sums in block order (parallel.Blocks). A
// sampled pass cuts its blocks between strata, so that each stratum's
// sources are searched together and its variance found from them.
func (g *Network) tallyPaths(ctx context.Context, plan sourcePlan, o PathOptions, member []bool) (*tally, []sourcePaths, error) {
	n, sources := g.n, plan.sources
	per := make([]sourcePaths, len(sources)) // each source's path lengths
	total := newTally(n, plan.sampled)
	if !plan.sampled {
		total.closeness, total.harmonic = make([]float64, n), make([]float64, n)
	}
	units := len(sources) // sources, or strata when sampled
	if plan.sampled {
		units = len(plan.strata)
	}
	chunks := min(chunkCount, units)
	block := func(b int) (lo, hi int) { return b * units / chunks, (b + 1) * units / chunks }
	searched := func(b int) int { // sources in block b
		lo, hi := block(b)
		if plan.sampled {
			return plan.strata[hi-1].first + plan.strata[hi-1].picked - plan.strata[lo].first
		}
		return hi - lo
	}
	searches := make(chan *search, runtime.GOMAXPROCS(0))
	finished := 0
	err := parallel.Blocks(ctx, chunks, func() *tally { return newTally(n, plan.sampled) },
		func(b int, t *tally) {
			var w *search
			select {
			case w = <-searches:
			default:
				w = newSearch(g)
			}
			t.clear()
			lo, hi := block(b)
			for u := lo; u < hi && ctx.Err() == nil; u++ { // once done, the whole tally is discarded
				if plan.sampled {
					w.searchStratum(plan.strata[u], sources, t, per, member)
					continue
				}
				s := int(sources[u])
				w.run(s)
				per[u] = w.lengths(s, member)
				w.accumulate(s, t)
				total.closeness[s], total.harmonic[s] = w.closeness()
			}
			searches <- w
		},
		func(b int, t *tally) {
			total.add(t)
			finished += searched(b)
			if o.Progress != nil {
				o.Progress(finished, len(sources))
			}
		})
	if err != nil {
		return nil, nil, err
	}
	return total, per, nil
}

// search is one worker's state for single-source shortest paths: per node
// its distance, in an array of its own because every link relaxed reads it
// (a quarter of the memory of the whole state, so more of it stays in the
// nearest cache), and Brandes' sigma (path count) and delta (dependency)
// side by side, read only for paths as short as or shorter than the best
// known; the predecessor lists, stored in the slots of each node's links
// back; and the order in which nodes were settled.
type search struct {
	g         *Network
	fwd, back *rows
	dist      []float64
	state     []nodeState
	pred      []int32
	order     []int32
	queue     distHeap
	// sum and square gather a stratum's dependencies (sampled passes).
	sum, square []float64
}

type nodeState struct {
	sigma, delta float64
	preds        int32
	settled      bool
}

func newSearch(g *Network) *search {
	n := g.n
	w := &search{
		g:     g,
		fwd:   &g.in, // into each node; the same rows as g.out when undirected
		back:  &g.out,
		dist:  make([]float64, n),
		state: make([]nodeState, n),
		pred:  make([]int32, len(g.out.adj)),
		order: make([]int32, 0, n),
		queue: newDistHeap(n),
	}
	for i := range w.dist {
		w.dist[i] = math.Inf(1)
	}
	return w
}

// run finds the shortest paths from s along fwd (into s, when directed). It
// resets only what the previous run touched: every node given a distance
// was also settled, so is in order.
func (w *search) run(s int) {
	for _, v := range w.order {
		w.dist[v] = math.Inf(1)
		w.state[v] = nodeState{}
	}
	w.order = w.order[:0]
	w.dist[s] = 0
	w.state[s].sigma = 1
	w.queue.update(int32(s), 0)
	for w.queue.len() > 0 {
		u := w.queue.pop()
		su := &w.state[u]
		su.settled = true
		d, sigma := w.dist[u], su.sigma
		w.order = append(w.order, u)
		lo, hi := w.fwd.start[u], w.fwd.start[u+1]
		adj, length := w.fwd.adj[lo:hi], w.fwd.length[lo:hi]
		length = length[:len(adj)] // one bounds check for the loop
		for k, v := range adj {
			nd := d + length[k]
			cur := w.dist[v]
			if nd > cur+tieTolerance*cur {
				continue // longer: the common case, settled nodes included
			}
			sv := &w.state[v]
			if !(nd >= cur-tieTolerance*cur) { // shorter, or first reached (cur = +Inf makes the bound NaN)
				w.dist[v], sv.sigma, sv.preds = nd, sigma, 1
				w.pred[w.back.start[v]] = u
				w.queue.update(v, nd)
				continue
			}
			if sv.settled {
				continue // settled before u, so no farther than u: it can only tie, over a link of next to no length
			}
			// as long, within the tolerance: another shortest path
			sv.sigma += sigma
			w.pred[w.back.start[v]+int(sv.preds)] = u
			sv.preds++
		}
	}
}

// accumulate adds the dependencies of source s on every other node to t.
func (w *search) accumulate(s int, t *tally) {
	w.dependencies()
	for _, v := range w.order {
		if int(v) != s {
			t.dependency[v] += w.state[v].delta
		}
	}
}

// searchStratum searches from each of stratum h's sources, sums their
// dependencies and squares per node, and adds to t the stratum's estimated
// total N_h ybar_h and its variance N_h^2 (1 - n_h/N_h) s_h^2 / n_h, with
// s_h^2 = (sum y^2 - n_h ybar_h^2) / (n_h - 1) (Cochran 1977, sec. 5.3), and
// the distances from the sources weighted by N_h/n_h.
func (w *search) searchStratum(h stratum, sources []int32, t *tally, per []sourcePaths, member []bool) {
	if w.sum == nil {
		w.sum, w.square = make([]float64, w.g.n), make([]float64, w.g.n)
	}
	weight := h.weight()
	for i := h.first; i < h.first+h.picked; i++ {
		s := int(sources[i])
		w.run(s)
		per[i] = w.lengths(s, member)
		w.dependencies()
		for _, v := range w.order[1:] {
			delta, d := w.state[v].delta, w.dist[v]
			w.sum[v] += delta
			w.square[v] += delta * delta
			t.distance[v] += weight * d
			t.inverse[v] += weight / d
			t.reached[v] += weight
		}
	}
	// Every source of the stratum reaches the same nodes, its component's
	// (the last search's order), as the network is undirected.
	k, factor := float64(h.picked), h.varianceFactor()
	for _, v := range w.order {
		sum, square := w.sum[v], w.square[v]
		t.dependency[v] += weight * sum
		if h.picked > 1 {
			t.variance[v] += factor * max(0, (square-sum*sum/k)/(k-1))
		}
		w.sum[v], w.square[v] = 0, 0
	}
}

// dependencies leaves in state[v].delta the dependency of the last source
// searched on each node v it reached (Brandes 2001), visiting them from the
// farthest back (Brandes' stack order).
func (w *search) dependencies() {
	for k := len(w.order) - 1; k >= 0; k-- {
		v := w.order[k]
		sv := &w.state[v]
		coeff := (1 + sv.delta) / sv.sigma
		base := w.back.start[v]
		for _, u := range w.pred[base : base+int(sv.preds)] {
			su := &w.state[u]
			su.delta += su.sigma * coeff
		}
	}
}

// closeness returns the Wasserman-Faust closeness and the harmonic
// closeness of the last source searched.
func (w *search) closeness() (closeness, harmonic float64) {
	var total float64
	for _, v := range w.order[1:] {
		total += w.dist[v]
		harmonic += 1 / w.dist[v]
	}
	reached := float64(len(w.order) - 1)
	if total > 0 && w.g.n > 1 {
		closeness = reached / total * reached / float64(w.g.n-1)
	}
	return closeness, harmonic
}
