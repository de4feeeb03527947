package spatial

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// Permutations sets up a permutation test: R random permutations drawn from
// a seed. The same seed gives the same p-values on any number of cores.
type Permutations struct {
	R    int    // number of permutations; 0 skips the test (p is NaN)
	Seed uint64 // seed of the PCG generators (math/rand/v2)
}

// Random streams, one per statistic, so that each test draws its own
// permutations, as separate runs of esda would.
const (
	streamGlobalMoran uint64 = iota + 1
	streamLocalMoran
	streamGetisOrd
)

// seedRow seeds pcg for permutation r of a stream: each permutation has
// its own (seed, stream, r) generator, so that any worker may draw it and
// every core count sees the same numbers.
func (p Permutations) seedRow(pcg *rand.PCG, stream uint64, r int) {
	pcg.Seed(p.Seed, stream<<40|uint64(r))
}

// pseudoP is the folded ("directed") pseudo p-value of esda's legacy
// default, GeoDa and spdep's "Pr(folded) Sim": the share of permutations at
// least as extreme as the observed value on the side it falls,
// (min(#sim >= obs, #sim <= obs) + 1) / (R + 1). Counting ties on both sides
// makes a statistic that no permutation can change (every simulation equal
// to the observation) get p = 1 rather than 1/(R+1).
func pseudoP(above, below, r int) float64 {
	atLeast, atMost := r-below, r-above
	return float64(min(atLeast, atMost)+1) / float64(r+1)
}

// workers is the number of goroutines for n independent pieces of work.
func workers(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// conditionalCounts runs the conditional randomisation of local statistics
// (Anselin 1995; esda crand.py, GeoDa LISA.cpp): for each city i with K_i
// neighbours, R times, K_i of the other n-1 cities are drawn without
// replacement and given city i's weights in row order. It counts how often
// the simulated sum_k w_ik v_draw(k) lies strictly above and strictly below
// the observed sum_j w_ij v_j.
//
// As in esda and GeoDa, permutation r is one random ordered sample of
// max K_i of the n-1 other positions, shared by every city (the first K_i
// of it, position m standing for city m+1 when m >= i); it is a pure
// function of (seed, stream, r), so cities can be split among cores
// freely. Each of the 4W blocks of cities (W cores) draws every
// permutation again, so time is O(R (links + 4W max K_i)); memory is
// O(n + B max K_i) per core, B permutations being drawn at a time.
func conditionalCounts(ctx context.Context, w *Weights, v []float64, p Permutations, stream uint64) (above, below []int32, err error) {
	n := w.Len()
	above, below = make([]int32, n), make([]int32, n)
	kmax := min(w.maxCardinality(), n-1)
	if p.R <= 0 || kmax == 0 {
		return above, below, nil
	}
	observed := make([]float64, n)
	for i := range n {
		observed[i] = w.lag(i, v)
	}
	// Cities in blocks handed out in order; each block's counts depend on
	// nothing but the block, so the scheduling cannot change the result.
	blocks := min(n, 4*workers(n))
	next := make(chan int, blocks)
	for b := range blocks {
		next <- b
	}
	close(next)
	var wg sync.WaitGroup
	for range workers(blocks) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := newDrawer(n-1, kmax)
			for b := range next {
				lo, hi := b*n/blocks, (b+1)*n/blocks
				for r0 := 0; r0 < p.R; r0 += rowBlock {
					if ctx.Err() != nil {
						return
					}
					g := d.draw(p, stream, r0, min(rowBlock, p.R-r0), v)
					for i := lo; i < hi; i++ {
						countCity(w, i, observed[i], g, &above[i], &below[i])
					}
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return above, below, nil
}

// rowBlock is how many permutations are drawn at a time.
const rowBlock = 64

// countCity adds city i's simulations in g to its counts.
func countCity(w *Weights, i int, observed float64, g gathered, above, below *int32) {
	nb, wt := w.Row(i)
	k := len(nb)
	if k == 0 {
		return
	}
	for r := 0; r < len(g.pos); r += g.stride {
		pos, here, after := g.pos[r:r+k], g.here[r:r+k], g.after[r:r+k]
		var s float64
		for m, d := range pos {
			x := here[m]
			if int(d) >= i { // position d stands for city d+1 when d >= i
				x = after[m]
			}
			s += wt[m] * x
		}
		switch {
		case s > observed:
			*above++
		case s < observed:
			*below++
		}
	}
}

// gathered is a block of permutations with the values they draw: for draw
// position d, here holds v[d] and after v[d+1], so that each city reads
// its simulated neighbours from these small arrays (d stands for city d
// below city i, d+1 from i on) rather than from all of v.
type gathered struct {
	pos         []int32
	here, after []float64
	stride      int
}

// drawer draws ordered samples without replacement from 0..m-1 by a partial
// Fisher-Yates shuffle that is undone after each sample, so each costs
// O(k), not O(m).
type drawer struct {
	perm        []int32
	swaps       []int
	rows        []int32
	here, after []float64
	k           int
	pcg         rand.PCG
	rng         *rand.Rand
}

func newDrawer(m, k int) *drawer {
	d := &drawer{perm: make([]int32, m), swaps: make([]int, k), rows: make([]int32, rowBlock*k),
		here: make([]float64, rowBlock*k), after: make([]float64, rowBlock*k), k: k}
	for i := range d.perm {
		d.perm[i] = int32(i)
	}
	d.rng = rand.New(&d.pcg)
	return d
}

// draw returns permutations r0 .. r0+count-1, each a sample of k
// positions, one after another, with the values of v they stand for.
func (d *drawer) draw(p Permutations, stream uint64, r0, count int, v []float64) gathered {
	m := len(d.perm)
	for r := range count {
		p.seedRow(&d.pcg, stream, r0+r)
		row := d.rows[r*d.k : (r+1)*d.k]
		for c := range d.k {
			j := c + d.rng.IntN(m-c)
			d.perm[c], d.perm[j] = d.perm[j], d.perm[c]
			row[c] = d.perm[c]
			d.swaps[c] = j
		}
		for c := d.k - 1; c >= 0; c-- {
			j := d.swaps[c]
			d.perm[c], d.perm[j] = d.perm[j], d.perm[c]
		}
	}
	g := gathered{pos: d.rows[:count*d.k], here: d.here[:count*d.k], after: d.after[:count*d.k], stride: d.k}
	for c, pos := range g.pos {
		g.here[c], g.after[c] = v[pos], v[pos+1] // pos < m = n-1, so pos+1 < n
	}
	return g
}

// globalCounts permutes z over all cities R times and counts how often
// stat(permuted z) lies strictly above and below observed. Permutation r
// is a pure function of (seed, stream, r) and the counts are integers, so
// the result does not depend on how permutations are split among cores.
func globalCounts(ctx context.Context, z []float64, observed float64, p Permutations, stream uint64, stat func([]float64) float64) (above, below int, err error) {
	if p.R <= 0 {
		return 0, 0, nil
	}
	nw := workers(p.R)
	ups, downs := make([]int, nw), make([]int, nw)
	var wg sync.WaitGroup
	for wk := range nw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var pcg rand.PCG
			rng := rand.New(&pcg)
			perm := make([]float64, len(z))
			for r := wk; r < p.R; r += nw {
				if r%cancelCheck == wk && ctx.Err() != nil {
					return
				}
				p.seedRow(&pcg, stream, r)
				copy(perm, z)
				rng.Shuffle(len(perm), func(a, b int) { perm[a], perm[b] = perm[b], perm[a] })
				switch s := stat(perm); {
				case s > observed:
					ups[wk]++
				case s < observed:
					downs[wk]++
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	for wk := range nw {
		above += ups[wk]
		below += downs[wk]
	}
	return above, below, nil
}

// FDR returns the Benjamini-Hochberg cut-off for p-values at false
// discovery rate alpha: the largest p_(k) with p_(k) <= k alpha / m, p
// sorted ascending over the m p-values that are not NaN; 0 (nothing
// significant) when there is none. A test is significant when its p is at
// most the cut-off. (esda's fdr uses < and falls back to the Bonferroni
// bound alpha/m, below every p-value in that case.)
func FDR(p []float64, alpha float64) float64 {
	var sorted []float64
	for _, x := range p {
		if !math.IsNaN(x) {
			sorted = append(sorted, x)
		}
	}
	slices.Sort(sorted)
	m := float64(len(sorted))
	for k := len(sorted); k >= 1; k-- {
		if sorted[k-1] <= float64(k)*alpha/m {
			return sorted[k-1]
		}
	}
	return 0
}
