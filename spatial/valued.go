package spatial

import (
	"fmt"
	"math"
	"slices"
)

// FromRows returns general (valued) weights: row i links city i to each
// neighbors[i][k] with weight weights[i][k], as an inverse-distance or an
// economic-distance matrix is built. The lists need not be sorted (each
// row is sorted by neighbour); a neighbour out of range, a city listed as
// its own neighbour or twice in one row, or a weight that is not finite
// and > 0 is an error naming the city. Time O(links log links).
func FromRows(neighbors [][]int, weights [][]float64) (*Weights, error) {
	n := len(neighbors)
	if len(weights) != n {
		return nil, fmt.Errorf("spatial: %d rows of weights for %d rows of neighbours", len(weights), n)
	}
	w := &Weights{start: make([]int, n+1)}
	for i, nb := range neighbors {
		if len(weights[i]) != len(nb) {
			return nil, fmt.Errorf("spatial: city %d has %d neighbours and %d weights", i, len(nb), len(weights[i]))
		}
		order := make([]int, len(nb))
		for k := range order {
			order[k] = k
		}
		slices.SortFunc(order, func(a, b int) int { return nb[a] - nb[b] })
		for m, k := range order {
			j, x := nb[k], weights[i][k]
			switch {
			case j < 0 || j >= n:
				return nil, fmt.Errorf("spatial: neighbour %d of city %d is out of range [0, %d)", j, i, n)
			case j == i:
				return nil, fmt.Errorf("spatial: city %d lists itself as a neighbour", i)
			case m > 0 && nb[order[m-1]] == j:
				return nil, fmt.Errorf("spatial: city %d lists neighbour %d twice", i, j)
			case !(x > 0) || math.IsInf(x, 0):
				return nil, fmt.Errorf("spatial: weight %g of city %d on city %d is not a finite number > 0", x, i, j)
			}
			w.index = append(w.index, j)
			w.weight = append(w.weight, x)
		}
		w.start[i+1] = len(w.index)
	}
	return w, nil
}
