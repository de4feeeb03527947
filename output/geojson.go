package output

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"collab/analysis"
)

// GeoJSON writes the study as an RFC 7946 FeatureCollection for QGIS, GDAL
// and geopandas: a Point per city, with every per-city measure of the
// results contract as properties; a LineString per drawn link (the
// MapOptions.TopLinks strongest) with its weight and distance; a
// LineString per innovation belt along its spine. Every feature has a
// "kind" property (city, link or belt) to filter layers by. Positions are
// [longitude, latitude] in WGS 84 with at most 6 decimals (about 0.1 m);
// there is no "crs" member; "bbox" bounds every city. One feature a line,
// so that files diff well.
//
//	collab export --format geojson yrd.json > yrd.geojson
//	ogrinfo -al -so yrd.geojson
func GeoJSON(w io.Writer, r *analysis.Result, o MapOptions) error {
	m, err := newGeoMap(r, o)
	if err != nil {
		return err
	}
	return m.writeGeoJSON(w, r)
}

func (m *geoMap) writeGeoJSON(w io.Writer, r *analysis.Result) error {
	columns, rows, err := records(r.Cities)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, `{"type":"FeatureCollection","bbox":%s,"features":[`, m.bbox())
	sep := "\n"
	feature := func(geometry string, props ...string) {
		fmt.Fprintf(ew, `%s{"type":"Feature","geometry":%s,"properties":{%s}}`, sep, geometry, strings.Join(props, ","))
		sep = ",\n"
	}
	for i, c := range m.cities {
		props := []string{`"kind":"city"`}
		for k, col := range columns {
			if v := rows[i][k]; v != nil {
				props = append(props, jsonString(col)+":"+string(v))
			}
		}
		feature(fmt.Sprintf(`{"type":"Point","coordinates":%s}`, position(c.lon, c.lat)), props...)
	}
	names := make(map[string]string, len(r.Cities))
	for _, c := range r.Cities {
		names[c.ID] = c.Name
	}
	for k := len(m.links) - 1; k >= 0; k-- { // strongest first
		l := m.links[k]
		link := &r.Links[l.index]
		fields, err := flatten(link)
		if err != nil {
			return err
		}
		props := []string{`"kind":"link"`}
		for _, f := range fields {
			props = append(props, jsonString(f.key)+":"+string(f.value))
		}
		props = append(props, `"source_name":`+jsonString(names[link.Source]), `"target_name":`+jsonString(names[link.Target]), `"rank":`+strconv.Itoa(l.rank))
		feature(m.lineString([]int{l.from, l.to}), props...)
	}
	for _, b := range m.belts {
		props := []string{`"kind":"belt"`}
		for _, f := range b.fields {
			props = append(props, jsonString(f.key)+":"+string(f.value))
		}
		feature(m.lineString(b.cities), props...)
	}
	fmt.Fprintf(ew, "\n]}\n")
	return ew.err
}

func (m *geoMap) lineString(cities []int) string {
	pos := make([]string, len(cities))
	for k, i := range cities {
		pos[k] = position(m.cities[i].lon, m.cities[i].lat)
	}
	return `{"type":"LineString","coordinates":[` + strings.Join(pos, ",") + `]}`
}

// bbox is [west, south, east, north] over the cities.
func (m *geoMap) bbox() string {
	w, s, e, n := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range m.cities {
		w, e = math.Min(w, c.lon), math.Max(e, c.lon)
		s, n = math.Min(s, c.lat), math.Max(n, c.lat)
	}
	return "[" + degrees(w) + "," + degrees(s) + "," + degrees(e) + "," + degrees(n) + "]"
}

func position(lon, lat float64) string { return "[" + degrees(lon) + "," + degrees(lat) + "]" }

// degrees rounds to 6 decimals (RFC 7946 advises no more than needed; 6
// is about 0.1 m) and writes the shortest form, never -0.
func degrees(x float64) string {
	x = math.Round(x*1e6) / 1e6
	if x == 0 {
		x = 0
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
