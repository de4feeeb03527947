package graph

import (
	"context"
	"slices"
	"strconv"
	"testing"
)

// concorWith runs Concor with the factored iteration switched as asked.
func concorWith(t testing.TB, g *Network, o ConcorOptions, lowRank bool) ConcorResult {
	t.Helper()
	defer func(was bool) { concorLowRank = was }(concorLowRank)
	concorLowRank = lowRank
	res, err := g.Concor(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestConcorLowRankMatchesDense checks that the factored iteration gives
// the blocks, split order, iteration counts and isolate block of the
// dense iteration (every correlation a dense product), on synthetic
// regions and on generated gravity networks whose blocks are large enough
// for it (64 nodes and up): sparse and complete, weighted and binary,
// undirected and directed, with isolates. The cases over 400 cities are
// skipped under -short.
func TestConcorLowRankMatchesDense(t *testing.T) {
	type networkCase struct {
		name   string
		g      func(t *testing.T) *Network
		binary bool
		large  bool
	}
	var cases []networkCase
	for _, n := range []int{150, 300} {
		for _, binary := range []bool{false, true} {
			cases = append(cases, networkCase{"synthetic " + strconv.Itoa(n) + map[bool]string{true: " binary"}[binary],
				func(t *testing.T) *Network { return syntheticRegion(t, n) }, binary, false})
		}
	}
	for _, c := range []gravityCase{
		{name: "sparse 150", n: 150, strong: 8, seed: 1},
		{name: "sparse 150 binary", n: 150, strong: 8, binary: true, seed: 2},
		{name: "sparse 300 isolates", n: 300, strong: 4, isolates: 7, seed: 3},
		{name: "sparse 400", n: 400, strong: 8, seed: 4},
		{name: "sparse 400 binary", n: 400, strong: 6, binary: true, seed: 5},
		{name: "directed 200 isolates", n: 200, strong: 5, isolates: 3, directed: true, seed: 6},
		{name: "directed 400 binary", n: 400, strong: 8, directed: true, binary: true, seed: 7},
		{name: "directed 400", n: 400, strong: 3, directed: true, seed: 8},
		{name: "complete 120", n: 120, seed: 9},
		{name: "complete 250 binary", n: 250, binary: true, seed: 10},
		{name: "complete 300", n: 300, seed: 11},
		{name: "sparse 1000", n: 1000, strong: 8, seed: 12},
		{name: "directed 700 isolates", n: 700, strong: 6, isolates: 20, directed: true, seed: 13},
		{name: "sparse 600 binary", n: 600, strong: 10, binary: true, seed: 14},
		{name: "nearest 300", n: 300, nearest: 8, seed: 15},
		{name: "nearest 900", n: 900, nearest: 8, seed: 16},
	} {
		cases = append(cases, networkCase{c.name, func(t *testing.T) *Network { return gravityNetwork(t, c) }, c.binary, c.n > 400})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.large && testing.Short() {
				t.Skip("600 to 1,000 cities: some seconds")
			}
			g := c.g(t)
			o := ConcorOptions{Binary: c.binary}
			dense, factored := concorWith(t, g, o, false), concorWith(t, g, o, true)
			if !slices.Equal(dense.Block, factored.Block) || !slices.Equal(dense.Splits, factored.Splits) || dense.IsolateBlock != factored.IsolateBlock {
				t.Errorf("dense: %v %+v\nfactored: %v %+v", dense.Block, dense.Splits, factored.Block, factored.Splits)
			}
		})
	}
}
