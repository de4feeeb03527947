package graph

import (
	"context"
	"slices"

	"collab/internal/crossprod"
	"collab/internal/parallel"
)

// stack is the stacked adjacency [A; A'] over the m linked nodes, by its
// nonzeros, with each node's column sums: what the first correlations of
// any block need.
type stack struct {
	m       int
	out, in csr       // A by rows and by columns (the rows of A')
	sum, sq []float64 // sum_i (A_ij + A_ji) and of the squares, over i in order
	dense   bool      // the cross-products cost less by a dense product
}

// csr is a compressed sparse row matrix.
type csr struct {
	start []int
	col   []int32
	val   []float64
}

// denseCrossFactor is how many times faster a multiply-add of the dense
// cross-product runs than one of the sparse walk (an indexed update of a
// row): measured at 2,000 cities, 25 10^9 against about 10^9 a second.
const denseCrossFactor = 16

func (g *Network) newStack(linked []int, binary bool) *stack {
	m := len(linked)
	s := &stack{m: m, sum: make([]float64, m), sq: make([]float64, m)}
	s.out, s.in = g.linkedAdjacency(linked, binary)
	// sum_j = sum_i (A_ij + A_ji) over i in order: the merge of column j
	// of A (row j of A') and row j of A.
	for j := range m {
		mergeCSRRows(s.in, s.out, j, func(_ int32, aij, aji float64) {
			s.sum[j] += aij + aji
			s.sq[j] += aij*aij + aji*aji
		})
	}
	// The sparse walk costs the sum of the squared degrees; the dense
	// product 2m g^2/2 for a block of g, at most m^3.
	pairs := 0.0
	for _, rows := range []csr{s.out, s.in} {
		for r := range m {
			d := float64(rows.start[r+1] - rows.start[r])
			pairs += d * d
		}
	}
	s.dense = denseCrossFactor*pairs > float64(m)*float64(m)*float64(m)
	return s
}

// correlations sets x (g x g, row-major) to the pairwise-complete
// correlations of the columns of [A; A'] for the nodes of block b
// (positions among the linked nodes). Column j's missing cells are rows j and m+j, so the
// pair (i, j) runs over the 2m-4 rows other than i, j, m+i and m+j; with
// the missing cells read as 0, its cross-product is C_ij = (A'A + AA')_ij,
// and its sums are column j's sums less A_ij and A_ji. C comes from A's
// nonzeros, a row at a time (O(n k^2) for degree k), or on a dense network
// from the dense product of the block's stacked columns.
func (s *stack) correlations(ctx context.Context, x []float64, b []int) error {
	gsize, m := len(b), s.m
	rows := float64(2*m - 4)
	pos := make([]int32, m) // a node's place in the block, -1 outside
	for i := range pos {
		pos[i] = -1
	}
	for r, p := range b {
		pos[p] = int32(r)
	}
	var cross []float64 // the block's C, when dense
	if s.dense && rows >= 2 {
		var err error
		if cross, err = s.blockCross(ctx, pos, gsize); err != nil {
			return err
		}
	}
	pair := func(r, c int, cross, aij, aji float64) {
		i, j := b[r], b[c]
		si, sj := s.sum[i]-aij-aji, s.sum[j]-aij-aji
		qi, qj := s.sq[i]-aij*aij-aji*aji, s.sq[j]-aij*aij-aji*aji
		x[r*gsize+c] = correlation(cross-si*sj/rows, qi-si*si/rows, qj-sj*sj/rows)
	}
	// correlate fills row r left of the diagonal: every pair as unlinked,
	// then the linked pairs, whose sums lose their own cells.
	correlate := func(r int, crossAt func(c int) float64) {
		for c := range r {
			pair(r, c, crossAt(c), 0, 0)
		}
		// Row i of A holds A_ij, row i of A' A_ji.
		mergeCSRRows(s.out, s.in, b[r], func(j int32, aij, aji float64) {
			if c := int(pos[j]); c >= 0 && c < r {
				pair(r, c, crossAt(c), aij, aji)
			}
		})
		x[r*gsize+r] = 1
	}
	const band = 64
	err := parallel.For(ctx, (gsize+band-1)/band, func(bd int) {
		acc := make([]float64, m) // row i of C, over the linked nodes
		for r := bd * band; r < min(gsize, bd*band+band); r++ {
			if rows < 2 { // no two complete rows: no correlation
				x[r*gsize+r] = 1
				continue
			}
			if cross != nil {
				correlate(r, func(c int) float64 { return cross[c*gsize+r] })
				continue
			}
			touched := s.crossRow(acc, b[r])
			correlate(r, func(c int) float64 { return acc[b[c]] })
			for _, j := range touched {
				acc[j] = 0
			}
		}
	})
	if err != nil {
		return err
	}
	return aboveDiagonal(ctx, gsize, func(i, lo, hi int) { // the lower triangle above
		for j := lo; j < hi; j++ {
			x[i*gsize+j] = x[j*gsize+i]
		}
	})
}

// crossRow adds row i of C = A'A + AA' into acc (zero on entry) and
// returns the columns it touched. Each entry's terms come in the order of
// the rows r: (A'A)_ij = sum_r A_ri A_rj over the rows r of column i of
// A, then (AA')_ij = sum_r A_ir A_jr over the columns r of row i.
func (s *stack) crossRow(acc []float64, i int) []int32 {
	var touched []int32
	for _, part := range [2]struct{ by, along csr }{{s.in, s.out}, {s.out, s.in}} {
		for k := part.by.start[i]; k < part.by.start[i+1]; k++ {
			r, w := part.by.col[k], part.by.val[k]
			for l := part.along.start[r]; l < part.along.start[r+1]; l++ {
				j := part.along.col[l]
				if acc[j] == 0 {
					touched = append(touched, j)
				}
				acc[j] += w * part.along.val[l]
			}
		}
	}
	return touched
}

// blockCross returns the upper triangle of C restricted to the block of
// g nodes whose places pos gives (g x g) as X'X, X the block's columns of
// [A; A'] held densely (2m x g).
func (s *stack) blockCross(ctx context.Context, pos []int32, gsize int) ([]float64, error) {
	m := s.m
	x := make([]float64, 2*m*gsize)
	for half, rows := range []csr{s.out, s.in} {
		for r := range m {
			row := x[(half*m+r)*gsize : (half*m+r+1)*gsize]
			for k := rows.start[r]; k < rows.start[r+1]; k++ {
				if c := pos[rows.col[k]]; c >= 0 {
					row[c] = rows.val[k]
				}
			}
		}
	}
	cross := make([]float64, gsize*gsize)
	var work crossprod.Workspace
	if err := work.Upper(ctx, cross, x, 2*m, gsize); err != nil {
		return nil, err
	}
	return cross, nil
}

// linkedAdjacency returns A among the linked nodes (link weights, or 1
// with binary), by rows and by columns (the rows of A'), each row's
// columns in order.
func (g *Network) linkedAdjacency(linked []int, binary bool) (out, in csr) {
	m := len(linked)
	local := make([]int32, g.n)
	for k, v := range linked {
		local[v] = int32(k)
	}
	weight := func(e Edge) float64 {
		if binary {
			return 1
		}
		return e.Weight
	}
	// A's rows in link order by a counting sort, then transposed twice:
	// each transposition lists a row's columns in order.
	raw := csr{start: make([]int, m+1)}
	for _, e := range g.edges {
		if weight(e) != 0 {
			raw.start[local[e.From]+1]++
			if !g.directed {
				raw.start[local[e.To]+1]++
			}
		}
	}
	for i := range m {
		raw.start[i+1] += raw.start[i]
	}
	raw.col, raw.val = make([]int32, raw.start[m]), make([]float64, raw.start[m])
	next := slices.Clone(raw.start[:m])
	put := func(i, j int32, w float64) {
		raw.col[next[i]], raw.val[next[i]] = j, w
		next[i]++
	}
	for _, e := range g.edges {
		if w := weight(e); w != 0 {
			put(local[e.From], local[e.To], w)
			if !g.directed {
				put(local[e.To], local[e.From], w)
			}
		}
	}
	in = raw.transpose()
	return in.transpose(), in
}

// transpose returns c' (c square), each row's columns in order.
func (c csr) transpose() csr {
	m := len(c.start) - 1
	t := csr{start: make([]int, m+1), col: make([]int32, len(c.col)), val: make([]float64, len(c.val))}
	for _, j := range c.col {
		t.start[j+1]++
	}
	for i := range m {
		t.start[i+1] += t.start[i]
	}
	next := slices.Clone(t.start[:m])
	for i := range m {
		for k := c.start[i]; k < c.start[i+1]; k++ {
			j := c.col[k]
			t.col[next[j]], t.val[next[j]] = int32(i), c.val[k]
			next[j]++
		}
	}
	return t
}

// mergeCSRRows calls f(j, x, y) for every column j where row i of a or of
// b has an entry, in column order, with the two entries (0 where absent).
func mergeCSRRows(a, b csr, i int, f func(j int32, x, y float64)) {
	p, q := a.start[i], b.start[i]
	pEnd, qEnd := a.start[i+1], b.start[i+1]
	for p < pEnd || q < qEnd {
		switch {
		case q == qEnd || (p < pEnd && a.col[p] < b.col[q]):
			f(a.col[p], a.val[p], 0)
			p++
		case p == pEnd || b.col[q] < a.col[p]:
			f(b.col[q], 0, b.val[q])
			q++
		default:
			f(a.col[p], a.val[p], b.val[q])
			p++
			q++
		}
	}
}
