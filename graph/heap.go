package graph

// distHeap is a 4-ary min-heap of nodes keyed by their tentative distance,
// with decrease-key, for Dijkstra's search: each node is in the heap at
// most once, so a search does n pops rather than one per relaxation, and
// the wider nodes halve the depth of a binary heap.
type distHeap struct {
	nodes []int32
	pos   []int32   // index of each node in nodes, -1 when absent
	dist  []float64 // the search's distances, read as keys
}

func newDistHeap(dist []float64) distHeap {
	pos := make([]int32, len(dist))
	for i := range pos {
		pos[i] = -1
	}
	return distHeap{nodes: make([]int32, 0, 64), pos: pos, dist: dist}
}

func (h *distHeap) len() int { return len(h.nodes) }

// update inserts v, or moves it up after its distance decreased.
func (h *distHeap) update(v int32) {
	i := h.pos[v]
	if i < 0 {
		i = int32(len(h.nodes))
		h.nodes = append(h.nodes, v)
	}
	h.up(int(i), v)
}

// pop removes and returns the nearest node.
func (h *distHeap) pop() int32 {
	top := h.nodes[0]
	h.pos[top] = -1
	last := h.nodes[len(h.nodes)-1]
	h.nodes = h.nodes[:len(h.nodes)-1]
	if len(h.nodes) > 0 {
		h.down(0, last)
	}
	return top
}

func (h *distHeap) up(i int, v int32) {
	d := h.dist[v]
	for i > 0 {
		parent := (i - 1) / 4
		p := h.nodes[parent]
		if h.dist[p] <= d {
			break
		}
		h.nodes[i] = p
		h.pos[p] = int32(i)
		i = parent
	}
	h.nodes[i] = v
	h.pos[v] = int32(i)
}

func (h *distHeap) down(i int, v int32) {
	d := h.dist[v]
	n := len(h.nodes)
	for {
		first := 4*i + 1
		if first >= n {
			break
		}
		best, bestDist := first, h.dist[h.nodes[first]]
		for c := first + 1; c < min(first+4, n); c++ {
			if cd := h.dist[h.nodes[c]]; cd < bestDist {
				best, bestDist = c, cd
			}
		}
		if bestDist >= d {
			break
		}
		h.nodes[i] = h.nodes[best]
		h.pos[h.nodes[i]] = int32(i)
		i = best
	}
	h.nodes[i] = v
	h.pos[v] = int32(i)
}
