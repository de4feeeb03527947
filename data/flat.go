package data

import (
	"collab/param"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The fields of a flat city record (a CSV row, or a GeoJSON feature's
// properties) and of a link row. A panel's scores are columns score_YYYY;
// other columns are ignored and listed in Dataset.Input.Ignored.
var (
	flatCityFields = []string{"id", "name", "name_local", "province", "lat", "lon", "score", "population", "gdp", "neighbors"}
	flatLinkFields = []string{"source", "target", "weight", "kind"}
)

// schema maps the columns of a CSV header, or the property names of GeoJSON
// features, to the fields of a record. Names match case-insensitively, with
// surrounding spaces trimmed.
type schema struct {
	names   []string       // the columns as the file names them
	col     map[string]int // field -> column; absent when the file lacks it
	years   []int          // a panel's years, ascending, from columns <score>_YYYY
	yearCol []int          // the column of each year
	ignored []int          // columns collab does not read
	dups    []int          // columns that repeat an earlier column's name
	// scalar, when set, reports whether a column holds only strings,
	// numbers and nulls, so that it can be suggested as a field (GeoJSON,
	// whose properties may hold objects).
	scalar func(col int) bool
	// numeric, when set, reports whether a column holds numbers only (and
	// nulls): a column suggested for a numeric field must, or mapping it
	// would fail.
	numeric func(col int) bool
}

// newSchema maps names to fields; rename gives the file's name of a field
// where it is not the field's own (Options.ID, Name, Score). When the score
// column is absent, columns <score>_YYYY make a panel.
func newSchema(names, fields []string, rename map[string]string) *schema {
	s := &schema{names: names, col: map[string]int{}}
	// One column may hold several fields (--id city --name city: the name
	// is the id).
	want := map[string][]string{}
	for _, f := range fields {
		key := strings.ToLower(orDefault(rename[f], f))
		want[key] = append(want[key], f)
	}
	scorePrefix := ""
	if slices.Contains(fields, "score") {
		scorePrefix = strings.ToLower(orDefault(rename["score"], "score")) + "_"
	}
	seen := map[string]bool{}
	years := map[int]int{}
	for i, raw := range names {
		key := strings.ToLower(strings.TrimSpace(raw))
		if key == "" {
			s.ignored = append(s.ignored, i)
			continue
		}
		if seen[key] {
			s.dups = append(s.dups, i)
			continue
		}
		seen[key] = true
		if fs, ok := want[key]; ok {
			for _, f := range fs {
				s.col[f] = i
			}
			continue
		}
		if y, ok := panelYear(key, scorePrefix); ok {
			years[y] = i
			continue
		}
		s.ignored = append(s.ignored, i)
	}
	for y := range years {
		s.years = append(s.years, y)
	}
	slices.Sort(s.years)
	for _, y := range s.years {
		s.yearCol = append(s.yearCol, years[y])
	}
	return s
}

// panelYear reads the year of a panel column such as score_2021.
func panelYear(key, prefix string) (int, bool) {
	if prefix == "" || !strings.HasPrefix(key, prefix) {
		return 0, false
	}
	digits := key[len(prefix):]
	y, err := strconv.Atoi(digits)
	if err != nil || len(digits) != 4 || y < 1 {
		return 0, false
	}
	return y, true
}

// column returns the column of a field as validation names it ("lat",
// "scores.2021"), or -1.
func (s *schema) column(field string) int {
	if y, ok := strings.CutPrefix(field, "scores."); ok {
		year, _ := strconv.Atoi(y)
		if k := slices.Index(s.years, year); k >= 0 {
			return s.yearCol[k]
		}
		return -1
	}
	if c, ok := s.col[field]; ok {
		return c
	}
	return -1
}

// scoreless says whether the schema has no score column, single or panel.
func (s *schema) scoreless() bool {
	_, single := s.col["score"]
	return !single && len(s.years) == 0
}

// used lists the columns collab reads, in column order.
func (s *schema) used() []int {
	var cols []int
	for _, c := range s.col {
		cols = append(cols, c)
	}
	cols = append(cols, s.yearCol...)
	slices.Sort(cols)
	return slices.Compact(cols) // a column holding two fields is read once
}

// ignoredNames lists the ignored columns by name.
func (s *schema) ignoredNames() []string {
	var out []string
	for _, c := range s.ignored {
		if name := strings.TrimSpace(s.names[c]); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// numericFields are the fields whose values must be numbers.
var numericFields = map[string]bool{"score": true, "lat": true, "lon": true, "population": true, "gdp": true}

// missing says that the file lacks the column of field, naming a column
// that looks like it (lng for lon) and how to map it when a flag can.
func (s *schema) missing(field, fileName string, option param.Name, what string) (string, param.Message) {
	msg := fmt.Sprintf("no %q %s", fileName, what)
	for _, c := range s.ignored {
		if s.scalar != nil && !s.scalar(c) {
			continue // mapping it would fail: its values are objects or lists
		}
		if s.numeric != nil && numericFields[field] && !s.numeric(c) {
			continue // mapping it would fail: its values are not numbers
		}
		if suggest(s.names[c], []string{field}) == field || suggest(s.names[c], []string{fileName}) == fileName {
			if option != "" {
				return msg, param.Textf("%q looks like it: map it with %s %s", s.names[c], option, s.names[c])
			}
			return msg, param.Textf("%q looks like it: rename that column to %s", s.names[c], fileName)
		}
	}
	if option != "" {
		return msg, param.Textf("name yours with %s", option)
	}
	return msg, param.Message{}
}

// flatValue is one value of a flat record: a CSV field or a GeoJSON
// property.
type flatValue struct {
	text string   // a string, or a number's literal
	kind nodeKind // kindString for a CSV field; kindNull when empty or absent
	list []string // the elements of an array (GeoJSON neighbours)
}

// flatDecoder turns flat records into cities and links: get returns a
// column's value in the current record and report places a problem at a
// column of it.
type flatDecoder struct {
	s            *schema
	decimalComma bool // "31,3" is 31.3 (semicolon-separated files from European spreadsheets)
	get          func(col int) flatValue
	report       func(col int, format string, args ...any)
	// locate is the place of column col in the current record.
	locate func(col int) Problem
	// vars are the columns that may hold variables (variables.go).
	vars []*flatColumn
	// scoreless: the file has no score, which Options.ScoreOptional allows.
	scoreless bool
}

func (d *flatDecoder) value(field string) (flatValue, int) {
	c, ok := d.s.col[field]
	if !ok {
		return flatValue{}, -1
	}
	return d.get(c), c
}

// text returns a field's text, copied so that the dataset does not keep
// the whole record alive.
func (d *flatDecoder) text(field string) string {
	v, _ := d.value(field)
	return strings.Clone(strings.TrimSpace(v.text))
}

// city decodes the current record. hasPosition says whether lat and lon
// were both given; a position given halfway is reported.
func (d *flatDecoder) city() (c City, hasPosition bool) {
	c.ID = d.text("id")
	c.Name = orDefault(d.text("name"), c.ID)
	c.NameLocal = d.text("name_local")
	c.Province = d.text("province")
	c.Lat, _ = d.number("lat", "degrees north, between -90 and 90")
	c.Lon, _ = d.number("lon", "degrees east, between -180 and 180")
	latGiven, lonGiven := d.given("lat"), d.given("lon")
	switch {
	case latGiven && !lonGiven:
		d.report(d.s.column("lat"), "lat is given without lon; give both, in WGS84 degrees")
	case lonGiven && !latGiven:
		d.report(d.s.column("lon"), "lon is given without lat; give both, in WGS84 degrees")
	}
	c.Population, _ = d.number("population", "a number of people")
	c.GDP, _ = d.number("gdp", "a number")
	c.Scores = d.scores()
	c.Neighbors = d.neighbors()
	return c, latGiven && lonGiven
}

// given says whether the record has a value for field.
func (d *flatDecoder) given(field string) bool {
	v, _ := d.value(field)
	return v.kind != kindNull
}

// scores reads the score column, or each year's column of a panel; a
// missing value is reported. A value that is not a number is reported by
// numberAt and left NaN, which validation passes over.
func (d *flatDecoder) scores() []float64 {
	const meaning = "scores are numbers >= 0"
	cols, years := d.s.yearCol, d.s.years
	if d.scoreless {
		return nil
	}
	if len(years) == 0 {
		cols = []int{d.s.column("score")}
	}
	scores := make([]float64, len(cols))
	for k, col := range cols {
		scores[k], _ = d.numberAt(col, meaning)
		switch {
		case d.get(col).kind != kindNull:
		case len(years) == 0:
			d.report(col, "no score; every city needs one (%s)", meaning)
		default:
			d.report(col, "no score for %d; every city needs a score for each year of the panel (%s)", years[k], joinInts(years))
		}
	}
	return scores
}

// neighbors reads a list of ids separated by semicolons (or a GeoJSON
// array).
func (d *flatDecoder) neighbors() []string {
	v, _ := d.value("neighbors")
	if v.list != nil {
		return v.list
	}
	var ids []string
	for id := range strings.SplitSeq(v.text, ";") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, strings.Clone(id))
		}
	}
	return ids
}

// number reads an optional number field; ok is false when it is absent or
// empty (the value is then NaN, or 0 for population and gdp).
func (d *flatDecoder) number(field, meaning string) (float64, bool) {
	c, present := d.s.col[field]
	if !present {
		return d.absent(field), false
	}
	v, ok := d.numberAt(c, meaning)
	if !ok {
		return d.absent(field), false
	}
	return v, true
}

func (d *flatDecoder) absent(field string) float64 {
	if field == "population" || field == "gdp" {
		return 0
	}
	return math.NaN()
}

// numberAt reads the number in column col; a value that is not a number is
// reported, and ok is false for it and for an empty value.
func (d *flatDecoder) numberAt(col int, meaning string) (v float64, ok bool) {
	val := d.get(col)
	switch val.kind {
	case kindNull:
		return math.NaN(), false
	case kindNumber, kindString:
		text := strings.TrimSpace(val.text)
		if d.decimalComma && strings.Count(text, ",") == 1 && !strings.Contains(text, ".") {
			text = strings.Replace(text, ",", ".", 1)
		}
		x, err := strconv.ParseFloat(text, 64)
		if (err != nil && !isRangeError(err)) || math.IsNaN(x) {
			d.report(col, "%q is not a number (%s)", val.text, meaning)
			return math.NaN(), false
		}
		return x, true // an out-of-range literal is ±Inf, reported by validation
	}
	d.report(col, "must be a number (%s), not %s", meaning, val.kind)
	return math.NaN(), false
}

func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// link decodes the current record as a link.
func (d *flatDecoder) link() Link {
	l := Link{Source: d.text("source"), Target: d.text("target"), Kind: d.text("kind"), Weight: 1}
	for _, f := range []string{"source", "target"} {
		if v, c := d.value(f); c >= 0 && v.kind == kindNull {
			d.report(c, "the %s is empty; give the id of a city", f)
		}
	}
	if w, ok := d.number("weight", "weights are numbers >= 0; leave it empty for 1"); ok {
		l.Weight = w
	}
	return l
}
