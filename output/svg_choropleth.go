package output

import (
	"fmt"
	"io"
	"strings"

	"collab/geom"
)

// When the cities have boundaries, the SVG map is a choropleth: each
// city's polygons filled in its colour (tier, or MapOptions.Color, such
// as lisa_cluster in GeoDa's colours with its "not significant" and
// "isolated" classes), thin white borders between them, the links and
// belts drawn over them from centroid to centroid, a small dot at each
// centroid; the legend shows squares, and no circle sizes. A city
// without a boundary in such a file keeps its circle.

// choropleth reports whether the map fills boundaries.
func (s *svgMap) choropleth() bool { return s.boundaries != nil }

// xy projects a position as project places the cities (points, y north).
func (m *geoMap) xy(p geom.Point) (x, y float64) {
	return (p[0] - m.minLon) * m.cos0 * m.scalePerDeg, (p[1] - m.minLat) * m.scalePerDeg
}

// writePolygons fills every city's boundary; an even-odd fill leaves its
// holes open.
func (s *svgMap) writePolygons(w io.Writer) {
	if !s.choropleth() {
		return
	}
	fmt.Fprintf(w, `<g id="polygons" stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round" fill-rule="evenodd">`+"\n")
	var d strings.Builder
	for i, shape := range s.boundaries {
		if shape == nil {
			continue
		}
		d.Reset()
		for _, poly := range shape {
			for _, ring := range poly {
				for k, p := range ring {
					x, y := s.xy(p)
					cmd := "L"
					if k == 0 {
						cmd = "M"
					}
					d.WriteString(cmd + pt(s.ox+x) + "," + pt(s.oy-y))
				}
				d.WriteString("Z")
			}
		}
		c := s.cities[i]
		fmt.Fprintf(w, `<path d="%s" fill="%s"><title>%s</title></path>`+"\n", d.String(), c.fill, htmlText(c.name))
	}
	fmt.Fprintf(w, "</g>\n")
}

// writeCentroids marks each city's centroid, where its links end; a city
// without a boundary keeps its circle.
func (s *svgMap) writeCentroids(w io.Writer) {
	fmt.Fprintf(w, `<g id="cities" stroke="#4d4d4d" stroke-width="0.6">`+"\n")
	for _, i := range s.byScore() {
		x, y := s.page(i)
		c := s.cities[i]
		if s.boundaries[i] == nil {
			fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="%s" fill="%s"><title>%s</title></circle>`+"\n", pt(x), pt(y), pt(c.r), c.fill, htmlText(c.name))
			continue
		}
		fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="1.2" fill="#4d4d4d" stroke="none"/>`+"\n", pt(x), pt(y))
	}
	fmt.Fprintf(w, "</g>\n")
}

// writeSwatch is a legend entry's colour: a square on a choropleth, else
// a circle.
func (s *svgMap) writeSwatch(w io.Writer, x, y float64, colour string) {
	if s.choropleth() {
		fmt.Fprintf(w, `<rect x="%s" y="%s" width="12" height="12" fill="%s" stroke="#4d4d4d" stroke-width="0.6"/>`, pt(x), pt(y-10), colour)
		return
	}
	fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="6" fill="%s" stroke="#4d4d4d" stroke-width="0.6"/>`, pt(x+6), pt(y-4), colour)
}

// sizeShares are the scores the legend's circles show, as shares of the
// top score: none on a choropleth.
func (s *svgMap) sizeShares() []float64 {
	if s.choropleth() {
		return nil
	}
	return []float64{1, 0.25}
}
