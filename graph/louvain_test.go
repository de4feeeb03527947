package graph

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// knnRegion is a region as ../shared/bench/gen.py makes one: n cities
// uniform over the 6 x 7 degree box of the Yangtze River Delta (projected
// to km), log-normal scores exp(N(3, 1.2)), and links from each city to its
// k nearest, symmetrised, weighted s_i s_j / max(d_ij, 1 km)^2. The
// nearest are found on a grid of cells, O(n k).
func knnRegion(t testing.TB, n, k int, seed uint64) *Network {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 3))
	x, y, s := make([]float64, n), make([]float64, n), make([]float64, n)
	const kmPerDegree = 111.2
	for i := range n {
		lat, lon := 28+6*rng.Float64(), 115.5+7*rng.Float64()
		y[i], x[i] = lat*kmPerDegree, lon*kmPerDegree*math.Cos(31*math.Pi/180)
		s[i] = math.Exp(3 + 1.2*rng.NormFloat64())
	}
	nearest := gridNearest(x, y, k)
	type pair struct{ a, b int }
	pairs := make([]pair, 0, n*k)
	for i, list := range nearest {
		for _, j := range list {
			pairs = append(pairs, pair{min(i, j), max(i, j)})
		}
	}
	slices.SortFunc(pairs, func(p, q pair) int { return cmp.Or(cmp.Compare(p.a, q.a), cmp.Compare(p.b, q.b)) })
	pairs = slices.Compact(pairs)
	edges := make([]Edge, len(pairs))
	for e, p := range pairs {
		d := math.Hypot(x[p.a]-x[p.b], y[p.a]-y[p.b])
		edges[e] = Edge{From: p.a, To: p.b, Weight: s[p.a] * s[p.b] / math.Pow(max(d, 1), 2)}
	}
	g, err := New(n, edges, false)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// gridNearest lists each point's k nearest others, searching square rings
// of grid cells outwards until no closer point can remain.
func gridNearest(x, y []float64, k int) [][]int {
	n := len(x)
	x0, x1 := slices.Min(x), slices.Max(x)
	y0, y1 := slices.Min(y), slices.Max(y)
	cell := math.Sqrt((x1 - x0) * (y1 - y0) * 2 / float64(n)) // about 2 points a cell
	cols, rowsN := int((x1-x0)/cell)+1, int((y1-y0)/cell)+1
	grid := make([][]int, cols*rowsN)
	at := func(i int) (int, int) { return int((x[i] - x0) / cell), int((y[i] - y0) / cell) }
	for i := range n {
		cx, cy := at(i)
		grid[cy*cols+cx] = append(grid[cy*cols+cx], i)
	}
	type cand struct {
		d float64
		j int
	}
	out := make([][]int, n)
	best := make([]cand, 0, k+1)
	for i := range n {
		cx, cy := at(i)
		best = best[:0]
		for r := 0; ; r++ {
			for gy := cy - r; gy <= cy+r; gy++ {
				for gx := cx - r; gx <= cx+r; gx++ {
					if max(abs(gx-cx), abs(gy-cy)) != r || gx < 0 || gy < 0 || gx >= cols || gy >= rowsN {
						continue
					}
					for _, j := range grid[gy*cols+gx] {
						if j == i {
							continue
						}
						c := cand{math.Hypot(x[i]-x[j], y[i]-y[j]), j}
						at, _ := slices.BinarySearchFunc(best, c, func(a, b cand) int { return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(a.j, b.j)) })
						best = slices.Insert(best, at, c)
						if len(best) > k {
							best = best[:k]
						}
					}
				}
			}
			if len(best) == k && best[k-1].d <= float64(r)*cell || r > cols+rowsN {
				break
			}
		}
		for _, c := range best {
			out[i] = append(out[i], c.j)
		}
	}
	return out
}

func abs(a int) int { return max(a, -a) }

// writeEdgeList writes the links as "from to weight" lines, as
// testdata/igraph_multilevel.py reads them.
func writeEdgeList(t testing.TB, g *Network, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, e := range g.Edges() {
		fmt.Fprintf(w, "%d %d %s\n", e.From, e.To, strconv.FormatFloat(e.Weight, 'g', -1, 64))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// igraphMultilevel runs testdata/igraph_multilevel.py on g's links and
// returns the best modularity of runs calls of community_multilevel.
func igraphMultilevel(t *testing.T, python string, g *Network, runs int, gamma float64) float64 {
	t.Helper()
	path := filepath.Join(t.TempDir(), "edges.txt")
	writeEdgeList(t, g, path)
	out, err := exec.Command(python, filepath.Join("testdata", "igraph_multilevel.py"), path,
		strconv.Itoa(g.Nodes()), strconv.Itoa(runs), strconv.FormatFloat(gamma, 'g', -1, 64)).Output()
	if err != nil {
		t.Fatalf("igraph_multilevel.py: %v", err)
	}
	q, err := strconv.ParseFloat(strings.Fields(string(out))[0], 64)
	if err != nil {
		t.Fatalf("igraph_multilevel.py printed %q: %v", out, err)
	}
	return q
}

// igraphTol is how far below igraph's best of 10 Louvain runs one Leiden
// run may fall (the issue's target).
const igraphTol = 0.002

// TestLeidenMatchesIgraph: one Leiden run reaches, within igraphTol, the
// best modularity of 10 runs of igraph's community_multilevel (Blondel et
// al.'s Louvain in C, through Debian's python3-igraph 0.10.2) on the same
// links. The constants came from
//
//	/usr/bin/python3 graph/testdata/igraph_multilevel.py EDGES N 10 GAMMA
//
// on these networks' edge lists, as this test writes them (random.seed(1));
// the test reruns the script when python3-igraph is present.
func TestLeidenMatchesIgraph(t *testing.T) {
	cases := []struct {
		name   string
		g      *Network
		gamma  float64
		igraph float64
	}{
		{"gen.py-like, 5,000 cities, 8 nearest", knnRegion(t, 5000, 8, 1), 1, 0.97419345755822306},
		{"gen.py-like, 3,000 cities, 4 nearest", knnRegion(t, 3000, 4, 2), 1, 0.96479222556954081},
		{"gen.py-like, 2,500 cities, 8 nearest, resolution 2", knnRegion(t, 2500, 8, 3), 2, 0.95028885751649939},
	}
	python := ""
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import igraph").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		t.Log("no python3 with igraph (Debian: python3-igraph): comparing with the stored values only")
	}
	for _, c := range cases {
		p, err := c.g.Leiden(context.Background(), c.gamma, 1, 1)
		if err != nil {
			t.Fatal(err)
		}
		if p.Q < c.igraph-igraphTol {
			t.Errorf("%s: Q = %.6f, igraph's best of 10 %.6f (stored)", c.name, p.Q, c.igraph)
		}
		if python == "" {
			continue
		}
		live := igraphMultilevel(t, python, c.g, 10, c.gamma)
		if p.Q < live-igraphTol {
			t.Errorf("%s: Q = %.6f, igraph's best of 10 %.6f", c.name, p.Q, live)
		}
		t.Logf("%s: Leiden %.6f, igraph best of 10 %.17g (stored %.17g)", c.name, p.Q, live, c.igraph)
	}
}

// directedRegion turns the links of g into arcs: each link's weight is
// split between its two directions in proportion to the strength of the
// sending end (the modified gravity model of GravityDirected), and every
// third link keeps only its stronger direction, so that in- and
// out-strengths differ.
func directedRegion(t testing.TB, g *Network) *Network {
	t.Helper()
	s := g.Strength()
	var arcs []Edge
	for e, l := range g.Edges() {
		share := s[l.From] / (s[l.From] + s[l.To])
		ab, ba := Edge{l.From, l.To, l.Weight * share}, Edge{l.To, l.From, l.Weight * (1 - share)}
		switch {
		case e%3 != 0:
			arcs = append(arcs, ab, ba)
		case share >= 0.5:
			arcs = append(arcs, ab)
		default:
			arcs = append(arcs, ba)
		}
	}
	d, err := New(g.Nodes(), arcs, true)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestLeidenMatchesGonum: one Leiden run reaches, within igraphTol, the
// best of 10 runs of gonum's community.Modularize (an independent Go
// Louvain, directed modularity on directed graphs), undirected and
// directed, at two resolutions.
func TestLeidenMatchesGonum(t *testing.T) {
	undirected := knnRegion(t, 1500, 8, 4)
	for _, g := range []*Network{undirected, directedRegion(t, undirected)} {
		for _, gamma := range []float64{1, 1.5} {
			p, err := g.Leiden(context.Background(), gamma, 2, 1)
			if err != nil {
				t.Fatal(err)
			}
			gonumBest := gonumPartition(g, gamma, 2, 0)
			for r := 1; r < 10; r++ {
				if p := gonumPartition(g, gamma, 2, r); p.Q > gonumBest.Q {
					gonumBest = p
				}
			}
			if p.Q < gonumBest.Q-igraphTol {
				t.Errorf("directed %v, resolution %g: Q = %.6f, gonum's best of 10 %.6f", g.Directed(), gamma, p.Q, gonumBest.Q)
			}
			t.Logf("directed %v, resolution %g: Leiden %.6f, gonum best of 10 %.6f", g.Directed(), gamma, p.Q, gonumBest.Q)
		}
	}
}

// TestLeidenQIsModularity: the Q that Leiden sums over its last level is
// the Modularity of its partition, which sums over the links as given,
// to 1e-12; and every community is connected (weakly when directed).
func TestLeidenQIsModularity(t *testing.T) {
	region := knnRegion(t, 2000, 6, 7)
	sparse := randomNetwork(t, 500, 400, 3) // many components and isolated nodes
	for _, g := range []*Network{region, directedRegion(t, region), sparse, directedRegion(t, sparse)} {
		for _, gamma := range []float64{0.5, 1, 3} {
			p, err := g.Leiden(context.Background(), gamma, 9, 3)
			if err != nil {
				t.Fatal(err)
			}
			if q := g.Modularity(p.Community, gamma); math.Abs(q-p.Q) > 1e-12 {
				t.Errorf("directed %v, resolution %g: Leiden's Q %.17g, Modularity %.17g", g.Directed(), gamma, p.Q, q)
			}
			if c := disconnectedCommunity(g, p); c >= 0 {
				t.Errorf("directed %v, resolution %g: community %d is not connected", g.Directed(), gamma, c)
			}
			if sum(p.Sizes) != g.Nodes() || !slices.IsSortedFunc(p.Sizes, func(a, b int) int { return b - a }) {
				t.Errorf("sizes %v: want %d nodes, largest first", p.Sizes, g.Nodes())
			}
		}
	}
}

func sum(x []int) int {
	s := 0
	for _, v := range x {
		s += v
	}
	return s
}

// disconnectedCommunity returns a community whose nodes are not joined by
// links among themselves (either way), or -1.
func disconnectedCommunity(g *Network, p Partition) int {
	reached := make([]bool, g.n)
	started := make([]bool, len(p.Sizes))
	for s := range g.n {
		c := p.Community[s]
		if reached[s] {
			continue
		}
		if started[c] {
			return c
		}
		started[c] = true
		reached[s] = true
		queue := []int{s}
		for len(queue) > 0 {
			u := queue[0]
			queue = queue[1:]
			for _, r := range []*rows{&g.out, &g.in} {
				adj, _ := r.neighbors(u)
				for _, v := range adj {
					if !reached[v] && p.Community[v] == c {
						reached[v] = true
						queue = append(queue, int(v))
					}
				}
			}
		}
	}
	return -1
}

// TestLeidenDeterministic: a seed gives the same partition, bit for bit,
// on one core and on two, and the best of several runs is the run of
// highest Q, the earliest on ties.
func TestLeidenDeterministic(t *testing.T) {
	g := knnRegion(t, 3000, 8, 5)
	prev := runtime.GOMAXPROCS(1)
	one, err1 := g.Leiden(context.Background(), 1, 11, 6)
	runtime.GOMAXPROCS(2)
	two, err2 := g.Leiden(context.Background(), 1, 11, 6)
	runtime.GOMAXPROCS(prev)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !slices.Equal(one.Community, two.Community) || !slices.Equal(one.Sizes, two.Sizes) ||
		math.Float64bits(one.Q) != math.Float64bits(two.Q) || one.Run != two.Run {
		t.Errorf("GOMAXPROCS 1: Q %.17g run %d; GOMAXPROCS 2: Q %.17g run %d", one.Q, one.Run, two.Q, two.Run)
	}
	base, _ := g.baseLevel(context.Background())
	bestRun, bestQ := -1, math.Inf(-1)
	for r := range 6 {
		_, q, err := leidenRun(context.Background(), base, 1, 11, r)
		if err != nil {
			t.Fatal(err)
		}
		if q > bestQ {
			bestRun, bestQ = r, q
		}
	}
	if one.Run != bestRun || one.Q != bestQ {
		t.Errorf("best of 6 = run %d Q %.17g, want run %d Q %.17g", one.Run, one.Q, bestRun, bestQ)
	}
}

// TestLeidenSmall checks worked cases: the barbell's two triangles
// (Q = 70/196, NetworkX's test_quality.py), the karate club within 0.001
// of its proven maximum 0.4197896 (Brandes et al., IEEE TKDE 20, 2008),
// two separate triangles (Q = 1/2: each has half the weight and no links
// between them, 2 (1/2 - 1/4)), isolated nodes alone, and no links.
func TestLeidenSmall(t *testing.T) {
	_, kar := karate(t)
	for i := range kar {
		kar[i].Weight = 1
	}
	twoTriangles := []Edge{{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {3, 4, 1}, {3, 5, 1}, {4, 5, 1}}
	for _, c := range []struct {
		name      string
		n         int
		edges     []Edge
		directed  bool
		community []int // nil: not checked
		qMin      float64
		qMax      float64
	}{
		{"barbell", 6, barbell, false, []int{0, 0, 0, 1, 1, 1}, 70.0 / 196, 70.0 / 196},
		{"barbell, directed both ways", 6, bothWays(barbell), true, []int{0, 0, 0, 1, 1, 1}, 70.0 / 196, 70.0 / 196},
		{"karate", 34, kar, false, nil, 0.4188, 0.4197896 + 1e-7},
		{"two triangles", 6, twoTriangles, false, []int{0, 0, 0, 1, 1, 1}, 0.5, 0.5},
		{"triangle and isolated nodes", 5, twoTriangles[:3], false, []int{0, 0, 0, 1, 2}, 0, 0},
	} {
		g, err := New(c.n, c.edges, c.directed)
		if err != nil {
			t.Fatal(err)
		}
		p, err := g.Leiden(context.Background(), 1, 42, 10)
		if err != nil {
			t.Fatal(err)
		}
		if c.community != nil && !slices.Equal(p.Community, c.community) {
			t.Errorf("%s: communities %v, want %v", c.name, p.Community, c.community)
		}
		if p.Q < c.qMin-1e-15 || p.Q > c.qMax+1e-15 {
			t.Errorf("%s: Q = %.17g, want within [%.7f, %.7f]", c.name, p.Q, c.qMin, c.qMax)
		}
	}
	empty, _ := New(3, nil, false)
	if p, err := empty.Leiden(context.Background(), 1, 1, 2); err != nil || !slices.Equal(p.Community, []int{0, 1, 2}) || !math.IsNaN(p.Q) {
		t.Errorf("no links: %+v, %v; want singletons and Q NaN", p, err)
	}
}

func bothWays(edges []Edge) []Edge {
	var arcs []Edge
	for _, e := range edges {
		arcs = append(arcs, e, Edge{e.To, e.From, e.Weight})
	}
	return arcs
}

// TestLeidenParams: the errors name the parameter.
func TestLeidenParams(t *testing.T) {
	g, _ := New(6, barbell, false)
	for _, c := range []struct {
		resolution float64
		runs       int
		want       string
	}{
		{-1, 1, "resolution must be finite and >= 0, got -1"},
		{math.NaN(), 1, "resolution must be finite and >= 0, got NaN"},
		{math.Inf(1), 1, "resolution must be finite and >= 0, got +Inf"},
		{1, 0, "runs must be >= 1, got 0"},
	} {
		if _, err := g.Leiden(context.Background(), c.resolution, 1, c.runs); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("resolution %g, runs %d: error %v, want %q", c.resolution, c.runs, err, c.want)
		}
	}
}

// TestLouvainThreshold: up to LouvainGonumMaxNodes nodes Louvain gives
// gonum's partition, above it Leiden's.
func TestLouvainThreshold(t *testing.T) {
	small := knnRegion(t, 300, 8, 6)
	if p, want := mustPartition(small.Louvain(context.Background(), 1, 4, 1)), gonumPartition(small, 1, 4, 0); !slices.Equal(p.Community, want.Community) || p.Q != want.Q {
		t.Errorf("300 nodes: Q %.17g, gonum's %.17g", p.Q, want.Q)
	}
	big := knnRegion(t, LouvainGonumMaxNodes+1, 8, 6)
	leiden := mustPartition(big.Leiden(context.Background(), 1, 4, 2))
	if p := mustPartition(big.Louvain(context.Background(), 1, 4, 2)); !slices.Equal(p.Community, leiden.Community) || p.Q != leiden.Q || p.Run != leiden.Run {
		t.Errorf("%d nodes: Q %.17g, Leiden's %.17g", big.Nodes(), p.Q, leiden.Q)
	}
	if _, q, _ := leidenRun(context.Background(), mustLevel(big.baseLevel(context.Background())), 1, 4, 0); leiden.Q < q {
		t.Errorf("best of 2 runs %.17g below run 0's %.17g", leiden.Q, q)
	}
}

// gonumPartition is run r of gonum's community.Modularize, as Louvain
// labels it: the tests' independent Louvain.
func gonumPartition(g *Network, gamma float64, seed uint64, r int) Partition {
	view, err := g.gonumGraph(context.Background())
	if err != nil {
		panic(err)
	}
	return mustPartition(g.louvainRun(context.Background(), view, gamma, seed, r))
}

func mustPartition(p Partition, err error) Partition {
	if err != nil {
		panic(err)
	}
	return p
}

func mustLevel(l *level, err error) *level {
	if err != nil {
		panic(err)
	}
	return l
}

// TestLeidenCancel: on 100,000 nodes and 5 million links (a ring lattice,
// each node linked to the 50 after it, random weights), Leiden returns
// context.Canceled within a fraction of a second of the cancellation, on
// undirected and directed rows.
func TestLeidenCancel(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a network of 5 million links")
	}
	const n, ahead = 100000, 50
	rng := rand.New(rand.NewPCG(8, 8))
	edges := make([]Edge, 0, n*ahead)
	for u := range n {
		for d := 1; d <= ahead; d++ {
			edges = append(edges, Edge{u, (u + d) % n, 0.1 + rng.Float64()})
		}
	}
	// Built without New's check for repeated pairs, which the lattice
	// cannot have, to keep the test quick.
	lattice := &Network{n: n, edges: edges, out: buildRows(n, edges, false, true)}
	lattice.in = lattice.out
	for _, after := range []time.Duration{0, 50 * time.Millisecond, 300 * time.Millisecond} {
		ctx, cancel := context.WithCancel(context.Background())
		var cancelled time.Time // when cancel ran: the timer may fire late on a busy machine
		timer := time.AfterFunc(after, func() { cancelled = time.Now(); cancel() })
		_, err := lattice.Leiden(ctx, 1, 1, 2)
		returned := time.Now()
		timer.Stop()
		cancel()
		late := returned.Sub(cancelled)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled after %v: error %v, want context.Canceled", after, err)
		}
		if late > 250*time.Millisecond {
			t.Errorf("cancelled after %v: returned %v later, want < 250ms", after, late)
		}
		t.Logf("cancelled after %v: returned %v later", after, late)
	}
}

// TestSplitDisconnected: a community made of two triangles with no link
// between them is split in two, which raises Q from 0 (one community
// holding every link: 1 - 1) to 1/2 (each triangle: 1/2 - 1/4, twice).
func TestSplitDisconnected(t *testing.T) {
	g, err := New(7, []Edge{{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {3, 4, 1}, {3, 5, 1}, {4, 5, 1}}, false)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := g.baseLevel(context.Background())
	labels := []int32{0, 0, 0, 0, 0, 0, 1}
	if q := quality(base, labels, 1); q != 0 {
		t.Errorf("Q of one community = %g, want 0", q)
	}
	if !splitDisconnected(base, labels) || !slices.Equal(labels, []int32{0, 0, 0, 1, 1, 1, 2}) {
		t.Errorf("split labels %v, want [0 0 0 1 1 1 2]", labels)
	}
	if q := quality(base, labels, 1); q != 0.5 {
		t.Errorf("Q after the split = %g, want 1/2", q)
	}
	if splitDisconnected(base, labels) {
		t.Errorf("connected communities split again")
	}
}

// BenchmarkLeiden times one Leiden run (and, with $COLLAB_BENCH_GONUM set,
// one gonum Louvain run) on the links of $COLLAB_BENCH_LINKS (see
// benchNetwork), the call testdata/igraph_multilevel.py times igraph's
// community_multilevel on. On gen.py's regions (seed 1, 8 nearest), on
// this project's 2-core machine shared with other jobs, medians of 5
// interleaved rounds (seconds):
//
//	cities (links)    Leiden call  igraph call  Leiden process  igraph process
//	20,000 (92,597)   0.044        0.165        0.24            0.83
//	100,000 (461,262) 0.61         1.93         1.96            4.57
//
// with Q 0.988770 and 0.992398 against igraph's best of 10, 0.988790 and
// 0.992403; gonum's Louvain takes 1.3 s at 20,000. Made by
//
//	python3 ../shared/bench/gen.py N 1 8 > /tmp/region.json
//	python3 graph/testdata/bench_structure.py /tmp/region.json /tmp/links.txt 1 none
//	COLLAB_BENCH_LINKS=/tmp/links.txt go test -run '^$' -bench BenchmarkLeiden/Leiden -benchtime 5x ./graph/
//	python3 graph/testdata/igraph_multilevel.py /tmp/links.txt N 5
//	/usr/bin/time env COLLAB_LEIDEN_LINKS=/tmp/links.txt graph.test -test.run '^TestLeidenProcess$'
//	/usr/bin/time python3 graph/testdata/igraph_multilevel.py /tmp/links.txt N 1
func BenchmarkLeiden(b *testing.B) {
	g := benchNetwork(b)
	b.Logf("%d nodes, %d links", g.Nodes(), g.Links())
	b.Run("Leiden", func(b *testing.B) {
		var p Partition
		for b.Loop() {
			p, _ = g.Leiden(context.Background(), 1, 1, 1)
		}
		b.Logf("Q %.6f, %d communities", p.Q, len(p.Sizes))
	})
	if os.Getenv("COLLAB_BENCH_GONUM") != "" {
		b.Run("GonumLouvain", func(b *testing.B) {
			view, _ := g.gonumGraph(context.Background())
			for b.Loop() {
				g.louvainRun(context.Background(), view, 1, 1, 0)
			}
		})
	}
}

// TestLeidenProcess is the Go side of the whole-process comparison: with
// $COLLAB_LEIDEN_LINKS naming an edge list ("from to weight" a line), it
// reads the file, builds the network, runs Leiden once and prints Q, as
// testdata/igraph_multilevel.py does for igraph:
//
//	go test -c -o /tmp/graph.test ./graph/
//	COLLAB_LEIDEN_LINKS=/tmp/links.txt /tmp/graph.test -test.run '^TestLeidenProcess$' -test.v
func TestLeidenProcess(t *testing.T) {
	path := os.Getenv("COLLAB_LEIDEN_LINKS")
	if path == "" {
		t.Skip("COLLAB_LEIDEN_LINKS not set: no edge list to time")
	}
	g := readEdgeList(t, path)
	start := time.Now()
	p, err := g.Leiden(context.Background(), 1, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("%d nodes %d links: Q %.6f, %d communities, Leiden %.4f s\n", g.Nodes(), g.Links(), p.Q, len(p.Sizes), time.Since(start).Seconds())
}

// Two triangles joined by one link: Leiden finds the triangles, Q 70/196.
func ExampleNetwork_Leiden() {
	net, err := New(6, barbell, false)
	if err != nil {
		panic(err)
	}
	p, err := net.Leiden(context.Background(), 1, 42, 1)
	if err != nil {
		panic(err)
	}
	fmt.Printf("communities %v sizes %v, Q = %.4f (70/196 = %.4f)\n", p.Community, p.Sizes, p.Q, 70.0/196)
	// Output:
	// communities [0 0 0 1 1 1] sizes [3 3], Q = 0.3571 (70/196 = 0.3571)
}
