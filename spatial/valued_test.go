package spatial

import (
	"math"
	"strings"
	"testing"
)

// TestFromRows builds a 3-city valued matrix given out of order and checks
// its rows, row standardisation (worked by hand: row 0 is 2, 6 -> 0.25,
// 0.75) and the refusals.
func TestFromRows(t *testing.T) {
	w, err := FromRows([][]int{{2, 1}, {0}, {}}, [][]float64{{6, 2}, {4}, {}})
	if err != nil {
		t.Fatal(err)
	}
	nb, wt := w.Row(0)
	if len(nb) != 2 || nb[0] != 1 || nb[1] != 2 || wt[0] != 2 || wt[1] != 6 {
		t.Fatalf("row 0 = %v %v, want [1 2] [2 6]", nb, wt)
	}
	if w.Links() != 3 || len(w.Islands()) != 1 || w.Islands()[0] != 2 {
		t.Fatalf("links %d islands %v, want 3 and [2]", w.Links(), w.Islands())
	}
	_, s := w.Standardize().Row(0)
	if math.Abs(s[0]-0.25) > 1e-15 || math.Abs(s[1]-0.75) > 1e-15 {
		t.Fatalf("standardised row 0 = %v, want [0.25 0.75]", s)
	}
	for _, c := range []struct {
		nb   [][]int
		wt   [][]float64
		want string
	}{
		{[][]int{{1}, {0}}, [][]float64{{1}}, "2 rows of neighbours"},
		{[][]int{{1}, {0}}, [][]float64{{1}, {1, 2}}, "1 neighbours and 2 weights"},
		{[][]int{{2}, {0}}, [][]float64{{1}, {1}}, "out of range"},
		{[][]int{{0}, {0}}, [][]float64{{1}, {1}}, "itself"},
		{[][]int{{1, 1}, {0}}, [][]float64{{1, 1}, {1}}, "twice"},
		{[][]int{{1}, {0}}, [][]float64{{math.Inf(1)}, {1}}, "not a finite number > 0"},
		{[][]int{{1}, {0}}, [][]float64{{0}, {1}}, "not a finite number > 0"},
	} {
		if _, err := FromRows(c.nb, c.wt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("FromRows(%v, %v) = %v, want an error containing %q", c.nb, c.wt, err, c.want)
		}
	}
}
