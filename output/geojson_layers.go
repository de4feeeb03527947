package output

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"collab/analysis"
	"collab/geom"
	"collab/param"
)

// GeoJSONLayer writes one of the GIS layers (LayerNames: cities, points,
// links, belts, sectors) as an RFC 7946 FeatureCollection named for the
// layer, one feature a line. Every feature has the layer's fields in the
// same order, typed as declared: a real always with a fraction or an
// exponent (1.0, not 1), so that GDAL and geopandas type it Real on every
// run. GeoJSON cannot declare a type for a field that is null in every
// feature (GDAL would read it as String), so such a field is left out of
// the file; the GeoPackage keeps it, typed. Each feature's "id" is its
// number from 1, as the GeoPackage's fid.
//
//	collab export --format geojson yrd.json > cities.geojson
//	ogrinfo -al -so cities.geojson
func GeoJSONLayer(w io.Writer, r *analysis.Result, o MapOptions, name string) error {
	layers, err := gisLayers(r, o)
	if err != nil {
		return err
	}
	for _, l := range layers {
		if l.name == name {
			return writeGeoJSONLayer(w, l)
		}
	}
	return param.Quotedf("layer", name, "choose one of %s", strings.Join(LayerNames, ", "))
}

func writeGeoJSONLayer(w io.Writer, l *layer) error {
	present := make([]bool, len(l.fields))
	for _, f := range l.features {
		for k, v := range f.values {
			present[k] = present[k] || v != nil
		}
	}
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, `{"type":"FeatureCollection","name":%s,"features":[`, jsonString(l.name))
	var b strings.Builder
	for n, f := range l.features {
		b.Reset()
		if n > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n"+`{"type":"Feature","id":%d,"geometry":`, n+1)
		writeGeoJSONGeometry(&b, l.geometry, f)
		b.WriteString(`,"properties":{`)
		sep := ""
		for k, fld := range l.fields {
			if !present[k] {
				continue
			}
			b.WriteString(sep + jsonString(fld.name) + ":" + geoJSONValue(f.values[k]))
			sep = ","
		}
		b.WriteString("}}")
		io.WriteString(ew, b.String())
	}
	fmt.Fprintf(ew, "\n]}\n")
	return ew.err
}

// geoJSONValue writes a typed value; a real always shows it is one.
func geoJSONValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case float64:
		return realText(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case string:
		return jsonString(x)
	}
	return jsonString(fmt.Sprint(v))
}

// realText is x (already rounded) in the shortest form that reads back
// the same, with ".0" added to an integral value.
func realText(x float64) string {
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") { // n: NaN and Inf cannot reach here
		s += ".0"
	}
	return s
}

func writeGeoJSONGeometry(b *strings.Builder, kind geometryKind, f layerFeature) {
	if kind == geometryMultiPolygon && f.polygon == nil || kind != geometryMultiPolygon && len(f.points) == 0 {
		b.WriteString("null")
		return
	}
	fmt.Fprintf(b, `{"type":%q,"coordinates":`, kind.geoJSON())
	switch kind {
	case geometryPoint:
		writePosition(b, f.points[0])
	case geometryMultiPolygon:
		b.WriteString("[")
		for p, poly := range f.polygon {
			if p > 0 {
				b.WriteString(",")
			}
			b.WriteString("[")
			for k, ring := range poly {
				if k > 0 {
					b.WriteString(",")
				}
				writePositions(b, ring)
			}
			b.WriteString("]")
		}
		b.WriteString("]")
	default:
		writePositions(b, f.points)
	}
	b.WriteString("}")
}

func writePositions(b *strings.Builder, pts []geom.Point) {
	b.WriteString("[")
	for k, p := range pts {
		if k > 0 {
			b.WriteString(",")
		}
		writePosition(b, p)
	}
	b.WriteString("]")
}

func writePosition(b *strings.Builder, p geom.Point) {
	b.WriteString("[" + strconv.FormatFloat(roundCoordinate(p[0]), 'f', -1, 64) + "," + strconv.FormatFloat(roundCoordinate(p[1]), 'f', -1, 64) + "]")
}
