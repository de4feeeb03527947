package regression

import (
	"context"
	"math"
	"math/rand/v2"
)

// chebyshev approximates ln|I - rho W| for W with real eigenvalues in
// [-1, 1] (row-standardised and similar to a symmetric matrix) by the
// Chebyshev expansion (Pace and LeSage 2004) with its coefficients in
// closed form: with r = rho / (1 + sqrt(1 - rho^2)),
//
//	ln(1 - rho x) = -ln(1 + r^2) - 2 sum_{j>=1} r^j T_j(x) / j,
//
// so ln|I - rho W| = -n ln(1 + r^2) - 2 sum_{j=1..q} r^j tr(T_j(W)) / j
// with a truncation error of at most 2 n |r|^(q+1) / ((q+1)(1 - |r|)),
// |T_j| <= 1 on [-1, 1]. tr(T_j) for j <= 4 are exact, from tr(W^k)
// by sparse products; the higher traces are Hutchinson
// estimates x'T_j(W)x over Probes Rademacher vectors x (Barry and Pace
// 1999), whose standard error is reported. O(q probes links) to set up,
// O(q) per evaluation; valid for |rho| < 1.
type chebyshev struct {
	n      int
	q      int
	tr     []float64   // tr[j] = estimated tr(T_j(W)), j = 0..q
	probe  [][]float64 // probe[k][j] = x_k' T_j(W) x_k, for the standard error
	exactJ int         // traces up to this j are exact
}

// ChebyshevTerms and ChebyshevProbes are the defaults of the Chebyshev
// log-determinant: at |rho| <= 0.9 (|r| <= 0.63) the truncation error of
// 40 terms is below 1e-8 n; the Monte Carlo error dominates.
const (
	ChebyshevTerms  = 40
	ChebyshevProbes = 128
)

func newChebyshev(ctx context.Context, p *problem, q, probes int, seed uint64) (*chebyshev, error) {
	n := p.n
	c := &chebyshev{n: n, q: q, tr: make([]float64, q+1), exactJ: min(q, 4)}
	t := exactPowerTraces(p) // tr(W^k), k = 0..4
	fn := float64(n)
	exact := []float64{fn, t[1], 2*t[2] - fn, 4*t[3] - 3*t[1], 8*t[4] - 8*t[2] + fn}
	copy(c.tr, exact[:c.exactJ+1])
	var pcg rand.PCG
	rng := rand.New(&pcg)
	x := make([]float64, n)
	c.probe = make([][]float64, probes)
	for k := range probes {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pcg.Seed(seed, uint64(k))
		for i := range x {
			x[i] = float64(1 - 2*int(rng.Uint64()&1))
		}
		c.probe[k] = probeTraces(p, x, q)
		for j := c.exactJ + 1; j <= q; j++ {
			c.tr[j] += c.probe[k][j] / float64(probes)
		}
	}
	return c, nil
}

// probeTraces returns x'T_j(W)x, j = 0..q, by the recurrence
// t_{j+1} = 2 W t_j - t_{j-1}, t_0 = x, t_1 = Wx.
func probeTraces(p *problem, x []float64, q int) []float64 {
	out := make([]float64, q+1)
	prev := append([]float64(nil), x...)
	out[0] = dot(x, prev)
	if q == 0 {
		return out
	}
	cur := p.w.Lag(x)
	out[1] = dot(x, cur)
	for j := 2; j <= q; j++ {
		next := p.w.Lag(cur)
		for i := range next {
			next[i] = 2*next[i] - prev[i]
		}
		out[j] = dot(x, next)
		prev, cur = cur, next
	}
	return out
}

func chebR(rho float64) float64 { return rho / (1 + math.Sqrt(1-rho*rho)) }

// logDet returns the approximation at rho, or -Inf for |rho| >= 1.
func (c *chebyshev) logDet(rho float64) float64 {
	if !(math.Abs(rho) < 1) {
		return math.Inf(-1)
	}
	return c.series(rho, c.tr)
}

func (c *chebyshev) series(rho float64, tr []float64) float64 {
	r := chebR(rho)
	s := -float64(c.n) * math.Log1p(r*r)
	g := 1.0
	for j := 1; j <= c.q; j++ {
		g *= r
		s -= 2 * g * tr[j] / float64(j)
	}
	return s
}

// errorBound returns the truncation bound and the Monte Carlo standard
// error of the approximation at rho.
func (c *chebyshev) errorBound(rho float64) (truncation, monteCarlo float64) {
	r := math.Abs(chebR(rho))
	truncation = 2 * float64(c.n) * math.Pow(r, float64(c.q+1)) / (float64(c.q+1) * (1 - r))
	m := len(c.probe)
	if m < 2 {
		return truncation, 0
	}
	vals := make([]float64, m)
	var mean float64
	tr := make([]float64, c.q+1)
	for k := range c.probe {
		copy(tr, c.tr)
		for j := c.exactJ + 1; j <= c.q; j++ {
			tr[j] = c.probe[k][j]
		}
		vals[k] = c.series(rho, tr)
		mean += vals[k] / float64(m)
	}
	var ss float64
	for _, v := range vals {
		ss += (v - mean) * (v - mean)
	}
	return truncation, math.Sqrt(ss / float64(m-1) / float64(m))
}

// exactPowerTraces returns tr(W^k), k = 0..4, from the sparse W^2:
// tr(W^3) = sum (W^2)_ij w_ji and tr(W^4) = sum (W^2)_ij (W^2)_ji.
func exactPowerTraces(p *problem) [5]float64 {
	n := p.n
	w2 := make([]map[int]float64, n)
	for i := range n {
		w2[i] = map[int]float64{}
		nb, wt := p.w.Row(i)
		for a, k := range nb {
			nk, wk := p.w.Row(k)
			for b, j := range nk {
				w2[i][j] += wt[a] * wk[b]
			}
		}
	}
	var t [5]float64
	t[0] = float64(n)
	for i := range n {
		t[1] += weightAt(p.w, i, i)
		t[2] += w2[i][i]
		for j, v := range w2[i] {
			t[3] += v * weightAt(p.w, j, i)
			t[4] += v * w2[j][i]
		}
	}
	return t
}
