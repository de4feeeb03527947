// Package geom holds the geometry of places as values: a Point in WGS 84
// degrees (longitude first, as GeoJSON and orb order it), the Ring, Polygon
// and MultiPolygon of a boundary, and MultiPoint; the great-circle
// Distance between two points; and a Centroid for each shape. It knows
// nothing of files, datasets or statistics and imports no other collab
// package, so that data (which reads boundaries) and spatial (which
// measures them) share one geometry without depending on each other.
//
// Distance is the haversine formula on a sphere of radius EarthRadius
// (6371.0088 km, the IUGG mean radius), O(1). MultiPoint.Centroid is the
// direction of the mean of the points' unit vectors (spherical);
// MultiPolygon.Centroid the area-weighted centroid in the plane of
// longitude and latitude, holes subtracted (as GEOS and sf::st_centroid on
// planar coordinates), longitudes unwrapped about the first vertex so that
// a shape across the antimeridian keeps its centroid there. Both are
// O(number of vertices).
package geom
