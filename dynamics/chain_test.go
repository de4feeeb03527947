package dynamics

import (
	"math"
	"testing"
)

// lettersPanel turns giddy's examples of class ids, one row per
// observation and one column per period ('a', 'b', 'c'), into the
// [year][city] tiers of a panel of zeros.
func lettersPanel(rows []string) ([][]float64, [][]int) {
	years := len(rows[0])
	scores := make([][]float64, years)
	tiers := make([][]int, years)
	for t := range years {
		scores[t] = make([]float64, len(rows))
		tiers[t] = make([]int, len(rows))
		for i, r := range rows {
			tiers[t][i] = int(r[t] - 'a')
		}
	}
	return scores, tiers
}

// TestMarkovGiddyLetters: giddy's Markov docstring, c = [['b','a','c'],
// ['c','c','a'], ['c','b','c'], ['a','a','b'], ['a','b','c']]: m.p and
// m.steady_state; then the reducible chain [['b','a','a'], ['c','c','a'],
// ['c','b','c']]: "1 Recurrent class (indices): [0]; 1 Transient class
// (indices): [1 2]; The Markov Chain has 1 absorbing state (index): [0]".
func TestMarkovGiddyLetters(t *testing.T) {
	scores, tiers := lettersPanel([]string{"bac", "cca", "cbc", "aab", "abc"})
	m, err := Markov(scores, Options{Tiers: tiers})
	if err != nil {
		t.Fatal(err)
	}
	checkMatrix(t, "p", m.Probabilities, [][]float64{{0.25, 0.5, 0.25}, {0.33333333, 0, 0.66666667}, {0.33333333, 0.33333333, 0.33333333}}, docTol)
	checkVector(t, "steady state", m.SteadyState, []float64{0.30769231, 0.28846154, 0.40384615}, docTol)

	scores, tiers = lettersPanel([]string{"baa", "cca", "cbc"})
	m, err = Markov(scores, Options{Tiers: tiers})
	if err != nil {
		t.Fatal(err)
	}
	if m.Irreducible || len(m.Recurrent) != 1 || m.Recurrent[0][0] != 0 || len(m.Transient) != 1 || len(m.Transient[0]) != 2 || len(m.Absorbing) != 1 || m.Absorbing[0] != 0 {
		t.Errorf("reducible chain: %+v; giddy: recurrent [0], transient [1 2], absorbing [0]", m.Ergodic)
	}
	// One recurrent class: the steady state is defined (all mass on the
	// absorbing a); first passage times are not, nor a's sojourn.
	checkVector(t, "steady state", m.SteadyState, []float64{1, 0, 0}, 0)
	if m.FirstPassage != nil || m.Sojourn[0] != nil || m.Undefined["first_passage"] == "" || m.Undefined["sojourn"] == "" {
		t.Errorf("first passage %v, sojourn[0] %v, undefined %v: want nil, nil and reasons", m.FirstPassage, m.Sojourn[0], m.Undefined)
	}
}

// TestErgodicGiddy: giddy's ergodic docstrings. The Land of Oz (Kemeny and
// Snell 1967): steady_state(p) = [0.4, 0.2, 0.4], mfpt(p) =
// [[2.5, 4, 3.33333333], [2.66666667, 5, 2.66666667], [3.33333333, 4, 2.5]],
// sojourn_time(p) = [2, 1, 2]; the reducible p = [[.5, .5, 0], [.2, .8, 0],
// [0, 0, 1]] (and with the last row all zero, fill_empty_classes=True):
// steady_state = [[0.28571429, 0.71428571, 0], [0, 0, 1]].
func TestErgodicGiddy(t *testing.T) {
	oz, err := ErgodicOf([][]float64{{.5, .25, .25}, {.5, 0, .5}, {.25, .25, .5}})
	if err != nil {
		t.Fatal(err)
	}
	checkVector(t, "Oz steady state", oz.SteadyState, []float64{0.4, 0.2, 0.4}, 1e-15)
	checkMatrix(t, "Oz mfpt", oz.FirstPassage, [][]float64{{2.5, 4, 10.0 / 3}, {8.0 / 3, 5, 8.0 / 3}, {10.0 / 3, 4, 2.5}}, 1e-13)
	for i, want := range []float64{2, 1, 2} {
		if s := oz.Sojourn[i]; s == nil || math.Abs(*s-want) > 1e-15 {
			t.Errorf("Oz sojourn[%d] = %v, want %v", i, s, want)
		}
	}
	if oz.Undefined != nil {
		t.Errorf("Oz: undefined %v, want none", oz.Undefined)
	}
	for _, p := range [][][]float64{
		{{.5, .5, 0}, {.2, .8, 0}, {0, 0, 1}},
		{{.5, .5, 0}, {.2, .8, 0}, {0, 0, 0}},
	} {
		e, err := ErgodicOf(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Stationary) != 2 {
			t.Fatalf("%v: %d stationary distributions, giddy 2", p, len(e.Stationary))
		}
		checkVector(t, "stationary 0", e.Stationary[0], []float64{2.0 / 7, 5.0 / 7, 0}, 1e-15)
		checkVector(t, "stationary 1", e.Stationary[1], []float64{0, 0, 1}, 0)
		if e.SteadyState != nil || e.FirstPassage != nil || e.Sojourn[2] != nil || len(e.Undefined) != 3 {
			t.Errorf("%v: steady state %v, first passage %v, sojourn %v, undefined %v: want the three undefined with reasons", p, e.SteadyState, e.FirstPassage, e.Sojourn, e.Undefined)
		}
	}
}

func TestErgodicErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    [][]float64
	}{
		{"empty", nil},
		{"ragged", [][]float64{{1, 0}, {1}}},
		{"row sum", [][]float64{{0.5, 0.4}, {0, 1}}},
		{"negative", [][]float64{{1.5, -0.5}, {0, 1}}},
		{"NaN", [][]float64{{math.NaN(), 1}, {0, 1}}},
	} {
		if _, err := ErgodicOf(tc.p); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if _, err := NewChain([][]int{{1, -1}, {0, 1}}); err == nil {
		t.Error("negative count: no error")
	}
}

// TestStationaryNearlyDecomposable: two blocks joined by transitions of
// 1e-12, whose stationary distribution, solved by hand from pi = pi P,
//
//	pi_1 = (0.5 - e) pi_0 + 0.5 pi_1          => pi_1 = (1 - 2e) pi_0
//	pi_3 = 0.5 pi_2 + (0.5 - e) pi_3          => pi_2 = (1 + 2e) pi_3
//	pi_2 = e pi_0 + 0.5 pi_2 + 0.5 pi_3       => pi_3 = pi_0
//
// is (1, 1 - 2e, 1 + 2e, 1) / 4: the differences of 5e-13 survive GTH,
// which never subtracts.
func TestStationaryNearlyDecomposable(t *testing.T) {
	const e = 1e-12
	p := [][]float64{
		{0.5, 0.5 - e, e, 0},
		{0.5, 0.5, 0, 0},
		{0, 0, 0.5, 0.5},
		{e, 0, 0.5, 0.5 - e},
	}
	s, err := ErgodicOf(p)
	if err != nil {
		t.Fatal(err)
	}
	checkVector(t, "stationary", s.SteadyState, []float64{0.25, 0.25 * (1 - 2*e), 0.25 * (1 + 2*e), 0.25}, 1e-16)
}

// TestStepAndTiers: a hand panel of three cities over five years, tiers
// given; read every 2 years (years 0, 2, 4) the moves are, city by city,
// 0->1->1, 1->1->0, 2->2->2: 0->1 once, 1->1 twice, 1->0 once, 2->2 twice.
func TestStepAndTiers(t *testing.T) {
	tiers := [][]int{{0, 1, 2}, {2, 2, 2}, {1, 1, 2}, {0, 0, 0}, {1, 0, 2}}
	scores := make([][]float64, 5)
	for i := range scores {
		scores[i] = []float64{1, 2, 3}
	}
	m, err := Markov(scores, Options{Tiers: tiers, Step: 2})
	if err != nil {
		t.Fatal(err)
	}
	checkCounts(t, "step 2", m.Counts, [][]int{{0, 1, 0}, {1, 2, 0}, {0, 0, 2}})
	if len(m.Years) != 3 || m.Years[2] != 4 {
		t.Errorf("years %v, want [0 2 4]", m.Years)
	}
	// Four tiers declared, the last never seen: an empty row, absorbing.
	m, err = Markov(scores, Options{Tiers: tiers, TierCount: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.EmptyRows) != 1 || m.EmptyRows[0] != 3 || m.Sojourn[3] != nil {
		t.Errorf("empty rows %v, sojourn %v: want [3] and nil", m.EmptyRows, m.Sojourn)
	}
	for _, o := range []Options{
		{Tiers: tiers, TierCount: 2},              // label 2 out of range
		{Tiers: tiers[:4]},                        // too few years
		{},                                        // tiers missing
		{Tiers: tiers, Step: -1},                  // bad step
		{Tiers: tiers, Step: 5},                   // one year read
		{Classes: Scheme{Kind: Quantile, K: 1}},   // K < 2
		{Tiers: [][]int{{0}, {0}, {0}, {0}, {0}}}, // wrong number of cities
		{Tiers: [][]int{{0, 1, -1}, {0}, {0}, {0}, {0}}}, // negative tier
	} {
		if _, err := Markov(scores, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
	if _, err := Markov([][]float64{{1, math.Inf(1)}, {1, 2}}, Options{Classes: Scheme{Kind: Quantile, K: 2}}); err == nil {
		t.Error("infinite score: no error")
	}
	if _, err := Markov([][]float64{{0, 0}, {1, 2}}, Options{Classes: Scheme{Kind: Pooled, K: 2}}); err == nil {
		t.Error("pooled with a zero year mean: no error")
	}
}
