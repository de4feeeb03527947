package graph

import (
	"context"
	"slices"
	"strconv"
	"testing"
)

// TestConcorLowRankMatchesDense checks that the factored iteration gives
// the blocks and iteration counts of the dense one, on synthetic regions
// whose blocks are large enough for it (64 nodes and up), weighted and
// binary.
func TestConcorLowRankMatchesDense(t *testing.T) {
	for _, n := range []int{150, 300} {
		for _, binary := range []bool{false, true} {
			t.Run(strconv.Itoa(n)+map[bool]string{true: " binary", false: ""}[binary], func(t *testing.T) {
				g := syntheticRegion(t, n)
				run := func(lowRank bool) ConcorResult {
					defer func(was bool) { concorLowRank = was }(concorLowRank)
					concorLowRank = lowRank
					res, err := g.Concor(context.Background(), ConcorOptions{Binary: binary})
					if err != nil {
						t.Fatal(err)
					}
					return res
				}
				dense, factored := run(false), run(true)
				if !slices.Equal(dense.Block, factored.Block) || !slices.Equal(dense.Splits, factored.Splits) {
					t.Errorf("dense: %v %+v\nfactored: %v %+v", dense.Block, dense.Splits, factored.Block, factored.Splits)
				}
			})
		}
	}
}
