package spatial

import (
	"math"
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
		got := Haversine(c.lat1, c.lon1, c.lat2, c.lon2)
		if math.Abs(got-c.want) > c.tol {
			t.Errorf("%s: Haversine = %.6f km, want %.6f", c.name, got, c.want)
		}
	}
}

// TestArcKm checks the chord formula against Haversine over distances from
// metres to the antipodes.
func TestArcKm(t *testing.T) {
	for _, c := range [][4]float64{{31.23, 121.47, 31.2301, 121.4701}, {31.23, 121.47, 32.07, 118.78}, {0, 0, 0, 179.9}, {-45, 10, 60, -120}, {89.9, 0, -89.9, 180}} {
		want := Haversine(c[0], c[1], c[2], c[3])
		if got := arcKm(unitVector(c[0], c[1]), unitVector(c[2], c[3])); math.Abs(got-want) > 1e-9*max(1, want) {
			t.Errorf("arcKm%v = %.12f, Haversine %.12f", c, got, want)
		}
	}
}
