package data

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
)

// referenceWriteJSON is WriteJSON as it was before it formatted cities in
// parallel without encoding/json (kept to check that the bytes are the
// same): it writes ds in collab's JSON format, which Read reads back to
// the same dataset: cities with their scores ("score", or "scores" by
// year), sizes, neighbours and variables (by year in a panel), links and
// the dataset's names and notes. Boundaries are not part of the format and
// are not written (the cities keep their centroids). Numbers are written
// in the shortest form that reads back to the same float64. One city or
// link a line.
func referenceWriteJSON(w io.Writer, ds *Dataset) error {
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
		if buf, err = referenceAppendCity(buf[:0], ds, c); err != nil {
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
type referenceCityJSON struct {
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
func referenceAppendCity(b []byte, ds *Dataset, c City) ([]byte, error) {
	fields := referenceCityJSON{ID: c.ID, Name: c.Name, NameLocal: c.NameLocal, Province: c.Province, Lat: c.Lat, Lon: c.Lon,
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
		b = referenceAppendByYear(b, ds.Years, c.Scores)
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
				b = referenceAppendByYear(b, ds.Years, v)
			}
		}
		b = append(b, '}')
	}
	return append(b, '}'), nil
}

// appendByYear appends {"2001": v0, "2021": v1, ...}.
func referenceAppendByYear(b []byte, years []int, values []float64) []byte {
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
