package output

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"collab/analysis"
	"collab/param"
)

// Options shape the human-readable reports.
type Options struct {
	// Width is the terminal width to fit tables and lists to; 0 (not a
	// terminal) wraps lists at 100 cells and prints tables whole.
	Width int
	// Top is how many cities the per-measure rankings and the city table
	// show; 0 means 10.
	Top int
	// Names spells the parameters the report's hints mention ("top N
	// for more"); the command line spells them as flags (--top). nil
	// spells them as they are.
	Names param.Namer
	// TrendChart names the trend chart written with the report (the
	// trend SVG of an output directory, "trend.svg"); when set, a trend
	// table of more than longTrend years shows only the first, the last
	// and every tenth year from the first, and the report says the chart
	// draws them all. "" prints every year.
	TrendChart string
}

// name spells a parameter the report mentions.
func (o Options) name(n param.Name) string { return o.Names.Spell(n) }

// listWidth is where name lists wrap.
func (o Options) listWidth() int {
	if o.Width <= 0 {
		return 100
	}
	return o.Width
}

func (o Options) top() int {
	if o.Top <= 0 {
		return 10
	}
	return o.Top
}

// maxListed bounds the names printed in one tier's list of the HTML and
// LaTeX reports; the rest are counted.
const maxListed = 40

// namesUpTo is the names of ids, at most n of them, the rest counted
// ("and 3 more"): every capped list of cities in the reports.
func namesUpTo(ids []string, names map[string]string, n int) []string {
	out := make([]string, 0, min(len(ids), n)+1)
	for _, id := range ids[:min(len(ids), n)] {
		out = append(out, names[id])
	}
	if len(ids) > n {
		out = append(out, fmt.Sprintf("and %d more", len(ids)-n))
	}
	return out
}

// listed bounds the names printed in one list of the text and Markdown
// reports (a tier, a community, a hub's reach, the tier changes): four times
// Top, maxListed by default, so that --top shortens every long section.
func (o Options) listed() int { return 4 * o.top() }

// moreHint counts the entries of a section left out beyond Top.
func (p *report) moreHint(n int, what string) string {
	return fmt.Sprintf("and %d more %s (%s N for more, %s json for all)", n, what, p.o.name("top"), p.o.name("format"))
}

// Text writes the readable report: the dataset, the summary, the tiers with
// their cities, the network and the top cities by each centrality.
func Text(w io.Writer, r *analysis.Result, o Options) error {
	return writeReport(w, r, o, false)
}

// writeReport writes the report's sections as text or, for Markdown,
// with headings, tables and lists.
func writeReport(w io.Writer, r *analysis.Result, o Options, markdown bool) error {
	if markdown {
		var md bytes.Buffer
		if err := writeSections(&md, r, o, true); err != nil {
			return err
		}
		_, err := w.Write(separateBlocks(md.Bytes()))
		return err
	}
	return writeSections(w, r, o, false)
}

// writeSections writes the report's sections in order.
func writeSections(w io.Writer, r *analysis.Result, o Options, markdown bool) error {
	ew := &errWriter{w: w}
	rep := report{w: ew, r: r, o: o, markdown: markdown}
	rep.names = rep.cityNames()
	// Each concern writes its own section, in the order a reader needs them.
	for _, section := range []func(){
		rep.header,
		rep.summary,
		rep.tiers,
		rep.findings,
		rep.trend,
		rep.dynamics,
		rep.network,
		rep.structure,
		rep.wholeNetwork,
		rep.blocks,
		rep.rankings,
		rep.spatial,
		rep.spilloverSection,
		rep.modelSection,
		rep.cityTable,
	} {
		section()
	}
	return ew.err
}

// errWriter remembers the first write error so that the report's many
// writes need no checks of their own.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

type report struct {
	w        io.Writer
	r        *analysis.Result
	o        Options
	names    map[string]string
	markdown bool
	html     bool // names escaped for HTML (findingSentences in the HTML report)
}

func (p *report) printf(format string, args ...any) { fmt.Fprintf(p.w, format, args...) }

func (p *report) cityNames() map[string]string {
	names := make(map[string]string, len(p.r.Cities))
	for _, c := range p.r.Cities {
		names[c.ID] = p.esc(c.Name)
	}
	return names
}

func (p *report) header() {
	d := p.r.Dataset
	title := d.Name
	if title == "" {
		title = "Unnamed region"
	}
	if p.markdown {
		p.printf("# %s\n\nSource: %s. ", p.esc(title), p.esc(d.Source))
	} else {
		p.printf("collab: %s (%s)\n", p.esc(title), p.esc(d.Source))
	}
	line := fmt.Sprintf("%d cities", d.Cities)
	if y := p.r.Summary.Year; y != nil {
		line += fmt.Sprintf(", year %d", *y)
		if len(d.Years) > 1 {
			line += fmt.Sprintf(" (panel %d-%d, %d years)", d.Years[0], d.Years[len(d.Years)-1], len(d.Years))
		}
	}
	if d.ScoreLabel != "" {
		line += "; score: " + p.esc(d.ScoreLabel)
	}
	p.printf("%s\n", line)
}

func (p *report) summary() {
	q := p.r.Summary.Inequality
	p.heading("Summary")
	t := newTable().markdownHeader("Measure", "Value", "")
	t.add("Mean score", num(q.Mean), "")
	t.add("Standard deviation", num(q.SDPopulation)+" (population)", num(q.SDSample)+" (sample)")
	t.add("Coefficient of variation", fixed(q.CVPopulation, 2)+" (population)", fixed(q.CVSample, 2)+" (sample)")
	t.add("Gini", fixed(q.Gini, 3), "")
	t.add("Theil T", fixed(q.Theil, 3), fmt.Sprintf("%s between provinces + %s within", fixed(q.TheilBetween, 3), fixed(q.TheilWithin, 3)))
	p.table(t, 0)
}

func (p *report) tiers() {
	p.heading("Tiers (ratio to the mean; a ratio on a cut point goes to the higher tier)")
	md := newTable("Tier", "Ratio to the mean", "Cities", "Names").alignRight(0, 2)
	for _, tier := range p.r.Summary.Tiers {
		label := fmt.Sprintf("  %d  %-12s %4d  ", tier.Tier, tier.Range, len(tier.Cities))
		names := namesUpTo(tier.Cities, p.names, p.o.listed())
		if len(names) == 0 {
			names = []string{"-"}
		}
		if p.markdown {
			md.add(strconv.Itoa(tier.Tier), p.esc(tier.Range), strconv.Itoa(len(tier.Cities)), strings.Join(names, ", "))
			continue
		}
		wrapList(p.w, label, displayWidth(label), names, p.o.listWidth())
	}
	if p.markdown {
		p.table(md, 0)
	}
}

// num formats a score-like value with two decimals, or four significant
// digits when it is small.
func num(x float64) string {
	if x != 0 && math.Abs(x) < 0.01 {
		return sig(x)
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// fixed formats x with the given decimals, never as "-0.000".
func fixed(x float64, decimals int) string {
	if math.Abs(x) < 0.5*math.Pow(10, -float64(decimals)) {
		x = 0
	}
	return strconv.FormatFloat(x, 'f', decimals, 64)
}

// sig formats x with four significant digits.
func sig(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Printable escapes control characters and bidirectional controls (as Go
// quotes them: \x1b, \u202e) so that a hostile name printed to a terminal
// cannot break a line, retitle the window, recolour or clear the screen, or
// reorder the text around it. Files keep names as they are.
func Printable(s string) string {
	if !strings.ContainsFunc(s, needsEscape) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if needsEscape(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return unicode.IsControl(r) || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') || r == '\u200e' || r == '\u200f' || r == '\u061c'
}
