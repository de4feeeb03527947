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
// for large regions, keeping each node's strongest links; GravityAmong
// links given candidates (each city's strongest, found by a spatial index
// without ranking every pair: spatial.Strongest). GravityDirected
// splits each link into arcs both ways by the modified gravity model of the
// regional-network literature, R_i->j = M_i/(M_i + M_j) R_ij, so that out-
// and in-strength tell a city that radiates linkage from one that receives
// it.
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
//     harmonic_centrality, unnormalised). On a directed network, closeness
//     and harmonic closeness measure distances into a node, as NetworkX's do.
//   - PageRank with damping 0.85, weighted, dangling nodes jumping uniformly
//     (NetworkX's pagerank), and eigenvector centrality with unit Euclidean
//     norm (NetworkX's eigenvector_centrality), both by power iteration,
//     O(m) per iteration.
//
// # Structure
//
//   - Clustering: binary, and weighted by Onnela et al.'s geometric mean of
//     each triangle's weights over the largest weight (NetworkX's
//     clustering); Fagiolo's directed triangles on directed networks.
//     Triangles listed once each, O(m^1.5).
//   - CoreNumbers: the k-core number of each node (Batagelj and Zaversnik,
//     O(n + m)); CorePeriphery: Borgatti and Everett's continuous coreness
//     by preconditioned conjugate gradients, its fit, and the core of their
//     discrete model, O(n + m) per iteration.
//   - StructuralHoles: Burt's constraint and effective size with mutual
//     weights (NetworkX's constraint and effective_size), O(sum k^2).
//   - Louvain: communities by gonum's community.Modularize with a seeded
//     source, the best of several seeded runs, renumbered by size; and
//     Modularity, Newman's Q with a resolution, directed when the network
//     is (NetworkX's modularity), O(n + m).
//   - Leiden (Traag, Waltman and van Eck, "From Louvain to Leiden:
//     guaranteeing well-connected communities", Sci. Rep. 9, 2019) on the
//     network's own rows, for the same modularity: fast local moves, a
//     greedy refinement that keeps every community connected, aggregation;
//     O(m) a pass, seeded, the same partition on any number of cores, ctx
//     checked every few hundred nodes. Louvain hands networks of more than
//     LouvainGonumMaxNodes (10,000) nodes to it, so that every partition
//     up to that size stays gonum's. gonum's Modularize and igraph's
//     community_multilevel are its tests' independent checks.
//   - Connectedness and Hierarchy: Krackhardt's measures of the whole
//     network (R sna, UCINET).
//
// gonum's graph/network computes the same quantities over its own graph
// types, but serially, through maps, and (for closeness) without the
// Wasserman-Faust correction needed on disconnected networks; the tests
// check this package against it and against NetworkX.
package graph
