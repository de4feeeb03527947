package main

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestGoldenModel compares collab model's report, JSON and help with
// testdata (go test -run TestGoldenModel -update rewrites them). The
// Columbus numbers are checked against spatialreg in
// TestModelColumbusSpatialreg; the golden files hold the wording.
func TestGoldenModel(t *testing.T) {
	for _, c := range []struct {
		name string
		code int
		args []string
	}{
		{"model-columbus-sdm", 0, []string{"model", "testdata/columbus.csv", "--y", "CRIME", "--x", "INC,HOVAL", "--model", "sdm", "--weights", "contiguity"}},
		{"model-columbus-sar-json", 0, []string{"model", "testdata/columbus.csv", "--y", "CRIME", "--x", "INC,HOVAL", "--model", "sar", "--weights", "contiguity", "--format", "json", "--draws", "200"}},
		{"model-columbus-log-csv", 0, []string{"model", "testdata/columbus.csv", "--y", "log(CRIME)", "--x", "log(INC),HOVAL", "--model", "slx", "--weights", "idw:1:30", "--format", "csv"}},
		{"help-model", 0, []string{"model", "--help"}},
	} {
		t.Run(c.name, func(t *testing.T) { golden(t, c.name, c.code, c.args...) })
	}
}

// columbusReference reads the spatialreg values of
// regression/testdata/columbus_reference.txt, written by (from that
// directory) Rscript columbus_reference.R: spatialreg 1.2-6, method
// "eigen", CRIME ~ INC + HOVAL on col.gal.nb, row-standardised. The
// regression package's tests rerun the script when Rscript is present and
// hold the same values as constants.
func columbusReference(t *testing.T) map[string]float64 {
	t.Helper()
	f, err := os.Open("../../regression/testdata/columbus_reference.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		key, val, _ := strings.Cut(sc.Text(), " ")
		v, err := strconv.ParseFloat(val, 64)
		if err != nil {
			t.Fatalf("reference %q: %v", sc.Text(), err)
		}
		ref[key] = v
	}
	return ref
}

// modelJSON is the part of collab model's JSON the tests read.
type modelJSON struct {
	Coefficients []struct {
		Name         string
		Estimate, SE float64
		Z, P         float64
	}
	Rho, Lambda *struct {
		Estimate float64
		SE       float64 `json:"se"`
	}
	LogLikelihood float64 `json:"log_likelihood"`
	AIC           float64
	Sigma2        float64
	Impacts       []struct {
		Name                    string
		Direct, Indirect, Total float64
		DirectSE                *float64 `json:"direct_se"`
		IndirectSE              *float64 `json:"indirect_se"`
		TotalSE                 *float64 `json:"total_se"`
	}
	LMTests []struct {
		Name      string
		Statistic float64
	} `json:"lm_tests"`
	LRTests []struct {
		Name      string
		Statistic float64
	} `json:"lr_tests"`
	Supported struct{ Model string }
}

func runModelJSON(t *testing.T, args ...string) modelJSON {
	t.Helper()
	stdout, stderr, code := invoke(t, "", append([]string{"model", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("collab model %v: exit %d\n%s", args, code, stderr)
	}
	var m modelJSON
	if err := json.Unmarshal([]byte(stdout), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func relClose(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(math.Abs(want), 1e-300)
}

// TestModelColumbusSpatialreg fits the seven models through the command
// line and compares every coefficient, rho/lambda, log-likelihood, AIC
// (1e-6 relative), standard error (1e-4), exact impact (1e-6) and LM test
// (1e-8) with spatialreg (columbusReference).
func TestModelColumbusSpatialreg(t *testing.T) {
	ref := columbusReference(t)
	check := func(model, key string, got, tol float64) {
		t.Helper()
		want, ok := ref[model+"."+key]
		if !ok {
			return
		}
		if !relClose(got, want, tol) {
			t.Errorf("%s %s = %.12g, spatialreg %.12g (tolerance %g relative)", model, key, got, want, tol)
		}
	}
	for _, model := range []string{"ols", "slx", "sar", "sem", "sdm", "sdem", "sac"} {
		m := runModelJSON(t, "testdata/columbus.csv", "--y", "CRIME", "--x", "INC,HOVAL", "--model", model, "--weights", "contiguity", "--draws", "0")
		if len(m.Coefficients) == 0 {
			t.Fatalf("%s: no coefficients", model)
		}
		for _, c := range m.Coefficients {
			if _, ok := ref[model+".coef."+c.Name]; !ok {
				t.Errorf("%s: coefficient %s has no reference", model, c.Name)
			}
			check(model, "coef."+c.Name, c.Estimate, 1e-6)
			check(model, "se."+c.Name, c.SE, 1e-4)
		}
		if m.Rho != nil {
			check(model, "rho", m.Rho.Estimate, 1e-6)
			check(model, "rho_se", m.Rho.SE, 1e-4)
		}
		if m.Lambda != nil {
			check(model, "lambda", m.Lambda.Estimate, 1e-6)
			check(model, "lambda_se", m.Lambda.SE, 1e-4)
		}
		check(model, "loglik", m.LogLikelihood, 1e-6)
		check(model, "aic", m.AIC, 1e-6)
		for _, im := range m.Impacts {
			check(model, "impact.direct."+im.Name, im.Direct, 1e-6)
			check(model, "impact.indirect."+im.Name, im.Indirect, 1e-6)
			check(model, "impact.total."+im.Name, im.Total, 1e-6)
		}
		for _, lm := range m.LMTests {
			check("lm", lm.Name, lm.Statistic, 1e-8)
		}
		for _, lr := range m.LRTests {
			check("lr", strings.ReplaceAll(lr.Name, " vs ", "_"), lr.Statistic, 1e-6)
		}
		if len(m.LMTests) != 5 || len(m.LRTests) != 2 || m.Supported.Model != "sar" {
			t.Errorf("%s: %d LM tests, %d LR tests, supported %q; want 5, 2, sar", model, len(m.LMTests), len(m.LRTests), m.Supported.Model)
		}
	}
}

// TestModelSimulatedSE compares the simulated standard errors of the SDM
// impacts (2000 draws) with spatialreg's summary(impacts(sdm, listw = lw,
// R = 2000)) (columbus_reference.txt, sdm.sim_se.*). Each is a standard
// deviation of 2000 draws, whose relative standard error is about
// 1/sqrt(2 x 1999) = 1.6%; the difference of two independent ones has
// 2.2%, and 9% is 4 of those.
func TestModelSimulatedSE(t *testing.T) {
	ref := columbusReference(t)
	m := runModelJSON(t, "testdata/columbus.csv", "--y", "CRIME", "--x", "INC,HOVAL", "--model", "sdm", "--weights", "contiguity", "--draws", "2000")
	for _, im := range m.Impacts {
		for kind, se := range map[string]*float64{"direct": im.DirectSE, "indirect": im.IndirectSE, "total": im.TotalSE} {
			want := ref["sdm.sim_se."+kind+"."+im.Name]
			if se == nil || !relClose(*se, want, 0.09) {
				t.Errorf("%s %s se = %v, spatialreg %.4g (within 9%%)", kind, im.Name, se, want)
			}
		}
	}
}

// TestModelPanel fits the simulated panel of regression/testdata (49
// Columbus neighbourhoods, 5 periods, written by Rscript
// panel_reference.R there) through the command line: two-way effects with
// the Lee-Yu correction against lagsarlm on the Helmert-transformed data,
// year effects against lagsarlm on the demeaned stacked data with
// kronecker(I_T, W) (panel_reference.txt: leeyu.sdm.*, year.sdm.*), and
// the pooled SAR against lagsarlm with an intercept under kronecker(I_T,
// W) (testdata/panel_pooled.R), 1e-6 relative, standard errors 1e-4.
func TestModelPanel(t *testing.T) {
	for _, c := range []struct {
		effects string
		ref     map[string]float64
	}{
		{"both", map[string]float64{"x1": 1.5453197987661813, "lag.x1": 0.76240135207398985, "rho": 0.43910932475369313, "se.x1": 0.069269053810760567, "loglik": -268.52476746320951}},
		{"year", map[string]float64{"x1": 1.6147669275434675, "lag.x1": 1.1476075891999526, "rho": 0.25143755681115953, "se.x1": 0.088630648915275681, "loglik": -433.94929406231739}},
		// Pooled, SAR with an intercept (the model is changed below):
		// Rscript ../../cmd/collab/testdata/panel_pooled.R from
		// regression/testdata.
		{"none", map[string]float64{"x1": 1.5192954876096014, "rho": 0.55515111078235291, "se.x1": 0.0904820171291843, "loglik": -456.47592984617575}},
	} {
		model := "sdm"
		if c.effects == "none" {
			model = "sar"
		}
		m := runModelJSON(t, "testdata/panel-columbus.csv", "--y", "y", "--x", "x1,x2", "--model", model, "--weights", "contiguity", "--years", "2001-2005", "--effects", c.effects, "--draws", "0")
		got := map[string]float64{"rho": m.Rho.Estimate, "loglik": m.LogLikelihood}
		for _, e := range m.Coefficients {
			got[e.Name], got["se."+e.Name] = e.Estimate, e.SE
		}
		for k, want := range c.ref {
			tol := 1e-6
			if strings.HasPrefix(k, "se.") {
				tol = 1e-4
			}
			if !relClose(got[k], want, tol) {
				t.Errorf("%s effects: %s = %.10g, spatialreg %.10g", c.effects, k, got[k], want)
			}
		}
	}
}

// TestModelNothingWritten checks that bad input to collab model and to
// analyze with a model leaves --out uncreated, with nothing on stdout.
func TestModelNothingWritten(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "reg.csv")
	if err := os.WriteFile(reg, []byte(regressionCSV()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	for _, c := range []struct {
		code int
		args []string
	}{
		{3, []string{"model", reg, "--model", "sar", "--y", "y", "--x", "rd,rd2", "--out", out}},
		{3, []string{"model", reg, "--model", "sar", "--y", "alt", "--x", "rd", "--out", out}},
		{2, []string{"model", reg, "--model", "sar", "--y", "y", "--x", "rdd", "--out", out}},
		{2, []string{"model", reg, "--model", "sarma", "--y", "y", "--x", "rd", "--out", out}},
		{2, []string{"model", reg, "--y", "y", "--x", "rd", "--out", out}},
		{2, []string{"model", reg, "--model", "sar", "--y", "y", "--x", "rd", "--weights", "idw:0", "--out", out}},
		{2, []string{"model", reg, "--model", "sar", "--y", "y", "--x", "rd", "--out", reg}},
		{2, []string{"analyze", reg, "--score", "y", "--y", "score", "--x", "rd", "--out", out}},
		{3, []string{"analyze", reg, "--score", "y", "--model", "sdm", "--y", "score", "--x", "rd,flat", "--out", out}},
	} {
		stdout, stderr, code := invoke(t, "", c.args...)
		if code != c.code || stdout != "" {
			t.Errorf("collab %v: exit %d, stdout %.80q; want exit %d and nothing\n%s", c.args[1:], code, stdout, c.code, stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Fatalf("collab %v created %s", c.args[1:], out)
		}
	}
}

// TestModelOut checks --out of collab model and of analyze with a model:
// every file whole, the model in results.json, no NaN anywhere.
func TestModelOut(t *testing.T) {
	dir := t.TempDir()
	_, stderr, code := invoke(t, "", "model", "testdata/columbus.csv", "--y", "CRIME", "--x", "INC,HOVAL", "--model", "sar", "--weights", "contiguity", "--draws", "100", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, name := range []string{"model.txt", "model.json", "model.csv"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || len(b) == 0 || strings.Contains(string(b), "NaN") {
			t.Errorf("%s: %v, %d bytes", name, err, len(b))
		}
	}
	csv, _ := os.ReadFile(filepath.Join(dir, "model.csv"))
	if rows := strings.Count(string(csv), "\n"); rows != 1+3+1+3*2 {
		t.Errorf("model.csv has %d lines, want header, 3 coefficients, rho and 3 impacts of 2 regressors:\n%s", rows, csv)
	}
	study := t.TempDir()
	stdout, stderr, code := invoke(t, "", "analyze", "testdata/columbus.csv", "--score", "CRIME", "--model", "sdm", "--y", "score", "--x", "INC,HOVAL", "--skip", "network", "--format", "json", "--draws", "0", "--out", study)
	if code != 0 {
		t.Fatalf("analyze: exit %d\n%s", code, stderr)
	}
	var res struct{ Model *modelJSON }
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || res.Model == nil {
		t.Fatalf("results.json model: %v %v", res.Model, err)
	}
	if !relClose(res.Model.Rho.Estimate, columbusReference(t)["sdm.rho"], 1e-6) {
		t.Errorf("analyze's SDM rho %g differs from spatialreg's", res.Model.Rho.Estimate)
	}
	if _, err := os.Stat(filepath.Join(study, "model.csv")); err != nil {
		t.Error(err)
	}
	stdout, _, _ = invoke(t, "", "analyze", "testdata/columbus.csv", "--score", "CRIME", "--skip", "network", "--format", "json")
	if !strings.Contains(stdout, `"model": null`) {
		t.Error(`analyze without a model: results.json lacks "model": null`)
	}
}

// TestREADMEModelExample: the README's example of collab model is the
// command of testdata/model-columbus-sdm and the first lines of its
// output, so that it runs as written.
func TestREADMEModelExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/model-columbus-sdm.stdout")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.Trim(string(golden), "\n"), "\n")[:17]
	for i, l := range lines {
		if l != "" {
			lines[i] = "    " + l
		}
	}
	cmd := "    collab model cmd/collab/testdata/columbus.csv --y CRIME --x INC,HOVAL --model sdm --weights contiguity\n\n"
	if !strings.Contains(string(readme), cmd+strings.Join(lines, "\n")) {
		t.Error("README.md's collab model example is not the command and first 17 lines of testdata/model-columbus-sdm.stdout")
	}
}

// TestModelDeterministic checks that the simulated standard errors are
// the same bytes on one core and on four, and change with --seed.
func TestModelDeterministic(t *testing.T) {
	args := []string{"model", "testdata/columbus.csv", "--y", "CRIME", "--x", "INC,HOVAL", "--model", "sdm", "--weights", "contiguity", "--format", "csv", "--draws", "500"}
	prev := runtime.GOMAXPROCS(1)
	one, _, _ := invoke(t, "", args...)
	runtime.GOMAXPROCS(4)
	four, _, _ := invoke(t, "", args...)
	other, _, _ := invoke(t, "", append(args, "--seed", "7")...)
	runtime.GOMAXPROCS(prev)
	if one != four || one == "" {
		t.Errorf("one core and four differ:\n%s\n%s", one, four)
	}
	if other == one {
		t.Error("--seed 7 gave the same standard errors as the default seed")
	}
}
