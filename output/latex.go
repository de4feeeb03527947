package output

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"collab/analysis"
)

// latexTop is how many cities the centrality table lists, by PageRank;
// latexLISARows how many significant LISA cities are listed.
const (
	latexTop      = 15
	latexLISARows = 30
)

// LaTeX writes report.tex: booktabs tables of the summary, the tiers, the
// most central cities and the LISA results, each a table environment with
// a caption and a label (tab:collab-summary, tab:collab-tiers,
// tab:collab-centrality, tab:collab-lisa), ready to \input into a paper
// whose preamble loads booktabs. Every name is escaped for LaTeX
// (LaTeXEscape). A section the study skipped (the network, the spatial
// statistics) has no table.
//
//	collab export --format latex yrd.json > tables.tex
//	% in the paper: \usepackage{booktabs} ... \input{tables.tex}
func LaTeX(w io.Writer, r *analysis.Result) error {
	ew := &errWriter{w: w}
	names := make(map[string]string, len(r.Cities))
	for _, c := range r.Cities {
		names[c.ID] = LaTeXEscape(c.Name)
	}
	fmt.Fprintf(ew, "%% Tables written by collab for %s; needs \\usepackage{booktabs}.\n", latexComment(mapTitle(r)))
	latexSummary(ew, r)
	latexTiers(ew, r, names)
	latexCentrality(ew, r, names)
	latexLISA(ew, r, names)
	return ew.err
}

// LaTeXEscape escapes text for LaTeX's text mode: the ten special
// characters (# $ % & ~ _ ^ \ { }) as commands or escaped, < > and | as
// \textless, \textgreater and \textbar (which the OT1 encoding would
// print as other glyphs), and control and bidirectional characters as
// spaces, which LaTeX could not typeset.
func LaTeXEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '#', '$', '%', '&', '_', '{', '}':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		case '<':
			b.WriteString(`\textless{}`)
		case '>':
			b.WriteString(`\textgreater{}`)
		case '|':
			b.WriteString(`\textbar{}`)
		default:
			if unicode.IsControl(r) || bidiControl(r) {
				b.WriteByte(' ')
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// latexComment keeps text on one comment line.
func latexComment(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || bidiControl(r) {
			return ' '
		}
		return r
	}, s)
}

func beginTable(w io.Writer, caption, label, columns string) {
	fmt.Fprintf(w, "\n\\begin{table}[htbp]\n\\centering\n\\caption{%s}\n\\label{%s}\n\\begin{tabular}{%s}\n\\toprule\n", caption, label, columns)
}

func endTable(w io.Writer) {
	fmt.Fprintf(w, "\\bottomrule\n\\end{tabular}\n\\end{table}\n")
}

func latexRow(w io.Writer, cells ...string) {
	fmt.Fprintf(w, "%s \\\\\n", strings.Join(cells, " & "))
}

func latexSummary(w io.Writer, r *analysis.Result) {
	q := r.Summary.Inequality
	beginTable(w, "Summary of "+LaTeXEscape(mapTitle(r)), "tab:collab-summary", "lr")
	latexRow(w, "Measure", "Value")
	fmt.Fprintf(w, "\\midrule\n")
	latexRow(w, "Cities", strconv.Itoa(len(r.Cities)))
	latexRow(w, "Mean score", num(q.Mean))
	latexRow(w, "Standard deviation (population)", num(q.SDPopulation))
	latexRow(w, "Coefficient of variation (population)", fixed(q.CVPopulation, 3))
	latexRow(w, "Gini", fixed(q.Gini, 3))
	latexRow(w, "Theil T", fixed(q.Theil, 3))
	latexRow(w, "\\quad between provinces", fixed(q.TheilBetween, 3))
	latexRow(w, "\\quad within provinces", fixed(q.TheilWithin, 3))
	if m := r.Moran; m != nil {
		latexRow(w, "Moran's \\emph{I}", fixedNumber(m.I, 3))
		latexRow(w, "\\quad pseudo \\emph{p}", fixedNumber(m.PPermutation, 3))
	}
	endTable(w)
}

func latexTiers(w io.Writer, r *analysis.Result, names map[string]string) {
	beginTable(w, "Tiers by ratio to the mean score", "tab:collab-tiers", "rlrp{0.55\\linewidth}")
	latexRow(w, "Tier", "Ratio to the mean", "Cities", "Names")
	fmt.Fprintf(w, "\\midrule\n")
	for _, t := range r.Summary.Tiers {
		listed := namesUpTo(t.Cities, names, maxListed)
		latexRow(w, strconv.Itoa(t.Tier), LaTeXEscape(t.Range), strconv.Itoa(len(t.Cities)), strings.Join(listed, ", "))
	}
	endTable(w)
}

func latexCentrality(w io.Writer, r *analysis.Result, names map[string]string) {
	if r.Network == nil || len(r.Cities) == 0 || r.Cities[0].Centrality == nil {
		return
	}
	order := make([]int, len(r.Cities))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(r.Cities[b].PageRank, r.Cities[a].PageRank) })
	order = order[:min(latexTop, len(order))]
	beginTable(w, fmt.Sprintf("The %d most central cities, by PageRank", len(order)), "tab:collab-centrality", "rlrrrrrr")
	latexRow(w, "\\#", "City", "Degree", "Strength", "Betweenness", "Closeness", "PageRank", "Eigenvector")
	fmt.Fprintf(w, "\\midrule\n")
	for k, i := range order {
		c := r.Cities[i]
		latexRow(w, strconv.Itoa(k+1), names[c.ID], strconv.Itoa(c.Degree), sig(c.Strength), sig(c.Betweenness), fixed(c.Closeness, 3), fixed(c.PageRank, 4), fixed(c.Eigenvector, 3))
	}
	endTable(w)
}

func latexLISA(w io.Writer, r *analysis.Result, names map[string]string) {
	l := r.LISA
	if l == nil {
		return
	}
	var significant []analysis.City
	for _, c := range r.Cities {
		if c.Autocorrelation != nil && c.LISACluster != nil && c.Quadrant != nil && *c.LISACluster == *c.Quadrant {
			significant = append(significant, c)
		}
	}
	caption := fmt.Sprintf("LISA clusters (folded permutation pseudo \\emph{p} $\\le$ %s%s): HH %d, LH %d, LL %d, HL %d, not significant %d, isolated %d",
		fixedNumber(l.Cutoff, 4), map[bool]string{true: ", FDR", false: ""}[l.FDR], l.HighHigh, l.LowHigh, l.LowLow, l.HighLow, l.NotSignificant, l.Isolated)
	beginTable(w, caption, "tab:collab-lisa", "llrrr")
	latexRow(w, "City", "Cluster", "Local \\emph{I}", "\\emph{z}", "Pseudo \\emph{p}")
	fmt.Fprintf(w, "\\midrule\n")
	for _, c := range significant[:min(latexLISARows, len(significant))] {
		latexRow(w, names[c.ID], *c.LISACluster, fixedNumber(c.LocalMoran, 3), fixedNumber(c.LocalMoranZ, 2), fixedNumber(c.LocalMoranP, 3))
	}
	if n := len(significant) - latexLISARows; n > 0 {
		fmt.Fprintf(w, "\\multicolumn{5}{l}{and %d more} \\\\\n", n)
	}
	if len(significant) == 0 {
		fmt.Fprintf(w, "\\multicolumn{5}{l}{No city is significant.} \\\\\n")
	}
	endTable(w)
}
