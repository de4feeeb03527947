package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"collab/analysis"
)

// ModelText writes the regression section of the report alone, for
// collab model: the estimates, the fit, the impacts in words and the
// tests with the model they support.
func ModelText(w io.Writer, m *analysis.Model, o Options) error {
	ew := &errWriter{w: w}
	rep := report{w: ew, r: &analysis.Result{Model: m}, o: o}
	rep.modelSection()
	return ew.err
}

// ModelJSON writes the model as results.json's "model" holds it.
func ModelJSON(w io.Writer, m *analysis.Model) error { return writeIndented(w, m) }

// ModelCSV writes model.csv: one estimate a row, coefficients, rho and
// lambda first, then each regressor's direct, indirect and total impact:
// kind (coefficient, rho, lambda, direct, indirect, total), name,
// estimate, se, z, p; an undefined value is an empty cell.
func ModelCSV(w io.Writer, m *analysis.Model) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	rows := [][]string{{"kind", "name", "estimate", "se", "z", "p"}}
	add := func(kind string, e analysis.ModelEstimate) {
		rows = append(rows, []string{kind, e.Name, csvEstimate(e.Estimate), csvEstimate(e.SE), csvEstimate(e.Z), csvEstimate(e.P)})
	}
	if m != nil {
		for _, e := range m.Coefficients {
			add("coefficient", e)
		}
		if m.Rho != nil {
			add("rho", *m.Rho)
		}
		if m.Lambda != nil {
			add("lambda", *m.Lambda)
		}
		for _, im := range m.Impacts {
			for _, e := range impactEstimates(im) {
				add(e.kind, e.ModelEstimate)
			}
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// csvEstimate is x as every CSV writes numbers (CSVDigits), or empty when
// undefined.
func csvEstimate(x analysis.Number) string {
	if !x.Defined() {
		return ""
	}
	return csvNumber(float64(x))
}

type kindEstimate struct {
	kind string
	analysis.ModelEstimate
}

// impactEstimates are the direct, indirect and total effects of im as
// estimates, z from their standard errors.
func impactEstimates(im analysis.ModelImpact) []kindEstimate {
	one := func(kind string, est, se, p analysis.Number) kindEstimate {
		z := analysis.Number(math.NaN())
		if se.Defined() && se > 0 {
			z = est / se
		}
		return kindEstimate{kind, analysis.ModelEstimate{Name: im.Name, Estimate: est, SE: se, Z: z, P: p}}
	}
	return []kindEstimate{one("direct", im.Direct, im.DirectSE, im.DirectP), one("indirect", im.Indirect, im.IndirectSE, im.IndirectP),
		one("total", im.Total, im.TotalSE, im.TotalP)}
}

var modelTitles = map[string]string{
	"ols": "OLS", "slx": "SLX (spatial lag of X)", "sar": "SAR (spatial lag)", "sem": "SEM (spatial error)",
	"sdm": "SDM (spatial Durbin)", "sdem": "SDEM (spatial Durbin error)", "sac": "SAC (spatial lag and error)",
}

// modelSection writes the regression: what was fitted, the estimates,
// the impacts in words, and the tests.
func (p *report) modelSection() {
	m := p.r.Model
	if m == nil {
		return
	}
	what := fmt.Sprintf("%d cities", m.N)
	if m.Years != nil {
		what = fmt.Sprintf("panel %d-%d, %s", m.Years[0], m.Years[len(m.Years)-1], effectsPhrase[*m.Effects])
		if m.LeeYu {
			what += " (Lee-Yu corrected)"
		}
		what += fmt.Sprintf(", %d observations", m.N)
	} else if m.Year != nil {
		what += fmt.Sprintf(", %d", *m.Year)
	}
	p.heading(fmt.Sprintf("Spatial regression: %s of %s on %s (%s weights, row-standardised; %s)",
		modelTitles[m.Model], p.esc(m.Y), p.esc(strings.Join(m.X, ", ")), p.esc(m.Weights), what))
	p.coefficientTable(m)
	fit := fmt.Sprintf("log-likelihood %s, AIC %s, sigma2 %s, %d parameters", fixedNumber(m.LogLikelihood, 3), fixedNumber(m.AIC, 3), sigNumber(m.Sigma2), m.Parameters)
	if m.LogDeterminant != nil {
		param := "rho"
		if m.Rho == nil {
			param = "lambda"
		}
		fit += fmt.Sprintf("; ln|I - %s W| by %s", param, *m.LogDeterminant)
	}
	p.line("%s", fit)
	p.autoregressive(m)
	p.impactSection(m)
	p.testSection(m)
}

func sigNumber(x analysis.Number) string {
	if !x.Defined() {
		return "undefined"
	}
	return sig(float64(x))
}

func (p *report) coefficientTable(m *analysis.Model) {
	t := newTable("Term", "Estimate", "Std. error", "z", "p").alignRight(1, 2, 3, 4)
	rows := append([]analysis.ModelEstimate{}, m.Coefficients...)
	for _, e := range []*analysis.ModelEstimate{m.Rho, m.Lambda} {
		if e != nil {
			rows = append(rows, *e)
		}
	}
	for _, e := range rows {
		t.add(p.esc(e.Name), sigNumber(e.Estimate), sigNumber(e.SE), fixedNumber(e.Z, 3), modelP(e.P))
	}
	p.modelTable(t)
}

// autoregressive says what rho and lambda mean, in words.
func (p *report) autoregressive(m *analysis.Model) {
	if r := m.Rho; r != nil && r.Estimate.Defined() {
		dir := "rises"
		if r.Estimate < 0 {
			dir = "falls"
		}
		p.line("rho = %s (p %s, %s): a city's %s %s by %s for each 1 of the weighted mean of its neighbours' %s, other things equal.",
			sig(float64(r.Estimate)), modelP(r.P), significance(r.P), p.esc(m.Y), dir, sig(math.Abs(float64(r.Estimate))), p.esc(m.Y))
	}
	if l := m.Lambda; l != nil && l.Estimate.Defined() {
		how := "similar"
		if l.Estimate < 0 {
			how = "opposite"
		}
		p.line("lambda = %s (p %s, %s): what the regressors leave unexplained is %s among neighbours (spatially correlated errors).",
			sig(float64(l.Estimate)), modelP(l.P), significance(l.P), how)
	}
}

// significance says whether p is below the 5% level.
func significance(p analysis.Number) string {
	switch {
	case !p.Defined():
		return "no standard error"
	case float64(p) < analysis.TestLevel:
		return "significant at 5%"
	}
	return "not significant at 5%"
}

func (p *report) impactSection(m *analysis.Model) {
	if len(m.Impacts) == 0 {
		p.line("%s has no spatial lag of %s or of the regressors: each coefficient is the effect of a city's own regressor on its own %s, and the model has no spillover of the regressors.",
			strings.ToUpper(m.Model), p.esc(m.Y), p.esc(m.Y))
		return
	}
	how := "exact"
	if m.ImpactMethod != nil {
		how = *m.ImpactMethod
	}
	se := fmt.Sprintf("standard errors from %d simulated draws kept", m.ImpactDraws)
	switch {
	case m.Model == "slx" || m.Model == "sdem":
		se = "standard errors from the covariance of the coefficients"
	case m.ImpactDraws == 0:
		se = "no standard errors: no simulated draws"
	}
	p.heading(fmt.Sprintf("Impacts (LeSage and Pace 2009; %s, %s)", how, se))
	t := newTable("Regressor", "Direct", "p", "Indirect (spillover)", "p", "Total", "p").alignRight(1, 2, 3, 4, 5, 6)
	for _, im := range m.Impacts {
		t.add(p.esc(im.Name), withSE(im.Direct, im.DirectSE), modelP(im.DirectP), withSE(im.Indirect, im.IndirectSE), modelP(im.IndirectP),
			withSE(im.Total, im.TotalSE), modelP(im.TotalP))
	}
	p.modelTable(t)
	for _, im := range m.Impacts {
		p.line("%s", p.impactSentence(m.Y, im))
	}
}

// withSE is "estimate (se)".
func withSE(x, se analysis.Number) string {
	if !se.Defined() {
		return sigNumber(x)
	}
	return sigNumber(x) + " (" + sig(float64(se)) + ")"
}

// impactSentence says what the indirect and direct effects of im mean, in
// the units of the variables: percentages only when both are logged.
func (p *report) impactSentence(y string, im analysis.ModelImpact) string {
	yName, yLog := logged(y)
	xName, xLog := logged(im.Name)
	rise := fmt.Sprintf("a rise of 1 in %s", p.esc(xName))
	if xLog {
		rise = fmt.Sprintf("a 1%% rise in %s", p.esc(xName))
	}
	amount := func(v analysis.Number) string {
		x := float64(v)
		verb := "raises"
		if x < 0 {
			verb = "lowers"
		}
		a := math.Abs(x)
		switch {
		case xLog && yLog:
			return fmt.Sprintf("%s %%s by %s%%%%", verb, sig(a))
		case xLog:
			return fmt.Sprintf("%s %%s by about %s (a hundredth of %s)", verb, sig(a/100), sig(a))
		case yLog:
			return fmt.Sprintf("%s %%s by about %s%%%% (%s in logs)", verb, sig(100*a), sig(a))
		}
		return fmt.Sprintf("%s %%s by %s", verb, sig(a))
	}
	if !im.Indirect.Defined() || !im.Direct.Defined() {
		return fmt.Sprintf("The impacts of %s are undefined.", p.esc(im.Name))
	}
	indirect := fmt.Sprintf(amount(im.Indirect), "the other cities' "+p.esc(yName)+" in total (summed over them)")
	direct := fmt.Sprintf(amount(im.Direct), "its own "+p.esc(yName))
	return fmt.Sprintf("On average, %s in one city %s (indirect effect, %s) and %s, feedback through its neighbours included (direct effect, %s).",
		rise, indirect, pPhrase(im.IndirectP), direct, pPhrase(im.DirectP))
}

func pPhrase(p analysis.Number) string {
	if !p.Defined() {
		return "no standard error"
	}
	return "p " + modelP(p) + ", " + significance(p)
}

// logged splits log(NAME) into NAME and true.
func logged(term string) (string, bool) {
	if inner, ok := strings.CutPrefix(term, "log("); ok && strings.HasSuffix(inner, ")") {
		return strings.TrimSuffix(inner, ")"), true
	}
	return term, false
}

func (p *report) testSection(m *analysis.Model) {
	if len(m.LMTests) == 0 && len(m.LRTests) == 0 {
		p.line("No LM or LR tests are available for this fit.")
	} else {
		p.heading("Which model? LM tests on the OLS residuals (Anselin et al. 1996) and LR tests of the spatial Durbin model")
		t := newTable("Test", "Statistic", "df", "p").alignRight(1, 2, 3)
		if mt := m.ResidualMoran; mt != nil {
			t.add("Moran's I of OLS residuals", sigNumber(mt.I), "", modelP(mt.P)+" (one-tailed)")
		}
		for _, x := range append(append([]analysis.ModelTest{}, m.LMTests...), m.LRTests...) {
			name := x.Name
			switch name {
			case "sdm vs sar":
				name = "LR SDM vs SAR (theta = 0)"
			case "sdm vs sem":
				name = "LR SDM vs SEM (theta = -rho beta)"
			}
			t.add(name, fixedNumber(x.Statistic, 3), strconv.Itoa(x.DF), modelP(x.P))
		}
		p.modelTable(t)
	}
	if s := m.Supported; s.Model != "" {
		p.line("The tests support %s at the 5%% level: %s.", strings.ToUpper(s.Model), s.Reason)
	} else {
		p.line("The tests single out no model: %s.", s.Reason)
	}
}

var effectsPhrase = map[string]string{"city": "city fixed effects", "year": "year fixed effects", "both": "two-way (city and year) fixed effects", "none": "pooled, no fixed effects"}

// modelP is a p-value as the report prints it, "< 1e-300" for one that
// underflows to 0 (a z beyond 37).
func modelP(x analysis.Number) string {
	if x.Defined() && x == 0 {
		return "< 1e-300"
	}
	return pvalue(x)
}

// modelTable writes t whole, and in Markdown ends it with a blank line, so
// that the paragraph after it is not read as one more row.
func (p *report) modelTable(t *table) {
	p.table(t, 0)
	if p.markdown {
		p.printf("\n")
	}
}
