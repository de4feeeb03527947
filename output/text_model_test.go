package output

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"collab/analysis"
)

// impactModel is a made-up SDM fit: y and x as named, one impact.
func impactModel(y, x string, draws bool) *analysis.Model {
	se := analysis.Number(0.1)
	p := analysis.Number(0.0455)
	if !draws {
		se, p = analysis.Number(math.NaN()), analysis.Number(math.NaN())
	}
	return &analysis.Model{Model: "sdm", Y: y, X: []string{x}, Weights: "knn:6", N: 30,
		Coefficients: []analysis.ModelEstimate{{Name: "(Intercept)", Estimate: 1, SE: 0.5, Z: 2, P: 0.0455}},
		Rho:          &analysis.ModelEstimate{Name: "rho", Estimate: 0.4, SE: 0.1, Z: 4, P: 6e-5},
		Impacts: []analysis.ModelImpact{{Name: x, Direct: 0.5, DirectSE: se, DirectP: p, Indirect: -0.25, IndirectSE: se, IndirectP: p,
			Total: 0.25, TotalSE: se, TotalP: p}},
		ImpactDraws: 1000, LogLikelihood: -10, AIC: 30, Sigma2: 1}
}

// TestImpactSentence checks the units of the report's sentences: "1%"
// and percentages only when both sides are logged, a hundredth when only
// x is, about 100 b % when only y is, units otherwise; and that an
// undefined p-value is said to be missing, not printed.
func TestImpactSentence(t *testing.T) {
	for _, c := range []struct {
		y, x  string
		draws bool
		want  []string
		not   []string
	}{
		{"log(patents)", "log(rd)", true, []string{"a 1% rise in rd", "lowers the other cities' patents in total (summed over them) by 0.25%", "raises its own patents by 0.5%", "p 0.0455, significant at 5%"}, nil},
		{"patents", "log(rd)", true, []string{"a 1% rise in rd", "by about 0.0025 (a hundredth of 0.25)"}, []string{"0.25%"}},
		{"log(patents)", "rd", true, []string{"a rise of 1 in rd", "by about 25% (0.25 in logs)"}, []string{"1%"}},
		{"patents", "rd", false, []string{"a rise of 1 in rd", "by 0.25 (indirect effect, no standard error)"}, []string{"%", "NaN"}},
	} {
		var b bytes.Buffer
		if err := ModelText(&b, impactModel(c.y, c.x, c.draws), Options{}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("y %s, x %s: report lacks %q:\n%s", c.y, c.x, w, out)
			}
		}
		sentence := out[strings.Index(out, "On average"):]
		for _, w := range c.not {
			if strings.Contains(sentence, w) {
				t.Errorf("y %s, x %s: sentence has %q: %s", c.y, c.x, w, sentence)
			}
		}
	}
}

// TestModelCSV checks model.csv: the header, one row an estimate, empty
// cells for undefined values.
func TestModelCSV(t *testing.T) {
	var b bytes.Buffer
	if err := ModelCSV(&b, impactModel("y", "x", false)); err != nil {
		t.Fatal(err)
	}
	want := "kind,name,estimate,se,z,p\r\ncoefficient,(Intercept),1,0.5,2,0.0455\r\nrho,rho,0.4,0.1,4,6e-05\r\ndirect,x,0.5,,,\r\nindirect,x,-0.25,,,\r\ntotal,x,0.25,,,\r\n"
	if b.String() != want {
		t.Errorf("model.csv:\n%q\nwant\n%q", b.String(), want)
	}
}
