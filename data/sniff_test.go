package data

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Headers written by hand from the formats' specifications, so that the
// recognition is checked wherever the tests run; TestForeignFilesFromGDAL
// checks the same on files GDAL writes.

// gpkgHeader is the first 100 bytes of a GeoPackage: SQLite's header with
// the application_id "GPKG" at offset 68 (GeoPackage 1.2, requirement 2).
func gpkgHeader() []byte {
	b := make([]byte, 100)
	copy(b, "SQLite format 3\x00")
	copy(b[68:], "GPKG")
	return b
}

// shpHeader is a shapefile's main file header: file code 9994 big-endian,
// its length in 16-bit words, version 1000 and shape type 1 (points)
// little-endian (ESRI Shapefile Technical Description, 1998, table 1).
func shpHeader() []byte {
	b := make([]byte, 100)
	binary.BigEndian.PutUint32(b, 9994)
	binary.BigEndian.PutUint32(b[24:], 50)
	binary.LittleEndian.PutUint32(b[28:], 1000)
	binary.LittleEndian.PutUint32(b[32:], 1)
	return b
}

// dbfHeader is a dBASE III table header with one field: version 3, last
// update 2026-12-01, 3 records, header length 32 + 32 + 1, records of 11
// bytes.
func dbfHeader() []byte {
	b := make([]byte, 65)
	b[0], b[1], b[2], b[3] = 0x03, 126, 12, 1
	binary.LittleEndian.PutUint32(b[4:], 3)
	binary.LittleEndian.PutUint16(b[8:], 65)
	binary.LittleEndian.PutUint16(b[10:], 11)
	copy(b[32:], "NAME")
	b[43] = 'C'
	b[48] = 10
	b[64] = 0x0D
	return b
}

// zipOf is a ZIP archive of the named members.
func zipOf(t testing.TB, names ...string) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := z.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("x"))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestForeignFormats(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	sqlite := append([]byte("SQLite format 3\x00"), make([]byte, 84)...)
	for _, c := range []struct {
		name string
		src  []byte
		want string // "" when the file is not recognised as foreign
	}{
		{"cities.gpkg", gpkgHeader(), "cities.gpkg: the file is a GeoPackage (an SQLite database of layers), which collab does not read; convert its layer to GeoJSON: ogr2ogr -f GeoJSON out.geojson cities.gpkg"},
		{"cities.csv", gpkgHeader(), "cities.csv: the file is a GeoPackage"}, // by its bytes, not its name
		{"cities.db", sqlite, "the file is an SQLite database"},
		{"cities.shp", shpHeader(), "cities.shp: the file is the geometry of an ESRI shapefile (.shp), which collab does not read; convert the shapefile (with its .dbf and .shx beside it) to GeoJSON: ogr2ogr -f GeoJSON out.geojson cities.shp"},
		{"cities.dbf", dbfHeader(), "cities.dbf: the file is a dBASE table (.dbf: a shapefile's attributes), which collab does not read; convert the shapefile to GeoJSON (ogr2ogr -f GeoJSON out.geojson cities.shp) or the table to CSV (ogr2ogr -f CSV out.csv cities.dbf)"},
		{"cities.zip", zipOf(t, "cities.shp", "cities.shx", "cities.dbf", "cities.prj"), "the file is a zipped ESRI shapefile, which collab does not read; convert it to GeoJSON: ogr2ogr -f GeoJSON out.geojson /vsizip/cities.zip"},
		{"scores.xlsx", zipOf(t, "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), "scores.xlsx: the file is an Excel workbook (.xlsx), which collab does not read; in Excel choose File > Save As > CSV UTF-8 (Comma delimited)"},
		{"data.zip", zipOf(t, "readme.txt"), "the file is a ZIP archive"},
		{"scores.xls", ole, "scores.xls: the file is an Excel 97-2003 workbook (.xls), which collab does not read; in Excel choose File > Save As > CSV UTF-8"},
		// 苏州 in GBK is CB D5 D6 DD; é in Latin-1 before a comma is no GBK pair.
		{"gbk.csv", []byte("id,name,lat,lon,score\na,\xcb\xd5\xd6\xdd,31,120,1\n"), "gbk.csv:2:3: the file is not UTF-8 but GBK (GB18030) Chinese text, as Excel saves CSV on a Chinese Windows; save it as CSV UTF-8, or convert it with iconv -f GB18030 -t UTF-8"},
		{"gbk.json", []byte(`{"cities": [{"id": "a", "name": "` + "\xcb\xd5\xd6\xdd" + `"}]}`), "gbk.json:1:34: the file is not UTF-8 but GBK (GB18030) Chinese text; JSON is UTF-8: convert it with iconv -f GB18030 -t UTF-8"},
		{"latin1.csv", []byte("id,name,lat,lon,score\na,caf\xe9,31,120,1\n"), "latin1.csv:2:3: the file is not UTF-8 text; save it as CSV UTF-8"},
		{"plain.csv", []byte("id,lat,lon,score\na,31,120,1\nb,31,121,2\nc,32,120,3\n"), ""},
	} {
		_, err := readBytes(c.name, c.src)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v, want it read", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// TestForeignFilesFromGDAL writes a GeoPackage, a shapefile and a zipped
// shapefile with GDAL's ogr2ogr (from a GeoJSON of three points) and
// checks that each is recognised by its bytes.
func TestForeignFilesFromGDAL(t *testing.T) {
	ogr, err := exec.LookPath("ogr2ogr")
	if err != nil {
		t.Skip("ogr2ogr not found (Debian package gdal-bin): GDAL's own files are not checked")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "cities.geojson")
	os.WriteFile(src, []byte(`{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"id": "a", "score": 1}, "geometry": {"type": "Point", "coordinates": [120, 31]}},
{"type": "Feature", "properties": {"id": "b", "score": 2}, "geometry": {"type": "Point", "coordinates": [121, 31]}}]}`), 0o644)
	for _, c := range []struct{ driver, file, read, want string }{
		{"GPKG", "cities.gpkg", "cities.gpkg", "the file is a GeoPackage"},
		{"ESRI Shapefile", "shp", "shp/cities.shp", "the file is the geometry of an ESRI shapefile"},
		{"ESRI Shapefile", "shp", "shp/cities.dbf", "the file is a dBASE table"},
		{"ESRI Shapefile", "cities.shp.zip", "cities.shp.zip", "the file is a zipped ESRI shapefile"},
	} {
		out := filepath.Join(dir, c.file)
		if _, err := os.Stat(out); err != nil {
			if msg, err := exec.Command(ogr, "-f", c.driver, out, src).CombinedOutput(); err != nil {
				t.Fatalf("ogr2ogr -f %q %s: %v %s", c.driver, c.file, err, msg)
			}
		}
		_, err := loadFile(filepath.Join(dir, c.read))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s written by GDAL: got %v, want %q", c.read, err, c.want)
		}
	}
}
