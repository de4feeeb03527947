package data

import (
	"bytes"
	"math"
	"slices"
	"strconv"
)

// The stream decoder reads a valid file of collab's JSON format straight
// into a Dataset, in one pass over the bytes, without the positional tree:
// a tree of a 100,000-city file takes about ten times the file's size,
// and its positions serve only to report problems. It understands the
// files that have none: at the first thing the tree reader would report
// (a wrong type, an unknown or repeated field, a missing id or position,
// scores that disagree), or anything it does not handle itself (variables,
// counts over the limits), it gives up, and the tree reader
// reads the file again to report every problem at its place, exactly as
// it would have alone. Validation's problems, found later, are located by
// a tree built only then (lazyJSONLocator).
//
// Memory: the file's bytes (held by the caller) and the dataset; time: one
// scan, after json.Valid's.
//
// Options.Place: a city without lat and lon is left unpositioned and
// listed, as the tree reader does, for Options.place.

// streamDecoder holds the scan of one document; it reuses treeParser's
// scanning of strings, numbers and whitespace, with no budget.
type streamDecoder struct {
	p         treeParser
	opts      Options
	neighbors int
	unplaced  []int // the cities without lat and lon, with Options.Place
}

// giveUp is panicked by the stream decoder when the file needs the tree
// reader, and recovered by decodeStream.
type giveUp struct{}

// decodeStream decodes src, valid JSON, when it is a problem-free file of
// collab's format that the stream decoder handles; ok is false otherwise.
// unplaced lists the cities without lat and lon, for Options.Place.
func (o Options) decodeStream(src []byte) (ds *Dataset, unplaced []int, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			if _, mine := v.(giveUp); !mine {
				panic(v)
			}
			ds, unplaced, ok = nil, nil, false
		}
	}()
	d := streamDecoder{p: treeParser{src: src, budget: math.MaxInt}, opts: o}
	ds = d.dataset()
	return ds, d.unplaced, true
}

func (d *streamDecoder) fail() { panic(giveUp{}) }

// next is the first byte of the next value, past whitespace.
func (d *streamDecoder) next() byte {
	d.p.skipSpace()
	return d.p.src[d.p.off]
}

// members calls f with each key of the object that starts here, the
// scanner at the key's value. A key given twice, or one with an escape
// (which might spell a known name), gives up; fields lists the keys the
// object may have.
func (d *streamDecoder) members(fields []string, f func(key int)) {
	if d.next() != '{' {
		d.fail()
	}
	d.p.off++
	var seen uint64
	for {
		switch d.next() {
		case '}':
			d.p.off++
			return
		case ',':
			d.p.off++
			d.p.skipSpace()
		}
		key := d.key(fields)
		if seen&(1<<key) != 0 {
			d.fail()
		}
		seen |= 1 << key
		d.p.skipSpace()
		d.p.off++ // :
		d.p.skipSpace()
		f(key)
	}
}

// key reads an object key and returns its index in fields.
func (d *streamDecoder) key(fields []string) int {
	start := d.p.off + 1
	end := start + bytes.IndexByte(d.p.src[start:], '"')
	if bytes.IndexByte(d.p.src[start:end], '\\') >= 0 {
		d.fail()
	}
	d.p.off = end + 1
	for i, name := range fields {
		if string(d.p.src[start:end]) == name {
			return i
		}
	}
	d.fail()
	return 0
}

// items calls f for each element of the array that starts here, the
// scanner at the element.
func (d *streamDecoder) items(f func()) {
	if d.next() != '[' {
		d.fail()
	}
	d.p.off++
	for {
		switch d.next() {
		case ']':
			d.p.off++
			return
		case ',':
			d.p.off++
			d.p.skipSpace()
		}
		f()
	}
}

func (d *streamDecoder) str() string {
	if d.next() != '"' {
		d.fail()
	}
	return d.p.string()
}

// id reads a city id, a string or a number kept as written.
func (d *streamDecoder) id() string {
	if c := d.next(); c != '"' && c != '-' && (c < '0' || c > '9') {
		d.fail()
	}
	if d.p.src[d.p.off] == '"' {
		return d.p.string()
	}
	return d.p.number()
}

// number reads a number; one too large for float64 is ±Inf, for
// validation to report, as the tree reader leaves it.
func (d *streamDecoder) number() float64 {
	if c := d.next(); c != '-' && (c < '0' || c > '9') {
		d.fail()
	}
	v, _ := strconv.ParseFloat(d.p.number(), 64)
	return v
}

func (d *streamDecoder) boolean() bool {
	switch d.next() {
	case 't':
		d.p.off += len("true")
		return true
	case 'f':
		d.p.off += len("false")
		return false
	}
	d.fail()
	return false
}

// Indexes into datasetFields, cityFields and linkFields.
const (
	dsName = iota
	dsDescription
	dsScoreLabel
	dsNotes
	dsCities
	dsLinks
	dsDirected
)

func (d *streamDecoder) dataset() *Dataset {
	ds := &Dataset{}
	var scores []streamScores
	hasCities := false
	d.members(datasetFields, func(key int) {
		switch key {
		case dsName:
			ds.Name = d.str()
		case dsDescription:
			ds.Description = d.str()
		case dsScoreLabel:
			ds.ScoreLabel = d.str()
		case dsDirected:
			ds.Directed = d.boolean()
		case dsNotes:
			d.items(func() { ds.Notes = append(ds.Notes, d.str()) })
		case dsCities:
			hasCities = true
			d.items(func() {
				if len(ds.Cities) == MaxCities {
					d.fail() // the tree reader says what is too large
				}
				c, s, placeable := d.city()
				if placeable {
					d.unplaced = append(d.unplaced, len(ds.Cities))
				}
				ds.Cities = append(ds.Cities, c)
				scores = append(scores, s)
			})
		case dsLinks:
			d.items(func() {
				if len(ds.Links) == MaxLinks {
					d.fail()
				}
				ds.Links = append(ds.Links, d.link())
			})
		}
	})
	if !hasCities {
		d.fail()
	}
	if ds.Cities == nil {
		ds.Cities = []City{} // as the tree reader leaves "cities": []
	}
	ds.Years = d.panel(ds, scores)
	ds.Input.Format = "JSON"
	return ds
}

// streamScores is what a city said of its scores: one, or by year.
type streamScores struct {
	single bool
	value  float64
	byYear []yearScore // nil when not given
}

type yearScore struct {
	year  int
	score float64
}

const (
	cityID = iota
	cityName
	cityNameLocal
	cityProvince
	cityLat
	cityLon
	cityScore
	cityScoresByYear
	cityPopulation
	cityGDP
	cityNeighbors
	cityVariables
)

// city reads a city; placeable says it has no lat and lon, for
// Options.Place to find.
func (d *streamDecoder) city() (c City, s streamScores, placeable bool) {
	var hasID, hasName, hasLat, hasLon bool
	d.members(cityFields, func(key int) {
		switch key {
		case cityID:
			c.ID, hasID = d.id(), true
		case cityName:
			c.Name, hasName = d.str(), true
		case cityNameLocal:
			c.NameLocal, hasName = d.str(), true
		case cityProvince:
			c.Province = d.str()
		case cityLat:
			c.Lat, hasLat = d.number(), true
		case cityLon:
			c.Lon, hasLon = d.number(), true
		case cityScore:
			s.single, s.value = true, d.number()
		case cityScoresByYear:
			s.byYear = d.scoresByYear()
		case cityPopulation:
			c.Population = d.number()
		case cityGDP:
			c.GDP = d.number()
		case cityNeighbors:
			d.items(func() {
				if d.neighbors++; d.neighbors > MaxNeighbors {
					d.fail()
				}
				c.Neighbors = append(c.Neighbors, d.id())
			})
		default: // variables
			d.fail()
		}
	})
	// As the tree reader's city: a city to be placed may lack its id when
	// it has a name to be placed by.
	placeable = d.opts.Place != nil && !hasLat && !hasLon
	if !hasID && !(placeable && hasName) || !placeable && (!hasLat || !hasLon) || s.single && s.byYear != nil {
		d.fail() // the tree reader reports what is missing, or both score forms
	}
	if placeable {
		c.Lat, c.Lon = unpositioned, unpositioned
	}
	if c.Name == "" {
		c.Name = c.ID
	}
	return c, s, placeable
}

// scoresByYear reads {"2001": 1.6, ...}; a year given twice keeps its last
// score, as the tree reader does.
func (d *streamDecoder) scoresByYear() []yearScore {
	list := []yearScore{}
	if d.next() != '{' {
		d.fail()
	}
	d.p.off++
	for {
		switch d.next() {
		case '}':
			d.p.off++
			return list
		case ',':
			d.p.off++
			d.p.skipSpace()
		}
		year, err := strconv.Atoi(d.p.string())
		if err != nil || year < 1 || year > 9999 {
			d.fail()
		}
		d.p.skipSpace()
		d.p.off++ // :
		v := d.number()
		if k := slices.IndexFunc(list, func(y yearScore) bool { return y.year == year }); k >= 0 {
			list[k].score = v
		} else {
			list = append(list, yearScore{year, v})
		}
	}
}

// panel fills City.Scores and returns the panel's years, giving up where
// the tree reader's panel would report a problem.
func (d *streamDecoder) panel(ds *Dataset, scores []streamScores) []int {
	singles, panels := 0, 0
	years := map[int]bool{}
	for _, s := range scores {
		switch {
		case s.single:
			singles++
		case s.byYear != nil:
			panels++
			for _, y := range s.byYear {
				years[y.year] = true
			}
		}
	}
	switch {
	case singles > 0 && panels > 0:
		d.fail()
	case singles+panels < len(scores) && (!d.opts.ScoreOptional || singles+panels > 0):
		d.fail() // a city without a score
	}
	if panels == 0 {
		for i, s := range scores {
			if s.single {
				ds.Cities[i].Scores = []float64{s.value}
			}
		}
		return nil
	}
	list := make([]int, 0, len(years))
	for y := range years {
		list = append(list, y)
	}
	slices.Sort(list)
	for i, s := range scores {
		if len(s.byYear) != len(list) {
			d.fail() // a year missing
		}
		c := &ds.Cities[i]
		c.Scores = make([]float64, len(list))
		for _, y := range s.byYear {
			k, _ := slices.BinarySearch(list, y.year)
			c.Scores[k] = y.score
		}
	}
	return list
}

const (
	linkSource = iota
	linkTarget
	linkWeight
	linkKind
)

func (d *streamDecoder) link() Link {
	l := Link{Weight: 1}
	d.members(linkFields, func(key int) {
		switch key {
		case linkSource:
			l.Source = d.id()
		case linkTarget:
			l.Target = d.id()
		case linkWeight:
			l.Weight = d.number()
		case linkKind:
			l.Kind = d.str()
		}
	})
	return l
}

// lazyJSONLocator locates validation's problems in a file the stream
// decoder read: the tree reader reads the file again on the first
// problem, and locates that one and the others.
type lazyJSONLocator struct {
	opts  Options
	name  string
	src   []byte
	lines *lineIndex
	tree  *jsonReader
}

func (l *lazyJSONLocator) locate(kind recordKind, i int, field string) Problem {
	if l.tree == nil {
		l.tree = &jsonReader{file: l.name, lines: l.lines, opts: l.opts}
		if root, err := parseTree(l.src, maxTreeSize); err == nil {
			l.tree.dataset(root)
		}
	}
	return l.tree.locate(kind, i, field)
}

func (l *lazyJSONLocator) fileName() string { return l.name }
