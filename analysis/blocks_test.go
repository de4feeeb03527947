package analysis

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"collab/data"
	"collab/graph"
)

// florentinePaths are NetworkX 2.8's whole-network measures of Padgett's
// Florentine marriage network (15 families, 20 links):
//
//	/usr/bin/python3 -c "import networkx as nx; G = nx.florentine_families_graph();
//	print(repr(nx.average_shortest_path_length(G)), nx.diameter(G), repr(nx.global_efficiency(G)))"
//
// Krackhardt's efficiency by hand: one component of 15 nodes needs 14
// links; the 40 cells of the 20 links exceed that by 26 of the 14^2 = 196
// possible, so 1 - 26/196. An undirected network has LUB 1.
const (
	florentineAvgPath    = 2.4857142857142858
	florentineDiameter   = 5
	florentineGlobalEff  = 0.5001587301587297
	florentineKrackhardt = 1 - 26.0/196
)

// TestWholeNetworkOfFlorentine checks the network keys the positions
// stage adds against NetworkX (rerun when /usr/bin/python3 has networkx)
// and the hand-worked Krackhardt efficiency, to 1e-12.
func TestWholeNetworkOfFlorentine(t *testing.T) {
	src, err := os.ReadFile("../cmd/collab/testdata/florentine.json")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := readData("florentine.json", src)
	if err != nil {
		t.Fatal(err)
	}
	avg, ge := florentineAvgPath, florentineGlobalEff
	if live, err := exec.Command("/usr/bin/python3", "-c", "import networkx as nx; G = nx.florentine_families_graph(); print(repr(nx.average_shortest_path_length(G)), repr(nx.global_efficiency(G)))").Output(); err != nil {
		t.Logf("python3 with networkx not found (Debian: python3-networkx): comparing with the pinned values (%v)", err)
	} else if f := strings.Fields(string(live)); len(f) == 2 {
		avg, _ = strconv.ParseFloat(f[0], 64)
		ge, _ = strconv.ParseFloat(f[1], 64)
	}
	w := run(t, ds, DefaultParameters()).Network.WholeNetwork
	for _, c := range []struct {
		name      string
		got       *float64
		want, tol float64
	}{
		{"avg_path_length", w.AvgPathLength, avg, 1e-12},
		// Every link has weight 1: lengths 1/weight are the hops.
		{"avg_path_length_weighted", w.AvgPathLengthWeighted, avg, 1e-12},
		{"diameter_weighted", w.DiameterWeighted, florentineDiameter, 0},
		{"global_efficiency", w.GlobalEfficiency, ge, 1e-12},
		{"efficiency", w.Efficiency, florentineKrackhardt, 1e-12},
		{"lub", w.LUB, 1, 0},
	} {
		if c.got == nil || math.Abs(*c.got-c.want) > c.tol {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if w.Diameter == nil || *w.Diameter != florentineDiameter || w.PathMeasureSources != 15 {
		t.Errorf("diameter %v from %d sources, want %d from 15", w.Diameter, w.PathMeasureSources, florentineDiameter)
	}
	if w.AvgPathLengthSE != nil || w.AvgPathLengthWeightedSE != nil || w.GlobalEfficiencySE != nil {
		t.Errorf("standard errors %v %v %v of exact measures, want null", w.AvgPathLengthSE, w.AvgPathLengthWeightedSE, w.GlobalEfficiencySE)
	}
	// The references are seeded by the study's seed: sigma and omega are
	// those of graph.SmallWorld with it.
	if w.SmallWorldSigma == nil || w.SmallWorldOmega == nil || !(*w.SmallWorldSigma > 1) {
		t.Errorf("sigma %v omega %v: the Florentine network is a small world (sigma about 1.3 in NetworkX)", w.SmallWorldSigma, w.SmallWorldOmega)
	}
}

// TestPositionsOfSample checks the block model on the sample: on the
// complete undirected network sigma is 1 and omega 0 (its references are
// itself); the blocks are graph.Concor's, each city carries its block's
// role, the table lists each block's cities highest score first, and the
// undirected network gives every block an inflow share of exactly 0.5. On
// the directed gravity network the roles follow Burt's rule from the
// flows.
func TestPositionsOfSample(t *testing.T) {
	r := run(t, sample(t), DefaultParameters())
	w := r.Network.WholeNetwork
	if w.SmallWorldSigma == nil || math.Abs(*w.SmallWorldSigma-1) > 1e-12 || w.SmallWorldOmega == nil || math.Abs(*w.SmallWorldOmega) > 1e-12 {
		t.Errorf("complete network: sigma %v omega %v, want 1 and 0", w.SmallWorldSigma, w.SmallWorldOmega)
	}
	checkBlocks(t, r)
	for _, b := range r.Blocks.Blocks {
		if b.InflowShare == nil || *b.InflowShare != 0.5 || (b.Role != graph.RoleNetBenefit && b.Role != graph.RoleBroker) {
			t.Errorf("undirected block %d: inflow %v role %s", b.Block, b.InflowShare, b.Role)
		}
	}
	p := DefaultParameters()
	p.Directed = true
	r = run(t, sample(t), p)
	checkBlocks(t, r)
	if w := r.Network.WholeNetwork; w.SmallWorldSigma != nil || w.SmallWorldOmega != nil {
		t.Errorf("directed: sigma %v omega %v, want null", w.SmallWorldSigma, w.SmallWorldOmega)
	}
	for _, b := range r.Blocks.Blocks {
		inside := *b.InternalShare >= b.ExpectedInternalShare
		hardly := *b.InflowShare < r.Blocks.ReceivedThreshold
		want := map[[2]bool]graph.BlockRole{{true, true}: graph.RoleBidirectionalSpillover, {true, false}: graph.RoleNetBenefit,
			{false, true}: graph.RoleNetSpillover, {false, false}: graph.RoleBroker}[[2]bool{inside, hardly}]
		if b.Role != want {
			t.Errorf("block %d: internal %v expected %v inflow %v: role %s, want %s", b.Block, *b.InternalShare, b.ExpectedInternalShare, *b.InflowShare, b.Role, want)
		}
	}
}

// checkBlocks compares r's block model with graph.Concor on r's network.
func checkBlocks(t *testing.T, r *Result) {
	t.Helper()
	if r.Blocks == nil {
		t.Fatal("no block table")
	}
	index := map[string]int{}
	for i, c := range r.Cities {
		index[c.ID] = i
	}
	var edges []graph.Edge
	for _, l := range r.Links {
		edges = append(edges, graph.Edge{From: index[l.Source], To: index[l.Target], Weight: l.Weight})
	}
	net, err := graph.New(len(r.Cities), edges, r.Network.Directed)
	if err != nil {
		t.Fatal(err)
	}
	concor, err := net.Concor(t.Context(), graph.ConcorOptions{})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for k, b := range r.Blocks.Blocks {
		total += b.Size
		if len(b.Cities) != b.Size || b.Size != concor.Sizes[k] {
			t.Errorf("block %d: %d cities listed, size %d, Concor %d", k, len(b.Cities), b.Size, concor.Sizes[k])
		}
		if !slices.IsSortedFunc(b.Cities, func(x, y string) int { return descending(r.Cities[index[x]].Score, r.Cities[index[y]].Score) }) {
			t.Errorf("block %d cities %v not by score", k, b.Cities)
		}
		for _, id := range b.Cities {
			c := r.Cities[index[id]]
			if c.BlockPosition == nil || c.Block == nil || *c.Block != k || *c.Block != concor.Block[index[id]] || c.BlockRole == nil || *c.BlockRole != string(b.Role) {
				t.Errorf("%s: position %+v, in block %d (%s), Concor %d", id, c.BlockPosition, k, b.Role, concor.Block[index[id]])
			}
		}
	}
	if total != len(r.Cities) {
		t.Errorf("blocks hold %d of %d cities", total, len(r.Cities))
	}
}

// TestSmallWorldAttempts checks the estimate behind SmallWorldMaxAttempts:
// 1150 rounds per link (10 references x (100 + 10 + 5)), each of
// int(2m/(n-1)) attempts but at least one.
func TestSmallWorldAttempts(t *testing.T) {
	for _, c := range []struct {
		n, m int
		want float64
	}{
		{1, 0, 0},
		{15, 20, 1150 * 20 * (40.0 / 14)},
		{340, 2097, 1150 * 2097 * (4194.0 / 339)},
		{1000, 100, 1150 * 100},
	} {
		if got := smallWorldAttempts(c.n, c.m); math.Abs(got-c.want) > 1e-9*c.want {
			t.Errorf("smallWorldAttempts(%d, %d) = %g, want %g", c.n, c.m, got, c.want)
		}
	}
}

// TestPositionsLimits checks the size limits on a region of 2,001 cities
// (each keeping its 8 strongest gravity links): CONCOR and least upper
// boundedness are skipped, blocks and lub null, and sigma and omega skipped
// by their swap attempts, each with a warning naming its limit, while the
// cheap measures are still computed.
func TestPositionsLimits(t *testing.T) {
	const n = 2001
	rng := rand.New(rand.NewPCG(5, 6))
	ds := &data.Dataset{Cities: make([]data.City, n)}
	for i := range ds.Cities {
		ds.Cities[i] = data.City{ID: "c" + strconv.Itoa(i), Lat: 28 + 6*rng.Float64(), Lon: 115 + 6*rng.Float64(), Scores: []float64{1 + rng.Float64()}}
	}
	p := DefaultParameters()
	p.Permutations = 0
	p.Skip = []Stage{"spatial"}
	r := run(t, ds, p)
	w := r.Network.WholeNetwork
	if r.Blocks != nil || r.Cities[0].Block != nil || r.Cities[0].BlockRole != nil || w.LUB != nil || w.SmallWorldSigma != nil || w.SmallWorldOmega != nil {
		t.Errorf("blocks %v, position %v, lub %v, sigma %v, omega %v: want all skipped", r.Blocks, r.Cities[0].BlockPosition, w.LUB, w.SmallWorldSigma, w.SmallWorldOmega)
	}
	if w.Efficiency == nil || w.AvgPathLength == nil || w.GlobalEfficiency == nil || w.PathMeasureSources != n {
		t.Errorf("efficiency %v, path length %v, global efficiency %v from %d sources: want all computed", w.Efficiency, w.AvgPathLength, w.GlobalEfficiency, w.PathMeasureSources)
	}
	warnings := strings.Join(r.Warnings, "\n")
	for _, want := range []string{
		"the CONCOR block model was not computed: 2001 cities, over the 2000",
		"least upper boundedness was not computed: 2001 cities, over the 2000",
		"the small-world coefficients sigma and omega were not computed: their 30 reference networks would make about",
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack %q:\n%s", want, warnings)
		}
	}
}

// TestWeightedPathsOfAVanishingWeight: a link of weight 5e-324 has no
// finite length 1/w (found by FuzzAnalyze: the searches never ended, and the
// weighted path length was +Inf, which JSON cannot hold); the network bounds
// it (graph's longestLength), so the study ends with finite measures.
func TestWeightedPathsOfAVanishingWeight(t *testing.T) {
	ds := &data.Dataset{Links: []data.Link{{Source: "c0", Target: "c1", Weight: 1}, {Source: "c1", Target: "c2", Weight: 5e-324}}}
	for i := range 3 {
		ds.Cities = append(ds.Cities, data.City{ID: "c" + strconv.Itoa(i), Lat: 30 + float64(i), Lon: 120, Scores: []float64{1 + float64(i)}})
	}
	p := DefaultParameters()
	p.Edges = "links"
	p.Permutations = 0
	r := run(t, ds, p)
	w := r.Network.WholeNetwork
	if w.AvgPathLength == nil || *w.AvgPathLength != 4.0/3 || w.AvgPathLengthWeighted == nil || w.DiameterWeighted == nil ||
		math.IsInf(*w.AvgPathLengthWeighted, 0) || !(*w.DiameterWeighted > 1e300) {
		t.Errorf("hops %v, weighted %v, diameter %v: want 4/3, finite, above 1e300", w.AvgPathLength, w.AvgPathLengthWeighted, w.DiameterWeighted)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Error(err)
	}
}
