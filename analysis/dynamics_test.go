package analysis

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"collab/data"
	"collab/param"
)

// TestDynamicsSampleTierMatrix: the tier transition matrix 2001 -> 2021
// of the embedded sample, counted by hand from data/samples/yrd.json. The
// 2001 mean is 0.41 and the 2021 mean 138.67 (the sample's notes); with
// the cuts 5, 1, 0.5 on the ratio to the mean, 2001 has Shanghai and
// Nanjing in tier 1, Hangzhou, Suzhou (Jiangsu), Wuxi, Ningbo and
// Changzhou in tier 2, Hefei and Wenzhou in tier 3 and the other 32 in
// tier 4; 2021 has 1, 8, 9 and 23 (the report's tiers). Nanjing fell 1 ->
// 2, Hefei and Wenzhou rose 3 -> 2, nine cities rose 4 -> 3 (Nantong,
// Taizhou (Zhejiang), Jiaxing, Shaoxing, Huzhou, Jinhua, Zhenjiang,
// Yangzhou, Wuhu): 12 changes, the trend's list.
func TestDynamicsSampleTierMatrix(t *testing.T) {
	res := runSample(t, DefaultParameters())
	d := res.Dynamics
	if d == nil {
		t.Fatal("dynamics is null on a 2-year panel")
	}
	want := [][]int{
		{1, 1, 0, 0},
		{0, 5, 0, 0},
		{0, 2, 0, 0},
		{0, 0, 9, 23},
	}
	if !slices.EqualFunc(d.Transitions, want, slices.Equal) {
		t.Errorf("transitions = %v, want %v", d.Transitions, want)
	}
	if !slices.Equal(d.Years, []int{2001, 2021}) || d.Classes.Scheme != "tiers" || d.Classes.Ascending {
		t.Errorf("years %v, scheme %q, ascending %v", d.Years, d.Classes.Scheme, d.Classes.Ascending)
	}
	changed := 0
	for i, row := range d.Transitions {
		for j, n := range row {
			if i != j {
				changed += n
			}
		}
	}
	if changed != 12 || len(res.Trend.TierChanges) != 12 {
		t.Errorf("%d cities changed tier in the chain, %d in the trend; want 12 and 12", changed, len(res.Trend.TierChanges))
	}
	// Every change of the trend's list is one count of the matrix.
	counted := make([][]int, 4)
	for i := range counted {
		counted[i] = make([]int, 4)
	}
	for _, c := range res.Trend.TierChanges {
		counted[c.From-1][c.To-1]++
	}
	for i := range 4 {
		for j := range 4 {
			if i != j && counted[i][j] != d.Transitions[i][j] {
				t.Errorf("tier %d -> %d: trend lists %d cities, the chain counts %d", i+1, j+1, counted[i][j], d.Transitions[i][j])
			}
		}
	}
	// Row 4 of the probabilities: 9/32 and 23/32; tier 2 is never left.
	if p := d.Probabilities[3]; math.Abs(p[2]-9.0/32) > 1e-15 || math.Abs(p[3]-23.0/32) > 1e-15 {
		t.Errorf("tier-4 row = %v, want 9/32, 23/32", p)
	}
	if d.Sojourn[1] != nil || d.Undefined["sojourn"] != "no city in tier 2 ever left it" {
		t.Errorf("sojourn[tier 2] = %v, undefined %q", d.Sojourn[1], d.Undefined["sojourn"])
	}
	if d.FirstPassage != nil || d.Undefined["first_passage"] == "" {
		t.Errorf("first passage of a reducible chain: %v, %q", d.FirstPassage, d.Undefined["first_passage"])
	}
}

func runSample(t *testing.T, p Parameters) *Result {
	t.Helper()
	ds, err := readData(data.SampleName, data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestDynamicsSampleSpatial: the spatial Markov counts add up to the
// classic ones, the spatial lag is classed by the tiers of the neighbours'
// mean over the year's mean, and Dagum's decomposition by province adds up
// to the Gini of the trend's series.
func TestDynamicsSampleSpatial(t *testing.T) {
	res := runSample(t, DefaultParameters())
	d := res.Dynamics
	if d.Spatial == nil || len(d.Spatial.ByLag) != 4 || d.Tests.Homogeneity == nil || d.LISA == nil || d.Tests.LISA == nil {
		t.Fatalf("spatial parts missing: %+v", d)
	}
	sum := make([][]int, 4)
	for i := range sum {
		sum[i] = make([]int, 4)
	}
	for _, l := range d.Spatial.ByLag {
		for i, row := range l.Transitions {
			for j, n := range row {
				sum[i][j] += n
			}
		}
	}
	if !slices.EqualFunc(sum, d.Transitions, slices.Equal) {
		t.Errorf("lag classes sum to %v, want %v", sum, d.Transitions)
	}
	// Hefei (tier 3 in 2001) has only tier-4 neighbours (its lag is 0.21x
	// the 2021 mean, the report's isolated hub, and lower still in 2001):
	// the tier-4 lag class holds both tier-3 starts.
	if got := d.Spatial.ByLag[3].Transitions[2]; got[1] != 2 {
		t.Errorf("tier-3 starts next to tier-4 neighbours: %v, want 2 rising to tier 2", got)
	}
	g := d.Dagum
	if g == nil || g.Group != "province" || !slices.Equal(g.Groups, []string{"Shanghai", "Jiangsu", "Zhejiang", "Anhui"}) || len(g.Years) != 2 {
		t.Fatalf("dagum = %+v", g)
	}
	for k, y := range g.Years {
		if parts := y.Within + y.NetBetween + y.Transvariation; math.Abs(parts-y.Gini) > 1e-12 {
			t.Errorf("%d: parts sum to %v, Gini %v", y.Year, parts, y.Gini)
		}
		if trend := res.Trend.Series[k].Gini; math.Abs(trend-y.Gini) > 1e-12 {
			t.Errorf("%d: Dagum's Gini %v, the trend's %v", y.Year, y.Gini, trend)
		}
	}
	if d.Density == nil || len(d.Density.Years) != 2 || d.Density.Years[1].Year != 2021 {
		t.Fatalf("density = %+v", d.Density)
	}
	for _, y := range d.Density.Years {
		if area := trapezoid(d.Density.Grid, y.Density); math.Abs(area-1) > 1e-6 {
			t.Errorf("%d: density integrates to %v", y.Year, area)
		}
	}
}

func trapezoid(x, y []float64) float64 {
	var a float64
	for k := 1; k < len(x); k++ {
		a += (x[k] - x[k-1]) * (y[k] + y[k-1]) / 2
	}
	return a
}

// TestDynamicsSingleYear: a cross-section has no dynamics.
func TestDynamicsSingleYear(t *testing.T) {
	src := `{"cities": [{"id": "a", "name": "A", "lat": 30, "lon": 120, "score": 1}, {"id": "b", "name": "B", "lat": 31, "lon": 121, "score": 2}, {"id": "c", "name": "C", "lat": 30, "lon": 121, "score": 3}]}`
	ds, err := readData("x.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), ds, DefaultParameters())
	if err != nil {
		t.Fatal(err)
	}
	if res.Dynamics != nil {
		t.Errorf("dynamics of a single year = %+v, want nil", res.Dynamics)
	}
}

// TestDynamicsParameters: each parameter parses its spelling, writes it
// back, and names itself in its errors.
func TestDynamicsParameters(t *testing.T) {
	for _, c := range []struct {
		name, text string
		parse      func(string) error
		param      param.Name // "" when valid
	}{
		{"classes", "tiers", parseClasses, ""},
		{"classes", "quantile:5", parseClasses, ""},
		{"classes", "pooled:3", parseClasses, ""},
		{"classes", "quantile:1", parseClasses, "classes"},
		{"classes", "quintile:5", parseClasses, "classes"},
		{"classes", "pooled:05", parseClasses, "classes"},
		{"lag-classes", "quantile:4", parseLagClasses, ""},
		{"lag-classes", "classes", parseLagClasses, ""},
		{"lag-classes", "pooled:x", parseLagClasses, "lag-classes"},
		{"group", "community", parseGroup, ""},
		{"group", "city", parseGroup, "group"},
	} {
		err := c.parse(c.text)
		var pe *param.Error
		switch {
		case c.param == "" && err != nil:
			t.Errorf("%s %q: %v", c.name, c.text, err)
		case c.param != "" && (!errors.As(err, &pe) || pe.Param != c.param):
			t.Errorf("%s %q: error %v, want one naming %s", c.name, c.text, err, c.param)
		}
	}
	p := DefaultParameters()
	p.Step = 0
	if err := p.check(); err == nil || !strings.HasPrefix(err.Error(), "step 0:") {
		t.Errorf("step 0: %v", err)
	}
	p = DefaultParameters()
	p.Step = 2
	ds, _ := readData(data.SampleName, data.Sample())
	var pe *param.Error
	if _, err := Run(context.Background(), ds, p); !errors.As(err, &pe) || pe.Param != "step" {
		t.Errorf("step 2 on a 2-year panel: %v, want a step error", err)
	}
}

func parseClasses(s string) error {
	var c Classes
	if err := c.UnmarshalText([]byte(s)); err != nil {
		return err
	}
	return roundTrip(c, s)
}

func parseLagClasses(s string) error {
	var c LagClasses
	if err := c.UnmarshalText([]byte(s)); err != nil {
		return err
	}
	return roundTrip(c, s)
}

func parseGroup(s string) error {
	var g Group
	return g.UnmarshalText([]byte(s))
}

func roundTrip(v interface{ MarshalText() ([]byte, error) }, want string) error {
	b, err := v.MarshalText()
	if err != nil || string(b) != want {
		return fmt.Errorf("writes back %q (%v), want %q", b, err, want)
	}
	return nil
}

// usPanel builds collab's JSON of PySAL's US state incomes
// (../dynamics/testdata: usjoin.csv, 48 states, 1929-2009, and the
// contiguity of states48.gal, ids 0..47 in file order). The states get
// made-up coordinates on a grid (only the network and the pattern use
// them) and one province, so that Dagum's decomposition is the Gini.
func usPanel(t testing.TB) *data.Dataset {
	t.Helper()
	f, err := os.Open("../dynamics/testdata/usjoin.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	neighbours := readGALIDs(t, "../dynamics/testdata/states48.gal")
	type city struct {
		ID        string             `json:"id"`
		Name      string             `json:"name"`
		Province  string             `json:"province"`
		Lat       float64            `json:"lat"`
		Lon       float64            `json:"lon"`
		Scores    map[string]float64 `json:"scores"`
		Neighbors []string           `json:"neighbors"`
	}
	var cities []city
	for i, row := range rows[1:] {
		c := city{ID: strconv.Itoa(i), Name: row[0], Province: "US", Lat: 30 + float64(i/8), Lon: -120 + float64(i%8)*3,
			Scores: map[string]float64{}, Neighbors: neighbours[i]}
		for y, v := range row[2:] {
			c.Scores[rows[0][2+y]], err = strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatal(err)
			}
		}
		cities = append(cities, c)
	}
	src, err := json.Marshal(map[string]any{"name": "US state incomes", "cities": cities})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := readData("usjoin.json", src)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// readGALIDs reads a GAL file's neighbour lists as ids.
func readGALIDs(t testing.TB, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	n, _ := strconv.Atoi(strings.TrimSpace(lines[0]))
	out := make([][]string, n)
	for k := 1; k+1 < len(lines); k += 2 {
		id, _ := strconv.Atoi(strings.Fields(lines[k])[0])
		out[id] = strings.Fields(lines[k+1])
	}
	return out
}

// TestDynamicsUSIncome runs the whole study on the 81-year, 48-state
// panel with per-year quintiles and checks the chain against giddy's
// documented Markov example (giddy/markov.py docstring: q5 =
// [mc.Quantiles(y).yb for y in pci]; Markov(q5).transitions and
// steady_state, printed to 8 decimals); the dynamics stage must take under
// 100 ms (the median of three runs).
func TestDynamicsUSIncome(t *testing.T) {
	ds := usPanel(t)
	p := DefaultParameters()
	p.Skip = []Stage{"network"}
	p.Permutations = 0
	p.Classes = Classes{}
	if err := p.Classes.UnmarshalText([]byte("quantile:5")); err != nil {
		t.Fatal(err)
	}
	var took []time.Duration
	var res *Result
	for range 3 {
		var start time.Time
		progress := WithProgress(func(stage string, _, _ int) {
			if stage == "dynamics" {
				start = time.Now()
			}
		})
		var err error
		res, err = Run(context.Background(), ds, p, progress)
		if err != nil {
			t.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	if took[1] > 100*time.Millisecond {
		t.Errorf("the dynamics stage of 81 years x 48 states took %v (median of 3), want < 100ms", took[1])
	}
	t.Logf("dynamics stage: %v (median of 3)", took[1])
	d := res.Dynamics
	want := [][]int{
		{729, 71, 1, 0, 0},
		{72, 567, 80, 3, 0},
		{0, 81, 631, 86, 2},
		{0, 3, 86, 573, 56},
		{0, 0, 1, 57, 741},
	}
	if !slices.EqualFunc(d.Transitions, want, slices.Equal) {
		t.Errorf("transitions = %v, want giddy's %v", d.Transitions, want)
	}
	steady := []float64{0.20774716, 0.18725774, 0.20740537, 0.18821787, 0.20937187}
	for i, v := range steady {
		if math.Abs(d.SteadyState[i]-v) > 1e-8 {
			t.Errorf("steady state[%d] = %v, giddy %v", i, d.SteadyState[i], v)
		}
	}
	if len(d.Years) != 81 || d.FirstPassage == nil || len(d.Dagum.Years) != 81 || len(d.Density.Years) != 81 {
		t.Errorf("years %d, first passage %v, dagum %d years, density %d years", len(d.Years), d.FirstPassage != nil, len(d.Dagum.Years), len(d.Density.Years))
	}
	for k, y := range d.Dagum.Years { // one group: the decomposition is the Gini
		if math.Abs(y.Gini-res.Trend.Series[k].Gini) > 1e-12 || math.Abs(y.Within-y.Gini) > 1e-12 {
			t.Errorf("%d: Dagum %v (within %v), trend's Gini %v", y.Year, y.Gini, y.Within, res.Trend.Series[k].Gini)
		}
	}
}
