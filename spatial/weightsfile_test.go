package spatial

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"collab/geom"
)

// stlIndex maps the St. Louis counties' ids "1".."78" to their positions.
func stlIndex(n int) (ids []string, index map[string]int) {
	index = map[string]int{}
	for i := range n {
		ids = append(ids, strconv.Itoa(i+1))
		index[ids[i]] = i
	}
	return ids, index
}

// sameRows reports whether a and b hold the same neighbours.
func sameRows(a, b *Weights) bool {
	if a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		x, _ := a.Row(i)
		y, _ := b.Row(i)
		if !slices.Equal(x, y) {
			return false
		}
	}
	return true
}

// TestGALRoundTrip writes the St. Louis queen contiguity and an asymmetric
// kNN as GAL and GWT and reads them back: the same neighbours; a GAL file
// in the 1-number header form (../shared/reference/stl.gal, as libpysal
// writes it) reads to the weights the tests' own reader makes, so Moran's
// I is the same (0.24365582621771659, esda test_moran.py).
func TestGALRoundTrip(t *testing.T) {
	src, err := os.ReadFile("testdata/stl.gal")
	if err != nil {
		t.Fatal(err)
	}
	ids, index := stlIndex(78)
	w, err := ReadGAL(bytes.NewReader(src), index)
	if err != nil {
		t.Fatal(err)
	}
	if !sameRows(w, readGAL(t, "testdata/stl.gal")) {
		t.Fatal("ReadGAL differs from the reference reader")
	}
	y, _ := stl(t)
	m, _ := GlobalMoran(context.Background(), y, w.Standardize(), Permutations{})
	if !near(m.I, 0.24365582621771659, 1e-12) {
		t.Errorf("Moran's I %v from the GAL file", m.I)
	}
	points := make([]geom.Point, 78)
	for i := range points {
		points[i] = geom.Point{float64(i%9) + 0.3*float64(i%4), float64(i/9) - 0.2*float64(i%3)}
	}
	knn, _ := KNN(points, 4)
	for _, c := range []struct {
		name string
		w    *Weights
	}{{"queen", w}, {"knn:4", knn}} {
		var gal, gwt bytes.Buffer
		if err := WriteGAL(&gal, c.w, ids, "stl", "id"); err != nil {
			t.Fatal(err)
		}
		if err := WriteGWT(&gwt, c.w, ids, "stl", "id", func(i, j int) float64 { return geom.Distance(points[i], points[j]) }); err != nil {
			t.Fatal(err)
		}
		fromGAL, err := ReadGAL(&gal, index)
		if err != nil || !sameRows(fromGAL, c.w) {
			t.Errorf("%s: GAL round trip: %v", c.name, err)
		}
		fromGWT, err := ReadGWT(&gwt, index)
		if err != nil || !sameRows(fromGWT, c.w) {
			t.Errorf("%s: GWT round trip: %v", c.name, err)
		}
	}
}

// TestGALProblems: a wrong header, a count that does not match, an unknown
// id and a city listed twice are errors naming the line.
func TestGALProblems(t *testing.T) {
	_, index := stlIndex(3)
	for _, c := range []struct{ src, want string }{
		{"4\n1 1\n2\n", "line 1: the file is for 4 cities; the dataset has 3"},
		{"3\n1 2\n2\n", "line 2: city \"1\" has 2 neighbours, the line after lists 1"},
		{"3\n1 1\n9\n", "line 3: \"9\" is not the id of any city"},
		{"3\n1 1\n2\n1 1\n3\n", "line 4: city \"1\" is listed twice"},
		{"3\n1 1\n1\n", "line 3: city \"1\" is its own neighbour"},
		{"", "the weights file is empty"},
	} {
		if _, err := ReadGAL(strings.NewReader(c.src), index); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q", c.src, err, c.want)
		}
	}
}

// TestGALInPySALAndSpdep: libpysal (libpysal.io.open(path).read()) and R
// spdep (read.gal, read.gwt2nb) read the files collab writes with the same
// neighbours; run when they are installed (Debian python3-libpysal,
// r-cran-spdep).
func TestGALInPySALAndSpdep(t *testing.T) {
	src, _ := os.ReadFile("testdata/stl.gal")
	ids, index := stlIndex(78)
	w, err := ReadGAL(bytes.NewReader(src), index)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gal, gwt := filepath.Join(dir, "stl.gal"), filepath.Join(dir, "stl.gwt")
	var b bytes.Buffer
	WriteGAL(&b, w, ids, "stl", "id")
	os.WriteFile(gal, b.Bytes(), 0o644)
	b.Reset()
	WriteGWT(&b, w, ids, "stl", "id", func(i, j int) float64 { return float64(i + j) })
	os.WriteFile(gwt, b.Bytes(), 0o644)
	want := ""
	for i := range w.Len() {
		nb, _ := w.Row(i)
		parts := make([]string, len(nb))
		for k, j := range nb {
			parts[k] = ids[j]
		}
		want += ids[i] + ":" + strings.Join(parts, ",") + "\n"
	}
	py := `import sys, warnings
warnings.simplefilter("ignore")
import libpysal
for path in sys.argv[1:]:
    w = libpysal.io.open(path).read()
    for i in sorted(w.neighbors, key=int):
        print("%s:%s" % (i, ",".join(sorted((str(j) for j in w.neighbors[i]), key=int))))
    print("--")
`
	r := `library(spdep); nb <- read.gal(commandArgs(TRUE)[1], override.id = TRUE)
ids <- attr(nb, "region.id"); for (i in seq_along(nb)) cat(ids[i], ":", paste(sort(as.integer(ids[nb[[i]][nb[[i]] > 0]])), collapse = ","), "\n", sep = "")
cat("--\n")
g <- read.gwt2nb(commandArgs(TRUE)[2], region.id = as.character(1:78))
for (i in seq_along(g)) cat(i, ":", paste(sort(g[[i]][g[[i]] > 0]), collapse = ","), "\n", sep = "")
cat("--\n")`
	for _, c := range []struct {
		tool string
		args []string
	}{{"/usr/bin/python3", []string{"-c", py, gal, gwt}}, {"Rscript", []string{"-e", r, gal, gwt}}} {
		t.Run(filepath.Base(c.tool), func(t *testing.T) {
			if _, err := exec.LookPath(c.tool); err != nil {
				t.Skipf("%s is not installed (python3-libpysal, r-cran-spdep); the round trip above still runs", c.tool)
			}
			out, err := exec.Command(c.tool, c.args...).Output()
			if err != nil {
				t.Skipf("%s could not read the files (is libpysal or spdep installed?): %v", c.tool, err)
			}
			got := strings.Split(string(out), "--\n")
			if len(got) < 2 || got[0] != want || got[1] != want {
				t.Errorf("%s reads other neighbours:\n%s\nwant\n%s", c.tool, got[0], want)
			}
		})
	}
}
