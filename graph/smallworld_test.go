package graph

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// smallWorldCase holds NetworkX 2.8.8's sigma and omega of a network for
// seeds 0..9, printed by
//
//	/usr/bin/python3 graph/testdata/networkx_smallworld.py EDGES N 10 5 5 10
//
// (sigma with niter 10, omega with niter 5, nrand 5 each: NetworkX's
// defaults take minutes on karate). The seeds' spread is what the seeded
// references make of the coefficients.
type smallWorldCase struct {
	name         string
	n            int
	edges        func(testing.TB) []Edge
	sigma, omega []float64
	live         bool // rerun NetworkX by default (fast enough)
}

var smallWorldCases = []smallWorldCase{
	{name: "florentine", n: 15, live: true,
		edges: func(t testing.TB) []Edge { _, e := florentine(t); return e },
		sigma: []float64{1.7330779054916985, 1.1856763925729443, 1.5103448275862066, 1.0870279146141217, 1.2086648983200705, 1.158267020335986, 1.4002089864158829, 1.9339080459770115, 1.703703703703704, 1.0064655172413794},
		omega: []float64{0.38389398572884814, 0.6261569589736965, 0.06743295019157092, 0.5747560182173066, 0.35063977445239625, 0.41603300913645724, 0.009195402298850519, 0.527054383256133, 0.537268302785544, 0.5280729004866933}},
	{name: "karate", n: 34, // about a minute of NetworkX
		edges: func(t testing.TB) []Edge { _, e := karate(t); return e },
		sigma: []float64{0.9926919027116062, 1.0357558994046585, 1.0599593457750793, 1.054495274298956, 1.1929506295914394, 1.1225918738872105, 1.0695780903034786, 0.9720349208602457, 1.008142116950407, 1.0173553777828386},
		omega: []float64{-0.07342709104367129, -0.06943005181347162, -0.0710584752035528, -0.07002220577350127, -0.07061435973353081, -0.0682457438934122, -0.06809770540340476, -0.06794966691339743, -0.060251665433012525, -0.04766839378238341}},
}

// TestSmallWorldWithinNetworkXSpread compares the mean of sigma and omega
// over seeds 0..9 with the mean of NetworkX's over its seeds 0..9: the two
// means must agree within 4 standard errors of their difference,
// 4 sqrt(s_go^2/10 + s_nx^2/10); and every value must lie within the
// NetworkX mean +- 5 of its standard deviations. NetworkX is rerun when
// present (karate only with COLLAB_SLOW_REFERENCES=1).
func TestSmallWorldWithinNetworkXSpread(t *testing.T) {
	for _, c := range smallWorldCases {
		t.Run(c.name, func(t *testing.T) {
			edges := c.edges(t)
			if c.live || os.Getenv("COLLAB_SLOW_REFERENCES") == "1" {
				if python, err := pythonFor("networkx"); err != nil {
					t.Log(err)
				} else {
					out := runLines(t, python, "testdata/networkx_smallworld.py", writeEdges(t, edges), strconv.Itoa(c.n), "10", "5", "5", "10")
					if !floatsEqual(out["sigma"], c.sigma) || !floatsEqual(out["omega"], c.omega) {
						t.Errorf("NetworkX now prints sigma %v omega %v; the test pins %v %v", out["sigma"], out["omega"], c.sigma, c.omega)
					}
				}
			}
			g, err := New(c.n, edges, false)
			if err != nil {
				t.Fatal(err)
			}
			var sigma, omega []float64
			for seed := range uint64(10) {
				sw, err := g.SmallWorld(context.Background(), SmallWorldOptions{SigmaRewirings: 10, OmegaRewirings: 5, References: 5, Seed: seed})
				if err != nil {
					t.Fatal(err)
				}
				if sw.Sigma == nil || sw.Omega == nil {
					t.Fatalf("undefined: %s", sw.Undefined)
				}
				sigma, omega = append(sigma, *sw.Sigma), append(omega, *sw.Omega)
			}
			for _, m := range []struct {
				name    string
				got, nx []float64
			}{{"sigma", sigma, c.sigma}, {"omega", omega, c.omega}} {
				gm, gs := meanSD(m.got)
				nm, ns := meanSD(m.nx)
				if tol := 4 * math.Sqrt(gs*gs/10+ns*ns/10); math.Abs(gm-nm) > tol {
					t.Errorf("%s: mean %.4f (sd %.4f), NetworkX %.4f (sd %.4f): beyond %.4f", m.name, gm, gs, nm, ns, tol)
				}
				for _, v := range m.got {
					if math.Abs(v-nm) > 5*ns {
						t.Errorf("%s = %.4f, outside NetworkX's %.4f +- 5 x %.4f", m.name, v, nm, ns)
					}
				}
				t.Logf("%s: mean %.4f sd %.4f; NetworkX mean %.4f sd %.4f", m.name, gm, gs, nm, ns)
			}
		})
	}
}

// TestSmallWorldParts checks the parts that involve no randomness against
// NetworkX on the Florentine families: transitivity 0.19148936170212766,
// average_clustering 0.16 and average_shortest_path_length
// 2.4857142857142858 (nx.transitivity, nx.average_clustering and
// nx.average_shortest_path_length of florentine_families_graph, Debian
// python3-networkx 2.8.8); that the result does not depend on the number
// of cores; and that the rewiring keeps every degree.
func TestSmallWorldParts(t *testing.T) {
	_, edges := florentine(t)
	g, _ := New(15, edges, false)
	run := func(procs int) SmallWorld {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		sw, err := g.SmallWorld(context.Background(), SmallWorldOptions{SigmaRewirings: 5, References: 4, Seed: 9})
		if err != nil {
			t.Fatal(err)
		}
		return sw
	}
	one, four := run(1), run(4)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"transitivity", one.Transitivity, 0.19148936170212766}, {"average clustering", one.AverageClustering, 0.16}, {"average hops", one.AverageHops, 2.4857142857142858}} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %.17g, NetworkX %.17g", c.name, c.got, c.want)
		}
	}
	if *one.Sigma != *four.Sigma || *one.Omega != *four.Omega {
		t.Errorf("1 core: sigma %v omega %v; 4 cores: %v %v", *one.Sigma, *one.Omega, *four.Sigma, *four.Omega)
	}
	s := g.largestSimple()
	r := s.clone()
	r.rewire(context.Background(), newTestRand(), 20, false)
	for v := range s.n {
		if len(r.adj[v]) != len(s.adj[v]) {
			t.Errorf("node %d: degree %d after rewiring, %d before", v, len(r.adj[v]), len(s.adj[v]))
		}
	}
	if !newLinkSearch(s.n).connected(r, 0, int32(s.n-1)) {
		t.Error("rewiring disconnected the network")
	}
	two := &swapGraph{n: 6, adj: make([][]int32, 6), links: map[[2]int32]bool{}}
	for _, e := range [][2]int32{{0, 1}, {1, 2}, {3, 4}, {4, 5}} {
		two.add(e[0], e[1])
	}
	ls := newLinkSearch(6)
	if ls.connected(two, 0, 5) || !ls.connected(two, 0, 2) || !ls.connected(two, 5, 3) {
		t.Error("connectivity check wrong on two paths of three nodes")
	}
	if _, err := New(4, nil, true); err == nil {
		dg, _ := New(4, []Edge{{0, 1, 1}}, true)
		if _, err := dg.SmallWorld(context.Background(), SmallWorldOptions{}); err == nil {
			t.Error("directed network: no error")
		}
	}
}

func meanSD(v []float64) (mean, sd float64) {
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	for _, x := range v {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(v)-1))
}

func floatsEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// runLines runs a program printing "name v1 v2 ..." lines.
func runLines(t *testing.T, prog string, args ...string) map[string][]float64 {
	t.Helper()
	values := map[string][]float64{}
	out, err := execOutput(prog, args...)
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", prog, args, err, out)
	}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		for _, w := range f[1:] {
			x, err := strconv.ParseFloat(w, 64)
			if err != nil {
				t.Fatalf("%s: %q: %v", prog, line, err)
			}
			values[f[0]] = append(values[f[0]], x)
		}
	}
	return values
}

func execOutput(prog string, args ...string) (string, error) {
	out, err := exec.Command(prog, args...).CombinedOutput()
	return string(out), err
}

func newTestRand() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }

// BenchmarkSmallWorld times sigma and omega with NetworkX's defaults on a
// synthetic region of 340 cities (8 strongest gravity links each).
func BenchmarkSmallWorld(b *testing.B) {
	g := syntheticRegion(b, 340)
	for b.Loop() {
		if _, err := g.SmallWorld(context.Background(), SmallWorldOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
