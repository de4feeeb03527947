package data

import (
	"fmt"
	"slices"
	"strings"
)

// synonyms maps names users commonly give a field to collab's name for it.
var synonyms = map[string]string{
	"lng": "lon", "long": "lon", "longitude": "lon", "x": "lon",
	"latitude": "lat", "y": "lat",
	"neighbours": "neighbors", "adjacent": "neighbors",
	"value": "score", "index": "score", "innovation": "score",
	"code": "id", "adcode": "id",
	"city": "name", "name_zh": "name_local", "name_cn": "name_local",
	"from": "source", "to": "target", "w": "weight", "strength": "weight",
	"nodes": "cities", "edges": "links",
	"pop": "population",
}

// unknownFieldMessage says that key is not a field and names the near miss
// among known, if there is one.
func unknownFieldMessage(key string, known []string) string {
	if s := suggest(key, known); s != "" {
		return fmt.Sprintf("unknown field %q (did you mean %q?)", key, s)
	}
	return fmt.Sprintf("unknown field %q; the fields are %s", key, strings.Join(known, ", "))
}

// suggest returns the known name nearest to key: a common synonym, a
// case-insensitive match, or a name within two edits.
func suggest(key string, known []string) string {
	lower := strings.ToLower(strings.TrimSpace(key))
	if s, ok := synonyms[lower]; ok && slices.Contains(known, s) {
		return s
	}
	best, bestDist := "", 3
	for _, k := range known {
		if d := swapDistance(lower, strings.ToLower(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	// A one-letter name two edits away from anything is a guess, not a near miss.
	if bestDist > 0 && len(lower) <= bestDist {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, counted in bytes
// (field names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// swapDistance is editDistance with a swap of two adjacent letters counted
// as one edit (the optimal string alignment distance), so that a
// transposed name ("gpd") suggests its original ("gdp") before a name two
// substitutions away ("rd"). Names are short: O(len(a) len(b)) memory.
func swapDistance(a, b string) int {
	rows := make([][]int, len(a)+1)
	for i := range rows {
		rows[i] = make([]int, len(b)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(a)][len(b)]
}
