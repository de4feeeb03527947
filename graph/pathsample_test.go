package graph

import (
	"context"
	"math"
	"reflect"
	"runtime"
	"testing"
)

// TestEstimatePathSummary checks that with no sample it is PathSummary,
// and that from 150 of 500 sources (a synthetic region keeping 8 gravity
// links per city, one component) the averages and efficiencies are within
// four standard errors of the exact values: the standard error of a mean of
// K of N per-source values drawn without replacement,
// sqrt((1 - K/N) s^2 / K), s^2 their variance over all sources; and the
// diameters are lower bounds of the exact ones.
func TestEstimatePathSummary(t *testing.T) {
	g := syntheticRegion(t, 500)
	ctx := context.Background()
	exact, err := g.PathSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same, err := g.EstimatePathSummary(ctx, PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(exact, same) || exact.Sources != 500 || !exact.Connected {
		t.Errorf("no sample: %+v, PathSummary %+v", same, exact)
	}
	est, err := g.EstimatePathSummary(ctx, PathOptions{Sample: 150, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	k, n := float64(est.Sources), 500.0
	if k != 150 {
		t.Errorf("%g sources, want 150", k)
	}
	// Each source's contribution, scaled to the whole-network statistic.
	member := g.largestComponent()
	w := newPathWorker(g, true)
	per := make([][4]float64, 500)
	for s := range 500 {
		p := w.fromSource(g, s, member, true)
		per[s] = [4]float64{p.hops / (n - 1), p.length / (n - 1), p.inverseHops / (n - 1), p.inverse / (n - 1)}
	}
	for q, c := range []struct {
		name       string
		got, exact float64
	}{
		{"average hops", *est.AverageHops, *exact.AverageHops},
		{"average length", *est.AverageLength, *exact.AverageLength},
		{"global efficiency", est.GlobalEfficiency, exact.GlobalEfficiency},
		{"weighted efficiency", est.WeightedEfficiency, exact.WeightedEfficiency},
	} {
		var ss float64
		for s := range per {
			ss += (per[s][q] - c.exact) * (per[s][q] - c.exact)
		}
		se := math.Sqrt((1 - k/n) * ss / (n - 1) / k)
		if math.Abs(c.got-c.exact) > 4*se {
			t.Errorf("%s: estimate %g, exact %g, standard error %g", c.name, c.got, c.exact, se)
		}
	}
	hops, err := g.EstimateHopSummary(ctx, PathOptions{Sample: 150, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if *hops.AverageHops != *est.AverageHops || hops.GlobalEfficiency != est.GlobalEfficiency || *hops.DiameterHops != *est.DiameterHops ||
		hops.AverageLength != nil || hops.DiameterLength != nil || hops.WeightedEfficiency != 0 {
		t.Errorf("hops only: %+v, with lengths %+v", hops, est)
	}
	if *est.DiameterHops > *exact.DiameterHops || *est.DiameterLength > *exact.DiameterLength {
		t.Errorf("diameters %d %g exceed the exact %d %g", *est.DiameterHops, *est.DiameterLength, *exact.DiameterHops, *exact.DiameterLength)
	}
}

// TestSmallWorldComplete: on a complete graph no swap is possible, so every
// reference is the graph itself (NetworkX's random_reference and
// lattice_reference return it unchanged): sigma = (1/1)/(1/1) = 1 and
// omega = 1/1 - 1/1 = 0, by hand.
func TestSmallWorldComplete(t *testing.T) {
	var edges []Edge
	for i := range 6 {
		for j := range i {
			edges = append(edges, Edge{From: i, To: j, Weight: 1})
		}
	}
	g, err := New(6, edges, false)
	if err != nil {
		t.Fatal(err)
	}
	sw, err := g.SmallWorld(context.Background(), SmallWorldOptions{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if sw.Sigma == nil || math.Abs(*sw.Sigma-1) > 1e-12 || sw.Omega == nil || math.Abs(*sw.Omega) > 1e-12 {
		t.Errorf("K6: sigma %v omega %v, want 1 and 0", sw.Sigma, sw.Omega)
	}
}

// TestEstimatePathSummaryErrors: over 40 samples of 100 of the 500
// sources of a synthetic region, the stated standard errors of the average
// hops and lengths and of the two efficiencies are honest (errors in their
// units have mean square within [0.4, 2]: 40 samples, so wide bounds), the
// diameters never exceed the exact ones, and each sample is the same on
// one core and two.
func TestEstimatePathSummaryErrors(t *testing.T) {
	g := syntheticRegion(t, 500)
	ctx := context.Background()
	exact, err := g.PathSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if exact.AverageHopsSE != nil || exact.GlobalEfficiencySE != nil {
		t.Error("exact summary states a standard error")
	}
	var zz [4]float64
	const samples = 40
	for seed := uint64(1); seed <= samples; seed++ {
		o := PathOptions{Sample: 100, Seed: seed}
		prev := runtime.GOMAXPROCS(1)
		est, err := g.EstimatePathSummary(ctx, o)
		runtime.GOMAXPROCS(2)
		again, _ := g.EstimatePathSummary(ctx, o)
		runtime.GOMAXPROCS(prev)
		if err != nil || !reflect.DeepEqual(est, again) {
			t.Fatalf("seed %d: one core %+v, two %+v (%v)", seed, est, again, err)
		}
		for q, c := range []struct{ got, se, exact float64 }{
			{*est.AverageHops, *est.AverageHopsSE, *exact.AverageHops},
			{*est.AverageLength, *est.AverageLengthSE, *exact.AverageLength},
			{est.GlobalEfficiency, *est.GlobalEfficiencySE, exact.GlobalEfficiency},
			{est.WeightedEfficiency, *est.WeightedEfficiencySE, exact.WeightedEfficiency},
		} {
			z := (c.got - c.exact) / c.se
			zz[q] += z * z / samples
		}
		if *est.DiameterHops > *exact.DiameterHops || *est.DiameterLength > *exact.DiameterLength {
			t.Errorf("seed %d: diameters %d %g above the exact %d %g", seed, *est.DiameterHops, *est.DiameterLength, *exact.DiameterHops, *exact.DiameterLength)
		}
	}
	t.Logf("mean z^2: average hops %.2f, average length %.2f, global efficiency %.2f, weighted efficiency %.2f", zz[0], zz[1], zz[2], zz[3])
	for q, name := range []string{"average hops", "average length", "global efficiency", "weighted efficiency"} {
		if zz[q] < 0.4 || zz[q] > 2 {
			t.Errorf("%s: mean z^2 %.2f, want near 1", name, zz[q])
		}
	}
}
