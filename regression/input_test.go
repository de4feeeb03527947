package regression

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"collab/spatial"
)

// TestBadInput checks that bad specifications fail with an InputError
// naming the parameter.
func TestBadInput(t *testing.T) {
	crime, inc, hoval, w := columbus(t)
	double := make([]float64, len(inc))
	for i, v := range inc {
		double[i] = 2*v - 3 // collinear with the intercept and INC
	}
	five := make([]float64, len(inc))
	for i := range five {
		five[i] = 5
	}
	ring, err := spatial.Contiguity([][]int{{1}, {2}, {3}, {0}})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		spec  Spec
		param string
		text  string
	}{
		{"collinear", Spec{Model: SAR, Y: crime, X: [][]float64{inc, double}, Names: []string{"INC", "INC2"}, W: w}, "x", `"INC2": is collinear`},
		{"constant x", Spec{Model: SEM, Y: crime, X: [][]float64{inc, five}, Names: []string{"INC", "FIVE"}, W: w}, "x", `"FIVE": is constant`},
		{"too few cities", Spec{Model: OLS, Y: crime[:3], X: [][]float64{inc[:3], hoval[:3]}, Names: []string{"INC", "HOVAL"}}, "y", "need more cities"},
		{"fewer cities than parameters", Spec{Model: SAR, Y: crime[:4], X: [][]float64{inc[:4], hoval[:4]}, Names: []string{"INC", "HOVAL"}, W: ring.Standardize()}, "y", "4 cities for 5 parameters"},
		{"exact fit", Spec{Model: OLS, Y: double, X: [][]float64{inc}, Names: []string{"INC"}}, "y", "fitted exactly"},
		{"no weights", Spec{Model: SDM, Y: crime, X: [][]float64{inc}, Names: []string{"INC"}}, "w", "needs spatial weights"},
		{"names", Spec{Model: OLS, Y: crime, X: [][]float64{inc}, Names: nil}, "names", "1 columns"},
		{"short column", Spec{Model: OLS, Y: crime, X: [][]float64{inc[:10]}, Names: []string{"INC"}}, "x", "10 values"},
		{"draws", Spec{Model: SAR, Y: crime, X: [][]float64{inc}, Names: []string{"INC"}, W: w, Impacts: ImpactOptions{Draws: -1}}, "draws", ">= 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Fit(context.Background(), c.spec)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v, want an InputError", err)
			}
			if ie.Param != c.param || !strings.Contains(err.Error(), c.text) {
				t.Errorf("error %q (param %q), want param %q and %q", err, ie.Param, c.param, c.text)
			}
			if strings.Contains(err.Error(), "--") {
				t.Errorf("error %q names a flag", err)
			}
		})
	}
}

// TestBoundary checks that an estimate on its interval's bound is refused
// with the parameter's name, as spatialreg warns "rho on interval bound".
func TestBoundary(t *testing.T) {
	lo, hi := -1.5, 1.0
	for _, c := range []struct {
		v  float64
		ok bool
	}{{0.3, true}, {hi, false}, {hi * (1 - 1e-9), false}, {lo, false}, {hi * (1 - 1e-6), true}} {
		err := checkInterior("rho", c.v, lo, hi)
		if (err == nil) != c.ok || (err != nil && !strings.Contains(err.Error(), "rho")) {
			t.Errorf("checkInterior(%g) = %v, want ok %v", c.v, err, c.ok)
		}
	}
	// Where Brent stopped on a ring whose y alternates (interval [-1, 1]):
	// within its final bracket of the bound, though 3.7e-8 away.
	if err := checkInterior("rho", -1+3.7e-8, -1, 1); err == nil {
		t.Error("rho 3.7e-8 from its bound -1 was accepted")
	}
}

func TestModelText(t *testing.T) {
	for m := OLS; m <= SAC; m++ {
		b, err := m.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Model
		if err := back.UnmarshalText([]byte(strings.ToUpper(string(b)))); err != nil || back != m {
			t.Errorf("%s: round trip gave %v, %v", m, back, err)
		}
	}
	var m Model
	if err := m.UnmarshalText([]byte("sarar")); err == nil || !strings.Contains(err.Error(), "ols, slx, sar") {
		t.Errorf("unknown model: %v", err)
	}
	if _, err := Model(9).MarshalText(); err == nil {
		t.Error("Model(9) marshalled")
	}
}

// TestResultJSON checks that a result marshals (encoding/json refuses NaN
// and Inf) and that undefined standard errors are null.
func TestResultJSON(t *testing.T) {
	r, err := Fit(context.Background(), columbusSpec(t, SDM))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"model":"sdm"`, `"direct_se":null`, `"se_undefined":"no simulation draws were asked for"`, `"name":"lag.INC"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s: %s", want, b)
		}
	}
}

// TestDrawsDeterministic checks that the same seed gives the same
// simulated standard errors and another seed different ones.
func TestDrawsDeterministic(t *testing.T) {
	fit := func(seed uint64) float64 {
		s := columbusSpec(t, SAR)
		s.Impacts = ImpactOptions{Draws: 200, Seed: seed}
		r, err := Fit(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		return *r.Impacts[0].IndirectSE
	}
	a, b, c := fit(1), fit(1), fit(2)
	if a != b || a == c {
		t.Errorf("seed 1 gave %v and %v, seed 2 %v", a, b, c)
	}
}

func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Fit(ctx, columbusSpec(t, SAR)); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}
