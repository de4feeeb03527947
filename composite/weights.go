package composite

import (
	"context"
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

// Weights is the weight table of one normalisation group: every city-year
// pooled (Year 0), or one year alone (PerYear: Year is that year). Slices
// are indexed like the indicators. Only the fields of the weighting method
// used are set; the others are nil.
type Weights struct {
	Year int
	// Weight is w_j; the weights sum to 1.
	Weight []float64
	// Entropy is e_j and Divergence is d_j = 1 - e_j (entropy method).
	Entropy    []float64
	Divergence []float64
	// StdDev is sigma_j, the sample standard deviation (divisor n - 1) of
	// the normalised values; Conflict is sum_k (1 - r_jk); Information is
	// C_j = sigma_j * Conflict_j (CRITIC).
	StdDev      []float64
	Conflict    []float64
	Information []float64
}

// normalised is the min-max normalised matrix of one group, by column:
// x[j][r] for indicator j and row r = q*cities + k, the k-th kept city in
// the group's q-th period.
type normalised struct {
	x    [][]float64
	rows int
}

// normalise gathers the group's values of each indicator and maps them by
// min-max with direction, adding shift:
//
//	x' = (x - min) / (max - min) + shift   (more is better)
//	x' = (max - x) / (max - min) + shift   (less is better)
func normalise(ctx context.Context, t *Table, cols []int, inds IndicatorList, kept, periods []int, year int, shift float64) (normalised, error) {
	rows := len(periods) * len(kept)
	nm := normalised{x: make([][]float64, len(cols)), rows: rows}
	for k, j := range cols {
		if err := ctx.Err(); err != nil {
			return normalised{}, err
		}
		col := make([]float64, 0, rows)
		for _, p := range periods {
			src := t.Values[p][j]
			for _, i := range kept {
				col = append(col, src[i])
			}
		}
		lo, hi := floats.Min(col), floats.Max(col)
		if lo == hi {
			return normalised{}, noVariation(inds[k].Name, year, lo)
		}
		span := hi - lo
		for r, v := range col {
			if inds[k].LessIsBetter {
				col[r] = (hi-v)/span + shift
			} else {
				col[r] = (v-lo)/span + shift
			}
		}
		nm.x[k] = col
	}
	return nm, nil
}

func noVariation(name string, year int, v float64) *Error {
	where := "every city-year"
	if year != 0 {
		where = "every city"
	}
	return &Error{Param: "indicators", Indicator: name, Year: year, Reason: fmt.Sprintf(
		"no variation: %s has the value %s, so min-max normalisation divides by max - min = 0 and the indicator's normalised values and entropy are undefined; leave it out",
		where, formatFloat(v))}
}

// weigh computes the weights of the normalised matrix by method m (Entropy,
// CRITIC or Equal).
func weigh(ctx context.Context, nm normalised, m Method, inds IndicatorList, year int) (Weights, error) {
	switch m {
	case Entropy:
		return entropyWeights(ctx, nm, inds, year)
	case CRITIC:
		return criticWeights(ctx, nm, inds, year)
	case Equal:
		w := make([]float64, len(nm.x))
		for j := range w {
			w[j] = 1 / float64(len(w))
		}
		return Weights{Year: year, Weight: w}, nil
	}
	return Weights{}, &Error{Param: "method", Reason: fmt.Sprintf("%v does not weigh indicators; use entropy, critic or equal", m)}
}

// entropyWeights: p_ij = x'_ij / sum_i x'_ij, e_j = -1/ln(n) sum_i p_ij ln p_ij
// with 0 ln 0 = 0, d_j = 1 - e_j, w_j = d_j / sum_k d_k; n is the number of
// rows (city-years when pooled).
func entropyWeights(ctx context.Context, nm normalised, inds IndicatorList, year int) (Weights, error) {
	m := len(nm.x)
	w := Weights{Year: year, Weight: make([]float64, m), Entropy: make([]float64, m), Divergence: make([]float64, m)}
	lnN := math.Log(float64(nm.rows))
	for j, col := range nm.x {
		if err := ctx.Err(); err != nil {
			return Weights{}, err
		}
		sum := floats.Sum(col)
		var h float64
		for _, x := range col {
			if p := x / sum; p > 0 {
				h += p * math.Log(p)
			}
		}
		w.Entropy[j] = -h / lnN
		w.Divergence[j] = 1 - w.Entropy[j]
	}
	total := floats.Sum(w.Divergence)
	if !(total > 0) {
		return Weights{}, &Error{Param: "shift", Year: year, Reason: fmt.Sprintf("every indicator's entropy is 1 (the shift swamps the normalised values), so the entropy weights d_j / sum d are 0/0; lower the shift (indicators %v)", inds)}
	}
	for j, d := range w.Divergence {
		w.Weight[j] = d / total
	}
	return w, nil
}

// criticWeights (Diakoulaki et al. 1995): C_j = sigma_j sum_k (1 - r_jk),
// w_j = C_j / sum_k C_k, with sigma_j the sample standard deviation and r
// Pearson's correlation of the normalised columns. The divisor of sigma
// (n or n - 1) scales every C_j alike and so leaves the weights unchanged.
func criticWeights(ctx context.Context, nm normalised, inds IndicatorList, year int) (Weights, error) {
	m := len(nm.x)
	centred := make([][]float64, m)
	ss := make([]float64, m)
	for j, col := range nm.x {
		mean := floats.Sum(col) / float64(nm.rows)
		c := make([]float64, nm.rows)
		for r, x := range col {
			c[r] = x - mean
		}
		centred[j] = c
		ss[j] = floats.Dot(c, c)
	}
	w := Weights{Year: year, Weight: make([]float64, m), StdDev: make([]float64, m), Conflict: make([]float64, m), Information: make([]float64, m)}
	for j := range m {
		if err := ctx.Err(); err != nil {
			return Weights{}, err
		}
		for k := range m {
			if k != j {
				r := floats.Dot(centred[j], centred[k]) / math.Sqrt(ss[j]*ss[k])
				w.Conflict[j] += 1 - r
			}
		}
		w.StdDev[j] = math.Sqrt(ss[j] / float64(nm.rows-1))
		w.Information[j] = w.StdDev[j] * w.Conflict[j]
	}
	total := floats.Sum(w.Information)
	if !(total > 0) {
		return Weights{}, &Error{Param: "indicators", Year: year, Reason: fmt.Sprintf("CRITIC needs two or more indicators that are not perfectly correlated (every sum of 1 - r is 0), got %v", inds)}
	}
	for j, c := range w.Information {
		w.Weight[j] = c / total
	}
	return w, nil
}

// weightedSum is sum_j w_j x'_rj for every row.
func weightedSum(nm normalised, w []float64) []float64 {
	s := make([]float64, nm.rows)
	for j, col := range nm.x {
		floats.AddScaled(s, w[j], col)
	}
	return s
}

// topsis returns for every row the distances to the positive and negative
// ideal points of the weighted normalised matrix v_rj = w_j x'_rj and the
// closeness D- / (D+ + D-). The ideals are the best and worst v of each
// column over the group's rows. D+ + D- > 0 for every row: some indicator
// has w_j > 0 and max > min, and a row cannot sit at both ends of it.
func topsis(nm normalised, w []float64) (dPlus, dMinus, closeness []float64) {
	dPlus = make([]float64, nm.rows)
	dMinus = make([]float64, nm.rows)
	for j, col := range nm.x {
		best, worst := w[j]*floats.Max(col), w[j]*floats.Min(col)
		for r, x := range col {
			v := w[j] * x
			dPlus[r] += (v - best) * (v - best)
			dMinus[r] += (v - worst) * (v - worst)
		}
	}
	closeness = make([]float64, nm.rows)
	for r := range closeness {
		dPlus[r], dMinus[r] = math.Sqrt(dPlus[r]), math.Sqrt(dMinus[r])
		closeness[r] = dMinus[r] / (dPlus[r] + dMinus[r])
	}
	return dPlus, dMinus, closeness
}
