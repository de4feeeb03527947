// Package analysis carries out a study of a region: Run(ctx, ds, p) runs
// the graph and spatial packages on a data.Dataset with Parameters and
// assembles one Result, the content of every report and export. It imports
// data, graph, spatial, dynamics, geom and param, and never output or the
// command line; its parameters are typed values that parse and print
// themselves (Weights, Edges, Standardize, Stage, Sample, TierScheme,
// Classes, LagClasses, Group), and its errors
// name parameters (ParameterError), which the command line spells as
// flags.
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
// # Space
//
// The spatial weights are queen contiguity of the cities' boundaries when
// the dataset has polygons (vertices within SnapM metres are one point;
// listed neighbours are joined to it), else the dataset's contiguity
// ("neighbors", taken both ways) when it lists any, else each city's 6
// nearest (at most n-1); kNN,
// distance-band and Delaunay weights are chosen by SpatialParameters.Weights,
// and row-standardised unless Standardize is binary. On them the study
// computes the spatial lag of the score, global Moran's I, local Moran with
// its LISA cluster and Getis-Ord Gi* (see package spatial for the formulas
// and the folded permutation p-values). A city is in a LISA cluster (its
// quadrant) when its local p is at most Alpha, or, with FDR, at most the
// Benjamini-Hochberg cut-off; a city without neighbours is "isolated". When
// every score is equal the statistics are undefined: null, with a warning.
// Parameters.Skip leaves out the network (links, centrality, structure)
// or the spatial statistics; the weights are always built, as the pattern
// below uses them.
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
// the results. Its role in the directed linkage is reported as
// linkage_role; role is its place in the pattern below.
//
// # Positions
//
// The positions stage runs CONCOR (graph.Concor, depth 2, on the link
// weights) and names each block by Burt's rule from its flows of link
// weight (graph.BlockModel; on an undirected network each link counts as
// sent both ways, so only net benefit and broker can arise), with the
// block density matrix and its image; and it adds the whole-network
// measures: Krackhardt's efficiency and least upper boundedness, the
// average path length, diameter and global efficiency (in links; from the
// same number of sampled sources as the centrality when that is sampled),
// and the small-world sigma and omega against references seeded by Seed.
// Each is null with a warning above its size limit (ConcorMax, LUBMax,
// SmallWorldMaxAttempts) or where undefined.
//
// # Spillover
//
// With a distance decay f (exp(-d/lambda), lambda = 100 km by default, or
// d^-b), a city receives sum_{j != i} s_j f(d_ij) and emits
// s_i sum_{j != i} f(d_ij); its potential adds its own score (Harris 1954,
// Hansen 1959). Its main source is the city sending it the most. Tier 3-4
// cities ranked by what they receive are the latecomer candidates. These
// are structural potentials, not estimated causal effects. O(n^2) time,
// O(n) memory.
//
// # The pattern of strong cities
//
// Strong cities are those of tiers 1 and 2. A belt is a connected group of
// three or more strong cities in the spatial-neighbour graph; its spine is
// the longest path (in km) through the group's minimum spanning tree, read
// from its higher-scoring end. A pair is such a group of exactly two. A
// sector is a group of two or more strong cities outside belts and pairs
// linked by single linkage within SectorKm (none of them anyone's strong
// neighbour); its hub scores highest. An isolated hub is a strong city in
// none, reported with its neighbours' weighted mean score over the
// regional mean and its nearest strong city. The thresholds are
// knife-edges, so RunSweep reruns the pattern over a range of one
// parameter.
//
// # Defaults from the region
//
// Left unset, K of the kNN weights is round(sqrt(n)) capped at MaxAutoK
// and n-2, SectorKm a third of the region's span (its largest distance
// between two cities, O(n^2) up to 2,000 cities, else O(n) from the 8
// extreme cities) capped at MaxAutoSectorKm, and a band without a distance
// the smallest band without islands. Result.Scale records the choices and
// rules; a choice that makes more than MostOfRegion of all pairs of cities
// neighbours, or within SectorKm, is warned about.
//
// # Backbone
//
// Backbone chooses the links of the topological network measures (degree,
// binary clustering, k-cores, constraint and effective size,
// connectedness), which a complete network makes constant: the disparity
// filter of Serrano, Boguñá and Vespignani (2009), alpha_ij = (1 -
// w_ij/s_i)^(k_i - 1) kept below ALPHA at either end (graph.Disparity), or
// each city's K strongest links; auto filters at DefaultBackboneAlpha when
// the density exceeds DenseNetwork. The weighted measures read every link.
//
// # Trend
//
// With two or more years: mean, coefficients of variation and Gini per
// year (sigma convergence: the CV falls), the compound annual growth rate
// of the mean, (m_T/m_0)^(1/T) - 1, absolute beta convergence,
// (1/T) ln(y_T/y_0) = a + b ln y_0 by least squares with speed
// -ln(1 + bT)/T and half-life ln 2 / speed (Barro and Sala-i-Martin 1992),
// and the cities whose tier changed.
//
// # Dynamics
//
// With two or more years, the dynamics stage runs package dynamics on the
// panel read every Step-th year: the Markov chain of the cities' Classes
// (by default the study's tiers of each year's ratio to its mean; or
// quantile:K, pooled:K) with its transition counts and probabilities,
// steady state, mean first passage and sojourn times; the spatial Markov
// chain by the class of the spatial lag (LagClasses; the study's weights
// row-standardised, the lag's tiers taken against the year's mean score)
// with the homogeneity tests of Bickenbach and Bode (2003); the chain of
// LISA quadrants with its test of joint movement; Dagum's decomposition of
// every year's Gini by Group (province or Louvain community); and the
// Gaussian kernel density of every year's relative scores with Silverman's
// bandwidth. Undefined statistics are null with the reason in
// Dynamics.Undefined. Cost: O(T n log n + T L) for T years, n cities and
// L weight links; the 81-year, 48-state US panel takes a few milliseconds.
//
// # Spatial regression
//
// With Parameters.Model, the model stage (and FitModel alone) fits a
// spatial regression of the dataset's variables by package regression
// (OLS, SLX, SAR, SEM, SDM, SDEM, SAC as spatialreg; a panel with city,
// year or two-way effects, Lee-Yu corrected): coefficients, rho/lambda,
// impacts with seeded simulated standard errors, the LM tests of the OLS
// residuals and the LR tests of SDM against SAR and SEM, and the model
// they support (Elhorst 2010). Its weights (ModelWeights) are the study's,
// inverse distance idw:P[:KM], economic distance economic:VAR, or their
// product, row-standardised; every pair is linked only up to
// DenseWeightsMaxN cities. What the data make impossible (collinear or
// constant regressors, too few cities, a logarithm of a value <= 0, rho on
// its bound) is a data.Problems naming the file.
//
// # Limits and cancellation
//
// Run stops between stages, and inside every long one, when its context is
// done (an interrupted command), returning the context's cause. Links that
// grow with the square of the cities (gravity on every pair of a large
// region, Keep or knn:K near n, a distance band wider than the region) are
// refused past MaxLinks with a ParameterError naming the parameter, before
// they are built.
package analysis
