package spatial_test

import (
	"fmt"

	"collab/spatial"
)

func ExampleHaversine() {
	// Shanghai to Nanjing, city seats.
	fmt.Printf("%.1f km\n", spatial.Haversine(31.23, 121.47, 32.07, 118.78))
	// Output: 271.2 km
}

func ExampleQueenContiguity() {
	// Three 0.1° cells near Suzhou: a and b share an edge, c touches b only
	// at a corner.
	square := func(lon, lat float64) spatial.MultiPolygon {
		return spatial.MultiPolygon{{{{lon, lat}, {lon + 0.1, lat}, {lon + 0.1, lat + 0.1}, {lon, lat + 0.1}, {lon, lat}}}}
	}
	a, b, c := square(120.5, 31.2), square(120.6, 31.2), square(120.7, 31.3)
	fmt.Println(spatial.QueenContiguity([]spatial.MultiPolygon{a, b, c}, spatial.DefaultSnapM))
	centre, _ := a.Centroid()
	fmt.Printf("centroid of a: %.2f, %.2f\n", centre[0], centre[1])
	// Output:
	// [[1] [0 2] [1]]
	// centroid of a: 120.55, 31.25
}
