package data

import (
	"strconv"
	"strings"
)

// expandScores reads a property "scores" holding an object of years,
// {"2001": 0.8, "2021": 1.2} (collab's own JSON form of a panel), as the
// panel properties score_2001, score_2021, ...: the features then read
// as any panel does. A "scores" whose keys are not all years is left as
// it is (an ignored property).
func (r *geoReader) expandScores(score string) {
	for _, p := range r.props {
		if p == nil {
			continue
		}
		k := -1
		for i, key := range p.keys {
			if propertyKey(key) == propertyKey(score)+"s" {
				k = i
			}
		}
		if k < 0 || !yearObject(p.fields[k]) {
			continue
		}
		obj := p.fields[k]
		keys := append(append([]string{}, p.keys[:k]...), p.keys[k+1:]...)
		fields := append(append([]*node{}, p.fields[:k]...), p.fields[k+1:]...)
		offs := append(append([]int64{}, p.keyOff[:k]...), p.keyOff[k+1:]...)
		for i, year := range obj.keys {
			keys = append(keys, score+"_"+strings.TrimSpace(year))
			fields = append(fields, obj.fields[i])
			offs = append(offs, obj.keyOff[i])
		}
		p.keys, p.fields, p.keyOff = keys, fields, offs
	}
}

// yearObject reports whether n is an object whose keys are all years.
func yearObject(n *node) bool {
	if n == nil || n.kind != kindObject || len(n.keys) == 0 {
		return false
	}
	for _, k := range n.keys {
		y, err := strconv.Atoi(strings.TrimSpace(k))
		if err != nil || y < 1000 || y > 9999 {
			return false
		}
	}
	return true
}

// scalarProperty reports whether every feature's value of the property in
// column col is a string, a number or null.
func (r *geoReader) scalarProperty(col int) bool {
	for i := range r.props {
		if n, _ := r.prop(i, col); n != nil && n.kind != kindString && n.kind != kindNumber && n.kind != kindNull {
			return false
		}
	}
	return true
}

// numberProperty reports whether the property in column col is a number,
// or null, in every feature, and a number in one at least.
func (r *geoReader) numberProperty(col int) bool {
	numbers := 0
	for i := range r.props {
		n, _ := r.prop(i, col)
		switch {
		case n == nil || n.kind == kindNull:
		case n.kind == kindNumber:
			numbers++
		default:
			return false
		}
	}
	return numbers > 0
}
