package output

import (
	"strings"
	"testing"

	"collab/analysis"
	"collab/param"
	"collab/spatial"
)

// TestSpilloverStatesItsBound: above spatial.ExactPotentialMax cities the
// spillover section states the tolerance the sums were found within; at
// or below it (the sums exact), or with a tolerance of 0, it says nothing.
func TestSpilloverStatesItsBound(t *testing.T) {
	sample := sampleStudy(t)
	for _, c := range []struct {
		cities int
		tol    float64
		want   bool
	}{
		{len(sample.Cities), 1e-6, false},
		{spatial.ExactPotentialMax, 1e-6, false},
		{spatial.ExactPotentialMax + 1, 1e-6, true},
		{spatial.ExactPotentialMax + 1, 0, false},
	} {
		r := *sample
		r.Cities = make([]analysis.City, c.cities)
		for i := range r.Cities {
			r.Cities[i] = sample.Cities[i%len(sample.Cities)]
		}
		r.Parameters.PotentialTolerance = c.tol
		var b strings.Builder
		p := report{w: &b, r: &r, o: Options{Names: func(n param.Name) string { return "--" + string(n) }}}
		p.names = p.cityNames()
		p.spilloverSection()
		got := strings.Contains(b.String(), "within 1e-06 of the exact sum (a relative bound, set by --potential-tolerance)")
		if got != c.want {
			t.Errorf("%d cities, tolerance %g: bound stated %v, want %v:\n%s", c.cities, c.tol, got, c.want, b.String()[:min(b.Len(), 400)])
		}
	}
}
