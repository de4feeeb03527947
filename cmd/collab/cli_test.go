package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// invoke runs the command line in-process, as a user would type it after
// "collab".
func invoke(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Setenv("COLUMNS", "") // reports are fitted to $COLUMNS; keep golden files independent of it
	var out, errOut bytes.Buffer
	code = run(append([]string{"collab"}, args...), strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// golden runs the command and compares its stdout and stderr with
// testdata/NAME.stdout and testdata/NAME.stderr (go test -update rewrites
// them), as golang.org/x/perf/cmd/benchstat's tests do.
func golden(t *testing.T, name string, wantCode int, args ...string) {
	t.Helper()
	stdout, stderr, code := invoke(t, "", args...)
	if code != wantCode {
		t.Errorf("collab %s: exit code %d, want %d\nstderr:\n%s", strings.Join(args, " "), code, wantCode, stderr)
	}
	for _, f := range []struct{ ext, got string }{{".stdout", stdout}, {".stderr", stderr}} {
		path := filepath.Join("testdata", name+f.ext)
		if *update {
			if err := os.WriteFile(path, []byte(f.got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if f.got != string(want) {
			gotPath := filepath.Join("testdata", name+".got"+f.ext)
			os.WriteFile(gotPath, []byte(f.got), 0o644)
			t.Errorf("collab %s: %s differs from %s; got written to %s (diff them, or go test -update)", strings.Join(args, " "), f.ext[1:], path, gotPath)
		}
	}
}

func TestGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		code int
		args []string
	}{
		{"analyze-sample", 0, []string{"analyze"}},
		{"analyze-sample-2001", 0, []string{"analyze", "--year", "2001", "--top", "5"}},
		{"analyze-sample-json", 0, []string{"analyze", "--format", "json"}},
		{"analyze-florentine", 0, []string{"analyze", "testdata/florentine.json"}},
		{"analyze-digraph7", 0, []string{"analyze", "testdata/digraph7.json"}},
		{"analyze-sample-directed", 0, []string{"analyze", "--directed", "--communities", "4", "--top", "5"}},
		{"analyze-sample-spatial", 0, []string{"analyze", "--skip", "network", "--weights", "knn:4", "--fdr", "--top", "5"}},
		{"validate-florentine", 0, []string{"validate", "testdata/florentine.json"}},
		{"sweep-sector-km", 0, []string{"sweep", "--param", "sector-km", "--from", "100", "--to", "400", "--step", "25"}},
		{"growth", 0, []string{"growth", "--from", "100", "--to", "247.11", "--years", "10"}},
		// Queen contiguity from polygons, mapped property names, one ignored.
		{"validate-grid", 0, []string{"validate", "testdata/grid.geojson", "--id", "adcode", "--score", "patents_2021"}},
		{"validate-grid-unmapped", 3, []string{"validate", "testdata/grid.geojson"}},
		{"help-validate", 0, []string{"validate", "--help"}},
		{"help", 0, []string{"--help"}},
		{"help-analyze", 0, []string{"analyze", "--help"}},
		{"help-export", 0, []string{"export", "--help"}},
		{"analyze-sample-markdown", 0, []string{"analyze", "--format", "markdown", "--top", "5"}},
		{"index-panel", 0, []string{"index", "testdata/index-panel.csv", "--indicators", "rd,pat,-energy", "--subsystems", "innovation:rd,pat;economy:gdp,-energy"}},
		{"index-per-year-critic", 0, []string{"index", "testdata/index-panel.csv", "--indicators", "rd,pat,-energy", "--per-year", "--method", "critic", "--top", "3"}},
		{"index-topsis", 0, []string{"index", "testdata/index-panel.csv", "--indicators", "rd,pat,-energy", "--method", "topsis", "--shift", "0.01"}},
		{"help-index", 0, []string{"index", "--help"}},
	} {
		t.Run(c.name, func(t *testing.T) { golden(t, c.name, c.code, c.args...) })
	}
}

// TestSampleFigures checks the headline figures of the report on the
// embedded sample, as the README quotes them.
func TestSampleFigures(t *testing.T) {
	stdout, stderr, code := invoke(t, "", "analyze")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "analysing the embedded Yangtze River Delta sample") {
		t.Errorf("stderr does not say the sample is analysed: %q", stderr)
	}
	for _, want := range []string{
		"Mean score                138.67",
		"Coefficient of variation  1.69 (population)",
		"1.71 (sample)",
		"1  >= 5x mean      1  Shanghai\n",
		"2  1-5x mean       8  Hangzhou, Nanjing, Suzhou (Jiangsu), Wuxi, Ningbo, Hefei, Wenzhou, Changzhou\n",
		"3  0.5-1x mean     9  ",
		"4  < 0.5x mean    23  ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	stdout, _, _ = invoke(t, "", "analyze", "--year", "2001")
	for _, want := range []string{"Mean score                0.41", "Coefficient of variation  2.46 (population)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("2001 report lacks %q", want)
		}
	}
}

// TestJSONContract checks that --format json is valid JSON carrying every
// documented key for all 41 cities.
func TestJSONContract(t *testing.T) {
	stdout, stderr, code := invoke(t, "", "analyze", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	for _, key := range []string{"version", "dataset", "summary", "network", "weights", "moran", "lisa", "cities", "links", "parameters", "warnings"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("results lack %q", key)
		}
	}
	for _, key := range []string{"clustering", "clustering_binary", "modularity", "communities", "community_sizes", "community_run",
		"max_core", "core_size", "core_fit", "coreness_fit", "connectedness", "hierarchy"} {
		if _, ok := doc["network"].(map[string]any)[key]; !ok {
			t.Errorf("network lacks %q", key)
		}
	}
	cities := doc["cities"].([]any)
	if len(cities) != 41 {
		t.Fatalf("%d cities, want 41", len(cities))
	}
	cityKeys := []string{"id", "name", "province", "lat", "lon", "score", "ratio", "tier", "degree", "strength",
		"betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "component", "clustering", "clustering_binary",
		"community", "core", "coreness", "in_core", "constraint", "effective_size", "in_strength", "out_strength", "linkage_role",
		"neighbors", "lag", "local_moran", "local_moran_z", "local_moran_p", "quadrant", "lisa_cluster", "gi_star_z", "gi_star_p",
		"potential", "spillover_in", "spillover_out", "main_source", "main_source_share", "role"}
	for _, c := range cities {
		for _, key := range cityKeys {
			if _, ok := c.(map[string]any)[key]; !ok {
				t.Errorf("city %v lacks %q", c.(map[string]any)["id"], key)
			}
		}
	}
	moran := doc["moran"].(map[string]any)
	for _, key := range []string{"i", "expected", "variance_normal", "variance_random", "z_normal", "z_random", "p_normal", "p_random", "p_permutation", "permutations"} {
		if _, ok := moran[key]; !ok {
			t.Errorf("moran lacks %q", key)
		}
	}
	link := doc["links"].([]any)[0].(map[string]any)
	for _, key := range []string{"source", "target", "distance_km", "weight"} {
		if _, ok := link[key]; !ok {
			t.Errorf("links lack %q", key)
		}
	}
}

// TestFlorentine runs the whole command on Padgett's Florentine families as
// a links-only dataset and checks betweenness and closeness against the
// NetworkX values in ../shared/reference/README.md (NetworkX
// test_betweenness_centrality.py and test_closeness_centrality.py, abs 1e-3).
func TestFlorentine(t *testing.T) {
	stdout, stderr, code := invoke(t, "", "analyze", "testdata/florentine.json", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Cities []struct {
			ID                     string
			Betweenness, Closeness float64
		}
		Network struct{ Edges string }
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Network.Edges != "links" {
		t.Errorf("edges = %q, want links", res.Network.Edges)
	}
	betweenness := map[string]float64{"Medici": 0.522, "Guadagni": 0.255, "Albizzi": 0.212, "Salviati": 0.143,
		"Ridolfi": 0.114, "Bischeri": 0.104, "Strozzi": 0.103, "Barbadori": 0.093, "Tornabuoni": 0.092,
		"Castellani": 0.055, "Peruzzi": 0.022, "Acciaiuoli": 0, "Ginori": 0, "Lamberteschi": 0, "Pazzi": 0}
	closeness := map[string]float64{"Medici": 0.560, "Ridolfi": 0.500, "Albizzi": 0.483, "Tornabuoni": 0.483,
		"Guadagni": 0.467, "Barbadori": 0.4375, "Strozzi": 0.4375, "Bischeri": 0.400, "Castellani": 0.389,
		"Salviati": 0.389, "Acciaiuoli": 0.368, "Peruzzi": 0.368, "Ginori": 0.333, "Lamberteschi": 0.326, "Pazzi": 0.286}
	if len(res.Cities) != 15 {
		t.Fatalf("%d families, want 15", len(res.Cities))
	}
	for _, c := range res.Cities {
		if math.Abs(c.Betweenness-betweenness[c.ID]) > 1e-3 {
			t.Errorf("betweenness of %s = %.4f, NetworkX %.3f", c.ID, c.Betweenness, betweenness[c.ID])
		}
		if math.Abs(c.Closeness-closeness[c.ID]) > 1e-3 {
			t.Errorf("closeness of %s = %.4f, NetworkX %.3f", c.ID, c.Closeness, closeness[c.ID])
		}
	}
}

// TestInvalidData checks that bad data exits 3 with the problem and its
// place on stderr, and writes nothing to stdout.
func TestInvalidData(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, src, want string }{
		{"syntax.json", "{\n \"cities\": [,]}", "syntax.json:2:13: invalid JSON"},
		{"near-miss.json", `{"cities": [{"id": "a", "lat": 1, "lng": 2, "score": 1}]}`, `unknown field "lng" (did you mean "lon"?)`},
		{"duplicate.json", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": 1}, {"id": "a", "lat": 1, "lon": 3, "score": 1}, {"id": "c", "lat": 1, "lon": 4, "score": 1}]}`, `id "a" is used twice`},
		{"range.json", `{"cities": [{"id": "a", "lat": 91, "lon": 2, "score": 1}, {"id": "b", "lat": 1, "lon": 3, "score": 1}, {"id": "c", "lat": 1, "lon": 4, "score": 1}]}`, `lat 91 is outside [-90, 90]`},
		{"negative.json", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": -1}, {"id": "b", "lat": 1, "lon": 3, "score": 1}, {"id": "c", "lat": 1, "lon": 4, "score": 1}]}`, `the score is -1`},
		{"two.json", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": 1}, {"id": "b", "lat": 1, "lon": 3, "score": 1}]}`, `the region has 2 cities; the analysis needs at least 3`},
		{"links.json", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": 1}, {"id": "b", "lat": 1, "lon": 3, "score": 1}, {"id": "c", "lat": 1, "lon": 4, "score": 1}], "links": [{"source": "a", "target": "z"}, {"source": "b", "target": "b"}, {"source": "a", "target": "c", "weight": -1}]}`, `target "z" is not the id of any city`},
		{"zero.json", `{"cities": [{"id": "a", "lat": 1, "lon": 2, "score": 0}, {"id": "b", "lat": 1, "lon": 3, "score": 0}, {"id": "c", "lat": 1, "lon": 4, "score": 0}]}`, `every score is 0`},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, cmd := range []string{"analyze", "validate"} {
			if cmd == "validate" && c.name == "zero.json" {
				continue // all-zero scores are well-formed data; only the analysis cannot use them
			}
			stdout, stderr, code := invoke(t, "", cmd, path)
			if code != 3 || stdout != "" || !strings.Contains(stderr, c.want) {
				t.Errorf("collab %s %s: exit %d, stdout %q, stderr %q; want 3, nothing, %q", cmd, c.name, code, stdout, stderr, c.want)
			}
		}
		if data, _ := os.ReadFile(path); string(data) != c.src {
			t.Errorf("%s was changed", c.name)
		}
	}
}

func TestExitCodes(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"analyze", "--bogus"}, 2, "unknown flag --bogus (see collab analyze --help)"},
		{[]string{"analyze", "--year", "abc"}, 2, `--year "abc": must be a whole number (see collab analyze --help)`},
		{[]string{"analyze", "--year", "1999"}, 2, "--year 1999: the dataset has scores for 2001, 2021"},
		{[]string{"analyze", "--edges", "links"}, 2, "--edges links: the dataset has no links"},
		{[]string{"analyze", "--tiers", "ratio:1,5"}, 2, "strictly descending"},
		{[]string{"analyze", "--format", "xml"}, 2, `--format "xml": choose text, json or markdown`},
		{[]string{"analyze", "--resolution", "-1"}, 2, "--resolution -1: must be > 0"},
		{[]string{"analyze", "--communities", "0"}, 2, "--communities 0: the number of Louvain runs must be from 1"},
		{[]string{"analyze", "--role-band", "0.7"}, 2, "--role-band 0.7: must be in [0, 0.5)"},
		{[]string{"analyze", "--seed", "-3"}, 2, `--seed "-3": must be a whole number >= 0`},
		{[]string{"analyze", "testdata/florentine.json", "--directed"}, 2, "the dataset's links are undirected"},
		{[]string{"analyze", "--weights", "queen"}, 2, `--weights queen: the cities have no boundaries`},
		{[]string{"analyze", "--weights", "knn:50"}, 2, "--weights knn:50: the region has 41 cities, so K can be at most 40"},
		{[]string{"analyze", "--permutations", "-1"}, 2, "--permutations -1"},
		{[]string{"analyze", "--skip", "moran"}, 2, `--skip "moran": choose network`},
		{[]string{"analyze", "a.json", "b.json"}, 2, "analyze takes one FILE"},
		{[]string{"validate"}, 2, "validate takes one FILE"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"analyze", "testdata/does-not-exist.json"}, 1, "no such file or directory"},
		{[]string{"--version"}, 0, ""},
		{[]string{"growth", "--from", "0", "--to", "1", "--years", "1"}, 2, "need from > 0"},
		{[]string{"growth", "--from", "1"}, 2, "--to and --years are required (see collab growth --help)"},
		{[]string{"sweep", "--param", "beta", "--from", "1", "--to", "2", "--step", "1"}, 2, `--param "beta"`},
		{[]string{"analyze", "--decay", "gauss:3"}, 2, `decay "gauss:3"`},
	} {
		_, stderr, code := invoke(t, "", c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("collab %s: exit %d, stderr %q; want %d and %q", strings.Join(c.args, " "), code, stderr, c.code, c.want)
		}
	}
}

// TestStdinAndFlagOrder reads the dataset from standard input, with flags
// after the file argument.
func TestStdinAndFlagOrder(t *testing.T) {
	sample, _, _ := invoke(t, "", "sample")
	stdout, stderr, code := invoke(t, sample, "analyze", "-", "--format", "json", "--year", "2001")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Dataset    struct{ Source string }
		Parameters struct{ Year int }
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Dataset.Source != "standard input" || res.Parameters.Year != 2001 {
		t.Errorf("source %q, year %d", res.Dataset.Source, res.Parameters.Year)
	}
}

func TestSampleCommand(t *testing.T) {
	stdout, _, code := invoke(t, "", "sample")
	shared, err := os.ReadFile("../../data/samples/yrd.json")
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || stdout != string(shared) {
		t.Errorf("collab sample (exit %d) does not print data/samples/yrd.json", code)
	}
}

// TestDirectedMatchesNetworkX runs the directed dataset digraph7.json (the
// digraph of graph/structure_test.go) end to end and compares closeness,
// betweenness, clustering, constraint and effective size with NetworkX
// 2.8.8 (printed by graph/testdata/networkx_structure.py).
func TestDirectedMatchesNetworkX(t *testing.T) {
	stdout, stderr, code := invoke(t, "", "analyze", "testdata/digraph7.json", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Cities []struct {
			Betweenness, Closeness, Clustering, Constraint float64
			EffectiveSize                                  float64 `json:"effective_size"`
		}
		Network struct{ Directed bool }
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	if !res.Network.Directed || len(res.Cities) != 7 {
		t.Fatalf("directed %v, %d cities", res.Network.Directed, len(res.Cities))
	}
	want := map[string][]float64{
		"betweenness":    []float64{0.533333333333333, 0.0333333333333333, 0.533333333333333, 0.4, 0.4, 0.366666666666667, 0.3},
		"closeness":      []float64{0.460358056265985, 0.420070011668611, 0.485175202156334, 0.94488188976378, 0.851063829787234, 0.609137055837564, 0.642857142857143},
		"clustering":     []float64{0.140778676612934, 0.244224957030741, 0.117315563844112, 0.0617124231213747, 0.169984169544592, 0.113322779696395, 0},
		"constraint":     []float64{0.595762051932724, 1.05800957420005, 0.840703447940823, 0.542814518446098, 0.805873704239099, 0.663858624488134, 0.68},
		"effective size": []float64{2.50510204081633, 1, 2.92619047619048, 3.22049689440994, 1.56302521008403, 2.44444444444444, 2},
	}
	for i, c := range res.Cities {
		for name, got := range map[string]float64{"betweenness": c.Betweenness, "closeness": c.Closeness,
			"clustering": c.Clustering, "constraint": c.Constraint, "effective size": c.EffectiveSize} {
			if math.Abs(got-want[name][i]) > 1e-12 {
				t.Errorf("%s of city %d = %.15g, NetworkX %.15g", name, i, got, want[name][i])
			}
		}
	}
}

// TestSeedChangesResults checks that the seed is what the random parts of
// the results (permutation p-values, Louvain) depend on.
func TestSeedChangesResults(t *testing.T) {
	base := []string{"analyze", "--format", "json", "--communities", "6"}
	one, _, _ := invoke(t, "", base...)
	other, _, _ := invoke(t, "", append(base, "--seed", "7")...)
	if other == one || !strings.Contains(other, `"seed": 7`) {
		t.Error("--seed 7 gives the same results as the default seed")
	}
}
