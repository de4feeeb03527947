package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPipedStdin: with no FILE, a dataset on standard input is read
// (collab analyze < file.json, from a string reader and from a real file),
// while empty input, /dev/null and an empty file leave the embedded sample.
func TestPipedStdin(t *testing.T) {
	florentine, err := os.ReadFile("testdata/florentine.json")
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := invoke(t, string(florentine), "analyze", "--format", "json")
	if code != 0 || !strings.Contains(stderr, "reading the dataset from standard input") || !strings.Contains(stdout, `"Medici"`) {
		t.Errorf("piped JSON: exit %d, stderr %q; want the Florentine families read from stdin", code, stderr)
	}
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.json")
	os.WriteFile(empty, nil, 0o644)
	for _, c := range []struct {
		name, path string
		sample     bool
	}{
		{"a file redirected (< florentine.json)", "testdata/florentine.json", false},
		{"an empty file", empty, true},
		{"/dev/null", os.DevNull, true},
	} {
		f, err := os.Open(c.path)
		if err != nil {
			t.Fatal(err)
		}
		var out, errOut strings.Builder
		code := run([]string{"collab", "analyze", "--format", "json"}, f, &out, &errOut)
		f.Close()
		gotSample := strings.Contains(errOut.String(), "embedded Yangtze River Delta sample")
		if code != 0 || gotSample != c.sample {
			t.Errorf("%s: exit %d, sample %v, want sample %v; stderr %q", c.name, code, gotSample, c.sample, errOut.String())
		}
	}
}
