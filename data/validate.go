package data

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"collab/geom"
)

// MinCities is the smallest region the analysis accepts: with fewer cities
// betweenness, standard deviations and spatial statistics are undefined.
const MinCities = 3

// MaxValue bounds scores and link weights. The analysis multiplies two
// scores (the gravity model) and sums squares over the cities (standard
// deviations, Moran's I); below 1e100 neither can overflow float64, whose
// largest value is about 1.8e308, while any real index, count or sum of
// money fits with room to spare.
const MaxValue = 1e100

type recordKind int

const (
	cityRecord recordKind = iota
	linkRecord
)

// locator tells validation where a record's field sits in the source files,
// so that one validation serves every input format. Fields are named as in
// collab's JSON format; a panel's score for a year is "scores.2021".
type locator interface {
	// fileName is the cities' file, where problems of the whole dataset go.
	fileName() string
	// locate returns a Problem with the file, position and path of field
	// in record i (of the record itself when field is "" or absent).
	locate(kind recordKind, i int, field string) Problem
}

// checker collects the problems and warnings of one dataset.
type checker struct {
	ds        *Dataset
	loc       locator
	problems  Problems
	suggested int // unknown ids looked up by nearID
	similar   map[string]*similar
	warnKinds []string // the formats of similar, in the order first seen
}

func (c *checker) report(kind recordKind, i int, field, format string, args ...any) {
	p := c.loc.locate(kind, i, field)
	p.Msg = fmt.Sprintf(format, args...)
	c.problems = append(c.problems, p)
}

// warn records a warning; past the first similarWarnings of one kind (one
// format), the others are only counted, and summarised at the end.
func (c *checker) warn(kind recordKind, i int, field, format string, args ...any) {
	if c.similar == nil {
		c.similar = map[string]*similar{}
	}
	s := c.similar[format]
	if s == nil {
		s = &similar{}
		c.similar[format] = s
		c.warnKinds = append(c.warnKinds, format)
	}
	s.count++
	if s.count > similarWarnings {
		return
	}
	p := c.loc.locate(kind, i, field)
	p.Msg = fmt.Sprintf(format, args...)
	if s.count == 1 {
		s.first = p
	}
	c.ds.Warnings = append(c.ds.Warnings, p)
}

// similarWarnings is how many warnings of one kind are listed; 100,000
// repeated neighbours gave 99,999 lines.
const similarWarnings = 5

// similar counts the warnings of one kind.
type similar struct {
	count int
	first Problem
}

// summariseWarnings adds, for each kind of warning given more than
// similarWarnings times, one warning that counts the rest.
func (c *checker) summariseWarnings() {
	for _, format := range c.warnKinds {
		if s := c.similar[format]; s.count > similarWarnings {
			c.ds.Warnings = append(c.ds.Warnings, Problem{File: s.first.File,
				Msg: fmt.Sprintf("%d more warnings like the one at %s (%s): only the first %d are listed", s.count-similarWarnings, placeOf(s.first, s.first.File), s.first.Path, similarWarnings)})
		}
	}
}

// validate checks what a well-formed dataset must satisfy beyond its syntax:
// unique ids, coordinates in range, finite non-negative scores, neighbours and
// links that name real cities. Doubtful but usable data become warnings on
// the dataset.
func validate(ds *Dataset, loc locator) Problems {
	c := &checker{ds: ds, loc: loc}
	if len(ds.Cities) < MinCities {
		c.problems = append(c.problems, Problem{File: loc.fileName(),
			Msg: fmt.Sprintf("the region has %d %s; the analysis needs at least %d", len(ds.Cities), map[bool]string{true: "city", false: "cities"}[len(ds.Cities) == 1], MinCities)})
	}
	trimIDs(ds)
	index := c.ids()
	adjacent := adjacency(ds, index)
	for i := range ds.Cities {
		c.coordinates(i)
		c.scores(i)
		c.sizes(i)
		c.neighbors(i, index, adjacent)
	}
	c.links(index)
	c.sharedCoordinates()
	c.swappedCoordinates()
	c.summariseWarnings()
	return c.problems
}

// trimIDs drops the white space around every id, neighbour and link end,
// in every format alike: "310100" and "310100 " are one city (a CSV reader
// trims its fields; a JSON one did not, and took them for two).
func trimIDs(ds *Dataset) {
	for i := range ds.Cities {
		c := &ds.Cities[i]
		c.ID = strings.TrimSpace(c.ID)
		for k, nb := range c.Neighbors {
			c.Neighbors[k] = strings.TrimSpace(nb)
		}
	}
	for i := range ds.Links {
		l := &ds.Links[i]
		l.Source, l.Target = strings.TrimSpace(l.Source), strings.TrimSpace(l.Target)
	}
}

// sizes checks a city's population and GDP: finite, >= 0 and at most
// MaxValue when given (0 means not given).
func (c *checker) sizes(i int) {
	city := c.ds.Cities[i]
	for _, f := range []struct {
		field string
		value float64
	}{{"population", city.Population}, {"gdp", city.GDP}} {
		switch v := f.value; {
		case math.IsNaN(v):
			// a value the reader could not read, and has reported
		case math.IsInf(v, 0):
			c.report(cityRecord, i, f.field, "%s is not a finite number; give it as a number >= 0, or leave it out", f.field)
		case v < 0:
			c.report(cityRecord, i, f.field, "%s is %g; it must be >= 0 (leave it out when not known)", f.field, v)
		case v > MaxValue:
			c.report(cityRecord, i, f.field, "%s is %g; it must be at most %g", f.field, v, float64(MaxValue))
		}
	}
}

// ids checks that every id is present and unique and returns the index of the
// first city with each id.
func (c *checker) ids() map[string]int {
	index := make(map[string]int, len(c.ds.Cities))
	for i, city := range c.ds.Cities {
		if strings.TrimSpace(city.ID) == "" {
			c.report(cityRecord, i, "id", "the id is empty; give each city a unique id such as its administrative code")
			continue
		}
		if first, dup := index[city.ID]; dup {
			p := c.loc.locate(cityRecord, first, "")
			c.report(cityRecord, i, "id", "id %q is used twice (first by %s at %s); ids must be unique", city.ID, p.Path, placeOf(p, c.loc.locate(cityRecord, i, "").File))
			continue
		}
		index[city.ID] = i
	}
	return index
}

func (c *checker) coordinates(i int) {
	city := c.ds.Cities[i]
	latBad := math.IsNaN(city.Lat) || math.Abs(city.Lat) > 90
	lonBad := math.IsNaN(city.Lon) || math.Abs(city.Lon) > 180
	swapped := latBad && !lonBad && math.Abs(city.Lat) <= 180 && math.Abs(city.Lon) <= 90
	hint := ""
	if swapped {
		hint = fmt.Sprintf(" (lat %g and lon %g look swapped)", city.Lat, city.Lon)
	}
	if latBad && !math.IsNaN(city.Lat) {
		c.report(cityRecord, i, "lat", "lat %g is outside [-90, 90]%s", city.Lat, hint)
	}
	if lonBad && !math.IsNaN(city.Lon) {
		c.report(cityRecord, i, "lon", "lon %g is outside [-180, 180]", city.Lon)
	}
}

func (c *checker) scores(i int) {
	for k, s := range c.ds.Cities[i].Scores {
		if !math.IsInf(s, 0) && !(s < 0) && !(s > MaxValue) {
			continue // NaN is a value the reader could not read, and has reported
		}
		field, year := "score", ""
		if len(c.ds.Years) > 0 {
			field, year = panelField(c.ds.Years[k]), fmt.Sprintf(" for %d", c.ds.Years[k])
		}
		switch {
		case math.IsInf(s, 0):
			c.report(cityRecord, i, field, "the score%s is not a finite number; scores must be finite and >= 0", year)
		case s < 0:
			c.report(cityRecord, i, field, "the score%s is %g; scores must be >= 0", year, s)
		default:
			c.report(cityRecord, i, field, "the score%s is %g; scores must be at most %g: rescale them (say, to millions)", year, s, MaxValue)
		}
	}
}

// neighbors checks city i's neighbours; adjacent lists, for each city, the
// cities it names as neighbours, so that a one-sided listing is found by a
// binary search rather than a scan of the other city's list (a hub listed
// by every city of a large region would make that quadratic).
func (c *checker) neighbors(i int, index map[string]int, adjacent [][]int32) {
	city := c.ds.Cities[i]
	var listed map[string]bool // for long lists; short ones are scanned
	if len(city.Neighbors) > 16 {
		listed = make(map[string]bool, len(city.Neighbors))
	}
	for k, nb := range city.Neighbors {
		j, ok := index[nb]
		twice := false
		if listed != nil {
			twice = listed[nb]
			listed[nb] = true
		} else {
			twice = slices.Contains(city.Neighbors[:k], nb)
		}
		switch {
		case nb == city.ID:
			c.report(cityRecord, i, "neighbors", "%q lists itself as a neighbour", nb)
		case !ok:
			c.report(cityRecord, i, "neighbors", "neighbour %q is not the id of any city%s", nb, c.nearID(nb, index))
		case twice:
			c.warn(cityRecord, i, "neighbors", "neighbour %q is listed twice; counted once", nb)
		case !containsSorted(adjacent[j], int32(i)):
			c.warn(cityRecord, i, "neighbors", "%q lists %q as a neighbour but %q does not list %q; they are taken as neighbours both ways", city.ID, nb, nb, city.ID)
		}
	}
}

// adjacency lists, for each city, the indices of the cities it names as
// neighbours, ascending.
func adjacency(ds *Dataset, index map[string]int) [][]int32 {
	adj := make([][]int32, len(ds.Cities))
	for i, city := range ds.Cities {
		for _, nb := range city.Neighbors {
			if j, ok := index[nb]; ok {
				adj[i] = append(adj[i], int32(j))
			}
		}
		slices.Sort(adj[i])
	}
	return adj
}

func containsSorted(xs []int32, x int32) bool {
	_, found := slices.BinarySearch(xs, x)
	return found
}

// panelField names the score of one year of a panel for locators.
func panelField(year int) string { return "scores." + strconv.Itoa(year) }

// placeOf says where p is, for a message about a problem in file: "line 9",
// or "line 9 of links.csv" when p is in another file.
func placeOf(p Problem, file string) string {
	if p.File != file {
		return fmt.Sprintf("line %d of %s", p.Pos.Line, p.File)
	}
	return fmt.Sprintf("line %d", p.Pos.Line)
}

// nearID suggests an existing id one edit from an unknown one, for typos
// in codes. The suggestion is a convenience: it is skipped for large
// regions and after maxSuggestions unknown ids, so that a file of many long
// unknown ids costs no more than its length.
func (c *checker) nearID(id string, index map[string]int) string {
	if len(index) > 5000 || c.suggested >= maxSuggestions {
		return ""
	}
	c.suggested++
	best := ""
	for known := range index {
		if withinOneEdit(id, known) && (best == "" || known < best) {
			best = known
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// maxSuggestions bounds the unknown ids for which a near miss is looked
// for.
const maxSuggestions = 100

// withinOneEdit reports whether a and b differ by at most one inserted,
// deleted or replaced byte, in time linear in their length.
func withinOneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[min(i+1, len(a)):] == b[min(i+1, len(b)):]
	}
	return a[i:] == b[i+1:]
}

func (c *checker) links(index map[string]int) {
	// A pair may carry one link of each kind (co-patents and investment
	// between the same two cities), not two of one kind.
	type pair struct{ a, b, kind string }
	seen := map[pair]int{}
	for i, l := range c.ds.Links {
		_, okS := index[l.Source]
		_, okT := index[l.Target]
		if strings.TrimSpace(l.Source) == "" {
			c.report(linkRecord, i, "source", "the source is missing or empty: give the id of the city the link starts from")
		}
		if strings.TrimSpace(l.Target) == "" {
			c.report(linkRecord, i, "target", "the target is missing or empty: give the id of the city the link goes to")
		}
		if !okS && strings.TrimSpace(l.Source) != "" {
			c.report(linkRecord, i, "source", "source %q is not the id of any city%s", l.Source, c.nearID(l.Source, index))
		}
		if !okT && strings.TrimSpace(l.Target) != "" {
			c.report(linkRecord, i, "target", "target %q is not the id of any city%s", l.Target, c.nearID(l.Target, index))
		}
		if l.Source == l.Target && l.Source != "" {
			c.report(linkRecord, i, "target", "links %q to itself; a link joins two different cities", l.Source)
		}
		switch {
		case math.IsNaN(l.Weight) || math.IsInf(l.Weight, 0):
			c.report(linkRecord, i, "weight", "the weight is not a finite number; weights must be finite and >= 0")
		case l.Weight < 0:
			c.report(linkRecord, i, "weight", "the weight is %g; weights must be >= 0", l.Weight)
		case l.Weight > MaxValue:
			c.report(linkRecord, i, "weight", "the weight is %g; weights must be at most %g: rescale them", l.Weight, MaxValue)
		}
		key := pair{l.Source, l.Target, l.Kind}
		if !c.ds.Directed && key.b < key.a {
			key.a, key.b = key.b, key.a
		}
		if first, dup := seen[key]; dup {
			p := c.loc.locate(linkRecord, first, "")
			c.report(linkRecord, i, "", "duplicates %s at %s (%s - %s%s); give each pair once a kind, with the total weight", p.Path, placeOf(p, c.loc.locate(linkRecord, i, "").File), l.Source, l.Target, kindNote(l.Kind))
			continue
		}
		seen[key] = i
	}
}

// kindNote names a link's kind in a message, when it has one.
func kindNote(kind string) string {
	if kind == "" {
		return ""
	}
	return fmt.Sprintf(", kind %q", kind)
}

// swappedCoordinates warns about a city whose lat and lon, both in range,
// look exchanged: it lies far from the region (over 1,000 km and five
// times the median distance from the median position of the cities) while
// the position with lat and lon swapped lies among the cities (within
// twice the median distance, or 1,000 km). Swapped values out of range are
// errors, reported by coordinates.
func (c *checker) swappedCoordinates() {
	n := len(c.ds.Cities)
	if n < MinCities {
		return
	}
	lats, lons := make([]float64, 0, n), make([]float64, 0, n)
	for _, city := range c.ds.Cities {
		if math.Abs(city.Lat) <= 90 && math.Abs(city.Lon) <= 180 {
			lats, lons = append(lats, city.Lat), append(lons, city.Lon)
		}
	}
	if len(lats) < MinCities {
		return
	}
	middle := geom.Point{median(lons), median(lats)}
	dist := make([]float64, 0, n)
	for i := range lats {
		dist = append(dist, geom.Distance(geom.Point{lons[i], lats[i]}, middle))
	}
	typical := median(dist)
	for i, city := range c.ds.Cities {
		if !(math.Abs(city.Lat) <= 90 && math.Abs(city.Lon) <= 90) {
			continue // out of range, or not a latitude when swapped
		}
		d := geom.Distance(geom.Point{city.Lon, city.Lat}, middle)
		swapped := geom.Distance(geom.Point{city.Lat, city.Lon}, middle)
		if d > 1000 && d > 5*typical && swapped <= max(2*typical, 1000) {
			c.warn(cityRecord, i, "lat", "lat %g and lon %g look swapped: the city is %.0f km from the middle of the region, and would be %.0f km with lat and lon exchanged", city.Lat, city.Lon, d, swapped)
		}
	}
}

// median returns the median of xs.
func median(xs []float64) float64 {
	xs = slices.Sorted(slices.Values(xs))
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	return (xs[m-1] + xs[m]) / 2
}

// sharedCoordinates warns about cities at the same point: allowed, but their
// distance is floored at 1 km in the gravity model.
func (c *checker) sharedCoordinates() {
	first := map[[2]float64]int{}
	for i, city := range c.ds.Cities {
		key := [2]float64{city.Lat, city.Lon}
		if j, ok := first[key]; ok {
			c.warn(cityRecord, i, "lat", "%q is at the same coordinates as %q; their distance is taken as %g km in the gravity model", city.ID, c.ds.Cities[j].ID, geom.MinDistance)
			continue
		}
		first[key] = i
	}
}
