package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures in testdata")

// TestFixtures keeps testdata/*.csv and *.geojson equal to what the writers
// below make of the JSON originals (go test ./data -run TestFixtures
// -update rewrites them): the embedded sample as CSV and as GeoJSON points,
// and the Florentine families (cmd/collab/testdata) as a cities CSV and a
// links CSV. cmd/collab's tests check that each gives the same results as
// its JSON original.
func TestFixtures(t *testing.T) {
	sample, err := readBytes(SampleName, Sample())
	if err != nil {
		t.Fatal(err)
	}
	florentine, err := loadFile("../cmd/collab/testdata/florentine.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string][]byte{
		"yrd.csv":              writeCitiesCSV(sample, ','),
		"yrd.geojson":          writePointsGeoJSON(sample),
		"florentine.tsv":       writeCitiesCSV(florentine, '\t'),
		"florentine-links.csv": writeLinksCSV(florentine),
	} {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, content) {
			t.Errorf("%s is missing or differs from its generator (go test ./data -run TestFixtures -update): %v", path, err)
		}
	}
}

// num writes a number in the shortest form that reads back exactly.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// writeCitiesCSV writes the cities as CSV: panel scores as score_YYYY columns,
// neighbours separated by semicolons.
func writeCitiesCSV(ds *Dataset, delim rune) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = delim
	header := []string{"id", "name", "name_local", "province", "lat", "lon", "population"}
	header = append(header, scoreColumns(ds)...)
	w.Write(append(header, "neighbors"))
	for _, c := range ds.Cities {
		row := []string{c.ID, c.Name, c.NameLocal, c.Province, num(c.Lat), num(c.Lon), num(c.Population)}
		for _, s := range c.Scores {
			row = append(row, num(s))
		}
		w.Write(append(row, strings.Join(c.Neighbors, ";")))
	}
	w.Flush()
	return b.Bytes()
}

func scoreColumns(ds *Dataset) []string {
	if len(ds.Years) == 0 {
		return []string{"score"}
	}
	var cols []string
	for _, y := range ds.Years {
		cols = append(cols, "score_"+strconv.Itoa(y))
	}
	return cols
}

func writeLinksCSV(ds *Dataset) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"source", "target", "weight", "kind"})
	for _, l := range ds.Links {
		w.Write([]string{l.Source, l.Target, num(l.Weight), l.Kind})
	}
	w.Flush()
	return b.Bytes()
}

// writePointsGeoJSON writes the dataset as a FeatureCollection of Points whose
// properties are the city's fields, with the dataset's name, description,
// score label and notes as members of the collection.
func writePointsGeoJSON(ds *Dataset) []byte {
	var b bytes.Buffer
	str := func(s string) string { j, _ := json.Marshal(s); return string(j) }
	b.WriteString(`{"type": "FeatureCollection", "name": ` + str(ds.Name) + `, "description": ` + str(ds.Description) +
		`, "score_label": ` + str(ds.ScoreLabel) + ",\n \"notes\": [")
	for i, n := range ds.Notes {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(str(n))
	}
	b.WriteString("],\n \"features\": [\n")
	cols := scoreColumns(ds)
	for i, c := range ds.Cities {
		b.WriteString(`  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [` + num(c.Lon) + ", " + num(c.Lat) + "]},\n")
		b.WriteString(`   "properties": {"id": ` + str(c.ID) + `, "name": ` + str(c.Name) + `, "name_local": ` + str(c.NameLocal) +
			`, "province": ` + str(c.Province) + `, "population": ` + num(c.Population))
		for k, s := range c.Scores {
			b.WriteString(", " + str(cols[k]) + ": " + num(s))
		}
		nb, _ := json.Marshal(c.Neighbors)
		b.WriteString(`, "neighbors": ` + string(nb) + "}}")
		if i < len(ds.Cities)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(" ]\n}\n")
	return b.Bytes()
}
