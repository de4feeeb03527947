# Reference for TestModelWeightsSpatialreg: lagsarlm (spatialreg, method
# "eigen") of CRIME ~ INC + HOVAL on columbus.csv under the regression
# weights collab builds: idw:1 (w_ij = 1/d_ij, haversine km, every pair),
# idw:2:40 (1/d_ij^2 within 40 km) and contiguity*economic:INC
# (w_ij = c_ij / |INC_i - INC_j|), each row-standardised (so the earth's
# radius cancels). Run from this directory: Rscript model_weights.R
suppressPackageStartupMessages({library(spdep); library(spatialreg)})
d <- read.csv("columbus.csv")
# Haversine distances on the sphere of radius 6371.0088 km (the IUGG mean
# radius collab uses), written out here.
rad <- pi / 180
hav <- function(p1, l1, p2, l2) {
  h <- sin((p2 - p1) / 2)^2 + cos(p1) * cos(p2) * sin((l2 - l1) / 2)^2
  2 * 6371.0088 * asin(sqrt(pmin(h, 1)))
}
D <- outer(seq_len(nrow(d)), seq_len(nrow(d)), function(i, j)
  hav(d$lat[i] * rad, d$lon[i] * rad, d$lat[j] * rad, d$lon[j] * rad))
n <- nrow(d)
nb <- lapply(strsplit(as.character(d$neighbors), ";"), function(s) match(as.integer(s), d$id))
C <- matrix(0, n, n); for (i in 1:n) C[i, nb[[i]]] <- 1
W <- list(idw1 = ifelse(D > 0, 1 / D, 0),
          idw2_40 = ifelse(D > 0 & D <= 40, 1 / D^2, 0),
          cont_econ = ifelse(C > 0, 1 / abs(outer(d$INC, d$INC, "-")), 0))
for (k in names(W)) {
  lw <- mat2listw(W[[k]], style = "W")
  fit <- lagsarlm(CRIME ~ INC + HOVAL, d, lw, method = "eigen", zero.policy = TRUE)
  cat(sprintf("%s.rho %.17g\n%s.INC %.17g\n%s.loglik %.17g\n%s.links %d\n", k, fit$rho, k, coef(fit)[["INC"]], k, as.numeric(logLik(fit)), k, sum(W[[k]] > 0)))
}
