package regression

import (
	"context"
	"math"

	"gonum.org/v1/gonum/mat"
)

// fitError fits SEM or SDEM (spatialreg errorsarlm, method "eigen"). The
// likelihood concentrated on lambda is
//
//	ln L(lambda) = ln|I - lambda W| - n/2 ln(2 pi) - n/2 ln(SSE/n) - n/2,
//
// SSE the residual sum of squares of y - lambda Wy on X - lambda WX,
// maximised by Brent's method. The standard errors of beta are
// sqrt(SSE/n diag((X_l'X_l)^-1)), X_l = X - lambda WX; that of lambda comes
// from the information matrix of (sigma^2, lambda), with B = W (I - lambda W)^-1:
//
//	[ n/(2 s2^2)   tr(B)/s2             ]
//	[ tr(B)/s2     tr(B B) + tr(B'B)    ]
func fitError(ctx context.Context, p *problem) (*fitted, error) {
	jac, err := newJacobian(ctx, p, p.logDet)
	if err != nil {
		return nil, err
	}
	loglik := func(lam float64) float64 {
		xl := filtered(p.x, p.wx, lam)
		ls := leastSquares(xl, axpy(p.y, -lam, p.wy), false)
		return gaussLogLik(p.n, ls.sse, jac.logDet(lam))
	}
	lam, ll := maximize(loglik, jac.lo, jac.hi, math.Sqrt(0x1p-52))
	if err := checkInterior("lambda", lam, jac.lo, jac.hi); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	xl := filtered(p.x, p.wx, lam)
	ls := leastSquares(xl, axpy(p.y, -lam, p.wy), true)
	_, k := p.x.Dims()
	n := float64(p.n)
	s2 := ls.sse / n
	f := &fitted{p: p, coef: ls.coef, lam: lam, logLik: ll, sigma2: s2, params: k + 2,
		resid: ls.resid, jac: jac}
	cov := mat.NewDense(k, k, nil)
	cov.Scale(s2, ls.xtxI)
	f.se = sqrtDiag(cov)
	// summary.lm of the filtered regression, s^2 = SSE/(n - k), gives the
	// standard errors of SDEM's impacts in spatialreg.
	f.covBeta = mat.NewDense(k, k, nil)
	f.covBeta.Scale(ls.sse/(n-float64(k)), ls.xtxI)
	if !jac.dense(p.n) {
		f.lamSE, err = f.errorHessianSE()
		return f, err
	}
	a, err := jac.inverse(ctx, p, lam)
	if err != nil {
		return nil, err
	}
	wa := wMul(p, a)
	trWA := trace(wa)
	inf := mat.NewDense(2, 2, []float64{
		n / (2 * s2 * s2), trWA / s2,
		trWA / s2, traceProduct(wa, wa) + frobenius2(wa),
	})
	v, err := invertInformation(p.model, inf)
	if err != nil {
		return nil, err
	}
	f.lamSE = math.Sqrt(v.At(1, 1))
	return f, nil
}

// filtered returns X - a WX.
func filtered(x, wx *mat.Dense, a float64) *mat.Dense {
	var out mat.Dense
	out.Scale(-a, wx)
	out.Add(x, &out)
	return &out
}
