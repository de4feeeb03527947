package data

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// treeDecode is what the tree reader alone makes of src: the dataset before
// validation and the problems and missing values it found.
// unplaced lists the cities to be placed.
func treeDecode(t *testing.T, o Options, src []byte) (ds *Dataset, unplaced []int, clean bool) {
	t.Helper()
	root, err := parseTree(src, maxTreeSize)
	if err != nil {
		return nil, nil, false
	}
	r := &jsonReader{file: "f.json", lines: newLineIndex(src), opts: o}
	ds, ok := r.dataset(root)
	if !ok {
		return nil, nil, false
	}
	ds.Input.Format = "JSON"
	return ds, r.unplaced, len(r.problems) == 0 && len(r.missing) == 0
}

// markUnplaced replaces the NaN position of the cities to be placed, which
// reflect.DeepEqual never finds equal, by a mark.
func markUnplaced(ds *Dataset) {
	for i := range ds.Cities {
		if c := &ds.Cities[i]; math.IsNaN(c.Lat) && math.IsNaN(c.Lon) {
			c.Lat, c.Lon = -1000, -1000
		}
	}
}

// checkStreamMatchesTree: whenever the stream decoder reads src, the tree
// reader finds no problem in it and makes the same dataset.
func checkStreamMatchesTree(t *testing.T, o Options, src []byte) (streamed bool) {
	t.Helper()
	if !json.Valid(src) {
		return false
	}
	ds, unplaced, ok := o.decodeStream(src)
	if !ok {
		return false
	}
	tree, treeUnplaced, clean := treeDecode(t, o, src)
	if !clean {
		t.Fatalf("the stream decoder read a file the tree reader has problems with:\n%s", src)
	}
	markUnplaced(ds)
	markUnplaced(tree)
	if !reflect.DeepEqual(ds, tree) {
		t.Fatalf("stream and tree readers differ on\n%s\nstream: %+v\ntree:   %+v", src, ds, tree)
	}
	if !reflect.DeepEqual(unplaced, treeUnplaced) {
		t.Fatalf("cities to place: stream %v, tree %v, on\n%s", unplaced, treeUnplaced, src)
	}
	return true
}

func TestStreamMatchesTree(t *testing.T) {
	sample := Sample()
	placer := placerFunc(nil)
	tests := []struct {
		name     string
		src      string
		o        Options
		streamed bool // the stream decoder reads it (else the tree reader does)
	}{
		{"sample", string(sample), Options{}, true},
		{"every field", `{"name": "n", "description": "d", "score_label": "s", "notes": ["a", "b\u00e9"], "directed": true,
			"cities": [{"id": 310100, "name": "Shang\"hai", "name_local": "上海", "province": "SH", "lat": 31.2, "lon": 121.5, "score": 1e999, "population": 24.9, "gdp": 4.3, "neighbors": ["b", 7]},
			{"id": "b", "lat": -0, "lon": 1, "score": 0}],
			"links": [{"source": "310100", "target": "b", "weight": 2.5, "kind": "k"}, {"source": 1}, {}]}`, Options{}, true},
		{"empty lists", `{"notes": [], "cities": [{"id": "a", "lat": 1, "lon": 2, "score": 3, "neighbors": []}], "links": []}`, Options{}, true},
		{"no cities", `{"cities": []}`, Options{}, true},
		{"panel", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "scores": {"2021": 5, "2001": 1, "2021": 6}}, {"id": "b", "lat": 1, "lon": 2, "scores": {"2001": 2, "2021": 3}}]}`, Options{}, true},
		{"empty panel", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "scores": {}}]}`, Options{}, true},
		{"scores optional, none", `{"cities": [{"id": "a", "lat": 1, "lon": 2}]}`, Options{ScoreOptional: true}, true},
		{"whitespace", " {\n\t\"cities\" :\r\n [ { \"id\" : \"a\" , \"lat\" : 1 , \"lon\" : 2 , \"score\" : 3 } ] } ", Options{}, true},

		{"variables", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": 3, "variables": {"rd": 1}}]}`, Options{}, false},
		{"unknown field", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": 3, "scor": 1}]}`, Options{}, false},
		{"field twice", `{"cities": [{"id": "a", "id": "b", "lat": 1, "lon": 2, "score": 3}]}`, Options{}, false},
		{"escaped key", `{"cities": [{"\u0069d": "a", "lat": 1, "lon": 2, "score": 3}]}`, Options{}, false},
		{"missing id", `{"cities": [{"lat": 1, "lon": 2, "score": 3}]}`, Options{}, false},
		{"missing lon", `{"cities": [{"id": "a", "lat": 1, "score": 3}]}`, Options{}, false},
		{"missing score", `{"cities": [{"id": "a", "lat": 1, "lon": 2}]}`, Options{}, false},
		{"some scores, optional", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": 1}, {"id": "b", "lat": 1, "lon": 2}]}`, Options{ScoreOptional: true}, false},
		{"both forms", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": 1, "scores": {"2001": 1}}]}`, Options{}, false},
		{"mixed forms", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": 1}, {"id": "b", "lat": 1, "lon": 2, "scores": {"2001": 1}}]}`, Options{}, false},
		{"year missing", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "scores": {"2001": 1}}, {"id": "b", "lat": 1, "lon": 2, "scores": {"2021": 1}}]}`, Options{}, false},
		{"not a year", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "scores": {"y2001": 1}}]}`, Options{}, false},
		{"string score", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": "3"}]}`, Options{}, false},
		{"null name", `{"cities": [{"id": "a", "name": null, "lat": 1, "lon": 2, "score": 3}]}`, Options{}, false},
		{"boolean id", `{"cities": [{"id": true, "lat": 1, "lon": 2, "score": 3}]}`, Options{}, false},
		{"city not an object", `{"cities": [[1, 2]]}`, Options{}, false},
		{"no cities field", `{"links": []}`, Options{}, false},
		{"top level array", `[1]`, Options{}, false},
		{"FeatureCollection", `{"type": "FeatureCollection", "features": []}`, Options{}, false},
		{"placer, positions given", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": 3}]}`, Options{Place: placer}, true},
		{"placer, by name", `{"cities": [{"name": "Suzhou", "score": 3}, {"id": "a", "name_local": "苏州", "score": 1}, {"id": "b", "lat": 1, "lon": 2, "score": 3}]}`, Options{Place: placer}, true},
		{"placer, nothing to place by", `{"cities": [{"province": "JS", "score": 3}]}`, Options{Place: placer}, false},
		{"placer, lat alone", `{"cities": [{"id": "a", "lat": 1, "score": 3}]}`, Options{Place: placer}, false},
		{"no placer, no position", `{"cities": [{"id": "a", "score": 3}]}`, Options{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := checkStreamMatchesTree(t, tt.o, []byte(tt.src)); got != tt.streamed {
				t.Errorf("streamed = %v, want %v", got, tt.streamed)
			}
		})
	}
}

// placerFunc is a Placer that is never asked to place a city here.
type placerFunc func(City) (City, error)

func (f placerFunc) Place(c City) (City, error) { return f(c) }

// TestStreamProblemsLocated: a file the stream decoder reads, with problems
// only validation finds, has them at the places the tree reader gives.
func TestStreamProblemsLocated(t *testing.T) {
	src := "{\"cities\": [\n  {\"id\": \"a\", \"lat\": 1, \"lon\": 2, \"score\": 1},\n  {\"id\": \"a\", \"lat\": 95, \"lon\": 2, \"score\": 1}\n],\n\"links\": [{\"source\": \"a\", \"target\": \"nowhere\"}]}"
	if !checkStreamMatchesTree(t, Options{}, []byte(src)) {
		t.Fatal("the stream decoder did not read the file")
	}
	_, err := Read(strings.NewReader(src), "f.json", Options{})
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v, want Problems", err)
	}
	// Columns counted by hand; the last problem is the region's, without
	// a place.
	want := []string{"3:10 cities[1].id", "3:22 cities[1].lat", "5:37 links[0].target", " "}
	var got []string
	for _, p := range ps {
		got = append(got, p.Pos.String()+" "+p.Path)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems at %q, want %q\n%v", got, want, err)
	}
	// The tree reader alone, validating with its own nodes, says the same.
	root, _ := parseTree([]byte(src), maxTreeSize)
	r := &jsonReader{file: "f.json", lines: newLineIndex([]byte(src))}
	ds, _ := r.dataset(root)
	_, treeErr := finish(ds, validate(ds, r))
	if treeErr.Error() != err.Error() {
		t.Errorf("tree reader:\n%v\nstream decoder:\n%v", treeErr, err)
	}
}

// TestStreamReadsSamples: the committed JSON files without problems are
// read by the stream decoder.
func TestStreamReadsSamples(t *testing.T) {
	paths, _ := filepath.Glob("samples/*.json")
	if len(paths) == 0 {
		t.Fatal("no samples/*.json")
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !checkStreamMatchesTree(t, Options{}, src) {
			t.Errorf("%s: read by the tree reader, not streamed", path)
		}
	}
}

func FuzzStreamMatchesTree(f *testing.F) {
	addSeeds(f, ".json")
	f.Add(Sample())
	f.Add([]byte(`{"cities": [{"id": 7, "lat": 1e999, "lon": -0, "scores": {"2001": 1, "2001": 2}}], "links": [{"weight": -1}]}`))
	f.Add([]byte(`{"cities": [{"name": "a", "score": 1}, {"id": "b", "name": "b", "lat": 1, "lon": 2, "score": 1}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkStreamMatchesTree(t, Options{}, src)
		checkStreamMatchesTree(t, Options{Place: placerFunc(nil), ScoreOptional: true}, src)
	})
}
