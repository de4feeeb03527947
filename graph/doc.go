// Package graph holds the linkage network of a region and the measures that
// social-network analysis reports on it. It takes plain Go values (node
// indices, masses, a distance function, edge lists) and knows nothing of
// files or datasets.
//
// # Network
//
// A Network stores n nodes and m weighted links as compressed sparse rows:
// memory O(n + m), links visited in a fixed order so that every result is
// reproducible. Weights are linkage strengths (larger = closer); every path
// measure uses the length 1/w of a link.
//
// Gravity builds links from the gravity model
//
//	R_ij = M_i M_j / max(d_ij, 1 km)^beta
//
// (Zipf 1946; beta = 2 is the regional-science default), over all pairs or,
// for large regions, keeping each node's strongest links.
//
// # Measures
//
//   - Degree and strength (sum of link weights); in and out parts when
//     directed. Density 2m/(n(n-1)) (m/(n(n-1)) directed). Connected
//     components by breadth-first search, O(n + m).
//   - ShortestPaths: betweenness, closeness and harmonic closeness from one
//     Dijkstra search per source (Brandes, "A faster algorithm for
//     betweenness centrality", J. Math. Sociol. 25, 2001), parallel over
//     sources, O(n m log n) time. Betweenness is normalised by the number of
//     pairs of other nodes, (n-1)(n-2)/2 (NetworkX's default); closeness is
//     Wasserman and Faust's (r-1)/(n-1) * (r-1)/sum d for a node reaching r-1
//     others (NetworkX's default, "Social Network Analysis", 1994);
//     harmonic closeness is sum 1/d (Marchiori and Latora 2000; NetworkX's
//     harmonic_centrality, unnormalised).
//   - PageRank with damping 0.85, weighted, dangling nodes jumping uniformly
//     (NetworkX's pagerank), and eigenvector centrality with unit Euclidean
//     norm (NetworkX's eigenvector_centrality), both by power iteration,
//     O(m) per iteration.
//
// gonum's graph/network computes the same quantities over its own graph
// types, but serially, through maps, and (for closeness) without the
// Wasserman-Faust correction needed on disconnected networks; the tests
// check this package against it and against NetworkX.
package graph
