package graph

import "math"

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

// heapItem holds a node and its distance as math.Float64bits: distances are
// never negative, and the bits of non-negative floats order as the floats
// do, so keys compare as integers, and down picks the nearest child by
// integer arithmetic rather than by branches.
type heapItem struct {
	key  uint64
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

// update inserts v at distance d >= 0, or moves it up to its shorter
// distance d.
func (h *distHeap) update(v int32, d float64) {
	i := h.pos[v]
	if i < 0 {
		i = int32(len(h.items))
		h.items = append(h.items, heapItem{})
	}
	h.up(int(i), heapItem{math.Float64bits(d), v})
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
		if p.key <= it.key {
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
	items := h.items
	n := len(items)
	for {
		first := 4*i + 1
		if first >= n {
			break
		}
		kids := items[first:min(first+4, n)]
		best := 0
		if len(kids) == 4 {
			// A tournament decided by arithmetic, not by branches that the
			// processor would mispredict half the time: keys are below
			// 2^63, so x - y wraps past 2^63 exactly when x < y.
			a := int((kids[1].key - kids[0].key) >> 63)
			b := 2 + int((kids[3].key-kids[2].key)>>63)
			best = a ^ (a^b)&-int((kids[b].key-kids[a].key)>>63)
		} else {
			for c := 1; c < len(kids); c++ {
				if kids[c].key < kids[best].key {
					best = c
				}
			}
		}
		if kids[best].key >= it.key {
			break
		}
		items[i] = kids[best]
		h.pos[kids[best].node] = int32(i)
		i = first + best
	}
	items[i] = it
	h.pos[it.node] = int32(i)
}
