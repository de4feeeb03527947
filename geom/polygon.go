package geom

import "math"

// Ring is a closed ring of positions, its last repeating the first.
type Ring []Point

// Polygon is an exterior ring followed by its holes.
type Polygon []Ring

// MultiPolygon is a region made of one or more polygons (a mainland and its
// islands, say). A Polygon is the MultiPolygon of one part.
type MultiPolygon []Polygon

// Centroid returns the area-weighted centroid [lon, lat] of m, computed in
// the plane of lon/lat degrees: each ring's centroid by the shoelace
// formula, holes subtracted, parts weighted by their area (as GEOS and R's
// sf::st_centroid do for a MULTIPOLYGON on planar coordinates). Ring
// orientation does not matter. ok is false when m encloses no area. O(number
// of vertices).
//
// Planar degrees shift the centroid of a city-sized shape by metres, not
// kilometres: the east-west squeeze cos(lat) varies little across it.
// Longitudes are unwrapped about the first vertex's before any sum, so
// that a shape across the antimeridian (parts at 179.9 and -179.9, as RFC
// 7946 splits it, or one ring that jumps from one to the other) has its
// centroid there and not near longitude 0; the centroid's longitude is in
// [-180, 180).
func (m MultiPolygon) Centroid() (c Point, ok bool) {
	var area, sx, sy float64
	ref, unwrap := m.reference()
	for _, p := range m {
		for k, r := range p {
			if unwrap {
				r = r.unwrapped(ref)
			}
			a, cx, cy := r.moments()
			a = math.Abs(a)
			if k > 0 {
				a = -a // a hole
			}
			area += a
			sx += a * cx
			sy += a * cy
		}
	}
	if !(area > 0) {
		return c, false
	}
	return Point{wrapLon(sx / area), sy / area}, true
}

// reference is the longitude that m's are unwrapped about, and whether any
// lies more than 180 degrees from it.
func (m MultiPolygon) reference() (ref float64, unwrap bool) {
	if len(m) == 0 || len(m[0]) == 0 || len(m[0][0]) == 0 {
		return 0, false
	}
	ref = m[0][0][0].Lon()
	for _, p := range m {
		for _, r := range p {
			for _, pos := range r {
				if math.Abs(pos.Lon()-ref) > 180 {
					return ref, true
				}
			}
		}
	}
	return ref, false
}

// unwrapped is r with each longitude moved by a whole turn to within 180
// degrees of ref.
func (r Ring) unwrapped(ref float64) Ring {
	out := make(Ring, len(r))
	for i, pos := range r {
		out[i] = Point{ref + wrapLon(pos.Lon()-ref), pos.Lat()}
	}
	return out
}

// wrapLon brings a longitude into [-180, 180).
func wrapLon(lon float64) float64 {
	return math.Mod(math.Mod(lon+180, 360)+360, 360) - 180
}

// moments returns the signed area of r (positive counter-clockwise) and its
// centroid. Coordinates are taken relative to the first vertex so that the
// products keep their precision far from (0, 0).
func (r Ring) moments() (area, cx, cy float64) {
	if len(r) < 3 {
		return 0, 0, 0
	}
	x0, y0 := r[0].Lon(), r[0].Lat()
	var a2, sx, sy float64
	for i := 0; i+1 < len(r); i++ {
		x1, y1 := r[i].Lon()-x0, r[i].Lat()-y0
		x2, y2 := r[i+1].Lon()-x0, r[i+1].Lat()-y0
		cross := x1*y2 - x2*y1
		a2 += cross
		sx += (x1 + x2) * cross
		sy += (y1 + y2) * cross
	}
	if a2 == 0 {
		return 0, 0, 0
	}
	return a2 / 2, x0 + sx/(3*a2), y0 + sy/(3*a2)
}
