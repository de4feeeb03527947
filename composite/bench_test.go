package composite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchTable is the size: 20,000 cities x 10 indicators x 20 years,
// lognormal-ish positive values.
func benchTable() (*Table, IndicatorList) {
	const n, m, years = 20000, 10, 20
	rng := rand.New(rand.NewPCG(1, 2))
	cities := make([]string, n)
	for i := range cities {
		cities[i] = fmt.Sprintf("c%05d", i)
	}
	ys := make([]int, years)
	for p := range ys {
		ys[p] = 2001 + p
	}
	cols := make([]string, m)
	inds := make(IndicatorList, m)
	for j := range cols {
		cols[j] = fmt.Sprintf("x%d", j)
		inds[j] = Indicator{Name: cols[j], LessIsBetter: j%4 == 3}
	}
	t := NewTable(cities, ys, cols)
	for p := range t.Values {
		for j := range t.Values[p] {
			for i := range t.Values[p][j] {
				t.Values[p][j][i] = float64(p+1) * (1 + rng.ExpFloat64())
			}
		}
	}
	return t, inds
}

// BenchmarkScore: the whole index (entropy weights, pooled over every
// city-year) and entropy-TOPSIS, CRITIC, per-year entropy and the coupling
// of two subsystems, on 20,000 x 10 x 20.
//
//	go test ./composite/ -run '^$' -bench Score -benchtime 5x -count 5
func BenchmarkScore(b *testing.B) {
	t, inds := benchTable()
	subs := Subsystems{{"a", inds[:5]}, {"b", inds[5:]}}
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		run  func() error
	}{
		{"entropy", func() error { _, err := Score(ctx, t, inds, Options{}); return err }},
		{"topsis", func() error { _, err := Score(ctx, t, inds, Options{Method: TOPSIS}); return err }},
		{"entropy+topsis", func() error {
			if _, err := Score(ctx, t, inds, Options{}); err != nil {
				return err
			}
			_, err := Score(ctx, t, inds, Options{Method: TOPSIS})
			return err
		}},
		{"critic", func() error { _, err := Score(ctx, t, inds, Options{Method: CRITIC}); return err }},
		{"entropy-per-year", func() error { _, err := Score(ctx, t, inds, Options{PerYear: true}); return err }},
		{"coupling", func() error { _, err := Coordinate(ctx, t, subs, nil, Options{}); return err }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if err := bc.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
