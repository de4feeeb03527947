# Prints R sna's Krackhardt efficiency and least upper boundedness of the
# 0/1 sociomatrix of the links in argv[1] ("from to weight" a line, 0-based)
# on argv[2] nodes, directed when argv[3] is "true".
#   Rscript graph/testdata/krackhardt_sna.R EDGES N DIRECTED [EDGES N DIRECTED ...]
# Each network's lines are prefixed with its position in the arguments.
# Debian: r-cran-sna (2.7-1 when written).
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
for (k in seq_len(length(args) %/% 3)) {
  e <- read.table(args[3 * k - 2]); n <- as.integer(args[3 * k - 1]); directed <- args[3 * k] == "true"
  m <- matrix(0, n, n)
  m[cbind(e[[1]] + 1, e[[2]] + 1)] <- 1
  if (!directed) m[cbind(e[[2]] + 1, e[[1]] + 1)] <- 1
  cat(k - 1, "efficiency", sprintf("%.17g", efficiency(m)), "\n")
  cat(k - 1, "lubness", sprintf("%.17g", lubness(m)), "\n")
}
