package regression

import (
	"context"
	"math"

	"gonum.org/v1/gonum/mat"
)

// jacobian gives ln|I - a W|, the interval of a and the dense inverse of
// I - a W, by one of two exact routes: the eigenvalues of W (spatialreg
// method "eigen"), or, when W is similar to a symmetric S, the sparse
// Cholesky factor of I - a S in envelope storage under a reverse
// Cuthill-McKee order with the interval from the extreme eigenvalues of S
// by Lanczos (spatialreg's "Matrix" route, exact as "eigen").
type jacobian struct {
	method string
	spec   *spectrum  // the eigenvalues, on the eigen route
	sys    *symSystem // the sparse system, on the Cholesky route
	cheb   *chebyshev // the series, on the Chebyshev route
	lo, hi float64
}

// CholeskyMinN is the size from which LogDetAuto takes the sparse
// Cholesky route when W is similar to a symmetric matrix: below it the
// eigenvalues cost little, and they make simulated impacts exact.
const CholeskyMinN = 800

func newJacobian(ctx context.Context, p *problem, method LogDetMethod) (*jacobian, error) {
	d, similar := similarity(p.w)
	if (method == LogDetCholesky || method == LogDetChebyshev) && !similar {
		return nil, inputErr("logdet", "", "the sparse routes need W similar to a symmetric matrix (W = D^-1 C, C symmetric)")
	}
	if method == LogDetChebyshev || (method == LogDetAuto && similar && p.n > EigenMaxN) {
		if !p.rowStd {
			return nil, inputErr("logdet", "chebyshev", "needs row-standardised weights (eigenvalues in [-1, 1])")
		}
		c, err := newChebyshev(ctx, p, ChebyshevTerms, ChebyshevProbes, 1)
		if err != nil {
			return nil, err
		}
		// spatialreg's interval for its sparse methods, inside the series'
		// |rho| < 1.
		return &jacobian{method: "chebyshev", cheb: c, lo: -1 + 1e-9, hi: 0.999}, nil
	}
	if method == LogDetCholesky || (method == LogDetAuto && similar && p.n >= CholeskyMinN) {
		if p.n > EigenMaxN {
			// Lanczos with full reorthogonalisation grows as n^2: the
			// interval of the sparse methods instead.
			return &jacobian{method: "cholesky", sys: newSymSystem(p, d), lo: -1 + 1e-9, hi: 0.999}, nil
		}
		lmin, lmax, err := extremeEigenvalues(ctx, p, d)
		if err != nil {
			return nil, err
		}
		lo, hi, err := interval(lmin, lmax)
		if err != nil {
			return nil, err
		}
		return &jacobian{method: "cholesky", sys: newSymSystem(p, d), lo: lo, hi: hi}, nil
	}
	sp, err := blockEigenvalues(ctx, p.w)
	if err != nil {
		return nil, err
	}
	return &jacobian{method: "eigen", spec: sp, lo: sp.lo, hi: sp.hi}, nil
}

// blockEigenvalues returns the eigenvalues of W, those of I_T (x) W as T
// copies of the base's.
func blockEigenvalues(ctx context.Context, w weights) (*spectrum, error) {
	b, ok := w.(*blockWeights)
	if !ok {
		return eigenvalues(ctx, w)
	}
	sp, err := eigenvalues(ctx, b.base)
	if err != nil {
		return nil, err
	}
	out := &spectrum{lo: sp.lo, hi: sp.hi}
	for range b.periods {
		out.re = append(out.re, sp.re...)
		if sp.im != nil {
			out.im = append(out.im, sp.im...)
		}
	}
	return out, nil
}

// interval returns (1/lmin + eps, 1/lmax - eps), spatialreg's search
// interval.
func interval(lmin, lmax float64) (float64, float64, error) {
	if !(lmin < 0 && lmax > 0) {
		return 0, 0, inputErr("w", "", "eigenvalues in [%g, %g] do not straddle 0: no interval for the autoregressive parameter", lmin, lmax)
	}
	eps := 0x1p-52
	return 1/lmin + eps, 1/lmax - eps, nil
}

func (j *jacobian) logDet(a float64) float64 {
	if j.spec != nil {
		return j.spec.logDet(a)
	}
	if j.cheb != nil {
		return j.cheb.logDet(a)
	}
	return j.sys.logDet(a)
}

// inverse returns the dense (I - a W)^-1.
func (j *jacobian) inverse(ctx context.Context, p *problem, a float64) (*mat.Dense, error) {
	if j.sys != nil {
		return j.sys.inverse(ctx, a)
	}
	if j.spec == nil {
		return nil, inputErr("logdet", j.method, "has no dense inverse")
	}
	return denseInverse(p, a)
}

// similarity returns d with d_i w_ij = d_j w_ji on every link, when it
// exists (W = D^-1 C with C symmetric): then S = D^1/2 W D^-1/2 is
// symmetric. d is found by walking each connected component from d = 1
// and checked on every link.
func similarity(w weights) ([]float64, bool) {
	n := w.Len()
	d := make([]float64, n)
	queue := make([]int, 0, n)
	for root := range n {
		if d[root] != 0 {
			continue
		}
		d[root] = 1
		queue = append(queue[:0], root)
		for len(queue) > 0 {
			i := queue[0]
			queue = queue[1:]
			nb, wt := w.Row(i)
			for k, j := range nb {
				wji := weightAt(w, j, i)
				if wji <= 0 || wt[k] <= 0 {
					return nil, false
				}
				dj := d[i] * wt[k] / wji
				if d[j] == 0 {
					d[j] = dj
					queue = append(queue, j)
				} else if math.Abs(d[j]-dj) > 1e-10*d[j] {
					return nil, false
				}
			}
		}
	}
	return d, true
}

// dense reports whether the standard errors may use the n x n inverse.
func (j *jacobian) dense(n int) bool { return n <= EigenMaxN && j.cheb == nil }

// logDetError returns the stated error at a, or nil for the exact routes.
func (j *jacobian) logDetError(a float64) *LogDetError {
	if j.cheb == nil {
		return nil
	}
	t, mc := j.cheb.errorBound(a)
	return &LogDetError{Truncation: t, MonteCarloSE: mc}
}
