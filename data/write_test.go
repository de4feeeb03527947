package data

import (
	"bytes"
	"reflect"
	"testing"
)

// TestWriteReadsBack: a dataset written as JSON or CSV reads back to the
// same cities, variables and (JSON) links.
func TestWriteReadsBack(t *testing.T) {
	for _, src := range []struct{ name, text string }{
		{"v.json", variablesJSON},
		{"s.json", string(Sample())},
		{"c.csv", "id,lat,lon,rd,gdp_pc\na,1.25,1,-3.5,7\nb,2,2,1e-9,8\nc,3,3,0.1,9\n"},
	} {
		orig, err := readWith(Options{ScoreOptional: true}, src.name, []byte(src.text))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []struct {
			ext   string
			write func(*bytes.Buffer, *Dataset) error
		}{
			{".json", func(b *bytes.Buffer, ds *Dataset) error { return WriteJSON(b, ds) }},
			{".csv", func(b *bytes.Buffer, ds *Dataset) error { return WriteCSV(b, ds) }},
		} {
			var buf bytes.Buffer
			if err := w.write(&buf, orig); err != nil {
				t.Fatal(err)
			}
			back, err := readWith(Options{ScoreOptional: true}, "back"+w.ext, buf.Bytes())
			if err != nil {
				t.Fatalf("%s as %s: %v\n%s", src.name, w.ext, err, buf.String())
			}
			if !reflect.DeepEqual(back.Cities, orig.Cities) || !reflect.DeepEqual(back.Years, orig.Years) || !reflect.DeepEqual(back.VariableNames, orig.VariableNames) {
				t.Errorf("%s as %s: cities differ\n%+v\n%+v", src.name, w.ext, back.Cities[0], orig.Cities[0])
			}
			if w.ext == ".json" && (!reflect.DeepEqual(back.Links, orig.Links) || back.Name != orig.Name || !reflect.DeepEqual(back.Notes, orig.Notes)) {
				t.Errorf("%s as JSON: links or names differ", src.name)
			}
		}
	}
}
