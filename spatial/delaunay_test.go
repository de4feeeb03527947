package spatial

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// checkDelaunay verifies a triangulation of the distinct points pts by its
// defining properties: the neighbour links are mutual; every real triangle
// is counter-clockwise and no point lies strictly inside its circumcircle
// (exact predicates); and it has 2n - h - 2 triangles, h being the points on
// the convex hull, so it covers the hull (Euler's formula).
func checkDelaunay(t *testing.T, x, y []float64, pts []int) *mesh {
	t.Helper()
	m := triangulate(x, y, pts)
	if m == nil {
		t.Fatal("triangulate returned nil for points not on one line")
	}
	triangles := 0
	for tri := range m.v {
		if m.dead[tri] {
			continue
		}
		for k := range 3 {
			u := m.nb[tri][k]
			if m.dead[u] || !slices.Contains(m.nb[u][:], tri) {
				t.Fatalf("triangle %d %v: neighbour %d %v does not link back", tri, m.v[tri], u, m.v[u])
			}
		}
		if m.isGhost(tri) {
			continue
		}
		triangles++
		a, b, c := m.v[tri][0], m.v[tri][1], m.v[tri][2]
		if orient(x[a], y[a], x[b], y[b], x[c], y[c]) <= 0 {
			t.Fatalf("triangle %v is not counter-clockwise", m.v[tri])
		}
		for _, p := range pts {
			if incircle(x[a], y[a], x[b], y[b], x[c], y[c], x[p], y[p]) > 0 {
				t.Fatalf("point %d lies inside the circumcircle of triangle %v", p, m.v[tri])
			}
		}
	}
	if h := len(hullPoints(x, y, pts)); triangles != 2*len(pts)-h-2 {
		t.Fatalf("%d triangles, want 2n - h - 2 = %d (n %d, h %d)", triangles, 2*len(pts)-h-2, len(pts), h)
	}
	return m
}

// hullPoints returns the points on the boundary of the convex hull,
// collinear ones included (Andrew's monotone chain, keeping collinear).
func hullPoints(x, y []float64, pts []int) []int {
	p := slices.Clone(pts)
	slices.SortFunc(p, func(a, b int) int {
		if c := cmpFloat(x[a], x[b]); c != 0 {
			return c
		}
		return cmpFloat(y[a], y[b])
	})
	half := func(seq []int) []int {
		var h []int
		for _, i := range seq {
			for len(h) >= 2 && orient(x[h[len(h)-2]], y[h[len(h)-2]], x[h[len(h)-1]], y[h[len(h)-1]], x[i], y[i]) < 0 {
				h = h[:len(h)-1]
			}
			h = append(h, i)
		}
		return h
	}
	lower := half(p)
	slices.Reverse(p)
	upper := half(p)
	all := append(lower[:len(lower)-1], upper[:len(upper)-1]...)
	slices.Sort(all)
	return slices.Compact(all)
}

func indices(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return p
}

func TestDelaunayProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, c := range []struct {
		name string
		x, y []float64
	}{
		{"triangle", []float64{0, 1, 0}, []float64{0, 0, 1}},
		{"square and centre", []float64{0, 1, 1, 0, 0.5}, []float64{0, 0, 1, 1, 0.5}},
		{"grid 12x9 (cocircular squares)", gridX(12, 9), gridY(12, 9)},
		{"random 500", randomCoords(rng, 500), randomCoords(rng, 500)},
		{"clustered 2000", clustered(rng, 2000, 0), clustered(rng, 2000, 1)},
		{"points on a circle", circleX(40), circleY(40)},
		{"nearly collinear", nearLine(60, 0), nearLine(60, 1)},
		{"collinear hull points", []float64{0, 1, 2, 3, 4, 2, 1, 3}, []float64{0, 0, 0, 0, 0, 3, 1, 1}},
	} {
		t.Run(c.name, func(t *testing.T) { checkDelaunay(t, c.x, c.y, indices(len(c.x))) })
	}
}

func gridX(nx, ny int) []float64 {
	var x []float64
	for i := range nx * ny {
		x = append(x, float64(i%nx))
	}
	return x
}

func gridY(nx, ny int) []float64 {
	var y []float64
	for i := range nx * ny {
		y = append(y, float64(i/nx))
	}
	return y
}

func randomCoords(rng *rand.Rand, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = rng.Float64() * 100
	}
	return v
}

// clustered draws n points around a few centres; axis 0 or 1 of the same
// stream, so x and y come from two generators seeded alike.
func clustered(_ *rand.Rand, n, axis int) []float64 {
	rng := rand.New(rand.NewPCG(9, 9))
	v := make([]float64, n)
	for i := range v {
		centre := float64(i % 5 * 30)
		a, b := rng.NormFloat64(), rng.NormFloat64()
		v[i] = centre + []float64{a, b}[axis]*3
	}
	return v
}

func circleX(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = math.Cos(2 * math.Pi * float64(i) / float64(n))
	}
	return x
}

func circleY(n int) []float64 {
	y := make([]float64, n)
	for i := range y {
		y[i] = math.Sin(2 * math.Pi * float64(i) / float64(n))
	}
	return y
}

// TestDelaunayKnown checks neighbour lists worked by hand.
func TestDelaunayKnown(t *testing.T) {
	for _, c := range []struct {
		name string
		x, y []float64
		want string
	}{
		// A square with its centre: four triangles around the centre; the
		// corners link to their two sides' corners and the centre.
		{"square and centre", []float64{0, 1, 1, 0, 0.5}, []float64{0, 0, 1, 1, 0.5},
			"[[1 3 4] [0 2 4] [1 3 4] [0 2 4] [0 1 2 3]]"},
		// A kite (0,0), (4,0), (2,1), (2,-5): the circumcircle of the upper
		// triangle (centre (2,-1.5), radius 2.5) leaves out (2,-5), that of
		// the lower one (centre (2,-2.1), radius 2.9) leaves out (2,1), so
		// the diagonal is the base 0-1 and the apexes are not linked.
		{"kite", []float64{0, 4, 2, 2}, []float64{0, 0, 1, -5}, "[[1 2 3] [0 2 3] [0 1] [0 1]]"},
		// Collinear: a chain along the line, in order along it.
		{"collinear", []float64{0, 3, 1, 2}, []float64{0, 3, 1, 2}, "[[2] [3] [0 3] [1 2]]"},
		// Coincident cities: 2 sits on 0, so it takes 0's neighbours and 0.
		{"coincident", []float64{0, 1, 0, 0}, []float64{0, 0, 0, 1}, "[[1 2 3] [0 2 3] [0 1 3] [0 1 2]]"},
		{"two", []float64{0, 1}, []float64{0, 0}, "[[1] [0]]"},
		{"one", []float64{0}, []float64{0}, "[[]]"},
		{"not finite", []float64{0, 1, math.NaN(), 0}, []float64{0, 0, 0, math.Inf(1)}, "[[1] [0] [] []]"},
	} {
		w := fromLists(delaunayNeighbors(c.x, c.y))
		var got [][]int
		for i := range w.Len() {
			nb, _ := w.Row(i)
			got = append(got, append([]int{}, nb...))
		}
		if s := fmt.Sprint(got); s != c.want {
			t.Errorf("%s: neighbours %s, want %s", c.name, s, c.want)
		}
	}
}

// nearLine puts points on the line y = 0.3 x, every third one lifted by
// 1e-13: the floating-point predicates cannot tell the sides apart, the
// exact ones can.
func nearLine(n, axis int) []float64 {
	v := make([]float64, n)
	for i := range v {
		x := 0.1 * float64(i)
		if axis == 0 {
			v[i] = x
		} else {
			v[i] = 0.3 * x
			if i%3 == 1 {
				v[i] += 1e-13
			}
		}
	}
	return v
}

// TestDelaunayMatchesScipy compares the neighbour lists of 300 random
// points with those of scipy 1.10.1's scipy.spatial.Delaunay (Qhull),
// written by testdata/delaunay_scipy.py. Random points are in general
// position, so the triangulation is unique.
func TestDelaunayMatchesScipy(t *testing.T) {
	raw, err := os.ReadFile("testdata/delaunay_points.txt")
	if err != nil {
		t.Fatal(err)
	}
	var x, y []float64
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		f := strings.Fields(line)
		a, _ := strconv.ParseFloat(f[0], 64)
		b, _ := strconv.ParseFloat(f[1], 64)
		x, y = append(x, a), append(y, b)
	}
	want, err := os.ReadFile("testdata/delaunay_scipy.txt")
	if err != nil {
		t.Fatal(err)
	}
	w := fromLists(delaunayNeighbors(x, y))
	for i, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
		nb, _ := w.Row(i)
		if got := strings.Trim(fmt.Sprint(nb), "[]"); got != line {
			t.Errorf("point %d: neighbours %s, scipy %s", i, got, line)
		}
	}
}
