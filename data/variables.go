package data

import (
	"collab/param"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Missing policies of Options.Missing.
const (
	MissingError = "error" // a missing variable value is a Problem at its place (also "")
	MissingDrop  = "drop"  // a city missing a value is dropped, with a warning listing it
)

// Variable returns the values of the named variable, values[p][i] for city
// i in period p (the years of Dataset.Years in order, or the single period
// of a cross-section). "score" is the cities' scores. An unknown name is an
// error naming the nearest variable.
func (d *Dataset) Variable(name string) ([][]float64, error) {
	periods := max(1, len(d.Years))
	if strings.EqualFold(name, "score") && len(d.Cities) > 0 && d.Cities[0].Scores != nil {
		out := make([][]float64, periods)
		for p := range out {
			out[p] = d.Scores(p)
		}
		return out, nil
	}
	key, ok := d.variableKey(name)
	if !ok {
		return nil, d.unknownVariable(name)
	}
	out := make([][]float64, periods)
	for p := range out {
		out[p] = make([]float64, len(d.Cities))
	}
	for i, c := range d.Cities {
		for p, v := range c.Variables[key] {
			out[p][i] = v
		}
	}
	return out, nil
}

// variableKey finds name among the variables read, exactly or else without
// regard to case.
func (d *Dataset) variableKey(name string) (string, bool) {
	if slices.Contains(d.VariableNames, name) {
		return name, true
	}
	for _, v := range d.VariableNames {
		if strings.EqualFold(v, name) {
			return v, true
		}
	}
	return "", false
}

// VariableError is a variable name that the dataset does not hold: Near
// is the nearest name it holds ("" when none is near), Known every name
// it holds.
type VariableError struct {
	Name  string
	Near  string
	Known []string
	// Unread: the file has a column of that name, which was not read as a
	// variable (a column with text or a gap in it, when every column is
	// read; see Options.Variables).
	Unread bool
}

func (e *VariableError) Error() string {
	if e.Unread {
		return fmt.Sprintf("the column %q is not read as a variable: ask for it by name to have its missing values and values that are not numbers reported", e.Name)
	}
	if e.Near != "" {
		return fmt.Sprintf("unknown variable %q (did you mean %q?)", e.Name, e.Near)
	}
	if len(e.Known) == 0 {
		return fmt.Sprintf("unknown variable %q: the dataset has no variables", e.Name)
	}
	return fmt.Sprintf("unknown variable %q; the variables are %s", e.Name, strings.Join(e.Known, ", "))
}

func (d *Dataset) unknownVariable(name string) error {
	for _, v := range d.Input.Variables {
		if strings.EqualFold(v, name) {
			return &VariableError{Name: name, Unread: true}
		}
	}
	known := slices.Clone(d.VariableNames)
	if len(d.Cities) > 0 && d.Cities[0].Scores != nil {
		known = append(known, "score")
	}
	for _, v := range d.Input.Variables {
		if !slices.Contains(known, v) {
			known = append(known, v) // columns not asked for: a near miss may be among them
		}
	}
	return &VariableError{Name: name, Near: suggest(name, known), Known: known}
}

// checkMissingOption refuses a missing policy other than error and drop.
func (o Options) checkMissingOption() error {
	switch o.Missing {
	case "", MissingError, MissingDrop:
		return nil
	}
	return param.Quotedf("missing", o.Missing, "choose %s (report missing values) or %s (drop the cities that have any)", MissingError, MissingDrop)
}

// selected says whether Options.Variables asks for the variable name.
func (o Options) selected(name string) bool {
	if o.Variables == nil {
		return true
	}
	for _, v := range o.Variables {
		if strings.EqualFold(v, name) {
			return true
		}
	}
	return false
}

// missingCell is a variable value a city lacks, with its place in the file.
type missingCell struct {
	city int
	what string // the variable, and the year in a panel: "rd", "talent 2001"
	at   Problem
}

// applyMissing reports the missing values as problems, or with the drop
// policy drops the cities that have any, after validation (whose places
// refer to the cities as read): their links and the neighbour lists that
// name them go with them, and one warning lists them.
func (o Options) applyMissing(d *decoded) {
	if len(d.missing) == 0 || d.ds == nil {
		return
	}
	if o.Missing != MissingDrop {
		for _, m := range d.missing {
			d.problems = append(d.problems, m.at)
		}
		return
	}
	if len(d.problems) > 0 {
		return
	}
	lacks := map[int][]string{}
	for _, m := range d.missing {
		lacks[m.city] = append(lacks[m.city], m.what)
	}
	ds := d.ds
	gone := map[string]bool{}
	var list []string
	kept := ds.Cities[:0]
	for i, c := range ds.Cities {
		if what, ok := lacks[i]; ok {
			gone[c.ID] = true
			list = append(list, fmt.Sprintf("%s (%s)", c.ID, strings.Join(what, ", ")))
			ds.Input.Dropped = append(ds.Input.Dropped, c.ID)
			continue
		}
		kept = append(kept, c)
	}
	ds.Cities = kept
	for i := range ds.Cities {
		c := &ds.Cities[i]
		c.Neighbors = slices.DeleteFunc(c.Neighbors, func(id string) bool { return gone[id] })
	}
	links := len(ds.Links)
	ds.Links = slices.DeleteFunc(ds.Links, func(l Link) bool { return gone[l.Source] || gone[l.Target] })
	msg := fmt.Sprintf("dropped %d %s with missing values (missing policy drop): %s", len(list), plural(len(list), "city", "cities"), strings.Join(list, "; "))
	if n := links - len(ds.Links); n > 0 {
		msg += fmt.Sprintf("; and %d %s to them", n, plural(n, "link", "links"))
	}
	ds.Warnings = append(ds.Warnings, Problem{File: d.loc.fileName(), Msg: msg})
	if len(ds.Cities) < MinCities {
		d.problems = append(d.problems, Problem{File: d.loc.fileName(),
			Msg: fmt.Sprintf("%d cities are left after dropping those with missing values; the analysis needs at least %d", len(ds.Cities), MinCities)})
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// variableValueProblem says what is wrong with a variable's value v, or
// "" when it is usable: finite and within MaxValue either side of 0.
func variableValueProblem(v float64) string {
	switch {
	case math.IsInf(v, 0) || math.IsNaN(v):
		return "the value is not a finite number"
	case math.Abs(v) > MaxValue:
		return fmt.Sprintf("the value %g is beyond ±%g: rescale the variable (say, to millions)", v, float64(MaxValue))
	}
	return ""
}

// isMissingText reports the spellings of a missing value in users' tables:
// empty, and R's, pandas' and spreadsheets' markers.
func isMissingText(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "na", "n/a", "nan", "null", "#n/a", "-", ".":
		return true
	}
	return false
}
