// Package regression fits the spatial regression models of LeSage and Pace
// (2009) and Elhorst (2014) to the cities of a region and reports their
// direct, indirect (spillover) and total effects, equal to R spatialreg's
// lm, lmSLX, lagsarlm, errorsarlm and sacsarlm with method "eigen".
//
// # Models
//
// With y the response, X the design (intercept first, then the
// regressors), W the weights and e ~ N(0, sigma^2 I):
//
//	ols   y = X b + e
//	slx   y = X b + WX t + e
//	sar   y = rho Wy + X b + e
//	sem   y = X b + u,           u = lambda Wu + e
//	sdm   y = rho Wy + X b + WX t + e
//	sdem  y = X b + WX t + u,    u = lambda Wu + e
//	sac   y = rho Wy + X b + u,  u = lambda Wu + e
//
// The lags of the regressors are named "lag.NAME", and the lag of the
// intercept "lag.(Intercept)" is added only when the rows of W do not all
// sum to 1 (or 0, an island), as spatialreg's create_WX.
//
// # Estimation
//
// OLS and SLX are least squares by QR; their standard errors use
// s^2 = SSE/(n - k). The others maximise the log-likelihood concentrated
// on the autoregressive parameters,
//
//	ln L = ln|I - rho W| (+ ln|I - lambda W|) - n/2 ln(2 pi) - n/2 ln(SSE/n) - n/2,
//
// by Brent's method on (1/lambda_min, 1/lambda_max) from the eigenvalues of
// W (R's optimize, tol sqrt(eps)), or for SAC in two dimensions from the
// best of sacsarlm's four starting points. ln|I - rho W| = sum ln(1 - rho
// lambda_i): when W = D^-1 C with C symmetric (a row-standardised
// symmetric matrix), the eigenvalues are those of the symmetric
// D^1/2 W D^-1/2 and are found by EigenSym; otherwise by the general
// eigensolver, taking real parts as spatialreg does. Standard errors come
// from the analytical information matrices of lagsarlm, errorsarlm and
// sacsarlm (Anselin 1988), with the dense inverse of I - rho W. sigma^2 is
// the ML estimate SSE/n; AIC = -2 ln L + 2 (k + 1 + number of
// autoregressive parameters). An estimate on the bound of its interval is
// an error naming rho or lambda.
//
// # Impacts
//
// For the lag models, S_r(W) = (I - rho W)^-1 (b_r I + t_r W); direct =
// tr(S_r)/n, total = 1'S_r 1/n, indirect = total - direct. "exact" takes
// tr((I - rho W)^-1) = sum 1/(1 - rho lambda) and tr((I - rho W)^-1 W) =
// sum lambda/(1 - rho lambda); "trace" the series sum_k rho^k tr(W^k) over
// 30 powers (spatialreg's trW). The total is exact in both. Standard errors
// are the standard deviations over draws of (rho, b) from the normal with
// the asymptotic covariance, draws with rho outside its interval dropped
// (spatialreg impacts(R = )); draw d uses the PCG stream (seed, d), so the
// result is the same on any number of cores. For SLX and SDEM the impacts
// are b, t and b + t with standard errors from lm's covariance of the
// (filtered) regression. Impacts need row-standardised weights.
//
// # Diagnostics
//
// An OLS fit with weights carries Moran's I of the residuals
// (lm.morantest) and the LM tests LMerr, LMlag, RLMerr, RLMlag and SARMA of
// spdep's lm.LMtests (Anselin et al. 1996). LRTest compares nested fits:
// SDM against SAR (t = 0) and against SEM (the common factor t = -rho b).
//
// # Complexity
//
// The eigenvalues take O(n^3) time and O(n^2) memory, as do the standard
// errors (the n x n inverse); the likelihood evaluations O(n k^2) each.
// EigenMaxN states the size up to which these dense methods are meant.
//
// # References
//
// Anselin, L. (1988). Spatial Econometrics: Methods and Models. Kluwer.
// Anselin, L., Bera, A. K., Florax, R. and Yoon, M. J. (1996). Simple
// diagnostic tests for spatial dependence. Regional Science and Urban
// Economics 26, 77-104.
// Brent, R. P. (1973). Algorithms for Minimization without Derivatives.
// LeSage, J. and Pace, R. K. (2009). Introduction to Spatial Econometrics.
// Elhorst, J. P. (2014). Spatial Econometrics: From Cross-Sectional Data to
// Spatial Panels. Springer.
// Bivand, R., Millo, G. and Piras, G. (2021). A review of software for
// spatial econometrics in R. Mathematics 9, 1276 (spatialreg).
//
// The package takes plain values and the weights of collab/spatial; it
// must not import collab/analysis, collab/output, collab/data or cmd, and
// reads no files.
package regression
