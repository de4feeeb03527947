package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestTrendTableWithOut runs analyze on an 81-year panel (1929-2009) with
// and without --out: with it, the report on standard output and
// report.md show the trend table's first year, every tenth and the last
// (9 rows) and name trend.svg, which holds a point a year; without it the
// table has all 81 years.
func TestTrendTableWithOut(t *testing.T) {
	var cities []map[string]any
	for i := range 6 {
		scores := map[string]float64{}
		for y := 1929; y <= 2009; y++ {
			scores[strconv.Itoa(y)] = float64(10+i*i) * (1 + float64(y-1929)*float64(1+i)/50)
		}
		cities = append(cities, map[string]any{"id": fmt.Sprint("c", i), "name": fmt.Sprint("City ", i),
			"lat": 30 + float64(i%3), "lon": 118 + float64(i/3), "scores": scores})
	}
	src, err := json.Marshal(map[string]any{"name": "Long panel", "cities": cities})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "panel.json")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	textRow := regexp.MustCompile(`(?m)^  (19|20)\d\d  `)
	mdRow := regexp.MustCompile(`(?m)^\| (19|20)\d\d \|`)
	const note = "the chart trend.svg draws all 81 years."

	stdout, stderr, code := invoke(t, "", "analyze", file, "--skip", "network,spatial")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := len(textRow.FindAllString(stdout, -1)); n != 81 || regexp.MustCompile(note).MatchString(stdout) {
		t.Errorf("without --out: %d trend rows, want 81 and no note", n)
	}

	out := filepath.Join(dir, "out")
	stdout, stderr, code = invoke(t, "", "analyze", file, "--skip", "network,spatial", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	md, err := os.ReadFile(filepath.Join(out, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what, text string
		row        *regexp.Regexp
	}{{"standard output", stdout, textRow}, {"report.md", string(md), mdRow}} {
		if n := len(c.row.FindAllString(c.text, -1)); n != 9 || !regexp.MustCompile(regexp.QuoteMeta(note)).MatchString(c.text) {
			t.Errorf("%s with --out: %d trend rows, want 9 (1929, 1939, ..., 2009) and the note %q", c.what, n, note)
		}
	}
	svg, err := os.ReadFile(filepath.Join(out, "trend.svg"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<polyline id="mean" points="([^"]*)"`).FindSubmatch(svg)
	if m == nil || len(regexp.MustCompile(`\S+`).FindAll(m[1], -1)) != 81 {
		t.Errorf("trend.svg does not draw the 81 years' mean")
	}
}
