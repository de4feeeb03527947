package output

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"collab/analysis"
)

// dotLabels is how many cities, highest score first, get a name beside
// them on the DOT map; every city has its name as a tooltip.
const dotLabels = 60

// fontFamilies lists Latin fonts first and Chinese ones after, so that a
// renderer falls back to a CJK font for Chinese names where one exists.
const fontFamilies = "Helvetica,Arial,Noto Sans CJK SC,Source Han Sans SC,PingFang SC,Microsoft YaHei,WenQuanYi Micro Hei,sans-serif"

// DOT writes the network as a Graphviz map for `neato -n2`: each city at
// its projected position (pos="x,y!" in points), sized by score and filled
// by tier (or MapOptions.Color); the strongest links (MapOptions.TopLinks)
// with pen widths by weight; belts bold; a legend. Node IDs are the city
// ids; every string is escaped, so that any name reads back unchanged.
//
//	collab export --format dot yrd.json | neato -n2 -Tsvg > yrd.svg
func DOT(w io.Writer, r *analysis.Result, o MapOptions) error {
	m, err := newGeoMap(r, o)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	m.writeDOT(ew)
	return ew.err
}

func (m *geoMap) writeDOT(w io.Writer) {
	kind, arrow := "graph", "--"
	if m.directed {
		kind, arrow = "digraph", "->"
	}
	fmt.Fprintf(w, "%s collab {\n", kind)
	fmt.Fprintf(w, "\tgraph [label=%s, labelloc=t, fontsize=20, fontname=%s, outputorder=edgesfirst, splines=false, notranslate=true, pad=0.3, bgcolor=white];\n",
		dotString(m.title), dotString(fontFamilies))
	fmt.Fprintf(w, "\tnode [shape=circle, style=filled, fixedsize=true, label=\"\", color=\"#4d4d4d\", penwidth=0.6, fontname=%s, fontsize=9];\n", dotString(fontFamilies))
	fmt.Fprintf(w, "\tedge [color=\"#3b4a6b99\", arrowsize=0.5];\n")
	labelled := map[int]bool{}
	for _, i := range m.byScore()[:min(dotLabels, len(m.cities))] {
		labelled[i] = true
	}
	for i, c := range m.cities {
		fmt.Fprintf(w, "\t%s [pos=\"%s,%s!\", width=%s, fillcolor=\"%s\", tooltip=%s", dotID(c.id), pt(c.x), pt(c.y), pt(2*c.r/72), c.fill, dotString(c.name))
		if labelled[i] {
			fmt.Fprintf(w, ", xlabel=%s", dotString(c.name))
		}
		fmt.Fprintf(w, "];\n")
	}
	for _, l := range m.links {
		fmt.Fprintf(w, "\t%s %s %s [penwidth=%s];\n", dotID(m.cities[l.from].id), arrow, dotID(m.cities[l.to].id), pt(l.pen))
	}
	for _, b := range m.belts {
		for k := 1; k < len(b.cities); k++ {
			fmt.Fprintf(w, "\t%s %s %s [penwidth=5, color=\"%s\", style=bold, dir=none];\n", dotID(m.cities[b.cities[k-1]].id), arrow, dotID(m.cities[b.cities[k]].id), beltColour)
		}
	}
	m.writeDOTLegend(w)
	fmt.Fprintf(w, "}\n")
}

// writeDOTLegend writes the legend as one node with an HTML-like table,
// pinned to the right of the map.
func (m *geoMap) writeDOTLegend(w io.Writer) {
	notes := m.legendNotes()
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" BGCOLOR="white">`)
	fmt.Fprintf(&b, `<TR><TD COLSPAN="2" ALIGN="LEFT"><B>%s</B></TD></TR>`, htmlText(m.colours.title))
	longest := len(m.colours.title)
	for _, e := range m.colours.legend {
		label := e.text()
		fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" WIDTH="12" HEIGHT="12" FIXEDSIZE="TRUE"></TD><TD ALIGN="LEFT">%s</TD></TR>`, e.colour, htmlText(label))
		longest = max(longest, len(label)+4)
	}
	for _, n := range notes {
		fmt.Fprintf(&b, `<TR><TD COLSPAN="2" ALIGN="LEFT">%s</TD></TR>`, htmlText(n))
		longest = max(longest, len(n))
	}
	b.WriteString(`</TABLE>`)
	// The legend's size is estimated (about 6 points a character, 17 a
	// row) to pin its top left corner beside the map's top right one.
	wd, ht := 6*float64(longest)+16, 17*float64(len(m.colours.legend)+len(notes)+1)
	fmt.Fprintf(w, "\t%s [shape=plaintext, style=solid, fixedsize=false, width=0, height=0, margin=0, fontsize=10, tooltip=\"legend\", pos=\"%s,%s!\", label=<%s>];\n",
		dotID(m.legendID()), pt(m.width+40+wd/2), pt(m.height-ht/2), b.String())
}

// legendNotes explain sizes, lines and belts, for both maps' legends.
func (m *geoMap) legendNotes() []string {
	notes := []string{"Circle area: score"}
	if len(m.links) == m.totalLinks {
		notes = append(notes, fmt.Sprintf("Line width: link weight (all %d links)", m.totalLinks))
	} else {
		notes = append(notes, fmt.Sprintf("Line width: link weight (strongest %d of %d)", len(m.links), m.totalLinks))
	}
	if len(m.belts) > 0 {
		notes = append(notes, "Bold line: innovation belt")
	}
	return notes
}

func (e legendEntry) text() string {
	return fmt.Sprintf("%s (%d)", e.label, e.count)
}

// beltColour draws belts, dark blue against the yellow-red tiers.
const beltColour = "#08306b"

// legendID is a node ID no city has.
func (m *geoMap) legendID() string {
	ids := make(map[string]bool, len(m.cities))
	for _, c := range m.cities {
		ids[c.id] = true
	}
	id := "legend"
	for ids[id] {
		id += "_"
	}
	return id
}

// pt formats a length in points or inches with two decimals.
func pt(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

// dotID quotes an ID one-to-one: a quote is escaped, a backslash doubled
// (so that none can escape the closing quote) and a control character
// spelled out, so that two ids never meet in one node.
func dotID(s string) string {
	if quoted := dotIDQuoted(s); len(quoted) <= maxDOTString {
		return quoted
	}
	// Shortened, with a digest of the whole id so that two long ids that
	// begin alike stay two nodes.
	sum := sha256.Sum256([]byte(s))
	suffix := "~" + hex.EncodeToString(sum[:8])
	return dotIDQuoted(fitDOT(s, dotIDQuoted, maxDOTString-len(suffix)) + suffix)
}

func dotIDQuoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case unicode.IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dotString quotes text for an attribute that Graphviz shows (label,
// xlabel, tooltip), so that it shows exactly s: besides the quote,
// Graphviz reads a backslash as the start of an escape such as \N (the
// node's name) and "&amp;" as an entity, so backslashes are doubled and
// ampersands written as entities; a newline becomes Graphviz's \n, a tab,
// a carriage return, a C1 control or a bidirectional control (which could
// reorder the text around it in an editor) a numeric entity, and the other
// C0 controls, which a C string cannot hold or Graphviz would drop, a
// space.
func dotString(s string) string {
	if quoted := dotStringQuoted(s); len(quoted) <= maxDOTString {
		return quoted
	}
	return dotStringQuoted(fitDOT(s, dotStringQuoted, maxDOTString-len("…")) + "…")
}

func dotStringQuoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\n':
			b.WriteString(`\n`)
		case asReference(r):
			fmt.Fprintf(&b, "&#x%X;", r)
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// maxDOTString bounds a quoted DOT string: Graphviz's scanner refuses one
// of 16,382 bytes or more ("syntax error ... scanning a quoted string";
// graphviz 2.42 and 7.1 here), so longer names are shortened in DOT, with a
// warning (DOTWarnings); every other format keeps the whole name.
const maxDOTString = 16000

// fitDOT returns the longest prefix of s whose quoted form (by quote) is at
// most limit bytes.
func fitDOT(s string, quote func(string) string, limit int) string {
	used := 2 // the quotes
	for i, r := range s {
		used += len(quote(string(r))) - 2
		if used > limit {
			return s[:i]
		}
	}
	return s
}

// DOTWarnings says which names and ids of r the DOT map must shorten,
// being longer than Graphviz can read in one string; nil when none.
func DOTWarnings(r *analysis.Result) []string {
	var out []string
	if len(dotStringQuoted(r.Dataset.Name)) > maxDOTString {
		out = append(out, fmt.Sprintf("the region's name is %d bytes, longer than Graphviz reads in one string: the DOT map shows its beginning", len(r.Dataset.Name)))
	}
	for _, c := range r.Cities {
		if len(dotStringQuoted(c.Name)) > maxDOTString {
			out = append(out, fmt.Sprintf("city %q: its name is %d bytes, longer than Graphviz reads in one string: the DOT map shows its beginning", truncated(c.ID), len(c.Name)))
		}
		if len(dotIDQuoted(c.ID)) > maxDOTString {
			out = append(out, fmt.Sprintf("city %q: its id is %d bytes, longer than Graphviz reads in one string: the DOT map shortens it and adds a digest", truncated(c.ID), len(c.ID)))
		}
	}
	return out
}

// truncated is s cut to 40 characters for a message.
func truncated(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// asReference reports the characters written as numeric references in DOT
// and XML: allowed there, but invisible or disruptive written raw (tabs,
// line ends, C1 controls, bidirectional controls).
func asReference(r rune) bool {
	return r == '\t' || r == '\r' || (r >= 0x7f && r <= 0x9f) || bidiControl(r)
}

// bidiControl reports the characters that change the direction of the
// text around them.
func bidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') || r == '\u200e' || r == '\u200f'
}

// htmlText escapes text for an HTML-like label or an SVG document, both
// XML: markup characters become entities; newlines, tabs, carriage
// returns, C1 and bidirectional controls numeric references, so that they
// come back intact from an XML parser; and the other control characters,
// which XML 1.0 does not allow even as references, spaces.
func htmlText(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || bidiControl(r) || r == '\ufffe' || r == '\uffff' }) {
		return xmlEscaper.Replace(s)
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || asReference(r):
			fmt.Fprintf(&b, "&#x%X;", r)
		case unicode.IsControl(r) || r == '\ufffe' || r == '\uffff':
			b.WriteByte(' ')
		default:
			b.WriteString(xmlEscaper.Replace(string(r)))
		}
	}
	return b.String()
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")
