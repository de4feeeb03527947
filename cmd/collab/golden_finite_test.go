package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestGoldenFilesFinite: no golden output holds NaN or an infinity (an
// undefined statistic is null, "-" or "undefined" with a warning), nor a
// p-value of exactly 0.
func TestGoldenFilesFinite(t *testing.T) {
	nonFinite := regexp.MustCompile(`(?i)\bnan\b|[+-]?\binf(inity)?\b`)
	zeroP := regexp.MustCompile(`\bp( =)? 0(\.0*)?([^.0-9eE]|$)|"p(_[a-z]+)?": 0[,\n}]`)
	files, err := filepath.Glob("testdata/*.std*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range []*regexp.Regexp{nonFinite, zeroP} {
			if loc := re.FindIndex(b); loc != nil {
				t.Errorf("%s: %q", f, b[max(0, loc[0]-60):min(len(b), loc[1]+20)])
			}
		}
	}
}
