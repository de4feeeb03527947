package analysis

import (
	"collab/param"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// TierScheme classifies cities by their ratio to the regional mean score.
// Cuts are the lower bounds of tiers 1, 2, ... in descending order; a city
// whose ratio is at least Cuts[k-1] (and below the cut above) is in tier k,
// and one below every cut is in tier len(Cuts)+1. A ratio exactly on a cut
// point therefore belongs to the higher tier.
type TierScheme struct {
	Cuts []float64
}

// DefaultTiers returns the Fudan scheme: tier 1 at 5 times the mean or
// more, tier 2 from 1 to 5, tier 3 from 0.5 to 1, tier 4 below 0.5. Each
// call returns a scheme of its own, so that changing one (or a result's
// MinRatio) cannot change the defaults of a later study.
func DefaultTiers() TierScheme { return TierScheme{Cuts: []float64{5, 1, 0.5}} }

// ParseTiers reads a scheme written as "ratio:5,1,0.5": the method and its
// cut points, which must be positive and strictly descending.
func ParseTiers(s string) (TierScheme, error) {
	var t TierScheme
	err := t.UnmarshalText([]byte(s))
	return t, err
}

// UnmarshalText implements encoding.TextUnmarshaler, as ParseTiers.
func (t *TierScheme) UnmarshalText(text []byte) error {
	s := string(text)
	method, list, ok := strings.Cut(s, ":")
	if !ok || method != "ratio" {
		return param.Quotedf("tiers", s, "write ratio:CUTS, cut points on the ratio to the mean in descending order, e.g. ratio:5,1,0.5")
	}
	var cuts []float64
	for _, f := range strings.Split(list, ",") {
		c, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || !(c > 0) || c > 1e300 {
			return param.Quotedf("tiers", s, "cut point %q is not a positive number", f)
		}
		if len(cuts) > 0 && c >= cuts[len(cuts)-1] {
			return param.Quotedf("tiers", s, "cut points must be strictly descending, e.g. ratio:5,1,0.5")
		}
		cuts = append(cuts, c)
	}
	*t = TierScheme{Cuts: cuts}
	return nil
}

func (t TierScheme) String() string {
	parts := make([]string, len(t.Cuts))
	for i, c := range t.Cuts {
		parts[i] = strconv.FormatFloat(c, 'g', -1, 64)
	}
	return "ratio:" + strings.Join(parts, ",")
}

// Tiers returns the number of tiers, len(Cuts)+1.
func (t TierScheme) Tiers() int { return len(t.Cuts) + 1 }

// Tier returns the tier (1 = highest) of a city with the given ratio to the
// mean.
func (t TierScheme) Tier(ratio float64) int {
	for k, c := range t.Cuts {
		if ratio >= c {
			return k + 1
		}
	}
	return len(t.Cuts) + 1
}

// Range describes tier k's interval of ratios, e.g. "1-5x mean" or
// ">= 5x mean".
func (t TierScheme) Range(k int) string {
	g := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	switch {
	case len(t.Cuts) == 0:
		return "all"
	case k == 1:
		return fmt.Sprintf(">= %sx mean", g(t.Cuts[0]))
	case k == len(t.Cuts)+1:
		return fmt.Sprintf("< %sx mean", g(t.Cuts[len(t.Cuts)-1]))
	}
	return fmt.Sprintf("%s-%sx mean", g(t.Cuts[k-1]), g(t.Cuts[k-2]))
}

// Tier is one tier's cities, in descending order of score.
type Tier struct {
	Tier     int      `json:"tier"`
	Range    string   `json:"range"`
	MinRatio *float64 `json:"min_ratio"` // null for the lowest tier
	Cities   []string `json:"cities"`    // ids
}

// classify lists each tier's city ids, highest score first (ties in input
// order).
func (t TierScheme) classify(ids []string, ratio, score []float64) []Tier {
	tiers := make([]Tier, t.Tiers())
	for k := range tiers {
		tiers[k] = Tier{Tier: k + 1, Range: t.Range(k + 1), Cities: []string{}}
		if k < len(t.Cuts) {
			cut := t.Cuts[k] // a copy: the result must not alias the scheme
			tiers[k].MinRatio = &cut
		}
	}
	for _, i := range byScore(score) {
		k := t.Tier(ratio[i]) - 1
		tiers[k].Cities = append(tiers[k].Cities, ids[i])
	}
	return tiers
}

// byScore returns city indices in descending order of score, ties in input
// order.
func byScore(score []float64) []int {
	order := make([]int, len(score))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return descending(score[a], score[b]) })
	return order
}

func descending(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// MarshalText writes the scheme as it is given on the command line.
func (t TierScheme) MarshalText() ([]byte, error) { return []byte(t.String()), nil }
