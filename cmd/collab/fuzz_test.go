package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/formats/dot"

	"collab/analysis"
	"collab/output"
	"collab/spatial"
)

// FuzzAnalyze runs the whole analyze path, from a dataset file to every
// output format, on small regions decoded from the fuzz input (fuzzStudy):
// no input may panic; the study either fails with a parameter error or
// "every score is 0", or its results marshal as JSON without NaN or Inf and
// every writer's output parses as its format.
//
//	go test ./cmd/collab -run XXX -fuzz '^FuzzAnalyze$' -fuzztime 1m
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 10, 20, 3, 1, 2, 200, 30, 5, 2, 0, 90, 40, 7, 3, 0, 91, 41, 7, 3, 0})
	f.Add([]byte("\x03\x15\x21\x46\x01abcdeABCDEfghijFGHIJ0123456789klmnoKLMNO"))
	f.Add([]byte("\x8d\x37\x05\xff\x33\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Add([]byte("\x1e\x03\x02\x10\x02\x80\x80\x41\x11\x00\x80\x80\x42\x22\x01\x81\x80\x43\x33\x02\x7f\x7f\x44\x44\x03"))
	f.Fuzz(func(t *testing.T, in []byte) {
		src, p, o, err := fuzzStudy(in)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := readData("fuzz.json", src)
		if err != nil {
			return // the readers have fuzz targets of their own
		}
		res, err := analysis.Run(context.Background(), ds, p)
		var param *analysis.ParameterError
		switch {
		case errors.As(err, &param), errors.Is(err, analysis.ErrNoMean):
			return
		case err != nil:
			t.Fatalf("analysis: %v\n%s", err, src)
		}
		checkOutputs(t, res, o, src)
	})
}

// checkOutputs writes res in every format and parses each.
func checkOutputs(t *testing.T, res *analysis.Result, o outputs, src []byte) {
	for _, format := range formats {
		var buf bytes.Buffer
		var param *analysis.ParameterError
		err := o.writer(format, res)(&buf)
		if errors.As(err, &param) {
			continue // --color names a measure the study left out
		}
		if err != nil {
			t.Fatalf("%s: %v\n%s", format, err, src)
		}
		if err := parses(format, buf.Bytes()); err != nil {
			t.Fatalf("%s: %v\n%s\n%s", format, err, src, buf.Bytes())
		}
	}
}

// parses checks that out is well-formed in format, and that JSON holds no
// NaN or infinity (encoding/json refuses them; a writer of its own might
// not).
func parses(format string, out []byte) error {
	switch format {
	case "json", "geojson", "geojson-points", "geojson-links", "geojson-belts", "geojson-sectors":
		var v any
		if err := json.Unmarshal(out, &v); err != nil {
			return err
		}
		if bytes.Contains(out, []byte("NaN")) || bytes.Contains(out, []byte("Inf")) {
			return fmt.Errorf("NaN or Inf in %s", format)
		}
	case "csv", "links-csv":
		_, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		return err
	case "dot":
		_, err := dot.ParseBytes(out)
		return err
	case "svg":
		_, err := xmlTextsOf(out)
		return err
	case "text", "markdown":
		if i := rawControl(string(out)); i >= 0 {
			return fmt.Errorf("a raw control or bidirectional character at byte %d of the report", i)
		}
	}
	return nil
}

// Tables of values the decoder picks from: ordinary ones and the extremes
// a spreadsheet can hold.
var (
	fuzzScores = []float64{0, 1, 2, 3, 7, 0.5, 100, 1234.5678, 1e-6, 1e6, 1e-300, 5e-324, 1e150, 1e300, math.MaxFloat64, 42}
	fuzzNames  = []string{"", "Shanghai", "苏州", `Q"uote\ <b>&`, "<script>alert(1)</script>", "new\nline", "\u202eevil", "tab\there",
		"a;b,c", "'single'", "\\N", "{curly}", "&amp;", "\x7f", strings.Repeat("long", 300), "]]>"}
	fuzzWeights = []string{"auto", "contiguity", "knn:%d", "band:%d", "delaunay", "knn:%d", "band:%d", "auto"}
	fuzzBands   = []float64{1e-3, 1, 10, 50, 100, 300, 1000, 5000, 20037}
	fuzzBetas   = []float64{2, 1, 0.5, 10, 1e-3, 3}
	fuzzDecays  = []string{"exp:100", "exp:1", "exp:1e6", "power:1", "power:2", "power:10", "exp:1e-300", "power:1e6"}
	fuzzTiers   = []string{"ratio:5,1,0.5", "ratio:1", "ratio:1e9,1e-9", "ratio:2,1.5,1,0.5,0.25"}
	fuzzColors  = []string{"tier", "province", "component", "community", "quadrant", "lisa_cluster", "role", "tier"}
)

// fuzzStudy decodes fuzz bytes into a dataset in collab's JSON format
// (at most 40 cities), the study's parameters and the map options. Five
// header bytes choose the parameters; then five bytes make each city:
// latitude, longitude, score (a table index and a name), a neighbour and
// a link, and a second year's score for a panel.
func fuzzStudy(in []byte) ([]byte, analysis.Parameters, outputs, error) {
	const header, perCity, maxCities = 5, 5, 40
	h := make([]byte, header)
	copy(h, in)
	body := in[min(len(in), header):]
	n := min(len(body)/perCity, maxCities)

	p := analysis.DefaultParameters()
	p.Edges = []analysis.Edges{"auto", "gravity", "links", "both"}[h[0]&3]
	p.Directed = h[0]&4 != 0
	panel := h[0]&8 != 0
	weights := fuzzWeights[h[0]>>4&7]
	if strings.Contains(weights, "knn") {
		weights = fmt.Sprintf(weights, 1+int(h[1]&15))
		p.Symmetric = h[1]&16 != 0
	} else if strings.Contains(weights, "band") {
		weights = fmt.Sprintf("band:%g", fuzzBands[int(h[1]&15)%len(fuzzBands)])
	}
	p.Weights, _ = analysis.ParseWeights(weights)
	if h[0]&128 != 0 {
		p.Standardize = "binary"
	}
	p.FDR = h[1]&32 != 0
	p.Skip = map[byte][]analysis.Stage{0: {}, 1: {"network"}, 2: {"spatial"}, 3: {"network", "spatial"}}[h[1]>>6]
	p.Beta = fuzzBetas[int(h[2]&7)%len(fuzzBetas)]
	p.Decay, _ = spatial.ParseDecay(fuzzDecays[h[2]>>3&7])
	p.FullBelow = []int{300, 0, 5, 10}[h[3]&3]
	p.Keep = 1 + int(h[3]>>2&7)
	p.Communities = 1 + int(h[3]>>5&1)
	p.Resolution = []float64{1, 0.01, 5, 1e6}[h[3]>>6]
	p.Tiers, _ = analysis.ParseTiers(fuzzTiers[h[4]&3])
	p.SectorKm = []float64{250, 1e-3, 50, 2e4}[h[4]>>2&3]
	p.Latecomers = int(h[4] >> 4 & 3)
	p.Permutations = []int{19, 0, 99, 1}[h[4]>>6]
	p.Seed = uint64(h[2])
	o := outputs{report: output.Options{Top: 1 + int(h[1]&7), Width: []int{0, 40, 80, 200}[h[3]>>6], Names: flagName},
		maps: output.MapOptions{Color: fuzzColors[h[2]>>5], TopLinks: []output.TopLinks{0, output.AllLinks, 1, 3}[h[4]>>6]}}

	type city struct {
		ID        string             `json:"id"`
		Name      string             `json:"name"`
		Province  string             `json:"province"`
		Lat       float64            `json:"lat"`
		Lon       float64            `json:"lon"`
		Score     *float64           `json:"score,omitempty"`
		Scores    map[string]float64 `json:"scores,omitempty"`
		Neighbors []string           `json:"neighbors,omitempty"`
	}
	type link struct {
		Source string  `json:"source"`
		Target string  `json:"target"`
		Weight float64 `json:"weight"`
	}
	cities := make([]city, n)
	var links []link
	seen := map[[2]int]bool{}
	for i := range cities {
		b := body[i*perCity : (i+1)*perCity]
		score := fuzzScores[b[2]&15]
		c := city{ID: fmt.Sprintf("c%d", i), Name: fuzzNames[b[2]>>4], Province: fuzzNames[b[3]&15],
			Lat: float64(int(b[0])-128) * 0.703125, Lon: float64(int(b[1])-128) * 1.40625}
		if b[0] == 0 && i > 0 { // a city on top of the one before it
			c.Lat, c.Lon = cities[i-1].Lat, cities[i-1].Lon
		}
		if panel {
			c.Scores = map[string]float64{"2001": fuzzScores[b[4]&15], "2021": score}
		} else {
			c.Score = &score
		}
		if j := (i + 1 + int(b[3]>>4)) % max(n, 1); j != i {
			c.Neighbors = []string{fmt.Sprintf("c%d", j)}
		}
		if j := (i + 1 + int(b[4]>>4)) % max(n, 1); j != i && b[4]&15 != 0 {
			key := [2]int{min(i, j), max(i, j)}
			if p.Directed {
				key = [2]int{i, j}
			}
			if !seen[key] {
				seen[key] = true
				links = append(links, link{c.ID, fmt.Sprintf("c%d", j), fuzzScores[b[4]&15]})
			}
		}
		cities[i] = c
	}
	ds := map[string]any{"name": fuzzNames[h[4]&15], "cities": cities, "directed": p.Directed}
	if links != nil {
		ds["links"] = links
	}
	src, err := json.Marshal(ds)
	return src, p, o, err
}
