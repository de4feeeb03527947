package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// field is one key of a flattened JSON object and its value as JSON text.
type field struct {
	key   string
	value json.RawMessage
}

// flatten returns v's JSON form (the results contract's) as a list of
// scalar keys in the order encoding/json writes them: nested objects become
// "outer.inner" keys; arrays stay whole. Per-city and per-link measures added
// to analysis.City or analysis.Link therefore reach the CSV columns and the
// GeoJSON properties without any change here.
func flatten(v any) ([]field, error) {
	raw, err := marshal(v)
	if err != nil {
		return nil, err
	}
	return flattenObject(raw, "", nil)
}

// marshal is json.Marshal without HTML escaping, so that names such as
// "R&D <Hub>" stay readable.
func marshal(v any) (json.RawMessage, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func flattenObject(raw json.RawMessage, prefix string, out []field) ([]field, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // the opening brace
		return nil, err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, ok := tok.(string)
		if !ok {
			return nil, fmt.Errorf("flatten: key %v is not a string", tok)
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, err
		}
		if len(value) > 0 && value[0] == '{' {
			if out, err = flattenObject(value, prefix+key+".", out); err != nil {
				return nil, err
			}
			continue
		}
		out = append(out, field{key: prefix + key, value: value})
	}
	return out, nil
}

// records flattens every item and returns the union of their keys (those of
// the type's zero value first, then any others in order of appearance), and each item's values by column (nil where an item
// lacks a key, as a nil pointer's nested object does).
func records[T any](items []T) (columns []string, rows [][]json.RawMessage, err error) {
	index := map[string]int{}
	addColumns := func(fields []field) {
		for _, f := range fields {
			if _, ok := index[f.key]; !ok {
				index[f.key] = len(columns)
				columns = append(columns, f.key)
			}
		}
	}
	// The zero item gives the columns their order, and an empty list its
	// header.
	var zero T
	fields, err := flatten(&zero)
	if err != nil {
		return nil, nil, err
	}
	addColumns(fields)
	flat := make([][]field, len(items))
	for i := range items {
		if flat[i], err = flatten(&items[i]); err != nil {
			return nil, nil, err
		}
		addColumns(flat[i])
	}
	rows = make([][]json.RawMessage, len(items))
	for i, fields := range flat {
		rows[i] = make([]json.RawMessage, len(columns))
		for _, f := range fields {
			rows[i][index[f.key]] = f.value
		}
	}
	return columns, rows, nil
}

// cell is a JSON value as spreadsheet text: a string unquoted, a number or
// boolean as written, null or absent empty, an array as its JSON text.
func cell(v json.RawMessage) string {
	switch {
	case len(v) == 0 || string(v) == "null":
		return ""
	case v[0] == '"':
		var s string
		if err := json.Unmarshal(v, &s); err == nil {
			return s
		}
	}
	return string(v)
}

// jsonString is s as a JSON string literal, without HTML escaping.
func jsonString(s string) string {
	raw, err := marshal(s)
	if err != nil { // cannot happen for a string
		return strconv.Quote(s)
	}
	return string(raw)
}
