# Panel reference for TestPanel: a simulated panel of T = 5 periods on
# Columbus's 49 neighbourhoods (col.gal.nb, row-standardised), written to
# panel.csv; fixed-effects fits are spatialreg's lagsarlm/errorsarlm on
# the demeaned stacked data with kronecker(I_T, W), and the Lee-Yu two-way
# fit lagsarlm on the data transformed by Helmert bases with
# kronecker(I_(T-1), F'WF). Run from this directory:
#   Rscript panel_reference.R
suppressPackageStartupMessages({library(spdep); library(spatialreg)})
nbl <- lapply(strsplit(readLines("columbus_nb.txt"), " "), function(s) as.integer(s) + 1L)
class(nbl) <- "nb"; nbl <- sym.attr.nb(nbl)
N <- length(nbl); TT <- 5
W <- listw2mat(nb2listw(nbl, style = "W"))
if (!file.exists("panel.csv")) {
  set.seed(17)
  x1 <- rnorm(N * TT); x2 <- rnorm(N * TT)
  ci <- rnorm(N); yt <- rnorm(TT)
  y <- numeric(N * TT)
  for (t in 1:TT) {
    r <- (t - 1) * N + 1:N
    b <- 1.5 * x1[r] - 0.8 * x2[r] + 0.6 * W %*% x1[r] + ci + yt[t] + rnorm(N)
    y[r] <- solve(diag(N) - 0.45 * W, b)
  }
  write.csv(data.frame(period = rep(1:TT, each = N), city = rep(1:N, TT),
                       y = y, x1 = x1, x2 = x2), "panel.csv", row.names = FALSE)
}
d <- read.csv("panel.csv")
blocks <- function(nb, k) {
  out <- unlist(lapply(0:(k - 1), function(t) lapply(nb, function(v) v + t * N)), recursive = FALSE)
  class(out) <- "nb"; out
}
lwT <- nb2listw(blocks(nbl, TT), style = "W")
demean <- function(v, e) {
  m <- matrix(v, N, TT)
  if (e == "city") m <- m - rowMeans(m)
  if (e == "year") m <- sweep(m, 2, colMeans(m))
  if (e == "twoway") m <- m - outer(rowMeans(m), colMeans(m), "+") + mean(m)
  as.vector(m)
}
out <- function(key, v) cat(sprintf("%s %.17g\n", key, v))
report <- function(key, fit) {
  cf <- coef(fit)
  for (k in names(fit$coefficients)) out(paste(key, "coef", k, sep = "."), fit$coefficients[[k]])
  for (i in seq_along(fit$rest.se)) out(paste(key, "se", names(fit$coefficients)[i], sep = "."), fit$rest.se[[i]])
  if (!is.null(fit$rho)) { out(paste0(key, ".rho"), fit$rho); out(paste0(key, ".rho_se"), fit$rho.se) }
  if (!is.null(fit$lambda)) { out(paste0(key, ".lambda"), fit$lambda); out(paste0(key, ".lambda_se"), fit$lambda.se) }
  out(paste0(key, ".loglik"), logLik(fit)); out(paste0(key, ".sigma2"), fit$s2)
}
for (e in c("city", "year", "twoway")) {
  dd <- data.frame(y = demean(d$y, e), x1 = demean(d$x1, e), x2 = demean(d$x2, e))
  report(paste0(e, ".sar"), lagsarlm(y ~ x1 + x2 - 1, dd, lwT, method = "eigen"))
  report(paste0(e, ".sdm"), lagsarlm(y ~ x1 + x2 - 1, dd, lwT, type = "mixed", method = "eigen"))
  report(paste0(e, ".sem"), errorsarlm(y ~ x1 + x2 - 1, dd, lwT, method = "eigen"))
}
helmert <- function(m) {
  h <- matrix(0, m, m - 1)
  for (k in 1:(m - 1)) { h[1:k, k] <- 1; h[k + 1, k] <- -k; h[, k] <- h[, k] / sqrt(k * (k + 1)) }
  h
}
FT <- helmert(TT); FN <- helmert(N)
tr2 <- function(v) as.vector(t(FN) %*% matrix(v, N, TT) %*% FT)
Ws <- t(FN) %*% W %*% FN
# mat2listw refuses negative weights: the listw of the dense
# kronecker(I_(T-1), F'WF) is built by hand, style "M" (no standardisation).
Wk <- kronecker(diag(TT - 1), Ws)
nbS <- lapply(seq_len(nrow(Wk)), function(i) which(Wk[i, ] != 0))
class(nbS) <- "nb"
lwS <- list(style = "M", neighbours = nbS,
            weights = lapply(seq_len(nrow(Wk)), function(i) Wk[i, nbS[[i]]]))
attr(lwS$weights, "mode") <- "general"; attr(lwS$weights, "comp") <- list()
class(lwS) <- c("listw", "nb")
dd <- data.frame(y = tr2(d$y), x1 = tr2(d$x1), x2 = tr2(d$x2))
report("leeyu.sdm", lagsarlm(y ~ x1 + x2 - 1, dd, lwS, type = "mixed", method = "eigen"))
report("leeyu.sar", lagsarlm(y ~ x1 + x2 - 1, dd, lwS, method = "eigen"))
