package spatial

import (
	"context"
	"math"
)

// Moran is global Moran's I with its inference. A value that is undefined
// (every y equal, or too few cities for a variance) is NaN.
type Moran struct {
	I        float64 // (n / S0) sum_ij w_ij z_i z_j / sum_i z_i^2
	Expected float64 // E[I] = -1 / (n - 1)
	// VarNormal and VarRandom are the variance of I under the normality and
	// the randomisation assumptions (Cliff and Ord 1981).
	VarNormal, VarRandom float64
	// ZNormal and ZRandom are (I - E[I]) / sqrt(Var); PNormal and PRandom
	// their one-tailed p-values on the side of the observed I (esda's p_norm
	// and p_rand with two_tailed=False; spdep's moran.test with
	// alternative "greater" when I > E[I]).
	ZNormal, ZRandom float64
	PNormal, PRandom float64
	// PPermutation is the folded pseudo p-value of R random permutations
	// of y over the cities (esda's p_sim); NaN when R is 0.
	PPermutation float64
	Permutations int
}

// GlobalMoran computes Moran's I of y under weights w, as esda's Moran and
// spdep's moran.test do, with a permutation test. O(n + links) for I and
// its moments, O(R (n + links)) for the permutations, run on all cores;
// ctx stops the permutations.
func GlobalMoran(ctx context.Context, y []float64, w *Weights, p Permutations) (Moran, error) {
	n := float64(len(y))
	z := centred(y)
	var m2, m4 float64
	for _, v := range z {
		m2 += v * v
		m4 += v * v * v * v
	}
	s0, s1, s2 := w.sums()
	cross := w.crossProduct
	num := cross(z)
	res := Moran{I: n / s0 * num / m2, Expected: -1 / (n - 1), Permutations: p.R}
	ei2 := res.Expected * res.Expected
	s02 := s0 * s0
	res.VarNormal = (n*n*s1-n*s2+3*s02)/((n*n-1)*s02) - ei2
	b2 := n * m4 / (m2 * m2) // sample kurtosis
	a := n * ((n*n-3*n+3)*s1 - n*s2 + 3*s02)
	b := b2 * ((n*n-n)*s1 - 2*n*s2 + 6*s02)
	res.VarRandom = (a-b)/((n-1)*(n-2)*(n-3)*s02) - ei2
	res.ZNormal = (res.I - res.Expected) / math.Sqrt(res.VarNormal)
	res.ZRandom = (res.I - res.Expected) / math.Sqrt(res.VarRandom)
	res.PNormal, res.PRandom = upperTail(res.ZNormal), upperTail(res.ZRandom)
	res.PPermutation = math.NaN()
	if p.R > 0 && m2 > 0 {
		above, below, err := globalCounts(ctx, z, num, p, streamGlobalMoran, cross)
		if err != nil {
			return Moran{}, err
		}
		res.PPermutation = pseudoP(above, below, p.R)
	}
	return res, nil
}

// upperTail is the one-tailed normal p-value of |z|: P(Z > |z|).
func upperTail(z float64) float64 { return 0.5 * math.Erfc(math.Abs(z)/math.Sqrt2) }

// deviations returns y's deviations from its mean (centred) and their sum
// of squares.
func deviations(y []float64) (z []float64, ss float64) {
	z = centred(y)
	for _, v := range z {
		ss += v * v
	}
	return z, ss
}

// centred returns y minus its mean, divided by the largest deviation when
// that is so small or so large (below 1e-50 or above 1e50) that fourth
// powers could underflow or overflow: every statistic here is
// scale-free in z, and scores of 1e-200 are otherwise taken as all equal.
func centred(y []float64) []float64 {
	var mean float64
	for _, v := range y {
		mean += v
	}
	mean /= float64(len(y))
	z := make([]float64, len(y))
	var top float64
	for i, v := range y {
		z[i] = v - mean
		top = max(top, math.Abs(z[i]))
	}
	if top > 0 && (top < 1e-50 || top > 1e50) {
		for i := range z {
			z[i] /= top
		}
	}
	return z
}

// Quadrant is the quarter of the Moran scatterplot a city falls in: its own
// value high (above the mean) or low, and its spatial lag high or low.
type Quadrant uint8

// The quadrants, numbered as esda's Moran_Local.q; NoQuadrant is a city
// without neighbours (or a local statistic that is undefined).
const (
	NoQuadrant Quadrant = iota
	HighHigh
	LowHigh
	LowLow
	HighLow
)

// String returns HH, LH, LL or HL, or "" for NoQuadrant.
func (q Quadrant) String() string {
	return [...]string{"", "HH", "LH", "LL", "HL"}[q]
}

// LISA holds the local Moran statistics of every city (Anselin 1995).
type LISA struct {
	// I is I_i = (n-1) z_i (Wz)_i / sum_k z_k^2, the scale of esda and
	// GeoDa; spdep's localmoran (mlvar=TRUE) reports n/(n-1) times it.
	I []float64
	// Z is (I_i - E[I_i]) / sqrt(Var[I_i]) under conditional randomisation
	// (Sokal, Oden and Thomson 1998), spdep localmoran's default Z.Ii; NaN
	// for an island or a city at the mean.
	Z []float64
	// P is the folded pseudo p-value of R conditional permutations (esda's
	// p_sim, spdep localmoran_perm's "Pr(folded) Sim"); NaN for an island
	// or when every y is equal.
	P []float64
	// Quadrant is by the signs of z_i and (Wz)_i, zero counting as low, as
	// in esda; NoQuadrant for an island.
	Quadrant []Quadrant
}

// LocalMoran computes the local Moran statistics of y under weights w, with
// R conditional permutations on all cores. O(n + links) plus
// O(R (links + cores max K_i)) for the permutations; ctx stops them.
func LocalMoran(ctx context.Context, y []float64, w *Weights, p Permutations) (LISA, error) {
	n := len(y)
	nf := float64(n)
	z, ss := deviations(y)
	m2 := ss / nf
	res := LISA{I: make([]float64, n), Z: make([]float64, n), P: make([]float64, n), Quadrant: make([]Quadrant, n)}
	above, below, err := conditionalCounts(ctx, w, z, p, streamLocalMoran)
	if err != nil {
		return LISA{}, err
	}
	for i := range n {
		lag := w.lag(i, z)
		res.I[i] = (nf - 1) * z[i] * lag / ss
		_, wt := w.Row(i)
		var wi, wi2 float64
		for _, x := range wt {
			wi += x
			wi2 += x * x
		}
		// Moments on spdep's scale (I_i n/(n-1), m2 = sum z^2 / n); z is
		// scale-free.
		ml := z[i] * lag / m2
		e := -(z[i] * z[i] * wi) / ((nf - 1) * m2)
		v := (z[i] / m2) * (z[i] / m2) * (nf / (nf - 2)) * (wi2 - wi*wi/(nf-1)) * (m2 - z[i]*z[i]/(nf-1))
		res.Z[i] = (ml - e) / math.Sqrt(v)
		res.P[i] = math.NaN()
		if len(wt) == 0 {
			continue
		}
		res.Quadrant[i] = quadrant(z[i], lag)
		switch {
		case p.R == 0 || ss == 0:
		case z[i] == 0: // every simulated I_i is 0, the observed value
			res.P[i] = 1
		default: // z_i scales every simulation alike: its sign cannot change the folded p
			res.P[i] = pseudoP(int(above[i]), int(below[i]), p.R)
		}
	}
	return res, nil
}

func quadrant(z, lag float64) Quadrant {
	switch {
	case z > 0 && lag > 0:
		return HighHigh
	case z <= 0 && lag > 0:
		return LowHigh
	case z <= 0:
		return LowLow
	}
	return HighLow
}
