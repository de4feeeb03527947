package data

import (
	"slices"
	"strings"
	"testing"
)

// TestLongPanel: one row per city and year (id,year,score, years in any
// order) reads as the same panel as score_YYYY columns; a missing or a
// repeated city-year is a problem at its row.
func TestLongPanel(t *testing.T) {
	wide := "id,name,lat,lon,score_2001,score_2021\na,Alpha,31,121,1,4\nb,Beta,31.5,120.5,2,5\nc,Gamma,32,120,3,3\n"
	long := "id,name,lat,lon,year,score\na,Alpha,31,121,2001,1\nb,Beta,31.5,120.5,2021,5\na,Alpha,31,121,2021,4\nb,Beta,31.5,120.5,2001,2\nc,Gamma,32,120,2001,3\nc,Gamma,32,120,2021,3\n"
	w, err := readBytes("wide.csv", []byte(wide))
	if err != nil {
		t.Fatal(err)
	}
	l, err := readBytes("long.csv", []byte(long))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(l.Years, w.Years) || len(l.Cities) != len(w.Cities) {
		t.Fatalf("long panel: years %v, %d cities; wide %v, %d", l.Years, len(l.Cities), w.Years, len(w.Cities))
	}
	for i := range w.Cities {
		if l.Cities[i].ID != w.Cities[i].ID || !slices.Equal(l.Cities[i].Scores, w.Cities[i].Scores) {
			t.Errorf("city %d: long %s %v, wide %s %v", i, l.Cities[i].ID, l.Cities[i].Scores, w.Cities[i].ID, w.Cities[i].Scores)
		}
	}
	for _, c := range []struct{ name, src, want string }{
		{"a missing year", strings.TrimSuffix(long, "c,Gamma,32,120,2021,3\n"), `long.csv:6:1: row 5, id: city "c" has no row for 2021`},
		{"a year twice", long + "a,Alpha,31,121,2021,9\n", `long.csv:8:16: row 7, year: city "a" has a row for 2021 already (row 3)`},
		{"not a year", long + "d,Delta,30,120,soon,1\n", `"soon" is not a year`},
	} {
		_, err := readBytes("long.csv", []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %s", c.name, err, c.want)
		}
	}
}

// TestLinksByYear: a links file with a year column gives the links of one
// year: the one asked for, else the panel's latest, else the file's
// latest; a year without links is a problem naming the years there are.
func TestLinksByYear(t *testing.T) {
	panel := "id,lat,lon,score_2001,score_2021\na,31,120,1,2\nb,31,121,2,3\nc,32,120,3,4\n"
	single := "id,lat,lon,score\na,31,120,1\nb,31,121,2\nc,32,120,3\n"
	links := "source,target,weight,year\na,b,1,2001\na,b,5,2021\nb,c,7,2021\nb,c,2,2011\n"
	for _, c := range []struct {
		name, cities string
		year         int
		want         []float64 // the weights read
		wantYear     int
	}{
		{"the panel's latest", panel, 0, []float64{5, 7}, 2021},
		{"the year asked", panel, 2001, []float64{1}, 2001},
		{"no panel: the file's latest", single, 0, []float64{5, 7}, 2021},
		{"no panel, a year asked", single, 2011, []float64{2}, 2011},
	} {
		o := Options{Links: strings.NewReader(links), LinksName: "links.csv", LinksYear: c.year}
		ds, err := readWith(o, "cities.csv", []byte(c.cities))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []float64
		for _, l := range ds.Links {
			got = append(got, l.Weight)
		}
		if !slices.Equal(got, c.want) || ds.Input.LinksYear != c.wantYear {
			t.Errorf("%s: weights %v of %d, want %v of %d", c.name, got, ds.Input.LinksYear, c.want, c.wantYear)
		}
	}
	// Validation still locates a link by its own row once the others are
	// left out: the link to z is the file's row 5, the third link of 2021.
	o := Options{Links: strings.NewReader(links + "a,z,1,2021\n"), LinksName: "links.csv"}
	if _, err := readWith(o, "cities.csv", []byte(panel)); err == nil || !strings.Contains(err.Error(), `links.csv:6:3: row 5, target: target "z" is not the id of any city`) {
		t.Errorf("a bad link of the year: %v", err)
	}
	o = Options{Links: strings.NewReader(links), LinksName: "links.csv", LinksYear: 2015}
	if _, err := readWith(o, "cities.csv", []byte(panel)); err == nil || !strings.Contains(err.Error(), "links.csv: no link of 2015; the links' years are 2001, 2011, 2021") {
		t.Errorf("a year without links: %v", err)
	}
}
