package spatial

import (
	"collab/geom"
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestStrongestMatchesBruteForce compares the kd-tree search with ranking
// every pair, on random cities with heavy-tailed masses, some zero, and
// some sharing coordinates (the 1 km floor).
func TestStrongestMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	n := 700
	lat, lon, mass := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		lat[i], lon[i] = 28+6*rng.Float64(), 115+7*rng.Float64()
		mass[i] = math.Exp(3 + 1.5*rng.NormFloat64())
		if i%50 == 0 {
			mass[i] = 0
		}
		if i%97 == 1 {
			lat[i], lon[i] = lat[i-1], lon[i-1]
		}
	}
	for _, beta := range []float64{1, 2, 3} {
		got, err := Strongest(context.Background(), pts(lat, lon), mass, beta, 8, 1)
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			var all []pull
			for j := range n {
				if j != i && mass[j] > 0 {
					all = append(all, pull{mass[j] / math.Pow(max(geom.Distance(geom.Point{lon[i], lat[i]}, geom.Point{lon[j], lat[j]}), 1), beta), j})
				}
			}
			slices.SortFunc(all, func(a, b pull) int {
				if a.stronger(b) {
					return -1
				}
				return 1
			})
			var want []int
			for _, p := range all[:8] {
				want = append(want, p.index)
			}
			if !slices.Equal(got[i], want) {
				t.Fatalf("beta %g, city %d: %v, want %v", beta, i, got[i], want)
			}
		}
	}
	if _, err := Strongest(context.Background(), pts(lat, lon), mass, 2, 0, 1); err == nil {
		t.Error("k = 0 accepted")
	}
}
