package spatial

import (
	"collab/geom"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"testing"
)

// tableDecays are the decays the table serves, at the scales of the issue
// (exp 10 to 500 km) and beyond.
var tableDecays = []Decay{{"exp", 10}, {"exp", 50}, {"exp", 100}, {"exp", 500}, {"exp", 5000}, {"power", 1}, {"power", 2}, {"power", 3}, {"power", 4}}

// tableRegions are the largest chords of regions from a town (5 km) to a
// province, the Yangtze delta's box, a continent and the whole globe.
var tableRegions = []struct {
	name  string
	chord float64
}{{"5 km", chord(5)}, {"100 km", chord(100)}, {"delta", 0.14}, {"continental", chord(5000)}, {"global", 2}}

// subnormalClose reports whether got is within 1e-12 of 2^-1022 of a
// want that has underflowed to a subnormal number or 0, whose own rounding
// is relatively that large; normal wants pass here and are compared
// relatively by the caller.
func subnormalClose(got, want float64) bool {
	return want >= 0x1p-1022 || math.Abs(got-want) <= 1e-12*0x1p-1022
}

// checkAgainstRow compares the table's decay at squared chord s with
// Decay.row's, math.Exp or math.Pow of 2R asin(x/2) (Decay.At), and
// returns the relative error; exact zeros (underflow) must be matched.
func checkAgainstRow(t *testing.T, name string, table *decayTable, s float64) float64 {
	t.Helper()
	want := table.decay.At(2 * EarthRadius * asin(math.Sqrt(s)/2))
	got := table.at(s)
	if !subnormalClose(got, want) {
		t.Errorf("%s s=%.17g: %g where the decay underflows to %g", name, s, got, want)
	}
	if want < 0x1p-1022 {
		return 0
	}
	err := math.Abs(got-want) / want
	if err > fastKernelError {
		t.Errorf("%s s=%.17g: %.17g, Decay.At %.17g: relative error %.3g above %g", name, s, got, want, err, fastKernelError)
	}
	return err
}

// TestDecayTableWithinBound compares the table with Decay.At (math.Exp,
// math.Asin, math.Pow) on a dense grid of squared chords from 0 to past the
// region's largest (so through the near table, the far table and fastAt
// beyond), for every decay and region size, the bound fastKernelError
// asserted and the worst error logged.
func TestDecayTableWithinBound(t *testing.T) {
	for _, d := range tableDecays {
		for _, r := range tableRegions {
			name := fmt.Sprintf("%v %s", d, r.name)
			table := newDecayTable(d, r.chord)
			if table == nil {
				t.Errorf("%s: no table", name)
				continue
			}
			var worst float64
			top := min(1.2*r.chord*r.chord, 4)
			const steps = 50_000
			for k := 0; k <= steps; k++ {
				worst = max(worst, checkAgainstRow(t, name, table, top*float64(k)/steps))
			}
			// Dense at the small end too, where the near table and the floor are.
			for k := 0; k <= 5_000; k++ {
				worst = max(worst, checkAgainstRow(t, name, table, table.nearEnd*1.01*float64(k)/5_000))
			}
			t.Logf("%s: far %d intervals from %d, near %d: worst relative error %.3g", name, len(table.far.coef), table.farFrom, len(table.near.coef), worst)
		}
	}
}

// yrdCities reads the 41 city seats of ../shared/data/yrd.json.
func yrdCities(t *testing.T) []geom.Point {
	t.Helper()
	raw, err := os.ReadFile("../../shared/data/yrd.json")
	if err != nil {
		raw, err = os.ReadFile("/work/shared/data/yrd.json")
	}
	if err != nil {
		t.Skip("yrd.json not found: ", err)
	}
	var region struct {
		Cities []struct{ Lat, Lon float64 }
	}
	if err := json.Unmarshal(raw, &region); err != nil {
		t.Fatal(err)
	}
	p := make([]geom.Point, len(region.Cities))
	for i, c := range region.Cities {
		p[i] = geom.Point{c.Lon, c.Lat}
	}
	return p
}

// TestDecayTableRealPairs runs the table's rows over every pair of the 41
// city seats of the Yangtze delta and over random pairs of points on the
// whole globe, antipodes among them, against Decay.row.
func TestDecayTableRealPairs(t *testing.T) {
	yrd := yrdCities(t)
	rng := rand.New(rand.NewPCG(21, 22))
	globe := make([]geom.Point, 1500)
	for k := range globe {
		globe[k] = geom.Point{360*rng.Float64() - 180, math.Asin(2*rng.Float64()-1) * 180 / math.Pi}
	}
	globe[1], globe[2] = geom.Point{-60, -20}, geom.Point{120, 20}                 // antipodes
	globe[3], globe[4] = geom.Point{10, 45}, geom.Point{10, 45.000001}             // 11 cm apart
	globe[5], globe[6] = geom.Point{10.0000001, 45}, geom.Point{10.0000001, 45.01} // 1.1 km
	for _, set := range []struct {
		name   string
		points []geom.Point
	}{{"yrd", yrd}, {"globe", globe}} {
		unit := make([][3]float64, len(set.points))
		for i, p := range set.points {
			unit[i] = unitVector(p)
		}
		got, want := make([]float64, len(unit)), make([]float64, len(unit))
		for _, d := range tableDecays {
			table := newDecayTable(d, maxChord(unit))
			if table == nil {
				t.Fatalf("%s %v: no table", set.name, d)
			}
			var worst float64
			for i := range unit {
				table.row(got[i+1:], unit[i], unit[i+1:])
				d.row(want[i+1:], unit[i], unit[i+1:])
				for k := i + 1; k < len(unit); k++ {
					if !subnormalClose(got[k], want[k]) {
						t.Errorf("%s %v pair %d %d: %g where the decay underflows to %g", set.name, d, i, k, got[k], want[k])
					}
					if want[k] < 0x1p-1022 {
						continue
					}
					err := math.Abs(got[k]-want[k]) / want[k]
					worst = max(worst, err)
					if err > fastKernelError {
						t.Errorf("%s %v pair %d %d: %.17g, Decay.row %.17g, relative error %.3g", set.name, d, i, k, got[k], want[k], err)
					}
				}
			}
			t.Logf("%s %v: worst relative error %.3g over %d pairs", set.name, d, worst, len(unit)*(len(unit)-1)/2)
		}
	}
}

// TestDecayTableEdges: the 1 km floor gives exactly 1, the antipode and
// pairs past the exponential's underflow go to fastAt, and the decays
// without a table get none.
func TestDecayTableEdges(t *testing.T) {
	for b := 1; b <= 4; b++ {
		table := newDecayTable(Decay{"power", float64(b)}, 0.14)
		for _, s := range []float64{0, 1e-30, table.sFloor / 2, math.Nextafter(table.sFloor, 0)} {
			if got := table.at(s); got != 1 {
				t.Errorf("power:%d at s=%g (below 1 km): %v, want 1", b, s, got)
			}
		}
	}
	global := newDecayTable(Decay{"exp", 10}, 2)
	for _, s := range []float64{global.top * (1 + 1e-9), 3, 4} {
		if got, want := global.at(s), (Decay{"exp", 10}).fastAt(s); got != want {
			t.Errorf("exp:10 at s=%g beyond the table: %v, fastAt %v", s, got, want)
		}
	}
	if got := global.at(4); got != 0 {
		t.Errorf("exp:10 at the antipode: %g, want 0 (underflow)", got)
	}
	if d := (Decay{"exp", 10}); newDecayTable(d, 2).top >= 4 {
		t.Errorf("exp:10 table reaches the antipode: its top should stop at the underflow")
	}
	for _, d := range []Decay{{"power", 2.5}, {"power", 5}, {"gauss", 1}} {
		if newDecayTable(d, 0.14) != nil {
			t.Errorf("%v: a table, want none", d)
		}
	}
	if newDecayTable(DefaultDecay, 0) != nil {
		t.Error("a table for a region of one point")
	}
}

// TestDecayTableCheckFails shows that the check at construction catches a
// bad interval: a coefficient moved by 1e-12 of the value makes farErrors
// name that interval.
func TestDecayTableCheckFails(t *testing.T) {
	table := newDecayTable(DefaultDecay, 0.14)
	if got := table.farErrors(); got != -1 {
		t.Fatalf("fresh table: failing interval %d", got)
	}
	i := len(table.far.coef) / 2
	table.far.coef[i][1] += 1e-12 * table.far.coef[i][0]
	if got := table.farErrors(); got != i {
		t.Errorf("perturbed interval %d: farErrors %d", i, got)
	}
}

// TestChebyshevFit: a polynomial of the fit's degree is reproduced (the
// interpolant of a polynomial of degree 5 at 6 nodes is itself), and
// shifted rewrites y = 2t - 1 by hand: y^2 = 4t^2 - 4t + 1.
func TestChebyshevFit(t *testing.T) {
	g := func(v float64) float64 { return 1 - 2*v + 3*v*v - v*v*v*v*v }
	p := fitPiecewise(4, 2, g) // intervals of width 1/2 on [0, 2)
	for k := 0; k <= 400; k++ {
		v := 2 * float64(k) / 401
		u := v * p.invWidth
		i := int(u)
		if got := p.coef[i].horner(u - float64(i)); math.Abs(got-g(v)) > 5e-15*(1+math.Abs(g(v))) {
			t.Errorf("fit at %g: %.17g, want %.17g", v, got, g(v))
		}
	}
	if got, want := (tableFit{0, 0, 1}).shifted(), (tableFit{1, -4, 4}); got != want {
		t.Errorf("y^2 in t: %v, want %v", got, want)
	}
}

// TestFastPairsAgainstPotential checks every city's Received and reach
// from fastPairs (the table) against Potential's exact sums at 2,500
// cities, for every decay the table serves, on the delta's box and on a
// box thirty times as wide (9,000 km, where exp:10 underflows and the
// table stops short of the farthest pairs); the bound is fastKernelError
// per city.
func TestFastPairsAgainstPotential(t *testing.T) {
	for _, wide := range []float64{1, 30} {
		lat, lon, s := generatedRegion(2_500, 7, wide)
		points := pts(lat, lon)
		tree := newSpillTree(newKDTree(points), s, DefaultDecay, DefaultPotentialTolerance)
		for _, d := range tableDecays {
			want, err := Potential(context.Background(), points, s, d)
			if err != nil {
				t.Fatal(err)
			}
			received, reach, err := fastPairs(context.Background(), tree.p, tree.score, d)
			if err != nil {
				t.Fatal(err)
			}
			var worst float64
			for q, i := range tree.order {
				for _, pair := range [][2]float64{{received[q], want.Received[i]}, {s[i] * reach[q], want.Emitted[i]}} {
					if pair[1] == 0 {
						continue
					}
					err := math.Abs(pair[0]-pair[1]) / math.Abs(pair[1])
					worst = max(worst, err)
					if err > fastKernelError {
						t.Errorf("wide %g %v city %d: %.17g, exact %.17g, relative error %.3g", wide, d, i, pair[0], pair[1], err)
					}
				}
			}
			t.Logf("wide %g %v: worst relative error per city %.3g", wide, d, worst)
		}
	}
}

// TestFastPairsDeterministic: fastPairs with the table gives the same sums
// bit for bit on one and two cores.
func TestFastPairsDeterministic(t *testing.T) {
	lat, lon, s := generatedRegion(3_000, 8, 2)
	tree := newSpillTree(newKDTree(pts(lat, lon)), s, DefaultDecay, DefaultPotentialTolerance)
	for _, d := range []Decay{DefaultDecay, {"power", 2}} {
		var results [][2][]float64
		for _, procs := range []int{1, 2} {
			prev := runtime.GOMAXPROCS(procs)
			received, reach, err := fastPairs(context.Background(), tree.p, tree.score, d)
			runtime.GOMAXPROCS(prev)
			if err != nil {
				t.Fatal(err)
			}
			results = append(results, [2][]float64{received, reach})
		}
		if !slices.Equal(results[0][0], results[1][0]) || !slices.Equal(results[0][1], results[1][1]) {
			t.Errorf("%v: one core and two cores differ", d)
		}
	}
}
