package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// protectedDir is a directory holding the sample as yrd.json and a
// hand-collected links.csv; it returns the directory and the two files'
// contents.
func protectedDir(t *testing.T) (dir, sample, links string) {
	t.Helper()
	dir = t.TempDir()
	sample, _, _ = invoke(t, "", "sample")
	links = "source,target,weight\n310000,320500,5\n320100,320500,3\n"
	for name, content := range map[string]string{"yrd.json": sample, "links.csv": links} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, sample, links
}

// TestEveryInputProtected: no output may replace the cities' file or the
// --links file, by the same name, a hard link, a symbolic link or a
// symbolically linked directory, and two outputs that are one file through
// a linked directory are refused. A refused run exits 2 and writes nothing.
func TestEveryInputProtected(t *testing.T) {
	dir, sample, links := protectedDir(t)
	in := func(name string) string { return filepath.Join(dir, name) }
	if err := os.Link(in("links.csv"), in("hard.csv")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(in("links.csv"), in("soft.csv")); err != nil {
		t.Fatal(err)
	}
	linked := filepath.Join(t.TempDir(), "linked") // a symbolic link to dir
	if err := os.Symlink(dir, linked); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"--out over --links", []string{"analyze", in("yrd.json"), "--links", in("links.csv"), "--out", dir}, "links.csv: is an input file"},
		{"--svg over --links", []string{"analyze", in("yrd.json"), "--links", in("links.csv"), "--svg", in("links.csv")}, "links.csv: is an input file"},
		{"--out over a hard link of --links", []string{"analyze", in("yrd.json"), "--links", in("hard.csv"), "--out", dir}, "links.csv: is an input file"},
		{"--dot over a symbolic link to --links", []string{"analyze", in("yrd.json"), "--links", in("links.csv"), "--dot", in("soft.csv")}, "soft.csv: is an input file"},
		{"--out through a linked directory", []string{"analyze", in("yrd.json"), "--links", in("links.csv"), "--out", linked}, "links.csv: is an input file"},
		{"--geojson over FILE through a linked directory", []string{"analyze", in("yrd.json"), "--geojson", filepath.Join(linked, "yrd.json")}, "yrd.json: is an input file"},
		{"two outputs, one file through a linked directory", []string{"analyze", in("yrd.json"), "--out", t.TempDir(), "--svg", in("m.svg"), "--dot", filepath.Join(linked, "m.svg")}, "are the same file (through a link)"},
		{"--out and --svg on one file through a linked directory", []string{"analyze", in("yrd.json"), "--out", dir + "/", "--svg", filepath.Join(linked, "map.svg")}, "are the same file (through a link)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := listing(t, dir)
			stdout, stderr, code := invoke(t, "", c.args...)
			if code != 2 || !strings.Contains(stderr, c.want) || stdout != "" {
				t.Errorf("exit %d, stdout %.40q, stderr %q; want exit 2 and %q", code, stdout, stderr, c.want)
			}
			if after := listing(t, dir); after != before {
				t.Errorf("the directory changed:\n%s\nnow\n%s", before, after)
			}
		})
	}
	for name, want := range map[string]string{"yrd.json": sample, "links.csv": links} {
		if got, _ := os.ReadFile(in(name)); string(got) != want {
			t.Errorf("%s was changed", name)
		}
	}
}

// listing names a directory's files with their sizes and contents' first
// bytes.
func listing(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		content, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		b.WriteString(e.Name() + " " + string(content[:min(len(content), 40)]) + "\n")
	}
	return b.String()
}

// TestStdoutOntoInput: standard output appended or written to an input
// file (collab export --format csv yrd.json >> yrd.json) is refused, as cat
// refuses it, with exit 2 and the file unchanged; so is standard output
// onto the file standard input reads.
func TestStdoutOntoInput(t *testing.T) {
	dir, sample, links := protectedDir(t)
	in := func(name string) string { return filepath.Join(dir, name) }
	for _, c := range []struct {
		name, stdout, stdin string
		args                []string
		want                string
	}{
		{"export >> FILE", "yrd.json", "", []string{"export", "--format", "csv", in("yrd.json")}, "standard output is the input file " + in("yrd.json")},
		{"analyze >> the links file", "links.csv", "", []string{"analyze", in("yrd.json"), "--links", in("links.csv")}, "standard output is the input file " + in("links.csv")},
		{"validate >> FILE", "yrd.json", "", []string{"validate", in("yrd.json")}, "standard output is the input file"},
		{"sweep >> FILE", "yrd.json", "", []string{"sweep", in("yrd.json"), "--param", "sector-km", "--from", "100", "--to", "200", "--step", "50"}, "standard output is the input file"},
		{"export - < FILE >> FILE", "yrd.json", "yrd.json", []string{"export", "--format", "json", "-"}, "standard output is the file standard input reads"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, err := os.OpenFile(in(c.stdout), os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			var stdin io.Reader = strings.NewReader("")
			if c.stdin != "" {
				f, err := os.Open(in(c.stdin))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				stdin = f
			}
			var stderr bytes.Buffer
			code := run(append([]string{"collab"}, c.args...), stdin, out, &stderr)
			if code != 2 || !strings.Contains(stderr.String(), c.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr.String(), c.want)
			}
		})
	}
	for name, want := range map[string]string{"yrd.json": sample, "links.csv": links} {
		if got, _ := os.ReadFile(in(name)); string(got) != want {
			t.Errorf("%s was changed", name)
		}
	}
	// Standard output to another file works as before.
	other, err := os.Create(in("cities.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if code := run([]string{"collab", "export", "--format", "csv", in("yrd.json")}, strings.NewReader(""), other, &bytes.Buffer{}); code != 0 {
		t.Errorf("export to another file: exit %d", code)
	}
}

// TestHostileNamesOnStderr: names in warnings and errors on stderr show
// control and bidirectional characters escaped, as the text report does;
// results.json keeps them exactly.
func TestHostileNamesOnStderr(t *testing.T) {
	input := hostileRegion(t)
	dir := t.TempDir()
	// A 1 km band leaves every city without a neighbour: the warning names
	// the first of them, hostile names among them.
	_, stderr, code := invoke(t, "", "analyze", input, "--weights", "band:1", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkNoRawControls(t, "stderr", stderr)
	if !strings.Contains(stderr, escaped(ansiName)) {
		t.Errorf("stderr does not name %q escaped:\n%s", ansiName, stderr)
	}
	results, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `Evil\u001b]0;pwned\u0007\u001b[2J\u001b[31mRED`; !strings.Contains(string(results), want) {
		t.Errorf("results.json does not keep %q exactly (as JSON escapes it)", ansiName)
	}
	// An error naming a hostile id, and a file name with a control in it.
	bad := filepath.Join(dir, "bad\x1b[2J.json")
	os.WriteFile(bad, []byte(`{"cities": [{"id": "a\u001b[31m", "lat": 31, "lon": 120, "score": 1, "neighbors": ["x\u001b]0;t\u0007"]}]}`), 0o644)
	_, stderr, code = invoke(t, "", "analyze", bad)
	if code != 3 {
		t.Errorf("exit %d, want 3", code)
	}
	checkNoRawControls(t, "stderr of an invalid file", stderr)
}

// TestDOTShortensWhatGraphvizCannotRead: a name and an id of 20,000 bytes
// (Graphviz refuses a quoted string of 16,382 bytes or more) are shortened
// in the DOT map, with a warning each, so that neato renders it; the other
// formats keep them whole.
func TestDOTShortensWhatGraphvizCannotRead(t *testing.T) {
	sample, _, _ := invoke(t, "", "sample")
	var ds map[string]any
	if err := json.Unmarshal([]byte(sample), &ds); err != nil {
		t.Fatal(err)
	}
	longName, longID := strings.Repeat("名", 6000)+strings.Repeat("n", 2000), strings.Repeat("I", 20000)
	cities := ds["cities"].([]any)
	first := cities[0].(map[string]any)
	oldID := cities[1].(map[string]any)["id"].(string)
	first["name"] = longName
	cities[1].(map[string]any)["id"] = longID
	for _, c := range cities {
		city := c.(map[string]any)
		if nb, ok := city["neighbors"].([]any); ok {
			for k, id := range nb {
				if id == oldID {
					nb[k] = longID
				}
			}
		}
	}
	src, _ := json.Marshal(ds)
	dir := t.TempDir()
	input := filepath.Join(dir, "long.json")
	os.WriteFile(input, src, 0o644)
	out := filepath.Join(dir, "out")
	_, stderr, code := invoke(t, "", "analyze", input, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"its name is 20000 bytes, longer than Graphviz reads in one string", "its id is 20000 bytes, longer than Graphviz reads in one string"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%.300s", want, stderr)
		}
	}
	results, _ := os.ReadFile(filepath.Join(out, "results.json"))
	if !bytes.Contains(results, []byte(`"name": "`+longName+`"`)) || !bytes.Contains(results, []byte(`"id": "`+longID+`"`)) {
		t.Error("results.json does not keep the long name and id whole")
	}
	needs(t, "neato", "graphviz")
	runTool(t, "neato", "-n2", "-Tsvg", "-o", filepath.Join(dir, "long.svg"), filepath.Join(out, "network.dot"))
}
