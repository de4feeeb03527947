package graph

import (
	"context"
	"errors"
	"testing"
	"time"
)

// cancelsPromptly runs work with a context cancelled after 50 ms and
// checks that it returns context.Canceled within 2 s of that: Ctrl-C ends
// a run of any size promptly. Each network below takes many seconds
// uncancelled, so a loop that ignored its context would fail the test.
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

// complete is the complete graph on n nodes, unit weights.
func complete(t *testing.T, n int) *Network {
	edges := make([]Edge, 0, n*(n-1)/2)
	for i := range n {
		for j := i + 1; j < n; j++ {
			edges = append(edges, Edge{From: i, To: j, Weight: 1 + float64((i+j)%7)})
		}
	}
	g, err := New(n, edges, false)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestCancellation(t *testing.T) {
	if testing.Short() {
		t.Skip("builds networks of millions of links")
	}
	dense := complete(t, 2000) // 2 million links: O(n^3) for holes and triangles
	cancelsPromptly(t, "StructuralHoles", func(ctx context.Context) error {
		_, _, err := dense.StructuralHoles(ctx)
		return err
	})
	cancelsPromptly(t, "Clustering", func(ctx context.Context) error {
		_, err := dense.Clustering(ctx, true)
		return err
	})
	cancelsPromptly(t, "Louvain", func(ctx context.Context) error {
		_, err := dense.Louvain(ctx, 1, 1, 4)
		return err
	})
	// A star of a million nodes: the core/periphery fit never converges and
	// runs its 10,000 iterations of O(n) each.
	n := 1_000_000
	star := make([]Edge, n-1)
	for i := range star {
		star[i] = Edge{From: 0, To: i + 1, Weight: 1}
	}
	g, err := New(n, star, false)
	if err != nil {
		t.Fatal(err)
	}
	cancelsPromptly(t, "CorePeriphery", func(ctx context.Context) error {
		_, err := g.CorePeriphery(ctx, 1e-12)
		return err
	})
	// A directed chain of 100,000 nodes: every node reaches all those after
	// it, O(n^2) for the hierarchy.
	n = 100_000
	chain := make([]Edge, n-1)
	for i := range chain {
		chain[i] = Edge{From: i, To: i + 1, Weight: 1}
	}
	if g, err = New(n, chain, true); err != nil {
		t.Fatal(err)
	}
	cancelsPromptly(t, "Hierarchy", func(ctx context.Context) error {
		_, err := g.Hierarchy(ctx)
		return err
	})
	// The same chain: a search from every node, O(n^2) in all (on the dense
	// network above, renumbering its 2 million links for locality alone
	// took seconds under the race detector).
	cancelsPromptly(t, "ShortestPaths", func(ctx context.Context) error {
		_, err := g.ShortestPaths(ctx, PathOptions{})
		return err
	})
}
