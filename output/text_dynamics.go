package output

import (
	"fmt"
	"strconv"
	"strings"

	"collab/analysis"
)

// dynamics shows how the distribution moved over the panel: the class
// transition matrix, the long run, how the chances of rising depend on the
// neighbours' class, the LISA chain, Dagum's decomposition and the
// densities. Every sentence is built from counts that exist; where there
// are none it says so.
func (p *report) dynamics() {
	d := p.r.Dynamics
	if d == nil {
		return
	}
	first, last := d.Years[0], d.Years[len(d.Years)-1]
	p.heading(fmt.Sprintf("Dynamics %d-%d", first, last))
	if p.markdown { // a paragraph: a list item would swallow the table
		p.line("%s", p.stepSentence(d))
	} else {
		p.sentences([]string{p.stepSentence(d)})
	}
	p.table(transitionTable(d.Classes.Names, d.Transitions, d.Probabilities), p.o.Width)
	var s []string
	s = append(s, movesSentence(d))
	s = append(s, longRunSentences(d)...)
	s = append(s, neighbourSentences(d)...)
	s = append(s, homogeneitySentence(d.Tests.Homogeneity))
	s = append(s, lisaSentence(d))
	s = append(s, p.dagumSentences(d.Dagum)...)
	s = append(s, densitySentence(d.Density))
	p.sentences(nonEmpty(s))
}

func nonEmpty(s []string) []string {
	out := s[:0]
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// stepSentence says what a step is and how the cities were classed.
func (p *report) stepSentence(d *analysis.Dynamics) string {
	steps := len(d.Years) - 1
	span := fmt.Sprintf("%d %s", steps, pluralWord(steps, "step", "steps"))
	if steps == 1 {
		span = fmt.Sprintf("one step, %d -> %d", d.Years[0], d.Years[1])
	} else if d.Step > 1 {
		span += fmt.Sprintf(", every %d years of the panel", d.Step)
	}
	classes := "the tiers of each year's ratio to its mean"
	if d.Classes.Scheme != "tiers" {
		classes = classDescription(d.Classes.Scheme)
	}
	return fmt.Sprintf("Markov chain of the cities' classes (%s; %s): counts of the cities moving from the row's class to the column's, with the share of the row in brackets (choose other classes with %s).",
		classes, span, p.o.name("classes"))
}

func classDescription(scheme string) string {
	kind, k, _ := strings.Cut(scheme, ":")
	if kind == "pooled" {
		return k + " quantiles of the scores over their year's mean, pooled over the years, Q1 the lowest"
	}
	return "each year's " + k + " quantiles of the score, Q1 the lowest"
}

// transitionTable shows counts and row shares; an unobserved row shows
// dashes.
func transitionTable(names []string, counts [][]int, probs [][]float64) *table {
	header := append([]string{"From \\ to", "n"}, names...)
	right := make([]int, 0, len(names)+1)
	for c := 1; c <= len(names)+1; c++ {
		right = append(right, c)
	}
	tb := newTable(header...).alignRight(right...)
	for i, row := range counts {
		cells := []string{names[i], strconv.Itoa(sumInts(row))}
		for j, n := range row {
			if probs[i] == nil {
				cells = append(cells, "-")
				continue
			}
			cells = append(cells, fmt.Sprintf("%d (%s)", n, fixed(probs[i][j], 2)))
		}
		tb.add(cells...)
	}
	return tb
}

func sumInts(xs []int) int {
	var s int
	for _, x := range xs {
		s += x
	}
	return s
}

// rising reports whether class j is above class i.
func rising(c analysis.ClassSet, i, j int) bool {
	if c.Ascending {
		return j > i
	}
	return j < i
}

func movesSentence(d *analysis.Dynamics) string {
	var total, up, down int
	for i, row := range d.Transitions {
		for j, n := range row {
			total += n
			switch {
			case i == j:
			case rising(d.Classes, i, j):
				up += n
			default:
				down += n
			}
		}
	}
	return fmt.Sprintf("Of %d city-steps, %d changed class: %d rose and %d fell.", total, up+down, up, down)
}

func longRunSentences(d *analysis.Dynamics) []string {
	var s []string
	if d.SteadyState == nil {
		s = append(s, "The steady state is undefined: "+d.Undefined["steady_state"]+".")
	} else {
		caveat := "its steady state"
		if len(d.Years) == 2 {
			caveat += ", extrapolated from a single step"
		}
		s = append(s, "In the long run the chain would hold the cities in the shares "+shares(d.Classes.Names, d.SteadyState)+" ("+caveat+").")
	}
	var stays []string
	for i, t := range d.Sojourn {
		if t != nil {
			stays = append(stays, fmt.Sprintf("%s %s", d.Classes.Names[i], fixed(*t, 1)))
		}
	}
	if len(stays) > 0 {
		s = append(s, "Mean steps spent in a class before leaving it: "+strings.Join(stays, ", ")+".")
	}
	if why := d.Undefined["sojourn"]; why != "" {
		s = append(s, "The other sojourn times are infinite: "+why+".")
	}
	return s
}

func shares(names []string, x []float64) string {
	parts := make([]string, len(x))
	for i, v := range x {
		parts[i] = fmt.Sprintf("%s %s", names[i], fixed(v, 2))
	}
	return strings.Join(parts, ", ")
}

// neighbourSentences say, for each class that can rise, how often a city
// of that class rose next to neighbours of each lag class, from the counts
// observed.
func neighbourSentences(d *analysis.Dynamics) []string {
	if d.Spatial == nil {
		return nil
	}
	var s []string
	for i, name := range d.Classes.Names {
		name = hyphen(name)
		if !canRise(d.Classes, i) {
			continue
		}
		var parts []string
		for _, lag := range d.Spatial.ByLag {
			n := sumInts(lag.Transitions[i])
			if n == 0 {
				continue
			}
			var up int
			for j, c := range lag.Transitions[i] {
				if rising(d.Classes, i, j) {
					up += c
				}
			}
			parts = append(parts, fmt.Sprintf("%s next to %s neighbours (%d of %d)", fixed(float64(up)/float64(n), 2), hyphen(lag.LagClass), up, n))
		}
		if len(parts) == 0 {
			s = append(s, fmt.Sprintf("No %s city was observed at the start of a step.", name))
			continue
		}
		s = append(s, fmt.Sprintf("A %s city rose within a step with probability %s.", name, joinAnd(parts)))
	}
	if len(s) > 0 {
		s[0] = "The neighbours' class is that of their mean score (the spatial lag). " + s[0]
	}
	return s
}

// hyphen writes a class name as a modifier: tier-3, Q2.
func hyphen(name string) string { return strings.ReplaceAll(name, " ", "-") }

func canRise(c analysis.ClassSet, i int) bool {
	if c.Ascending {
		return i < len(c.Names)-1
	}
	return i > 0
}

func homogeneitySentence(h *analysis.HomogeneityTest) string {
	if h == nil {
		return ""
	}
	if h.LRP == nil || h.QP == nil {
		return fmt.Sprintf("The test that the transitions are the same next to every class of neighbours has no p-value: %s.", strings.TrimSuffix(orText(h.Undefined, "no degrees of freedom"), "."))
	}
	return fmt.Sprintf("Test that the transitions are the same next to every class of neighbours (Bickenbach and Bode): likelihood ratio %s, chi-square %s, %d degrees of freedom, p %s and p %s.",
		fixed(h.LR, 2), fixed(h.Q, 2), h.DOF, pText(*h.LRP), pText(*h.QP))
}

func orText(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// pText writes a p-value after "p": "= 0.012" or "< 0.001".
func pText(p float64) string {
	if p < 0.001 {
		return "< 0.001"
	}
	return "= " + fixed(p, 3)
}

func lisaSentence(d *analysis.Dynamics) string {
	l := d.LISA
	if l == nil {
		return ""
	}
	var total, moved int
	for i, row := range l.Transitions {
		for j, n := range row {
			total += n
			if i != j {
				moved += n
			}
		}
	}
	s := fmt.Sprintf("LISA quadrants (HH, LH, LL, HL): %d of %d city-steps changed quadrant", moved, total)
	t := d.Tests.LISA
	if t == nil {
		return s + "."
	}
	if t.P == nil {
		return s + "; the test of joint movement of cities and neighbours is undefined (" + orText(t.Undefined, "no degrees of freedom") + ")."
	}
	return s + fmt.Sprintf("; the test that cities and their neighbours move independently gives chi-square %s, %d degrees of freedom, p %s.", fixed(t.Statistic, 2), t.DOF, pText(*t.P))
}

// dagumSentences decompose the Gini of the first year, the year studied
// and the last.
func (p *report) dagumSentences(g *analysis.DagumByGroup) []string {
	if g == nil || len(g.Years) == 0 {
		return nil
	}
	var years []analysis.DagumYear
	for k, y := range g.Years {
		studied := p.r.Summary.Year != nil && *p.r.Summary.Year == y.Year
		if k == 0 || k == len(g.Years)-1 || studied {
			years = append(years, y)
		}
	}
	var parts []string
	for _, y := range years {
		if y.Shares == nil {
			parts = append(parts, fmt.Sprintf("in %d the Gini is 0", y.Year))
			continue
		}
		parts = append(parts, fmt.Sprintf("in %d the Gini %s is %s%% within groups, %s%% between them and %s%% transvariation",
			y.Year, fixed(y.Gini, 3), fixed(100*y.Shares.Within, 1), fixed(100*y.Shares.NetBetween, 1), fixed(100*y.Shares.Transvariation, 1)))
	}
	return []string{fmt.Sprintf("Dagum's decomposition by %s (%d %s): %s.", g.Group, len(g.Groups), pluralWord(len(g.Groups), "group", "groups"), strings.Join(parts, "; "))}
}

func densitySentence(d *analysis.Density) string {
	if d == nil || len(d.Years) == 0 {
		return ""
	}
	first, last := d.Years[0], d.Years[len(d.Years)-1]
	return fmt.Sprintf("Kernel densities of the scores over their year's mean, bandwidth by %s: %s in %d, %s in %d (every year's on a grid of %d points in the results).",
		d.BandwidthRule, sig(first.Bandwidth), first.Year, sig(last.Bandwidth), last.Year, len(d.Grid))
}
