# spatialreg's large-n route on elect80 for TestElect80Chebyshev: the SDM
# by method "Matrix" (exact sparse Cholesky log-determinant), whose
# standard errors come from the numerical Hessian (fdHess), and by
# "Chebyshev" (its q = 5 series). Run from this directory:
#   Rscript elect80_matrix.R
suppressPackageStartupMessages({library(spdep); library(spatialreg)})
d <- read.csv("elect80.csv")
nbl <- lapply(strsplit(readLines("elect80_nb.txt"), " "),
              function(s) if (length(s) == 0) 0L else as.integer(s) + 1L)
class(nbl) <- "nb"
attr(nbl, "region.id") <- as.character(seq_len(nrow(d)))
lw <- nb2listw(nbl, style = "W", zero.policy = TRUE)
for (m in c("Matrix", "Chebyshev")) {
  fit <- lagsarlm(log(pc_turnout) ~ log(pc_college) + log(pc_homeownership) + log(pc_income),
                  data = d, listw = lw, type = "mixed", method = m, zero.policy = TRUE)
  cat(m, sprintf("%.8g", c(fit$rho, fit$rho.se, logLik(fit), fit$rest.se)), "\n")
}
