package analysis

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"collab/geom"
	"collab/param"
)

// TestDyadicMatrix: the matrices of three cities worked by hand.
func TestDyadicMatrix(t *testing.T) {
	ds, err := readData("d.json", []byte(`{"cities": [
		{"id": "a", "province": "P", "lat": 31, "lon": 120, "score": 2},
		{"id": "b", "province": "P", "lat": 31, "lon": 121, "score": 5},
		{"id": "c", "province": "Q", "lat": 32, "lon": 120, "score": 1}],
		"links": [{"source": "a", "target": "b", "weight": 3, "kind": "copatent"}, {"source": "b", "target": "c", "weight": 1, "kind": "trade"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	dab := geom.Distance(geom.Point{120, 31}, geom.Point{121, 31})
	for _, c := range []struct {
		name string
		i, j int
		want float64
	}{
		{"links", 0, 1, 3}, {"links", 1, 2, 1}, {"links", 0, 2, 0},
		{"links:copatent", 1, 2, 0}, {"links:trade", 2, 1, 1},
		{"distance", 0, 1, dab},
		{"same_province", 0, 1, 1}, {"same_province", 0, 2, 0},
		{"score_gap", 1, 2, 4},                      // |5 - 1|
		{"gravity", 0, 1, 2 * 5 / math.Pow(dab, 2)}, // s_a s_b / d^2
	} {
		m, err := DyadicMatrix(ds, 0, c.name, 2, "x")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := m.At(c.i, c.j); math.Abs(got-c.want) > 1e-12*math.Max(1, c.want) {
			t.Errorf("%s[%d,%d] = %v, want %v", c.name, c.i, c.j, got, c.want)
		}
	}
	for name, want := range map[string]string{
		"distanse":   `x "distanse": no such matrix (did you mean "distance"?)`,
		"links:none": `x links:none: no link has that kind; the kinds are "copatent", "trade"`,
	} {
		_, err := DyadicMatrix(ds, 0, name, 2, "x")
		var pe *param.Error
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: error %v, want a parameter error %s...", name, err, want)
		}
	}
}

// TestLinksOfSeveralKinds: one pair may carry a link of each kind; the
// network and the "links" matrix add them, "links:KIND" takes its own.
func TestLinksOfSeveralKinds(t *testing.T) {
	ds, err := readData("k.json", []byte(`{"cities": [
		{"id": "a", "lat": 31, "lon": 120, "score": 2},
		{"id": "b", "lat": 31, "lon": 121, "score": 5},
		{"id": "c", "lat": 32, "lon": 120, "score": 1}],
		"links": [{"source": "a", "target": "b", "weight": 3, "kind": "copatent"},
			{"source": "b", "target": "a", "weight": 2, "kind": "investment"},
			{"source": "b", "target": "c", "weight": 1, "kind": "copatent"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]float64{"links": 5, "links:copatent": 3, "links:investment": 2} {
		m, err := DyadicMatrix(ds, 0, name, 2, "x")
		if err != nil {
			t.Fatal(err)
		}
		if got := m.At(0, 1); got != want {
			t.Errorf("%s[a,b] = %v, want %v", name, got, want)
		}
	}
	p := DefaultParameters()
	p.Edges, p.Permutations = "links", 0
	res, err := Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Network.Links != 2 || !strings.Contains(strings.Join(res.Warnings, "\n"), "1 pair of cities has links of several kinds") {
		t.Errorf("%d links, warnings %q: want 2 links, a-b of weight 5, and the warning", res.Network.Links, res.Warnings)
	}
}
