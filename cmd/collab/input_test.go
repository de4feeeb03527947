package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// results runs collab analyze --format json and decodes the results.
func results(t *testing.T, stdin string, args ...string) map[string]any {
	t.Helper()
	stdout, stderr, code := invoke(t, stdin, append([]string{"analyze", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("collab analyze %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// withoutDataset removes the keys of results.json's dataset that name the
// input rather than describe the results: its source (the file name) and,
// for CSV, which has no place for them, the dataset's name, score label and
// notes.
func withoutDataset(doc map[string]any, keys ...string) map[string]any {
	ds := doc["dataset"].(map[string]any)
	for _, k := range append(keys, "source") {
		delete(ds, k)
	}
	return doc
}

// TestSameResultsFromEveryFormat is the sample as CSV and as GeoJSON points
// (data/testdata, written from the sample by data's TestFixtures), from
// files and from standard input: every result equals the JSON original's.
func TestSameResultsFromEveryFormat(t *testing.T) {
	want := results(t, "")
	csvOnly := []string{"name", "score_label", "notes"}
	csvText, _ := os.ReadFile("../../data/testdata/yrd.csv")
	geoText, _ := os.ReadFile("../../data/testdata/yrd.geojson")
	for _, c := range []struct {
		name    string
		stdin   string
		args    []string
		dropped []string
	}{
		{"CSV", "", []string{"../../data/testdata/yrd.csv"}, csvOnly},
		{"GeoJSON points", "", []string{"../../data/testdata/yrd.geojson"}, nil},
		{"CSV on stdin", string(csvText), []string{"-"}, csvOnly},
		{"GeoJSON on stdin", string(geoText), []string{"-"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := withoutDataset(results(t, c.stdin, c.args...), c.dropped...)
			if !reflect.DeepEqual(got, withoutDataset(results(t, ""), c.dropped...)) {
				t.Errorf("results differ from the JSON original's")
			}
		})
	}
	if name := want["dataset"].(map[string]any)["name"]; name != "Yangtze River Delta" {
		t.Errorf("dataset name %v", name)
	}
	geo := results(t, "", "../../data/testdata/yrd.geojson")["dataset"].(map[string]any)
	if geo["name"] != "Yangtze River Delta" || geo["score_label"] != "Innovation index (calibrated sample)" {
		t.Errorf("GeoJSON lost the dataset's name or score label: %v", geo)
	}
}

// TestLinksFile reads the Florentine families as a tab-separated cities file
// and a links CSV: the same network as the JSON original.
func TestLinksFile(t *testing.T) {
	want := withoutDataset(results(t, "", "testdata/florentine.json"), "name", "score_label", "notes")
	got := withoutDataset(results(t, "", "../../data/testdata/florentine.tsv", "--links", "../../data/testdata/florentine-links.csv"), "name", "score_label", "notes")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("results from the TSV and links CSV differ from florentine.json's")
	}
}

// TestMalformedInputs: each kind of malformed file gives exit code 3 and a
// message with its place (file:line:column) and what would be valid.
func TestMalformedInputs(t *testing.T) {
	const header = "id,name,lat,lon,score\n"
	square := func(ring string) string {
		return `{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"id": "a", "score": 1}, "geometry": {"type": "Polygon", "coordinates": [` + ring + `]}},
  {"type": "Feature", "properties": {"id": "b", "score": 2}, "geometry": {"type": "Point", "coordinates": [120.5, 31]}},
  {"type": "Feature", "properties": {"id": "c", "score": 3}, "geometry": {"type": "Point", "coordinates": [120.6, 31]}}]}`
	}
	for _, c := range []struct {
		name, file, content string
		want                []string
	}{
		{"bad quotes", "c.csv", header + "a,\"Suzhou\" x,31.3,120.6,1\nb,B,31,120,2\nc,\"Taizhou,31,121,3\n",
			[]string{`c.csv:2:10: row 1: a quoted field is not closed, or a quote in it is not doubled`, `c.csv:4:21: row 3: a quoted field is not closed`}},
		{"bare quote", "c.csv", header + "a,Su\"zhou,31.3,120.6,1\nb,B,31,120,2\nc,C,31,121,3\n",
			[]string{`c.csv:2:5: row 1: a quote (") inside a field that does not start with one`}},
		{"wrong column count", "c.csv", header + "a,Suzhou, Jiangsu,31.3,120.6,1\nb,B,31,120,2\nc,C,31,121\n",
			[]string{`c.csv:2:1: row 1: has 6 fields; the header has 5 columns`, `c.csv:4:1: row 3: has 4 fields; the header has 5 columns`}},
		{"missing header", "c.csv", "a,A,31.3,120.6,1\nb,B,31,120,2\nc,C,31,121,3\n",
			[]string{`c.csv:1:5: header: the first line must be a header naming the columns, such as id,lat,lon,score; this one looks like data ("31.3" is a number)`}},
		{"non-numeric score", "c.csv", header + "a,A,31.3,120.6,1\nb,B,31,120,n/a\nc,C,31,121,3\n",
			[]string{`c.csv:3:12: row 2, score: "n/a" is not a number (scores are numbers >= 0)`}},
		{"invalid geometry", "g.geojson", strings.Replace(square(`[[120, 31], [120.1, 31], [120.1, 31.1], [120, 31]]`), `"Point", "coordinates": [120.5, 31]`, `"LineString", "coordinates": [[120.5, 31], [121, 31]]`, 1),
			[]string{`g.geojson:3:74: features[1].geometry: geometry type "LineString" cannot place a city; use Point, Polygon or MultiPolygon`}},
		{"unclosed ring", "g.geojson", square(`[[120, 31], [120.1, 31], [120.1, 31.1], [120, 31.1]]`),
			[]string{`g.geojson:2:150: features[0].geometry.coordinates[0][3]: the ring is not closed: its last position [120, 31.1] must repeat its first [120, 31]`}},
		{"ring of 3 positions", "g.geojson", square(`[[120, 31], [120.1, 31], [120, 31]]`),
			[]string{`features[0].geometry.coordinates[0]: a ring needs at least 4 positions (3 corners and the first again to close it), not 3`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), c.file)
			if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, cmd := range []string{"validate", "analyze"} {
				stdout, stderr, code := invoke(t, "", cmd, path)
				if code != exitInvalid || stdout != "" {
					t.Errorf("collab %s: exit %d, stdout %q; want exit 3 and nothing on stdout", cmd, code, stdout)
				}
				stderr = strings.ReplaceAll(stderr, path, c.file)
				for _, w := range c.want {
					if !strings.Contains(stderr, w) {
						t.Errorf("collab %s: stderr\n%s\nwant it to contain\n%s", cmd, stderr, w)
					}
				}
			}
		})
	}
}
