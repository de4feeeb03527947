package output_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"collab/analysis"
	"collab/data"
	"collab/output"
)

// The whole study as a library, in memory: read a dataset, run the study,
// write the results contract; no file is touched.
func ExampleJSON() {
	src := `{"name": "Four cities", "cities": [
	  {"id": "a", "lat": 31.2, "lon": 121.5, "score": 100},
	  {"id": "b", "lat": 31.3, "lon": 120.6, "score": 40},
	  {"id": "c", "lat": 32.0, "lon": 118.8, "score": 30},
	  {"id": "d", "lat": 30.3, "lon": 120.2, "score": 30}]}`
	ds, err := data.Read(strings.NewReader(src), "four.json", data.Options{})
	if err != nil {
		panic(err)
	}
	p := analysis.DefaultParameters()
	p.Weights, _ = analysis.ParseWeights("knn:2")
	res, err := analysis.Run(context.Background(), ds, p)
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := output.JSON(&buf, res); err != nil {
		panic(err)
	}
	var doc struct {
		Summary struct {
			Mean float64 `json:"mean"`
		} `json:"summary"`
		Parameters struct {
			Weights string `json:"weights"`
		} `json:"parameters"`
		Cities []struct {
			ID   string `json:"id"`
			Tier int    `json:"tier"`
		} `json:"cities"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		panic(err)
	}
	fmt.Println("mean", doc.Summary.Mean, "weights", doc.Parameters.Weights)
	for _, c := range doc.Cities {
		fmt.Println(c.ID, "tier", c.Tier)
	}
	// Output:
	// mean 50 weights knn:2
	// a tier 2
	// b tier 3
	// c tier 3
	// d tier 3
}
