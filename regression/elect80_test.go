package regression

import (
	"context"
	"math"
	"strconv"
	"testing"

	"collab/spatial"
)

// elect80 reads testdata/elect80.csv and elect80_nb.txt (spData's elect80,
// CC0, written by testdata/export_elect80.R): the logs of turnout, college,
// homeownership and income of 3,107 US counties and e80_queen,
// row-standardised (its islands keep empty rows).
func elect80(t testing.TB) Spec {
	t.Helper()
	rows := readCSV(t, "testdata/elect80.csv")
	cols := make([][]float64, 4)
	for _, r := range rows[1:] {
		for j := range cols {
			v, err := strconv.ParseFloat(r[j+1], 64)
			if err != nil {
				t.Fatal(err)
			}
			cols[j] = append(cols[j], math.Log(v))
		}
	}
	w, err := spatial.Contiguity(readNeighbours(t, "testdata/elect80_nb.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return Spec{Model: SDM, Y: cols[0], X: cols[1:], W: w.Standardize(),
		Names: []string{"log(pc_college)", "log(pc_homeownership)", "log(pc_income)"}}
}

// elect80R is the output of testdata/elect80_sdm.R (spatialreg 1.2-6,
// lagsarlm(type = "mixed", method = "eigen", zero.policy = TRUE) and
// impacts(fit, listw = lw)).
var elect80R = map[string]float64{
	"coef.(Intercept)":                    0.44017342057560832,
	"coef.log(pc_college)":                0.15346392481091628,
	"coef.log(pc_homeownership)":          0.58604740462596949,
	"coef.log(pc_income)":                 -0.079863223047474161,
	"coef.lag.log(pc_college)":            0.085337753309104078,
	"coef.lag.log(pc_homeownership)":      -0.43529964549696154,
	"coef.lag.log(pc_income)":             -0.064282920438599261,
	"se.(Intercept)":                      0.044966322752471088,
	"se.log(pc_college)":                  0.022361966105581506,
	"se.log(pc_homeownership)":            0.015305941188667474,
	"se.log(pc_income)":                   0.018495328562079538,
	"se.lag.log(pc_college)":              0.024597095724936013,
	"se.lag.log(pc_homeownership)":        0.027618921173000698,
	"se.lag.log(pc_income)":               0.019549475437373967,
	"rho":                                 0.6560979997884604,
	"rho_se":                              0.017165661584109593,
	"loglik":                              2256.7733824435036,
	"impact.direct.log(pc_college)":       0.18713537531587562,
	"impact.direct.log(pc_homeownership)": 0.5768532422965742,
	"impact.direct.log(pc_income)":        -0.10098305395072163,
	"impact.total.log(pc_college)":        0.69438874438976694,
	"impact.total.log(pc_homeownership)":  0.43834510714180386,
	"impact.total.log(pc_income)":         -0.41914889531729049,
}

// TestElect80SDM checks the SDM on 3,107 counties by the sparse Cholesky
// route against spatialreg's eigen fit: estimates, rho and the
// log-likelihood to 1e-6, standard errors to 1e-4, direct impacts to 1e-6.
// spatialreg's total impact is (beta + theta)/(1 - rho), which holds when
// every row of W sums to 1; with e80_queen's islands (rows of 0) the
// exact 1'S_r 1/n is beta (n_c/(1 - rho) + n_i)/n + theta n_c/((1 - rho) n),
// so the test rescales spatialreg's total to it.
func TestElect80SDM(t *testing.T) {
	if testing.Short() {
		t.Skip("3,107 counties: skipped in short mode")
	}
	s := elect80(t)
	r, err := Fit(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if r.LogDet != "cholesky" {
		t.Errorf("log-determinant by %q, want cholesky from %d cities", r.LogDet, CholeskyMinN)
	}
	for _, c := range r.Coefficients {
		if e := relErr(c.Estimate, elect80R["coef."+c.Name]); e > 1e-6 {
			t.Errorf("%s = %.12g, spatialreg %.12g", c.Name, c.Estimate, elect80R["coef."+c.Name])
		}
		if e := relErr(c.SE, elect80R["se."+c.Name]); e > 1e-4 {
			t.Errorf("se %s = %.12g, spatialreg %.12g", c.Name, c.SE, elect80R["se."+c.Name])
		}
	}
	for name, got := range map[string]float64{"rho": r.Rho.Estimate, "loglik": r.LogLikelihood} {
		if relErr(got, elect80R[name]) > 1e-6 {
			t.Errorf("%s = %.12g, spatialreg %.12g", name, got, elect80R[name])
		}
	}
	if relErr(r.Rho.SE, elect80R["rho_se"]) > 1e-4 {
		t.Errorf("rho se = %.12g, spatialreg %.12g", r.Rho.SE, elect80R["rho_se"])
	}
	n := float64(len(s.Y))
	ni := float64(len(s.W.Islands()))
	rho := elect80R["rho"]
	for _, im := range r.Impacts {
		if relErr(im.Direct, elect80R["impact.direct."+im.Name]) > 1e-6 {
			t.Errorf("direct %s = %.12g, spatialreg %.12g", im.Name, im.Direct, elect80R["impact.direct."+im.Name])
		}
		b, th := elect80R["coef."+im.Name], elect80R["coef.lag."+im.Name]
		if relErr((b+th)/(1-rho), elect80R["impact.total."+im.Name]) > 1e-12 {
			t.Fatalf("spatialreg's total of %s is not (beta + theta)/(1 - rho)", im.Name)
		}
		want := b*((n-ni)/(1-rho)+ni)/n + th*(n-ni)/((1-rho)*n)
		if relErr(im.Total, want) > 1e-6 {
			t.Errorf("total %s = %.12g, want %.12g (spatialreg %.12g without the islands)", im.Name, im.Total, want, elect80R["impact.total."+im.Name])
		}
	}
}

// BenchmarkElect80SDM fits the SDM with exact impacts on elect80, the
// work of testdata/elect80_sdm.R.
func BenchmarkElect80SDM(b *testing.B) {
	s := elect80(b)
	for b.Loop() {
		if _, err := Fit(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLogDetCholesky is one sparse Cholesky log-determinant of
// I - rho W on elect80 (the work of each likelihood evaluation).
func BenchmarkLogDetCholesky(b *testing.B) {
	p, err := newProblem(elect80(b))
	if err != nil {
		b.Fatal(err)
	}
	d, _ := similarity(p.w)
	sys := newSymSystem(p, d)
	n := sys.n
	for b.Loop() {
		sys.logDet(0.65)
	}
	b.ReportMetric(float64(sys.shape.start[n])/float64(n), "envelope/row")
}

// BenchmarkLargeSDM fits the SDM with impacts on a 140 x 143 lattice
// (20,020 cities) by the Chebyshev route.
func BenchmarkLargeSDM(b *testing.B) {
	s := simulatedSDM(lattice(b, 140, 143), 0.5, 3)
	for b.Loop() {
		if _, err := Fit(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}
