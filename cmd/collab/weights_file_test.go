package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"collab/data"
)

// sampleNeighbours is the embedded sample's contiguity: each city's listed
// neighbours joined with the cities that list it (the weights are
// symmetric), by id, sorted.
func sampleNeighbours(t *testing.T) map[string][]string {
	t.Helper()
	ds, err := data.Read(strings.NewReader(string(data.Sample())), "yrd.json", data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	nb := map[string][]string{}
	for _, c := range ds.Cities {
		nb[c.ID] = append(nb[c.ID], []string{}...)
		for _, j := range c.Neighbors {
			nb[c.ID] = append(nb[c.ID], j)
			nb[j] = append(nb[j], c.ID)
		}
	}
	for id, list := range nb {
		slices.Sort(list)
		nb[id] = slices.Compact(list)
	}
	return nb
}

// moranOf runs analyze --format json with args and returns Moran's I.
func moranOf(t *testing.T, args ...string) (float64, string) {
	t.Helper()
	stdout, stderr, code := invoke(t, "", append([]string{"analyze", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("analyze %v: exit %d: %s", args, code, stderr)
	}
	var res struct {
		Moran   struct{ I float64 }
		Weights struct{ Kind string }
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	return res.Moran.I, res.Weights.Kind
}

// TestWeightsOut writes the sample's contiguity weights as GAL and its
// knn:4 weights as GWT, reads them back with libpysal
// (libpysal.io.open(path).read()) and R spdep (read.gal, read.gwt2nb), and
// checks that both see the same neighbours: for contiguity the sample's
// own neighbour lists, made symmetric; for knn:4 libpysal's own
// KNN.from_array on arc distances (radius 6371.0088 km, collab's sphere),
// whose distances the GWT file must give within 1e-9 relative.
func TestWeightsOut(t *testing.T) {
	dir := t.TempDir()
	gal, gwt, csvFile := filepath.Join(dir, "queen.gal"), filepath.Join(dir, "knn4.gwt"), filepath.Join(dir, "knn4.csv")
	if _, stderr, code := invoke(t, "", "analyze", "--weights-out", gal); code != 0 {
		t.Fatalf("--weights-out %s: %s", gal, stderr)
	}
	if _, stderr, code := invoke(t, "", "analyze", "--weights", "knn:4", "--weights-out", gwt); code != 0 {
		t.Fatalf("--weights-out %s: %s", gwt, stderr)
	}
	if _, stderr, code := invoke(t, "", "analyze", "--weights", "knn:4", "--weights-out", csvFile); code != 0 {
		t.Fatalf("--weights-out %s: %s", csvFile, stderr)
	}
	if b, _ := os.ReadFile(csvFile); !strings.HasPrefix(string(b), "focal,neighbor,weight,distance_km\n") || strings.Count(string(b), "\n") != 1+41*4 {
		t.Errorf("knn4.csv: want a header and 164 links, got %d lines", strings.Count(string(b), "\n"))
	}
	if _, stderr, code := invoke(t, "", "analyze", "--weights-out", filepath.Join(dir, "w.txt")); code != 2 || !strings.Contains(stderr, "name a .gal, .gwt or .csv file") {
		t.Errorf("--weights-out w.txt: exit %d, %s", code, stderr)
	}
	want := sampleNeighbours(t)
	t.Run("libpysal", func(t *testing.T) {
		python := pythonWith(t, "libpysal", "python3-libpysal")
		script := `
import json, sys
import libpysal
gal = libpysal.io.open(sys.argv[1]).read()
gwt = libpysal.io.open(sys.argv[2]).read()
sample = json.load(open(sys.argv[3]))
ids = [c["id"] for c in sample["cities"]]
pts = [(c["lon"], c["lat"]) for c in sample["cities"]]
knn = libpysal.weights.KNN.from_array(pts, k=4, radius=6371.0088, ids=ids)
dist = {}
for i in gwt.neighbors:
    for j, d in zip(gwt.neighbors[i], gwt.weights[i]):
        dist[str(i) + " " + str(j)] = d
arc = {}
for i in knn.neighbors:
    for j in knn.neighbors[i]:
        a, b = pts[ids.index(i)], pts[ids.index(j)]
        arc[str(i) + " " + str(j)] = libpysal.cg.arcdist(a, b, radius=6371.0088)
print(json.dumps({"gal": {str(k): sorted(map(str, v)) for k, v in gal.neighbors.items()},
    "gwt": {str(k): sorted(map(str, v)) for k, v in gwt.neighbors.items()},
    "knn": {str(k): sorted(map(str, v)) for k, v in knn.neighbors.items()}, "dist": dist, "arc": arc}))
`
		sample := filepath.Join(dir, "yrd.json")
		os.WriteFile(sample, data.Sample(), 0o644)
		out, err := exec.Command(python, "-c", script, gal, gwt, sample).Output()
		if err != nil {
			t.Fatalf("libpysal: %v\n%s", err, stderrOf(err))
		}
		var got struct {
			GAL, GWT, KNN map[string][]string
			Dist, Arc     map[string]float64
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		compareNeighbours(t, "libpysal read queen.gal", got.GAL, want)
		compareNeighbours(t, "libpysal read knn4.gwt", got.GWT, got.KNN)
		for pair, d := range got.Arc {
			if g, ok := got.Dist[pair]; !ok || abs(g-d) > 1e-9*d {
				t.Errorf("knn4.gwt %s: distance %v, libpysal's arc distance %v", pair, g, d)
			}
		}
	})
	t.Run("spdep", func(t *testing.T) {
		needs(t, "Rscript", "r-cran-spdep")
		script := `suppressMessages({library(spdep); library(jsonlite)})
a <- commandArgs(TRUE)
ids <- fromJSON(a[3])$cities$id
nbs <- function(nb) { r <- lapply(nb, function(x) if (length(x) == 1 && x[1] == 0) character(0) else sort(ids[x])); names(r) <- ids; r }
gal <- read.gal(a[1], region.id = ids)
gwt <- read.gwt2nb(a[2], region.id = ids)
cat(toJSON(list(gal = nbs(gal), gwt = nbs(gwt))))`
		sample := filepath.Join(dir, "yrd.json")
		os.WriteFile(sample, data.Sample(), 0o644)
		out, err := exec.Command("Rscript", "-e", script, gal, gwt, sample).Output()
		if err != nil {
			t.Fatalf("Rscript: %v\n%s", err, stderrOf(err))
		}
		var got struct{ GAL, GWT map[string][]string }
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		compareNeighbours(t, "spdep read.gal", got.GAL, want)
		if len(got.GWT) != 41 {
			t.Errorf("spdep read.gwt2nb: %d regions, want 41", len(got.GWT))
		}
		for id, nb := range got.GWT {
			if len(nb) != 4 {
				t.Errorf("spdep read.gwt2nb: %s has %d neighbours, want 4", id, len(nb))
			}
		}
	})
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func compareNeighbours(t *testing.T, what string, got, want map[string][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d cities, want %d", what, len(got), len(want))
	}
	for id, w := range want {
		if g := got[id]; !slices.Equal(g, w) {
			t.Errorf("%s: %s has %v, want %v", what, id, g, w)
		}
	}
}

// TestWeightsFromPySAL: a GAL file that libpysal writes (W(neighbors) of
// the sample's own lists, libpysal.io.open(path, "w").write(w)) read with
// --weights gives the same Moran's I as the same neighbours given in the
// dataset (contiguity), to 1e-12; and an id the dataset lacks is
// reported with its line. The comparison with the dataset's own weights
// runs without Python on a GAL collab writes.
func TestWeightsFromPySAL(t *testing.T) {
	dir := t.TempDir()
	ref, kind := moranOf(t)
	if kind != "contiguity" {
		t.Fatalf("the sample's weights are %s, want contiguity", kind)
	}
	own := filepath.Join(dir, "own.gal")
	if _, stderr, code := invoke(t, "", "analyze", "--weights-out", own); code != 0 {
		t.Fatal(stderr)
	}
	if got, kind := moranOf(t, "--weights", own); abs(got-ref) > 1e-12 || kind != "file" {
		t.Errorf("--weights own.gal: I = %v (%s), want %v", got, kind, ref)
	}
	bad := filepath.Join(dir, "bad.gal")
	os.WriteFile(bad, []byte("2\n310100 1\nnowhere\nnowhere 1\n310100\n"), 0o644)
	if _, stderr, code := invoke(t, "", "analyze", "--weights", bad); code != 2 || !strings.Contains(stderr, "--weights "+bad+": line") {
		t.Errorf("--weights bad.gal: exit %d, %s", code, stderr)
	}
	python := pythonWith(t, "libpysal", "python3-libpysal")
	gal := filepath.Join(dir, "pysal.gal")
	sample := filepath.Join(dir, "yrd.json")
	os.WriteFile(sample, data.Sample(), 0o644)
	script := `
import json, sys
import libpysal
cities = json.load(open(sys.argv[1]))["cities"]
nb = {c["id"]: set() for c in cities}
for c in cities:
    for j in c.get("neighbors", []):
        nb[c["id"]].add(j); nb[j].add(c["id"])
w = libpysal.weights.W({k: sorted(v) for k, v in nb.items()}, silence_warnings=True)
f = libpysal.io.open(sys.argv[2], "w"); f.write(w); f.close()
`
	if out, err := exec.Command(python, "-c", script, sample, gal).CombinedOutput(); err != nil {
		t.Fatalf("libpysal: %v\n%s", err, out)
	}
	if got, _ := moranOf(t, "--weights", gal); abs(got-ref) > 1e-12 {
		t.Errorf("--weights pysal.gal: I = %v, want %v (the dataset's neighbours)", got, ref)
	}
}
