package graph

import (
	"cmp"
	"context"
	"math"
	"runtime"
	"slices"

	"collab/internal/parallel"
)

// Connectedness is Krackhardt's connectedness ("Graph theoretical dimensions
// of informal organizations", 1994; R sna's connectedness, UCINET's
// Krackhardt GTD): the share of the n(n-1)/2 pairs of nodes joined by a path
// when direction is ignored, 1 - V/(n(n-1)/2) with V the pairs in different
// components. NaN for fewer than two nodes. O(n + m).
func (g *Network) Connectedness() float64 {
	if g.n < 2 {
		return math.NaN()
	}
	_, sizes := g.Components()
	var joined float64
	for _, s := range sizes {
		joined += float64(s) * float64(s-1) / 2
	}
	return joined / (float64(g.n) * float64(g.n-1) / 2)
}

// Hierarchy is Krackhardt's hierarchy (1994; R sna's hierarchy(measure =
// "krackhardt"), UCINET's Krackhardt GTD): the share of the pairs joined by
// a directed path one way or both that are joined one way only,
//
//	1 - (pairs reachable both ways) / (pairs reachable at least one way),
//
// so 0 when every tie is returned, directly or not, and 1 in a pure
// hierarchy. An undirected network with links has hierarchy 0. NaN when no
// pair is reachable.
//
// Pairs reachable both ways are those inside a strongly connected component
// (found by Kosaraju's algorithm, O(n + m)); pairs reachable one way only are
// counted by a search from every component over the acyclic network of
// components, in parallel: O(C (C + m)) time for C components, O(n + m)
// memory.
func (g *Network) Hierarchy(ctx context.Context) (float64, error) {
	label, count := g.strongComponents()
	size := make([]int64, count)
	for _, c := range label {
		size[c]++
	}
	var mutual int64
	for _, s := range size {
		mutual += s * (s - 1) / 2
	}
	dag := g.condensation(label, count)
	blocks := min(count, 4*runtime.GOMAXPROCS(0)) // integer sums: any split gives the same total
	oneWay := make([]int64, blocks)
	err := parallel.For(ctx, blocks, func(b int) {
		seen := make([]int, count) // the search (c+1) that last reached each component
		queue := make([]int32, 0, count)
		for c := b * count / blocks; c < (b+1)*count/blocks; c++ {
			if ctx.Err() != nil { // each search is O(n + m)
				return
			}
			seen[c] = c + 1
			queue = append(queue[:0], int32(c))
			var reached int64
			for k := 0; k < len(queue); k++ {
				from := queue[k]
				for _, d := range dag.adj[dag.start[from]:dag.start[from+1]] {
					if seen[d] != c+1 {
						seen[d] = c + 1
						reached += size[d]
						queue = append(queue, d)
					}
				}
			}
			oneWay[b] += size[c] * reached
		}
	})
	if err != nil {
		return 0, err
	}
	var asymmetric int64
	for _, x := range oneWay {
		asymmetric += x
	}
	if mutual+asymmetric == 0 {
		return math.NaN(), nil
	}
	return float64(asymmetric) / float64(mutual+asymmetric), nil
}

// strongComponents labels each node with its strongly connected component
// (Kosaraju: a depth-first search for the finishing order, then a search of
// the reversed links in reverse finishing order). Components are numbered in
// a topological order of the network of components: every link between two
// components runs from the lower label to the higher. O(n + m), without
// recursion.
func (g *Network) strongComponents() (label []int32, count int) {
	n := g.n
	finished := make([]int32, 0, n)
	visited := make([]bool, n)
	type frame struct {
		v    int32
		next int // position in v's out-row of the next link to follow
	}
	var stack []frame
	for s := 0; s < n; s++ {
		if visited[s] {
			continue
		}
		visited[s] = true
		stack = append(stack[:0], frame{int32(s), g.out.start[s]})
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next < g.out.start[top.v+1] {
				v := g.out.adj[top.next]
				top.next++
				if !visited[v] {
					visited[v] = true
					stack = append(stack, frame{v, g.out.start[v]})
				}
				continue
			}
			finished = append(finished, top.v)
			stack = stack[:len(stack)-1]
		}
	}
	label = make([]int32, n)
	for i := range label {
		label[i] = -1
	}
	queue := make([]int32, 0, n)
	for k := n - 1; k >= 0; k-- {
		s := finished[k]
		if label[s] >= 0 {
			continue
		}
		c := int32(count)
		count++
		label[s] = c
		queue = append(queue[:0], s)
		for i := 0; i < len(queue); i++ {
			adj, _ := g.in.neighbors(int(queue[i]))
			for _, v := range adj {
				if label[v] < 0 {
					label[v] = c
					queue = append(queue, v)
				}
			}
		}
	}
	return label, count
}

// condensation returns the links between components as rows (without
// weights), each distinct pair of components once.
func (g *Network) condensation(label []int32, count int) rows {
	var pairs [][2]int32
	for u := 0; u < g.n; u++ {
		adj, _ := g.out.neighbors(u)
		for _, v := range adj {
			if label[u] != label[v] {
				pairs = append(pairs, [2]int32{label[u], label[v]})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b [2]int32) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	pairs = slices.Compact(pairs)
	r := rows{start: make([]int, count+1), adj: make([]int32, len(pairs))}
	for k, p := range pairs {
		r.start[p[0]+1]++
		r.adj[k] = p[1]
	}
	for c := 0; c < count; c++ {
		r.start[c+1] += r.start[c]
	}
	return r
}
