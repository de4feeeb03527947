package spatial

import (
	"collab/geom"
	"errors"
	"fmt"
	"math"
	"slices"
)

// KNN returns binary weights linking each city to its k nearest other cities
// by great-circle distance (lat, lon in degrees), ties broken by the lower
// index. The relation is not symmetric (use Symmetrize). k must be in
// [1, n-1]. A 3-D kd-tree over unit-sphere coordinates finds the neighbours
// in O(n log n) expected time.
func KNN(points []geom.Point, k int) (*Weights, error) {
	n := len(points)
	if k < 1 || k > n-1 {
		return nil, fmt.Errorf("spatial: k = %d nearest neighbours needs 1 <= k <= n-1 = %d", k, n-1)
	}
	tree := newKDTree(points)
	lists := make([][]int, n)
	h := nearestBest()
	for i := range n {
		tree.nearest(i, k, h)
		lists[i] = make([]int, len(h.items))
		for m, c := range h.items {
			lists[i][m] = c.index
		}
	}
	return fromLists(lists), nil
}

// DistanceBand returns binary weights linking every pair of cities at most
// km apart by great-circle distance (libpysal's DistanceBand with
// binary=True, spdep's dnearneigh with longlat=TRUE). Cities with nothing
// within km are islands. A band wide enough to link more than MaxBandLinks
// pairs (a few thousand cities under a band as wide as the region) is
// refused with an error wrapping ErrTooManyLinks, as its links grow with
// the square of the cities.
func DistanceBand(points []geom.Point, km float64) (*Weights, error) {
	return distanceBand(points, km, MaxBandLinks)
}

// distanceBand is DistanceBand with at most maxLinks links.
func distanceBand(points []geom.Point, km float64, maxLinks int) (*Weights, error) {
	if !(km > 0) || math.IsInf(km, 0) {
		return nil, fmt.Errorf("spatial: distance band %g km must be a positive number", km)
	}
	tree := newKDTree(points)
	c := chord(km) * (1 + 1e-9) // a little wider; the exact test is below
	lists := make([][]int, len(points))
	links := 0
	for i := range points {
		tree.within(i, c*c, func(j int) {
			if geom.Distance(points[i], points[j]) <= km {
				lists[i] = append(lists[i], j)
			}
		})
		if links += len(lists[i]); links > maxLinks {
			return nil, fmt.Errorf("%w: a band of %g km links more than %d pairs", ErrTooManyLinks, km, maxLinks)
		}
	}
	return fromLists(lists), nil
}

// MaxBandLinks bounds the links of DistanceBand.
const MaxBandLinks = 20_000_000

// ErrTooManyLinks is the error of DistanceBand past MaxBandLinks.
var ErrTooManyLinks = errors.New("spatial: too many links")

// MinBand returns the smallest distance band in km that leaves no city
// without a neighbour: the largest nearest-neighbour distance (libpysal's
// min_threshold_distance). It needs at least two cities.
func MinBand(points []geom.Point) float64 {
	tree := newKDTree(points)
	var worst float64
	h := nearestBest()
	for i := range points {
		tree.nearest(i, 1, h)
		if len(h.items) == 1 {
			j := h.items[0].index
			worst = max(worst, geom.Distance(points[i], points[j]))
		}
	}
	return worst
}

// kdTree is a static, balanced 3-D kd-tree over unit vectors, stored
// implicitly: the node of the range order[lo:hi] is at mid = (lo+hi)/2 and
// splits on axis[mid]; order[lo:mid] lies at or below it and
// order[mid+1:hi] at or above. It is written here rather than taken from
// gonum's spatial/kdtree for ties broken by index (so that the neighbours
// are a function of the input alone) and for radius queries without an
// allocation per point.
type kdTree struct {
	p     [][3]float64
	order []int
	axis  []uint8
}

func newKDTree(points []geom.Point) *kdTree {
	n := len(points)
	t := &kdTree{p: make([][3]float64, n), order: make([]int, n), axis: make([]uint8, n)}
	for i, pt := range points {
		t.p[i] = unitVector(pt)
		t.order[i] = i
	}
	t.build(0, n)
	return t
}

func (t *kdTree) build(lo, hi int) {
	if hi-lo < 2 {
		return
	}
	ax := t.widestAxis(lo, hi)
	slices.SortFunc(t.order[lo:hi], func(a, b int) int {
		if c := cmpFloat(t.p[a][ax], t.p[b][ax]); c != 0 {
			return c
		}
		return a - b
	})
	mid := (lo + hi) / 2
	t.axis[mid] = uint8(ax)
	t.build(lo, mid)
	t.build(mid+1, hi)
}

func (t *kdTree) widestAxis(lo, hi int) int {
	best, spread := 0, -1.0
	for ax := range 3 {
		minV, maxV := math.Inf(1), math.Inf(-1)
		for _, i := range t.order[lo:hi] {
			minV, maxV = min(minV, t.p[i][ax]), max(maxV, t.p[i][ax])
		}
		if maxV-minV > spread {
			best, spread = ax, maxV-minV
		}
	}
	return best
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (t *kdTree) dist2(i, j int) float64 {
	a, b := &t.p[i], &t.p[j]
	dx, dy, dz := a[0]-b[0], a[1]-b[1], a[2]-b[2]
	return dx*dx + dy*dy + dz*dz
}

// candidate is a neighbour found by a search; a is closer than b when its
// squared chord is smaller, or equal with a lower index.
type candidate struct {
	d2    float64
	index int
}

func (a candidate) before(b candidate) bool {
	return a.d2 < b.d2 || (a.d2 == b.d2 && a.index < b.index)
}

func nearestBest() *best[candidate] { return &best[candidate]{better: candidate.before} }

// nearest puts the k nearest points to point q (q excluded) in h, in no
// particular order.
func (t *kdTree) nearest(q, k int, h *best[candidate]) {
	h.reset(k)
	t.searchNearest(q, 0, len(t.order), h)
}

func (t *kdTree) searchNearest(q, lo, hi int, h *best[candidate]) {
	if lo >= hi {
		return
	}
	mid := (lo + hi) / 2
	p := t.order[mid]
	if p != q {
		h.offer(candidate{t.dist2(q, p), p})
	}
	ax := t.axis[mid]
	diff := t.p[q][ax] - t.p[p][ax]
	nearLo, nearHi, farLo, farHi := lo, mid, mid+1, hi
	if diff > 0 {
		nearLo, nearHi, farLo, farHi = mid+1, hi, lo, mid
	}
	t.searchNearest(q, nearLo, nearHi, h)
	// Equal distances must still be visited: a tie may have a lower index.
	if !h.full() || diff*diff <= h.worst().d2 {
		t.searchNearest(q, farLo, farHi, h)
	}
}

// within calls f with every point other than q whose squared chord to q is
// at most r2.
func (t *kdTree) within(q int, r2 float64, f func(int)) {
	t.searchWithin(q, r2, 0, len(t.order), f)
}

func (t *kdTree) searchWithin(q int, r2 float64, lo, hi int, f func(int)) {
	if lo >= hi {
		return
	}
	mid := (lo + hi) / 2
	p := t.order[mid]
	if p != q && t.dist2(q, p) <= r2 {
		f(p)
	}
	diff := t.p[q][t.axis[mid]] - t.p[p][t.axis[mid]]
	if diff <= 0 || diff*diff <= r2 {
		t.searchWithin(q, r2, lo, mid, f)
	}
	if diff >= 0 || diff*diff <= r2 {
		t.searchWithin(q, r2, mid+1, hi, f)
	}
}
