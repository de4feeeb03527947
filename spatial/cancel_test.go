package spatial

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
	"time"
)

// cancelsPromptly runs work with a context cancelled after 50 ms and
// checks that it returns context.Canceled within 2 s of that. Each
// computation below takes many seconds uncancelled, so a loop that ignored
// its context would fail the test.
func cancelsPromptly(t *testing.T, name string, work func(ctx context.Context) error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(50*time.Millisecond, cancel)
	begun := time.Now()
	err := work(ctx)
	if took := time.Since(begun); !errors.Is(err, context.Canceled) || took > 2*time.Second+50*time.Millisecond {
		t.Errorf("%s: returned %v after %v; want context.Canceled within 2 s of the cancellation", name, err, took.Round(time.Millisecond))
	}
}

func TestCancellation(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 60_000 // 1.8e9 pairs for the potential
	lat, lon, y := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		lat[i], lon[i], y[i] = 20+20*rng.Float64(), 100+20*rng.Float64(), rng.ExpFloat64()
	}
	cancelsPromptly(t, "Potential", func(ctx context.Context) error {
		_, err := Potential(ctx, pts(lat, lon), y, DefaultDecay)
		return err
	})
	w, err := KNN(pts(lat, lon), 8)
	if err != nil {
		t.Fatal(err)
	}
	rw := w.Standardize()
	p := Permutations{R: 999_999, Seed: 1}
	cancelsPromptly(t, "GlobalMoran", func(ctx context.Context) error {
		_, err := GlobalMoran(ctx, y, rw, p)
		return err
	})
	cancelsPromptly(t, "LocalMoran", func(ctx context.Context) error {
		_, err := LocalMoran(ctx, y, rw, p)
		return err
	})
	cancelsPromptly(t, "GetisOrdStar", func(ctx context.Context) error {
		_, err := GetisOrdStar(ctx, y, w, p)
		return err
	})
}
