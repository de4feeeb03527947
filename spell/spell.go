// Package spell measures how far a name is from another, for the "did you
// mean ...?" of every message about a name: a field or column (data), an
// indicator (composite), a city (gazetteer), a flag or command (the
// command line).
//
// Distance is the optimal string alignment distance (the restricted
// Damerau-Levenshtein distance; Damerau 1964, and Boytsov 2011 for the
// restricted form): the fewest insertions, deletions, substitutions and
// swaps of two adjacent characters that turn a into b, no substring edited
// twice. A swap is one edit so that a transposed name ("gpd") suggests its
// original ("gdp") before a name two substitutions away ("rd"); it counts
// characters (runes), not bytes, so that one wrong Chinese character
// (广洲 for 广州) is one edit. Time O(len(a) len(b)), memory O(len(b)).
//
// Each caller decides how near is near enough; the package holds only the
// measure. It must not import any other collab package.
package spell

import (
	"strings"
	"unicode/utf8"
)

// Distance is the optimal string alignment distance between a and b in
// characters.
func Distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// Three rows of the dynamic programme: i-2, i-1 and i.
	before, prev, cur := make([]int, len(y)+1), make([]int, len(y)+1), make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d = min(d, before[j-2]+1)
			}
			cur[j] = d
		}
		before, prev, cur = prev, cur, before
	}
	return prev[len(y)]
}

// Nearest is the name in known within two edits of name (case ignored in
// name; fewer edits than name has characters, so that "x" suggests
// nothing), the first of the nearest on ties; or, when none is, the first
// name that name (of three characters or more) begins; "" when neither.
func Nearest(name string, known []string) string {
	lower := strings.ToLower(name)
	best, bestDist := "", 3
	for _, k := range known {
		if d := Distance(lower, k); d < bestDist && utf8.RuneCountInString(name) > d {
			best, bestDist = k, d
		}
	}
	if best == "" && utf8.RuneCountInString(name) >= 3 {
		for _, k := range known {
			if strings.HasPrefix(k, lower) {
				return k
			}
		}
	}
	return best
}
