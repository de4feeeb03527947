package spell_test

import (
	"fmt"

	"collab/spell"
)

// The nearest of a command's flags to a misspelt one.
func ExampleDistance() {
	flags := []string{"year", "weights", "seed"}
	best, bestDist := "", 3
	for _, f := range flags {
		if d := spell.Distance("yaer", f); d < bestDist {
			best, bestDist = f, d
		}
	}
	fmt.Println(best, bestDist)
	// Output: year 1
}
