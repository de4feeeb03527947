package analysis

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"collab/regression"
)

// modelWeightsR is the output of testdata/model_weights.R (spatialreg
// 1.2-6 lagsarlm method "eigen" under the same weights built in R from
// haversine distances): run from testdata as Rscript model_weights.R.
// TestModelWeightsSpatialreg reruns it when Rscript is present.
const modelWeightsR = `idw1.rho 0.84734315577224439
idw1.INC -1.2638313862324413
idw1.loglik -182.74090065071834
idw1.links 2352
idw2_40.rho 0.77241960899775863
idw2_40.INC -0.88584421635066901
idw2_40.loglik -178.03098178283676
idw2_40.links 2276
cont_econ.rho 0.38133669676875348
cont_econ.INC -0.84484615010277342
cont_econ.loglik -183.63508168187153
cont_econ.links 230
`

func parseReference(t *testing.T, text string) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	for line := range strings.SplitSeq(strings.TrimSpace(text), "\n") {
		k, v, _ := strings.Cut(line, " ")
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			t.Fatalf("reference line %q: %v", line, err)
		}
		out[k] = x
	}
	return out
}

// TestModelWeightsSpatialreg fits SAR on Columbus under inverse-distance,
// cut-off inverse-distance and contiguity x economic-distance weights
// and compares rho, the INC coefficient and the log-likelihood with
// spatialreg under the same matrices (1e-6 relative), and the links.
func TestModelWeightsSpatialreg(t *testing.T) {
	ref := parseReference(t, modelWeightsR)
	if _, err := exec.LookPath("Rscript"); err != nil {
		t.Log("Rscript not found: comparing with the stored spatialreg output only")
	} else {
		cmd := exec.Command("Rscript", "model_weights.R")
		cmd.Dir = "testdata"
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("Rscript model_weights.R: %v", err)
		}
		rerun := parseReference(t, string(out))
		for k, v := range ref {
			if !near(rerun[k], v, 1e-9) {
				t.Errorf("rerun of R: %s = %.12g, stored %.12g", k, rerun[k], v)
			}
		}
	}
	ds := columbus(t)
	for _, c := range []struct{ key, weights string }{{"idw1", "idw:1"}, {"idw2_40", "idw:2:40"}, {"cont_econ", "contiguity*economic:INC"}} {
		m, err := FitModel(context.Background(), ds, modelParameters(regression.SAR, "CRIME", "INC,HOVAL", c.weights))
		if err != nil {
			t.Fatalf("%s: %v", c.weights, err)
		}
		inc, _ := coefficient(m, "INC")
		for name, got := range map[string]float64{"rho": float64(m.Rho.Estimate), "INC": inc, "loglik": float64(m.LogLikelihood), "links": float64(m.Links)} {
			if want := ref[c.key+"."+name]; !near(got, want, 1e-6) {
				t.Errorf("%s %s = %.10g, spatialreg %.10g", c.weights, name, got, want)
			}
		}
		if m.Weights != c.weights {
			t.Errorf("weights spelled %q, want %q", m.Weights, c.weights)
		}
	}
}

func coefficient(m *Model, name string) (float64, bool) {
	for _, e := range m.Coefficients {
		if e.Name == name {
			return float64(e.Estimate), true
		}
	}
	return 0, false
}

// TestModelWeightsParse checks the grammar of the regression weights:
// what it reads, how it spells it back, and what it refuses.
func TestModelWeightsParse(t *testing.T) {
	for _, c := range []struct{ in, out, err string }{
		{"idw:1", "idw:1", ""},
		{"idw:2:300", "idw:2:300", ""},
		{"knn:6*economic:gdp", "knn:6*economic:gdp", ""},
		{" idw:1 * economic:gdp ", "idw:1*economic:gdp", ""},
		{"contiguity", "contiguity", ""},
		{"idw:0", "", "the power P of idw:P must be a number in (0, 10]"},
		{"idw:1:-5", "", "the cut-off KM"},
		{"economic:", "", "name the variable"},
		{"rook", "", `"rook" is not a weight`},
		{"knn:0*idw:1", "", `"knn:0" is not a weight`},
	} {
		var w ModelWeights
		err := w.UnmarshalText([]byte(c.in))
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%q: %v", c.in, err)
		case c.err == "" && w.String() != c.out:
			t.Errorf("%q spelled %q, want %q", c.in, w.String(), c.out)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want %q", c.in, err, c.err)
		}
	}
}

// TestModelWeightsDenseLimit checks that weights linking every pair are
// refused above DenseWeightsMaxN cities, naming the way out, and that
// equal economic values are refused naming the cities.
func TestModelWeightsDenseLimit(t *testing.T) {
	ds := columbus(t)
	big := *ds
	for len(big.Cities) <= DenseWeightsMaxN {
		big.Cities = append(big.Cities, ds.Cities...)
	}
	s := &study{ds: &big, p: DefaultParameters(), points: big.Points()}
	var w ModelWeights
	if err := w.UnmarshalText([]byte("idw:1")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.modelWeights(w, nil); err == nil || !strings.Contains(err.Error(), "idw:P:KM") {
		t.Errorf("dense idw on %d cities: %v", len(big.Cities), err)
	}
	tie := columbus(t)
	tie.Cities[1].Variables["INC"][0] = tie.Cities[0].Variables["INC"][0]
	_, err := FitModel(context.Background(), tie, modelParameters(regression.SAR, "CRIME", "HOVAL", "contiguity*economic:INC"))
	if err == nil || !strings.Contains(err.Error(), "have the same INC") {
		t.Errorf("equal economic values: %v", err)
	}
}

// TestModelWeightsAsymmetricLarge checks that asymmetric weights (knn:K)
// are refused above regression.EigenMaxN observations, where the sparse
// log-determinants need symmetric ones, naming the way out.
func TestModelWeightsAsymmetricLarge(t *testing.T) {
	ds := columbus(t)
	big := *ds
	big.Cities = nil
	for len(big.Cities) <= regression.EigenMaxN {
		for _, c := range ds.Cities {
			c.Lat += float64(len(big.Cities)/len(ds.Cities)) * 0.01
			big.Cities = append(big.Cities, c)
		}
	}
	_, err := FitModel(context.Background(), &big, modelParameters(regression.SAR, "CRIME", "INC", "knn:4"))
	if err == nil || !strings.Contains(err.Error(), "are not symmetric") || !strings.Contains(err.Error(), "symmetric (symmetric)") {
		t.Errorf("knn:4 on %d cities: %v", len(big.Cities), err)
	}
}
