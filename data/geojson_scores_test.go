package data

import (
	"slices"
	"strings"
	"testing"
)

func featureCollection(props ...string) string {
	var fs []string
	for k, p := range props {
		fs = append(fs, `{"type":"Feature","geometry":{"type":"Point","coordinates":[`+[]string{"120,31", "121,31", "120,32", "121,32"}[k]+`]},"properties":`+p+`}`)
	}
	return `{"type":"FeatureCollection","features":[` + strings.Join(fs, ",") + `]}`
}

// TestScoresObjectIsPanel: a "scores" property holding {"YEAR": value},
// collab's own JSON form, reads as the same panel as properties
// score_YEAR; and a "scores" that cannot be a score is not suggested.
func TestScoresObjectIsPanel(t *testing.T) {
	object := featureCollection(`{"id":"a","scores":{"2021":2,"2001":1}}`, `{"id":"b","scores":{"2001":2,"2021":5}}`, `{"id":"c","scores":{"2001":3,"2021":4.5}}`)
	columns := featureCollection(`{"id":"a","score_2001":1,"score_2021":2}`, `{"id":"b","score_2001":2,"score_2021":5}`, `{"id":"c","score_2001":3,"score_2021":4.5}`)
	a, err := Read(strings.NewReader(object), "object.geojson", Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read(strings.NewReader(columns), "columns.geojson", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Years, []int{2001, 2021}) || !slices.Equal(a.Years, b.Years) {
		t.Errorf("years %v and %v, want [2001 2021]", a.Years, b.Years)
	}
	for i := range a.Cities {
		if !slices.Equal(a.Cities[i].Scores, b.Cities[i].Scores) {
			t.Errorf("city %s: scores %v, want %v", a.Cities[i].ID, a.Cities[i].Scores, b.Cities[i].Scores)
		}
	}
	for _, c := range []struct {
		scores  string
		suggest bool
	}{{`{"x":1}`, false}, {`[1,2]`, false}, {`7`, true}} {
		src := featureCollection(`{"id":"a","scores":`+c.scores+`}`, `{"id":"b","scores":`+c.scores+`}`)
		_, err := Read(strings.NewReader(src), "s.geojson", Options{})
		if err == nil || strings.Contains(err.Error(), `"scores" looks like it`) != c.suggest {
			t.Errorf("scores %s: %v; want the suggestion %v", c.scores, err, c.suggest)
		}
	}
}

// TestAttributesTyped: the input's own properties keep one declared type
// over every feature: integers, reals (an integral 12 among 12.5 is a
// real), strings (a number among strings is its text), booleans, and
// null for a missing value.
func TestAttributesTyped(t *testing.T) {
	src := featureCollection(`{"id":"a","score":1,"n":3,"x":12,"s":"one","b":true}`, `{"id":"b","score":2,"n":null,"x":12.5,"s":7,"b":false}`, `{"id":"c","score":3,"x":1e3}`)
	ds, err := Read(strings.NewReader(src), "a.geojson", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Attribute{{"n", AttributeInteger}, {"x", AttributeReal}, {"s", AttributeString}, {"b", AttributeBoolean}}
	if !slices.Equal(ds.Attributes, want) {
		t.Fatalf("attributes %v, want %v", ds.Attributes, want)
	}
	values := [][]any{{int64(3), 12.0, "one", true}, {nil, 12.5, "7", false}, {nil, 1000.0, nil, nil}}
	for i, c := range ds.Cities {
		if !slices.Equal(c.Attributes, values[i]) {
			t.Errorf("city %s: %#v, want %#v", c.ID, c.Attributes, values[i])
		}
	}
}
