package composite

import (
	"fmt"
	"math"
)

// Table holds the indicator values of a region: every city's value of
// every column, in one period (a cross-section) or in each year of a panel
// (the same cities in every year).
//
// Values[p][j][i] is city Cities[i]'s value of column Columns[j] in period
// p, where the periods are the Years in order, or the single period of a
// cross-section when Years is empty. A value may be missing: Missing has
// the shape of Values, and Missing[p][j][i] true marks Values[p][j][i] as
// absent (its number is ignored). Missing, or any Missing[p] or
// Missing[p][j], may be nil, meaning nothing there is missing; SetMissing
// allocates as needed. A present value must be finite.
type Table struct {
	Cities  []string // city ids, distinct
	Years   []int    // the panel's years; empty for a cross-section
	Columns []string // column names, distinct
	Values  [][][]float64
	Missing [][][]bool
}

// NewTable returns a table of the given cities, years (nil for a
// cross-section) and columns with every value 0 and present.
func NewTable(cities []string, years []int, columns []string) *Table {
	t := &Table{Cities: cities, Years: years, Columns: columns}
	t.Values = make([][][]float64, t.Periods())
	for p := range t.Values {
		t.Values[p] = make([][]float64, len(columns))
		for j := range t.Values[p] {
			t.Values[p][j] = make([]float64, len(cities))
		}
	}
	return t
}

// Periods is the number of periods: len(Years), or 1 for a cross-section.
func (t *Table) Periods() int { return max(1, len(t.Years)) }

// SetMissing marks the value of column j for city i in period p missing.
func (t *Table) SetMissing(p, j, i int) {
	if t.Missing == nil {
		t.Missing = make([][][]bool, t.Periods())
	}
	if t.Missing[p] == nil {
		t.Missing[p] = make([][]bool, len(t.Columns))
	}
	if t.Missing[p][j] == nil {
		t.Missing[p][j] = make([]bool, len(t.Cities))
	}
	t.Missing[p][j][i] = true
}

// IsMissing reports whether the value of column j for city i in period p
// is missing.
func (t *Table) IsMissing(p, j, i int) bool {
	return p < len(t.Missing) && j < len(t.Missing[p]) && i < len(t.Missing[p][j]) && t.Missing[p][j][i]
}

// year is the label of period p: its year, or 0 in a cross-section.
func (t *Table) year(p int) int {
	if len(t.Years) == 0 {
		return 0
	}
	return t.Years[p]
}

// check validates the table's shape, that names are distinct and that
// present values are finite.
func (t *Table) check() error {
	if t == nil {
		return &Error{Param: "table", Reason: "no table"}
	}
	if err := distinct("city", t.Cities); err != nil {
		return err
	}
	if err := distinct("column", t.Columns); err != nil {
		return err
	}
	if err := t.checkYears(); err != nil {
		return err
	}
	if len(t.Values) != t.Periods() {
		return &Error{Param: "table", Reason: fmt.Sprintf("%d periods of values for %d years", len(t.Values), t.Periods())}
	}
	for p, cols := range t.Values {
		if len(cols) != len(t.Columns) {
			return &Error{Param: "table", Year: t.year(p), Reason: fmt.Sprintf("%d columns of values for %d column names", len(cols), len(t.Columns))}
		}
		for j, col := range cols {
			if len(col) != len(t.Cities) {
				return &Error{Param: "table", Indicator: t.Columns[j], Year: t.year(p), Reason: fmt.Sprintf("%d values for %d cities", len(col), len(t.Cities))}
			}
			for i, x := range col {
				if !t.IsMissing(p, j, i) && (math.IsNaN(x) || math.IsInf(x, 0)) {
					return &Error{Param: "table", Indicator: t.Columns[j], City: t.Cities[i], Year: t.year(p), Reason: fmt.Sprintf("value %v is not a finite number; mark it missing instead", x)}
				}
			}
		}
	}
	return nil
}

func (t *Table) checkYears() error {
	seen := map[int]bool{}
	for _, y := range t.Years {
		if y == 0 {
			return &Error{Param: "table", Reason: "year 0 is not a year (a cross-section has no years)"}
		}
		if seen[y] {
			return &Error{Param: "table", Year: y, Reason: "listed twice"}
		}
		seen[y] = true
	}
	return nil
}

func distinct(what string, names []string) error {
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if seen[n] {
			return &Error{Param: "table", Reason: fmt.Sprintf("%s %q listed twice", what, n)}
		}
		seen[n] = true
	}
	return nil
}

// columnIndex resolves each indicator to its column, suggesting the
// nearest column name for one that is not there.
func (t *Table) columnIndex(param string, inds IndicatorList) ([]int, error) {
	at := make(map[string]int, len(t.Columns))
	for j, c := range t.Columns {
		at[c] = j
	}
	cols := make([]int, len(inds))
	for k, ind := range inds {
		j, ok := at[ind.Name]
		if !ok {
			return nil, unknownName(param, "indicator", ind.Name, t.Columns)
		}
		cols[k] = j
	}
	return cols, nil
}

// keptCities applies the missing policy to the columns cols: the indices of
// the cities kept and, under MissingDrop, the cities dropped with their
// missing values.
func (t *Table) keptCities(cols []int, policy MissingPolicy) ([]int, []Dropped, error) {
	missing := make([][]Cell, len(t.Cities))
	var all []Cell
	for i := range t.Cities {
		for p := range t.Values {
			for _, j := range cols {
				if t.IsMissing(p, j, i) {
					c := Cell{City: t.Cities[i], Indicator: t.Columns[j], Year: t.year(p)}
					missing[i] = append(missing[i], c)
					all = append(all, c)
				}
			}
		}
	}
	if len(all) > 0 && policy != MissingDrop {
		return nil, nil, &MissingError{Cells: all}
	}
	var kept []int
	var dropped []Dropped
	for i, cells := range missing {
		if len(cells) == 0 {
			kept = append(kept, i)
		} else {
			dropped = append(dropped, Dropped{City: t.Cities[i], Cells: cells})
		}
	}
	if len(kept) < 2 {
		reason := fmt.Sprintf("an index needs at least 2 cities, got %d", len(kept))
		if len(dropped) > 0 {
			reason += fmt.Sprintf(" after dropping %d with missing values", len(dropped))
		}
		return nil, nil, &Error{Param: "table", Reason: reason}
	}
	return kept, dropped, nil
}
