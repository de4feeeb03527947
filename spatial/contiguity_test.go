package spatial

import (
	"collab/geom"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

// metre is one metre of latitude in degrees.
const metre = 1 / (EarthRadius * 1000 * math.Pi / 180)

// rect is the rectangle [x0, x1] x [y0, y1] in degrees, counter-clockwise.
func rect(x0, y0, x1, y1 float64) geom.Polygon {
	return geom.Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}
}

func shapes(ps ...geom.Polygon) []geom.MultiPolygon {
	out := make([]geom.MultiPolygon, len(ps))
	for i, p := range ps {
		out[i] = geom.MultiPolygon{p}
	}
	return out
}

func TestQueenContiguity(t *testing.T) {
	// A 3 x 3 grid of 0.1° cells near Shanghai, numbered row by row from
	// the south-west: queen neighbours are the 8 cells around each, cut by
	// the grid's edge (corners 3, sides 5, centre 8; rook would give 2, 3, 4).
	var grid []geom.Polygon
	for row := range 3 {
		for col := range 3 {
			x, y := 120+0.1*float64(col), 31+0.1*float64(row)
			grid = append(grid, rect(x, y, x+0.1, y+0.1))
		}
	}
	// A hole with an island filling it exactly: the island touches the
	// hole's ring.
	frame := geom.Polygon{
		{{121, 30}, {121.3, 30}, {121.3, 30.3}, {121, 30.3}, {121, 30}},
		{{121.1, 30.1}, {121.1, 30.2}, {121.2, 30.2}, {121.2, 30.1}, {121.1, 30.1}},
	}
	for _, c := range []struct {
		name   string
		shapes []geom.MultiPolygon
		snapM  float64
		want   [][]int
	}{
		{"3x3 grid", shapes(grid...), 1, [][]int{
			{1, 3, 4}, {0, 2, 3, 4, 5}, {1, 4, 5},
			{0, 1, 4, 6, 7}, {0, 1, 2, 3, 5, 6, 7, 8}, {1, 2, 4, 7, 8},
			{3, 4, 7}, {3, 4, 5, 6, 8}, {4, 5, 7}}},
		{"corner-only touch", shapes(rect(120, 31, 120.1, 31.1), rect(120.1, 31.1, 120.2, 31.2)), 1, [][]int{{1}, {0}}},
		{"islands", shapes(rect(120, 31, 120.1, 31.1), rect(120.5, 31, 120.6, 31.1),
			rect(120.1+10*metre, 31, 120.2, 31.1)), 1, [][]int{nil, nil, nil}},
		{"half a metre apart, snap 1 m", shapes(rect(120, 31, 120.1, 31.1), rect(120.1, 31.1+0.5*metre, 120.2, 31.2)), 1, [][]int{{1}, {0}}},
		{"half a metre apart, snap 0.1 m", shapes(rect(120, 31, 120.1, 31.1), rect(120.1, 31.1+0.5*metre, 120.2, 31.2)), 0.1, [][]int{nil, nil}},
		{"two metres apart, snap 1 m", shapes(rect(120, 31, 120.1, 31.1), rect(120.1, 31.1+2*metre, 120.2, 31.2)), 1, [][]int{nil, nil}},
		{"island in a hole", shapes(frame, rect(121.1, 30.1, 121.2, 30.2)), 1, [][]int{{1}, {0}}},
		// A vertex on the other's edge but no shared vertex: not a contact
		// (as in GeoDa, libpysal and spdep; see the doc comment).
		{"T-junction without a shared vertex", shapes(rect(120, 31, 120.1, 31.1), rect(120.1, 31.05, 120.2, 31.2)), 1, [][]int{nil, nil}},
		{"a second part touches", []geom.MultiPolygon{
			{rect(120, 31, 120.1, 31.1), rect(121, 31, 121.1, 31.1)},
			{rect(121.1, 31, 121.2, 31.1)},
			{rect(120.1, 32, 120.2, 32.1)},
		}, 1, [][]int{{1}, {0}, nil}},
		{"an empty shape", []geom.MultiPolygon{nil, geom.MultiPolygon{rect(0, 0, 1, 1)}}, 1, [][]int{nil, nil}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got, err := QueenContiguity(c.shapes, c.snapM); err != nil || !reflect.DeepEqual(got, c.want) {
				t.Errorf("QueenContiguity = %v, want %v", got, c.want)
			}
		})
	}
}

// jitteredGrid is a cols x rows tiling of quadrilaterals near Shanghai whose
// inner corners are moved at random and whose edges carry an extra shared
// vertex, with about one cell in three left out (so some cells become
// islands), as polygons in the order cells are kept.
func jitteredGrid(cols, rows int, seed uint64) []geom.MultiPolygon {
	rng := rand.New(rand.NewPCG(seed, 1))
	const size = 0.1
	corner := make([][]geom.Point, cols+1)
	for i := range corner {
		corner[i] = make([]geom.Point, rows+1)
		for j := range corner[i] {
			dx, dy := 0.0, 0.0
			if i > 0 && i < cols && j > 0 && j < rows {
				dx, dy = (rng.Float64()-0.5)*0.6*size, (rng.Float64()-0.5)*0.6*size
			}
			corner[i][j] = geom.Point{120 + float64(i)*size + dx, 30 + float64(j)*size + dy}
		}
	}
	// mid returns one shared point near the middle of the edge a-b,
	// memoised so that both cells on the edge carry the identical point.
	mids := map[[4]int]geom.Point{}
	mid := func(i1, j1, i2, j2 int) geom.Point {
		key := [4]int{min(i1, i2), min(j1, j2), max(i1, i2), max(j1, j2)}
		if p, ok := mids[key]; ok {
			return p
		}
		a, b := corner[i1][j1], corner[i2][j2]
		t := 0.3 + 0.4*rng.Float64()
		p := geom.Point{a.Lon() + t*(b.Lon()-a.Lon()), a.Lat() + t*(b.Lat()-a.Lat())}
		mids[key] = p
		return p
	}
	var out []geom.MultiPolygon
	for i := range cols {
		for j := range rows {
			if rng.IntN(3) == 0 {
				continue
			}
			r := geom.Ring{corner[i][j], mid(i, j, i+1, j), corner[i+1][j], mid(i+1, j, i+1, j+1),
				corner[i+1][j+1], mid(i+1, j+1, i, j+1), corner[i][j+1], mid(i, j+1, i, j), corner[i][j]}
			out = append(out, geom.MultiPolygon{{r}})
		}
	}
	return out
}

// TestQueenContiguityAgainstSpdep compares neighbours and centroids of a
// random tiling with R's spdep::poly2nb(queen = TRUE) and sf::st_centroid
// (testdata/poly2nb.R; Debian r-cran-spdep 1.2-7, r-cran-sf 1.0-9).
func TestQueenContiguityAgainstSpdep(t *testing.T) {
	if _, err := exec.LookPath("Rscript"); err != nil {
		t.Skip("Rscript not found (Debian: r-cran-spdep r-cran-sf r-cran-jsonlite); skipping the spdep comparison")
	}
	if err := exec.Command("Rscript", "-e", "library(sf); library(spdep); library(jsonlite)").Run(); err != nil {
		t.Skip("R lacks sf, spdep or jsonlite (Debian: r-cran-spdep r-cran-sf r-cran-jsonlite); skipping the spdep comparison")
	}
	// The tiling, an island far from it, and a frame with a hole holding
	// another polygon.
	polys := append(jitteredGrid(15, 12, 7),
		geom.MultiPolygon{rect(125, 35, 125.1, 35.1)},
		geom.MultiPolygon{{{{126, 30}, {126.3, 30}, {126.3, 30.3}, {126, 30.3}, {126, 30}},
			{{126.1, 30.1}, {126.1, 30.2}, {126.2, 30.2}, {126.2, 30.1}, {126.1, 30.1}}}},
		geom.MultiPolygon{rect(126.1, 30.1, 126.2, 30.2)})
	path := filepath.Join(t.TempDir(), "grid.geojson")
	if err := os.WriteFile(path, featureCollection(polys), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("Rscript", "testdata/poly2nb.R", path).Output()
	if err != nil {
		t.Fatalf("Rscript: %v", err)
	}
	var ref struct {
		Neighbors [][]int      `json:"neighbors"`
		Centroids [][2]float64 `json:"centroids"`
	}
	if err := json.Unmarshal(out, &ref); err != nil {
		t.Fatalf("R output %q: %v", out, err)
	}
	got, err := QueenContiguity(polys, DefaultSnapM)
	if err != nil {
		t.Fatal(err)
	}
	islands := 0
	for i := range polys {
		want := []int(nil)
		for _, j := range ref.Neighbors[i] {
			want = append(want, j-1)
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("polygon %d: neighbours %v, spdep %v", i, got[i], want)
		}
		if len(want) == 0 {
			islands++
		}
		c, _ := polys[i].Centroid()
		if math.Abs(c.Lon()-ref.Centroids[i][0]) > 1e-9 || math.Abs(c.Lat()-ref.Centroids[i][1]) > 1e-9 {
			t.Errorf("polygon %d: centroid %v, sf %v", i, c, ref.Centroids[i])
		}
	}
	t.Logf("%d polygons, %d without neighbours, agree with spdep", len(polys), islands)
}

func featureCollection(polys []geom.MultiPolygon) []byte {
	type geometry struct {
		Type        string            `json:"type"`
		Coordinates geom.MultiPolygon `json:"coordinates"`
	}
	type feature struct {
		Type       string         `json:"type"`
		Properties map[string]int `json:"properties"`
		Geometry   geometry       `json:"geometry"`
	}
	fc := struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection"}
	for i, p := range polys {
		fc.Features = append(fc.Features, feature{"Feature", map[string]int{"i": i}, geometry{"MultiPolygon", p}})
	}
	b, err := json.Marshal(fc)
	if err != nil {
		panic(fmt.Sprint(err))
	}
	return b
}

// BenchmarkQueenContiguity: a 100 x 100 tiling whose cells have 9 vertices
// each (about 8,300 polygons, 75,000 vertices).
func BenchmarkQueenContiguity(b *testing.B) {
	polys := jitteredGrid(100, 100, 1)
	b.ResetTimer()
	for b.Loop() {
		QueenContiguity(polys, DefaultSnapM)
	}
}
