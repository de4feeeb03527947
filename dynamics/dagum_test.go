package dynamics

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestDagumByHand: values 1, 3 (group 0) and 2, 6 (group 1); n = 4, mu = 3.
//
//	G    = sum_ij |y_i - y_j| / (2 n^2 mu) = 2 (1 + 2 + 5 + 1 + 4 + 3) / 96 = 1/3
//	G_00 = 2 |1 - 3| / (2 * 4 * 2) = 1/4;  G_11 = 2 |2 - 6| / (2 * 4 * 4) = 1/4
//	p = (1/2, 1/2), s = (4/12, 8/12);      G_w = 1/4 (1/2)(1/3) + 1/4 (1/2)(2/3) = 1/8
//	G_01 = (1 + 5 + 1 + 3) / (2 * 2 * (2 + 4)) = 5/12
//	d_10 = (2-1) + (6-1) + (6-3) = 9, p_10 = 3 - 2 = 1, D = 8/10
//	G_nb = 5/12 (1/2 * 2/3 + 1/2 * 1/3) 0.8 = 1/6;  G_t = 5/12 * 1/2 * 0.2 = 1/24
func TestDagumByHand(t *testing.T) {
	d, err := Dagum([]float64{1, 2, 3, 6}, []int{0, 1, 0, 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"G", d.Gini, 1.0 / 3},
		{"G_00", d.GroupGini[0], 0.25},
		{"G_11", d.GroupGini[1], 0.25},
		{"G_01", d.Between[0][1], 5.0 / 12},
		{"G_10", d.Between[1][0], 5.0 / 12},
		{"G_w", d.Within, 1.0 / 8},
		{"G_nb", d.NetBetween, 1.0 / 6},
		{"G_t", d.Transvariation, 1.0 / 24},
		{"share G_w", d.Shares.Within, 3.0 / 8},
		{"share G_nb", d.Shares.NetBetween, 1.0 / 2},
		{"share G_t", d.Shares.Transvariation, 1.0 / 8},
		{"mean 1", d.Mean[1], 4},
	} {
		if math.Abs(c.got-c.want) > 1e-15 {
			t.Errorf("%s = %.17g, by hand %.17g", c.name, c.got, c.want)
		}
	}
}

// naiveGini is G = sum_ij |y_i - y_j| / (2 n^2 mu) by the double loop.
func naiveGini(y []float64) float64 {
	var s, total float64
	for _, a := range y {
		total += a
		for _, b := range y {
			s += math.Abs(a - b)
		}
	}
	n := float64(len(y))
	return s / (2 * n * total)
}

// sortedGini is the Gini by the sorted formula sum_i (2i - n - 1) x_(i) /
// (n sum x), as collab/analysis computes it.
func sortedGini(y []float64) float64 {
	x := slices.Clone(y)
	slices.Sort(x)
	var num, total float64
	n := float64(len(x))
	for i, v := range x {
		num += (2*float64(i+1) - n - 1) * v
		total += v
	}
	return num / (n * total)
}

// TestDagumIdentity: on random lognormal data with 1 to 6 groups of
// uneven sizes, G_w + G_nb + G_t = G within 1e-12, G equals the double
// loop, and each G_jh equals its own double loop; with one group G_w = G_11
// = G (the sorted formula) and the between parts vanish.
func TestDagumIdentity(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 1997))
	for trial := range 30 {
		n := 5 + rng.IntN(200)
		g := 1 + trial%6
		y := make([]float64, n)
		groups := make([]int, n)
		for i := range y {
			y[i] = math.Exp(rng.NormFloat64())
			groups[i] = i % g // every group non-empty
			if i >= g {
				groups[i] = rng.IntN(g)
			}
		}
		d, err := Dagum(y, groups)
		if err != nil {
			t.Fatal(err)
		}
		if sum := d.Within + d.NetBetween + d.Transvariation; math.Abs(sum-d.Gini) > 1e-12 {
			t.Errorf("trial %d: G_w + G_nb + G_t = %.17g, G = %.17g", trial, sum, d.Gini)
		}
		if naive := naiveGini(y); math.Abs(d.Gini-naive) > 1e-12 {
			t.Errorf("trial %d: G = %.17g, double loop %.17g", trial, d.Gini, naive)
		}
		if g >= 2 {
			checkPair(t, y, groups, d, 0, 1)
		}
		if g == 1 {
			if s := sortedGini(y); math.Abs(d.Within-s) > 1e-12 || math.Abs(d.GroupGini[0]-s) > 1e-12 || d.NetBetween != 0 || d.Transvariation != 0 {
				t.Errorf("one group: G_w %.17g, G_11 %.17g, G_nb %v, G_t %v; Gini %.17g", d.Within, d.GroupGini[0], d.NetBetween, d.Transvariation, s)
			}
		}
	}
}

// checkPair compares G_jh and D_jh (through G_nb's pair) with double loops.
func checkPair(t *testing.T, y []float64, groups []int, d *DagumResult, j, h int) {
	t.Helper()
	var gaps, muj, muh float64
	var nj, nh float64
	for a, ya := range y {
		switch groups[a] {
		case j:
			nj++
			muj += ya
		case h:
			nh++
			muh += ya
		}
		for b, yb := range y {
			if groups[a] == j && groups[b] == h {
				gaps += math.Abs(ya - yb)
			}
		}
	}
	muj, muh = muj/nj, muh/nh
	if want := gaps / (nj * nh * (muj + muh)); math.Abs(d.Between[j][h]-want) > 1e-12 {
		t.Errorf("G_%d%d = %.17g, double loop %.17g", j, h, d.Between[j][h], want)
	}
}

func TestDagumErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		y      []float64
		groups []int
	}{
		{"empty", nil, nil},
		{"lengths", []float64{1, 2}, []int{0}},
		{"negative value", []float64{1, -2}, []int{0, 0}},
		{"NaN", []float64{1, math.NaN()}, []int{0, 0}},
		{"negative group", []float64{1, 2}, []int{0, -1}},
		{"empty group", []float64{1, 2}, []int{0, 2}},
		{"zero mean group", []float64{1, 0}, []int{0, 1}},
	} {
		if _, err := Dagum(tc.y, tc.groups); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	// All equal: G = 0 and no shares (0/0), D_jh = 0 by convention.
	d, err := Dagum([]float64{2, 2, 2}, []int{0, 1, 1})
	if err != nil {
		t.Fatal(err)
	}
	if d.Gini != 0 || d.Shares != nil || d.NetBetween != 0 || d.Transvariation != 0 {
		t.Errorf("equal values: %+v, want G = 0 and no shares", d)
	}
}
