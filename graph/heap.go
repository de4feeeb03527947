package graph

// minHeap is a binary heap of (node, distance) entries for Dijkstra's search,
// with lazy deletion: a node may be pushed again with a shorter distance and
// its stale entries are skipped when popped. Ties pop the lower node first so
// that the search order, and with it every float sum, is reproducible.
type minHeap struct {
	node []int32
	dist []float64
}

func (h *minHeap) len() int { return len(h.node) }

func (h *minHeap) reset() {
	h.node = h.node[:0]
	h.dist = h.dist[:0]
}

func (h *minHeap) less(i, j int) bool {
	if h.dist[i] != h.dist[j] {
		return h.dist[i] < h.dist[j]
	}
	return h.node[i] < h.node[j]
}

func (h *minHeap) swap(i, j int) {
	h.node[i], h.node[j] = h.node[j], h.node[i]
	h.dist[i], h.dist[j] = h.dist[j], h.dist[i]
}

func (h *minHeap) push(v int32, d float64) {
	h.node = append(h.node, v)
	h.dist = append(h.dist, d)
	for i := len(h.node) - 1; i > 0; {
		parent := (i - 1) / 2
		if !h.less(i, parent) {
			break
		}
		h.swap(i, parent)
		i = parent
	}
}

func (h *minHeap) pop() (int32, float64) {
	v, d := h.node[0], h.dist[0]
	last := len(h.node) - 1
	h.swap(0, last)
	h.node, h.dist = h.node[:last], h.dist[:last]
	for i := 0; ; {
		small, l, r := i, 2*i+1, 2*i+2
		if l < last && h.less(l, small) {
			small = l
		}
		if r < last && h.less(r, small) {
			small = r
		}
		if small == i {
			break
		}
		h.swap(i, small)
		i = small
	}
	return v, d
}
