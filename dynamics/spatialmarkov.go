package dynamics

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"collab/spatial"
)

// SpatialMarkovResult is a spatial Markov chain (Rey 2001): the classic
// chain of the classes, and one chain per class of the spatial lag in the
// year a transition starts.
type SpatialMarkovResult struct {
	Years      []int          `json:"years"`
	Classes    Classification `json:"classes"`
	LagClasses Classification `json:"lag_classes"`
	// Global is the classic chain of the same classes (giddy's p,
	// transitions).
	Global Chain `json:"global"`
	// ByLag[l] is the chain of the transitions that start with the lag in
	// class l (giddy's T[l], P[l], S[l], F[l]).
	ByLag []Chain `json:"by_lag"`
	// Homogeneity tests that the transition probabilities are the same in
	// every lag class (Bickenbach and Bode 2003).
	Homogeneity Homogeneity `json:"homogeneity"`
	// LagVersusGlobal[l] compares the transitions of lag class l with the
	// global probabilities (giddy's Spatial_Markov chi2).
	LagVersusGlobal []ChiSquare `json:"lag_versus_global"`
}

// SpatialMarkov estimates the spatial Markov chain of scores[t][i] with the
// weights w (row-standardised here). The lag of the values being classed
// (the scores for Quantile and Tiers, the relative scores for Pooled) is
// (Wy)_t; it is classed by o.LagClasses (default o.Classes): per-year
// quantiles of the lag, pooled quantiles of the lag of the relative
// scores, or o.LagTiers. With Pooled classes of both, this is giddy's
// Spatial_Markov(rpci, w, fixed=True, k, m).
func SpatialMarkov(scores [][]float64, w *spatial.Weights, o Options) (*SpatialMarkovResult, error) {
	p, err := readPanel(scores, o.Step)
	if err != nil {
		return nil, err
	}
	if w == nil || w.Len() != p.cities {
		return nil, fmt.Errorf("dynamics: weights: want weights of %d cities, got %v", p.cities, weightsLen(w))
	}
	classes, err := p.classes("classes", o.Classes, p.scores, o.Tiers, o.TierCount)
	if err != nil {
		return nil, err
	}
	lagScheme := o.Classes
	if o.LagClasses != nil {
		lagScheme = *o.LagClasses
	}
	lags := laggedRows(w.Standardize(), p.scores)
	lagClasses, err := p.classes("lag classes", lagScheme, lags, o.LagTiers, o.TierCount)
	if err != nil {
		return nil, err
	}
	res := &SpatialMarkovResult{Years: p.years, Classes: classes, LagClasses: lagClasses}
	global, err := NewChain(countTransitions(classes.Labels, classes.K))
	if err != nil {
		return nil, err
	}
	res.Global = *global
	byLag := countByLag(classes, lagClasses)
	for _, counts := range byLag {
		chain, err := NewChain(counts)
		if err != nil {
			return nil, err
		}
		res.ByLag = append(res.ByLag, *chain)
		res.LagVersusGlobal = append(res.LagVersusGlobal, ChiSquareTest(counts, toFloat(global.Counts)))
	}
	res.Homogeneity = HomogeneityTest(byLag)
	return res, nil
}

func weightsLen(w *spatial.Weights) string {
	if w == nil {
		return "none"
	}
	return fmt.Sprintf("%d", w.Len())
}

func laggedRows(w *spatial.Weights, rows [][]float64) [][]float64 {
	out := make([][]float64, len(rows))
	for t, row := range rows {
		out[t] = w.Lag(row)
	}
	return out
}

// countByLag counts the transitions of classes between consecutive years
// read, split by the lag class in the year each starts.
func countByLag(classes, lagClasses Classification) [][][]int {
	byLag := make([][][]int, lagClasses.K)
	for l := range byLag {
		byLag[l] = newCounts(classes.K)
	}
	labels := classes.Labels
	for t := 0; t+1 < len(labels); t++ {
		for i, from := range labels[t] {
			byLag[lagClasses.Labels[t][i]][from][labels[t+1][i]]++
		}
	}
	return byLag
}

func toFloat(counts [][]int) [][]float64 {
	out := make([][]float64, len(counts))
	for i, row := range counts {
		out[i] = make([]float64, len(row))
		for j, n := range row {
			out[i][j] = float64(n)
		}
	}
	return out
}

// Homogeneity holds the tests that m regimes (lag classes) share one
// transition matrix (Bickenbach and Bode 2003), as giddy's homogeneity.
type Homogeneity struct {
	// LR = 2 sum_m sum_ij n_ijm ln(p_ijm / p_ij) over n_ijm > 0 and p_ij > 0.
	LR float64 `json:"lr"`
	// Q = sum_m sum_ij n_im (p_ijm - p_ij)^2 / p_ij over p_ij > 0.
	Q float64 `json:"q"`
	// DOF = sum_i (b_i - 1)(a_i - 1) over the rows i observed at all: b_i
	// regimes observe row i, a_i entries of the pooled row are positive.
	DOF int `json:"dof"`
	// LRP and QP are the upper tails of chi-square(DOF); nil when DOF < 1.
	LRP *float64 `json:"lr_p"`
	QP  *float64 `json:"q_p"`
	// Undefined says why the p-values are missing.
	Undefined string `json:"undefined,omitempty"`
}

// HomogeneityTest tests that the regimes' transition counts counts[m][i][j]
// (all k x k) come from one chain. p_ij are the pooled probabilities, p_ijm
// and n_im those and the row totals of regime m.
//
// giddy counts a row observed in no regime as (0 - 1)(0 - 1) = 1 degree of
// freedom; here such a row counts 0, as it carries no information (the two
// agree whenever every row is observed).
func HomogeneityTest(counts [][][]int) Homogeneity {
	if len(counts) == 0 || len(counts[0]) == 0 {
		return Homogeneity{Undefined: "no regimes"}
	}
	k := len(counts[0])
	pooled := newCounts(k)
	for _, regime := range counts {
		for i, row := range regime {
			for j, n := range row {
				pooled[i][j] += n
			}
		}
	}
	pij, _ := rowProbabilities(pooled)
	var h Homogeneity
	for _, regime := range counts {
		pm, nm := rowProbabilities(regime)
		for i := range k {
			for j := range k {
				if pij[i][j] == 0 {
					continue
				}
				d := pm[i][j] - pij[i][j]
				h.Q += float64(nm[i]) * d * d / pij[i][j]
				if n := regime[i][j]; n > 0 {
					h.LR += float64(n) * math.Log(pm[i][j]/pij[i][j])
				}
			}
		}
	}
	h.LR *= 2
	h.DOF = homogeneityDOF(counts, pooled)
	h.LRP, h.QP = upperTail(h.LR, h.DOF), upperTail(h.Q, h.DOF)
	if h.LRP == nil {
		h.Undefined = fmt.Sprintf("%d degrees of freedom: no test", h.DOF)
	}
	return h
}

func homogeneityDOF(counts [][][]int, pooled [][]int) int {
	dof := 0
	for i, row := range pooled {
		a, b := 0, 0
		for _, n := range row {
			if n > 0 {
				a++
			}
		}
		for _, regime := range counts {
			if sum(regime[i]) > 0 {
				b++
			}
		}
		if b > 0 {
			dof += (b - 1) * (a - 1)
		}
	}
	return dof
}

// rowProbabilities returns n_ij / n_i (0 for a row with no count) and n_i.
func rowProbabilities(counts [][]int) ([][]float64, []int) {
	p := make([][]float64, len(counts))
	totals := make([]int, len(counts))
	for i, row := range counts {
		totals[i] = sum(row)
		p[i] = make([]float64, len(row))
		if totals[i] == 0 {
			continue
		}
		for j, n := range row {
			p[i][j] = float64(n) / float64(totals[i])
		}
	}
	return p, totals
}

func sum(row []int) int {
	s := 0
	for _, n := range row {
		s += n
	}
	return s
}

// upperTail returns P(X > x) for X ~ chi-square(dof), or nil for dof < 1.
func upperTail(x float64, dof int) *float64 {
	if dof < 1 {
		return nil
	}
	p := distuv.ChiSquared{K: float64(dof)}.Survival(x)
	return &p
}

// ChiSquare is a chi-square test of observed transition counts against
// expected ones.
type ChiSquare struct {
	Statistic float64 `json:"statistic"`
	DOF       int     `json:"dof"`
	// P is the upper tail of chi-square(DOF); nil when DOF < 1.
	P         *float64 `json:"p"`
	Undefined string   `json:"undefined,omitempty"`
}

// ChiSquareTest compares observed counts with the probabilities of the
// rows of reference (counts or expected counts; rows are normalised), as
// giddy's chi2(T1, T2): E_ij = n_i r_ij / r_i with n_i the observed row
// totals, X2 = sum (n_ij - E_ij)^2 / E_ij over E_ij > 0 (a cell with E_ij = 0
// adds n_ij^2), and (a - 1)(b - 1) degrees of freedom, a and b the numbers
// of rows with a positive total in observed and reference.
func ChiSquareTest(observed [][]int, reference [][]float64) ChiSquare {
	var x2 float64
	a, b := 0, 0
	for i, row := range observed {
		n := float64(sum(row))
		var r float64
		for _, v := range reference[i] {
			r += v
		}
		if n > 0 {
			a++
		}
		if r > 0 {
			b++
		}
		for j, obs := range row {
			e := 0.0
			if r > 0 {
				e = n * reference[i][j] / r
			}
			d := float64(obs) - e
			if e == 0 {
				e = 1
			}
			x2 += d * d / e
		}
	}
	c := ChiSquare{Statistic: x2, DOF: (a - 1) * (b - 1)}
	c.P = upperTail(x2, c.DOF)
	if c.P == nil {
		c.Undefined = fmt.Sprintf("%d degrees of freedom: no test", c.DOF)
	}
	return c
}
