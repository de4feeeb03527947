package output

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver "sqlite": no cgo

	"collab/analysis"
	"collab/geom"
)

// GeoPackage writes the GIS layers (cities, points, links, belts, sectors;
// see GeoJSONLayer) into one OGC GeoPackage 1.3 file, with QGIS styles
// in its layer_styles table: the cities and points filled by tier in the
// map's colours (the default style) and by LISA cluster in GeoDa's (a
// second style, "lisa_cluster"), so that QGIS opens the layers styled.
//
// The file follows the specification's core (OGC 12-128r18): the
// application_id "GPKG" and user_version 10300; gpkg_spatial_ref_sys
// with the three required systems (EPSG:4326, the undefined Cartesian -1
// and geographic 0); gpkg_contents and gpkg_geometry_columns naming each
// layer, its geometry type and its extent; features whose geometry is
// the GeoPackage binary header (magic "GP", version 0, little-endian, an
// xy envelope but for points) and ISO WKB. Fields are declared INTEGER,
// REAL, TEXT or BOOLEAN by their type; nulls are NULL. There is no
// spatial index (the extension is optional; QGIS and GDAL read without
// it).
//
// SQLite needs a file: the GeoPackage is built in a temporary directory
// and then copied to w, so that it goes through the same atomic writes as
// every other output. Every timestamp is fixed (gpkgTimestamp), so that
// the same study gives the same file.
//
//	collab analyze yrd.json --gpkg yrd.gpkg && ogrinfo yrd.gpkg
func GeoPackage(w io.Writer, r *analysis.Result, o MapOptions) error {
	layers, err := gisLayers(r, o)
	if err != nil {
		return err
	}
	styles, err := layerStyles(r, o)
	if err != nil {
		return err
	}
	return viaScratchFile(w, "collab.gpkg", func(path string) error { return writeGeoPackage(path, layers, styles) })
}

// gpkgBlock is the number of rows an INSERT writes: 64 rows of the
// cities' 50-odd fields stay well below SQLite's 32,766 parameters.
const gpkgBlock = 64

// gpkgTimestamp is every last_change and update_time in the file.
const gpkgTimestamp = "2000-01-01T00:00:00.000Z"

// gpkgSchema is the GeoPackage's own tables (OGC 12-128r18, annex C) and
// QGIS's layer_styles table, as QGIS creates it.
var gpkgSchema = []string{
	`PRAGMA application_id = 1196444487`, // "GPKG"
	`PRAGMA user_version = 10300`,
	`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
		organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)`,
	`INSERT INTO gpkg_spatial_ref_sys VALUES
		('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'),
		('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
		('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system')`,
	`CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
		description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
		min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
		CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))`,
	`CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
		srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
		CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
		CONSTRAINT uk_gc_table_name UNIQUE (table_name),
		CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
		CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))`,
	`CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256),
		f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,
		useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME)`,
	`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change)
		VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS layer styles', '` + gpkgTimestamp + `')`,
}

func writeGeoPackage(path string, layers []*layer, styles []layerStyle) (err error) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}()
	db.SetMaxOpenConns(1) // the pragmas hold for one connection
	ctx := context.Background()
	for _, p := range []string{`PRAGMA journal_mode = OFF`, `PRAGMA synchronous = OFF`} {
		if _, err := db.ExecContext(ctx, p); err != nil {
			return err
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	for _, s := range gpkgSchema {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("geopackage schema: %w", err)
		}
	}
	for _, l := range layers {
		if err := writeGPKGLayer(ctx, tx, l); err != nil {
			return fmt.Errorf("geopackage layer %s: %w", l.name, err)
		}
	}
	for _, s := range styles {
		if _, err := tx.ExecContext(ctx, `INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column,
			styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) VALUES ('', '', ?, 'geom', ?, ?, ?, ?, ?, '', '', ?)`,
			s.layer, s.name, s.qml, s.sld, s.isDefault, s.description, gpkgTimestamp); err != nil {
			return fmt.Errorf("geopackage styles: %w", err)
		}
	}
	return tx.Commit()
}

// sqlType is a field type's GeoPackage column type.
func sqlType(t attrType) string {
	return [...]string{"TEXT", "REAL", "INTEGER", "BOOLEAN"}[t]
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func writeGPKGLayer(ctx context.Context, tx *sql.Tx, l *layer) error {
	cols := []string{"fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL", "geom " + l.geometry.sqlName()}
	names := []string{"geom"}
	marks := []string{"?"}
	for _, f := range l.fields {
		cols = append(cols, quoteIdent(f.name)+" "+sqlType(f.typ))
		names = append(names, quoteIdent(f.name))
		marks = append(marks, "?")
	}
	if _, err := tx.ExecContext(ctx, "CREATE TABLE "+quoteIdent(l.name)+" ("+strings.Join(cols, ", ")+")"); err != nil {
		return err
	}
	env := newEnvelope()
	row := "(" + strings.Join(marks, ", ") + ")"
	insert := func(rows int) (*sql.Stmt, error) {
		values := strings.TrimSuffix(strings.Repeat(row+", ", rows), ", ")
		return tx.PrepareContext(ctx, "INSERT INTO "+quoteIdent(l.name)+" ("+strings.Join(names, ", ")+") VALUES "+values)
	}
	// Rows go in blocks of gpkgBlock a statement: one call through
	// database/sql per row costs more than SQLite's own work.
	block, err := insert(gpkgBlock)
	if err != nil {
		return err
	}
	defer block.Close()
	width := len(l.fields) + 1
	args := make([]any, 0, gpkgBlock*width)
	flush := func(stmt *sql.Stmt) error {
		_, err := stmt.ExecContext(ctx, args...)
		args = args[:0]
		return err
	}
	for k, f := range l.features {
		g, _ := gpkgGeometry(nil, l.geometry, f)
		if g != nil {
			env.add(f)
			args = append(args, g)
		} else {
			args = append(args, nil)
		}
		args = append(args, f.values...)
		if (k+1)%gpkgBlock == 0 {
			if err := flush(block); err != nil {
				return err
			}
		}
	}
	if rest := len(args) / width; rest > 0 {
		last, err := insert(rest)
		if err != nil {
			return err
		}
		defer last.Close()
		if err := flush(last); err != nil {
			return err
		}
	}
	var minX, minY, maxX, maxY any
	if env.ok() {
		minX, minY, maxX, maxY = env.minX, env.minY, env.maxX, env.maxY
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
		VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, 4326)`, l.name, l.name, "collab: "+l.name, gpkgTimestamp, minX, minY, maxX, maxY); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)`, l.name, l.geometry.sqlName())
	return err
}

// envelope is a bounding box of positions.
type envelope struct{ minX, minY, maxX, maxY float64 }

func newEnvelope() envelope {
	return envelope{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
}

func (e *envelope) ok() bool { return e.minX <= e.maxX }

func (e *envelope) addPoint(p geom.Point) {
	x, y := roundCoordinate(p[0]), roundCoordinate(p[1])
	e.minX, e.maxX = math.Min(e.minX, x), math.Max(e.maxX, x)
	e.minY, e.maxY = math.Min(e.minY, y), math.Max(e.maxY, y)
}

func (e *envelope) add(f layerFeature) {
	for _, p := range f.points {
		e.addPoint(p)
	}
	for _, poly := range f.polygon {
		for _, ring := range poly {
			for _, p := range ring {
				e.addPoint(p)
			}
		}
	}
}

// gpkgGeometry encodes a feature's geometry as a GeoPackage binary: the
// header (magic, version 0, flags: little-endian, envelope [minx, maxx,
// miny, maxy] but for points) then ISO WKB, little-endian. It returns nil
// for a feature without geometry; buf is reused.
func gpkgGeometry(buf []byte, kind geometryKind, f layerFeature) (g, reuse []byte) {
	if kind == geometryMultiPolygon && f.polygon == nil || kind != geometryMultiPolygon && len(f.points) == 0 {
		return nil, buf
	}
	b := append(buf, 'G', 'P', 0)
	if kind == geometryPoint {
		b = append(b, 0x01) // little-endian, no envelope
		b = binary.LittleEndian.AppendUint32(b, 4326)
	} else {
		b = append(b, 0x03) // little-endian, xy envelope
		b = binary.LittleEndian.AppendUint32(b, 4326)
		e := newEnvelope()
		e.add(f)
		for _, v := range []float64{e.minX, e.maxX, e.minY, e.maxY} {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
	}
	b = appendWKB(b, kind, f)
	out := make([]byte, len(b))
	copy(out, b)
	return out, b
}

func appendWKBHeader(b []byte, typ uint32) []byte {
	return binary.LittleEndian.AppendUint32(append(b, 1), typ)
}

func appendXY(b []byte, p geom.Point) []byte {
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(roundCoordinate(p[0])))
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(roundCoordinate(p[1])))
}

func appendWKB(b []byte, kind geometryKind, f layerFeature) []byte {
	b = appendWKBHeader(b, kind.wkbType())
	switch kind {
	case geometryPoint:
		return appendXY(b, f.points[0])
	case geometryLineString:
		b = binary.LittleEndian.AppendUint32(b, uint32(len(f.points)))
		for _, p := range f.points {
			b = appendXY(b, p)
		}
	case geometryMultiPoint:
		b = binary.LittleEndian.AppendUint32(b, uint32(len(f.points)))
		for _, p := range f.points {
			b = appendXY(appendWKBHeader(b, 1), p)
		}
	case geometryMultiPolygon:
		b = binary.LittleEndian.AppendUint32(b, uint32(len(f.polygon)))
		for _, poly := range f.polygon {
			b = binary.LittleEndian.AppendUint32(appendWKBHeader(b, 3), uint32(len(poly)))
			for _, ring := range poly {
				b = binary.LittleEndian.AppendUint32(b, uint32(len(ring)))
				for _, p := range ring {
					b = appendXY(b, p)
				}
			}
		}
	}
	return b
}
