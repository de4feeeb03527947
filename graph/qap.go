package graph

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"collab/internal/parallel"
)

// DefaultQAPPermutations is the number of permutations QAP and MRQAP draw
// when QAPOptions.Permutations is 0: 2000, at the low end of the 2,000 to
// 5,000 that papers on city networks report, and enough for a p-value of
// 0.05 to carry a Monte Carlo standard error under 0.005.
const DefaultQAPPermutations = 2000

// QAPOptions tune QAPCorrelate and MRQAP. The zero value runs 2000
// permutations of seed 0 over the ordered pairs.
type QAPOptions struct {
	// Permutations is the number of random relabellings of the nodes; 0
	// means DefaultQAPPermutations.
	Permutations int
	// Seed seeds permutation r's own PCG generator with (Seed, r), so the
	// p-values are the same on any number of cores.
	Seed uint64
	// Symmetric runs the statistics over the unordered pairs (each i > j
	// once, sna's mode = "graph"); every matrix must then be symmetric.
	// Otherwise they run over the n(n-1) ordered pairs (mode = "digraph").
	Symmetric bool
}

func (o QAPOptions) permutations() (int, error) {
	switch {
	case o.Permutations < 0:
		return 0, fmt.Errorf("graph: qap: Permutations must be >= 0, got %d", o.Permutations)
	case o.Permutations == 0:
		return DefaultQAPPermutations, nil
	}
	return o.Permutations, nil
}

// PermutationSummary describes the statistics of the permuted matrices, as
// UCINET's QAP table does.
type PermutationSummary struct {
	Mean float64 `json:"mean"`
	SD   float64 `json:"sd"`
	Min  float64 `json:"min"`
	Max  float64 `json:"max"`
}

// QAPCorrelation is the result of QAPCorrelate.
type QAPCorrelation struct {
	// Correlation is Pearson's r between the two matrices over the pairs
	// (sna's gcor).
	Correlation float64 `json:"correlation"`
	// Pairs is the number of pairs the correlation runs over.
	Pairs int `json:"pairs"`
	// Permutations is the number of relabellings drawn.
	Permutations int `json:"permutations"`
	// PGreaterEq and PLessEq are the shares of permutations whose
	// correlation is as large as, and as small as, the observed one (sna
	// qaptest's pgreq and pleeq; the observed value is not counted).
	PGreaterEq float64 `json:"p_greater_eq"`
	PLessEq    float64 `json:"p_less_eq"`
	// Permuted summarises the permuted correlations.
	Permuted PermutationSummary `json:"permuted"`
}

// QAPCorrelate is the quadratic assignment procedure test of the
// correlation between two dyadic matrices (Krackhardt 1987, "QAP
// partialling as a test of spuriousness", Social Networks 9; R sna's
// qaptest(list(y, x), gcor, g1 = 1, g2 = 2)): the observed correlation,
// compared with the correlations after relabelling y's nodes at random
// (rows and columns together), which keeps each matrix's own structure and
// breaks only their alignment. Time O(R n^2) for R permutations, in
// parallel; memory O(n^2).
//
// The correlation is undefined, and an error returned, when either matrix
// is constant over the pairs.
func QAPCorrelate(ctx context.Context, y, x *Dyadic, o QAPOptions) (QAPCorrelation, error) {
	reps, err := o.permutations()
	if err != nil {
		return QAPCorrelation{}, err
	}
	pairs, err := qapPairs([]string{"y", "x"}, []*Dyadic{y, x}, o.Symmetric)
	if err != nil {
		return QAPCorrelation{}, err
	}
	yv, xc := pairs.vector(y), pairs.vector(x)
	yMean, syy := centre(append([]float64(nil), yv...))
	_, sxx := centre(xc)
	switch {
	case syy == 0:
		return QAPCorrelation{}, fmt.Errorf("graph: QAPCorrelate: y is constant over the %d pairs; the correlation is undefined", pairs.count())
	case sxx == 0:
		return QAPCorrelation{}, fmt.Errorf("graph: QAPCorrelate: x is constant over the %d pairs; the correlation is undefined", pairs.count())
	}
	scale := 1 / math.Sqrt(syy*sxx)
	// corr(y, x) = sum (y_k - mean y) xc_k / sqrt(Syy Sxx); relabelling
	// moves y's values among the pairs and changes neither mean nor Syy.
	corr := func(v []float64) float64 {
		var s float64
		for k, xk := range xc {
			s += (v[k] - yMean) * xk
		}
		return s * scale
	}
	res := QAPCorrelation{Correlation: corr(yv), Pairs: pairs.count(), Permutations: reps}
	dist := make([]float64, reps)
	err = permute(ctx, reps, y.n, o.Seed, func() []float64 { return make([]float64, pairs.count()) },
		func(r int, perm []int, buf []float64) {
			pairs.gather(buf, y, perm)
			dist[r] = corr(buf)
		})
	if err != nil {
		return QAPCorrelation{}, err
	}
	res.PGreaterEq, res.PLessEq, _ = tailShares(dist, res.Correlation)
	res.Permuted = summarise(dist)
	return res, nil
}

// qapPairs checks that the matrices have one order with at least two pairs
// (and are symmetric when asked) and returns their pairs.
func qapPairs(names []string, ms []*Dyadic, symmetric bool) (pairSet, error) {
	for k, m := range ms {
		switch {
		case m == nil:
			return pairSet{}, fmt.Errorf("graph: qap: %s is nil", names[k])
		case m.n != ms[0].n:
			return pairSet{}, fmt.Errorf("graph: qap: %s has %d nodes, %s has %d; the matrices must have one order", names[k], m.n, names[0], ms[0].n)
		case symmetric && !m.Symmetric():
			return pairSet{}, fmt.Errorf("graph: qap: %s is not symmetric; Symmetric needs symmetric matrices", names[k])
		}
	}
	p := pairSet{n: ms[0].n, symmetric: symmetric}
	if p.count() < 2 {
		return pairSet{}, fmt.Errorf("graph: qap: %s has %d nodes; a test needs at least 2 pairs", names[0], p.n)
	}
	return p, nil
}

// centre subtracts the mean from v and returns the mean and the sum of
// squared deviations.
func centre(v []float64) (mean, ss float64) {
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	for k := range v {
		v[k] -= mean
		ss += v[k] * v[k]
	}
	return mean, ss
}

// tailShares returns the shares of dist at least, and at most, obs, and of
// |dist| at least |obs|.
func tailShares(dist []float64, obs float64) (greaterEq, lessEq, absGreaterEq float64) {
	var ge, le, age int
	for _, d := range dist {
		if d >= obs {
			ge++
		}
		if d <= obs {
			le++
		}
		if math.Abs(d) >= math.Abs(obs) {
			age++
		}
	}
	r := float64(len(dist))
	return float64(ge) / r, float64(le) / r, float64(age) / r
}

func summarise(dist []float64) PermutationSummary {
	s := PermutationSummary{Min: math.Inf(1), Max: math.Inf(-1)}
	for _, d := range dist {
		s.Mean += d
		s.Min, s.Max = min(s.Min, d), max(s.Max, d)
	}
	s.Mean /= float64(len(dist))
	for _, d := range dist {
		s.SD += (d - s.Mean) * (d - s.Mean)
	}
	if len(dist) > 1 {
		s.SD = math.Sqrt(s.SD / float64(len(dist)-1))
	} else {
		s.SD = 0
	}
	return s
}

// permBlock is the number of permutations one worker draws at a time.
const permBlock = 32

// permute calls each(r, perm, scratch) for every permutation r in
// [0, reps) of n nodes, on all cores. Permutation r is a Fisher-Yates
// shuffle from its own PCG generator seeded with (seed, r), so it is the
// same whichever worker draws it; each must write only to state owned by r.
// It stops early, returning ctx's error, when ctx is done.
func permute[S any](ctx context.Context, reps, n int, seed uint64, scratch func() S, each func(r int, perm []int, s S)) error {
	type worker struct {
		pcg  *rand.PCG
		rng  *rand.Rand
		perm []int
		s    S
	}
	newWorker := func() *worker {
		pcg := rand.NewPCG(0, 0)
		return &worker{pcg: pcg, rng: rand.New(pcg), perm: make([]int, n), s: scratch()}
	}
	blocks := (reps + permBlock - 1) / permBlock
	return parallel.Blocks(ctx, blocks, newWorker, func(b int, w *worker) {
		for r := b * permBlock; r < min(reps, (b+1)*permBlock); r++ {
			w.pcg.Seed(seed, uint64(r))
			for i := range w.perm {
				w.perm[i] = i
			}
			w.rng.Shuffle(n, func(i, j int) { w.perm[i], w.perm[j] = w.perm[j], w.perm[i] })
			each(r, w.perm, w.s)
		}
	}, func(int, *worker) {})
}

// MRQAPOptions tune MRQAP.
type MRQAPOptions struct {
	QAPOptions
	// Names label the predictors in the result; "x1", "x2", ... when nil.
	Names []string
	// NoIntercept fits the regression through the origin.
	NoIntercept bool
}

// MRQAPTerm is one coefficient of an MRQAP regression.
type MRQAPTerm struct {
	// Name is "(intercept)" or the predictor's name.
	Name string `json:"name"`
	// Coefficient is the ordinary least squares estimate (sna netlm's
	// coefficients), StdError its classical standard error and T their
	// ratio, the statistic the permutations test.
	Coefficient float64 `json:"coefficient"`
	StdError    float64 `json:"std_error"`
	T           float64 `json:"t"`
	// Standardised is Coefficient sd(x)/sd(y) over the pairs; nil for the
	// intercept and for a constant predictor, where it is undefined.
	Standardised *float64 `json:"standardised"`
	// PGreaterEq, PLessEq and PAbsGreaterEq are the shares of permutations
	// whose t is at least, at most, and in absolute value at least the
	// observed one (sna netlm's pgreq, pleeq and pgreqabs).
	PGreaterEq    float64 `json:"p_greater_eq"`
	PLessEq       float64 `json:"p_less_eq"`
	PAbsGreaterEq float64 `json:"p_abs_greater_eq"`
}

// MRQAPResult is the result of MRQAP.
type MRQAPResult struct {
	Terms []MRQAPTerm `json:"terms"`
	// RSquared is the share of y's variation about its mean explained
	// (about zero when NoIntercept, as R's summary.lm), and
	// AdjustedRSquared its correction for the number of terms.
	RSquared         float64 `json:"r_squared"`
	AdjustedRSquared float64 `json:"adjusted_r_squared"`
	// Pairs is the number of observations (pairs); Permutations the
	// relabellings drawn for each term.
	Pairs        int `json:"pairs"`
	Permutations int `json:"permutations"`
}

// MRQAP is multiple regression QAP with double semi-partialling (Dekker,
// Krackhardt and Snijders, "Sensitivity of MRQAP tests to collinearity and
// autocorrelation conditions", Psychometrika 72, 2007; R sna's netlm with
// nullhyp = "qapspp", test.statistic = "t-value"). y is regressed on the
// predictors over the pairs by least squares. For each term k, x_k's
// residual e_k from the other terms W (intercept included) is relabelled
// at random, and y is regressed on W and the relabelled e_k; the t of e_k
// in those fits is the null distribution of x_k's t. Each permutation
// relabels every term's residual by the same random order (each term's
// null distribution is the one netlm draws with its own orders).
//
// The permuted fits need no new decomposition: with Q an orthonormal basis
// of W and r_W y's residual from W, the fit of y on W and z has
// t = z'r_W / sqrt(m s^2), m = z'z - |Q'z|^2 and
// s^2 = (|r_W|^2 - (z'r_W)^2/m) / (N - p), so one permutation costs p + 1
// passes over the N pairs per term. A permutation that leaves z in the span
// of W (m = 0, where netlm's t is NA) counts as t = 0. Time
// O(R p^2 N), in parallel; memory O(p^2 N).
//
// The fit is undefined, and an error returned, when a predictor is a
// linear combination of the other terms, when y is fitted exactly, or when
// there are no more pairs than terms.
func MRQAP(ctx context.Context, y *Dyadic, x []*Dyadic, o MRQAPOptions) (MRQAPResult, error) {
	reps, err := o.permutations()
	if err != nil {
		return MRQAPResult{}, err
	}
	names, err := termNames(len(x), o)
	if err != nil {
		return MRQAPResult{}, err
	}
	pairs, err := qapPairs(append([]string{"y"}, names[len(names)-len(x):]...), append([]*Dyadic{y}, x...), o.Symmetric)
	if err != nil {
		return MRQAPResult{}, err
	}
	yv := pairs.vector(y)
	cols := make([][]float64, 0, len(names))
	if !o.NoIntercept {
		one := make([]float64, len(yv))
		for k := range one {
			one[k] = 1
		}
		cols = append(cols, one)
	}
	for _, m := range x {
		cols = append(cols, pairs.vector(m))
	}
	if len(yv) <= len(cols) {
		return MRQAPResult{}, fmt.Errorf("graph: MRQAP: %d pairs for %d terms; the fit needs more pairs than terms", len(yv), len(cols))
	}
	res, err := fitOLS(yv, cols, names, !o.NoIntercept)
	if err != nil {
		return MRQAPResult{}, err
	}
	res.Permutations = reps
	nulls := make([]*partialNull, len(cols))
	for k := range cols {
		if nulls[k], err = newPartialNull(pairs, yv, cols, k); err != nil {
			return MRQAPResult{}, fmt.Errorf("graph: MRQAP: %s: %w", names[k], err)
		}
	}
	dist := make([][]float64, len(cols))
	for k := range dist {
		dist[k] = make([]float64, reps)
	}
	err = permute(ctx, reps, y.n, o.Seed, func() []float64 { return make([]float64, len(yv)) },
		func(r int, perm []int, z []float64) {
			for k, null := range nulls {
				dist[k][r] = null.t(z, perm)
			}
		})
	if err != nil {
		return MRQAPResult{}, err
	}
	for k := range res.Terms {
		tm := &res.Terms[k]
		tm.PGreaterEq, tm.PLessEq, tm.PAbsGreaterEq = tailShares(dist[k], tm.T)
	}
	return res, nil
}

func termNames(k int, o MRQAPOptions) ([]string, error) {
	if o.Names != nil && len(o.Names) != k {
		return nil, fmt.Errorf("graph: MRQAP: Names has %d names for %d predictors", len(o.Names), k)
	}
	var names []string
	if !o.NoIntercept {
		names = append(names, "(intercept)")
	}
	for j := range k {
		if o.Names != nil {
			names = append(names, o.Names[j])
		} else {
			names = append(names, fmt.Sprintf("x%d", j+1))
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("graph: MRQAP: no terms: x is empty and NoIntercept is set")
	}
	return names, nil
}

// fitOLS regresses y on the columns by least squares through a thin QR
// decomposition and returns the terms' estimates, standard errors, t and
// standardised coefficients, and R squared as R's summary.lm computes it.
func fitOLS(y []float64, cols [][]float64, names []string, intercept bool) (MRQAPResult, error) {
	q, rt, err := thinQR(cols)
	if err != nil {
		return MRQAPResult{}, fmt.Errorf("graph: MRQAP: %s %w", names[err.(collinearError).col], err)
	}
	p, nObs := len(cols), len(y)
	qty := make([]float64, p)
	for j := range p {
		qty[j] = dot(q[j], y)
	}
	coef := backSolve(rt, qty)
	fitted := make([]float64, nObs)
	for j, c := range cols {
		for k, v := range c {
			fitted[k] += coef[j] * v
		}
	}
	var rss, fittedMean, mss float64
	for k := range y {
		rss += (y[k] - fitted[k]) * (y[k] - fitted[k])
		fittedMean += fitted[k]
	}
	if rss == 0 {
		return MRQAPResult{}, fmt.Errorf("graph: MRQAP: y is fitted exactly by the terms; the t statistics are undefined")
	}
	fittedMean /= float64(nObs)
	for _, f := range fitted {
		if intercept {
			mss += (f - fittedMean) * (f - fittedMean)
		} else {
			mss += f * f
		}
	}
	df := float64(nObs - p)
	s2 := rss / df
	inv := invertUpper(rt)
	_, syy := centre(append([]float64(nil), y...))
	res := MRQAPResult{Pairs: nObs, Terms: make([]MRQAPTerm, p)}
	for j := range p {
		var d float64 // ((X'X)^-1)_jj = |row j of R^-1|^2
		for _, v := range inv[j] {
			d += v * v
		}
		se := math.Sqrt(s2 * d)
		tm := MRQAPTerm{Name: names[j], Coefficient: coef[j], StdError: se, T: coef[j] / se}
		if _, sxx := centre(append([]float64(nil), cols[j]...)); sxx > 0 && !(intercept && j == 0) {
			std := coef[j] * math.Sqrt(sxx/syy)
			tm.Standardised = &std
		}
		res.Terms[j] = tm
	}
	res.RSquared = mss / (mss + rss)
	dfInt := 0.0
	if intercept {
		dfInt = 1
	}
	res.AdjustedRSquared = 1 - (1-res.RSquared)*(float64(nObs)-dfInt)/df
	return res, nil
}

// partialNull draws the null distribution of term k's t: its residual e
// from the other terms W, relabelled, against y's residual rW from W.
type partialNull struct {
	pairs pairSet
	e     *Dyadic     // e_k as a matrix, so that it can be relabelled
	basis [][]float64 // orthonormal columns spanning W
	rW    []float64
	zz    float64 // |e|^2, unchanged by relabelling
	rr    float64 // |rW|^2
	df    float64 // N - p
}

func newPartialNull(pairs pairSet, y []float64, cols [][]float64, k int) (*partialNull, error) {
	var others [][]float64
	for j, c := range cols {
		if j != k {
			others = append(others, c)
		}
	}
	basis, _, err := thinQR(others)
	if err != nil {
		return nil, fmt.Errorf("the other terms are collinear")
	}
	e := residual(cols[k], basis)
	rW := residual(y, basis)
	m, _ := NewDyadic(pairs.n)
	pairs.scatter(m, e)
	return &partialNull{pairs: pairs, e: m, basis: basis, rW: rW, zz: dot(e, e), rr: dot(rW, rW), df: float64(len(y) - len(cols))}, nil
}

// t returns the t of the relabelled residual in the fit of y on W and it,
// using z as scratch.
func (pn *partialNull) t(z []float64, perm []int) float64 {
	pn.pairs.gather(z, pn.e, perm)
	m := pn.zz
	for _, q := range pn.basis {
		a := dot(q, z)
		m -= a * a
	}
	if m <= 1e-12*pn.zz {
		return 0
	}
	c := dot(z, pn.rW)
	s2 := (pn.rr - c*c/m) / pn.df
	if s2 <= 0 {
		return math.Copysign(math.MaxFloat64, c)
	}
	return c / math.Sqrt(m*s2)
}

// scatter writes the pair values v into m (the inverse of gather with the
// identity), mirroring each unordered pair when symmetric.
func (p pairSet) scatter(m *Dyadic, v []float64) {
	n, k := p.n, 0
	for i := range n {
		hi := n
		if p.symmetric {
			hi = i
		}
		for j := range hi {
			if j == i {
				continue
			}
			m.data[i*n+j] = v[k]
			if p.symmetric {
				m.data[j*n+i] = v[k]
			}
			k++
		}
	}
}

type collinearError struct{ col int }

func (e collinearError) Error() string {
	return "is a linear combination of the terms before it; the fit is undefined"
}

// thinQR orthonormalises the columns by modified Gram-Schmidt, twice (the
// second pass restores the orthogonality the first loses to rounding, so
// the result is as accurate as Householder's), and returns Q and the upper
// triangle R with cols = Q R (r[i][j], j >= i). A column left with under
// 1e-10 of its norm is collinear with those before it.
func thinQR(cols [][]float64) (q [][]float64, r [][]float64, err error) {
	p := len(cols)
	q = make([][]float64, p)
	r = make([][]float64, p)
	for i := range r {
		r[i] = make([]float64, p)
	}
	for j, c := range cols {
		v := append([]float64(nil), c...)
		norm0 := math.Sqrt(dot(v, v))
		for range 2 {
			for i := range j {
				a := dot(q[i], v)
				r[i][j] += a
				axpy(-a, q[i], v)
			}
		}
		norm := math.Sqrt(dot(v, v))
		if norm == 0 || norm <= 1e-10*norm0 {
			return nil, nil, collinearError{j}
		}
		r[j][j] = norm
		for k := range v {
			v[k] /= norm
		}
		q[j] = v
	}
	return q, r, nil
}

// residual returns v minus its projection on the orthonormal basis.
func residual(v []float64, basis [][]float64) []float64 {
	out := append([]float64(nil), v...)
	for range 2 {
		for _, q := range basis {
			axpy(-dot(q, out), q, out)
		}
	}
	return out
}

// backSolve solves R b = c for upper triangular R.
func backSolve(r [][]float64, c []float64) []float64 {
	p := len(c)
	b := make([]float64, p)
	for i := p - 1; i >= 0; i-- {
		s := c[i]
		for j := i + 1; j < p; j++ {
			s -= r[i][j] * b[j]
		}
		b[i] = s / r[i][i]
	}
	return b
}

// invertUpper returns R^-1 (upper triangular), row by row.
func invertUpper(r [][]float64) [][]float64 {
	p := len(r)
	inv := make([][]float64, p)
	for i := range inv {
		inv[i] = make([]float64, p)
	}
	for j := range p { // column j of R^-1 solves R x = e_j
		e := make([]float64, p)
		e[j] = 1
		x := backSolve(r, e)
		for i := range p {
			inv[i][j] = x[i]
		}
	}
	return inv
}

func dot(a, b []float64) float64 {
	var s float64
	b = b[:len(a)]
	for k, x := range a {
		s += x * b[k]
	}
	return s
}

func axpy(alpha float64, x, y []float64) {
	y = y[:len(x)]
	for k, v := range x {
		y[k] += alpha * v
	}
}
