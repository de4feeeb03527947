package graph

import (
	"context"
	"fmt"
	"math"

	"collab/internal/crossprod"
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
// The first correlations of a block come from the sparse links in O(g^2 +
// n k^2) for degree k, in bands of rows on all cores; the blocks of a
// round are split at once, on all cores, each independently of the
// others. Each iteration correlates the columns of the block's symmetric
// correlation matrix X (g x g): X' = S X P X S, with P centring and S
// scaling to unit variance, a dense product of which only the upper
// triangle is computed (g^3/2 multiply-adds by internal/crossprod's SIMD
// kernels, on all cores), each entry one chain of fused multiply-adds in
// row order, so that the result is the same on any number of cores and
// with any of the kernels. The products roughly square X's spectrum, so
// after a few iterations X = F F' to within 1e-13 with F of r << g
// columns: Cholesky with pivoting finds F in O(g r^2), and from then on
// the iteration runs on F in O(g r^2 + r^3): the new factor is D F W,
// G = F'F - g m m' = W W' by pivoted Cholesky (m F's mean row), D scaling
// F's rows to unit length. The factored entries differ from the dense
// iteration's by rounding only; blocks under 64 nodes always iterate
// densely. Memory O(g^2) for the largest block.
func (g *Network) Concor(ctx context.Context, o ConcorOptions) (ConcorResult, error) {
	o, err := o.withDefaults()
	if err != nil {
		return ConcorResult{}, err
	}
	linked, isolates := g.linkedNodes()
	stack := g.newStack(linked, o.Binary)
	res := ConcorResult{Block: make([]int, g.n), IsolateBlock: -1}
	blocks := [][]int{seq(len(linked))} // positions in linked
	if len(linked) == 0 {
		blocks = nil
	}
	mem := newConcorMemory(len(linked))
	for round := 1; round <= o.Depth; round++ {
		splits, err := splitRound(ctx, stack, mem, blocks, o)
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

// concorMemory is the memory of one round's correlation matrices and of
// their packed panels, allocated once for the first round (one block of
// all the linked nodes) and divided among the blocks of the later rounds,
// whose sizes add up to no more: the memory is faulted in once.
type concorMemory struct {
	x, panels []float64
}

// blockMemory is one block's part of it: X, and the packed panels' memory,
// which the products use and, between them, the factorisation's columns
// (crossprod.Rows of g/3 x g): the two never run at once.
type blockMemory struct {
	x      []float64
	work   *crossprod.Workspace
	factor []float64
}

func newConcorMemory(m int) *concorMemory {
	return &concorMemory{x: make([]float64, m*m), panels: make([]float64, crossprod.PackedLen(m, m))}
}

// split gives each block its disjoint parts, or fresh memory where they
// run out (blocks of many small sizes, whose panels' padding adds up).
func (mem *concorMemory) split(blocks [][]int) []blockMemory {
	parts := make([]blockMemory, len(blocks))
	xs, ps := mem.x, mem.panels
	for k, b := range blocks {
		g := len(b)
		nx, np, nf := g*g, crossprod.PackedLen(g, g), crossprod.PackedLen(g/3, g)
		var x, panels []float64
		if nx <= len(xs) && np <= len(ps) {
			x, panels = xs[:nx:nx], ps[:np:np]
			xs, ps = xs[nx:], ps[np:]
		} else {
			x, panels = make([]float64, nx), make([]float64, np)
		}
		parts[k] = blockMemory{x: x, work: crossprod.NewWorkspace(panels), factor: panels[:nf:nf]}
	}
	return parts
}

// splitRound splits the blocks of two or more nodes of one round. The
// blocks are independent, so they are split at once on all cores (each
// split's own products run on all cores as well); each writes only its
// own entry, and the caller takes them in block order, so the result does
// not depend on the number of cores. The first error in block order is
// returned.
func splitRound(ctx context.Context, stack *stack, mem *concorMemory, blocks [][]int, o ConcorOptions) ([]blockSplit, error) {
	out := make([]blockSplit, len(blocks))
	errs := make([]error, len(blocks))
	parts := mem.split(blocks)
	err := parallel.For(ctx, len(blocks), func(k int) {
		if len(blocks[k]) < 2 {
			return
		}
		out[k].pivotSide, out[k].rest, out[k].s, errs[k] = concorSplit(ctx, stack, parts[k], blocks[k], o)
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

// correlation is cov/sqrt(varX varY), 0 when either variance is 0 (or
// lost to rounding), clamped to [-1, 1].
func correlation(cov, vx, vy float64) float64 {
	if !(vx > 0 && vy > 0) {
		return 0
	}
	return max(-1, min(1, cov/math.Sqrt(vx*vy)))
}

// concorSplit iterates the correlations of block b (positions among the
// linked nodes) in its memory and splits it by the signs reached.
func concorSplit(ctx context.Context, stack *stack, mem blockMemory, b []int, o ConcorOptions) (pivotSide, rest []int, s ConcorSplit, err error) {
	gsize, x, work := len(b), mem.x, mem.work
	if err := stack.correlations(ctx, x, b); err != nil {
		return nil, nil, s, err
	}
	s = ConcorSplit{Size: gsize}
	var lr *lowRank // the iteration in factored form, once X's rank is low
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
		// After one correlation X is a Gram matrix, which may be factored.
		if lr == nil && concorLowRank && gsize >= lowRankMin && s.Iterations > 0 {
			if lr, err = factorIn(ctx, x, gsize, gsize/3, mem.factor, work); err != nil {
				return nil, nil, s, err
			}
		}
		if lr != nil && !lr.correlate(work) {
			lr.dense(x)
			lr = nil
		}
		if lr == nil {
			if err := correlateColumns(ctx, x, gsize, work); err != nil {
				return nil, nil, s, err
			}
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

// correlateColumns replaces x (g x g, symmetric) with the correlations of
// its columns: the columns' means and sums of squares about them (by
// rows, x being symmetric), then the upper triangle of the products of
// the centred and scaled columns, clamped to [-1, 1] and mirrored. A
// column with no variance has correlation 0 with every other.
func correlateColumns(ctx context.Context, x []float64, g int, work *crossprod.Workspace) error {
	mean, scale := make([]float64, g), make([]float64, g)
	const band = 64
	err := parallel.For(ctx, (g+band-1)/band, func(b int) {
		for j := b * band; j < min(g, b*band+band); j++ {
			col := x[j*g : j*g+g] // column j, x being symmetric
			sum := 0.0
			for _, v := range col {
				sum += v
			}
			mean[j] = sum / float64(g)
			ss := 0.0
			for _, v := range col {
				d := v - mean[j]
				ss += d * d
			}
			if ss > 0 {
				scale[j] = 1 / math.Sqrt(ss)
			}
		}
	})
	if err != nil {
		return err
	}
	if err := work.UpperStandardised(ctx, x, x, g, g, mean, scale); err != nil {
		return err
	}
	return mirrorCorrelations(ctx, x, g, scale)
}

// mirrorCorrelations clamps the upper triangle of x (g x g) to [-1, 1],
// zeroes the correlations of the columns whose scale is 0 (no variance),
// mirrors it below and sets the diagonal to 1.
func mirrorCorrelations(ctx context.Context, x []float64, g int, scale []float64) error {
	err := aboveDiagonal(ctx, g, func(i, lo, hi int) {
		for j := lo; j < hi; j++ {
			v := max(-1, min(1, x[i*g+j]))
			if scale[i] == 0 || scale[j] == 0 { // no variance: no correlation
				v = 0
			}
			x[i*g+j], x[j*g+i] = v, v
		}
	})
	for i := range g {
		x[i*g+i] = 1
	}
	return err
}

// aboveDiagonal calls f(i, lo, hi) for the entries (i, lo..hi-1) above the
// diagonal of a g x g matrix, in tiles of 64 x 64, a row of tiles a task on
// all cores: f may write entries (i, j) and (j, i) of its own.
func aboveDiagonal(ctx context.Context, g int, f func(i, lo, hi int)) error {
	const tile = 64
	tiles := (g + tile - 1) / tile
	return parallel.For(ctx, tiles, func(ti int) {
		for tj := ti; tj < tiles; tj++ {
			for i := ti * tile; i < min(g, ti*tile+tile); i++ {
				if lo, hi := max(i+1, tj*tile), min(g, tj*tile+tile); lo < hi {
					f(i, lo, hi)
				}
			}
		}
	})
}
