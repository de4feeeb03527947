package graph

import (
	"bufio"
	"context"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// structureCase is a published graph with the structure measures as
// NetworkX 2.8.8 computes them (Debian python3-networkx; printed by
// testdata/networkx_structure.py, which also prints igraph 0.10's core
// numbers, binary clustering, constraint and modularity: python3-igraph
// agrees to every printed digit).
type structureCase struct {
	name                                 string
	nodes                                []string
	edges                                []Edge
	directed                             bool
	clusteringWeighted, clusteringBinary []float64
	constraint, effectiveSize            []float64
	core                                 []float64
	partition                            []int   // a split of the nodes ...
	modularity                           float64 // ... and its modularity
}

// karate reads Zachary's karate club (J. Anthropol. Res. 33, 1977) with the
// interaction counts as weights, as NetworkX's karate_club_graph holds it;
// nodes 0..33.
func karate(t testing.TB) (names []string, edges []Edge) {
	f, err := os.Open("testdata/karate_edges.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		u, _ := strconv.Atoi(fields[0])
		v, _ := strconv.Atoi(fields[1])
		w, _ := strconv.ParseFloat(fields[2], 64)
		edges = append(edges, Edge{From: u, To: v, Weight: w})
	}
	for i := range 34 {
		names = append(names, strconv.Itoa(i))
	}
	return names, edges
}

// karateClubs is the split of the club after the fission: 0 for the members
// who followed Mr. Hi, 1 for the officer's (karate_club_graph's "club").
var karateClubs = []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}

// digraph7 is a small weighted digraph with reciprocated and one-way arcs,
// each node sending at least one.
var digraph7 = []Edge{{0, 1, 3}, {1, 0, 1}, {1, 2, 2}, {2, 0, 4}, {2, 3, 1}, {3, 4, 5}, {4, 3, 2},
	{4, 5, 1.5}, {5, 3, 1}, {5, 6, 2}, {6, 2, 0.5}, {0, 3, 2.5}}

func structureCases(t testing.TB) []structureCase {
	florNames, flor := florentine(t)
	karNames, kar := karate(t)
	medici := map[string]bool{"Medici": true, "Acciaiuoli": true, "Barbadori": true, "Ridolfi": true, "Tornabuoni": true,
		"Albizzi": true, "Salviati": true, "Pazzi": true, "Ginori": true}
	florSplit := make([]int, len(florNames))
	for i, name := range florNames {
		if !medici[name] {
			florSplit[i] = 1
		}
	}
	return []structureCase{{
		name:  "florentine",
		nodes: florNames,
		edges: flor,
		// Node order as in reference_test.go.
		clusteringWeighted: []float64{0, 0.0666666666666667, 0.333333333333333, 0.666666666666667, 0.333333333333333, 0, 0.333333333333333, 0.333333333333333, 0, 0, 0, 0.333333333333333, 0, 0, 0},
		clusteringBinary:   []float64{0, 0.0666666666666667, 0.333333333333333, 0.666666666666667, 0.333333333333333, 0, 0.333333333333333, 0.333333333333333, 0, 0, 0, 0.333333333333333, 0, 0, 0},
		constraint:         []float64{1, 0.209876543209877, 0.482253086419753, 0.655864197530864, 0.458333333333333, 0.5, 0.459876543209876, 0.459876543209876, 0.333333333333333, 0.5, 1, 0.482253086419753, 0.25, 1, 1},
		effectiveSize:      []float64{1, 5.66666666666667, 2.33333333333333, 1.66666666666667, 3, 2, 2.33333333333333, 2.33333333333333, 3, 2, 1, 2.33333333333333, 4, 1, 1},
		core:               []float64{1, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 2, 2, 1, 1},
		partition:          florSplit, // the Medici and their allies against the rest
		modularity:         0.295,
	}, {
		name:               "karate",
		nodes:              karNames,
		edges:              kar,
		clusteringWeighted: []float64{0.0663112119614188, 0.166914883976508, 0.13142659927282, 0.30000149259628, 0.249594418496085, 0.231774476266405, 0.231774476266405, 0.485671591892887, 0.242972269923682, 0, 0.249594418496085, 0, 0.297154831864558, 0.307286557095802, 0.443890357993408, 0.559266805881266, 0.508127614927152, 0.285714285714286, 0.307776384290269, 0.119992480942369, 0.352316010618639, 0.359977442827107, 0.443890357993408, 0.220585080219949, 0.144599474851222, 0.144599474851222, 0.359977442827107, 0.0952380952380952, 0.119992480942369, 0.303313351783972, 0.234733822699635, 0.0939552423974207, 0.0965676420286808, 0.0523301061546394},
		clusteringBinary:   []float64{0.15, 0.333333333333333, 0.244444444444444, 0.666666666666667, 0.666666666666667, 0.5, 0.5, 1, 0.5, 0, 0.666666666666667, 0, 1, 0.6, 1, 1, 1, 1, 1, 0.333333333333333, 1, 1, 1, 0.4, 0.333333333333333, 0.333333333333333, 1, 0.166666666666667, 0.333333333333333, 0.666666666666667, 0.5, 0.2, 0.196969696969697, 0.110294117647059},
		constraint:         []float64{0.19062348905638, 0.340901983128556, 0.255653839096456, 0.412222615611559, 0.508088569654933, 0.491129227774916, 0.531404721651974, 0.527081950416345, 0.334414756358752, 0.555555555555556, 0.530497648278061, 1, 0.730229591836735, 0.382748624315661, 0.641126692828563, 0.632394347397315, 0.939749124501872, 0.665331407588358, 0.667077583700968, 0.439109363919964, 0.723821347073138, 0.623608381124943, 0.639834227839335, 0.312773961165563, 0.512471655328798, 0.456314498588551, 0.65316243881949, 0.322210146385971, 0.398982741244646, 0.438925197353879, 0.394491170724007, 0.275498835126792, 0.258256140483754, 0.186287285632294},
		effectiveSize:      []float64{13.775, 6.46724137931034, 7.9469696969697, 3.63333333333333, 2.225, 2.94285714285714, 2.78461538461538, 1.46153846153846, 3.39607843137255, 2, 2.15, 1, 1.3, 2.92352941176471, 1, 1, 1, 1.28888888888889, 1, 2.41333333333333, 1, 1.26666666666667, 1, 3.72380952380952, 2.42857142857143, 2.62585034013605, 1.56666666666667, 3.50769230769231, 2.54285714285714, 2.49230769230769, 2.69090909090909, 5.14104308390023, 10.0892857142857, 15.2289186507937},
		core:               []float64{4, 4, 4, 4, 3, 3, 3, 4, 4, 2, 3, 1, 2, 4, 2, 2, 2, 2, 2, 3, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 4, 3, 4, 4},
		partition:          karateClubs,
		modularity:         0.391437566762242,
	}, {
		name:               "digraph7",
		nodes:              []string{"0", "1", "2", "3", "4", "5", "6"},
		edges:              digraph7,
		directed:           true,
		clusteringWeighted: []float64{0.140778676612934, 0.244224957030741, 0.117315563844112, 0.0617124231213747, 0.169984169544592, 0.113322779696395, 0},
		clusteringBinary:   []float64{0.3, 0.5, 0.25, 0.166666666666667, 0.5, 0.333333333333333, 0},
		constraint:         []float64{0.595762051932724, 1.05800957420005, 0.840703447940823, 0.542814518446098, 0.805873704239099, 0.663858624488134, 0.68},
		effectiveSize:      []float64{2.50510204081633, 1, 2.92619047619048, 3.22049689440994, 1.56302521008403, 2.44444444444444, 2},
		core:               []float64{2, 2, 2, 2, 2, 2, 2},
		partition:          []int{0, 0, 0, 1, 1, 1, 1},
		modularity:         0.348327566320646,
	}}
}

func TestStructureMatchesNetworkX(t *testing.T) {
	for _, c := range structureCases(t) {
		g, err := New(len(c.nodes), c.edges, c.directed)
		if err != nil {
			t.Fatal(err)
		}
		checkClose(t, c.name+" weighted clustering", c.nodes, clustering(t, g, true), c.clusteringWeighted, referenceTol)
		checkClose(t, c.name+" binary clustering", c.nodes, clustering(t, g, false), c.clusteringBinary, referenceTol)
		constraint, effective, _ := g.StructuralHoles(context.Background())
		checkClose(t, c.name+" constraint", c.nodes, constraint, c.constraint, referenceTol)
		checkClose(t, c.name+" effective size", c.nodes, effective, c.effectiveSize, referenceTol)
		var core []float64
		for _, k := range g.CoreNumbers() {
			core = append(core, float64(k))
		}
		checkClose(t, c.name+" core number", c.nodes, core, c.core, 0)
		if q := g.Modularity(c.partition, 1); math.Abs(q-c.modularity) > referenceTol {
			t.Errorf("%s: modularity %.15g, want %.15g", c.name, q, c.modularity)
		}
	}
}

// TestDirectedPathsMatchNetworkX checks that directed closeness and harmonic
// closeness use distances into each node, as NetworkX's do, and that
// directed betweenness is normalised by (n-1)(n-2) (networkx_structure.py).
func TestDirectedPathsMatchNetworkX(t *testing.T) {
	g, err := New(7, digraph7, true)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"0", "1", "2", "3", "4", "5", "6"}
	pc, _ := g.ShortestPaths(context.Background(), PathOptions{})
	checkClose(t, "betweenness", names, pc.Betweenness, []float64{0.533333333333333, 0.0333333333333333, 0.533333333333333, 0.4, 0.4, 0.366666666666667, 0.3}, referenceTol)
	checkClose(t, "closeness", names, pc.Closeness, []float64{0.460358056265985, 0.420070011668611, 0.485175202156334, 0.94488188976378, 0.851063829787234, 0.609137055837564, 0.642857142857143}, referenceTol)
	checkClose(t, "harmonic", names, pc.Harmonic, []float64{6.71059476409594, 5.94553803643228, 4.71281917665451, 8.28538524641888, 9.76808852195849, 4.88288845556584, 5.04810667203761}, referenceTol)
}

// TestCorePeripheryMatchesSciPy compares the coreness, its fit and the core
// with a dense least-squares fit by SciPy's L-BFGS-B of the same model
// (networkx_structure.py), which stops within about 1e-8 of the optimum.
func TestCorePeripheryMatchesSciPy(t *testing.T) {
	_, flor := florentine(t)
	_, kar := karate(t)
	for _, c := range []struct {
		name     string
		n        int
		edges    []Edge
		directed bool
		coreness []float64
		fit      float64
		core     []int
		coreFit  float64
	}{
		{"florentine", 15, flor, false, []float64{0.180866963114622, 1, 0.0487488917934925, 0.0247787618856013, 0.0610799378198372, 0.190211709206496, 0.241319716520192, 0.245915784826549, 0.204861482282397, 0.187187699856783, 0.0330206911264872, 0.0306892333177789, 0.0881325961345661, 0.0361445134631768, 0.0155366653702017}, 0.44223927244806, []int{1, 6, 7}, 0.422577127364259},
		{"karate", 34, kar, false, []float64{0.820141100776814, 0.802327292877207, 1, 0.49736109612652, 0.130086295115526, 0.15449243046615, 0.152546349398011, 0.449896222000564, 0.620630143547021, 0.118900369485076, 0.105200736825951, 0.103778757174337, 0.0975082963550049, 0.612974556129824, 0.180540767660547, 0.258885306822098, 0.0387948928132288, 0.103024833787478, 0.111104478999438, 0.175759355271331, 0.141796461940346, 0.137043281836902, 0.184506565760575, 0.493263451547115, 0.104985462505409, 0.256358967155213, 0.127751213064246, 0.339831554031787, 0.202339256211664, 0.302169163398769, 0.37199917610183, 0.478360040956025, 0.816021246442975, 0.908712146041966}, 0.47999430026862, []int{0, 1, 2, 3, 8, 13, 23, 31, 32, 33}, 0.540582776819891},
		{"digraph7", 7, digraph7, true, []float64{0.180185371475893, 0.0523156741444479, 0.103891332664502, 1, 0.495477512195659, 0.100386376230057, 0.0142111377970264}, 0.529055376101138, []int{3, 4}, 0.571792661688172},
	} {
		g, err := New(c.n, c.edges, c.directed)
		if err != nil {
			t.Fatal(err)
		}
		cp, _ := g.CorePeriphery(context.Background(), 1e-13)
		if !cp.Converged {
			t.Errorf("%s: did not converge", c.name)
		}
		names := make([]string, c.n)
		for i := range names {
			names[i] = strconv.Itoa(i)
		}
		checkClose(t, c.name+" coreness", names, cp.Coreness, c.coreness, 1e-7)
		if math.Abs(cp.Fit-c.fit) > 1e-9 {
			t.Errorf("%s: fit %.15g, want %.15g", c.name, cp.Fit, c.fit)
		}
		var core []int
		for v, in := range cp.Core {
			if in {
				core = append(core, v)
			}
		}
		if !slices.Equal(core, c.core) || math.Abs(cp.CoreFit-c.coreFit) > 1e-12 {
			t.Errorf("%s: core %v (fit %.15g), want %v (%.15g)", c.name, core, cp.CoreFit, c.core, c.coreFit)
		}
	}
}

// barbell is NetworkX's barbell_graph(3, 0): two triangles {0,1,2} and
// {3,4,5} joined by the link 2-3.
var barbell = []Edge{{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {3, 4, 1}, {3, 5, 1}, {4, 5, 1}, {2, 3, 1}}

// TestModularityReference reproduces NetworkX's test_quality.py values for
// the barbell graph (../shared/reference/README.md): 70/196 for the two
// triangles, -16/196 for {0,1,4},{2,3,5}.
func TestModularityReference(t *testing.T) {
	g, err := New(6, barbell, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		labels []int
		want   float64
	}{
		{[]int{0, 0, 0, 1, 1, 1}, 70.0 / 196},
		{[]int{0, 0, 1, 1, 0, 1}, -16.0 / 196},
	} {
		if got := g.Modularity(c.labels, 1); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("Modularity(%v) = %.17g, want %.17g", c.labels, got, c.want)
		}
	}
	p, _ := g.Louvain(context.Background(), 1, 1, 1)
	if !slices.Equal(p.Community, []int{0, 0, 0, 1, 1, 1}) || !slices.Equal(p.Sizes, []int{3, 3}) || math.Abs(p.Q-70.0/196) > 1e-15 {
		t.Errorf("Louvain on the barbell = %+v, want the two triangles with Q 70/196", p)
	}
	empty, _ := New(3, nil, false)
	if q := empty.Modularity([]int{0, 1, 2}, 1); !math.IsNaN(q) {
		t.Errorf("modularity without links = %v, want NaN", q)
	}
}

// TestModularityMatchesGonum compares Modularity with gonum's community.Q,
// an independent implementation, on random partitions of random networks,
// undirected and directed, at two resolutions.
func TestModularityMatchesGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for _, directed := range []bool{false, true} {
		g := randomNetwork(t, 60, 200, 11)
		if directed {
			var err error
			if g, err = New(60, g.Edges(), true); err != nil {
				t.Fatal(err)
			}
		}
		labels := make([]int, 60)
		groups := make([][]gonum.Node, 4)
		for v := range labels {
			labels[v] = rng.IntN(4)
			groups[labels[v]] = append(groups[labels[v]], simple.Node(v))
		}
		view, _ := g.gonumGraph(context.Background())
		for _, gamma := range []float64{1, 1.7} {
			want := community.Q(view, groups, gamma)
			if got := g.Modularity(labels, gamma); math.Abs(got-want) > 1e-12 {
				t.Errorf("directed %v, resolution %g: Q = %.15g, gonum %.15g", directed, gamma, got, want)
			}
		}
	}
}

// TestLouvainKarate checks Louvain on the unweighted karate club against
// the proven maximum modularity of that graph, 0.4197896 (Brandes et al.,
// "On modularity clustering", IEEE TKDE 20, 2008): the best of 10 runs must
// come within 0.001 of it and cannot exceed it. A larger resolution must
// not give fewer communities.
func TestLouvainKarate(t *testing.T) {
	_, kar := karate(t)
	for i := range kar {
		kar[i].Weight = 1
	}
	g, err := New(34, kar, false)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := g.Louvain(context.Background(), 1, 42, 10)
	if p.Q < 0.4188 || p.Q > 0.4197896+1e-7 {
		t.Errorf("best Q of 10 runs = %.7f, want within [0.4188, 0.4197896]", p.Q)
	}
	if sum := 0; true {
		for _, s := range p.Sizes {
			sum += s
		}
		if sum != 34 || !slices.IsSortedFunc(p.Sizes, func(a, b int) int { return b - a }) {
			t.Errorf("sizes %v: want 34 nodes, largest first", p.Sizes)
		}
	}
	if fine, _ := g.Louvain(context.Background(), 2, 42, 10); len(fine.Sizes) < len(p.Sizes) {
		t.Errorf("resolution 2 gives %d communities, resolution 1 %d", len(fine.Sizes), len(p.Sizes))
	}
}

// TestLouvainDeterministic checks that a seed gives the same partition, bit
// for bit, on one core and on eight, and that each run r of several is the
// run a single call with that stream gives.
func TestLouvainDeterministic(t *testing.T) {
	g := randomNetwork(t, 400, 1600, 9)
	prev := runtime.GOMAXPROCS(1)
	one, _ := g.Louvain(context.Background(), 1, 7, 6)
	runtime.GOMAXPROCS(8)
	many, _ := g.Louvain(context.Background(), 1, 7, 6)
	again, _ := g.Louvain(context.Background(), 1, 7, 6)
	runtime.GOMAXPROCS(prev)
	for _, p := range []Partition{many, again} {
		if !slices.Equal(one.Community, p.Community) || math.Float64bits(one.Q) != math.Float64bits(p.Q) || one.Run != p.Run {
			t.Fatalf("partitions differ: run %d Q %v vs run %d Q %v", one.Run, one.Q, p.Run, p.Q)
		}
	}
	view, _ := g.gonumGraph(context.Background())
	for r := range 6 {
		if p, _ := g.louvainRun(context.Background(), view, 1, 7, r); p.Q > one.Q {
			q := p.Q
			t.Errorf("run %d has Q %v above the chosen run %d's %v", r, q, one.Run, one.Q)
		}
	}
}

// TestPartitionNumbering checks that communities are numbered by size, then
// by lowest node, whatever order the search listed them in.
func TestPartitionNumbering(t *testing.T) {
	g, err := New(7, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	nodes := func(ids ...int) []gonum.Node {
		var ns []gonum.Node
		for _, id := range ids {
			ns = append(ns, simple.Node(id))
		}
		return ns
	}
	p := g.partition([][]gonum.Node{nodes(6), nodes(5, 1), nodes(4, 2, 3), nodes(0)})
	if want := []int{2, 1, 0, 0, 0, 1, 3}; !slices.Equal(p.Community, want) {
		t.Errorf("labels %v, want %v", p.Community, want)
	}
	if want := []int{3, 2, 1, 1}; !slices.Equal(p.Sizes, want) {
		t.Errorf("sizes %v, want %v", p.Sizes, want)
	}
}

// TestCorePeripheryIdeal works two ideal structures by hand: a clique core
// {0,1,2,3} whose members each also tie to periphery nodes that have no ties
// among themselves (discrete fit 1, that core), and weights that are exactly
// c_i c_j (continuous fit 1, coreness c / max c).
func TestCorePeripheryIdeal(t *testing.T) {
	var blocks []Edge
	for i := range 4 {
		for j := i + 1; j < 4; j++ {
			blocks = append(blocks, Edge{i, j, 1})
		}
	}
	blocks = append(blocks, Edge{0, 4, 1}, Edge{0, 5, 1}, Edge{1, 5, 1}, Edge{1, 6, 1}, Edge{2, 7, 1}, Edge{3, 8, 1}, Edge{3, 9, 1}, Edge{2, 9, 1})
	g, err := New(10, blocks, false)
	if err != nil {
		t.Fatal(err)
	}
	cp, _ := g.CorePeriphery(context.Background(), 1e-13)
	if want := []bool{true, true, true, true, false, false, false, false, false, false}; !slices.Equal(cp.Core, want) || math.Abs(cp.CoreFit-1) > 1e-12 {
		t.Errorf("core %v with fit %v, want the clique {0,1,2,3} with fit 1", cp.Core, cp.CoreFit)
	}

	c := []float64{1, 0.8, 0.5, 0.3, 0.2}
	var rank1 []Edge
	for i := range c {
		for j := i + 1; j < len(c); j++ {
			rank1 = append(rank1, Edge{i, j, 3 * c[i] * c[j]})
		}
	}
	g, err = New(5, rank1, false)
	if err != nil {
		t.Fatal(err)
	}
	cp, _ = g.CorePeriphery(context.Background(), 1e-14)
	checkClose(t, "rank-1 coreness", []string{"0", "1", "2", "3", "4"}, cp.Coreness, c, 1e-10)
	if math.Abs(cp.Fit-1) > 1e-12 {
		t.Errorf("rank-1 fit = %.15g, want 1", cp.Fit)
	}

	empty, _ := New(5, nil, false)
	cp, _ = empty.CorePeriphery(context.Background(), 1e-12)
	if !math.IsNaN(cp.Fit) || !math.IsNaN(cp.CoreFit) || slices.Contains(cp.Core, true) {
		t.Errorf("network without links: %+v, want NaN fits and no core", cp)
	}
}

// TestKrackhardtByHand works connectedness and hierarchy by hand: a cycle
// 0->1->2->0 with a tail 2->3 and an isolated node 4 has 3 pairs reachable
// both ways and 3 one way (hierarchy 3/6), and 6 of its 10 pairs weakly
// joined; a directed path is a pure hierarchy; an undirected network has
// none.
func TestKrackhardtByHand(t *testing.T) {
	for _, c := range []struct {
		name                     string
		n                        int
		edges                    []Edge
		directed                 bool
		connectedness, hierarchy float64
	}{
		{"cycle with tail", 5, []Edge{{0, 1, 1}, {1, 2, 1}, {2, 0, 1}, {2, 3, 1}}, true, 0.6, 0.5},
		{"path", 3, []Edge{{0, 1, 1}, {1, 2, 1}}, true, 1, 1},
		{"undirected", 4, []Edge{{0, 1, 1}, {1, 2, 1}}, false, 0.5, 0},
		{"mutual", 2, []Edge{{0, 1, 1}, {1, 0, 1}}, true, 1, 0},
		{"no links", 3, nil, true, 0, math.NaN()},
	} {
		g, err := New(c.n, c.edges, c.directed)
		if err != nil {
			t.Fatal(err)
		}
		if got := g.Connectedness(); math.Abs(got-c.connectedness) > 1e-15 {
			t.Errorf("%s: connectedness %v, want %v", c.name, got, c.connectedness)
		}
		if got, _ := g.Hierarchy(context.Background()); !(math.Abs(got-c.hierarchy) <= 1e-15 || math.IsNaN(got) && math.IsNaN(c.hierarchy)) {
			t.Errorf("%s: hierarchy %v, want %v", c.name, got, c.hierarchy)
		}
	}
}

// TestHierarchyMatchesReachability counts reachable pairs directly, by a
// search from every node, on random sparse digraphs (many components).
func TestHierarchyMatchesReachability(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 5 {
		n := 40 + 20*trial
		seen := map[[2]int]bool{}
		var edges []Edge
		for len(edges) < n+10*trial {
			a, b := rng.IntN(n), rng.IntN(n)
			if a != b && !seen[[2]int{a, b}] {
				seen[[2]int{a, b}] = true
				edges = append(edges, Edge{a, b, 1})
			}
		}
		g, err := New(n, edges, true)
		if err != nil {
			t.Fatal(err)
		}
		reach := make([][]bool, n)
		for s := range n {
			reach[s] = make([]bool, n)
			reach[s][s] = true
			queue := []int{s}
			for k := 0; k < len(queue); k++ {
				adj, _ := g.out.neighbors(queue[k])
				for _, v := range adj {
					if !reach[s][v] {
						reach[s][v] = true
						queue = append(queue, int(v))
					}
				}
			}
		}
		var both, some int
		for i := range n {
			for j := i + 1; j < n; j++ {
				if reach[i][j] && reach[j][i] {
					both++
				}
				if reach[i][j] || reach[j][i] {
					some++
				}
			}
		}
		got, _ := g.Hierarchy(context.Background())
		if want := 1 - float64(both)/float64(some); math.Abs(got-want) > 1e-15 {
			t.Errorf("trial %d: hierarchy %v, want %v", trial, got, want)
		}
	}
}

// TestGravityDirected splits gravity links by mass share by hand: masses 2
// and 3 at 10 km give R = 6/100, so 0->1 carries 2/5 of it and 1->0 3/5.
func TestGravityDirected(t *testing.T) {
	pos := []float64{0, 10, 30}
	dist := func(i, j int) float64 { return math.Abs(pos[i] - pos[j]) }
	links, _ := Gravity(context.Background(), []float64{2, 3, 0}, 2, dist)
	got := GravityDirected([]float64{2, 3, 0}, links)
	want := []Edge{{0, 1, 2.0 / 5 * 0.06}, {1, 0, 3.0 / 5 * 0.06}}
	if len(got) != len(want) {
		t.Fatalf("GravityDirected = %v, want %v", got, want)
	}
	for i := range want {
		if got[i].From != want[i].From || got[i].To != want[i].To || math.Abs(got[i].Weight-want[i].Weight) > 1e-15 {
			t.Errorf("arc %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestCubicRoots(t *testing.T) {
	for _, c := range []struct {
		a, b, c, d float64
		want       []float64
	}{
		{1, -6, 11, -6, []float64{1, 2, 3}}, // (t-1)(t-2)(t-3)
		{2, 0, 2, -4, []float64{1}},         // 2(t-1)(t^2+t+2)
		{0, 1, -3, 2, []float64{1, 2}},      // a quadratic
		{0, 0, 4, -2, []float64{0.5}},       // a line
		{1, -3, 3, -1, []float64{1, 1, 1}},  // a triple root
	} {
		got := cubicRoots(c.a, c.b, c.c, c.d)
		slices.Sort(got)
		if len(got) != len(c.want) {
			t.Errorf("roots of %v = %v, want %v", c, got, c.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-c.want[i]) > 1e-5 {
				t.Errorf("roots of %v = %v, want %v", c, got, c.want)
			}
		}
	}
}

// TestLouvainSparseEdges covers networks without links and with isolated
// nodes, directed and not: every node is placed, isolated ones alone.
func TestLouvainSparseEdges(t *testing.T) {
	for _, directed := range []bool{false, true} {
		empty, _ := New(3, nil, directed)
		if p, _ := empty.Louvain(context.Background(), 1, 1, 2); !slices.Equal(p.Community, []int{0, 1, 2}) || !math.IsNaN(p.Q) {
			t.Errorf("directed %v, no links: %+v, want singletons and Q NaN", directed, p)
		}
		g, err := New(5, []Edge{{0, 1, 1}, {1, 3, 2}, {3, 0, 1}}, directed)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := g.Louvain(context.Background(), 1, 1, 2)
		if p.Community[2] == p.Community[0] || p.Community[4] == p.Community[0] || p.Community[2] == p.Community[4] || len(p.Sizes) < 3 {
			t.Errorf("directed %v: %+v, want nodes 2 and 4 alone", directed, p)
		}
	}
}

// TestStructureProperties runs every structure measure on random sparse
// networks, directed and undirected, with isolated nodes, and checks the
// bounds each must keep: clustering and coreness in [0, 1], core number at
// most the degree, constraint and effective size NaN exactly for isolated
// nodes, modularity below 1, correlations, hierarchy and connectedness in
// [-1, 1] or [0, 1]. (Such sparse random forests are mostly star-like, where
// the core-periphery fit does not converge; see CorePeriphery.)
func TestStructureProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for trial := range 20 {
		n, directed := 10+rng.IntN(40), trial%2 == 1
		seen := map[[2]int]bool{}
		var edges []Edge
		for range rng.IntN(3 * n) {
			a, b := rng.IntN(n-2), rng.IntN(n-2) // nodes n-2 and n-1 stay isolated
			key := [2]int{a, b}
			if !directed {
				key = [2]int{min(a, b), max(a, b)}
			}
			if a != b && !seen[key] {
				seen[key] = true
				edges = append(edges, Edge{a, b, math.Exp(3 * rng.NormFloat64())})
			}
		}
		g, err := New(n, edges, directed)
		if err != nil {
			t.Fatal(err)
		}
		degree := g.Degree()
		weighted, binary := clustering(t, g, true), clustering(t, g, false)
		constraint, effective, _ := g.StructuralHoles(context.Background())
		core := g.CoreNumbers()
		cp, _ := g.CorePeriphery(context.Background(), 1e-10)
		for v := range n {
			bad := weighted[v] < 0 || weighted[v] > 1+1e-12 || binary[v] < 0 || binary[v] > 1+1e-12 ||
				core[v] > degree[v] || cp.Coreness[v] < 0 || cp.Coreness[v] > 1 ||
				math.IsNaN(constraint[v]) != (degree[v] == 0) || math.IsNaN(effective[v]) != (degree[v] == 0)
			if bad {
				t.Errorf("trial %d node %d (degree %d): clustering %v/%v, core %d, coreness %v, constraint %v, effective size %v",
					trial, v, degree[v], weighted[v], binary[v], core[v], cp.Coreness[v], constraint[v], effective[v])
			}
		}
		if !(cp.Fit >= -1 && cp.Fit <= 1 || math.IsNaN(cp.Fit)) {
			t.Errorf("trial %d: core-periphery fit %v", trial, cp.Fit)
		}
		p, _ := g.Louvain(context.Background(), 1, uint64(trial), 2)
		if len(edges) > 0 && !(p.Q <= 1 && p.Q >= -0.5) {
			t.Errorf("trial %d: modularity %v", trial, p.Q)
		}
		if h, _ := g.Hierarchy(context.Background()); h < 0 || h > 1 {
			t.Errorf("trial %d: hierarchy %v", trial, h)
		}
		if c := g.Connectedness(); c < 0 || c > 1 {
			t.Errorf("trial %d: connectedness %v", trial, c)
		}
	}
}

// TestCorePeripheryStar: the least-squares fit of a star lies at infinity;
// the hub's coreness is 1, the leaves' tend to 0, the fit to 1, and the
// result says it did not converge.
func TestCorePeripheryStar(t *testing.T) {
	g, err := New(6, []Edge{{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {0, 5, 1}}, false)
	if err != nil {
		t.Fatal(err)
	}
	cp, _ := g.CorePeriphery(context.Background(), 1e-12)
	if cp.Converged || cp.Coreness[0] != 1 || slices.Max(cp.Coreness[1:]) > 1e-3 || cp.Fit > 1 || cp.Fit < 0.999 {
		t.Errorf("star: converged %v, coreness %v, fit %v", cp.Converged, cp.Coreness, cp.Fit)
	}
}

// TestCorePeripheryConvergesOnRegions: on a synthetic region of 2,000
// cities each keeping its 8 strongest gravity links, the fit converges.
func TestCorePeripheryConvergesOnRegions(t *testing.T) {
	g := syntheticRegion(t, 2000)
	if cp, _ := g.CorePeriphery(context.Background(), 1e-12); !cp.Converged || !(cp.Fit > 0 && cp.Fit <= 1) {
		t.Errorf("converged %v, fit %v", cp.Converged, cp.Fit)
	}
}

// TestPreconditionerHessian checks the block the core-periphery
// preconditioner solves against the Hessian of the residual
// R(c) = sum_{i!=j} (a_ij - c_i c_j)^2 taken by central second differences
// of R summed pair by pair, on networks small enough for the block to hold
// every node.
func TestPreconditionerHessian(t *testing.T) {
	for _, c := range []struct {
		name     string
		n        int
		edges    []Edge
		directed bool
	}{
		{"undirected", 5, []Edge{{0, 1, 3}, {1, 2, 1.5}, {2, 0, 2}, {2, 3, 0.5}, {3, 4, 4}}, false},
		{"digraph7", 7, digraph7, true},
	} {
		g, err := New(c.n, c.edges, c.directed)
		if err != nil {
			t.Fatal(err)
		}
		a := make([][]float64, c.n)
		for i := range a {
			a[i] = make([]float64, c.n)
		}
		for _, e := range c.edges {
			a[e.From][e.To] += e.Weight
			if !c.directed {
				a[e.To][e.From] += e.Weight
			}
		}
		residual := func(x []float64) float64 {
			r := 0.0
			for i := range x {
				for j := range x {
					if i != j {
						r += (a[i][j] - x[i]*x[j]) * (a[i][j] - x[i]*x[j])
					}
				}
			}
			return r
		}
		x := make([]float64, c.n)
		s2 := 0.0
		for i := range x {
			x[i] = 0.3 + 0.25*float64(i%4)
			s2 += x[i] * x[i]
		}
		p := newPreconditioner(newMinres(g), c.n)
		p.choose(x)
		p.fill(x, s2)
		const h = 1e-4
		at := func(i, j int, di, dj float64) float64 {
			y := slices.Clone(x)
			y[i] += di
			y[j] += dj
			return residual(y)
		}
		for i, k := range p.nodes {
			for j, l := range p.nodes {
				want := (at(k, l, h, h) - at(k, l, h, -h) - at(k, l, -h, h) + at(k, l, -h, -h)) / (4 * h * h)
				if got := p.block.At(i, j); math.Abs(got-want) > 1e-6*math.Max(1, math.Abs(want)) {
					t.Errorf("%s: Hessian (%d, %d) = %.10g, second differences give %.10g", c.name, k, l, got, want)
				}
			}
		}
	}
}

// clustering is g.Clustering, failing the test on an error.
func clustering(t testing.TB, g *Network, weighted bool) []float64 {
	t.Helper()
	c, err := g.Clustering(context.Background(), weighted)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
