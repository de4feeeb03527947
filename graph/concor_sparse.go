package graph

import (
	"context"
	"math"
	"slices"
	"sync"

	"collab/internal/parallel"
)

// CONCOR on a sparse network need not take dense products for its first
// iterations. The first correlations of the stacked adjacency are
//
//	R1 = E (C - u u') E + L,   C = A'A + AA',
//
// with E_ii = 1/sqrt(v_i) (v_i the variance sum of node i's stacked
// column, 0 when there is none), u_i = s_i/sqrt(2m-4) (s_i the column's
// sum) and L a correction on the linked pairs and the diagonal, where the
// pairwise-complete rows differ from the column's. Applying R1 to a vector
// costs O(nnz A), against O(g) per entry for the dense matrix. Each
// iteration X' = D X H X D (H centring, D scaling the diagonal to 1)
// applies X twice, so X_k applies in 2^(k-1) sparse passes: cheaper than
// the dense product for the first few iterations, which are of full rank,
// until X's rank falls and the factored iteration takes over.
const (
	// sparseChunk is the number of columns one parallel task carries
	// through the sparse passes.
	sparseChunk = 64
	// sparsePenalty is how much slower a multiply-add of the sparse passes
	// runs than one of the dense product (indexed loads, shorter loops).
	sparsePenalty = 2
)

// concorSparse switches the sparse passes on; the tests turn it off to
// compare with the dense iteration.
var concorSparse = true

// csr is a compressed sparse row matrix.
type csr struct {
	start []int
	col   []int32
	val   []float64
}

// stackForm is R1 (over the m linked nodes) as E (C - u u') E + L.
type stackForm struct {
	m          int
	undirected bool // A = A', so C = 2 A A
	out, in    csr  // A and A'
	e, u       []float64
	fix        csr // L
}

// newStackForm assembles R1's parts from what stackCorrelations computed:
// A by rows and by columns, the columns' sums, cross (C) and c (R1
// itself, whose linked-pair and diagonal entries L keeps).
func newStackForm(m int, undirected bool, out, in csr, sum, sq, cross, c []float64) *stackForm {
	f := &stackForm{m: m, undirected: undirected, out: out, in: in, e: make([]float64, m), u: make([]float64, m)}
	rows := float64(2*m - 4)
	for i := range m {
		if v := sq[i] - sum[i]*sum[i]/rows; rows >= 2 && v > 0 {
			f.e[i] = 1 / math.Sqrt(v)
		}
		if rows > 0 {
			f.u[i] = sum[i] / math.Sqrt(rows)
		}
	}
	fixNZ := make([][]int32, m)
	for i := range m {
		nz := append([]int32{int32(i)}, out.col[out.start[i]:out.start[i+1]]...)
		nz = append(nz, in.col[in.start[i]:in.start[i+1]]...)
		slices.Sort(nz)
		fixNZ[i] = slices.Compact(nz)
	}
	f.fix = csrOf(fixNZ, func(i, j int) float64 {
		return c[i*m+j] - f.e[i]*f.e[j]*(cross[i*m+j]-f.u[i]*f.u[j])
	})
	return f
}

func csrOf(nz [][]int32, val func(i, j int) float64) csr {
	c := csr{start: make([]int, len(nz)+1)}
	for i, cols := range nz {
		for _, j := range cols {
			c.col = append(c.col, j)
			c.val = append(c.val, val(i, int(j)))
		}
		c.start[i+1] = len(c.col)
	}
	return c
}

// passCost is the multiply-adds of one application of R1 to a vector.
func (f *stackForm) passCost() int {
	products := 4 * len(f.out.col)
	if f.undirected {
		products = 2 * len(f.out.col)
	}
	return products + len(f.fix.col) + 4*f.m
}

// mulRows sets dst's rows (row i for every i with want[i], q columns
// each) to (M src)_i, src m x q row-major. Eight nonzeros at a time (then
// four, then one): one pass over the row of dst for eight rows of src.
func (c csr) mulRows(dst, src []float64, q int, want []bool) {
	for i := range len(c.start) - 1 {
		if want != nil && !want[i] {
			continue
		}
		out := dst[i*q : i*q+q]
		clear(out)
		k, end := c.start[i], c.start[i+1]
		for ; k+8 <= end; k += 8 {
			addScaled8(out, c.val[k:k+8], c.col[k:k+8], src, q)
		}
		for ; k+4 <= end; k += 4 {
			addScaled4(out, [4]float64{c.val[k], c.val[k+1], c.val[k+2], c.val[k+3]}, [4][]float64{
				src[int(c.col[k])*q : int(c.col[k])*q+q], src[int(c.col[k+1])*q : int(c.col[k+1])*q+q],
				src[int(c.col[k+2])*q : int(c.col[k+2])*q+q], src[int(c.col[k+3])*q : int(c.col[k+3])*q+q]})
		}
		for ; k < end; k++ {
			addScaled(out, c.val[k], src[int(c.col[k])*q:int(c.col[k])*q+q])
		}
	}
}

// addScaled adds a x to dst.
func addScaled(dst []float64, a float64, x []float64) {
	x = x[:len(dst)]
	for i := range dst {
		dst[i] += a * x[i]
	}
}

// sparseChain applies the iterated correlations X_k of one block (the
// nodes b of the linked ones) to vectors: X_1 = R1[b, b] through the
// stack form, X_{k+1} = D_{k+1} X_k H X_k D_{k+1} through X_k twice.
type sparseChain struct {
	form   *stackForm
	block  []int
	pos    []int32 // a linked node's place in block, -1 outside
	inside []bool
	scales [][]float64 // D_2, D_3, ...
	// fromBlock is A and A' with only the columns in the block (the nodes
	// outside it are held at 0), for the first product of a pass; fix is
	// L's rows of the block restricted to it, by place in the block.
	fromBlock [2]csr
	fix       csr
	pool      sync.Pool // of *chunkWork
	product   []float64 // g x g, kept from one correlation to the next
	// known holds columns of X_{k+1} (clamped to [-1, 1]) that an
	// abandoned factorNext fetched, by column.
	known map[int][]float64
}

func newSparseChain(form *stackForm, block []int) *sparseChain {
	s := &sparseChain{form: form, block: block, pos: make([]int32, form.m), inside: make([]bool, form.m)}
	for i := range s.pos {
		s.pos[i] = -1
	}
	for r, p := range block {
		s.pos[p] = int32(r)
		s.inside[p] = true
	}
	s.fromBlock = [2]csr{form.out, form.in}
	if len(block) < form.m {
		s.fromBlock = [2]csr{restrictColumns(form.out, s.pos), restrictColumns(form.in, s.pos)}
	}
	s.fix = csr{start: make([]int, len(block)+1)}
	for r, p := range block {
		for k := form.fix.start[p]; k < form.fix.start[p+1]; k++ {
			if j := s.pos[form.fix.col[k]]; j >= 0 {
				s.fix.col = append(s.fix.col, j)
				s.fix.val = append(s.fix.val, form.fix.val[k])
			}
		}
		s.fix.start[r+1] = len(s.fix.col)
	}
	return s
}

// restrictColumns returns a with only the entries in columns where pos
// is not negative (the same rows and column numbers).
func restrictColumns(a csr, pos []int32) csr {
	c := csr{start: make([]int, len(a.start))}
	for i := range len(a.start) - 1 {
		for k := a.start[i]; k < a.start[i+1]; k++ {
			if pos[a.col[k]] >= 0 {
				c.col = append(c.col, a.col[k])
				c.val = append(c.val, a.val[k])
			}
		}
		c.start[i+1] = len(c.col)
	}
	return c
}

// level is k for the chain that applies X_k.
func (s *sparseChain) level() int { return len(s.scales) + 1 }

// cost is the multiply-adds of applying X_k to one vector.
func (s *sparseChain) cost() int { return s.form.passCost() << len(s.scales) }

// chunkWork is one task's scratch space for q <= sparseChunk columns, kept in the
// chain's pool: allocating it afresh for every chunk costs more than the
// sparse passes.
type chunkWork struct {
	q     int
	full  [4][]float64 // m x q
	level [][]float64  // two g x q blocks for each level above the first
}

func (s *sparseChain) work(q int) *chunkWork {
	w, ok := s.pool.Get().(*chunkWork)
	if !ok {
		w = &chunkWork{}
		for i := range w.full {
			w.full[i] = make([]float64, s.form.m*sparseChunk)
		}
	}
	w.q = q
	for i := range w.full {
		w.full[i] = w.full[i][:s.form.m*q]
	}
	return w
}

// scratch returns the i-th block of size (g x q) of the work.
func (w *chunkWork) scratch(i, size int) []float64 {
	for len(w.level) <= i {
		w.level = append(w.level, nil)
	}
	if cap(w.level[i]) < size {
		w.level[i] = make([]float64, size, max(size, cap(w.level[i])*2))
	}
	return w.level[i][:size]
}

// apply sets dst (g x q, row-major) to X_level src, src g x q.
func (s *sparseChain) apply(level int, dst, src []float64, q int, w *chunkWork) {
	if level == 1 {
		s.applyFirst(dst, src, q, w)
		return
	}
	g := len(s.block)
	d := s.scales[level-2]
	scaled, mid := w.scratch(2*(level-2), g*q), w.scratch(2*(level-2)+1, g*q)
	for r := range g {
		for c := range q {
			scaled[r*q+c] = d[r] * src[r*q+c]
		}
	}
	s.apply(level-1, mid, scaled, q, w)
	centreColumns(mid, g, q)
	s.apply(level-1, dst, mid, q, w)
	for r := range g {
		for c := range q {
			dst[r*q+c] *= d[r]
		}
	}
}

// applyFirst sets dst to R1[b, b] src: E (C - u u') E + L on the block,
// with the nodes outside it held at 0.
func (s *sparseChain) applyFirst(dst, src []float64, q int, w *chunkWork) {
	f := s.form
	ev, t, y, t2 := w.full[0], w.full[1], w.full[2], w.full[3]
	clear(ev)
	dot := make([]float64, q) // u' E src
	for r, p := range s.block {
		row := ev[p*q : p*q+q]
		for c := range q {
			row[c] = f.e[p] * src[r*q+c]
			dot[c] += f.u[p] * row[c]
		}
	}
	s.fromBlock[0].mulRows(t, ev, q, nil)
	if f.undirected {
		f.out.mulRows(y, t, q, s.inside)
		for _, p := range s.block {
			for c := range q {
				y[p*q+c] *= 2
			}
		}
	} else {
		f.in.mulRows(y, t, q, s.inside) // A'A
		s.fromBlock[1].mulRows(t, ev, q, nil)
		f.out.mulRows(t2, t, q, s.inside) // AA'
		for _, p := range s.block {
			addScaled(y[p*q:p*q+q], 1, t2[p*q:p*q+q])
		}
	}
	for r, p := range s.block {
		out := dst[r*q : r*q+q]
		for c := range q {
			out[c] = f.e[p] * (y[p*q+c] - f.u[p]*dot[c])
		}
		s.addFix(out, src, r, q)
	}
}

// addFix adds row r of L restricted to the block (s.fix) times src to
// out, eight entries at a time (then four, then one) as mulRows.
func (s *sparseChain) addFix(out, src []float64, r, q int) {
	fix := s.fix
	k, end := fix.start[r], fix.start[r+1]
	for ; k+8 <= end; k += 8 {
		addScaled8(out, fix.val[k:k+8], fix.col[k:k+8], src, q)
	}
	for ; k+4 <= end; k += 4 {
		addScaled4(out, [4]float64{fix.val[k], fix.val[k+1], fix.val[k+2], fix.val[k+3]}, [4][]float64{
			src[int(fix.col[k])*q : int(fix.col[k])*q+q], src[int(fix.col[k+1])*q : int(fix.col[k+1])*q+q],
			src[int(fix.col[k+2])*q : int(fix.col[k+2])*q+q], src[int(fix.col[k+3])*q : int(fix.col[k+3])*q+q]})
	}
	for ; k < end; k++ {
		addScaled(out, fix.val[k], src[int(fix.col[k])*q:int(fix.col[k])*q+q])
	}
}

// addScaled8 adds a[0] x_0 + ... + a[7] x_7 to dst, x_k row col[k] of
// src (q columns): one pass over dst for eight rows of src.
func addScaled8(dst, a []float64, col []int32, src []float64, q int) {
	a, col = a[:8], col[:8]
	x0, x1 := src[int(col[0])*q:][:len(dst)], src[int(col[1])*q:][:len(dst)]
	x2, x3 := src[int(col[2])*q:][:len(dst)], src[int(col[3])*q:][:len(dst)]
	x4, x5 := src[int(col[4])*q:][:len(dst)], src[int(col[5])*q:][:len(dst)]
	x6, x7 := src[int(col[6])*q:][:len(dst)], src[int(col[7])*q:][:len(dst)]
	for j := range dst {
		dst[j] += a[0]*x0[j] + a[1]*x1[j] + a[2]*x2[j] + a[3]*x3[j] +
			a[4]*x4[j] + a[5]*x5[j] + a[6]*x6[j] + a[7]*x7[j]
	}
}

// addScaled4 adds a[0] x[0] + ... + a[3] x[3] to dst.
func addScaled4(dst []float64, a [4]float64, x [4][]float64) {
	x0, x1, x2, x3 := x[0][:len(dst)], x[1][:len(dst)], x[2][:len(dst)], x[3][:len(dst)]
	for j := range dst {
		dst[j] += a[0]*x0[j] + a[1]*x1[j] + a[2]*x2[j] + a[3]*x3[j]
	}
}

// centreColumns subtracts each column's mean (x g x q row-major).
func centreColumns(x []float64, g, q int) {
	mean := make([]float64, q)
	for r := range g {
		addScaled(mean, 1, x[r*q:r*q+q])
	}
	for c := range mean {
		mean[c] /= float64(g)
	}
	for r := range g {
		addScaled(x[r*q:r*q+q], -1, mean)
	}
}

// applyColumns sets out (g x p row-major) to X_level in (g x p), in chunks
// of chunk columns on all cores (see applyPicked).
func (s *sparseChain) applyColumns(ctx context.Context, out, in []float64, p, chunk int) error {
	return s.applyPicked(ctx, out, in, p, seq(p), chunk)
}

// centredScaled sets z to H X D (X g x g): the columns centred and scaled
// to unit length, and returns D (0 for a column with no variance). Panels
// of columns run on all cores; within a panel the rows are walked in
// order (each column's sums still run down the rows in order, whatever
// the panels), not column by column across a matrix larger than cache.
func centredScaled(x, z []float64, g int) []float64 {
	scale := make([]float64, g)
	panels := (g + gramPanel - 1) / gramPanel
	parallel.For(context.Background(), panels, func(p int) {
		a, b := p*gramPanel, min(g, (p+1)*gramPanel)
		w := b - a
		mean, ss := make([]float64, w), make([]float64, w)
		for i := range g {
			addScaled(mean, 1, x[i*g+a:i*g+b])
		}
		for j := range mean {
			mean[j] /= float64(g)
		}
		for i := range g {
			row, src := z[i*g+a:i*g+b], x[i*g+a:i*g+b]
			for j := range row {
				row[j] = src[j] - mean[j]
				ss[j] += row[j] * row[j]
			}
		}
		for j, v := range ss {
			if v > 0 {
				scale[a+j] = 1 / math.Sqrt(v)
			}
		}
		for i := range g {
			row := z[i*g+a : i*g+b]
			for j := range row {
				row[j] *= scale[a+j]
			}
		}
	})
	return scale
}

// finishCorrelations symmetrises y (g x g) from its upper triangle into x,
// clamps it to [-1, 1], sets the diagonal to 1 and zeroes the correlations
// of columns with no variance, as correlateColumns does.
func finishCorrelations(x, y []float64, scale []float64, g int) {
	for j := range g {
		for i := range j {
			v := y[i*g+j]
			if scale[i] == 0 || scale[j] == 0 {
				v = 0
			} else {
				v = max(-1, min(1, v))
			}
			x[i*g+j], x[j*g+i] = v, v
		}
		x[j*g+j] = 1
	}
}

// correlateSparse replaces x (X_k, g x g) with X_{k+1} = D X_k H X_k D
// through the chain's sparse passes, and extends the chain to X_{k+1}; it
// reports false, with the chain ended, when a column has no variance (the
// chain's X_{k+1} would then not be the dense one's, whose correlations of
// such a column are 0 and diagonal 1).
func (s *sparseChain) correlate(ctx context.Context, x, z []float64, g int) (bool, error) {
	if len(s.product) < g*g {
		s.product = make([]float64, g*g)
	}
	y := s.product
	scale := centredScaled(x, z, g)
	if err := s.applyUnknown(ctx, y, z, g); err != nil {
		return false, err
	}
	for i := range g {
		for j := range g {
			y[i*g+j] *= scale[i]
		}
	}
	for p, col := range s.known { // already scaled and clamped
		for r := range g {
			y[r*g+p] = col[r]
		}
	}
	s.known = nil
	finishCorrelations(x, y, scale, g)
	if slices.Contains(scale, 0) {
		return false, nil
	}
	s.scales = append(s.scales, scale)
	return true, nil
}

// applyUnknown sets the columns of y (g x g) that known lacks to X_k z
// (z g x g); each column's sums run as over all of z, so y is the same
// whichever columns are known.
func (s *sparseChain) applyUnknown(ctx context.Context, y, z []float64, g int) error {
	cols := make([]int, 0, g)
	for p := range g {
		if s.known[p] == nil {
			cols = append(cols, p)
		}
	}
	return s.applyPicked(ctx, y, z, g, cols, sparseChunk)
}

// applyPicked sets columns cols of out (g x p row-major) to X_level
// times the same columns of in (g x p), chunk columns at a time on all
// cores; each column's sums run in one fixed order whatever the chunk and
// the columns picked, so the result does not depend on the cores.
func (s *sparseChain) applyPicked(ctx context.Context, out, in []float64, p int, cols []int, chunk int) error {
	g := len(s.block)
	chunks := (len(cols) + chunk - 1) / chunk
	return parallel.For(ctx, chunks, func(ch int) {
		cs := cols[ch*chunk : min(len(cols), (ch+1)*chunk)]
		q := len(cs)
		w := s.work(q)
		defer s.pool.Put(w)
		src, dst := w.scratch(2*s.level(), g*q), w.scratch(2*s.level()+1, g*q)
		if a := cs[0]; cs[q-1] == a+q-1 { // contiguous: copy rows of it
			for r := range g {
				copy(src[r*q:r*q+q], in[r*p+a:r*p+a+q])
			}
			s.apply(s.level(), dst, src, q, w)
			for r := range g {
				copy(out[r*p+a:r*p+a+q], dst[r*q:r*q+q])
			}
			return
		}
		for r := range g {
			row, to := in[r*p:r*p+p], src[r*q:r*q+q]
			for c, j := range cs {
				to[c] = row[j]
			}
		}
		s.apply(s.level(), dst, src, q, w)
		for r := range g {
			row, from := out[r*p:r*p+p], dst[r*q:r*q+q]
			for c, j := range cs {
				row[j] = from[c]
			}
		}
	})
}

// cheaper reports whether applying X_k to the g columns of a product
// through the sparse passes costs less than the dense upper-triangle
// product (g^2/2 multiply-adds a column).
func (s *sparseChain) cheaper(g int) bool {
	return float64(s.cost())*sparsePenalty < float64(g)*float64(g)/2
}

// cheaperFactor reports whether factoring X_{k+1} through the sparse
// passes, one application of X_k for each of up to rank columns, costs
// less than the dense product that would otherwise form it.
func (s *sparseChain) cheaperFactor(g, rank int) bool {
	return float64(s.cost())*sparsePenalty*float64(rank) < float64(g)*float64(g)*float64(g)/2
}
