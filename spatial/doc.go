// Package spatial holds the geography of a region: great-circle distances
// and, built on them, spatial weights and spatial statistics. It takes plain
// Go values (coordinates in degrees, scores, neighbour lists) and knows
// nothing of files or datasets.
//
// Distances are great-circle distances on a sphere of radius 6371.0088 km
// (the IUGG mean radius), by the haversine formula; O(1) each.
package spatial
