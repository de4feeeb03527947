package composite

import (
	"context"
	"math/rand/v2"
	"testing"
)

// doublingPanel: every indicator of every city doubles from one year to
// the next (all more-is-better, positive).
func doublingPanel(n, m, years int) *Table {
	rng := rand.New(rand.NewPCG(3, 4))
	cities := make([]string, n)
	for i := range cities {
		cities[i] = string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	ys := make([]int, years)
	cols := make([]string, m)
	for j := range cols {
		cols[j] = string(rune('A' + j))
	}
	for p := range ys {
		ys[p] = 2015 + p
	}
	t := NewTable(cities, ys, cols)
	for j := range cols {
		for i := range cities {
			t.Values[0][j][i] = 1 + 99*rng.Float64()
		}
	}
	for p := 1; p < years; p++ {
		for j := range cols {
			for i := range cities {
				t.Values[p][j][i] = 2 * t.Values[p-1][j][i]
			}
		}
	}
	return t
}

// TestPooledScoresAreComparable: when every indicator doubles each year,
// pooled normalisation gives every city a strictly rising score, while
// per-year normalisation gives the same score every year (doubling is
// exact in binary floating point and min-max ignores the scale, so to
// 1e-12), for every method.
func TestPooledScoresAreComparable(t *testing.T) {
	tab := doublingPanel(30, 4, 5)
	inds := IndicatorList{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}}
	for _, m := range []Method{Entropy, CRITIC, Equal, TOPSIS} {
		pooled, err := Score(context.Background(), tab, inds, Options{Method: m})
		if err != nil {
			t.Fatal(err)
		}
		perYear, err := Score(context.Background(), tab, inds, Options{Method: m, PerYear: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(pooled.Weights) != 1 || len(perYear.Weights) != len(tab.Years) {
			t.Fatalf("%v: %d pooled and %d per-year weight tables, want 1 and %d", m, len(pooled.Weights), len(perYear.Weights), len(tab.Years))
		}
		for g, w := range perYear.Weights {
			if w.Year != tab.Years[g] {
				t.Errorf("%v: per-year weights %d labelled %d, want %d", m, g, w.Year, tab.Years[g])
			}
			checkAll(t, m.String()+" per-year weights", w.Weight, perYear.Weights[0].Weight, 1e-12)
		}
		for i, city := range pooled.Cities {
			for p := 1; p < len(tab.Years); p++ {
				if !(pooled.Scores[p][i] > pooled.Scores[p-1][i]) {
					t.Errorf("%v pooled: %s scores %.6g in %d, not above %.6g in %d", m, city, pooled.Scores[p][i], tab.Years[p], pooled.Scores[p-1][i], tab.Years[p-1])
				}
				if !closeTo(perYear.Scores[p][i], perYear.Scores[0][i], 1e-12) {
					t.Errorf("%v per year: %s scores %.17g in %d, %.17g in %d", m, city, perYear.Scores[p][i], tab.Years[p], perYear.Scores[0][i], tab.Years[0])
				}
			}
		}
	}
}

// TestPerYearEqualsCrossSections: with PerYear each year's scores and
// weights are those of that year's cross-section alone.
func TestPerYearEqualsCrossSections(t *testing.T) {
	tab := syntheticPanel(40, 3)
	res, err := Score(context.Background(), tab, panelIndicators, Options{Method: TOPSIS, PerYear: true, Shift: 0.0001})
	if err != nil {
		t.Fatal(err)
	}
	for p, y := range tab.Years {
		one := &Table{Cities: tab.Cities, Columns: tab.Columns, Values: tab.Values[p : p+1]}
		alone, err := Score(context.Background(), one, panelIndicators, Options{Method: TOPSIS, Shift: 0.0001})
		if err != nil {
			t.Fatal(err)
		}
		if res.Weights[p].Year != y {
			t.Errorf("weights %d labelled %d, want %d", p, res.Weights[p].Year, y)
		}
		checkAll(t, "weights", res.Weights[p].Weight, alone.Weights[0].Weight, 0)
		checkAll(t, "closeness", res.Scores[p], alone.Scores[0], 0)
		checkAll(t, "D+", res.DPlus[p], alone.DPlus[0], 0)
	}
}

// TestMissingDrop: a city with one missing value in one year is dropped
// from every year, reported with that cell, and the others are scored as
// if it had never been in the table.
func TestMissingDrop(t *testing.T) {
	tab := syntheticPanel(20, 3)
	tab.SetMissing(1, 4, 7) // gdp of C007 in 2012
	tab.SetMissing(2, 0, 7) // rd of C007 in 2013
	tab.SetMissing(0, 2, 9) // firms of C009 in 2011
	res, err := Score(context.Background(), tab, panelIndicators, Options{Missing: MissingDrop})
	if err != nil {
		t.Fatal(err)
	}
	wantDropped := []Dropped{
		{City: "C007", Cells: []Cell{{"C007", "gdp", 2012}, {"C007", "rd", 2013}}},
		{City: "C009", Cells: []Cell{{"C009", "firms", 2011}}},
	}
	if len(res.Dropped) != len(wantDropped) {
		t.Fatalf("dropped %+v, want %+v", res.Dropped, wantDropped)
	}
	for k, d := range wantDropped {
		got := res.Dropped[k]
		if got.City != d.City || len(got.Cells) != len(d.Cells) {
			t.Fatalf("dropped %+v, want %+v", res.Dropped, wantDropped)
		}
		for c := range d.Cells {
			if got.Cells[c] != d.Cells[c] {
				t.Errorf("dropped %s cell %d = %v, want %v", d.City, c, got.Cells[c], d.Cells[c])
			}
		}
	}
	if len(res.Cities) != 18 {
		t.Fatalf("%d cities kept, want 18", len(res.Cities))
	}
	// The same table without those two cities.
	var keep []int
	for i, c := range tab.Cities {
		if c != "C007" && c != "C009" {
			keep = append(keep, i)
		}
	}
	sub := NewTable(pick(tab.Cities, keep), tab.Years, tab.Columns)
	for p := range tab.Values {
		for j := range tab.Columns {
			for k, i := range keep {
				sub.Values[p][j][k] = tab.Values[p][j][i]
			}
		}
	}
	want, err := Score(context.Background(), sub, panelIndicators, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, "weights", res.Weights[0].Weight, want.Weights[0].Weight, 0)
	for p := range tab.Years {
		checkAll(t, "scores", res.Scores[p], want.Scores[p], 0)
	}
	// A missing value of a column not used does not drop the city.
	res, err = Score(context.Background(), tab, panelIndicators[:2], Options{Missing: MissingDrop})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Dropped) != 1 || res.Dropped[0].City != "C007" {
		t.Errorf("with rd and patents only, dropped %+v, want C007 alone", res.Dropped)
	}
}

// TestContextCancelled: a cancelled context stops the work with its error.
func TestContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Score(ctx, syntheticPanel(10, 2), panelIndicators, Options{}); err != context.Canceled {
		t.Errorf("Score with a cancelled context: %v, want context.Canceled", err)
	}
}

// TestCoordinateOptions: shares other than equal, a dropped city and the
// TOPSIS closeness as U_k: the degree of each city is CouplingDegree of its
// subsystem scores, and the dropped city is left out of every subsystem.
func TestCoordinateOptions(t *testing.T) {
	tab := syntheticPanel(30, 2)
	tab.SetMissing(1, 6, 4) // energy of C004 in 2012 (economy)
	var subs Subsystems
	if err := subs.UnmarshalText([]byte(panelSubsystems)); err != nil {
		t.Fatal(err)
	}
	alpha := []float64{0.7, 0.3}
	cp, err := Coordinate(context.Background(), tab, subs, alpha, Options{Method: TOPSIS, Missing: MissingDrop, Shift: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	if len(cp.Dropped) != 1 || cp.Dropped[0].City != "C004" || len(cp.Cities) != 29 {
		t.Fatalf("dropped %+v, %d cities kept; want C004 alone dropped", cp.Dropped, len(cp.Cities))
	}
	for _, idx := range cp.Indices {
		if len(idx.Cities) != 29 || idx.Method != TOPSIS || idx.DPlus == nil {
			t.Fatalf("subsystem index on %d cities, method %v", len(idx.Cities), idx.Method)
		}
	}
	for p := range tab.Years {
		for i := range cp.Cities {
			u := []float64{cp.Indices[0].Scores[p][i], cp.Indices[1].Scores[p][i]}
			want, err := CouplingDegree(u, alpha)
			if err != nil {
				t.Fatal(err)
			}
			if cp.Degree[p][i] != want {
				t.Errorf("%s %d: %+v, want %+v", cp.Cities[i], tab.Years[p], cp.Degree[p][i], want)
			}
			if !closeTo(want.T, 0.7*u[0]+0.3*u[1], 1e-15) {
				t.Errorf("T = %v, want 0.7 U1 + 0.3 U2 = %v", want.T, 0.7*u[0]+0.3*u[1])
			}
		}
	}
}
