# Queen contiguity and centroids of the polygons in a GeoJSON file, by R's
# spdep::poly2nb (queen = TRUE) and sf::st_centroid on planar lon/lat, as
# JSON: {"neighbors": [[1-based ids], ...], "centroids": [[lon, lat], ...]}.
# Used by spatial/contiguity_test.go as the independent reference:
#   Rscript spatial/testdata/poly2nb.R polygons.geojson
suppressMessages({library(sf); library(spdep); library(jsonlite)})
sf_use_s2(FALSE)
x <- st_read(commandArgs(trailingOnly = TRUE)[1], quiet = TRUE)
nb <- poly2nb(x, queen = TRUE)
neighbors <- lapply(nb, function(v) if (length(v) == 1 && v[1] == 0) integer(0) else as.integer(v))
centroids <- suppressWarnings(st_coordinates(st_centroid(st_geometry(x))))
cat(toJSON(list(neighbors = neighbors, centroids = unname(centroids)), digits = NA, auto_unbox = FALSE))
