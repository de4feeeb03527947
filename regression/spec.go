package regression

import (
	"math"

	"collab/spatial"
)

// Spec is a model to fit: the response, the regressors as named columns
// and the weights. An intercept named "(Intercept)" is added first unless
// NoIntercept is set; Durbin models add the spatial lags of the regressors
// named "lag.NAME" after them, as spatialreg does (and "lag.(Intercept)"
// when the rows of W do not all sum to 1 or 0).
type Spec struct {
	Model       Model
	Y           []float64   // response, one value per city
	X           [][]float64 // regressors, one column per variable, each of len(Y)
	Names       []string    // names of the columns of X
	NoIntercept bool
	W           *spatial.Weights // weights, required for every model but OLS
	Impacts     ImpactOptions
	// LogDet chooses how log|I - rho W| is computed.
	LogDet LogDetMethod
}

// ImpactOptions choose how the impacts of a lag model are computed.
type ImpactOptions struct {
	Method ImpactMethod
	Draws  int    // simulated draws for standard errors; 0 leaves them undefined
	Seed   uint64 // seed of the PCG generators of the draws
	Powers int    // powers of W in the trace method; 0 means 30, spatialreg's trW default
}

// ImpactMethod is how the traces of S_r(W) are found.
type ImpactMethod int

// The impact methods.
const (
	ImpactsAuto       ImpactMethod = iota // exact up to EigenMaxN cities, Monte Carlo traces above
	ImpactsExact                          // from the eigenvalues of W (spatialreg impacts(listw = ))
	ImpactsTrace                          // from tr(W^k), k = 1..Powers (spatialreg impacts(tr = trW(W)))
	ImpactsNone                           // no impacts
	ImpactsMonteCarlo                     // from tr(W^k) by Monte Carlo (above EigenMaxN cities)
)

func (m ImpactMethod) String() string {
	switch m {
	case ImpactsExact:
		return "exact"
	case ImpactsTrace:
		return "trace"
	case ImpactsNone:
		return "none"
	case ImpactsMonteCarlo:
		return "trace (Monte Carlo)"
	}
	return "auto"
}

// LogDetMethod is how log|I - rho W| is computed.
type LogDetMethod int

// The log-determinant methods.
const (
	// LogDetAuto takes, when W is similar to a symmetric matrix, the
	// eigenvalues below CholeskyMinN cities, the sparse Cholesky route up
	// to EigenMaxN and the Chebyshev series above; otherwise the
	// eigenvalues.
	LogDetAuto      LogDetMethod = iota
	LogDetEigen                  // exact, from the eigenvalues of W (spatialreg method "eigen")
	LogDetCholesky               // exact, from the sparse Cholesky factor of I - rho D^1/2 W D^-1/2
	LogDetChebyshev              // approximate, Chebyshev series with Monte Carlo traces, error stated
)

// EigenMaxN is the dense/sparse threshold: up to it the standard errors
// use the n x n inverse of I - rho W (time O(n^3) by eigenvalues or
// O(n^2 envelope) by Cholesky, memory O(n^2)); above it, sparse methods
// only: the Chebyshev log-determinant, standard errors from the numerical
// Hessian of the likelihood (as spatialreg's fdHess for large n) and
// impacts from Monte Carlo traces of W^k. SAC needs the dense route.
const EigenMaxN = 4000

// Estimate is one estimated parameter with its asymptotic standard error,
// z = estimate / se and the two-sided normal p-value.
type Estimate struct {
	Name     string  `json:"name"`
	Estimate float64 `json:"estimate"`
	SE       float64 `json:"se"`
	Z        float64 `json:"z"`
	P        float64 `json:"p"`
}

// Impact is the direct, indirect and total effect of one variable
// (LeSage and Pace 2009): the mean diagonal of S_r(W), the mean row sum
// less the diagonal, and the mean row sum. The standard errors are nil
// when undefined, with the reason in SEUndefined.
type Impact struct {
	Name        string   `json:"name"`
	Direct      float64  `json:"direct"`
	Indirect    float64  `json:"indirect"`
	Total       float64  `json:"total"`
	DirectSE    *float64 `json:"direct_se"`
	IndirectSE  *float64 `json:"indirect_se"`
	TotalSE     *float64 `json:"total_se"`
	SEUndefined string   `json:"se_undefined,omitempty"`
}

// Test is a test statistic with its chi-squared degrees of freedom and
// p-value.
type Test struct {
	Name      string  `json:"name"`
	Statistic float64 `json:"statistic"`
	DF        int     `json:"df"`
	P         float64 `json:"p"`
}

// MoranTest is Moran's I of OLS residuals with its moments under the null
// hypothesis (Cliff and Ord 1981; spdep lm.morantest, alternative
// "greater").
type MoranTest struct {
	I        float64 `json:"i"`
	Expected float64 `json:"expected"`
	Variance float64 `json:"variance"`
	Z        float64 `json:"z"`
	P        float64 `json:"p"`
}

// Result is a fitted model. It holds no NaN or Inf: what is undefined is
// nil with the reason.
type Result struct {
	Model         Model        `json:"model"`
	N             int          `json:"n"`
	Coefficients  []Estimate   `json:"coefficients"`
	Rho           *Estimate    `json:"rho,omitempty"`
	Lambda        *Estimate    `json:"lambda,omitempty"`
	LogLikelihood float64      `json:"log_likelihood"`
	AIC           float64      `json:"aic"`
	Sigma2        float64      `json:"sigma2"` // SSE / n, the ML estimate
	Parameters    int          `json:"parameters"`
	LogDet        string       `json:"log_determinant,omitempty"`
	LogDetError   *LogDetError `json:"log_determinant_error,omitempty"`
	Impacts       []Impact     `json:"impacts,omitempty"`
	ImpactMethod  string       `json:"impact_method,omitempty"`
	ImpactDraws   int          `json:"impact_draws,omitempty"`
	LMTests       []Test       `json:"lm_tests,omitempty"`
	Moran         *MoranTest   `json:"moran,omitempty"`
	Warnings      []string     `json:"warnings,omitempty"`
	Residuals     []float64    `json:"-"`
	Fitted        []float64    `json:"-"`
}

// LogDetError is the stated error of an approximate log-determinant at
// the estimate: a bound on the truncation of the series and the Monte
// Carlo standard error of its traces.
type LogDetError struct {
	Truncation   float64 `json:"truncation_bound"`
	MonteCarloSE float64 `json:"monte_carlo_se"`
}

// Coefficient returns the named coefficient.
func (r *Result) Coefficient(name string) (Estimate, bool) {
	for _, e := range r.Coefficients {
		if e.Name == name {
			return e, true
		}
	}
	return Estimate{}, false
}

// estimate builds an Estimate, with z and p from the standard normal.
func estimate(name string, est, se float64) Estimate {
	z := est / se
	return Estimate{Name: name, Estimate: est, SE: se, Z: z, P: math.Erfc(math.Abs(z) / math.Sqrt2)}
}
