# Writes columbus.csv (the variables of the regression tests) and
# columbus_nb.txt (col.gal.nb, one line per city: the 0-based neighbours)
# from R spData (CC0). Run: Rscript export_columbus.R
suppressPackageStartupMessages({library(spData); library(spdep)})
data(columbus, package = "spData")
write.csv(columbus[, c("POLYID", "CRIME", "INC", "HOVAL")], "columbus.csv",
          row.names = FALSE)
stopifnot(is.symmetric.nb(col.gal.nb))
writeLines(vapply(col.gal.nb, function(v) paste(v - 1L, collapse = " "), ""),
           "columbus_nb.txt")
