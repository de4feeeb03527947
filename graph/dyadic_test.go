package graph

import (
	"context"
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestDyadicBuilders(t *testing.T) {
	dist, err := DistanceMatrix(3, func(i, j int) float64 { return float64(10*i + j) })
	if err != nil {
		t.Fatal(err)
	}
	if dist.At(2, 1) != 21 || dist.At(1, 2) != 12 || dist.At(1, 1) != 0 {
		t.Errorf("distance matrix %v", dist.data)
	}
	if _, err := DistanceMatrix(2, func(i, j int) float64 { return math.NaN() }); err == nil {
		t.Error("NaN distance: no error")
	}
	same := SameGroupMatrix([]string{"a", "b", "a"})
	if same.At(0, 2) != 1 || same.At(2, 0) != 1 || same.At(0, 1) != 0 || same.At(0, 0) != 0 {
		t.Errorf("same group %v", same.data)
	}
	gap, _ := GapMatrix([]float64{1, 4, 2.5})
	if gap.At(0, 1) != 3 || gap.At(1, 2) != 1.5 || !gap.Symmetric() {
		t.Errorf("gap %v", gap.data)
	}
	if _, err := GapMatrix([]float64{1, math.Inf(1)}); err == nil {
		t.Error("infinite score: no error")
	}
	und, _ := LinkMatrix(3, []Edge{{0, 1, 2}, {1, 2, 5}}, false)
	dir, _ := LinkMatrix(3, []Edge{{0, 1, 2}, {1, 0, 3}}, true)
	if und.At(1, 0) != 2 || und.At(2, 1) != 5 || dir.At(0, 1) != 2 || dir.At(1, 0) != 3 || dir.At(2, 0) != 0 {
		t.Errorf("links %v %v", und.data, dir.data)
	}
	for _, bad := range [][]Edge{{{0, 3, 1}}, {{1, 1, 1}}, {{0, 1, math.NaN()}}, {{0, 1, 1}, {1, 0, 1}}} {
		if _, err := LinkMatrix(3, bad, false); err == nil {
			t.Errorf("links %v: no error", bad)
		}
	}
	m := mat.NewDense(2, 2, []float64{0, 1, 2, 0})
	d, err := DyadicFrom(m)
	if err != nil || d.At(1, 0) != 2 || !mat.Equal(d.Dense(), m) {
		t.Errorf("DyadicFrom: %v %v", d, err)
	}
	if _, err := DyadicFrom(mat.NewDense(2, 3, nil)); err == nil {
		t.Error("non-square: no error")
	}
}

func TestQAPRejects(t *testing.T) {
	ctx := context.Background()
	y, x := qapFixture(8, false)
	small, _ := NewDyadic(5)
	constant, _ := NewDyadic(8)
	for name, run := range map[string]func() error{
		"orders differ":        func() error { _, err := QAPCorrelate(ctx, y, small, QAPOptions{}); return err },
		"constant x":           func() error { _, err := QAPCorrelate(ctx, y, constant, QAPOptions{}); return err },
		"negative permutation": func() error { _, err := QAPCorrelate(ctx, y, x[0], QAPOptions{Permutations: -1}); return err },
		"asymmetric y":         func() error { _, err := QAPCorrelate(ctx, y, x[0], QAPOptions{Symmetric: true}); return err },
		"collinear predictors": func() error {
			_, err := MRQAP(ctx, y, []*Dyadic{x[0], x[0]}, MRQAPOptions{})
			return err
		},
		"constant predictor with intercept": func() error {
			_, err := MRQAP(ctx, y, []*Dyadic{constant}, MRQAPOptions{})
			return err
		},
		"names miscounted": func() error {
			_, err := MRQAP(ctx, y, x, MRQAPOptions{Names: []string{"d"}})
			return err
		},
	} {
		if run() == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestLongRunsStopOnContext checks that a cancelled context stops each
// long-running function with its error.
func TestLongRunsStopOnContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	y, x := qapFixture(10, false)
	g := syntheticRegion(t, 60)
	for name, run := range map[string]func() error{
		"QAPCorrelate": func() error { _, err := QAPCorrelate(ctx, y, x[0], QAPOptions{}); return err },
		"MRQAP":        func() error { _, err := MRQAP(ctx, y, x, MRQAPOptions{}); return err },
		"Concor":       func() error { _, err := g.Concor(ctx, ConcorOptions{}); return err },
		"PathSummary":  func() error { _, err := g.PathSummary(ctx); return err },
		"SmallWorld":   func() error { _, err := g.SmallWorld(ctx, SmallWorldOptions{}); return err },
	} {
		if err := run(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: error %v, want context.Canceled", name, err)
		}
	}
}

// TestMRQAPStandardised checks the standardised coefficients against
// their definition b sd(x)/sd(y), and that the intercept has none.
func TestMRQAPStandardised(t *testing.T) {
	y, x := qapFixture(12, false)
	fit, err := MRQAP(context.Background(), y, x, MRQAPOptions{QAPOptions: QAPOptions{Permutations: 10}})
	if err != nil {
		t.Fatal(err)
	}
	p := pairSet{n: 12}
	_, syy := centre(p.vector(y))
	if fit.Terms[0].Standardised != nil {
		t.Error("intercept has a standardised coefficient")
	}
	for k, m := range x {
		_, sxx := centre(p.vector(m))
		want := fit.Terms[k+1].Coefficient * math.Sqrt(sxx/syy)
		if got := *fit.Terms[k+1].Standardised; math.Abs(got-want) > 1e-12*math.Abs(want) {
			t.Errorf("term %d: standardised %g, want %g", k+1, got, want)
		}
	}
}
