package output

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"collab/analysis"
)

// SVG writes the study as a map that needs no Graphviz: links under
// cities, cities sized by score and coloured by tier (or MapOptions.Color),
// belts in bold, names placed where they do not collide, a legend, a scale
// bar and a north arrow. Every name is escaped; fonts fall back to CJK
// families for Chinese names.
//
//	collab analyze yrd.json --svg yrd.svg
//	rsvg-convert yrd.svg -o yrd.png
func SVG(w io.Writer, r *analysis.Result, o MapOptions) error {
	m, err := newGeoMap(r, o)
	if err != nil {
		return err
	}
	ew := &errWriter{w: w}
	newSVGMap(m).write(ew)
	return ew.err
}

// The SVG page: a title band, the map with a margin for circles and
// labels, and the legend panel on its right.
const (
	svgMargin   = 24.0
	svgTitle    = 40.0
	svgPad      = 30.0 // around the map, for circles and labels at its edge
	svgLegend   = 250.0
	svgBottom   = 56.0 // the scale bar's band
	labelSize   = 9.0
	labelSizeUp = 11.0 // for tier 1-2 cities
)

type svgMap struct {
	*geoMap
	ox, oy float64 // where the map's origin (south-west corner) is on the page
	w, h   float64 // the page
}

func newSVGMap(m *geoMap) *svgMap {
	s := &svgMap{geoMap: m}
	s.ox = svgMargin + svgPad
	s.oy = svgMargin + svgTitle + svgPad + m.height
	s.w = s.ox + m.width + svgPad + s.legendWidth() + svgMargin
	s.h = s.oy + svgPad + svgBottom + svgMargin
	s.h = math.Max(s.h, svgMargin+svgTitle+s.legendHeight()+svgMargin)
	return s
}

// page returns city i's position on the page (y down).
func (s *svgMap) page(i int) (x, y float64) {
	return s.ox + s.cities[i].x, s.oy - s.cities[i].y
}

func (s *svgMap) write(w io.Writer) {
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s">`+"\n",
		pt(s.w), pt(s.h), pt(s.w), pt(s.h), htmlText(fontFamilies))
	fmt.Fprintf(w, "<title>%s</title>\n", htmlText(s.title))
	if s.directed {
		fmt.Fprintf(w, `<defs><marker id="arrow" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="5" markerHeight="5" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="#3b4a6b"/></marker></defs>`+"\n")
	}
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(w, `<text x="%s" y="%s" font-size="20">%s</text>`+"\n", pt(svgMargin), pt(svgMargin+22), htmlText(s.title))
	s.writePolygons(w)
	s.writeLinks(w)
	s.writeBelts(w)
	s.writeCities(w)
	s.writeLabels(w)
	s.writeLegend(w)
	s.writeScaleBar(w)
	s.writeNorthArrow(w)
	fmt.Fprintf(w, "</svg>\n")
}

func (s *svgMap) writeLinks(w io.Writer) {
	marker := ""
	if s.directed {
		marker = ` marker-end="url(#arrow)"`
	}
	fmt.Fprintf(w, `<g id="links" stroke="#3b4a6b" stroke-opacity="0.55" stroke-linecap="round"%s>`+"\n", marker)
	for _, l := range s.links {
		x1, y1 := s.page(l.from)
		x2, y2 := s.page(l.to)
		if s.directed { // end at the target's edge, where the arrow shows
			if d := math.Hypot(x2-x1, y2-y1); d > s.cities[l.to].r {
				k := (d - s.cities[l.to].r) / d
				x2, y2 = x1+k*(x2-x1), y1+k*(y2-y1)
			}
		}
		fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="%s"/>`+"\n", pt(x1), pt(y1), pt(x2), pt(y2), pt(l.pen))
	}
	fmt.Fprintf(w, "</g>\n")
}

func (s *svgMap) writeBelts(w io.Writer) {
	if len(s.belts) == 0 {
		return
	}
	fmt.Fprintf(w, `<g id="belts" stroke="%s" stroke-width="5" stroke-opacity="0.8" stroke-linecap="round" stroke-linejoin="round" fill="none">`+"\n", beltColour)
	for _, b := range s.belts {
		points := make([]string, len(b.cities))
		for k, i := range b.cities {
			x, y := s.page(i)
			points[k] = pt(x) + "," + pt(y)
		}
		fmt.Fprintf(w, `<polyline points="%s"/>`+"\n", strings.Join(points, " "))
	}
	fmt.Fprintf(w, "</g>\n")
}

// writeCities draws the largest cities first, so that small ones stay
// visible on top of them.
func (s *svgMap) writeCities(w io.Writer) {
	if s.choropleth() {
		s.writeCentroids(w)
		return
	}
	fmt.Fprintf(w, `<g id="cities" stroke="#4d4d4d" stroke-width="0.6">`+"\n")
	for _, i := range s.byScore() {
		x, y := s.page(i)
		c := s.cities[i]
		fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="%s" fill="%s"><title>%s</title></circle>`+"\n", pt(x), pt(y), pt(c.r), c.fill, htmlText(c.name))
	}
	fmt.Fprintf(w, "</g>\n")
}

func (s *svgMap) writeLabels(w io.Writer) {
	fmt.Fprintf(w, `<g id="labels" fill="#1a1a1a" stroke="white" stroke-width="2.5" stroke-linejoin="round" paint-order="stroke">`+"\n")
	for _, l := range s.placeLabels() {
		weight := ""
		if l.size > labelSize {
			weight = ` font-weight="bold"`
		}
		fmt.Fprintf(w, `<text x="%s" y="%s" font-size="%s" text-anchor="%s"%s>%s</text>`+"\n", pt(l.x), pt(l.y), pt(l.size), l.anchor, weight, htmlText(s.cities[l.city].name))
	}
	fmt.Fprintf(w, "</g>\n")
}

// writeLegend draws the colours, the meaning of sizes and lines, and the
// belts, in the panel right of the map.
func (s *svgMap) writeLegend(w io.Writer) {
	x, y := s.ox+s.width+svgPad+10, svgMargin+svgTitle+12
	fmt.Fprintf(w, `<g id="legend" font-size="11" fill="#1a1a1a">`+"\n")
	fmt.Fprintf(w, `<text x="%s" y="%s" font-weight="bold">%s</text>`+"\n", pt(x), pt(y), htmlText(s.colours.title))
	for _, e := range s.colours.legend {
		y += 18
		s.writeSwatch(w, x, y, e.colour)
		fmt.Fprintf(w, `<text x="%s" y="%s">%s</text>`+"\n", pt(x+18), pt(y), htmlText(e.text()))
	}
	notes := s.legendNotes()
	y += 30
	fmt.Fprintf(w, `<text x="%s" y="%s">%s</text>`+"\n", pt(x), pt(y), htmlText(notes[0]))
	y += 8
	shares := s.sizeShares()
	for _, share := range shares {
		r := s.radius(share * s.topScore)
		fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="%s" fill="none" stroke="#4d4d4d" stroke-width="0.8"/>`, pt(x+16), pt(y+16+(16-r)), pt(r))
		fmt.Fprintf(w, `<text x="%s" y="%s">%s</text>`+"\n", pt(x+40), pt(y+16+(16-r)+4), htmlText(num(share*s.topScore)))
		x += 90
	}
	x -= 90 * float64(len(shares))
	y += 56
	fmt.Fprintf(w, `<text x="%s" y="%s">%s</text>`+"\n", pt(x), pt(y), htmlText(notes[1]))
	for k, pen := range []float64{0.5, 2.5, 4.5} {
		fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#3b4a6b" stroke-opacity="0.55" stroke-width="%s" stroke-linecap="round"/>`+"\n", pt(x+float64(k)*60), pt(y+14), pt(x+float64(k)*60+45), pt(y+14), pt(pen))
	}
	if len(notes) > 2 {
		y += 40
		fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="5" stroke-linecap="round"/>`, pt(x), pt(y-4), pt(x+40), pt(y-4), beltColour)
		fmt.Fprintf(w, `<text x="%s" y="%s">%s</text>`+"\n", pt(x+50), pt(y), htmlText(notes[2]))
	}
	fmt.Fprintf(w, "</g>\n")
}

// legendWidth is the width of the legend panel: svgLegend, or wider when
// a line of it is longer ("Line width: link weight (strongest 10000 of
// 34113)" on a large map, a long class name), so that no text leaves the
// page.
func (s *svgMap) legendWidth() float64 {
	widest := 0.0
	for _, e := range s.colours.legend {
		widest = max(widest, 18+legendTextWidth(e.text()))
	}
	widest = max(widest, legendTextWidth(s.colours.title))
	for k, note := range s.legendNotes() {
		indent := 0.0
		if k == 2 {
			indent = 50 // after the belt's line
		}
		widest = max(widest, indent+legendTextWidth(note))
	}
	return max(svgLegend, 10+widest+svgPad)
}

// legendTextWidth bounds the width of s in the legend's 11-point font:
// 0.6 em a character (Helvetica's widest common letters are narrower, its
// digits 0.556 em), a full em for a wide East Asian character.
func legendTextWidth(s string) float64 { return 0.6 * 11 * float64(displayWidth(s)) }

// legendHeight is the height the legend needs.
func (s *svgMap) legendHeight() float64 {
	return 12 + 18*float64(len(s.colours.legend)) + 30 + 64 + 40 + 40
}

// writeScaleBar draws a bar of a round length, about a fifth of the map's
// width, true along the parallel of the mean latitude.
func (s *svgMap) writeScaleBar(w io.Writer) {
	km := niceLength(0.2 * math.Max(s.width, 100) * s.kmPerPoint)
	length := km / s.kmPerPoint
	x, y := s.ox, s.oy+svgPad+24
	fmt.Fprintf(w, `<g id="scale-bar" font-size="10" fill="#1a1a1a">`+"\n")
	fmt.Fprintf(w, `<rect x="%s" y="%s" width="%s" height="5" fill="#1a1a1a"/>`, pt(x), pt(y), pt(length/2))
	fmt.Fprintf(w, `<rect x="%s" y="%s" width="%s" height="5" fill="white" stroke="#1a1a1a" stroke-width="0.8"/>`+"\n", pt(x+length/2), pt(y), pt(length/2))
	for _, t := range []struct {
		at    float64
		label string
	}{{0, "0"}, {length / 2, distanceLabel(km / 2)}, {length, distanceLabel(km) + " km"}} {
		fmt.Fprintf(w, `<text x="%s" y="%s" text-anchor="middle">%s</text>`+"\n", pt(x+t.at), pt(y-4), t.label)
	}
	fmt.Fprintf(w, `<text x="%s" y="%s" font-size="9" fill="#555555">%s</text>`+"\n", pt(x), pt(y+18),
		htmlText(fmt.Sprintf("Equirectangular projection, true scale at %.1f°%s", math.Abs(s.lat0), map[bool]string{true: "N", false: "S"}[s.lat0 >= 0])))
	fmt.Fprintf(w, "</g>\n")
}

// niceLength is the largest 1, 2 or 5 times a power of ten not above x.
func niceLength(x float64) float64 {
	if !(x > 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, f := range []float64{5, 2, 1} {
		if f*p <= x {
			return f * p
		}
	}
	return p
}

func distanceLabel(km float64) string { return strconv.FormatFloat(km, 'f', -1, 64) }

func (s *svgMap) writeNorthArrow(w io.Writer) {
	// Bottom right of the map, level with the scale bar.
	x, y := s.ox+s.width, s.oy+svgPad
	fmt.Fprintf(w, `<g id="north-arrow" fill="#1a1a1a"><path d="M%s,%s L%s,%s L%s,%s L%s,%s z"/><text x="%s" y="%s" font-size="12" text-anchor="middle" font-weight="bold">N</text></g>`+"\n",
		pt(x), pt(y+14), pt(x-7), pt(y+36), pt(x), pt(y+30), pt(x+7), pt(y+36), pt(x), pt(y+10))
}
