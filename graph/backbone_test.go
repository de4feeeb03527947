package graph

import (
	"fmt"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestDisparityHandWorked checks the disparity filter on a network worked
// by hand, each step shown. Links 0-1 (6), 0-2 (3), 0-3 (1), 1-2 (2):
//
//	node 0: k 3, s 10: p01 0.6 -> (1-0.6)^2 = 0.16; p02 0.3 -> 0.7^2 = 0.49; p03 0.1 -> 0.9^2 = 0.81
//	node 1: k 2, s 8:  p10 0.75 -> 0.25^1 = 0.25; p12 0.25 -> 0.75
//	node 2: k 2, s 5:  p20 0.6 -> 0.4; p21 0.4 -> 0.6
//	node 3: k 1, s 1:  its only link says nothing -> 1
//	links (the smaller end): 0-1 min(0.16, 0.25) = 0.16; 0-2 min(0.49, 0.4) = 0.4;
//	                         0-3 min(0.81, 1) = 0.81; 1-2 min(0.75, 0.6) = 0.6
//
// graph/testdata/disparity.py (numpy, the paper's integral taken
// numerically) prints the same: 0.16, 0.4, 0.81, 0.6.
func TestDisparityHandWorked(t *testing.T) {
	g, err := New(4, []Edge{{0, 1, 6}, {0, 2, 3}, {0, 3, 1}, {1, 2, 2}}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{0.16, 0.4, 0.81, 0.6}
	got := g.Disparity()
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-15 {
			t.Errorf("link %v: alpha %v, want %v", g.Edges()[i], got[i], want[i])
		}
	}
	for _, c := range []struct {
		alpha float64
		kept  int
	}{{0.5, 2}, {0.2, 1}, {0.9, 4}, {0.1, 0}} {
		keep := make([]bool, len(got))
		kept := 0
		for i, a := range got {
			if keep[i] = a < c.alpha; keep[i] {
				kept++
			}
		}
		b, err := g.Keep(keep)
		if err != nil || b.Links() != c.kept || b.Nodes() != 4 {
			t.Errorf("alpha %g: %d links (%v), want %d", c.alpha, b.Links(), err, c.kept)
		}
	}
}

// TestDisparityDirected: links 0->1 (3), 0->2 (1), 2->1 (1). Out of 0: k 2,
// s 4, so 0->1 gives (1-0.75)^1 = 0.25 and 0->2 gives 0.75; 2 has one
// out-link (1). Into 1: k 2, s 4, so 0->1 gives 0.25 and 2->1 0.75; 2 has
// one in-link (1). Links: 0->1 0.25, 0->2 min(0.75, 1) = 0.75, 2->1
// min(1, 0.75) = 0.75.
func TestDisparityDirected(t *testing.T) {
	g, err := New(3, []Edge{{0, 1, 3}, {0, 2, 1}, {2, 1, 1}}, true)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{0.25, 0.75, 0.75}
	for i, a := range g.Disparity() {
		if math.Abs(a-want[i]) > 1e-15 {
			t.Errorf("link %v: alpha %v, want %v", g.Edges()[i], a, want[i])
		}
	}
}

// gravity8 is a complete network of 8 nodes, w_ij = (i+1)(j+1)/(j-i)^2.
func gravity8() []Edge {
	var edges []Edge
	for i := range 8 {
		for j := i + 1; j < 8; j++ {
			edges = append(edges, Edge{i, j, float64((i+1)*(j+1)) / float64((j-i)*(j-i))})
		}
	}
	return edges
}

// gravity8Numpy is graph/testdata/disparity.py's output for gravity8, one
// alpha per link in gravity8's order:
//
//	python3 -c "for i in range(8):
//	  for j in range(i+1,8): print(i,j,(i+1)*(j+1)/((j-i)**2))" \
//	  | /usr/bin/python3 graph/testdata/disparity.py
//
// The script integrates numerically (trapezoid, 20,001 points): within
// 1e-7 of the closed form.
var gravity8Numpy = []float64{0.018172932484528226, 0.2980074373153372, 0.5027781456610362, 0.6218082486926717,
	0.6966335542749007, 0.7473789749701796, 0.7838559834629829, 0.023093131267521105, 0.36286105013129544,
	0.5816227415777926, 0.6974109041564748, 0.7656602234288509, 0.8098254356758497, 0.028222170479691444,
	0.40437223307858616, 0.6276036476573028, 0.7396339413805116, 0.8032428170131388, 0.031164765304886877,
	0.4285454095898842, 0.6541495352027794, 0.7638591087520384, 0.0312391606295076, 0.4396908966541617,
	0.6681107108012222, 0.027182698429988217, 0.3566780734142002, 0.0003330123931588602}

func TestDisparityMatchesNumpy(t *testing.T) {
	edges := gravity8()
	g, err := New(8, edges, false)
	if err != nil {
		t.Fatal(err)
	}
	want := gravity8Numpy
	if live, err := liveDisparity(edges); err != nil {
		t.Logf("reference constants only: %v", err)
	} else {
		want = live
	}
	got := g.Disparity()
	if len(got) != len(want) {
		t.Fatalf("%d alphas, want %d", len(got), len(want))
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-7 {
			t.Errorf("link %v: alpha %.12g, numpy %.12g", edges[i], got[i], want[i])
		}
	}
}

// liveDisparity reruns graph/testdata/disparity.py when python3 with numpy
// is present.
func liveDisparity(edges []Edge) ([]float64, error) {
	python := "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import numpy").Run(); err != nil {
		return nil, fmt.Errorf("python3 with numpy not found (%v): apt-get install python3-numpy", err)
	}
	var in strings.Builder
	for _, e := range edges {
		fmt.Fprintf(&in, "%d %d %.17g\n", e.From, e.To, e.Weight)
	}
	cmd := exec.Command(python, "testdata/disparity.py")
	cmd.Stdin = strings.NewReader(in.String())
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	var alphas []float64
	for _, f := range strings.Fields(string(out)) {
		a, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil, err
		}
		alphas = append(alphas, a)
	}
	return alphas, nil
}

// TestStrongest: each node keeps its strongest link. On the hand-worked
// network node 0 keeps 0-1 (6), 1 keeps 1-0 (6), 2 keeps 2-0 (3), 3 keeps
// 3-0 (1): every link but 1-2. With k = 2 node 1 keeps 1-2 too.
func TestStrongest(t *testing.T) {
	g, err := New(4, []Edge{{0, 1, 6}, {0, 2, 3}, {0, 3, 1}, {1, 2, 2}}, false)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[int][]bool{1: {true, true, true, false}, 2: {true, true, true, true}} {
		got, err := g.Strongest(k)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("k %d: %v, want %v", k, got, want)
		}
	}
	if _, err := g.Strongest(0); err == nil {
		t.Error("k 0 accepted")
	}
}

// BenchmarkDisparity filters the complete gravity-like network of 300
// nodes (44,850 links, the largest collab links every pair of by default).
func BenchmarkDisparity(b *testing.B) {
	var edges []Edge
	for i := range 300 {
		for j := i + 1; j < 300; j++ {
			edges = append(edges, Edge{i, j, float64((i%17+1)*(j%13+1)) / float64((j-i)*(j-i))})
		}
	}
	g, err := New(300, edges, false)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		alpha := g.Disparity()
		keep := make([]bool, len(alpha))
		for i, a := range alpha {
			keep[i] = a < 0.05
		}
		if _, err := g.Keep(keep); err != nil {
			b.Fatal(err)
		}
	}
}
