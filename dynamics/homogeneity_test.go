package dynamics

import (
	"math"
	"testing"

	"collab/spatial"
)

// TestHomogeneityByHand: two regimes of a two-class chain,
//
//	A = [[8, 2], [1, 4]]   B = [[3, 3], [2, 2]]   pooled [[11, 5], [3, 6]]
//
// p_ij = [[11/16, 5/16], [1/3, 2/3]], p_A = [[.8, .2], [.2, .8]], p_B = [[.5,
// .5], [.5, .5]], row totals n_A = (10, 5), n_B = (6, 4). Q and LR written
// out term by term (Bickenbach and Bode 2003, eq. 11 and 12; giddy's
// homogeneity), dof = (2-1)(2-1) + (2-1)(2-1) = 2, and for 2 degrees of
// freedom the chi-square upper tail is exp(-x/2).
func TestHomogeneityByHand(t *testing.T) {
	h := HomogeneityTest([][][]int{{{8, 2}, {1, 4}}, {{3, 3}, {2, 2}}})
	sq := func(x float64) float64 { return x * x }
	q := 10*(sq(0.8-11.0/16)/(11.0/16)+sq(0.2-5.0/16)/(5.0/16)) +
		5*(sq(0.2-1.0/3)/(1.0/3)+sq(0.8-2.0/3)/(2.0/3)) +
		6*(sq(0.5-11.0/16)/(11.0/16)+sq(0.5-5.0/16)/(5.0/16)) +
		4*(sq(0.5-1.0/3)/(1.0/3)+sq(0.5-2.0/3)/(2.0/3))
	lr := 2 * (8*math.Log(0.8/(11.0/16)) + 2*math.Log(0.2/(5.0/16)) + 1*math.Log(0.2/(1.0/3)) + 4*math.Log(0.8/(2.0/3)) +
		3*math.Log(0.5/(11.0/16)) + 3*math.Log(0.5/(5.0/16)) + 2*math.Log(0.5/(1.0/3)) + 2*math.Log(0.5/(2.0/3)))
	if math.Abs(h.Q-q) > 1e-12 || math.Abs(h.LR-lr) > 1e-12 || h.DOF != 2 {
		t.Errorf("Q = %.15g, LR = %.15g, dof %d; by hand %.15g, %.15g, 2", h.Q, h.LR, h.DOF, q, lr)
	}
	if math.Abs(*h.QP-math.Exp(-q/2)) > 1e-15 || math.Abs(*h.LRP-math.Exp(-lr/2)) > 1e-15 {
		t.Errorf("p-values %v %v, want exp(-x/2) = %v %v", *h.QP, *h.LRP, math.Exp(-q/2), math.Exp(-lr/2))
	}
}

// TestHomogeneityZeros: a pooled zero cell adds nothing and a zero cell of
// one regime adds to Q but not to LR; a row seen in one regime only has no
// degree of freedom, and a row seen in none (row 2) none either.
func TestHomogeneityZeros(t *testing.T) {
	h := HomogeneityTest([][][]int{
		{{4, 0, 0}, {1, 1, 0}, {0, 0, 0}},
		{{2, 2, 0}, {0, 0, 0}, {0, 0, 0}},
	})
	sq := func(x float64) float64 { return x * x }
	// pooled row 0: (6, 2, 0)/8; row 1: (1, 1, 0)/2 from regime A only.
	q := 4*(sq(1-0.75)/0.75+sq(0-0.25)/0.25) + 4*(sq(0.5-0.75)/0.75+sq(0.5-0.25)/0.25)
	lr := 2 * (4*math.Log(1/0.75) + 2*math.Log(0.5/0.75) + 2*math.Log(0.5/0.25))
	if math.Abs(h.Q-q) > 1e-12 || math.Abs(h.LR-lr) > 1e-12 || h.DOF != 1 {
		t.Errorf("Q = %.15g, LR = %.15g, dof %d; by hand %.15g, %.15g, 1", h.Q, h.LR, h.DOF, q, lr)
	}
	// One regime: no degree of freedom, no p-value, a reason.
	one := HomogeneityTest([][][]int{{{4, 1}, {1, 4}}})
	if one.DOF != 0 || one.LRP != nil || one.QP != nil || one.Undefined == "" || one.Q != 0 || one.LR != 0 {
		t.Errorf("one regime: %+v, want dof 0, no p-values, a reason", one)
	}
}

// TestChiSquareByHand: observed A = [[8, 2], [1, 4]] against the pooled
// counts [[11, 5], [3, 6]]: E = n_i r_ij / r_i = [[6.875, 3.125], [5/3,
// 10/3]], dof (2-1)(2-1) = 1, and for 1 degree of freedom the upper tail is
// erfc(sqrt(x/2)).
func TestChiSquareByHand(t *testing.T) {
	c := ChiSquareTest([][]int{{8, 2}, {1, 4}}, [][]float64{{11, 5}, {3, 6}})
	sq := func(x float64) float64 { return x * x }
	x2 := sq(8-6.875)/6.875 + sq(2-3.125)/3.125 + sq(1-5.0/3)/(5.0/3) + sq(4-10.0/3)/(10.0/3)
	if math.Abs(c.Statistic-x2) > 1e-12 || c.DOF != 1 || math.Abs(*c.P-math.Erfc(math.Sqrt(x2/2))) > 1e-14 {
		t.Errorf("chi2 = %+v (p %v), by hand %.15g (p %v), dof 1", c, *c.P, x2, math.Erfc(math.Sqrt(x2/2)))
	}
	// A reference row that is empty gives expected 0; the observed count
	// then adds n^2 (giddy divides by 1 there) and the row no degree of
	// freedom.
	c = ChiSquareTest([][]int{{3, 1}, {2, 0}}, [][]float64{{1, 1}, {0, 0}})
	x2 = sq(3-2)/2 + sq(1-2)/2 + 4
	if math.Abs(c.Statistic-x2) > 1e-12 || c.DOF != 0 || c.P != nil || c.Undefined == "" {
		t.Errorf("chi2 = %+v, by hand %v with dof 0 and no p-value", c, x2)
	}
}

// TestSpatialMarkovTiers: tiers given for the scores and for the lags. Three
// cities, three years: tiers 0 1 1 / 0 1 0 / 1 1 0, lag tiers 1 0 1 / 0 0 1.
// Moves by lag tier at the start: lag 0: city 1 (1->1) and city 0 (0->1),
// city 1 (1->1); lag 1: city 0 (0->0), city 2 (1->0), city 2 (0->0).
func TestSpatialMarkovTiers(t *testing.T) {
	w, err := spatial.Contiguity([][]int{{1}, {2}, {}})
	if err != nil {
		t.Fatal(err)
	}
	scores := [][]float64{{1, 2, 3}, {1, 2, 3}, {1, 2, 3}}
	tiers := [][]int{{0, 1, 1}, {0, 1, 0}, {1, 1, 0}}
	lagTiers := [][]int{{1, 0, 1}, {0, 0, 1}, {0, 0, 0}}
	sm, err := SpatialMarkov(scores, w, Options{Tiers: tiers, LagTiers: lagTiers})
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, "lag tier 0", sm.ByLag[0].Counts, [][]int{{0, 1}, {0, 2}})
	checkCounts(t, "lag tier 1", sm.ByLag[1].Counts, [][]int{{2, 0}, {1, 0}})
	checkCounts(t, "global", sm.Global.Counts, [][]int{{2, 1}, {1, 2}})
	if _, err := SpatialMarkov(scores, w, Options{Tiers: tiers}); err == nil {
		t.Error("tiers lag scheme without lag tiers: no error")
	}
	small, _ := spatial.Contiguity([][]int{{1}, {0}})
	for _, bad := range []*spatial.Weights{nil, small} {
		if _, err := SpatialMarkov(scores, bad, Options{Tiers: tiers, LagTiers: lagTiers}); err == nil {
			t.Errorf("weights %v: no error", bad)
		}
		if _, err := LISAMarkov(scores, bad, 1); err == nil {
			t.Errorf("LISA, weights %v: no error", bad)
		}
	}
}
