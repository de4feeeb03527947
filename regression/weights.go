package regression

import (
	"gonum.org/v1/gonum/mat"
)

// weights is what the fits read of W: *spatial.Weights, and the panel's
// block-diagonal I_T (x) W and dense transformed weights.
type weights interface {
	Len() int
	Links() int
	Row(i int) (neighbors []int, weights []float64)
	Lag(y []float64) []float64
	Cardinality(i int) int
	Islands() []int
}

// blockWeights is I_T (x) W: T copies of W on the diagonal, the weights of
// T stacked periods (city i of period t at t n + i).
type blockWeights struct {
	base    weights
	periods int
	rows    [][]int // the shifted neighbour indices of each base row, per period
}

func newBlockWeights(base weights, periods int) *blockWeights {
	n := base.Len()
	b := &blockWeights{base: base, periods: periods, rows: make([][]int, n*periods)}
	for t := range periods {
		for i := range n {
			nb, _ := base.Row(i)
			shifted := make([]int, len(nb))
			for k, j := range nb {
				shifted[k] = t*n + j
			}
			b.rows[t*n+i] = shifted
		}
	}
	return b
}

func (b *blockWeights) Len() int   { return b.base.Len() * b.periods }
func (b *blockWeights) Links() int { return b.base.Links() * b.periods }
func (b *blockWeights) Row(i int) ([]int, []float64) {
	_, wt := b.base.Row(i % b.base.Len())
	return b.rows[i], wt
}
func (b *blockWeights) Cardinality(i int) int { return b.base.Cardinality(i % b.base.Len()) }

func (b *blockWeights) Lag(y []float64) []float64 {
	n := b.base.Len()
	out := make([]float64, 0, len(y))
	for t := range b.periods {
		out = append(out, b.base.Lag(y[t*n:(t+1)*n])...)
	}
	return out
}

func (b *blockWeights) Islands() []int {
	var out []int
	n := b.base.Len()
	for t := range b.periods {
		for _, i := range b.base.Islands() {
			out = append(out, t*n+i)
		}
	}
	return out
}

// denseWeights is a dense matrix read as weights: every non-zero entry is
// a link.
type denseWeights struct {
	idx [][]int
	val [][]float64
	m   *mat.Dense
}

func newDenseWeights(m *mat.Dense) *denseWeights {
	n, _ := m.Dims()
	d := &denseWeights{idx: make([][]int, n), val: make([][]float64, n), m: m}
	for i := range n {
		for j, v := range m.RawRowView(i) {
			if v != 0 {
				d.idx[i] = append(d.idx[i], j)
				d.val[i] = append(d.val[i], v)
			}
		}
	}
	return d
}

func (d *denseWeights) Len() int { return len(d.idx) }
func (d *denseWeights) Links() int {
	s := 0
	for _, r := range d.idx {
		s += len(r)
	}
	return s
}
func (d *denseWeights) Row(i int) ([]int, []float64) { return d.idx[i], d.val[i] }
func (d *denseWeights) Cardinality(i int) int        { return len(d.idx[i]) }
func (d *denseWeights) Lag(y []float64) []float64 {
	return mulVec(d.m, y)
}
func (d *denseWeights) Islands() []int {
	var out []int
	for i, r := range d.idx {
		if len(r) == 0 {
			out = append(out, i)
		}
	}
	return out
}
