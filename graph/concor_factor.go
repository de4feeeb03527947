package graph

import (
	"context"
	"math"
	"slices"

	"collab/internal/crossprod"
)

// choleskyBatch is the number of candidate pivots pivotedCholesky brings
// up to date at once, by one product with the columns found so far:
// fixed, so that the pivots, and the factor, do not depend on the cores.
const choleskyBatch = 16

// pivotedCholesky returns X (g x g, positive semi-definite, symmetric,
// row-major) as F F', by Cholesky factorisation with diagonal pivoting,
// stopping when every remaining diagonal entry is at most tol (then every
// entry of the residual is, since it is positive semi-definite). When
// maxRank < g it returns nil if the rank would exceed maxRank, or as soon
// as the residual's fall predicts that it will (a saving only: a factor
// returned always meets the tolerance).
//
// The pivots come in batches: the 16 largest remaining diagonal entries
// are the candidates, their columns of F F' are formed at once (one
// product of F with 16 of its rows, at the SIMD kernels' pace, reading F
// once where a pivot at a time reads it 16 times), and each is
// taken in turn, its column completed with the batch's earlier pivots,
// while its entry is within a factor 1000 of the largest (one that has
// collapsed with an earlier pivot's is skipped). Any pivot order gives a
// factor whose residual is positive semi-definite and bounded by its
// diagonal; the order only changes the rank found (383 against 378 for one
// pivot at a time, at 2,000 cities). O(g r^2). F is returned by columns,
// the rows of ft (its rank r = ft.Len()), built in scratch when it holds
// crossprod.PackedLen(maxRank, g) values, else in as much new memory; ok
// is false when the rank is refused.
func pivotedCholesky(ctx context.Context, x []float64, g, maxRank int, tol float64, scratch []float64, work *crossprod.Workspace) (ft *crossprod.Rows, ok bool, err error) {
	d := make([]float64, g)
	for i := range g {
		d[i] = x[i*g+i]
	}
	ft = crossprod.NewRows(g, min(maxRank, g), scratch) // row t is column t of F
	prod := make([]float64, g*choleskyBatch)            // F F' at the candidates' columns, g x batch
	col := make([]float64, g)
	fall := rankForecast{limit: maxRank, tol: tol, tops: []float64{math.NaN()}}
	for {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		cands := largest(d, tol, choleskyBatch)
		if len(cands) == 0 {
			break
		}
		k0, nb := ft.Len(), len(cands)
		if err := candidateColumns(ctx, prod[:g*nb], ft, cands, work); err != nil {
			return nil, false, err
		}
		for j, p := range cands {
			top := slices.Max(d)
			if !(d[p] > tol) || d[p] < top/1000 {
				continue
			}
			k := ft.Len()
			if maxRank < g && (k == maxRank || !fall.plausible(k, top)) {
				return nil, false, nil
			}
			for i := range g {
				col[i] = x[p*g+i] - prod[i*nb+j]
			}
			for l := k0; l < k; l++ { // the batch's earlier pivots
				ft.AddScaledRow(col, -ft.At(l, p), l)
			}
			piv := math.Sqrt(d[p])
			for i := range col {
				col[i] /= piv
			}
			col[p] = piv
			for i, v := range col {
				d[i] -= v * v
			}
			d[p] = 0
			ft.Append(col)
		}
	}
	return ft, true, nil
}

// rowsOf writes F (g x r, r = ft.Len()), held by columns in ft, into dst
// by rows.
func rowsOf(dst []float64, ft *crossprod.Rows, g int) []float64 {
	r := ft.Len()
	dst = dst[:g*r]
	for t := range r {
		for i := range g {
			dst[i*r+t] = ft.At(t, i)
		}
	}
	return dst
}

// candidateColumns sets prod (g x nb) to F F' at the candidates' columns:
// one product, prod = (F')' F[cands, :]'.
func candidateColumns(ctx context.Context, prod []float64, ft *crossprod.Rows, cands []int, work *crossprod.Workspace) error {
	k, nb := ft.Len(), len(cands)
	rows := make([]float64, k*nb) // F[cands, :] transposed: k x nb
	for t := range k {
		for j, p := range cands {
			rows[t*nb+j] = ft.At(t, p)
		}
	}
	return work.MulRows(ctx, prod, ft, rows, nb)
}

// largest returns the positions of the n largest entries of d above tol,
// largest first (the first position among equals).
func largest(d []float64, tol float64, n int) []int {
	var out []int
	for len(out) < n {
		best := -1
		for i, v := range d {
			if v > tol && (best < 0 || v > d[best]) && !slices.Contains(out, i) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		out = append(out, best)
	}
	return out
}

// rankForecast extrapolates the fall of the largest residual diagonal
// entry, which pivoted Cholesky drives down about geometrically, to the
// rank at which it would reach the tolerance: every 32 steps, from its
// fall over the last half of the steps, so that a factorisation bound to
// exceed the limit is abandoned early rather than run to it. The fall
// steepens as the rank grows, so the forecast errs high while it is still
// falling (at 2,000 cities, 35 times the rank found a tenth of the way,
// 1.4 times at 40%): it is trusted (with a tenth to spare) once it stops
// falling, or when, a third of the way to the limit, it is still more than
// twice the limit.
type rankForecast struct {
	limit int
	tol   float64
	tops  []float64 // the largest residual entry at steps 0, 32, 64, ...
	last  float64   // the previous forecast
}

func (r *rankForecast) plausible(k int, top float64) bool {
	if k%32 != 0 || k/32 < len(r.tops) {
		return true
	}
	r.tops = append(r.tops, top)
	n := len(r.tops) - 1 // k = 32 n
	if n < 2 {
		return true
	}
	half := n / 2
	slope := (math.Log(top) - math.Log(r.tops[half])) / float64(32*(n-half))
	if !(slope < 0) {
		return false
	}
	need := float64(k) + (math.Log(r.tol)-math.Log(top))/slope
	falling := r.last == 0 || need < r.last
	r.last = need
	limit := float64(r.limit)
	return need <= 1.1*limit || (falling && !(3*k >= r.limit && need > 2*limit))
}

// dot4 is the dot product of a and b (as long as a) in four interleaved
// sums, added pairwise at the end: four chains for the processor to
// overlap, where one sum waits on each addition.
func dot4(a, b []float64) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float64
	k := 0
	for ; k+4 <= len(a); k += 4 {
		s0 += a[k] * b[k]
		s1 += a[k+1] * b[k+1]
		s2 += a[k+2] * b[k+2]
		s3 += a[k+3] * b[k+3]
	}
	for ; k < len(a); k++ {
		s0 += a[k] * b[k]
	}
	return (s0 + s1) + (s2 + s3)
}
