package data

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// flatColumn is a column (CSV) or property (GeoJSON) outside the city's
// fields. A column that Options.Variables names (strict) holds a variable,
// and its missing values and values that are not numbers are reported.
// Reading every column (Options.Variables nil), a column holds a variable
// when every value is a number: a column of text, or one with a gap,
// stays among Input.Ignored, so that a study that does not use it is not
// stopped by it.
type flatColumn struct {
	col     int
	name    string // the variable: the column's name, or NAME of NAME_YYYY in a panel
	year    int    // the year of a panel column NAME_YYYY; 0 otherwise
	strict  bool
	values  []float64
	numbers int // values that are numbers
	bad     int // values that are missing or not numbers
	pending []pendingCell
}

// pendingCell is a value of a flatColumn that is missing or unusable,
// reported only if the column turns out to hold a variable.
type pendingCell struct {
	city    int
	missing bool
	at      Problem
}

// variableColumns lists the columns that may hold variables: the ignored
// ones with a name. In a panel (panel true), a column NAME_YYYY is NAME's
// value for that year. names is every variable the columns offer, selected
// or not.
func (s *schema) variableColumns(panel bool, o Options) (cols []*flatColumn, names []string) {
	seen := map[string]bool{}
	for _, c := range s.ignored {
		raw := strings.TrimSpace(s.names[c])
		if raw == "" {
			continue
		}
		fc := &flatColumn{col: c, name: raw, strict: o.Variables != nil}
		if panel {
			if i := strings.LastIndexByte(raw, '_'); i > 0 {
				if y, ok := panelYear(strings.ToLower(raw), strings.ToLower(raw[:i+1])); ok {
					fc.name, fc.year = raw[:i], y
				}
			}
		}
		if key := strings.ToLower(fc.name); !seen[key] {
			seen[key] = true
			names = append(names, fc.name)
		}
		if o.selected(fc.name) {
			cols = append(cols, fc)
		}
	}
	return cols, names
}

// variables reads the current record's value of every variable column;
// city is the record's index among the cities.
func (d *flatDecoder) variables(city int) {
	for _, fc := range d.vars {
		if !fc.strict && fc.bad > 0 {
			continue // not a variable
		}
		val := d.get(fc.col)
		missing := val.kind == kindNull || (val.kind == kindString && isMissingText(val.text))
		v, err := 0.0, ""
		if !missing {
			v, err = d.parse(val)
		}
		if missing || err != "" {
			fc.bad++
			fc.values = append(fc.values, math.NaN())
			if fc.strict {
				p := d.locate(fc.col) // costs the record's length: only for the columns asked for
				p.Msg = err
				fc.pending = append(fc.pending, pendingCell{city: city, missing: missing, at: p})
			}
			continue
		}
		fc.numbers++
		fc.values = append(fc.values, v)
	}
}

// parse reads a variable's value, or says why it is not one.
func (d *flatDecoder) parse(val flatValue) (float64, string) {
	if val.kind != kindString && val.kind != kindNumber {
		return 0, fmt.Sprintf("must be a number, not %s", val.kind)
	}
	text := strings.TrimSpace(val.text)
	if d.decimalComma && strings.Count(text, ",") == 1 && !strings.Contains(text, ".") {
		text = strings.Replace(text, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil && !isRangeError(err) {
		return 0, fmt.Sprintf("%q is not a number: give a number, or leave it empty when not known", val.text)
	}
	if msg := variableValueProblem(v); msg != "" {
		return 0, msg
	}
	return v, ""
}

// variableGroup is one variable's columns: a single one, or a panel's by
// year.
type variableGroup struct {
	name   string
	single *flatColumn
	byYear map[int]*flatColumn
}

// finishVariables decides which columns hold variables, fills the cities'
// Variables over the panel's years (the variables' own when the cities have
// no score), and returns the problems and missing values to report.
// A panel variable without a column for some year of the panel, or with a
// column for a year outside it, is left out with a warning.
func finishVariables(ds *Dataset, cols []*flatColumn, file string) (Problems, []missingCell) {
	groups := groupVariables(cols)
	if len(groups) == 0 {
		return nil, nil
	}
	if ds.Years == nil && !hasScores(ds) {
		ds.Years = groupYears(groups)
	}
	var problems Problems
	var missing []missingCell
	periods := max(1, len(ds.Years))
	for _, g := range groups {
		columns, ok := g.columns(ds, file)
		if !ok {
			continue
		}
		ds.VariableNames = append(ds.VariableNames, g.name)
		for i := range ds.Cities {
			c := &ds.Cities[i]
			if c.Variables == nil {
				c.Variables = map[string][]float64{}
			}
			values := make([]float64, periods)
			for p := range values {
				values[p] = columns[min(p, len(columns)-1)].values[i]
			}
			c.Variables[g.name] = values
		}
		for _, fc := range columns {
			what := g.name
			if fc.year != 0 {
				what = fmt.Sprintf("%s %d", g.name, fc.year)
			}
			for _, pc := range fc.pending {
				if !pc.missing {
					problems = append(problems, pc.at)
					continue
				}
				pc.at.Msg = fmt.Sprintf("no value of %q; every city needs one (or drop the cities that lack one: missing policy drop)", what)
				missing = append(missing, missingCell{city: pc.city, what: what, at: pc.at})
			}
		}
	}
	return problems, missing
}

func hasScores(ds *Dataset) bool {
	for _, c := range ds.Cities {
		if c.Scores != nil {
			return true
		}
	}
	return false
}

// groupVariables gathers the numeric columns by variable, in column order.
func groupVariables(cols []*flatColumn) []*variableGroup {
	var groups []*variableGroup
	index := map[string]*variableGroup{}
	for _, fc := range cols {
		if !fc.strict && (fc.bad > 0 || fc.numbers == 0) {
			continue // text, or a gap, in a column not asked for: it stays among Input.Ignored
		}
		key := strings.ToLower(fc.name)
		g := index[key]
		if g == nil {
			g = &variableGroup{name: fc.name, byYear: map[int]*flatColumn{}}
			index[key] = g
			groups = append(groups, g)
		}
		if fc.year == 0 {
			g.single = fc
		} else {
			g.byYear[fc.year] = fc
		}
	}
	return groups
}

func groupYears(groups []*variableGroup) []int {
	set := map[int]bool{}
	for _, g := range groups {
		for y := range g.byYear {
			set[y] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// columns returns the group's columns in the order of the panel's years
// (one column for a variable given once); ok is false when the variable
// is left out, with a warning on ds.
func (g *variableGroup) columns(ds *Dataset, file string) ([]*flatColumn, bool) {
	warn := func(format string, args ...any) {
		ds.Warnings = append(ds.Warnings, Problem{File: file, Msg: fmt.Sprintf(format, args...)})
	}
	if g.single != nil {
		if len(g.byYear) > 0 {
			warn("variable %q is given both as one column and by year; the column %q is read, the others are not", g.name, g.name)
		}
		return []*flatColumn{g.single}, true
	}
	var extra, lacking []int
	for y := range g.byYear {
		if !slices.Contains(ds.Years, y) {
			extra = append(extra, y)
		}
	}
	out := make([]*flatColumn, 0, len(ds.Years))
	for _, y := range ds.Years {
		if fc, ok := g.byYear[y]; ok {
			out = append(out, fc)
		} else {
			lacking = append(lacking, y)
		}
	}
	slices.Sort(extra)
	switch {
	case len(lacking) > 0:
		warn("variable %q is not read: it has no column for %s (the panel's years are %s)", g.name, joinInts(lacking), joinInts(ds.Years))
		return nil, false
	case len(extra) > 0:
		warn("variable %q: the columns for %s are not read, being outside the panel's years (%s)", g.name, joinInts(extra), joinInts(ds.Years))
	}
	return out, true
}
