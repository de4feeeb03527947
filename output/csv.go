package output

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"collab/analysis"
)

// CitiesCSV writes cities.csv: one row per city with every per-city measure
// of the results contract, in its order (the columns follow analysis.City,
// so new measures appear by themselves). UTF-8 without a byte-order mark,
// fields quoted as RFC 4180 requires, CRLF line ends. A string is written
// as is, a number with at most CSVDigits significant digits (results.json
// keeps every digit), a list as its JSON text.
func CitiesCSV(w io.Writer, r *analysis.Result) error {
	columns, rows, err := records(r.Cities)
	if err != nil {
		return err
	}
	return writeCSV(w, columns, rows, nil)
}

// LinksCSV writes links.csv: one row per link of the network (every link,
// not only those the maps draw) with its measures, then the names of its
// two cities.
func LinksCSV(w io.Writer, r *analysis.Result) error {
	columns, rows, err := records(r.Links)
	if err != nil {
		return err
	}
	names := make(map[string]string, len(r.Cities))
	for _, c := range r.Cities {
		names[c.ID] = c.Name
	}
	return writeCSV(w, append(columns, "source_name", "target_name"), rows, func(k int) []string {
		return []string{names[r.Links[k].Source], names[r.Links[k].Target]}
	})
}

// writeCSV writes the header and rows, each followed by extra(k) if given.
func writeCSV(w io.Writer, columns []string, rows [][]json.RawMessage, extra func(k int) []string) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(columns); err != nil {
		return err
	}
	line := make([]string, 0, len(columns))
	for k, row := range rows {
		line = line[:0]
		for _, v := range row {
			line = append(line, csvCell(v))
		}
		if extra != nil {
			line = append(line, extra(k)...)
		}
		if err := cw.Write(line); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// TransitionsCSV writes transitions.csv: the dynamics' transition matrices
// in long form, one row per cell: chain (markov, spatial or lisa),
// lag_class (the neighbours' class, spatial only), from, to, count and
// probability (empty for a row never observed). A single year has the
// header only.
func TransitionsCSV(w io.Writer, r *analysis.Result) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	rows := [][]string{{"chain", "lag_class", "from", "to", "count", "probability"}}
	if d := r.Dynamics; d != nil {
		rows = appendCells(rows, "markov", "", d.Classes.Names, d.Transitions, d.Probabilities)
		if d.Spatial != nil {
			for _, l := range d.Spatial.ByLag {
				rows = appendCells(rows, "spatial", l.LagClass, d.Classes.Names, l.Transitions, l.Probabilities)
			}
		}
		if d.LISA != nil {
			rows = appendCells(rows, "lisa", "", d.LISA.States, d.LISA.Transitions, d.LISA.Probabilities)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

func appendCells(rows [][]string, chain, lag string, names []string, counts [][]int, probs [][]float64) [][]string {
	for i, row := range counts {
		for j, n := range row {
			p := ""
			if probs[i] != nil {
				p = csvNumber(probs[i][j])
			}
			rows = append(rows, []string{chain, lag, names[i], names[j], strconv.Itoa(n), p})
		}
	}
	return rows
}

// CSVDigits is how many significant digits the CSV files give a number
// that is not a whole number: enough for any input value of up to ten
// digits to come back exactly, few enough that the binary noise of
// computed values does not show (271.90999999999997 is written 271.91,
// 0.30000000000000004 as 0.3). results.json keeps the full float64.
const CSVDigits = 10

// csvNumber writes x with at most CSVDigits significant digits.
func csvNumber(x float64) string { return strconv.FormatFloat(x, 'g', CSVDigits, 64) }

// csvCell is cell with numbers rounded to CSVDigits significant digits;
// integers, which JSON writes without a point or an exponent, as they are.
func csvCell(v json.RawMessage) string {
	if len(v) > 0 && (v[0] == '-' || v[0] >= '0' && v[0] <= '9') && strings.ContainsAny(string(v), ".eE") {
		if x, err := strconv.ParseFloat(string(v), 64); err == nil {
			return csvNumber(x)
		}
	}
	return cell(v)
}
