package output

import (
	"encoding/csv"
	"encoding/json"
	"io"

	"collab/analysis"
)

// CitiesCSV writes cities.csv: one row per city with every per-city measure
// of the results contract, in its order (the columns follow analysis.City,
// so new measures appear by themselves). UTF-8 without a byte-order mark,
// fields quoted as RFC 4180 requires, CRLF line ends. A string is written
// as is, a number as in results.json, a list as its JSON text.
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
			line = append(line, cell(v))
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
