package crossprod

import (
	"context"
	"fmt"
	"runtime"

	"collab/internal/parallel"
)

const (
	// panel is the width of the packed column panels.
	panel = 16
	// strip and group are the columns and the panels of rows of the blocks
	// of C computed a task each.
	strip = 16 * panel
	group = 32
	// chunk is the number of rows of A and B a kernel call runs through.
	chunk = 256
)

// kernel accumulates a tile of C from packed panels: for t < k (k >= 1),
// rows r < rows and columns l < cols, c[r*ldc+l] = fma(a[t*panel+r],
// b[t*panel+l], c[r*ldc+l]). a and b start in panels at the tile's first
// row and column.
type kernel struct {
	name       string
	rows, cols int
	run        func(a, b, c []float64, k, ldc int)
}

// portable is the Go kernel, available everywhere.
var portable = kernel{"go", 4, 4, tileGo}

// active is the fastest kernel this CPU runs (see kernels in the
// architecture's file); the tests switch it.
var active = best()

func best() kernel {
	if ks := kernels(); len(ks) > 0 {
		return ks[0]
	}
	return portable
}

// A Workspace holds the packed panels and the block buffers of the
// products, reused from one call to the next, so that repeated products of
// one size allocate (and fault in) their memory once. The zero value is
// ready to use; a Workspace is not for concurrent use.
type Workspace struct {
	panels []float64
	other  []float64      // B's panels, for Mul
	spare  chan []float64 // block buffers, one per core
}

// NewWorkspace returns a Workspace whose packed panels of A use buf while
// it holds PackedLen values for the product (the Workspace allocates its
// own otherwise): a caller splitting one matrix's memory among products it
// runs one after the other, or at once in disjoint parts, faults it in
// once.
func NewWorkspace(buf []float64) *Workspace {
	return &Workspace{panels: buf[:0]}
}

// PackedLen is the number of values the packed panels of a k x n matrix
// hold: its columns padded to a multiple of 16.
func PackedLen(k, n int) int {
	return k * ((n + panel - 1) / panel) * panel
}

// Rows is a matrix A (k x n) that grows a row at a time up to a capacity,
// held in packed panels so that its products need no packing: the
// columns of a factorisation built one after the other, for example.
type Rows struct {
	n, k, capacity int
	panels         []float64 // panel p: row t at (p*capacity + t)*16
}

// NewRows returns an empty Rows of n columns and room for capacity rows,
// in buf when it holds PackedLen(capacity, n) values.
func NewRows(n, capacity int, buf []float64) *Rows {
	if size := PackedLen(capacity, n); cap(buf) >= size {
		buf = buf[:size]
	} else {
		buf = make([]float64, size)
	}
	return &Rows{n: n, capacity: capacity, panels: buf}
}

// Len is the number of rows.
func (r *Rows) Len() int { return r.k }

// Append adds row (n values) as the last row; it panics past the capacity.
func (r *Rows) Append(row []float64) {
	if r.k == r.capacity {
		panic("crossprod: Rows.Append past the capacity")
	}
	for p := 0; p*panel < r.n; p++ {
		dst := r.panels[(p*r.capacity+r.k)*panel : (p*r.capacity+r.k+1)*panel]
		clear(dst[copy(dst, row[p*panel:min(r.n, p*panel+panel)]):])
	}
	r.k++
}

// At returns A[t][j].
func (r *Rows) At(t, j int) float64 {
	return r.panels[(j/panel*r.capacity+t)*panel+j%panel]
}

// AddScaledRow adds a times row t of A to dst (n values).
func (r *Rows) AddScaledRow(dst []float64, a float64, t int) {
	for p := 0; p*panel < r.n; p++ {
		src := r.panels[(p*r.capacity+t)*panel : (p*r.capacity+t+1)*panel]
		out := dst[p*panel : min(r.n, p*panel+panel)]
		for l := range out {
			out[l] += a * src[l]
		}
	}
}

// MulRows sets c (n x q, row stride q) to A'B, A the rows so far (k x n)
// and b (k x q) row-major: Mul without packing A.
func (w *Workspace) MulRows(ctx context.Context, c []float64, a *Rows, b []float64, q int) error {
	if err := checkShape("b", b, a.k, q); err != nil {
		return err
	}
	if err := checkShape("c", c, a.n, q); err != nil {
		return err
	}
	w.other = pack(w.other, b, a.k, q, nil, nil)
	return w.blocks(ctx, c, a.panels, w.other, a.k, a.capacity, a.k, a.n, q, false)
}

// Mul sets c (p x q, row stride q) to A'B, a (k x p) and b (k x q)
// row-major. It returns ctx's error if ctx is done first, c then partly
// written.
func (w *Workspace) Mul(ctx context.Context, c, a, b []float64, k, p, q int) error {
	if err := checkShape("a", a, k, p); err != nil {
		return err
	}
	if err := checkShape("b", b, k, q); err != nil {
		return err
	}
	if err := checkShape("c", c, p, q); err != nil {
		return err
	}
	w.panels = pack(w.panels, a, k, p, nil, nil)
	w.other = pack(w.other, b, k, q, nil, nil)
	return w.blocks(ctx, c, w.panels, w.other, k, k, k, p, q, false)
}

// Upper sets the upper triangle (j >= i) of c (n x n, row stride n) to
// A'A, a (k x n) row-major, leaving the entries below the diagonal as they
// were: about half the multiply-adds of Mul. c may be a itself (n = k),
// which is read in full before c is written.
func (w *Workspace) Upper(ctx context.Context, c, a []float64, k, n int) error {
	return w.UpperStandardised(ctx, c, a, k, n, nil, nil)
}

// UpperStandardised is Upper for the columns of A shifted and scaled,
// z_tj = (a_tj - shift_j) * scale_j (each z_tj rounded twice, as written):
// with the columns' means and inverse root sums of squares about them, the
// upper triangle of their correlations. shift and scale hold n values, or
// are both nil for none.
func (w *Workspace) UpperStandardised(ctx context.Context, c, a []float64, k, n int, shift, scale []float64) error {
	if err := checkShape("a", a, k, n); err != nil {
		return err
	}
	if err := checkShape("c", c, n, n); err != nil {
		return err
	}
	if (shift == nil) != (scale == nil) || (shift != nil && (len(shift) != n || len(scale) != n)) {
		return fmt.Errorf("crossprod: shift and scale must both hold n = %d values or both be nil, got %d and %d", n, len(shift), len(scale))
	}
	w.panels = pack(w.panels, a, k, n, shift, scale)
	return w.blocks(ctx, c, w.panels, w.panels, k, k, k, n, n, true)
}

func checkShape(name string, m []float64, rows, cols int) error {
	if rows < 0 || cols < 0 {
		return fmt.Errorf("crossprod: %s must have non-negative dimensions, got %d x %d", name, rows, cols)
	}
	if len(m) < rows*cols {
		return fmt.Errorf("crossprod: %s must hold %d x %d = %d values, got %d", name, rows, cols, rows*cols, len(m))
	}
	return nil
}

// pack returns the columns of m (k x n) in panels of 16, in buf when it
// is large enough: panel p holds, row after row, columns 16p..16p+15 (0
// past n), each (m_tj - shift_j) * scale_j when shift is not nil. Bands of
// rows on all cores, each reading its rows in order.
func pack(buf, m []float64, k, n int, shift, scale []float64) []float64 {
	np := (n + panel - 1) / panel
	size := PackedLen(k, n)
	if cap(buf) < size { // at least doubled: products of growing sizes reallocate rarely
		buf = make([]float64, size, max(size, 2*cap(buf)))
	}
	out := buf[:size]
	const band = 64
	parallel.For(context.Background(), (k+band-1)/band, func(b int) {
		for t := b * band; t < min(k, b*band+band); t++ {
			row := m[t*n : t*n+n]
			for p := range np {
				lo, hi := p*panel, min(n, p*panel+panel)
				dst := out[p*k*panel+t*panel : p*k*panel+t*panel+panel]
				if shift == nil {
					copy(dst, row[lo:hi])
				} else {
					for j := lo; j < hi; j++ {
						dst[j-lo] = (row[j] - shift[j]) * scale[j]
					}
				}
				clear(dst[hi-lo:])
			}
		}
	})
	return out
}

// blocks computes C (p x q) = A'B, A and B (k rows) packed in panels of
// strideA and strideB rows, by blocks of 512 x 256 entries (32 panels of
// rows by 16 of columns), a block a task on all cores; for upper, only the
// blocks on or above the diagonal. For each chunk of rows of A and B, each 16-row panel
// of A is read once for the sixteen panels of the block's B, whose chunk
// (512 KB) stays in the second-level cache.
func (w *Workspace) blocks(ctx context.Context, c, pa, pb []float64, k, strideA, strideB, p, q int, upper bool) error {
	nStrips := (q + strip - 1) / strip
	rowPanels := (p + panel - 1) / panel
	nGroups := (rowPanels + group - 1) / group
	type block struct{ group, strip int }
	var blocks []block
	for s := range nStrips {
		for rg := range nGroups {
			if upper && rg*group > (s*strip+strip-1)/panel {
				break // below the diagonal
			}
			blocks = append(blocks, block{rg, s})
		}
	}
	if w.spare == nil {
		w.spare = make(chan []float64, runtime.GOMAXPROCS(0))
	}
	buffers := w.spare
	kern := active
	return parallel.For(ctx, len(blocks), func(bi int) {
		rg, s := blocks[bi].group, blocks[bi].strip
		lo, hi := s*strip, min(q, s*strip+strip)
		cols := (hi - lo + panel - 1) / panel // panels in the strip
		r0 := rg * group
		rows := min(rowPanels, r0+group) - r0 // panels in the group
		var buf []float64
		select {
		case buf = <-buffers:
		default:
		}
		if cap(buf) < group*panel*strip {
			buf = make([]float64, group*panel*strip)
		}
		buf = buf[:group*panel*strip]
		clear(buf)
		for t0 := 0; t0 < k; t0 += chunk {
			kk := min(chunk, k-t0)
			for rp := range rows {
				as := pa[(r0+rp)*strideA*panel+t0*panel:]
				for cp := range cols {
					if upper && r0+rp > lo/panel+cp {
						continue // below the diagonal
					}
					bs := pb[(lo/panel+cp)*strideB*panel+t0*panel:]
					tiles(kern, as, bs, buf[rp*panel*strip+cp*panel:], kk)
				}
			}
		}
		store(c, buf, r0*panel, lo, hi, rows, p, q, upper)
		select {
		case buffers <- buf:
		default:
		}
	})
}

// tiles runs the kernel over one 16 x 16 block of a strip.
func tiles(kern kernel, a, b, c []float64, k int) {
	for r := 0; r < panel; r += kern.rows {
		for l := 0; l < panel; l += kern.cols {
			kern.run(a[r:], b[l:], c[r*strip+l:], k, strip)
		}
	}
}

// store copies the block of rows from row0 (rows panels of them) and
// columns lo..hi into c.
func store(c, buf []float64, row0, lo, hi, rows, p, q int, upper bool) {
	for i := row0; i < min(p, row0+rows*panel); i++ {
		from := lo
		if upper {
			if i >= hi {
				break
			}
			from = max(lo, i)
		}
		copy(c[i*q+from:i*q+hi], buf[(i-row0)*strip+from-lo:(i-row0)*strip+hi-lo])
	}
}
