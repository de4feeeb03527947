package output

import (
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// displayWidth is the number of terminal cells s occupies: two for East
// Asian wide and full-width characters (CJK city names), none for combining
// marks and control characters, one otherwise.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.IsControl(r) || r == '\u200b' || r == '\u200e' || r == '\u200f':
		case width.LookupRune(r).Kind() == width.EastAsianWide || width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// table is a text table whose columns are padded by display width, so that
// names in Chinese line up with names in Latin script.
type table struct {
	header []string
	right  []bool // right-align the column (numbers)
	rows   [][]string
	// mdHeader is the Markdown header of a table printed without one.
	mdHeader []string
}

func newTable(header ...string) *table {
	return &table{header: header, right: make([]bool, len(header))}
}

// alignRight right-aligns the given columns.
func (t *table) alignRight(cols ...int) *table {
	for _, c := range cols {
		t.right[c] = true
	}
	return t
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// write prints the table indented by indent spaces. Columns that would not
// fit in maxWidth cells are left out from the right (the first two always
// stay); it reports whether any were.
func (t *table) write(w io.Writer, indent, maxWidth int) (dropped bool) {
	all := t.rows
	if len(t.header) > 0 {
		all = append([][]string{t.header}, t.rows...)
	}
	var widths []int
	for _, row := range all {
		for c, cell := range row {
			if c == len(widths) {
				widths = append(widths, 0)
			}
			widths[c] = max(widths[c], displayWidth(cell))
		}
	}
	cols, used := 0, indent
	for c, wd := range widths {
		if c >= 2 && maxWidth > 0 && used+wd > maxWidth {
			break
		}
		used += wd + 2
		cols = c + 1
	}
	for _, row := range all {
		var b strings.Builder
		b.WriteString(strings.Repeat(" ", indent))
		for c := 0; c < min(cols, len(row)); c++ {
			pad := strings.Repeat(" ", widths[c]-displayWidth(row[c]))
			if c < len(t.right) && t.right[c] {
				b.WriteString(pad + row[c])
			} else {
				b.WriteString(row[c] + pad)
			}
			if c < cols-1 {
				b.WriteString("  ")
			}
		}
		io.WriteString(w, strings.TrimRight(b.String(), " ")+"\n")
	}
	return cols < len(widths)
}

// wrapList writes items separated by ", " after a label column, wrapping at
// maxWidth with continuation lines indented to the list's start.
func wrapList(w io.Writer, label string, labelWidth int, items []string, maxWidth int) {
	prefix := label + strings.Repeat(" ", max(0, labelWidth-displayWidth(label)))
	cont := strings.Repeat(" ", displayWidth(prefix))
	line, lineWidth := prefix, displayWidth(prefix)
	for i, item := range items {
		piece := item
		if i < len(items)-1 {
			piece += ","
		}
		pw := displayWidth(piece)
		if lineWidth > displayWidth(prefix) && maxWidth > 0 && lineWidth+1+pw > maxWidth {
			io.WriteString(w, strings.TrimRight(line, " ")+"\n")
			line, lineWidth = cont, displayWidth(cont)
		}
		if lineWidth > displayWidth(cont) {
			line += " "
			lineWidth++
		}
		line += piece
		lineWidth += pw
	}
	io.WriteString(w, strings.TrimRight(line, " ")+"\n")
}

// wrapText writes a paragraph word-wrapped at maxWidth cells, every line
// indented by indent spaces.
func wrapText(w io.Writer, text string, indent, maxWidth int) {
	pad := strings.Repeat(" ", indent)
	line, width := pad, indent
	for _, word := range strings.Fields(text) {
		ww := displayWidth(word)
		if width > indent && width+1+ww > maxWidth {
			io.WriteString(w, line+"\n")
			line, width = pad, indent
		}
		if width > indent {
			line += " "
			width++
		}
		line += word
		width += ww
	}
	io.WriteString(w, line+"\n")
}
