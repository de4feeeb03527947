package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// qapFixture is a made-up region of n cities for the QAP tests: random
// coordinates, four provinces and scores from a fixed PCG seed, and a
// linkage y that falls with distance, rises within a province and carries
// noise, so that the p-values fall inside (0, 1). With symmetric, y is made
// symmetric (y + y').
func qapFixture(n int, symmetric bool) (y *Dyadic, x []*Dyadic) {
	rng := rand.New(rand.NewPCG(18, 1))
	lat, lon, score := make([]float64, n), make([]float64, n), make([]float64, n)
	groups := make([]string, n)
	for i := range n {
		lat[i], lon[i] = 28+4*rng.Float64(), 116+6*rng.Float64()
		score[i] = math.Round(100*rng.ExpFloat64()) / 10
		groups[i] = string(rune('A' + rng.IntN(4)))
	}
	dist, _ := DistanceMatrix(n, func(i, j int) float64 { return haversineKm(lat[i], lon[i], lat[j], lon[j]) })
	same := SameGroupMatrix(groups)
	gap, _ := GapMatrix(score)
	y, _ = NewDyadic(n)
	for i := range n {
		for j := range n {
			if i != j {
				v := 6 - dist.At(i, j)/400 + 0.8*same.At(i, j) + 0.03*gap.At(i, j) + 5*rng.NormFloat64()
				y.Set(i, j, math.Round(max(0, v)))
			}
		}
	}
	if symmetric {
		for i := range n {
			for j := range i {
				s := y.At(i, j) + y.At(j, i)
				y.Set(i, j, s)
				y.Set(j, i, s)
			}
		}
	}
	return y, []*Dyadic{dist, same, gap}
}

// haversineKm is the great-circle distance on the mean Earth radius
// (6371.0088 km), as collab's spatial package measures it.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	a := math.Pow(math.Sin((lat2-lat1)*rad/2), 2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Pow(math.Sin((lon2-lon1)*rad/2), 2)
	return 2 * 6371.0088 * math.Asin(math.Sqrt(min(1, a)))
}

// snaQAP is what testdata/qap_sna.R prints for a fixture.
type snaQAP struct {
	gcor                     float64
	qapGreaterEq, qapLessEq  float64
	coef, t                  []float64
	greaterEq, lessEq, absGE []float64
	std                      []float64 // b sd(x)/sd(y) over the pairs, from netlm's b
	r2                       float64
	reps                     int
}

// snaQAPReference holds R sna 2.7-1's values on qapFixture(20, ...),
// printed by
//
//	Rscript graph/testdata/qap_sna.R DIR MODE 100
//
// with DIR the fixture's matrices as TestQAPMatchesSna writes them;
// TestQAPMatchesSna reruns it when Rscript and sna are present.
var snaQAPReference = map[string]snaQAP{
	"digraph": {gcor: -0.021424473066127266, qapGreaterEq: 0.68, qapLessEq: 0.32,
		coef:      []float64{5.225877871725707, -0.0005424066866471603, 1.03221694759581, 0.05688872429046292},
		t:         []float64{8.271380018970534, -0.32273365066673126, 2.030537293161518, 1.4754296311213286},
		greaterEq: []float64{0, 0.61, 0.01, 0.07}, lessEq: []float64{1, 0.39, 0.99, 0.93},
		absGE: []float64{0, 0.75, 0.02, 0.15}, r2: 0.01676971418750374, reps: 100,
		std: []float64{-0.016515787994759747, 0.10388733257395485, 0.075474598965862}},
	"graph": {gcor: -0.03022575531669338, qapGreaterEq: 0.68, qapLessEq: 0.32,
		coef:      []float64{10.45175574345142, -0.0010848133732943228, 2.0644338951916197, 0.11377744858092585},
		t:         []float64{8.277645292681841, -0.3229781098322686, 2.0320753523358617, 1.476547216150615},
		greaterEq: []float64{0, 0.61, 0.01, 0.07}, lessEq: []float64{1, 0.39, 0.99, 0.93},
		absGE: []float64{0, 0.75, 0.02, 0.15}, r2: 0.033377952089005555, reps: 100,
		std: []float64{-0.023300557509684773, 0.14656477595469347, 0.10647994720460457}},
}

// snaQAPReference2000 holds sna's values on the same fixtures from 2000
// permutations, for a Monte Carlo comparison as tight as Go's own 2000:
//
//	Rscript graph/testdata/qap_sna.R DIR MODE 2000
//
// (20 s a mode); TestQAPMatchesSna reruns it when COLLAB_SLOW_REFERENCES=1.
var snaQAPReference2000 = map[string]snaQAP{
	"digraph": {gcor: -0.021424473066127266, qapGreaterEq: 0.663, qapLessEq: 0.337,
		coef:      []float64{5.225877871725707, -0.0005424066866471603, 1.03221694759581, 0.05688872429046292},
		t:         []float64{8.271380018970534, -0.32273365066673126, 2.030537293161518, 1.4754296311213286},
		greaterEq: []float64{0, 0.637, 0.021, 0.0565}, lessEq: []float64{1, 0.363, 0.979, 0.9435},
		absGE: []float64{0, 0.748, 0.048, 0.1185}, r2: 0.01676971418750374, reps: 2000,
		std: []float64{-0.016515787994759747, 0.10388733257395485, 0.075474598965862}},
	"graph": {gcor: -0.03022575531669338, qapGreaterEq: 0.663, qapLessEq: 0.337,
		coef:      []float64{10.45175574345142, -0.0010848133732943228, 2.0644338951916197, 0.11377744858092585},
		t:         []float64{8.277645292681841, -0.3229781098322686, 2.0320753523358617, 1.476547216150615},
		greaterEq: []float64{0, 0.637, 0.021, 0.0565}, lessEq: []float64{1, 0.363, 0.979, 0.9435},
		absGE: []float64{0, 0.748, 0.048, 0.1185}, r2: 0.033377952089005555, reps: 2000,
		std: []float64{-0.023300557509684773, 0.14656477595469347, 0.10647994720460457}},
}

func TestQAPMatchesSna(t *testing.T) {
	for _, mode := range []string{"digraph", "graph"} {
		t.Run(mode, func(t *testing.T) {
			y, x := qapFixture(20, mode == "graph")
			want := liveOrPinned(t, y, x, mode, 100, snaQAPReference[mode], true)
			slow := liveOrPinned(t, y, x, mode, 2000, snaQAPReference2000[mode], os.Getenv("COLLAB_SLOW_REFERENCES") == "1")
			opts := QAPOptions{Permutations: 2000, Seed: 7, Symmetric: mode == "graph"}
			c, err := QAPCorrelate(context.Background(), y, x[0], opts)
			if err != nil {
				t.Fatal(err)
			}
			closeTo(t, "gcor", c.Correlation, want.gcor, 1e-9)
			fit, err := MRQAP(context.Background(), y, x, MRQAPOptions{QAPOptions: opts})
			if err != nil {
				t.Fatal(err)
			}
			closeTo(t, "R squared", fit.RSquared, want.r2, 1e-9)
			for k, tm := range fit.Terms {
				closeTo(t, tm.Name+" coefficient", tm.Coefficient, want.coef[k], 1e-9)
				closeTo(t, tm.Name+" t", tm.T, want.t[k], 1e-9)
				if k > 0 {
					closeTo(t, tm.Name+" standardised", *tm.Standardised, want.std[k-1], 1e-9)
				}
			}
			t.Logf("qaptest p>= %.4f (sna %.4f from %d); netlm p>=|t|:", c.PGreaterEq, slow.qapGreaterEq, slow.reps)
			for k, tm := range fit.Terms {
				t.Logf("  %s %.4f (sna %.4f)", tm.Name, tm.PAbsGreaterEq, slow.absGE[k])
			}
			for _, ref := range []snaQAP{want, slow} {
				withinMC(t, "qaptest pgreq", c.PGreaterEq, ref.qapGreaterEq, c.Permutations, ref.reps)
				withinMC(t, "qaptest pleeq", c.PLessEq, ref.qapLessEq, c.Permutations, ref.reps)
				for k, tm := range fit.Terms {
					withinMC(t, tm.Name+" pgreq", tm.PGreaterEq, ref.greaterEq[k], fit.Permutations, ref.reps)
					withinMC(t, tm.Name+" pleeq", tm.PLessEq, ref.lessEq[k], fit.Permutations, ref.reps)
					withinMC(t, tm.Name+" pgreqabs", tm.PAbsGreaterEq, ref.absGE[k], fit.Permutations, ref.reps)
				}
			}
		})
	}
}

// liveOrPinned reruns sna with reps permutations when rerun is set and R
// with sna is present, checks it printed the pinned values, and returns
// them.
func liveOrPinned(t *testing.T, y *Dyadic, x []*Dyadic, mode string, reps int, pinned snaQAP, rerun bool) snaQAP {
	t.Helper()
	if !rerun {
		return pinned
	}
	live, err := runSnaQAP(t, y, x, mode, reps)
	if err != nil {
		t.Log(err)
		return pinned
	}
	compareSnaRuns(t, live, pinned)
	return live
}

// closeTo checks got against want to tol relative (absolute below 1).
func closeTo(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol*max(1, math.Abs(want)) {
		t.Errorf("%s = %.15g, want %.15g (tolerance %g)", what, got, want, tol)
	}
}

// withinMC checks two permutation p-values, from r1 and r2 independent
// permutations, against the Monte Carlo error of their difference:
// |p1 - p2| <= 4 sqrt(p(1-p) (1/r1 + 1/r2)) with p their pooled value
// (at least 1/r2, so that two estimates of a p near 0 may differ by a
// few permutations). Four standard errors: a false alarm about once in
// 16,000 comparisons.
func withinMC(t *testing.T, what string, got, want float64, r1, r2 int) {
	t.Helper()
	p := (got*float64(r1) + want*float64(r2)) / float64(r1+r2)
	p = max(p, 1/float64(r2))
	tol := 4 * math.Sqrt(p*(1-p)*(1/float64(r1)+1/float64(r2)))
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.4f, sna %.4f: beyond Monte Carlo error %.4f", what, got, want, tol)
	}
}

// compareSnaRuns checks that a live sna run printed the pinned constants.
func compareSnaRuns(t *testing.T, live, pinned snaQAP) {
	t.Helper()
	got := fmt.Sprint(live)
	if want := fmt.Sprint(pinned); got != want {
		t.Errorf("sna printed\n%s\nbut the test pins\n%s", got, want)
	}
}

// runSnaQAP writes the fixture and runs testdata/qap_sna.R on it; the error
// says why it could not.
func runSnaQAP(t *testing.T, y *Dyadic, x []*Dyadic, mode string, reps int) (snaQAP, error) {
	if _, err := exec.LookPath("Rscript"); err != nil {
		return snaQAP{}, fmt.Errorf("Rscript not found (Debian: r-cran-sna): comparing with the pinned sna values")
	}
	if exec.Command("Rscript", "-e", "library(sna)").Run() != nil {
		return snaQAP{}, fmt.Errorf("R package sna not installed (Debian: r-cran-sna): comparing with the pinned values")
	}
	dir := t.TempDir()
	write := func(name string, m *Dyadic) {
		var b strings.Builder
		for i := range m.Nodes() {
			for j := range m.Nodes() {
				if j > 0 {
					b.WriteByte(',')
				}
				b.WriteString(strconv.FormatFloat(m.At(i, j), 'g', -1, 64))
			}
			b.WriteByte('\n')
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("y.csv", y)
	for k, m := range x {
		write(fmt.Sprintf("x%d.csv", k+1), m)
	}
	out, err := exec.Command("Rscript", "testdata/qap_sna.R", dir, mode, strconv.Itoa(reps)).CombinedOutput()
	if err != nil {
		t.Fatalf("Rscript testdata/qap_sna.R: %v\n%s", err, out)
	}
	s := snaQAP{reps: reps}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		var v []float64
		for _, w := range f[1:] {
			x, err := strconv.ParseFloat(w, 64)
			if err != nil {
				t.Fatalf("sna output %q: %v", line, err)
			}
			v = append(v, x)
		}
		switch f[0] {
		case "gcor":
			s.gcor = v[0]
		case "qaptest":
			s.qapGreaterEq, s.qapLessEq = v[0], v[1]
		case "coef":
			s.coef = v
		case "t":
			s.t = v
		case "pgreq":
			s.greaterEq = v
		case "pleeq":
			s.lessEq = v
		case "pgreqabs":
			s.absGE = v
		case "std":
			s.std = v
		case "r2":
			s.r2 = v[0]
		}
	}
	return s, nil
}

// TestQAPSameOnAnyCoreCount checks that the p-values do not depend on the
// number of cores, and that a seed fixes them.
func TestQAPSameOnAnyCoreCount(t *testing.T) {
	y, x := qapFixture(15, false)
	run := func(procs int) MRQAPResult {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		fit, err := MRQAP(context.Background(), y, x, MRQAPOptions{QAPOptions: QAPOptions{Permutations: 300, Seed: 3}})
		if err != nil {
			t.Fatal(err)
		}
		return fit
	}
	one, _ := json.Marshal(run(1))
	four, _ := json.Marshal(run(4))
	if string(one) != string(four) {
		t.Errorf("1 core: %v\n4 cores: %v", one, four)
	}
}

// BenchmarkMRQAP times MRQAP with three predictors on 340 cities, 2000
// permutations (testdata/mrqap340 times the same size as a whole process,
// against testdata/netlm340.R).
func BenchmarkMRQAP(b *testing.B) {
	y, x := qapFixture(340, false)
	for b.Loop() {
		if _, err := MRQAP(context.Background(), y, x, MRQAPOptions{QAPOptions: QAPOptions{Permutations: 2000}}); err != nil {
			b.Fatal(err)
		}
	}
}
