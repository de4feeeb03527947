# The peer of `collab qap REGION --y links:copatent --x distance,same_province,score_gap`:
# R sna's netlm with double semi-partialling on the same matrices, built from
# the same JSON (great-circle km on a sphere of radius 6371.0088, 1 within a
# province, |s_i - s_j|), over the unordered pairs (mode "graph").
# usage: Rscript bench/qap_netlm.R REGION.json REPS
suppressMessages({library(sna); library(jsonlite)})
args <- commandArgs(TRUE)
ds <- fromJSON(args[1])
reps <- as.integer(args[2])
cities <- ds$cities
n <- nrow(cities)
rad <- pi / 180
lat <- cities$lat * rad; lon <- cities$lon * rad
dlat <- outer(lat, lat, "-"); dlon <- outer(lon, lon, "-")
h <- sin(dlat / 2)^2 + outer(cos(lat), cos(lat)) * sin(dlon / 2)^2
dist <- 2 * 6371.0088 * asin(sqrt(pmin(h, 1)))
same <- outer(cities$province, cities$province, "==") * 1
gap <- abs(outer(cities$score, cities$score, "-"))
y <- matrix(0, n, n)
idx <- match(ds$links$source, cities$id); jdx <- match(ds$links$target, cities$id)
y[cbind(idx, jdx)] <- ds$links$weight; y[cbind(jdx, idx)] <- ds$links$weight
set.seed(1)
fit <- netlm(y, list(dist, same, gap), mode = "graph", nullhyp = "qapspp", test.statistic = "t-value", reps = reps)
cat(sprintf("%.10g", fit$coefficients), "\n")
cat(sprintf("%.4f", fit$pgreqabs), "\n")
