package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"collab/data"
	"collab/param"
	"collab/regression"
	"collab/spatial"
)

// FitModel fits the regression that p.Model asks for on ds, as the model
// stage of Run does, without the rest of the study: collab model. The
// dataset needs no scores unless "score" is a variable of the model. A
// property of the data that the model cannot use (collinear or constant
// regressors, too few cities, a logarithm of a value <= 0, rho on the
// bound of its interval) is a data.Problems naming the file; a parameter
// that does not fit (an unknown variable, bad years) a ParameterError.
func FitModel(ctx context.Context, ds *data.Dataset, p Parameters) (*Model, error) {
	if p.Model == nil {
		return nil, param.Errorf("model", "", "give the model to fit: ols, slx, sar, sem, sdm, sdem or sac")
	}
	if err := p.ModelParameters.check(); err != nil {
		return nil, err
	}
	if err := p.SpatialParameters.check(); err != nil {
		return nil, err
	}
	s := &study{ctx: ctx, ds: ds, p: p, points: ds.Points()}
	return s.fitModel()
}

// modelStage fits the regression of the study, when one is asked for.
func (s *study) modelStage(res *Result) error {
	if s.p.Model == nil {
		return nil
	}
	m, err := s.fitModel()
	if err != nil {
		return err
	}
	for _, w := range m.Warnings {
		s.warnf("model: %s", w)
	}
	res.Model = m
	return nil
}

// modelData is the response and regressors of a model, stacked by period
// (city i of period t at t n + i).
type modelData struct {
	years   []int // the panel's years; nil for a cross-section
	periods []int // indices into the dataset's years (one for a cross-section)
	y       []float64
	x       [][]float64
	names   []string
}

// fitModel reads the model's variables, builds its weights and fits it,
// with the diagnostics that say which model the data support.
func (s *study) fitModel() (*Model, error) {
	spec := s.p.Model
	d, err := s.modelVariables(spec)
	if err != nil {
		return nil, err
	}
	w, spelled, sym, err := s.modelWeightsSymmetric(spec.Weights, func(name string) ([]float64, error) { return s.periodMean(name, d.periods) })
	if err != nil {
		return nil, err
	}
	if n := len(d.y); n > regression.EigenMaxN && !sym && spec.Kind != regression.OLS && spec.Kind != regression.SLX {
		return nil, param.Quotedf("weights", spelled, "are not symmetric: above %d observations the log-determinant is sparse (Cholesky, Chebyshev) and needs symmetric weights before row standardisation; make knn:K symmetric (%v), or use contiguity, queen, band:KM, delaunay or idw:P:KM", regression.EigenMaxN, param.Name("symmetric"))
	}
	m := &Model{Model: spec.Kind.String(), Y: spec.Y.String(), X: termNames(spec.X), Weights: spelled,
		Links: w.Links(), Islands: []string{}, Warnings: []string{}}
	for _, i := range w.Islands() {
		m.Islands = append(m.Islands, s.ds.Cities[i].ID)
	}
	if len(m.Islands) > 0 {
		m.warnf("%d of %d cities have no neighbour under %s weights: their spatial lags are 0", len(m.Islands), len(s.ds.Cities), spelled)
	}
	fits, err := s.fitAll(spec, d, w)
	if err != nil {
		return nil, err
	}
	m.fill(fits.main)
	if k := m.ImpactDraws; k > 0 && k < spec.Draws {
		m.warnf("%d of the %d simulated draws of the impacts had rho outside its interval and were dropped", spec.Draws-k, spec.Draws)
	}
	m.setTests(fits)
	if d.years != nil {
		m.Years = d.years
		e := string(spec.Effects)
		m.Effects = &e
		m.LeeYu = spec.Effects == "city" || spec.Effects == "both"
	} else if len(s.ds.Years) > 0 {
		year := s.ds.Years[d.periods[0]]
		m.Year = &year
	}
	m.Supported = supportedModel(m.LMTests, m.LRTests)
	return m, nil
}

// modelFits are the fit asked for and those of the tests: OLS with the
// weights (the LM tests), SDM, SAR and SEM (the LR tests). A test's fit
// that fails is left nil, with the reason in failed.
type modelFits struct {
	main, ols *regression.Result
	nested    map[regression.Model]*regression.Result
	failed    []string
}

// fitAll fits the model asked for, then the fits of its tests.
func (s *study) fitAll(spec *ModelSpec, d modelData, w *spatial.Weights) (*modelFits, error) {
	fit := func(kind regression.Model, draws int) (*regression.Result, error) {
		impacts := regression.ImpactOptions{Draws: draws, Seed: s.p.Seed}
		if draws < 0 {
			impacts = regression.ImpactOptions{Method: regression.ImpactsNone}
		}
		return s.fitOne(spec, kind, d, w, impacts)
	}
	main, err := fit(spec.Kind, spec.Draws)
	if err != nil {
		return nil, s.modelError(err)
	}
	fits := &modelFits{main: main, nested: map[regression.Model]*regression.Result{}}
	if spec.Kind == regression.OLS {
		fits.ols = main
	} else if r, err := fit(regression.OLS, -1); err == nil {
		fits.ols = r
	} else {
		fits.failed = append(fits.failed, "ols: "+s.modelError(err).Error())
	}
	for _, kind := range []regression.Model{regression.SDM, regression.SAR, regression.SEM} {
		if s.ctx.Err() != nil {
			return nil, context.Cause(s.ctx)
		}
		if kind == spec.Kind {
			fits.nested[kind] = main
			continue
		}
		r, err := fit(kind, -1)
		if err != nil {
			if s.ctx.Err() != nil {
				return nil, context.Cause(s.ctx)
			}
			fits.failed = append(fits.failed, kind.String()+": "+s.modelError(err).Error())
			continue
		}
		fits.nested[kind] = r
	}
	return fits, nil
}

// fitOne fits one model to d: a cross-section, a pooled panel under
// I_T (x) W, or a fixed-effects panel (with the Lee-Yu correction for
// city and two-way effects).
func (s *study) fitOne(spec *ModelSpec, kind regression.Model, d modelData, w *spatial.Weights, impacts regression.ImpactOptions) (*regression.Result, error) {
	t := len(d.periods)
	if d.years == nil || spec.Effects == "none" {
		ww := w
		if t > 1 {
			var err error
			if ww, err = blockDiagonal(w, t); err != nil {
				return nil, err
			}
		}
		return regression.Fit(s.ctx, regression.Spec{Model: kind, Y: d.y, X: d.x, Names: d.names, W: ww, Impacts: impacts})
	}
	effects := map[Effects]regression.Effects{"city": regression.CityEffects, "year": regression.YearEffects, "both": regression.TwoWayEffects}[spec.Effects]
	return regression.FitPanel(s.ctx, regression.PanelSpec{Model: kind, Periods: t, Y: d.y, X: d.x, Names: d.names, W: w,
		Effects: effects, LeeYu: spec.Effects != "year", Impacts: impacts})
}

// blockDiagonal is I_T (x) W, the weights of t stacked periods.
func blockDiagonal(w *spatial.Weights, t int) (*spatial.Weights, error) {
	n := w.Len()
	lists := make([][]int, n*t)
	vals := make([][]float64, n*t)
	for p := range t {
		for i := range n {
			nb, wt := w.Row(i)
			for k, j := range nb {
				lists[p*n+i] = append(lists[p*n+i], p*n+j)
				vals[p*n+i] = append(vals[p*n+i], wt[k])
			}
		}
	}
	return spatial.FromRows(lists, vals)
}

// modelVariables reads the response and the regressors for the periods
// the model studies.
func (s *study) modelVariables(spec *ModelSpec) (modelData, error) {
	var d modelData
	if spec.Years == nil {
		yi, err := s.ds.YearIndex(s.p.Year)
		if err != nil {
			return d, err
		}
		d.periods = []int{yi}
	} else {
		for k, y := range s.ds.Years {
			if y >= spec.Years.From && y <= spec.Years.To {
				d.periods = append(d.periods, k)
				d.years = append(d.years, y)
			}
		}
		if len(d.periods) < 2 {
			return d, param.Errorf("years", fmt.Sprintf("%d-%d", spec.Years.From, spec.Years.To), "a panel needs at least 2 years of the dataset's %s", yearList(s.ds.Years))
		}
	}
	var err error
	if d.y, err = s.termValues("y", spec.Y, d.periods); err != nil {
		return d, err
	}
	for _, t := range spec.X {
		v, err := s.termValues("x", t, d.periods)
		if err != nil {
			return d, err
		}
		d.x = append(d.x, v)
		d.names = append(d.names, t.String())
	}
	return d, nil
}

func yearList(years []int) string {
	if len(years) == 0 {
		return "single cross-section (no years)"
	}
	return fmt.Sprintf("years %d-%d", years[0], years[len(years)-1])
}

// termValues are the values of t in the periods, stacked, logged when t
// asks; flag names the parameter that gave t.
func (s *study) termValues(flag param.Name, t Term, periods []int) ([]float64, error) {
	v, err := s.ds.Variable(t.Name)
	if err != nil {
		return nil, param.Quotedf(flag, t.String(), "%v", err)
	}
	n := len(s.ds.Cities)
	out := make([]float64, 0, n*len(periods))
	for _, p := range periods {
		for i, x := range v[p] {
			if t.Log && !(x > 0) {
				return nil, s.modelProblem(fmt.Sprintf("%s: city %s has %s = %g%s; a logarithm needs values > 0", t, s.cityLabel(i), t.Name, x, s.inYear(p)),
					param.Textf("leave out log() in %v, or drop the city", flag))
			}
			if t.Log {
				x = math.Log(x)
			}
			out = append(out, x)
		}
	}
	return out, nil
}

func (s *study) inYear(p int) string {
	if len(s.ds.Years) == 0 {
		return ""
	}
	return fmt.Sprintf(" in %d", s.ds.Years[p])
}

// periodMean is each city's mean of the variable over the periods.
func (s *study) periodMean(name string, periods []int) ([]float64, error) {
	v, err := s.ds.Variable(name)
	if err != nil {
		return nil, param.Quotedf("weights", "economic:"+name, "%v", err)
	}
	out := make([]float64, len(s.ds.Cities))
	for _, p := range periods {
		for i, x := range v[p] {
			out[i] += x / float64(len(periods))
		}
	}
	return out, nil
}

func (s *study) cityLabel(i int) string {
	c := s.ds.Cities[i]
	if c.Name != "" && c.Name != c.ID {
		return fmt.Sprintf("%s (%s)", c.Name, c.ID)
	}
	return c.ID
}

// modelProblem is a property of the data that the model cannot use: a
// data.Problems naming the file, so that it reads as invalid data.
func (s *study) modelProblem(msg string, hint param.Message) error {
	return data.Problems{{File: s.ds.Input.Source, Msg: msg, Hint: hint}}
}

// modelError spells an error of the regression package for the study's
// reader: what the data make impossible as a data problem with a way
// out, naming the parameters to change.
func (s *study) modelError(err error) error {
	var ie *regression.InputError
	if !errors.As(err, &ie) {
		return err
	}
	subject := map[string]string{"x": "regressor " + ie.Value, "y": "the response " + s.p.Model.Y.String(), "rho": "rho",
		"lambda": "lambda", "w": "the weights matrix", "logdet": "the log-determinant", "model": "the model"}[ie.Param]
	reason := ie.Reason
	if ie.Param == "rho" || ie.Param == "lambda" {
		subject = ie.Param + " = " + ie.Value
		reason = strings.TrimPrefix(reason, "estimate ")
	}
	msg := fmt.Sprintf("model %s: %s %s", s.p.Model.Kind, subject, reason)
	if !strings.HasPrefix(reason, "is ") && !strings.HasPrefix(reason, "has ") && ie.Param != "rho" && ie.Param != "lambda" {
		msg = fmt.Sprintf("model %s: %s", s.p.Model.Kind, reason)
	}
	switch ie.Param {
	case "x":
		if strings.Contains(ie.Reason, "collinear") {
			return s.modelProblem(msg, param.Textf("leave one of them out of %v", param.Name("x")))
		}
		return s.modelProblem(msg, param.Textf("leave it out of %v", param.Name("x")))
	case "y":
		if strings.Contains(ie.Reason, "need more cities") {
			return s.modelProblem(msg, param.Textf("use fewer regressors in %v, or a model with fewer parameters (%v)", param.Name("x"), param.Name("model")))
		}
		return s.modelProblem(msg, param.Textf("choose another response (%v)", param.Name("y")))
	case "rho", "lambda":
		return s.modelProblem(msg, param.Textf("try other %v or another %v", param.Name("weights"), param.Name("model")))
	case "w", "logdet", "model":
		return s.modelProblem(msg, param.Textf("try other %v or another %v", param.Name("weights"), param.Name("model")))
	}
	return err
}

func termNames(ts []Term) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.String()
	}
	return out
}
