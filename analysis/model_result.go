package analysis

import (
	"fmt"
	"math"

	"collab/regression"
)

// Model is a fitted spatial regression, results.json's "model": every
// number finite or null (undefined, with a warning saying why).
type Model struct {
	Model   string   `json:"model"` // ols, slx, sar, sem, sdm, sdem or sac
	Y       string   `json:"y"`
	X       []string `json:"x"`
	Weights string   `json:"weights"` // as resolved: auto as the kind chosen
	Links   int      `json:"links"`
	Islands []string `json:"islands"` // ids of the cities without a neighbour
	// Year is the cross-section's year (null without years); Years the
	// panel's years and Effects its fixed effects (null for a
	// cross-section). LeeYu says whether the Lee-Yu correction applies.
	Year          *int            `json:"year"`
	Years         []int           `json:"years"`
	Effects       *string         `json:"effects"`
	LeeYu         bool            `json:"lee_yu"`
	N             int             `json:"n"` // observations: cities, times years in a panel
	Coefficients  []ModelEstimate `json:"coefficients"`
	Rho           *ModelEstimate  `json:"rho"`
	Lambda        *ModelEstimate  `json:"lambda"`
	LogLikelihood Number          `json:"log_likelihood"`
	AIC           Number          `json:"aic"`
	Sigma2        Number          `json:"sigma2"`
	Parameters    int             `json:"parameters"`
	// LogDeterminant is how ln|I - rho W| was found: eigen, cholesky or
	// chebyshev (null without an autoregressive parameter), and
	// LogDeterminantError the stated error of the Chebyshev series.
	LogDeterminant      *string          `json:"log_determinant"`
	LogDeterminantError *LogDetErrorInfo `json:"log_determinant_error"`
	Impacts             []ModelImpact    `json:"impacts"`
	ImpactMethod        *string          `json:"impact_method"`
	ImpactDraws         int              `json:"impact_draws"`
	ResidualMoran       *ModelMoran      `json:"residual_moran"` // of the OLS residuals
	LMTests             []ModelTest      `json:"lm_tests"`
	LRTests             []ModelTest      `json:"lr_tests"`
	Supported           Supported        `json:"supported"`
	Warnings            []string         `json:"warnings"`
}

// ModelEstimate is a coefficient (or rho, lambda) with its asymptotic
// standard error, z and two-sided p.
type ModelEstimate struct {
	Name     string `json:"name"`
	Estimate Number `json:"estimate"`
	SE       Number `json:"se"`
	Z        Number `json:"z"`
	P        Number `json:"p"`
}

// ModelImpact is the direct, indirect (spillover) and total effect of a
// regressor with their simulated (or, for SLX and SDEM, analytical)
// standard errors and two-sided normal p-values.
type ModelImpact struct {
	Name       string `json:"name"`
	Direct     Number `json:"direct"`
	DirectSE   Number `json:"direct_se"`
	DirectP    Number `json:"direct_p"`
	Indirect   Number `json:"indirect"`
	IndirectSE Number `json:"indirect_se"`
	IndirectP  Number `json:"indirect_p"`
	Total      Number `json:"total"`
	TotalSE    Number `json:"total_se"`
	TotalP     Number `json:"total_p"`
}

// ModelTest is a chi-squared test: LMerr, LMlag, RLMerr, RLMlag, SARMA, or
// an LR test "sdm vs sar".
type ModelTest struct {
	Name      string `json:"name"`
	Statistic Number `json:"statistic"`
	DF        int    `json:"df"`
	P         Number `json:"p"`
}

// ModelMoran is Moran's I of the OLS residuals (spdep lm.morantest).
type ModelMoran struct {
	I        Number `json:"i"`
	Expected Number `json:"expected"`
	Variance Number `json:"variance"`
	Z        Number `json:"z"`
	P        Number `json:"p"`
}

// LogDetErrorInfo is the stated error of an approximate log-determinant.
type LogDetErrorInfo struct {
	Truncation   Number `json:"truncation_bound"`
	MonteCarloSE Number `json:"monte_carlo_se"`
}

// Supported is the model the LM and LR tests point to at the 5% level,
// and why, in words.
type Supported struct {
	Model  string `json:"model"`
	Reason string `json:"reason"`
}

// TestLevel is the significance level of the model choice.
const TestLevel = 0.05

func (m *Model) warnf(format string, args ...any) {
	m.Warnings = append(m.Warnings, fmt.Sprintf(format, args...))
}

func modelEstimate(e regression.Estimate) ModelEstimate {
	return ModelEstimate{Name: e.Name, Estimate: Number(e.Estimate), SE: Number(e.SE), Z: Number(e.Z), P: Number(e.P)}
}

// fill copies the fit into m.
func (m *Model) fill(r *regression.Result) {
	m.N, m.Parameters = r.N, r.Parameters
	m.LogLikelihood, m.AIC, m.Sigma2 = Number(r.LogLikelihood), Number(r.AIC), Number(r.Sigma2)
	m.Coefficients = []ModelEstimate{}
	for _, e := range r.Coefficients {
		m.Coefficients = append(m.Coefficients, modelEstimate(e))
	}
	if r.Rho != nil {
		e := modelEstimate(*r.Rho)
		m.Rho = &e
	}
	if r.Lambda != nil {
		e := modelEstimate(*r.Lambda)
		m.Lambda = &e
	}
	if r.LogDet != "" {
		ld := r.LogDet
		m.LogDeterminant = &ld
	}
	if e := r.LogDetError; e != nil {
		m.LogDeterminantError = &LogDetErrorInfo{Truncation: Number(e.Truncation), MonteCarloSE: Number(e.MonteCarloSE)}
		m.warnf("the log-determinant is approximate (Chebyshev series): truncation bound %.3g, Monte Carlo standard error %.3g at the estimate", e.Truncation, e.MonteCarloSE)
	}
	m.Impacts = []ModelImpact{}
	undefined := ""
	for _, im := range r.Impacts {
		m.Impacts = append(m.Impacts, modelImpact(im))
		if im.SEUndefined != "" {
			undefined = im.SEUndefined
		}
	}
	if undefined != "" {
		m.warnf("the impacts' standard errors are undefined (null): %s", undefined)
	}
	if r.ImpactMethod != "" {
		im := r.ImpactMethod
		m.ImpactMethod = &im
	}
	m.ImpactDraws = r.ImpactDraws
	m.checkDefined()
}

func modelImpact(im regression.Impact) ModelImpact {
	se := func(p *float64) Number {
		if p == nil {
			return Number(math.NaN())
		}
		return Number(*p)
	}
	pOf := func(est float64, s Number) Number {
		if !s.Defined() || s <= 0 {
			return Number(math.NaN())
		}
		return Number(math.Erfc(math.Abs(est/float64(s)) / math.Sqrt2))
	}
	out := ModelImpact{Name: im.Name, Direct: Number(im.Direct), Indirect: Number(im.Indirect), Total: Number(im.Total),
		DirectSE: se(im.DirectSE), IndirectSE: se(im.IndirectSE), TotalSE: se(im.TotalSE)}
	out.DirectP, out.IndirectP, out.TotalP = pOf(im.Direct, out.DirectSE), pOf(im.Indirect, out.IndirectSE), pOf(im.Total, out.TotalSE)
	return out
}

// checkDefined warns of every estimate that is undefined (null).
func (m *Model) checkDefined() {
	all := append([]ModelEstimate{}, m.Coefficients...)
	for _, e := range []*ModelEstimate{m.Rho, m.Lambda} {
		if e != nil {
			all = append(all, *e)
		}
	}
	for _, e := range all {
		if !e.Estimate.Defined() || !e.SE.Defined() || !e.P.Defined() {
			m.warnf("%s has an undefined estimate or standard error (null)", e.Name)
		}
	}
	for _, x := range []Number{m.LogLikelihood, m.AIC, m.Sigma2} {
		if !x.Defined() {
			m.warnf("the log-likelihood, AIC or sigma2 is undefined (null)")
			break
		}
	}
}

func modelTest(t regression.Test) ModelTest {
	return ModelTest{Name: t.Name, Statistic: Number(t.Statistic), DF: t.DF, P: Number(t.P)}
}

// setTests records the LM tests and residual Moran of the OLS fit and the
// LR tests of SDM against SAR and SEM.
func (m *Model) setTests(f *modelFits) {
	m.LMTests, m.LRTests = []ModelTest{}, []ModelTest{}
	for _, reason := range f.failed {
		m.warnf("a fit for the tests failed, and its tests are left out: %s", reason)
	}
	if f.ols != nil {
		for _, t := range f.ols.LMTests {
			m.LMTests = append(m.LMTests, modelTest(t))
		}
		if mt := f.ols.Moran; mt != nil {
			m.ResidualMoran = &ModelMoran{I: Number(mt.I), Expected: Number(mt.Expected), Variance: Number(mt.Variance), Z: Number(mt.Z), P: Number(mt.P)}
		}
	}
	if len(m.LMTests) == 0 && f.ols != nil {
		m.warnf("the LM tests are computed for cross-sections and pooled panels only, not under fixed effects")
	}
	sdm := f.nested[regression.SDM]
	for _, kind := range []regression.Model{regression.SAR, regression.SEM} {
		if r := f.nested[kind]; sdm != nil && r != nil {
			if t, err := regression.LRTest(sdm, r); err == nil {
				m.LRTests = append(m.LRTests, modelTest(t))
			}
		}
	}
}

// testP returns the p-value of the named test, and whether it is there
// and defined.
func testP(tests []ModelTest, name string) (float64, bool) {
	for _, t := range tests {
		if t.Name == name && t.P.Defined() {
			return float64(t.P), true
		}
	}
	return 0, false
}

// statistic is the named test's statistic, 0 when it is not there.
func statistic(tests []ModelTest, name string) float64 {
	for _, t := range tests {
		if t.Name == name && t.Statistic.Defined() {
			return float64(t.Statistic)
		}
	}
	return 0
}

// supportedModel applies the choice of Elhorst (2010; 2014, sect. 2.9):
// the LM tests on OLS residuals (Anselin et al. 1996), robust forms when
// both classic ones are significant, then the LR tests of SDM against SAR
// (theta = 0) and SEM (theta = -rho beta). SDM is kept when both LR tests
// reject their restriction, or when the one not rejected points away from
// the LM tests' choice; SAR (SEM) when its restriction is not rejected
// and the LM tests point to a lag (an error) model.
func supportedModel(lm, lr []ModelTest) Supported {
	sig := func(tests []ModelTest, name string) (bool, float64, bool) {
		p, ok := testP(tests, name)
		return ok && p < TestLevel, p, ok
	}
	lag, pLag, okLag := sig(lm, "LMlag")
	errr, pErr, okErr := sig(lm, "LMerr")
	lmChoice, lmWhy := "", ""
	switch {
	case !okLag || !okErr:
		lmWhy = "the LM tests are not available"
	case !lag && !errr:
		lmChoice, lmWhy = "ols", fmt.Sprintf("neither LM test finds spatial dependence in the OLS residuals (LMlag p = %.3g, LMerr p = %.3g)", pLag, pErr)
	case lag && !errr:
		lmChoice, lmWhy = "sar", fmt.Sprintf("the LM tests point to a spatial lag (LMlag p = %.3g, LMerr p = %.3g)", pLag, pErr)
	case errr && !lag:
		lmChoice, lmWhy = "sem", fmt.Sprintf("the LM tests point to a spatial error (LMerr p = %.3g, LMlag p = %.3g)", pErr, pLag)
	default:
		rlag, prLag, _ := sig(lm, "RLMlag")
		rerr, prErr, _ := sig(lm, "RLMerr")
		switch {
		case rlag && !rerr:
			lmChoice, lmWhy = "sar", fmt.Sprintf("both LM tests are significant and the robust ones point to a spatial lag (RLMlag p = %.3g, RLMerr p = %.3g)", prLag, prErr)
		case rerr && !rlag:
			lmChoice, lmWhy = "sem", fmt.Sprintf("both LM tests are significant and the robust ones point to a spatial error (RLMerr p = %.3g, RLMlag p = %.3g)", prErr, prLag)
		case rlag && rerr:
			lmChoice, lmWhy = "sdm", fmt.Sprintf("both LM tests and both robust ones are significant (RLMlag p = %.3g, RLMerr p = %.3g): lag and error dependence together", prLag, prErr)
		default:
			lmChoice = "sar"
			if statistic(lm, "RLMerr") > statistic(lm, "RLMlag") {
				lmChoice = "sem"
			}
			lmWhy = fmt.Sprintf("both LM tests are significant (LMlag p = %.3g, LMerr p = %.3g) and neither robust one is (RLMlag p = %.3g, RLMerr p = %.3g); the larger robust statistic points to a spatial %s", pLag, pErr, prLag, prErr, map[string]string{"sar": "lag", "sem": "error"}[lmChoice])
		}
	}
	pSAR, okSAR := testP(lr, "sdm vs sar")
	pSEM, okSEM := testP(lr, "sdm vs sem")
	if !okSAR || !okSEM {
		if lmChoice == "" {
			return Supported{Model: "", Reason: lmWhy + ", and the LR tests are not available: no model is singled out"}
		}
		return Supported{Model: lmChoice, Reason: lmWhy + "; the LR tests are not available"}
	}
	keepSAR, keepSEM := pSAR >= TestLevel, pSEM >= TestLevel
	lrWhy := fmt.Sprintf("SDM against SAR p = %.3g, SDM against SEM (common factor) p = %.3g", pSAR, pSEM)
	switch {
	case !keepSAR && !keepSEM:
		return Supported{Model: "sdm", Reason: "the LR tests reject both restrictions of the spatial Durbin model (" + lrWhy + "): the lags of the regressors matter and the common factor does not hold; " + lmWhy}
	case keepSAR && lmChoice == "sar":
		return Supported{Model: "sar", Reason: lmWhy + ", and the LR test does not reject dropping the lags of the regressors (" + lrWhy + ")"}
	case keepSEM && lmChoice == "sem":
		return Supported{Model: "sem", Reason: lmWhy + ", and the LR test does not reject the common factor (" + lrWhy + ")"}
	case lmChoice == "ols" && keepSAR && keepSEM:
		return Supported{Model: "ols", Reason: lmWhy + ", and neither LR test rejects a restriction of the spatial Durbin model (" + lrWhy + ")"}
	}
	return Supported{Model: "sdm", Reason: "the LR tests and the LM tests point to different restrictions (" + lrWhy + "; " + lmWhy + "), so the spatial Durbin model, which nests both, is kept (Elhorst 2010)"}
}
