package regression

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// panelSpec reads testdata/panel.csv (simulated by panel_reference.R: 5
// periods of Columbus's 49 neighbourhoods, y from an SDM with rho 0.45 and
// city and period effects).
func panelSpec(t *testing.T, m Model, e Effects) PanelSpec {
	t.Helper()
	rows := readCSV(t, "testdata/panel.csv")
	cols := make([][]float64, 3)
	for _, r := range rows[1:] {
		for j := range cols {
			v, err := strconv.ParseFloat(r[j+2], 64)
			if err != nil {
				t.Fatal(err)
			}
			cols[j] = append(cols[j], v)
		}
	}
	_, _, _, w := columbus(t)
	return PanelSpec{Model: m, Periods: 5, Y: cols[0], X: cols[1:], Names: []string{"x1", "x2"}, W: w, Effects: e}
}

// TestPanel checks the fixed-effects panels against spatialreg on the
// demeaned stacked data with kronecker(I_T, W) (estimates, rho, lambda,
// log-likelihood, sigma^2 to 1e-6, standard errors to 1e-4), and the
// Lee-Yu two-way correction against lagsarlm on the Helmert-transformed
// data with kronecker(I_(T-1), F'WF).
func TestPanel(t *testing.T) {
	type tc struct {
		key   string
		m     Model
		e     Effects
		leeYu bool
	}
	var cases []tc
	for _, e := range []struct {
		name string
		e    Effects
	}{{"city", CityEffects}, {"year", YearEffects}, {"twoway", TwoWayEffects}} {
		for _, m := range []Model{SAR, SDM, SEM} {
			cases = append(cases, tc{e.name + "." + m.String(), m, e.e, false})
		}
	}
	cases = append(cases, tc{"leeyu.sdm", SDM, TwoWayEffects, true}, tc{"leeyu.sar", SAR, TwoWayEffects, true})
	for _, c := range cases {
		t.Run(c.key, func(t *testing.T) {
			s := panelSpec(t, c.m, c.e)
			s.LeeYu = c.leeYu
			r, err := FitPanel(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			ref := map[string]float64{}
			for k, v := range panelR {
				ref[k] = v
			}
			ref[c.key+".aic"] = -2*ref[c.key+".loglik"] + 2*float64(r.Parameters) // R's AIC not printed
			checkResult(t, c.key, r, ref)
			if c.m != SEM && len(r.Impacts) != 2 {
				t.Errorf("%d impacts, want 2", len(r.Impacts))
			}
		})
	}
}

// TestPanelCityLeeYu checks the Lee-Yu correction for city effects alone:
// rho and beta as without it, sigma^2 multiplied by T/(T - 1).
func TestPanelCityLeeYu(t *testing.T) {
	s := panelSpec(t, SDM, CityEffects)
	plain, err := FitPanel(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	s.LeeYu = true
	bc, err := FitPanel(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if relErr(bc.Rho.Estimate, plain.Rho.Estimate) > 1e-7 {
		t.Errorf("rho %g corrected, %g not", bc.Rho.Estimate, plain.Rho.Estimate)
	}
	for i, c := range bc.Coefficients {
		if relErr(c.Estimate, plain.Coefficients[i].Estimate) > 1e-6 {
			t.Errorf("%s: %g corrected, %g not", c.Name, c.Estimate, plain.Coefficients[i].Estimate)
		}
	}
	if want := plain.Sigma2 * 5 / 4; relErr(bc.Sigma2, want) > 1e-6 {
		t.Errorf("sigma2 %g corrected, want %g", bc.Sigma2, want)
	}
}

func TestPanelBadInput(t *testing.T) {
	s := panelSpec(t, SDM, TwoWayEffects)
	s.Periods = 4
	if _, err := FitPanel(context.Background(), s); err == nil || !strings.Contains(err.Error(), "y") {
		t.Errorf("wrong periods: %v", err)
	}
	s = panelSpec(t, SAR, CityEffects)
	s.X = append(s.X, make([]float64, len(s.Y)))
	for i := range s.X[2] {
		s.X[2][i] = float64(i % 49) // a city attribute: removed by city effects
	}
	s.Names = append(s.Names, "area")
	if _, err := FitPanel(context.Background(), s); err == nil || !strings.Contains(err.Error(), `"area"`) {
		t.Errorf("time-invariant x: %v", err)
	}
}

// TestPanelReferenceRerun reruns testdata/panel_reference.R and checks
// that spatialreg still gives the constants in panelR.
func TestPanelReferenceRerun(t *testing.T) {
	if _, err := exec.LookPath("Rscript"); err != nil {
		t.Skip("Rscript not found: the reference values are checked as constants only")
	}
	if err := exec.Command("Rscript", "-e", "library(spatialreg)").Run(); err != nil {
		t.Skip("R package spatialreg not installed (Debian r-cran-spatialreg): constants only")
	}
	cmd := exec.Command("Rscript", "panel_reference.R")
	cmd.Dir = "testdata"
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("Rscript panel_reference.R: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for _, line := range lines {
		f := strings.Fields(line)
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		if want, ok := panelR[f[0]]; !ok || relErr(v, want) > 1e-9 {
			t.Errorf("%s: R now gives %.17g, constant %.17g (present %v)", f[0], v, want, ok)
		}
	}
	if len(lines) != len(panelR) {
		t.Errorf("R printed %d values, %d constants", len(lines), len(panelR))
	}
}
