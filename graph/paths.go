package graph

import (
	"math"
	"runtime"
	"sync"
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
}

// tieTolerance is the relative difference under which two path lengths are
// taken as equal, so that float rounding does not split tied shortest paths
// (igraph uses the same rule; NetworkX compares exactly, which agrees
// whenever lengths are exact, as with integer lengths).
const tieTolerance = 1e-10

// chunkCount splits the sources into this many fixed blocks. Each block's
// betweenness is summed into the total in block order, so the result is the
// same bit for bit whatever the number of cores.
const chunkCount = 256

// ShortestPaths computes betweenness, closeness and harmonic closeness in one
// pass: a Dijkstra search from every source (Brandes 2001), run in parallel
// over sources on all cores. On a directed network closeness and harmonic
// closeness use the distances into each node, as NetworkX's do, so the
// searches follow links backward; betweenness is the same either way (a
// shortest path from s to t through v is one from t to s backward).
// Time O(n m log n), memory O(n + m) per core.
func (g *Network) ShortestPaths() PathCentrality {
	n := g.n
	pc := PathCentrality{
		Betweenness: make([]float64, n),
		Closeness:   make([]float64, n),
		Harmonic:    make([]float64, n),
	}
	if n == 0 {
		return pc
	}
	chunks := min(chunkCount, n)
	workers := min(runtime.GOMAXPROCS(0), chunks)
	type job struct {
		chunk   int
		partial []float64
	}
	// The dispatcher hands out chunks in order, each with a buffer taken from
	// a pool of 2*workers; the merger returns a buffer after adding it to the
	// total in chunk order. Chunk k always gets its buffer before chunk k+1,
	// so the merger never waits on a chunk that cannot start.
	free := make(chan []float64, 2*workers)
	for range 2 * workers {
		free <- make([]float64, n)
	}
	jobs := make(chan job)
	done := make(chan job, 2*workers)
	go func() {
		for c := range chunks {
			jobs <- job{chunk: c, partial: <-free}
		}
		close(jobs)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newSearch(g)
			for j := range jobs {
				clear(j.partial)
				for s := j.chunk * n / chunks; s < (j.chunk+1)*n/chunks; s++ {
					w.run(s)
					w.accumulate(s, j.partial)
					pc.Closeness[s], pc.Harmonic[s] = w.closeness()
				}
				done <- j
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	pending := map[int][]float64{}
	for next := 0; next < chunks; {
		j, ok := <-done
		if !ok {
			break
		}
		pending[j.chunk] = j.partial
		for p, ok := pending[next]; ok; p, ok = pending[next] {
			for v, x := range p {
				pc.Betweenness[v] += x
			}
			delete(pending, next)
			free <- p
			next++
		}
	}
	if n > 2 {
		scale := 1 / (float64(n-1) * float64(n-2))
		for v := range pc.Betweenness {
			pc.Betweenness[v] *= scale
		}
	}
	return pc
}

// search is one worker's state for single-source shortest paths: Brandes'
// sigma (path counts), delta (dependencies), predecessor lists stored in the
// slots of each node's links back, and the order in which nodes were settled.
// It follows the links of fwd; back holds the same links reversed.
type search struct {
	g         *Network
	fwd, back *rows
	dist      []float64
	sigma     []float64
	delta     []float64
	settled   []bool
	predCount []int32
	pred      []int32
	order     []int32
	queue     distHeap
}

func newSearch(g *Network) *search {
	n := g.n
	w := &search{
		g:         g,
		fwd:       &g.in, // into each node; the same rows as g.out when undirected
		back:      &g.out,
		dist:      make([]float64, n),
		sigma:     make([]float64, n),
		delta:     make([]float64, n),
		settled:   make([]bool, n),
		predCount: make([]int32, n),
		pred:      make([]int32, len(g.out.adj)),
		order:     make([]int32, 0, n),
	}
	for i := range w.dist {
		w.dist[i] = math.Inf(1)
	}
	w.queue = newDistHeap(w.dist)
	return w
}

// run finds the shortest paths from s along fwd (into s, when directed). It
// resets only what the previous run touched: every node given a distance
// was also settled, so is in order.
func (w *search) run(s int) {
	for _, v := range w.order {
		w.dist[v] = math.Inf(1)
		w.sigma[v] = 0
		w.delta[v] = 0
		w.settled[v] = false
		w.predCount[v] = 0
	}
	w.order = w.order[:0]
	w.dist[s] = 0
	w.sigma[s] = 1
	w.queue.update(int32(s))
	for w.queue.len() > 0 {
		u := w.queue.pop()
		d := w.dist[u]
		w.settled[u] = true
		w.order = append(w.order, u)
		lo, hi := w.fwd.start[u], w.fwd.start[u+1]
		for k, v := range w.fwd.adj[lo:hi] {
			if w.settled[v] {
				continue
			}
			nd := d + w.fwd.length[lo+k]
			switch cur := w.dist[v]; {
			case sameLength(nd, cur):
				w.sigma[v] += w.sigma[u]
				w.pred[w.back.start[v]+int(w.predCount[v])] = u
				w.predCount[v]++
			case nd < cur:
				w.dist[v] = nd
				w.sigma[v] = w.sigma[u]
				w.pred[w.back.start[v]] = u
				w.predCount[v] = 1
				w.queue.update(v)
			}
		}
	}
}

func sameLength(a, b float64) bool {
	if math.IsInf(b, 1) {
		return false // b is not reached yet
	}
	return math.Abs(a-b) <= tieTolerance*max(math.Abs(a), math.Abs(b))
}

// accumulate adds the dependencies of source s on every other node to
// partial, visiting nodes from the farthest back to s (Brandes' stack order).
func (w *search) accumulate(s int, partial []float64) {
	for k := len(w.order) - 1; k >= 0; k-- {
		v := w.order[k]
		coeff := (1 + w.delta[v]) / w.sigma[v]
		base := w.back.start[v]
		for _, u := range w.pred[base : base+int(w.predCount[v])] {
			w.delta[u] += w.sigma[u] * coeff
		}
		if int(v) != s {
			partial[v] += w.delta[v]
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
