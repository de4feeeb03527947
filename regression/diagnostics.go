package regression

import (
	"context"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// lmTests returns the Lagrange multiplier tests of OLS residuals for
// spatial dependence (Anselin 1988; Anselin, Bera, Florax and Yoon 1996),
// as spdep's lm.LMtests(test = "all"): with u the residuals,
// s2 = u'u/n, T = tr(W'W + WW) and
// nJ = ((WXb)'M(WXb) + T s2)/s2, M = I - X(X'X)^-1X',
//
//	LMerr  = (u'Wu/s2)^2 / T
//	LMlag  = (u'Wy/s2)^2 / nJ
//	RLMerr = (u'Wu/s2 - T/nJ u'Wy/s2)^2 / (T (1 - T/nJ))
//	RLMlag = (u'Wy/s2 - u'Wu/s2)^2 / (nJ - T)
//	SARMA  = RLMlag + LMerr (2 degrees of freedom)
func lmTests(p *problem, ls lsFit) []Test {
	n := float64(p.n)
	u := ls.resid
	s2 := dot(u, u) / n
	tr := traceWW(p)
	yhat := make([]float64, p.n)
	for i := range yhat {
		yhat[i] = p.y[i] - u[i]
	}
	wu := p.w.Lag(u)
	wyhat := p.w.Lag(yhat)
	xtw := mulVec(p.x.T(), wyhat)
	quad := dot(xtw, mulVec(ls.xtxI, xtw))
	nj := (dot(wyhat, wyhat) - quad + tr*s2) / s2
	dWu := dot(u, wu) / s2
	dWy := dot(u, p.wy) / s2
	lmErr := dWu * dWu / tr
	rlmLag := (dWy - dWu) * (dWy - dWu) / (nj - tr)
	rerr := dWu - tr/nj*dWy
	return []Test{
		chiTest("LMerr", lmErr, 1),
		chiTest("LMlag", dWy*dWy/nj, 1),
		chiTest("RLMerr", rerr*rerr/(tr*(1-tr/nj)), 1),
		chiTest("RLMlag", rlmLag, 1),
		chiTest("SARMA", rlmLag+lmErr, 2),
	}
}

func chiTest(name string, stat float64, df int) Test {
	return Test{Name: name, Statistic: stat, DF: df, P: distuv.ChiSquared{K: float64(df)}.Survival(stat)}
}

// traceWW returns tr(W'W + WW) = sum_ij w_ij^2 + w_ij w_ji (spdep tracew).
func traceWW(p *problem) float64 {
	var s float64
	for i := range p.n {
		nb, wt := p.w.Row(i)
		for k, j := range nb {
			s += wt[k]*wt[k] + wt[k]*weightAt(p.w, j, i)
		}
	}
	return s
}

// symLag returns U v with U = (W + W')/2, spdep's listw2U.
func symLag(p *problem, v []float64) []float64 {
	out := p.w.Lag(v)
	for i := range out {
		out[i] /= 2
	}
	for i := range p.n {
		nb, wt := p.w.Row(i)
		for k, j := range nb {
			out[j] += wt[k] * v[i] / 2
		}
	}
	return out
}

// lmMoran returns Moran's I of the OLS residuals under U = (W + W')/2 with
// its mean and variance under the null (Cliff and Ord 1981, as spdep's
// lm.morantest): with N the cities with neighbours, S0 = sum u_ij,
// S1 = 1/2 sum (2 u_ij)^2, Z = UX, A = (X'X)^-1 X'Z, B = (X'X)^-1 Z'Z,
//
//	I    = N/S0 u'Uu / u'u
//	E(I) = -N tr(A) / ((N - k) S0)
//	V(I) = N^2 / (S0^2 (N-k)(N-k+2)) (S1 + 2 tr(A^2) - 4 tr(B) - 2 tr(A)^2/(N-k))
func lmMoran(p *problem, ls lsFit) *MoranTest {
	u := ls.resid
	var s0, s1 float64
	for i := range p.n {
		nb, wt := p.w.Row(i)
		for k, j := range nb {
			s0 += wt[k]
			uij := wt[k] + weightAt(p.w, j, i) // 2 u_ij
			s1 += uij * uij
		}
	}
	s1 /= 2
	nn := float64(p.n - len(p.w.Islands()))
	i := nn / s0 * dot(u, symLag(p, u)) / dot(u, u)
	_, k := p.x.Dims()
	z := mat.NewDense(p.n, k, nil)
	for j := range k {
		z.SetCol(j, symLag(p, mat.Col(nil, j, p.x)))
	}
	var c1, c2, a, b, a2 mat.Dense
	c1.Mul(p.x.T(), z)
	c2.Mul(z.T(), z)
	a.Mul(ls.xtxI, &c1)
	b.Mul(ls.xtxI, &c2)
	a2.Mul(&a, &a)
	df := nn - float64(k)
	trA := mat.Trace(&a)
	ei := -nn * trA / (df * s0)
	vi := nn * nn / (s0 * s0 * df * (df + 2)) * (s1 + 2*mat.Trace(&a2) - 4*mat.Trace(&b) - 2*trA*trA/df)
	zi := (i - ei) / math.Sqrt(vi)
	return &MoranTest{I: i, Expected: ei, Variance: vi, Z: zi, P: distuv.UnitNormal.Survival(zi)}
}

// LRTest is the likelihood-ratio test of a restricted model against the
// unrestricted one that nests it: 2 (ln L_u - ln L_r), chi-squared with
// the difference in parameters (spatialreg LR.Sarlm). SDM against SAR
// tests theta = 0; SDM against SEM tests the common factor
// theta = -rho beta (Burridge 1981).
func LRTest(unrestricted, restricted *Result) (Test, error) {
	df := unrestricted.Parameters - restricted.Parameters
	if df <= 0 {
		return Test{}, inputErr("restricted", restricted.Model.String(), "has %d parameters, not fewer than the %d of %s", restricted.Parameters, unrestricted.Parameters, unrestricted.Model)
	}
	if unrestricted.N != restricted.N {
		return Test{}, inputErr("restricted", restricted.Model.String(), "fitted on %d cities, %s on %d", restricted.N, unrestricted.Model, unrestricted.N)
	}
	stat := 2 * (unrestricted.LogLikelihood - restricted.LogLikelihood)
	return chiTest(unrestricted.Model.String()+" vs "+restricted.Model.String(), stat, df), nil
}

// CommonFactorTests fits SDM, SAR and SEM to the data of s (its Model is
// ignored) and returns the LR tests of SDM against SAR (theta = 0) and
// against SEM (theta = -rho beta), so that a report can say which model
// the data support.
func CommonFactorTests(ctx context.Context, s Spec) ([]Test, error) {
	fits := map[Model]*Result{}
	for _, m := range []Model{SDM, SAR, SEM} {
		t := s
		t.Model = m
		t.Impacts = ImpactOptions{Method: ImpactsNone}
		r, err := Fit(ctx, t)
		if err != nil {
			return nil, err
		}
		fits[m] = r
	}
	var out []Test
	for _, m := range []Model{SAR, SEM} {
		lr, err := LRTest(fits[SDM], fits[m])
		if err != nil {
			return nil, err
		}
		out = append(out, lr)
	}
	return out, nil
}
