# Writes columbus.csv: spData's Columbus (49 neighbourhoods, CC0) as a
# collab CSV dataset: id = POLYID, the regression variables CRIME, INC,
# HOVAL, neighbors = col.gal.nb (ids separated by ;). Columbus has no
# geographic coordinates: lat and lon are a linear map of its X, Y
# centroids (39.96 + (Y - mean Y)/50, -83 + (X - mean X)/50), used only by
# distance weights. Run: Rscript columbus_dataset.R
suppressPackageStartupMessages({library(spData); library(spdep)})
data(columbus, package = "spData")
nb <- col.gal.nb
ids <- columbus$POLYID
neigh <- vapply(nb, function(v) paste(ids[v], collapse = ";"), "")
d <- data.frame(id = ids, name = paste("Neighbourhood", columbus$NEIG),
                lat = round(39.96 + (columbus$Y - mean(columbus$Y)) / 50, 6),
                lon = round(-83.0 + (columbus$X - mean(columbus$X)) / 50, 6),
                CRIME = columbus$CRIME, INC = columbus$INC, HOVAL = columbus$HOVAL,
                neighbors = neigh)
write.csv(d, "columbus.csv", row.names = FALSE, quote = TRUE)
