package data

import (
	"bytes"
	"collab/param"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Position is a place in an input file: 1-based line and column (in
// characters). The zero Position means the place is not known.
type Position struct {
	Line, Col int
}

func (p Position) String() string {
	switch {
	case p.Line == 0:
		return ""
	case p.Col == 0:
		return fmt.Sprint(p.Line)
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// Problem is one thing wrong (or, as a warning, doubtful) in an input file.
type Problem struct {
	File string   // the file's name as the user gave it
	Pos  Position // where in the file, when known
	Path string   // the record and field, e.g. cities[3].lat or "row 5, lat"
	Msg  string   // what is wrong and what would be valid
	// Hint, when set, follows Msg: a way out that names an option
	// ("name yours with score"), which the command line shows as a flag.
	Hint param.Message
}

func (p Problem) Error() string { return p.Render(nil) }

// Render spells the problem with the options its hint names spelled by
// namer.
func (p Problem) Render(namer param.Namer) string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteString(":")
	}
	if p.Pos.Line != 0 {
		b.WriteString(p.Pos.String())
		b.WriteString(":")
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	if !p.Hint.IsZero() {
		b.WriteString("; " + p.Hint.Render(namer))
	}
	return b.String()
}

// Problems is every problem found in one input, in file order. It is the
// error the readers return for invalid data.
type Problems []Problem

func (ps Problems) Error() string { return ps.Render(nil) }

// Render spells every problem as Problem.Render does, one a line.
func (ps Problems) Render(namer param.Namer) string {
	lines := make([]string, 0, len(ps)+1)
	for _, p := range ps {
		lines = append(lines, p.Render(namer))
	}
	if len(ps) > 1 {
		lines = append(lines, fmt.Sprintf("%d problems", len(ps)))
	}
	return strings.Join(lines, "\n")
}

// sortByPosition orders problems as they appear in each file, the files in
// the order their first problem was found (the cities' file, then a links
// file); within a file, problems without a position (whole-file ones) come
// last, in the order they were found.
func (ps Problems) sortByPosition() {
	rank := map[string]int{}
	for _, p := range ps {
		if _, ok := rank[p.File]; !ok {
			rank[p.File] = len(rank)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if fi, fj := rank[ps[i].File], rank[ps[j].File]; fi != fj {
			return fi < fj
		}
		a, b := ps[i].Pos, ps[j].Pos
		if a.Line == 0 || b.Line == 0 {
			return a.Line != 0 && b.Line == 0
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// lineIndex converts byte offsets of a source to line:column positions.
type lineIndex struct {
	src    []byte
	starts []int // byte offset of the start of each line
	ascii  bool  // columns are byte counts, found without counting runes
}

func newLineIndex(src []byte) *lineIndex {
	starts := []int{0}
	var high byte
	for i, c := range src {
		high |= c
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts, ascii: high < utf8.RuneSelf}
}

func (li *lineIndex) position(offset int64) Position {
	off := int(min(max(offset, 0), int64(len(li.src))))
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	if li.ascii {
		return Position{Line: line + 1, Col: off - li.starts[line] + 1}
	}
	col := utf8.RuneCount(li.src[li.starts[line]:off]) + 1
	return Position{Line: line + 1, Col: col}
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// encodingProblem reports an empty file or one that is not UTF-8 text, the two
// cases where a parser's own message would mislead.
func encodingProblem(name string, src []byte, lines *lineIndex) (Problem, bool) {
	if len(bytes.TrimSpace(src)) == 0 {
		return Problem{File: name, Msg: "the file is empty"}, true
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, size := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return Problem{File: name, Pos: lines.position(int64(off)),
			Msg: notUTF8JSON(src[off:min(len(src), off+4096)])}, true
	}
	return Problem{}, false
}

// notUTF8JSON says that a JSON file is not UTF-8, naming GBK when it reads
// as GBK.
func notUTF8JSON(sample []byte) string {
	if looksGBK(sample) {
		return "the file is not UTF-8 but GBK (GB18030) Chinese text; JSON is UTF-8: convert it with iconv -f GB18030 -t UTF-8"
	}
	return "the file is not UTF-8 text; save it as UTF-8 (for example from a spreadsheet: CSV UTF-8)"
}
