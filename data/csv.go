package data

import (
	"bufio"
	"bytes"
	"collab/param"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeCSV reads cities from CSV, row by row: memory grows with the cities
// kept, not with the file. size, when known (else 0), lets the cities be
// allocated once rather than grown by copying.
func (o Options) decodeCSV(name string, br *bufio.Reader, size int64) decoded {
	t, err := newCSVTable(name, br)
	if err != nil || t.problems != nil {
		return decoded{problems: t.problems, err: err}
	}
	o = o.withPlacerColumns(t.header)
	t.setSchema(newSchema(t.header, append(slices.Clip(flatCityFields), "year"), o.cityRename()))
	if t.looksHeaderless([]string{"id", "lat", "lon", "score"}) || !t.cityColumns(o) {
		return decoded{problems: t.problems}
	}
	ds := &Dataset{Name: stem(name), ScoreLabel: o.Score, Years: t.s.years,
		Input: Input{Format: "CSV", Ignored: t.s.ignoredNames()}}
	d := t.decoder()
	d.scoreless = t.s.scoreless()
	long := t.s.longPanel()
	if !long {
		d.vars, ds.Input.Variables = t.s.variableColumns(len(t.s.years) > 0 || d.scoreless, o)
	}
	panel := longPanel{index: map[string]int{}}
	neighbors := 0
	var unplaced []int
	for {
		ok, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return decoded{err: err}
		}
		if !ok {
			continue
		}
		c, hasPosition := d.city()
		if long && panel.add(d, c, len(ds.Cities), t.row) {
			continue // a further year of a city already read
		}
		if o.placeable(d) {
			unplaced = append(unplaced, len(ds.Cities))
		} else if !hasPosition {
			t.report(t.s.column("lat"), "no position: give lat and lon in WGS84 degrees")
		}
		d.variables(len(ds.Cities))
		neighbors += len(c.Neighbors)
		switch {
		case len(ds.Cities) == MaxCities:
			return decoded{err: tooMany(name, MaxCities, "cities")}
		case neighbors > MaxNeighbors:
			return decoded{err: tooMany(name, MaxNeighbors, "neighbours in all")}
		}
		ds.Cities = append(ds.Cities, c)
		t.keep()
		if len(ds.Cities) == sampleRows && size > 0 {
			rows := t.expectedRows(size)
			ds.Cities = slices.Grow(ds.Cities, rows-len(ds.Cities))
			for _, fc := range d.vars {
				fc.values = slices.Grow(fc.values, rows-len(fc.values))
			}
		}
	}
	if long {
		t.problems = append(t.problems, panel.finish(ds, t)...)
	}
	problems, missing := finishVariables(ds, d.vars, name)
	return decoded{ds: ds, loc: t, problems: append(t.problems, problems...), missing: missing, unplaced: unplaced}
}

// cityColumns reports the columns a cities file must have and may not
// repeat; ok is false when the rows cannot be read.
func (t *csvTable) cityColumns(o Options) bool {
	s := t.s
	at := func(col int) Problem { return Problem{File: t.file, Pos: t.headerPos[col], Path: "header"} }
	n := len(t.problems)
	if _, ok := s.col["id"]; !ok && !o.placesBy(s, "id") {
		t.headerProblem(s.missing("id", o.idColumn(), "id", "column: each city needs a unique id"))
	}
	for _, f := range []string{"lat", "lon"} {
		if _, ok := s.col[f]; !ok && !o.placesBy(s, f) {
			t.headerProblem(s.missing(f, f, "", "column: each city needs lat and lon in WGS84 degrees"))
		}
	}
	score, single := s.col["score"]
	switch {
	case !single && len(s.years) == 0 && o.ScoreOptional:
	case !single && len(s.years) == 0:
		t.headerProblem(s.missing("score", o.scoreColumn(), "score",
			fmt.Sprintf("column: give one score per city, or a panel as columns %s_2001, %s_2021, ...", o.scoreColumn(), o.scoreColumn())))
	case single && len(s.years) > 0:
		p := at(score)
		p.Msg = fmt.Sprintf("has both a %q column and panel columns %s_%d...", s.names[score], o.scoreColumn(), s.years[0])
		p.Hint = param.Textf("keep one form, or choose one column with %s", param.Name("score"))
		t.problems = append(t.problems, p)
	}
	t.duplicateColumns()
	return len(t.problems) == n
}

// linksCSV is a links file as read.
type linksCSV struct {
	links    []Link
	years    []int // each link's year, when the file has a year column
	table    *csvTable
	loc      locator
	ignored  []string
	problems Problems
}

// readLinksCSV reads links (source,target[,weight][,kind]) from CSV.
func (o Options) readLinksCSV(name string, br *bufio.Reader) (linksCSV, error) {
	t, err := newCSVTable(name, br)
	if err != nil || t.problems != nil {
		return linksCSV{problems: t.problems}, err
	}
	t.setSchema(newSchema(t.header, append(slices.Clip(flatLinkFields), "year"), o.linkRename(t.header)))
	out := linksCSV{loc: t, table: t, ignored: t.s.ignoredNames()}
	if t.looksHeaderless([]string{"source", "target"}) {
		out.problems = t.problems
		return out, nil
	}
	for _, f := range []string{"source", "target"} {
		if _, ok := t.s.col[f]; !ok {
			t.headerProblem(t.s.missing(f, orDefault(map[string]string{"source": o.Source, "target": o.Target}[f], f), param.Name(f), "column: a link joins a source and a target city, by id"))
		}
	}
	t.duplicateColumns()
	if t.problems != nil {
		out.problems = t.problems
		return out, nil
	}
	d := t.decoder()
	for {
		ok, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, err
		}
		if ok && len(out.links) == MaxLinks {
			return out, tooMany(name, MaxLinks, "links")
		}
		if ok {
			out.links = append(out.links, d.link())
			if y, dated := d.rowYear(); dated {
				out.years = append(out.years, y)
			}
			t.keep()
		}
	}
	out.problems = t.problems
	return out, nil
}

// csvTable reads a CSV file row by row: it strips a byte-order mark, tells
// the delimiter from the header line, reads the header, and reports every
// bad row with its line. It keeps, for each row it accepts, the positions of
// the columns collab reads, and locates problems for validation.
type csvTable struct {
	file      string
	r         *csv.Reader
	limit     *recordLimit
	endLine   int // the last line of the last record read
	delim     rune
	header    []string
	headerPos []Position
	s         *schema
	used      []int // the columns whose positions are kept
	slot      []int // column -> index into used, or -1
	row       int   // the current data row, from 1
	record    []string
	cur       []Position // positions of the used columns in the current row
	rows      []int32    // data row of each kept row
	lines     []int32    // first line of each kept row
	pos       []int32    // line and column of each used column of each kept row
	problems  Problems
}

// newCSVTable reads the header. Problems that leave no header to read are
// in t.problems; err is an input error.
func newCSVTable(name string, br *bufio.Reader) (*csvTable, error) {
	t := &csvTable{file: name}
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	t.delim = detectDelimiter(br)
	t.limit = &recordLimit{r: br, limit: MaxRecordSize}
	t.r = csv.NewReader(t.limit)
	t.r.Comma = t.delim
	t.r.FieldsPerRecord = -1 // wrong counts are reported row by row, not as the first error
	t.r.ReuseRecord = true
	header, err := t.read()
	var pe *csv.ParseError
	switch {
	case errors.Is(err, errRecordTooLarge):
		t.problems = Problems{t.recordTooLarge()}
		return t, nil
	case err == io.EOF:
		t.problems = Problems{{File: name, Msg: "the file is empty; the first line must be a header naming the columns, such as id,name,lat,lon,score"}}
		return t, nil
	case errors.As(err, &pe):
		t.problems = Problems{t.parseProblem(pe, header)}
		return t, nil
	case err != nil:
		return t, fmt.Errorf("%s: %w", name, err)
	}
	if p, bad := t.encodingProblem(header); bad {
		t.problems = Problems{p}
		return t, nil
	}
	t.header = make([]string, len(header))
	t.headerPos = make([]Position, len(header))
	all := make([]int, len(header))
	for i, h := range header {
		t.header[i] = strings.Clone(strings.TrimSpace(h))
		all[i] = i
	}
	t.charColumns(header, all, t.headerPos)
	return t, nil
}

// detectDelimiter picks the most frequent of comma, tab and semicolon
// outside quotes on the first line (a comma when there is a tie or none).
func detectDelimiter(br *bufio.Reader) rune {
	head, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	counts := map[byte]int{}
	quoted := false
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted:
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{'\t', ';'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

func (t *csvTable) setSchema(s *schema) {
	t.s = s
	t.used = s.used()
	t.slot = make([]int, len(s.names))
	for i := range t.slot {
		t.slot[i] = -1
	}
	for k, c := range t.used {
		t.slot[c] = k
	}
	t.cur = make([]Position, len(t.used))
}

func (t *csvTable) decoder() *flatDecoder {
	return &flatDecoder{s: t.s, decimalComma: t.delim == ';', get: t.get, report: t.report, locate: t.at}
}

func (t *csvTable) get(col int) flatValue {
	if col < 0 || col >= len(t.record) || strings.TrimSpace(t.record[col]) == "" {
		return flatValue{kind: kindNull}
	}
	return flatValue{text: t.record[col], kind: kindString}
}

// report places a problem at column col of the current row.
func (t *csvTable) report(col int, format string, args ...any) {
	p := t.at(col)
	p.Msg = fmt.Sprintf(format, args...)
	t.problems = append(t.problems, p)
}

// at is the place of column col of the current row: its position is kept
// for the columns collab reads, and found for others (variables) only
// when a problem needs it.
func (t *csvTable) at(col int) Problem {
	p := Problem{File: t.file, Path: fmt.Sprintf("row %d", t.row)}
	if col >= 0 {
		p.Path += ", " + t.s.names[col]
		if k := t.slot[col]; k >= 0 {
			p.Pos = t.cur[k]
		} else if col < len(t.record) {
			pos := make([]Position, 1)
			t.charColumns(t.record, []int{col}, pos)
			p.Pos = pos[0]
		}
	}
	if p.Pos.Line == 0 {
		line, _ := t.r.FieldPos(0)
		p.Pos = Position{Line: line}
	}
	return p
}

func (t *csvTable) headerProblem(msg string, hint param.Message) {
	t.problems = append(t.problems, Problem{File: t.file, Pos: Position{Line: t.headerPos[0].Line}, Path: "header", Msg: msg, Hint: hint})
}

func (t *csvTable) duplicateColumns() {
	for _, c := range t.s.dups {
		t.problems = append(t.problems, Problem{File: t.file, Pos: t.headerPos[c], Path: "header",
			Msg: fmt.Sprintf("column %q appears twice; keep one", t.header[c])})
	}
}

// looksHeaderless reports a first line that holds data rather than column
// names: none of the required columns and a number among its fields.
func (t *csvTable) looksHeaderless(required []string) bool {
	for _, f := range required {
		if _, ok := t.s.col[f]; ok {
			return false
		}
	}
	if t.s.years != nil {
		return false
	}
	for i, h := range t.header {
		if _, err := strconv.ParseFloat(h, 64); err == nil {
			t.problems = append(t.problems, Problem{File: t.file, Pos: t.headerPos[i], Path: "header",
				Msg: fmt.Sprintf("the first line must be a header naming the columns, such as %s; this one looks like data (%q is a number)", strings.Join(required, ","), h)})
			return true
		}
	}
	return false
}

// next reads the next row into t.record and t.cur. ok is false for a row
// that was reported and skipped; err is io.EOF at the end, or an input
// error.
func (t *csvTable) next() (ok bool, err error) {
	rec, err := t.read()
	if err == io.EOF {
		return false, err
	}
	t.row++
	if errors.Is(err, errRecordTooLarge) {
		t.problems = append(t.problems, t.recordTooLarge())
		return false, io.EOF // the rest of the file cannot be told apart
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		t.problems = append(t.problems, t.parseProblem(pe, rec))
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: %w", t.file, err)
	}
	if p, bad := t.encodingProblem(rec); bad {
		t.problems = append(t.problems, p)
		return false, io.EOF // the rest of the file is in the same encoding
	}
	line, _ := t.r.FieldPos(0)
	if !t.fieldCountOK(rec) {
		t.problems = append(t.problems, Problem{File: t.file, Pos: Position{line, 1}, Path: fmt.Sprintf("row %d", t.row),
			Msg: fmt.Sprintf("has %d fields; the header has %d columns (quote a field that holds the delimiter %q, as in \"Suzhou, Jiangsu\")", len(rec), len(t.header), t.delim)})
		return false, nil
	}
	t.record = rec
	t.charColumns(rec, t.used, t.cur)
	return true, nil
}

// read reads the next record, at most MaxRecordSize bytes, and notes
// where it ends.
func (t *csvTable) read() ([]string, error) {
	t.limit.reset()
	rec, err := t.r.Read()
	var pe *csv.ParseError
	switch {
	case errors.As(err, &pe):
		t.endLine = pe.Line
	case err == nil && len(rec) > 0:
		line, _ := t.r.FieldPos(len(rec) - 1)
		t.endLine = line + strings.Count(rec[len(rec)-1], "\n")
	}
	return rec, err
}

// recordTooLarge reports a record over MaxRecordSize, which starts after
// the last one read.
func (t *csvTable) recordTooLarge() Problem {
	p := Problem{File: t.file, Pos: Position{Line: t.endLine + 1},
		Msg: fmt.Sprintf("the record that starts here is over %d MiB; is this a CSV file, or does a quoted field lack its closing quote?", t.limit.limit>>20)}
	if t.row > 0 {
		p.Path = fmt.Sprintf("row %d", t.row)
	}
	return p
}

// fieldCountOK accepts a row with the header's number of fields, or more
// when the extra ones are empty (spreadsheets write trailing delimiters).
func (t *csvTable) fieldCountOK(rec []string) bool {
	if len(rec) < len(t.header) {
		return false
	}
	for _, f := range rec[len(t.header):] {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// sampleRows is how many rows are read before the rest of a file of known
// size is estimated from them.
const sampleRows = 1000

// expectedRows estimates the rows of a file of size bytes from the bytes the
// rows so far took, with a margin, and reserves room for their positions.
func (t *csvTable) expectedRows(size int64) int {
	rows := int(float64(size)/float64(max(t.r.InputOffset(), 1))*float64(len(t.rows))*1.05) + 16
	more := max(rows-len(t.rows), 0)
	t.rows = slices.Grow(t.rows, more)
	t.lines = slices.Grow(t.lines, more)
	t.pos = slices.Grow(t.pos, more*2*len(t.used))
	return len(t.rows) + more
}

// keep records the positions of the current row for validation.
func (t *csvTable) keep() {
	line, _ := t.r.FieldPos(0)
	t.rows = append(t.rows, int32(t.row))
	t.lines = append(t.lines, int32(line))
	for _, p := range t.cur {
		t.pos = append(t.pos, int32(p.Line), int32(p.Col))
	}
}

// charColumn converts a byte column of csv.Reader (FieldPos, ParseError)
// into characters: what precedes it on its line is the earlier fields of
// rec on that line, whose quotes and delimiters are ASCII.
func (t *csvTable) charColumn(rec []string, line, byteCol int) int {
	excess := 0
	for j, f := range rec {
		l, c := t.r.FieldPos(j)
		if l > line || (l == line && c >= byteCol) {
			break
		}
		if nl := strings.LastIndexByte(f, '\n'); nl >= 0 {
			if l+strings.Count(f, "\n") != line {
				continue // the field ends on an earlier line
			}
			excess = 0
			f = f[nl+1:]
		} else if l != line {
			continue // the field is on an earlier line
		}
		excess += len(f) - utf8.RuneCountInString(f)
	}
	return byteCol - excess
}

// charColumns sets out[k] to the line and column, in characters, of field
// cols[k] of rec (cols ascending), in one pass over the record: columns
// converted one by one would cost the square of the fields of a wide row.
func (t *csvTable) charColumns(rec []string, cols []int, out []Position) {
	k, line, excess := 0, -1, 0
	for j := 0; j < len(rec) && k < len(cols); j++ {
		l, c := t.r.FieldPos(j)
		if l != line {
			line, excess = l, 0
		}
		if j == cols[k] {
			out[k] = Position{l, c - excess}
			k++
		}
		f := rec[j]
		if nl := strings.LastIndexByte(f, '\n'); nl >= 0 {
			line, excess, f = l+strings.Count(f, "\n"), 0, f[nl+1:] // the field ends on a later line
		}
		excess += len(f) - utf8.RuneCountInString(f)
	}
}

func (t *csvTable) parseProblem(pe *csv.ParseError, rec []string) Problem {
	p := Problem{File: t.file, Pos: Position{pe.Line, t.charColumn(rec, pe.Line, pe.Column)}}
	if t.row > 0 {
		p.Path = fmt.Sprintf("row %d", t.row)
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		p.Msg = `a quote (") inside a field that does not start with one; quote the whole field and double the quotes in it, as in "the ""Venice"" of China"`
	case pe.Line > pe.StartLine:
		p.Msg = fmt.Sprintf(`the quoted field that starts on line %d is not closed, or a quote in it is not doubled; end a quoted field with a quote and write a quote inside it as ""`, pe.StartLine)
	default:
		p.Msg = `a quoted field is not closed, or a quote in it is not doubled; end a quoted field with a quote and write a quote inside it as ""`
	}
	return p
}

// encodingProblem reports a field that is not UTF-8, once for the file.
func (t *csvTable) encodingProblem(rec []string) (Problem, bool) {
	for j, f := range rec {
		if !utf8.ValidString(f) {
			line, col := t.r.FieldPos(j)
			return Problem{File: t.file, Pos: Position{line, t.charColumn(rec, line, col)},
				Msg: notUTF8Message([]byte(f))}, true
		}
	}
	return Problem{}, false
}

// fileName implements locator.
func (t *csvTable) fileName() string { return t.file }

// locate implements locator: the row of record i, at the column of field.
func (t *csvTable) locate(_ recordKind, i int, field string) Problem {
	if i >= len(t.rows) {
		return Problem{File: t.file}
	}
	p := Problem{File: t.file, Path: fmt.Sprintf("row %d", t.rows[i]), Pos: Position{int(t.lines[i]), 1}}
	if col := t.s.column(field); col >= 0 && t.slot[col] >= 0 {
		k := 2 * (i*len(t.used) + t.slot[col])
		p.Pos = Position{int(t.pos[k]), int(t.pos[k+1])}
		p.Path += ", " + t.s.names[col]
	}
	return p
}

// stem is a file's name without directory and extension: a CSV file's
// dataset name.
func stem(path string) string {
	if path == "-" {
		return ""
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
