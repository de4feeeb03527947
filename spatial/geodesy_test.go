package spatial

import (
	"collab/geom"
	"math"
	"math/rand/v2"
	"testing"
)

func TestHaversine(t *testing.T) {
	for _, c := range []struct {
		name                   string
		lat1, lon1, lat2, lon2 float64
		want, tol              float64
	}{
		// A quarter of a meridian is pi/2 * R.
		{"pole to equator", 90, 0, 0, 0, math.Pi / 2 * EarthRadius, 1e-9},
		{"same point", 31.23, 121.47, 31.23, 121.47, 0, 0},
		// Antipodes along the equator: pi * R.
		{"antipodes", 0, 0, 0, 180, math.Pi * EarthRadius, 1e-9},
		// City seats of the sample, by the spherical law of cosines
		// R acos(sin φ1 sin φ2 + cos φ1 cos φ2 cos Δλ), an independent formula
		// (python3 math, R = 6371.0088).
		{"Shanghai-Suzhou", 31.23, 121.47, 31.3, 120.58, 84.948841286, 1e-6},
		{"Nanjing-Hefei", 32.07, 118.78, 31.86, 117.28, 143.414613387, 1e-6},
	} {
		got := geom.Distance(geom.Point{c.lon1, c.lat1}, geom.Point{c.lon2, c.lat2})
		if math.Abs(got-c.want) > c.tol {
			t.Errorf("%s: Haversine = %.6f km, want %.6f", c.name, got, c.want)
		}
	}
}

// TestArcKm checks the chord formula against Haversine over distances from
// metres to the antipodes.
func TestArcKm(t *testing.T) {
	for _, c := range [][4]float64{{31.23, 121.47, 31.2301, 121.4701}, {31.23, 121.47, 32.07, 118.78}, {0, 0, 0, 179.9}, {-45, 10, 60, -120}, {89.9, 0, -89.9, 180}} {
		want := geom.Distance(geom.Point{c[1], c[0]}, geom.Point{c[3], c[2]})
		if got := arcKm(unitVector(geom.Point{c[1], c[0]}), unitVector(geom.Point{c[3], c[2]})); math.Abs(got-want) > 1e-9*max(1, want) {
			t.Errorf("arcKm%v = %.12f, Haversine %.12f", c, got, want)
		}
	}
}

// TestAsin compares the Taylor series of asin with math.Asin (an
// independent implementation: a square root, divisions and a rational
// approximation of the arctangent) on both sides of the switch at 1/8 and
// at random points below it: within 2 ulp.
func TestAsin(t *testing.T) {
	xs := []float64{0, 1e-300, 1e-9, 1e-4, 0.01, 0.0625, 0.1, math.Nextafter(0.125, 0), 0.125, math.Nextafter(0.125, 1), 0.5, 0.99, 1, 1.5}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		xs = append(xs, rng.Float64()/8)
	}
	for _, x := range xs {
		want := math.Asin(min(x, 1))
		ulp := math.Nextafter(want, math.Inf(1)) - want
		if got := asin(x); math.Abs(got-want) > 2*ulp {
			t.Errorf("asin(%.17g) = %.17g, math.Asin %.17g (%.1f ulp)", x, got, want, math.Abs(got-want)/ulp)
		}
	}
}
