package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// concorCase is a network with the blocks testdata/concor.R (CONCOR as R
// concorR defines it, over R's own pairwise-complete cor) gives it:
//
//	Rscript graph/testdata/concor.R EDGES N DIRECTED BINARY 2
//
// with EDGES the case's links as TestConcorMatchesR writes them (R 4.2.2).
type concorCase struct {
	name             string
	n                int
	edges            []Edge
	directed, binary bool
	block            []int
	iterations       []int
}

// concorDigraph is a random weighted digraph of 30 nodes, two of them
// isolated (28 and 29), from a fixed seed.
func concorDigraph() []Edge {
	rng := rand.New(rand.NewPCG(75, 1975))
	var edges []Edge
	for i := range 28 {
		for j := range 28 {
			if i != j && rng.Float64() < 0.12+0.2*float64(boolInt((i < 14) == (j < 14))) {
				edges = append(edges, Edge{From: i, To: j, Weight: float64(1 + rng.IntN(5))})
			}
		}
	}
	return edges
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func concorCases(t testing.TB) []concorCase {
	_, flor := florentine(t)
	_, kar := karate(t)
	return []concorCase{
		// Padgett's Florentine marriage ties (the families Breiger and
		// Pattison 1986 blockmodel), binary, with Pucci, who married into
		// none of them, as node 15.
		{name: "florentine", n: 16, edges: flor, binary: true,
			block:      []int{3, 3, 1, 1, 1, 3, 3, 2, 2, 3, 0, 1, 0, 0, 2, 4},
			iterations: []int{13, 6, 9}},
		{name: "karate weighted", n: 34, edges: kar,
			block:      []int{3, 3, 3, 3, 2, 2, 2, 3, 1, 1, 2, 3, 3, 3, 1, 1, 2, 3, 1, 3, 1, 3, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 0},
			iterations: []int{6, 11, 7}},
		{name: "karate binary", n: 34, edges: kar, binary: true,
			block:      []int{3, 3, 3, 3, 2, 2, 2, 3, 1, 1, 2, 3, 3, 3, 1, 1, 2, 3, 1, 3, 1, 3, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0},
			iterations: []int{6, 8, 8}},
		{name: "digraph", n: 30, edges: concorDigraph(), directed: true,
			block:      []int{3, 2, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 2, 1, 3, 3, 0, 2, 3, 3, 2, 1, 2, 3, 3, 2, 4, 4},
			iterations: []int{9, 9, 10}},
	}
}

func TestConcorMatchesR(t *testing.T) {
	for _, c := range concorCases(t) {
		t.Run(c.name, func(t *testing.T) {
			if live, iters, err := runConcorR(t, c); err != nil {
				t.Log(err)
			} else if !slices.Equal(live, c.block) || !slices.Equal(iters, c.iterations) {
				t.Errorf("testdata/concor.R now gives blocks %v iterations %v; the test pins %v %v", live, iters, c.block, c.iterations)
			}
			g, err := New(c.n, c.edges, c.directed)
			if err != nil {
				t.Fatal(err)
			}
			res, err := g.Concor(context.Background(), ConcorOptions{Binary: c.binary})
			if err != nil {
				t.Fatal(err)
			}
			var iters []int
			for _, s := range res.Splits {
				iters = append(iters, s.Iterations)
				if !s.Converged {
					t.Errorf("split %+v did not converge", s)
				}
			}
			if !slices.Equal(res.Block, c.block) || !slices.Equal(iters, c.iterations) {
				t.Errorf("blocks %v iterations %v, concor.R %v %v", res.Block, iters, c.block, c.iterations)
			}
		})
	}
}

// runConcorR runs testdata/concor.R on the case, or says why not.
func runConcorR(t *testing.T, c concorCase) (block, iterations []int, err error) {
	if _, err := exec.LookPath("Rscript"); err != nil {
		return nil, nil, fmt.Errorf("Rscript not found (Debian: r-base-core): comparing with the pinned blocks")
	}
	var b strings.Builder
	for _, e := range c.edges {
		fmt.Fprintf(&b, "%d %d %s\n", e.From, e.To, strconv.FormatFloat(e.Weight, 'g', -1, 64))
	}
	path := filepath.Join(t.TempDir(), "edges.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("Rscript", "testdata/concor.R", path, strconv.Itoa(c.n), strconv.FormatBool(c.directed), strconv.FormatBool(c.binary), "2").CombinedOutput()
	if err != nil {
		t.Fatalf("Rscript testdata/concor.R: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		var v []int
		for _, w := range f[1:] {
			x, _ := strconv.Atoi(w)
			v = append(v, x)
		}
		switch f[0] {
		case "block":
			block = v
		case "iterations":
			iterations = v
		}
	}
	t.Logf("concor.R: block: %#v iterations: %#v", block, iterations)
	return block, iterations, nil
}

// TestConcorSameOnAnyCoreCount checks that the blocks and iteration counts
// do not depend on the number of cores the matrix products run on.
func TestConcorSameOnAnyCoreCount(t *testing.T) {
	g := syntheticRegion(t, 300)
	run := func(procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		res, err := g.Concor(context.Background(), ConcorOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(res)
	}
	if one, four := run(1), run(4); one != four {
		t.Errorf("1 core: %s\n4 cores: %s", one, four)
	}
}

// processCPU is the process's user and system CPU time so far: on the
// shared machine the benchmarks report it beside the wall time.
func processCPU() time.Duration {
	var r syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &r); err != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}

// BenchmarkConcor times CONCOR (depth 2) on synthetic regions of 340
// (China's prefecture cities), 500 and 2,000 cities, each keeping its 8
// strongest gravity links.
func BenchmarkConcor(b *testing.B) {
	for _, n := range []int{340, 500, 2000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			g := syntheticRegion(b, n)
			cpu := processCPU()
			for b.Loop() {
				res, err := g.Concor(context.Background(), ConcorOptions{})
				if err != nil {
					b.Fatal(err)
				}
				iters := 0
				for _, s := range res.Splits {
					iters += s.Iterations
				}
				b.ReportMetric(float64(iters), "iterations")
			}
			b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
