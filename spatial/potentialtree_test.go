package spatial

import (
	"collab/geom"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"testing"
)

// generatedRegion scatters n cities as ../shared/bench/gen.py does: uniform
// over a box of 6 by 7 degrees from (28 N, 115.5 E), about the Yangtze
// River Delta, widened by the factor wide, scores exp(N(3, 1.2)). The
// generator is Go's PCG rather than Python's Mersenne Twister, so the
// cities are not gen.py's, only drawn alike.
func generatedRegion(n int, seed uint64, wide float64) (lat, lon, s []float64) {
	rng := rand.New(rand.NewPCG(seed, 21))
	lat, lon, s = make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		lat[i], lon[i], s[i] = 28+6*wide*rng.Float64(), 115.5+7*wide*rng.Float64(), math.Exp(3+1.2*rng.NormFloat64())
	}
	return lat, lon, s
}

// withinTolerance checks every city of got against the exact want: Received
// and Emitted within tol of themselves, the same main source, and its
// share within tol (1 + tol) plus rounding.
func withinTolerance(t *testing.T, name string, got, want Spillover, tol float64) {
	t.Helper()
	var worst float64
	for i := range want.Received {
		for _, pair := range [][2]float64{{got.Received[i], want.Received[i]}, {got.Emitted[i], want.Emitted[i]}} {
			err := math.Abs(pair[0] - pair[1])
			worst = max(worst, err/math.Abs(pair[1]))
			if err > tol*math.Abs(pair[1]) {
				t.Errorf("%s city %d: %.17g, exact %.17g: relative error %.3g above %g", name, i, pair[0], pair[1], err/math.Abs(pair[1]), tol)
			}
		}
		if got.MainSource[i] != want.MainSource[i] {
			t.Errorf("%s city %d: main source %d, exact %d", name, i, got.MainSource[i], want.MainSource[i])
		}
		if d := math.Abs(got.MainShare[i] - want.MainShare[i]); d > 1.01*tol*want.MainShare[i]+1e-15 {
			t.Errorf("%s city %d: main share %.17g, exact %.17g", name, i, got.MainShare[i], want.MainShare[i])
		}
	}
	t.Logf("%s: worst relative error %.3g (tolerance %g)", name, worst, tol)
}

// TestExpNegWithinBound compares expNeg with math.Exp over the exponents
// of every distance on the globe under exp:1 (to 2e4) and beyond, on a
// dense grid near zero and on random draws.
func TestExpNegWithinBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var worst float64
	check := func(y float64) {
		want := math.Exp(-y)
		if want == 0 {
			return
		}
		err := math.Abs(expNeg(y)-want) / want
		worst = max(worst, err)
		if err > fastKernelError {
			t.Fatalf("expNeg(%.17g) = %.17g, math.Exp gives %.17g: relative error %.3g", y, expNeg(y), want, err)
		}
	}
	for k := range 200_000 {
		check(float64(k) * 1e-4) // 0 to 20 in steps of 1e-4
	}
	for range 500_000 {
		check(rng.Float64() * 2e4)
	}
	for _, y := range []float64{0, 1e-300, math.Ln2 / 64, math.Ln2, 690, 693.1, 709, 745, 746, 1e5, math.Inf(1)} {
		check(y)
	}
	if got := expNeg(1e5); got != 0 {
		t.Errorf("expNeg(1e5) = %g, want 0 (underflow)", got)
	}
	t.Logf("expNeg: worst relative error %.3g", worst)
}

// TestFastRowWithinBound compares fastRow with row (Decay.At) from one
// point to 20,000 points over a hemisphere, for exp and every power fastRow
// treats apart.
func TestFastRowWithinBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	p := unitVector(geom.Point{120, 30})
	q := make([][3]float64, 20_000)
	for k := range q {
		lat := -60 + 150*rng.Float64()
		q[k] = unitVector(geom.Point{30 + 180*rng.Float64(), lat})
	}
	q[0], q[1] = p, unitVector(geom.Point{120, 30.000001}) // zero distance and under the 1 km floor
	got, want := make([]float64, len(q)), make([]float64, len(q))
	for _, d := range []Decay{{"exp", 100}, {"exp", 1}, {"exp", 5000}, {"power", 1}, {"power", 2}, {"power", 3}, {"power", 4}, {"power", 2.5}} {
		d.fastRow(got, p, q)
		d.row(want, p, q)
		for k := range q {
			if want[k] == 0 {
				continue
			}
			if err := math.Abs(got[k]-want[k]) / want[k]; err > fastKernelError {
				t.Errorf("%v point %d: %.17g, exact %.17g, relative error %.3g", d, k, got[k], want[k], err)
			}
		}
	}
}

// TestPotentialTreeByHand runs both approximate paths on the three cities
// of TestPotentialByHand (on the equator at 0, 1 and 3 degrees, scores 10,
// 20 and 5) and on the same with a negative score, whose contributions
// Potential leaves out of Received but keeps in the reach.
func TestPotentialTreeByHand(t *testing.T) {
	lat, lon := []float64{0, 0, 0}, []float64{0, 1, 3}
	d := func(a, b float64) float64 { return math.Abs(a-b) * degreeKm }
	for _, s := range [][]float64{{10, 20, 5}, {10, 20, -5}} {
		for _, decay := range []Decay{{"exp", 100}, {"power", 2}} {
			f := func(a, b float64) float64 {
				if decay.Kind == "exp" {
					return math.Exp(-d(a, b) / 100)
				}
				return 1 / (d(a, b) * d(a, b))
			}
			pos := func(x float64) float64 { return max(x, 0) }
			want := []float64{
				pos(s[1])*f(0, 1) + pos(s[2])*f(0, 3),
				pos(s[0])*f(1, 0) + pos(s[2])*f(1, 3),
				pos(s[0])*f(3, 0) + pos(s[1])*f(3, 1),
			}
			emitted := []float64{s[0] * (f(0, 1) + f(0, 3)), s[1] * (f(1, 0) + f(1, 3)), s[2] * (f(3, 0) + f(3, 1))}
			tree := newSpillTree(newKDTree(pts(lat, lon)), s, decay, 1e-6)
			for name, run := range map[string]func(context.Context) (Spillover, error){"tree": tree.spillover, "pairs": tree.fastSpillover} {
				sp, err := run(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				for i := range want {
					if math.Abs(sp.Received[i]-want[i]) > 1e-12*want[i] || math.Abs(sp.Emitted[i]-emitted[i]) > 1e-12*math.Abs(emitted[i]) {
						t.Errorf("%s %v %v city %d: received %.15g emitted %.15g, want %.15g and %.15g", name, s, decay, i, sp.Received[i], sp.Emitted[i], want[i], emitted[i])
					}
				}
				if !slices.Equal(sp.MainSource, []int{1, 0, 1}) {
					t.Errorf("%s %v %v main sources %v, want [1 0 1]", name, s, decay, sp.MainSource)
				}
				if share := s[1] * f(0, 1) / want[0]; math.Abs(sp.MainShare[0]-share) > 1e-12 {
					t.Errorf("%s %v %v main share of city 0 = %v, want %v", name, s, decay, sp.MainShare[0], share)
				}
			}
		}
	}
}

// TestPotentialTreeFarField puts 300 cities in each of two clusters 30
// degrees apart (3,300 km, 33 decay scales of exp:100): each cluster sees
// the other through a handful of subtrees, and every city is still within
// the tolerance of the exact sum, for several tolerances.
func TestPotentialTreeFarField(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	var lat, lon, s []float64
	for c := range 2 {
		for range 300 {
			lat, lon, s = append(lat, rng.Float64()), append(lon, 30*float64(c)+rng.Float64()), append(s, 1+rng.ExpFloat64())
		}
	}
	for _, decay := range []Decay{{"exp", 100}, {"power", 2}} {
		want, _ := Potential(context.Background(), pts(lat, lon), s, decay)
		for _, tol := range []float64{1e-3, 1e-6, 1e-9} {
			tree := newSpillTree(newKDTree(pts(lat, lon)), s, decay, tol)
			got, err := tree.spillover(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			withinTolerance(t, fmt.Sprintf("%v tol %g", decay, tol), got, want, tol)
			alone := newSpillTree(newKDTree(pts(lat[:300], lon[:300])), s[:300], decay, tol).sum(0).work
			if c := tree.sum(0); decay.Kind == "exp" && c.work > alone+50 {
				t.Errorf("%v tol %g: city 0 took %d steps, %d without the far cluster: its 300 cities should cost a few subtrees", decay, tol, c.work, alone)
			}
		}
	}
}

// TestPotentialWithinAtScale checks every city against the exact sum at
// 20,000 cities of a generated region for both decays, by the path
// PotentialWithin takes on such a region above ExactPotentialMax (the
// pairs with the cheaper kernel; the tree does not pay there), and the
// tree on 4,000 cities of a region five times as wide, where it does.
func TestPotentialWithinAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("short: 20,000 cities take seconds")
	}
	const tol = DefaultPotentialTolerance
	lat, lon, s := generatedRegion(20_000, 1, 1)
	wlat, wlon, ws := generatedRegion(4_000, 2, 5)
	for _, decay := range []Decay{{"exp", 100}, {"power", 2}} {
		want, _ := Potential(context.Background(), pts(lat, lon), s, decay)
		got, err := newSpillTree(newKDTree(pts(lat, lon)), s, decay, tol).fastSpillover(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		withinTolerance(t, fmt.Sprintf("pairs, 20,000 cities, %v", decay), got, want, tol)

		want, _ = Potential(context.Background(), pts(wlat, wlon), ws, decay)
		got, err = newSpillTree(newKDTree(pts(wlat, wlon)), ws, decay, tol).spillover(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		withinTolerance(t, fmt.Sprintf("tree, 4,000 cities, wide, %v", decay), got, want, tol)
	}
}

// TestPotentialWithinDeterministic runs both paths on one and two cores:
// the results must be the same bit for bit.
func TestPotentialWithinDeterministic(t *testing.T) {
	lat, lon, s := generatedRegion(3_000, 3, 3)
	results := map[int][2]Spillover{}
	for _, procs := range []int{1, 2} {
		prev := runtime.GOMAXPROCS(procs)
		tree := newSpillTree(newKDTree(pts(lat, lon)), s, DefaultDecay, 1e-6)
		a, err1 := tree.spillover(context.Background())
		b, err2 := tree.fastSpillover(context.Background())
		runtime.GOMAXPROCS(prev)
		if err := errors.Join(err1, err2); err != nil {
			t.Fatal(err)
		}
		results[procs] = [2]Spillover{a, b}
	}
	for k, name := range []string{"tree", "pairs"} {
		one, two := results[1][k], results[2][k]
		if !slices.Equal(one.Received, two.Received) || !slices.Equal(one.Emitted, two.Emitted) || !slices.Equal(one.MainSource, two.MainSource) || !slices.Equal(one.MainShare, two.MainShare) {
			t.Errorf("%s: one core and two cores differ", name)
		}
	}
}

// TestPotentialWithinExactCases: tolerance 0 and sizes up to
// ExactPotentialMax give Potential's result bit for bit.
func TestPotentialWithinExactCases(t *testing.T) {
	lat, lon, s := generatedRegion(500, 4, 1)
	want, _ := Potential(context.Background(), pts(lat, lon), s, DefaultDecay)
	for _, tol := range []float64{0, 1e-6, 0.5} {
		got, err := PotentialWithin(context.Background(), pts(lat, lon), s, DefaultDecay, tol)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Received, want.Received) || !slices.Equal(got.Emitted, want.Emitted) || !slices.Equal(got.MainSource, want.MainSource) || !slices.Equal(got.MainShare, want.MainShare) {
			t.Errorf("tol %g at 500 cities: not Potential's result", tol)
		}
	}
}

func TestPotentialWithinErrors(t *testing.T) {
	one := []float64{1}
	for _, c := range []struct {
		name        string
		lat, lon, s []float64
		decay       Decay
		tol         float64
	}{
		{"negative tolerance", one, one, one, DefaultDecay, -1e-6},
		{"NaN tolerance", one, one, one, DefaultDecay, math.NaN()},
		{"tolerance 1", one, one, one, DefaultDecay, 1},
		{"more scores than points", one, one, []float64{1, 2}, DefaultDecay, 1e-6},
		{"unknown decay", one, one, one, Decay{"gauss", 1}, 1e-6},
	} {
		if _, err := PotentialWithin(context.Background(), pts(c.lat, c.lon), c.s, c.decay, c.tol); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
}

// TestPotentialWithinCancellation cancels PotentialWithin on 60,000 cities
// (the pairs path, 1.8e9 pairs) and the tree on the same.
func TestPotentialWithinCancellation(t *testing.T) {
	lat, lon, s := generatedRegion(60_000, 5, 1)
	cancelsPromptly(t, "PotentialWithin", func(ctx context.Context) error {
		_, err := PotentialWithin(ctx, pts(lat, lon), s, DefaultDecay, DefaultPotentialTolerance)
		return err
	})
	tree := newSpillTree(newKDTree(pts(lat, lon)), s, DefaultDecay, DefaultPotentialTolerance)
	cancelsPromptly(t, "tree", func(ctx context.Context) error {
		_, err := tree.spillover(ctx)
		return err
	})
}

// BenchmarkPotentialWithin times PotentialWithin against Potential on a
// generated region; COLLAB_POTENTIAL_N sets the size (default 30,000).
func BenchmarkPotentialWithin(b *testing.B) {
	n := 30_000
	if v, err := strconv.Atoi(os.Getenv("COLLAB_POTENTIAL_N")); err == nil && v > 1 {
		n = v
	}
	lat, lon, s := generatedRegion(n, 1, 1)
	for _, decay := range []Decay{{"exp", 100}, {"power", 2}} {
		b.Run(fmt.Sprintf("%v/exact/%d", decay, n), func(b *testing.B) {
			for range b.N {
				Potential(context.Background(), pts(lat, lon), s, decay)
			}
		})
		b.Run(fmt.Sprintf("%v/within/%d", decay, n), func(b *testing.B) {
			for range b.N {
				PotentialWithin(context.Background(), pts(lat, lon), s, decay, DefaultPotentialTolerance)
			}
		})
	}
}
