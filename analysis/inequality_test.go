package analysis

import (
	"math"
	"testing"
)

// TestInequalityByHand works every measure for x = 1, 2, 3, 4 in provinces
// A = {1, 2} and B = {3, 4}:
//
//	mean 2.5; sum of squares 5; SD sqrt(5/4) and sqrt(5/3)
//	Gini = [(-3)1 + (-1)2 + (1)3 + (3)4] / (4 * 10) = 10/40 = 0.25
//	Theil = .1 ln .4 + .2 ln .8 + .3 ln 1.2 + .4 ln 1.6
//	between = .3 ln(.3 * 4/2) + .7 ln(.7 * 4/2)
//	within  = .3 T(1,2) + .7 T(3,4), T(1,2) = 1/3 ln(2/3) + 2/3 ln(4/3), T(3,4) = 3/7 ln(6/7) + 4/7 ln(8/7)
func TestInequalityByHand(t *testing.T) {
	q := measureInequality([]float64{1, 2, 3, 4}, []string{"A", "A", "B", "B"})
	within := 0.3*(math.Log(2.0/3)/3+2*math.Log(4.0/3)/3) + 0.7*(3*math.Log(6.0/7)/7+4*math.Log(8.0/7)/7)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"mean", q.Mean, 2.5},
		{"sd population", q.SDPopulation, math.Sqrt(1.25)},
		{"sd sample", q.SDSample, math.Sqrt(5.0 / 3)},
		{"cv population", q.CVPopulation, math.Sqrt(1.25) / 2.5},
		{"cv sample", q.CVSample, math.Sqrt(5.0/3) / 2.5},
		{"gini", q.Gini, 0.25},
		{"theil", q.Theil, 0.1*math.Log(0.4) + 0.2*math.Log(0.8) + 0.3*math.Log(1.2) + 0.4*math.Log(1.6)},
		{"theil between", q.TheilBetween, 0.3*math.Log(0.6) + 0.7*math.Log(1.4)},
		{"theil within", q.TheilWithin, within},
	} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %.15g, want %.15g", c.name, c.got, c.want)
		}
	}
}

// TestInequalityExtremes checks the bounds: equal scores give no inequality;
// one city holding everything gives Gini (n-1)/n and Theil ln n, and a zero
// score contributes nothing to Theil (0 ln 0 = 0).
func TestInequalityExtremes(t *testing.T) {
	eq := measureInequality([]float64{3, 3, 3}, []string{"a", "b", "c"})
	if eq.SDPopulation != 0 || eq.CVSample != 0 || eq.Gini != 0 || eq.Theil != 0 || eq.TheilBetween != 0 {
		t.Errorf("equal scores: %+v", eq)
	}
	one := measureInequality([]float64{0, 0, 0, 8}, []string{"a", "a", "b", "b"})
	if math.Abs(one.Gini-0.75) > 1e-15 || math.Abs(one.Theil-math.Log(4)) > 1e-15 {
		t.Errorf("one city with everything: Gini %v (want 0.75), Theil %v (want ln 4)", one.Gini, one.Theil)
	}
}
