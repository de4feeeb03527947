package analysis

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestCAGR: the published YRD collaborative-innovation index went from 100
// (2011) to 247.11 (2021), 9.47% a year (../shared/reference/README.md).
func TestCAGR(t *testing.T) {
	got, err := CAGR(100, 247.11, 10)
	if err != nil || fmt.Sprintf("%.2f", 100*got) != "9.47" {
		t.Errorf("CAGR(100, 247.11, 10) = %v, %v; want 9.47%%", got, err)
	}
	if got, _ := CAGR(1, 8, 3); math.Abs(got-1) > 1e-15 { // doubling each year
		t.Errorf("CAGR(1, 8, 3) = %v, want 1", got)
	}
	for _, bad := range [][3]float64{{0, 1, 1}, {1, -1, 1}, {1, 2, 0}, {math.Inf(1), 1, 1}} {
		if _, err := CAGR(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("CAGR%v: no error", bad)
		}
	}
}

// TestBetaConvergenceByHand: three cities over T = 10 years with initial
// scores e^0, e^1, e^2 and final scores chosen so that annual log growth is
// 0.34, 0.22, 0.10: a perfect line of slope -0.12 through 0.34, so R² = 1
// and lambda = -ln(1 - 0.12*10)/10 is undefined (1 + bT < 0); a slope of
// -0.05 gives lambda = -ln(0.5)/10 and a half-life of 10 years.
func TestBetaConvergenceByHand(t *testing.T) {
	y0 := []float64{1, math.E, math.E * math.E}
	yT := make([]float64, 3)
	for i, g := range []float64{0.34, 0.22, 0.10} {
		yT[i] = y0[i] * math.Exp(10*g)
	}
	b := betaConvergence(y0, yT, 10)
	if math.Abs(float64(b.Slope)+0.12) > 1e-12 || math.Abs(float64(b.Intercept)-0.34) > 1e-12 || math.Abs(float64(b.R2)-1) > 1e-12 || b.Speed != nil || b.Cities != 3 {
		t.Errorf("beta = %+v, want slope -0.12, intercept 0.34, R² 1, no speed", b)
	}
	for i, g := range []float64{0.15, 0.1, 0.05} {
		yT[i] = y0[i] * math.Exp(10*g)
	}
	b = betaConvergence(y0, yT, 10)
	if b.Speed == nil || math.Abs(*b.Speed-math.Ln2/10) > 1e-12 || b.HalfLife == nil || math.Abs(*b.HalfLife-10) > 1e-9 {
		t.Errorf("beta = %+v, want speed ln2/10 and half-life 10", b)
	}
	if b := betaConvergence([]float64{0, 1, 2, 3}, []float64{1, 2, 0, 4}, 5); b.Cities != 2 {
		t.Errorf("zero scores should be left out: %d cities", b.Cities)
	}
}

// TestBetaConvergenceUndefined: with every city starting from the same
// score there is nothing to regress on (found by FuzzAnalyze, which saw
// NaN in the JSON); with every city growing at the same rate the slope is
// 0 and R² is 0/0. Undefined values are null, as every undefined measure.
func TestBetaConvergenceUndefined(t *testing.T) {
	b := betaConvergence([]float64{2, 2, 2}, []float64{3, 5, 9}, 10)
	if b.Cities != 3 || b.Slope.Defined() || b.Intercept.Defined() || b.R2.Defined() || b.Speed != nil || b.HalfLife != nil {
		t.Errorf("equal initial scores: %+v, want slope, intercept and R² undefined", b)
	}
	b = betaConvergence([]float64{1, 2, 4}, []float64{2, 4, 8}, 10)
	if b.Slope != 0 || b.R2.Defined() {
		t.Errorf("equal growth: %+v, want slope 0 and R² undefined", b)
	}
	if out, err := json.Marshal(b); err != nil || !strings.Contains(string(out), `"r2":null`) {
		t.Errorf("JSON %s, %v", out, err)
	}
}

// TestSampleTrend: the sample's CV fell from 2.46 to 1.69 and its mean grew
// about 338-fold from 2001 to 2021 (../shared/reference/README.md).
func TestSampleTrend(t *testing.T) {
	r := run(t, sample(t), DefaultParameters())
	tr := r.Trend
	if tr == nil || !slices.Equal(tr.Years, []int{2001, 2021}) {
		t.Fatalf("trend %+v", tr)
	}
	got := fmt.Sprintf("%.2f %.2f %.0f", tr.Series[0].CVPopulation, tr.Series[1].CVPopulation, float64(tr.MeanGrowth))
	if got != "2.46 1.69 338" || !tr.SigmaConvergence {
		t.Errorf("CV 2001, CV 2021, growth = %s (sigma %v); want 2.46 1.69 338", got, tr.SigmaConvergence)
	}
	if want := math.Pow(float64(tr.MeanGrowth), 1.0/20) - 1; math.Abs(float64(tr.CAGR)-want) > 1e-15 {
		t.Errorf("CAGR %v, want %v", tr.CAGR, want)
	}
	// R 4.2 (Debian r-base), with jsonlite:
	//   d <- fromJSON("yrd.json"); s <- d$cities$scores; y0 <- s$`2001`; yT <- s$`2021`
	//   m <- lm(I(log(yT/y0)/20) ~ log(y0)); coef(m); summary(m)$r.squared
	// gives slope -0.015102035544735343, intercept 0.296723648584816535,
	// R² 0.84245212489485954 (numpy.polyfit agrees to 1e-15).
	b := tr.Beta
	if b.Cities != 41 || math.Abs(float64(b.Slope)+0.015102035544735343) > 1e-12 || math.Abs(float64(b.Intercept)-0.296723648584816535) > 1e-12 || math.Abs(float64(b.R2)-0.84245212489485954) > 1e-12 {
		t.Errorf("beta %+v, want R's lm: slope -0.0151020355447353, intercept 0.2967236485848165, R² 0.8424521248948595", b)
	}
	if want := -math.Log(1+20*float64(b.Slope)) / 20; b.Speed == nil || math.Abs(*b.Speed-want) > 1e-15 || math.Abs(*b.HalfLife-math.Ln2/want) > 1e-9 {
		t.Errorf("speed %v, half-life %v; want %v and ln2/speed", b.Speed, b.HalfLife, want)
	}
}

func TestNoTrendForOneYear(t *testing.T) {
	ds, err := readData("one.json", []byte(`{"cities": [
		{"id": "a", "lat": 30, "lon": 120, "scores": {"2021": 4}},
		{"id": "b", "lat": 30, "lon": 121, "scores": {"2021": 2}},
		{"id": "c", "lat": 31, "lon": 121, "scores": {"2021": 1}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if r := run(t, ds, DefaultParameters()); r.Trend != nil {
		t.Errorf("trend %+v for a single year", r.Trend)
	}
}

// TestTrendOverflow: a first-year mean near the smallest float makes the
// growth overflow to +Inf, which JSON cannot hold; it is undefined (null).
// Found by FuzzAnalyze (testdata/fuzz/FuzzAnalyze/b7fab6a3c326ff9f).
func TestTrendOverflow(t *testing.T) {
	ds, err := readData("tiny.json", []byte(`{"cities": [
		{"id": "a", "lat": 1, "lon": 1, "scores": {"2001": 0, "2021": 0}},
		{"id": "b", "lat": 2, "lon": 2, "scores": {"2001": 5e-324, "2021": 1}},
		{"id": "c", "lat": 3, "lon": 3, "scores": {"2001": 5e-324, "2021": 0}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, ds, DefaultParameters())
	if r.Trend == nil || r.Trend.MeanGrowth.Defined() || r.Trend.CAGR.Defined() {
		t.Fatalf("trend %+v: want undefined growth", r.Trend)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Errorf("results do not marshal: %v", err)
	}
}
