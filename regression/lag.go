package regression

import (
	"context"
	"math"

	"gonum.org/v1/gonum/mat"
)

// fitLag fits SAR or SDM (spatialreg lagsarlm, method "eigen"). The
// likelihood concentrated on rho is
//
//	ln L(rho) = ln|I - rho W| - n/2 ln(2 pi) - n/2 ln(SSE/n) - n/2,
//	SSE(rho) = e0'e0 - 2 rho ew'e0 + rho^2 ew'ew,
//
// with e0 and ew the residuals of y and Wy on X; it is maximised by Brent's
// method on the interval from the eigenvalues. The standard errors are
// those of the analytical information matrix of (sigma^2, rho, beta)
// (Anselin 1988), as lagsarlm's.
func fitLag(ctx context.Context, p *problem) (*fitted, error) {
	jac, err := newJacobian(ctx, p, p.logDet)
	if err != nil {
		return nil, err
	}
	e0 := leastSquares(p.x, p.y, false).resid
	ew := leastSquares(p.x, p.wy, false).resid
	ea, eb, ec := dot(e0, e0), dot(ew, e0), dot(ew, ew)
	loglik := func(rho float64) float64 {
		return gaussLogLik(p.n, ea-2*rho*eb+rho*rho*ec, jac.logDet(rho))
	}
	rho, ll := maximize(loglik, jac.lo, jac.hi, math.Sqrt(0x1p-52))
	if err := checkInterior("rho", rho, jac.lo, jac.hi); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ls := leastSquares(p.x, axpy(p.y, -rho, p.wy), false)
	_, k := p.x.Dims()
	f := &fitted{p: p, coef: ls.coef, rho: rho, logLik: ll, sigma2: ls.sse / float64(p.n),
		params: k + 2, resid: ls.resid, jac: jac}
	if !jac.dense(p.n) {
		return f, f.lagHessianCovariance()
	}
	if err := f.lagCovariance(ctx); err != nil {
		return nil, err
	}
	return f, nil
}

// lagCovariance sets the standard errors from the inverse of the
// information matrix of (sigma^2, rho, beta), with A = (I - rho W)^-1:
//
//	[ n/2           s2 tr(AW)               0       ]
//	[ s2 tr(AW)     V                       s2 b'X'(AW)'X ... ]
//	[ 0             s2 X'AWXb               s2 X'X  ]
//
// V = s2 (s2 tr((AW)'AW) + |AWXb|^2) + s2^2 tr(AW AW),
// the covariance being s2^2 times the inverse (lagsarlm's varb).
func (f *fitted) lagCovariance(ctx context.Context) error {
	p := f.p
	_, k := p.x.Dims()
	s2 := f.sigma2
	a, err := f.jac.inverse(ctx, p, f.rho)
	if err != nil {
		return err
	}
	aw := mulW(p, a)
	trAW := trace(aw)
	omega := traceProduct(aw, aw) // sum (lambda/(1 - rho lambda))^2
	f.trAt = [2]float64{trace(a) / float64(p.n), trAW / float64(p.n)}
	awxb := mulVec(aw, mulVec(p.x, f.coef))
	xtawxb := mulVec(p.x.T(), awxb)
	inf := mat.NewDense(k+2, k+2, nil)
	inf.Set(0, 0, float64(p.n)/2)
	inf.Set(0, 1, s2*trAW)
	inf.Set(1, 0, s2*trAW)
	inf.Set(1, 1, s2*(s2*frobenius2(aw)+dot(awxb, awxb))+omega*s2*s2)
	var xtx mat.Dense
	xtx.Mul(p.x.T(), p.x)
	for i := range k {
		inf.Set(1, 2+i, s2*xtawxb[i])
		inf.Set(2+i, 1, s2*xtawxb[i])
		for j := range k {
			inf.Set(2+i, 2+j, s2*xtx.At(i, j))
		}
	}
	v, err := invertInformation(p.model, inf)
	if err != nil {
		return err
	}
	v.Scale(s2*s2, v)
	f.rhoSE = math.Sqrt(v.At(1, 1))
	f.se = make([]float64, k)
	for i := range k {
		f.se[i] = math.Sqrt(v.At(2+i, 2+i))
	}
	f.covRhoBeta = subCovariance(v, 1)
	return nil
}

// subCovariance returns the trailing block of v from row and column
// `from`, symmetrised.
func subCovariance(v *mat.Dense, from int) *mat.SymDense {
	r, _ := v.Dims()
	m := r - from
	out := mat.NewSymDense(m, nil)
	for i := range m {
		for j := i; j < m; j++ {
			out.SetSym(i, j, (v.At(from+i, from+j)+v.At(from+j, from+i))/2)
		}
	}
	return out
}
