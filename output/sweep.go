package output

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"collab/analysis"
)

// SweepText writes a sensitivity sweep as a table: one row per value, with
// the belts (spines), sectors (hub first), isolated hubs and the first two
// latecomer candidates found at it.
func SweepText(w io.Writer, sw *analysis.Sweep, o Options) error {
	ew := &errWriter{w: w}
	name := func(id string) string { return Printable(sw.Names[id]) }
	names := func(ids []string, sep string) string {
		out := make([]string, len(ids))
		for k, id := range ids {
			out[k] = name(id)
		}
		return strings.Join(out, sep)
	}
	fmt.Fprintf(ew, "Sweep of %s\n", sw)
	withPairs := slices.ContainsFunc(sw.Rows, func(r analysis.SweepRow) bool { return len(r.Pairs) > 0 })
	header := []string{sw.Param, "Belts", "Sectors", "Isolated hubs", "Latecomers"}
	if withPairs { // a column of its own only when some value finds a pair
		header = slices.Insert(header, 2, "Pairs")
	}
	t := newTable(header...)
	for _, r := range sw.Rows {
		var belts, sectors, hubs []string
		for _, b := range r.Belts {
			belts = append(belts, names(b.Cities, "-"))
		}
		for _, s := range r.Sectors {
			sectors = append(sectors, names(s.Cities, "+"))
		}
		for _, h := range r.IsolatedHubs {
			hubs = append(hubs, name(h.ID))
		}
		var late []string
		for _, l := range r.Latecomers[:min(2, len(r.Latecomers))] {
			late = append(late, name(l.ID))
		}
		row := []string{strconv.FormatFloat(r.Value, 'g', -1, 64), orDash(strings.Join(belts, "; ")), orDash(strings.Join(sectors, "; ")),
			orDash(strings.Join(hubs, ", ")), orDash(strings.Join(late, ", "))}
		if withPairs {
			var pairs []string
			for _, p := range r.Pairs {
				pairs = append(pairs, names(p.Cities, "="))
			}
			row = slices.Insert(row, 2, orDash(strings.Join(pairs, "; ")))
		}
		t.add(row...)
	}
	t.write(ew, 0, o.Width)
	return ew.err
}

// SweepJSON writes a sweep as indented JSON.
func SweepJSON(w io.Writer, sw *analysis.Sweep) error {
	return writeIndented(w, sw)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
