package graph

import (
	"context"
	"math"
	"slices"

	"collab/internal/parallel"
)

// lazyBatch is the number of columns the factorisation of an implicit
// X_{k+1} fetches at once (in parallel); fixed, so that the pivots, and
// the factor, do not depend on the number of cores.
const lazyBatch = 16

// pivotedCholesky returns the g x g positive semi-definite matrix whose
// diagonal is diag and whose columns columns fetches (batch at a time) as
// F F', by Cholesky factorisation with diagonal pivoting, stopping when
// every remaining diagonal entry is under lowRankTolerance (then every
// entry of the residual is, since it is positive semi-definite). It
// returns nil when the rank would exceed maxRank, or as soon as the
// residual's fall predicts that it will (a saving only: a factor returned
// always meets the tolerance). O(g r^2) and r columns.
//
// With batch 1 the pivot is always the largest remaining diagonal entry;
// with a larger batch, the batch's candidates (the largest entries when it
// was fetched) are taken in turn, each while it is within a factor 1000 of
// the largest (a candidate whose entry has collapsed with an earlier
// pivot's is skipped). Any pivot order gives a factor whose residual is
// positive semi-definite and bounded by its diagonal; the order only
// changes the rank found (383 against 378 at 2,000 cities) and the columns
// fetched in vain (721 against 945 with a factor 8).
func pivotedCholesky(ctx context.Context, g, maxRank int, diag []float64, batch int, columns func(ps []int) ([][]float64, error)) (*lowRank, error) {
	d := append([]float64(nil), diag...)
	f := make([]float64, g*maxRank)
	k := 0
	fall := rankForecast{limit: maxRank, tops: []float64{math.NaN()}}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		cands := largest(d, batch)
		if len(cands) == 0 {
			break
		}
		cols, err := columns(cands)
		if err != nil {
			return nil, err
		}
		for c, p := range cands {
			top := slices.Max(d)
			if !(d[p] > lowRankTolerance) || d[p] < top/1000 {
				continue
			}
			if k == maxRank || !fall.plausible(k, top) {
				return nil, nil
			}
			piv := math.Sqrt(d[p])
			fp := f[p*maxRank : p*maxRank+k]
			col := cols[c]
			eliminate := func(lo, hi int) {
				for i := lo; i < hi; i++ {
					fi := f[i*maxRank : i*maxRank+k]
					f[i*maxRank+k] = (col[i] - dot(fi, fp)) / piv
				}
			}
			if g*k < 1<<16 {
				eliminate(0, g)
			} else { // rows apart on all cores, each row's sum as before
				parallel.For(ctx, (g+255)/256, func(b int) { eliminate(b*256, min(g, b*256+256)) })
			}
			f[p*maxRank+k] = piv
			for i := range g {
				v := f[i*maxRank+k]
				d[i] -= v * v
			}
			d[p] = 0
			k++
		}
	}
	lr := &lowRank{g: g, r: k, f: make([]float64, g*k)}
	for i := range g {
		copy(lr.f[i*k:(i+1)*k], f[i*maxRank:i*maxRank+k])
	}
	return lr, nil
}

// largest returns the positions of the n largest entries of d above
// lowRankTolerance, largest first (the first position among equals).
func largest(d []float64, n int) []int {
	var out []int
	for len(out) < n {
		best := -1
		for i, v := range d {
			if !(v > lowRankTolerance) || contains(out, i) {
				continue
			}
			if best < 0 || v > d[best] {
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

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// rankForecast extrapolates the fall of the largest residual diagonal
// entry, which pivoted Cholesky drives down about geometrically, to the
// rank at which it would reach lowRankTolerance: every 32 steps, from its
// fall over the last half of the steps. Once the forecast is beyond the
// limit the factorisation is abandoned rather than run to the limit. (The
// fall steepens as the rank grows, so the forecast errs high: it may give
// up on a factorisation that would have succeeded, which costs time only.)
type rankForecast struct {
	limit int
	tops  []float64 // the largest residual entry at steps 0, 32, 64, ...
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
	need := float64(k) + (math.Log(lowRankTolerance)-math.Log(top))/slope
	return need <= float64(r.limit)
}

// factorExplicit factors X (g x g) held densely, nil when its rank at
// lowRankTolerance exceeds maxRank.
func factorExplicit(ctx context.Context, x []float64, g, maxRank int) (*lowRank, error) {
	diag := make([]float64, g)
	for i := range g {
		diag[i] = x[i*g+i]
	}
	return pivotedCholesky(ctx, g, maxRank, diag, 1, func(ps []int) ([][]float64, error) {
		cols := make([][]float64, len(ps))
		for c, p := range ps {
			cols[c] = x[p*g : p*g+g] // X is symmetric: row p is column p
		}
		return cols, nil
	})
}

// factorNext factors X_{k+1} = D X_k H X_k D without forming it: column p
// is D X_k z_p, z = H X_k D, one application of the chain's X_k. x holds
// X_k; nil when a column has no variance or the rank exceeds maxRank.
func (s *sparseChain) factorNext(ctx context.Context, x, z []float64, g, maxRank int) (*lowRank, error) {
	scale := centredScaled(x, z, g)
	for _, v := range scale {
		if v == 0 {
			return nil, nil
		}
	}
	diag := make([]float64, g)
	for i := range diag {
		diag[i] = 1
	}
	s.known = map[int][]float64{}
	return pivotedCholesky(ctx, g, maxRank, diag, lazyBatch, func(ps []int) ([][]float64, error) {
		q := len(ps)
		in, out := make([]float64, g*q), make([]float64, g*q)
		for r := range g {
			for c, p := range ps {
				in[r*q+c] = z[r*g+p]
			}
		}
		if err := s.applyColumns(ctx, out, in, q, lazyBatch/2); err != nil {
			return nil, err
		}
		cols := make([][]float64, q)
		for c, p := range ps {
			col := make([]float64, g)
			for r := range g {
				col[r] = max(-1, min(1, scale[r]*out[r*q+c]))
			}
			col[p] = 1
			cols[c] = col
			s.known[p] = col
		}
		return cols, nil
	})
}
