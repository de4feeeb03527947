package analysis

import (
	"math"
	"slices"
)

// Inequality summarises how unevenly a score is spread over cities.
type Inequality struct {
	Mean         float64 `json:"mean"`
	SDPopulation float64 `json:"sd_population"` // sqrt(sum (x - mean)^2 / n)
	SDSample     float64 `json:"sd_sample"`     // sqrt(sum (x - mean)^2 / (n - 1))
	CVPopulation float64 `json:"cv_population"` // SDPopulation / Mean
	CVSample     float64 `json:"cv_sample"`     // SDSample / Mean
	Gini         float64 `json:"gini"`
	Theil        float64 `json:"theil"`
	// TheilBetween and TheilWithin split Theil into the part between groups
	// (provinces) and the part within them; they sum to Theil.
	TheilBetween float64 `json:"theil_between"`
	TheilWithin  float64 `json:"theil_within"`
}

// measureInequality computes the inequality of x (n >= 2, sum > 0) with the
// Theil index decomposed over group[i].
//
//	Gini  G = sum_i (2i - n - 1) x_(i) / (n sum x), x sorted ascending, i = 1..n
//	Theil T = sum_i s_i ln(n s_i), s_i = x_i / sum x (0 ln 0 = 0)
//	T_between = sum_g s_g ln(s_g n / n_g),  T_within = T - T_between
//
// as in PySAL inequality (gini.py, theil.py); both are 0 when all x are
// equal, and Theil T is at most ln n.
func measureInequality(x []float64, group []string) Inequality {
	n := float64(len(x))
	var sum float64
	for _, v := range x {
		sum += v
	}
	mean := sum / n
	// Squares of deviations of scores like 1e-200 underflow to 0: sum them
	// on a scale where they cannot, and scale the deviation back.
	scale := 1.0
	if mean > 0 && (mean < 1e-100 || mean > 1e100) {
		scale = mean
	}
	var ss float64
	for _, v := range x {
		d := (v - mean) / scale
		ss += d * d
	}
	q := Inequality{Mean: mean, SDPopulation: scale * math.Sqrt(ss/n), SDSample: scale * math.Sqrt(ss/(n-1))}
	q.CVPopulation = q.SDPopulation / mean
	q.CVSample = q.SDSample / mean
	q.Gini = gini(x, sum)
	q.Theil = theil(x, sum)
	q.TheilBetween = theilBetween(x, group, sum)
	q.TheilWithin = q.Theil - q.TheilBetween
	return q
}

func gini(x []float64, sum float64) float64 {
	sorted := slices.Clone(x)
	slices.Sort(sorted)
	n := float64(len(x))
	var acc float64
	for i, v := range sorted {
		acc += (2*float64(i+1) - n - 1) * v
	}
	return acc / (n * sum)
}

func theil(x []float64, sum float64) float64 {
	n := float64(len(x))
	var t float64
	for _, v := range x {
		if s := v / sum; s > 0 {
			t += s * math.Log(n*s)
		}
	}
	return t
}

func theilBetween(x []float64, group []string, sum float64) float64 {
	share := map[string]float64{}
	size := map[string]float64{}
	var order []string
	for i, v := range x {
		g := group[i]
		if _, ok := size[g]; !ok {
			order = append(order, g)
		}
		share[g] += v / sum
		size[g]++
	}
	n := float64(len(x))
	var t float64
	for _, g := range order { // a fixed order keeps the float sum reproducible
		if s := share[g]; s > 0 {
			t += s * math.Log(s*n/size[g])
		}
	}
	return t
}
