package output

import (
	"collab/analysis"
	"fmt"
	"strconv"
	"strings"
)

// trend shows the panel's change: the distribution per year, sigma and
// beta convergence and the cities that changed tier.
func (p *report) trend() {
	t := p.r.Trend
	if t == nil {
		return
	}
	first, last := t.Series[0], t.Series[len(t.Series)-1]
	p.heading(fmt.Sprintf("Trend %d-%d", first.Year, last.Year))
	tb := newTable("Year", "Mean", "CV (population)", "CV (sample)", "Gini").alignRight(1, 2, 3, 4)
	shown := trendRows(len(t.Series), p.o.TrendChart != "")
	for _, k := range shown {
		y := t.Series[k]
		tb.add(strconv.Itoa(y.Year), num(y.Mean), fixed(y.CVPopulation, 2), fixed(y.CVSample, 2), fixed(y.Gini, 3))
	}
	p.table(tb, p.o.Width)
	if len(shown) < len(t.Series) {
		if p.markdown {
			p.printf("\n") // a line right after a table would be its last row
		}
		p.line("The table shows the first and the last year and every tenth year from the first; the chart %s draws all %d years.",
			p.esc(p.o.TrendChart), len(t.Series))
	}
	direction := "rose"
	if t.SigmaConvergence {
		direction = "fell"
	}
	var sentences []string
	sentences = append(sentences, fmt.Sprintf("The mean grew %s-fold (%s%% a year, compound); the coefficient of variation %s from %s to %s (%s).",
		fixedNumber(t.MeanGrowth, 1), fixedNumber(100*t.CAGR, 2), direction, fixed(first.CVPopulation, 2), fixed(last.CVPopulation, 2),
		map[bool]string{true: "sigma convergence", false: "no sigma convergence"}[t.SigmaConvergence]))
	b := t.Beta
	switch {
	case b.Cities >= 3 && !b.Slope.Defined():
		sentences = append(sentences, fmt.Sprintf("Beta convergence is undefined: the %d cities start from the same score.", b.Cities))
	case b.Cities >= 3:
		r2 := "undefined"
		if b.R2.Defined() {
			r2 = fixed(float64(b.R2), 3)
		}
		s := fmt.Sprintf("Beta convergence: annual log growth on initial log score has slope %s (R² %s, %d cities)", sig(float64(b.Slope)), r2, b.Cities)
		if b.Speed != nil {
			s += fmt.Sprintf(", a speed of %s%% a year", fixed(100**b.Speed, 2))
		}
		if b.HalfLife != nil {
			s += fmt.Sprintf(" and a half-life of %s years", fixed(*b.HalfLife, 1))
		}
		sentences = append(sentences, s+".")
	}
	if n := len(t.TierChanges); n > 0 {
		var moves []string
		for _, c := range t.TierChanges[:min(n, p.o.listed())] {
			moves = append(moves, fmt.Sprintf("%s %d->%d", p.names[c.ID], c.From, c.To))
		}
		if n > p.o.listed() {
			moves = append(moves, fmt.Sprintf("and %d more", n-p.o.listed()))
		}
		sentences = append(sentences, fmt.Sprintf("%d %s changed tier: %s.", n, pluralWord(n, "city", "cities"), strings.Join(moves, ", ")))
	}
	p.sentences(sentences)
}

// fixedNumber formats a measure that may be undefined.
func fixedNumber(x analysis.Number, decimals int) string {
	if !x.Defined() {
		return "undefined"
	}
	return fixed(float64(x), decimals)
}

// longTrend is the longest trend table printed whole when a chart of the
// trend is written with the report.
const longTrend = 20

// trendRows are the indices of the years the trend table shows: every
// year, or, for more than longTrend years with a chart, the first, every
// tenth from it and the last.
func trendRows(years int, chart bool) []int {
	var out []int
	for k := range years {
		if !chart || years <= longTrend || k%10 == 0 || k == years-1 {
			out = append(out, k)
		}
	}
	return out
}
