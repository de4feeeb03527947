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
		{"validate-florentine", 0, []string{"validate", "testdata/florentine.json"}},
		// Queen contiguity from polygons, mapped property names, one ignored.
		{"validate-grid", 0, []string{"validate", "testdata/grid.geojson", "--id", "adcode", "--score", "patents_2021"}},
		{"validate-grid-unmapped", 3, []string{"validate", "testdata/grid.geojson"}},
		{"help-validate", 0, []string{"validate", "--help"}},
		{"help", 0, []string{"--help"}},
		{"help-analyze", 0, []string{"analyze", "--help"}},
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
	for _, key := range []string{"version", "dataset", "summary", "network", "cities", "links", "parameters", "warnings"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("results lack %q", key)
		}
	}
	cities := doc["cities"].([]any)
	if len(cities) != 41 {
		t.Fatalf("%d cities, want 41", len(cities))
	}
	cityKeys := []string{"id", "name", "province", "lat", "lon", "score", "ratio", "tier", "degree", "strength",
		"betweenness", "closeness", "harmonic", "pagerank", "eigenvector"}
	for _, c := range cities {
		for _, key := range cityKeys {
			if _, ok := c.(map[string]any)[key]; !ok {
				t.Errorf("city %v lacks %q", c.(map[string]any)["id"], key)
			}
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
		{[]string{"analyze", "--bogus"}, 2, "flag provided but not defined: -bogus (see collab analyze --help)"},
		{[]string{"analyze", "--year", "abc"}, 2, `invalid value "abc" for flag -year`},
		{[]string{"analyze", "--year", "1999"}, 2, "--year 1999: the dataset has scores for 2001, 2021"},
		{[]string{"analyze", "--edges", "links"}, 2, "--edges links: the dataset has no links"},
		{[]string{"analyze", "--tiers", "ratio:1,5"}, 2, "strictly descending"},
		{[]string{"analyze", "--format", "xml"}, 2, `--format "xml": choose text or json`},
		{[]string{"analyze", "a.json", "b.json"}, 2, "analyze takes one FILE"},
		{[]string{"validate"}, 2, "validate takes one FILE"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"analyze", "testdata/does-not-exist.json"}, 1, "no such file or directory"},
		{[]string{"--version"}, 0, ""},
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
