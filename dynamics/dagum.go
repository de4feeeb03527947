package dynamics

import (
	"fmt"
	"math"
	"slices"
)

// DagumResult is Dagum's (1997) decomposition of the Gini coefficient by
// group: G = Within + NetBetween + Transvariation.
type DagumResult struct {
	// Gini is G = sum_ij |y_i - y_j| / (2 n^2 mu) over all cities.
	Gini float64 `json:"gini"`
	// Size and Mean are each group's n_j and mu_j (groups 0..g-1).
	Size []int     `json:"size"`
	Mean []float64 `json:"mean"`
	// GroupGini[j] is G_jj, the Gini of group j alone.
	GroupGini []float64 `json:"group_gini"`
	// Between[j][h] is G_jh = sum_i sum_r |y_ji - y_hr| / (n_j n_h (mu_j + mu_h));
	// the diagonal is G_jj.
	Between [][]float64 `json:"between"`
	// Within = sum_j G_jj p_j s_j with p_j = n_j / n, s_j = n_j mu_j / (n mu).
	Within float64 `json:"within"`
	// NetBetween = sum_{j<h} G_jh (p_j s_h + p_h s_j) D_jh and Transvariation
	// the same sum with (1 - D_jh); D_jh = (d_jh - p_jh) / (d_jh + p_jh), d_jh
	// the sum of the gaps y_ji - y_hr > 0 of the richer group j over h and
	// p_jh of the opposite gaps (D_jh = 0 when both vanish).
	NetBetween     float64 `json:"net_between"`
	Transvariation float64 `json:"transvariation"`
	// Shares are the three parts divided by G; nil when G = 0.
	Shares *DagumShares `json:"shares"`
}

// DagumShares are the parts of Dagum's decomposition as fractions of G.
type DagumShares struct {
	Within         float64 `json:"within"`
	NetBetween     float64 `json:"net_between"`
	Transvariation float64 `json:"transvariation"`
}

// Dagum decomposes the Gini of values (finite, >= 0, positive mean) by
// groups[i] in 0..g-1, every group non-empty with a positive mean. The
// pairwise sums of |y_ji - y_hr| come from the sorted groups in
// O(n log n + g^2 n): no n x n table.
func Dagum(values []float64, groups []int) (*DagumResult, error) {
	sorted, err := sortedGroups(values, groups)
	if err != nil {
		return nil, err
	}
	g := len(sorted)
	n := float64(len(values))
	r := &DagumResult{Size: make([]int, g), Mean: make([]float64, g), GroupGini: make([]float64, g), Between: make([][]float64, g)}
	var total float64
	sums := make([]float64, g)
	for j, ys := range sorted {
		r.Size[j] = len(ys)
		for _, y := range ys {
			sums[j] += y
		}
		r.Mean[j] = sums[j] / float64(len(ys))
		if !(r.Mean[j] > 0) {
			return nil, fmt.Errorf("dynamics: groups: group %d has mean %v: its Gini needs a positive mean", j, r.Mean[j])
		}
		total += sums[j]
		r.Between[j] = make([]float64, g)
	}
	mu := total / n
	var allPairs float64 // sum over ordered pairs of cities of |y_i - y_j|
	for j := range g {
		nj := float64(r.Size[j])
		pj, sj := nj/n, sums[j]/total
		within := absGapSum(sorted[j], sorted[j])
		allPairs += within
		r.GroupGini[j] = within / (2 * nj * nj * r.Mean[j])
		r.Between[j][j] = r.GroupGini[j]
		r.Within += r.GroupGini[j] * pj * sj
		for h := range j {
			nh := float64(r.Size[h])
			ph, sh := nh/n, sums[h]/total
			gaps := absGapSum(sorted[j], sorted[h])
			allPairs += 2 * gaps
			gjh := gaps / (nj * nh * (r.Mean[j] + r.Mean[h]))
			r.Between[j][h], r.Between[h][j] = gjh, gjh
			weight := gjh * (pj*sh + ph*sj)
			d := affluence(gaps, nh*sums[j]-nj*sums[h])
			r.NetBetween += weight * d
			r.Transvariation += weight * (1 - d)
		}
	}
	r.Gini = allPairs / (2 * n * n * mu)
	if r.Gini > 0 {
		r.Shares = &DagumShares{Within: r.Within / r.Gini, NetBetween: r.NetBetween / r.Gini, Transvariation: r.Transvariation / r.Gini}
	}
	return r, nil
}

// affluence returns Dagum's D_jh = |d - p| / (d + p) from the sum of the
// absolute gaps d + p and their signed sum d - p = n_h S_j - n_j S_h; 0 when
// the groups hold one and the same value.
func affluence(absGaps, signedGaps float64) float64 {
	if absGaps == 0 {
		return 0
	}
	return min(1, math.Abs(signedGaps)/absGaps)
}

// sortedGroups checks the input and returns each group's values ascending.
func sortedGroups(values []float64, groups []int) ([][]float64, error) {
	if len(values) == 0 {
		return nil, fmt.Errorf("dynamics: values: none given")
	}
	if len(groups) != len(values) {
		return nil, fmt.Errorf("dynamics: groups: %d groups for %d values", len(groups), len(values))
	}
	g := 0
	for i, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return nil, fmt.Errorf("dynamics: values: value %d is %v, want a finite number >= 0", i, v)
		}
		if groups[i] < 0 {
			return nil, fmt.Errorf("dynamics: groups: city %d has group %d, want >= 0", i, groups[i])
		}
		g = max(g, groups[i]+1)
	}
	out := make([][]float64, g)
	for i, v := range values {
		out[groups[i]] = append(out[groups[i]], v)
	}
	for j, ys := range out {
		if len(ys) == 0 {
			return nil, fmt.Errorf("dynamics: groups: group %d has no city (groups must be numbered 0..%d)", j, g-1)
		}
		slices.Sort(ys)
	}
	return out, nil
}

// absGapSum returns sum_a sum_b |a - b| over two ascending slices by one
// merge: each a is preceded by the b below it, whose count and sum give
// a's gaps to them; the rest lie above.
func absGapSum(as, bs []float64) float64 {
	var totalB float64
	for _, b := range bs {
		totalB += b
	}
	var out, below float64
	k := 0
	for _, a := range as {
		for k < len(bs) && bs[k] < a {
			below += bs[k]
			k++
		}
		nBelow, nAbove := float64(k), float64(len(bs)-k)
		out += (a*nBelow - below) + ((totalB - below) - a*nAbove)
	}
	return out
}
