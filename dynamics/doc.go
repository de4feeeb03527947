// Package dynamics describes how a distribution of scores moves over time:
// Markov chains of classes (classic, spatial, LISA), Dagum's decomposition
// of the Gini coefficient by group, and kernel densities year by year. It
// takes plain Go values: a panel scores[t][i] (year t in order, city i),
// class labels [t][i], group labels, and a *spatial.Weights; it knows
// nothing of files, datasets or flags.
//
// # Classes
//
// A Scheme says how values are classed ("tiers", "quantile:K",
// "pooled:K"; encoding.TextMarshaler and TextUnmarshaler read and write
// that spelling):
//
//   - Tiers: the caller's labels 0..K-1 (the study's tiers).
//   - Quantile: each year's own quantiles, as giddy's Markov on per-year
//     mapclassify Quantiles (Spatial_Markov with fixed=False).
//   - Pooled: the relative value x_it = y_it / mean_i(y_it), classed by the
//     quantiles of all city-years pooled (giddy's fixed=True on relative
//     incomes).
//
// Quantiles are mapclassify's Quantiles: the upper bounds are the
// percentiles 100j/K, j = 1..K, linearly interpolated between order
// statistics (index p/100 (n - 1), scipy's scoreatpercentile, numpy's
// default), duplicates dropped (ties can leave fewer classes); a value
// belongs to the first class whose bound is >= it. The arithmetic follows
// numpy and scipy step by step, so that a value on a bound falls the same
// side (the tests compare every bound of 81 years bit for bit).
//
// Options.Step reads the panel every Step years (rows 0, Step, 2 Step, ...);
// transitions run between consecutive rows read, and pooled quantiles pool
// the rows read.
//
// # Classic Markov chain
//
// With n_ij the number of cities in class i in one year read and class j in
// the next, p_ij = n_ij / n_i (maximum likelihood; Rey 2001). A class never
// seen at the start of a transition has an all-zero row (Chain.EmptyRows);
// for the long-run properties it is taken as absorbing, p_ii = 1, as giddy's
// fill_empty_classes. Then (Kemeny and Snell 1976):
//
//   - communicating classes: the strongly connected components of i -> j
//     for p_ij > 0; recurrent when no arc leaves; irreducible when one;
//   - stationary distributions pi = pi P, one per recurrent class, by the
//     Grassmann-Taksar-Heyman elimination (Grassmann et al. 1985), which
//     never subtracts; the steady state is defined when there is one
//     recurrent class;
//   - mean first passage times of an irreducible chain from the
//     fundamental matrix Z = (I - P + 1 pi)^-1: m_ij = (delta_ij - z_ij +
//     z_jj) / pi_j, m_jj = 1 / pi_j the mean recurrence time;
//   - sojourn times 1 / (1 - p_ii), undefined (infinite) for an absorbing
//     class.
//
// Undefined statistics are nil and Undefined says why; nothing is NaN or
// infinite.
//
// # Spatial Markov chain
//
// Rey (2001): the transitions of a city are split by the class of its
// spatial lag (Wy)_i in the year each starts, W row-standardised (a city
// without neighbours has lag 0), the lag classed by its own scheme (the
// same by default; per-year quantiles of the lag of the scores, pooled
// quantiles of the lag of the relative scores, or the caller's lag tiers).
// Each lag class l has its chain P(l). Homogeneity (Bickenbach and Bode
// 2003, giddy's homogeneity), with p_ij pooled over the m lag classes:
//
//	Q   = sum_l sum_i n_il sum_j (p_ijl - p_ij)^2 / p_ij      (p_ij > 0)
//	LR  = 2 sum_l sum_ij n_ijl ln(p_ijl / p_ij)                (n_ijl > 0)
//	dof = sum_i (b_i - 1)(a_i - 1)
//
// b_i the lag classes observing row i, a_i the positive pooled p_ij; both
// are chi-square(dof) under homogeneity (upper tails from gonum's
// distuv.ChiSquared). giddy counts a row observed nowhere as one degree of
// freedom; here it counts none (they agree when every row is observed).
// Each lag class is also compared with the pooled probabilities by
// giddy's chi2 (LagVersusGlobal).
//
// # LISA Markov chain
//
// Rey (2001), giddy's LISA_Markov: each year a city is in the quadrant HH
// = 1, LH = 2, LL = 3 or HL = 4 of the Moran scatterplot (own deviation z =
// y - mean, lag Wz; high when > 0, as esda's Moran_Local), and the chain
// runs on the quadrants. The test of joint movement compares the observed
// moves with those expected if a city's own moves (y below or not below
// the year's mean) and its lag's (Wy against the same mean) were
// independent: E = diag(n_i) (P_own (x) P_lag), reordered to the quadrants,
// chi-square with (4 - 1)(4 - 1) degrees of freedom when every quadrant is
// visited. giddy's code computes this on the panel transposed (each
// state's mean over time, "moves" between consecutive states in a year),
// so its documented chi_2 = 1058.208 on the US incomes is not this test;
// the one defined here gives 60.327 there (the tests reproduce both).
//
// # Dagum's Gini decomposition
//
// Dagum (1997): with g groups of n_j values, means mu_j, p_j = n_j / n and
// s_j = n_j mu_j / (n mu),
//
//	G    = sum_j sum_h sum_i sum_r |y_ji - y_hr| / (2 n^2 mu)
//	G_jj = sum_i sum_r |y_ji - y_jr| / (2 n_j^2 mu_j)
//	G_jh = sum_i sum_r |y_ji - y_hr| / (n_j n_h (mu_j + mu_h))
//	D_jh = (d_jh - p_jh) / (d_jh + p_jh)   (mu_j >= mu_h)
//	G_w  = sum_j G_jj p_j s_j
//	G_nb = sum_{j<h} G_jh (p_j s_h + p_h s_j) D_jh
//	G_t  = sum_{j<h} G_jh (p_j s_h + p_h s_j) (1 - D_jh)
//
// d_jh the sum of the gaps y_ji - y_hr > 0, p_jh of the opposite gaps;
// G = G_w + G_nb + G_t exactly, and with one group G = G_w = G_11. The
// pairwise sums come from sorted groups by merging: O(n log n + g n).
//
// # Densities
//
// The Gaussian kernel density of each year's relative scores,
// f(x) = 1/(n h) sum_i phi((x - x_i)/h), with Silverman's rule of thumb
// h = 0.9 min(sd, IQR/1.34) n^(-1/5) (Silverman 1986, eq. 3.31; R's bw.nrd0,
// with its fallbacks when the minimum is 0), sd with n - 1, IQR from
// linearly interpolated quartiles. One grid serves every year: from the
// least x_i - 6 h to the largest x_i + 6 h, evenly spaced at most h_min / 2
// apart and at least 512 points; on it the trapezoid rule integrates each
// density to 1 within 1e-8. Cost O(years n h/step), one exp per city.
//
// # Complexity
//
// For T years read, n cities, K classes and L links: classing O(T n log n);
// counting O(T n); the ergodic properties O(K^3); the spatial lag O(T (n +
// L)); Dagum O(n log n + g n) a year. Nothing is n x n. The whole study of
// the 81-year, 48-state US panel (classic, spatial and LISA Markov chains,
// Dagum by census region every year, 81 densities) takes about 5 ms on one
// core (BenchmarkAnalyze).
//
// # References
//
//   - Bickenbach, F. and Bode, E. (2003). Evaluating the Markov property in
//     studies of economic convergence. International Regional Science
//     Review 26(3), 363-392.
//   - Dagum, C. (1997). A new approach to the decomposition of the Gini
//     income inequality ratio. Empirical Economics 22(4), 515-531.
//   - Grassmann, W. K., Taksar, M. I. and Heyman, D. P. (1985). Regenerative
//     analysis and steady state distributions for Markov chains.
//     Operations Research 33(5), 1107-1116.
//   - Kemeny, J. G. and Snell, J. L. (1976). Finite Markov Chains. Springer.
//   - Rey, S. J. (2001). Spatial empirics for economic growth and
//     convergence. Geographical Analysis 33(3), 195-214.
//   - Silverman, B. W. (1986). Density Estimation for Statistics and Data
//     Analysis. Chapman and Hall.
//   - giddy (PySAL), giddy/markov.py and giddy/ergodic.py; mapclassify,
//     mapclassify/classifiers.py: the reference implementations and their
//     documented examples on the US state incomes (testdata/).
//
// # Imports
//
// dynamics imports the standard library, gonum and collab/spatial (for
// its Weights) only; never collab/analysis, collab/output, collab/data or
// cmd.
package dynamics
