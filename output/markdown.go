package output

import (
	"fmt"
	"io"
	"strings"

	"collab/analysis"
)

// Markdown writes the report of Text as Markdown (CommonMark with GitHub's
// tables), for pasting into a paper or a README: the sections become
// headings, the tables pipe tables, the lists bullet lists, and every name
// is escaped so that it shows exactly as written.
func Markdown(w io.Writer, r *analysis.Result, o Options) error {
	return writeReport(w, r, o, true)
}

// heading starts a section.
func (p *report) heading(title string) {
	if p.markdown {
		p.printf("\n## %s\n\n", mdEscape(title))
		return
	}
	p.printf("\n%s\n", title)
}

// line writes a line of a section's text (already escaped where it holds
// names); in Markdown each is a paragraph of its own.
func (p *report) line(format string, args ...any) {
	if p.markdown {
		p.printf(format+"\n\n", args...)
		return
	}
	p.printf("  "+format+"\n", args...)
}

// table writes t, fitted to maxWidth cells as text (0: whole); it reports
// whether columns were left out.
func (p *report) table(t *table, maxWidth int) (dropped bool) {
	if p.markdown {
		t.writeMarkdown(p.w)
		return false
	}
	return t.write(p.w, 2, maxWidth)
}

// list writes a labelled list of items, wrapped in text.
func (p *report) list(label string, items []string) { p.listAt(label, 15, items) }

// listAt is list with the items starting at column width in text; a label
// wider than that still keeps two spaces before them ("Suzhou (Jiangsu)
// Shanghai", never "Suzhou (Jiangsu)Shanghai").
func (p *report) listAt(label string, width int, items []string) {
	if p.markdown {
		p.printf("- **%s**: %s\n", mdEscape(label), strings.Join(items, ", "))
		return
	}
	label = "  " + label
	wrapList(p.w, label, max(width, displayWidth(label)+2), items, p.o.listWidth())
}

// esc makes a name or other text from the data safe to print: control
// characters escaped, and in Markdown its markup characters too.
// item writes a labelled line: the label in a column of structureLabel
// cells in text, bold in a Markdown list.
func (p *report) item(label, text string) {
	if p.markdown {
		p.printf("- **%s**: %s\n", mdEscape(label), text)
		return
	}
	p.printf("  %-*s%s\n", structureLabel-2, label, text)
}

// namesUnder writes names below an item: wrapped after label in text
// (label "" continues the item's column), a nested list line in Markdown.
func (p *report) namesUnder(label string, names []string) {
	if p.markdown {
		if label = strings.Join(strings.Fields(label), " "); label != "" {
			label = mdEscape(label) + ": "
		}
		p.printf("  - %s%s\n", label, strings.Join(names, ", "))
		return
	}
	width := structureLabel
	if label != "" {
		width = displayWidth(label)
	}
	wrapList(p.w, label, width, names, p.o.listWidth())
}

// sentences writes findings in plain sentences: a bulleted list in
// Markdown, wrapped indented paragraphs in text.
func (p *report) sentences(items []string) {
	for _, s := range items {
		if p.markdown {
			p.printf("- %s\n", s)
			continue
		}
		wrapText(p.w, s, 2, p.o.listWidth())
	}
}

func (p *report) esc(s string) string {
	if p.html {
		return htmlText(s)
	}
	if p.markdown {
		return mdEscape(Printable(s))
	}
	return Printable(s)
}

// markdownHeader gives a table without a header in text the header its
// Markdown form needs.
func (t *table) markdownHeader(cells ...string) *table {
	t.mdHeader = cells
	return t
}

// writeMarkdown writes t as a pipe table, numbers right-aligned.
func (t *table) writeMarkdown(w io.Writer) {
	header := t.header
	if len(header) == 0 {
		header = t.mdHeader
	}
	row := func(cells []string) {
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
	row(header)
	rule := make([]string, len(header))
	for c := range rule {
		rule[c] = "---"
		if c < len(t.right) && t.right[c] {
			rule[c] = "---:"
		}
	}
	row(rule)
	for _, r := range t.rows {
		row(r)
	}
}

// mdEscape backslash-escapes the characters that Markdown could read as
// markup (CommonMark lets any ASCII punctuation be escaped so), and the
// pipe that would end a table cell.
func mdEscape(s string) string {
	if !strings.ContainsAny(s, mdSpecial) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

const mdSpecial = "\\`*_[]<>&|#~$!"
