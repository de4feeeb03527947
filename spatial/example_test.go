package spatial_test

import (
	"context"
	"fmt"
	"math"

	"collab/geom"
	"collab/spatial"
)

func ExampleAzimuthalEquidistant() {
	// Shanghai to Nanjing, city seats.
	// Nanjing seen from Shanghai: the projection keeps the distance, 271.2
	// km by the great circle.
	x, y := spatial.AzimuthalEquidistant(geom.Point{121.47, 31.23}, geom.Point{118.78, 32.07})
	fmt.Printf("x %.1f km, y %.1f km, %.1f km\n", x, y, math.Hypot(x, y))
	// Output: x -253.5 km, y 96.5 km, 271.2 km
}

func ExampleGlobalMoran() {
	// A 3 x 3 lattice with values 1..9 and rook contiguity (esda's
	// test_moran.py): high values sit next to high values.
	neighbors := [][]int{{1, 3}, {0, 2, 4}, {1, 5}, {0, 4, 6}, {1, 3, 5, 7}, {2, 4, 8}, {3, 7}, {4, 6, 8}, {5, 7}}
	w, err := spatial.Contiguity(neighbors)
	if err != nil {
		panic(err)
	}
	m, _ := spatial.GlobalMoran(context.Background(), []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}, w, spatial.Permutations{R: 999, Seed: 1})
	fmt.Printf("I = %.4f, E[I] = %.4f, z = %.3f, p = %.5f\n", m.I, m.Expected, m.ZRandom, m.PRandom)
	fmt.Println("permutation p below 0.01:", m.PPermutation < 0.01)
	// Output:
	// I = 0.5000, E[I] = -0.1250, z = 2.558, p = 0.00526
	// permutation p below 0.01: true
}

func ExampleLocalMoran() {
	neighbors := [][]int{{1, 3}, {0, 2, 4}, {1, 5}, {0, 4, 6}, {1, 3, 5, 7}, {2, 4, 8}, {3, 7}, {4, 6, 8}, {5, 7}}
	w, _ := spatial.Contiguity(neighbors)
	l, _ := spatial.LocalMoran(context.Background(), []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}, w.Standardize(), spatial.Permutations{R: 999, Seed: 1})
	fmt.Printf("corner 0: I = %.3f %s; centre: I = %.3f; corner 8: I = %.3f %s\n",
		l.I[0], l.Quadrant[0], l.I[4], l.I[8], l.Quadrant[8])
	// Corner 0: z = 1 - 5 = -4, lag = mean(-3, -1) = -2, sum z^2 = 60, so
	// I = 8 (-4)(-2) / 60 = 1.067.
	// Output:
	// corner 0: I = 1.067 LL; centre: I = 0.000; corner 8: I = 1.067 HH
}

func ExampleKNN() {
	// Shanghai, Suzhou, Wuxi and Hangzhou: each city's nearest other city.
	cities := []geom.Point{{121.47, 31.23}, {120.58, 31.30}, {120.31, 31.49}, {120.15, 30.27}}
	w, _ := spatial.KNN(cities, 1)
	for i := range w.Len() {
		nb, _ := w.Row(i)
		fmt.Print(nb, " ")
	}
	fmt.Println()
	// Output: [1] [2] [1] [1]
}

func ExampleQueenContiguity() {
	// Three 0.1° cells near Suzhou: a and b share an edge, c touches b only
	// at a corner.
	square := func(lon, lat float64) geom.MultiPolygon {
		return geom.MultiPolygon{{{{lon, lat}, {lon + 0.1, lat}, {lon + 0.1, lat + 0.1}, {lon, lat + 0.1}, {lon, lat}}}}
	}
	a, b, c := square(120.5, 31.2), square(120.6, 31.2), square(120.7, 31.3)
	nb, err := spatial.QueenContiguity([]geom.MultiPolygon{a, b, c}, spatial.DefaultSnapM)
	fmt.Println(nb, err)
	centre, _ := a.Centroid()
	fmt.Printf("centroid of a: %.2f, %.2f\n", centre.Lon(), centre.Lat())
	// Output:
	// [[1] [0 2] [1]] <nil>
	// centroid of a: 120.55, 31.25
}

// PotentialWithin at a tolerance of 1e-6: below ExactPotentialMax cities it
// is Potential itself. Three cities on the equator at 0, 1 and 3 degrees.
func ExamplePotentialWithin() {
	cities, s := []geom.Point{{0, 0}, {1, 0}, {3, 0}}, []float64{10, 20, 5}
	sp, err := spatial.PotentialWithin(context.Background(), cities, s, spatial.DefaultDecay, spatial.DefaultPotentialTolerance)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range s {
		fmt.Printf("city %d receives %.4f, emits %.4f, main source %d (%.0f%%)\n", i, sp.Received[i], sp.Emitted[i], sp.MainSource[i], 100*sp.MainShare[i])
	}
	// Output:
	// city 0 receives 6.7563, emits 3.6450, main source 1 (97%)
	// city 1 receives 3.8301, emits 8.7421, main source 0 (86%)
	// city 2 receives 2.5196, emits 0.7189, main source 1 (86%)
}
