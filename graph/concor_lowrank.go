package graph

import (
	"context"
	"math"
	"slices"

	"collab/internal/crossprod"
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
	// spare and ft are correlate's memory, kept from one iteration to the
	// next: the factor before the last, and F'.
	spare, ft []float64
}

// correlate replaces F F' with the correlations of its columns, and
// reports false, leaving F as it was, when a column has no variance (the
// dense iteration then takes over, as it sets such correlations to 0).
//
// With m the mean of F's rows, column j of F F' has mean f_j.m and
// centred cross-products f_j' G f_k with G = F'F - g m m' (r x r), so the
// correlations are D F G F' D, D = diag(1/sqrt(f_j' G f_j)). With G = W W'
// by pivoted Cholesky (stopped where G's remaining diagonal is under
// lowRankTolerance of its largest entry, which drops the directions that
// the iteration has squared away), the new factor is D F W: O(g r^2 +
// r^3/3).
func (lr *lowRank) correlate(work *crossprod.Workspace) bool {
	g, r := lr.g, lr.r
	// F'F's upper triangle only: half the multiplications of the product.
	gram := make([]float64, r*r)
	_ = work.Upper(context.Background(), gram, lr.f, g, r) // shapes right by construction
	mean := make([]float64, r)
	for i := range g {
		for a, fa := range lr.f[i*r : i*r+r] {
			mean[a] += fa
		}
	}
	for a := range r {
		mean[a] /= float64(g)
	}
	top := 0.0
	for a := range r {
		for b := a; b < r; b++ {
			v := gram[a*r+b] - float64(g)*mean[a]*mean[b]
			gram[a*r+b], gram[b*r+a] = v, v
		}
		top = max(top, gram[a*r+a])
	}
	wt, ok, err := pivotedCholesky(context.Background(), gram, r, r, lowRankTolerance*top, nil, work)
	if err != nil || !ok || wt.Len() == 0 {
		return false
	}
	rk := wt.Len()
	w := rowsOf(make([]float64, r*rk), wt, r)
	// F W = (F')' W, the cross-product of F' (r x g) and W.
	ft := grow(lr.ft, r*g)
	lr.ft = ft
	for i := range g {
		for a, fa := range lr.f[i*r : i*r+r] {
			ft[a*g+i] = fa
		}
	}
	next := grow(lr.spare, g*rk)
	_ = work.Mul(context.Background(), next, ft, w, r, g, rk)
	for i := range g {
		out := next[i*rk : (i+1)*rk]
		ss := dot4(out, out)
		if !(ss > lowRankTolerance) { // no variance
			return false
		}
		scale := 1 / math.Sqrt(ss)
		for c := range out {
			out[c] *= scale
		}
	}
	lr.r, lr.f, lr.spare = rk, next, lr.f
	return true
}

// factorIn factors X (g x g) and returns it in factored form, nil when
// its rank at lowRankTolerance exceeds maxRank. Once factored, X's memory
// is free: the factor and the iteration's memory are carved from it (3 g r
// <= g^2 values for r <= g/3).
func factorIn(ctx context.Context, x []float64, g, maxRank int, scratch []float64, work *crossprod.Workspace) (*lowRank, error) {
	ft, ok, err := pivotedCholesky(ctx, x, g, maxRank, lowRankTolerance, scratch, work)
	if err != nil || !ok {
		return nil, err
	}
	r := ft.Len()
	if 3*g*r > len(x) {
		return &lowRank{g: g, r: r, f: rowsOf(make([]float64, g*r), ft, g)}, nil
	}
	n := g * r
	return &lowRank{g: g, r: r, f: rowsOf(x[:n:n], ft, g), ft: x[n : 2*n : 2*n], spare: x[2*n : 3*n : 3*n]}, nil
}

// grow returns s with length n, reallocated only when its capacity is
// short.
func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

// at returns entry (i, j), clamped to [-1, 1] as the dense iteration's.
func (lr *lowRank) at(i, j int) float64 {
	if i == j {
		return 1
	}
	r := lr.r
	return max(-1, min(1, dot4(lr.f[i*r:i*r+r], lr.f[j*r:j*r+r])))
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
	lr.f = slices.Clone(lr.f) // it may live in x (see factorIn)
	for i := range lr.g {
		for j := range lr.g {
			x[i*lr.g+j] = lr.at(i, j)
		}
	}
}
