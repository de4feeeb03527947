package analysis

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"
)

// Trend is how the distribution changed across the panel's years.
type Trend struct {
	Years  []int        `json:"years"`
	Series []YearFigure `json:"series"`
	// MeanGrowth is the last year's mean over the first's; null when that
	// overflows (a first mean near the smallest float).
	MeanGrowth Number `json:"mean_growth"`
	// CAGR is the compound annual growth rate of the mean,
	// (last/first)^(1/years) - 1.
	CAGR Number `json:"cagr"`
	// SigmaConvergence is true when the coefficient of variation fell
	// from the first year to the last.
	SigmaConvergence bool            `json:"sigma_convergence"`
	Beta             BetaConvergence `json:"beta"`
	// TierChanges lists the cities whose tier differs between the first
	// and the last year, by their last score.
	TierChanges []TierChange `json:"tier_changes"`
	// Scores[k][i] is city i's score (in the order of Result.Cities) in
	// Years[k], for writers that show the panel city by city (the GEXF's
	// spells). results.json leaves it out: its cities hold the year
	// studied, and the dataset holds every year.
	Scores [][]float64 `json:"-"`
}

// YearFigure is one year's distribution.
type YearFigure struct {
	Year         int     `json:"year"`
	Mean         float64 `json:"mean"`
	CVPopulation float64 `json:"cv_population"`
	CVSample     float64 `json:"cv_sample"`
	Gini         float64 `json:"gini"`
}

// BetaConvergence is the regression of each city's annual log growth on
// its initial log score, (1/T) ln(y_T/y_0) = a + b ln y_0 (Barro and
// Sala-i-Martin 1992): b < 0 means weaker cities grew faster.
type BetaConvergence struct {
	// Slope, Intercept and R2 are null when undefined: fewer than three
	// cities, every city starting from the same score (no spread to
	// regress on), or, for R2, every city growing at the same rate.
	Slope     Number `json:"slope"`
	Intercept Number `json:"intercept"`
	R2        Number `json:"r2"`
	// Speed is lambda = -ln(1 + bT)/T; null when 1 + bT <= 0.
	Speed *float64 `json:"speed"`
	// HalfLife is ln 2 / lambda in years; null unless lambda > 0.
	HalfLife *float64 `json:"half_life"`
	// Cities is the number of cities in the regression; cities with a
	// zero score in the first or last year are left out (no logarithm).
	Cities int `json:"cities"`
}

// TierChange is a city that moved between tiers over the panel.
type TierChange struct {
	ID   string `json:"id"`
	From int    `json:"from"`
	To   int    `json:"to"`
}

// CAGR is the compound annual growth rate from a value to another over a
// number of years: (to/from)^(1/years) - 1.
func CAGR(from, to, years float64) (float64, error) {
	if !(from > 0) || !(to >= 0) || !(years > 0) || math.IsInf(from+to+years, 0) {
		return 0, fmt.Errorf("growth from %g to %g over %g years: need from > 0, to >= 0 and years > 0", from, to, years)
	}
	return math.Pow(to/from, 1/years) - 1, nil
}

// trend measures the panel's change when it has two or more years.
func (s *study) trend(res *Result) error {
	years := s.ds.Years
	if len(years) < 2 {
		return nil
	}
	provinces := make([]string, len(s.ds.Cities))
	for i, c := range s.ds.Cities {
		provinces[i] = c.Province
	}
	t := &Trend{Years: years, TierChanges: []TierChange{}}
	tiers := make([][]int, len(years))
	for yi, year := range years {
		x := s.ds.Scores(yi)
		t.Scores = append(t.Scores, x)
		q := measureInequality(x, provinces)
		if q.Mean == 0 {
			s.warnf("every score of %d is 0; the trend is left out", year)
			return nil
		}
		t.Series = append(t.Series, YearFigure{Year: year, Mean: q.Mean, CVPopulation: q.CVPopulation, CVSample: q.CVSample, Gini: q.Gini})
		tiers[yi] = make([]int, len(x))
		for i, v := range x {
			tiers[yi][i] = s.p.Tiers.Tier(v / q.Mean)
		}
	}
	first, last := t.Series[0], t.Series[len(t.Series)-1]
	span := float64(years[len(years)-1] - years[0])
	t.MeanGrowth = Number(last.Mean / first.Mean)
	cagr, _ := CAGR(first.Mean, last.Mean, span)
	t.CAGR = Number(cagr)
	t.SigmaConvergence = last.CVPopulation < first.CVPopulation
	t.Beta = betaConvergence(s.ds.Scores(0), s.ds.Scores(len(years)-1), span)
	if t.Beta.Cities < len(s.ds.Cities) {
		s.warnf("beta convergence leaves out %d cities with a zero score in %d or %d", len(s.ds.Cities)-t.Beta.Cities, years[0], years[len(years)-1])
	}
	for _, i := range byScore(s.ds.Scores(len(years) - 1)) {
		if from, to := tiers[0][i], tiers[len(years)-1][i]; from != to {
			t.TierChanges = append(t.TierChanges, TierChange{ID: s.ds.Cities[i].ID, From: from, To: to})
		}
	}
	res.Trend = t
	return nil
}

// betaConvergence regresses annual log growth over span years on the log
// of the initial score, by ordinary least squares.
func betaConvergence(y0, yT []float64, span float64) BetaConvergence {
	var x, g []float64
	for i := range y0 {
		if y0[i] > 0 && yT[i] > 0 {
			x = append(x, math.Log(y0[i]))
			g = append(g, math.Log(yT[i]/y0[i])/span)
		}
	}
	undefined := Number(math.NaN())
	b := BetaConvergence{Cities: len(x), Slope: undefined, Intercept: undefined, R2: undefined}
	if len(x) < 3 || stat.Variance(x, nil) == 0 {
		return b
	}
	intercept, slope := stat.LinearRegression(x, g, nil, false)
	b.Intercept, b.Slope = Number(intercept), Number(slope)
	b.R2 = Number(stat.RSquared(x, g, nil, intercept, slope))
	if 1+slope*span > 0 {
		speed := -math.Log(1+slope*span) / span
		b.Speed = &speed
		if speed > 0 {
			half := math.Ln2 / speed
			b.HalfLife = &half
		}
	}
	return b
}
