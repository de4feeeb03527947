package data

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// The fuzz targets feed each reader arbitrary bytes through the public
// Options.Read path. No input may panic or hang; a dataset comes back only
// without problems, and then it satisfies everything validation promises;
// an error is a list of located problems (or an option or size error).
// Seeds: the real files of testdata, the broken files of testdata/bad, and
// the corpus in testdata/fuzz/<target> (inputs that once failed).
//
//	go test ./data -run XXX -fuzz '^FuzzReadJSON$' -fuzztime 1m
//	make fuzz    # every target, FUZZTIME each

func FuzzReadJSON(f *testing.F) {
	addSeeds(f, ".json")
	f.Add(Sample())
	f.Add([]byte(`{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": 1}, {"id": 7, "lat": 1e999, "lon": -0, "scores": {"2001": 1}}]}`))
	f.Fuzz(func(t *testing.T, src []byte) { checkRead(t, "f.json", src, nil) })
}

func FuzzReadGeoJSON(f *testing.F) {
	addSeeds(f, ".geojson")
	f.Add([]byte(collection(square("a", 120, 31, "1"), square("b", 120.1, 31, "2"), square("c", 121, 31, "3"))))
	f.Add([]byte(`{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[[[1, 2], [3]]]]}}]}`))
	f.Fuzz(func(t *testing.T, src []byte) { checkRead(t, "f.geojson", src, nil) })
}

// FuzzReadCSV reads a cities file and a links file (given as standard
// input, Options.Links "-").
func FuzzReadCSV(f *testing.F) {
	links, _ := os.ReadFile("testdata/florentine-links.csv")
	for _, src := range seedFiles(f, ".csv", ".tsv") {
		f.Add(src, []byte(nil))
	}
	cities, _ := os.ReadFile("testdata/florentine.tsv")
	f.Add(cities, links)
	f.Add([]byte(citiesCSV), []byte("source,target,weight\n310100,320500,2\n320500,nowhere,x\n"))
	f.Add([]byte("id,lat,lon,score\n\"a\"b,1,2,3\n\"open"), []byte(nil))
	f.Fuzz(func(t *testing.T, src, links []byte) { checkRead(t, "f.csv", src, links) })
}

// seedFiles returns the contents of the files of testdata and testdata/bad
// with one of the extensions.
func seedFiles(f *testing.F, exts ...string) [][]byte {
	var out [][]byte
	for _, dir := range []string{"testdata", "testdata/bad"} {
		for _, ext := range exts {
			paths, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
			for _, p := range paths {
				src, err := os.ReadFile(p)
				if err != nil {
					f.Fatal(err)
				}
				out = append(out, src)
			}
		}
	}
	return out
}

func addSeeds(f *testing.F, ext string) {
	for _, src := range seedFiles(f, ext) {
		f.Add(src)
	}
}

// checkRead reads src as name (with links as the links file when not nil)
// and checks the reader's promises.
func checkRead(t *testing.T, name string, src, links []byte) {
	o := Options{}
	if links != nil {
		o.Links, o.LinksName = bytes.NewReader(links), "links.csv"
	}
	ds, err := Read(bytes.NewReader(src), name, o)
	if (ds == nil) == (err == nil) {
		t.Fatalf("dataset %v and error %v", ds != nil, err)
	}
	if err != nil {
		checkProblems(t, err)
	} else {
		checkDataset(t, ds)
	}
	// A table of indicators, as collab index reads one: no score needed,
	// cities with missing values dropped.
	if links == nil {
		ds, err = Read(bytes.NewReader(src), name, Options{ScoreOptional: true, Missing: MissingDrop})
		if (ds == nil) == (err == nil) {
			t.Fatalf("without a score: dataset %v and error %v", ds != nil, err)
		}
		if err != nil {
			checkProblems(t, err)
		} else {
			checkDataset(t, ds)
		}
	}
}

// checkProblems: an error is a non-empty list of problems, each saying what
// is wrong in a file, or an error about options or size.
func checkProblems(t *testing.T, err error) {
	var problems Problems
	var option *OptionError
	switch {
	case errors.As(err, &problems):
		if len(problems) == 0 {
			t.Fatal("an empty list of problems")
		}
		for _, p := range problems {
			if p.Msg == "" || p.File == "" || p.Pos.Line < 0 || p.Pos.Col < 0 {
				t.Fatalf("problem %#v", p)
			}
		}
	case errors.As(err, &option), errors.Is(err, ErrTooLarge):
	default:
		t.Fatalf("error of type %T: %v", err, err)
	}
}

// checkDataset checks what validation promises of a dataset it accepts.
func checkDataset(t *testing.T, ds *Dataset) {
	if len(ds.Cities) < MinCities {
		t.Fatalf("%d cities accepted", len(ds.Cities))
	}
	ids := map[string]bool{}
	for _, c := range ds.Cities {
		if c.ID == "" || ids[c.ID] {
			t.Fatalf("id %q empty or repeated", c.ID)
		}
		ids[c.ID] = true
		if !(math.Abs(c.Lat) <= 90) || !(math.Abs(c.Lon) <= 180) {
			t.Fatalf("city %q at %g, %g", c.ID, c.Lat, c.Lon)
		}
		for _, name := range ds.VariableNames {
			v := c.Variables[name]
			if len(v) != max(1, len(ds.Years)) {
				t.Fatalf("city %q has %d values of %q for years %v", c.ID, len(v), name, ds.Years)
			}
			for _, x := range v {
				if !(math.Abs(x) <= MaxValue) {
					t.Fatalf("city %q has %s = %g", c.ID, name, x)
				}
			}
		}
		if c.Scores == nil && !hasScores(ds) {
			continue // a table without a score (Options.ScoreOptional)
		}
		if len(c.Scores) != max(1, len(ds.Years)) {
			t.Fatalf("city %q has %d scores for years %v", c.ID, len(c.Scores), ds.Years)
		}
		for _, s := range c.Scores {
			if !(s >= 0 && s <= MaxValue) {
				t.Fatalf("city %q has score %g", c.ID, s)
			}
		}
	}
	for _, c := range ds.Cities {
		for _, nb := range c.Neighbors {
			if !ids[nb] || nb == c.ID {
				t.Fatalf("city %q has neighbour %q", c.ID, nb)
			}
		}
	}
	for _, l := range ds.Links {
		if !ids[l.Source] || !ids[l.Target] || l.Source == l.Target || !(l.Weight >= 0 && l.Weight <= MaxValue) {
			t.Fatalf("link %+v", l)
		}
	}
	for i := 1; i < len(ds.Years); i++ {
		if ds.Years[i] <= ds.Years[i-1] {
			t.Fatalf("years %v", ds.Years)
		}
	}
}
