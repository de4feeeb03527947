package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"collab/data"
)

func sample(t *testing.T) *data.Dataset {
	t.Helper()
	ds, err := readData(data.SampleName, data.Sample())
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func run(t *testing.T, ds *data.Dataset, p Parameters) *Result {
	t.Helper()
	r, err := Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestSampleFigures reproduces the published figures of the Fudan city
// innovation index that the sample is calibrated to (../shared/data/README.md):
// mean 138.67 and CV 1.69 (population SD) in 2021, tiers of 1, 8, 9 and 23
// cities; mean 0.41 and CV 2.46 in 2001.
func TestSampleFigures(t *testing.T) {
	ds := sample(t)
	r := run(t, ds, DefaultParameters())
	q := r.Summary.Inequality
	if got := fmt.Sprintf("%.2f %.2f %.2f", q.Mean, q.CVPopulation, q.CVSample); got != "138.67 1.69 1.71" {
		t.Errorf("2021 mean, CV (population), CV (sample) = %s, want 138.67 1.69 1.71", got)
	}
	names := map[string]string{}
	for _, c := range r.Cities {
		names[c.ID] = c.Name
	}
	var sizes []int
	for _, tier := range r.Summary.Tiers {
		sizes = append(sizes, len(tier.Cities))
	}
	if !slices.Equal(sizes, []int{1, 8, 9, 23}) {
		t.Errorf("tier sizes = %v, want [1 8 9 23]", sizes)
	}
	var tier2 []string
	for _, id := range r.Summary.Tiers[1].Cities {
		tier2 = append(tier2, names[id])
	}
	want2 := []string{"Hangzhou", "Nanjing", "Suzhou (Jiangsu)", "Wuxi", "Ningbo", "Hefei", "Wenzhou", "Changzhou"}
	if names[r.Summary.Tiers[0].Cities[0]] != "Shanghai" || !slices.Equal(tier2, want2) {
		t.Errorf("tier 1 = %v, tier 2 = %v; want [Shanghai], %v", r.Summary.Tiers[0].Cities, tier2, want2)
	}
	if *r.Summary.Year != 2021 || r.Parameters.Year != 2021 || r.Network.Edges != "gravity" || r.Network.Links != 41*40/2 {
		t.Errorf("year %d, parameters %+v, network %+v", *r.Summary.Year, r.Parameters, r.Network)
	}

	p := DefaultParameters()
	p.Year = 2001
	old := run(t, ds, p).Summary.Inequality
	if got := fmt.Sprintf("%.2f %.2f", old.Mean, old.CVPopulation); got != "0.41 2.46" {
		t.Errorf("2001 mean, CV = %s, want 0.41 2.46", got)
	}
}

// threeCities is a small region with observed links: a-b (weight 3) and b-c
// (weight 1).
func threeCities(t *testing.T, links string) *data.Dataset {
	t.Helper()
	src := `{"cities": [
		{"id": "a", "lat": 30, "lon": 120, "score": 4},
		{"id": "b", "lat": 30, "lon": 121, "score": 2},
		{"id": "c", "lat": 31, "lon": 121, "score": 0}],
		"links": [` + links + `]}`
	ds, err := readData("three.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestEdgeModes(t *testing.T) {
	ds := threeCities(t, `{"source": "a", "target": "b", "weight": 3}, {"source": "b", "target": "c", "weight": 1}`)
	p := DefaultParameters()

	r := run(t, ds, p) // auto: the dataset has links
	if r.Network.Edges != "links" || r.Network.Links != 2 || r.Links[0].Weight != 3 {
		t.Errorf("auto: %+v %+v", r.Network, r.Links)
	}

	p.Edges = "gravity" // c has score 0, so only a-b is linked
	r = run(t, ds, p)
	if r.Network.Links != 1 || r.Links[0].Source != "a" || r.Links[0].Target != "b" {
		t.Errorf("gravity: %+v", r.Links)
	}
	if d := r.Links[0].DistanceKm; math.Abs(r.Links[0].Weight-8/(d*d)) > 1e-15 {
		t.Errorf("gravity weight %v, want 4*2/%v^2", r.Links[0].Weight, d)
	}

	// both, share 0.5: a-b = 0.5*3/4 + 0.5*1 = 0.875, b-c = 0.5*1/4 = 0.125.
	p.Edges = "both"
	r = run(t, ds, p)
	if len(r.Links) != 2 || math.Abs(r.Links[0].Weight-0.875) > 1e-15 || math.Abs(r.Links[1].Weight-0.125) > 1e-15 {
		t.Errorf("both: %+v", r.Links)
	}
}

func TestZeroWeightLinksAreDropped(t *testing.T) {
	ds := threeCities(t, `{"source": "a", "target": "b", "weight": 0}, {"source": "b", "target": "c", "weight": 1}`)
	r := run(t, ds, DefaultParameters())
	if r.Network.Links != 1 || !strings.Contains(strings.Join(r.Warnings, "\n"), "1 links of weight 0 were left out") {
		t.Errorf("links %+v, warnings %q", r.Links, r.Warnings)
	}
	if r.Network.Components != 2 || !strings.Contains(strings.Join(r.Warnings, "\n"), "the network has 2 components") {
		t.Errorf("network %+v, warnings %q", r.Network, r.Warnings)
	}
}

func TestRunErrors(t *testing.T) {
	ds := sample(t)
	var perr *ParameterError
	for _, c := range []struct {
		change func(*Parameters)
		want   string
	}{
		{func(p *Parameters) { p.Year = 1999 }, "year 1999"},
		{func(p *Parameters) { p.Edges = "links" }, "edges links: the dataset has no links"},
		{func(p *Parameters) { p.Edges = "road" }, `edges "road"`},
		{func(p *Parameters) { p.Beta = 0 }, "beta 0"},
		{func(p *Parameters) { p.LinkShare = 2 }, "link-share 2"},
		{func(p *Parameters) { p.Keep = 0 }, "keep 0"},
		{func(p *Parameters) { p.Resolution = 0 }, "resolution 0"},
		{func(p *Parameters) { p.Communities = 0 }, "communities 0"},
		{func(p *Parameters) { p.RoleBand = 0.5 }, "role-band 0.5"},
	} {
		p := DefaultParameters()
		c.change(&p)
		_, err := Run(context.Background(), ds, p)
		if !errors.As(err, &perr) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want a ParameterError containing %q", err, c.want)
		}
	}
	zero, err := readData("zero.json", []byte(`{"cities": [
		{"id": "a", "lat": 30, "lon": 120, "score": 0}, {"id": "b", "lat": 30, "lon": 121, "score": 0},
		{"id": "c", "lat": 31, "lon": 121, "score": 0}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), zero, DefaultParameters()); !errors.Is(err, ErrNoMean) {
		t.Errorf("all-zero scores: %v, want ErrNoMean", err)
	}
}

// TestPrunedGravity checks that a region at or above FullBelow keeps each
// city's Keep strongest links rather than every pair.
func TestPrunedGravity(t *testing.T) {
	ds := sample(t)
	p := DefaultParameters()
	p.FullBelow, p.Keep = 41, 3
	r := run(t, ds, p)
	if r.Network.Links >= 41*3 || r.Network.Links < 41*3/2 {
		t.Errorf("%d links with keep=3 on 41 cities, want between 62 and 122", r.Network.Links)
	}
	for _, c := range r.Cities {
		if c.Degree < 3 {
			t.Errorf("%s has degree %d, want >= keep", c.Name, c.Degree)
		}
	}
}

// TestScaleFree: the sample's scores times 1e-200 (or 1e90, whose squares
// overflow in the fourth moments) give the same study: gravity links
// (scaled, with a warning for the tiny scores), coefficient of variation,
// Gini and Moran's I, where products of such scores underflowed to 0 and the
// network fell into 41 components.
func TestScaleFree(t *testing.T) {
	base := run(t, sample(t), DefaultParameters())
	for _, factor := range []float64{1e-200, 1e90} {
		ds := sample(t)
		for i := range ds.Cities {
			for k := range ds.Cities[i].Scores {
				ds.Cities[i].Scores[k] *= factor
			}
		}
		r := run(t, ds, DefaultParameters())
		close := func(what string, got, want float64) {
			if !(math.Abs(got-want) <= 1e-9*math.Abs(want)) {
				t.Errorf("scores x %g: %s %v, want %v", factor, what, got, want)
			}
		}
		if r.Network.Components != 1 || r.Network.Links != base.Network.Links {
			t.Errorf("scores x %g: %d components, %d links; want 1 and %d", factor, r.Network.Components, r.Network.Links, base.Network.Links)
		}
		close("CV", r.Summary.CVPopulation, base.Summary.CVPopulation)
		close("SD / mean", r.Summary.SDSample/r.Summary.Mean, base.Summary.SDSample/base.Summary.Mean)
		close("Gini", r.Summary.Gini, base.Summary.Gini)
		close("Moran's I", float64(r.Moran.I), float64(base.Moran.I))
		close("Moran's z", float64(r.Moran.ZRandom), float64(base.Moran.ZRandom))
		warned := slices.ContainsFunc(r.Warnings, func(w string) bool {
			return strings.Contains(w, "the gravity model uses the scores divided by the largest")
		})
		if warned != (factor < 1) {
			t.Errorf("scores x %g: warned of scaled masses %v; warnings %q", factor, warned, r.Warnings)
		}
	}
}

// mustWeights parses a weights choice, failing the test on an error.
func mustWeights(t testing.TB, s string) Weights {
	t.Helper()
	w, err := ParseWeights(s)
	if err != nil {
		t.Fatal(err)
	}
	return w
}
