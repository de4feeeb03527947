package regression

import (
	"context"
	"math"
	"testing"
)

// TestChebyshevLogDet checks the Chebyshev log-determinant against the
// exact sparse Cholesky value on Columbus and elect80: the difference must
// lie within the stated truncation bound plus 4 Monte Carlo standard
// errors (a false alarm about 6e-5 per comparison).
func TestChebyshevLogDet(t *testing.T) {
	specs := map[string]Spec{"columbus": columbusSpec(t, SAR)}
	if !testing.Short() {
		specs["elect80"] = elect80(t)
	}
	for name, s := range specs {
		p, err := newProblem(s)
		if err != nil {
			t.Fatal(err)
		}
		d, ok := similarity(p.w)
		if !ok {
			t.Fatal("W not similar to a symmetric matrix")
		}
		sys := newSymSystem(p, d)
		c, err := newChebyshev(context.Background(), p, ChebyshevTerms, ChebyshevProbes, 7)
		if err != nil {
			t.Fatal(err)
		}
		for _, rho := range []float64{-0.9, -0.5, 0.2, 0.5, 0.66, 0.9} {
			exact, approx := sys.logDet(rho), c.logDet(rho)
			trunc, mc := c.errorBound(rho)
			if math.Abs(approx-exact) > trunc+4*mc {
				t.Errorf("%s rho %g: chebyshev %.10g, exact %.10g, |diff| %.3g > %.3g + 4 x %.3g", name, rho, approx, exact, math.Abs(approx-exact), trunc, mc)
			}
			t.Logf("%s rho %4.2f: exact %.8g, chebyshev %.8g, diff %.2g, bound %.2g + MC se %.2g", name, rho, exact, approx, approx-exact, trunc, mc)
		}
	}
}
