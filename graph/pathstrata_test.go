package graph

import (
	"context"
	"math"
	"runtime"
	"slices"
	"testing"
)

// TestStratifiedPathByHand checks the stratified estimator against the
// formulas worked by hand on a path of 12 nodes with links of length 1,
// where the dependency of source s on node v (positions along the path)
// is v's count of nodes beyond it, away from s: 11 - v when s < v, v when
// s > v (every shortest path is the only one). From the plan's strata the
// test forms T = sum_h (N_h/n_h) sum y and
// V = sum_h N_h^2 (1 - n_h/N_h) s_h^2 / n_h itself, and ShortestPaths must
// return T/(11*10) and sqrt(V)/(11*10) to rounding.
func TestStratifiedPathByHand(t *testing.T) {
	const n = 12
	var edges []Edge
	for i := range n - 1 {
		edges = append(edges, Edge{From: i, To: i + 1, Weight: 1})
	}
	g, err := New(n, edges, false)
	if err != nil {
		t.Fatal(err)
	}
	o := PathOptions{Sample: 10, Seed: 4}
	order := g.localityOrder()
	plan := g.renumbered(order).planSources(o)
	if len(plan.strata) != 5 || len(plan.sources) != 10 {
		t.Fatalf("%d strata, %d sources; want 5 strata of 2", len(plan.strata), len(plan.sources))
	}
	dependency := func(s, v int) float64 {
		switch {
		case s < v:
			return float64(n - 1 - v)
		case s > v:
			return float64(v)
		}
		return 0
	}
	pc, err := g.ShortestPaths(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	for v := range n {
		var total, variance float64
		for _, h := range plan.strata {
			var ys []float64
			for _, s := range plan.sources[h.first : h.first+h.picked] {
				ys = append(ys, dependency(int(order[s]), v))
			}
			mean := (ys[0] + ys[1]) / 2
			s2 := (ys[0]-mean)*(ys[0]-mean) + (ys[1]-mean)*(ys[1]-mean) // over n_h - 1 = 1
			size := float64(h.size)
			total += size * mean
			variance += size * size * (1 - 2/size) * s2 / 2
		}
		scale := 1.0 / (11 * 10)
		if math.Abs(pc.Betweenness[v]-total*scale) > 1e-12 || math.Abs(pc.BetweennessSE[v]-math.Sqrt(variance)*scale) > 1e-12 {
			t.Errorf("node %d: %g (se %g), by hand %g (se %g)", v, pc.Betweenness[v], pc.BetweennessSE[v], total*scale, math.Sqrt(variance)*scale)
		}
	}
}

// TestStratifiedBetweennessHonest draws 30 samples of 100 of the 1,000
// sources of a synthetic region (8 gravity links a city) and compares the
// ten most central cities' estimates with their exact betweenness: the
// errors in units of the stated standard errors must have mean square
// near 1 and fall within 1.96 of them about 95% of the time (300 errors,
// correlated within a sample, so the bounds are wide: [0.6, 1.6] and
// [0.88, 0.995]), and the estimates' root mean square relative error must
// be well below (under 0.8 times) the standard error of simple random
// sampling of as many sources, sqrt((1 - K/N) S^2 / K) N with S^2 the
// variance of the exact per-source dependencies (computed from all
// sources). Half the samples run on one core, half on two; each must be
// the same bits on both.
func TestStratifiedBetweennessHonest(t *testing.T) {
	g := syntheticRegion(t, 1000)
	exact, err := g.ShortestPaths(context.Background(), PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	top := topNodes(exact.Betweenness, 10)
	const k = 100
	srs := simpleRandomSE(g, top, k)
	var zz, cover, sq, srsSq float64
	m := 0
	for seed := uint64(1); seed <= 30; seed++ {
		o := PathOptions{Sample: k, Seed: seed}
		prev := runtime.GOMAXPROCS(1 + int(seed%2))
		est, err := g.ShortestPaths(context.Background(), o)
		runtime.GOMAXPROCS(2 - int(seed%2))
		again, _ := g.ShortestPaths(context.Background(), o)
		runtime.GOMAXPROCS(prev)
		if err != nil || est.Sampled != k {
			t.Fatalf("seed %d: %d sources, %v", seed, est.Sampled, err)
		}
		if !slices.Equal(est.Betweenness, again.Betweenness) || !slices.Equal(est.BetweennessSE, again.BetweennessSE) || !slices.Equal(est.Closeness, again.Closeness) {
			t.Fatalf("seed %d: one core and two differ", seed)
		}
		for j, v := range top {
			z := (est.Betweenness[v] - exact.Betweenness[v]) / est.BetweennessSE[v]
			zz += z * z
			if math.Abs(z) <= 1.96 {
				cover++
			}
			rel := (est.Betweenness[v] - exact.Betweenness[v]) / exact.Betweenness[v]
			sq += rel * rel
			srsSq += srs[j] * srs[j] / (exact.Betweenness[v] * exact.Betweenness[v])
			m++
		}
	}
	meanZZ, coverage := zz/float64(m), cover/float64(m)
	rms, srsRMS := math.Sqrt(sq/float64(m)), math.Sqrt(srsSq/float64(m))
	t.Logf("top 10 over 30 samples: mean z^2 %.3f, coverage %.3f, relative error %.4f, simple random sampling's %.4f", meanZZ, coverage, rms, srsRMS)
	if meanZZ < 0.6 || meanZZ > 1.6 || coverage < 0.88 || coverage > 0.995 {
		t.Errorf("standard errors are not honest: mean z^2 %.3f, coverage %.3f", meanZZ, coverage)
	}
	if rms > 0.8*srsRMS {
		t.Errorf("stratification does not pay: relative error %.4f, simple random sampling's %.4f", rms, srsRMS)
	}
}

// simpleRandomSE is the standard error, in normalised betweenness, of the
// estimate from k sources drawn by simple random sampling, for each node
// of top: N sqrt((1 - k/N) S^2 / k), S^2 the variance over all N sources
// of their dependencies on the node (Cochran 1977, eq. 2.19).
func simpleRandomSE(g *Network, top []int, k int) []float64 {
	n := g.n
	w := newSearch(g)
	sum, square := make([]float64, len(top)), make([]float64, len(top))
	for s := range n {
		w.run(s)
		w.dependencies()
		for j, v := range top {
			if v != s {
				d := w.state[v].delta
				sum[j] += d
				square[j] += d * d
			}
		}
	}
	se := make([]float64, len(top))
	nf, kf := float64(n), float64(k)
	for j := range top {
		s2 := (square[j] - sum[j]*sum[j]/nf) / (nf - 1)
		se[j] = nf * math.Sqrt((1-kf/nf)*s2/kf) / ((nf - 1) * (nf - 2))
	}
	return se
}

// TestBisectionOrder: on a 32 x 32 grid, the nested bisection order is a
// permutation of the nodes, and its runs of 32 consecutive nodes are
// compact: their mean span (largest grid distance between two of their
// nodes) is under half that of the runs of the breadth-first locality
// order, which follow a diagonal level across the grid.
func TestBisectionOrder(t *testing.T) {
	const side = 32
	var edges []Edge
	at := func(x, y int) int { return x*side + y }
	for x := range side {
		for y := range side {
			if x+1 < side {
				edges = append(edges, Edge{From: at(x, y), To: at(x+1, y), Weight: 1})
			}
			if y+1 < side {
				edges = append(edges, Edge{From: at(x, y), To: at(x, y+1), Weight: 1})
			}
		}
	}
	g, err := New(side*side, edges, false)
	if err != nil {
		t.Fatal(err)
	}
	locality := g.localityOrder()
	local := g.renumbered(locality)
	all := make([]int32, g.n)
	for i := range all {
		all[i] = int32(i)
	}
	bisect := local.bisectionOrder(all)
	if sorted := slices.Sorted(slices.Values(bisect)); !slices.Equal(sorted, all) {
		t.Fatal("bisection order is not a permutation")
	}
	span := func(perm []int32) float64 { // mean over runs of 32, in grid distance
		var total float64
		for lo := 0; lo < len(perm); lo += side {
			widest := 0
			for _, a := range perm[lo : lo+side] {
				for _, b := range perm[lo : lo+side] {
					u, v := int(locality[a]), int(locality[b])
					d := abs(u/side-v/side) + abs(u%side-v%side)
					widest = max(widest, d)
				}
			}
			total += float64(widest)
		}
		return total / float64(len(perm)/side)
	}
	b, l := span(bisect), span(all)
	t.Logf("mean span of runs of 32: bisection %.1f, locality %.1f", b, l)
	if b > l/2 {
		t.Errorf("bisection runs span %.1f, locality runs %.1f: not compact", b, l)
	}
}

// TestSampledPathsCancel: a sampled pass stops on a cancelled context
// (ShortestPaths and EstimateHopSummary), and its progress counts sources,
// ending at the sample's size (102 here: ceil(100 * 200/203) = 99 drawn in strata of the
// 200-node component and 3 from the 3-node one, searched from every node).
func TestSampledPathsCancel(t *testing.T) {
	edges := append([]Edge{}, randomNetwork(t, 200, 800, 3).Edges()...)
	edges = append(edges, Edge{200, 201, 1}, Edge{201, 202, 2})
	g, err := New(203, edges, false)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := g.ShortestPaths(ctx, PathOptions{Sample: 100, Seed: 1}); err == nil {
		t.Error("a cancelled context did not stop the sampled search")
	}
	if _, err := g.EstimateHopSummary(ctx, PathOptions{Sample: 100, Seed: 1}); err == nil {
		t.Error("a cancelled context did not stop the sampled hop summary")
	}
	var last, total int
	pc, err := g.ShortestPaths(context.Background(), PathOptions{Sample: 100, Seed: 1, Progress: func(done, all int) { last, total = done, all }})
	if err != nil || last != pc.Sampled || total != pc.Sampled || pc.Sampled != 102 {
		t.Errorf("progress ended at %d of %d, sampled %d (%v); want 102", last, total, pc.Sampled, err)
	}
}
