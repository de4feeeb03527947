# Whole-process timing of sna's netlm (MRQAP, double semi-partialling) on
# 340 cities, three predictors, 2000 permutations.
suppressMessages(library(sna))
set.seed(1)
n <- 340
lat <- runif(n, 20, 45); lon <- runif(n, 100, 125)
rad <- pi / 180
d <- outer(1:n, 1:n, function(i, j) {
  a <- sin((lat[j] - lat[i]) * rad / 2)^2 + cos(lat[i] * rad) * cos(lat[j] * rad) * sin((lon[j] - lon[i]) * rad / 2)^2
  2 * 6371.0088 * asin(sqrt(pmin(1, a)))
})
prov <- sample(1:31, n, replace = TRUE)
same <- outer(prov, prov, "==") * 1
s <- rexp(n)
gap <- abs(outer(s, s, "-"))
y <- matrix(rpois(n * n, 2), n, n)
x <- array(dim = c(3, n, n)); x[1, , ] <- d; x[2, , ] <- same; x[3, , ] <- gap
fit <- netlm(y, x, nullhyp = "qapspp", reps = 2000)
print(fit$coefficients)
