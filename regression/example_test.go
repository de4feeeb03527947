package regression_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"

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

// readColumns reads the numeric columns from the CSV file, after a header.
func readColumns(path string, cols ...int) [][]float64 {
	f, err := os.Open(path)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(err)
	}
	out := make([][]float64, len(cols))
	for _, r := range rows[1:] {
		for k, c := range cols {
			v, _ := strconv.ParseFloat(r[c], 64)
			out[k] = append(out[k], v)
		}
	}
	return out
}

func columbusWeights() *spatial.Weights {
	b, err := os.ReadFile("testdata/columbus_nb.txt")
	if err != nil {
		panic(err)
	}
	var nb [][]int
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var list []int
		for _, s := range strings.Fields(line) {
			j, _ := strconv.Atoi(s)
			list = append(list, j)
		}
		nb = append(nb, list)
	}
	w, _ := spatial.Contiguity(nb)
	return w.Standardize()
}

// The common-factor tests on Columbus (CRIME ~ INC + HOVAL): neither SAR
// nor SEM is rejected against SDM, as spatialreg's LR.Sarlm finds
// (2.3043 and 4.2782, 2 df).
func ExampleCommonFactorTests() {
	c := readColumns("testdata/columbus.csv", 1, 2, 3)
	tests, err := regression.CommonFactorTests(context.Background(), regression.Spec{
		Y: c[0], X: c[1:], Names: []string{"INC", "HOVAL"}, W: columbusWeights(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range tests {
		fmt.Printf("%s: LR %.4f, df %d, p %.4f\n", t.Name, t.Statistic, t.DF, t.P)
	}
	// Output:
	// sdm vs sar: LR 2.3043, df 2, p 0.3160
	// sdm vs sem: LR 4.2782, df 2, p 0.1178
}

// A two-way fixed-effects SDM on a simulated panel of 5 periods of
// Columbus (testdata/panel.csv, true rho 0.45), with the Lee-Yu
// correction; spatialreg on the transformed data gives rho 0.43911 (se
// 0.07287, testdata/panel_reference.R), and S_r = (I - rho W)^-1 (b_r I +
// t_r W) computed densely in R from those estimates the same impacts.
func ExampleFitPanel() {
	c := readColumns("testdata/panel.csv", 2, 3, 4)
	r, err := regression.FitPanel(context.Background(), regression.PanelSpec{
		Model: regression.SDM, Periods: 5, Y: c[0], X: c[1:], Names: []string{"x1", "x2"},
		W: columbusWeights(), Effects: regression.TwoWayEffects, LeeYu: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("rho %.5f (se %.5f)\n", r.Rho.Estimate, r.Rho.SE)
	for _, im := range r.Impacts {
		fmt.Printf("%s: direct %.3f, indirect %.3f\n", im.Name, im.Direct, im.Indirect)
	}
	// Output:
	// rho 0.43911 (se 0.07287)
	// x1: direct 1.728, indirect 2.386
	// x2: direct -0.788, indirect -0.365
}
