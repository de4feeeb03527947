package data

import (
	"bufio"
	"bytes"
	"collab/param"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

//go:embed samples/yrd.json
var sampleYRD []byte

// SampleName labels the embedded sample in messages and reports.
const SampleName = "embedded sample yrd.json"

// Sample returns the embedded Yangtze River Delta sample in the JSON format:
// 41 cities with coordinates, population, contiguity and scores for 2001 and
// 2021. See samples/README.md for its sources and licences.
func Sample() []byte {
	return append([]byte(nil), sampleYRD...)
}

// Options say how to read a user's file: which columns (CSV) or properties
// (GeoJSON) hold the city's id, score and name, and where observed links
// are. The zero value reads the names collab uses: id, score (or
// score_YYYY for a panel), name.
type Options struct {
	ID   string // the column of the city id; default "id"
	Name string // the column of the city name; default "name"; may be ID's column
	// Lat, Lon, Province and NameLocal name those columns where the file
	// calls them otherwise; default the field's own name.
	Lat, Lon, Province, NameLocal string
	// Source, Target and Weight name the columns of a links file; by
	// default source, target and weight, or when the file lacks them a
	// common name (from and to, count).
	Source, Target, Weight string
	// LinksYear is the year whose links are read when the links file has
	// a year column (co-patents by year); 0 reads the panel's latest year,
	// or the file's latest when the cities have no panel.
	LinksYear int
	// LinksDirected marks the links of the Links file as directed
	// (source -> target), as "directed": true does in collab's JSON.
	LinksDirected bool
	// Score names the score column (one cross-section), or the prefix of
	// panel columns Score_YYYY when no column has that exact name: with
	// Score "patents", the columns patents_2001 and patents_2021 make a
	// panel; "patents_2021" reads that one column. Default "score".
	Score string
	// Links, when set, is a CSV file of observed links
	// (source,target[,weight][,kind]) added to the cities' own; LinksName
	// names it in messages.
	Links     io.Reader
	LinksName string
	// Variables, when not nil, names the variables to read (by name, case
	// aside); the file's other columns are then not read. nil reads every
	// numeric column or property as a variable.
	Variables []string
	// ScoreOptional accepts cities without a score, such as a table of
	// indicators to build the score from; when no city has one,
	// City.Scores is nil and the panel's years are those of the variables.
	ScoreOptional bool
	// Missing says what a missing variable value does: MissingError ("",
	// the default) reports it as a Problem at its place, MissingDrop drops
	// the city with a warning listing it.
	Missing string
	// Place, when set, places the cities given without lat and lon (by
	// name or adcode, say): see Placer. A CSV or GeoJSON file may then
	// lack the lat and lon columns, and name its cities by name alone, or
	// by an adcode column when it has no id column.
	Place Placer
}

// OptionError is an Options value that does not fit the input, such as a
// column mapping for collab's JSON format, which names its own fields:
// which option, the value given and why.
type OptionError = param.Error

func (o Options) idColumn() string    { return orDefault(o.ID, "id") }
func (o Options) scoreColumn() string { return orDefault(o.Score, "score") }

// orDefault returns v, or def when v is the zero value.
func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// mappingUnsupported refuses column mappings for a format with fixed field
// names.
func (o Options) mappingUnsupported(format string) error {
	for _, m := range []struct {
		option     param.Name
		value, def string
	}{{"id", o.ID, "id"}, {"score", o.Score, "score"}, {"name", o.Name, "name"},
		{"lat", o.Lat, "lat"}, {"lon", o.Lon, "lon"}, {"province", o.Province, "province"}, {"name-local", o.NameLocal, "name_local"}} {
		if m.value != "" && m.value != m.def {
			return param.Errorf(m.option, m.value, "%s names its own fields; %s maps a column of a CSV file or a property of a GeoJSON file", format, m.option)
		}
	}
	return nil
}

// Read decodes and validates the dataset r holds. name labels it in
// messages (a file's path, "-" for standard input) and its extension gives
// the format: .json (collab's JSON, or GeoJSON when its top level is a
// FeatureCollection), .geojson, .csv, .tsv or .txt (CSV, the delimiter told
// from the header); other names are told from the content. CSV is read row
// by row, in memory proportional to the data kept; JSON whole, within
// MaxFileSize (a stream of unknown size is refused as soon as it passes
// it). When r is an *os.File its size is allocated at once.
func Read(r io.Reader, name string, o Options) (*Dataset, error) {
	ds, err := o.read(name, r, fileSize(r))
	if ds != nil {
		ds.Input.Source = name
	}
	return ds, err
}

// fileSize is the size of r when it is a regular file or a byte reader,
// else 0: a hint for allocating once.
func fileSize(r io.Reader) int64 {
	switch f := r.(type) {
	case *os.File:
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			return info.Size()
		}
	case *bytes.Reader:
		return f.Size()
	}
	return 0
}

// decoded is a dataset as a reader found it, before validation: the
// dataset (nil when there is nothing to validate), where its records are,
// the problems found so far, or an error that is not about the data.
type decoded struct {
	ds       *Dataset
	loc      locator
	problems Problems
	missing  []missingCell
	unplaced []int // the cities without lat and lon, for Options.Place
	err      error
}

func (o Options) read(name string, r io.Reader, size int64) (*Dataset, error) {
	if err := o.checkMissingOption(); err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(r, 64<<10)
	format := formatOf(name, br)
	if p, bad := textProblem(name, br, format); bad {
		return nil, Problems{p}
	}
	var d decoded
	if format == "CSV" {
		d = o.decodeCSV(name, br, size)
	} else {
		src, err := readAll(name, br, size)
		if err != nil {
			return nil, err
		}
		d = o.decodeJSON(name, src, format == "GeoJSON")
	}
	if d.err != nil {
		return nil, d.err
	}
	if o.Links != nil {
		if err := o.addLinks(&d); err != nil {
			return nil, err
		}
	}
	o.place(&d)
	if d.ds != nil {
		if err := countsWithin(name, d.ds); err != nil {
			return nil, err
		}
		d.problems = append(d.problems, validate(d.ds, d.loc)...)
		o.applyMissing(&d)
	}
	return finish(d.ds, d.problems)
}

// formatOf names the format of the file: by its extension, else by its
// first character ({ or [ is JSON, anything else CSV).
func formatOf(name string, br *bufio.Reader) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".tsv", ".txt":
		return "CSV"
	case ".json":
		return "JSON"
	case ".geojson":
		return "GeoJSON"
	}
	head, _ := br.Peek(512)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if len(head) > 0 && (head[0] == '{' || head[0] == '[') {
		return "JSON"
	}
	return "CSV"
}

// textProblem recognises, from the first 64 KiB, text that collab cannot
// read but whose form a message can name: UTF-16 (with or without a byte
// order mark), and a CSV file whose lines end with a carriage return alone
// (Excel's CSV for old Macs), which would otherwise be read as one line.
func textProblem(name string, br *bufio.Reader, format string) (Problem, bool) {
	head, _ := br.Peek(64 << 10)
	if msg, ok := foreignFormat(name, head); ok {
		return Problem{File: name, Msg: msg}, true
	}
	if order := utf16Order(head); order != "" {
		return Problem{File: name, Msg: fmt.Sprintf("the file is UTF-16 text (%s); collab reads UTF-8: save it as UTF-8 (CSV UTF-8 from a spreadsheet), or convert it with iconv -f %s -t UTF-8", order, iconvName(order))}, true
	}
	if format == "CSV" && bytes.Count(head, []byte("\r")) > 1 && !bytes.Contains(head, []byte("\n")) {
		return Problem{File: name, Msg: `its lines end with a carriage return alone (the CSV of Excel for old Macs); save it as CSV UTF-8, or convert it with tr '\r' '\n'`}, true
	}
	return Problem{}, false
}

// iconvName is iconv's name for UTF-16 in order: with a byte order mark
// iconv reads the order from it.
func iconvName(order string) string {
	switch {
	case strings.Contains(order, "with a byte"):
		return "UTF-16"
	case strings.HasPrefix(order, "little"):
		return "UTF-16LE"
	}
	return "UTF-16BE"
}

// utf16Order tells UTF-16 text by its byte order mark, or, without one, by
// zero bytes at every other place (ASCII text in UTF-16); "" otherwise.
func utf16Order(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return "little-endian, with a byte order mark"
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "big-endian, with a byte order mark"
	}
	sample := head[:min(len(head), 4096)&^1]
	if len(sample) < 8 {
		return ""
	}
	var even, odd int
	for i := 0; i < len(sample); i += 2 {
		if sample[i] == 0 {
			even++
		}
		if sample[i+1] == 0 {
			odd++
		}
	}
	pairs := len(sample) / 2
	switch {
	case odd > pairs/2 && even < pairs/8:
		return "little-endian, without a byte order mark"
	case even > pairs/2 && odd < pairs/8:
		return "big-endian, without a byte order mark"
	}
	return ""
}

// addLinks reads the links file of the options and appends its links to
// the dataset's, locating them in that file.
func (o Options) addLinks(d *decoded) error {
	if ext := strings.ToLower(filepath.Ext(o.LinksName)); ext == ".json" || ext == ".geojson" {
		return param.Errorf("links", o.LinksName, "give links as a CSV file with the columns source,target,weight (and optionally kind)")
	}
	links, err := o.readLinksCSV(o.LinksName, bufio.NewReaderSize(o.Links, 64<<10))
	if err != nil {
		return err
	}
	d.problems = append(d.problems, links.problems...)
	if d.ds == nil {
		return nil
	}
	if len(links.problems) == 0 {
		year, p, ok := links.linksOfYear(o.LinksYear, d.ds.Years)
		if !ok {
			d.problems = append(d.problems, p)
			return nil
		}
		d.ds.Input.LinksYear = year
	}
	d.loc = withLinks{d.loc, links.loc, len(d.ds.Links)}
	d.ds.Links = append(d.ds.Links, links.links...)
	d.ds.Directed = d.ds.Directed || o.LinksDirected
	d.ds.Input.LinksFile = o.LinksName
	d.ds.Input.Ignored = append(d.ds.Input.Ignored, links.ignored...)
	return nil
}

// withLinks locates the links that follow the first n in another file.
type withLinks struct {
	locator
	links locator
	n     int
}

func (w withLinks) locate(kind recordKind, i int, field string) Problem {
	if kind == linkRecord && i >= w.n {
		return w.links.locate(kind, i-w.n, field)
	}
	return w.locator.locate(kind, i, field)
}

// finish sorts the problems and returns the dataset, or the problems as the
// error when there are any; warnings are sorted too.
func finish(ds *Dataset, problems Problems) (*Dataset, error) {
	if len(problems) > 0 {
		problems.sortByPosition()
		return nil, problems
	}
	ds.Warnings.sortByPosition()
	return ds, nil
}

// readAll reads r whole; size, when known, is allocated at once, and a
// size over MaxFileSize is refused before anything is read.
func readAll(path string, r io.Reader, size int64) ([]byte, error) {
	if size > MaxFileSize {
		return nil, tooLarge(path, "%d bytes, over the %d MiB a JSON file may have (it is read whole); give the cities as CSV, which is read row by row", size, MaxFileSize>>20)
	}
	src, err := readBounded(r, size, MaxFileSize)
	if errors.Is(err, errOverLimit) {
		return nil, tooLarge(path, "over the %d MiB a JSON file may have (it is read whole); give the cities as CSV, which is read row by row", MaxFileSize>>20)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return src, nil
}

// errOverLimit is readBounded's error past its limit.
var errOverLimit = errors.New("over the limit")

// readChunk is the size of the pieces readBounded reads a stream of
// unknown size in.
const readChunk = 4 << 20

// readBounded reads r whole, failing with errOverLimit as soon as more than
// limit bytes have come, so that a stream of unknown size (standard input)
// makes collab hold at most limit + readChunk bytes before it is refused,
// however long it is. A stream read whole is joined once at the end;
// sizeHint, when known, is allocated at once instead.
func readBounded(r io.Reader, sizeHint, limit int64) ([]byte, error) {
	if sizeHint > 0 {
		buf := bytes.NewBuffer(make([]byte, 0, sizeHint+bytes.MinRead))
		if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
			return nil, err
		}
		if int64(buf.Len()) > limit {
			return nil, errOverLimit
		}
		return buf.Bytes(), nil
	}
	var chunks [][]byte
	var total int64
	for {
		chunk := make([]byte, readChunk)
		n, err := io.ReadFull(r, chunk)
		total += int64(n)
		if total > limit {
			return nil, errOverLimit
		}
		chunks = append(chunks, chunk[:n])
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	return bytes.Join(chunks, nil), nil
}
