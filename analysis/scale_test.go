package analysis

import (
	"context"
	"math"
	"testing"
)

func TestAutoK(t *testing.T) {
	// K = round(sqrt(n)), capped at 6 and n-2, at least 1.
	for _, c := range []struct{ n, k int }{{3, 1}, {4, 2}, {5, 2}, {7, 3}, {11, 3}, {13, 4}, {16, 4}, {30, 5}, {41, 6}, {5000, 6}} {
		if got := autoK(c.n); got != c.k {
			t.Errorf("autoK(%d) = %d, want %d", c.n, got, c.k)
		}
	}
}

func TestAutoSectorKm(t *testing.T) {
	// a third of the span, rounded, capped at 250: the sample's 802 km span
	// gives the cap, the Greater Bay Area's 200 km gives 67.
	for _, c := range []struct{ span, km float64 }{{801.84, 250}, {750, 250}, {749, 250}, {200.4, 67}, {579, 193}, {1, 1}, {0, 1}} {
		if got := autoSectorKm(c.span); got != c.km {
			t.Errorf("autoSectorKm(%g) = %g, want %g", c.span, got, c.km)
		}
	}
}

// TestSampleDefaultsUnchanged: on the sample the rules choose what the
// fixed defaults were (contiguity, as it lists neighbours; 250 km), and
// neither covers most of the region: 11.8% of pairs are neighbours (97 of
// 820) and 39.4% lie within 250 km.
func TestSampleDefaultsUnchanged(t *testing.T) {
	p := DefaultParameters()
	p.Permutations = 0
	res := runSample(t, p)
	if res.Parameters.SectorKm != 250 || res.Parameters.Weights.String() != "contiguity" {
		t.Errorf("sector %g km, weights %s; want 250 and contiguity", res.Parameters.SectorKm, res.Parameters.Weights)
	}
	if math.Abs(res.Scale.SpanKm-801.84) > 0.01 || res.Scale.NeighbourShare > MostOfRegion || res.Scale.SectorShare > MostOfRegion {
		t.Errorf("scale %+v", res.Scale)
	}
	for _, w := range res.Warnings {
		if containsWarning([]string{w}, "most of the region") {
			t.Errorf("warning on the sample: %s", w)
		}
	}
}

// TestGBADefaults: the Greater Bay Area's 11 cities get knn:3 and 67 km
// by default without a coverage warning; knn:6 and 250 km, today's fixed
// values, are warned about: knn:6 makes 40 of its 55 pairs neighbours
// (73%), and every pair lies within 250 km (span 200 km).
func TestGBADefaults(t *testing.T) {
	ds, err := readData("gba.json", gbaJSON())
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParameters()
	p.Permutations, p.Skip = 0, []Stage{"network"}
	res, err := Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Parameters.Weights.String() != "knn:3" || res.Parameters.SectorKm != 67 || len(res.Scale.Chosen) != 2 {
		t.Errorf("weights %s, sector %g km, chosen %+v; want knn:3, 67", res.Parameters.Weights, res.Parameters.SectorKm, res.Scale.Chosen)
	}
	if containsWarning(res.Warnings, "most of the region") {
		t.Errorf("defaults warned about: %q", res.Warnings)
	}
	p.Weights, p.SectorKm = Weights{Kind: "knn", K: 6}, 250
	if res, err = Run(context.Background(), ds, p); err != nil {
		t.Fatal(err)
	}
	if math.Abs(res.Scale.NeighbourShare-shareOfPairs(res)) > 1e-12 || res.Scale.SectorShare != 1 || len(res.Scale.Chosen) != 0 {
		t.Errorf("scale %+v, want sector share 1 and the neighbour share counted from the weights", res.Scale)
	}
	for _, want := range []string{"knn:6 weights make 73% of all pairs", "sector distance of 250 km exceeds the distance between 100% of all pairs"} {
		if !containsWarning(res.Warnings, want) {
			t.Errorf("no warning %q in %q", want, res.Warnings)
		}
	}
}

// shareOfPairs counts the pairs of cities either of which is among the
// other's neighbours, from the cities' neighbour counts under symmetric
// weights: here recomputed by brute force from knn:6.
func shareOfPairs(res *Result) float64 {
	n := len(res.Cities)
	near := make([][]bool, n)
	for i := range near {
		near[i] = make([]bool, n)
	}
	for i, a := range res.Cities {
		type other struct {
			j  int
			km float64
		}
		var others []other
		for j, b := range res.Cities {
			if j != i {
				others = append(others, other{j, haversine(a.Lat, a.Lon, b.Lat, b.Lon)})
			}
		}
		for k := range 6 { // selection of the 6 nearest
			best := k
			for m := k + 1; m < len(others); m++ {
				if others[m].km < others[best].km {
					best = m
				}
			}
			others[k], others[best] = others[best], others[k]
			near[i][others[k].j], near[others[k].j][i] = true, true
		}
	}
	pairs := 0
	for i := range n {
		for j := i + 1; j < n; j++ {
			if near[i][j] {
				pairs++
			}
		}
	}
	return float64(pairs) / float64(n*(n-1)/2)
}

func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	r := math.Pi / 180
	h := math.Pow(math.Sin((lat2-lat1)*r/2), 2) + math.Cos(lat1*r)*math.Cos(lat2*r)*math.Pow(math.Sin((lon2-lon1)*r/2), 2)
	return 2 * 6371.0088 * math.Asin(math.Sqrt(h))
}

// TestBandFromRegion: band without KM is the smallest band that leaves
// no city without a neighbour, rounded up to 0.1 km.
func TestBandFromRegion(t *testing.T) {
	ds, err := readData("gba.json", gbaJSON())
	if err != nil {
		t.Fatal(err)
	}
	w, err := ParseWeights("band")
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParameters()
	p.Weights, p.Permutations, p.Skip = w, 0, []Stage{"network"}
	res, err := Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	// The city farthest from its nearest: brute force over the pairs.
	var worst float64
	for i, a := range res.Cities {
		nearest := math.Inf(1)
		for j, b := range res.Cities {
			if i != j {
				nearest = min(nearest, haversine(a.Lat, a.Lon, b.Lat, b.Lon))
			}
		}
		worst = max(worst, nearest)
	}
	want := math.Ceil(worst*10) / 10
	if res.Parameters.Weights.Km != want || len(res.Weights.Islands) != 0 {
		t.Errorf("band %s, islands %v; want band:%g and none", res.Parameters.Weights, res.Weights.Islands, want)
	}
}

// BenchmarkScale measures the region's span and the share of pairs within
// 250 km on 2,000 cities, the most computed over every pair.
func BenchmarkScale(b *testing.B) {
	ds, err := readData("line.json", func() []byte {
		n := 2000
		lat, lon, score := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range n {
			lat[i], lon[i], score[i] = 20+float64(i%50)*0.2, 110+float64(i/50)*0.2, float64(1+i)
		}
		return pointsJSON(lat, lon, score)
	}())
	if err != nil {
		b.Fatal(err)
	}
	points := ds.Points()
	for b.Loop() {
		_ = span(points)
		_ = shareWithin(points, 250)
	}
}

// TestSpanAndShareByChord: the chord shortcuts give the haversine's
// answers: the largest distance within 1e-6 km and the same count of
// pairs within 100 km, on 300 seeded random cities.
func TestSpanAndShareByChord(t *testing.T) {
	n := 300
	lat, lon := make([]float64, n), make([]float64, n)
	for i := range n {
		lat[i], lon[i] = 25+8*math.Mod(float64(i)*0.6180339887, 1), 110+9*math.Mod(float64(i)*0.4142135623, 1)
	}
	ds, err := readData("grid.json", pointsJSON(lat, lon, lat))
	if err != nil {
		t.Fatal(err)
	}
	var best float64
	within := 0
	for i := range n {
		for j := i + 1; j < n; j++ {
			d := haversine(lat[i], lon[i], lat[j], lon[j])
			best = max(best, d)
			if d <= 100 {
				within++
			}
		}
	}
	points := ds.Points()
	if got := span(points); math.Abs(got-best) > 1e-6 {
		t.Errorf("span %v, haversine %v", got, best)
	}
	if got, want := shareWithin(points, 100), float64(within)/float64(n*(n-1)/2); got != want {
		t.Errorf("share within 100 km %v, haversine %v", got, want)
	}
}
