package spatial

import (
	"collab/geom"
	"math"
	"slices"
)

// Delaunay returns binary weights linking cities that share an edge of the
// Delaunay triangulation of their positions on the azimuthal equidistant
// projection about the region's centroid (libpysal's Delaunay and spdep's
// tri2nb triangulate the coordinates as given; projecting first keeps
// distances and angles true to a fraction of a percent across a region).
//
// Cities at the same position are neighbours of each other and share the
// neighbours of the first of them; a city with a non-finite coordinate has
// none. When every city lies on one line, each
// is linked to the next along it. Points on a common circle (a square grid)
// have several Delaunay triangulations; the one returned is fixed by the
// input. O(n log n) expected time.
func Delaunay(points []geom.Point) *Weights {
	centre, _ := geom.MultiPoint(points).Centroid()
	x, y := make([]float64, len(points)), make([]float64, len(points))
	for i, p := range points {
		x[i], y[i] = AzimuthalEquidistant(centre, p)
	}
	return fromLists(delaunayNeighbors(x, y))
}

// delaunayNeighbors returns the neighbour lists of the Delaunay
// triangulation of the planar points (x[i], y[i]).
func delaunayNeighbors(x, y []float64) [][]int {
	n := len(x)
	lists := make([][]int, n)
	link := func(i, j int) {
		lists[i] = append(lists[i], j)
		lists[j] = append(lists[j], i)
	}
	distinct, twin := dedupe(x, y)
	switch {
	case len(distinct) == 2:
		link(distinct[0], distinct[1])
	case len(distinct) > 2:
		if m := triangulate(x, y, distinct); m != nil {
			m.edges(link)
		} else {
			chain(x, y, distinct, link)
		}
	}
	// A city at the position of an earlier one takes its neighbours and is
	// linked to it (and so to any other city at that position).
	for i, first := range twin {
		if first == i {
			continue
		}
		for _, j := range lists[first] {
			if twin[j] == j {
				link(i, j)
			}
		}
		link(i, first)
	}
	return lists
}

// dedupe returns the first index of each distinct, finite position, in
// input order, and for every point the index of the first point at its
// position. A point with a NaN or infinite coordinate is left out (an
// island).
func dedupe(x, y []float64) (distinct, twin []int) {
	order := make([]int, len(x))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmpFloat(x[a], x[b]); c != 0 {
			return c
		}
		if c := cmpFloat(y[a], y[b]); c != 0 {
			return c
		}
		return a - b
	})
	twin = make([]int, len(x))
	for k, i := range order {
		if k > 0 && x[i] == x[order[k-1]] && y[i] == y[order[k-1]] {
			twin[i] = twin[order[k-1]]
		} else {
			twin[i] = i
		}
	}
	for i, t := range twin {
		if t == i && finite(x[i]) && finite(y[i]) {
			distinct = append(distinct, i)
		}
	}
	return distinct, twin
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// chain links collinear points to their successors along the line.
func chain(x, y []float64, pts []int, link func(i, j int)) {
	a := pts[0]
	dx, dy := x[pts[1]]-x[a], y[pts[1]]-y[a]
	order := slices.Clone(pts)
	slices.SortFunc(order, func(i, j int) int {
		return cmpFloat((x[i]-x[a])*dx+(y[i]-y[a])*dy, (x[j]-x[a])*dx+(y[j]-y[a])*dy)
	})
	for k := 1; k < len(order); k++ {
		link(order[k-1], order[k])
	}
}

// ghost stands for the vertex at infinity. Every hull edge a->b (outside on
// its left) is closed by a ghost triangle (a, b, ghost), so that points
// outside the hull are inserted like points inside it (the "ghost triangle"
// form of Bowyer-Watson; Shewchuk's lecture notes on Delaunay refinement).
const ghost = -1

// mesh is a triangulation under construction. Triangle t has vertices
// v[t] counter-clockwise and neighbours nb[t], nb[t][k] being the triangle
// across the edge opposite v[t][k].
type mesh struct {
	x, y []float64
	v    [][3]int
	nb   [][3]int
	dead []bool
	free []int // dead triangles, reused by the next insertions

	// scratch for one insertion
	cavity   []int
	mark     []int // mark[t] == stamp: t is in the current cavity
	stamp    int
	boundary []edge
	startAt  []int // new triangle whose boundary edge starts at vertex v (ghost at len(x))
}

// edge is a boundary edge a->b of a cavity, with the triangle outside it and
// the slot of outside's neighbours that pointed into the cavity.
type edge struct {
	a, b          int
	outside, slot int
	tri           int // the new triangle (a, b, p)
}

// triangulate returns the Delaunay triangulation of the distinct points
// pts, inserted in a spatially coherent order, or nil when they all lie on
// one line.
func triangulate(x, y []float64, pts []int) *mesh {
	order := hilbertOrder(x, y, pts)
	a, b := order[0], order[1]
	c := -1
	for k := 2; k < len(order); k++ {
		if orient(x[a], y[a], x[b], y[b], x[order[k]], y[order[k]]) != 0 {
			c = order[k]
			order = slices.Delete(order, k, k+1)
			break
		}
	}
	if c < 0 {
		return nil
	}
	m := newMesh(x, y, a, b, c)
	last := 0
	for _, p := range order[2:] {
		last = m.insert(p, last)
	}
	return m
}

// edges calls link once for every edge between two real vertices.
func (m *mesh) edges(link func(i, j int)) {
	for t, v := range m.v {
		if m.dead[t] || m.isGhost(t) {
			continue
		}
		for k := range 3 {
			if i, j := v[k], v[(k+1)%3]; i < j { // each edge once: as i->j in one triangle, j->i in the other
				link(i, j)
			} else if m.isHull(t, k) {
				link(i, j)
			}
		}
	}
}

// isHull reports whether the edge v[t][k]->v[t][k+1] of a real triangle
// lies on the convex hull (its other side is a ghost triangle), where no
// second real triangle lists it.
func (m *mesh) isHull(t, k int) bool {
	u := m.nb[t][(k+2)%3]
	return m.v[u][0] == ghost || m.v[u][1] == ghost || m.v[u][2] == ghost
}

// newMesh starts from the triangle a, b, c (not collinear) and the three
// ghost triangles on its edges.
func newMesh(x, y []float64, a, b, c int) *mesh {
	if orient(x[a], y[a], x[b], y[b], x[c], y[c]) < 0 {
		b, c = c, b
	}
	m := &mesh{x: x, y: y, startAt: make([]int, len(x)+1)}
	// 0 = (a,b,c); 1 = (b,a,ghost); 2 = (c,b,ghost); 3 = (a,c,ghost).
	m.v = [][3]int{{a, b, c}, {b, a, ghost}, {c, b, ghost}, {a, c, ghost}}
	m.nb = [][3]int{{2, 3, 1}, {3, 2, 0}, {1, 3, 0}, {2, 1, 0}}
	m.dead = make([]bool, 4)
	m.mark = make([]int, 4)
	return m
}

// insert adds point p, starting the search at triangle start, and returns a
// triangle next to p from which to start the next search.
func (m *mesh) insert(p, start int) int {
	t := m.locate(p, start)
	m.stamp++
	m.cavity = append(m.cavity[:0], t)
	m.mark[t] = m.stamp
	m.boundary = m.boundary[:0]
	for q := 0; q < len(m.cavity); q++ {
		t := m.cavity[q]
		for k := range 3 {
			u := m.nb[t][k]
			if m.mark[u] == m.stamp {
				continue
			}
			if m.conflicts(u, p) {
				m.mark[u] = m.stamp
				m.cavity = append(m.cavity, u)
				continue
			}
			slot := slices.Index(m.nb[u][:], t)
			m.boundary = append(m.boundary, edge{a: m.v[t][(k+1)%3], b: m.v[t][(k+2)%3], outside: u, slot: slot})
		}
	}
	for _, t := range m.cavity {
		m.dead[t] = true
		m.free = append(m.free, t)
	}
	for e := range m.boundary {
		be := &m.boundary[e]
		be.tri = m.newTriangle(be.a, be.b, p)
		m.nb[be.tri][2] = be.outside
		m.nb[be.outside][be.slot] = be.tri
		m.startAt[m.vertexSlot(be.a)] = e
	}
	// Around p the new triangles share edges: (a,b,p) meets the triangle
	// starting at b across b->p, and the one ending at a across p->a.
	for e := range m.boundary {
		be := &m.boundary[e]
		next := &m.boundary[m.startAt[m.vertexSlot(be.b)]]
		m.nb[be.tri][0] = next.tri
		m.nb[next.tri][1] = be.tri
	}
	for _, be := range m.boundary {
		if be.a != ghost && be.b != ghost {
			return be.tri
		}
	}
	return m.boundary[0].tri
}

func (m *mesh) vertexSlot(v int) int {
	if v == ghost {
		return len(m.x)
	}
	return v
}

func (m *mesh) newTriangle(a, b, c int) int {
	if k := len(m.free); k > 0 {
		t := m.free[k-1]
		m.free = m.free[:k-1]
		m.v[t], m.dead[t] = [3]int{a, b, c}, false
		return t
	}
	m.v = append(m.v, [3]int{a, b, c})
	m.nb = append(m.nb, [3]int{})
	m.dead = append(m.dead, false)
	m.mark = append(m.mark, 0)
	return len(m.v) - 1
}

// locate returns a triangle in conflict with p by a visibility walk from
// start: step across any edge that has p strictly on its outer side, until p
// lies in the triangle or beyond a hull edge. On a Delaunay triangulation
// the walk cannot cycle (Edelsbrunner 1990); a scan of every triangle backs
// it up all the same.
func (m *mesh) locate(p, t int) int {
	if m.dead[t] || m.isGhost(t) {
		t = m.anyReal()
	}
	px, py := m.x[p], m.y[p]
	for steps := 0; steps <= len(m.v); steps++ {
		if m.isGhost(t) {
			return t
		}
		moved := false
		for k := range 3 {
			a, b := m.v[t][(k+1)%3], m.v[t][(k+2)%3]
			if orient(m.x[a], m.y[a], m.x[b], m.y[b], px, py) < 0 {
				t, moved = m.nb[t][k], true
				break
			}
		}
		if !moved {
			return t
		}
	}
	for t := range m.v {
		if !m.dead[t] && m.conflicts(t, p) {
			return t
		}
	}
	panic("spatial: Delaunay point location failed") // unreachable: p conflicts with some triangle
}

func (m *mesh) anyReal() int {
	for t := range m.v {
		if !m.dead[t] && !m.isGhost(t) {
			return t
		}
	}
	return 0
}

func (m *mesh) isGhost(t int) bool {
	v := m.v[t]
	return v[0] == ghost || v[1] == ghost || v[2] == ghost
}

// conflicts reports whether p destroys triangle t: p lies strictly inside
// its circumcircle, or, for a ghost triangle on hull edge a->b, strictly
// outside the hull beyond a->b or on the open segment ab.
func (m *mesh) conflicts(t, p int) bool {
	v := m.v[t]
	px, py := m.x[p], m.y[p]
	if !m.isGhost(t) {
		return incircle(m.x[v[0]], m.y[v[0]], m.x[v[1]], m.y[v[1]], m.x[v[2]], m.y[v[2]], px, py) > 0
	}
	for v[2] != ghost {
		v = [3]int{v[1], v[2], v[0]}
	}
	a, b := v[0], v[1]
	o := orient(m.x[a], m.y[a], m.x[b], m.y[b], px, py)
	if o != 0 {
		return o > 0
	}
	// On the line through a and b: strictly between them? (Comparing
	// coordinates is exact.)
	if m.x[a] != m.x[b] {
		return between(m.x[a], px, m.x[b])
	}
	return between(m.y[a], py, m.y[b])
}

func between(a, x, b float64) bool { return min(a, b) < x && x < max(a, b) }

// hilbertOrder sorts points along a Hilbert curve over their bounding box,
// so that each insertion starts its walk next to the previous point.
func hilbertOrder(x, y []float64, pts []int) []int {
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, i := range pts {
		minX, maxX = min(minX, x[i]), max(maxX, x[i])
		minY, maxY = min(minY, y[i]), max(maxY, y[i])
	}
	const side = 1 << 16
	scale := float64(side-1) / max(maxX-minX, maxY-minY, 1e-300)
	key := make(map[int]uint64, len(pts))
	for _, i := range pts {
		key[i] = hilbert(uint32((x[i]-minX)*scale), uint32((y[i]-minY)*scale), side)
	}
	order := slices.Clone(pts)
	slices.SortFunc(order, func(a, b int) int {
		if key[a] != key[b] {
			if key[a] < key[b] {
				return -1
			}
			return 1
		}
		return a - b
	})
	return order
}

// hilbert returns the distance of cell (x, y) along the Hilbert curve
// filling a side x side grid (side a power of two).
func hilbert(x, y, side uint32) uint64 {
	var d uint64
	for s := side / 2; s > 0; s /= 2 {
		var rx, ry uint32
		if x&s > 0 {
			rx = 1
		}
		if y&s > 0 {
			ry = 1
		}
		d += uint64(s) * uint64(s) * uint64((3*rx)^ry)
		if ry == 0 { // rotate the quadrant
			if rx == 1 {
				x, y = side-1-x, side-1-y
			}
			x, y = y, x
		}
	}
	return d
}
