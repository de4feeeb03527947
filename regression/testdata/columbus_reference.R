# Reference values for the regression tests: spatialreg (Debian
# r-cran-spatialreg 1.2-6) and spdep (r-cran-spdep 1.2-7) on spData's
# Columbus, CRIME ~ INC + HOVAL, col.gal.nb row-standardised.
# Run from this directory: Rscript columbus_reference.R
# Prints one "key value" line per number, %.17g.
suppressPackageStartupMessages({library(spdep); library(spatialreg)})
d <- read.csv("columbus.csv")
nbl <- lapply(strsplit(readLines("columbus_nb.txt"), " "),
              function(s) as.integer(s) + 1L)
class(nbl) <- "nb"
attr(nbl, "region.id") <- as.character(d$POLYID)
nbl <- sym.attr.nb(nbl)
lw <- nb2listw(nbl, style = "W")
f <- CRIME ~ INC + HOVAL
out <- function(key, v) cat(sprintf("%s %.17g\n", key, v))
coefs <- function(m, est, se) {
  for (i in seq_along(est)) { k <- names(est)[i]
                              out(paste(m, "coef", k, sep = "."), est[[i]])
                              out(paste(m, "se", k, sep = "."), se[[i]]) }
}
ols <- lm(f, data = d)
s <- summary(ols)$coefficients
coefs("ols", s[, 1], s[, 2])
out("ols.loglik", logLik(ols)); out("ols.aic", AIC(ols))
out("ols.sigma2", sum(residuals(ols)^2) / nrow(d))
slx <- lmSLX(f, data = d, listw = lw)
s <- summary(slx)$coefficients
coefs("slx", s[, 1], s[, 2])
out("slx.loglik", logLik(slx)); out("slx.aic", AIC(slx))
out("slx.sigma2", sum(residuals(slx)^2) / nrow(d))
sarlm <- function(m, fit) {
  coefs(m, coef(fit)[names(fit$coefficients)], fit$rest.se)
  if (!is.null(fit$rho)) { out(paste0(m, ".rho"), fit$rho)
                           out(paste0(m, ".rho_se"), fit$rho.se) }
  if (!is.null(fit$lambda)) { out(paste0(m, ".lambda"), fit$lambda)
                              out(paste0(m, ".lambda_se"), fit$lambda.se) }
  out(paste0(m, ".loglik"), logLik(fit)); out(paste0(m, ".aic"), AIC(fit))
  out(paste0(m, ".sigma2"), fit$s2)
}
sar <- lagsarlm(f, data = d, listw = lw, method = "eigen")
sem <- errorsarlm(f, data = d, listw = lw, method = "eigen")
sdm <- lagsarlm(f, data = d, listw = lw, type = "mixed", method = "eigen")
sdem <- errorsarlm(f, data = d, listw = lw, etype = "emixed", method = "eigen")
sac <- sacsarlm(f, data = d, listw = lw, method = "eigen")
sarlm("sar", sar); sarlm("sem", sem); sarlm("sdm", sdm); sarlm("sdem", sdem)
sarlm("sac", sac)
# Exact impacts (eigenvalues of W) and trace impacts (tr = trW, 30 powers).
tr <- trW(as(lw, "CsparseMatrix"), type = "mult")
imp <- function(m, key, im) {
  for (e in c("direct", "indirect", "total")) {
    v <- im[[e]]; nm <- attr(im, "bnames")
    for (i in seq_along(v)) out(paste(m, key, e, nm[i], sep = "."), v[i])
  }
}
for (m in c("sar", "sdm", "sac")) {
  fit <- get(m)
  imp(m, "impact", impacts(fit, listw = lw))
  imp(m, "trimpact", impacts(fit, tr = tr))
}
wx <- function(m, im) {
  nm <- attr(im, "bnames")
  for (e in c("direct", "indirect", "total")) for (i in seq_along(nm)) {
    out(paste(m, "impact", e, nm[i], sep = "."), im$impacts[[e]][i])
    out(paste(m, "impact_se", e, nm[i], sep = "."), im$se[[e]][i])
  }
}
wx("slx", impacts(slx)); wx("sdem", impacts(sdem))
# Simulated standard errors of the impacts, R = 2000 draws.
set.seed(1)
for (m in c("sar", "sdm")) {
  s <- summary(impacts(get(m), listw = lw, R = 2000))
  for (e in c("direct", "indirect", "total")) {
    st <- s[[paste0(e, "_sum")]]$statistics
    for (k in rownames(st)) out(paste(m, "sim_se", e, k, sep = "."), st[k, "SD"])
  }
}
lmt <- lm.LMtests(ols, lw, test = "all")
for (k in names(lmt)) { out(paste0("lm.", k), lmt[[k]]$statistic)
                        out(paste0("lm.", k, "_p"), lmt[[k]]$p.value) }
mt <- lm.morantest(ols, lw)
out("moran.I", mt$estimate[1]); out("moran.expect", mt$estimate[2])
out("moran.var", mt$estimate[3]); out("moran.z", mt$statistic)
out("moran.p", mt$p.value)
for (o in c("sar", "sem")) {
  lr <- LR.Sarlm(sdm, get(o))
  out(paste0("lr.sdm_", o), lr$statistic); out(paste0("lr.sdm_", o, "_df"), lr$parameter)
  out(paste0("lr.sdm_", o, "_p"), lr$p.value)
}
