package output

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"collab/analysis"
)

// TestLegendFitsThePage: every line of the SVG legend ends inside the page,
// with its width bounded at 0.6 em a character (Helvetica's letters are at
// most about 0.6 em wide on average; digits 0.556 em), on the sample and on
// a map whose legend has long lines: every link drawn, a long class name,
// names in Chinese.
func TestLegendFitsThePage(t *testing.T) {
	long := sampleStudy(t)
	for i := range long.Cities {
		long.Cities[i].Province = []string{"Xinjiang Uyghur Autonomous Region of the People's Republic", "内蒙古自治区呼和浩特市与包头市合作区", "P"}[i%3]
	}
	for _, c := range []struct {
		name string
		o    MapOptions
	}{
		{"sample", MapOptions{}},
		{"every link, long classes", MapOptions{Color: "province", TopLinks: AllLinks}},
	} {
		res := sampleStudy(t)
		if c.o.Color == "province" {
			res = long
		}
		doc := write(t, func(w io.Writer) error { return SVG(w, res, c.o) })
		width := pageWidth(t, doc)
		legend := doc[strings.Index(doc, `<g id="legend"`):]
		legend = legend[:strings.Index(legend, "</g>")]
		texts := regexp.MustCompile(`<text x="([0-9.]+)"[^>]*>([^<]*)</text>`).FindAllStringSubmatch(legend, -1)
		if len(texts) < 4 {
			t.Fatalf("%s: %d legend texts", c.name, len(texts))
		}
		for _, m := range texts {
			x, _ := strconv.ParseFloat(m[1], 64)
			text := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#39;", "'", "&#34;", `"`).Replace(m[2])
			if end := x + 0.6*11*float64(displayWidth(text)); end > width {
				t.Errorf("%s: legend text %q ends at %.0f, beyond the page's %.0f", c.name, text, end, width)
			}
		}
	}
}

func pageWidth(t *testing.T, doc string) float64 {
	t.Helper()
	m := regexp.MustCompile(`<svg [^>]*width="([0-9.]+)"`).FindStringSubmatch(doc)
	if m == nil {
		t.Fatal("no svg width")
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	return w
}

// TestInferenceNote: beside the LISA table (Bozhou: Gi* z -1.40, p 0.002)
// the text and Markdown reports say that the z-scores are analytic and
// the p-values come from the permutations, with their number and seed.
func TestInferenceNote(t *testing.T) {
	res := sampleStudy(t)
	for _, f := range []func(io.Writer, *analysis.Result, Options) error{Text, Markdown} {
		out := strings.Join(strings.Fields(write(t, func(w io.Writer) error { return f(w, res, Options{}) })), " ")
		for _, want := range []string{"The z-scores are analytic", "Gi*'s its normal approximation", "folded pseudo p-values of 999 conditional permutations (seed 123456789)"} {
			if !strings.Contains(out, want) {
				t.Errorf("the report lacks %q", want)
			}
		}
	}
}
