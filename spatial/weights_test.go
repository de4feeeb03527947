package spatial

import (
	"collab/geom"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

func rows(w *Weights) string {
	var s []string
	for i := range w.Len() {
		nb, wt := w.Row(i)
		s = append(s, fmt.Sprint(nb, wt))
	}
	return fmt.Sprint(s)
}

func TestContiguity(t *testing.T) {
	// 0 lists 1 twice and 2; 2 lists nobody; 3 is an island.
	w, err := Contiguity([][]int{{1, 2, 1}, {0}, nil, nil})
	if err != nil {
		t.Fatal(err)
	}
	if got := rows(w); got != "[[1 2] [1 1] [0] [1] [0] [1] [] []]" {
		t.Errorf("binary rows %s", got)
	}
	if got := rows(w.Standardize()); got != "[[1 2] [0.5 0.5] [0] [1] [0] [1] [] []]" {
		t.Errorf("row-standardised rows %s", got)
	}
	if got := rows(w.Standardize().Binary()); got != rows(w) {
		t.Errorf("binary of standardised %s", got)
	}
	if w.Links() != 4 || !slices.Equal(w.Islands(), []int{3}) || w.Cardinality(0) != 2 {
		t.Errorf("links %d, islands %v, cardinality %d", w.Links(), w.Islands(), w.Cardinality(0))
	}
	if lag := w.Standardize().Lag([]float64{1, 2, 4, 8}); !slices.Equal(lag, []float64{3, 1, 1, 0}) {
		t.Errorf("lag %v, want [3 1 1 0] (neighbour means, 0 for the island)", lag)
	}
	for _, bad := range [][][]int{{{1}, {5}}, {{0}, nil}, {{-1}, nil}} {
		if _, err := Contiguity(bad); err == nil {
			t.Errorf("Contiguity(%v) gave no error", bad)
		}
	}
}

// TestSums checks S0, S1 and S2 against their definitions summed over
// every pair, on an asymmetric weights matrix (kNN, row-standardised).
func TestSums(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	lat, lon := randomPlaces(rng, 60)
	w, err := KNN(pts(lat, lon), 4)
	if err != nil {
		t.Fatal(err)
	}
	w = w.Standardize()
	n := w.Len()
	dense := make([][]float64, n)
	for i := range dense {
		dense[i] = make([]float64, n)
		nb, wt := w.Row(i)
		for k, j := range nb {
			dense[i][j] = wt[k]
		}
	}
	var s0, s1, s2 float64
	for i := range n {
		var row, col float64
		for j := range n {
			s0 += dense[i][j]
			s1 += (dense[i][j] + dense[j][i]) * (dense[i][j] + dense[j][i]) / 2
			row += dense[i][j]
			col += dense[j][i]
		}
		s2 += (row + col) * (row + col)
	}
	g0, g1, g2 := w.sums()
	if !near(g0, s0, 1e-12) || !near(g1, s1, 1e-12) || !near(g2, s2, 1e-12) {
		t.Errorf("sums %v %v %v, want %v %v %v", g0, g1, g2, s0, s1, s2)
	}
}

func randomPlaces(rng *rand.Rand, n int) (lat, lon []float64) {
	for range n {
		lat = append(lat, 28+rng.Float64()*6)
		lon = append(lon, 115.5+rng.Float64()*7)
	}
	return lat, lon
}

// bruteKNN ranks every other city by haversine distance, ties by index.
func bruteKNN(lat, lon []float64, i, k int) []int {
	var others []int
	for j := range lat {
		if j != i {
			others = append(others, j)
		}
	}
	d := func(j int) float64 {
		return geom.Distance(geom.Point{lon[i], lat[i]}, geom.Point{lon[j], lat[j]})
	}
	sort.SliceStable(others, func(a, b int) bool { return d(others[a]) < d(others[b]) })
	nb := slices.Clone(others[:k])
	slices.Sort(nb)
	return nb
}

// TestKNN compares the kd-tree with a brute-force ranking by great-circle
// distance, on random cities and on a grid full of ties.
func TestKNN(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	lat, lon := randomPlaces(rng, 400)
	var glat, glon []float64
	for i := range 100 {
		glat = append(glat, 30+float64(i/10)*0.1)
		glon = append(glon, 120+float64(i%10)*0.1)
	}
	for _, c := range []struct {
		name     string
		lat, lon []float64
		k        int
	}{{"random", lat, lon, 8}, {"random k=1", lat, lon, 1}, {"grid", glat, glon, 4}, {"grid k=5", glat, glon, 5}} {
		w, err := KNN(pts(c.lat, c.lon), c.k)
		if err != nil {
			t.Fatal(err)
		}
		for i := range c.lat {
			nb, _ := w.Row(i)
			// On the grid, equal distances computed along different rows
			// may differ in the last bit; compare distance profiles there.
			want := bruteKNN(c.lat, c.lon, i, c.k)
			if !slices.Equal(nb, want) && !sameDistances(c.lat, c.lon, i, nb, want) {
				t.Fatalf("%s: city %d: kNN %v, brute force %v", c.name, i, nb, want)
			}
		}
	}
	if _, err := KNN(pts(lat[:3], lon[:3]), 3); err == nil {
		t.Error("k = n gave no error")
	}
}

func sameDistances(lat, lon []float64, i int, a, b []int) bool {
	dist := func(js []int) []float64 {
		var d []float64
		for _, j := range js {
			d = append(d, geom.Distance(geom.Point{lon[i], lat[i]}, geom.Point{lon[j], lat[j]}))
		}
		slices.Sort(d)
		return d
	}
	da, db := dist(a), dist(b)
	for k := range da {
		if math.Abs(da[k]-db[k]) > 1e-9 {
			return false
		}
	}
	return true
}

func TestDistanceBand(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	lat, lon := randomPlaces(rng, 300)
	w, err := DistanceBand(pts(lat, lon), 60)
	if err != nil {
		t.Fatal(err)
	}
	for i := range lat {
		var want []int
		for j := range lat {
			if j != i && geom.Distance(geom.Point{lon[i], lat[i]}, geom.Point{lon[j], lat[j]}) <= 60 {
				want = append(want, j)
			}
		}
		if nb, _ := w.Row(i); !slices.Equal(nb, want) {
			t.Fatalf("city %d: band neighbours %v, brute force %v", i, nb, want)
		}
	}
	// At the smallest band without islands every city has a neighbour, and
	// just below it at least one has none.
	m := MinBand(pts(lat, lon))
	full, _ := DistanceBand(pts(lat, lon), m)
	less, _ := DistanceBand(pts(lat, lon), m*0.999)
	if len(full.Islands()) != 0 || len(less.Islands()) == 0 {
		t.Errorf("min band %v km: %d islands; just below: %d", m, len(full.Islands()), len(less.Islands()))
	}
	if w, err := distanceBand(pts(lat, lon), m, full.Links()); err != nil || w.Links() != full.Links() {
		t.Errorf("a band within its bound of links: %v", err)
	}
	if _, err := distanceBand(pts(lat, lon), m, full.Links()-1); !errors.Is(err, ErrTooManyLinks) {
		t.Errorf("a band over its bound of links: %v, want ErrTooManyLinks", err)
	}
	if _, err := DistanceBand(pts(lat, lon), 0); err == nil {
		t.Error("band 0 gave no error")
	}
}

func TestSymmetrize(t *testing.T) {
	// On a line 0 - 1 -- 2 (0 and 1 close): 2's nearest is 1, 1's is 0.
	w, err := KNN(pts([]float64{0, 0, 0}, []float64{0, 0.1, 1}), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := rows(w); got != "[[1] [1] [0] [1] [1] [1]]" {
		t.Errorf("kNN rows %s", got)
	}
	if got := rows(w.Symmetrize()); got != "[[1] [1] [0 2] [1 1] [1] [1]]" {
		t.Errorf("symmetrised rows %s", got)
	}
}

func TestProjection(t *testing.T) {
	// Distances and bearings from the centre are true: Nanjing from
	// Shanghai.
	shanghai, nanjing := geom.Point{121.47, 31.23}, geom.Point{118.78, 32.07}
	x, y := AzimuthalEquidistant(shanghai, nanjing)
	if d, want := math.Hypot(x, y), geom.Distance(shanghai, nanjing); !near(d, want, 1e-9) {
		t.Errorf("projected distance %v km, great circle %v", d, want)
	}
	if x >= 0 || y <= 0 {
		t.Errorf("Nanjing at (%v, %v) from Shanghai; want west and north", x, y)
	}
}

// pts pairs latitudes and longitudes into points.
func pts(lat, lon []float64) []geom.Point {
	p := make([]geom.Point, len(lat))
	for i := range p {
		p[i] = geom.Point{lon[i], lat[i]}
	}
	return p
}
