package analysis

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// pointsJSON is collab's JSON of cities at the given positions and scores.
func pointsJSON(lat, lon, score []float64) []byte {
	var cities []map[string]any
	for i := range lat {
		cities = append(cities, map[string]any{"id": fmt.Sprint("c", i), "name": fmt.Sprint("City ", i),
			"lat": lat[i], "lon": lon[i], "score": score[i]})
	}
	b, _ := json.Marshal(map[string]any{"name": "points", "cities": cities})
	return b
}

// TestMoranCompleteWeightsUndefined: on 3 cities with knn:2 every city
// neighbours both others. Worked by hand: row-standardised, w_ij = 1/2, so
// sum_ij w_ij z_i z_j = ((sum z)^2 - sum z^2)/2 = -sum z^2/2, S0 = 3 and
// I = -1/2 = E[I] whatever the scores. S1 = 1/2 sum (w_ij + w_ji)^2 =
// 1/2 * 6 * 1 = 3, S2 = sum_i (1 + 1)^2 = 12, and Var_N = (n^2 S1 - n S2 +
// 3 S0^2) / ((n^2 - 1) S0^2) - E[I]^2 = (27 - 36 + 27)/72 - 1/4 = 0: no
// z. Var_R divides by (n-3) = 0. Both inferences must be null with a
// warning, never +Inf with p 0 (as the report said before).
func TestMoranCompleteWeightsUndefined(t *testing.T) {
	ds, err := readData("three.json", pointsJSON([]float64{30, 30.5, 31}, []float64{120, 120.4, 120.1}, []float64{10, 40, 90}))
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParameters()
	p.Weights = Weights{Kind: "knn", K: 2}
	res, err := Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	m := res.Moran
	if got := float64(m.I); got < -0.5-1e-12 || got > -0.5+1e-12 {
		t.Errorf("I = %v, want -1/2", got)
	}
	for name, x := range map[string]Number{"variance_normal": m.VarianceNormal, "z_normal": m.ZNormal, "p_normal": m.PNormal,
		"variance_random": m.VarianceRandom, "z_random": m.ZRandom, "p_random": m.PRandom, "p_permutation": m.PPermutation} {
		if x.Defined() {
			t.Errorf("%s = %v, want undefined (null)", name, float64(x))
		}
	}
	b, _ := json.Marshal(m)
	if !strings.Contains(string(b), `"p_normal":null`) || !strings.Contains(string(b), `"z_normal":null`) {
		t.Errorf("JSON %s, want p_normal and z_normal null", b)
	}
	if !containsWarning(res.Warnings, "every city is a spatial neighbour of every other") {
		t.Errorf("no warning of complete weights in %q", res.Warnings)
	}
	for _, c := range res.Cities {
		if c.LocalMoranP.Defined() || c.GiStarP.Defined() || c.LISACluster != nil {
			t.Errorf("%s: local p %v, Gi* p %v, cluster %v on complete weights, want null", c.ID, float64(c.LocalMoranP), float64(c.GiStarP), c.LISACluster)
		}
	}
	// knn:1 leaves the weights incomplete: the normal inference exists, the
	// randomisation variance (n-3 in its denominator) does not.
	p.Weights = Weights{Kind: "knn", K: 1}
	if res, err = Run(context.Background(), ds, p); err != nil {
		t.Fatal(err)
	}
	if res.Moran.ZRandom.Defined() || res.Moran.PRandom.Defined() || !containsWarning(res.Warnings, "at least 4 cities") {
		t.Errorf("knn:1: z_random %v, p_random %v, warnings %q; want null with a warning", float64(res.Moran.ZRandom), float64(res.Moran.PRandom), res.Warnings)
	}
}

// TestMoranPFloor: 2,000 cities along a meridian with scores rising
// northwards, knn:2, have I near 1 and a variance near 1/(n K), so z is
// about 60 and the normal tail 0.5 erfc(z/sqrt 2) underflows to 0. The
// result holds PFloor, a bound, with a warning, not 0.
func TestMoranPFloor(t *testing.T) {
	n := 2000
	lat, lon, score := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		lat[i], lon[i], score[i] = 20+float64(i)*0.01, 110, float64(1+i)
	}
	ds, err := readData("line.json", pointsJSON(lat, lon, score))
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParameters()
	p.Weights, p.Permutations, p.Skip = Weights{Kind: "knn", K: 2}, 0, []Stage{"network"}
	res, err := Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	if z := float64(res.Moran.ZNormal); !(z > 38) {
		t.Fatalf("z_normal = %v, want above 38 (the tail underflows)", z)
	}
	if res.Moran.PNormal != PFloor || res.Moran.PRandom != PFloor {
		t.Errorf("p_normal %v, p_random %v, want the bound %g", float64(res.Moran.PNormal), float64(res.Moran.PRandom), PFloor)
	}
	if !containsWarning(res.Warnings, "an upper bound") {
		t.Errorf("no warning of the bound in %q", res.Warnings)
	}
}

func containsWarning(warnings []string, part string) bool {
	for _, w := range warnings {
		if strings.Contains(w, part) {
			return true
		}
	}
	return false
}
