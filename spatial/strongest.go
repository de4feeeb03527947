package spatial

import (
	"collab/geom"
	"context"
	"fmt"
	"math"
	"slices"

	"collab/internal/parallel"
)

// Strongest returns, for each city, the k other cities j of largest pull
//
//	mass_j / max(d_ij, floorKm)^beta
//
// (d great-circle), strongest first, ties to the lower index; cities of
// zero mass pull nothing and are never chosen. For the gravity model
// R_ij = M_i M_j / d^beta this is city i's k strongest links, found
// without visiting every pair: a best-first search of the kd-tree, each
// subtree holding the largest mass in it, skips subtrees whose largest
// mass at their least possible distance cannot beat the k-th pull so far.
// Expected time O(n k log n) when masses do not vary wildly.
func Strongest(ctx context.Context, points []geom.Point, mass []float64, beta float64, k int, floorKm float64) ([][]int, error) {
	n := len(points)
	if len(mass) != n {
		return nil, fmt.Errorf("spatial: Strongest takes one mass per point: %d points, %d masses", n, len(mass))
	}
	if k < 1 || !(beta > 0) || !(floorKm > 0) {
		return nil, fmt.Errorf("spatial: Strongest needs k >= 1, beta > 0, floorKm > 0 (got %d, %g, %g)", k, beta, floorKm)
	}
	t := newKDTree(points)
	heaviest := make([]float64, n)
	t.heaviest(mass, heaviest, 0, n)
	out := make([][]int, n)
	err := parallel.For(ctx, n, func(i int) {
		s := pullSearch{t: t, mass: mass, heaviest: heaviest, beta: beta, floor: floorKm, q: i,
			best: best[pull]{k: k, better: pull.stronger}}
		s.visit(0, n, 0)
		slices.SortFunc(s.best.items, func(a, b pull) int {
			if a.stronger(b) {
				return -1
			}
			return 1
		})
		out[i] = make([]int, len(s.best.items))
		for m, p := range s.best.items {
			out[i][m] = p.index
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// heaviest fills h[mid] with the largest mass in the subtree of
// order[lo:hi] (rooted at mid = (lo+hi)/2) and returns it.
func (t *kdTree) heaviest(mass, h []float64, lo, hi int) float64 {
	if lo >= hi {
		return 0
	}
	mid := (lo + hi) / 2
	m := max(mass[t.order[mid]], t.heaviest(mass, h, lo, mid), t.heaviest(mass, h, mid+1, hi))
	h[mid] = m
	return m
}

// pull is a candidate of a Strongest search.
type pull struct {
	score float64
	index int
}

func (a pull) stronger(b pull) bool {
	return a.score > b.score || (a.score == b.score && a.index < b.index)
}

type pullSearch struct {
	t              *kdTree
	mass, heaviest []float64
	beta, floor    float64
	q              int
	best           best[pull] // the strongest so far, the weakest of them at the root
}

func (s *pullSearch) score(m, km float64) float64 {
	return m / math.Pow(max(km, s.floor), s.beta)
}

// visit searches the subtree of order[lo:hi]; lb2 is a lower bound on the
// squared chord from q to any point in it.
func (s *pullSearch) visit(lo, hi int, lb2 float64) {
	if lo >= hi {
		return
	}
	mid := (lo + hi) / 2
	if s.best.full() {
		bound := s.score(s.heaviest[mid], 2*EarthRadius*math.Asin(min(math.Sqrt(lb2)/2, 1)))
		if bound < s.best.worst().score {
			return // nothing here can enter the k strongest
		}
	}
	t := s.t
	p := t.order[mid]
	if p != s.q && s.mass[p] > 0 {
		s.best.offer(pull{s.score(s.mass[p], arcKm(t.p[s.q], t.p[p])), p})
	}
	diff := t.p[s.q][t.axis[mid]] - t.p[p][t.axis[mid]]
	nearLo, nearHi, farLo, farHi := lo, mid, mid+1, hi
	if diff > 0 {
		nearLo, nearHi, farLo, farHi = mid+1, hi, lo, mid
	}
	s.visit(nearLo, nearHi, lb2)
	s.visit(farLo, farHi, max(lb2, diff*diff))
}
