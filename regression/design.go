package regression

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

const interceptName = "(Intercept)"

// problem is a Spec checked and laid out: the design X (intercept, the
// regressors and, for Durbin models, their lags), y and, for spatial
// models, Wy and WX.
type problem struct {
	model   Model
	n       int
	y       []float64
	x       *mat.Dense
	names   []string
	w       weights
	wy      []float64
	wx      *mat.Dense // W times every column of x (error models)
	rowStd  bool       // every row of W sums to 1 or is empty (spdep style "W")
	lagCols []int      // for Durbin models: column of x of each lagged variable, or -1
	logDet  LogDetMethod
}

func newProblem(s Spec) (*problem, error) {
	if s.W == nil {
		return buildProblem(s, nil)
	}
	return buildProblem(s, s.W)
}

// buildProblem lays out s with the weights w (nil for none).
func buildProblem(s Spec, w weights) (*problem, error) {
	n := len(s.Y)
	if err := checkSpec(s, w); err != nil {
		return nil, err
	}
	p := &problem{model: s.Model, n: n, y: s.Y, logDet: s.LogDet, w: w}
	if w != nil {
		p.rowStd = rowStandardised(w)
	}
	var cols [][]float64
	if !s.NoIntercept {
		cols = append(cols, constant(n, 1))
		p.names = append(p.names, interceptName)
	}
	cols = append(cols, s.X...)
	p.names = append(p.names, s.Names...)
	if s.Model.lagsX() {
		cols, p.names = p.addLags(cols, p.names, !s.NoIntercept)
	}
	k := len(cols)
	if n <= k {
		return nil, inputErr("y", "", "%d cities for %d coefficients of model %s: need more cities than coefficients", n, k, s.Model)
	}
	if n < k+spatialParams(s.Model)+1 {
		return nil, inputErr("y", "", "%d cities for %d parameters of model %s: need more cities than parameters", n, k+spatialParams(s.Model)+1, s.Model)
	}
	p.x = mat.NewDense(n, k, nil)
	for j, c := range cols {
		p.x.SetCol(j, c)
	}
	if err := checkRank(p.x, p.names); err != nil {
		return nil, err
	}
	if w != nil {
		p.wy = w.Lag(s.Y)
		p.wx = mat.NewDense(n, k, nil)
		for j := range k {
			p.wx.SetCol(j, w.Lag(cols[j]))
		}
	}
	return p, nil
}

// spatialParams is the number of autoregressive parameters.
func spatialParams(m Model) int {
	k := 0
	if m.lagsY() {
		k++
	}
	if m.lagsErrors() {
		k++
	}
	return k
}

// addLags appends WX to the columns: the lag of every regressor and, when
// W is not row-standardised, of the intercept (spatialreg create_WX).
func (p *problem) addLags(cols [][]float64, names []string, intercept bool) ([][]float64, []string) {
	k := len(cols)
	start := 0
	if intercept {
		start = 1
		if !p.rowStd {
			cols = append(cols, p.w.Lag(cols[0]))
			names = append(names, "lag."+interceptName)
			p.lagCols = append(p.lagCols, 0)
		}
	}
	for j := start; j < k; j++ {
		cols = append(cols, p.w.Lag(cols[j]))
		names = append(names, "lag."+names[j])
		p.lagCols = append(p.lagCols, j)
	}
	return cols, names
}

func checkSpec(s Spec, w weights) error {
	n := len(s.Y)
	if s.Model < OLS || s.Model > SAC {
		return inputErr("model", fmt.Sprint(int(s.Model)), "not a model")
	}
	if n == 0 {
		return inputErr("y", "", "no observations")
	}
	if len(s.Names) != len(s.X) {
		return inputErr("names", "", "%d names for %d columns of x", len(s.Names), len(s.X))
	}
	if err := checkFinite("y", s.Y); err != nil {
		return err
	}
	seen := map[string]bool{}
	for j, c := range s.X {
		name := s.Names[j]
		if seen[name] || name == interceptName {
			return inputErr("x", name, "named twice")
		}
		seen[name] = true
		if len(c) != n {
			return inputErr("x", name, "has %d values for %d cities", len(c), n)
		}
		if err := checkFinite("x "+name, c); err != nil {
			return err
		}
		if !s.NoIntercept && isConstant(c) {
			return inputErr("x", name, "is constant (%g in every city): it cannot be told apart from the intercept", c[0])
		}
	}
	if isConstant(s.Y) {
		return inputErr("y", "", "is constant (%g in every city)", s.Y[0])
	}
	if s.Model.spatial() {
		if w == nil {
			return inputErr("w", "", "model %s needs spatial weights", s.Model)
		}
		if w.Len() != n {
			return inputErr("w", "", "has %d cities, y has %d", w.Len(), n)
		}
		if w.Links() == 0 {
			return inputErr("w", "", "has no links: every city is an island")
		}
	}
	if s.Impacts.Draws < 0 {
		return inputErr("draws", fmt.Sprint(s.Impacts.Draws), "must be >= 0")
	}
	if s.Impacts.Powers < 0 {
		return inputErr("powers", fmt.Sprint(s.Impacts.Powers), "must be >= 0")
	}
	return nil
}

func checkFinite(param string, v []float64) error {
	for i, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return inputErr(param, fmt.Sprint(x), "value of city %d is not a finite number", i)
		}
	}
	return nil
}

func isConstant(v []float64) bool {
	for _, x := range v {
		if x != v[0] {
			return false
		}
	}
	return true
}

func constant(n int, v float64) []float64 {
	c := make([]float64, n)
	for i := range c {
		c[i] = v
	}
	return c
}

// rowStandardised reports whether each row of w sums to 1 (to 1e-10) or
// is empty.
func rowStandardised(w weights) bool {
	for i := range w.Len() {
		_, wt := w.Row(i)
		if len(wt) == 0 {
			continue
		}
		var s float64
		for _, x := range wt {
			s += x
		}
		if math.Abs(s-1) > 1e-10 {
			return false
		}
	}
	return true
}

// checkRank finds a column of x that is (numerically) a linear combination
// of the columns before it: the QR diagonal |r_jj| below 1e-7 times the
// column's norm, the tolerance of R's lm.
func checkRank(x *mat.Dense, names []string) error {
	var qr mat.QR
	qr.Factorize(x)
	var r mat.Dense
	qr.RTo(&r)
	_, k := x.Dims()
	for j := range k {
		norm := mat.Norm(x.ColView(j), 2)
		if norm == 0 {
			return inputErr("x", names[j], "is zero in every city")
		}
		if math.Abs(r.At(j, j)) <= 1e-7*norm {
			return inputErr("x", names[j], "is collinear with %s (a linear combination of them)", listNames(names[:j]))
		}
	}
	return nil
}

func listNames(names []string) string {
	q := slices.Clone(names)
	for i, s := range q {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) == 0 {
		return "nothing"
	}
	return fmt.Sprint(q)
}

// lsFit is a least-squares fit y = X b + e.
type lsFit struct {
	coef  []float64
	resid []float64
	sse   float64
	xtxI  *mat.Dense // (X'X)^-1
}

// leastSquares solves min |y - X b| by QR.
func leastSquares(x *mat.Dense, y []float64, wantInverse bool) lsFit {
	n, k := x.Dims()
	var qr mat.QR
	qr.Factorize(x)
	b := mat.NewVecDense(k, nil)
	if err := qr.SolveVecTo(b, false, mat.NewVecDense(n, y)); err != nil {
		panic(err) // rank checked before
	}
	f := lsFit{coef: slices.Clone(b.RawVector().Data), resid: make([]float64, n)}
	for i := range n {
		var s float64
		for j := range k {
			s += x.At(i, j) * f.coef[j]
		}
		f.resid[i] = y[i] - s
		f.sse += f.resid[i] * f.resid[i]
	}
	if wantInverse {
		var r mat.Dense
		qr.RTo(&r)
		rt := mat.NewTriDense(k, mat.Upper, nil)
		for a := range k {
			for c := a; c < k; c++ {
				rt.SetTri(a, c, r.At(a, c))
			}
		}
		var ri mat.TriDense
		if err := ri.InverseTri(rt); err != nil {
			panic(err)
		}
		f.xtxI = mat.NewDense(k, k, nil)
		f.xtxI.Mul(&ri, ri.T())
	}
	return f
}
