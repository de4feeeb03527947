package output

import (
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"collab/analysis"
)

// largeResult is a result of n cities and 4n links, built directly (the
// writers do not care how it was found): the size of all China's counties.
func largeResult(n int) *analysis.Result {
	rng := rand.New(rand.NewPCG(1, 2))
	r := &analysis.Result{Cities: make([]analysis.City, n), Links: make([]analysis.Link, 4*n)}
	r.Summary.Tiers = []analysis.Tier{{Tier: 1, Range: ">= 5x mean"}, {Tier: 2, Range: "1-5x mean"}, {Tier: 3, Range: "0.5-1x mean"}, {Tier: 4, Range: "< 0.5x mean"}}
	for i := range r.Cities {
		c := &r.Cities[i]
		c.ID, c.Name, c.Province = fmt.Sprintf("c%05d", i), fmt.Sprintf("City %d", i), fmt.Sprintf("P%d", i%30)
		c.Lat, c.Lon, c.Score = 20+25*rng.Float64(), 90+35*rng.Float64(), rng.ExpFloat64()*10
		c.Tier = 1 + rng.IntN(4)
		c.Centrality = &analysis.Centrality{Betweenness: rng.Float64(), PageRank: rng.Float64() / float64(n)}
	}
	for k := range r.Links {
		a, b := rng.IntN(n), rng.IntN(n)
		r.Links[k] = analysis.Link{Source: r.Cities[a].ID, Target: r.Cities[b].ID, DistanceKm: 100 * rng.Float64(), Weight: rng.ExpFloat64()}
	}
	return r
}

// BenchmarkWriters times each writer on 20,000 cities and 80,000 links
// (the maps draw the 40,000 strongest).
func BenchmarkWriters(b *testing.B) {
	r := largeResult(20000)
	for _, w := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"DOT", func(w io.Writer) error { return DOT(w, r, MapOptions{}) }},
		{"SVG", func(w io.Writer) error { return SVG(w, r, MapOptions{}) }},
		{"GeoJSON", func(w io.Writer) error { return GeoJSON(w, r, MapOptions{}) }},
		{"CitiesCSV", func(w io.Writer) error { return CitiesCSV(w, r) }},
		{"LinksCSV", func(w io.Writer) error { return LinksCSV(w, r) }},
		{"JSON", func(w io.Writer) error { return JSON(w, r) }},
		{"GEXF", func(w io.Writer) error { return GEXF(w, r, MapOptions{}) }},
		{"GraphML", func(w io.Writer) error { return GraphML(w, r, MapOptions{}) }},
		{"Pajek", func(w io.Writer) error { return Pajek(w, r) }},
		{"GephiNodes", func(w io.Writer) error { return GephiNodes(w, r) }},
		{"GephiEdges", func(w io.Writer) error { return GephiEdges(w, r) }},
		{"MoranSVG", func(w io.Writer) error { return MoranSVG(w, r) }},
		{"LorenzSVG", func(w io.Writer) error { return LorenzSVG(w, r) }},
		{"HTML", func(w io.Writer) error { return HTML(w, r, Options{}, MapOptions{}) }},
		{"LaTeX", func(w io.Writer) error { return LaTeX(w, r) }},
	} {
		b.Run(w.name, func(b *testing.B) {
			var n countWriter
			for b.Loop() {
				n = 0
				if err := w.write(&n); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/1e6, "MB")
		})
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
