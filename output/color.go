package output

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"collab/analysis"
	"collab/param"
)

// colouring fills each city with a colour and explains the colours in a
// legend.
type colouring struct {
	title  string
	fill   []string // per city, #rrggbb
	legend []legendEntry
}

type legendEntry struct {
	label  string
	colour string
	count  int
}

// colourBy is the one place that decides how the maps colour cities: by
// tier in a sequential ColorBrewer scheme (tier 1 darkest), or by the
// classes of a categorical per-city measure (province, component,
// community) in a qualitative one. A measure that has colours of its own,
// such as LISA quadrants in GeoDa's palette, gets its own case here.
func colourBy(r *analysis.Result, attr string) (colouring, error) {
	switch attr {
	case "", "tier":
		return byTier(r), nil
	case "quadrant", "lisa_cluster":
		return byLISA(r, attr)
	case "block_role":
		return byBlockRole(r)
	}
	return byClass(r, attr)
}

// geoDaLISA is GeoDa's palette for LISA quadrants and clusters, the colours
// its users recognise (GeoDa's UniLocalMoran; methods.md section 2.4), in
// GeoDa's legend order.
var geoDaLISA = []struct{ value, colour string }{
	{`"HH"`, "#ff0000"}, {`"LL"`, "#0000ff"}, {`"LH"`, "#a7adf9"}, {`"HL"`, "#f4ada8"},
	{`"not significant"`, "#eeeeee"}, {`"isolated"`, "#999999"}, {"null", "#464646"},
}

// byLISA colours the cities by LISA quadrant or cluster in GeoDa's palette.
func byLISA(r *analysis.Result, attr string) (colouring, error) {
	values, err := classValues(r, attr)
	if err != nil {
		return colouring{}, err
	}
	c := colouring{title: attr, fill: make([]string, len(values))}
	count := map[string]int{}
	for i, v := range values {
		if v == "" {
			v = "null"
		}
		count[v]++
		for _, g := range geoDaLISA {
			if g.value == v {
				c.fill[i] = g.colour
			}
		}
	}
	for _, g := range geoDaLISA {
		if count[g.value] > 0 {
			label := classLabel(g.value)
			if g.value == "null" {
				label = "undefined"
			}
			c.legend = append(c.legend, legendEntry{label: label, colour: g.colour, count: count[g.value]})
		}
	}
	return c, nil
}

// CheckColor reports whether attr names something the maps can colour by,
// before a study is run: tier, or a key of the per-city results. Whether
// that key has classes is known only from the results (colourBy).
func CheckColor(attr string) error {
	if attr == "" || attr == "tier" {
		return nil
	}
	fields, err := flatten(everyPart[analysis.City]())
	if err != nil {
		return err
	}
	var keys []string
	for _, f := range fields {
		if f.key == attr {
			return nil
		}
		keys = append(keys, f.key)
	}
	return param.Quotedf("color", attr, "the cities have no such measure; choose tier, or a per-city measure with classes such as province or component (the measures: %s)", strings.Join(keys, ", "))
}

// CheckColorFor reports whether the maps of r can be coloured by attr: a
// measure with classes. The command line checks it whether or not a map
// is written, so that a colouring is refused the same way with or without
// one.
func CheckColorFor(r *analysis.Result, attr string) error {
	_, err := colourBy(r, attr)
	return err
}

func byTier(r *analysis.Result) colouring {
	palette := sequential(len(r.Summary.Tiers))
	c := colouring{title: "Tier (ratio to the mean)", fill: make([]string, len(r.Cities))}
	for i, city := range r.Cities {
		c.fill[i] = palette[len(palette)-city.Tier]
	}
	for _, t := range r.Summary.Tiers {
		c.legend = append(c.legend, legendEntry{label: fmt.Sprintf("%d: %s", t.Tier, t.Range), colour: palette[len(palette)-t.Tier], count: len(t.Cities)})
	}
	return c
}

// byClass colours the cities by the values of a per-city measure that
// takes few values (strings, integers, booleans): the largest classes get
// the colours of ColorBrewer's Paired scheme, and the rest share grey.
func byClass(r *analysis.Result, attr string) (colouring, error) {
	values, err := classValues(r, attr)
	if err != nil {
		return colouring{}, err
	}
	count := map[string]int{}
	var classes []string // in order of first appearance
	for _, v := range values {
		if count[v] == 0 {
			classes = append(classes, v)
		}
		count[v]++
	}
	slices.SortStableFunc(classes, func(a, b string) int { return count[b] - count[a] })
	coloured := len(classes)
	if coloured > len(paired) {
		coloured = len(paired) - 1 // the last colour's place goes to "other"
	}
	colour := map[string]string{}
	c := colouring{title: attr, fill: make([]string, len(values))}
	for k, v := range classes[:coloured] {
		colour[v] = paired[k]
		c.legend = append(c.legend, legendEntry{label: classLabel(v), colour: paired[k], count: count[v]})
	}
	if rest := classes[coloured:]; len(rest) > 0 {
		n := 0
		for _, v := range rest {
			n += count[v]
		}
		c.legend = append(c.legend, legendEntry{label: fmt.Sprintf("%d other classes", len(rest)), colour: otherGrey, count: n})
	}
	for i, v := range values {
		if c.fill[i] = colour[v]; c.fill[i] == "" {
			c.fill[i] = otherGrey
		}
	}
	return c, nil
}

// classValues returns each city's value of attr as its JSON text, or a
// usage error if attr is missing or continuous.
func classValues(r *analysis.Result, attr string) ([]string, error) {
	if err := CheckColor(attr); err != nil {
		return nil, err
	}
	columns, rows, err := records(r.Cities)
	if err != nil {
		return nil, err
	}
	col := slices.Index(columns, attr)
	if col < 0 {
		return nil, param.Quotedf("color", attr, "this study did not compute it (a stage was left out with %s)", param.Name("skip"))
	}
	values := make([]string, len(rows))
	for i, row := range rows {
		v := row[col]
		if len(v) > 0 && (v[0] == '[' || (v[0] != '"' && v[0] != 't' && v[0] != 'f' && v[0] != 'n' && !integral(v))) {
			return nil, param.Quotedf("color", attr, "a continuous measure (city %s has %s); choose tier, or a measure with classes such as province or component", r.Cities[i].ID, v)
		}
		values[i] = string(v)
	}
	return values, nil
}

func integral(v json.RawMessage) bool {
	x, err := strconv.ParseFloat(string(v), 64)
	return err == nil && x == math.Trunc(x)
}

func classLabel(v string) string {
	if v == "" || v == "null" {
		return "(none)"
	}
	return cell(json.RawMessage(v))
}

// The ColorBrewer schemes (Cynthia Brewer, colorbrewer2.org, Apache 2.0
// style licence), as Graphviz ships them: the integration tests compare
// these with Graphviz's own ylorrdN and paired12.
var (
	ylOrRd = map[int][]string{
		3: {"#ffeda0", "#feb24c", "#f03b20"},
		4: {"#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"},
		5: {"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"},
		6: {"#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"},
		7: {"#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"},
		8: {"#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"},
		9: {"#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026"},
	}
	paired = []string{"#a6cee3", "#1f78b4", "#b2df8a", "#33a02c", "#fb9a99", "#e31a1c",
		"#fdbf6f", "#ff7f00", "#cab2d6", "#6a3d9a", "#ffff99", "#b15928"}
)

const otherGrey = "#d9d9d9"

// sequential returns k colours from light to dark: ColorBrewer's YlOrRd
// for 3 to 9 classes, its ends for 1 or 2, and an even interpolation of the
// 9-class scheme beyond 9.
func sequential(k int) []string {
	switch {
	case k <= 1:
		return []string{ylOrRd[3][2]}
	case k == 2:
		return []string{ylOrRd[3][0], ylOrRd[3][2]}
	case k <= 9:
		return ylOrRd[k]
	}
	stops := ylOrRd[9]
	out := make([]string, k)
	for i := range out {
		t := float64(i) / float64(k-1) * float64(len(stops)-1)
		j := min(int(t), len(stops)-2)
		out[i] = mix(stops[j], stops[j+1], t-float64(j))
	}
	return out
}

// mix interpolates two #rrggbb colours in RGB.
func mix(a, b string, t float64) string {
	ca, cb := rgb(a), rgb(b)
	var out [3]int
	for i := range out {
		out[i] = int(math.Round(float64(ca[i]) + t*float64(cb[i]-ca[i])))
	}
	return fmt.Sprintf("#%02x%02x%02x", out[0], out[1], out[2])
}

func rgb(hex string) [3]int {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return [3]int{int(v >> 16), int(v >> 8 & 0xff), int(v & 0xff)}
}
