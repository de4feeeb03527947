package spatial

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
)

// BenchmarkFastPairs times the whole pair sum of PotentialWithin's pair
// path on a generated region; COLLAB_PAIRS_N sets the size (default
// 20,000, 2e8 pairs). It uses only what the pair path had before the decay
// table, so that it runs on both sides of that change.
func BenchmarkFastPairs(b *testing.B) {
	n := 20_000
	if v, err := strconv.Atoi(os.Getenv("COLLAB_PAIRS_N")); err == nil && v > 1 {
		n = v
	}
	lat, lon, s := generatedRegion(n, 1, 1)
	tree := newSpillTree(newKDTree(pts(lat, lon)), s, DefaultDecay, DefaultPotentialTolerance)
	for _, d := range []Decay{{"exp", 100}, {"power", 2}} {
		b.Run(fmt.Sprintf("%v/%d", d, n), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := fastPairs(context.Background(), tree.p, tree.score, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
