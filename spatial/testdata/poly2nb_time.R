# The peer of `collab validate FILE.geojson` for docs/PERFORMANCE.md: read a
# boundary file and compute its queen contiguity with R's sf and spdep.
#   Rscript spatial/testdata/poly2nb_time.R tiling.geojson
suppressMessages({library(sf); library(spdep)})
sf_use_s2(FALSE)
x <- st_read(commandArgs(trailingOnly = TRUE)[1], quiet = TRUE)
nb <- poly2nb(x, queen = TRUE)
cat(length(nb), "polygons,", sum(card(nb)) / 2, "neighbour pairs\n")
