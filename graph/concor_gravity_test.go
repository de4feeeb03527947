package graph

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"collab/internal/crossprod"
)

// gravityCase is a generated network for comparing the factored iteration
// with the dense one.
type gravityCase struct {
	name     string
	n        int
	strong   int // each city's strongest links kept; 0: every pair linked
	nearest  int // instead, each city's nearest neighbours (undirected), as bench/gen.py links them
	isolates int // cities with no link, appended
	directed bool
	binary   bool
	seed     uint64
}

// gravityNetwork scatters the case's cities over a 600 x 700 km box with
// log-normal masses and links each to its strongest gravity partners
// (mass_i mass_j / d^2), to its nearest neighbours, or to every other
// city; directed, each city's own choices are its out-links, weighted by
// the pull. Isolates come last.
func gravityNetwork(t testing.TB, c gravityCase) *Network {
	rng := rand.New(rand.NewPCG(c.seed, 18))
	n := c.n
	x, y, mass := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		x[i], y[i], mass[i] = 600*rng.Float64(), 700*rng.Float64(), math.Exp(3+1.2*rng.NormFloat64())
	}
	dist := func(i, j int) float64 { return math.Hypot(x[i]-x[j], y[i]-y[j]) }
	pull := func(i, j int) float64 { return mass[i] * mass[j] / math.Pow(max(dist(i, j), MinDistance), 2) }
	var edges []Edge
	switch {
	case c.nearest > 0:
		edges = GravityAmong(mass, 2, firstRanked(n, c.nearest, dist), dist)
	case c.strong == 0:
		for i := range n {
			for j := i + 1; j < n; j++ {
				edges = append(edges, Edge{From: i, To: j, Weight: pull(i, j)})
			}
		}
	case c.directed:
		for i, js := range strongestPulls(mass, c.strong, dist) {
			for _, j := range js {
				edges = append(edges, Edge{From: i, To: j, Weight: pull(i, j)})
			}
		}
	default:
		edges = GravityAmong(mass, 2, strongestPulls(mass, c.strong, dist), dist)
	}
	g, err := New(n+c.isolates, edges, c.directed)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestPivotedCholesky checks the factorisation on a matrix of known rank:
// every entry of X - F F' is under lowRankTolerance, and a matrix of full
// rank is refused.
func TestPivotedCholesky(t *testing.T) {
	const g, rank = 90, 7
	rng := rand.New(rand.NewPCG(41, 42))
	b := make([]float64, g*rank)
	for i := range b {
		b[i] = rng.NormFloat64()
	}
	x := make([]float64, g*g)
	for i := range g {
		for j := range g {
			x[i*g+j] = dot(b[i*rank:i*rank+rank], b[j*rank:j*rank+rank])
		}
	}
	lr, err := factorIn(context.Background(), slices.Clone(x), g, g/3, nil, new(crossprod.Workspace))
	if err != nil || lr == nil {
		t.Fatalf("%v %v", lr, err)
	}
	if lr.r != rank {
		t.Errorf("rank %d, want %d", lr.r, rank)
	}
	worst := 0.0
	for i := range g {
		for j := range g {
			worst = max(worst, math.Abs(x[i*g+j]-dot(lr.f[i*lr.r:(i+1)*lr.r], lr.f[j*lr.r:(j+1)*lr.r])))
		}
	}
	if worst > lowRankTolerance*100 { // X's entries are ~rank: relative 1e-13
		t.Errorf("residual %.3g", worst)
	}
	eye := make([]float64, g*g)
	for i := range g {
		eye[i*g+i] = 1
	}
	if lr, _ := factorIn(context.Background(), eye, g, g/3, make([]float64, crossprod.PackedLen(g/3, g)), new(crossprod.Workspace)); lr != nil {
		t.Errorf("the identity factored at rank %d under the limit %d", lr.r, g/3)
	}
}

// TestConcorCancels checks that a cancelled context ends CONCOR on 3,000
// nodes promptly: a ring, each node linked to
// its four successors and to one node drawn at random.
func TestConcorCancels(t *testing.T) {
	if testing.Short() {
		t.Skip("3,000 nodes")
	}
	const n = 3000
	rng := rand.New(rand.NewPCG(61, 62))
	var edges []Edge
	seen := map[[2]int]bool{}
	link := func(i, j int, w float64) {
		if key := [2]int{min(i, j), max(i, j)}; i != j && !seen[key] {
			seen[key] = true
			edges = append(edges, Edge{From: i, To: j, Weight: w})
		}
	}
	for i := range n {
		for k := 1; k <= 4; k++ {
			link(i, (i+k)%n, float64(k))
		}
		link(i, rng.IntN(n), 1)
	}
	g, err := New(n, edges, false)
	if err != nil {
		t.Fatal(err)
	}
	cancelsPromptly(t, "Concor", func(ctx context.Context) error {
		_, err := g.Concor(ctx, ConcorOptions{})
		return err
	})
}

// BenchmarkNearestConcor times CONCOR (depth 2) on 2,000 cities each
// linked to its 8 nearest neighbours, as bench/gen.py links them: a
// network whose iterates keep their rank longer (1999, 1974, 1418, 663,
// 387 at 1e-13) than the strongest links' (1999, 1956, 1054, 383, 143).
func BenchmarkNearestConcor(b *testing.B) {
	g := gravityNetwork(b, gravityCase{n: 2000, nearest: 8, seed: 1})
	cpu := processCPU()
	for b.Loop() {
		if _, err := g.Concor(context.Background(), ConcorOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkCompleteConcor times CONCOR (depth 2) on complete gravity
// networks, every pair of cities linked, as collab analyze meets them:
// the first cross-products are a dense product, and the iteration is
// dense until the factored form takes over.
func BenchmarkCompleteConcor(b *testing.B) {
	for _, n := range []int{1000, 2000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			g := gravityNetwork(b, gravityCase{n: n, seed: 71})
			cpu := processCPU()
			for b.Loop() {
				if _, err := g.Concor(context.Background(), ConcorOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
