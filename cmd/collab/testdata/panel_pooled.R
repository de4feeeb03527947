# Reference for TestModelPanelPooled: the pooled panel (no fixed effects)
# of panel-columbus.csv, i.e. lagsarlm (spatialreg, method "eigen") of
# y ~ x1 + x2 with an intercept on the 5 stacked periods of
# regression/testdata/panel.csv under kronecker(I_T, W), W col.gal.nb
# row-standardised. Run from regression/testdata:
#   Rscript ../../cmd/collab/testdata/panel_pooled.R
suppressPackageStartupMessages({library(spdep); library(spatialreg)})
nbl <- lapply(strsplit(readLines("columbus_nb.txt"), " "), function(s) as.integer(s) + 1L)
class(nbl) <- "nb"; nbl <- sym.attr.nb(nbl)
N <- length(nbl); TT <- 5
d <- read.csv("panel.csv")
blocks <- unlist(lapply(0:(TT - 1), function(t) lapply(nbl, function(v) v + t * N)), recursive = FALSE)
class(blocks) <- "nb"
fit <- lagsarlm(y ~ x1 + x2, d, nb2listw(blocks, style = "W"), method = "eigen")
cat(sprintf("rho %.17g\nx1 %.17g\nse.x1 %.17g\nloglik %.17g\n", fit$rho, coef(fit)[["x1"]], fit$rest.se[[2]], as.numeric(logLik(fit))))
