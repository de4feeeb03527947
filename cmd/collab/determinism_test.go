package main

import (
	"runtime"
	"strings"
	"testing"
)

// TestSameBytesOnAnyCores runs whole studies on 1, 2 and 8 cores and
// compares every byte of the results: the embedded sample (directed, six
// seeded Louvain runs, kNN weights) and a generated region of 2,000 cities
// (gravity links through the spatial index, 999 permutations), where the
// parallel shortest paths, permutation tests and spillover all split their
// work differently on each core count.
func TestSameBytesOnAnyCores(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"sample", []string{"analyze", "--format", "json", "--weights", "knn:5", "--directed", "--communities", "6"}},
		{"region of 2,000 cities", []string{"analyze", region(t, 2000), "--format", "json", "--weights", "knn:8"}},
	} {
		var first string
		for _, procs := range []int{1, 2, 8} {
			prev := runtime.GOMAXPROCS(procs)
			stdout, stderr, code := invoke(t, "", c.args...)
			runtime.GOMAXPROCS(prev)
			if code != 0 {
				t.Fatalf("%s on %d cores: exit %d: %s", c.name, procs, code, stderr)
			}
			if !strings.Contains(stdout, `"betweenness"`) || !strings.Contains(stdout, `"p_permutation"`) {
				t.Fatalf("%s: the results lack the parallel measures", c.name)
			}
			if first == "" {
				first = stdout
			} else if stdout != first {
				t.Errorf("%s: the results on %d cores differ from those on one core", c.name, procs)
			}
		}
	}
}
