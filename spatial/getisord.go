package spatial

import (
	"context"
	"math"
)

// GiStar holds the Getis-Ord Gi* hot-spot statistics of every city.
type GiStar struct {
	// Z is the Gi* z-score (Ord and Getis 1995) with binary weights and
	// each city its own neighbour (w_ii = 1), as spdep's localG on
	// include.self() binary weights and ArcGIS's Hot Spot Analysis:
	//
	//	Z_i = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n S1_i - W_i^2) / (n - 1)))
	//
	// with W_i = sum_j w_ij, S1_i = sum_j w_ij^2, S^2 = sum (x - xbar)^2 / n.
	// NaN when every x is equal or a city neighbours every other.
	Z []float64
	// P is the folded pseudo p-value of R conditional permutations holding
	// x_i in place (esda's G_Local with star=True); NaN for an island.
	P []float64
}

// GetisOrdStar computes Gi* of y (non-negative values) on the links of w,
// taken as binary whatever their weights, with R conditional permutations
// on all cores; ctx stops the permutations.
func GetisOrdStar(ctx context.Context, y []float64, w *Weights, p Permutations) (GiStar, error) {
	n := len(y)
	nf := float64(n)
	z, ss := deviations(y)
	s := math.Sqrt(ss / nf)
	b := w.Binary()
	res := GiStar{Z: make([]float64, n), P: make([]float64, n)}
	above, below, err := conditionalCounts(ctx, b, z, p, streamGetisOrd)
	if err != nil {
		return GiStar{}, err
	}
	for i := range n {
		k := float64(b.Cardinality(i)) + 1 // W_i = S1_i: the neighbours and i itself
		// sum_j w_ij x_j - xbar W_i = sum_j w_ij z_j over the same cities.
		res.Z[i] = (z[i] + b.lag(i, z)) / (s * math.Sqrt((nf*k-k*k)/(nf-1)))
		res.P[i] = math.NaN()
		if b.Cardinality(i) > 0 && p.R > 0 && ss > 0 {
			res.P[i] = pseudoP(int(above[i]), int(below[i]), p.R)
		}
	}
	return res, nil
}

// GeneralG is Getis and Ord's (1992) global G with its moments under
// randomisation, as esda's G:
//
//	G = sum_{i != j} w_ij y_i y_j / sum_{i != j} y_i y_j
//
// E[G] = S0 / (n (n-1)); P is the one-tailed normal p-value of |Z|.
type GeneralG struct {
	G, Expected, Variance, Z, P float64
}

// GetisOrdG computes the general G of y (non-negative) under weights w,
// usually binary distance-band weights. O(n + links).
func GetisOrdG(y []float64, w *Weights) GeneralG {
	n := float64(len(y))
	var sy, sy2, sy3, sy4, num float64
	for i, v := range y {
		sy += v
		sy2 += v * v
		sy3 += v * v * v
		sy4 += v * v * v * v
		num += v * w.lag(i, y)
	}
	s0, s1, s2 := w.sums()
	g := GeneralG{G: num / (sy*sy - sy2), Expected: s0 / (n * (n - 1))}
	s02 := s0 * s0
	b0 := (n*n-3*n+3)*s1 - n*s2 + 3*s02
	b1 := -((n*n-n)*s1 - 2*n*s2 + 6*s02)
	b2 := -(2*n*s1 - (n+3)*s2 + 6*s02)
	b3 := 4*(n-1)*s1 - 2*(n+1)*s2 + 8*s02
	b4 := s1 - s2 + s02
	eg2 := (b0*sy2*sy2 + b1*sy4 + b2*sy*sy*sy2 + b3*sy*sy3 + b4*sy*sy*sy*sy) /
		((sy*sy - sy2) * (sy*sy - sy2) * n * (n - 1) * (n - 2) * (n - 3))
	g.Variance = eg2 - g.Expected*g.Expected
	g.Z = (g.G - g.Expected) / math.Sqrt(g.Variance)
	g.P = upperTail(g.Z)
	return g
}
