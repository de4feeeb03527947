package output

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"collab/analysis"
)

// gridRegion is a GeoJSON FeatureCollection of side x side square cells
// of 0.1 degree (queen contiguity: up to 8 neighbours), with scores that
// rise to the north-east plus noise, and properties of the input's own:
// an integer, a real that is sometimes integral, a string that is
// sometimes missing and a boolean. jitter > 0 moves the inner corners
// (shared by the cells around them, so the cells still tile) by up to
// that fraction of a cell, for polygons that look like real districts.
func gridRegion(side int, jitter float64) []byte {
	rng := rand.New(rand.NewPCG(7, uint64(side)))
	corner := make([][][2]float64, side+1)
	for i := range corner {
		corner[i] = make([][2]float64, side+1)
		for j := range corner[i] {
			x, y := 118+0.1*float64(i), 30+0.1*float64(j)
			if i > 0 && j > 0 && i < side && j < side {
				x += jitter * 0.1 * (rng.Float64() - 0.5)
				y += jitter * 0.1 * (rng.Float64() - 0.5)
			}
			corner[i][j] = [2]float64{x, y}
		}
	}
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","name":"Grid","features":[`)
	for i := range side {
		for j := range side {
			if i+j > 0 {
				b.WriteString(",\n")
			}
			ring := [][2]float64{corner[i][j], corner[i+1][j], corner[i+1][j+1], corner[i][j+1], corner[i][j]}
			coords, _ := json.Marshal([][][2]float64{ring})
			score := 10 + float64(i+j) + 5*rng.Float64()
			label := `null`
			if (i+j)%3 > 0 {
				label = fmt.Sprintf(`"district %d-%d"`, i, j)
			}
			fmt.Fprintf(&b, `{"type":"Feature","geometry":{"type":"Polygon","coordinates":%s},"properties":{"id":"g%d_%d","name":"Cell %d %d","score":%.3f,"households":%d,"area_km2":%s,"label":%s,"coastal":%t}}`,
				coords, i, j, i, j, score, 1000+37*(i*side+j), []string{"12", "12.5"}[(i+j)%2], label, i == 0)
		}
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

// pointRegion is a GeoJSON FeatureCollection of n random points.
func pointRegion(n int) []byte {
	rng := rand.New(rand.NewPCG(11, uint64(n)))
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"type":"Feature","geometry":{"type":"Point","coordinates":[%.5f,%.5f]},"properties":{"id":"p%d","name":"Town %d","province":"P%d","score":%.2f}}`,
			100+20*rng.Float64(), 22+15*rng.Float64(), i, i, i%25, rng.ExpFloat64()*50)
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

func studyOf(t testing.TB, name string, src []byte) *analysis.Result {
	t.Helper()
	return studyWith(t, name, src, analysis.DefaultParameters())
}

func studyWith(t testing.TB, name string, src []byte, p analysis.Parameters) *analysis.Result {
	t.Helper()
	ds, err := readData(name, src)
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestLayerFieldNames: every layer's field names are unique within their
// first 10 characters (case aside), as a Shapefile needs, and the
// neighbour count is neighbor_count.
func TestLayerFieldNames(t *testing.T) {
	for name, r := range map[string]*analysis.Result{"sample": sampleStudy(t), "grid": studyOf(t, "grid.geojson", gridRegion(6, 0))} {
		layers, err := gisLayers(r, MapOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range layers {
			seen := map[string]string{}
			for _, f := range l.fields {
				short := strings.ToLower(f.name[:min(10, len(f.name))])
				if other, ok := seen[short]; ok {
					t.Errorf("%s %s: %q and %q share their first 10 characters", name, l.name, other, f.name)
				}
				seen[short] = f.name
			}
			if l.name == "cities" && seen["neighbor_c"] != "neighbor_count" {
				t.Errorf("%s: no neighbor_count field", name)
			}
		}
	}
}

// TestGeoJSONLayerValues checks the written values against the declared
// types: a Real is a number with a fraction or exponent (1.0, not 1), an
// Integer one without, a missing string null (never ""), a list one
// string joined by ";", and the input's own properties come after
// collab's keys with their types.
func TestGeoJSONLayerValues(t *testing.T) {
	r := studyOf(t, "grid.geojson", gridRegion(6, 0))
	layers, err := gisLayers(r, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range layers {
		var doc struct {
			Name     string
			Features []struct {
				Geometry   *struct{ Type string }
				Properties map[string]json.RawMessage
			}
		}
		var b bytes.Buffer
		if err := writeGeoJSONLayer(&b, l); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", l.name, err)
		}
		if doc.Name != l.name || len(doc.Features) != len(l.features) {
			t.Errorf("%s: name %q, %d features, want %d", l.name, doc.Name, len(doc.Features), len(l.features))
		}
		for _, f := range doc.Features {
			if want := l.geometry.geoJSON(); f.Geometry == nil || f.Geometry.Type != want {
				t.Errorf("%s: geometry %+v, want %s", l.name, f.Geometry, want)
			}
			for _, fld := range l.fields {
				v, ok := f.Properties[fld.name]
				if !ok {
					continue // null in every feature
				}
				s := string(v)
				bad := false
				switch {
				case s == "null":
				case fld.typ == typeDouble:
					bad = !regexp.MustCompile(`^-?\d+(\.\d+)?([eE][-+]?\d+)?$`).MatchString(s) || !strings.ContainsAny(s, ".eE")
				case fld.typ == typeInteger:
					bad = !regexp.MustCompile(`^-?\d+$`).MatchString(s)
				case fld.typ == typeBoolean:
					bad = s != "true" && s != "false"
				default:
					bad = s == `""` || s[0] != '"'
				}
				if bad {
					t.Errorf("%s.%s = %s, declared %s", l.name, fld.name, s, fld.typ.graphml())
				}
			}
		}
	}
	cities := layers[0]
	if cities.geometry != geometryMultiPolygon {
		t.Errorf("cities of a polygon input are %s, want MULTIPOLYGON", cities.geometry.sqlName())
	}
	tail := cities.fields[len(cities.fields)-4:]
	want := []layerField{{"households", typeInteger}, {"area_km2", typeDouble}, {"label", typeString}, {"coastal", typeBoolean}}
	for k := range want {
		if tail[k] != want[k] {
			t.Errorf("input property %d: %+v, want %+v", k, tail[k], want[k])
		}
	}
	if v := cities.features[0].values[len(cities.fields)-3]; v != 12.0 {
		t.Errorf("area_km2 of the first cell = %v, want the real 12", v)
	}
	if got := geoJSONValue(12.0); got != "12.0" {
		t.Errorf("a real 12 is written %s, want 12.0", got)
	}
	if v := cities.features[0].values[len(cities.fields)-2]; v != nil {
		t.Errorf("a missing label is %#v, want nil (null)", v)
	}
	belts := layers[3]
	for k, f := range belts.features {
		if got, want := f.values[1], strings.Join(r.Belts[k].Cities, ";"); got != want {
			t.Errorf("belt %d cities %q, want %q", k+1, got, want)
		}
	}
}

// TestRounding: reals to 10 significant digits, positions to 6 decimals.
func TestRounding(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{{1.23456789012345, 1.234567890}, {123456.789012345, 123456.7890}, {1e-12 / 3, 3.333333333e-13}, {2, 2}} {
		if got := roundReal(c.in); got != c.want {
			t.Errorf("roundReal(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want float64 }{{121.4700004, 121.47}, {-0.0000001, 0}, {31.2345675, 31.234568}} {
		if got := roundCoordinate(c.in); got != c.want || math.Signbit(got) {
			t.Errorf("roundCoordinate(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// gisFiles writes r's GeoJSON layers and GeoPackage into dir.
func gisFiles(t *testing.T, dir string, r *analysis.Result) {
	t.Helper()
	for _, name := range LayerNames {
		if err := os.WriteFile(filepath.Join(dir, name+".geojson"), []byte(write(t, func(w io.Writer) error { return GeoJSONLayer(w, r, MapOptions{}, name) })), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "collab.gpkg"), []byte(write(t, func(w io.Writer) error { return GeoPackage(w, r, MapOptions{}) })), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ogrSchema is ogrinfo -ro -so's view of a layer: its geometry, feature
// count and field types.
type ogrSchema struct {
	geometry string
	count    int
	fields   map[string]string
}

func ogrLayer(t *testing.T, args ...string) ogrSchema {
	t.Helper()
	out, err := exec.Command("ogrinfo", append([]string{"-ro", "-so", "-al"}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo %v: %v\n%s", args, err, out)
	}
	s := ogrSchema{fields: map[string]string{}}
	for _, line := range strings.Split(string(out), "\n") {
		if m := regexp.MustCompile(`^(\w+): (\w+(\(\w+\))?) \(`).FindStringSubmatch(line); m != nil {
			s.fields[m[1]] = m[2]
		}
		if g, ok := strings.CutPrefix(line, "Geometry: "); ok {
			s.geometry = g
		}
		if c, ok := strings.CutPrefix(line, "Feature Count: "); ok {
			fmt.Sscan(c, &s.count)
		}
	}
	return s
}

// gdalType is how GDAL names a declared type: in GeoJSON, and in a
// GeoPackage (whose INTEGER is 64-bit).
func gdalType(typ attrType, gpkg bool) string {
	switch typ {
	case typeDouble:
		return "Real"
	case typeInteger:
		if gpkg {
			return "Integer64"
		}
		return "Integer"
	case typeBoolean:
		return "Integer(Boolean)"
	}
	return "String"
}

// largeRegion is a study of 5,000 generated cities, its betweenness
// estimated from 200 sources so that betweenness_se has values (null on
// the sample, where it is exact) and the test runs in seconds.
func largeRegion(t *testing.T) *analysis.Result {
	p := analysis.DefaultParameters()
	p.BetweennessSample = 200
	p.Permutations = 99
	return studyWith(t, "region.geojson", pointRegion(5000), p)
}

// TestOgrinfoTypes writes the layers of the sample, of a generated
// 5,000-city region and of a polygon grid, and checks with GDAL's ogrinfo
// that every field has its declared type and every layer its features,
// and that the sample and the large region have the same field types:
// in the GeoPackage every field, in GeoJSON every field both hold.
//
//	ogrinfo -ro -so -al cities.geojson; ogrinfo -ro -so -al collab.gpkg cities
func TestOgrinfoTypes(t *testing.T) {
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo not found (Debian gdal-bin): ", err)
	}
	regions := []struct {
		name string
		r    *analysis.Result
	}{{"sample", sampleStudy(t)}, {"region5000", largeRegion(t)}, {"grid", studyOf(t, "grid.geojson", gridRegion(12, 0.3))}}
	schemas := map[string]map[string]ogrSchema{}
	for _, reg := range regions {
		dir := t.TempDir()
		gisFiles(t, dir, reg.r)
		layers, err := gisLayers(reg.r, MapOptions{})
		if err != nil {
			t.Fatal(err)
		}
		schemas[reg.name] = map[string]ogrSchema{}
		for _, l := range layers {
			js := ogrLayer(t, filepath.Join(dir, l.name+".geojson"))
			gp := ogrLayer(t, filepath.Join(dir, "collab.gpkg"), l.name)
			schemas[reg.name][l.name+".geojson"], schemas[reg.name][l.name+".gpkg"] = js, gp
			for _, s := range []ogrSchema{js, gp} {
				if s.count != len(l.features) {
					t.Errorf("%s %s: ogrinfo counts %d features, want %d", reg.name, l.name, s.count, len(l.features))
				}
			}
			if len(gp.fields) != len(l.fields) {
				t.Errorf("%s %s.gpkg: %d fields, want %d", reg.name, l.name, len(gp.fields), len(l.fields))
			}
			for _, f := range l.fields {
				if got, want := gp.fields[f.name], gdalType(f.typ, true); got != want {
					t.Errorf("%s %s.gpkg: %s is %s, want %s", reg.name, l.name, f.name, got, want)
				}
				if got, ok := js.fields[f.name]; ok && got != gdalType(f.typ, false) {
					t.Errorf("%s %s.geojson: %s is %s, want %s", reg.name, l.name, f.name, got, gdalType(f.typ, false))
				}
			}
		}
		if got := schemas[reg.name]["cities.gpkg"].geometry; reg.name == "grid" && got != "Multi Polygon" {
			t.Errorf("grid cities: geometry %s, want Multi Polygon", got)
		}
	}
	for layer, a := range schemas["sample"] {
		b := schemas["region5000"][layer]
		for f, typ := range a.fields {
			if other, ok := b.fields[f]; (ok || strings.HasSuffix(layer, ".gpkg")) && other != typ {
				t.Errorf("%s: %s is %s on the sample, %s on 5,000 cities", layer, f, typ, other)
			}
		}
	}
}
