package analysis

import (
	"slices"
	"strings"
	"testing"
)

func TestTierBoundaries(t *testing.T) {
	// A ratio exactly on a cut point belongs to the higher tier.
	for ratio, want := range map[float64]int{9: 1, 5: 1, 4.999: 2, 1: 2, 0.999: 3, 0.5: 3, 0.4999: 4, 0: 4} {
		if got := DefaultTiers().Tier(ratio); got != want {
			t.Errorf("Tier(%v) = %d, want %d", ratio, got, want)
		}
	}
}

func TestParseTiers(t *testing.T) {
	got, err := ParseTiers("ratio:4, 1,0.25")
	if err != nil || !slices.Equal(got.Cuts, []float64{4, 1, 0.25}) || got.String() != "ratio:4,1,0.25" {
		t.Errorf("ParseTiers = %v, %v", got, err)
	}
	for spec, want := range map[string]string{
		"5,1,0.5":         "write ratio:CUTS",
		"jenks:4":         "write ratio:CUTS",
		"ratio:1,5":       "strictly descending",
		"ratio:5,5":       "strictly descending",
		"ratio:5,x":       `cut point "x" is not a positive number`,
		"ratio:5,-1":      "not a positive number",
		"ratio:":          "not a positive number",
		"ratio:5,NaN":     "not a positive number",
		"ratio:Inf,1,0.5": "not a positive number",
	} {
		if _, err := ParseTiers(spec); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseTiers(%q) = %v, want an error containing %q", spec, err, want)
		}
	}
}

func TestTierRanges(t *testing.T) {
	want := []string{">= 5x mean", "1-5x mean", "0.5-1x mean", "< 0.5x mean"}
	for k, w := range want {
		if got := DefaultTiers().Range(k + 1); got != w {
			t.Errorf("Range(%d) = %q, want %q", k+1, got, w)
		}
	}
}

// TestDefaultsNotShared: changing a result's tier bound (a pointer in the
// JSON contract) changes neither the defaults nor a later study.
func TestDefaultsNotShared(t *testing.T) {
	r := run(t, sample(t), DefaultParameters())
	*r.Summary.Tiers[0].MinRatio = 99
	r.Parameters.Tiers.Cuts[1] = 42
	if got := DefaultTiers().Cuts; got[0] != 5 || got[1] != 1 {
		t.Errorf("the defaults changed to %v", got)
	}
	if again := run(t, sample(t), DefaultParameters()); *again.Summary.Tiers[0].MinRatio != 5 {
		t.Errorf("a later study's tier 1 starts at %v", *again.Summary.Tiers[0].MinRatio)
	}
}
