package regression_test

import (
	"context"
	"fmt"

	"collab/regression"
	"collab/spatial"
)

// A spatial Durbin model on eight cities in a ring: the estimates, rho
// and the spillover (indirect) effect of x. spatialreg gives the same
// (nb the ring, lw <- nb2listw(nb); lagsarlm(y ~ x, d, lw, type = "mixed",
// method = "eigen") and impacts(fit, listw = lw)).
func ExampleFit() {
	nb := make([][]int, 8)
	for i := range nb {
		nb[i] = []int{(i + 1) % 8}
	}
	w, _ := spatial.Contiguity(nb)
	y := []float64{3.1, 4.0, 5.2, 4.1, 2.2, 1.9, 2.6, 2.5}
	x := []float64{1.0, 2.1, 2.9, 2.0, 0.8, 0.5, 1.1, 1.0}
	r, err := regression.Fit(context.Background(), regression.Spec{
		Model: regression.SDM, Y: y, X: [][]float64{x}, Names: []string{"x"}, W: w.Standardize(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range r.Coefficients {
		fmt.Printf("%-12s %7.4f (se %.4f)\n", c.Name, c.Estimate, c.SE)
	}
	fmt.Printf("rho %.4f, log-likelihood %.4f\n", r.Rho.Estimate, r.LogLikelihood)
	im := r.Impacts[0]
	fmt.Printf("%s: direct %.4f, indirect %.4f, total %.4f\n", im.Name, im.Direct, im.Indirect, im.Total)
	// Output:
	// (Intercept)   1.5445 (se 0.3324)
	// x             1.1344 (se 0.1089)
	// lag.x         1.2242 (se 0.3984)
	// rho -0.5330, log-likelihood 4.6221
	// x: direct 0.9229, indirect 0.6157, total 1.5386
}

func ExampleParseModel() {
	m, err := regression.ParseModel("SDEM")
	fmt.Println(m, err)
	_, err = regression.ParseModel("sarma")
	fmt.Println(err)
	// Output:
	// sdem <nil>
	// regression: model "sarma": unknown model; want one of ols, slx, sar, sem, sdm, sdem, sac
}
