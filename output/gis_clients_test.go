package output

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"collab/analysis"
)

// python3Module returns /usr/bin/python3 when it can import module, or
// skips the test saying which Debian package gives it.
func python3Module(t *testing.T, module, pkg string, env ...string) string {
	t.Helper()
	const python = "/usr/bin/python3"
	cmd := exec.Command(python, "-c", "import "+module)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("%s cannot import %s (Debian %s): %v %s", python, module, pkg, err, out)
	}
	return python
}

// lastJSON decodes the last line of a script's output.
func lastJSON(t *testing.T, out []byte, v any) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), v); err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
}

// qgisType is how QGIS's OGR provider names a GeoPackage field's type.
func qgisType(typ attrType) string {
	return [...]string{"String", "Real", "Integer64", "Boolean"}[typ]
}

// TestQGISOpensLayers opens the GeoPackage and the GeoJSON files of the
// sample (points) and of a polygon region with QGIS (PyQGIS, headless:
// testdata/qgis_layers.py) and checks every layer: valid, its feature
// count, the declared field types, the default style of layer_styles
// applied (the cities by tier in the map's colours, the links, belts and
// sectors in their pens); then renders the styled cities layer to PNG and
// checks that it is not blank and shows the tiers' colours.
//
//	QT_QPA_PLATFORM=offscreen /usr/bin/python3 testdata/qgis_layers.py out.png 'collab.gpkg|layername=cities' ...
func TestQGISOpensLayers(t *testing.T) {
	python := python3Module(t, "qgis.core", "python3-qgis", "QT_QPA_PLATFORM=offscreen")
	for name, r := range map[string]*analysis.Result{"sample": sampleStudy(t), "districts": studyOf(t, "districts.geojson", gridRegion(15, 0.4))} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			gisFiles(t, dir, r)
			layers, err := gisLayers(r, MapOptions{})
			if err != nil {
				t.Fatal(err)
			}
			gpkg := filepath.Join(dir, "collab.gpkg")
			var uris []string
			for _, l := range layers {
				uris = append(uris, gpkg+"|layername="+l.name)
			}
			for _, l := range layers {
				uris = append(uris, filepath.Join(dir, l.name+".geojson"))
			}
			png := filepath.Join(dir, "cities.png")
			cmd := exec.Command(python, append([]string{filepath.Join("testdata", "qgis_layers.py"), png}, uris...)...)
			cmd.Env = append(os.Environ(), "QT_QPA_PLATFORM=offscreen")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("qgis_layers.py: %v\n%s", err, out)
			}
			var got struct {
				Layers []struct {
					URI      string
					Valid    bool
					Count    int
					Geometry int
					Renderer string
					Attr     string
					Colour   string
					Colours  map[string]string
					Fields   map[string]string
				}
				PNG struct{ Colours map[string]int }
			}
			lastJSON(t, out, &got)
			tiers := byTier(r)
			for k, g := range got.Layers {
				l := layers[k%len(layers)]
				if !g.Valid || g.Count != len(l.features) {
					t.Errorf("%s: valid %v, %d features, want %d", g.URI, g.Valid, g.Count, len(l.features))
				}
				if k >= len(layers) {
					continue // GeoJSON: types as GDAL infers them (TestOgrinfoTypes), no style
				}
				for _, f := range l.fields {
					if g.Fields[f.name] != qgisType(f.typ) {
						t.Errorf("%s: %s is %s, want %s", g.URI, f.name, g.Fields[f.name], qgisType(f.typ))
					}
				}
				switch l.name {
				case "cities", "points":
					if g.Renderer != "categorizedSymbol" || g.Attr != "tier" {
						t.Errorf("%s: renderer %s on %q, want the tier style", g.URI, g.Renderer, g.Attr)
					}
					for i, e := range tiers.legend {
						if tier := r.Summary.Tiers[i].Tier; g.Colours[itoa(tier)] != e.colour {
							t.Errorf("%s: tier %d is %s, want the map's %s", g.URI, tier, g.Colours[itoa(tier)], e.colour)
						}
					}
				default:
					if g.Renderer != "singleSymbol" || g.Colour == "#000000" || g.Colour == "" {
						t.Errorf("%s: renderer %s colour %s, want collab's single symbol", g.URI, g.Renderer, g.Colour)
					}
				}
			}
			total, white, shown := 0, got.PNG.Colours["#ffffff"], 0
			for _, n := range got.PNG.Colours {
				total += n
			}
			for _, e := range tiers.legend {
				if got.PNG.Colours[e.colour] >= 10 {
					shown++
				}
			}
			if total == 0 || white > total*995/1000 || shown < min(2, len(tiers.legend)) {
				t.Errorf("the rendered cities are blank: %d of %d pixels white, %d tiers' colours shown", white, total, shown)
			}
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestGeopandasReadsLayers reads every layer of a polygon region, from
// the GeoJSON files and from the GeoPackage, with geopandas
// (testdata/geopandas_layers.py): the row counts, polygons staying
// (multi)polygons, and reals read as float64, integers as int64 where no
// value is missing.
func TestGeopandasReadsLayers(t *testing.T) {
	python := python3Module(t, "geopandas", "python3-geopandas")
	r := studyOf(t, "districts.geojson", gridRegion(10, 0.4))
	dir := t.TempDir()
	gisFiles(t, dir, r)
	layers, err := gisLayers(r, MapOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	for _, l := range layers {
		if len(l.features) > 0 {
			args = append(args, filepath.Join(dir, l.name+".geojson"), filepath.Join(dir, "collab.gpkg")+"|"+l.name)
		}
	}
	out, err := exec.Command(python, append([]string{filepath.Join("testdata", "geopandas_layers.py")}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("geopandas_layers.py: %v\n%s", err, out)
	}
	var got []struct {
		Source   string
		Rows     int
		Geometry []string
		Dtypes   map[string]string
	}
	lastJSON(t, out, &got)
	byName := map[string]*layer{}
	for _, l := range layers {
		byName[l.name] = l
	}
	for _, g := range got {
		name := strings.TrimSuffix(filepath.Base(g.Source), ".geojson")
		if _, layerName, ok := strings.Cut(g.Source, "|"); ok {
			name = layerName
		}
		l := byName[name]
		if g.Rows != len(l.features) {
			t.Errorf("%s: %d rows, want %d", g.Source, g.Rows, len(l.features))
		}
		want := map[geometryKind]string{geometryPoint: "Point", geometryMultiPolygon: "MultiPolygon", geometryLineString: "LineString", geometryMultiPoint: "MultiPoint"}[l.geometry]
		if len(g.Geometry) != 1 || g.Geometry[0] != want {
			t.Errorf("%s: geometries %v, want %s", g.Source, g.Geometry, want)
		}
		for k, f := range l.fields {
			dtype, ok := g.Dtypes[f.name]
			if !ok {
				continue // null everywhere: left out of GeoJSON
			}
			complete := true
			for _, ft := range l.features {
				complete = complete && ft.values[k] != nil
			}
			if f.typ == typeDouble && dtype != "float64" || f.typ == typeInteger && complete && dtype != "int64" {
				t.Errorf("%s: %s is %s, declared %s", g.Source, f.name, dtype, f.typ.graphml())
			}
		}
	}
}
