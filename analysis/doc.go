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
// 1 and mixed by LinkShare. With Directed, gravity links become arcs both
// ways, city i sending k_ij = M_i/(M_i + M_j) of each; observed links carry
// the dataset's direction. See package graph for the measures.
//
// # Structure
//
// Clustering, Louvain communities (the best of Communities runs seeded from
// Seed, at Resolution, renumbered by size), k-cores, the Borgatti-Everett
// core and periphery, Burt's constraint and effective size, and
// Krackhardt's connectedness and hierarchy. In a directed network each city
// gets a role by the share of its linkage it sends, out/(in + out):
// radiating above 0.5 + RoleBand, receiving below 0.5 - RoleBand, brokering
// between. The regional-network literature reads out-strength as a city's
// radiation (辐射) and in-strength as its agglomeration (集聚) but fixes no
// cut-off, so the band is a parameter. Undefined values (NaN) are null in
// the results.
package analysis
