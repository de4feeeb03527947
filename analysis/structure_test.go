package analysis

import (
	"context"
	"errors"
	"math"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestStructureOfSample checks the structure stage on the embedded sample:
// every city has a community, the communities' sizes add up, the core of
// the gravity network is the Shanghai-Suzhou-Wuxi cluster, and the
// undirected network has no roles or hierarchy. The topological measures
// read every link (backbone none): one 40-core, binary clustering 1
// (TestBackboneSample checks the default backbone).
func TestStructureOfSample(t *testing.T) {
	p := DefaultParameters()
	p.Backbone = Backbone{Kind: "none"}
	r := run(t, sample(t), p)
	n := r.Network
	total := 0
	for _, size := range n.CommunitySizes {
		total += size
	}
	if total != 41 || n.Communities != len(n.CommunitySizes) || n.Modularity == nil || *n.Modularity <= 0 {
		t.Errorf("communities %d, sizes %v, modularity %v", n.Communities, n.CommunitySizes, n.Modularity)
	}
	var core []string
	for _, c := range r.Cities {
		if c.InCore {
			core = append(core, c.Name)
		}
		if c.LinkageRole != nil || c.InStrength != c.Strength || c.OutStrength != c.Strength {
			t.Errorf("%s: role %v, in %v, out %v, strength %v in an undirected network", c.Name, c.LinkageRole, c.InStrength, c.OutStrength, c.Strength)
		}
		if c.Constraint == nil || c.EffectiveSize == nil || c.Core != 40 {
			t.Errorf("%s: constraint %v, effective size %v, core %d in the complete network", c.Name, c.Constraint, c.EffectiveSize, c.Core)
		}
	}
	if want := []string{"Shanghai", "Wuxi", "Suzhou (Jiangsu)"}; !slices.Equal(core, want) || n.CoreSize != 3 {
		t.Errorf("core %v (size %d), want %v", core, n.CoreSize, want)
	}
	if n.Hierarchy != nil || n.Connectedness == nil || *n.Connectedness != 1 || n.ClusteringBinary != 1 {
		t.Errorf("hierarchy %v, connectedness %v, binary clustering %v", n.Hierarchy, n.Connectedness, n.ClusteringBinary)
	}
}

// TestCommunitiesDeterministic: Louvain on the sample gives the same
// partition on every run and on any number of cores for a seed, with one
// run and with several.
func TestCommunitiesDeterministic(t *testing.T) {
	ds := sample(t)
	for _, runs := range []int{1, 8} {
		p := DefaultParameters()
		p.Communities = runs
		prev := runtime.GOMAXPROCS(1)
		one := run(t, ds, p)
		runtime.GOMAXPROCS(8)
		many, again := run(t, ds, p), run(t, ds, p)
		runtime.GOMAXPROCS(prev)
		for _, r := range []*Result{many, again} {
			if *r.Network.Modularity != *one.Network.Modularity || r.Network.CommunityRun != one.Network.CommunityRun {
				t.Errorf("%d runs: Q %v (run %d) vs %v (run %d)", runs, *r.Network.Modularity, r.Network.CommunityRun, *one.Network.Modularity, one.Network.CommunityRun)
			}
			for i := range r.Cities {
				if r.Cities[i].Community != one.Cities[i].Community {
					t.Fatalf("%d runs: %s is in community %d, and %d on one core", runs, r.Cities[i].Name, r.Cities[i].Community, one.Cities[i].Community)
				}
			}
		}
	}
}

// TestDirectedGravity checks the directed linkage on the sample: each pair
// of cities is two arcs whose weights split the undirected linkage by mass,
// and the roles follow the out-share with the default band of 0.05.
func TestDirectedGravity(t *testing.T) {
	ds := sample(t)
	undirected := run(t, ds, DefaultParameters())
	p := DefaultParameters()
	p.Directed = true
	r := run(t, ds, p)
	if !r.Network.Directed || !r.Parameters.Directed || r.Network.Links != 41*40 || r.Network.Hierarchy == nil || *r.Network.Hierarchy != 0 {
		t.Errorf("network %+v", r.Network)
	}
	if math.Abs(r.Network.TotalWeight-undirected.Network.TotalWeight) > 1e-9*undirected.Network.TotalWeight {
		t.Errorf("total weight %v, undirected %v: the arcs of a pair must sum to its linkage", r.Network.TotalWeight, undirected.Network.TotalWeight)
	}
	roles := map[string]string{}
	for i, c := range r.Cities {
		if want := undirected.Cities[i].Strength; math.Abs(c.InStrength+c.OutStrength-want) > 1e-12*want {
			t.Errorf("%s: in %v + out %v, want its undirected strength %v", c.Name, c.InStrength, c.OutStrength, want)
		}
		roles[c.Name] = *c.LinkageRole
	}
	for name, want := range map[string]string{"Shanghai": Radiating, "Suzhou (Jiangsu)": Radiating, "Hefei": Brokering, "Wuxi": Receiving, "Bozhou": Receiving} {
		if roles[name] != want {
			t.Errorf("%s is %s, want %s", name, roles[name], want)
		}
	}
}

// TestRoles works the role rule by hand at its edges.
func TestRoles(t *testing.T) {
	for _, c := range []struct {
		in, out, band float64
		want          string
	}{
		{1, 3, 0.05, Radiating},   // sends 0.75
		{3, 1, 0.05, Receiving},   // sends 0.25
		{45, 55, 0.05, Brokering}, // exactly 0.55 is not above it
		{55, 45, 0.05, Brokering},
		{48, 52, 0, Radiating},
		{0, 0, 0.05, ""}, // no links
	} {
		got := role(c.in, c.out, c.band)
		if (got == nil && c.want != "") || (got != nil && *got != c.want) {
			t.Errorf("role(in %v, out %v, band %v) = %v, want %q", c.in, c.out, c.band, got, c.want)
		}
	}
}

// TestDirectedLinks reads observed directed links and refuses to invent a
// direction for undirected ones.
func TestDirectedLinks(t *testing.T) {
	src := `{"directed": true, "cities": [
		{"id": "a", "lat": 30, "lon": 120, "score": 4},
		{"id": "b", "lat": 30, "lon": 121, "score": 2},
		{"id": "c", "lat": 31, "lon": 121, "score": 1}],
		"links": [{"source": "a", "target": "b", "weight": 3}, {"source": "b", "target": "c", "weight": 1}]}`
	ds, err := readData("directed.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, ds, DefaultParameters())
	if !r.Network.Directed || !r.Parameters.Directed || *r.Network.Hierarchy != 1 {
		t.Errorf("a path a->b->c: network %+v", r.Network)
	}
	if got := []string{*r.Cities[0].LinkageRole, *r.Cities[1].LinkageRole, *r.Cities[2].LinkageRole}; !slices.Equal(got, []string{Radiating, Receiving, Receiving}) {
		t.Errorf("roles %v: a only sends, b receives 3 and sends 1, c only receives", got)
	}
	p := DefaultParameters()
	p.Edges = "both" // gravity arcs mixed in follow the links' direction
	if r = run(t, ds, p); !r.Network.Directed || r.Network.Links != 6 {
		t.Errorf("both: %+v", r.Network)
	}

	undirected := threeCities(t, `{"source": "a", "target": "b", "weight": 3}`)
	p = DefaultParameters()
	p.Directed = true
	var perr *ParameterError
	if _, err := Run(context.Background(), undirected, p); !errors.As(err, &perr) || !strings.Contains(err.Error(), `the dataset's links are undirected`) {
		t.Errorf("directed on undirected links: %v", err)
	}
}
