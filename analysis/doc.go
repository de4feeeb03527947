// Package analysis carries out a study of a region: it runs the graph and
// spatial packages on a data.Dataset and assembles one Result, the content
// of every report and export.
//
// # Tiers
//
// A city's ratio is its score over the regional mean. With cut points
// c1 > c2 > ... (default 5, 1, 0.5, the Fudan city innovation index's
// scheme), tier k holds ratios in [c_k, c_{k-1}); a ratio exactly on a cut
// point goes to the higher tier.
//
// # Inequality
//
// Mean; standard deviation with divisor n (population) and n-1 (sample);
// the coefficient of variation with each; Gini
//
//	G = sum_i (2i - n - 1) x_(i) / (n sum x)   (x ascending, i = 1..n)
//
// and Theil's T = sum_i s_i ln(n s_i), s_i = x_i / sum x, split over
// provinces g into T_between = sum_g s_g ln(s_g n / n_g) and
// T_within = T - T_between (PySAL inequality's gini.py and theil.py; Theil,
// "Economics and Information Theory", 1967). O(n log n).
//
// # Network
//
// The linkage network is the gravity model over great-circle distances
// (every pair below Parameters.FullBelow cities, each city's Keep strongest
// links above), the dataset's observed links, or both, each scaled to total
// 1 and mixed by LinkShare. See package graph for the measures.
//
// # Space
//
// The spatial weights are the dataset's contiguity ("neighbors", taken both
// ways) when it lists any, else each city's 6 nearest (at most n-1); kNN,
// distance-band and Delaunay weights are chosen by SpatialParameters.Weights,
// and row-standardised unless Standardize is binary. On them the study
// computes the spatial lag of the score, global Moran's I, local Moran with
// its LISA cluster and Getis-Ord Gi* (see package spatial for the formulas
// and the folded permutation p-values). A city is in a LISA cluster (its
// quadrant) when its local p is at most Alpha, or, with FDR, at most the
// Benjamini-Hochberg cut-off; a city without neighbours is "isolated". When
// every score is equal the statistics are undefined: null, with a warning.
// Parameters.Skip leaves out the network or the spatial stage.
package analysis
