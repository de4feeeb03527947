// Package spatial holds the geography of a region: great-circle distances,
// polygon centroids and contiguity and, built on them, spatial weights and
// spatial statistics. It takes plain Go values (coordinates in degrees,
// rings of [lon, lat] positions, scores, neighbour lists) and knows nothing
// of files or datasets.
//
// Distances are great-circle distances on a sphere of radius 6371.0088 km
// (the IUGG mean radius), by the haversine formula; O(1) each.
//
// # Polygons
//
// A MultiPolygon's Centroid is the area-weighted centroid of its parts in
// the plane of lon/lat degrees (shoelace formula, holes subtracted), as
// R's sf::st_centroid gives on planar coordinates; O(vertices).
//
// QueenContiguity makes two shapes neighbours when they share a boundary
// point: a vertex of one within a snap distance (metres) of a vertex of the
// other, as GeoDa, libpysal's Queen and spdep::poly2nb(queen = TRUE) define
// it. A corner-only touch counts (rook contiguity would not count it); a
// vertex on the other's edge with no vertex there does not. Vertices are
// hashed into a grid of cells twice the snap distance across, so the cost
// is O(total vertices) expected, not O(shapes²). Checked against spdep on a
// random tiling with islands and holes.
package spatial
