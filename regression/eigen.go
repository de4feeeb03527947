package regression

import (
	"context"
	"math"
	"math/cmplx"

	"gonum.org/v1/gonum/mat"
)

// spectrum is the eigenvalues of W and the search interval for rho.
type spectrum struct {
	re, im []float64 // im is nil when every eigenvalue is real
	lo, hi float64   // interval (1/min + eps, 1/max - eps), as spatialreg
}

// eigenvalues returns the eigenvalues of W. When W is diagonally similar
// to a symmetric matrix (W = D^-1 C with C symmetric, as a row-standardised
// symmetric binary matrix is), they are those of the symmetric
// S = D^1/2 W D^-1/2, s_ij = sqrt(w_ij w_ji), found by EigenSym; otherwise
// those of W by the general (complex) eigensolver. O(n^3) time, O(n^2)
// memory.
func eigenvalues(ctx context.Context, w weights) (*spectrum, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sp := &spectrum{}
	if s, ok := symmetricSimilar(w); ok {
		var es mat.EigenSym
		if !es.Factorize(s, false) {
			return nil, inputErr("w", "", "eigenvalues did not converge")
		}
		sp.re = es.Values(nil)
	} else {
		var e mat.Eigen
		if !e.Factorize(denseW(w), mat.EigenNone) {
			return nil, inputErr("w", "", "eigenvalues did not converge")
		}
		vals := e.Values(nil)
		sp.re = make([]float64, len(vals))
		sp.im = make([]float64, len(vals))
		complexFound := false
		for i, v := range vals {
			sp.re[i], sp.im[i] = real(v), imag(v)
			complexFound = complexFound || imag(v) != 0
		}
		if !complexFound {
			sp.im = nil
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, v := range sp.re {
		if sp.im != nil && sp.im[i] != 0 {
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if !(lo < 0 && hi > 0) {
		return nil, inputErr("w", "", "eigenvalues in [%g, %g] do not straddle 0: no interval for the autoregressive parameter", lo, hi)
	}
	eps := 0x1p-52
	sp.lo, sp.hi = 1/lo+eps, 1/hi-eps
	return sp, nil
}

// logDet returns log|I - rho W| = sum_i log(1 - rho lambda_i), the real
// part when eigenvalues are complex (conjugate pairs make it real).
func (sp *spectrum) logDet(rho float64) float64 {
	var s float64
	if sp.im == nil {
		for _, v := range sp.re {
			s += math.Log(1 - rho*v)
		}
		return s
	}
	for i, v := range sp.re {
		s += real(cmplx.Log(1 - complex(rho, 0)*complex(v, sp.im[i])))
	}
	return s
}

// traces returns tr((I - rho W)^-1) and tr((I - rho W)^-1 W) from the
// eigenvalues: sum 1/(1 - rho lambda) and sum lambda/(1 - rho lambda).
func (sp *spectrum) traces(rho float64) (trA, trAW float64) {
	if sp.im == nil {
		for _, v := range sp.re {
			d := 1 / (1 - rho*v)
			trA += d
			trAW += v * d
		}
		return trA, trAW
	}
	for i, v := range sp.re {
		l := complex(v, sp.im[i])
		d := 1 / (1 - complex(rho, 0)*l)
		trA += real(d)
		trAW += real(l * d)
	}
	return trA, trAW
}

// symmetricSimilar returns S = D^1/2 W D^-1/2, s_ij = sqrt(w_ij w_ji),
// when W = D^-1 C for a symmetric C (see similarity).
func symmetricSimilar(w weights) (*mat.SymDense, bool) {
	if _, ok := similarity(w); !ok {
		return nil, false
	}
	n := w.Len()
	s := mat.NewSymDense(n, nil)
	for i := range n {
		nb, wt := w.Row(i)
		for k, j := range nb {
			if j > i {
				s.SetSym(i, j, math.Sqrt(wt[k]*weightAt(w, j, i)))
			}
		}
	}
	return s, true
}

// weightAt returns w_ij by binary search in row i.
func weightAt(w weights, i, j int) float64 {
	nb, wt := w.Row(i)
	lo, hi := 0, len(nb)
	for lo < hi {
		m := (lo + hi) / 2
		if nb[m] < j {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(nb) && nb[lo] == j {
		return wt[lo]
	}
	return 0
}

// denseW returns W as an n x n matrix.
func denseW(w weights) *mat.Dense {
	n := w.Len()
	m := mat.NewDense(n, n, nil)
	for i := range n {
		nb, wt := w.Row(i)
		for k, j := range nb {
			m.Set(i, j, wt[k])
		}
	}
	return m
}
