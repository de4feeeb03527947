package output

import (
	"encoding/csv"
	"io"
	"strconv"

	"collab/analysis"
	"collab/geom"
	"collab/param"
	"collab/spatial"
)

// Weights writes the spatial weights the study used, as built (before
// row standardisation: binary for contiguity, queen, kNN, distance bands
// and Delaunay), for GeoDa, PySAL and spdep:
//
//	gal  GeoDa's GAL: header "0 n layer id", then per city "id k" and its k neighbours' ids
//	gwt  GeoDa's GWT: the same header, then "i j d" per link, d the great-circle distance in km
//	csv  focal,neighbor,weight,distance_km: one row per link
//
// Ids are the cities' ids; the layer is the dataset's name. libpysal
// (libpysal.io.open(path).read()) and spdep (read.gal, read.gwt2nb) read
// the GAL and GWT files.
func Weights(w io.Writer, r *analysis.Result, format string) error {
	g := r.Geography
	if g == nil || g.Weights == nil {
		return param.Quotedf("weights-out", format, "the study built no spatial weights")
	}
	ids := make([]string, len(r.Cities))
	points := make([]geom.Point, len(r.Cities))
	for i, c := range r.Cities {
		ids[i], points[i] = c.ID, geom.Point{c.Lon, c.Lat}
	}
	km := func(i, j int) float64 { return roundReal(geom.Distance(points[i], points[j])) }
	layer := r.Dataset.Name
	switch format {
	case "gal":
		return spatial.WriteGAL(w, g.Weights, ids, layer, "id")
	case "gwt":
		return spatial.WriteGWT(w, g.Weights, ids, layer, "id", km)
	case "csv":
		return weightsCSV(w, g.Weights, ids, km)
	}
	return param.Quotedf("weights-out", format, "choose gal, gwt or csv")
}

func weightsCSV(out io.Writer, w *spatial.Weights, ids []string, km func(i, j int) float64) error {
	cw := csv.NewWriter(out)
	cw.Write([]string{"focal", "neighbor", "weight", "distance_km"})
	for i := range w.Len() {
		nb, wt := w.Row(i)
		for k, j := range nb {
			cw.Write([]string{ids[i], ids[j], strconv.FormatFloat(wt[k], 'g', -1, 64), strconv.FormatFloat(km(i, j), 'g', -1, 64)})
		}
	}
	cw.Flush()
	return cw.Error()
}
