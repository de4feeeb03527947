package main

import (
	"regexp"
	"strings"
	"testing"
)

// digits are left out of headings, which name the --top they show.
var digits = regexp.MustCompile(`[0-9]+`)

// sections splits a text report into its sections (a line starting in
// column 1 begins one), by heading with its numbers left out.
func sections(report string) (order []string, lines map[string]int) {
	lines = map[string]int{}
	heading := ""
	for _, l := range strings.Split(report, "\n") {
		switch {
		case l == "":
		case !strings.HasPrefix(l, " "):
			heading = digits.ReplaceAllString(l, "N")
			order = append(order, heading)
		default:
			lines[heading]++
		}
	}
	return order, lines
}

// TestTopShortensEverySection: on a 1,500-city region (hundreds of strong
// cities, belts, hubs and communities) --top 2 bounds every section of the
// report, not only the rankings: no section is longer than 20 lines, none
// longer than at the default --top 10, and the report at --top 10 itself
// stays under 330 lines (the 5,000-city report had 2,147, 1,550 of them
// spillover; 300 until CONCOR's positions, some 25 lines whatever the
// region's size, were computed up to 2,000 cities).
func TestTopShortensEverySection(t *testing.T) {
	path := region(t, 1500)
	full, stderr, code := invoke(t, "", "analyze", path, "--permutations", "0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	short, _, _ := invoke(t, "", "analyze", path, "--permutations", "0", "--top", "2")
	_, fullLines := sections(full)
	order, shortLines := sections(short)
	for _, h := range order {
		if shortLines[h] > 20 || shortLines[h] > fullLines[h] {
			t.Errorf("--top 2: section %q has %d lines (%d at --top 10)", h, shortLines[h], fullLines[h])
		}
	}
	if n := strings.Count(full, "\n"); n > 330 {
		t.Errorf("the report at --top 10 has %d lines", n)
	}
	for _, want := range []string{"more belts (--top N for more, --format json for all)", "more strong cities (--top N for more"} {
		if !strings.Contains(full, want) {
			t.Errorf("the report does not count what it leaves out: no %q", want)
		}
	}
	if strings.Contains(full, "city branch off") {
		t.Error(`"1 more strong city branch off it": the verb must agree (branches)`)
	}
}

// TestHubReachColumns: a hub's name wider than the list's column keeps
// its distance from the names it reaches.
func TestHubReachColumns(t *testing.T) {
	stdout, _, _ := invoke(t, "", "analyze")
	if !strings.Contains(stdout, "\n  Suzhou (Jiangsu)  Shanghai, Nanjing\n") || strings.Contains(stdout, "(Jiangsu)Shanghai") {
		t.Errorf("hub reach runs into its names:\n%s", stdout[strings.Index(stdout, "Hub reach"):])
	}
}
