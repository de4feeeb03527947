package output

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"collab/analysis"
	"collab/graph"
)

// blocksNamed matches a role sentence's subject: "Block 2" or "Blocks 0, 1
// and 3".
var blocksNamed = regexp.MustCompile(`^Blocks? ([0-9, and]+?) (keeps?|sends?) `)

// TestRoleSentencesTrue checks every role sentence against the numbers of
// the blocks it names, over random directed networks and partitions (the
// roles from graph.BlockModel, thresholds from 0.1 to 0.9): each block is
// named once; "at least" / "less than" its expected share holds of its
// internal share; "hardly receive(s)" holds of an inflow share under the
// threshold, or none, and "receive(s)" of one at or above it; "no link" of
// a block that sends none; the role named is the block's.
func TestRoleSentencesTrue(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 4))
	for trial := range 300 {
		n, k := 2+rng.IntN(30), 1+rng.IntN(5)
		var edges []graph.Edge
		for range rng.IntN(4 * n) {
			if i, j := rng.IntN(n), rng.IntN(n); i != j {
				edges = append(edges, graph.Edge{From: i, To: j, Weight: rng.ExpFloat64()})
			}
		}
		g, err := graph.New(n, dedupe(edges), true)
		if err != nil {
			t.Fatal(err)
		}
		block := make([]int, n)
		for v := range block {
			block[v] = v % k
		}
		rng.Shuffle(n, func(a, b int) { block[a], block[b] = block[b], block[a] })
		threshold := 0.1 + 0.8*rng.Float64()
		bm, err := g.BlockModel(block, graph.BlockOptions{Weighted: true, ReceivedThreshold: threshold})
		if err != nil {
			t.Fatal(err)
		}
		var rows []analysis.BlockRow
		for b, s := range bm.Blocks {
			rows = append(rows, analysis.BlockRow{Block: b, BlockStats: s})
		}
		named := map[int]bool{}
		for _, s := range roleSentences(rows, threshold) {
			m := blocksNamed.FindStringSubmatch(s)
			if m == nil {
				t.Fatalf("trial %d: %q names no block", trial, s)
			}
			for _, f := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' }) {
				if f == "and" {
					continue
				}
				b, _ := strconv.Atoi(f)
				if named[b] {
					t.Fatalf("trial %d: block %d named twice", trial, b)
				}
				named[b] = true
				if err := sentenceHolds(s, bm.Blocks[b], threshold); err != "" {
					t.Fatalf("trial %d: %q is false of block %d (%+v): %s", trial, s, b, bm.Blocks[b], err)
				}
			}
		}
		if len(named) != len(bm.Blocks) {
			t.Fatalf("trial %d: %d of %d blocks named", trial, len(named), len(bm.Blocks))
		}
	}
}

// sentenceHolds returns what in s is false of block s, "" when nothing.
func sentenceHolds(s string, b graph.BlockStats, threshold float64) string {
	if strings.Contains(s, " no link: ") {
		if b.InternalShare != nil {
			return "it sends links"
		}
		return ""
	}
	if b.InternalShare == nil {
		return "it sends no link"
	}
	switch {
	case strings.Contains(s, " at least "):
		if *b.InternalShare < b.ExpectedInternalShare {
			return "internal share under the expected"
		}
	case strings.Contains(s, " less than "):
		if *b.InternalShare >= b.ExpectedInternalShare {
			return "internal share not under the expected"
		}
	default:
		return "no comparison with the expected share"
	}
	hardly := b.InflowShare == nil || *b.InflowShare < threshold
	if strings.Contains(s, " hardly receive") != hardly {
		return "the inflow share is on the other side of the threshold"
	}
	if !strings.HasSuffix(s, ": "+strings.ReplaceAll(string(b.Role), "_", " ")+".") {
		return "another role"
	}
	return ""
}

// dedupe keeps the first link of each ordered pair.
func dedupe(edges []graph.Edge) []graph.Edge {
	seen := map[[2]int]bool{}
	var out []graph.Edge
	for _, e := range edges {
		if key := [2]int{e.From, e.To}; !seen[key] {
			seen[key] = true
			out = append(out, e)
		}
	}
	return out
}
