# Moran's I of the embedded YRD sample's 2021 scores under its contiguity
# ("neighbors", symmetrised as collab does), with R spdep (Debian
# r-cran-spdep 1.2-7). Run from analysis/: Rscript testdata/yrd_spdep.R
suppressMessages(library(spdep)); library(jsonlite)
d <- fromJSON("../data/samples/yrd.json", simplifyVector = FALSE)
ids <- sapply(d$cities, function(c) c$id)
nb <- lapply(d$cities, function(c) sort(match(unlist(c$neighbors), ids)))
class(nb) <- "nb"; attr(nb, "region.id") <- ids
nb <- make.sym.nb(nb)
y <- sapply(d$cities, function(c) c$scores[["2021"]])
r <- moran.test(y, nb2listw(nb, style = "W"), randomisation = TRUE)
n <- moran.test(y, nb2listw(nb, style = "W"), randomisation = FALSE)
cat(sprintf("I %.17g E %.17g VarR %.17g p %.17g VarN %.17g\n", r$estimate[1], r$estimate[2], r$estimate[3], r$p.value, n$estimate[3]))
b <- moran.test(y, nb2listw(nb, style = "B"), randomisation = TRUE)
cat(sprintf("binary I %.17g VarR %.17g\n", b$estimate[1], b$estimate[3]))
lm <- localmoran(y, nb2listw(nb, style = "W"))
cat(sprintf("localmoran Ii*40/41 %s\n", paste(sprintf("%.17g", lm[1:3, "Ii"] * 40 / 41), collapse = " ")))
cat(sprintf("localmoran Z.Ii %s\n", paste(sprintf("%.17g", lm[1:3, "Z.Ii"]), collapse = " ")))
G <- localG(y, nb2listw(include.self(nb), style = "B"))
cat(sprintf("localG %s\n", paste(sprintf("%.17g", as.numeric(G)[1:3]), collapse = " ")))
