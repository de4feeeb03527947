package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// tablePlacer places the cities of a small table by id or name, as a
// gazetteer would: its errors say which name it could not place.
type tablePlacer map[string]City

func (p tablePlacer) Place(c City) (City, error) {
	for _, key := range []string{c.ID, c.Name, c.NameLocal} {
		if placed, ok := p[key]; ok && key != "" {
			return placed, nil
		}
	}
	return City{}, errors.New("no such city: " + orDefault(c.Name, c.ID))
}

// threeCities is a chain a - b - c with d, a neighbour of c, absent from
// the files below: placed neighbours keep to the cities present.
var threeCities = func() tablePlacer {
	a := City{ID: "100", Name: "Alpha", NameLocal: "甲", Province: "P", Lat: 30, Lon: 120, Neighbors: []string{"200"}}
	b := City{ID: "200", Name: "Beta", NameLocal: "乙", Province: "P", Lat: 31, Lon: 121, Neighbors: []string{"100", "300"}}
	c := City{ID: "300", Name: "Gamma", NameLocal: "丙", Province: "Q", Lat: 32, Lon: 122, Neighbors: []string{"200", "400"}}
	return tablePlacer{"100": a, "Alpha": a, "甲": a, "200": b, "Beta": b, "乙": b, "300": c, "Gamma": c, "丙": c}
}()

// TestPlace reads files whose cities have no lat and lon: each placed
// city takes the placer's id, position, province and neighbours among the
// cities present; names the file gives are kept.
func TestPlace(t *testing.T) {
	cases := []struct {
		name, file, src string
	}{
		{"CSV of names", "s.csv", "name,score\nAlpha,1\nBeta,2\nGamma,3\n"},
		{"CSV of local names", "s.csv", "name,score\n甲,1\n乙,2\n丙,3\n"},
		{"CSV of adcodes", "s.csv", "adcode,score\n100,1\n200,2\n300,3\n"},
		{"CSV of ids", "s.csv", "id,score\n100,1\n200,2\n300,3\n"},
		{"JSON", "s.json", `{"cities": [{"name": "Alpha", "score": 1}, {"name": "Beta", "score": 2}, {"id": "300", "score": 3}]}`},
		{"GeoJSON", "s.geojson", `{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name": "Alpha", "score": 1}, "geometry": null},
{"type": "Feature", "properties": {"name": "Beta", "score": 2}, "geometry": null},
{"type": "Feature", "id": "300", "properties": {"score": 3}, "geometry": null}]}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ds, err := Read(strings.NewReader(c.src), c.file, Options{Place: threeCities})
			if err != nil {
				t.Fatal(err)
			}
			if ds.Input.Placed != 3 {
				t.Errorf("placed %d, want 3", ds.Input.Placed)
			}
			want := []struct {
				id, province string
				lat, lon     float64
				neighbors    []string
			}{{"100", "P", 30, 120, []string{"200"}}, {"200", "P", 31, 121, []string{"100", "300"}}, {"300", "Q", 32, 122, []string{"200"}}}
			for i, w := range want {
				got := ds.Cities[i]
				if got.ID != w.id || got.Province != w.province || got.Lat != w.lat || got.Lon != w.lon || !slices.Equal(got.Neighbors, w.neighbors) {
					t.Errorf("city %d = %+v, want %+v", i, got, w)
				}
				if got.NameLocal == "" || got.Name == "" || got.Name == got.ID {
					t.Errorf("city %d: names %q, %q", i, got.Name, got.NameLocal)
				}
			}
		})
	}
}

// TestPlaceKeepsWhatTheFileSays: a city with lat and lon is not placed;
// the file's names and province win over the placer's; neighbours and
// links that name a placed city by its id or name in the file follow it
// to its new id.
func TestPlaceKeepsWhatTheFileSays(t *testing.T) {
	src := "id,name,province,lat,lon,score,neighbors\nx,Alpha,Mine,,,1,y\ny,Beta,,,,2,\nz,Zeta,,40,110,3,\n"
	links := "source,target,weight\nAlpha,Beta,5\ny,z,1\n"
	ds, err := Read(strings.NewReader(src), "s.csv", Options{Place: threeCities, Links: strings.NewReader(links), LinksName: "l.csv"})
	if err != nil {
		t.Fatal(err)
	}
	a, b, z := ds.Cities[0], ds.Cities[1], ds.Cities[2]
	if a.ID != "100" || a.Name != "Alpha" || a.Province != "Mine" || !slices.Equal(a.Neighbors, []string{"200"}) {
		t.Errorf("a = %+v", a)
	}
	if b.ID != "200" || b.Province != "P" || !slices.Equal(b.Neighbors, []string{"100"}) {
		t.Errorf("b = %+v", b)
	}
	if z.ID != "z" || z.Lat != 40 || ds.Input.Placed != 2 {
		t.Errorf("z = %+v, placed %d", z, ds.Input.Placed)
	}
	want := []Link{{"100", "200", 5, ""}, {"200", "z", 1, ""}}
	if !slices.Equal(ds.Links, want) {
		t.Errorf("links %v, want %v", ds.Links, want)
	}
}

// TestPlaceProblems: every city the placer cannot place is reported at
// once, at its row and the field that named it, and nothing else is said
// of it; half a position is still an error, as without a placer.
func TestPlaceProblems(t *testing.T) {
	cases := []struct {
		name, file, src string
		want            []string
	}{
		{"two unknown names", "s.csv", "name,score\nAlpha,1\nOmega,2\nBeta,3\nPsi,4\n",
			[]string{"s.csv:3:1: row 2, name: no lat and lon, and no such city: Omega", "s.csv:5:1: row 4, name: no lat and lon, and no such city: Psi"}},
		{"an unknown id", "s.csv", "id,score\n100,1\n999,2\n200,3\n",
			[]string{"s.csv:3:1: row 2, id: no lat and lon, and no such city: 999"}},
		{"JSON", "s.json", `{"cities": [{"name": "Alpha", "score": 1}, {"name": "Omega", "score": 2}, {"name": "Beta", "score": 3}]}`,
			[]string{`s.json:1:53: cities[1].name: no lat and lon, and no such city: Omega`}},
		{"lat without lon", "s.csv", "name,lat,score\nAlpha,30,1\nBeta,,2\nGamma,,3\n",
			[]string{`no "lon" column`}},
		{"neither id nor name", "s.csv", "score\n1\n2\n3\n",
			[]string{`no "id" column`}},
		{"an empty name", "s.csv", "name,score\nAlpha,1\n,2\nBeta,3\n",
			[]string{"s.csv:3:1: row 2: the id is empty"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(c.src), c.file, Options{Place: threeCities})
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("error %v, want Problems", err)
			}
			if len(ps) != len(c.want) {
				t.Errorf("%d problems, want %d:\n%v", len(ps), len(c.want), err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%v\nwant it to contain %q", err, w)
				}
			}
		})
	}
}

// TestNoPlacerNoChange: without a placer a city without lat and lon is
// still an error, as before.
func TestNoPlacerNoChange(t *testing.T) {
	_, err := Read(strings.NewReader("name,score\nAlpha,1\nBeta,2\nGamma,3\n"), "s.csv", Options{})
	if err == nil || !strings.Contains(err.Error(), `no "id" column`) || !strings.Contains(err.Error(), `no "lat" column`) {
		t.Errorf("%v, want the missing columns", err)
	}
}
