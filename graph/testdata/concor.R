# CONCOR as R concorR 0.2.1 defines it (Breiger, Boorman and Arabie 1975),
# written out here with R's own cor(use = "pairwise.complete.obs") because
# concorR is not packaged for Debian. graph/concor_test.go runs it:
#   Rscript graph/testdata/concor.R EDGES N DIRECTED BINARY DEPTH
# EDGES holds "from to weight" a line, 0-based. Prints, for each node, its
# block numbered as graph.Concor numbers them (halves in concorR's order,
# isolates last), then the number of iterations of each split.
args <- commandArgs(trailingOnly = TRUE)
e <- read.table(args[1]); n <- as.integer(args[2])
directed <- args[3] == "true"; binary <- args[4] == "true"; depth <- as.integer(args[5])
a <- matrix(0, n, n)
w <- if (binary) rep(1, nrow(e)) else e[[3]]
a[cbind(e[[1]] + 1, e[[2]] + 1)] <- w
if (!directed) a[cbind(e[[2]] + 1, e[[1]] + 1)] <- w
linked <- which(colSums(a) + rowSums(a) > 0)
isolates <- setdiff(1:n, linked)
m <- a[linked, linked, drop = FALSE]
diag(m) <- NA
stack <- rbind(m, t(m))   # column j: ties received by j, then ties sent
iters <- c()
split1 <- function(cols) {   # cols: positions in linked; returns the two halves
  x <- suppressWarnings(cor(stack[, cols, drop = FALSE], use = "pairwise.complete.obs"))
  x[is.na(x)] <- 0; diag(x) <- 1
  it <- 0
  while (any(abs(x) <= 0.9999999) && it <= 50) {
    x <- suppressWarnings(cor(x)); x[is.na(x)] <- 0; diag(x) <- 1
    it <- it + 1
  }
  iters <<- c(iters, it)
  s <- sign(x)
  pivot <- order(s[, 1])[1]
  list(cols[s[, pivot] > 0], cols[s[, pivot] <= 0])
}
blocks <- list(seq_along(linked))
for (r in seq_len(depth)) {
  nxt <- list()
  for (b in blocks) {
    if (length(b) < 2) { nxt <- c(nxt, list(b)); next }
    for (h in split1(b)) if (length(h) > 0) nxt <- c(nxt, list(h))
  }
  blocks <- nxt
}
block <- integer(n)
for (k in seq_along(blocks)) block[linked[blocks[[k]]]] <- k - 1
if (length(isolates) > 0) block[isolates] <- length(blocks)
cat("block", block, "\n")
cat("iterations", iters, "\n")
