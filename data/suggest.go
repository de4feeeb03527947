package data

import (
	"fmt"
	"slices"
	"strings"

	"collab/spell"
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
		if d := spell.Distance(lower, strings.ToLower(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	// A one-letter name two edits away from anything is a guess, not a near miss.
	if bestDist > 0 && len(lower) <= bestDist {
		return ""
	}
	return best
}
