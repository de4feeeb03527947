# The whole-process peer of BenchmarkElect80SDM: spatialreg 1.2-6 fits the
# spatial Durbin model of log turnout on spData's elect80 (3,107 counties,
# e80_queen row-standardised, zero.policy for its islands) by method
# "eigen" and computes the exact impacts. Run from this directory:
#   time Rscript elect80_sdm.R
suppressPackageStartupMessages({library(spdep); library(spatialreg)})
d <- read.csv("elect80.csv")
nbl <- lapply(strsplit(readLines("elect80_nb.txt"), " "),
              function(s) if (length(s) == 0) 0L else as.integer(s) + 1L)
class(nbl) <- "nb"
attr(nbl, "region.id") <- as.character(seq_len(nrow(d)))
lw <- nb2listw(nbl, style = "W", zero.policy = TRUE)
fit <- lagsarlm(log(pc_turnout) ~ log(pc_college) + log(pc_homeownership) + log(pc_income),
                data = d, listw = lw, type = "mixed", method = "eigen", zero.policy = TRUE)
im <- impacts(fit, listw = lw)
out <- function(key, v) cat(sprintf("%s %.17g\n", key, v))
for (i in seq_along(coef(fit))) { k <- names(coef(fit))[i]
  if (k == "rho") next
  out(paste0("coef.", k), coef(fit)[[i]]) }
for (i in seq_along(fit$rest.se)) out(paste0("se.", names(fit$coefficients)[i]), fit$rest.se[[i]])
out("rho", fit$rho); out("rho_se", fit$rho.se); out("loglik", logLik(fit))
for (e in c("direct", "indirect", "total")) for (i in seq_along(im[[e]]))
  out(paste("impact", e, attr(im, "bnames")[i], sep = "."), im[[e]][i])
