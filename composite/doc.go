// Package composite builds a composite score for each city from a table of
// indicators (R&D spending, patents, high-tech firms, graduates,
// investment, ...): the entropy-weight index, the CRITIC index, the
// equal-weight index, entropy-TOPSIS closeness, and the coupling
// coordination degree between subsystems (innovation and economy, say). It
// takes a Table of plain values and knows nothing of files, flags or
// datasets; it imports only the standard library and gonum, never another
// collab package.
//
// # What the method does
//
// Indicators have different units and directions, so each is first mapped
// onto [0, 1] by min-max normalisation, reversed for an indicator where
// less is better (written -C in an IndicatorList), so that 1 is always the
// best value observed and 0 the worst:
//
//	x'_ij = (x_ij - min_j) / (max_j - min_j) + s      more is better
//	x'_ij = (max_j - x_ij) / (max_j - min_j) + s      less is better
//
// where s is Options.Shift (0 by default; some papers add 0.0001 or 0.01
// so that no value is 0). Raw values may be negative: only max - min
// matters. Each indicator then gets a weight w_j (summing to 1), and a
// city's index is
//
//	index_i = 100 * sum_j w_j x'_ij
//
// (times 100, so that the index runs from 0, worst on every indicator, to
// 100, best on every one, when s = 0). The weights:
//
//   - Entropy (the default): an indicator whose values differ more across
//     cities carries more information and weighs more. With n rows,
//     p_ij = x'_ij / sum_i x'_ij, e_j = -1/ln(n) sum_i p_ij ln p_ij (with
//     0 ln 0 = 0, its limit), d_j = 1 - e_j and w_j = d_j / sum_k d_k.
//   - CRITIC (Diakoulaki, Mavrotas and Papayannakis 1995): an indicator
//     weighs more when it varies more and agrees less with the others.
//     C_j = sigma_j sum_k (1 - r_jk), w_j = C_j / sum_k C_k, with sigma_j
//     the standard deviation of x'_j and r_jk Pearson's correlation of
//     x'_j and x'_k. Weights.StdDev reports the sample standard deviation
//     (divisor n - 1, as R's sd and Excel's STDEV); the population one
//     (divisor n, numpy's default) multiplies every C_j by the same
//     sqrt((n-1)/n), so the weights are the same either way.
//   - Equal: w_j = 1/m for m indicators.
//
// TOPSIS (Hwang and Yoon 1981) follows the entropy-TOPSIS practice of the
// Chinese regional-innovation literature: it works on the same min-max
// normalised matrix (not the vector normalisation x / ||x|| of Hwang and
// Yoon), weighted by the entropy weights (Options.TOPSISWeights selects
// CRITIC or equal weights instead): v_ij = w_j x'_ij; the positive and
// negative ideals are V+_j = max_i v_ij and V-_j = min_i v_ij; the
// Euclidean distances D+_i = sqrt(sum_j (v_ij - V+_j)^2) and
// D-_i = sqrt(sum_j (v_ij - V-_j)^2); the score is the closeness
// C_i = D-_i / (D+_i + D-_i) in [0, 1] (not multiplied by 100).
//
// # Panels: pooled or per year
//
// In a panel (the same cities over several years) the default pools every
// city-year: min and max, the shares p_ij (n = cities x years rows, so
// e_j uses ln(cities x years)), the correlations and the TOPSIS ideals
// are taken over all years together, and one set of weights serves every
// year. This is the "global entropy" method: a city's score in 2021 is
// measured on the same scale as in 2011, so scores of different years are
// comparable and a rising score means the city improved. With
// Options.PerYear each year is normalised and weighted alone, with its
// own weights (one Weights per year): a score then says where a city
// stands between the worst and the best city of that year, and a change
// in it says only that the city moved within that year's range, not that
// it improved. If every indicator of every city
// doubles from one year to the next, pooled scores rise every year while
// per-year scores stay exactly the same.
//
// # Coupling coordination degree
//
// For K >= 2 subsystems, each a group of indicators (Subsystems, spelt
// "innovation:A,B;economy:C,D"), each subsystem's index U_k is computed
// from its own indicators with its own weights on the [0, 1] scale (the
// weighted sum without the factor 100, or the TOPSIS closeness). Then
//
//	C = K (prod_k U_k / (sum_k U_k)^K)^(1/K)   coupling, in [0, 1]
//	T = sum_k a_k U_k                          comprehensive index
//	D = sqrt(C T)                              coupling coordination
//
// with shares a_k >= 0 summing to 1 (equal, 1/K, by default). C is the
// geometric mean of the U_k over their arithmetic mean: 1 when the
// subsystems are equally developed, 0 when some U_k is 0. D is
// classed in ten grades of width 0.1 (Grade): extreme disorder [0, 0.1),
// serious disorder [0.1, 0.2), moderate disorder [0.2, 0.3), mild
// disorder [0.3, 0.4), on the verge of disorder [0.4, 0.5), barely
// coordinated [0.5, 0.6), primary coordination [0.6, 0.7), intermediate
// coordination [0.7, 0.8), good coordination [0.8, 0.9) and quality
// coordination [0.9, 1]; a D exactly on a cut point belongs to the higher
// grade. When every U_k of a city is 0, C is 0/0 and is reported as
// undefined (Coordination.CDefined false); D is then 0, its limit.
//
// # Input and errors
//
// A Table holds Values[period][column][city], with a Missing mask of the
// same shape (nil where nothing is missing). Errors are *Error values
// naming the parameter and, where it applies, the indicator, city and
// year: an indicator with no variation (min = max: normalisation divides
// by zero and the entropy is undefined), a negative shift where the
// entropy (ln p) or the coupling degree (geometric mean) needs values
// >= 0, an indicator that is not a column (with the nearest column name by
// edit distance), fewer than two cities, alpha not summing to 1. Missing
// values give a *MissingError listing every missing cell, or with
// MissingDrop the cities are dropped (from every year, so that a panel
// stays balanced) and listed in Result.Dropped.
//
// # Use
//
// A reader builds the Table with NewTable(city ids, years or nil, column
// names), fills Values[p][j][i] and calls SetMissing for absent values.
// IndicatorList, Subsystems, Method and MissingPolicy implement
// encoding.TextUnmarshaler and TextMarshaler, so a command line reads
// "rd,patents,-energy", "innovation:rd,patents;economy:gdp,-energy",
// "entropy|critic|equal|topsis" and "error|drop" with them directly
// (flag.TextVar, say) and spells them back in its parameters. Score returns
// the score of each city in each period with the weight tables;
// Coordinate the subsystem indices and the coupling of each city;
// CouplingDegree the coupling of one city's subsystem indices.
//
// # Complexity
//
// With T periods, n cities and m indicators: the entropy, equal and TOPSIS
// scores take O(T n m) time, CRITIC O(T n m^2); memory O(T n m) for the
// normalised matrix. Functions that take a context check it once per
// indicator and return ctx.Err() when it is done.
//
// # References
//
// Diakoulaki D., Mavrotas G., Papayannakis L. (1995). Determining objective
// weights in multiple criteria problems: the CRITIC method. Computers &
// Operations Research 22(7), 763-770.
//
// Hwang C.-L., Yoon K. (1981). Multiple Attribute Decision Making: Methods
// and Applications. Springer.
//
// Shannon C. E. (1948). A mathematical theory of communication. Bell System
// Technical Journal 27, 379-423 (the entropy of the shares).
//
// Liao C. (1999). Quantitative judgement and classification system for
// coordinated development of environment and economy (in Chinese).
// Tropical Geography 19(2), 171-177: the coupling coordination degree
// D = sqrt(C T) and its grades of width 0.1; the K-subsystem coupling
// C = K (prod U_k / (sum U_k)^K)^(1/K) is its common generalisation.
package composite
