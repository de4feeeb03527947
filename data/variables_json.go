package data

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
)

// jsonVariable is what a city object said about one variable: one value,
// values by year, or null (missing).
type jsonVariable struct {
	single *float64
	byYear map[int]float64
	yearOf map[int]*node // the node of each year's value
	null   bool
	node   *node
}

// variables reads every city's "variables" object, finds the panel's years
// when the cities have no score, and fills City.Variables; a value a city
// lacks is a missingCell.
func (r *jsonReader) variables(ds *Dataset) {
	raw := make([]map[string]jsonVariable, len(r.cityNodes))
	var names []string
	seen := map[string]bool{}
	for i, n := range r.cityNodes {
		if n.kind != kindObject {
			continue
		}
		v := n.field("variables")
		if v == nil {
			continue
		}
		path := fmt.Sprintf("cities[%d].variables", i)
		if v.kind != kindObject {
			r.add(v, path, `must be an object of the city's variables, such as {"rd": 12.3, "talent": {"2001": 3, "2021": 50}}, not %s`, v.kind)
			continue
		}
		raw[i] = map[string]jsonVariable{}
		for k, key := range v.keys {
			if key == "score" || key == "scores" {
				r.problems = append(r.problems, Problem{File: r.file, Pos: r.lines.position(v.keyOff[k]), Path: path,
					Msg: fmt.Sprintf("%q is the city's score, not a variable: give it beside \"variables\", or name the variable otherwise", key)})
				continue
			}
			if !seen[key] {
				seen[key] = true
				names = append(names, key)
			}
			if r.opts.selected(key) {
				raw[i][key] = r.variable(v.fields[k], path+"."+key)
			}
		}
	}
	ds.Input.Variables = names
	for _, name := range names {
		if r.opts.selected(name) {
			ds.VariableNames = append(ds.VariableNames, name)
		}
	}
	if len(ds.VariableNames) == 0 {
		return
	}
	if ds.Years == nil && !r.hasScores(ds) {
		ds.Years = variableYears(raw)
	}
	for i := range ds.Cities {
		if i < len(r.cityNodes) && r.cityNodes[i].kind == kindObject {
			r.cityVariables(ds, i, raw[i])
		}
	}
}

func (r *jsonReader) hasScores(ds *Dataset) bool {
	for _, c := range ds.Cities {
		if c.Scores != nil {
			return true
		}
	}
	return false
}

// variableYears is the union of the years the variables are given for.
func variableYears(raw []map[string]jsonVariable) []int {
	set := map[int]bool{}
	for _, vars := range raw {
		for _, v := range vars {
			for y := range v.byYear {
				set[y] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

func (r *jsonReader) variable(n *node, path string) jsonVariable {
	out := jsonVariable{node: n}
	switch n.kind {
	case kindNull:
		out.null = true
	case kindNumber:
		if v, ok := r.finiteValue(n, path); ok {
			out.single = &v
		}
	case kindObject:
		out.byYear, out.yearOf = map[int]float64{}, map[int]*node{}
		for k, key := range n.keys {
			year, err := strconv.Atoi(key)
			if err != nil || year < 1 || year > 9999 {
				r.problems = append(r.problems, Problem{File: r.file, Pos: r.lines.position(n.keyOff[k]), Path: path,
					Msg: fmt.Sprintf("%q is not a year: a variable by year has keys such as \"2021\"", key)})
				continue
			}
			out.yearOf[year] = n.fields[k]
			if n.fields[k].kind == kindNull {
				continue // missing that year
			}
			if v, ok := r.finiteValue(n.fields[k], path+"."+key); ok {
				out.byYear[year] = v
			}
		}
	default:
		r.add(n, path, `must be a number, null (not known), or an object of numbers by year such as {"2001": 3, "2021": 50}, not %s`, n.kind)
	}
	return out
}

// finiteValue reads a variable's number: finite, within MaxValue either
// side of 0.
func (r *jsonReader) finiteValue(n *node, path string) (float64, bool) {
	v, ok := r.numberValue(n, path)
	if !ok {
		return v, false
	}
	if msg := variableValueProblem(v); msg != "" {
		r.add(n, path, "%s", msg)
		return v, false
	}
	return v, true
}

// cityVariables fills city i's variables over the panel's years, noting
// each value it lacks.
func (r *jsonReader) cityVariables(ds *Dataset, i int, vars map[string]jsonVariable) {
	periods := max(1, len(ds.Years))
	c := &ds.Cities[i]
	c.Variables = make(map[string][]float64, len(ds.VariableNames))
	path := fmt.Sprintf("cities[%d]", i)
	for _, name := range ds.VariableNames {
		values := make([]float64, periods)
		c.Variables[name] = values
		v, given := vars[name]
		switch {
		case !given || v.null:
			at := r.cityNodes[i]
			if given {
				at = v.node
			}
			r.missingAt(i, name, at, path+".variables", "no value of %q; every city needs one (or drop the cities that lack one: missing policy drop)", name)
		case v.single != nil:
			for p := range values {
				values[p] = *v.single
			}
		case v.byYear != nil && len(ds.Years) == 0:
			r.add(v.node, path+".variables."+name, "is given by year, but the cities have one score each; give one value")
		case v.byYear != nil:
			r.panelVariable(ds, i, name, v, values)
		}
	}
}

func (r *jsonReader) panelVariable(ds *Dataset, i int, name string, v jsonVariable, values []float64) {
	path := fmt.Sprintf("cities[%d].variables.%s", i, name)
	for y, n := range v.yearOf {
		if !slices.Contains(ds.Years, y) {
			r.add(n, path, "%d is not a year of the panel (%s)", y, joinInts(ds.Years))
		}
	}
	for p, y := range ds.Years {
		x, ok := v.byYear[y]
		if ok {
			values[p] = x
			continue
		}
		at := v.node
		if n := v.yearOf[y]; n != nil {
			if n.kind != kindNull {
				continue // a value that is not a usable number, reported
			}
			at = n
		}
		r.missingAt(i, fmt.Sprintf("%s %d", name, y), at, path, "no value for %d; every city needs a value of %q for each year of the panel (%s)", y, name, joinInts(ds.Years))
	}
}

// missingAt notes a value city i lacks, placed at node n.
func (r *jsonReader) missingAt(i int, what string, n *node, path, format string, args ...any) {
	r.missing = append(r.missing, missingCell{city: i, what: what,
		at: Problem{File: r.file, Pos: r.lines.position(n.offset), Path: path, Msg: fmt.Sprintf(format, args...)}})
}
