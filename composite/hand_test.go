package composite

import (
	"context"
	"math"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The hand-worked case: four cities, indicators A, B (more is better), C
// (less is better) and D (more is better).
//
//	city  A   B   C  D
//	c1    2  30   8  1
//	c2    4  10   2  2
//	c3    6  20   5  4
//	c4   10  40   6  5
//
// Every number below was worked with exact fractions where they exist and
// otherwise by an independent implementation of the formulas in Python's
// standard library (fractions, math, statistics; no numpy, no Go):
//
//	python3 composite/testdata/hand.py
//
// which prints each step. The closed forms beside them are checked too.
func handTable() *Table {
	t := NewTable([]string{"c1", "c2", "c3", "c4"}, nil, []string{"A", "B", "C", "D"})
	copy(t.Values[0][0], []float64{2, 4, 6, 10})
	copy(t.Values[0][1], []float64{30, 10, 20, 40})
	copy(t.Values[0][2], []float64{8, 2, 5, 6})
	copy(t.Values[0][3], []float64{1, 2, 4, 5})
	return t
}

var handIndicators = IndicatorList{{Name: "A"}, {Name: "B"}, {Name: "C", LessIsBetter: true}}

const handTol = 1e-13

func closeTo(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*max(1, math.Abs(want))
}

func checkAll(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range want {
		if !closeTo(got[i], want[i], tol) {
			t.Errorf("%s[%d] = %.17g, want %.17g", what, i, got[i], want[i])
		}
	}
}

// TestHandNormalised: step 1, min-max with direction.
//
//	A:  (x - 2) / 8            = 0, 1/4, 1/2, 1
//	B:  (x - 10) / 30          = 2/3, 0, 1/3, 1
//	-C: (8 - x) / 6            = 0, 1, 1/2, 1/3
//	D:  (x - 1) / 4            = 0, 1/4, 3/4, 1
func TestHandNormalised(t *testing.T) {
	tab := handTable()
	inds := IndicatorList{{Name: "A"}, {Name: "B"}, {Name: "C", LessIsBetter: true}, {Name: "D"}}
	nm, err := normalise(context.Background(), tab, []int{0, 1, 2, 3}, inds, []int{0, 1, 2, 3}, []int{0}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{
		{0, 1. / 4, 1. / 2, 1},
		{2. / 3, 0, 1. / 3, 1},
		{0, 1, 1. / 2, 1. / 3},
		{0, 1. / 4, 3. / 4, 1},
	}
	for j := range want {
		checkAll(t, "x'_"+inds[j].Name, nm.x[j], want[j], 1e-15)
	}
	// With a shift every value moves up by it.
	nm, _ = normalise(context.Background(), tab, []int{0}, inds[:1], []int{0, 1, 2, 3}, []int{0}, 0, 0.01)
	checkAll(t, "x'_A+0.01", nm.x[0], []float64{0.01, 0.26, 0.51, 1.01}, 1e-15)
}

// TestHandEntropy: steps 2-5 and the index, for A, B, -C.
//
//	p_A  = x'/1.75 = 0, 1/7, 2/7, 4/7
//	p_B  = x'/2    = 1/3, 0, 1/6, 1/2
//	p_-C = x'/(11/6) = 0, 6/11, 3/11, 2/11
//	e_A  = (ln 7 - (10/7) ln 2) / ln 4                    = 0.6893917467430878
//	e_B  = ((1/2) ln 3 + (2/3) ln 2) / ln 4               = 0.7295739585136225
//	e_-C = (ln 11 - (8 ln 2 + 9 ln 3)/11) / ln 4          = 0.7176856953872667
//	d    = 1 - e = 0.3106082532569122, 0.2704260414863775, 0.2823143046127333
//	w    = d / sum d (sum d = 0.863348599356023)
//	     = 0.3597715378105632, 0.31322925836457016, 0.32699920382486664
//	index_i = 100 sum_j w_j x'_ij, e.g. c1 = 100 (w_B 2/3) = 20.88195055763801
func TestHandEntropy(t *testing.T) {
	ln2, ln3, ln4, ln7, ln11 := math.Log(2), math.Log(3), math.Log(4), math.Log(7), math.Log(11)
	closed := []float64{
		(ln7 - 10./7*ln2) / ln4,
		(ln3/2 + 2./3*ln2) / ln4,
		(ln11 - (8*ln2+9*ln3)/11) / ln4,
	}
	e := []float64{0.6893917467430878, 0.7295739585136225, 0.7176856953872667}
	d := []float64{0.3106082532569122, 0.2704260414863775, 0.2823143046127333}
	w := []float64{0.3597715378105632, 0.31322925836457016, 0.32699920382486664}
	index := []float64{20.88195055763801, 41.69420882775074, 44.7795123605905, 78.20005307834224}
	checkAll(t, "closed-form e", closed, e, handTol)

	res, err := Score(context.Background(), handTable(), handIndicators, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Weights) != 1 || res.Weights[0].Year != 0 {
		t.Fatalf("weights %+v, want one pooled table", res.Weights)
	}
	checkAll(t, "e", res.Weights[0].Entropy, e, handTol)
	checkAll(t, "d", res.Weights[0].Divergence, d, handTol)
	checkAll(t, "w", res.Weights[0].Weight, w, handTol)
	checkAll(t, "index", res.Scores[0], index, handTol)
	// c1 by hand: only B is above its minimum.
	if got := 100 * w[1] * 2 / 3; !closeTo(got, index[0], handTol) {
		t.Errorf("100 w_B 2/3 = %.17g, want %.17g", got, index[0])
	}
}

// TestHandTOPSIS: v = w x'; V+ = w (every column's best is x' = 1), V- = 0.
//
//	D+_i = sqrt(sum_j w_j^2 (1 - x'_ij)^2), D-_i = sqrt(sum_j w_j^2 x'_ij^2)
//	c1: D+ = sqrt(w_A^2 + w_B^2/9 + w_C^2) = 0.49725791617425774
//	    D- = w_B 2/3                        = 0.2088195055763801
//	    C  = D- / (D+ + D-)                 = 0.2957459042644872
func TestHandTOPSIS(t *testing.T) {
	w := []float64{0.3597715378105632, 0.31322925836457016, 0.32699920382486664}
	dPlus := []float64{0.49725791617425774, 0.4134248063052923, 0.3204630955185517, 0.21799946921657776}
	dMinus := []float64{0.2088195055763801, 0.3391433351339191, 0.26456077970375635, 0.4893148984640398}
	closeness := []float64{0.2957459042644872, 0.4506480097408075, 0.45222219281772685, 0.6917926749721932}
	if got := math.Sqrt(w[0]*w[0] + w[1]*w[1]/9 + w[2]*w[2]); !closeTo(got, dPlus[0], handTol) {
		t.Errorf("closed-form D+ of c1 = %.17g, want %.17g", got, dPlus[0])
	}
	res, err := Score(context.Background(), handTable(), handIndicators, Options{Method: TOPSIS})
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, "w", res.Weights[0].Weight, w, handTol)
	checkAll(t, "D+", res.DPlus[0], dPlus, handTol)
	checkAll(t, "D-", res.DMinus[0], dMinus, handTol)
	checkAll(t, "C", res.Scores[0], closeness, handTol)
}

// TestHandCRITIC: sigma_j (sample, divisor n - 1), r_jk (Pearson), the
// conflict sum_k (1 - r_jk) and w_j = sigma_j conflict_j / sum.
//
//	sigma = 0.42695628191498325, 0.4303314829119352, 0.4166666666666667 (= 5/12)
//	r_AB = 0.5291502622129182 (= sqrt(7)/5), r_AC = 0.058554004376911925,
//	r_BC = -0.7745966692414834 (= -sqrt(15)/5)
//	w = 0.2232497705458848, 0.35775670371695323, 0.41899352573716186
func TestHandCRITIC(t *testing.T) {
	sd := []float64{0.42695628191498325, 0.4303314829119352, 0.4166666666666667}
	conflict := []float64{1.4122957334101698, 2.2454464070285653, 2.7160426648645712}
	w := []float64{0.2232497705458848, 0.35775670371695323, 0.41899352573716186}
	rAB, rAC, rBC := math.Sqrt(7)/5, 0.058554004376911925, -math.Sqrt(15)/5
	checkAll(t, "closed-form conflict", []float64{2 - rAB - rAC, 2 - rAB - rBC, 2 - rAC - rBC}, conflict, handTol)
	res, err := Score(context.Background(), handTable(), handIndicators, Options{Method: CRITIC})
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, "sigma", res.Weights[0].StdDev, sd, handTol)
	checkAll(t, "conflict", res.Weights[0].Conflict, conflict, handTol)
	checkAll(t, "w", res.Weights[0].Weight, w, handTol)
	idx := make([]float64, 4)
	x := [][]float64{{0, 1. / 4, 1. / 2, 1}, {2. / 3, 0, 1. / 3, 1}, {0, 1, 1. / 2, 1. / 3}}
	for i := range idx {
		for j := range w {
			idx[i] += 100 * w[j] * x[j][i]
		}
	}
	checkAll(t, "index", res.Scores[0], idx, handTol)
}

// TestHandCoupling: innovation = A, B; economy = -C, D, each with its own
// entropy weights on the [0, 1] scale, equal shares.
//
//	innovation: e = 0.6893917467430878, 0.7295739585136225
//	            w = 0.534578175620673, 0.465421824379327
//	economy:    e_D = (2 ln 2 - (3/8) ln 3) / ln 4 = 0.7028195311147832
//	            w = 0.48717316794528776, 0.5128268320547122
//	U1 = 0.31028121625288463, 0.13364454390516825, 0.4224296959367788, 1
//	U2 = 0, 0.6153798759589658, 0.6282067080136781, 0.6752178880364748
//	C = 2 sqrt(U1 U2 / (U1 + U2)^2), T = (U1 + U2)/2, D = sqrt(C T):
//	c1: C = 0, T = 0.15514060812644231, D = 0       extreme disorder
//	c2: C = 0.7657399054553639, T = 0.374512209932067,  D = 0.5355174546410792  barely coordinated
//	c3: C = 0.9806319884548659, T = 0.5253182019752285, D = 0.7177352109061552  intermediate coordination
//	c4: C = 0.9810263296052782, T = 0.8376089440182374, D = 0.9064857571935504  quality coordination
func TestHandCoupling(t *testing.T) {
	ln2, ln3, ln4 := math.Log(2), math.Log(3), math.Log(4)
	if got, want := (2*ln2-3./8*ln3)/ln4, 0.7028195311147832; !closeTo(got, want, handTol) {
		t.Errorf("closed-form e_D = %.17g, want %.17g", got, want)
	}
	var subs Subsystems
	if err := subs.UnmarshalText([]byte("innovation:A,B;economy:-C,D")); err != nil {
		t.Fatal(err)
	}
	cp, err := Coordinate(context.Background(), handTable(), subs, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkAll(t, "innovation w", cp.Indices[0].Weights[0].Weight, []float64{0.534578175620673, 0.465421824379327}, handTol)
	checkAll(t, "economy e", cp.Indices[1].Weights[0].Entropy, []float64{0.7176856953872667, 0.7028195311147832}, handTol)
	checkAll(t, "economy w", cp.Indices[1].Weights[0].Weight, []float64{0.48717316794528776, 0.5128268320547122}, handTol)
	checkAll(t, "U1", cp.Indices[0].Scores[0], []float64{0.31028121625288463, 0.13364454390516825, 0.4224296959367788, 1}, handTol)
	checkAll(t, "U2", cp.Indices[1].Scores[0], []float64{0, 0.6153798759589658, 0.6282067080136781, 0.6752178880364748}, handTol)
	want := []Coordination{
		{C: 0, CDefined: true, T: 0.15514060812644231, D: 0, Grade: ExtremeDisorder},
		{C: 0.7657399054553639, CDefined: true, T: 0.374512209932067, D: 0.5355174546410792, Grade: BarelyCoordinated},
		{C: 0.9806319884548659, CDefined: true, T: 0.5253182019752285, D: 0.7177352109061552, Grade: IntermediateCoordination},
		{C: 0.9810263296052782, CDefined: true, T: 0.8376089440182374, D: 0.9064857571935504, Grade: QualityCoordination},
	}
	for i, w := range want {
		g := cp.Degree[0][i]
		if !closeTo(g.C, w.C, handTol) || !closeTo(g.T, w.T, handTol) || !closeTo(g.D, w.D, handTol) || g.Grade != w.Grade || g.CDefined != w.CDefined {
			t.Errorf("%s: %+v, want %+v", cp.Cities[i], g, w)
		}
	}
}

// TestHandScriptAgrees reruns the independent calculation
// (python3 composite/testdata/hand.py, standard library only, Python >= 3.10
// for statistics.correlation) and checks that it still prints every number
// the hand-worked tests hold, digit for digit.
func TestHandScriptAgrees(t *testing.T) {
	python := findPython("statistics; statistics.correlation")
	if python == "" {
		t.Skip("no python3 >= 3.10: skipping the rerun of testdata/hand.py; the numbers kept in the tests were compared")
	}
	out, err := exec.Command(python, filepath.Join("testdata", "hand.py")).Output()
	if err != nil {
		t.Fatalf("hand.py: %v", err)
	}
	kept := [][]float64{
		{0.6893917467430878, 0.7295739585136225, 0.7176856953872667, 0.7028195311147832},
		{0.3106082532569122, 0.2704260414863775, 0.2823143046127333},
		{0.3597715378105632, 0.31322925836457016, 0.32699920382486664},
		{20.88195055763801, 41.69420882775074, 44.7795123605905, 78.20005307834224},
		{0.49725791617425774, 0.4134248063052923, 0.3204630955185517, 0.21799946921657776},
		{0.2088195055763801, 0.3391433351339191, 0.26456077970375635, 0.4893148984640398},
		{0.2957459042644872, 0.4506480097408075, 0.45222219281772685, 0.6917926749721932},
		{0.42695628191498325, 0.4303314829119352, 0.4166666666666667, 0.058554004376911925},
		{1.4122957334101698, 2.2454464070285653, 2.7160426648645712},
		{0.2232497705458848, 0.35775670371695323, 0.41899352573716186},
		{0.534578175620673, 0.465421824379327, 0.48717316794528776, 0.5128268320547122},
		{0.31028121625288463, 0.13364454390516825, 0.4224296959367788, 0.6153798759589658, 0.6282067080136781, 0.6752178880364748},
		{0.15514060812644231, 0.7657399054553639, 0.374512209932067, 0.5355174546410792},
		{0.9806319884548659, 0.5253182019752285, 0.7177352109061552},
		{0.9810263296052782, 0.8376089440182374, 0.9064857571935504},
	}
	for _, row := range kept {
		for _, x := range row {
			if s := strconv.FormatFloat(x, 'g', -1, 64); !strings.Contains(string(out), s) {
				t.Errorf("hand.py no longer prints %s", s)
			}
		}
	}
}
