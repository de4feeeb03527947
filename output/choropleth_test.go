package output

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// withIsland adds to a gridRegion a square far from every cell: under
// queen contiguity it has no neighbour, so its LISA class is "isolated".
func withIsland(src []byte) []byte {
	island := `{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[120.2,31],[120.3,31],[120.3,31.1],[120.2,31.1],[120.2,31]]]},"properties":{"id":"island","name":"Island","score":11}}`
	return bytes.Replace(src, []byte("]}\n"), []byte(",\n"+island+"]}\n"), 1)
}

// TestChoropleth draws a regular grid and 324 jittered cells that look
// like districts: the map fills each city's polygon (one path per city,
// in its tier's colour, or by lisa_cluster in GeoDa's colours with the
// "not significant" and "isolated" classes in the legend), draws the
// links and belts over them, keeps the legend, the scale bar and the
// north arrow, parses as XML, and rsvg-convert renders it to a PNG that
// is not blank and shows the fills' colours.
//
//	rsvg-convert map.svg -o map.png
func TestChoropleth(t *testing.T) {
	for _, c := range []struct {
		name, color string
		src         []byte
		want        []string
	}{
		{"grid", "tier", gridRegion(10, 0), nil},
		{"districts", "tier", gridRegion(18, 0.6), nil},
		{"districts-lisa", "lisa_cluster", withIsland(gridRegion(18, 0.6)), []string{">not significant (", ">isolated (1)<", `fill="#999999"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := studyOf(t, c.name+".geojson", c.src)
			svg := write(t, func(w io.Writer) error { return SVG(w, r, MapOptions{Color: c.color}) })
			if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
				t.Fatalf("not XML: %v", err)
			}
			polygons := svg[strings.Index(svg, `<g id="polygons"`):]
			polygons = polygons[:strings.Index(polygons, "</g>")]
			if n := strings.Count(polygons, "<path "); n != len(r.Cities) {
				t.Errorf("%d polygons drawn, want %d", n, len(r.Cities))
			}
			colours, err := colourBy(r, c.color)
			if err != nil {
				t.Fatal(err)
			}
			for i, fill := range colours.fill {
				if want := `fill="` + fill + `"><title>` + htmlText(r.Cities[i].Name) + `</title></path>`; !strings.Contains(polygons, want) {
					t.Errorf("%s is not filled %s", r.Cities[i].Name, fill)
					break
				}
			}
			order := []string{`<g id="polygons"`, `<g id="links"`, `<g id="cities"`, `<g id="legend"`, `<g id="scale-bar"`, `<g id="north-arrow"`}
			last := -1
			for _, g := range order {
				at := strings.Index(svg, g)
				if at < last {
					t.Errorf("%s missing or drawn before the layer under it", g)
				}
				last = at
			}
			if len(r.Belts) > 0 && strings.Index(svg, `<g id="belts"`) < strings.Index(svg, `<g id="polygons"`) {
				t.Error("the belts are drawn under the polygons")
			}
			for _, w := range c.want {
				if !strings.Contains(svg, w) {
					t.Errorf("the map lacks %s", w)
				}
			}
			if strings.Contains(svg, "Circle area") {
				t.Error("the legend explains circle sizes on a choropleth")
			}
			renderedNotBlank(t, svg, colours)
		})
	}
}

// renderedNotBlank renders svg with rsvg-convert and checks that at least
// a fifth of the pixels are not white and that the fills show.
func renderedNotBlank(t *testing.T, svg string, colours colouring) {
	t.Helper()
	if _, err := exec.LookPath("rsvg-convert"); err != nil {
		t.Skip("rsvg-convert not found (Debian librsvg2-bin): ", err)
	}
	cmd := exec.Command("rsvg-convert")
	cmd.Stdin = strings.NewReader(svg)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("rsvg-convert: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	counts := pixelColours(img)
	total, white := 0, counts["#ffffff"]
	for _, n := range counts {
		total += n
	}
	shown := 0
	for _, e := range colours.legend {
		if counts[e.colour] > 20 {
			shown++
		}
	}
	if white > total*4/5 || shown < min(2, len(colours.legend)) {
		t.Errorf("rendered map: %d of %d pixels white, %d of %d legend colours shown", white, total, shown, len(colours.legend))
	}
}

func pixelColours(img image.Image) map[string]int {
	counts := map[string]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[hexColour(r>>8, g>>8, bl>>8)]++
		}
	}
	return counts
}

func hexColour(r, g, b uint32) string {
	const digits = "0123456789abcdef"
	return "#" + string([]byte{digits[r>>4], digits[r&15], digits[g>>4], digits[g&15], digits[b>>4], digits[b&15]})
}

// TestWriteDistricts writes the districts region of TestChoropleth to
// the file COLLAB_DISTRICTS names, for the README's map (docs/):
//
//	COLLAB_DISTRICTS=$PWD/docs/districts.geojson go test ./output -run TestWriteDistricts
func TestWriteDistricts(t *testing.T) {
	path := os.Getenv("COLLAB_DISTRICTS")
	if path == "" {
		t.Skip("COLLAB_DISTRICTS is not set: nothing to write")
	}
	src := regexp.MustCompile(`"name":"Grid"`).ReplaceAll(withIsland(gridRegion(18, 0.6)), []byte(`"name":"Generated districts"`))
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
}
