# Writes elect80.csv (the 1980 US presidential election turnout of 3,107
# counties) and elect80_nb.txt (e80_queen, 0-based neighbours, one line per
# county; 4 counties have none) from R spData (CC0).
# Run: Rscript export_elect80.R
suppressPackageStartupMessages({library(spData); library(spdep)})
data(elect80, package = "spData")
d <- as.data.frame(elect80)[, c("FIPS", "pc_turnout", "pc_college", "pc_homeownership", "pc_income")]
write.csv(d, "elect80.csv", row.names = FALSE)
stopifnot(is.symmetric.nb(e80_queen))
writeLines(vapply(e80_queen, function(v) if (length(v) == 1 && v[1] == 0) "" else paste(v - 1L, collapse = " "), ""),
           "elect80_nb.txt")
