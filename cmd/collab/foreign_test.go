package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"os"
	"testing"
)

// writeBytes makes a catalogue input of the given bytes.
func writeBytes(b []byte) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// geoPackageHead is SQLite's header with GeoPackage's application_id.
func geoPackageHead() []byte {
	b := make([]byte, 1024)
	copy(b, "SQLite format 3\x00")
	copy(b[68:], "GPKG")
	return b
}

// shapefileHead is a .shp header: file code 9994, version 1000, points.
func shapefileHead() []byte {
	b := make([]byte, 100)
	binary.BigEndian.PutUint32(b, 9994)
	binary.BigEndian.PutUint32(b[24:], 50)
	binary.LittleEndian.PutUint32(b[28:], 1000)
	binary.LittleEndian.PutUint32(b[32:], 1)
	return b
}

// workbook is a ZIP with the members of an Office Open XML workbook.
func workbook() []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} {
		w, _ := z.Create(n)
		w.Write([]byte("<x/>"))
	}
	z.Close()
	return buf.Bytes()
}
