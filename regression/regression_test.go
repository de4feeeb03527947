package regression

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"collab/spatial"
)

// columbus reads testdata/columbus.csv and columbus_nb.txt (spData's
// Columbus, CC0, written by testdata/export_columbus.R): CRIME, INC and
// HOVAL of 49 neighbourhoods and col.gal.nb, row-standardised.
func columbus(t testing.TB) (crime, inc, hoval []float64, w *spatial.Weights) {
	t.Helper()
	rows := readCSV(t, "testdata/columbus.csv")
	var err error
	for _, r := range rows[1:] {
		v := make([]float64, 3)
		for j := range v {
			if v[j], err = strconv.ParseFloat(r[j+1], 64); err != nil {
				t.Fatal(err)
			}
		}
		crime, inc, hoval = append(crime, v[0]), append(inc, v[1]), append(hoval, v[2])
	}
	w, err = spatial.Contiguity(readNeighbours(t, "testdata/columbus_nb.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return crime, inc, hoval, w.Standardize()
}

func readNeighbours(t testing.TB, path string) [][]int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var nb [][]int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var list []int
		for _, s := range strings.Fields(sc.Text()) {
			j, err := strconv.Atoi(s)
			if err != nil {
				t.Fatal(err)
			}
			list = append(list, j)
		}
		nb = append(nb, list)
	}
	return nb
}

func columbusSpec(t testing.TB, m Model) Spec {
	crime, inc, hoval, w := columbus(t)
	return Spec{Model: m, Y: crime, X: [][]float64{inc, hoval}, Names: []string{"INC", "HOVAL"}, W: w}
}

func relErr(got, want float64) float64 {
	return math.Abs(got-want) / math.Max(math.Abs(want), 1e-300)
}

// TestColumbusFits checks every model against spatialreg's values in
// columbusR (testdata/columbus_reference.R): estimates, rho, lambda,
// log-likelihood, AIC and sigma^2 to 1e-6 relative, standard errors to
// 1e-4 relative.
func TestColumbusFits(t *testing.T) {
	for _, m := range []Model{OLS, SLX, SAR, SEM, SDM, SDEM, SAC} {
		t.Run(m.String(), func(t *testing.T) {
			s := columbusSpec(t, m)
			s.Impacts.Method = ImpactsNone
			r, err := Fit(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, m.String(), r, columbusR)
		})
	}
}

func checkResult(t *testing.T, key string, r *Result, ref map[string]float64) {
	t.Helper()
	check := func(name string, got float64, tol float64) {
		t.Helper()
		want, ok := ref[key+"."+name]
		if !ok {
			t.Errorf("%s.%s: no reference value", key, name)
			return
		}
		if e := relErr(got, want); e > tol {
			t.Errorf("%s.%s = %.12g, spatialreg %.12g (relative error %.2g > %g)", key, name, got, want, e, tol)
		}
	}
	for _, c := range r.Coefficients {
		check("coef."+c.Name, c.Estimate, 1e-6)
		check("se."+c.Name, c.SE, 1e-4)
	}
	if r.Rho != nil {
		check("rho", r.Rho.Estimate, 1e-6)
		check("rho_se", r.Rho.SE, 1e-4)
	}
	if r.Lambda != nil {
		check("lambda", r.Lambda.Estimate, 1e-6)
		check("lambda_se", r.Lambda.SE, 1e-4)
	}
	check("loglik", r.LogLikelihood, 1e-6)
	check("aic", r.AIC, 1e-6)
	check("sigma2", r.Sigma2, 1e-6)
}

// TestColumbusImpacts checks the exact and the trace impacts of SAR, SDM
// and SAC against spatialreg's impacts(fit, listw = lw) and
// impacts(fit, tr = trW(W, type = "mult")) to 1e-6 relative, and the SLX
// and SDEM impacts with their standard errors (spatialreg's estimable).
func TestColumbusImpacts(t *testing.T) {
	cases := []struct {
		m      Model
		method ImpactMethod
		key    string
	}{
		{SAR, ImpactsExact, "impact"}, {SDM, ImpactsExact, "impact"}, {SAC, ImpactsExact, "impact"},
		{SAR, ImpactsTrace, "trimpact"}, {SDM, ImpactsTrace, "trimpact"}, {SAC, ImpactsTrace, "trimpact"},
		{SLX, ImpactsAuto, "impact"}, {SDEM, ImpactsAuto, "impact"},
	}
	for _, c := range cases {
		t.Run(c.m.String()+"/"+c.method.String(), func(t *testing.T) {
			s := columbusSpec(t, c.m)
			s.Impacts.Method = c.method
			r, err := Fit(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Impacts) != 2 {
				t.Fatalf("%d impacts, want 2", len(r.Impacts))
			}
			for _, im := range r.Impacts {
				for _, e := range []struct {
					kind string
					v    float64
					se   *float64
				}{{"direct", im.Direct, im.DirectSE}, {"indirect", im.Indirect, im.IndirectSE}, {"total", im.Total, im.TotalSE}} {
					key := fmt.Sprintf("%s.%s.%s.%s", c.m, c.key, e.kind, im.Name)
					if got, want := e.v, columbusR[key]; relErr(got, want) > 1e-6 {
						t.Errorf("%s = %.12g, spatialreg %.12g", key, got, want)
					}
					seKey := fmt.Sprintf("%s.impact_se.%s.%s", c.m, e.kind, im.Name)
					if want, ok := columbusR[seKey]; ok {
						if e.se == nil || relErr(*e.se, want) > 1e-6 {
							t.Errorf("%s = %v, spatialreg %.12g", seKey, e.se, want)
						}
					} else if e.se != nil || im.SEUndefined == "" {
						t.Errorf("%s: standard error %v without draws, reason %q", key, e.se, im.SEUndefined)
					}
				}
			}
		})
	}
}

// TestColumbusSimulatedImpactSE compares the standard deviations of the
// impacts over 5000 draws with spatialreg's over its own 2000 draws
// (impacts(fit, listw = lw, R = 2000), set.seed(1)). Both estimate the
// same standard deviation s: for near-normal draws an estimate from R
// draws has a standard error of about s/sqrt(2R), so their difference has
// one of s sqrt(1/10000 + 1/4000); the test allows 4 of those (a false
// alarm about 6e-5 per comparison), 7.5% of s.
func TestColumbusSimulatedImpactSE(t *testing.T) {
	const draws, rDraws = 5000, 2000
	for _, m := range []Model{SAR, SDM} {
		s := columbusSpec(t, m)
		s.Impacts = ImpactOptions{Method: ImpactsExact, Draws: draws, Seed: 20260101}
		r, err := Fit(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		if r.ImpactDraws < draws*99/100 {
			t.Errorf("%s: %d of %d draws kept", m, r.ImpactDraws, draws)
		}
		for _, im := range r.Impacts {
			for kind, se := range map[string]*float64{"direct": im.DirectSE, "indirect": im.IndirectSE, "total": im.TotalSE} {
				key := fmt.Sprintf("%s.sim_se.%s.%s", m, kind, im.Name)
				want := columbusR[key]
				tol := 4 * want * math.Sqrt(1.0/(2*draws)+1.0/(2*rDraws))
				if se == nil {
					t.Fatalf("%s undefined: %s", key, im.SEUndefined)
				}
				if math.Abs(*se-want) > tol {
					t.Errorf("%s = %.6g, spatialreg %.6g (difference > %.3g, 4 Monte Carlo SE)", key, *se, want, tol)
				}
			}
		}
	}
}

// TestColumbusDiagnostics checks the LM tests (spdep lm.LMtests) to 1e-8
// relative and Moran's I of the residuals (lm.morantest) and the LR tests
// of SDM against SAR and SEM (LR.Sarlm) to 1e-6.
func TestColumbusDiagnostics(t *testing.T) {
	r, err := Fit(context.Background(), columbusSpec(t, OLS))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.LMTests) != 5 {
		t.Fatalf("%d LM tests, want 5", len(r.LMTests))
	}
	for _, lm := range r.LMTests {
		if got, want := lm.Statistic, columbusR["lm."+lm.Name]; relErr(got, want) > 1e-8 {
			t.Errorf("%s = %.14g, spdep %.14g", lm.Name, got, want)
		}
		if got, want := lm.P, columbusR["lm."+lm.Name+"_p"]; relErr(got, want) > 1e-6 {
			t.Errorf("%s p = %.14g, spdep %.14g", lm.Name, got, want)
		}
	}
	mo := r.Moran
	for name, got := range map[string]float64{"I": mo.I, "expect": mo.Expected, "var": mo.Variance, "z": mo.Z, "p": mo.P} {
		if want := columbusR["moran."+name]; relErr(got, want) > 1e-8 {
			t.Errorf("Moran %s = %.14g, spdep %.14g", name, got, want)
		}
	}
	fits := map[Model]*Result{}
	for _, m := range []Model{SAR, SEM, SDM} {
		s := columbusSpec(t, m)
		s.Impacts.Method = ImpactsNone
		if fits[m], err = Fit(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []Model{SAR, SEM} {
		lr, err := LRTest(fits[SDM], fits[m])
		if err != nil {
			t.Fatal(err)
		}
		key := "lr.sdm_" + m.String()
		if relErr(lr.Statistic, columbusR[key]) > 1e-6 || float64(lr.DF) != columbusR[key+"_df"] || relErr(lr.P, columbusR[key+"_p"]) > 1e-6 {
			t.Errorf("%s = %+v, spatialreg %g df %g p %g", key, lr, columbusR[key], columbusR[key+"_df"], columbusR[key+"_p"])
		}
	}
	tests, err := CommonFactorTests(context.Background(), columbusSpec(t, OLS))
	if err != nil {
		t.Fatal(err)
	}
	for i, key := range []string{"lr.sdm_sar", "lr.sdm_sem"} {
		if relErr(tests[i].Statistic, columbusR[key]) > 1e-6 || relErr(tests[i].P, columbusR[key+"_p"]) > 1e-6 {
			t.Errorf("CommonFactorTests %s = %+v, spatialreg %g p %g", key, tests[i], columbusR[key], columbusR[key+"_p"])
		}
	}
	if _, err := LRTest(fits[SAR], fits[SDM]); err == nil {
		t.Error("LRTest of SAR against SDM: no error")
	}
}

// TestColumbusReferenceRerun reruns testdata/columbus_reference.R and
// checks that spatialreg still gives the constants in columbusR (to 1e-9
// relative, and the simulated standard errors exactly: same seed).
func TestColumbusReferenceRerun(t *testing.T) {
	if _, err := exec.LookPath("Rscript"); err != nil {
		t.Skip("Rscript not found: the reference values are checked as constants only")
	}
	if err := exec.Command("Rscript", "-e", "library(spatialreg)").Run(); err != nil {
		t.Skip("R package spatialreg not installed (Debian r-cran-spatialreg): constants only")
	}
	cmd := exec.Command("Rscript", "columbus_reference.R")
	cmd.Dir = "testdata"
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("Rscript columbus_reference.R: %v", err)
	}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 {
			t.Fatalf("bad line %q", line)
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		want, ok := columbusR[f[0]]
		if !ok || relErr(v, want) > 1e-9 {
			t.Errorf("%s: R now gives %.17g, constant %.17g (present %v)", f[0], v, want, ok)
		}
		seen++
	}
	if seen != len(columbusR) {
		t.Errorf("R printed %d values, %d constants", seen, len(columbusR))
	}
}

// TestColumbusCholeskyRoute fits every spatial model by the sparse
// Cholesky route and checks it against spatialreg's eigen values with the
// same tolerances as TestColumbusFits, and the exact impacts.
func TestColumbusCholeskyRoute(t *testing.T) {
	for _, m := range []Model{SAR, SEM, SDM, SDEM, SAC} {
		t.Run(m.String(), func(t *testing.T) {
			s := columbusSpec(t, m)
			s.LogDet = LogDetCholesky
			r, err := Fit(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			if r.LogDet != "cholesky" {
				t.Errorf("log-determinant by %q", r.LogDet)
			}
			checkResult(t, m.String(), r, columbusR)
			if m == SAR || m == SDM || m == SAC {
				for _, im := range r.Impacts {
					key := fmt.Sprintf("%s.impact.indirect.%s", m, im.Name)
					if relErr(im.Indirect, columbusR[key]) > 1e-6 {
						t.Errorf("%s = %.12g, spatialreg %.12g", key, im.Indirect, columbusR[key])
					}
				}
			}
		})
	}
}

// TestLogDetRoutes checks the sparse Cholesky log-determinant and the
// Lanczos interval against the eigenvalues on Columbus, to 1e-11.
func TestLogDetRoutes(t *testing.T) {
	s := columbusSpec(t, SAR)
	p, err := newProblem(s)
	if err != nil {
		t.Fatal(err)
	}
	eig, err := newJacobian(context.Background(), p, LogDetEigen)
	if err != nil {
		t.Fatal(err)
	}
	chol, err := newJacobian(context.Background(), p, LogDetCholesky)
	if err != nil {
		t.Fatal(err)
	}
	if relErr(chol.lo, eig.lo) > 1e-11 || relErr(chol.hi, eig.hi) > 1e-11 {
		t.Errorf("interval [%.15g, %.15g], eigen [%.15g, %.15g]", chol.lo, chol.hi, eig.lo, eig.hi)
	}
	for _, rho := range []float64{-1.2, -0.5, 0, 0.3, 0.9, 0.999} {
		if a, b := chol.logDet(rho), eig.logDet(rho); math.Abs(a-b) > 1e-11*math.Max(1, math.Abs(b)) {
			t.Errorf("logdet(%g) = %.15g, eigen %.15g", rho, a, b)
		}
	}
	if !math.IsInf(chol.logDet(1.01), -1) {
		t.Error("logdet(1.01) finite: I - 1.01 W is not positive definite")
	}
}

// readCSV reads a test fixture's rows, its header first.
func readCSV(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
