package regression

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Fit estimates the model of s: OLS and SLX by least squares, the
// autoregressive models by maximum likelihood as spatialreg's lagsarlm,
// errorsarlm and sacsarlm with method "eigen", and the impacts of the lag
// models. An OLS fit with weights also carries the LM tests and Moran's I
// of its residuals.
func Fit(ctx context.Context, s Spec) (*Result, error) {
	p, err := newProblem(s)
	if err != nil {
		return nil, err
	}
	f, err := fitProblem(ctx, p)
	if err != nil {
		return nil, err
	}
	res := f.result()
	if err := f.addImpacts(ctx, res, s.Impacts); err != nil {
		return nil, err
	}
	if s.Model == OLS && s.W != nil {
		res.LMTests = lmTests(p, f.ls)
		res.Moran = lmMoran(p, f.ls)
	}
	return res, nil
}

// fitProblem estimates the model of p.
func fitProblem(ctx context.Context, p *problem) (*fitted, error) {
	var f *fitted
	var err error
	switch p.model {
	case OLS, SLX:
		f = fitLeastSquares(p)
	case SAR, SDM:
		f, err = fitLag(ctx, p)
	case SEM, SDEM:
		f, err = fitError(ctx, p)
	case SAC:
		f, err = fitSAC(ctx, p)
	}
	if err != nil {
		return nil, err
	}
	if !(f.sigma2 > 1e-20*variance(p.y)) || !finiteAll(f.se) {
		return nil, inputErr("y", "", "is fitted exactly by the model %s (residual variance %g): no standard errors", p.model, f.sigma2)
	}
	return f, nil
}

func variance(v []float64) float64 {
	var m, s float64
	for _, x := range v {
		m += x / float64(len(v))
	}
	for _, x := range v {
		s += (x - m) * (x - m)
	}
	return s / float64(len(v))
}

func finiteAll(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) || x <= 0 {
			return false
		}
	}
	return true
}

// fitted is what a fit leaves for the result and the impacts.
type fitted struct {
	p          *problem
	coef, se   []float64
	rho, rhoSE float64 // rho for lag models and SAC
	lam, lamSE float64 // lambda for error models and SAC
	logLik     float64
	sigma2     float64
	params     int
	resid      []float64
	ls         lsFit         // least-squares fit, for OLS and SLX
	jac        *jacobian     // log-determinant and inverse, for spatial models
	trAt       [2]float64    // tr(A)/n and tr(AW)/n at rho, A = (I - rho W)^-1
	covRhoBeta *mat.SymDense // covariance of (rho, beta), for simulated impacts
	covBeta    *mat.Dense    // covariance of beta used for SLX and SDEM impacts
}

func (f *fitted) result() *Result {
	p := f.p
	r := &Result{Model: p.model, N: p.n, LogLikelihood: f.logLik, Sigma2: f.sigma2,
		Parameters: f.params, AIC: -2*f.logLik + 2*float64(f.params), Residuals: f.resid}
	r.Fitted = make([]float64, p.n)
	for i := range r.Fitted {
		r.Fitted[i] = p.y[i] - f.resid[i]
	}
	for j, name := range p.names {
		r.Coefficients = append(r.Coefficients, estimate(name, f.coef[j], f.se[j]))
	}
	if p.model.lagsY() {
		e := estimate("rho", f.rho, f.rhoSE)
		r.Rho = &e
	}
	if p.model.lagsErrors() {
		e := estimate("lambda", f.lam, f.lamSE)
		r.Lambda = &e
	}
	if f.jac != nil {
		r.LogDet = f.jac.method
		a := f.rho
		if !p.model.lagsY() {
			a = f.lam
		}
		r.LogDetError = f.jac.logDetError(a)
	}
	return r
}

// gaussLogLik is the log-likelihood of n normal errors of variance
// sse/n at the ML estimate, plus the log-Jacobian ldet.
func gaussLogLik(n int, sse, ldet float64) float64 {
	fn := float64(n)
	s2 := sse / fn
	return ldet - fn/2*math.Log(2*math.Pi) - fn/2*math.Log(s2) - sse/(2*s2)
}

// fitLeastSquares fits OLS or SLX (lm): standard errors from
// s^2 = SSE/(n - k).
func fitLeastSquares(p *problem) *fitted {
	ls := leastSquares(p.x, p.y, true)
	_, k := p.x.Dims()
	s2 := ls.sse / float64(p.n-k)
	f := &fitted{p: p, coef: ls.coef, ls: ls, resid: ls.resid, sigma2: ls.sse / float64(p.n),
		logLik: gaussLogLik(p.n, ls.sse, 0), params: k + 1}
	f.covBeta = mat.NewDense(k, k, nil)
	f.covBeta.Scale(s2, ls.xtxI)
	f.se = sqrtDiag(f.covBeta)
	return f
}

func sqrtDiag(m mat.Matrix) []float64 {
	r, _ := m.Dims()
	out := make([]float64, r)
	for i := range r {
		out[i] = math.Sqrt(m.At(i, i))
	}
	return out
}

// checkInterior rejects an estimate on the bound of its interval, where
// spatialreg warns that the results should not be used: within Brent's
// final bracket of the bound, 2 (sqrt(eps) |b| + sqrt(eps)/3), which R's
// all.equal tolerance (1.5e-8 relative) is narrower than, so that a
// likelihood rising to the bound is caught wherever Brent stops (a ring
// with y alternating stopped 3.7e-8 from rho = -1).
func checkInterior(param string, v, lo, hi float64) error {
	const sqrtEps = 1.4901161193847656e-08
	near := func(b float64) bool { return math.Abs(v-b) <= 2*(sqrtEps*math.Abs(b)+sqrtEps/3) }
	if near(lo) || near(hi) {
		return inputErr(param, fmt.Sprint(v), "estimate is on the bound of its interval [%g, %g]: the likelihood has no interior maximum and the fit should not be used", lo, hi)
	}
	return nil
}

// denseInverse returns (I - a W)^-1 by LU.
func denseInverse(p *problem, a float64) (*mat.Dense, error) {
	n := p.n
	m := mat.NewDense(n, n, nil)
	for i := range n {
		m.Set(i, i, 1)
		nb, wt := p.w.Row(i)
		for k, j := range nb {
			m.Set(i, j, m.At(i, j)-a*wt[k])
		}
	}
	var inv mat.Dense
	if err := inv.Inverse(m); err != nil {
		return nil, inputErr("w", "", "I - %g W is singular: %v", a, err)
	}
	return &inv, nil
}

// mulW returns M W (sparse W on the right): row i of MW is sum_k m_ik w_k.
func mulW(p *problem, m *mat.Dense) *mat.Dense {
	n := p.n
	out := mat.NewDense(n, n, nil)
	for i := range n {
		mi := m.RawRowView(i)
		oi := out.RawRowView(i)
		for k, mik := range mi {
			if mik == 0 {
				continue
			}
			nb, wt := p.w.Row(k)
			for t, j := range nb {
				oi[j] += mik * wt[t]
			}
		}
	}
	return out
}

// wMul returns W M: row i is sum_k w_ik m_k.
func wMul(p *problem, m *mat.Dense) *mat.Dense {
	n := p.n
	out := mat.NewDense(n, n, nil)
	for i := range n {
		oi := out.RawRowView(i)
		nb, wt := p.w.Row(i)
		for t, k := range nb {
			mk := m.RawRowView(k)
			for j, v := range mk {
				oi[j] += wt[t] * v
			}
		}
	}
	return out
}

func trace(m *mat.Dense) float64 {
	n, _ := m.Dims()
	var s float64
	for i := range n {
		s += m.At(i, i)
	}
	return s
}

// traceProduct returns tr(A B) = sum_ij a_ij b_ji.
func traceProduct(a, b *mat.Dense) float64 {
	n, _ := a.Dims()
	var s float64
	for i := range n {
		ai := a.RawRowView(i)
		for j, v := range ai {
			s += v * b.At(j, i)
		}
	}
	return s
}

// frobenius2 returns tr(A'A) = sum_ij a_ij^2.
func frobenius2(a *mat.Dense) float64 {
	n, _ := a.Dims()
	var s float64
	for i := range n {
		for _, v := range a.RawRowView(i) {
			s += v * v
		}
	}
	return s
}

func dot(a, b []float64) float64 {
	var s float64
	for i, v := range a {
		s += v * b[i]
	}
	return s
}

func mulVec(m mat.Matrix, v []float64) []float64 {
	r, _ := m.Dims()
	out := mat.NewVecDense(r, nil)
	out.MulVec(m, mat.NewVecDense(len(v), v))
	return out.RawVector().Data
}

func axpy(y []float64, a float64, x []float64) []float64 {
	out := make([]float64, len(y))
	for i := range y {
		out[i] = y[i] + a*x[i]
	}
	return out
}

// invertInformation inverts an information matrix, naming the failure.
func invertInformation(model Model, inf *mat.Dense) (*mat.Dense, error) {
	var v mat.Dense
	if err := v.Inverse(inf); err != nil {
		return nil, inputErr("model", model.String(), "the asymptotic information matrix is singular: %v", err)
	}
	r, _ := v.Dims()
	for i := range r {
		if !(v.At(i, i) > 0) || math.IsInf(v.At(i, i), 0) {
			return nil, inputErr("model", model.String(), "the asymptotic covariance matrix is not positive definite")
		}
	}
	return &v, nil
}
