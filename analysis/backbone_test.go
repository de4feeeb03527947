package analysis

import (
	"context"
	"math"
	"slices"
	"testing"
)

// TestBackboneSample: on the sample's complete gravity network (820 links)
// the automatic backbone is disparity:0.05. Each city's degree must be the
// number of its links whose alpha, recomputed here from results' links by
// alpha_ij = (1 - w_ij/s_i)^(k_i - 1) at each end (k_i = 40), is below
// 0.05 at either end; the weighted measures and the pattern of strong
// cities are those of the whole network.
func TestBackboneSample(t *testing.T) {
	p := DefaultParameters()
	p.Permutations = 0
	res := runSample(t, p)
	if got := res.Parameters.Backbone.String(); got != "disparity:0.05" {
		t.Fatalf("backbone %s, want disparity:0.05 on the complete network", got)
	}
	index := map[string]int{}
	for i, c := range res.Cities {
		index[c.ID] = i
	}
	n := len(res.Cities)
	strength, degree := make([]float64, n), make([]int, n)
	for _, l := range res.Links {
		a, b := index[l.Source], index[l.Target]
		strength[a] += l.Weight
		strength[b] += l.Weight
		degree[a]++
		degree[b]++
	}
	want := make([]int, n)
	kept := 0
	for _, l := range res.Links {
		a, b := index[l.Source], index[l.Target]
		alpha := math.Min(math.Pow(1-l.Weight/strength[a], float64(degree[a]-1)), math.Pow(1-l.Weight/strength[b], float64(degree[b]-1)))
		if alpha < 0.05 {
			want[a]++
			want[b]++
			kept++
		}
	}
	if res.Network.Backbone == nil || res.Network.Backbone.Links != kept {
		t.Fatalf("backbone %+v, want %d links", res.Network.Backbone, kept)
	}
	distinct := map[int]bool{}
	for i, c := range res.Cities {
		if c.Degree != want[i] {
			t.Errorf("%s: degree %d, want %d", c.ID, c.Degree, want[i])
		}
		if math.Abs(c.Strength-strength[i]) > 1e-9*strength[i] {
			t.Errorf("%s: strength %v, want every link's %v", c.ID, c.Strength, strength[i])
		}
		distinct[c.Degree] = true
	}
	if len(distinct) < 5 {
		t.Errorf("only %d distinct degrees on the backbone", len(distinct))
	}
	// The pattern does not read the network.
	none := p
	none.Backbone = Backbone{Kind: "none"}
	whole := runSample(t, none)
	if !slices.Equal(whole.Belts[0].Cities, res.Belts[0].Cities) || len(whole.Sectors) != len(res.Sectors) ||
		whole.IsolatedHubs[0].ID != res.IsolatedHubs[0].ID || whole.Latecomers[0].ID != res.Latecomers[0].ID {
		t.Error("the backbone changed the pattern of strong cities")
	}
	if whole.Network.Backbone != nil || whole.Cities[0].Degree != n-1 || whole.Network.MaxCore != n-1 {
		t.Errorf("backbone none: summary %+v, degree %d, max core %d; want every link", whole.Network.Backbone, whole.Cities[0].Degree, whole.Network.MaxCore)
	}
}

func TestBackboneParse(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{{"auto", "auto", true}, {"none", "none", true}, {"disparity:0.05", "disparity:0.05", true}, {"top:3", "top:3", true},
		{"disparity:0", "", false}, {"disparity:1.5", "", false}, {"disparity", "", false}, {"top:0", "", false}, {"top:x", "", false}, {"all", "", false}} {
		var b Backbone
		err := b.UnmarshalText([]byte(c.in))
		if (err == nil) != c.ok || (c.ok && b.String() != c.want) {
			t.Errorf("%q: %v %v, want %q ok %v", c.in, b, err, c.want, c.ok)
		}
	}
}

// TestBackboneTinyFallsBack: on 3 cities every city has k = 2, so a link
// is significant at 0.05 only with over 95% of a city's strength; the
// scores 10, 40, 90 give none, and the automatic backbone falls back to
// every link, with a warning.
func TestBackboneTinyFallsBack(t *testing.T) {
	ds, err := readData("three.json", pointsJSON([]float64{30, 30.5, 31}, []float64{120, 120.4, 120.1}, []float64{10, 40, 90}))
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParameters()
	p.Permutations = 0
	res, err := Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Parameters.Backbone.Kind != "none" || res.Network.Backbone != nil || res.Cities[0].Degree != 2 {
		t.Errorf("backbone %s (%+v), degree %d; want none and every link", res.Parameters.Backbone, res.Network.Backbone, res.Cities[0].Degree)
	}
	if !containsWarning(res.Warnings, "keeps none of the network's 3 links") {
		t.Errorf("no warning in %q", res.Warnings)
	}
}
