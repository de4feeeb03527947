package data

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"strings"
)

// A file in a format collab does not read, but which users have at hand
// (a GIS layer, a spreadsheet), is recognised by its first bytes, whatever
// its name, so that the message says what the file is and how to convert
// it rather than reporting a CSV header of binary noise.

// magic numbers of the formats recognised (their specifications: SQLite's
// file format §1.3 and the GeoPackage encoding's application_id, ESRI's
// Shapefile Technical Description, dBASE's table header, PKWARE's
// APPNOTE, Microsoft's Compound File Binary format).
var (
	sqliteMagic = []byte("SQLite format 3\x00")
	zipMagic    = []byte("PK\x03\x04")
	oleMagic    = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

const (
	shapefileCode  = 9994 // big-endian at offset 0 of a .shp or .shx
	gpkgAppID      = 0x47504B47
	gpkgAppIDv10   = 0x47503130 // "GP10", GeoPackage 1.0
	gpkgAppIDv11   = 0x47503131 // "GP11"
	sqliteAppIDOff = 68
)

// foreignFormat names a binary format in head (the file's first bytes)
// and says how to convert it; ok is false for anything else.
func foreignFormat(name string, head []byte) (msg string, ok bool) {
	in := filepath.Base(name)
	if name == "" || name == "-" {
		in = "in" + strings.ToLower(filepath.Ext(name))
	}
	switch {
	case bytes.HasPrefix(head, sqliteMagic):
		return sqliteMessage(head, in), true
	case len(head) >= 100 && binary.BigEndian.Uint32(head) == shapefileCode:
		return fmt.Sprintf("the file is the geometry of an ESRI shapefile (.shp), which collab does not read; convert the shapefile (with its .dbf and .shx beside it) to GeoJSON: ogr2ogr -f GeoJSON out.geojson %s", in), true
	case looksDBF(head):
		return fmt.Sprintf("the file is a dBASE table (.dbf: a shapefile's attributes), which collab does not read; convert the shapefile to GeoJSON (ogr2ogr -f GeoJSON out.geojson %s.shp) or the table to CSV (ogr2ogr -f CSV out.csv %s)", strings.TrimSuffix(in, filepath.Ext(in)), in), true
	case bytes.HasPrefix(head, zipMagic):
		return zipMessage(head, in), true
	case bytes.HasPrefix(head, oleMagic):
		return "the file is an Excel 97-2003 workbook (.xls), which collab does not read; in Excel choose File > Save As > CSV UTF-8 (Comma delimited) (LibreOffice: Text CSV, character set Unicode (UTF-8))", true
	}
	return "", false
}

func sqliteMessage(head []byte, in string) string {
	if len(head) >= sqliteAppIDOff+4 {
		switch binary.BigEndian.Uint32(head[sqliteAppIDOff:]) {
		case gpkgAppID, gpkgAppIDv10, gpkgAppIDv11:
			return fmt.Sprintf("the file is a GeoPackage (an SQLite database of layers), which collab does not read; convert its layer to GeoJSON: ogr2ogr -f GeoJSON out.geojson %s (ogrinfo %s lists the layers; name one after the file)", in, in)
		}
	}
	return fmt.Sprintf("the file is an SQLite database, which collab does not read; export the table of cities as CSV (sqlite3 -header -csv %s 'SELECT * FROM cities' > cities.csv)", in)
}

// zipMessage tells an Excel workbook (Office Open XML), a zipped shapefile
// and any other ZIP archive apart by the names of the first members.
func zipMessage(head []byte, in string) string {
	switch {
	case bytes.Contains(head, []byte("xl/")) || bytes.Contains(head, []byte("[Content_Types].xml")) && !bytes.Contains(head, []byte("word/")):
		return "the file is an Excel workbook (.xlsx), which collab does not read; in Excel choose File > Save As > CSV UTF-8 (Comma delimited) (LibreOffice: Text CSV, character set Unicode (UTF-8)), one sheet a file"
	case bytes.Contains(bytes.ToLower(head), []byte(".shp")):
		return fmt.Sprintf("the file is a zipped ESRI shapefile, which collab does not read; convert it to GeoJSON: ogr2ogr -f GeoJSON out.geojson /vsizip/%s", in)
	}
	return fmt.Sprintf("the file is a ZIP archive, which collab does not read; unpack it (unzip %s) and give the CSV, JSON or GeoJSON file inside", in)
}

// looksDBF tells a dBASE III-7 table header: a known version byte, a
// last-update date that is a date, and header and record lengths that fit.
func looksDBF(head []byte) bool {
	if len(head) < 32 {
		return false
	}
	switch head[0] {
	case 0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x43, 0x63, 0x83, 0x8B, 0xCB, 0xF5, 0xFB:
	default:
		return false
	}
	month, day := head[2], head[3]
	headerLen := binary.LittleEndian.Uint16(head[8:])
	recordLen := binary.LittleEndian.Uint16(head[10:])
	return month >= 1 && month <= 12 && day >= 1 && day <= 31 && headerLen >= 33 && headerLen%32 == 1 && recordLen >= 1
}

// looksGBK reports whether b, which is not UTF-8, reads as GBK (GB18030's
// two-byte codes: a lead byte 0x81-0xFE and a trail 0x40-0xFE but 0x7F),
// the encoding of a CSV saved by Excel on a Chinese Windows: every byte
// above ASCII belongs to such a pair, and there is at least one. The last
// pair may be cut off by the end of b.
func looksGBK(b []byte) bool {
	pairs := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c < 0x80 {
			continue
		}
		if c == 0x80 || c == 0xFF {
			return false
		}
		if i+1 == len(b) {
			break
		}
		t := b[i+1]
		if t < 0x40 || t == 0x7F || t == 0xFF {
			return false
		}
		pairs++
		i++
	}
	return pairs > 0
}

// notUTF8Message says that text is not UTF-8, naming GBK when it reads as
// GBK.
func notUTF8Message(sample []byte) string {
	if looksGBK(sample) {
		return "the file is not UTF-8 but GBK (GB18030) Chinese text, as Excel saves CSV on a Chinese Windows; save it as CSV UTF-8, or convert it with iconv -f GB18030 -t UTF-8"
	}
	return "the file is not UTF-8 text; save it as CSV UTF-8 (a GBK file converts with iconv -f GB18030 -t UTF-8)"
}
