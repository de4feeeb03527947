package data

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
)

// WriteJSON writes ds in collab's JSON format, which Read reads back to
// the same dataset: cities with their scores ("score", or "scores" by
// year), sizes, neighbours and variables (by year in a panel), links and
// the dataset's names and notes. Boundaries are not part of the format and
// are not written (the cities keep their centroids). Numbers are written
// in the shortest form that reads back to the same float64. One city or
// link a line.
func WriteJSON(w io.Writer, ds *Dataset) error {
	bw := bufio.NewWriter(w)
	head := struct {
		Name        string   `json:"name,omitempty"`
		Description string   `json:"description,omitempty"`
		ScoreLabel  string   `json:"score_label,omitempty"`
		Notes       []string `json:"notes,omitempty"`
		Directed    bool     `json:"directed,omitempty"`
	}{ds.Name, ds.Description, ds.ScoreLabel, ds.Notes, ds.Directed}
	b, err := json.Marshal(head)
	if err != nil {
		return err
	}
	b = b[:len(b)-1] // reopen the object for cities and links
	if len(b) > 1 {
		b = append(b, ',')
	}
	bw.Write(b)
	bw.WriteString("\n\"cities\": [\n")
	var buf []byte // one city's JSON, reused
	for i, c := range ds.Cities {
		if i > 0 {
			bw.WriteString(",\n")
		}
		if buf, err = appendCity(buf[:0], ds, c); err != nil {
			return err
		}
		bw.Write(buf)
	}
	bw.WriteString("\n],\n\"links\": [")
	for i, l := range ds.Links {
		if i > 0 {
			bw.WriteString(",")
		}
		b, err := json.Marshal(struct {
			Source string  `json:"source"`
			Target string  `json:"target"`
			Weight float64 `json:"weight"`
			Kind   string  `json:"kind,omitempty"`
		}{l.Source, l.Target, l.Weight, l.Kind})
		if err != nil {
			return err
		}
		bw.WriteString("\n")
		bw.Write(b)
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// cityJSON is a city's fields that encoding/json spells; the scores and
// variables follow, in the order of the years and of VariableNames (a
// map would be written sorted, and read back in another order).
type cityJSON struct {
	ID         string   `json:"id"`
	Name       string   `json:"name,omitempty"`
	NameLocal  string   `json:"name_local,omitempty"`
	Province   string   `json:"province,omitempty"`
	Lat        float64  `json:"lat"`
	Lon        float64  `json:"lon"`
	Population float64  `json:"population,omitempty"`
	GDP        float64  `json:"gdp,omitempty"`
	Neighbors  []string `json:"neighbors,omitempty"`
}

// appendCity appends city c as a JSON object to b.
func appendCity(b []byte, ds *Dataset, c City) ([]byte, error) {
	fields := cityJSON{ID: c.ID, Name: c.Name, NameLocal: c.NameLocal, Province: c.Province, Lat: c.Lat, Lon: c.Lon,
		Population: c.Population, GDP: c.GDP, Neighbors: c.Neighbors}
	if fields.Name == c.ID {
		fields.Name = ""
	}
	head, err := json.Marshal(fields)
	if err != nil {
		return nil, err
	}
	b = append(b, head[:len(head)-1]...)
	switch {
	case len(c.Scores) == 0:
	case len(ds.Years) == 0:
		b = append(b, `,"score":`...)
		b = strconv.AppendFloat(b, c.Scores[0], 'g', -1, 64)
	default:
		b = append(b, `,"scores":`...)
		b = appendByYear(b, ds.Years, c.Scores)
	}
	if len(ds.VariableNames) > 0 {
		b = append(b, `,"variables":{`...)
		for i, name := range ds.VariableNames {
			if i > 0 {
				b = append(b, ',')
			}
			key, err := json.Marshal(name)
			if err != nil {
				return nil, err
			}
			b = append(append(b, key...), ':')
			if v := c.Variables[name]; len(ds.Years) == 0 {
				b = strconv.AppendFloat(b, v[0], 'g', -1, 64)
			} else {
				b = appendByYear(b, ds.Years, v)
			}
		}
		b = append(b, '}')
	}
	return append(b, '}'), nil
}

// appendByYear appends {"2001": v0, "2021": v1, ...}.
func appendByYear(b []byte, years []int, values []float64) []byte {
	b = append(b, '{')
	for k, y := range years {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = strconv.AppendInt(b, int64(y), 10)
		b = append(b, '"', ':')
		b = strconv.AppendFloat(b, values[k], 'g', -1, 64)
	}
	return append(b, '}')
}

// WriteCSV writes ds's cities as CSV, which Read reads back: the columns
// id, name, name_local, province, lat, lon, the score (score, or
// score_YYYY by year), population, gdp, neighbors (ids separated by
// semicolons) and a column for each variable (NAME, or NAME_YYYY by year
// in a panel). Links and boundaries are not written.
func WriteCSV(w io.Writer, ds *Dataset) error {
	cw := csv.NewWriter(w)
	header := []string{"id", "name", "name_local", "province", "lat", "lon"}
	scored := len(ds.Cities) > 0 && ds.Cities[0].Scores != nil
	if scored {
		header = append(header, periodColumns("score", ds.Years)...)
	}
	header = append(header, "population", "gdp", "neighbors")
	for _, name := range ds.VariableNames {
		header = append(header, periodColumns(name, ds.Years)...)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	row := make([]string, 0, len(header))
	for _, c := range ds.Cities {
		row = append(row[:0], c.ID, c.Name, c.NameLocal, c.Province, number(c.Lat), number(c.Lon))
		if scored {
			for _, s := range c.Scores {
				row = append(row, number(s))
			}
		}
		row = append(row, optional(c.Population), optional(c.GDP), joinIDs(c.Neighbors))
		for _, name := range ds.VariableNames {
			for _, v := range c.Variables[name] {
				row = append(row, number(v))
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// periodColumns names a value's columns: NAME, or NAME_YYYY for each year.
func periodColumns(name string, years []int) []string {
	if len(years) == 0 {
		return []string{name}
	}
	cols := make([]string, len(years))
	for k, y := range years {
		cols[k] = name + "_" + strconv.Itoa(y)
	}
	return cols
}

func number(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func optional(x float64) string {
	if x == 0 {
		return ""
	}
	return number(x)
}

func joinIDs(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ";"
		}
		s += id
	}
	return s
}
