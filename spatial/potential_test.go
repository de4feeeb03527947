package spatial

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// degreeKm is one degree of longitude along the equator: R pi / 180.
const degreeKm = EarthRadius * math.Pi / 180

// TestPotentialByHand works the spillover of three cities on the equator at
// longitudes 0, 1 and 3 degrees (111.195 km per degree), scores 10, 20 and
// 5, under exp:100 and power:2 decay.
func TestPotentialByHand(t *testing.T) {
	lat, lon, s := []float64{0, 0, 0}, []float64{0, 1, 3}, []float64{10, 20, 5}
	d := func(a, b float64) float64 { return math.Abs(a-b) * degreeKm }
	for _, decay := range []Decay{{"exp", 100}, {"power", 2}} {
		f := func(km float64) float64 {
			if decay.Kind == "exp" {
				return math.Exp(-km / 100)
			}
			return 1 / (km * km)
		}
		sp, _ := Potential(context.Background(), pts(lat, lon), s, decay)
		want := []float64{
			20*f(d(0, 1)) + 5*f(d(0, 3)),
			10*f(d(1, 0)) + 5*f(d(1, 3)),
			10*f(d(3, 0)) + 20*f(d(3, 1)),
		}
		emitted := []float64{
			10 * (f(d(0, 1)) + f(d(0, 3))),
			20 * (f(d(1, 0)) + f(d(1, 3))),
			5 * (f(d(3, 0)) + f(d(3, 1))),
		}
		for i := range want {
			if math.Abs(sp.Received[i]-want[i]) > 1e-12*want[i] || math.Abs(sp.Emitted[i]-emitted[i]) > 1e-12*emitted[i] {
				t.Errorf("%v city %d: received %.15g emitted %.15g, want %.15g and %.15g", decay, i, sp.Received[i], sp.Emitted[i], want[i], emitted[i])
			}
		}
		// City 1 (score 20) is the main source of both others; city 0 is
		// city 1's (10 at 111 km beats 5 at 222 km).
		if sp.MainSource[0] != 1 || sp.MainSource[1] != 0 || sp.MainSource[2] != 1 {
			t.Errorf("%v main sources %v, want [1 0 1]", decay, sp.MainSource)
		}
		if share := 20 * f(d(0, 1)) / want[0]; math.Abs(sp.MainShare[0]-share) > 1e-12 {
			t.Errorf("%v main share of city 0 = %v, want %v", decay, sp.MainShare[0], share)
		}
	}
}

func TestPotentialZeroScores(t *testing.T) {
	sp, _ := Potential(context.Background(), pts([]float64{0, 0}, []float64{0, 1}), []float64{0, 0}, DefaultDecay)
	if sp.Received[0] != 0 || sp.MainSource[0] != -1 || sp.MainShare[0] != 0 {
		t.Errorf("nothing to receive: %+v", sp)
	}
}

func TestParseDecay(t *testing.T) {
	for s, want := range map[string]Decay{"exp:100": {"exp", 100}, "power:2": {"power", 2}, "exp:0.5": {"exp", 0.5}} {
		if got, err := ParseDecay(s); err != nil || got != want || got.String() != s {
			t.Errorf("ParseDecay(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"exp", "exp:", "exp:-1", "gauss:3", "power:x", "exp:NaN", "exp:Inf"} {
		if _, err := ParseDecay(s); err == nil || !strings.Contains(err.Error(), "exp:KM") {
			t.Errorf("ParseDecay(%q) = %v, want an error naming the forms", s, err)
		}
	}
}

func BenchmarkPotential(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		rng := rand.New(rand.NewPCG(1, 2))
		lat, lon, s := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range n {
			lat[i], lon[i], s[i] = 28+6*rng.Float64(), 115.5+7*rng.Float64(), math.Exp(3+1.2*rng.NormFloat64())
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				Potential(context.Background(), pts(lat, lon), s, DefaultDecay)
			}
		})
	}
}
