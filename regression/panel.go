package regression

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"collab/spatial"
)

// Effects are the fixed effects of a panel.
type Effects int

// The fixed effects.
const (
	CityEffects   Effects = iota // one intercept per city
	YearEffects                  // one intercept per period
	TwoWayEffects                // both
)

func (e Effects) String() string {
	switch e {
	case CityEffects:
		return "city"
	case YearEffects:
		return "year"
	case TwoWayEffects:
		return "two-way"
	}
	return fmt.Sprintf("Effects(%d)", int(e))
}

// PanelSpec is a panel of Periods years of the same N cities, stacked by
// period: the value of city i in period t is at t N + i.
type PanelSpec struct {
	Model   Model // OLS, SLX, SAR, SEM, SDM or SDEM
	Periods int
	Y       []float64
	X       [][]float64
	Names   []string
	W       *spatial.Weights // N x N, the same every period
	Effects Effects
	// LeeYu corrects the bias of the fixed-effects estimator (Lee and Yu
	// 2010) by their transformation approach: for city effects
	// sigma^2 = SSE/(N(T - 1)) (rho and beta are unchanged); for two-way
	// effects the likelihood of the data transformed by orthonormal
	// complements of 1 over periods and cities, with
	// (T - 1)(ln|I - rho W| - ln(1 - rho)) as log-Jacobian and
	// (N - 1)(T - 1) observations, which changes rho too. Year effects
	// alone are not corrected.
	LeeYu   bool
	Impacts ImpactOptions
	LogDet  LogDetMethod
}

// FitPanel fits a fixed-effects spatial panel by demeaning (Elhorst 2014,
// ch. 3): y and X lose their city means, period means or both, and the
// model is fitted as a cross-section of N T observations without an
// intercept under I_T (x) W, the same as spatialreg's lagsarlm and
// errorsarlm on the demeaned stacked data with kronecker(I_T, W). With
// LeeYu the transformed data of Lee and Yu (2010) are fitted instead. The
// impacts use W and the estimates of rho, beta and theta.
func FitPanel(ctx context.Context, s PanelSpec) (*Result, error) {
	if s.W == nil {
		return nil, inputErr("w", "", "a panel needs spatial weights")
	}
	if s.Model == SAC {
		return nil, inputErr("model", "sac", "not available for panels")
	}
	n, t := s.W.Len(), s.Periods
	if t < 2 {
		return nil, inputErr("periods", fmt.Sprint(t), "a panel needs at least 2 periods")
	}
	if len(s.Y) != n*t {
		return nil, inputErr("y", "", "has %d values for %d cities x %d periods", len(s.Y), n, t)
	}
	for j, c := range s.X {
		if len(c) != n*t {
			return nil, inputErr("x", s.Names[j], "has %d values for %d cities x %d periods", len(c), n, t)
		}
	}
	if s.Effects < CityEffects || s.Effects > TwoWayEffects {
		return nil, inputErr("effects", fmt.Sprint(int(s.Effects)), "not an effect")
	}
	if s.LeeYu && !rowStandardised(s.W) {
		return nil, inputErr("w", "", "the Lee-Yu correction needs row-standardised weights")
	}
	cross := Spec{Model: s.Model, NoIntercept: true, Names: s.Names, LogDet: s.LogDet}
	var w weights
	switch {
	case s.LeeYu && s.Effects == CityEffects:
		cross.Y = transform(s.Y, n, t, false)
		for _, c := range s.X {
			cross.X = append(cross.X, transform(c, n, t, false))
		}
		w = newBlockWeights(s.W, t-1)
	case s.LeeYu && s.Effects == TwoWayEffects:
		cross.Y = transform(s.Y, n, t, true)
		for _, c := range s.X {
			cross.X = append(cross.X, transform(c, n, t, true))
		}
		w = newBlockWeights(newDenseWeights(complementWeights(s.W)), t-1)
	default:
		cross.Y = demean(s.Y, n, t, s.Effects)
		for _, c := range s.X {
			cross.X = append(cross.X, demean(c, n, t, s.Effects))
		}
		w = newBlockWeights(s.W, t)
	}
	for j, c := range cross.X {
		if isConstant(c) {
			return nil, inputErr("x", s.Names[j], "is constant once the %s effects are removed", s.Effects)
		}
	}
	if s.Model == OLS {
		w = nil
	}
	p, err := buildProblem(cross, w)
	if err != nil {
		return nil, err
	}
	f, err := fitProblem(ctx, p)
	if err != nil {
		return nil, err
	}
	res := f.result()
	res.N = n * t
	if err := f.panelImpacts(ctx, res, s); err != nil {
		return nil, err
	}
	return res, nil
}

// panelImpacts computes the impacts on the cross-section weights W.
func (f *fitted) panelImpacts(ctx context.Context, res *Result, s PanelSpec) error {
	if !(f.p.model.lagsY() || f.p.model.lagsX()) || s.Impacts.Method == ImpactsNone {
		return nil
	}
	base := *f.p
	base.w = s.W
	base.n = s.W.Len()
	base.rowStd = rowStandardised(s.W)
	g := *f
	g.p = &base
	if f.p.model.lagsY() {
		jac, err := newJacobian(ctx, &base, s.LogDet)
		if err != nil {
			return err
		}
		g.jac = jac
		if jac.spec == nil && jac.dense(base.n) {
			a, err := jac.inverse(ctx, &base, f.rho)
			if err != nil {
				return err
			}
			g.trAt = [2]float64{trace(a) / float64(base.n), trace(mulW(&base, a)) / float64(base.n)}
		}
	}
	return g.addImpacts(ctx, res, s.Impacts)
}

// demean removes the city means, the period means or both (adding back
// the grand mean) from v, stacked by period.
func demean(v []float64, n, t int, e Effects) []float64 {
	city := make([]float64, n)
	period := make([]float64, t)
	var grand float64
	for p := range t {
		for i := range n {
			x := v[p*n+i]
			city[i] += x / float64(t)
			period[p] += x / float64(n)
			grand += x / float64(n*t)
		}
	}
	out := make([]float64, len(v))
	for p := range t {
		for i := range n {
			x := v[p*n+i]
			switch e {
			case CityEffects:
				x -= city[i]
			case YearEffects:
				x -= period[p]
			case TwoWayEffects:
				x += grand - city[i] - period[p]
			}
			out[p*n+i] = x
		}
	}
	return out
}

// helmert returns the m x (m - 1) orthonormal basis of the complement of
// 1: column k (0-based) is (1, ..., 1, -(k+1), 0, ...)/sqrt((k+1)(k+2)),
// with k + 1 ones.
func helmert(m int) *mat.Dense {
	h := mat.NewDense(m, m-1, nil)
	for k := range m - 1 {
		c := 1 / math.Sqrt(float64((k+1)*(k+2)))
		for i := 0; i <= k; i++ {
			h.Set(i, k, c)
		}
		h.Set(k+1, k, -float64(k+1)*c)
	}
	return h
}

// transform returns (F_T' (x) I_N) v or, with cities, (F_T' (x) F_N') v,
// F_m the Helmert basis: the data of Lee and Yu's transformation approach,
// T - 1 periods of N (or N - 1) values.
func transform(v []float64, n, t int, cities bool) []float64 {
	ft := helmert(t)
	nn := n
	if cities {
		nn = n - 1
	}
	fn := helmert(n)
	out := make([]float64, 0, (t-1)*nn)
	for k := range t - 1 {
		row := make([]float64, n)
		for p := range t {
			c := ft.At(p, k)
			for i := range n {
				row[i] += c * v[p*n+i]
			}
		}
		if !cities {
			out = append(out, row...)
			continue
		}
		out = append(out, mulVec(fn.T(), row)...)
	}
	return out
}

// complementWeights returns F_N' W F_N, W on the complement of 1.
func complementWeights(w *spatial.Weights) *mat.Dense {
	n := w.Len()
	f := helmert(n)
	var wf, out mat.Dense
	wf.Mul(denseW(w), f)
	out.Mul(f.T(), &wf)
	return &out
}
