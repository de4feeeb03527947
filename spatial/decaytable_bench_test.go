package spatial

import (
	"fmt"
	"testing"
)

// BenchmarkDecayKernel times one row of 20,000 pairs of a generated region
// (the cities in kd-tree order, as fastPairs sees them) by fastRow and by
// the table; ns/op over 20,000 is the time per pair.
func BenchmarkDecayKernel(b *testing.B) {
	lat, lon, s := generatedRegion(20_000, 1, 1)
	tree := newSpillTree(newKDTree(pts(lat, lon)), s, DefaultDecay, DefaultPotentialTolerance)
	f := make([]float64, len(tree.p))
	for _, d := range []Decay{{"exp", 100}, {"exp", 10}, {"power", 1}, {"power", 2}} {
		table := newDecayTable(d, maxChord(tree.p))
		b.Run(fmt.Sprintf("%v/fastRow", d), func(b *testing.B) {
			for k := 0; b.Loop(); k++ {
				d.fastRow(f, tree.p[k%1000], tree.p)
			}
		})
		b.Run(fmt.Sprintf("%v/table", d), func(b *testing.B) {
			for k := 0; b.Loop(); k++ {
				table.row(f, tree.p[k%1000], tree.p)
			}
		})
	}
}
