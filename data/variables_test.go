package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

const variablesJSON = `{"cities": [
  {"id": "a", "lat": 1, "lon": 1, "scores": {"2001": 1, "2021": 2}, "variables": {"rd": 12.5, "talent": {"2001": 3, "2021": 50}}},
  {"id": "b", "lat": 2, "lon": 2, "scores": {"2001": 2, "2021": 3}, "variables": {"rd": -4, "talent": {"2001": 1, "2021": 7}}},
  {"id": "c", "lat": 3, "lon": 3, "scores": {"2001": 3, "2021": 4}, "variables": {"rd": 0, "talent": {"2001": 2, "2021": 9}}},
  {"id": "d", "lat": 4, "lon": 4, "scores": {"2001": 4, "2021": 5}, "variables": {"rd": 1e3, "talent": {"2001": 5, "2021": 6}}}],
 "links": [{"source": "a", "target": "b"}, {"source": "c", "target": "d"}]}`

// variable reads ds's variable name or fails the test.
func variable(t *testing.T, ds *Dataset, name string) [][]float64 {
	t.Helper()
	v, err := ds.Variable(name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestVariablesJSON: a variable given once in a panel holds its value in
// every year; one by year, each year's; negative values are kept; score is
// a variable too.
func TestVariablesJSON(t *testing.T) {
	ds, err := readBytes("v.json", []byte(variablesJSON))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"rd", "talent"}; !reflect.DeepEqual(ds.VariableNames, want) {
		t.Errorf("variables %v, want %v", ds.VariableNames, want)
	}
	for name, want := range map[string][][]float64{
		"rd":     {{12.5, -4, 0, 1000}, {12.5, -4, 0, 1000}},
		"talent": {{3, 1, 2, 5}, {50, 7, 9, 6}},
		"score":  {{1, 2, 3, 4}, {2, 3, 4, 5}},
		"TALENT": {{3, 1, 2, 5}, {50, 7, 9, 6}},
	} {
		if got := variable(t, ds, name); !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
}

func TestUnknownVariableSuggests(t *testing.T) {
	ds, err := readBytes("v.json", []byte(variablesJSON))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"talnet": `unknown variable "talnet" (did you mean "talent"?)`,
		"value":  `unknown variable "value" (did you mean "score"?)`,
		"gdp_pc": `unknown variable "gdp_pc"; the variables are rd, talent, score`,
	} {
		_, err := ds.Variable(name)
		var ve *VariableError
		if !errors.As(err, &ve) || err.Error() != want {
			t.Errorf("Variable(%q): %v, want %s", name, err, want)
		}
	}
}

// TestVariablesMissing: a missing value is a problem at its place; with
// the drop policy the city goes, with its links, and a warning lists it.
func TestVariablesMissing(t *testing.T) {
	src := strings.Replace(variablesJSON, `"talent": {"2001": 1, "2021": 7}`, `"talent": {"2021": 7}`, 1)
	src = strings.Replace(src, `"rd": 0,`, `"rd": null,`, 1)
	_, err := readBytes("v.json", []byte(src))
	want := []string{
		`v.json:3:103: cities[1].variables.talent: no value for 2001; every city needs a value of "talent" for each year of the panel (2001, 2021)`,
		`v.json:4:89: cities[2].variables: no value of "rd"; every city needs one`,
	}
	for _, w := range want {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error %v lacks %s", err, w)
		}
	}
	src = strings.Replace(variablesJSON, `"talent": {"2001": 1, "2021": 7}`, `"talent": {"2021": 7}`, 1)
	ds, err := readWith(Options{Missing: MissingDrop}, "v.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, c := range ds.Cities {
		ids = append(ids, c.ID)
	}
	if !reflect.DeepEqual(ids, []string{"a", "c", "d"}) || !reflect.DeepEqual(ds.Input.Dropped, []string{"b"}) || len(ds.Links) != 1 {
		t.Errorf("kept %v, dropped %v, links %v", ids, ds.Input.Dropped, ds.Links)
	}
	if len(ds.Warnings) != 1 || ds.Warnings[0].Msg != "dropped 1 city with missing values (missing policy drop): b (talent 2001); and 1 link to them" {
		t.Errorf("warnings %v", ds.Warnings)
	}
	if _, err := readWith(Options{Missing: "skip"}, "v.json", []byte(src)); err == nil || !strings.Contains(err.Error(), `missing "skip": choose error`) {
		t.Errorf("bad policy: %v", err)
	}
}

// TestVariablesCSV: every other numeric column is a variable, a text
// column is not; in a panel NAME_YYYY columns are a variable by year.
func TestVariablesCSV(t *testing.T) {
	src := `id,lat,lon,score_2001,score_2021,rd,talent_2001,talent_2021,province_en
a,1,1,1,2,12.5,3,50,Jiangsu
b,2,2,2,3,-4,1,7,Anhui
c,3,3,3,4,0,2,9,Zhejiang
`
	ds := readCSV(t, Options{}, src)
	if want := []string{"rd", "talent"}; !reflect.DeepEqual(ds.VariableNames, want) {
		t.Errorf("variables %v, want %v", ds.VariableNames, want)
	}
	if got, want := variable(t, ds, "talent"), [][]float64{{3, 1, 2}, {50, 7, 9}}; !reflect.DeepEqual(got, want) {
		t.Errorf("talent %v, want %v", got, want)
	}
	if got, want := variable(t, ds, "rd"), [][]float64{{12.5, -4, 0}, {12.5, -4, 0}}; !reflect.DeepEqual(got, want) {
		t.Errorf("rd %v, want %v", got, want)
	}
	if _, err := ds.Variable("province_en"); err == nil || !strings.Contains(err.Error(), "is not read as a variable") {
		t.Errorf("text column: %v", err)
	}
	// A table of indicators without a score (ScoreOptional): the years are
	// the variables'.
	src = "id,lat,lon,rd_2001,rd_2021,pat_2001,pat_2021\na,1,1,1,2,5,6\nb,2,2,3,4,7,8\nc,3,3,5,6,9,10\n"
	ds = readCSV(t, Options{ScoreOptional: true}, src)
	if !reflect.DeepEqual(ds.Years, []int{2001, 2021}) || ds.Cities[0].Scores != nil {
		t.Fatalf("years %v, scores %v", ds.Years, ds.Cities[0].Scores)
	}
	if got, want := variable(t, ds, "pat"), [][]float64{{5, 7, 9}, {6, 8, 10}}; !reflect.DeepEqual(got, want) {
		t.Errorf("pat %v, want %v", got, want)
	}
}

// TestVariablesCSVMissing: a column asked for reports its gaps at their
// places, or drops the cities; not asked for, it is left unread.
func TestVariablesCSVMissing(t *testing.T) {
	src := "id,lat,lon,score,rd,gdp_pc\na,1,1,1,12.5,3\nb,2,2,2,,4\nc,3,3,3,NA,x\nd,4,4,4,1,2\ne,5,5,5,2,2\n"
	ds := readCSV(t, Options{}, src)
	if len(ds.VariableNames) != 0 {
		t.Errorf("columns with gaps read as variables: %v", ds.VariableNames)
	}
	_, err := readWith(Options{Variables: []string{"rd", "gdp_pc"}}, "c.csv", []byte(src))
	for _, w := range []string{
		`c.csv:3:9: row 2, rd: no value of "rd"; every city needs one`,
		`c.csv:4:9: row 3, rd: no value of "rd"`,
		`c.csv:4:12: row 3, gdp_pc: "x" is not a number`,
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error %v lacks %s", err, w)
		}
	}
	ds, err = readWith(Options{Variables: []string{"rd"}, Missing: MissingDrop}, "c.csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := variable(t, ds, "rd"), [][]float64{{12.5, 1, 2}}; len(ds.Cities) != 3 || !reflect.DeepEqual(got, want) {
		t.Errorf("after drop: %d cities, rd %v", len(ds.Cities), got)
	}
	if len(ds.Warnings) != 1 || !strings.Contains(ds.Warnings[0].Msg, "dropped 2 cities with missing values (missing policy drop): b (rd); c (rd)") {
		t.Errorf("warnings %v", ds.Warnings)
	}
	if _, err := ds.Variable("gdp_pc"); err == nil || !strings.Contains(err.Error(), "not read") {
		t.Errorf("column not asked for: %v", err)
	}
}

func TestVariablesGeoJSON(t *testing.T) {
	src := collection(
		`{"type": "Feature", "properties": {"id": "a", "score": 1, "rd": 2.5, "name": "A"}, "geometry": {"type": "Point", "coordinates": [1, 1]}}`,
		`{"type": "Feature", "properties": {"id": "b", "score": 2, "rd": -1, "name": "B"}, "geometry": {"type": "Point", "coordinates": [2, 2]}}`,
		`{"type": "Feature", "properties": {"id": "c", "score": 3, "rd": 7, "name": "C"}, "geometry": {"type": "Point", "coordinates": [3, 3]}}`)
	ds, err := readBytes("g.geojson", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := variable(t, ds, "rd"), [][]float64{{2.5, -1, 7}}; !reflect.DeepEqual(got, want) {
		t.Errorf("rd %v, want %v", got, want)
	}
	src = strings.Replace(src, `"rd": -1, `, ``, 1)
	_, err = readWith(Options{Variables: []string{"rd"}}, "g.geojson", []byte(src))
	if err == nil || !strings.Contains(err.Error(), `g.geojson:3:1: features[1]: no value of "rd"`) {
		t.Errorf("missing property: %v", err)
	}
}

// TestVariableByYearInACrossSection: a variable by year needs a panel.
func TestVariableByYearInACrossSection(t *testing.T) {
	src := `{"cities": [
  {"id": "a", "lat": 1, "lon": 1, "score": 1, "variables": {"rd": {"2001": 1}}},
  {"id": "b", "lat": 2, "lon": 2, "score": 2, "variables": {"rd": 2}},
  {"id": "c", "lat": 3, "lon": 3, "score": 3, "variables": {"rd": 3, "score": 4}}]}`
	_, err := readBytes("x.json", []byte(src))
	for _, w := range []string{
		`x.json:2:67: cities[0].variables.rd: is given by year, but the cities have one score each; give one value`,
		`x.json:4:70: cities[2].variables: "score" is the city's score, not a variable`,
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error %v lacks %s", err, w)
		}
	}
}
