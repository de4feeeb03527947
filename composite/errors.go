package composite

import (
	"fmt"
	"strconv"
	"strings"

	"collab/spell"
)

// Error is a parameter or a value that the method cannot use. Param names
// the parameter ("indicators", "subsystems", "method", "missing", "shift",
// "alpha", "table"); Indicator, City and Year say where, when the problem is
// about one indicator, city or year (empty or 0 otherwise).
type Error struct {
	Param     string
	Indicator string
	City      string
	Year      int
	Reason    string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("composite: ")
	b.WriteString(e.Param)
	if e.Indicator != "" {
		fmt.Fprintf(&b, ": indicator %q", e.Indicator)
	}
	if e.City != "" {
		fmt.Fprintf(&b, ": city %q", e.City)
	}
	if e.Year != 0 {
		fmt.Fprintf(&b, ": year %d", e.Year)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	return b.String()
}

// Cell is one value of a Table: a city's value of an indicator in a year
// (Year 0 in a cross-section).
type Cell struct {
	City      string
	Indicator string
	Year      int
}

func (c Cell) String() string {
	if c.Year == 0 {
		return fmt.Sprintf("%s/%s", c.City, c.Indicator)
	}
	return fmt.Sprintf("%s/%s/%d", c.City, c.Indicator, c.Year)
}

// MissingError lists every missing value among the indicators used, when
// missing values are not dropped (MissingReport policy).
type MissingError struct {
	Cells []Cell
}

func (e *MissingError) Error() string {
	parts := make([]string, len(e.Cells))
	for i, c := range e.Cells {
		parts[i] = c.String()
	}
	return fmt.Sprintf("composite: table: %d missing values (city/indicator/year): %s; fill them in or drop those cities (missing policy \"drop\")",
		len(e.Cells), strings.Join(parts, ", "))
}

// Dropped is a city left out because some of its values are missing
// (MissingDrop policy), with those values.
type Dropped struct {
	City  string
	Cells []Cell
}

// unknownName reports that name is not among known, suggesting the nearest
// known name by edit distance.
func unknownName(param, what, name string, known []string) *Error {
	e := &Error{Param: param, Reason: fmt.Sprintf("unknown %s %q", what, name)}
	if what == "indicator" {
		e.Indicator = name
		e.Reason = "not a column of the table"
	}
	if near, ok := nearest(name, known); ok {
		e.Reason += fmt.Sprintf(" (did you mean %q?)", near)
	} else if len(known) > 0 {
		e.Reason += "; the choices are " + strings.Join(known, ", ")
	}
	return e
}

// nearest returns the known name with the smallest edit distance to name
// (case ignored; the first on ties), if it is close enough to be a slip:
// at most half the length of name, and at most 3 edits.
func nearest(name string, known []string) (string, bool) {
	best, bestDist := "", -1
	for _, k := range known {
		d := spell.Distance(strings.ToLower(name), strings.ToLower(k))
		if bestDist < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	if bestDist < 0 || bestDist > 3 || 2*bestDist > len([]rune(name)) {
		return "", false
	}
	return best, true
}

// formatFloat writes x as the shortest decimal that reads back as x.
func formatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
