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
// # Large n
//
// Three exact-or-stated routes to ln|I - rho W| (Spec.LogDet); LogDetAuto
// picks by size when W = D^-1 C with C symmetric:
//
//   - eigen, below CholeskyMinN (800) cities or when W is not similar to a
//     symmetric matrix: O(n^3), as spatialreg method "eigen";
//   - cholesky, up to EigenMaxN (4000): the Cholesky factor of
//     I - rho D^1/2 W D^-1/2 in envelope storage under a reverse
//     Cuthill-McKee order, O(sum of squared row profiles) per evaluation
//     (about 1e7 flops for elect80's 3,107 counties), exact; the interval
//     from the extreme eigenvalues by Lanczos; the standard errors from the
//     dense inverse built by n envelope solves (O(n x envelope)), equal to
//     the eigen route's;
//   - chebyshev, above EigenMaxN: the series of Pace and LeSage (2004)
//     with closed-form coefficients, exact traces of T_j(W) for j <= 4 and
//     Hutchinson estimates above (Barry and Pace 1999); the result states
//     its error (Result.LogDetError: truncation bound and Monte Carlo
//     standard error at the estimate). Above EigenMaxN the standard errors
//     come from the numerical Hessian of the likelihood in (rho, beta) with
//     sigma^2 concentrated out (spatialreg's fdHess for its sparse
//     methods), the interval is spatialreg's (-1, 0.999) and the impacts
//     use Monte Carlo traces of W^k.
//
// On elect80 at the estimate the Chebyshev log-determinant is off by
// 0.018 (stated Monte Carlo standard error 0.013), moving rho by 2e-6 and
// the log-likelihood by 2e-3.
//
// # Panels
//
// FitPanel removes city, period or both means and fits the stacked
// N T observations without an intercept under I_T (x) W, as spatialreg on
// the demeaned data with kronecker(I_T, W). With LeeYu it fits Lee and
// Yu's (2010) transformed data instead: F_T' (orthonormal complement of 1
// over periods) for city effects, which leaves rho and beta and gives
// sigma^2 = SSE/(N(T - 1)); F_T' (x) F_N' for two-way effects, with weights
// F_N' W F_N on N - 1 dimensions and log-Jacobian
// (T - 1)(ln|I - rho W| - ln(1 - rho)). Impacts use W itself.
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
// The eigenvalues take O(n^3) time and O(n^2) memory; the standard errors
// up to EigenMaxN need the n x n inverse, O(n^2) memory; each likelihood
// evaluation costs O(n k^2) plus the log-determinant (O(n) from the
// eigenvalues, the envelope factorisation, or O(q) from the Chebyshev
// traces). Exact impacts with draws cost O(n) per draw from the
// eigenvalues; without them the draws use the trace series.
//
// # References
//
// Anselin, L. (1988). Spatial Econometrics: Methods and Models. Kluwer.
// Anselin, L., Bera, A. K., Florax, R. and Yoon, M. J. (1996). Simple
// diagnostic tests for spatial dependence. Regional Science and Urban
// Economics 26, 77-104.
// Barry, R. P. and Pace, R. K. (1999). Monte Carlo estimates of the log
// determinant of large sparse matrices. Linear Algebra and its
// Applications 289, 41-54.
// Brent, R. P. (1973). Algorithms for Minimization without Derivatives.
// George, A. and Liu, J. W. (1981). Computer Solution of Large Sparse
// Positive Definite Systems. Prentice-Hall.
// Lee, L.-F. and Yu, J. (2010). Estimation of spatial autoregressive panel
// data models with fixed effects. Journal of Econometrics 154, 165-185.
// Pace, R. K. and LeSage, J. P. (2004). Chebyshev approximation of
// log-determinants of spatial weight matrices. Computational Statistics
// and Data Analysis 45, 179-196.
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
