// Package data reads and validates the datasets collab analyses: a region's
// cities with coordinates and innovation scores (one cross-section, or a
// panel by year), optional contiguity neighbours, and optional observed
// links between cities.
//
// # Format
//
// The canonical format is JSON:
//
//	{"name": "Yangtze River Delta", "score_label": "...", "notes": ["..."],
//	 "cities": [{"id": "320500", "name": "Suzhou (Jiangsu)", "name_local": "苏州",
//	             "province": "Jiangsu", "lat": 31.3, "lon": 120.58,
//	             "score": 572.3,                 // or "scores": {"2001": 1.6, "2021": 572.3}
//	             "population": 12748262, "gdp": 2.27e12,
//	             "neighbors": ["310100", "320200"]}],
//	 "links": [{"source": "310100", "target": "320500", "weight": 412, "kind": "co-patents"}],
//	 "directed": false}
//
// id, lat, lon and a score are required; ids are strings (numbers are taken
// as written) and unique; lat and lon are WGS84 degrees; scores are finite
// and >= 0; a panel must give every city a score for every year. Links join
// two different known cities once, with a finite weight >= 0 (default 1).
//
// # Validation
//
// Readers report every problem of a file at once, as a Problems error, each
// with its line:column, the record and field, and what would be valid (an
// unknown field names its near miss: "lng" suggests "lon"). Doubtful but
// usable data (two cities at one point, one-sided neighbours) become
// Dataset.Warnings. Reading is O(size of the file).
package data
