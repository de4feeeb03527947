package graph

// bisectionOrder returns nodes (one connected component) in nested
// bisection order: the nodes are ordered breadth-first from a node far
// from the first (a pseudo-peripheral node, as in Gibbs, Poole and
// Stockmeyer 1976), cut in halves at the middle, and each half ordered the
// same way within itself, down to pieces of two nodes. Any run of
// consecutive nodes of the result then lies in a few pieces of the
// recursive cut, each compact (its nodes a few links apart), as a
// space-filling curve keeps nearby points together; a breadth-first order
// alone would give runs spread thinly along a level. Breadth-first searches
// are restricted to the piece being cut; nodes a piece's search does not
// reach (the piece may fall apart) follow in their previous order.
// O((n + m) log n).
func (g *Network) bisectionOrder(nodes []int32) []int32 {
	perm := append([]int32(nil), nodes...)
	piece := make([]int32, g.n) // the piece each node is in, +1; 0 outside nodes
	seen := make([]int32, g.n)  // search stamp
	queue := make([]int32, 0, len(nodes))
	stamp := int32(0)
	type span struct{ lo, hi int }
	stack := []span{{0, len(perm)}}
	id := int32(0)
	for len(stack) > 0 {
		sp := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if sp.hi-sp.lo <= 2 {
			continue
		}
		id++
		part := perm[sp.lo:sp.hi]
		for _, v := range part {
			piece[v] = id
		}
		search := func(start int32) []int32 {
			stamp++
			queue = append(queue[:0], start)
			seen[start] = stamp
			for k := 0; k < len(queue); k++ {
				adj, _ := g.out.neighbors(int(queue[k]))
				for _, v := range adj {
					if piece[v] == id && seen[v] != stamp {
						seen[v] = stamp
						queue = append(queue, v)
					}
				}
			}
			return queue
		}
		far := search(part[0])
		far = search(far[len(far)-1])
		for _, v := range part {
			if seen[v] != stamp {
				far = append(far, v)
			}
		}
		copy(part, far)
		mid := (sp.lo + sp.hi) / 2
		stack = append(stack, span{mid, sp.hi}, span{sp.lo, mid})
	}
	return perm
}
