package output

import (
	"bytes"
	"strings"
)

// blockKind is what a line of the Markdown report belongs to.
type blockKind int

const (
	blankLine blockKind = iota
	headingBlock
	tableBlock
	listBlock
	paragraphBlock
)

func kindOf(line string) blockKind {
	trimmed := strings.TrimLeft(line, " ")
	switch {
	case trimmed == "":
		return blankLine
	case strings.HasPrefix(line, "#"):
		return headingBlock
	case strings.HasPrefix(line, "|"):
		return tableBlock
	case strings.HasPrefix(trimmed, "- "):
		return listBlock
	}
	return paragraphBlock
}

// separateBlocks puts one blank line between blocks of different kinds and
// collapses runs of blank lines: CommonMark would read a line after a list
// item as the item's continuation and a paragraph line after a table as a
// row, and GitHub's renderer differs from others on what a table may
// interrupt. Each section writes its lines as it goes; this is the one
// place that knows where the blocks meet.
func separateBlocks(md []byte) []byte {
	var out bytes.Buffer
	previous := blankLine
	for _, line := range strings.Split(strings.TrimRight(string(md), "\n"), "\n") {
		kind := kindOf(line)
		switch {
		case kind == blankLine:
			if previous != blankLine {
				out.WriteByte('\n')
			}
		case previous != blankLine && (kind != previous || kind == headingBlock || kind == paragraphBlock):
			out.WriteString("\n" + line + "\n")
		default:
			out.WriteString(line + "\n")
		}
		previous = kind
	}
	return out.Bytes()
}
