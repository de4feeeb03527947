package output

import (
	"bufio"
	"io"
	"strings"

	"collab/analysis"
)

// JSON writes the results contract: the Result as indented JSON, keys in a
// fixed order, so that the same study always gives the same bytes.
func JSON(w io.Writer, r *analysis.Result) error {
	return writeIndented(w, r)
}

// writeIndented writes v byte for byte as a json.Encoder with
// SetIndent("", "  ") and SetEscapeHTML(false) does (names such as
// "R&D <Hub>" stay readable, and still valid JSON): v compact, then
// indented in one pass that needs to track only strings, since compact
// text has no other whitespace. json.Indent runs its validating scanner
// over every byte instead, which was two thirds of the time of writing a
// 5,000-city study.
func writeIndented(w io.Writer, v any) error {
	raw, err := marshal(v)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	indent(bw, raw)
	bw.WriteByte('\n')
	return bw.Flush()
}

// indent writes compact JSON src indented by two spaces a level, empty
// objects and arrays kept as {} and [].
func indent(w *bufio.Writer, src []byte) {
	depth := 0
	newline := func() {
		if 1+2*depth <= len(margin) {
			w.WriteString(margin[:1+2*depth])
			return
		}
		w.WriteByte('\n')
		for range depth {
			w.WriteString("  ")
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			end := min(stringEnd(src, i), len(src)-1)
			w.Write(src[i : end+1])
			i = end
		case '{', '[':
			w.WriteByte(c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				w.WriteByte(src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			w.WriteByte(c)
		case ',':
			w.WriteByte(c)
			newline()
		case ':':
			w.WriteString(": ")
		default:
			w.WriteByte(c)
		}
	}
}

// margin is a line break and the indentation of the first 31 levels.
var margin = "\n" + strings.Repeat("  ", 31)
