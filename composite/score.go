package composite

import (
	"context"
	"fmt"
	"math"
)

// Options set how indicators become a score. The zero value is the
// entropy method, pooled over every year, no shift, failing on missing
// values.
type Options struct {
	Method Method
	// TOPSISWeights weighs the indicators for the TOPSIS method: Entropy
	// (the zero value), CRITIC or Equal. Other methods ignore it.
	TOPSISWeights Method
	// Shift is added to every normalised value (papers add 0.0001 or 0.01
	// so that no share p_ij is 0). It must be >= 0 for the entropy
	// method and the coupling degree.
	Shift float64
	// PerYear normalises and weighs each year of a panel alone, instead of
	// pooling every city-year.
	PerYear bool
	Missing MissingPolicy
}

// Result is the score of every kept city in every period.
type Result struct {
	Method     Method
	Indicators IndicatorList
	Cities     []string // the cities scored, in table order
	Years      []int    // the table's years; empty for a cross-section
	Dropped    []Dropped
	// Weights has one table when pooled (Year 0), one per year with
	// PerYear.
	Weights []Weights
	// Scores[p][k] is city Cities[k]'s score in period p: the index
	// 100 sum_j w_j x'_ij (Entropy, CRITIC, Equal), or the TOPSIS
	// closeness in [0, 1].
	Scores [][]float64
	// DPlus and DMinus are the TOPSIS distances to the positive and the
	// negative ideal, shaped like Scores (TOPSIS only; nil otherwise).
	DPlus, DMinus [][]float64
}

// Score computes the composite score of every city from the indicators
// inds, columns of t. Time O(T n m) for the entropy method and TOPSIS,
// O(T n m^2) for CRITIC, with T periods, n cities and m indicators; memory
// O(T n m).
func Score(ctx context.Context, t *Table, inds IndicatorList, opt Options) (*Result, error) {
	cols, kept, dropped, err := prepare(t, "indicators", inds, opt)
	if err != nil {
		return nil, err
	}
	if err := checkShift(opt, opt.Method == Entropy || (opt.Method == TOPSIS && opt.TOPSISWeights == Entropy), "the entropy method"); err != nil {
		return nil, err
	}
	res := &Result{Method: opt.Method, Indicators: inds, Cities: pick(t.Cities, kept), Years: t.Years, Dropped: dropped}
	if err := compute(ctx, t, cols, inds, kept, opt, 100, res); err != nil {
		return nil, err
	}
	return res, nil
}

// compute fills res's Weights, Scores and (TOPSIS) distances for the kept
// cities; scale multiplies the weighted sums (100 for the index, 1 for a
// subsystem's U).
func compute(ctx context.Context, t *Table, cols []int, inds IndicatorList, kept []int, opt Options, scale float64, res *Result) error {
	res.Scores = grid(t.Periods(), len(kept))
	if opt.Method == TOPSIS {
		res.DPlus, res.DMinus = grid(t.Periods(), len(kept)), grid(t.Periods(), len(kept))
	}
	for _, periods := range groups(t, opt.PerYear) {
		year := groupYear(t, periods, opt.PerYear)
		nm, err := normalise(ctx, t, cols, inds, kept, periods, year, opt.Shift)
		if err != nil {
			return err
		}
		w, err := weigh(ctx, nm, weighting(opt), inds, year)
		if err != nil {
			return err
		}
		res.Weights = append(res.Weights, w)
		if opt.Method == TOPSIS {
			dp, dm, c := topsis(nm, w.Weight)
			scatter(res.DPlus, periods, dp)
			scatter(res.DMinus, periods, dm)
			scatter(res.Scores, periods, c)
			continue
		}
		s := weightedSum(nm, w.Weight)
		for r := range s {
			s[r] *= scale
		}
		scatter(res.Scores, periods, s)
	}
	return nil
}

// prepare validates the table, options and indicators, and applies the
// missing policy: the indicators' columns and the cities kept.
func prepare(t *Table, param string, inds IndicatorList, opt Options) (cols, kept []int, dropped []Dropped, err error) {
	if err := t.check(); err != nil {
		return nil, nil, nil, err
	}
	if err := checkOptions(opt); err != nil {
		return nil, nil, nil, err
	}
	if len(inds) == 0 {
		return nil, nil, nil, &Error{Param: param, Reason: "no indicators"}
	}
	if cols, err = t.columnIndex(param, inds); err != nil {
		return nil, nil, nil, err
	}
	kept, dropped, err = t.keptCities(cols, opt.Missing)
	return cols, kept, dropped, err
}

func checkOptions(opt Options) error {
	if opt.Method < Entropy || opt.Method > TOPSIS {
		return &Error{Param: "method", Reason: fmt.Sprintf("no method numbered %d; use entropy, critic, equal or topsis", int(opt.Method))}
	}
	if opt.Method == TOPSIS && (opt.TOPSISWeights < Entropy || opt.TOPSISWeights > Equal) {
		return &Error{Param: "TOPSIS weights", Reason: fmt.Sprintf("%v: TOPSIS takes entropy, critic or equal weights", opt.TOPSISWeights)}
	}
	if opt.Missing != MissingReport && opt.Missing != MissingDrop {
		return &Error{Param: "missing", Reason: fmt.Sprintf("no policy numbered %d; use error or drop", int(opt.Missing))}
	}
	if math.IsNaN(opt.Shift) || math.IsInf(opt.Shift, 0) {
		return &Error{Param: "shift", Reason: fmt.Sprintf("%v is not a finite number", opt.Shift)}
	}
	return nil
}

// checkShift rejects a negative shift when the method named by who needs
// nonnegative normalised values.
func checkShift(opt Options, needed bool, who string) error {
	if !needed || opt.Shift >= 0 {
		return nil
	}
	why := "takes p_ij = x'_ij / sum_i x'_ij as shares and ln p_ij, which need x'_ij >= 0"
	if who != "the entropy method" {
		why = "takes the geometric mean of the subsystem indices U_k, which needs U_k >= 0"
	}
	return &Error{Param: "shift", Reason: fmt.Sprintf("%s is negative: the worst value of each indicator becomes x' = %s < 0, and %s %s; use a shift >= 0",
		formatFloat(opt.Shift), formatFloat(opt.Shift), who, why)}
}

// weighting is the method that weighs the indicators.
func weighting(opt Options) Method {
	if opt.Method == TOPSIS {
		return opt.TOPSISWeights
	}
	return opt.Method
}

// groups splits the periods into normalisation groups: every period
// together (pooled), or each alone.
func groups(t *Table, perYear bool) [][]int {
	all := make([]int, t.Periods())
	for p := range all {
		all[p] = p
	}
	if !perYear {
		return [][]int{all}
	}
	g := make([][]int, len(all))
	for p := range all {
		g[p] = []int{p}
	}
	return g
}

// groupYear labels a group: its year when normalised alone in a panel,
// else 0.
func groupYear(t *Table, periods []int, perYear bool) int {
	if perYear && len(periods) == 1 {
		return t.year(periods[0])
	}
	return 0
}

// scatter copies the rows of a group (period-major, kept cities within)
// into dst[p][k].
func scatter(dst [][]float64, periods []int, rows []float64) {
	n := len(rows) / len(periods)
	for q, p := range periods {
		copy(dst[p], rows[q*n:(q+1)*n])
	}
}

func grid(periods, n int) [][]float64 {
	g := make([][]float64, periods)
	for p := range g {
		g[p] = make([]float64, n)
	}
	return g
}

func pick(names []string, idx []int) []string {
	out := make([]string, len(idx))
	for k, i := range idx {
		out[k] = names[i]
	}
	return out
}
