package dynamics

import (
	"fmt"
	"math"
	"slices"
)

// DefaultGridPoints is the least number of grid points of Densities.
const DefaultGridPoints = 512

// DensityResult holds Gaussian kernel densities of relative scores, one per
// year, on one grid shared by every year (so that years can be overlaid).
type DensityResult struct {
	// Grid is ascending and evenly spaced.
	Grid  []float64     `json:"grid"`
	Years []YearDensity `json:"years"`
	// Rule names the bandwidth rule.
	Rule string `json:"bandwidth_rule"`
}

// YearDensity is one year's density on the grid.
type YearDensity struct {
	// Year is the index of the panel row.
	Year      int       `json:"year"`
	Bandwidth float64   `json:"bandwidth"`
	Density   []float64 `json:"density"`
}

// BandwidthRule is the rule Densities uses, as R's bw.nrd0.
const BandwidthRule = "Silverman's rule of thumb 0.9 min(sd, IQR/1.34) n^(-1/5) (R bw.nrd0)"

// Densities returns, for every year t of scores[t][i], the Gaussian kernel
// density of the relative scores x_i = y_i / mean_t(y):
//
//	f_t(x) = 1/(n h_t) sum_i phi((x - x_i) / h_t)
//
// with h_t = Silverman's rule (Bandwidth). The grid runs from the least x_i
// - 6 h_t to the largest x_i + 6 h_t over all years (the kernel mass left
// outside is below 2e-9) in steps of at most min_t h_t / 2, and at least
// points points (0 means DefaultGridPoints). On such a grid the trapezoid
// rule integrates each density to 1 within 1e-8: the tails cut off weigh
// below 2e-9 and, for a Gaussian sampled every h/2 or finer, the trapezoid
// error is about 2 exp(-8 pi^2), nothing. Cost O(years n points).
func Densities(scores [][]float64, points int) (*DensityResult, error) {
	if points == 0 {
		points = DefaultGridPoints
	}
	if points < 2 {
		return nil, fmt.Errorf("dynamics: points must be >= 2, got %d", points)
	}
	years := make([]int, len(scores))
	for t := range years {
		years[t] = t
	}
	for t, row := range scores {
		if i, ok := finiteRow(row); !ok {
			return nil, fmt.Errorf("dynamics: scores: city %d in year %d is %v", i, t, row[i])
		}
	}
	rel, err := relativeTo(scores, scores, years)
	if err != nil {
		return nil, err
	}
	res := &DensityResult{Rule: BandwidthRule, Years: make([]YearDensity, len(rel))}
	lo, hi, hMin := math.Inf(1), math.Inf(-1), math.Inf(1)
	for t, x := range rel {
		h, err := Bandwidth(x)
		if err != nil {
			return nil, fmt.Errorf("dynamics: scores: year %d: %w", t, err)
		}
		res.Years[t] = YearDensity{Year: t, Bandwidth: h}
		lo = min(lo, slices.Min(x)-6*h)
		hi = max(hi, slices.Max(x)+6*h)
		hMin = min(hMin, h)
	}
	if len(rel) == 0 {
		return nil, fmt.Errorf("dynamics: scores: empty panel")
	}
	// Compared as a float: a bandwidth of 1e-300 asks for more points than
	// an int holds, and the conversion would wrap to a negative count.
	needed := math.Ceil((hi-lo)/(hMin/2)) + 1
	if !(needed <= maxGridPoints) {
		return nil, fmt.Errorf("dynamics: scores: the densities need %g grid points (range %g, least bandwidth %g), more than %d", needed, hi-lo, hMin, maxGridPoints)
	}
	need := int(needed)
	res.Grid = evenGrid(lo, hi, max(points, need))
	for t, x := range rel {
		res.Years[t].Density = gaussianKDE(x, res.Years[t].Bandwidth, res.Grid)
	}
	return res, nil
}

// maxGridPoints bounds the grid: a panel whose least bandwidth is tiny
// next to its range (one city far above the rest) would need more.
const maxGridPoints = 1 << 20

func evenGrid(lo, hi float64, points int) []float64 {
	grid := make([]float64, points)
	step := (hi - lo) / float64(points-1)
	for k := range grid {
		grid[k] = lo + float64(k)*step
	}
	grid[points-1] = hi
	return grid
}

// gaussianKDE evaluates the density of x with bandwidth h on the even
// grid. A kernel is summed only within 9 h of its centre, where the rest
// of it is below exp(-40) of its peak. On an even grid the kernel needs
// one exp per data point, not one per grid point: with d = step/h and u the
// scaled distance of the grid point nearest x_i,
//
//	phi(u + (k+1) d) / phi(u + k d) = exp(-(u + k d) d - d^2/2) = r_k,  r_{k+1} = r_k exp(-d^2)
//
// so each step away from the peak is two multiplications (and likewise
// downwards). The products drift by about k^2/2 roundings after k steps,
// 1e-12 relative where the kernel is still above exp(-40).
func gaussianKDE(x []float64, h float64, grid []float64) []float64 {
	out := make([]float64, len(grid))
	step := grid[1] - grid[0]
	d := step / h
	shrink := math.Exp(-d * d)
	reach := int(math.Ceil(9 * h / step))
	for _, xi := range x {
		peak := min(len(grid)-1, max(0, int(math.Round((xi-grid[0])/step))))
		u := (grid[peak] - xi) / h
		top := math.Exp(-0.5 * u * u)
		out[peak] += top
		e, r := top, math.Exp(-u*d-d*d/2)
		for k := peak + 1; k < len(grid) && k <= peak+reach; k++ {
			e *= r
			r *= shrink
			out[k] += e
		}
		e, r = top, math.Exp(u*d-d*d/2)
		for k := peak - 1; k >= 0 && k >= peak-reach; k-- {
			e *= r
			r *= shrink
			out[k] += e
		}
	}
	norm := 1 / (float64(len(x)) * h * math.Sqrt(2*math.Pi))
	for k := range out {
		out[k] *= norm
	}
	return out
}

// Bandwidth returns Silverman's rule-of-thumb bandwidth as R's bw.nrd0:
// 0.9 min(sd, IQR/1.34) n^(-1/5), sd the sample standard deviation (n - 1)
// and IQR from linearly interpolated quartiles (R's type 7, numpy's
// default). When that minimum is 0 it falls back, as bw.nrd0, to sd, then
// |x_1|, then 1. At least two values are needed.
func Bandwidth(x []float64) (float64, error) {
	n := len(x)
	if n < 2 {
		return 0, fmt.Errorf("bandwidth: need at least 2 values, got %d", n)
	}
	var mean float64
	for _, v := range x {
		mean += v
	}
	mean /= float64(n)
	var ss float64
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	sd := math.Sqrt(ss / float64(n-1))
	sorted := slices.Clone(x)
	slices.Sort(sorted)
	iqr := type7(sorted, 0.75) - type7(sorted, 0.25)
	lo := min(sd, iqr/1.34)
	for _, fallback := range []float64{sd, math.Abs(x[0]), 1} {
		if lo != 0 {
			break
		}
		lo = fallback
	}
	return 0.9 * lo * math.Pow(float64(n), -0.2), nil
}

// type7 is the quantile of sorted values at probability q, interpolated
// linearly between order statistics (R's quantile type 7).
func type7(sorted []float64, q float64) float64 {
	h := q * float64(len(sorted)-1)
	i := int(math.Floor(h))
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[i] + (h-float64(i))*(sorted[i+1]-sorted[i])
}
