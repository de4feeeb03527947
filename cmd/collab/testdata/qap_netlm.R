# R², then netlm's coefficients, of links_copatent on distance,
# same_province and score_gap (the matrices collab qap builds, written by
# cmd/collab/qap_test.go into DIR), mode "graph" as for undirected links.
# Usage: Rscript qap_netlm.R DIR
suppressMessages(library(sna))
dir <- commandArgs(TRUE)[1]
rd <- function(name) as.matrix(read.table(file.path(dir, paste0(name, ".txt"))))
y <- rd("links_copatent")
x <- list(rd("distance"), rd("same_province"), rd("score_gap"))
set.seed(1)
fit <- netlm(y, x, mode = "graph", nullhyp = "classical")
yv <- fit$fitted.values + fit$residuals
r2 <- 1 - sum(fit$residuals^2) / sum((yv - mean(yv))^2)
cat(sprintf("%.17g", c(r2, fit$coefficients)), "\n")
