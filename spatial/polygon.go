package spatial

import "math"

// Ring is a closed ring of positions [lon, lat] in degrees (GeoJSON order),
// its last position repeating the first.
type Ring [][2]float64

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
func (m MultiPolygon) Centroid() (c [2]float64, ok bool) {
	var area, sx, sy float64
	for _, p := range m {
		for k, r := range p {
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
	return [2]float64{sx / area, sy / area}, true
}

// moments returns the signed area of r (positive counter-clockwise) and its
// centroid. Coordinates are taken relative to the first vertex so that the
// products keep their precision far from (0, 0).
func (r Ring) moments() (area, cx, cy float64) {
	if len(r) < 3 {
		return 0, 0, 0
	}
	x0, y0 := r[0][0], r[0][1]
	var a2, sx, sy float64
	for i := 0; i+1 < len(r); i++ {
		x1, y1 := r[i][0]-x0, r[i][1]-y0
		x2, y2 := r[i+1][0]-x0, r[i+1][1]-y0
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
