package output

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"testing"

	"collab/analysis"
)

// everyFormat writes a result in each of collab's formats, in process.
var everyFormat = map[string]func(io.Writer, *analysis.Result) error{
	"text":            func(w io.Writer, r *analysis.Result) error { return Text(w, r, Options{}) },
	"markdown":        func(w io.Writer, r *analysis.Result) error { return Markdown(w, r, Options{}) },
	"json":            JSON,
	"csv":             CitiesCSV,
	"links-csv":       LinksCSV,
	"transitions-csv": TransitionsCSV,
	"dot":             func(w io.Writer, r *analysis.Result) error { return DOT(w, r, MapOptions{}) },
	"geojson":         func(w io.Writer, r *analysis.Result) error { return GeoJSON(w, r, MapOptions{}) },
	"svg":             func(w io.Writer, r *analysis.Result) error { return SVG(w, r, MapOptions{}) },
	"gexf":            func(w io.Writer, r *analysis.Result) error { return GEXF(w, r, MapOptions{}) },
	"graphml":         func(w io.Writer, r *analysis.Result) error { return GraphML(w, r, MapOptions{}) },
	"pajek":           Pajek,
	"gephi-nodes":     GephiNodes,
	"gephi-edges":     GephiEdges,
	"moran-svg":       MoranSVG,
	"trend-svg":       TrendSVG,
	"lorenz-svg":      LorenzSVG,
	"html":            func(w io.Writer, r *analysis.Result) error { return HTML(w, r, Options{}, MapOptions{}) },
	"latex":           LaTeX,
}

// nonFinite matches the ways Go, R and Python spell an undefined or
// infinite number: NaN, +Inf, Inf, -inf, infinity.
var nonFinite = regexp.MustCompile(`(?i)\bnan\b|[+-]?\binf(inity)?\b`)

// script matches the HTML page's scripts, which are code, not numbers.
var script = regexp.MustCompile(`(?s)<script>.*?</script>`)

// zeroP matches a p-value printed as exactly 0 in the text and Markdown
// reports ("p 0", "p = 0", "p 0.000") and in the JSON and CSV ("p_...": 0).
var (
	zeroPText = regexp.MustCompile(`\bp( =)? 0(\.0*)?([^.0-9eE]|$)`)
	zeroPJSON = regexp.MustCompile(`"p(_[a-z]+)?": 0[,\n}]`)
)

// TestEveryFormatFiniteOnSmallRegions runs random regions of 3-15 cities,
// single years and panels, with and without permutations, through every
// output format and checks that none writes NaN or an infinity and that
// no p-value is exactly 0: a permutation p is at least 1/(R+1), and an
// analytic p below the smallest float64 is written as a bound.
func TestEveryFormatFiniteOnSmallRegions(t *testing.T) {
	for trial := range 40 {
		rng := rand.New(rand.NewPCG(14, uint64(trial)))
		src, n := smallRegion(rng)
		ds, err := readData("small.json", src)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		p := analysis.DefaultParameters()
		p.Permutations = []int{0, 9, 99}[rng.IntN(3)]
		if rng.IntN(2) == 0 {
			p.Weights = analysis.Weights{Kind: "knn", K: 1 + rng.IntN(n-1)}
		}
		res, err := analysis.Run(context.Background(), ds, p)
		if err != nil {
			t.Fatalf("trial %d (%d cities): %v", trial, n, err)
		}
		name := fmt.Sprintf("trial %d (%d cities, %d years, weights %s, %d permutations)", trial, n, len(ds.Years), res.Parameters.Weights, p.Permutations)
		for format, write := range everyFormat {
			var b bytes.Buffer
			if err := write(&b, res); err != nil {
				t.Fatalf("%s: %s: %v", name, format, err)
			}
			text := b.String()
			if format == "html" { // the page's sorting script compares with -Infinity
				text = script.ReplaceAllString(text, "<script>")
			}
			checkFiniteText(t, name+" "+format, text)
		}
		checkPValues(t, name, res)
	}
}

// smallRegion is collab's JSON of a random region of 3-15 cities, a single
// score or a panel of 2-4 years; some regions are tiny in extent, some
// have equal scores (degenerate statistics).
func smallRegion(rng *rand.Rand) ([]byte, int) {
	n := 3 + rng.IntN(13)
	years := []int{0, 0, 2, 3, 4}[rng.IntN(5)]
	spread := []float64{0.01, 0.5, 4}[rng.IntN(3)]
	equal := rng.IntN(6) == 0
	var cities []map[string]any
	for i := range n {
		score := func() float64 {
			if equal {
				return 5
			}
			return math.Exp(rng.Float64() * 6)
		}
		c := map[string]any{"id": fmt.Sprint("c", i), "name": fmt.Sprint("City ", i),
			"province": []string{"P", "Q"}[rng.IntN(2)],
			"lat":      30 + spread*rng.Float64(), "lon": 118 + spread*rng.Float64()}
		if years == 0 {
			c["score"] = score()
		} else {
			scores := map[string]float64{}
			for y := range years {
				scores[strconv.Itoa(2000+5*y)] = score()
			}
			c["scores"] = scores
		}
		cities = append(cities, c)
	}
	b, _ := json.Marshal(map[string]any{"name": "small", "cities": cities})
	return b, n
}

// checkFiniteText fails on any NaN or infinity, and any p-value of
// exactly 0, in an output.
func checkFiniteText(t *testing.T, name, s string) {
	t.Helper()
	if loc := nonFinite.FindStringIndex(s); loc != nil {
		t.Errorf("%s: non-finite number in %q", name, excerpt(s, loc))
	}
	for _, re := range []*regexp.Regexp{zeroPText, zeroPJSON} {
		if loc := re.FindStringIndex(s); loc != nil {
			t.Errorf("%s: p-value of exactly 0 in %q", name, excerpt(s, loc))
		}
	}
}

func excerpt(s string, loc []int) string {
	return s[max(0, loc[0]-60):min(len(s), loc[1]+30)]
}

// checkPValues: every p-value of the result is null or in (0, 1], and a
// permutation p is at least 1/(R+1).
func checkPValues(t *testing.T, name string, res *analysis.Result) {
	t.Helper()
	check := func(what string, p analysis.Number, floor float64) {
		if p.Defined() && !(float64(p) >= floor && p <= 1) {
			t.Errorf("%s: %s = %v, want null or in [%g, 1]", name, what, float64(p), floor)
		}
	}
	perm := 1 / float64(res.Parameters.Permutations+1)
	if m := res.Moran; m != nil {
		check("Moran p_normal", m.PNormal, math.SmallestNonzeroFloat64)
		check("Moran p_random", m.PRandom, math.SmallestNonzeroFloat64)
		check("Moran p_permutation", m.PPermutation, perm)
	}
	for _, c := range res.Cities {
		if a := c.Autocorrelation; a != nil {
			check(c.ID+" local_moran_p", a.LocalMoranP, perm)
			check(c.ID+" gi_star_p", a.GiStarP, perm)
		}
	}
}
