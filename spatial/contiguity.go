package spatial

import (
	"collab/geom"
	"errors"
	"fmt"
	"math"
	"slices"
)

// DefaultSnapM is the default tolerance, in metres, within which two
// boundary points are taken as the same point.
const DefaultSnapM = 1.0

// QueenContiguity returns the queen contiguity of shapes: i and j are
// neighbours when a vertex of i lies within snapM metres of a vertex of j
// (any ring, any part). This is the definition of GeoDa, PySAL's
// libpysal.weights.Queen and R's spdep::poly2nb(queen = TRUE): shared
// vertices, not shared edges, so two shapes touching only at a corner are
// neighbours, and a vertex of one lying on an edge of the other without a
// vertex there (a boundary digitised without shared nodes) is not a contact.
//
// The result lists, for each shape, its neighbours in ascending order; an
// empty shape (nil) has none. snapM must be > 0.
//
// Vertices are hashed into a grid of cells 2 snapM metres high and at least
// as wide at the region's highest latitude, so that only the 2x2 cells
// around a vertex are searched: O(total vertices) expected time and
// memory, where comparing every pair of shapes would be quadratic. Two
// vertices are within snapM when their equirectangular distance (exact to
// a micrometre at these lengths) is. Longitudes are not wrapped at ±180°.
//
// Degenerate boundaries could still make that quadratic: thousands of
// polygons meeting at one point are all neighbours of one another, and
// thousands of vertices within snapM of each other must all be compared.
// So the search gives up with an error wrapping ErrTooManyContacts past
// MaxContacts pairs of neighbours, or past 64 comparisons per vertex plus
// 100 million, far beyond any real tiling (about 10 per vertex).
func QueenContiguity(shapes []geom.MultiPolygon, snapM float64) ([][]int, error) {
	g := newVertexGrid(shapes, snapM)
	pairs := map[[2]int32]struct{}{}
	budget := 64*len(g.lon) + 100_000_000
	for v := range g.lon {
		budget -= g.eachNear(v, func(u int32) {
			a, b := g.shape[u], g.shape[v]
			pairs[[2]int32{min(a, b), max(a, b)}] = struct{}{}
		})
		if budget < 0 || len(pairs) > MaxContacts {
			return nil, fmt.Errorf("%w: more than %d pairs of neighbours, or of vertices within %g m of one another; simplify the boundaries or lower the snap distance", ErrTooManyContacts, MaxContacts, snapM)
		}
		g.insert(v)
	}
	nb := make([][]int, len(shapes))
	for p := range pairs {
		nb[p[0]] = append(nb[p[0]], int(p[1]))
		nb[p[1]] = append(nb[p[1]], int(p[0]))
	}
	for i := range nb {
		slices.Sort(nb[i])
	}
	return nb, nil
}

// MaxContacts bounds the pairs of neighbours QueenContiguity finds.
const MaxContacts = 10_000_000

// ErrTooManyContacts is the error of QueenContiguity on degenerate
// boundaries.
var ErrTooManyContacts = errors.New("spatial: too many boundary contacts")

// vertexGrid holds every vertex of the shapes and a hash of the grid cells
// seen so far: head maps a cell's key to its last inserted vertex and next
// chains each vertex to the previous one with the same key. Cells are twice
// the snap distance across, so the disc within snap of a vertex meets its
// own cell and the three beside the quarter it lies in. Two cells may share
// a key (the hash is not injective); that only adds candidates, each of
// which is checked by distance.
type vertexGrid struct {
	lon, lat     []float64
	shape        []int32
	cellLat      float64 // cell height in degrees
	cellLon      float64 // cell width in degrees
	snap2        float64 // snapM squared, in square metres
	metresPerDeg float64
	head         map[uint64]int32
	next         []int32
}

func newVertexGrid(shapes []geom.MultiPolygon, snapM float64) *vertexGrid {
	g := &vertexGrid{metresPerDeg: EarthRadius * 1000 * math.Pi / 180, snap2: snapM * snapM}
	maxLat := 0.0
	for s, m := range shapes {
		for _, p := range m {
			for _, r := range p {
				for _, pt := range r {
					g.lon = append(g.lon, pt.Lon())
					g.lat = append(g.lat, pt.Lat())
					g.shape = append(g.shape, int32(s))
					maxLat = max(maxLat, math.Abs(pt.Lat()))
				}
			}
		}
	}
	g.cellLat = 2 * snapM / g.metresPerDeg
	// Near the poles a degree of longitude shrinks to nothing; cap the
	// widening so that cells stay finite (cities sit well below 89°).
	g.cellLon = g.cellLat / math.Cos(radians(min(maxLat, 89)))
	g.head = make(map[uint64]int32, len(g.lon))
	g.next = make([]int32, len(g.lon))
	return g
}

// cell returns v's cell and, on each axis, the step (-1 or +1) towards the
// nearer neighbouring cell.
func (g *vertexGrid) cell(v int) (cx, cy, sx, sy int64) {
	fx, fy := g.lon[v]/g.cellLon, g.lat[v]/g.cellLat
	cx, cy = int64(math.Floor(fx)), int64(math.Floor(fy))
	sx, sy = 1, 1
	if fx-math.Floor(fx) < 0.5 {
		sx = -1
	}
	if fy-math.Floor(fy) < 0.5 {
		sy = -1
	}
	return cx, cy, sx, sy
}

func cellKey(cx, cy int64) uint64 {
	return uint64(cx)*0x9E3779B97F4A7C15 ^ uint64(cy)
}

func (g *vertexGrid) insert(v int) {
	cx, cy, _, _ := g.cell(v)
	key := cellKey(cx, cy)
	if h, ok := g.head[key]; ok {
		g.next[v] = h
	} else {
		g.next[v] = -1
	}
	g.head[key] = int32(v)
}

// eachNear calls f with every inserted vertex of another shape within the
// snap distance of v, and returns how many vertices it looked at.
func (g *vertexGrid) eachNear(v int, f func(u int32)) (looked int) {
	cx, cy, sx, sy := g.cell(v)
	for _, key := range [4]uint64{cellKey(cx, cy), cellKey(cx+sx, cy), cellKey(cx, cy+sy), cellKey(cx+sx, cy+sy)} {
		u, ok := g.head[key]
		for ok && u >= 0 {
			if g.shape[u] != g.shape[v] && g.near(int(u), v) {
				f(u)
			}
			u = g.next[u]
			looked++
		}
	}
	return looked
}

func (g *vertexGrid) near(u, v int) bool {
	dy := (g.lat[u] - g.lat[v]) * g.metresPerDeg
	dx := (g.lon[u] - g.lon[v]) * g.metresPerDeg * math.Cos(radians((g.lat[u]+g.lat[v])/2))
	return dx*dx+dy*dy <= g.snap2
}
