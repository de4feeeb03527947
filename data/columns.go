package data

import (
	"slices"
	"strings"
)

// cityRename is the file's name of each city field that Options maps.
func (o Options) cityRename() map[string]string {
	return map[string]string{"id": o.ID, "name": o.Name, "score": o.Score,
		"lat": o.Lat, "lon": o.Lon, "province": o.Province, "name_local": o.NameLocal}
}

// linkSynonyms are the names other tools give a link's columns, in the
// order they are tried when the file has no column of the field's own
// name: Gephi's and NetworkX's edge lists (from/to, source/target),
// origin-destination tables (origin, destination; count, flow).
var linkSynonyms = map[string][]string{
	"source": {"from", "origin", "src", "node1"},
	"target": {"to", "destination", "dst", "node2"},
	"weight": {"count", "value", "flow", "strength", "w"},
}

// linkRename is the file's name of each link field: the one Options gives,
// else the field's own when the header has it, else the first synonym it
// has.
func (o Options) linkRename(header []string) map[string]string {
	names := map[string]bool{}
	for _, h := range header {
		names[strings.ToLower(strings.TrimSpace(h))] = true
	}
	rename := map[string]string{"source": o.Source, "target": o.Target, "weight": o.Weight}
	for field, given := range rename {
		if given != "" || names[field] {
			continue
		}
		if k := slices.IndexFunc(linkSynonyms[field], func(s string) bool { return names[s] }); k >= 0 {
			rename[field] = linkSynonyms[field][k]
		}
	}
	return rename
}
