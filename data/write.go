package data

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"runtime"
	"strconv"
	"sync"
)

// WriteJSON writes ds in collab's JSON format, which Read reads back to
// the same dataset: cities with their scores ("score", or "scores" by
// year), sizes, neighbours and variables (by year in a panel), links and
// the dataset's names and notes. Boundaries are not part of the format and
// are not written (the cities keep their centroids). Numbers are written
// in the shortest form that reads back to the same float64. One city or
// link a line.
//
// The cities, most of the bytes, are formatted without reflection
// (appendCity writes what encoding/json would, see jsonString and
// jsonFloat), in blocks of jsonBlock cities spread over GOMAXPROCS
// goroutines and written in order, so that the bytes do not depend on the
// number of processors.
func WriteJSON(w io.Writer, ds *Dataset) error {
	bw := bufio.NewWriterSize(w, 1<<16)
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
	if err := writeCities(bw, ds); err != nil {
		return err
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

// jsonBlock is how many cities one goroutine formats at a time: enough
// to make a goroutine worth its start, few enough to keep the buffers of
// the blocks in flight small (about 1 MB each for 20 years of 10
// variables).
const jsonBlock = 256

// writeCities writes the cities separated by ",\n", formatting up to
// GOMAXPROCS blocks at once and writing them in order.
func writeCities(w io.Writer, ds *Dataset) error {
	keys := make([][]byte, len(ds.VariableNames)) // each variable's "name":
	for i, name := range ds.VariableNames {
		k, err := jsonString(nil, name)
		if err != nil {
			return err
		}
		keys[i] = append(k, ':')
	}
	blocks := (len(ds.Cities) + jsonBlock - 1) / jsonBlock
	workers := max(1, min(runtime.GOMAXPROCS(0), blocks))
	bufs := make([][]byte, workers)
	errs := make([]error, workers)
	for first := 0; first < blocks; first += workers {
		var wg sync.WaitGroup
		for k := range min(workers, blocks-first) {
			wg.Go(func() {
				bufs[k], errs[k] = appendBlock(bufs[k][:0], ds, keys, first+k)
			})
		}
		wg.Wait()
		for k := range min(workers, blocks-first) {
			if errs[k] != nil {
				return errs[k]
			}
			if _, err := w.Write(bufs[k]); err != nil {
				return err
			}
		}
	}
	return nil
}

// appendBlock appends the cities of block k, each but the very first
// after ",\n".
func appendBlock(b []byte, ds *Dataset, keys [][]byte, k int) ([]byte, error) {
	var err error
	for i := k * jsonBlock; i < min(len(ds.Cities), (k+1)*jsonBlock); i++ {
		if i > 0 {
			b = append(b, ',', '\n')
		}
		if b, err = appendCity(b, ds, keys, &ds.Cities[i]); err != nil {
			return b, err
		}
	}
	return b, nil
}

// appendCity appends city c as a JSON object to b: the fields in the
// order and with the omissions encoding/json gives the struct
//
//	ID string `json:"id"`; Name, NameLocal, Province string
//	`json:"name,omitempty"` ...; Lat, Lon float64; Population, GDP
//	float64 `json:",omitempty"`; Neighbors []string `json:",omitempty"`
//
// (a name equal to the id is left out, as Read fills it in), then the
// scores and the variables, in the order of the years and of
// VariableNames (a map would be written sorted, and read back in another
// order), keys[j] being variable j's quoted name and a colon.
func appendCity(b []byte, ds *Dataset, keys [][]byte, c *City) ([]byte, error) {
	var err error
	name := c.Name
	if name == c.ID {
		name = ""
	}
	b = append(b, `{"id":`...)
	if b, err = jsonString(b, c.ID); err != nil {
		return b, err
	}
	for _, f := range []struct{ key, value string }{{`,"name":`, name}, {`,"name_local":`, c.NameLocal}, {`,"province":`, c.Province}} {
		if f.value != "" {
			if b, err = jsonString(append(b, f.key...), f.value); err != nil {
				return b, err
			}
		}
	}
	for _, f := range []struct {
		key   string
		value float64
		omit  bool
	}{{`,"lat":`, c.Lat, false}, {`,"lon":`, c.Lon, false}, {`,"population":`, c.Population, true}, {`,"gdp":`, c.GDP, true}} {
		if f.omit && f.value == 0 {
			continue
		}
		if b, err = jsonFloat(append(b, f.key...), f.value); err != nil {
			return b, err
		}
	}
	if len(c.Neighbors) > 0 {
		b = append(b, `,"neighbors":[`...)
		for i, id := range c.Neighbors {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = jsonString(b, id); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	}
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
			b = append(b, keys[i]...)
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

// jsonString appends s quoted as encoding/json quotes it. A string of
// printable ASCII other than the quote, the backslash and the HTML
// characters <, > and & (which encoding/json escapes) is copied between
// quotes; any other string goes through encoding/json itself, so that
// controls, U+2028, U+2029 and invalid UTF-8 come out as it writes them.
func jsonString(b []byte, s string) ([]byte, error) {
	for i := range len(s) {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, err := json.Marshal(s)
			return append(b, q...), err
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), nil
}

// jsonFloat appends x as encoding/json writes a float64: the shortest
// decimal that reads back as x, in plain notation for 1e-6 <= |x| < 1e21
// (and 0) and in exponent notation otherwise, with a one-digit negative
// exponent not padded (1e-07 becomes 1e-7). NaN and the infinities are
// refused with encoding/json's error.
func jsonFloat(b []byte, x float64) ([]byte, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		_, err := json.Marshal(x)
		return b, err
	}
	format := byte('f')
	if abs := math.Abs(x); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, x, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
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
