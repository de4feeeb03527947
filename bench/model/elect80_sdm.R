# The peer of `collab model` on elect80 (bench/model.sh): reads the same
# collab CSV (elect80_dataset.R writes it), builds e80_queen from its
# neighbors column, row-standardised with zero.policy for the 4 islands,
# fits the spatial Durbin model of log turnout by method "eigen" and
# computes the exact impacts (impacts(listw = ), no simulation), as
# `collab model --model sdm --draws 0` does.
# Run: Rscript elect80_sdm.R elect80-collab.csv
suppressPackageStartupMessages({library(spdep); library(spatialreg)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = c(id = "character", neighbors = "character"))
nb <- lapply(strsplit(d$neighbors, ";"), function(s) if (length(s) == 0) 0L else match(s, d$id))
class(nb) <- "nb"
attr(nb, "region.id") <- d$id
lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
fit <- lagsarlm(log(pc_turnout) ~ log(pc_college) + log(pc_homeownership) + log(pc_income),
                data = d, listw = lw, type = "mixed", method = "eigen", zero.policy = TRUE)
im <- impacts(fit, listw = lw)
cat(sprintf("rho %.10f loglik %.6f\n", fit$rho, as.numeric(logLik(fit))))
print(im)
