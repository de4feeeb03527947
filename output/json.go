package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"collab/analysis"
)

// JSON writes the results contract: the Result as indented JSON, keys in a
// fixed order, so that the same study always gives the same bytes.
//
// The cities and the links, nearly all of the text (220 MB for 100,000
// cities), are encoded one at a time into the indenter rather than with
// the rest: the compact text of the whole Result is never held, only that
// of the Result without them and of one city or link.
func JSON(w io.Writer, r *analysis.Result) error {
	head := *r
	head.Cities, head.Links = nil, nil
	raw, err := marshal(&head)
	if err != nil {
		return err
	}
	in := indenter{w: w, out: make([]byte, 0, 2*indentChunk)}
	at := 0 // raw is written up to here
	for _, list := range []struct {
		key   string
		write func(*indenter) error
	}{
		{"cities", func(in *indenter) error { return streamArray(in, r.Cities) }},
		{"links", func(in *indenter) error { return streamArray(in, r.Links) }},
	} {
		// Both are null in head, and follow each other in this order.
		start, end, ok := memberValue(raw, list.key)
		if !ok || start < at || string(raw[start:end]) != "null" {
			return fmt.Errorf("results: no %q after byte %d of the encoded results", list.key, at)
		}
		in.write(raw[at:start])
		if err := list.write(&in); err != nil {
			return err
		}
		at = end
	}
	in.write(raw[at:])
	in.out = append(in.out, '\n')
	return in.flush()
}

// streamArray writes items as encoding/json writes the slice (null when
// nil), encoding one item at a time.
func streamArray[T any](in *indenter, items []T) error {
	if items == nil {
		in.write([]byte("null"))
		return nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	in.write([]byte("["))
	for i := range items {
		if i > 0 {
			in.write([]byte(","))
		}
		buf.Reset()
		if err := enc.Encode(&items[i]); err != nil {
			return err
		}
		in.write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	in.write([]byte("]"))
	return nil
}

// memberValue finds the value of key among the members of the compact
// object raw (not in nested objects): raw[start:end].
func memberValue(raw []byte, key string) (start, end int, ok bool) {
	quoted := []byte(`"` + key + `"`)
	depth := 0
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '"':
			end := min(stringEnd(raw, i), len(raw)-1)
			if depth == 1 && bytes.Equal(raw[i:end+1], quoted) && end+1 < len(raw) && raw[end+1] == ':' {
				start := end + 2
				return start, valueEnd(raw, start), true
			}
			i = end
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		}
	}
	return 0, 0, false
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
	in := indenter{w: w, out: make([]byte, 0, 2*indentChunk)}
	in.write(raw)
	in.out = append(in.out, '\n')
	return in.flush()
}

// indenter writes compact JSON, given in pieces that each hold whole
// tokens, indented by two spaces a level, empty objects and arrays kept
// as {} and []. It appends to its own buffer, written out in pieces of
// about 64 KiB: a bufio.Writer's call per byte was most of its time.
type indenter struct {
	w     io.Writer
	out   []byte
	err   error // the first error writing out
	depth int
	// open says the last byte written opened an object or an array: its
	// line break waits for the next byte, which may close it at once.
	open bool
}

const indentChunk = 64 << 10

func (in *indenter) newline() {
	if 1+2*in.depth <= len(margin) {
		in.out = append(in.out, margin[:1+2*in.depth]...)
		return
	}
	in.out = append(in.out, '\n')
	for range in.depth {
		in.out = append(in.out, "  "...)
	}
}

func (in *indenter) write(src []byte) {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if in.open {
			in.open = false
			if c == '}' || c == ']' {
				in.out = append(in.out, c)
				continue
			}
			in.depth++
			in.newline()
		}
		switch c {
		case '"':
			end := min(stringEnd(src, i), len(src)-1)
			in.out = append(in.out, src[i:end+1]...)
			i = end
		case '{', '[':
			in.out = append(in.out, c)
			in.open = true
		case '}', ']':
			in.depth--
			in.newline()
			in.out = append(in.out, c)
		case ',':
			in.out = append(in.out, c)
			in.newline()
			if len(in.out) >= indentChunk {
				in.flush()
			}
		case ':':
			in.out = append(in.out, ": "...)
		default: // a number or a literal, up to the next comma or bracket
			end := i + 1
			for end < len(src) && !isStructural(src[end]) {
				end++
			}
			in.out = append(in.out, src[i:end]...)
			i = end - 1
		}
	}
}

func isStructural(c byte) bool {
	return c == ',' || c == '}' || c == ']' || c == ':' || c == '"' || c == '{' || c == '['
}

// flush writes out what the buffer holds.
func (in *indenter) flush() error {
	if in.err == nil && len(in.out) > 0 {
		_, in.err = in.w.Write(in.out)
	}
	in.out = in.out[:0]
	return in.err
}

// margin is a line break and the indentation of the first 31 levels.
var margin = "\n" + strings.Repeat("  ", 31)
