package regression

import (
	"context"
	"math"

	"gonum.org/v1/gonum/mat"
)

// fitSAC fits SAC (spatialreg sacsarlm, method "eigen"): the likelihood
// concentrated on (rho, lambda),
//
//	ln L = ln|I - rho W| + ln|I - lambda W| - n/2 ln(2 pi) - n/2 ln(SSE/n) - n/2,
//
// SSE that of y - rho Wy - lambda Wy + rho lambda WWy on X - lambda WX, is
// maximised from the best of sacsarlm's four starting points by
// Nelder-Mead, then polished by Newton steps; standard errors come from
// sacsarlm's analytical information matrix of (sigma^2, rho, lambda, beta).
func fitSAC(ctx context.Context, p *problem) (*fitted, error) {
	jac, err := newJacobian(ctx, p, p.logDet)
	if err != nil {
		return nil, err
	}
	if !jac.dense(p.n) {
		return nil, inputErr("model", "sac", "needs the dense route: at most %d cities, and an exact log-determinant", EigenMaxN)
	}
	sp := jac
	wwy := p.w.Lag(p.wy)
	sse := func(rho, lam float64, inverse bool) lsFit {
		yl := make([]float64, p.n)
		for i := range yl {
			yl[i] = p.y[i] - rho*p.wy[i] - lam*p.wy[i] + rho*lam*wwy[i]
		}
		return leastSquares(filtered(p.x, p.wx, lam), yl, inverse)
	}
	loglik := func(rho, lam float64) float64 {
		if rho <= sp.lo || rho >= sp.hi || lam <= sp.lo || lam >= sp.hi {
			return math.Inf(-1)
		}
		return gaussLogLik(p.n, sse(rho, lam, false).sse, jac.logDet(rho)+jac.logDet(lam))
	}
	rho, lam, err := maximize2(ctx, loglik, sp.lo, sp.hi)
	if err != nil {
		return nil, err
	}
	if err := checkInterior("rho", rho, sp.lo, sp.hi); err != nil {
		return nil, err
	}
	if err := checkInterior("lambda", lam, sp.lo, sp.hi); err != nil {
		return nil, err
	}
	ls := sse(rho, lam, false)
	_, k := p.x.Dims()
	f := &fitted{p: p, coef: ls.coef, rho: rho, lam: lam, logLik: loglik(rho, lam),
		sigma2: ls.sse / float64(p.n), params: k + 3, resid: ls.resid, jac: jac}
	if err := f.sacCovariance(ctx); err != nil {
		return nil, err
	}
	return f, nil
}

// maximize2 maximises f(rho, lambda) on the square (lo, hi)^2.
func maximize2(ctx context.Context, f func(a, b float64) float64, lo, hi float64) (float64, float64, error) {
	starts := [][2]float64{{lo * 0.8, hi * 0.8}, {0, 0}, {hi * 0.8, hi * 0.8}, {hi * 0.8, lo * 0.8}}
	best, bestF := starts[0], math.Inf(-1)
	for _, s := range starts {
		if v := f(s[0], s[1]); v > bestF {
			best, bestF = s, v
		}
	}
	mid, half := (lo+hi)/2, (hi-lo)/2
	to := func(u float64) float64 { return mid + half*math.Tanh(u) }
	from := func(x float64) float64 { return math.Atanh((x - mid) / half) }
	neg := func(u [2]float64) float64 {
		v := f(to(u[0]), to(u[1]))
		if math.IsInf(v, -1) {
			return math.Inf(1)
		}
		return -v
	}
	u, err := nelderMead(ctx, neg, [2]float64{from(best[0]), from(best[1])})
	if err != nil {
		return 0, 0, err
	}
	x := [2]float64{to(u[0]), to(u[1])}
	return newtonPolish(f, x, lo, hi)
}

// nelderMead minimises f in two dimensions from x0 (Nelder and Mead 1965;
// reflection 1, expansion 2, contraction and shrink 1/2), stopping when the
// simplex's values agree to 1e-13 or after 2000 iterations.
func nelderMead(ctx context.Context, f func([2]float64) float64, x0 [2]float64) ([2]float64, error) {
	pts := [3][2]float64{x0, {x0[0] + 0.1, x0[1]}, {x0[0], x0[1] + 0.1}}
	var fs [3]float64
	for i := range pts {
		fs[i] = f(pts[i])
	}
	comb := func(a [2]float64, t float64, b [2]float64) [2]float64 {
		return [2]float64{a[0] + t*(b[0]-a[0]), a[1] + t*(b[1]-a[1])}
	}
	for it := range 2000 {
		if it%100 == 0 {
			if err := ctx.Err(); err != nil {
				return x0, err
			}
		}
		// order: best 0, worst 2
		for i := 1; i < 3; i++ {
			for j := i; j > 0 && fs[j] < fs[j-1]; j-- {
				fs[j], fs[j-1] = fs[j-1], fs[j]
				pts[j], pts[j-1] = pts[j-1], pts[j]
			}
		}
		if math.Abs(fs[2]-fs[0]) <= 1e-13*(1+math.Abs(fs[0])) {
			break
		}
		c := comb(pts[0], 0.5, pts[1]) // centroid of the two best
		r := comb(c, -1, pts[2])
		fr := f(r)
		switch {
		case fr < fs[0]:
			e := comb(c, -2, pts[2])
			if fe := f(e); fe < fr {
				pts[2], fs[2] = e, fe
			} else {
				pts[2], fs[2] = r, fr
			}
		case fr < fs[1]:
			pts[2], fs[2] = r, fr
		default:
			t := 0.5 // inside contraction
			if fr < fs[2] {
				t = -0.5 // outside contraction
			}
			ct := comb(c, t, pts[2])
			if fc := f(ct); fc < math.Min(fr, fs[2]) {
				pts[2], fs[2] = ct, fc
				continue
			}
			for i := 1; i < 3; i++ {
				pts[i] = comb(pts[0], 0.5, pts[i])
				fs[i] = f(pts[i])
			}
		}
	}
	return pts[0], nil
}

// newtonPolish takes Newton steps on central-difference derivatives from x
// while they raise f, to locate the maximum to ~1e-10 where Nelder-Mead
// leaves it to ~1e-7.
func newtonPolish(f func(a, b float64) float64, x [2]float64, lo, hi float64) (float64, float64, error) {
	const h = 1e-4
	fx := f(x[0], x[1])
	for range 20 {
		g, hs := derivatives(f, x, h)
		det := hs[0][0]*hs[1][1] - hs[0][1]*hs[1][0]
		if !(hs[0][0] < 0 && det > 0) {
			break // not concave here: keep the Nelder-Mead point
		}
		step := [2]float64{
			-(hs[1][1]*g[0] - hs[0][1]*g[1]) / det,
			-(-hs[1][0]*g[0] + hs[0][0]*g[1]) / det,
		}
		y := [2]float64{x[0] + step[0], x[1] + step[1]}
		if y[0] <= lo || y[0] >= hi || y[1] <= lo || y[1] >= hi {
			break
		}
		fy := f(y[0], y[1])
		if !(fy >= fx) {
			break
		}
		done := math.Abs(step[0]) < 1e-12 && math.Abs(step[1]) < 1e-12
		x, fx = y, fy
		if done {
			break
		}
	}
	return x[0], x[1], nil
}

// derivatives returns the gradient and Hessian of f at x by central
// differences of step h.
func derivatives(f func(a, b float64) float64, x [2]float64, h float64) ([2]float64, [2][2]float64) {
	at := func(da, db float64) float64 { return f(x[0]+da, x[1]+db) }
	f0 := at(0, 0)
	fa1, fa0 := at(h, 0), at(-h, 0)
	fb1, fb0 := at(0, h), at(0, -h)
	g := [2]float64{(fa1 - fa0) / (2 * h), (fb1 - fb0) / (2 * h)}
	haa := (fa1 - 2*f0 + fa0) / (h * h)
	hbb := (fb1 - 2*f0 + fb0) / (h * h)
	hab := (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h)
	return g, [2][2]float64{{haa, hab}, {hab, hbb}}
}

// sacCovariance sets the standard errors from the inverse of sacsarlm's
// information matrix of (sigma^2, rho, lambda, beta), with
// A = I - rho W, B = I - lambda W, WA = W A^-1, WB = W B^-1:
//
//	s2,s2:   n / (2 s2^2)
//	rho,s2:  tr(WA)/s2            lambda,s2: tr(WB)/s2
//	rho,rho: tr(WA WA) + tr((B WA B^-1)'(B WA B^-1)) + |B WA X b|^2/s2
//	lam,lam: tr(WB WB) + tr(WB'WB)
//	lam,rho: tr(WB' B WA B^-1) + tr(W WA B^-1)
//	rho,b:   (BX)' B WA X b / s2  b,b: (BX)'(BX)/s2
func (f *fitted) sacCovariance(ctx context.Context) error {
	p := f.p
	_, k := p.x.Dims()
	s2 := f.sigma2
	ai, err := f.jac.inverse(ctx, p, f.rho)
	if err != nil {
		return err
	}
	bi, err := f.jac.inverse(ctx, p, f.lam)
	if err != nil {
		return err
	}
	wa := wMul(p, ai)
	f.trAt = [2]float64{trace(ai) / float64(p.n), trace(wa) / float64(p.n)}
	wb := wMul(p, bi)
	var bwa mat.Dense // B WA = WA - lambda W WA
	wwa := wMul(p, wa)
	bwa.Scale(-f.lam, wwa)
	bwa.Add(wa, &bwa)
	var bwabi mat.Dense
	bwabi.Mul(&bwa, bi)
	bx := filtered(p.x, p.wx, f.lam)
	bwaxb := mulVec(&bwa, mulVec(p.x, f.coef))
	n := float64(p.n)
	inf := mat.NewDense(k+3, k+3, nil)
	set := func(i, j int, v float64) { inf.Set(i, j, v); inf.Set(j, i, v) }
	set(0, 0, n/(2*s2*s2))
	set(1, 0, trace(wa)/s2)
	set(2, 0, trace(wb)/s2)
	set(1, 1, traceProduct(wa, wa)+frobenius2(&bwabi)+dot(bwaxb, bwaxb)/s2)
	set(2, 2, traceProduct(wb, wb)+frobenius2(wb))
	set(2, 1, elementwise(wb, &bwabi)+traceProduct(wwa, bi))
	bxtbwaxb := mulVec(bx.T(), bwaxb)
	var bxtbx mat.Dense
	bxtbx.Mul(bx.T(), bx)
	for i := range k {
		set(1, 3+i, bxtbwaxb[i]/s2)
		for j := range k {
			inf.Set(3+i, 3+j, bxtbx.At(i, j)/s2)
		}
	}
	v, err := invertInformation(p.model, inf)
	if err != nil {
		return err
	}
	f.rhoSE = math.Sqrt(v.At(1, 1))
	f.lamSE = math.Sqrt(v.At(2, 2))
	f.se = make([]float64, k)
	for i := range k {
		f.se[i] = math.Sqrt(v.At(3+i, 3+i))
	}
	f.covRhoBeta = selectCovariance(v, append([]int{1}, seq(3, 3+k)...))
	return nil
}

// elementwise returns sum_ij a_ij b_ij = tr(A'B).
func elementwise(a, b *mat.Dense) float64 {
	n, _ := a.Dims()
	var s float64
	for i := range n {
		bi := b.RawRowView(i)
		for j, v := range a.RawRowView(i) {
			s += v * bi[j]
		}
	}
	return s
}

func seq(a, b int) []int {
	out := make([]int, 0, b-a)
	for i := a; i < b; i++ {
		out = append(out, i)
	}
	return out
}

// selectCovariance returns the rows and columns idx of v, symmetrised.
func selectCovariance(v *mat.Dense, idx []int) *mat.SymDense {
	out := mat.NewSymDense(len(idx), nil)
	for a, i := range idx {
		for b := a; b < len(idx); b++ {
			j := idx[b]
			out.SetSym(a, b, (v.At(i, j)+v.At(j, i))/2)
		}
	}
	return out
}
