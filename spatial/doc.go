// Package spatial holds the geography of a region: great-circle distances
// and, built on them, spatial weights and spatial statistics. It takes plain
// Go values (coordinates in degrees, scores, neighbour lists) and knows
// nothing of files or datasets.
//
// Distances are great-circle distances on a sphere of radius 6371.0088 km
// (the IUGG mean radius), by the haversine formula; O(1) each.
//
// Potential computes each city's innovation potential under a distance
// decay f: what it receives, P_i = sum_{j != i} s_j f(d_ij) (Harris 1954;
// Hansen 1959), what it emits, s_i sum_{j != i} f(d_ij), and its main
// source. O(n^2) time on all cores, O(n) memory.
package spatial
