# Writes OUT (default elect80-collab.csv): spData's elect80 (3,107 US
# counties, CC0) as a collab CSV dataset: id = FIPS, lat and lon the
# county coordinates spData gives, the regression variables, and
# neighbors = e80_queen (FIPS separated by ;; 4 counties have none).
# Run: Rscript elect80_dataset.R [OUT]
suppressPackageStartupMessages({library(spData); library(spdep); library(sf)})
data(elect80, package = "spData")
xy <- sf::st_coordinates(sf::st_as_sf(elect80))
d <- as.data.frame(elect80)
ids <- as.character(d$FIPS)
nbs <- vapply(e80_queen, function(v) if (length(v) == 1 && v[1] == 0) "" else paste(ids[v], collapse = ";"), "")
out <- data.frame(id = ids, lat = xy[, 2], lon = xy[, 1], pc_turnout = d$pc_turnout,
                  pc_college = d$pc_college, pc_homeownership = d$pc_homeownership,
                  pc_income = d$pc_income, neighbors = nbs)
args <- commandArgs(trailingOnly = TRUE)
write.csv(out, if (length(args) > 0) args[1] else "elect80-collab.csv", row.names = FALSE)
