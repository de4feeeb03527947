package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBOMAndLabels: --bom starts every CSV file (cities, links,
// transitions, Gephi's tables) with a UTF-8 byte order mark and no other
// file; --label name_local writes the Chinese names on the maps.
func TestBOMAndLabels(t *testing.T) {
	const bom = "\uFEFF"
	stdout, stderr, code := invoke(t, "", "export", "--format", "csv", "--bom")
	if code != 0 || !strings.HasPrefix(stdout, bom+"id,name,") {
		t.Errorf("export --format csv --bom: exit %d, begins %q; %s", code, stdout[:min(10, len(stdout))], stderr)
	}
	dir := t.TempDir()
	if _, stderr, code := invoke(t, "", "analyze", "--out", dir, "--bom", "--label", "name_local"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range outDir {
		content, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(string(content), bom) != csvFormats[f.format] {
			t.Errorf("%s: byte order mark %v, want %v", f.name, strings.HasPrefix(string(content), bom), csvFormats[f.format])
		}
	}
	svg, _ := os.ReadFile(filepath.Join(dir, "map.svg"))
	labels := string(svg[strings.Index(string(svg), `<g id="labels"`):])
	if !strings.Contains(labels, ">上海</text>") || strings.Contains(labels, ">Shanghai</text>") {
		t.Errorf("--label name_local: the map's labels are not the Chinese names")
	}
}
