package graph

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"

	"collab/internal/parallel"
)

// CONCOR's defaults: concorR's cutoff and iteration limit, and the depth
// of the block models the regional-network literature reports (two
// splits, four positions).
const (
	DefaultConcorDepth         = 2
	DefaultConcorCutoff        = 0.9999999
	DefaultConcorMaxIterations = 50
)

// ConcorOptions tune Concor. The zero value splits twice with concorR's
// convergence settings over the weighted adjacency.
type ConcorOptions struct {
	// Depth is the number of rounds of splitting: each round splits every
	// block of two or more nodes in two, so Depth d gives at most 2^d
	// blocks (plus one of the isolates). 0 means DefaultConcorDepth.
	Depth int
	// Cutoff ends the iteration once every correlation is above it in
	// absolute value; it must lie in (0, 1). 0 means DefaultConcorCutoff.
	Cutoff float64
	// MaxIterations bounds the iterated correlations of one split after
	// the first: as concorR's max_iter, at most MaxIterations + 1 are made.
	// 0 means DefaultConcorMaxIterations.
	MaxIterations int
	// Binary correlates the 0/1 adjacency (a link or none) instead of the
	// link weights.
	Binary bool
}

// ConcorResult is a CONCOR block model.
type ConcorResult struct {
	// Block numbers each node's position, 0..Blocks-1 (see Concor for the
	// order).
	Block []int `json:"block"`
	// Sizes[k] is the number of nodes in block k.
	Sizes []int `json:"sizes"`
	// IsolateBlock is the block of the nodes with no link, -1 when there
	// are none.
	IsolateBlock int `json:"isolate_block"`
	// Splits records each split made, in order.
	Splits []ConcorSplit `json:"splits"`
}

// ConcorSplit is one split of a block in two.
type ConcorSplit struct {
	// Round is the depth of the split (1 for the first); Size the number of
	// nodes split.
	Round int `json:"round"`
	Size  int `json:"size"`
	// Iterations is the number of correlations of the correlation matrix
	// made, and Converged whether every entry passed the cutoff by then
	// (when not, the split follows the signs reached).
	Iterations int  `json:"iterations"`
	Converged  bool `json:"converged"`
}

// Blocks returns the number of blocks.
func (r ConcorResult) Blocks() int { return len(r.Sizes) }

// Concor partitions the nodes into structurally equivalent positions by
// CONCOR, the convergence of iterated correlations (Breiger, Boorman and
// Arabie, "An algorithm for clustering relational data", J. Math. Psychol.
// 12, 1975), as R concorR's concor does it (and UCINET's CONCOR, for one
// relation):
//
//  1. Nodes with no link in or out are set aside as a block of isolates.
//  2. The adjacency A (link weights, or 0/1 with Binary; a directed
//     network's A[i][j] is the link from i to j) is stacked on its
//     transpose, so that node j's column holds both the ties j receives and
//     those it sends, with the diagonal cells (self-ties) missing.
//  3. The columns are correlated pairwise over the rows where both are
//     present; the correlation matrix is then correlated again, column by
//     column, until every entry exceeds Cutoff in absolute value (or
//     MaxIterations is reached), which leaves entries of +-1.
//  4. The block splits by the signs of the correlations reached: the
//     pivot is the first node correlated -1 with the block's first node
//     (the first node when none is), and the nodes correlated +1 with the
//     pivot are numbered before the rest; each half keeps its nodes in
//     index order. A block whose nodes all correlate +1 stays whole.
//  5. Each half with two or more nodes is split again from step 3, its
//     first correlations being those of step 3 restricted to it, until
//     Depth rounds are done.
//
// Blocks are numbered in that order, the isolates last. A column with no
// variance (a node tied the same way to every other) has no correlation;
// it is given correlation 0 with every other column, where R reports NA.
//
// The first correlations come from the sparse links in O(n^2 + n k^2) for
// degree k, in bands of rows on all cores; the blocks of a round are split
// at once, on all cores, each independently of the others. Each iteration correlates the columns of the block's
// symmetric correlation matrix X (g x g): X' = S X P X S, with P centring
// and S scaling to unit variance. On a sparse network the first
// correlations are R1 = E (C - u u') E + L, C = A'A + AA' (E and u
// diagonal and vector, L on the linked pairs), which applies to a vector
// in O(nnz A); the k-th iterate applies in 2^(k-1) such passes, so the
// first iterations, of full rank, are formed by sparse passes while they
// cost less than a dense product. Otherwise an iteration is a dense
// product, of which only the upper triangle is computed (g^3
// multiplications, in column panels on all cores). Either way each entry's
// sum runs in one fixed order, so the result is the same on any number of
// cores. The products roughly square X's spectrum, so after a few
// iterations X = F F' to within 1e-13 with F of r << g columns: Cholesky
// with pivoting finds F in O(g r^2), from the dense X or, through the
// sparse passes, from r columns of the next iterate without forming it;
// from then on the iteration runs on F in O(g r^2 + r^3): the new factor
// is D F U L^(1/2), G = F'F - g m m' = U L U' (m F's mean row), D scaling
// F's rows to unit length. The sparse and factored entries differ from the
// dense iteration's by rounding only; blocks under 64 nodes always iterate
// densely. Memory O(n^2).
func (g *Network) Concor(ctx context.Context, o ConcorOptions) (ConcorResult, error) {
	o, err := o.withDefaults()
	if err != nil {
		return ConcorResult{}, err
	}
	linked, isolates := g.linkedNodes()
	first, form, err := g.stackCorrelations(ctx, linked, o.Binary)
	if err != nil {
		return ConcorResult{}, err
	}
	res := ConcorResult{Block: make([]int, g.n), IsolateBlock: -1}
	blocks := [][]int{seq(len(linked))} // positions in linked
	if len(linked) == 0 {
		blocks = nil
	}
	for round := 1; round <= o.Depth; round++ {
		splits, err := splitRound(ctx, first, form, blocks, o)
		if err != nil {
			return ConcorResult{}, err
		}
		var next [][]int
		for k, b := range blocks {
			if len(b) < 2 {
				next = append(next, b)
				continue
			}
			splits[k].s.Round = round
			res.Splits = append(res.Splits, splits[k].s)
			for _, half := range [][]int{splits[k].pivotSide, splits[k].rest} {
				if len(half) > 0 {
					next = append(next, half)
				}
			}
		}
		blocks = next
	}
	for k, b := range blocks {
		for _, p := range b {
			res.Block[linked[p]] = k
		}
		res.Sizes = append(res.Sizes, len(b))
	}
	if len(isolates) > 0 {
		res.IsolateBlock = len(res.Sizes)
		for _, v := range isolates {
			res.Block[v] = res.IsolateBlock
		}
		res.Sizes = append(res.Sizes, len(isolates))
	}
	return res, nil
}

// blockSplit is one block's split: its two halves and the record.
type blockSplit struct {
	pivotSide, rest []int
	s               ConcorSplit
}

// splitRound splits the blocks of two or more nodes of one round. The
// blocks are independent, so they are split at once on all cores (each
// split's own products run on all cores as well); each writes only its
// own entry, and the caller takes them in block order, so the result does
// not depend on the number of cores. The first error in block order is
// returned.
func splitRound(ctx context.Context, first []float64, form *stackForm, blocks [][]int, o ConcorOptions) ([]blockSplit, error) {
	out := make([]blockSplit, len(blocks))
	errs := make([]error, len(blocks))
	err := parallel.For(ctx, len(blocks), func(k int) {
		if len(blocks[k]) < 2 {
			return
		}
		out[k].pivotSide, out[k].rest, out[k].s, errs[k] = concorSplit(ctx, first, form, blocks[k], o)
	})
	for _, e := range errs {
		if e != nil {
			return nil, e
		}
	}
	return out, err
}

func (o ConcorOptions) withDefaults() (ConcorOptions, error) {
	if o.Depth == 0 {
		o.Depth = DefaultConcorDepth
	}
	if o.Cutoff == 0 {
		o.Cutoff = DefaultConcorCutoff
	}
	if o.MaxIterations == 0 {
		o.MaxIterations = DefaultConcorMaxIterations
	}
	switch {
	case o.Depth < 0:
		return o, fmt.Errorf("graph: Concor: Depth must be >= 0, got %d", o.Depth)
	case !(o.Cutoff > 0 && o.Cutoff < 1):
		return o, fmt.Errorf("graph: Concor: Cutoff must lie in (0, 1), got %g", o.Cutoff)
	case o.MaxIterations < 0:
		return o, fmt.Errorf("graph: Concor: MaxIterations must be >= 0, got %d", o.MaxIterations)
	}
	return o, nil
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// linkedNodes splits the nodes into those with a link and the isolates.
func (g *Network) linkedNodes() (linked, isolates []int) {
	for v, d := range g.Degree() {
		if d > 0 {
			linked = append(linked, v)
		} else {
			isolates = append(isolates, v)
		}
	}
	return linked, isolates
}

// stackCorrelations returns the pairwise-complete correlations of the
// columns of [A; A'] restricted to the linked nodes (row-major, m x m for m
// linked nodes). Column j's missing cells are rows j and m+j, so the pair
// (i, j) runs over the 2m-4 rows other than i, j, m+i and m+j; with the
// missing cells read as 0, its cross-product is (A'A + AA')_ij, and its
// sums are column j's sums less A_ij and A_ji. A is walked by its nonzeros
// only: O(m^2 + m k^2) for degree k.
//
// It returns as well R1's stack form (see stackForm), for the sparse
// passes.
func (g *Network) stackCorrelations(ctx context.Context, linked []int, binary bool) ([]float64, *stackForm, error) {
	m := len(linked)
	out, in := g.linkedAdjacency(linked, binary)
	cross, err := crossProducts(ctx, out, in, m)
	if err != nil {
		return nil, nil, err
	}
	// sum_j = sum_i (A_ij + A_ji) over i in order: the merge of column j
	// of A (row j of A') and row j of A.
	sum, sq := make([]float64, m), make([]float64, m)
	for j := range m {
		mergeCSRRows(in, out, j, func(aij, aji float64) {
			sum[j] += aij + aji
			sq[j] += aij*aij + aji*aji
		})
	}
	c := make([]float64, m*m)
	rows := float64(2*m - 4)
	pair := func(i, j int, aij, aji float64) {
		si, sj := sum[i]-aij-aji, sum[j]-aij-aji
		qi, qj := sq[i]-aij*aij-aji*aji, sq[j]-aij*aij-aji*aji
		c[i*m+j] = correlation(cross[i*m+j]-si*sj/rows, qi-si*si/rows, qj-sj*sj/rows)
	}
	row := func(i int) {
		c[i*m+i] = 1
		if rows < 2 { // no two complete rows: no correlation
			return
		}
		for j := range i {
			pair(i, j, 0, 0)
		}
		// The linked pairs, whose sums lose their own cells.
		for _, adj := range []csr{out, in} {
			for k := adj.start[i]; k < adj.start[i+1]; k++ {
				if j := int(adj.col[k]); j < i {
					pair(i, j, csrAt(out, i, j), csrAt(out, j, i))
				}
			}
		}
	}
	// Blocks of rows on all cores: row i writes only its own entries.
	const band = 64
	if err := parallel.For(ctx, (m+band-1)/band, func(b int) {
		for i := b * band; i < min(m, b*band+band); i++ {
			row(i)
		}
	}); err != nil {
		return nil, nil, err
	}
	for i := range m {
		for j := range i {
			c[j*m+i] = c[i*m+j]
		}
	}
	return c, newStackForm(m, !g.directed, out, in, sum, sq, cross, c), nil
}

// crossProducts returns C = A'A + AA' (m x m). (AA')_ij = sum_r A_ir A_jr:
// for each column r, the pairs of its nonzero rows; (A'A)_ij = sum_r A_ri
// A_rj: for each row r, its pairs; O(sum of the squared degrees). When
// that exceeds a quarter of m^3 (a dense network: a complete one's is
// 2 m^3), C is instead the upper triangle of X'X, X = [A; A'] dense, by
// Syrk (m^3 multiplications at the BLAS kernels' pace), mirrored: the same
// sums in another order.
func crossProducts(ctx context.Context, out, in csr, m int) ([]float64, error) {
	cross := make([]float64, m*m)
	pairs := 0.0
	for _, rows := range []csr{out, in} {
		for r := range m {
			d := float64(rows.start[r+1] - rows.start[r])
			pairs += d * d
		}
	}
	if 4*pairs > float64(m)*float64(m)*float64(m) {
		x := make([]float64, 2*m*m)
		for half, rows := range []csr{out, in} {
			for r := range m {
				row := x[(half*m+r)*m : (half*m+r+1)*m]
				for k := rows.start[r]; k < rows.start[r+1]; k++ {
					row[rows.col[k]] = rows.val[k]
				}
			}
		}
		blas64.Syrk(blas.Trans, 1, blas64.General{Rows: 2 * m, Cols: m, Stride: m, Data: x},
			0, blas64.Symmetric{N: m, Stride: m, Uplo: blas.Upper, Data: cross})
		for i := range m {
			for j := range i {
				cross[i*m+j] = cross[j*m+i]
			}
		}
		return cross, ctx.Err()
	}
	for _, rows := range []csr{out, in} {
		for r := range m {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			for k := rows.start[r]; k < rows.start[r+1]; k++ {
				wi, row := rows.val[k], cross[int(rows.col[k])*m:int(rows.col[k])*m+m]
				for l := rows.start[r]; l < rows.start[r+1]; l++ {
					row[rows.col[l]] += wi * rows.val[l]
				}
			}
		}
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
	type cell struct {
		j int32
		w float64
	}
	outCells, inCells := make([][]cell, m), make([][]cell, m)
	add := func(i, j int32, w float64) {
		outCells[i] = append(outCells[i], cell{j, w})
		inCells[j] = append(inCells[j], cell{i, w})
	}
	for _, e := range g.edges {
		w := e.Weight
		if binary {
			w = 1
		}
		if w == 0 {
			continue
		}
		i, j := local[e.From], local[e.To]
		add(i, j, w)
		if !g.directed {
			add(j, i, w)
		}
	}
	pack := func(cells [][]cell) csr {
		c := csr{start: make([]int, m+1)}
		for i, row := range cells {
			slices.SortFunc(row, func(a, b cell) int { return cmp.Compare(a.j, b.j) })
			for _, x := range row {
				c.col = append(c.col, x.j)
				c.val = append(c.val, x.w)
			}
			c.start[i+1] = len(c.col)
		}
		return c
	}
	return pack(outCells), pack(inCells)
}

// mergeCSRRows calls f(a, b) for every column where row i of a or of b has
// an entry, in column order, with the two entries (0 where absent).
func mergeCSRRows(a, b csr, i int, f func(x, y float64)) {
	p, q := a.start[i], b.start[i]
	pEnd, qEnd := a.start[i+1], b.start[i+1]
	for p < pEnd || q < qEnd {
		switch {
		case q == qEnd || (p < pEnd && a.col[p] < b.col[q]):
			f(a.val[p], 0)
			p++
		case p == pEnd || b.col[q] < a.col[p]:
			f(0, b.val[q])
			q++
		default:
			f(a.val[p], b.val[q])
			p++
			q++
		}
	}
}

// csrAt returns entry (i, j) of a, 0 when absent.
func csrAt(a csr, i, j int) float64 {
	row := a.col[a.start[i]:a.start[i+1]]
	if k, ok := slices.BinarySearch(row, int32(j)); ok {
		return a.val[a.start[i]+k]
	}
	return 0
}

// correlation is cov/sqrt(varX varY), 0 when either variance is 0 (or
// lost to rounding), clamped to [-1, 1].
func correlation(cov, vx, vy float64) float64 {
	if !(vx > 0 && vy > 0) {
		return 0
	}
	return max(-1, min(1, cov/math.Sqrt(vx*vy)))
}

// concorSplit iterates the correlations of block b (positions into the
// first correlation matrix, m x m) and splits it by the signs reached.
func concorSplit(ctx context.Context, first []float64, form *stackForm, b []int, o ConcorOptions) (pivotSide, rest []int, s ConcorSplit, err error) {
	m := int(math.Sqrt(float64(len(first))))
	gsize := len(b)
	x := make([]float64, gsize*gsize)
	for r, p := range b {
		for c, q := range b {
			x[r*gsize+c] = first[p*m+q]
		}
	}
	s = ConcorSplit{Size: gsize}
	z := make([]float64, gsize*gsize)
	var lr *lowRank        // the iteration in factored form, once X's rank is low
	var chain *sparseChain // X_k through the sparse passes, while cheaper
	if concorSparse && gsize >= lowRankMin {
		chain = newSparseChain(form, b)
	}
	beyond := func() bool {
		if lr != nil {
			return lr.allBeyond(o.Cutoff)
		}
		return allBeyond(x, o.Cutoff)
	}
	for !beyond() {
		if s.Iterations > o.MaxIterations {
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, s, err
		}
		if lr == nil && concorLowRank && gsize >= lowRankMin {
			var err error
			switch {
			case chain != nil && chain.cheaperFactor(gsize, gsize/3): // factor X_{k+1}, a Gram matrix, unformed
				if lr, err = chain.factorNext(ctx, x, z, gsize, gsize/3); lr != nil {
					chain = nil
					s.Iterations++
					continue
				}
			case s.Iterations > 0: // after one correlation X is a Gram matrix
				lr, err = factorExplicit(ctx, x, gsize, gsize/3)
			}
			if err != nil {
				return nil, nil, s, err
			}
		}
		if lr != nil && !lr.correlate() {
			lr.dense(x)
			lr = nil
		}
		if chain != nil && !chain.cheaper(gsize) {
			chain = nil
		}
		switch {
		case lr != nil:
		case chain != nil:
			ok, err := chain.correlate(ctx, x, z, gsize)
			if err != nil {
				return nil, nil, s, err
			}
			if !ok {
				chain = nil
			}
		default:
			correlateColumns(x, z, gsize)
		}
		s.Iterations++
	}
	s.Converged = beyond()
	at := func(i, j int) float64 { return x[i*gsize+j] }
	if lr != nil {
		at = lr.at
	}
	// concorR rounds the correlations to their signs, takes as pivot the
	// first node least correlated with the block's first node (the first
	// -1, if any), and puts the nodes correlated +1 with the pivot first.
	pivot := 0
	for r := range gsize {
		if sign(at(r, 0)) < sign(at(pivot, 0)) {
			pivot = r
		}
	}
	for r, p := range b {
		if sign(at(r, pivot)) > 0 {
			pivotSide = append(pivotSide, p)
		} else {
			rest = append(rest, p)
		}
	}
	return pivotSide, rest, s, nil
}

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func allBeyond(x []float64, cutoff float64) bool {
	for _, v := range x {
		if math.Abs(v) <= cutoff {
			return false
		}
	}
	return true
}

// correlateColumns replaces x (g x g) with the correlations of its columns,
// using z as scratch: z holds the columns centred and scaled to unit
// length, and x = z'z.
func correlateColumns(x, z []float64, g int) {
	scale := centredScaled(x, z, g)
	gramUpper(x, z, g)
	for j := range g {
		for i := range j {
			if scale[i] == 0 || scale[j] == 0 { // no variance: no correlation
				x[i*g+j] = 0
			} else {
				x[i*g+j] = max(-1, min(1, x[i*g+j]))
			}
			x[j*g+i] = x[i*g+j]
		}
		x[j*g+j] = 1
	}
}

// gramPanel is the width of the column panels gramUpper splits the
// product into.
const gramPanel = 128

// gramUpper writes the upper triangle of z'z (z g x g) into x: z'z is
// symmetric, so each panel of columns a..b needs only its rows 0..b, half
// the multiplications of the whole product. The panels run on all cores;
// each entry comes from one product of fixed order, so the result does not
// depend on the number of cores.
func gramUpper(x, z []float64, g int) {
	panels := (g + gramPanel - 1) / gramPanel
	parallel.For(context.Background(), panels, func(p int) {
		a, b := p*gramPanel, min(g, (p+1)*gramPanel)
		left := blas64.General{Rows: g, Cols: b, Stride: g, Data: z}
		right := blas64.General{Rows: g, Cols: b - a, Stride: g, Data: z[a:]}
		out := blas64.General{Rows: b, Cols: b - a, Stride: g, Data: x[a:]}
		blas64.Gemm(blas.Trans, blas.NoTrans, 1, left, right, 0, out)
	})
}
