# Prints what graph's QAP tests compare with: R sna's gcor and qaptest, and
# netlm with double semi-partialling, on the matrices in the directory
# argv[1] (y.csv, x1.csv, ... as written by graph/qap_test.go), with
# mode = argv[2] ("digraph" or "graph") and argv[3] permutations.
#   Rscript graph/testdata/qap_sna.R DIR digraph 1000
# Debian: r-cran-sna (2.7-1 when written).
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; mode <- args[2]; reps <- as.integer(args[3])
rd <- function(name) as.matrix(read.csv(file.path(dir, name), header = FALSE))
y <- rd("y.csv")
files <- sort(list.files(dir, pattern = "^x[0-9]+\\.csv$"))
x <- lapply(files, rd)
set.seed(20261201)
fmt <- function(v) paste(sprintf("%.17g", v), collapse = " ")
cat("gcor", fmt(gcor(y, x[[1]], mode = mode)), "\n")
q <- qaptest(list(y, x[[1]]), gcor, g1 = 1, g2 = 2, reps = reps, mode = mode)
cat("qaptest", fmt(c(q$pgreq, q$pleeq)), "\n")
fit <- netlm(y, x, mode = mode, nullhyp = "qapspp", reps = reps)
cat("coef", fmt(fit$coefficients), "\n")
cat("t", fmt(fit$tstat), "\n")
cat("pgreq", fmt(fit$pgreq), "\n")
cat("pleeq", fmt(fit$pleeq), "\n")
cat("pgreqabs", fmt(fit$pgreqabs), "\n")
vec <- function(m) { v <- gvectorize(m, mode = mode, diag = FALSE); v[!is.na(v)] }
cat("std", fmt(fit$coefficients[-1] * sapply(x, function(m) sd(vec(m))) / sd(vec(y))), "\n")
mss <- sum((fit$fitted.values - mean(fit$fitted.values))^2)
rss <- sum(fit$residuals^2)
cat("r2", fmt(mss / (mss + rss)), "\n")
