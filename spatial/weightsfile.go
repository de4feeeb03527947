package spatial

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// GAL and GWT are the weights files of GeoDa, read and written by PySAL
// (libpysal.io.open) and R spdep (read.gal, write.nb.gal, read.gwt2nb).
//
// A GAL file lists each city's neighbours: a header (the number of cities
// n, or GeoDa's "0 n layer idvar"), then for each city a line "id k" and a
// line of its k neighbours' ids. A GWT file lists weighted pairs: the same
// header, then one line "i j w" a pair, w a distance (GeoDa) or a weight.
// Ids are the cities' ids; a file's ids may come in any order.

// WriteGAL writes the neighbours of w as a GAL file, each city by ids[i],
// in city order; the header is GeoDa's "0 n layer idvar".
func WriteGAL(out io.Writer, w *Weights, ids []string, layer, idVar string) error {
	if len(ids) != w.Len() {
		return fmt.Errorf("spatial: WriteGAL takes one id per city: %d ids, %d cities", len(ids), w.Len())
	}
	bw := bufio.NewWriter(out)
	fmt.Fprintf(bw, "0 %d %s %s\n", w.Len(), galWord(layer), galWord(idVar))
	for i := range w.Len() {
		nb, _ := w.Row(i)
		fmt.Fprintf(bw, "%s %d\n", ids[i], len(nb))
		for k, j := range nb {
			if k > 0 {
				bw.WriteByte(' ')
			}
			bw.WriteString(ids[j])
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// WriteGWT writes w as a GWT file, one line "i j v" for each link, v being
// value(i, j) (the distance in km for GeoDa's distance weights).
func WriteGWT(out io.Writer, w *Weights, ids []string, layer, idVar string, value func(i, j int) float64) error {
	if len(ids) != w.Len() {
		return fmt.Errorf("spatial: WriteGWT takes one id per city: %d ids, %d cities", len(ids), w.Len())
	}
	bw := bufio.NewWriter(out)
	fmt.Fprintf(bw, "0 %d %s %s\n", w.Len(), galWord(layer), galWord(idVar))
	for i := range w.Len() {
		nb, _ := w.Row(i)
		for _, j := range nb {
			fmt.Fprintf(bw, "%s %s %s\n", ids[i], ids[j], strconv.FormatFloat(value(i, j), 'g', -1, 64))
		}
	}
	return bw.Flush()
}

// galWord is a header word: a space would split it.
func galWord(s string) string {
	if s = strings.Join(strings.Fields(s), "_"); s == "" {
		return "collab"
	}
	return s
}

// ReadGAL reads a GAL file whose ids are the keys of index (a city's id to
// its position). The weights are binary and kept as the file gives them
// (a kNN file stays asymmetric). Every problem is an error naming its line.
func ReadGAL(r io.Reader, index map[string]int) (*Weights, error) {
	lines, err := weightLines(r, len(index))
	if err != nil {
		return nil, err
	}
	lists := make([][]int, len(index))
	seen := make([]bool, len(index))
	for k := 0; k < len(lines); k += 2 {
		head := lines[k]
		if len(head.fields) != 2 {
			return nil, fmt.Errorf("line %d: want \"id count\", got %q", head.number, strings.Join(head.fields, " "))
		}
		i, err := cityOf(head, head.fields[0], index)
		if err != nil {
			return nil, err
		}
		count, err := strconv.Atoi(head.fields[1])
		if err != nil || count < 0 {
			return nil, fmt.Errorf("line %d: %q is not a number of neighbours", head.number, head.fields[1])
		}
		if seen[i] {
			return nil, fmt.Errorf("line %d: city %q is listed twice", head.number, head.fields[0])
		}
		seen[i] = true
		var list weightLine
		if count > 0 {
			if k+1 >= len(lines) {
				return nil, fmt.Errorf("line %d: city %q has %d neighbours but the file ends", head.number, head.fields[0], count)
			}
			list = lines[k+1]
		} else if k+1 < len(lines) && len(lines[k+1].fields) == 0 {
			k++ // an empty line of no neighbours
		} else {
			k-- // no neighbour line: the next line is a city's
		}
		if len(list.fields) != count {
			return nil, fmt.Errorf("line %d: city %q has %d neighbours, the line after lists %d", head.number, head.fields[0], count, len(list.fields))
		}
		for _, id := range list.fields {
			j, err := cityOf(list, id, index)
			if err != nil {
				return nil, err
			}
			if j == i {
				return nil, fmt.Errorf("line %d: city %q is its own neighbour", list.number, id)
			}
			lists[i] = append(lists[i], j)
		}
	}
	return fromLists(lists), nil
}

// ReadGWT reads a GWT file's pairs as binary weights (its values, GeoDa's
// distances, are not weights), ids as in ReadGAL.
func ReadGWT(r io.Reader, index map[string]int) (*Weights, error) {
	lines, err := weightLines(r, len(index))
	if err != nil {
		return nil, err
	}
	lists := make([][]int, len(index))
	for _, l := range lines {
		if len(l.fields) == 0 {
			continue
		}
		if len(l.fields) != 3 {
			return nil, fmt.Errorf("line %d: want \"i j value\", got %q", l.number, strings.Join(l.fields, " "))
		}
		i, err := cityOf(l, l.fields[0], index)
		if err != nil {
			return nil, err
		}
		j, err := cityOf(l, l.fields[1], index)
		if err != nil {
			return nil, err
		}
		if _, err := strconv.ParseFloat(l.fields[2], 64); err != nil {
			return nil, fmt.Errorf("line %d: %q is not a number", l.number, l.fields[2])
		}
		if i == j {
			return nil, fmt.Errorf("line %d: city %q is its own neighbour", l.number, l.fields[0])
		}
		lists[i] = append(lists[i], j)
	}
	return fromLists(lists), nil
}

type weightLine struct {
	number int
	fields []string
}

// weightLines reads a GAL or GWT file's lines after its header, which must
// give n cities.
func weightLines(r io.Reader, n int) ([]weightLine, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	var lines []weightLine
	number := 0
	for sc.Scan() {
		number++
		lines = append(lines, weightLine{number, strings.Fields(sc.Text())})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for len(lines) > 0 && len(lines[len(lines)-1].fields) == 0 {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return nil, fmt.Errorf("the weights file is empty")
	}
	head := lines[0].fields
	var count string
	switch len(head) {
	case 1:
		count = head[0]
	case 3, 4:
		count = head[1] // GeoDa: "0 n layer idvar"
	default:
		return nil, fmt.Errorf("line 1: the header should be n or \"0 n layer idvar\", got %q", strings.Join(head, " "))
	}
	if got, err := strconv.Atoi(count); err != nil || got != n {
		return nil, fmt.Errorf("line 1: the file is for %s cities; the dataset has %d", count, n)
	}
	return lines[1:], nil
}

// cityOf looks an id of line l up.
func cityOf(l weightLine, id string, index map[string]int) (int, error) {
	if i, ok := index[id]; ok {
		return i, nil
	}
	known := make([]string, 0, 3)
	for k := range index {
		known = append(known, k)
	}
	slices.Sort(known)
	return 0, fmt.Errorf("line %d: %q is not the id of any city (the ids begin %s)", l.number, id, strings.Join(known[:min(3, len(known))], ", "))
}
