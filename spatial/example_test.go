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
