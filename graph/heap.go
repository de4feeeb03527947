package graph

// distHeap is a 4-ary min-heap of nodes keyed by their tentative distance,
// with decrease-key, for Dijkstra's search. Each node is in the heap at most
// once, so a search does n pops rather than one per relaxation; the keys sit
// in the heap beside the nodes, so sifting compares neighbouring memory
// rather than looking each node's distance up; and the wider nodes halve the
// depth of a binary heap.
type distHeap struct {
	items []heapItem
	pos   []int32 // index of each node in items, -1 when absent
}

type heapItem struct {
	dist float64
	node int32
}

func newDistHeap(n int) distHeap {
	pos := make([]int32, n)
	for i := range pos {
		pos[i] = -1
	}
	return distHeap{items: make([]heapItem, 0, 64), pos: pos}
}

func (h *distHeap) len() int { return len(h.items) }

// update inserts v at distance d, or moves it up to its shorter distance d.
func (h *distHeap) update(v int32, d float64) {
	i := h.pos[v]
	if i < 0 {
		i = int32(len(h.items))
		h.items = append(h.items, heapItem{})
	}
	h.up(int(i), heapItem{d, v})
}

// pop removes and returns the nearest node.
func (h *distHeap) pop() int32 {
	top := h.items[0].node
	h.pos[top] = -1
	last := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	if len(h.items) > 0 {
		h.down(0, last)
	}
	return top
}

func (h *distHeap) up(i int, it heapItem) {
	for i > 0 {
		parent := (i - 1) / 4
		p := h.items[parent]
		if p.dist <= it.dist {
			break
		}
		h.items[i] = p
		h.pos[p.node] = int32(i)
		i = parent
	}
	h.items[i] = it
	h.pos[it.node] = int32(i)
}

func (h *distHeap) down(i int, it heapItem) {
	n := len(h.items)
	for {
		first := 4*i + 1
		if first >= n {
			break
		}
		best := first
		for c := first + 1; c < min(first+4, n); c++ {
			if h.items[c].dist < h.items[best].dist {
				best = c
			}
		}
		if h.items[best].dist >= it.dist {
			break
		}
		h.items[i] = h.items[best]
		h.pos[h.items[i].node] = int32(i)
		i = best
	}
	h.items[i] = it
	h.pos[it.node] = int32(i)
}
