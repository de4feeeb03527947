package graph

import (
	"math"
	"testing"
)

// fourRoles is a directed network of 20 nodes in four blocks of five, built
// so that each block plays one of Burt's roles (expected internal share
// (5-1)/(20-1) = 0.2105):
//
//	A (0-4): every ordered pair inside (20 links), 2 sent to C, none received:
//	         internal share 20/22, inflow 0 -> bidirectional spillover;
//	B (5-9): every pair inside, 3 sent to D, 8 received from C and 4 from D:
//	         internal 20/23, inflow 12/15 -> net benefit;
//	C (10-14): nothing inside, 8 sent to B, 2 received from A:
//	         internal 0, inflow 2/10 -> net spillover;
//	D (15-19): nothing inside, 4 sent to B, 3 received from B:
//	         internal 0, inflow 3/7 -> broker.
func fourRoles() (edges []Edge, block []int) {
	block = make([]int, 20)
	for v := range block {
		block[v] = v / 5
	}
	for _, base := range []int{0, 5} {
		for i := base; i < base+5; i++ {
			for j := base; j < base+5; j++ {
				if i != j {
					edges = append(edges, Edge{From: i, To: j, Weight: 1})
				}
			}
		}
	}
	for _, p := range [][2]int{{0, 10}, {1, 11}, // A -> C
		{10, 5}, {10, 6}, {11, 7}, {12, 8}, {13, 9}, {14, 5}, {12, 6}, {13, 7}, // C -> B
		{15, 5}, {16, 6}, {17, 7}, {18, 8}, // D -> B
		{5, 15}, {6, 16}, {9, 19}} { // B -> D
		edges = append(edges, Edge{From: p[0], To: p[1], Weight: 2})
	}
	return edges, block
}

func TestBlockModelFourRoles(t *testing.T) {
	edges, block := fourRoles()
	g, err := New(20, edges, true)
	if err != nil {
		t.Fatal(err)
	}
	bm, err := g.BlockModel(block, BlockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		role                  BlockRole
		inside, out, received float64
		internal, inflow      float64
	}{
		{RoleBidirectionalSpillover, 20, 2, 0, 20.0 / 22, 0},
		{RoleNetBenefit, 20, 3, 12, 20.0 / 23, 12.0 / 15},
		{RoleNetSpillover, 0, 8, 2, 0, 2.0 / 10},
		{RoleBroker, 0, 4, 3, 0, 3.0 / 7},
	}
	for k, w := range want {
		b := bm.Blocks[k]
		if b.Role != w.role || b.SentInside != w.inside || b.SentOutside != w.out || b.ReceivedOutside != w.received {
			t.Errorf("block %d: %+v, want role %s inside %g out %g received %g", k, b, w.role, w.inside, w.out, w.received)
		}
		if math.Abs(b.ExpectedInternalShare-4.0/19) > 1e-15 || math.Abs(*b.InternalShare-w.internal) > 1e-15 || math.Abs(*b.InflowShare-w.inflow) > 1e-15 {
			t.Errorf("block %d: shares expected %g internal %g inflow %g, want %g %g %g", k, b.ExpectedInternalShare, *b.InternalShare, *b.InflowShare, 4.0/19, w.internal, w.inflow)
		}
	}
	// Densities by hand: 57 links over 380 ordered pairs; AA and BB are
	// complete, C->B 8/25, D->B 4/25, B->D 3/25, A->C 2/25.
	if math.Abs(bm.NetworkDensity-57.0/380) > 1e-15 {
		t.Errorf("network density %g, want %g", bm.NetworkDensity, 57.0/380)
	}
	wantDensity := [4][4]float64{{1, 0, 2.0 / 25, 0}, {0, 1, 0, 3.0 / 25}, {0, 8.0 / 25, 0, 0}, {0, 4.0 / 25, 0, 0}}
	wantImage := [4][4]int{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 1, 0, 0}, {0, 1, 0, 0}}
	for k := range 4 {
		for l := range 4 {
			if d := bm.Density[k][l]; d == nil || math.Abs(*d-wantDensity[k][l]) > 1e-15 {
				t.Errorf("density[%d][%d] = %v, want %g", k, l, d, wantDensity[k][l])
			}
			if bm.Image[k][l] != wantImage[k][l] {
				t.Errorf("image[%d][%d] = %d, want %d", k, l, bm.Image[k][l], wantImage[k][l])
			}
		}
	}
	// Weighted: the links between blocks weigh 2, so C's inflow is
	// 4/20, still under the threshold, and the densities double there.
	wbm, err := g.BlockModel(block, BlockOptions{Weighted: true})
	if err != nil {
		t.Fatal(err)
	}
	if r := wbm.Blocks[2]; r.Role != RoleNetSpillover || *r.InflowShare != 0.2 || *wbm.Density[2][1] != 16.0/25 {
		t.Errorf("weighted block C: %+v, density C->B %g", r, *wbm.Density[2][1])
	}
}

func TestBlockModelRejects(t *testing.T) {
	und, _ := New(3, []Edge{{0, 1, 1}, {1, 2, 1}}, false)
	dir, _ := New(3, []Edge{{0, 1, 1}, {1, 2, 1}}, true)
	for _, c := range []struct {
		name  string
		g     *Network
		block []int
		o     BlockOptions
	}{
		{"undirected", und, []int{0, 0, 1}, BlockOptions{}},
		{"short partition", dir, []int{0, 1}, BlockOptions{}},
		{"gap in numbering", dir, []int{0, 2, 2}, BlockOptions{}},
		{"negative block", dir, []int{0, -1, 1}, BlockOptions{}},
		{"threshold above 1", dir, []int{0, 0, 1}, BlockOptions{ReceivedThreshold: 1.5}},
	} {
		if _, err := c.g.BlockModel(c.block, c.o); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
	// A one-node block has no pairs inside: its diagonal density is nil,
	// and a block that sends nothing has no internal share.
	bm, err := dir.BlockModel([]int{0, 1, 2}, BlockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if bm.Density[0][0] != nil || bm.Blocks[2].Role != RoleUndefined || bm.Blocks[2].InternalShare != nil {
		t.Errorf("one-node blocks: %+v", bm)
	}
}
