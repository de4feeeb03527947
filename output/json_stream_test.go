package output

import (
	"bytes"
	"testing"

	"collab/analysis"
)

// TestJSONMatchesWholeEncoding: JSON, which encodes the cities and links
// one at a time, writes the bytes that encoding the whole Result at once
// (writeIndented, an Encoder's SetIndent output) gives; on results without
// cities or links, with empty lists, with names that spell the keys it
// looks for, and on a large one.
func TestJSONMatchesWholeEncoding(t *testing.T) {
	tricky := largeResult(3)
	tricky.Cities[0].Name = `"cities":null,"links":null`
	tricky.Cities[1].Name = "R&D <Hub> {[,:]}"
	tricky.Dataset.Name = `{"links":null}`
	tricky.Warnings = []string{`"cities":null`}
	tests := []struct {
		name string
		r    *analysis.Result
	}{
		{"zero", &analysis.Result{}},
		{"empty lists", &analysis.Result{Cities: []analysis.City{}, Links: []analysis.Link{}}},
		{"cities only", &analysis.Result{Cities: largeResult(2).Cities}},
		{"tricky names", tricky},
		{"large", largeResult(2000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want, got bytes.Buffer
			if err := writeIndented(&want, tt.r); err != nil {
				t.Fatal(err)
			}
			if err := JSON(&got, tt.r); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				i := 0
				for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
					i++
				}
				t.Errorf("differs from byte %d: got %q, want %q", i, got.Bytes()[i:min(got.Len(), i+80)], want.Bytes()[i:min(want.Len(), i+80)])
			}
		})
	}
}
