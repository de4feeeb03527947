package output

import (
	"encoding/json"
	"io"
	"math"
	"strconv"
	"testing"

	"collab/analysis"
)

// TestReadLayersBack reads the cities and points layers collab writes
// back as input and checks that the study finds the same: every per-city
// measure of the sample (points with listed neighbours) and of a polygon
// grid (queen contiguity, from the polygons or, in the points layer, from
// the neighbors field) equal to 1e-6 relative (the layers round reals to
// 10 digits and positions to 6 decimals), and Moran's I too.
func TestReadLayersBack(t *testing.T) {
	for _, c := range []struct {
		name string
		r    *analysis.Result
	}{{"sample", sampleStudy(t)}, {"grid", studyOf(t, "grid.geojson", gridRegion(8, 0.3))}} {
		for _, layer := range []string{"cities", "points"} {
			src := write(t, func(w io.Writer) error { return GeoJSONLayer(w, c.r, MapOptions{}, layer) })
			back := studyOf(t, layer+".geojson", []byte(src))
			if back.Weights.Kind != c.r.Weights.Kind && !(c.r.Weights.Kind == "queen" && back.Weights.Kind == "contiguity") {
				t.Errorf("%s %s: weights %s, want %s", c.name, layer, back.Weights.Kind, c.r.Weights.Kind)
			}
			if a, b := float64(c.r.Moran.I), float64(back.Moran.I); !near(a, b) {
				t.Errorf("%s %s: Moran's I %v, want %v", c.name, layer, b, a)
			}
			compareCities(t, c.name+" "+layer, c.r.Cities, back.Cities)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(a)) }

func compareCities(t *testing.T, what string, want, got []analysis.City) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d cities, want %d", what, len(got), len(want))
	}
	bad := 0
	for i := range want {
		a, _ := flatten(&want[i])
		b, _ := flatten(&got[i])
		values := map[string]json.RawMessage{}
		for _, f := range b {
			values[f.key] = f.value
		}
		for _, f := range a {
			x, errX := strconv.ParseFloat(string(f.value), 64)
			y, errY := strconv.ParseFloat(string(values[f.key]), 64)
			same := string(f.value) == string(values[f.key]) || errX == nil && errY == nil && near(x, y)
			if !same && bad < 10 {
				bad++
				t.Errorf("%s: %s %s = %s, want %s", what, want[i].ID, f.key, values[f.key], f.value)
			}
		}
	}
}
