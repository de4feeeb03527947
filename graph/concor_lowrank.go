package graph

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// CONCOR's iterated correlations lose rank fast: each correlation of a
// symmetric matrix X is S X P X S (P centres, S scales to unit variance),
// which roughly squares X's spectrum, so after a few iterations X is a
// Gram matrix F F' of rank r << g to within rounding. From then on the
// iteration runs on the g x r factor in O(g r^2) instead of the dense
// O(g^3) product (Rank-adaptive iteration; the entries differ from the
// dense iteration's by rounding only, at lowRankTolerance).
const (
	// lowRankMin is the smallest block iterated in factored form; smaller
	// blocks (every published case) always take the dense products.
	lowRankMin = 64
	// lowRankTolerance bounds the entries of X - F F' (X's diagonal is 1):
	// a hundred times the rounding error of one dense correlation.
	lowRankTolerance = 1e-13
)

// concorLowRank switches the factored iteration on; the tests turn it off
// to compare with the dense iteration.
var concorLowRank = true

// lowRank is a correlation matrix held as F F', F g x r row-major.
type lowRank struct {
	g, r int
	f    []float64
}

// correlate replaces F F' with the correlations of its columns, and
// reports false, leaving F as it was, when a column has no variance (the
// dense iteration then takes over, as it sets such correlations to 0).
//
// With m the mean of F's rows, column j of F F' has mean f_j.m and
// centred cross-products f_j' G f_k with G = F'F - g m m' (r x r), so the
// correlations are D F G F' D, D = diag(1/sqrt(f_j' G f_j)). With
// G = U L U' (directions of G under lowRankTolerance of its largest
// dropped), the new factor is D F U L^(1/2).
func (lr *lowRank) correlate() bool {
	g, r := lr.g, lr.r
	fm := blas64.General{Rows: g, Cols: r, Stride: r, Data: lr.f}
	// F'F's upper triangle only: half the multiplications of the product.
	gram := blas64.Symmetric{N: r, Stride: r, Uplo: blas.Upper, Data: make([]float64, r*r)}
	blas64.Syrk(blas.Trans, 1, fm, 0, gram)
	mean := make([]float64, r)
	for i := range g {
		for a, fa := range lr.f[i*r : i*r+r] {
			mean[a] += fa
		}
	}
	for a := range r {
		mean[a] /= float64(g)
	}
	sym := mat.NewSymDense(r, nil)
	for a := range r {
		for b := a; b < r; b++ {
			sym.SetSym(a, b, gram.Data[a*r+b]-float64(g)*mean[a]*mean[b])
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(sym, true) {
		return false
	}
	values := eig.Values(nil)
	var vectors mat.Dense
	eig.VectorsTo(&vectors)
	top := values[len(values)-1]
	var keep []int
	for k, v := range values {
		if v > lowRankTolerance*top {
			keep = append(keep, k)
		}
	}
	if len(keep) == 0 {
		return false
	}
	rk := len(keep)
	w := blas64.General{Rows: r, Cols: rk, Stride: rk, Data: make([]float64, r*rk)}
	for a := range r {
		for c, k := range keep {
			w.Data[a*rk+c] = vectors.At(a, k) * math.Sqrt(values[k])
		}
	}
	next := blas64.General{Rows: g, Cols: rk, Stride: rk, Data: make([]float64, g*rk)}
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, fm, w, 0, next)
	for i := range g {
		out := next.Data[i*rk : (i+1)*rk]
		ss := dot(out, out)
		if !(ss > lowRankTolerance) { // no variance
			return false
		}
		scale := 1 / math.Sqrt(ss)
		for c := range out {
			out[c] *= scale
		}
	}
	lr.r, lr.f = rk, next.Data
	return true
}

// at returns entry (i, j), clamped to [-1, 1] as the dense iteration's.
func (lr *lowRank) at(i, j int) float64 {
	if i == j {
		return 1
	}
	r := lr.r
	return max(-1, min(1, dot(lr.f[i*r:i*r+r], lr.f[j*r:j*r+r])))
}

// allBeyond reports whether every entry exceeds cutoff in absolute value:
// first the first column (a failure there settles it in O(g r)), then
// every pair.
func (lr *lowRank) allBeyond(cutoff float64) bool {
	for i := range lr.g {
		if math.Abs(lr.at(i, 0)) <= cutoff {
			return false
		}
	}
	for i := range lr.g {
		for j := range i {
			if math.Abs(lr.at(i, j)) <= cutoff {
				return false
			}
		}
	}
	return true
}

// dense writes F F' into x (g x g), as the dense iteration holds it.
func (lr *lowRank) dense(x []float64) {
	for i := range lr.g {
		for j := range lr.g {
			x[i*lr.g+j] = lr.at(i, j)
		}
	}
}
