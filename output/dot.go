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

// DOT writes the network as a Graphviz map and a graph for network tools.
// Each city is a node at its projected position (pos="x,y!" in points),
// sized by score and filled by tier (or MapOptions.Color), labelled with
// its name (label, for importers; the 60 highest-scoring also show it as
// xlabel); each drawn link (MapOptions.TopLinks) is one edge with its
// weight and a pen width by weight, and a belt is an attribute of the
// link it runs along (belt=N, drawn bold); a belt hop that is not a drawn
// link is an edge of its own, once. The legend is the graph's label, not
// a node, so that an importer counts only cities. Node IDs are the city
// ids; every string is escaped, so that any name reads back unchanged.
//
//	collab export --format dot yrd.json | neato -Tsvg > yrd.svg
func DOT(w io.Writer, r *analysis.Result, o MapOptions) error {
	m, err := newGeoMap(r, o)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	m.writeDOT(ew, linkWeights(r))
	return ew.err
}

// dotEdge is one edge of the DOT graph: a drawn link, a belt hop, or a
// drawn link a belt runs along.
type dotEdge struct {
	from, to int
	weight   float64
	pen      float64
	belt     int // 1-based belt number; 0 when no belt runs along it
	link     bool
}

// pairKey names an unordered pair of cities, as belts are undirected.
func pairKey(a, b int) [2]int { return [2]int{min(a, b), max(a, b)} }

// linkWeights maps each pair of linked cities (by index) to the link's
// weight, for belt hops that run along a link the map does not draw.
func linkWeights(r *analysis.Result) map[[2]int]float64 {
	index := make(map[string]int, len(r.Cities))
	for i, c := range r.Cities {
		index[c.ID] = i
	}
	out := make(map[[2]int]float64, len(r.Links))
	for _, l := range r.Links {
		out[pairKey(index[l.Source], index[l.Target])] = l.Weight
	}
	return out
}

// dotEdges merges the drawn links and the belts' hops into one edge per
// pair: a hop along a drawn link marks that link; any other hop becomes an
// edge of its own, weighted as its link if the network has one (else 0).
func (m *geoMap) dotEdges(weights map[[2]int]float64) []dotEdge {
	edges := make([]dotEdge, 0, len(m.links))
	at := make(map[[2]int]int, len(m.links))
	for _, l := range m.links {
		at[pairKey(l.from, l.to)] = len(edges)
		edges = append(edges, dotEdge{from: l.from, to: l.to, weight: l.weight, pen: l.pen, link: true})
	}
	for k, b := range m.belts {
		for h := 1; h < len(b.cities); h++ {
			key := pairKey(b.cities[h-1], b.cities[h])
			if e, ok := at[key]; ok {
				if edges[e].belt == 0 {
					edges[e].belt = k + 1
				}
				continue
			}
			at[key] = len(edges)
			edges = append(edges, dotEdge{from: b.cities[h-1], to: b.cities[h], weight: weights[key], belt: k + 1})
		}
	}
	return edges
}

// The positions are in points and inputscale=72 says so: neato and fdp
// (which read pos in inches unless told) and neato -n / -n2 (which read
// points) then all draw the same map. The engines that honour pos are
// neato, fdp and nop (and neato -n, -n2, fdp -n); dot, circo, twopi, osage,
// patchwork and sfdp lay the graph out afresh, ignoring pos. Statements
// end with the line, without a semicolon: pydot 1.4 (Debian 12's, which
// NetworkX's read_dot uses) reads the space between a last ";" and the
// closing brace as a node. Every node is pinned, so maxiter=1 spares
// neato and fdp the seconds their iterations take on 5,000 cities (fdp -n
// 8.8 s, neato 5.5 s without it; 0.8 s and 2.4 s with it).
func (m *geoMap) writeDOT(w io.Writer, weights map[[2]int]float64) {
	kind, arrow := "graph", "--"
	if m.directed {
		kind, arrow = "digraph", "->"
	}
	fmt.Fprintf(w, "%s collab {\n", kind)
	fmt.Fprintf(w, "\t// Positions are in points (inputscale=72): render with neato, neato -n2 or fdp -n;\n\t// dot, circo, twopi and sfdp ignore them.\n")
	fmt.Fprintf(w, "\tgraph [label=<%s>, labelloc=t, labeljust=l, fontname=%s, inputscale=72, maxiter=1, outputorder=edgesfirst, splines=false, overlap=true, notranslate=true, pad=0.3, bgcolor=white]\n",
		m.dotLegend(), dotString(fontFamilies))
	fmt.Fprintf(w, "\tnode [shape=point, style=filled, color=\"#4d4d4d\", penwidth=0.6, fontname=%s, fontsize=9]\n", dotString(fontFamilies))
	fmt.Fprintf(w, "\tedge [color=\"#3b4a6b99\", arrowsize=0.5]\n")
	labelled := map[int]bool{}
	for _, i := range m.byScore()[:min(dotLabels, len(m.cities))] {
		labelled[i] = true
	}
	for i, c := range m.cities {
		name := dotString(c.name)
		fmt.Fprintf(w, "\t%s [label=%s, pos=\"%s,%s!\", width=%s, fillcolor=\"%s\", tooltip=%s", dotID(c.id), name, pt(c.x), pt(c.y), pt(2*c.r/72), c.fill, name)
		if labelled[i] {
			fmt.Fprintf(w, ", xlabel=%s", name)
		}
		fmt.Fprintf(w, "]\n")
	}
	for _, e := range m.dotEdges(weights) {
		fmt.Fprintf(w, "\t%s %s %s [weight=%s", dotID(m.cities[e.from].id), arrow, dotID(m.cities[e.to].id), exact(e.weight))
		switch {
		case e.belt > 0 && e.link:
			fmt.Fprintf(w, ", belt=%d, penwidth=5, color=\"%s\", style=bold", e.belt, beltColour)
		case e.belt > 0:
			fmt.Fprintf(w, ", belt=%d, link=false, penwidth=5, color=\"%s\", style=bold, dir=none", e.belt, beltColour)
		default:
			fmt.Fprintf(w, ", penwidth=%s", pt(e.pen))
		}
		fmt.Fprintf(w, "]\n")
	}
	fmt.Fprintf(w, "}\n")
}

// dotLegend is the graph's label: the title above the legend, as an
// HTML-like table. Being the graph's label rather than a node, network
// tools that import the DOT see only the cities.
func (m *geoMap) dotLegend() string {
	notes := m.legendNotes()
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" BGCOLOR="white">`)
	fmt.Fprintf(&b, `<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="20">%s</FONT></TD></TR>`, htmlText(fitDOT(m.title, htmlQuoted, maxDOTString)))
	fmt.Fprintf(&b, `<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="10"><B>%s</B></FONT></TD></TR>`, htmlText(m.colours.title))
	for _, e := range m.colours.legend {
		fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" WIDTH="12" HEIGHT="12" FIXEDSIZE="TRUE"></TD><TD ALIGN="LEFT"><FONT POINT-SIZE="10">%s</FONT></TD></TR>`, e.colour, htmlText(e.text()))
	}
	for _, n := range notes {
		fmt.Fprintf(&b, `<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="10">%s</FONT></TD></TR>`, htmlText(n))
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

// htmlQuoted is s as written in an HTML-like label, between the quotes
// fitDOT counts.
func htmlQuoted(s string) string { return `"` + htmlText(s) + `"` }

// legendNotes explain sizes, lines and belts, for both maps' legends.
func (m *geoMap) legendNotes() []string {
	notes := []string{"Circle area: score"}
	if m.boundaries != nil {
		notes[0] = "Areas: the cities' boundaries"
	}
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

func dotIDQuoted(s string) string { return dotQuote(s, false) }

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

func dotStringQuoted(s string) string { return dotQuote(s, true) }

// dotQuote is the one escaping loop of DOT strings. Both kinds escape the
// quote and the backslash; an ID (shown false) spells a control character
// out (\u0001), keeping ids one-to-one, while shown text (a label) turns
// ampersands into entities, a newline into \n, the characters of
// asReference into numeric entities and the other controls into spaces.
func dotQuote(s string, shown bool) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case !shown && unicode.IsControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		case !shown:
			b.WriteRune(r)
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
	if len(htmlQuoted(r.Dataset.Name)) > maxDOTString {
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
