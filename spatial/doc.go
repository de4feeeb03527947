// Package spatial holds the geography of a region: great-circle distances,
// polygon centroids and contiguity and, built on them, spatial weights and
// spatial statistics. It takes plain Go values (coordinates in degrees,
// rings of [lon, lat] positions, scores, neighbour index lists) and knows
// nothing of files or datasets.
//
// # Distances and projection
//
// Distances are great-circle distances on a sphere of radius 6371.0088 km
// (the IUGG mean radius), by the haversine formula; O(1) each.
// AzimuthalEquidistant projects about a centre (Snyder 1987), keeping
// distances from it true.
//
// # Spatial weights
//
// A Weights is a sparse matrix W in compressed rows, never n x n: memory
// O(n + links). Constructors give binary weights (w_ij = 1 for neighbours):
//
//   - Contiguity: from neighbour index lists, symmetrised.
//   - KNN: each city's k nearest by great-circle distance, ties to the lower
//     index, via a 3-D kd-tree on the unit sphere; O(n log n). libpysal's
//     KNN with an arc distance ranks the same way; spdep's knearneigh with
//     longlat=TRUE ranks by distances on the WGS84 ellipsoid, so at the k-th
//     place a near tie may go the other way (about 2% of cities of a random
//     region with k = 8).
//   - DistanceBand: every city within a distance; MinBand is the smallest
//     band without islands (libpysal's min_threshold_distance).
//   - Delaunay: the edges of the Delaunay triangulation on the azimuthal
//     equidistant projection about the centroid, by Bowyer-Watson insertion
//     in Hilbert order with ghost triangles for the hull and exact
//     orientation and in-circle predicates (Shewchuk 1997); O(n log n)
//     expected.
//
// Standardize divides each row by its sum (libpysal "R", spdep "W"); Binary
// sets every weight to 1; Symmetrize takes the union of W and its
// transpose (spdep's make.sym.nb). A city without neighbours is an island:
// its lag is 0 (as esda), and it has no local p-value.
//
// # Moran's I
//
// With z = y - mean(y), S0 = sum_ij w_ij, S1 = 1/2 sum_ij (w_ij + w_ji)^2,
// S2 = sum_i (w_i. + w_.i)^2 and b2 = n sum z^4 / (sum z^2)^2 (Cliff and Ord
// 1981; esda's Moran, spdep's moran.test):
//
//	I        = (n / S0) sum_ij w_ij z_i z_j / sum_i z_i^2
//	E[I]     = -1 / (n - 1)
//	Var_N[I] = (n^2 S1 - n S2 + 3 S0^2) / ((n^2 - 1) S0^2) - E[I]^2
//	Var_R[I] = [n ((n^2 - 3n + 3) S1 - n S2 + 3 S0^2) - b2 ((n^2 - n) S1 - 2n S2 + 6 S0^2)]
//	           / ((n - 1)(n - 2)(n - 3) S0^2) - E[I]^2
//
// z = (I - E[I]) / sqrt(Var) and one-tailed p = P(Z > |z|). The local Moran
// statistic (Anselin 1995) is I_i = (n - 1) z_i (Wz)_i / sum_k z_k^2, the
// scale of esda and GeoDa (spdep's localmoran reports n/(n-1) times it),
// with a z-score under conditional randomisation (Sokal et al. 1998, spdep
// localmoran's default) and a quadrant HH, LH, LL or HL by the signs of z_i
// and (Wz)_i.
//
// # Getis-Ord
//
// Gi* (Ord and Getis 1995) takes binary weights with each city its own
// neighbour, as spdep's localG on include.self() weights and ArcGIS's Hot
// Spot Analysis: Z_i = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n S1_i -
// W_i^2)/(n - 1))), S^2 = sum (x - xbar)^2 / n. GetisOrdG is the global
// general G (Getis and Ord 1992) with esda's moments.
//
// # Permutation tests
//
// Global Moran's I is compared with R random permutations of y over all
// cities; local Moran and Gi* with R conditional permutations (city i's
// value held, its K_i neighbours drawn without replacement from the other
// n - 1; esda crand.py, GeoDa). Every p-value is the folded pseudo p of
// esda's legacy default, GeoDa and spdep's "Pr(folded) Sim":
//
//	p = (min(#sim >= obs, #sim <= obs) + 1) / (R + 1)
//
// Permutation r of a statistic comes from its own PCG generator (math/rand/v2)
// seeded with (seed, statistic, r); as in esda and GeoDa, one conditional
// permutation serves every city. Work is split among cores freely and the
// counts are integers, so a seed gives the same p-values on any number of
// cores. Global: O(R (n + links)); local: O(R links), on all cores.
// FDR gives the Benjamini-Hochberg cut-off for a false discovery rate.
//
// # Gravity candidates
//
// Strongest finds each city's k strongest pulls mass_j / max(d_ij, floor)^beta
// by a best-first kd-tree search bounded by each subtree's largest mass, so
// that a large region's gravity links need not rank every pair.
//
// # Spillover
//
// Potential computes each city's innovation potential under a distance
// decay f: what it receives, P_i = sum_{j != i} s_j f(d_ij) (Harris 1954;
// Hansen 1959), what it emits, s_i sum_{j != i} f(d_ij), and its main
// source. O(n^2) time on all cores, O(n) memory.
//
// PotentialWithin bounds each city's relative error of Received and
// Emitted by a tolerance instead (exact up to ExactPotentialMax cities and
// at tolerance 0), with the main source still exact. Where the region is
// many decay scales wide a kd-tree sums far subtrees through bounds on the
// decay across each box, which prove the error (cost O(n log n) from the
// far field); where it is not, that bound opens nearly every subtree, and
// the pairs are summed with a decay kernel accurate to 1e-12, the main
// source found by a best-first search of the tree. The kernel is a table
// built once per sum: the decay as piecewise polynomials of degree 5 in
// the squared chord s = |p - q|^2 of the unit vectors (no square root,
// arcsine or exponential for most pairs), below a few intervals of s near
// 0 in the chord (exp) or as (R x)^-b times a table of
// (asin(x/2)/(x/2))^-b (whole powers b of 1 to 4), every interval checked
// against Decay.At when built; about 2.5 times as fast per pair as
// math.Exp of the haversine distance for exp, twice for powers.
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
