package output

import (
	"database/sql"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeoPackageSpec reads the written file back with SQLite and checks
// what GeoPackage 1.3 (OGC 12-128r18) requires and GDAL and QGIS rely
// on: application_id 0x47504B47 ("GPKG", requirement 2), user_version
// 10300 (requirement 2), the three required spatial reference systems
// (requirement 11), a gpkg_contents row and a gpkg_geometry_columns row
// per layer, geometry blobs starting with the "GP" header, version 0, the
// little-endian flag and srs_id 4326 (requirement 19), and the LISA
// style in GeoDa's colours beside the default tier style.
func TestGeoPackageSpec(t *testing.T) {
	path := filepath.Join(t.TempDir(), "collab.gpkg")
	r := sampleStudy(t)
	if err := os.WriteFile(path, []byte(write(t, func(w io.Writer) error { return GeoPackage(w, r, MapOptions{}) })), 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	one := func(query string, args ...any) any {
		t.Helper()
		var v any
		if err := db.QueryRow(query, args...).Scan(&v); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return v
	}
	if got := one(`PRAGMA application_id`); got != int64(0x47504B47) {
		t.Errorf("application_id %v, want 0x47504B47", got)
	}
	if got := one(`PRAGMA user_version`); got != int64(10300) {
		t.Errorf("user_version %v, want 10300", got)
	}
	if got := one(`SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (4326, -1, 0)`); got != int64(3) {
		t.Errorf("%v of the 3 required spatial reference systems", got)
	}
	for _, name := range LayerNames {
		if got := one(`SELECT count(*) FROM gpkg_contents c JOIN gpkg_geometry_columns g USING (table_name) WHERE table_name = ? AND data_type = 'features' AND c.srs_id = 4326`, name); got != int64(1) {
			t.Errorf("%s: %v rows in gpkg_contents and gpkg_geometry_columns, want 1", name, got)
		}
	}
	blob, _ := one(`SELECT geom FROM links LIMIT 1`).([]byte)
	if len(blob) < 8+32 || string(blob[:2]) != "GP" || blob[2] != 0 || blob[3]&1 != 1 || blob[3]>>1&7 != 1 || binary.LittleEndian.Uint32(blob[4:]) != 4326 {
		t.Errorf("links geometry header % x, want GP, version 0, little-endian, xy envelope, srs 4326", blob[:min(8, len(blob))])
	}
	if wkb := blob[8+32:]; wkb[0] != 1 || binary.LittleEndian.Uint32(wkb[1:]) != 2 {
		t.Errorf("links WKB % x, want a little-endian LineString (2)", wkb[:5])
	}
	qml, _ := one(`SELECT styleQML FROM layer_styles WHERE f_table_name = 'cities' AND styleName = 'lisa_cluster' AND NOT useAsDefault`).(string)
	for _, want := range []string{`attr="lisa_cluster"`, `value="HH"`, `"255,0,0,255"`, `value="not significant"`, `"238,238,238,255"`, `value="isolated"`, `"153,153,153,255"`} {
		if !strings.Contains(qml, want) {
			t.Errorf("the LISA style lacks %s", want)
		}
	}
	if got := one(`SELECT count(*) FROM layer_styles WHERE useAsDefault`); got != int64(len(LayerNames)) {
		t.Errorf("%v default styles, want one per layer", got)
	}
}

// BenchmarkGIS times the sample's GeoPackage against its five GeoJSON
// files, and a GeoPackage of 20,000 cities and 40,000 drawn links.
//
//	go test ./output -run '^$' -bench BenchmarkGIS -count 5
func BenchmarkGIS(b *testing.B) {
	sample := sampleStudy(b)
	large := largeResult(20000)
	for _, c := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"sample/GeoPackage", func(w io.Writer) error { return GeoPackage(w, sample, MapOptions{}) }},
		{"sample/GeoJSONFiles", func(w io.Writer) error {
			for _, name := range LayerNames {
				if err := GeoJSONLayer(w, sample, MapOptions{}, name); err != nil {
					return err
				}
			}
			return nil
		}},
		{"20000/GeoPackage", func(w io.Writer) error { return GeoPackage(w, large, MapOptions{}) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			var n countWriter
			for b.Loop() {
				n = 0
				if err := c.write(&n); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/1e6, "MB")
		})
	}
}
