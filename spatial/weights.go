package spatial

import (
	"fmt"
	"slices"
)

// Weights is a sparse spatial weights matrix W in compressed rows: row i
// holds the neighbours j of city i in ascending order and the weights w_ij.
// No city is its own neighbour. A city with no neighbour (an island) has an
// empty row: its spatial lag is 0, as in esda. Memory O(n + links); a
// Weights is never modified once built, so it may be shared by goroutines.
type Weights struct {
	start  []int // row i is index[start[i]:start[i+1]]
	index  []int
	weight []float64
}

// Len returns the number of cities.
func (w *Weights) Len() int { return len(w.start) - 1 }

// Links returns the number of non-zero weights w_ij (a symmetric pair counts
// twice).
func (w *Weights) Links() int { return len(w.index) }

// Row returns the neighbours of city i, ascending, and their weights. The
// slices belong to w and must not be modified.
func (w *Weights) Row(i int) (neighbors []int, weights []float64) {
	a, b := w.start[i], w.start[i+1]
	return w.index[a:b], w.weight[a:b]
}

// Cardinality returns the number of neighbours of city i.
func (w *Weights) Cardinality(i int) int { return w.start[i+1] - w.start[i] }

// maxCardinality returns the largest number of neighbours of any city.
func (w *Weights) maxCardinality() int {
	k := 0
	for i := range w.Len() {
		k = max(k, w.Cardinality(i))
	}
	return k
}

// Islands returns the cities with no neighbour, ascending.
func (w *Weights) Islands() []int {
	var out []int
	for i := range w.Len() {
		if w.Cardinality(i) == 0 {
			out = append(out, i)
		}
	}
	return out
}

// Lag returns the spatial lag Wy: (Wy)_i = sum_j w_ij y_j, the neighbours'
// mean under row-standardised weights and their sum under binary weights;
// 0 for an island.
func (w *Weights) Lag(y []float64) []float64 {
	lag := make([]float64, w.Len())
	for i := range lag {
		lag[i] = w.lag(i, y)
	}
	return lag
}

func (w *Weights) lag(i int, y []float64) float64 {
	nb, wt := w.Row(i)
	var s float64
	for k, j := range nb {
		s += wt[k] * y[j]
	}
	return s
}

// crossProduct returns sum_i z_i (Wz)_i, the numerator of Moran's I,
// reading the rows directly: it runs once per permutation.
func (w *Weights) crossProduct(z []float64) float64 {
	var total float64
	for i, zi := range z {
		var s float64
		for k := w.start[i]; k < w.start[i+1]; k++ {
			s += w.weight[k] * z[w.index[k]]
		}
		total += zi * s
	}
	return total
}

// Standardize returns W row-standardised: each weight divided by its row's
// sum, so that rows sum to 1 (libpysal's transform "R", spdep's style "W").
// Islands stay empty.
func (w *Weights) Standardize() *Weights {
	out := w.clone()
	for i := range out.Len() {
		a, b := out.start[i], out.start[i+1]
		var sum float64
		for _, x := range out.weight[a:b] {
			sum += x
		}
		for k := a; k < b; k++ {
			out.weight[k] /= sum
		}
	}
	return out
}

// Binary returns W with every non-zero weight set to 1 (libpysal's "B",
// spdep's "B").
func (w *Weights) Binary() *Weights {
	out := w.clone()
	for k := range out.weight {
		out.weight[k] = 1
	}
	return out
}

// Symmetrize returns the binary weights of the union of W's links and their
// reverses: i and j are neighbours when either lists the other, as spdep's
// make.sym.nb does for k-nearest neighbours.
func (w *Weights) Symmetrize() *Weights {
	lists := make([][]int, w.Len())
	for i := range lists {
		nb, _ := w.Row(i)
		for _, j := range nb {
			lists[i] = append(lists[i], j)
			lists[j] = append(lists[j], i)
		}
	}
	return fromLists(lists)
}

func (w *Weights) clone() *Weights {
	return &Weights{start: w.start, index: w.index, weight: slices.Clone(w.weight)}
}

// Contiguity returns binary weights from neighbour index lists (for example
// administrative borders): w_ij = 1 when j is in neighbors[i] or i in
// neighbors[j], so that lists given one way only are taken both ways.
// Duplicates count once. An index out of range or a city listed as its own
// neighbour is an error.
func Contiguity(neighbors [][]int) (*Weights, error) {
	n := len(neighbors)
	sym := make([][]int, n)
	for i, list := range neighbors {
		for _, j := range list {
			if j < 0 || j >= n {
				return nil, fmt.Errorf("spatial: neighbour %d of city %d is out of range [0, %d)", j, i, n)
			}
			if j == i {
				return nil, fmt.Errorf("spatial: city %d lists itself as a neighbour", i)
			}
			sym[i] = append(sym[i], j)
			sym[j] = append(sym[j], i)
		}
	}
	return fromLists(sym), nil
}

// fromLists builds binary weights from valid neighbour lists (indices in
// range, no self), sorting each list and dropping duplicates.
func fromLists(lists [][]int) *Weights {
	w := &Weights{start: make([]int, len(lists)+1)}
	for i, list := range lists {
		list = slices.Clone(list)
		slices.Sort(list)
		list = slices.Compact(list)
		w.index = append(w.index, list...)
		w.start[i+1] = len(w.index)
	}
	w.weight = make([]float64, len(w.index))
	for k := range w.weight {
		w.weight[k] = 1
	}
	return w
}

// sums returns the constants of the moments of Moran's I and Getis-Ord's G:
//
//	S0 = sum_ij w_ij
//	S1 = 1/2 sum_ij (w_ij + w_ji)^2
//	S2 = sum_i (sum_j w_ij + sum_j w_ji)^2
//
// in O(n + links), pairing each row with the same row of the transpose.
func (w *Weights) sums() (s0, s1, s2 float64) {
	n := w.Len()
	t := w.transpose()
	for i := range n {
		nb, wt := w.Row(i)
		tnb, twt := t.Row(i)
		var rowSum, colSum float64
		a, b := 0, 0
		for a < len(nb) || b < len(tnb) {
			var x float64
			switch {
			case b == len(tnb) || (a < len(nb) && nb[a] < tnb[b]):
				x = wt[a]
				rowSum += wt[a]
				a++
			case a == len(nb) || tnb[b] < nb[a]:
				x = twt[b]
				colSum += twt[b]
				b++
			default: // the same j in both: w_ij and w_ji
				x = wt[a] + twt[b]
				rowSum += wt[a]
				colSum += twt[b]
				a++
				b++
			}
			s1 += x * x
		}
		s0 += rowSum
		s2 += (rowSum + colSum) * (rowSum + colSum)
	}
	return s0, s1 / 2, s2
}

// transpose returns W^T with rows in ascending order (a counting sort).
func (w *Weights) transpose() *Weights {
	n := w.Len()
	t := &Weights{start: make([]int, n+1), index: make([]int, len(w.index)), weight: make([]float64, len(w.weight))}
	for _, j := range w.index {
		t.start[j+1]++
	}
	for i := range n {
		t.start[i+1] += t.start[i]
	}
	next := slices.Clone(t.start[:n])
	for i := range n { // rows in ascending i keep each transposed row sorted
		nb, wt := w.Row(i)
		for k, j := range nb {
			t.index[next[j]] = i
			t.weight[next[j]] = wt[k]
			next[j]++
		}
	}
	return t
}

// cancelCheck is how many cities (or permutations) a long loop handles
// between two checks of its context: a fraction of a millisecond of work.
const cancelCheck = 256
