package regression

import (
	"context"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// pair is one variable's coefficients in S_r(W) = (I - rho W)^-1 (beta I + theta W).
type pair struct {
	name        string
	beta, theta int // columns of the design; theta -1 when the model has no WX
}

// impactPairs lists the variables with impacts: every regressor but the
// intercept, with its lag for Durbin models.
func (p *problem) impactPairs() []pair {
	var out []pair
	for j, name := range p.names {
		if name == interceptName || j >= p.x.RawMatrix().Cols-len(p.lagCols) {
			continue
		}
		out = append(out, pair{name: name, beta: j, theta: -1})
	}
	_, k := p.x.Dims()
	base := k - len(p.lagCols)
	for t, src := range p.lagCols {
		for i := range out {
			if out[i].beta == src {
				out[i].theta = base + t
			}
		}
	}
	return out
}

func (f *fitted) addImpacts(ctx context.Context, r *Result, opt ImpactOptions) error {
	if opt.Method == ImpactsNone {
		return nil
	}
	switch f.p.model {
	case SLX, SDEM:
		f.linearImpacts(r)
		return nil
	case SAR, SDM, SAC:
		return f.lagImpacts(ctx, r, opt)
	}
	return nil
}

// linearImpacts sets the impacts of SLX and SDEM, where S_r = beta I +
// theta W: direct beta, indirect theta, total beta + theta with
// var = V_bb + V_tt + 2 V_bt (spatialreg's estimable, from lm's
// covariance).
func (f *fitted) linearImpacts(r *Result) {
	v := f.covBeta
	for _, pr := range f.p.impactPairs() {
		b, t := pr.beta, pr.theta
		im := Impact{Name: pr.name, Direct: f.coef[b]}
		dse := math.Sqrt(v.At(b, b))
		im.DirectSE = &dse
		if t >= 0 {
			im.Indirect = f.coef[t]
			ise := math.Sqrt(v.At(t, t))
			tse := math.Sqrt(v.At(b, b) + v.At(t, t) + 2*v.At(b, t))
			im.IndirectSE, im.TotalSE = &ise, &tse
		} else {
			zero := 0.0
			im.IndirectSE, im.TotalSE = &zero, &dse
		}
		im.Total = im.Direct + im.Indirect
		r.Impacts = append(r.Impacts, im)
	}
	r.ImpactMethod = "estimable"
}

// traceSource gives the mean traces tr(A)/n and tr(AW)/n of
// A = (I - rho W)^-1 at any rho.
type traceSource func(rho float64) (trA, trAW float64)

// lagImpacts sets the impacts of SAR, SDM and SAC: for variable r,
//
//	direct   = tr(S_r)/n = (beta tr(A) + theta tr(AW))/n
//	total    = 1'S_r 1/n = (beta 1'A1 + theta 1'AW1)/n
//	indirect = total - direct,
//
// the traces exact from the eigenvalues or from the series
// tr(A) = sum_k rho^k tr(W^k) over the first Powers powers; standard
// errors from Draws draws of (rho, beta) from their asymptotic normal
// distribution, draws with rho outside its interval dropped, as
// spatialreg's impacts(R = ).
func (f *fitted) lagImpacts(ctx context.Context, r *Result, opt ImpactOptions) error {
	p := f.p
	if !p.rowStd {
		r.Warnings = append(r.Warnings, "impacts need row-standardised weights (as spatialreg): none computed")
		return nil
	}
	tot, ok := p.totalsSource()
	if !ok {
		r.Warnings = append(r.Warnings, "impacts undefined: an island is another city's neighbour, so 1'(I - rho W)^-1 1 has no closed form")
		return nil
	}
	var tr traceSource
	method := opt.Method
	if method == ImpactsAuto {
		method = ImpactsExact
	}
	switch method {
	case ImpactsExact:
		n := float64(p.n)
		if sp := f.jac.spec; sp != nil {
			tr = func(rho float64) (float64, float64) {
				a, aw := sp.traces(rho)
				return a / n, aw / n
			}
		} else if opt.Draws > 0 || !f.jac.dense(p.n) {
			// Without the eigenvalues, only the traces at the estimate are
			// exact: the draws take the series.
			method = ImpactsTrace
		} else {
			tr = func(float64) (float64, float64) { return f.trAt[0], f.trAt[1] }
		}
	}
	if method == ImpactsTrace {
		q := opt.Powers
		if q == 0 {
			q = 30
		}
		var traces []float64
		var err error
		if f.jac.dense(p.n) {
			traces, err = powerTraces(ctx, p, q)
		} else {
			traces, err = monteCarloPowerTraces(ctx, p, q, ChebyshevProbes, opt.Seed)
			method = ImpactsMonteCarlo
		}
		if err != nil {
			return err
		}
		tr = seriesTraces(traces, p.n)
	}
	pairs := p.impactPairs()
	point := impactValues(pairs, f.rho, f.coef, tr, tot)
	for i, pr := range pairs {
		im := Impact{Name: pr.name, Direct: point[i][0], Indirect: point[i][1], Total: point[i][2]}
		if opt.Draws == 0 {
			im.SEUndefined = "no simulation draws were asked for"
		}
		r.Impacts = append(r.Impacts, im)
	}
	r.ImpactMethod = method.String()
	if opt.Draws == 0 {
		return nil
	}
	sd, kept, err := f.simulateImpacts(ctx, pairs, tr, tot, opt)
	if err != nil {
		return err
	}
	r.ImpactDraws = kept
	for i := range r.Impacts {
		im := &r.Impacts[i]
		if kept < 2 {
			im.SEUndefined = "fewer than 2 draws had rho inside its interval"
			continue
		}
		im.SEUndefined = ""
		d, in, t := sd[i][0], sd[i][1], sd[i][2]
		im.DirectSE, im.IndirectSE, im.TotalSE = &d, &in, &t
	}
	return nil
}

// impactValues returns (direct, indirect, total) of each pair.
func impactValues(pairs []pair, rho float64, coef []float64, tr traceSource, tot traceSource) [][3]float64 {
	trA, trAW := tr(rho)
	oneA, oneAW := tot(rho)
	out := make([][3]float64, len(pairs))
	for i, pr := range pairs {
		b, t := coef[pr.beta], 0.0
		if pr.theta >= 0 {
			t = coef[pr.theta]
		}
		direct := b*trA + t*trAW
		total := b*oneA + t*oneAW
		out[i] = [3]float64{direct, total - direct, total}
	}
	return out
}

// totalsSource returns 1'A1/n and 1'AW1/n for row-standardised W: both
// 1/(1 - rho) without islands; with islands that are no one's neighbour,
// (n_c/(1 - rho) + n_i)/n and n_c/((1 - rho) n), n_c the other cities.
func (p *problem) totalsSource() (traceSource, bool) {
	islands := p.w.Islands()
	isIsland := make([]bool, p.n)
	for _, i := range islands {
		isIsland[i] = true
	}
	for i := range p.n {
		nb, _ := p.w.Row(i)
		for _, j := range nb {
			if isIsland[j] {
				return nil, false
			}
		}
	}
	n, ni := float64(p.n), float64(len(islands))
	nc := n - ni
	return func(rho float64) (float64, float64) {
		g := nc / (1 - rho)
		return (g + ni) / n, g / n
	}, true
}

// seriesTraces returns the traces from tr(W^k), k = 1..q, as spatialreg's
// lagImpacts: tr(A)/n = sum_{k<q} rho^k tr(W^k)/n (tr(W^0) = n) and
// tr(AW)/n = sum_{k<q} rho^k tr(W^(k+1))/n.
func seriesTraces(traces []float64, n int) traceSource {
	fn := float64(n)
	return func(rho float64) (float64, float64) {
		a, aw, g := 1.0, 0.0, 1.0
		for k := range traces {
			aw += g * traces[k] / fn
			if k+1 < len(traces) {
				g *= rho
				a += g * traces[k] / fn
			}
		}
		return a, aw
	}
}

// powerTraces returns tr(W^k), k = 1..q, from dense powers W^k = W^(k-1) W,
// O(q n links) time and O(n^2) memory (spatialreg trW type "mult").
func powerTraces(ctx context.Context, p *problem, q int) ([]float64, error) {
	pw := denseW(p.w)
	out := make([]float64, q)
	for k := range q {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if k > 0 {
			pw = mulW(p, pw)
		}
		out[k] = trace(pw)
	}
	return out, nil
}

// monteCarloPowerTraces returns tr(W^k), k = 1..q: exact for k <= 4,
// Hutchinson estimates x'W^k x over Rademacher probes above (spatialreg
// trW type "MC"); O(q probes links).
func monteCarloPowerTraces(ctx context.Context, p *problem, q, probes int, seed uint64) ([]float64, error) {
	exact := exactPowerTraces(p)
	out := make([]float64, q)
	for k := 1; k <= min(q, 4); k++ {
		out[k-1] = exact[k]
	}
	var pcg rand.PCG
	rng := rand.New(&pcg)
	x := make([]float64, p.n)
	for r := range probes {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pcg.Seed(seed, 1<<40|uint64(r))
		for i := range x {
			x[i] = float64(1 - 2*int(rng.Uint64()&1))
		}
		v := x
		for k := 1; k <= q; k++ {
			v = p.w.Lag(v)
			if k > 4 {
				out[k-1] += dot(x, v) / float64(probes)
			}
		}
	}
	return out, nil
}

// simulateImpacts returns the standard deviations of the impacts over
// draws of (rho, beta) ~ N(estimate, covariance), and how many draws had
// rho inside its interval. Draw d uses its own PCG stream (seed, d), so
// the result does not depend on scheduling.
func (f *fitted) simulateImpacts(ctx context.Context, pairs []pair, tr, tot traceSource, opt ImpactOptions) ([][3]float64, int, error) {
	var chol mat.Cholesky
	if !chol.Factorize(f.covRhoBeta) {
		return nil, 0, inputErr("model", f.p.model.String(), "the covariance of rho and beta is not positive definite: no draws")
	}
	var l mat.TriDense
	chol.LTo(&l)
	m := f.covRhoBeta.SymmetricDim()
	mu := append([]float64{f.rho}, f.coef...)
	var pcg rand.PCG
	rng := rand.New(&pcg)
	z := make([]float64, m)
	x := make([]float64, m)
	mean := make([][3]float64, len(pairs))
	m2 := make([][3]float64, len(pairs))
	kept := 0
	for d := range opt.Draws {
		if d%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
		}
		pcg.Seed(opt.Seed, uint64(d))
		for i := range z {
			z[i] = rng.NormFloat64()
		}
		for i := range m {
			s := mu[i]
			for j := 0; j <= i; j++ {
				s += l.At(i, j) * z[j]
			}
			x[i] = s
		}
		if !(x[0] > f.jac.lo && x[0] < f.jac.hi) {
			continue
		}
		kept++
		v := impactValues(pairs, x[0], x[1:], tr, tot)
		for i := range v { // Welford's running mean and sum of squares
			for c := range 3 {
				delta := v[i][c] - mean[i][c]
				mean[i][c] += delta / float64(kept)
				m2[i][c] += delta * (v[i][c] - mean[i][c])
			}
		}
	}
	sd := make([][3]float64, len(pairs))
	if kept >= 2 {
		for i := range sd {
			for c := range 3 {
				sd[i][c] = math.Sqrt(m2[i][c] / float64(kept-1))
			}
		}
	}
	return sd, kept, nil
}
