package main

import (
	"strings"
	"testing"
)

// TestSampleFormats: collab sample --format csv gives the same study as the
// JSON sample (the report from standard input equals the embedded one but
// for the dataset block: name, notes), and --links writes each of the 97 neighbouring
// pairs once.
func TestSampleFormats(t *testing.T) {
	csvText, _, code := invoke(t, "", "sample", "--format", "csv")
	if code != 0 || !strings.HasPrefix(csvText, "id,name,name_local,province,lat,lon,score_2001,score_2021,") {
		t.Fatalf("sample --format csv: exit %d, %.80q", code, csvText)
	}
	fromCSV, stderr, code := invoke(t, csvText, "analyze", "-", "--format", "json")
	if code != 0 {
		t.Fatalf("analyze the CSV sample: exit %d: %s", code, stderr)
	}
	embedded, _, _ := invoke(t, "", "analyze", "--format", "json")
	if cut := func(s string) string { return s[strings.Index(s, `"summary"`):] }; cut(fromCSV) != cut(embedded) {
		t.Error("the CSV sample does not give the embedded sample's results")
	}
	links, _, _ := invoke(t, "", "sample", "--links")
	rows := strings.Split(strings.TrimSpace(links), "\n")
	if rows[0] != "source,target,weight,kind" || len(rows) != 98 {
		t.Errorf("sample --links: header %q and %d rows, want 97 pairs", rows[0], len(rows)-1)
	}
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		f := strings.Split(r, ",")
		a, b := min(f[0], f[1]), max(f[0], f[1])
		if seen[a+"-"+b] {
			t.Errorf("pair %s-%s twice", a, b)
		}
		seen[a+"-"+b] = true
	}
	if _, stderr, code := invoke(t, "", "sample", "--format", "xml"); code != 2 || !strings.Contains(stderr, `--format "xml": choose json or csv`) {
		t.Errorf("sample --format xml: exit %d, %s", code, stderr)
	}
}
