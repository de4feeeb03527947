package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
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

// flattenObject splits a compact JSON object, as encoding/json writes it,
// into its members in order, descending into nested objects. It scans the
// text rather than decoding it: a decoder per city costs ten times more.
func flattenObject(raw json.RawMessage, prefix string, out []field) ([]field, error) {
	if len(raw) < 2 || raw[0] != '{' {
		return nil, fmt.Errorf("flatten: %.20s is not an object", raw)
	}
	for i := 1; i < len(raw)-1; {
		end := valueEnd(raw, i)
		key := string(raw[i+1 : end-1])
		if bytes.IndexByte(raw[i:end], '\\') >= 0 {
			if err := json.Unmarshal(raw[i:end], &key); err != nil {
				return nil, fmt.Errorf("flatten: bad key at %d: %w", i, err)
			}
		}
		start := end + 1 // past the colon
		end = valueEnd(raw, start)
		value := raw[start:end:end]
		if value[0] == '{' {
			var err error
			if out, err = flattenObject(value, prefix+key+".", out); err != nil {
				return nil, err
			}
		} else {
			out = append(out, field{key: prefix + key, value: value})
		}
		i = end + 1 // past the comma
	}
	return out, nil
}

// valueEnd returns the index just past the JSON value starting at raw[i]:
// a string, an object or array (nesting counted, strings skipped), or a
// number or literal (up to the next comma or closing bracket).
func valueEnd(raw []byte, i int) int {
	depth := 0
	for j := i; j < len(raw); j++ {
		switch raw[j] {
		case '"':
			j = stringEnd(raw, j)
			if depth == 0 {
				return j + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return j
			}
			if depth--; depth == 0 {
				return j + 1
			}
		case ',', ':':
			if depth == 0 {
				return j
			}
		}
	}
	return len(raw)
}

// stringEnd returns the index of the closing quote of the string that
// opens at raw[i].
func stringEnd(raw []byte, i int) int {
	for j := i + 1; j < len(raw); j++ {
		switch raw[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return len(raw)
}

// records flattens every item and returns the union of their keys (those of
// the type's zero value first, then any others in order of appearance), and each item's values by column (nil where an item
// lacks a key, as a nil pointer's nested object does).
func records[T any](items []T) (columns []string, rows [][]json.RawMessage, err error) {
	flat := make([][]field, len(items))
	present := map[string]bool{}
	for i := range items {
		if flat[i], err = flatten(&items[i]); err != nil {
			return nil, nil, err
		}
		for _, f := range flat[i] {
			present[f.key] = true
		}
	}
	// The zero item with every part present gives the columns their order,
	// and an empty list its header; parts a study skipped have no column.
	order, err := flatten(everyPart[T]())
	if err != nil {
		return nil, nil, err
	}
	index := map[string]int{}
	add := func(key string) {
		if _, ok := index[key]; !ok {
			index[key] = len(columns)
			columns = append(columns, key)
		}
	}
	for _, f := range order {
		if present[f.key] || len(items) == 0 {
			add(f.key)
		}
	}
	for _, fields := range flat { // keys no zero value shows, such as a nested pointer's
		for _, f := range fields {
			add(f.key)
		}
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
	if !strings.ContainsFunc(s, needsJSONEscape) {
		return `"` + s + `"` // the common case, without an encoder
	}
	raw, err := marshal(s)
	if err != nil { // cannot happen for a string
		return strconv.Quote(s)
	}
	return string(raw)
}

func needsJSONEscape(r rune) bool {
	return r < 0x20 || r == '"' || r == '\\' || r == utf8.RuneError || r == '\u2028' || r == '\u2029'
}

// everyPart returns a zero T whose embedded pointer parts (the measures of
// stages a study may skip, such as *analysis.Centrality) are allocated, so
// that its JSON form lists every key the results can hold, in order.
func everyPart[T any]() *T {
	var zero T
	v := reflect.ValueOf(&zero).Elem()
	if v.Kind() == reflect.Struct {
		for i := range v.NumField() {
			if f := v.Field(i); v.Type().Field(i).Anonymous && f.Kind() == reflect.Pointer && f.IsNil() {
				f.Set(reflect.New(f.Type().Elem()))
			}
		}
	}
	return &zero
}
