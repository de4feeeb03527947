package data

import (
	"os"
	"strings"
	"testing"
)

// TestSwappedCoordinates: a city of an Ethiopian region entered as lat
// 40.5, lon 7.6 (in range, so no error) is 4,298 km from the middle of the
// region, and 612 km with the two exchanged: a warning says so. The
// sample and a region with a genuine outlier (a city 2,000 km from the
// others, whose swapped position would be farther still) get none.
func TestSwappedCoordinates(t *testing.T) {
	swapped := `{"cities": [{"id": "a", "lat": 9.0, "lon": 38.7, "score": 1}, {"id": "b", "lat": 11.6, "lon": 37.4, "score": 2},
		{"id": "c", "lat": 13.5, "lon": 39.5, "score": 3}, {"id": "d", "lat": 40.5, "lon": 7.6, "score": 3}]}`
	outlier := `{"cities": [{"id": "a", "lat": 31, "lon": 120, "score": 1}, {"id": "b", "lat": 31, "lon": 121, "score": 2},
		{"id": "c", "lat": 32, "lon": 120, "score": 3}, {"id": "d", "lat": 40, "lon": 100, "score": 4}, {"id": "e", "lat": 20, "lon": 60, "score": 4}]}`
	yrd, _ := os.ReadFile("testdata/yrd.csv")
	for _, c := range []struct {
		name, src string
		want      string
	}{
		{"swapped.json", swapped, "swapped.json:2:73: cities[3].lat: lat 40.5 and lon 7.6 look swapped: the city is 4298 km from the middle of the region, and would be 612 km with lat and lon exchanged"},
		{"outlier.json", outlier, ""},
		{"yrd.csv", string(yrd), ""},
	} {
		ds, err := readBytes(c.name, []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range ds.Warnings {
			if strings.Contains(w.Msg, "swapped") {
				got = append(got, w.Error())
			}
		}
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("%s: warnings %q, want %q", c.name, got, c.want)
		}
	}
}
