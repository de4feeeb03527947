package spatial

// best keeps the k best items offered, in a heap whose root is the worst of
// them, so that a search can ask what a new item must beat. better orders
// items; a kNN search keeps the nearest, a gravity search the strongest.
type best[T any] struct {
	items  []T
	k      int
	better func(a, b T) bool
}

func (b *best[T]) reset(k int) {
	b.items, b.k = b.items[:0], k
}

func (b *best[T]) full() bool { return len(b.items) == b.k }

// worst returns the worst item kept; the heap must not be empty.
func (b *best[T]) worst() T { return b.items[0] }

// offer keeps x if fewer than k items are kept or x is better than the
// worst of them.
func (b *best[T]) offer(x T) {
	h := b.items
	if len(h) < b.k {
		h = append(h, x)
		for i := len(h) - 1; i > 0; { // sift up past better parents
			p := (i - 1) / 2
			if !b.better(h[p], h[i]) {
				break
			}
			h[p], h[i] = h[i], h[p]
			i = p
		}
		b.items = h
		return
	}
	if !b.better(x, h[0]) {
		return
	}
	h[0] = x
	for i := 0; ; { // sift down below worse children
		l, r, worst := 2*i+1, 2*i+2, i
		if l < len(h) && b.better(h[worst], h[l]) {
			worst = l
		}
		if r < len(h) && b.better(h[worst], h[r]) {
			worst = r
		}
		if worst == i {
			break
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
}
