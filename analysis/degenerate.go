package analysis

import (
	"math"
	"strings"

	"collab/spatial"
)

// PFloor is the smallest analytic p-value a result holds. A normal tail
// probability below it (|z| above about 37) underflows towards 0 in
// float64 and would read as "certain"; it is recorded as PFloor, a bound
// (the report writes "< 1e-300"), with a warning. Permutation p-values
// need no floor: they are at least 1/(R+1).
const PFloor = 1e-300

// degenerateVariance is the variance of Moran's I, relative to E[I]^2,
// below which it is taken as 0: rounding leaves about 1e-16 of the terms
// of the variance formulas, which are of the order of E[I]^2 when the
// variance vanishes (every city the neighbour of every other).
const degenerateVariance = 1e-10

// moranResult turns spatial's Moran into the result's, with undefined
// inference as null (never NaN or Inf in the output) and a warning saying
// why: a variance that is 0 or negative (the weights leave I no room to
// vary, as when every city neighbours every other), a randomisation
// variance with fewer than 4 cities, an analytic p below PFloor.
func (s *study) moranResult(m spatial.Moran) *Moran {
	res := &Moran{I: Number(m.I), Expected: Number(m.Expected), VarianceNormal: Number(m.VarNormal),
		VarianceRandom: Number(m.VarRandom), ZNormal: Number(m.ZNormal), ZRandom: Number(m.ZRandom),
		PNormal: Number(m.PNormal), PRandom: Number(m.PRandom), PPermutation: Number(m.PPermutation),
		Permutations: m.Permutations}
	if !res.I.Defined() {
		return res // every score equal: warned by the caller
	}
	n := len(s.scores)
	floor := degenerateVariance * m.Expected * m.Expected
	var gone []string
	if s.complete() {
		res.VarianceNormal, res.ZNormal, res.PNormal = undefined, undefined, undefined
		res.VarianceRandom, res.ZRandom, res.PRandom, res.PPermutation = undefined, undefined, undefined, undefined
		s.warnf("every city is a spatial neighbour of every other under %s weights (%d cities): Moran's I is E[I] = %.4g whatever the scores, so its z-scores and p-values, and the local statistics' p-values, are undefined (null); choose weights with fewer neighbours",
			s.p.Weights, n, m.Expected)
		return res
	}
	if !(m.VarNormal > floor) {
		res.VarianceNormal, res.ZNormal, res.PNormal = undefined, undefined, undefined
		gone = append(gone, "normality")
	}
	if n < 4 || !(m.VarRandom > floor) {
		res.VarianceRandom, res.ZRandom, res.PRandom = undefined, undefined, undefined
		gone = append(gone, "randomisation")
	}
	switch {
	case len(gone) > 0 && n < 4:
		s.warnf("Moran's I under %s needs at least 4 cities (the randomisation variance divides by (n-1)(n-2)(n-3)): with %d its z and p are undefined (null)", strings.Join(gone, " and "), n)
	case len(gone) > 0:
		s.warnf("Moran's I has no variance under %s on these weights and scores (%s, %d cities): its z and p are undefined (null)", strings.Join(gone, " and "), s.p.Weights, n)
	}
	res.PNormal = s.floorP(res.PNormal, "Moran's I under normality")
	res.PRandom = s.floorP(res.PRandom, "Moran's I under randomisation")
	return res
}

// undefined is the value of a statistic that does not exist: null in JSON,
// "-" or "undefined" in the reports.
var undefined = Number(math.NaN())

// floorP records an analytic p-value below PFloor as PFloor, with a
// warning that it is a bound.
func (s *study) floorP(p Number, what string) Number {
	if p.Defined() && p < PFloor {
		s.warnf("the p-value of %s is below %g, beyond the precision of the computation: it is recorded as %g, an upper bound", what, PFloor, PFloor)
		return PFloor
	}
	return p
}

// complete reports whether every city is a spatial neighbour of every
// other: I and the local statistics are then fixed by the weights alone
// and no test of them means anything.
func (s *study) complete() bool {
	n := s.w.Len()
	for i := range n {
		if s.w.Cardinality(i) < n-1 {
			return false
		}
	}
	return n > 1
}

// Undefined is the number of cities of n whose LISA cluster is undefined
// (null): no permutations, equal scores, or complete weights.
func (l *LISASummary) Undefined(n int) int {
	return n - l.HighHigh - l.LowHigh - l.LowLow - l.HighLow - l.NotSignificant - l.Isolated
}
