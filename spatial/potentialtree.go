package spatial

import (
	"collab/geom"
	"context"
	"fmt"
	"math"

	"collab/internal/parallel"
)

// DefaultPotentialTolerance is the relative error PotentialWithin is asked
// for by default: 1e-6, twenty times below the precision of the inputs
// themselves (coordinates given to 1e-5 degrees move a distance by up to
// 1.6 m, which changes exp:100 decay by 1.6e-5 of itself; scores given to
// three decimals of values near 20 are known to 2.5e-5), and far below
// the four significant digits the reports print, so no reported figure
// moves.
const DefaultPotentialTolerance = 1e-6

// ExactPotentialMax is the number of cities up to which PotentialWithin
// always sums every pair, whatever the tolerance: at 20,000 cities that
// takes a few seconds on two cores, and every result up to this size stays
// the exact one.
const ExactPotentialMax = 20_000

// PotentialWithin is Potential with every city's Received and Emitted
// within a relative error tol of the exact sums, for exp and power decay:
//
//	|Received_i - P_i| <= tol P_i,  |Emitted_i - E_i| <= tol |E_i|,
//
// up to float rounding (about n 2^-53 of the sum, 1e-11 at 100,000
// cities). MainSource is exact, the same city Potential names, ties to the
// lower index; MainShare is its exact contribution over the approximate
// Received, so within tol (1+tol) of the exact share. tol = 0, or n at
// most ExactPotentialMax, gives Potential's result; tol must be in [0, 1).
//
// Method. A balanced kd-tree over the unit vectors (the tree of KNN) keeps
// for each subtree its bounding box, its count N_C and the sum S_C and
// maximum of its positive scores (Potential counts only positive
// contributions). For a city at p the decay f is non-increasing in
// distance, so every j of a subtree C not holding p has
// f(dmax) <= f(d_pj) <= f(dmin), dmin and dmax the distances from p to the
// nearest and farthest point of C's box (widened by 1e-12 of themselves
// and 1 micrometre so that rounding cannot break the bracket). The city's
// sum over C is replaced by S_C (f(dmin)+f(dmax))/2, off by at most
// S_C (f(dmin)-f(dmax))/2, and its reach by N_C times the same mean.
//
// Each city is summed twice. The first pass gives lower bounds L <= P_i
// and R <= sum_j f(d_ij): subtrees whose box is small beside their
// distance (diagonal at most a quarter of dmin) add S_C f(dmax) and
// N_C f(dmax), the rest is opened down to leaves of 16 cities summed
// exactly. The second pass takes a subtree not holding p when
//
//	f(dmin) - f(dmax) <= 2 tol beta,  beta = min(L / S, R / (n-1)),
//
// S the sum of all positive scores, and opens it otherwise. The accepted
// subtrees are disjoint, so the error of Received is at most
// tol beta sum_C S_C <= tol beta S <= tol L <= tol P_i, and the reach's
// likewise at most tol R, within tol of the reach; Emitted is the score
// times the reach.
//
// MainSource is searched apart, best first: a subtree is skipped when its
// largest positive score times f(dmin) is below the best contribution
// found, which no city in it can then beat; the nearer child is searched
// first so that the near strong cities, which are the main sources, prune
// the far ones early. Each contribution is computed as Potential computes
// it, so the comparison and its ties are Potential's.
//
// Cost. The far field costs O(log n) subtrees per city, but the tolerance
// opens every subtree whose decay changes across it by more than tol beta:
// for exp decay of scale lambda that is a box wider than about 2 tol
// lambda wherever f is not already below tol beta, so on a region a few
// decay scales wide the tree opens nearly everything (a first-order
// bracket needs boxes about 2 tol lambda across where the decay matters).
// PotentialWithin therefore first runs both passes for 64 evenly spread
// cities; when the work they project (pairs summed plus subtrees visited)
// is at least a quarter of n(n-1), it sums every pair once instead, as
// Potential does, with a decay kernel of relative error below
// fastKernelError = 1e-12 (so within any tol >= 1e-12; smaller tolerances
// get Potential itself), and searches the main sources on the tree as
// above. The choice depends on the input alone. Time
// O(n (log n + opened pairs)) on the tree, O(n^2) on the pairs, memory
// O(n). Each city is summed on its own in a fixed order, or the pairs in
// fixed blocks merged in order, so the result is the same on any number of
// cores. ctx is checked between cities and between rows.
func PotentialWithin(ctx context.Context, points []geom.Point, s []float64, decay Decay, tol float64) (Spillover, error) {
	switch {
	case len(points) != len(s):
		return Spillover{}, fmt.Errorf("spatial: potential needs one score per point: %d points, %d scores", len(points), len(s))
	case !(tol >= 0 && tol < 1):
		return Spillover{}, fmt.Errorf("spatial: potential tolerance must be in [0, 1), got %g", tol)
	case decay.Kind != "exp" && decay.Kind != "power":
		return Spillover{}, fmt.Errorf("spatial: potential decay kind must be exp or power, got %q", decay.Kind)
	case tol == 0 || len(s) <= ExactPotentialMax:
		return Potential(ctx, points, s, decay)
	}
	t := newSpillTree(newKDTree(points), s, decay, tol)
	switch {
	case t.pays(ctx):
		return t.spillover(ctx)
	case tol >= fastKernelError:
		return t.fastSpillover(ctx)
	}
	return Potential(ctx, points, s, decay)
}

// spillLeaf is the size of range summed pair by pair.
const spillLeaf = 16

// spillTree is the kd-tree's points in tree order with, for the subtree of
// range [lo, hi) (its root at mid = (lo+hi)/2), its box and the sum and
// maximum of its positive scores, stored at mid.
type spillTree struct {
	n         int
	order     []int        // tree position -> city
	p         [][3]float64 // unit vectors in tree order
	score     []float64    // scores in tree order
	positive  []float64    // max(score, 0) in tree order
	boxLo     [][3]float64 // per subtree root
	boxHi     [][3]float64
	mass, top []float64 // per subtree root: sum and max of positive scores
	totalMass float64
	decay     Decay
	tol       float64
}

func newSpillTree(kd *kdTree, s []float64, decay Decay, tol float64) *spillTree {
	n := len(s)
	t := &spillTree{n: n, order: kd.order, p: make([][3]float64, n), score: make([]float64, n), positive: make([]float64, n),
		boxLo: make([][3]float64, n), boxHi: make([][3]float64, n), mass: make([]float64, n), top: make([]float64, n), decay: decay, tol: tol}
	for k, i := range kd.order {
		t.p[k], t.score[k], t.positive[k] = kd.p[i], s[i], max(s[i], 0)
	}
	t.summarize(0, n)
	if n > 0 {
		t.totalMass = t.mass[n/2]
	}
	return t
}

// summarize fills the box, mass and top of the subtree [lo, hi).
func (t *spillTree) summarize(lo, hi int) {
	mid := (lo + hi) / 2
	t.boxLo[mid], t.boxHi[mid] = t.p[mid], t.p[mid]
	t.mass[mid], t.top[mid] = t.positive[mid], t.positive[mid]
	for _, c := range [2][2]int{{lo, mid}, {mid + 1, hi}} {
		if c[0] >= c[1] {
			continue
		}
		t.summarize(c[0], c[1])
		m := (c[0] + c[1]) / 2
		for ax := range 3 {
			t.boxLo[mid][ax] = min(t.boxLo[mid][ax], t.boxLo[m][ax])
			t.boxHi[mid][ax] = max(t.boxHi[mid][ax], t.boxHi[m][ax])
		}
		t.mass[mid] += t.mass[m]
		t.top[mid] = max(t.top[mid], t.top[m])
	}
}

// pair is the decay between tree positions a and b, computed as Potential
// computes it (decay.row), so that contributions compare as there.
func (t *spillTree) pair(a, b int) float64 {
	return t.decay.At(2 * EarthRadius * asin(halfChord(t.p[a], t.p[b])))
}

// bracket returns f(dmin) and f(dmax) from point q to the box of the
// subtree rooted at mid, the distances widened against rounding.
func (t *spillTree) bracket(q, mid int) (near, far float64) {
	var in, out float64
	p, lo, hi := &t.p[q], &t.boxLo[mid], &t.boxHi[mid]
	for ax := range 3 {
		x := p[ax]
		gap := max(lo[ax]-x, x-hi[ax], 0)
		reach := max(x-lo[ax], hi[ax]-x)
		in += gap * gap
		out += reach * reach
	}
	dmin := 2*EarthRadius*asin(math.Sqrt(in)/2)*(1-1e-12) - 1e-9
	dmax := 2*EarthRadius*asin(min(math.Sqrt(out)/2, 1))*(1+1e-12) + 1e-9
	return t.decay.At(max(dmin, 0)), t.decay.At(dmax)
}

// diagonal2 is the squared diagonal of the box of the subtree at mid.
func (t *spillTree) diagonal2(mid int) float64 {
	var d2 float64
	for ax := range 3 {
		d := t.boxHi[mid][ax] - t.boxLo[mid][ax]
		d2 += d * d
	}
	return d2
}

// chord2To is the squared chord from q to the box of the subtree at mid.
func (t *spillTree) chord2To(q, mid int) float64 {
	var in float64
	for ax := range 3 {
		gap := max(t.boxLo[mid][ax]-t.p[q][ax], t.p[q][ax]-t.boxHi[mid][ax], 0)
		in += gap * gap
	}
	return in
}

// citySum is one city's sums: what it receives and its reach, the work
// done, and its largest single sender.
type citySum struct {
	q               int // the city's tree position
	received, reach float64
	slack           float64 // the second pass's bound on f(dmin) - f(dmax)
	work            int
	best            float64
	source          int // tree position; -1 for none
}

// lowerBounds is the first pass over [lo, hi): sums no larger than the
// exact ones.
func (t *spillTree) lowerBounds(c *citySum, lo, hi int) {
	if hi-lo <= spillLeaf {
		t.exact(c, lo, hi)
		return
	}
	mid := (lo + hi) / 2
	c.work++
	if (c.q < lo || c.q >= hi) && t.diagonal2(mid) <= t.chord2To(c.q, mid)/16 {
		_, far := t.bracket(c.q, mid)
		c.received += t.mass[mid] * far
		c.reach += float64(hi-lo) * far
		return
	}
	t.exact(c, mid, mid+1)
	t.lowerBounds(c, lo, mid)
	t.lowerBounds(c, mid+1, hi)
}

// within is the second pass over [lo, hi).
func (t *spillTree) within(c *citySum, lo, hi int) {
	if hi-lo <= spillLeaf {
		t.exact(c, lo, hi)
		return
	}
	mid := (lo + hi) / 2
	c.work++
	if c.q < lo || c.q >= hi {
		near, far := t.bracket(c.q, mid)
		if near-far <= c.slack {
			mean := (near + far) / 2
			c.received += t.mass[mid] * mean
			c.reach += float64(hi-lo) * mean
			return
		}
	}
	t.exact(c, mid, mid+1)
	t.within(c, lo, mid)
	t.within(c, mid+1, hi)
}

// exact adds the pairs of c's city with the positions [lo, hi), itself
// left out.
func (t *spillTree) exact(c *citySum, lo, hi int) {
	c.work += hi - lo
	for k := lo; k < hi; k++ {
		if k == c.q {
			continue
		}
		f := t.pair(c.q, k)
		c.reach += f
		c.received += t.positive[k] * f
	}
}

// strongest searches [lo, hi) for the largest single contribution
// score_j f(d_qj) > 0, ties to the lower city index, best first.
func (t *spillTree) strongest(c *citySum, lo, hi int) {
	if lo >= hi {
		return
	}
	mid := (lo + hi) / 2
	if hi-lo > 1 {
		near, _ := t.bracket(c.q, mid)
		if bound := t.top[mid] * near; bound <= 0 || bound < c.best {
			return
		}
	}
	if mid != c.q {
		if x := t.score[mid] * t.pair(c.q, mid); x > 0 && (x > c.best || (x == c.best && t.order[mid] < t.order[c.source])) {
			c.best, c.source = x, mid
		}
	}
	first, second := [2]int{lo, mid}, [2]int{mid + 1, hi}
	if second[0] < second[1] && (first[0] >= first[1] || t.chord2To(c.q, (second[0]+second[1])/2) < t.chord2To(c.q, (first[0]+first[1])/2)) {
		first, second = second, first
	}
	t.strongest(c, first[0], first[1])
	t.strongest(c, second[0], second[1])
}

// sum runs both passes and the search for the city at tree position q.
func (t *spillTree) sum(q int) citySum {
	c := citySum{q: q, source: -1}
	t.lowerBounds(&c, 0, t.n)
	beta := c.reach / float64(t.n-1)
	if t.totalMass > 0 {
		beta = min(beta, c.received/t.totalMass)
	}
	first := c.work
	c.received, c.reach, c.slack = 0, 0, 2*t.tol*beta
	t.within(&c, 0, t.n)
	c.work += first
	t.strongest(&c, 0, t.n)
	return c
}

// pays tells whether the tree's projected work, from 64 evenly spread
// cities, is below half the n(n-1)/2 pairs of the pair sum (a pair of the
// tree, visited from one side at a time, costs about what a pair of
// fastPairs costs for both sides).
func (t *spillTree) pays(ctx context.Context) bool {
	const probes = 64
	var work float64
	for k := range probes {
		if ctx.Err() != nil {
			return false // the pair path that follows returns the error
		}
		c := t.sum(k * t.n / probes)
		work += float64(c.work)
	}
	return work/probes*float64(t.n) < float64(t.n)*float64(t.n-1)/4
}

// fastSpillover sums every pair with fastRow's decay and searches each
// city's largest sender on the tree.
func (t *spillTree) fastSpillover(ctx context.Context) (Spillover, error) {
	n := t.n
	received, reach, err := fastPairs(ctx, t.p, t.score, t.decay)
	if err != nil {
		return Spillover{}, err
	}
	sp := Spillover{Received: make([]float64, n), Emitted: make([]float64, n), MainSource: make([]int, n), MainShare: make([]float64, n)}
	err = parallel.For(ctx, (n+cityBlock-1)/cityBlock, func(b int) {
		for q := b * cityBlock; q < min(n, (b+1)*cityBlock); q++ {
			c := citySum{q: q, source: -1}
			t.strongest(&c, 0, n)
			i := t.order[q]
			sp.Received[i], sp.Emitted[i], sp.MainSource[i] = received[q], t.score[q]*reach[q], -1
			if c.source >= 0 {
				sp.MainSource[i] = t.order[c.source]
				sp.MainShare[i] = min(c.best/received[q], 1)
			}
		}
	})
	if err != nil {
		return Spillover{}, err
	}
	return sp, nil
}

// cityBlock is the number of cities a worker takes at a time.
const cityBlock = 64

// spillover sums every city, in blocks of cities on all cores.
func (t *spillTree) spillover(ctx context.Context) (Spillover, error) {
	n := t.n
	sp := Spillover{Received: make([]float64, n), Emitted: make([]float64, n), MainSource: make([]int, n), MainShare: make([]float64, n)}
	err := parallel.For(ctx, (n+cityBlock-1)/cityBlock, func(b int) {
		for q := b * cityBlock; q < min(n, (b+1)*cityBlock); q++ {
			if ctx.Err() != nil {
				return
			}
			c := t.sum(q)
			i := t.order[q]
			sp.Received[i], sp.Emitted[i], sp.MainSource[i] = c.received, t.score[q]*c.reach, -1
			if c.source >= 0 {
				sp.MainSource[i] = t.order[c.source]
				sp.MainShare[i] = min(c.best/c.received, 1) // the approximate sum may fall a hair below the exact contribution
			}
		}
	})
	if err != nil {
		return Spillover{}, err
	}
	return sp, nil
}

// fastKernelError bounds the relative error of fastRow's decay, and of
// the decayTable fastPairs sums with where it has one, against Decay.At at
// every distance: 1e-12 (expNeg's bound; the whole powers are within four
// roundings, 1e-15; the table is checked to tableError = 4e-13 when
// built), checked in the tests over the distances of a hemisphere and of
// the globe. A sum of such terms is within the same relative error.
const fastKernelError = 1e-12

// expTable[j] is 2^(-j/64).
var expTable = func() (t [64]float64) {
	for j := range t {
		t[j] = math.Exp2(-float64(j) / 64)
	}
	return t
}()

// expNeg returns e^-y for y >= 0 within fastKernelError, in a quarter of
// math.Exp's time: y = (k/64) ln 2 + r with 0 <= r < ln 2 / 64, so e^-y =
// 2^-floor(k/64) expTable[k mod 64] e^-r, and e^-r is its Taylor polynomial
// to r^5/120, whose remainder r^6/720 is below 2.3e-15 of it. The rounding
// of r (absolute error near ulp(z) ln 2 / 64, 4e-14 for y to the 1.3e4 of
// exp:1 across the globe) and of the three products stay below 1e-13.
// Results below 2^-1000 are left to math.Exp, as that power of two would
// be subnormal.
func expNeg(y float64) float64 {
	const perLn2 = 64 / math.Ln2
	z := y * perLn2
	if !(z < 64*1000) {
		return math.Exp(-y)
	}
	k := int(z)
	r := (z - float64(k)) * (math.Ln2 / 64)
	p := 1 - r*(1-r*(0.5-r*(1.0/6-r*(1.0/24-r*(1.0/120)))))
	return math.Float64frombits(uint64(1023-k>>6)<<52) * expTable[k&63] * p
}

// fastRow is Decay.row within fastKernelError: exp through expNeg, power
// with a whole exponent of 1 to 4 by multiplication; other powers through
// math.Pow as in row.
func (d Decay) fastRow(f []float64, p [3]float64, q [][3]float64) {
	arcsKm(f, p, q)
	d.decayKm(f)
}

// decayKm replaces each distance f[k] in km by fastRow's decay over it.
func (d Decay) decayKm(f []float64) {
	if d.Kind == "exp" {
		inv := 1 / d.Scale
		for k, km := range f {
			f[k] = expNeg(km * inv)
		}
		return
	}
	switch d.Scale {
	case 1:
		for k, km := range f {
			f[k] = 1 / max(km, 1)
		}
	case 2:
		for k, km := range f {
			x := max(km, 1)
			f[k] = 1 / (x * x)
		}
	case 3:
		for k, km := range f {
			x := max(km, 1)
			f[k] = 1 / (x * x * x)
		}
	case 4:
		for k, km := range f {
			x := max(km, 1)
			x *= x
			f[k] = 1 / (x * x)
		}
	default:
		for k, km := range f {
			f[k] = math.Pow(max(km, 1), -d.Scale)
		}
	}
}

// pairSums is what a block of pairs sends each city: the spillover
// received (positive contributions only, as Potential counts) and the
// decay summed (the reach).
type pairSums struct {
	received, reach []float64
	f               []float64 // a row's decay, kept with the sums so that no block allocates
}

func newPairSums(n int) *pairSums {
	return &pairSums{make([]float64, n), make([]float64, n), make([]float64, n)}
}

// fastPairs sums Received and the reach over every pair once, as Potential
// does but with the decay of a decayTable (fastRow's where the decay has
// none) and no search for the largest sender, in fixed blocks merged in
// block order. The points come in kd-tree order, so that a row's near
// cities, which the table's near part serves, come in runs.
func fastPairs(ctx context.Context, points [][3]float64, s []float64, decay Decay) (received, reach []float64, err error) {
	n := len(s)
	positive := make([]float64, n)
	for i, x := range s {
		positive[i] = max(x, 0)
	}
	row := decay.fastRow
	if table := newDecayTable(decay, maxChord(points)); table != nil {
		row = table.row
	}
	bounds := pairBlocks(n, min(n, potentialBlocks))
	total := pairSums{received: make([]float64, n), reach: make([]float64, n)}
	err = parallel.Blocks(ctx, len(bounds)-1, func() *pairSums { return newPairSums(n) },
		func(b int, t *pairSums) {
			clear(t.received)
			clear(t.reach)
			f := t.f
			for i := bounds[b]; i < bounds[b+1]; i++ {
				if i%16 == 0 && ctx.Err() != nil { // a row is up to n pairs: check often
					return
				}
				f := f[i+1:]
				row(f, points[i], points[i+1:])
				t.addRow(i, f, positive)
			}
		},
		func(_ int, t *pairSums) {
			for i := range total.received {
				total.received[i] += t.received[i]
				total.reach[i] += t.reach[i]
			}
		})
	return total.received, total.reach, err
}

// addRow adds the pairs of city i with every j > i, f[j-i-1] their decay:
// j receives positive[i] f, i receives positive[j] f, both reach f.
func (t *pairSums) addRow(i int, f, positive []float64) {
	m := len(f)
	received, reach, from := t.received[i+1:i+1+m], t.reach[i+1:i+1+m], positive[i+1:i+1+m]
	own := positive[i]
	var in, out float64
	for k, x := range f {
		out += x
		reach[k] += x
		in += from[k] * x
		received[k] += own * x
	}
	t.received[i] += in
	t.reach[i] += out
}
