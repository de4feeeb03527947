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
//
// # Positions
//
//   - Concor: CONCOR block models (Breiger, Boorman and Arabie 1975) as R
//     concorR defines them: the columns of the adjacency stacked on its
//     transpose (diagonal missing) are correlated pairwise, the
//     correlation matrix is correlated again until every entry passes
//     0.9999999 in absolute value (at most 51 times), and each block splits
//     by the signs reached; depth 2 by default (four blocks, the isolates
//     apart). The first correlations come from the sparse links,
//     O(g^2 + n k^2); the first iterations are dense g x g products, of
//     which only the upper triangle is computed, O(g^3/2 multiply-adds,
//     by internal/crossprod's SIMD kernels); once the correlations are
//     F F' to within 1e-13 with F of r << g columns (each iteration
//     roughly squares the spectrum), the iteration runs on F in
//     O(g r^2 + r^3), with the dense iteration's blocks and iteration
//     counts. 0.76 s for 2,000 cities with each city's 8 strongest links,
//     2.4 s with every pair linked, on the project's 2-core machine
//     (docs/PERFORMANCE.md): the full-rank first iterations remain O(g^3).
//   - BlockModel: for a partition of a directed network, each block's links
//     sent inside, sent out and received from outside, its expected
//     internal share (g_k - 1)/(g - 1), its actual internal share and its
//     inflow share received/(received + sent) across its boundary, and
//     Burt's (1976) four roles: internal share >= expected and hardly
//     receiving (inflow under 1/3 by default) is bidirectional spillover,
//     >= expected and receiving net benefit, < expected and hardly
//     receiving net spillover, < expected and receiving broker. With the
//     block density matrix and its image (1 where a block pair's density
//     exceeds the network's). O(n + m + K^2).
//
// # QAP
//
// Dyadic matrices (Dyadic: n x n, the diagonal ignored) are built from a
// distance function (DistanceMatrix), group labels (SameGroupMatrix),
// scores (GapMatrix, |s_i - s_j|) or links (LinkMatrix).
//
//   - QAPCorrelate: Pearson's r over the n(n-1) ordered pairs (or the
//     n(n-1)/2 unordered ones, Symmetric) and its permutation test, as R
//     sna's gcor and qaptest: the shares of relabelled matrices whose r is
//     as large as and as small as the observed one. O(R n^2).
//   - MRQAP: least squares over the pairs, classical standard errors, t,
//     standardised coefficients and R^2 as sna's netlm, and p-values by
//     Dekker, Krackhardt and Snijders' (2007) double semi-partialling
//     (netlm's nullhyp = "qapspp", t statistic): each predictor's residual
//     from the others is relabelled. A permutation costs p + 1 passes over
//     the pairs per term, from an orthonormal basis of the other terms
//     computed once, O(R p^2 n^2).
//
// Permutations default to 2000; permutation r draws from its own PCG
// generator seeded with (Seed, r) and the workers write only their own
// statistics, so p-values are the same on any number of cores.
//
// # Whole network
//
//   - PathSummary: average shortest path length and diameter in hops and
//     over lengths 1/w (NetworkX's average_shortest_path_length and
//     diameter), over the largest component (strongly connected when
//     directed), since they are undefined on a disconnected network, with
//     the component's size and whether it is the whole network; global
//     efficiency (Latora and Marchiori 2001; NetworkX's global_efficiency,
//     unweighted), the mean of 1/d over all ordered pairs, and its variant
//     over lengths 1/w. One BFS and one Dijkstra search per node, in
//     parallel, O(n m log n). EstimatePathSummary takes its sources as
//     ShortestPaths samples them (unbiased means, lower-bound diameters);
//     EstimateHopSummary makes only the breadth-first searches, O(K (n + m)).
//   - KrackhardtEfficiency and LeastUpperBoundedness: Krackhardt's (1994)
//     efficiency and LUB as R sna's efficiency and lubness compute them on
//     the 0/1 adjacency; the ok result is false where sna divides by 0.
//   - SmallWorld: sigma = (C/Cr)/(L/Lr) and omega = Lr/L - C/Cl as
//     NetworkX's sigma and omega, over the largest connected component:
//     random references by degree-preserving double edge swaps that keep
//     the network connected (Maslov and Sneppen 2002), lattice references
//     by the swaps that bring links nearer the diagonal in ring order
//     (Sporns and Zwi 2004); niter 100 (sigma) and 5 (omega), 10
//     references each, each reference seeded on its own.
//
// Backbones: Disparity gives each link the disparity filter's alpha,
// the smaller over its ends of (1 - w_ij/s_i)^(k_i - 1) (Serrano, Boguñá
// and Vespignani 2009, PNAS 106(16); directed: out-links at the source,
// in-links at the target; 1 at an end of degree 1), O(n + m); Strongest
// marks each node's k strongest links, O(m log m); Keep builds the network
// of the links marked.
//
// The measures of these three sections return no NaN or Inf: an undefined
// value is a nil pointer, a false ok or an error saying why. The package
// must not import collab/analysis, collab/output, collab/data or the
// command.
package graph
