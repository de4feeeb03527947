package output

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"collab/analysis"
)

// TestDynamicsPropertiesRandomPanels runs the study on random panels (3-30
// cities, 2-10 years, random class schemes and steps, ties and zero
// scores) and checks that every sentence of the report's dynamics section
// holds for the counts in the result, that the probabilities are shares
// of those counts, and that results.json has no NaN or infinity.
func TestDynamicsPropertiesRandomPanels(t *testing.T) {
	for trial := range 60 {
		rng := rand.New(rand.NewPCG(19, uint64(trial)))
		ds, err := readData("random.json", randomPanel(rng))
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		p := randomDynamicsParameters(rng, len(ds.Years), len(ds.Cities))
		res, err := analysis.Run(context.Background(), ds, p)
		if err != nil {
			t.Fatalf("trial %d (%v): %v", trial, p.DynamicsParameters, err)
		}
		name := fmt.Sprintf("trial %d (%d cities, %d years, classes %s, lag %v, step %d)",
			trial, len(ds.Cities), len(ds.Years), p.Classes, p.LagClasses, p.Step)
		d := res.Dynamics
		if d == nil {
			t.Fatalf("%s: no dynamics", name)
		}
		checkChain(t, name, d.Transitions, d.Probabilities, len(ds.Cities)*(len(d.Years)-1))
		checkLags(t, name, d)
		checkLongRun(t, name, d)
		checkDagum(t, name, d.Dagum)
		checkJSONFinite(t, name, res)
		checkSentences(t, name, d, markdownDynamics(t, res))
	}
}

// randomPanel is collab's JSON of a random panel: scores drawn
// log-uniformly, some repeated (ties) and some zero, but never a year of
// zeros only.
func randomPanel(rng *rand.Rand) []byte {
	n, years := 3+rng.IntN(28), 2+rng.IntN(9)
	provinces := []string{"P", "Q", "R", "S"}[:1+rng.IntN(4)]
	var cities []map[string]any
	for i := range n {
		scores := map[string]float64{}
		for y := range years {
			v := math.Exp(rng.Float64() * 8)
			switch r := rng.Float64(); {
			case r < 0.1:
				v = 0
			case r < 0.25:
				v = 7 // a tie
			}
			if i == 0 {
				v++ // a positive mean every year
			}
			scores[strconv.Itoa(2000+y)] = v
		}
		cities = append(cities, map[string]any{"id": fmt.Sprint("c", i), "name": fmt.Sprint("City ", i),
			"province": provinces[rng.IntN(len(provinces))], "lat": 28 + 4*rng.Float64(), "lon": 116 + 6*rng.Float64(),
			"population": 1e5 + 1e6*rng.Float64(), "scores": scores})
	}
	b, _ := json.Marshal(map[string]any{"name": "random", "cities": cities})
	return b
}

func randomDynamicsParameters(rng *rand.Rand, years, cities int) analysis.Parameters {
	p := analysis.DefaultParameters()
	p.Permutations = 0
	p.Weights = analysis.Weights{Kind: "knn", K: 1 + rng.IntN(min(4, cities-1))}
	schemes := []string{"tiers", "quantile:2", "quantile:3", "quantile:5", "pooled:2", "pooled:4"}
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(p.Classes.UnmarshalText([]byte(schemes[rng.IntN(len(schemes))])))
	if rng.IntN(2) == 0 {
		must(p.LagClasses.UnmarshalText([]byte(schemes[rng.IntN(len(schemes))])))
	}
	p.Step = 1 + rng.IntN(years-1)
	p.Group = []analysis.Group{"province", "community", "none"}[rng.IntN(3)]
	return p
}

// checkChain: the counts add up to the transitions read, and each observed
// row of probabilities is the row's counts over its total (in [0, 1],
// summing to 1); an unobserved row is null.
func checkChain(t *testing.T, name string, counts [][]int, probs [][]float64, total int) {
	t.Helper()
	var sum int
	for i, row := range counts {
		n := sumInts(row)
		sum += n
		if (n == 0) != (probs[i] == nil) {
			t.Errorf("%s: row %d has %d transitions, probabilities %v", name, i, n, probs[i])
			continue
		}
		var ps float64
		for j, p := range probs[i] {
			if !(p >= 0 && p <= 1) || math.Abs(p-float64(row[j])/float64(n)) > 1e-15 {
				t.Errorf("%s: p[%d][%d] = %v, counts %v", name, i, j, p, row)
			}
			ps += p
		}
		if probs[i] != nil && math.Abs(ps-1) > 1e-12 {
			t.Errorf("%s: row %d sums to %v", name, i, ps)
		}
	}
	if total >= 0 && sum != total {
		t.Errorf("%s: %d transitions, want cities x steps = %d", name, sum, total)
	}
}

// checkLags: each lag class is a chain of its own, and the lag classes'
// counts add up to the classic chain's.
func checkLags(t *testing.T, name string, d *analysis.Dynamics) {
	t.Helper()
	if d.Spatial == nil || d.Tests.Homogeneity == nil {
		t.Fatalf("%s: spatial chain missing", name)
	}
	k := len(d.Transitions)
	sum := make([][]int, k)
	for i := range sum {
		sum[i] = make([]int, k)
	}
	for _, l := range d.Spatial.ByLag {
		checkChain(t, name+" lag "+l.LagClass, l.Transitions, l.Probabilities, -1)
		for i, row := range l.Transitions {
			for j, n := range row {
				sum[i][j] += n
			}
		}
	}
	if !slices.EqualFunc(sum, d.Transitions, slices.Equal) {
		t.Errorf("%s: lag classes sum to %v, the chain has %v", name, sum, d.Transitions)
	}
	h := d.Tests.Homogeneity
	if !(h.LR >= 0) || !(h.Q >= 0) || (h.LRP == nil) != (h.DOF < 1) || (h.LRP != nil && !(*h.LRP >= 0 && *h.LRP <= 1)) {
		t.Errorf("%s: homogeneity %+v", name, h)
	}
	if d.LISA == nil {
		t.Fatalf("%s: LISA chain missing", name)
	}
	checkChain(t, name+" LISA", d.LISA.Transitions, d.LISA.Probabilities, -1)
}

// checkLongRun: the steady state is a distribution, sojourn times are at
// least one step, mean first passage times at least one, and each null
// has its reason.
func checkLongRun(t *testing.T, name string, d *analysis.Dynamics) {
	t.Helper()
	if d.SteadyState == nil && d.Undefined["steady_state"] == "" {
		t.Errorf("%s: steady state null without a reason", name)
	}
	var s float64
	for _, v := range d.SteadyState {
		if !(v >= 0 && v <= 1) {
			t.Errorf("%s: steady state %v", name, d.SteadyState)
		}
		s += v
	}
	if d.SteadyState != nil && math.Abs(s-1) > 1e-12 {
		t.Errorf("%s: steady state sums to %v", name, s)
	}
	for i, v := range d.Sojourn {
		if v == nil && d.Undefined["sojourn"] == "" || v != nil && !(*v >= 1) {
			t.Errorf("%s: sojourn[%d] = %v (%q)", name, i, v, d.Undefined["sojourn"])
		}
	}
	if d.FirstPassage == nil && d.Undefined["first_passage"] == "" {
		t.Errorf("%s: first passage null without a reason", name)
	}
	for _, row := range d.FirstPassage {
		for _, m := range row {
			if !(m >= 1-1e-9) || math.IsInf(m, 0) {
				t.Errorf("%s: first passage %v", name, d.FirstPassage)
			}
		}
	}
}

func checkDagum(t *testing.T, name string, g *analysis.DagumByGroup) {
	t.Helper()
	if g == nil {
		return
	}
	for _, y := range g.Years {
		if math.Abs(y.Within+y.NetBetween+y.Transvariation-y.Gini) > 1e-12 {
			t.Errorf("%s: Dagum %d: %v + %v + %v != %v", name, y.Year, y.Within, y.NetBetween, y.Transvariation, y.Gini)
		}
	}
}

// checkJSONFinite: results.json encodes (encoding/json refuses NaN and
// infinities) and every number in it is finite.
func checkJSONFinite(t *testing.T, name string, res *analysis.Result) {
	t.Helper()
	var b bytes.Buffer
	if err := JSON(&b, res); err != nil {
		t.Fatalf("%s: results.json: %v", name, err)
	}
	var v any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatalf("%s: results.json does not decode: %v", name, err)
	}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Errorf("%s: %v in results.json", name, x)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
}

// markdownDynamics returns the lines of the Markdown report's dynamics
// section (one sentence a line).
func markdownDynamics(t *testing.T, res *analysis.Result) []string {
	t.Helper()
	var b bytes.Buffer
	if err := Markdown(&b, res, Options{}); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	i := strings.Index(text, "\n## Dynamics ")
	if i < 0 {
		t.Fatal("no dynamics section")
	}
	text = text[i+1:]
	if j := strings.Index(text[3:], "\n## "); j >= 0 {
		text = text[:j+3]
	}
	return strings.Split(text, "\n")
}

var (
	movesRe   = regexp.MustCompile(`^- Of (\d+) city-steps, (\d+) changed class: (\d+) rose and (\d+) fell\.$`)
	risingRe  = regexp.MustCompile(`A (\S+) city rose within a step with probability (.*)\.$`)
	partRe    = regexp.MustCompile(`([0-9.]+) next to (\S+) neighbours \((\d+) of (\d+)\)`)
	noStartRe = regexp.MustCompile(`^- No (\S+) city was observed at the start of a step\.$`)
	rowRe     = regexp.MustCompile(`^\| (tier \d+|Q\d+) \| (\d+) \|`)
)

// checkSentences recomputes what each sentence of the section says from
// the result's counts.
func checkSentences(t *testing.T, name string, d *analysis.Dynamics, lines []string) {
	t.Helper()
	classIndex := func(names []string, hyphenated string) int {
		return slices.Index(names, strings.ReplaceAll(hyphenated, "-", " "))
	}
	seen := map[string]bool{}
	for _, line := range lines {
		switch {
		case movesRe.MatchString(line):
			seen["moves"] = true
			m := atoiAll(movesRe.FindStringSubmatch(line)[1:])
			total, up, down := movesOf(d)
			if m[0] != total || m[2] != up || m[3] != down || m[1] != up+down {
				t.Errorf("%s: %q, counts give %d city-steps, %d up, %d down", name, line, total, up, down)
			}
		case risingRe.MatchString(line):
			seen["rising"] = true
			sub := risingRe.FindStringSubmatch(line)
			i := classIndex(d.Classes.Names, sub[1])
			parts := partRe.FindAllStringSubmatch(sub[2], -1)
			if i < 0 || len(parts) == 0 {
				t.Errorf("%s: %q: class %q, %d parts", name, line, sub[1], len(parts))
				continue
			}
			for _, part := range parts {
				checkRisingPart(t, name, d, i, part)
			}
		case noStartRe.MatchString(line):
			i := classIndex(d.Classes.Names, noStartRe.FindStringSubmatch(line)[1])
			if i < 0 || sumInts(d.Transitions[i]) != 0 {
				t.Errorf("%s: %q but the row has %v", name, line, d.Transitions[max(i, 0)])
			}
		case rowRe.MatchString(line):
			sub := rowRe.FindStringSubmatch(line)
			i := slices.Index(d.Classes.Names, sub[1])
			if n, _ := strconv.Atoi(sub[2]); i < 0 || n != sumInts(d.Transitions[i]) {
				t.Errorf("%s: table row %q, counts %v", name, line, d.Transitions)
			}
			seen["table"] = true
		}
	}
	if !seen["moves"] || !seen["table"] {
		t.Errorf("%s: the section lacks the moves sentence or the table:\n%s", name, strings.Join(lines, "\n"))
	}
}

func checkRisingPart(t *testing.T, name string, d *analysis.Dynamics, i int, part []string) {
	t.Helper()
	l := slices.IndexFunc(d.Spatial.ByLag, func(c analysis.LagChain) bool {
		return strings.ReplaceAll(c.LagClass, " ", "-") == part[2]
	})
	up, n := atoi(part[3]), atoi(part[4])
	if l < 0 {
		t.Errorf("%s: %q: no lag class %q", name, part[0], part[2])
		return
	}
	row := d.Spatial.ByLag[l].Transitions[i]
	var rose int
	for j, c := range row {
		if d.Classes.Ascending && j > i || !d.Classes.Ascending && j < i {
			rose += c
		}
	}
	if n == 0 || up != rose || n != sumInts(row) || part[1] != strconv.FormatFloat(float64(up)/float64(n), 'f', 2, 64) {
		t.Errorf("%s: %q, the lag class's row is %v", name, part[0], row)
	}
}

func movesOf(d *analysis.Dynamics) (total, up, down int) {
	for i, row := range d.Transitions {
		for j, n := range row {
			total += n
			switch {
			case i == j:
			case d.Classes.Ascending == (j > i):
				up += n
			default:
				down += n
			}
		}
	}
	return total, up, down
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func atoiAll(s []string) []int {
	out := make([]int, len(s))
	for k, x := range s {
		out[k] = atoi(x)
	}
	return out
}

// TestTransitionsCSVSample: the long form of the sample's matrices: the
// classic chain's cells are the tier matrix counted by hand (see
// analysis.TestDynamicsSampleTierMatrix), the spatial chain's cells add up
// to them, and a row never observed has empty probabilities.
func TestTransitionsCSVSample(t *testing.T) {
	res := sampleStudy(t)
	var b bytes.Buffer
	if err := TransitionsCSV(&b, res); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [4][4]int{{1, 1, 0, 0}, {0, 5, 0, 0}, {0, 2, 0, 0}, {0, 0, 9, 23}}
	var markov, spatial [4][4]int
	emptyRows := 0
	for _, r := range rows[1:] {
		from, to := atoi(strings.TrimPrefix(r[2], "tier "))-1, atoi(strings.TrimPrefix(r[3], "tier "))-1
		switch r[0] {
		case "markov":
			markov[from][to] = atoi(r[4])
		case "spatial":
			spatial[from][to] += atoi(r[4])
			if r[5] == "" {
				emptyRows++
			}
		}
	}
	if markov != want || spatial != want {
		t.Errorf("markov %v, spatial summed %v, want %v", markov, spatial, want)
	}
	if len(rows) != 1+16*(1+4)+16 || emptyRows == 0 {
		t.Errorf("%d rows, %d empty probabilities", len(rows), emptyRows)
	}
}
