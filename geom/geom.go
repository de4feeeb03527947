package geom

import "math"

// Point is a place in WGS 84 degrees, longitude first (as GeoJSON and
// paulmach/orb order it): Point{121.47, 31.23} is Shanghai.
type Point [2]float64

// Lon returns the longitude in degrees east.
func (p Point) Lon() float64 { return p[0] }

// Lat returns the latitude in degrees north.
func (p Point) Lat() float64 { return p[1] }

// MinDistance is the distance in km below which two places are taken as 1
// km apart by the gravity model and the power decay of spillover, so that
// cities given the same coordinates get a large but finite linkage rather
// than an infinite one.
const MinDistance = 1.0

// EarthRadius is the mean Earth radius in km (IUGG R1 = 6371.0088 km), used
// for every great-circle distance.
const EarthRadius = 6371.0088

// Distance returns the great-circle distance in km between a and b, by the
// haversine formula (Sinnott 1984), which is accurate for small distances
// where the spherical law of cosines is not.
func Distance(a, b Point) float64 {
	φ1, φ2 := radians(a.Lat()), radians(b.Lat())
	dφ, dλ := φ2-φ1, radians(b.Lon()-a.Lon())
	h := math.Sin(dφ/2)*math.Sin(dφ/2) + math.Cos(φ1)*math.Cos(φ2)*math.Sin(dλ/2)*math.Sin(dλ/2)
	return 2 * EarthRadius * math.Asin(math.Sqrt(min(h, 1)))
}

func radians(deg float64) float64 { return deg * math.Pi / 180 }

// MultiPoint is a set of points.
type MultiPoint []Point

// Centroid returns the spherical centroid of m: the direction of the mean
// of the points' unit vectors. ok is false for no points, or points whose
// vectors cancel out.
func (m MultiPoint) Centroid() (c Point, ok bool) {
	var s [3]float64
	for _, p := range m {
		φ, λ := radians(p.Lat()), radians(p.Lon())
		s[0] += math.Cos(φ) * math.Cos(λ)
		s[1] += math.Cos(φ) * math.Sin(λ)
		s[2] += math.Sin(φ)
	}
	h := math.Hypot(s[0], s[1])
	if h == 0 && s[2] == 0 {
		return Point{}, false
	}
	return Point{math.Atan2(s[1], s[0]) * 180 / math.Pi, math.Atan2(s[2], h) * 180 / math.Pi}, true
}
