package dynamics

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"collab/spatial"
)

// censusRegion maps a state FIPS code to its US Census region: 0
// Northeast, 1 Midwest, 2 South, 3 West (the 4-group split of the
// benchmark and of TestAnalyzeUSIncome).
var censusRegion = map[int]int{
	9: 0, 23: 0, 25: 0, 33: 0, 44: 0, 50: 0, 34: 0, 36: 0, 42: 0,
	17: 1, 18: 1, 26: 1, 39: 1, 55: 1, 19: 1, 20: 1, 27: 1, 29: 1, 31: 1, 38: 1, 46: 1,
	10: 2, 12: 2, 13: 2, 24: 2, 37: 2, 45: 2, 51: 2, 54: 2, 1: 2, 21: 2, 28: 2, 47: 2, 5: 2, 22: 2, 40: 2, 48: 2,
	4: 3, 8: 3, 16: 3, 30: 3, 32: 3, 35: 3, 49: 3, 56: 3, 6: 3, 41: 3, 53: 3,
}

// usRegions returns the census region of each state of usjoin.csv.
func usRegions(tb testing.TB) []int {
	tb.Helper()
	rows := readCSV(tb, "testdata/usjoin.csv")
	var out []int
	for _, row := range rows[1:] {
		fips, err := strconv.Atoi(row[1])
		if err != nil {
			tb.Fatal(err)
		}
		region, ok := censusRegion[fips]
		if !ok {
			tb.Fatalf("FIPS %d has no census region", fips)
		}
		out = append(out, region)
	}
	return out
}

// TestAnalyzeUSIncome runs the whole study and checks that its parts are
// those of the separate calls, Dagum's identity each year, and that a
// cancelled context stops it.
func TestAnalyzeUSIncome(t *testing.T) {
	pci, w := usIncome(t)
	in := Input{Scores: pci, Weights: w, Groups: usRegions(t), Options: Options{Classes: Scheme{Kind: Pooled, K: 5}}}
	r, err := Analyze(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, "markov", r.Markov.Counts, [][]int{{707, 58, 7, 1, 0}, {50, 629, 80, 1, 1}, {4, 79, 610, 73, 2}, {0, 7, 72, 650, 37}, {0, 0, 0, 48, 724}})
	if r.Spatial == nil || len(r.Spatial.ByLag) != 5 || r.LISA == nil || len(r.Dagum) != 81 || len(r.Density.Years) != 81 {
		t.Fatalf("parts missing: spatial %v, LISA %v, %d Dagum years, density %v", r.Spatial != nil, r.LISA != nil, len(r.Dagum), r.Density != nil)
	}
	for y, d := range r.Dagum {
		if sum := d.Within + d.NetBetween + d.Transvariation; d.Gini <= 0 || abs(sum-d.Gini) > 1e-12 || len(d.Size) != 4 {
			t.Errorf("year %d: G = %v, parts sum to %v, %d groups", 1929+y, d.Gini, sum, len(d.Size))
		}
	}
	// encoding/json refuses NaN and Inf: the whole result must encode.
	if _, err := json.Marshal(r); err != nil {
		t.Errorf("JSON: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, in); err != context.Canceled {
		t.Errorf("cancelled: error %v, want context.Canceled", err)
	}
}

// TestAnalyzeDegenerate: a panel where a class is never left or never
// entered (reducible chains, empty rows, absorbing lag-class chains) still
// gives a result that encodes as JSON, undefined values as null with
// reasons.
func TestAnalyzeDegenerate(t *testing.T) {
	w, err := spatial.Contiguity([][]int{{1}, {0, 2}, {1}, {}})
	if err != nil {
		t.Fatal(err)
	}
	scores := [][]float64{{1, 1, 5, 9}, {1, 1, 5, 9}, {1, 2, 5, 9}}
	tiers := [][]int{{0, 0, 1, 2}, {0, 0, 1, 2}, {0, 0, 1, 2}}
	r, err := Analyze(context.Background(), Input{Scores: scores, Weights: w, Groups: []int{0, 0, 1, 1},
		Options: Options{Tiers: tiers, LagTiers: tiers, TierCount: 4}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("JSON: %v", err)
	}
	m := r.Markov
	if m.Irreducible || len(m.Recurrent) != 4 || m.SteadyState != nil || m.FirstPassage != nil || len(m.EmptyRows) != 1 || m.Undefined["steady_state"] == "" {
		t.Errorf("stay-put chain: %+v", m.Chain)
	}
	if !strings.Contains(string(b), `"sojourn":[null,null,null,null]`) {
		t.Errorf("JSON does not show the infinite sojourns as null: %s", b)
	}
}

func abs(x float64) float64 { return max(x, -x) }

// BenchmarkAnalyze is the whole dynamics study of the 81-year, 48-state
// panel: classic, spatial (pooled quintiles, k = m = 5) and LISA Markov
// chains, Dagum's decomposition by census region every year, and the 81
// densities on the default grid.
//
//	go test ./dynamics/ -run '^$' -bench Analyze -count 5
func BenchmarkAnalyze(b *testing.B) {
	pci, w := usIncome(b)
	in := Input{Scores: pci, Weights: w, Groups: usRegions(b), Options: Options{Classes: Scheme{Kind: Pooled, K: 5}}}
	for b.Loop() {
		if _, err := Analyze(context.Background(), in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParts times each part of BenchmarkAnalyze on its own.
//
//	go test ./dynamics/ -run '^$' -bench Parts -count 5
func BenchmarkParts(b *testing.B) {
	pci, w := usIncome(b)
	groups := usRegions(b)
	o := Options{Classes: Scheme{Kind: Pooled, K: 5}}
	parts := []struct {
		name string
		run  func() error
	}{
		{"Markov", func() error { _, err := Markov(pci, o); return err }},
		{"SpatialMarkov", func() error { _, err := SpatialMarkov(pci, w, o); return err }},
		{"LISAMarkov", func() error { _, err := LISAMarkov(pci, w, 1); return err }},
		{"Dagum81Years", func() error {
			for _, y := range pci {
				if _, err := Dagum(y, groups); err != nil {
					return err
				}
			}
			return nil
		}},
		{"Densities", func() error { _, err := Densities(pci, 0); return err }},
	}
	for _, p := range parts {
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				if err := p.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
