package regression

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"collab/spatial"
)

// lattice returns rook contiguity on an r x c grid, row-standardised.
func lattice(t testing.TB, r, c int) *spatial.Weights {
	nb := make([][]int, r*c)
	for i := range r {
		for j := range c {
			k := i*c + j
			if j+1 < c {
				nb[k] = append(nb[k], k+1)
			}
			if i+1 < r {
				nb[k] = append(nb[k], k+c)
			}
		}
	}
	w, err := spatial.Contiguity(nb)
	if err != nil {
		t.Fatal(err)
	}
	return w.Standardize()
}

// simulatedSDM draws y = (I - rho W)^-1 (1 + 2 x - 1 Wx + e), x and e
// standard normal, solving by the Neumann series (|rho| < 1).
func simulatedSDM(w *spatial.Weights, rho float64, seed uint64) Spec {
	n := w.Len()
	rng := rand.New(rand.NewPCG(seed, 1))
	x := make([]float64, n)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	wx := w.Lag(x)
	b := make([]float64, n)
	for i := range b {
		b[i] = 1 + 2*x[i] - wx[i] + rng.NormFloat64()
	}
	y := append([]float64(nil), b...)
	for range 200 {
		wy := w.Lag(y)
		for i := range y {
			y[i] = b[i] + rho*wy[i]
		}
	}
	return Spec{Model: SDM, Y: y, X: [][]float64{x}, Names: []string{"x"}, W: w}
}

// TestLargeSDMChebyshev fits an SDM on a 140 x 143 lattice (20,020
// cities) by the sparse route (Chebyshev log-determinant, numerical
// Hessian, Monte Carlo traces), checks the estimates against the truth
// within 4 standard errors and the log-determinant at the estimate against
// the exact sparse Cholesky value within its stated error (truncation
// bound + 4 Monte Carlo standard errors).
func TestLargeSDMChebyshev(t *testing.T) {
	if testing.Short() {
		t.Skip("20,020 cities: skipped in short mode")
	}
	s := simulatedSDM(lattice(t, 140, 143), 0.5, 3)
	r, err := Fit(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if r.LogDet != "chebyshev" || r.LogDetError == nil {
		t.Fatalf("log-determinant %q, error %v", r.LogDet, r.LogDetError)
	}
	truth := map[string]float64{"(Intercept)": 1, "x": 2, "lag.x": -1}
	for _, c := range r.Coefficients {
		if math.Abs(c.Estimate-truth[c.Name]) > 4*c.SE {
			t.Errorf("%s = %.4f (se %.4f), truth %g", c.Name, c.Estimate, c.SE, truth[c.Name])
		}
	}
	if math.Abs(r.Rho.Estimate-0.5) > 4*r.Rho.SE {
		t.Errorf("rho = %.4f (se %.4f), truth 0.5", r.Rho.Estimate, r.Rho.SE)
	}
	p, err := newProblem(s)
	if err != nil {
		t.Fatal(err)
	}
	exact, err := newJacobian(context.Background(), p, LogDetCholesky)
	if err != nil {
		t.Fatal(err)
	}
	cheb, err := newJacobian(context.Background(), p, LogDetChebyshev)
	if err != nil {
		t.Fatal(err)
	}
	rho := r.Rho.Estimate
	diff := cheb.logDet(rho) - exact.logDet(rho)
	if lim := r.LogDetError.Truncation + 4*r.LogDetError.MonteCarloSE; math.Abs(diff) > lim {
		t.Errorf("log-determinant error %.3g at rho %.4f, stated %.3g", diff, rho, lim)
	}
	t.Logf("rho %.5f (se %.5f); log-determinant %.6f, error %.3g, stated truncation %.2g + MC se %.3g",
		rho, r.Rho.SE, exact.logDet(rho), diff, r.LogDetError.Truncation, r.LogDetError.MonteCarloSE)
	if len(r.Impacts) != 1 || r.ImpactMethod != "trace (Monte Carlo)" {
		t.Errorf("impacts %+v by %q", r.Impacts, r.ImpactMethod)
	}
}

// elect80Matrix is spatialreg's SDM on elect80 by method "Matrix"
// (testdata/elect80_matrix.R): rho's and the coefficients' standard errors
// from the numerical Hessian (fdHess), its route for large n. Its
// method "Chebyshev" (q = 5) gives rho 0.65619426, log-likelihood
// 2256.8259.
var elect80Matrix = struct {
	rhoSE float64
	se    []float64
}{0.015498904, []float64{0.044750035, 0.022334183, 0.015308691, 0.018493395, 0.024566916, 0.027501097, 0.019549542}}

// TestElect80Chebyshev fits elect80's SDM by the Chebyshev route and
// states its error against the exact fit: rho to 1e-3 and the
// log-likelihood to 1e-4 relative (the log-determinant's Monte Carlo
// standard error at the estimate is about 0.013, 6e-6 of the
// log-likelihood, and its slope moves rho by about 1e-4), and the
// standard errors against spatialreg's numerical-Hessian ones (method
// "Matrix") to 2e-3 relative, the spread of two finite-difference
// Hessians.
func TestElect80Chebyshev(t *testing.T) {
	if testing.Short() {
		t.Skip("3,107 counties: skipped in short mode")
	}
	s := elect80(t)
	s.LogDet = LogDetChebyshev
	r, err := Fit(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if e := relErr(r.Rho.Estimate, elect80R["rho"]); e > 1e-3 {
		t.Errorf("rho = %.8g, exact %.8g", r.Rho.Estimate, elect80R["rho"])
	}
	if e := relErr(r.LogLikelihood, elect80R["loglik"]); e > 1e-4 {
		t.Errorf("log-likelihood = %.8g, exact %.8g", r.LogLikelihood, elect80R["loglik"])
	}
	for i, c := range r.Coefficients {
		if e := relErr(c.SE, elect80Matrix.se[i]); e > 2e-3 {
			t.Errorf("se %s = %.6g, spatialreg Matrix %.6g", c.Name, c.SE, elect80Matrix.se[i])
		}
	}
	if e := relErr(r.Rho.SE, elect80Matrix.rhoSE); e > 2e-3 {
		t.Errorf("rho se = %.6g, spatialreg Matrix %.6g", r.Rho.SE, elect80Matrix.rhoSE)
	}
	t.Logf("rho %.8g (exact %.8g), loglik %.8g (exact %.8g), rho se %.6g, stated %+v",
		r.Rho.Estimate, elect80R["rho"], r.LogLikelihood, elect80R["loglik"], r.Rho.SE, *r.LogDetError)
}
