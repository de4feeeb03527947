package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Years given by rows rather than by columns: a links file whose rows
// carry a year (co-patents by year), and a long panel, one row per city
// and year (id,year,score), as databases and statistical yearbooks export
// them.

// rowYear reads the year column of the current record; ok is false when
// the file has none, and a value that is not a year is reported.
func (d *flatDecoder) rowYear() (year int, ok bool) {
	v, col := d.value("year")
	if col < 0 {
		return 0, false
	}
	text := strings.TrimSpace(v.text)
	y, err := strconv.Atoi(text)
	if err != nil || y < 1 || y > 9999 {
		d.report(col, "%q is not a year; give the year as a number, such as 2021", text)
		return 0, true
	}
	return y, true
}

// retain keeps the located rows k for which keep[k] is true, in order, so
// that the rows still match the records kept.
func (t *csvTable) retain(keep []bool) {
	per := 2 * len(t.used)
	j := 0
	for k, ok := range keep {
		if !ok {
			continue
		}
		t.rows[j], t.lines[j] = t.rows[k], t.lines[k]
		copy(t.pos[j*per:(j+1)*per], t.pos[k*per:(k+1)*per])
		j++
	}
	t.rows, t.lines, t.pos = t.rows[:j], t.lines[:j], t.pos[:j*per]
}

// linksOfYear keeps the links of one year when the links file gives each
// its year: the year asked for (Options.LinksYear), else the panel's
// latest, else the latest in the file. ok is false when none has it.
func (l *linksCSV) linksOfYear(asked int, panel []int) (year int, problem Problem, ok bool) {
	if l.years == nil {
		return 0, Problem{}, true
	}
	year = asked
	if year == 0 && len(panel) > 0 {
		year = panel[len(panel)-1]
	}
	if year == 0 {
		year = slices.Max(l.years)
	}
	keep := make([]bool, len(l.links))
	var kept []Link
	for k, y := range l.years {
		if keep[k] = y == year; keep[k] {
			kept = append(kept, l.links[k])
		}
	}
	if len(kept) == 0 {
		years := slices.Compact(slices.Sorted(slices.Values(l.years)))
		var list []string
		for _, y := range years {
			list = append(list, strconv.Itoa(y))
		}
		return year, Problem{File: l.table.file, Msg: fmt.Sprintf("no link of %d; the links' years are %s", year, strings.Join(list, ", "))}, false
	}
	l.links = kept
	l.table.retain(keep)
	return year, Problem{}, true
}

// longPanel says whether the cities come one row per city and year: a
// year column beside a single score column, rather than score_YYYY
// columns.
func (s *schema) longPanel() bool {
	_, year := s.col["year"]
	_, score := s.col["score"]
	return year && score && len(s.years) == 0
}

// longPanel gathers the rows of a long panel by city: index maps an id to
// its city, scores holds each city's score by year.
type longPanel struct {
	index  map[string]int
	scores []map[int]float64
	rows   []map[int]int // the data row of each city's year, for messages
}

// add records the current row's year and score for city c, to be the
// city numbered next (a new id) or an earlier one; it reports whether
// the row (data row row) was a further year of an earlier city.
func (p *longPanel) add(d *flatDecoder, c City, next, row int) (earlier bool) {
	year, _ := d.rowYear()
	k, seen := p.index[c.ID]
	if !seen {
		k = next
		p.index[c.ID] = k
		p.scores = append(p.scores, map[int]float64{})
		p.rows = append(p.rows, map[int]int{})
	}
	if year > 0 && len(c.Scores) == 1 {
		if first, twice := p.rows[k][year]; twice {
			_, col := d.value("year")
			d.report(col, "city %q has a row for %d already (row %d); a long panel has one row per city and year", c.ID, year, first)
		}
		p.scores[k][year] = c.Scores[0]
		p.rows[k][year] = row
	}
	return seen
}

// finish gives every city its scores by year, the panel's years those of
// any row; a city without a row for a year is a problem at its first row.
func (p *longPanel) finish(ds *Dataset, t *csvTable) Problems {
	years := map[int]bool{}
	for _, byYear := range p.scores {
		for y := range byYear {
			years[y] = true
		}
	}
	ds.Years = slices.Sorted(func(yield func(int) bool) {
		for y := range years {
			if !yield(y) {
				return
			}
		}
	})
	var problems Problems
	for k := range ds.Cities {
		scores := make([]float64, len(ds.Years))
		var lacking []string
		for j, y := range ds.Years {
			v, ok := p.scores[k][y]
			if !ok {
				lacking = append(lacking, strconv.Itoa(y))
			}
			scores[j] = v
		}
		ds.Cities[k].Scores = scores
		if len(lacking) > 0 {
			pr := t.locate(cityRecord, k, "id")
			pr.Msg = fmt.Sprintf("city %q has no row for %s; a long panel (id, year, score rows) needs a row for every city and year (%s)", ds.Cities[k].ID, strings.Join(lacking, ", "), joinInts(ds.Years))
			problems = append(problems, pr)
		}
	}
	return problems
}
