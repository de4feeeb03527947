package geom

import (
	"math"
	"testing"
)

// rect is the rectangle [x0, x1] x [y0, y1] in degrees, counter-clockwise.
func rect(x0, y0, x1, y1 float64) Polygon {
	return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}
}

func TestCentroid(t *testing.T) {
	// Worked by hand: the L of a 2 x 1 rectangle (area 2, centroid
	// (1, 0.5)) and a unit square on top (area 1, centroid (0.5, 1.5)) has
	// centroid ((2 + 0.5)/3, (1 + 1.5)/3) = (5/6, 5/6); a 4 x 4 square less
	// a unit hole at its corner: (16*2 - 0.5)/15 = 2.1; two parts of area
	// 1 and 4: ((0.5 + 4*3)/5, (0.5 + 4*1)/5) = (2.5, 0.9).
	l := Ring{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}, {0, 0}}
	shift := func(r Ring, dx, dy float64) Ring {
		out := make(Ring, len(r))
		for i, p := range r {
			out[i] = Point{p.Lon()*0.01 + dx, p.Lat()*0.01 + dy}
		}
		return out
	}
	reversed := Ring{{0, 0}, {0, 2}, {1, 2}, {1, 1}, {2, 1}, {2, 0}, {0, 0}}
	for _, c := range []struct {
		name string
		m    MultiPolygon
		want Point
		ok   bool
	}{
		{"L", MultiPolygon{{l}}, Point{5.0 / 6, 5.0 / 6}, true},
		{"L clockwise", MultiPolygon{{reversed}}, Point{5.0 / 6, 5.0 / 6}, true},
		{"L scaled to 0.01° at Suzhou", MultiPolygon{{shift(l, 120.58, 31.3)}}, Point{120.58 + 0.01*5/6, 31.3 + 0.01*5/6}, true},
		{"square with a hole", MultiPolygon{{rect(0, 0, 4, 4)[0], rect(0, 0, 1, 1)[0]}}, Point{2.1, 2.1}, true},
		{"two parts", MultiPolygon{rect(0, 0, 1, 1), rect(2, 0, 4, 2)}, Point{2.5, 0.9}, true},
		// Across the antimeridian: a square from 179 to 181 east, split at
		// 180 as RFC 7946 asks (centroid at 180, written -180), as one ring
		// that jumps from 179.5 to -179.5, and the same 1 degree to the
		// east (centroid at 180.5, that is -179.5).
		{"split at the antimeridian", MultiPolygon{rect(179, -17, 180, -16), rect(-180, -17, -179, -16)}, Point{-180, -16.5}, true},
		{"one ring across the antimeridian", MultiPolygon{{{{179, -17}, {-179, -17}, {-179, -16}, {179, -16}, {179, -17}}}}, Point{-180, -16.5}, true},
		{"east of the antimeridian", MultiPolygon{rect(179.5, -17, 180, -16), rect(-180, -17, -178.5, -16)}, Point{-179.5, -16.5}, true},
		{"no area", MultiPolygon{{{{0, 0}, {1, 1}, {2, 2}, {0, 0}}}}, Point{}, false},
		{"empty", nil, Point{}, false},
	} {
		got, ok := c.m.Centroid()
		if ok != c.ok || math.Abs(got.Lon()-c.want.Lon()) > 1e-12 || math.Abs(got.Lat()-c.want.Lat()) > 1e-12 {
			t.Errorf("%s: Centroid = %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

// TestDistance checks the haversine distance against Vincenty-grade
// figures for a sphere: Shanghai to Nanjing 271.2 km (also the spatial
// package's example), a quarter meridian, and antipodes.
func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b Point
		want float64
	}{
		{Point{121.47, 31.23}, Point{118.78, 32.07}, 271.2},
		{Point{0, 0}, Point{0, 90}, EarthRadius * math.Pi / 2},
		{Point{0, 0}, Point{180, 0}, EarthRadius * math.Pi},
		{Point{179.9, 10}, Point{-179.9, 10}, 2 * EarthRadius * math.Asin(math.Cos(10*math.Pi/180)*math.Sin(0.1*math.Pi/180))},
	} {
		if got := Distance(c.a, c.b); math.Abs(got-c.want) > 0.05 {
			t.Errorf("Distance(%v, %v) = %.4f, want %.4f", c.a, c.b, got, c.want)
		}
	}
}

// TestMultiPointCentroid: two points on a meridian centre on the equator;
// two across the antimeridian centre on it; none has no centroid.
func TestMultiPointCentroid(t *testing.T) {
	if c, ok := (MultiPoint{{20, 10}, {20, -10}}).Centroid(); !ok || math.Abs(c.Lat()) > 1e-12 || math.Abs(c.Lon()-20) > 1e-12 {
		t.Errorf("meridian pair: %v %v", c, ok)
	}
	if c, ok := (MultiPoint{{179, 0}, {-179, 0}}).Centroid(); !ok || math.Abs(math.Abs(c.Lon())-180) > 1e-9 {
		t.Errorf("antimeridian pair: %v %v", c, ok)
	}
	if _, ok := (MultiPoint{}).Centroid(); ok {
		t.Error("no points has a centroid")
	}
}
