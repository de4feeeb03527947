package analysis

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"collab/data"
	"collab/param"
	"collab/regression"
)

// columbus reads spData's Columbus as a collab dataset
// (testdata/columbus_dataset.R).
func columbus(t *testing.T) *data.Dataset {
	t.Helper()
	f, err := os.Open("testdata/columbus.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ds, err := data.Read(f, "columbus.csv", data.Options{ScoreOptional: true})
	if err != nil {
		t.Fatal(err)
	}
	ds.Input.Source = "columbus.csv"
	return ds
}

func modelParameters(kind regression.Model, y string, x string, weights string) Parameters {
	p := DefaultParameters()
	spec := &ModelSpec{Kind: kind, Draws: 0}
	if err := spec.Y.UnmarshalText([]byte(y)); err != nil {
		panic(err)
	}
	terms, err := ParseTerms("x", x)
	if err != nil {
		panic(err)
	}
	spec.X = terms
	if err := spec.Weights.UnmarshalText([]byte(weights)); err != nil {
		panic(err)
	}
	p.Model = spec
	return p
}

func near(a, b, rel float64) bool { return math.Abs(a-b) <= rel*math.Max(1, math.Abs(b)) }

// TestFitModelColumbus fits CRIME ~ INC + HOVAL on col.gal.nb through the
// dataset layer and checks the values against spatialreg 1.2-6 (the
// constants of regression/testdata/columbus_reference.txt, written by
// Rscript regression/testdata/columbus_reference.R: lagsarlm method
// "eigen", lm.LMtests, LR.Sarlm), to 1e-6 relative (standard errors
// 1e-4), and that the tests support SAR (LMlag and LMerr significant,
// neither robust test, RLMlag the larger; SDM vs SAR not rejected).
func TestFitModelColumbus(t *testing.T) {
	ds := columbus(t)
	cases := []struct {
		kind        regression.Model
		coef        map[string]float64
		rho, loglik float64
	}{
		{regression.SAR, map[string]float64{"(Intercept)": 46.851431009994862, "INC": -1.0735334654195705, "HOVAL": -0.2699971236395472}, 0.40388968761949506, -183.16828003635004},
		{regression.SDM, map[string]float64{"(Intercept)": 45.59289101352099, "lag.INC": -0.61837485198754993, "lag.HOVAL": 0.2666146033450385}, 0.38250626412179239, -182.01611644350274},
		{regression.OLS, map[string]float64{"(Intercept)": 68.618961095025455, "INC": -1.5973108340847042}, 0, -187.37723881214913},
	}
	for _, c := range cases {
		m, err := FitModel(context.Background(), ds, modelParameters(c.kind, "CRIME", "INC,HOVAL", "contiguity"))
		if err != nil {
			t.Fatalf("%s: %v", c.kind, err)
		}
		for _, e := range m.Coefficients {
			if want, ok := c.coef[e.Name]; ok && !near(float64(e.Estimate), want, 1e-6) {
				t.Errorf("%s %s = %.10g, want %.10g", c.kind, e.Name, float64(e.Estimate), want)
			}
		}
		if c.rho != 0 && !near(float64(m.Rho.Estimate), c.rho, 1e-6) {
			t.Errorf("%s rho = %.10g, want %.10g", c.kind, float64(m.Rho.Estimate), c.rho)
		}
		if !near(float64(m.LogLikelihood), c.loglik, 1e-6) {
			t.Errorf("%s log-likelihood = %.10g, want %.10g", c.kind, float64(m.LogLikelihood), c.loglik)
		}
		lm := map[string]float64{"LMerr": 4.611125844344266, "LMlag": 7.8556754071115362, "RLMerr": 0.033514107058178047, "RLMlag": 3.2780636698254488, "SARMA": 7.8891895141697148}
		for _, tst := range m.LMTests {
			if !near(float64(tst.Statistic), lm[tst.Name], 1e-8) {
				t.Errorf("%s %s = %.12g, want %.12g", c.kind, tst.Name, float64(tst.Statistic), lm[tst.Name])
			}
		}
		lr := map[string]float64{"sdm vs sar": 2.3043271856946035, "sdm vs sem": 4.2781764567914138}
		if len(m.LRTests) != 2 {
			t.Fatalf("%s: LR tests %v, want 2", c.kind, m.LRTests)
		}
		for _, tst := range m.LRTests {
			if !near(float64(tst.Statistic), lr[tst.Name], 1e-6) {
				t.Errorf("%s LR %s = %.10g, want %.10g", c.kind, tst.Name, float64(tst.Statistic), lr[tst.Name])
			}
		}
		if m.Supported.Model != "sar" {
			t.Errorf("%s: supported %+v, want sar", c.kind, m.Supported)
		}
	}
}

// TestFitModelImpactsJSON checks that the SDM's exact impacts equal
// spatialreg's impacts(fit, listw = lw) (columbus_reference.txt) and that
// without draws their standard errors are null in JSON, with a warning.
func TestFitModelImpactsJSON(t *testing.T) {
	m, err := FitModel(context.Background(), columbus(t), modelParameters(regression.SDM, "CRIME", "INC,HOVAL", "contiguity"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][3]float64{"INC": {-1.0418079688409745, -1.4804245927178044, -2.5222325615587788}, "HOVAL": {-0.28363249418892067, 0.23020552568648894, -0.053426968502431726}}
	for _, im := range m.Impacts {
		w := want[im.Name]
		for k, got := range []Number{im.Direct, im.Indirect, im.Total} {
			if !near(float64(got), w[k], 1e-6) {
				t.Errorf("impact %s [%d] = %.10g, want %.10g", im.Name, k, float64(got), w[k])
			}
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"indirect_se":null`) || !strings.Contains(strings.Join(m.Warnings, ";"), "undefined") {
		t.Errorf("without draws the impact SEs should be null with a warning: %s / %v", b, m.Warnings)
	}
}

// TestFitModelRefusals checks the bad input the issue lists, and its kind:
// a parameter error for an unknown variable (with the nearest name), data
// problems for the rest.
func TestFitModelRefusals(t *testing.T) {
	ds := columbus(t)
	five := columbus(t)
	five.Cities = five.Cities[:5]
	for i := range five.Cities {
		five.Cities[i].Neighbors = nil
	}
	cases := []struct {
		name      string
		ds        *data.Dataset
		kind      regression.Model
		y, x, w   string
		parameter bool
		want      string
	}{
		{"unknown", ds, regression.SAR, "CRIME", "INC,HOVL", "contiguity", true, `did you mean "HOVAL"`},
		{"log", ds, regression.OLS, "CRIME", "log(INC),HOVAL", "contiguity", false, "a logarithm needs values > 0"},
		{"collinear", ds, regression.SAR, "CRIME", "INC,HOVAL,log(CRIME)", "contiguity", false, ""},
		{"few", five, regression.SDM, "CRIME", "INC,HOVAL", "knn:2", false, "need more cities"},
		{"years", ds, regression.SAR, "CRIME", "INC", "contiguity", true, "a panel needs at least 2 years"},
	}
	for _, c := range cases {
		p := modelParameters(c.kind, c.y, c.x, c.w)
		if c.name == "years" {
			p.Model.Years = &YearRange{2001, 2005}
		}
		if c.name == "log" {
			c.ds = columbus(t)
			c.ds.Cities[3].Variables["INC"][0] = -1
		}
		_, err := FitModel(context.Background(), c.ds, p)
		var pe *param.Error
		var probs data.Problems
		switch {
		case err == nil:
			if c.name != "collinear" {
				t.Errorf("%s: no error", c.name)
			}
		case c.parameter && !errors.As(err, &pe), !c.parameter && !errors.As(err, &probs):
			t.Errorf("%s: %T %v, want a %s error", c.name, err, err, map[bool]string{true: "parameter", false: "data"}[c.parameter])
		case !strings.Contains(err.Error(), c.want):
			t.Errorf("%s: %v, want it to say %q", c.name, err, c.want)
		}
	}
}

// TestSupportedModel works the choice of Elhorst (2010) through its
// branches with made-up p-values (statistics only order the robust
// tests).
func TestSupportedModel(t *testing.T) {
	lm := func(pLag, pErr, pRLag, pRErr float64) []ModelTest {
		return []ModelTest{{Name: "LMlag", Statistic: 1, P: Number(pLag)}, {Name: "LMerr", Statistic: 1, P: Number(pErr)},
			{Name: "RLMlag", Statistic: Number(1 / pRLag), P: Number(pRLag)}, {Name: "RLMerr", Statistic: Number(1 / pRErr), P: Number(pRErr)}}
	}
	lr := func(pSAR, pSEM float64) []ModelTest {
		return []ModelTest{{Name: "sdm vs sar", P: Number(pSAR)}, {Name: "sdm vs sem", P: Number(pSEM)}}
	}
	for _, c := range []struct {
		name   string
		lm, lr []ModelTest
		want   string
	}{
		{"both LR reject", lm(0.01, 0.5, 0.01, 0.5), lr(0.01, 0.01), "sdm"},
		{"lag, SAR kept", lm(0.01, 0.5, 0.01, 0.5), lr(0.3, 0.01), "sar"},
		{"error, SEM kept", lm(0.5, 0.01, 0.5, 0.01), lr(0.01, 0.3), "sem"},
		{"lag but SEM kept", lm(0.01, 0.5, 0.01, 0.5), lr(0.01, 0.3), "sdm"},
		{"robust lag", lm(0.01, 0.01, 0.01, 0.4), lr(0.3, 0.3), "sar"},
		{"neither robust, larger error", lm(0.01, 0.01, 0.3, 0.1), lr(0.01, 0.3), "sem"},
		{"nothing", lm(0.5, 0.5, 0.5, 0.5), lr(0.5, 0.5), "ols"},
		{"no LR", lm(0.01, 0.5, 0.01, 0.5), nil, "sar"},
		{"no tests", nil, nil, ""},
	} {
		if got := supportedModel(c.lm, c.lr); got.Model != c.want || got.Reason == "" {
			t.Errorf("%s: %+v, want %s with a reason", c.name, got, c.want)
		}
	}
}
