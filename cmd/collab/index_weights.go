package main

import (
	"encoding/csv"
	"io"
	"strconv"

	"collab/composite"
)

// weightsHeader are the columns of the weight table index --weights-out
// writes: one row per indicator of each weight table (one table pooled,
// or one a year with --per-year, whose year fills the year column).
var weightsHeader = []string{"method", "year", "indicator", "direction", "weight",
	"entropy", "divergence", "std_dev", "conflict", "information"}

// writeWeightsCSV writes res's weights as CSV: the method, the year (empty
// when pooled or for a cross-section), the indicator, its direction (more
// or less is better), the weight w_j and the method's own measures (the
// entropy e_j and divergence d_j = 1 - e_j of the entropy method and
// TOPSIS; CRITIC's standard deviation, conflict and information C_j),
// empty where the method has none. Numbers are the shortest decimals that
// read back as the weights computed, so that the table gives exactly the
// weights the printed table rounds.
func writeWeightsCSV(w io.Writer, res *composite.Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(weightsHeader); err != nil {
		return err
	}
	for _, wt := range res.Weights {
		year := ""
		if wt.Year != 0 {
			year = strconv.Itoa(wt.Year)
		}
		for j, ind := range res.Indicators {
			direction := "more is better"
			if ind.LessIsBetter {
				direction = "less is better"
			}
			row := []string{res.Method.String(), year, ind.Name, direction, shortest(wt.Weight[j])}
			for _, measure := range [][]float64{wt.Entropy, wt.Divergence, wt.StdDev, wt.Conflict, wt.Information} {
				cell := ""
				if measure != nil {
					cell = shortest(measure[j])
				}
				row = append(row, cell)
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// shortest is x in the fewest digits that read back as x.
func shortest(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
