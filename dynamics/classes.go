package dynamics

import (
	"encoding"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// SchemeKind says how a panel's values are put into classes.
type SchemeKind uint8

const (
	// Tiers takes class labels 0..K-1 given by the caller (the study's tiers).
	Tiers SchemeKind = iota
	// Quantile classes each year by that year's own quantiles (giddy's
	// Markov on per-year mapclassify Quantiles; Spatial_Markov fixed=False).
	Quantile
	// Pooled classes the relative value, value over its year's mean, by the
	// quantiles of every city-year pooled (giddy's Spatial_Markov
	// fixed=True on relative incomes).
	Pooled
)

// Scheme is a class scheme, spelt "tiers", "quantile:K" or "pooled:K" (K >=
// 2). The zero Scheme is "tiers". It implements encoding.TextMarshaler and
// encoding.TextUnmarshaler, so it reads from and writes to JSON and flags
// as its spelling.
type Scheme struct {
	Kind SchemeKind
	K    int // number of quantile classes; unused for Tiers
}

// ParseScheme reads a scheme's spelling: "tiers", "quantile:K" or
// "pooled:K", K an integer >= 2 written without sign or leading zeros.
func ParseScheme(text string) (Scheme, error) {
	if text == "tiers" {
		return Scheme{Kind: Tiers}, nil
	}
	name, count, found := strings.Cut(text, ":")
	var kind SchemeKind
	switch {
	case found && name == "quantile":
		kind = Quantile
	case found && name == "pooled":
		kind = Pooled
	default:
		return Scheme{}, fmt.Errorf("dynamics: class scheme %q: want tiers, quantile:K or pooled:K", text)
	}
	k, err := strconv.Atoi(count)
	if err != nil || strconv.Itoa(k) != count {
		return Scheme{}, fmt.Errorf("dynamics: class scheme %q: K must be a whole number, got %q", text, count)
	}
	s := Scheme{Kind: kind, K: k}
	return s, s.validate()
}

func (s Scheme) validate() error {
	switch s.Kind {
	case Tiers:
		return nil
	case Quantile, Pooled:
		if s.K < 2 {
			return fmt.Errorf("dynamics: class scheme: K must be >= 2, got %d", s.K)
		}
		return nil
	}
	return fmt.Errorf("dynamics: class scheme: unknown kind %d", s.Kind)
}

// String returns the scheme's spelling, as ParseScheme reads it.
func (s Scheme) String() string {
	switch s.Kind {
	case Quantile:
		return "quantile:" + strconv.Itoa(s.K)
	case Pooled:
		return "pooled:" + strconv.Itoa(s.K)
	}
	return "tiers"
}

// MarshalText returns the scheme's spelling; an invalid scheme is an error.
func (s Scheme) MarshalText() ([]byte, error) {
	if err := s.validate(); err != nil {
		return nil, err
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a spelling as ParseScheme does.
func (s *Scheme) UnmarshalText(text []byte) error {
	parsed, err := ParseScheme(string(text))
	if err != nil {
		return err
	}
	*s = parsed
	return nil
}

// Classification is a panel put into classes.
type Classification struct {
	Scheme Scheme `json:"scheme"`
	// K is the number of classes; labels run 0..K-1 (0 the lowest quantile,
	// or the caller's first tier).
	K int `json:"k"`
	// Labels[t][i] is the class of city i in year t of the panel as read.
	Labels [][]int `json:"labels"`
	// Bins are the upper bounds of the classes, as mapclassify's bins: for
	// Quantile one row per year, for Pooled a single row (of relative
	// values), for Tiers none. The last bound is the maximum. Tied values
	// can merge bounds, leaving fewer classes in that row.
	Bins [][]float64 `json:"bins,omitempty"`
}

// QuantileBins returns the upper bounds of k quantile classes of values, as
// mapclassify's Quantiles: the percentiles 100j/k (j = 1..k) linearly
// interpolated between order statistics (scipy's scoreatpercentile, numpy's
// default percentile), duplicates dropped. The percentages are formed as
// numpy's arange(w, 100 + w, w) forms them, w = 100/k, and the last is 100, so
// that a value lying exactly on a bound falls on the same side as there.
// values must not be empty.
func QuantileBins(values []float64, k int) []float64 {
	sorted := slices.Clone(values)
	slices.Sort(sorted)
	step := 100 / float64(k)
	bins := make([]float64, 0, k)
	for j := range k {
		pct := float64(float64(j)*step) + step // arange's start + j*delta, unfused
		if j == k-1 {
			pct = 100
		}
		bins = append(bins, scoreAtPercentile(sorted, pct))
	}
	return slices.Compact(bins)
}

// scoreAtPercentile interpolates the sorted values at pct percent, with
// scipy's arithmetic: index pct/100 (n-1), weights (i+1-index, index-i)
// divided by their sum.
func scoreAtPercentile(sorted []float64, pct float64) float64 {
	idx := pct / 100 * float64(len(sorted)-1)
	i := int(idx)
	if float64(i) == idx {
		return sorted[i]
	}
	lo, hi := float64(i+1)-idx, idx-float64(i)
	return (sorted[i]*lo + sorted[i+1]*hi) / (lo + hi)
}

// classOf returns the first class whose upper bound is >= v (mapclassify's
// bin1d: bounds are closed above).
func classOf(v float64, bins []float64) int {
	c := sort.SearchFloat64s(bins, v)
	return min(c, len(bins)-1)
}

// classify puts the panel values[t][i] into classes by a quantile scheme:
// per year for Quantile, pooled over the panel for Pooled (values are then
// expected relative to their year's mean).
func classify(values [][]float64, s Scheme) Classification {
	c := Classification{Scheme: s, K: s.K, Labels: make([][]int, len(values))}
	if s.Kind == Pooled {
		bins := QuantileBins(slices.Concat(values...), s.K)
		c.Bins = [][]float64{bins}
		for t, row := range values {
			c.Labels[t] = labels(row, bins)
		}
		return c
	}
	c.Bins = make([][]float64, len(values))
	for t, row := range values {
		c.Bins[t] = QuantileBins(row, s.K)
		c.Labels[t] = labels(row, c.Bins[t])
	}
	return c
}

func labels(row, bins []float64) []int {
	out := make([]int, len(row))
	for i, v := range row {
		out[i] = classOf(v, bins)
	}
	return out
}

// givenTiers checks caller-given labels against the panel's shape and
// returns them as a Classification with k classes (k = 0: the largest
// label plus one).
func givenTiers(param string, tiers [][]int, years, cities, k int) (Classification, error) {
	if len(tiers) != years {
		return Classification{}, fmt.Errorf("dynamics: %s: %d years of tiers for a panel of %d years", param, len(tiers), years)
	}
	top := -1
	for t, row := range tiers {
		if len(row) != cities {
			return Classification{}, fmt.Errorf("dynamics: %s: year %d has %d tiers for %d cities", param, t, len(row), cities)
		}
		for i, label := range row {
			if label < 0 || (k > 0 && label >= k) {
				return Classification{}, fmt.Errorf("dynamics: %s: city %d in year %d has tier %d, outside 0..%d", param, i, t, label, max(k, 1)-1)
			}
			top = max(top, label)
		}
	}
	if k == 0 {
		k = top + 1
	}
	if k < 1 {
		return Classification{}, fmt.Errorf("dynamics: %s: no tiers given", param)
	}
	return Classification{Scheme: Scheme{Kind: Tiers}, K: k, Labels: tiers}, nil
}

// finiteRow reports the first value of row that is NaN or infinite.
func finiteRow(row []float64) (int, bool) {
	for i, v := range row {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return i, false
		}
	}
	return 0, true
}

var (
	_ encoding.TextMarshaler   = Scheme{}
	_ encoding.TextUnmarshaler = (*Scheme)(nil)
)
