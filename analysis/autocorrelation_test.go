package analysis

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"collab/data"
)

// yrdSpdep holds R spdep 1.2-7's figures for the embedded sample's 2021
// scores under its contiguity, symmetrised (make.sym.nb), printed by
// testdata/yrd_spdep.R:
//
//	moran.test(y, nb2listw(nb, style = "W"), randomisation = TRUE)   # and FALSE
//	moran.test(y, nb2listw(nb, style = "B"), randomisation = TRUE)
//	localmoran(y, nb2listw(nb, style = "W"))   # Ii * 40/41: esda's scale
//	localG(y, nb2listw(include.self(nb), style = "B"))
var yrdSpdep = map[string][]float64{
	"I":                   {0.12394077480557038},
	"E":                   {-0.025000000000000001},
	"VarR":                {0.0071043199047873973},
	"p":                   {0.038608729812654334},
	"VarN":                {0.0099828858211241534},
	"binary I":            {0.0883644608788485},
	"binary VarR":         {0.0063732155188282597},
	"localmoran Ii*40/41": {2.6196900420995299, -0.56418037241058083, 0.11917176896641063},
	"localmoran Z.Ii":     {1.8132531855978777, -0.66339810469168525, 0.48429789248221655},
	"localG":              {3.342030345606755, 0.090484206165946907, 0.69565243112061448},
}

// yrdFigures returns collab's figures under the same names.
func yrdFigures(t *testing.T) map[string][]float64 {
	ds := sample(t)
	r := run(t, ds, DefaultParameters())
	p := DefaultParameters()
	p.Standardize = "binary"
	b := run(t, ds, p)
	got := map[string][]float64{
		"I": {float64(r.Moran.I)}, "E": {float64(r.Moran.Expected)}, "VarR": {float64(r.Moran.VarianceRandom)},
		"p": {float64(r.Moran.PRandom)}, "VarN": {float64(r.Moran.VarianceNormal)},
		"binary I": {float64(b.Moran.I)}, "binary VarR": {float64(b.Moran.VarianceRandom)},
	}
	for _, c := range r.Cities[:3] {
		got["localmoran Ii*40/41"] = append(got["localmoran Ii*40/41"], float64(c.LocalMoran))
		got["localmoran Z.Ii"] = append(got["localmoran Z.Ii"], float64(c.LocalMoranZ))
		got["localG"] = append(got["localG"], float64(c.GiStarZ))
	}
	return got
}

func compareFigures(t *testing.T, got, want map[string][]float64) {
	t.Helper()
	for name, w := range want {
		for k := range w {
			if k >= len(got[name]) || math.Abs(got[name][k]-w[k]) > 1e-9*max(1, math.Abs(w[k])) {
				t.Errorf("%s[%d] = %v, spdep %.17g", name, k, got[name], w[k])
			}
		}
	}
}

// TestMoranSampleMatchesSpdep checks the sample's Moran's I and its
// inference, local Moran and Gi* against spdep to 1e-9.
func TestMoranSampleMatchesSpdep(t *testing.T) {
	compareFigures(t, yrdFigures(t), yrdSpdep)
}

// TestMoranSampleLiveSpdep runs testdata/yrd_spdep.R when Rscript and
// spdep are installed (Debian r-cran-spdep r-cran-jsonlite) and compares
// its output with collab's.
func TestMoranSampleLiveSpdep(t *testing.T) {
	if _, err := exec.LookPath("Rscript"); err != nil {
		t.Skip("Rscript not installed (apt-get install r-cran-spdep r-cran-jsonlite)")
	}
	out, err := exec.Command("Rscript", "testdata/yrd_spdep.R").CombinedOutput()
	if err != nil {
		t.Skipf("Rscript testdata/yrd_spdep.R failed (is spdep installed?): %v\n%s", err, out)
	}
	want := map[string][]float64{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		switch f[0] {
		case "I": // I v E v VarR v p v VarN v
			for k := 0; k+1 < len(f); k += 2 {
				want[f[k]] = parseFloats(t, f[k+1:k+2])
			}
		case "binary": // binary I v VarR v
			want["binary I"], want["binary VarR"] = parseFloats(t, f[2:3]), parseFloats(t, f[4:5])
		case "localmoran":
			want["localmoran "+f[1]] = parseFloats(t, f[2:])
		case "localG":
			want["localG"] = parseFloats(t, f[1:])
		}
	}
	if len(want) != len(yrdSpdep) {
		t.Fatalf("parsed %d figures from R, want %d:\n%s", len(want), len(yrdSpdep), out)
	}
	compareFigures(t, yrdFigures(t), want)
}

func parseFloats(t *testing.T, fields []string) []float64 {
	t.Helper()
	var v []float64
	for _, f := range fields {
		x, err := strconv.ParseFloat(f, 64)
		if err != nil {
			t.Fatal(err)
		}
		v = append(v, x)
	}
	return v
}

func TestWeightsResolution(t *testing.T) {
	r := run(t, sample(t), DefaultParameters())
	if r.Parameters.Weights.String() != "contiguity" || r.Weights.Kind != "contiguity" || r.Weights.MinNeighbors < 1 {
		t.Errorf("sample: weights %q, summary %+v; want contiguity (the sample lists neighbours)", r.Parameters.Weights, r.Weights)
	}
	// Three cities without neighbours: K = round(sqrt(3)) = 2, cut to
	// n-2 = 1 so that the weights are not complete (autoK).
	r = run(t, threeCities(t, `{"source": "a", "target": "b", "weight": 1}`), DefaultParameters())
	if r.Parameters.Weights.String() != "knn:1" || r.Weights.Links != 3 {
		t.Errorf("three cities: weights %q, %d links; want knn:1 and 3", r.Parameters.Weights, r.Weights.Links)
	}
	for _, spec := range []string{"knn:4", "band:150", "delaunay"} {
		p := DefaultParameters()
		p.Weights = mustWeights(t, spec)
		r := run(t, sample(t), p)
		if r.Parameters.Weights.String() != spec || !r.Moran.I.Defined() {
			t.Errorf("%s: resolved %q, I %v", spec, r.Parameters.Weights, r.Moran.I)
		}
	}
}

// TestIslands checks that a distance band too short for some cities names
// them, marks them isolated and suggests the band that leaves none.
func TestIslands(t *testing.T) {
	p := DefaultParameters()
	p.Weights = mustWeights(t, "band:60")
	r := run(t, sample(t), p)
	if len(r.Weights.Islands) == 0 || r.LISA.Isolated != len(r.Weights.Islands) {
		t.Fatalf("band:60: islands %v, isolated %d", r.Weights.Islands, r.LISA.Isolated)
	}
	warn := strings.Join(r.Warnings, "\n")
	if !strings.Contains(warn, "have no neighbour under band:60 weights") || !strings.Contains(warn, "the smallest band that leaves none is") {
		t.Errorf("warnings %q", r.Warnings)
	}
	for _, c := range r.Cities {
		if c.ID == r.Weights.Islands[0] {
			if *c.LISACluster != Isolated || c.Quadrant != nil || c.LocalMoranP.Defined() || c.Lag != 0 {
				t.Errorf("island %s: %+v", c.Name, *c.Autocorrelation)
			}
		}
	}
}

func TestSpatialParameterErrors(t *testing.T) {
	var perr *ParameterError
	for _, c := range []struct {
		change func(*Parameters)
		ds     *data.Dataset
		want   string
	}{
		{func(p *Parameters) { p.Weights = mustWeights(t, "queen") }, nil, `weights queen: the cities have no boundaries`},
		{func(p *Parameters) { p.Weights = Weights{Kind: "knn"} }, nil, "K must be a whole number"},
		{func(p *Parameters) { p.Weights = Weights{Kind: "band", Km: -5} }, nil, "KM must be a distance"},
		{func(p *Parameters) { p.Weights = mustWeights(t, "knn:41") }, nil, "K can be at most 40"},
		{func(p *Parameters) { p.Weights = mustWeights(t, "contiguity") }, threeCities(t, ""), `the dataset lists no "neighbors"`},
		{func(p *Parameters) { p.Weights, p.Symmetric = Weights{Kind: "delaunay"}, true }, nil, "symmetric: only knn:K"},
		{func(p *Parameters) { p.Standardize = "W" }, nil, `standardize "W"`},
		{func(p *Parameters) { p.Permutations = -1 }, nil, "permutations -1"},
		{func(p *Parameters) { p.Alpha = 5 }, nil, "alpha 5"},
		{func(p *Parameters) { p.Skip = []Stage{"moran"} }, nil, `skip "moran"`},
	} {
		p := DefaultParameters()
		c.change(&p)
		ds := c.ds
		if ds == nil {
			ds = sample(t)
		}
		_, err := Run(context.Background(), ds, p)
		if !errors.As(err, &perr) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want a ParameterError containing %q", err, c.want)
		}
	}
}

// TestEqualScores checks that Moran's I of equal scores is null in JSON,
// with a warning, not NaN (which encoding/json cannot write).
func TestEqualScores(t *testing.T) {
	ds, err := readData("equal.json", []byte(`{"cities": [
		{"id": "a", "lat": 30, "lon": 120, "score": 2}, {"id": "b", "lat": 30, "lon": 121, "score": 2},
		{"id": "c", "lat": 31, "lon": 121, "score": 2}, {"id": "d", "lat": 31, "lon": 120, "score": 2}]}`))
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, ds, DefaultParameters())
	out, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"moran":{"i":null,`) || !strings.Contains(string(out), `"local_moran_p":null`) {
		t.Errorf("JSON %s", out)
	}
	if !strings.Contains(strings.Join(r.Warnings, "\n"), "every city has the same score") {
		t.Errorf("warnings %q", r.Warnings)
	}
}

// TestSkip checks that skipped stages leave their results out.
func TestSkip(t *testing.T) {
	p := DefaultParameters()
	p.Skip = []Stage{"network"}
	r := run(t, sample(t), p)
	out, _ := json.Marshal(r)
	if r.Network != nil || r.Cities[0].Centrality != nil || strings.Contains(string(out), `"betweenness"`) || r.Moran == nil {
		t.Errorf("skip network: network %v, JSON %.300s", r.Network, out)
	}
	p.Skip = []Stage{"spatial"}
	r = run(t, sample(t), p)
	// The weights are built all the same: the belts need them.
	if r.Moran != nil || r.LISA != nil || r.Weights == nil || r.Cities[0].Autocorrelation != nil || r.Network == nil || len(r.Belts) != 1 {
		t.Errorf("skip spatial: moran %v, weights %v, network %v, belts %v", r.Moran, r.Weights, r.Network, r.Belts)
	}
}

// TestFDR checks that false-discovery-rate control keeps at most the
// clusters significant at alpha alone, with a cut-off at most alpha.
func TestFDR(t *testing.T) {
	p := DefaultParameters()
	p.Weights = mustWeights(t, "knn:4")
	plain := run(t, sample(t), p).LISA
	p.FDR = true
	fdr := run(t, sample(t), p).LISA
	sig := func(l *LISASummary) int { return l.HighHigh + l.LowHigh + l.LowLow + l.HighLow }
	if sig(fdr) > sig(plain) || float64(fdr.Cutoff) > 0.05 || !fdr.FDR || sig(plain) == 0 {
		t.Errorf("FDR: %d significant (cut-off %v), alpha alone: %d", sig(fdr), fdr.Cutoff, sig(plain))
	}
}

// TestQueenFromBoundaries: a 2 x 2 grid of cells (each the queen neighbour
// of the three others), a cell touching the grid's north-east corner only,
// and an island, given as GeoJSON polygons: auto weights are queen
// contiguity of the boundaries, computed in the study (the reader keeps
// the boundaries), and the results record the choice and the snap.
func TestQueenFromBoundaries(t *testing.T) {
	square := func(id string, lon, lat float64, score int) string {
		return fmt.Sprintf(`{"type": "Feature", "properties": {"id": %q, "score": %d}, "geometry": {"type": "Polygon", "coordinates": [[[%g, %g], [%g, %g], [%g, %g], [%g, %g], [%g, %g]]]}}`,
			id, score, lon, lat, lon+0.1, lat, lon+0.1, lat+0.1, lon, lat+0.1, lon, lat)
	}
	src := `{"type": "FeatureCollection", "features": [` + strings.Join([]string{
		square("sw", 120, 31, 1), square("se", 120.1, 31, 2), square("nw", 120, 31.1, 3), square("ne", 120.1, 31.1, 4),
		square("corner", 120.2, 31.2, 5), square("island", 121, 30, 6)}, ", ") + `]}`
	ds, err := readData("grid.geojson", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, ds, DefaultParameters())
	if r.Parameters.Weights.String() != "queen" || r.Parameters.SnapM != 1 {
		t.Errorf("weights %v, snap %v; want queen and 1 m", r.Parameters.Weights, r.Parameters.SnapM)
	}
	want := map[string]int{"sw": 3, "se": 3, "nw": 3, "ne": 4, "corner": 1, "island": 0}
	for _, c := range r.Cities {
		if c.Autocorrelation.Neighbors != want[c.ID] {
			t.Errorf("%s: %d neighbours, want %d", c.ID, c.Autocorrelation.Neighbors, want[c.ID])
		}
	}
	if !slices.Equal(r.Weights.Islands, []string{"island"}) {
		t.Errorf("islands %v", r.Weights.Islands)
	}
}
