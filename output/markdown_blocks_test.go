package output

import (
	"io"
	"os/exec"
	"strings"
	"testing"
)

// blockCounts counts the blocks a CommonMark reader should find in md,
// by its lines: table rows (delimiter rows left out), list items,
// headings and paragraphs (each paragraph of the report is one line).
type blockCounts struct{ rows, items, headings, paragraphs int }

func countBlocks(md string) blockCounts {
	var c blockCounts
	for _, line := range strings.Split(md, "\n") {
		switch kindOf(line) {
		case tableBlock:
			if !strings.HasPrefix(line, "| ---") {
				c.rows++
			}
		case listBlock:
			c.items++
		case headingBlock:
			c.headings++
		case paragraphBlock:
			c.paragraphs++
		}
	}
	return c
}

// TestMarkdownBlocksSeparated: in the Markdown report of the sample (at
// --top 5, whose hub reach ends in a line counting the rest) blocks of
// different kinds are always apart by a blank line, and cmark-gfm, GitHub's
// CommonMark renderer, finds exactly the tables' rows, the list items, the
// headings and the paragraphs the report writes: no paragraph read as a
// table row or a list item's continuation.
func TestMarkdownBlocksSeparated(t *testing.T) {
	res := sampleStudy(t)
	md := write(t, func(w io.Writer) error { return Markdown(w, res, Options{Top: 5}) })
	lines := strings.Split(md, "\n")
	for i := 1; i < len(lines); i++ {
		a, b := kindOf(lines[i-1]), kindOf(lines[i])
		if a != blankLine && b != blankLine && (a != b || a == paragraphBlock || a == headingBlock) {
			t.Errorf("line %d %q follows %q without a blank line", i+1, lines[i], lines[i-1])
		}
		if a == blankLine && b == blankLine {
			t.Errorf("line %d: two blank lines", i+1)
		}
	}
	want := countBlocks(md)
	if want.rows == 0 || want.items == 0 || want.paragraphs == 0 {
		t.Fatalf("the report has %+v blocks", want)
	}
	cmark, err := exec.LookPath("cmark-gfm")
	if err != nil {
		t.Skip("cmark-gfm not found (Debian package cmark-gfm): the rendered blocks are not checked")
	}
	cmd := exec.Command(cmark, "--extension", "table")
	cmd.Stdin = strings.NewReader(md)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	got := blockCounts{
		rows:       strings.Count(html, "<tr>"),
		items:      strings.Count(html, "<li>"),
		headings:   strings.Count(html, "<h1>") + strings.Count(html, "<h2>"),
		paragraphs: strings.Count(html, "<p>"),
	}
	if got != want {
		t.Errorf("cmark-gfm renders %+v, the report writes %+v", got, want)
	}
}
