package graph

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Dyadic is a square matrix of values on ordered pairs of nodes: At(i, j)
// is the value of the pair from i to j. The diagonal carries no meaning;
// QAP and MRQAP skip it, as sna's gcor and netlm do with diag = FALSE.
type Dyadic struct {
	n    int
	data []float64 // row-major
}

// NewDyadic returns an n x n dyadic matrix of zeros.
func NewDyadic(n int) (*Dyadic, error) {
	if n < 0 || n > math.MaxInt32 {
		return nil, fmt.Errorf("graph: dyadic matrix: n must be in 0..%d, got %d", math.MaxInt32, n)
	}
	return &Dyadic{n: n, data: make([]float64, n*n)}, nil
}

// DyadicFrom copies a square gonum matrix. Every off-diagonal entry must be
// finite.
func DyadicFrom(m mat.Matrix) (*Dyadic, error) {
	r, c := m.Dims()
	if r != c {
		return nil, fmt.Errorf("graph: dyadic matrix: m must be square, got %d x %d", r, c)
	}
	d, _ := NewDyadic(r)
	for i := range r {
		for j := range r {
			v := m.At(i, j)
			if i != j && (math.IsNaN(v) || math.IsInf(v, 0)) {
				return nil, fmt.Errorf("graph: dyadic matrix: m[%d][%d] = %g; entries off the diagonal must be finite", i, j, v)
			}
			d.data[i*r+j] = v
		}
	}
	return d, nil
}

// Nodes returns n.
func (d *Dyadic) Nodes() int { return d.n }

// At returns the value of the pair from i to j.
func (d *Dyadic) At(i, j int) float64 { return d.data[i*d.n+j] }

// Set sets the value of the pair from i to j.
func (d *Dyadic) Set(i, j int, v float64) { d.data[i*d.n+j] = v }

// Dense returns a copy as a gonum matrix.
func (d *Dyadic) Dense() *mat.Dense {
	if d.n == 0 {
		return &mat.Dense{}
	}
	return mat.NewDense(d.n, d.n, append([]float64(nil), d.data...))
}

// Symmetric reports whether At(i, j) == At(j, i) for every pair.
func (d *Dyadic) Symmetric() bool {
	for i := range d.n {
		for j := range i {
			if d.data[i*d.n+j] != d.data[j*d.n+i] {
				return false
			}
		}
	}
	return true
}

// DistanceMatrix fills the pairs with dist(i, j), for example the
// great-circle distance between two cities in km, or any other value of a
// pair (a gravity linkage M_i M_j / d_ij^beta). dist is called for every
// ordered pair i != j, so an asymmetric cost (travel time) is kept as
// given; its values must be finite.
func DistanceMatrix(n int, dist func(i, j int) float64) (*Dyadic, error) {
	d, err := NewDyadic(n)
	if err != nil {
		return nil, err
	}
	for i := range n {
		for j := range n {
			if i == j {
				continue
			}
			v := dist(i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("graph: distance matrix: dist(%d, %d) = %g; distances must be finite", i, j, v)
			}
			d.data[i*n+j] = v
		}
	}
	return d, nil
}

// SameGroupMatrix is 1 for the pairs whose labels are equal (two cities of
// one province) and 0 otherwise.
func SameGroupMatrix(groups []string) *Dyadic {
	n := len(groups)
	d, _ := NewDyadic(n)
	for i := range n {
		for j := range n {
			if i != j && groups[i] == groups[j] {
				d.data[i*n+j] = 1
			}
		}
	}
	return d
}

// GapMatrix is |s_i - s_j|, the gap between two cities' scores. Scores must
// be finite.
func GapMatrix(scores []float64) (*Dyadic, error) {
	for i, s := range scores {
		if math.IsNaN(s) || math.IsInf(s, 0) {
			return nil, fmt.Errorf("graph: gap matrix: scores[%d] = %g; scores must be finite", i, s)
		}
	}
	n := len(scores)
	d, _ := NewDyadic(n)
	for i := range n {
		for j := range n {
			if i != j {
				d.data[i*n+j] = math.Abs(scores[i] - scores[j])
			}
		}
	}
	return d, nil
}

// LinkMatrix is the weighted adjacency of the edges: the weight of the link
// from i to j, 0 where there is none; an undirected link fills both (i, j)
// and (j, i). Nodes must lie in 0..n-1, weights must be finite, and a pair
// may appear once (in an undirected list, i-j and j-i are the same pair).
// LinkMatrix(g.Nodes(), g.Edges(), g.Directed()) is a Network's adjacency.
func LinkMatrix(n int, edges []Edge, directed bool) (*Dyadic, error) {
	d, err := NewDyadic(n)
	if err != nil {
		return nil, err
	}
	seen := make([]bool, n*n)
	for k, e := range edges {
		switch {
		case e.From < 0 || e.From >= n || e.To < 0 || e.To >= n:
			return nil, fmt.Errorf("graph: link matrix: edges[%d] (%d-%d) names a node outside 0..%d", k, e.From, e.To, n-1)
		case e.From == e.To:
			return nil, fmt.Errorf("graph: link matrix: edges[%d] is a self-link of node %d", k, e.From)
		case math.IsNaN(e.Weight) || math.IsInf(e.Weight, 0):
			return nil, fmt.Errorf("graph: link matrix: edges[%d] has weight %g; weights must be finite", k, e.Weight)
		case seen[e.From*n+e.To]:
			return nil, fmt.Errorf("graph: link matrix: edges[%d] repeats the pair %d-%d", k, e.From, e.To)
		}
		seen[e.From*n+e.To] = true
		d.data[e.From*n+e.To] = e.Weight
		if !directed {
			seen[e.To*n+e.From] = true
			d.data[e.To*n+e.From] = e.Weight
		}
	}
	return d, nil
}

// pairSet lists the pairs a QAP statistic runs over, in a fixed order: for
// each row i, the columns j != i (directed), or j < i (symmetric: each
// unordered pair once, from the lower triangle, as sna's mode = "graph").
type pairSet struct {
	n         int
	symmetric bool
}

func (p pairSet) count() int {
	if p.symmetric {
		return p.n * (p.n - 1) / 2
	}
	return p.n * (p.n - 1)
}

// gather writes m's values on the pairs, relabelled by perm (the value of
// pair (i, j) is m[perm[i]][perm[j]]), into dst in pair order. A nil perm is
// the identity.
func (p pairSet) gather(dst []float64, m *Dyadic, perm []int) {
	n, k := p.n, 0
	for i := range n {
		pi := i
		if perm != nil {
			pi = perm[i]
		}
		row := m.data[pi*n : pi*n+n]
		hi := n
		if p.symmetric {
			hi = i
		}
		for j := range hi {
			if j == i {
				continue
			}
			pj := j
			if perm != nil {
				pj = perm[j]
			}
			dst[k] = row[pj]
			k++
		}
	}
}

// vector returns m's values on the pairs, unpermuted.
func (p pairSet) vector(m *Dyadic) []float64 {
	v := make([]float64, p.count())
	p.gather(v, m, nil)
	return v
}
