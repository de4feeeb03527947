package graph

import (
	"context"
	"math"
	"testing"
)

// TestShortestPathsLengths: the length summary ShortestPaths takes from its
// own searches equals NetworkX's average_shortest_path_length and diameter
// with weight 1/w (the wholeCases references, to 1e-12), and, from a
// sample, EstimatePathSummary's from the same sources, bit for bit: both
// draw the same plan and sum the same searches.
func TestShortestPathsLengths(t *testing.T) {
	ctx := context.Background()
	for _, c := range wholeCases(t) {
		if _, ok := c.want["average_length"]; !ok {
			continue
		}
		g, err := New(c.n, c.edges, c.directed)
		if err != nil {
			t.Fatal(err)
		}
		pc, err := g.ShortestPaths(ctx, PathOptions{})
		if err != nil {
			t.Fatal(err)
		}
		l := pc.Lengths
		if l.AverageLength == nil || l.DiameterLength == nil || l.AverageHops != nil || l.Sources != c.n || l.Component != int(c.want["component"]) {
			t.Fatalf("%s: %+v", c.name, l)
		}
		for _, q := range []struct {
			name      string
			got, want float64
		}{{"average_length", *l.AverageLength, c.want["average_length"]}, {"diameter_length", *l.DiameterLength, c.want["diameter_length"]}} {
			if math.Abs(q.got-q.want) > 1e-12*q.want {
				t.Errorf("%s: %s %.17g, NetworkX %.17g", c.name, q.name, q.got, q.want)
			}
		}
	}
	g := syntheticRegion(t, 500)
	o := PathOptions{Sample: 150, Seed: 7}
	pc, err := g.ShortestPaths(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	est, err := g.EstimatePathSummary(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	l := pc.Lengths
	if *l.AverageLength != *est.AverageLength || *l.DiameterLength != *est.DiameterLength || l.WeightedEfficiency != est.WeightedEfficiency ||
		*l.AverageLengthSE != *est.AverageLengthSE || *l.WeightedEfficiencySE != *est.WeightedEfficiencySE || l.Sources != est.Sources {
		t.Errorf("sampled: ShortestPaths' lengths %+v, EstimatePathSummary %+v", l, est)
	}
}

// TestVanishingWeightTerminates: a weight of 5e-324 has no finite inverse;
// with its length bounded the searches end (they revisited settled nodes
// for ever when Inf - Inf made the tie test NaN), the path through it
// counts, and every measure is finite.
func TestVanishingWeightTerminates(t *testing.T) {
	g, err := New(3, []Edge{{0, 1, 1}, {1, 2, 5e-324}}, false)
	if err != nil {
		t.Fatal(err)
	}
	pc, err := g.ShortestPaths(context.Background(), PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if pc.Betweenness[1] != 1 || pc.Lengths.DiameterLength == nil || math.IsInf(*pc.Lengths.DiameterLength, 0) || !(*pc.Lengths.DiameterLength > 1e300) {
		t.Errorf("betweenness %v, diameter %v: want node 1 on the one path, a finite diameter above 1e300", pc.Betweenness, pc.Lengths.DiameterLength)
	}
	for _, x := range append(pc.Closeness, pc.Harmonic...) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Errorf("closeness %v, harmonic %v: want finite", pc.Closeness, pc.Harmonic)
		}
	}
}
