package data

import (
	"errors"
	"strings"
	"testing"
)

// valid is a well-formed three-city dataset the bad cases below start from.
const valid = `{
  "name": "Three",
  "cities": [
    {"id": "a", "name": "Alpha", "lat": 31.2, "lon": 121.5, "score": 10},
    {"id": "b", "name": "Beta", "lat": 31.3, "lon": 120.6, "score": 5},
    {"id": "c", "name": "Gamma", "lat": 32.1, "lon": 118.8, "score": 1}
  ]
}`

func TestReadValid(t *testing.T) {
	ds, err := readBytes("three.json", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Cities) != 3 || ds.Cities[1].Name != "Beta" || ds.Cities[2].Scores[0] != 1 || len(ds.Years) != 0 {
		t.Errorf("decoded %+v", ds)
	}
}

func TestReadSample(t *testing.T) {
	ds, err := readBytes(SampleName, Sample())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Cities) != 41 || len(ds.Years) != 2 || ds.Years[0] != 2001 || ds.Years[1] != 2021 {
		t.Fatalf("sample: %d cities, years %v", len(ds.Cities), ds.Years)
	}
	if len(ds.Warnings) != 0 {
		t.Errorf("sample warnings: %v", ds.Warnings)
	}
	yi, err := ds.YearIndex(0)
	if err != nil || yi != 1 {
		t.Errorf("YearIndex(0) = %d, %v; want the latest, 1", yi, err)
	}
	if _, err := ds.YearIndex(1999); err == nil || !strings.Contains(err.Error(), "2001, 2021") {
		t.Errorf("YearIndex(1999) = %v, want the years listed", err)
	}
}

// TestReadProblems pins every kind of bad input to its message and place.
// Each case lists substrings that must all appear in the error.
func TestReadProblems(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
	}{
		{"syntax", "{\n  \"cities\": [\n    {\"id\": \"a\",, }]}", []string{"bad.json:3:16: invalid JSON: invalid character ','"}},
		{"unclosed", "{\n  \"cities\": [\n", []string{"bad.json:3:1: invalid JSON: unexpected end of file"}},
		{"trailing data", `{"cities": []} x`, []string{"1:16: invalid JSON"}},
		{"empty", "  \n", []string{"bad.json: the file is empty"}},
		{"not utf-8", "{\"name\": \"\xff\"}", []string{"1:11: the file is not UTF-8"}},
		{"top-level array", `[1, 2]`, []string{"1:1: the top level must be an object"}},
		{"no cities", `{"name": "x"}`, []string{`1:1: missing "cities"`}},
		{"near miss lng", replace(valid, `"lon": 121.5`, `"lng": 121.5`),
			[]string{`4:47: cities[0].lng: unknown field "lng" (did you mean "lon"?)`, `4:5: cities[0]: missing "lon"`}},
		{"near miss typo", replace(valid, `"score": 5`, `"scroe": 5`), []string{`unknown field "scroe" (did you mean "score"?)`, `missing "score"`}},
		{"unknown top-level", replace(valid, `"name": "Three"`, `"nmae": "Three"`), []string{`2:3: nmae: unknown field "nmae" (did you mean "name"?)`}},
		{"field twice", replace(valid, `"score": 1}`, `"score": 1, "score": 2}`), []string{`cities[2].score: field given twice`}},
		{"duplicate id", replace(valid, `"id": "c"`, `"id": "a"`), []string{`6:12: cities[2].id: id "a" is used twice (first by cities[0] at line 4)`}},
		{"empty id", replace(valid, `"id": "c"`, `"id": " "`), []string{`cities[2].id: the id is empty`}},
		{"id of wrong type", replace(valid, `"id": "c"`, `"id": true`), []string{`cities[2].id: must be a city id`}},
		{"lat out of range", replace(valid, `"lat": 32.1`, `"lat": 95`), []string{`6:41: cities[2].lat: lat 95 is outside [-90, 90]`}},
		{"lon out of range", replace(valid, `"lon": 118.8`, `"lon": -181`), []string{`cities[2].lon: lon -181 is outside [-180, 180]`}},
		{"lat lon swapped", replace(valid, `"lat": 32.1, "lon": 118.8`, `"lat": 118.8, "lon": 32.1`), []string{`lat 118.8 is outside [-90, 90] (lat 118.8 and lon 32.1 look swapped)`}},
		{"lat as string", replace(valid, `"lat": 32.1`, `"lat": "32.1"`), []string{`cities[2].lat: must be a number, not a string (write 32.1 without quotes)`}},
		{"missing lat", replace(valid, `"lat": 32.1, `, ``), []string{`cities[2]: missing "lat"`}},
		{"negative score", replace(valid, `"score": 1}`, `"score": -1}`), []string{`6:70: cities[2].score: the score is -1; scores must be >= 0`}},
		{"infinite score", replace(valid, `"score": 1}`, `"score": 1e999}`), []string{`cities[2].score: the score is not a finite number`}},
		{"missing score", replace(valid, `, "score": 1}`, `}`), []string{`cities[2]: missing "score"`}},
		{"score and scores", replace(valid, `"score": 1}`, `"score": 1, "scores": {"2021": 1}}`), []string{`has both "score" and "scores"`}},
		{"year missing", `{"cities": [
  {"id": "a", "lat": 1, "lon": 1, "scores": {"2001": 1, "2021": 2}},
  {"id": "b", "lat": 2, "lon": 2, "scores": {"2021": 3}},
  {"id": "c", "lat": 3, "lon": 3, "scores": {"2001": 1, "2021": 2}}]}`,
			[]string{`3:3: cities[1].scores: no score for 2001; every city needs a score for each year of the panel (2001, 2021)`}},
		{"year not a year", replace(valid, `"score": 1}`, `"scores": {"y2021": 1}}`), []string{`"y2021" is not a year`}},
		{"mixed score forms", replace(valid, `"score": 1}`, `"scores": {"2021": 1}}`), []string{`cities[0]: has "score" while 1 other cities have "scores" by year`}},
		{"negative panel score", `{"cities": [
  {"id": "a", "lat": 1, "lon": 1, "scores": {"2001": 1, "2021": 2}},
  {"id": "b", "lat": 2, "lon": 2, "scores": {"2001": -4, "2021": 3}},
  {"id": "c", "lat": 3, "lon": 3, "scores": {"2001": 1, "2021": 2}}]}`, []string{`3:54: cities[1].scores.2001: the score for 2001 is -4`}},
		{"fewer than 3 cities", `{"cities": [{"id": "a", "lat": 1, "lon": 1, "score": 1}]}`, []string{`bad.json: the region has 1 city; the analysis needs at least 3`}},
		{"unknown neighbour", replace(valid, `"score": 1}`, `"score": 1, "neighbors": ["a", "d"]}`), []string{`cities[2].neighbors: neighbour "d" is not the id of any city`}},
		{"self neighbour", replace(valid, `"score": 1}`, `"score": 1, "neighbors": ["c"]}`), []string{`"c" lists itself as a neighbour`}},
		{"link unknown city", addLinks(`{"source": "a", "target": "x", "weight": 2}`), []string{`links[0].target: target "x" is not the id of any city`}},
		{"link near-miss id", addLinks(`{"source": "a", "target": "bb", "weight": 2}`), []string{`target "bb" is not the id of any city (did you mean "b"?)`}},
		{"self link", addLinks(`{"source": "a", "target": "a"}`), []string{`links[0].target: links "a" to itself`}},
		{"negative weight", addLinks(`{"source": "a", "target": "b", "weight": -3}`), []string{`links[0].weight: the weight is -3; weights must be >= 0`}},
		{"infinite weight", addLinks(`{"source": "a", "target": "b", "weight": -1e400}`), []string{`links[0].weight: the weight is not a finite number`}},
		{"duplicate link", addLinks(`{"source": "a", "target": "b"}, {"source": "b", "target": "a"}`), []string{`links[1]: duplicates links[0] at line 9 (b - a)`}},
		{"duplicate link of a kind", addLinks(`{"source": "a", "target": "b", "kind": "copatent"}, {"source": "b", "target": "a", "kind": "copatent"}`), []string{`links[1]: duplicates links[0] at line 9 (b - a, kind "copatent"); give each pair once a kind`}},
		{"link field near miss", addLinks(`{"from": "a", "target": "b"}`), []string{`links[0].from: unknown field "from" (did you mean "source"?)`, `links[0]: the source is missing or empty`}},
		{"empty link end", addLinks(`{"source": "", "target": "a"}`), []string{`links[0].source: the source is missing or empty`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ds, err := readBytes("bad.json", []byte(c.src))
			var problems Problems
			if !errors.As(err, &problems) {
				t.Fatalf("error %v (%T), want Problems", err, err)
			}
			if ds != nil {
				t.Error("a dataset was returned with the problems")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error:\n%v\nwant it to contain:\n%s", err, w)
				}
			}
		})
	}
}

// TestReadReportsEveryProblem checks that problems of different kinds in one
// file come back together, in file order.
func TestReadReportsEveryProblem(t *testing.T) {
	src := replace(replace(replace(valid, `"lon": 121.5`, `"lng": 121.5`), `"lat": 31.3`, `"lat": 91`), `"score": 1}`, `"score": -2}`)
	_, err := readBytes("bad.json", []byte(src))
	problems, _ := err.(Problems)
	if len(problems) != 4 {
		t.Fatalf("%d problems, want 4 (missing lon, unknown lng, lat, score):\n%v", len(problems), err)
	}
	for i := 1; i < len(problems); i++ {
		if problems[i].Pos.Line < problems[i-1].Pos.Line {
			t.Errorf("problems out of file order:\n%v", err)
		}
	}
}

func TestReadWarnings(t *testing.T) {
	src := replace(valid, `"lat": 32.1, "lon": 118.8`, `"lat": 31.3, "lon": 120.6`)
	src = replace(src, `"score": 5}`, `"score": 5, "neighbors": ["a", "a"]}`)
	ds, err := readBytes("w.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	all := ds.Warnings.Error()
	for _, w := range []string{
		`"c" is at the same coordinates as "b"; their distance is taken as 1 km`,
		`neighbour "a" is listed twice`,
		`"b" lists "a" as a neighbour but "a" does not list "b"`,
	} {
		if !strings.Contains(all, w) {
			t.Errorf("warnings:\n%s\nwant:\n%s", all, w)
		}
	}
}

func TestNumericIDsAreAccepted(t *testing.T) {
	src := replace(replace(valid, `"id": "a"`, `"id": 310100`), `"score": 1}`, `"score": 1, "neighbors": [310100]}`)
	ds, err := readBytes("n.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if ds.Cities[0].ID != "310100" || ds.Cities[2].Neighbors[0] != "310100" {
		t.Errorf("numeric ids decoded as %q, %q", ds.Cities[0].ID, ds.Cities[2].Neighbors)
	}
}

func TestSuggest(t *testing.T) {
	for key, want := range map[string]string{"lng": "lon", "Longitude": "lon", "latt": "lat", "neighbours": "neighbors", "scor": "score", "q": "", "zzzzzz": ""} {
		if got := suggest(key, cityFields); got != want {
			t.Errorf("suggest(%q) = %q, want %q", key, got, want)
		}
	}
	// Upper-case names (R's CRIME, HOVAL) are near misses too.
	if got := suggest("HOVL", []string{"CRIME", "INC", "HOVAL"}); got != "HOVAL" {
		t.Errorf(`suggest("HOVL") = %q, want "HOVAL"`, got)
	}
}

func replace(s, old, new string) string {
	if !strings.Contains(s, old) {
		panic("test fixture does not contain " + old)
	}
	return strings.Replace(s, old, new, 1)
}

func addLinks(links string) string {
	return replace(valid, "\n  ]\n}", "\n  ],\n  \"links\": [\n    "+links+"\n  ]\n}")
}

// TestRepeatedWarningsSummarised: 100,000 copies of one neighbour give
// five warnings and one that counts the other 99,994, not 99,999 lines.
func TestRepeatedWarningsSummarised(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"cities": [{"id": "a", "lat": 31, "lon": 120, "score": 1, "neighbors": ["b"`)
	for range 100_000 {
		b.WriteString(`, "b"`)
	}
	b.WriteString(`]}, {"id": "b", "lat": 31, "lon": 121, "score": 2, "neighbors": ["a"]}, {"id": "c", "lat": 32, "lon": 120, "score": 3}]}`)
	ds, err := readBytes("repeated.json", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Warnings) != similarWarnings+1 {
		t.Fatalf("%d warnings, want %d", len(ds.Warnings), similarWarnings+1)
	}
	last := ds.Warnings[len(ds.Warnings)-1].Error()
	if want := "repeated.json: 99995 more warnings like the one at line 1 (cities[0].neighbors): only the first 5 are listed"; last != want {
		t.Errorf("the summary is %q, want %q", last, want)
	}
}

// TestOneRuleForIDs: an id with white space around it is the same id in
// JSON as in CSV (both refuse the duplicate); neighbours and links are
// matched the same way.
func TestOneRuleForIDs(t *testing.T) {
	for name, src := range map[string]string{
		"ids.json": `{"cities": [{"id": "310100", "lat": 31, "lon": 121, "score": 1}, {"id": "310100 ", "lat": 31.5, "lon": 121, "score": 2}, {"id": "c", "lat": 32, "lon": 120, "score": 3}]}`,
		"ids.csv":  "id,lat,lon,score\n310100,31,121,1\n\"310100 \",31.5,121,2\nc,32,120,3\n",
	} {
		if _, err := readBytes(name, []byte(src)); err == nil || !strings.Contains(err.Error(), `id "310100" is used twice`) {
			t.Errorf("%s: %v, want the duplicate refused", name, err)
		}
	}
	ds, err := readBytes("refs.json", []byte(`{"cities": [{"id": " a", "lat": 31, "lon": 121, "score": 1, "neighbors": ["b "]}, {"id": "b", "lat": 31.5, "lon": 121, "score": 2, "neighbors": [" a"]}, {"id": "c", "lat": 32, "lon": 120, "score": 3}], "links": [{"source": "a ", "target": " c", "weight": 1}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if ds.Cities[0].ID != "a" || ds.Cities[0].Neighbors[0] != "b" || ds.Links[0].Source != "a" || ds.Links[0].Target != "c" {
		t.Errorf("ids not trimmed: %q %q, link %q-%q", ds.Cities[0].ID, ds.Cities[0].Neighbors, ds.Links[0].Source, ds.Links[0].Target)
	}
}

// TestPopulationAndGDPChecked: a population or GDP that is infinite,
// negative or over MaxValue is refused, in JSON as in CSV.
func TestPopulationAndGDPChecked(t *testing.T) {
	src := `{"cities": [{"id": "a", "lat": 31, "lon": 121, "score": 1, "population": 1e400}, {"id": "b", "lat": 31.5, "lon": 121, "score": 2, "population": -5}, {"id": "c", "lat": 32, "lon": 120, "score": 3, "gdp": 1e300}]}`
	_, err := readBytes("sizes.json", []byte(src))
	for _, want := range []string{"cities[0].population: population is not a finite number", "cities[1].population: population is -5; it must be >= 0", "cities[2].gdp: gdp is 1e+300; it must be at most 1e+100"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%v; want %q", err, want)
		}
	}
}

// TestLinksOfTwoKindsOnAPair: a pair may carry one link of each kind.
func TestLinksOfTwoKindsOnAPair(t *testing.T) {
	src := strings.Replace(valid, `"cities"`, `"links": [{"source": "a", "target": "b", "weight": 3, "kind": "copatent"}, {"source": "b", "target": "a", "weight": 2, "kind": "investment"}], "cities"`, 1)
	ds, err := readBytes("kinds.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Links) != 2 {
		t.Errorf("%d links, want 2", len(ds.Links))
	}
}
