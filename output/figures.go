package output

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"collab/analysis"
)

// The figures are SVG documents of a fixed page (figureW x figureH
// points) with the plot area inside margins for the axes' labels.
const (
	figureW    = 640.0
	figureH    = 480.0
	plotLeft   = 70.0
	plotRight  = 30.0
	plotTop    = 56.0
	plotBottom = 56.0
)

// frame maps data coordinates onto a rectangle of the page.
type frame struct {
	x0, x1, y0, y1         float64 // the data range
	left, top, width, high float64 // the rectangle on the page
}

func (f frame) px(x float64) float64 { return f.left + (x-f.x0)/(f.x1-f.x0)*f.width }
func (f frame) py(y float64) float64 { return f.top + f.high - (y-f.y0)/(f.y1-f.y0)*f.high }

// ticks are round values (1, 2 or 5 times a power of ten apart) within
// [lo, hi], about five of them.
func ticks(lo, hi float64) []float64 {
	step := niceLength((hi - lo) / 4)
	var out []float64
	for v := math.Ceil(lo/step) * step; v <= hi+step*1e-9; v += step {
		out = append(out, math.Round(v/step)*step)
	}
	return out
}

// tickLabel formats a tick with no more decimals than its step needs.
func tickLabel(v float64) string {
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

func writeFigureHead(w io.Writer, title string, height float64) {
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" font-size="11">`+"\n",
		pt(figureW), pt(height), pt(figureW), pt(height), htmlText(fontFamilies))
	fmt.Fprintf(w, "<title>%s</title>\n", htmlText(title))
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	fmt.Fprintf(w, `<text x="%s" y="28" font-size="16">%s</text>`+"\n", pt(plotLeft), htmlText(title))
}

// writeAxes draws the frame, the ticks and grid lines, and the axes'
// titles.
func writeAxes(w io.Writer, f frame, xTitle, yTitle string) {
	fmt.Fprintf(w, `<g class="axes" stroke="#cccccc" stroke-width="0.5">`+"\n")
	for _, v := range ticks(f.x0, f.x1) {
		fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, pt(f.px(v)), pt(f.top), pt(f.px(v)), pt(f.top+f.high))
	}
	for _, v := range ticks(f.y0, f.y1) {
		fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, pt(f.left), pt(f.py(v)), pt(f.left+f.width), pt(f.py(v)))
	}
	fmt.Fprintf(w, "\n</g>\n")
	fmt.Fprintf(w, `<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="#333333"/>`+"\n", pt(f.left), pt(f.top), pt(f.width), pt(f.high))
	fmt.Fprintf(w, `<g class="tick-labels" fill="#333333">`+"\n")
	for _, v := range ticks(f.x0, f.x1) {
		fmt.Fprintf(w, `<text x="%s" y="%s" text-anchor="middle">%s</text>`, pt(f.px(v)), pt(f.top+f.high+15), tickLabel(v))
	}
	for _, v := range ticks(f.y0, f.y1) {
		fmt.Fprintf(w, `<text x="%s" y="%s" text-anchor="end">%s</text>`, pt(f.left-6), pt(f.py(v)+4), tickLabel(v))
	}
	fmt.Fprintf(w, "\n</g>\n")
	fmt.Fprintf(w, `<text x="%s" y="%s" text-anchor="middle">%s</text>`+"\n", pt(f.left+f.width/2), pt(f.top+f.high+36), htmlText(xTitle))
	fmt.Fprintf(w, `<text transform="translate(%s,%s) rotate(-90)" text-anchor="middle">%s</text>`+"\n", pt(f.left-48), pt(f.top+f.high/2), htmlText(yTitle))
}

// writeNote writes a figure that has nothing to plot, saying why, so that
// a file written with every run is never empty.
func writeNote(w io.Writer, title, note string) {
	writeFigureHead(w, title, figureH)
	fmt.Fprintf(w, `<text x="%s" y="%s" text-anchor="middle" fill="#555555">%s</text>`+"\n", pt(figureW/2), pt(figureH/2), htmlText(note))
	fmt.Fprintf(w, "</svg>\n")
}

// moranPoint is a city on the Moran scatterplot.
type moranPoint struct {
	city    int
	z, lag  float64
	cluster string
}

// moranPoints standardises the scores as GeoDa's Moran scatterplot does,
// z_i = (s_i - mean) / sd with the sample standard deviation (n - 1;
// GeoDa's GenUtils::StandardizeData), and gives each its spatial lag
// (Wz)_i = sum_j w_ij z_j = (lag_i - mean sum_j w_ij) / sd, where sum_j
// w_ij is 1 under row standardisation and the number of neighbours under
// binary weights. Islands, whose lag is undefined, are left out. The
// least-squares slope of lag on z is then z'Wz / z'z, Moran's I when the
// weights are row-standardised (S0 = n).
func moranPoints(r *analysis.Result) []moranPoint {
	mean, sd := r.Summary.Mean, r.Summary.SDSample
	if r.Moran == nil || !(sd > 0) {
		return nil
	}
	binary := r.Weights != nil && r.Weights.Standardize == "binary"
	var out []moranPoint
	for i, c := range r.Cities {
		if c.Autocorrelation == nil || c.Neighbors == 0 || !c.Lag.Defined() {
			continue
		}
		rowSum := 1.0
		if binary {
			rowSum = float64(c.Neighbors)
		}
		p := moranPoint{city: i, z: (c.Score - mean) / sd, lag: (float64(c.Lag) - mean*rowSum) / sd}
		if c.LISACluster != nil {
			p.cluster = *c.LISACluster
		}
		out = append(out, p)
	}
	return out
}

// moranOutliers is how many cities the scatterplot names at most: those
// farthest from the origin among the ones beyond two standard deviations
// on either axis.
const moranOutliers = 12

// MoranSVG writes GeoDa's Moran scatterplot: each city's standardised
// score (moranPoints) against its spatial lag, coloured by LISA cluster in
// GeoDa's palette, the line through the origin with slope Moran's I, the
// quadrants (HH, LH, LL, HL) labelled, and the cities more than two
// standard deviations out on either axis named (at most moranOutliers).
// Without the spatial statistics the figure says so.
//
//	collab export --format moran-svg yrd.json > moran.svg
func MoranSVG(w io.Writer, r *analysis.Result) error {
	ew := &errWriter{w: w}
	writeMoran(ew, r)
	return ew.err
}

func writeMoran(w io.Writer, r *analysis.Result) {
	title := "Moran scatterplot: " + mapTitle(r)
	points := moranPoints(r)
	if len(points) == 0 || !r.Moran.I.Defined() {
		writeNote(w, title, "No Moran scatterplot: the spatial statistics were skipped or are undefined for this study.")
		return
	}
	lim := 1.0
	for _, p := range points {
		lim = math.Max(lim, math.Max(math.Abs(p.z), math.Abs(p.lag)))
	}
	lim *= 1.08
	side := math.Min(figureW-plotLeft-plotRight-120, figureH-plotTop-plotBottom)
	f := frame{x0: -lim, x1: lim, y0: -lim, y1: lim, left: plotLeft, top: plotTop, width: side, high: side}
	writeFigureHead(w, title, figureH)
	writeAxes(w, f, "Standardised score (z)", "Spatial lag of z (Wz)")
	fmt.Fprintf(w, `<g stroke="#777777" stroke-dasharray="4 3"><line x1="%s" y1="%s" x2="%s" y2="%s"/><line x1="%s" y1="%s" x2="%s" y2="%s"/></g>`+"\n",
		pt(f.px(0)), pt(f.top), pt(f.px(0)), pt(f.top+f.high), pt(f.left), pt(f.py(0)), pt(f.left+f.width), pt(f.py(0)))
	for _, q := range []struct {
		label string
		x, y  float64
	}{{"HH", 1, 1}, {"LH", -1, 1}, {"LL", -1, -1}, {"HL", 1, -1}} {
		fmt.Fprintf(w, `<text class="quadrant" x="%s" y="%s" font-size="18" font-weight="bold" fill="#999999" text-anchor="middle">%s</text>`+"\n",
			pt(f.px(q.x*lim*0.8)), pt(f.py(q.y*lim*0.85)+6), q.label)
	}
	moranI := float64(r.Moran.I)
	x0, x1 := clampLine(moranI, lim)
	fmt.Fprintf(w, `<line id="moran-line" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#b2182b" stroke-width="1.5"/>`+"\n",
		pt(f.px(x0)), pt(f.py(moranI*x0)), pt(f.px(x1)), pt(f.py(moranI*x1)))
	fmt.Fprintf(w, `<g id="cities" stroke="#333333" stroke-width="0.5">`+"\n")
	for _, p := range points {
		fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="3.5" fill="%s"><title>%s</title></circle>`+"\n", pt(f.px(p.z)), pt(f.py(p.lag)), lisaColour(p.cluster), htmlText(r.Cities[p.city].Name))
	}
	fmt.Fprintf(w, "</g>\n")
	fmt.Fprintf(w, `<g id="outliers" font-size="10" fill="#1a1a1a" stroke="white" stroke-width="2.5" paint-order="stroke">`+"\n")
	for _, p := range moranNamed(points) {
		fmt.Fprintf(w, `<text x="%s" y="%s">%s</text>`+"\n", pt(f.px(p.z)+5), pt(f.py(p.lag)-4), htmlText(r.Cities[p.city].Name))
	}
	fmt.Fprintf(w, "</g>\n")
	lx := f.left + f.width + 16
	fmt.Fprintf(w, `<text x="%s" y="%s" font-weight="bold">Moran's I = %s</text>`+"\n", pt(lx), pt(f.top+12), fixed(moranI, 3))
	fmt.Fprintf(w, `<text x="%s" y="%s" fill="#555555">(the line's slope)</text>`+"\n", pt(lx), pt(f.top+28))
	y := f.top + 56
	for _, g := range geoDaLISA[:6] {
		fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="4" fill="%s" stroke="#333333" stroke-width="0.5"/><text x="%s" y="%s">%s</text>`+"\n",
			pt(lx+4), pt(y-4), g.colour, pt(lx+14), pt(y), htmlText(classLabel(g.value)))
		y += 16
	}
	fmt.Fprintf(w, "</svg>\n")
}

// clampLine returns the x range over which the line y = slope x stays in
// the square [-lim, lim]².
func clampLine(slope, lim float64) (x0, x1 float64) {
	x := lim
	if math.Abs(slope) > 1 {
		x = lim / math.Abs(slope)
	}
	return -x, x
}

// moranNamed picks the outliers to name: beyond two standard deviations on
// either axis, farthest from the origin first.
func moranNamed(points []moranPoint) []moranPoint {
	var out []moranPoint
	for _, p := range points {
		if math.Abs(p.z) > 2 || math.Abs(p.lag) > 2 {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b moranPoint) int {
		return cmp.Compare(math.Hypot(b.z, b.lag), math.Hypot(a.z, a.lag))
	})
	return out[:min(len(out), moranOutliers)]
}

// lisaColour is a LISA cluster's colour in GeoDa's palette.
func lisaColour(cluster string) string {
	for _, g := range geoDaLISA {
		if g.value == jsonString(cluster) {
			return g.colour
		}
	}
	return "#464646"
}

// TrendSVG writes the panel's trend over every year: the mean score above,
// and below it the coefficient of variation (population) and the Gini,
// whose fall is sigma convergence (said in the caption). For a single
// year the figure says there is no panel.
//
//	collab export --format trend-svg panel.json > trend.svg
func TrendSVG(w io.Writer, r *analysis.Result) error {
	ew := &errWriter{w: w}
	writeTrend(ew, r)
	return ew.err
}

func writeTrend(w io.Writer, r *analysis.Result) {
	title := "Trend: " + mapTitle(r)
	t := r.Trend
	if t == nil || len(t.Series) < 2 {
		writeNote(w, title, "No trend: the dataset has a single year.")
		return
	}
	s := t.Series
	x0, x1 := float64(s[0].Year), float64(s[len(s)-1].Year)
	panel := (2*figureH - 120 - plotTop - 2*plotBottom - 20) / 2
	height := plotTop + 2*panel + 2*plotBottom + 20 + 24 // and the caption's line
	var meanMax, spreadMax float64
	for _, y := range s {
		meanMax = math.Max(meanMax, y.Mean)
		spreadMax = math.Max(spreadMax, math.Max(y.CVPopulation, y.Gini))
	}
	top := frame{x0: x0, x1: x1, y0: 0, y1: meanMax * 1.08, left: plotLeft, top: plotTop, width: figureW - plotLeft - plotRight, high: panel}
	bottom := top
	bottom.top, bottom.y1 = plotTop+panel+plotBottom+20, math.Max(spreadMax*1.08, 0.1)
	writeFigureHead(w, title, height)
	writeAxes(w, top, "Year", "Mean score")
	writeSeries(w, top, s, "mean", "#2166ac", func(y analysis.YearFigure) float64 { return y.Mean })
	writeAxes(w, bottom, "Year", "Inequality")
	writeSeries(w, bottom, s, "cv", "#b2182b", func(y analysis.YearFigure) float64 { return y.CVPopulation })
	writeSeries(w, bottom, s, "gini", "#1b7837", func(y analysis.YearFigure) float64 { return y.Gini })
	lx, ly := bottom.left+bottom.width-190, bottom.top+16
	fmt.Fprintf(w, `<g id="key"><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#b2182b" stroke-width="2"/><text x="%s" y="%s">CV (population)</text>`,
		pt(lx), pt(ly-4), pt(lx+24), pt(ly-4), pt(lx+30), pt(ly))
	fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#1b7837" stroke-width="2"/><text x="%s" y="%s">Gini</text></g>`+"\n",
		pt(lx), pt(ly+12), pt(lx+24), pt(ly+12), pt(lx+30), pt(ly+16))
	verdict := "no sigma convergence: the CV rose"
	if t.SigmaConvergence {
		verdict = "sigma convergence: the CV fell"
	}
	fmt.Fprintf(w, `<text id="sigma" x="%s" y="%s" fill="#333333">%s</text>`+"\n", pt(plotLeft), pt(height-12),
		htmlText(fmt.Sprintf("%d-%d: %s from %s to %s; the Gini went from %s to %s.", s[0].Year, s[len(s)-1].Year, verdict,
			fixed(s[0].CVPopulation, 3), fixed(s[len(s)-1].CVPopulation, 3), fixed(s[0].Gini, 3), fixed(s[len(s)-1].Gini, 3))))
	fmt.Fprintf(w, "</svg>\n")
}

// writeSeries draws one measure over the years as a line with a dot a
// year.
func writeSeries(w io.Writer, f frame, s []analysis.YearFigure, id, colour string, value func(analysis.YearFigure) float64) {
	points := make([]string, len(s))
	for k, y := range s {
		points[k] = pt(f.px(float64(y.Year))) + "," + pt(f.py(value(y)))
	}
	fmt.Fprintf(w, `<polyline id="%s" points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", id, strings.Join(points, " "), colour)
	if len(s) <= 100 {
		fmt.Fprintf(w, `<g fill="%s">`, colour)
		for _, y := range s {
			fmt.Fprintf(w, `<circle cx="%s" cy="%s" r="2"/>`, pt(f.px(float64(y.Year))), pt(f.py(value(y))))
		}
		fmt.Fprintf(w, "</g>\n")
	}
}

// lorenzPoints are the Lorenz curve's vertices: (k/n, the share of the
// total score held by the k lowest-scoring cities), k = 0..n. The Gini is
// one minus twice the area under them (trapezoids), which equals the
// report's sum_i (2i - n - 1) x_(i) / (n sum x).
func lorenzPoints(scores []float64) [][2]float64 {
	x := slices.Clone(scores)
	slices.Sort(x)
	var total float64
	for _, v := range x {
		total += v
	}
	out := make([][2]float64, len(x)+1)
	var cum float64
	for k, v := range x {
		cum += v
		out[k+1] = [2]float64{float64(k+1) / float64(len(x)), cum / total}
	}
	return out
}

// LorenzSVG writes the Lorenz curve of the scores, with the line of
// equality, the area between them shaded and the Gini.
//
//	collab export --format lorenz-svg yrd.json > lorenz.svg
func LorenzSVG(w io.Writer, r *analysis.Result) error {
	ew := &errWriter{w: w}
	writeLorenz(ew, r)
	return ew.err
}

func writeLorenz(w io.Writer, r *analysis.Result) {
	title := "Lorenz curve: " + mapTitle(r)
	scores := make([]float64, len(r.Cities))
	var total float64
	for i, c := range r.Cities {
		scores[i] = c.Score
		total += c.Score
	}
	if len(scores) == 0 || !(total > 0) {
		writeNote(w, title, "No Lorenz curve: the scores sum to zero.")
		return
	}
	side := figureH - plotTop - plotBottom
	f := frame{x0: 0, x1: 1, y0: 0, y1: 1, left: plotLeft, top: plotTop, width: side, high: side}
	writeFigureHead(w, title, figureH)
	writeAxes(w, f, "Share of cities, lowest score first", "Share of the total score")
	points := lorenzPoints(scores)
	curve := make([]string, len(points))
	for k, p := range points {
		curve[k] = pt(f.px(p[0])) + "," + pt(f.py(p[1]))
	}
	fmt.Fprintf(w, `<polygon points="%s %s,%s" fill="#fdae61" fill-opacity="0.5" stroke="none"/>`+"\n", strings.Join(curve, " "), pt(f.px(0)), pt(f.py(0)))
	fmt.Fprintf(w, `<line id="equality" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#555555" stroke-dasharray="4 3"/>`+"\n", pt(f.px(0)), pt(f.py(0)), pt(f.px(1)), pt(f.py(1)))
	fmt.Fprintf(w, `<polyline id="lorenz" points="%s" fill="none" stroke="#d73027" stroke-width="2"/>`+"\n", strings.Join(curve, " "))
	lx := f.left + f.width + 16
	fmt.Fprintf(w, `<text x="%s" y="%s" font-weight="bold">Gini = %s</text>`+"\n", pt(lx), pt(f.top+12), fixed(r.Summary.Gini, 3))
	fmt.Fprintf(w, `<text x="%s" y="%s" fill="#555555">twice the shaded area</text>`+"\n", pt(lx), pt(f.top+28))
	fmt.Fprintf(w, `<text x="%s" y="%s" fill="#555555">%d cities</text>`+"\n", pt(lx), pt(f.top+44), len(scores))
	fmt.Fprintf(w, "</svg>\n")
}
