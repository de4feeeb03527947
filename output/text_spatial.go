package output

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"collab/analysis"
)

// spatial writes Moran's I with its inference and the table of cities in
// significant LISA clusters.
func (p *report) spatial() {
	m, ws, l := p.r.Moran, p.r.Weights, p.r.LISA
	if m == nil {
		return
	}
	par := p.r.Parameters
	style := map[string]string{"row": "row-standardised", "binary": "binary"}[ws.Standardize]
	p.heading(fmt.Sprintf("Spatial autocorrelation (%s weights, %s; %s neighbours on average, %d-%d)",
		ws.Kind, style, fixed(ws.MeanNeighbors, 2), ws.MinNeighbors, ws.MaxNeighbors))
	if !m.I.Defined() {
		p.line("Moran's I is undefined: every city has the same score")
		return
	}
	t := newTable().markdownHeader("Statistic", "Value", "")
	t.add("Moran's I", sig(float64(m.I)), "E[I] "+sig(float64(m.Expected)))
	t.add("randomisation", "z "+fixedOrDash(m.ZRandom, 3), "p "+pvalue(m.PRandom)+" (one-tailed)")
	t.add("normality", "z "+fixedOrDash(m.ZNormal, 3), "p "+pvalue(m.PNormal))
	if m.Permutations > 0 {
		t.add("permutations", "p "+pvalue(m.PPermutation), fmt.Sprintf("%d permutations, seed %d", m.Permutations, par.Seed))
	}
	p.table(t, 0)
	if m.Permutations == 0 {
		p.line(fmt.Sprintf("(%s 0: no local p-values, no LISA clusters)", p.o.name("permutations")))
		return
	}
	p.lisaTable(l)
}

func (p *report) lisaTable(l *analysis.LISASummary) {
	rule := fmt.Sprintf("p <= %g", l.Alpha)
	if l.FDR {
		rule = fmt.Sprintf("false discovery rate %g: p <= %s", l.Alpha, pvalue(l.Cutoff))
	}
	counts := fmt.Sprintf("HH %d, LH %d, LL %d, HL %d; %d not significant", l.HighHigh, l.LowHigh, l.LowLow, l.HighLow, l.NotSignificant)
	if l.Isolated > 0 {
		counts += fmt.Sprintf(", %d isolated", l.Isolated)
	}
	if undefined := l.Undefined(len(p.r.Cities)); undefined > 0 {
		counts += fmt.Sprintf(", %d undefined", undefined)
	}
	p.heading(fmt.Sprintf("LISA clusters (local Moran, %s, folded pseudo p): %s", rule, counts))
	var significant []int
	for i := range p.r.Cities {
		if c := p.r.Cities[i].LISACluster; c != nil && *c != analysis.NotSignificant && *c != analysis.Isolated {
			significant = append(significant, i)
		}
	}
	if len(significant) == 0 {
		return
	}
	cities := p.r.Cities
	slices.SortStableFunc(significant, func(a, b int) int { // most significant first, then strongest I
		if c := cmpNumber(cities[a].LocalMoranP, cities[b].LocalMoranP); c != 0 {
			return c
		}
		return -cmpNumber(cities[a].LocalMoran, cities[b].LocalMoran)
	})
	k := min(p.o.top(), len(significant))
	p.line("%d cit%s in significant clusters%s", len(significant), map[bool]string{true: "y", false: "ies"}[len(significant) == 1],
		map[bool]string{true: fmt.Sprintf(" (top %d by p; %s N for more)", k, p.o.name("top")), false: ""}[k < len(significant)])
	t := newTable("City", "Province", "Score", "Lag", "Cluster", "Local I", "z", "p", "Gi* z", "Gi* p").alignRight(2, 3, 5, 6, 7, 8, 9)
	for _, i := range significant[:k] {
		c := &cities[i]
		t.add(p.names[c.ID], p.esc(c.Province), num(c.Score), num(float64(c.Lag)), *c.LISACluster,
			sig(float64(c.LocalMoran)), fixedOrDash(c.LocalMoranZ, 2), pvalue(c.LocalMoranP),
			fixedOrDash(c.GiStarZ, 2), pvalue(c.GiStarP))
	}
	if p.table(t, p.o.Width) {
		p.line(fmt.Sprintf("(columns that do not fit the terminal are in %s json)", p.o.name("format")))
	}
	p.wrapped(p.inferenceNote())
}

// inferenceNote says where the table's z and p come from: they are two
// different tests, and a reader who sees a Gi* z of -1.40 beside a p of
// 0.002 should know why they can disagree.
func (p *report) inferenceNote() string {
	return fmt.Sprintf("The z-scores are analytic: local Moran's under conditional randomisation (spdep's Z.Ii), Gi*'s its "+
		"normal approximation (spdep's localG). The p-values are not read from them: they are folded pseudo p-values of %d "+
		"conditional permutations (seed %d), which assume no distribution; where the scores are skewed the two can "+
		"disagree, and the clusters follow the p-values.", p.r.Moran.Permutations, p.r.Parameters.Seed)
}

// wrapped writes a paragraph: word-wrapped in text, one line in Markdown.
func (p *report) wrapped(text string) {
	if p.markdown {
		p.line("%s", text)
		return
	}
	wrapText(p.w, text, 2, p.o.listWidth())
}

// pvalue formats a p-value with up to four significant digits, "-" when
// undefined, or "< 1e-300" at analysis.PFloor (a bound, not a value).
func pvalue(x analysis.Number) string {
	if !x.Defined() {
		return "-"
	}
	if x <= analysis.PFloor {
		return "< " + strconv.FormatFloat(analysis.PFloor, 'g', -1, 64)
	}
	return strings.TrimSuffix(sig(float64(x)), ".0")
}

// fixedOrDash formats a measure with the given decimals, or "-" when it is
// undefined.
func fixedOrDash(x analysis.Number, decimals int) string {
	if !x.Defined() {
		return "-"
	}
	return fixed(float64(x), decimals)
}

// cmpNumber orders numbers ascending, undefined last.
func cmpNumber(a, b analysis.Number) int {
	x, y := float64(a), float64(b)
	switch {
	case math.IsNaN(x) && math.IsNaN(y):
		return 0
	case math.IsNaN(x):
		return 1
	case math.IsNaN(y):
		return -1
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
