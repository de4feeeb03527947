package graph

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"sync"
	"testing"
)

// TestSamplingDesignExperiment is the experiment behind the choice of
// sampling design (docs/PERFORMANCE.md): on the links in
// $COLLAB_DESIGN_LINKS it computes, for every source s, the dependency
// delta_s(v) of the most central nodes v (numbered in the locality order the
// searches use), then draws many samples of each design and compares the
// estimators' true error with the standard error they state. Skipped
// unless the variable is set; it is an experiment, not a check.
func TestSamplingDesignExperiment(t *testing.T) {
	path := os.Getenv("COLLAB_DESIGN_LINKS")
	if path == "" {
		t.Skip("COLLAB_DESIGN_LINKS not set: the design experiment needs an edge list")
	}
	g := readEdgeList(t, path)
	local := g.renumbered(g.localityOrder())
	n := local.n
	const top = 10
	cache := path + ".dep"
	dep, cand := readDependencies(cache)
	if dep == nil {
		pre, err := local.ShortestPaths(context.Background(), PathOptions{Sample: 2000, Seed: 99})
		if err != nil {
			t.Fatal(err)
		}
		cand = topNodes(pre.Betweenness, 40)
		dep = allDependencies(local, cand)
		writeDependencies(cache, dep, cand)
	}
	c := len(cand)
	exact := make([]float64, c)
	for s := range n {
		for j := range c {
			exact[j] += float64(dep[s*c+j])
		}
	}
	best := topNodes(exact, top) // indices into cand
	t.Logf("n %d; top exact totals %v", n, best)
	label, _ := local.Components()
	t.Logf("components: first label %d last %d", label[0], label[n-1])
	all := make([]int32, n)
	for i := range all {
		all[i] = int32(i)
	}
	bisect := local.bisectionOrder(all)
	for _, k := range []int{300, 500, 700, 1000, 1500, 2000} {
		for _, d := range []string{"srs", "strat2", "strat1b", "strat2b"} {
			perm := all
			if d[len(d)-1] == 'b' {
				perm = bisect
			}
			simulateDesign(t, d, k, n, c, dep, exact, best, perm)
		}
	}
}

func topNodes(x []float64, k int) []int {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmpDesc(x[a], x[b]) })
	return idx[:min(k, len(idx))]
}

func allDependencies(g *Network, cand []int) []float32 {
	n, c := g.n, len(cand)
	dep := make([]float32, n*c)
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := newSearch(g)
			tl := newTally(n, false)
			for {
				mu.Lock()
				s := next
				next++
				mu.Unlock()
				if s >= n {
					return
				}
				w.run(s)
				w.accumulate(s, tl)
				for j, v := range cand {
					if v != s {
						dep[s*c+j] = float32(w.state[v].delta)
					}
				}
			}
		}()
	}
	wg.Wait()
	return dep
}

func writeDependencies(path string, dep []float32, cand []int) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	binary.Write(f, binary.LittleEndian, int64(len(cand)))
	for _, v := range cand {
		binary.Write(f, binary.LittleEndian, int64(v))
	}
	binary.Write(f, binary.LittleEndian, dep)
}

func readDependencies(path string) ([]float32, []int) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil
	}
	defer f.Close()
	st, _ := f.Stat()
	var c int64
	binary.Read(f, binary.LittleEndian, &c)
	cand := make([]int, c)
	for i := range cand {
		var v int64
		binary.Read(f, binary.LittleEndian, &v)
		cand[i] = int(v)
	}
	dep := make([]float32, (st.Size()-8*(c+1))/4)
	binary.Read(f, binary.LittleEndian, dep)
	return dep, cand
}

// simulateDesign draws 4,000 samples of k sources by design d and reports,
// over the top nodes, the true relative standard deviation of the
// estimator, the mean stated relative standard error, and the share of
// samples whose +-1.96 SE interval covers the exact total.
func simulateDesign(t *testing.T, d string, k, n, c int, dep []float32, exact []float64, best []int, perm []int32) {
	const reps = 4000
	rng := rand.New(rand.NewPCG(uint64(k), 17))
	var sumSq, sumSE, cover, zz float64
	var stated []float64
	m := 0
	est := make([]float64, len(best))
	se := make([]float64, len(best))
	for range reps {
		designEstimate(d, k, n, c, dep, best, rng, est, se, perm)
		var rel []float64
		for j, b := range best {
			e := (est[j] - exact[b]) / exact[b]
			sumSq += e * e
			sumSE += se[j] / exact[b]
			z := (est[j] - exact[b]) / se[j]
			zz += z * z
			if math.Abs(z) <= 1.96 {
				cover++
			}
			m++
			rel = append(rel, se[j]/est[j])
		}
		slices.Sort(rel)
		stated = append(stated, rel[len(rel)/2])
	}
	slices.Sort(stated)
	t.Logf("%-7s k %5d: true rel SD %.4f, mean stated rel SE %.4f, median stated error %.4f, coverage %.3f, mean z^2 %.3f",
		d, k, math.Sqrt(sumSq/float64(m)), sumSE/float64(m), stated[len(stated)/2], cover/float64(m), zz/float64(m))
}

// designEstimate fills est and se with the estimated totals of the best
// nodes and their standard errors under design d.
func designEstimate(d string, k, n, c int, dep []float32, best []int, rng *rand.Rand, est, se []float64, perm []int32) {
	clear(est)
	clear(se)
	y := func(s, j int) float64 { return float64(dep[int(perm[s])*c+best[j]]) }
	switch d {
	case "srs":
		perm := rng.Perm(n)[:k]
		for j := range best {
			var sum, sum2 float64
			for _, s := range perm {
				sum += y(s, j)
				sum2 += y(s, j) * y(s, j)
			}
			kf, nf := float64(k), float64(n)
			mean := sum / kf
			v := (sum2 - kf*mean*mean) / (kf - 1)
			est[j] = nf * mean
			se[j] = nf * math.Sqrt((1-kf/nf)*v/kf)
		}
	case "strat1", "strat1b":
		// k strata of consecutive nodes, one source each; variance from
		// pairs of adjacent strata (collapsed strata; last odd one joins a triple).
		picks := make([]int, k)
		sizes := make([]float64, k)
		for h := range k {
			lo, hi := h*n/k, (h+1)*n/k
			picks[h] = lo + rng.IntN(hi-lo)
			sizes[h] = float64(hi - lo)
		}
		for j := range best {
			for h := range k {
				est[j] += sizes[h] * y(picks[h], j)
			}
			var v float64
			for g := 0; g+1 < k; g += 2 {
				if g+3 == k { // a triple
					a, b, cc := sizes[g]*y(picks[g], j), sizes[g+1]*y(picks[g+1], j), sizes[g+2]*y(picks[g+2], j)
					mean := (a + b + cc) / 3
					v += 3.0 / 2 * ((a-mean)*(a-mean) + (b-mean)*(b-mean) + (cc-mean)*(cc-mean))
					break
				}
				a, b := sizes[g]*y(picks[g], j), sizes[g+1]*y(picks[g+1], j)
				v += (a - b) * (a - b)
			}
			se[j] = math.Sqrt(v)
		}
	case "strat2", "strat2b":
		hN := k / 2
		type pick struct {
			a, b int
			size float64
		}
		picks := make([]pick, hN)
		for h := range hN {
			lo, hi := h*n/hN, (h+1)*n/hN
			a := rng.IntN(hi - lo)
			b := rng.IntN(hi - lo - 1)
			if b >= a {
				b++
			}
			picks[h] = pick{lo + a, lo + b, float64(hi - lo)}
		}
		for j := range best {
			var v float64
			for _, p := range picks {
				ya, yb := y(p.a, j), y(p.b, j)
				est[j] += p.size * (ya + yb) / 2
				s2 := (ya - yb) * (ya - yb) / 2
				v += p.size * p.size * (1 - 2/p.size) * s2 / 2
			}
			se[j] = math.Sqrt(v)
		}
	default:
		panic(fmt.Sprint("design ", d))
	}
}
