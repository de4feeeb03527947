package regression

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// hessianCovariance returns the inverse of minus the Hessian of ll at
// theta by central differences (steps 1e-4 max(|theta_i|, 0.01)), the
// covariance spatialreg takes from fdHess for its sparse methods: ll is
// the log-likelihood in (rho or lambda, beta) with sigma^2 = SSE/n
// concentrated out.
func hessianCovariance(model Model, ll func([]float64) float64, theta []float64) (*mat.Dense, error) {
	m := len(theta)
	h := make([]float64, m)
	for i, v := range theta {
		h[i] = 1e-4 * math.Max(math.Abs(v), 0.01)
	}
	at := func(i int, di float64, j int, dj float64) float64 {
		x := append([]float64(nil), theta...)
		x[i] += di
		x[j] += dj
		return ll(x)
	}
	f0 := ll(theta)
	hess := mat.NewDense(m, m, nil)
	for i := range m {
		hii := (at(i, h[i], i, 0) - 2*f0 + at(i, -h[i], i, 0)) / (h[i] * h[i])
		hess.Set(i, i, -hii)
		for j := i + 1; j < m; j++ {
			hij := (at(i, h[i], j, h[j]) - at(i, h[i], j, -h[j]) - at(i, -h[i], j, h[j]) + at(i, -h[i], j, -h[j])) / (4 * h[i] * h[j])
			hess.Set(i, j, -hij)
			hess.Set(j, i, -hij)
		}
	}
	return invertInformation(model, hess)
}

// lagHessianCovariance sets the standard errors of SAR and SDM from the
// numerical Hessian of ln L(rho, beta).
func (f *fitted) lagHessianCovariance() error {
	p := f.p
	_, k := p.x.Dims()
	ll := func(th []float64) float64 {
		var sse float64
		for i := range p.n {
			r := p.y[i] - th[0]*p.wy[i]
			for j := range k {
				r -= p.x.At(i, j) * th[1+j]
			}
			sse += r * r
		}
		return gaussLogLik(p.n, sse, f.jac.logDet(th[0]))
	}
	v, err := hessianCovariance(p.model, ll, append([]float64{f.rho}, f.coef...))
	if err != nil {
		return err
	}
	f.rhoSE = math.Sqrt(v.At(0, 0))
	f.se = sqrtDiag(v)[1:]
	f.covRhoBeta = subCovariance(v, 0)
	return nil
}

// errorHessianSE returns the standard error of lambda from the numerical
// Hessian of ln L(lambda, beta).
func (f *fitted) errorHessianSE() (float64, error) {
	p := f.p
	_, k := p.x.Dims()
	ll := func(th []float64) float64 {
		var sse float64
		for i := range p.n {
			r := p.y[i] - th[0]*p.wy[i]
			for j := range k {
				r -= (p.x.At(i, j) - th[0]*p.wx.At(i, j)) * th[1+j]
			}
			sse += r * r
		}
		return gaussLogLik(p.n, sse, f.jac.logDet(th[0]))
	}
	v, err := hessianCovariance(p.model, ll, append([]float64{f.lam}, f.coef...))
	if err != nil {
		return 0, err
	}
	return math.Sqrt(v.At(0, 0)), nil
}
