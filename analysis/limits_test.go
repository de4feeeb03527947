package analysis

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"collab/data"
	"collab/spatial"
)

// TestQuadraticLinksRefused: parameters whose links grow with the square of
// the cities are refused with a parameter error naming the flag, before
// the links are built (or, for a distance band, as soon as they pass the
// bound: spatial tests that), on a region of 7,000 cities: 24.5 million
// pairs.
func TestQuadraticLinksRefused(t *testing.T) {
	const n = 7000
	rng := rand.New(rand.NewPCG(3, 4))
	ds := &data.Dataset{Cities: make([]data.City, n)}
	for i := range ds.Cities {
		ds.Cities[i] = data.City{ID: string(rune('a'+i%26)) + strings.Repeat("x", i/26), Lat: 28 + 6*rng.Float64(), Lon: 115 + 6*rng.Float64(), Scores: []float64{1 + rng.Float64()}}
	}
	for _, c := range []struct {
		name string
		set  func(*Parameters)
		want string
	}{
		{"full gravity", func(p *Parameters) { p.FullBelow = n + 1 }, "full-below 7001: gravity on every pair of 7000 cities makes 24496500 links, over the 20000000"},
		{"keep", func(p *Parameters) { p.Keep = 3000; p.Directed = true }, "keep 3000: 7000 cities keeping 3000 links each make up to 42000000 links"},
		{"knn", func(p *Parameters) {
			p.Skip = []Stage{"network"}
			p.Weights = mustWeights(t, "knn:1500")
			p.Symmetric = true
		}, "weights knn:1500: 7000 cities with 1500 neighbours each make up to 21000000 links"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := DefaultParameters()
			p.Permutations = 0
			c.set(&p)
			_, err := Run(context.Background(), ds, p)
			var param *ParameterError
			if !errors.As(err, &param) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want a parameter error %q", err, c.want)
			}
		})
	}
	err := bandError(Weights{Kind: "band", Km: 2000}, fmt.Errorf("%w: ...", spatial.ErrTooManyLinks))
	if want := "weights band:2000: the band links more than 20000000 pairs of cities; choose a shorter band"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("band: %v, want %q", err, want)
	}
}
