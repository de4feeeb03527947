package output

import (
	"fmt"
	"io"
	"math"
	"strings"

	"collab/analysis"
)

// densityCurves is how many years the density figure overlays at most.
const densityCurves = 5

// densityVertices bounds the vertices of a curve on the page: a longer
// grid is decimated (densityPoints).
const densityVertices = 1200

// densityColours tell the overlaid years apart (ColorBrewer's Dark2).
var densityColours = [densityCurves]string{"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e"}

// densityYears picks the years to overlay, as indices into the density's
// years: every year when there are at most densityCurves, else the first,
// the last and the ones evenly between (round(k (n-1) / (m-1)), so 81
// years give the first, the 21st, the 41st, the 61st and the last).
func densityYears(n int) []int {
	m := min(n, densityCurves)
	if m == 1 {
		return []int{0}
	}
	out := make([]int, m)
	for k := range out {
		out[k] = int(math.Round(float64(k) * float64(n-1) / float64(m-1)))
	}
	return out
}

// densityPoints are the grid indices a curve draws: all of them up to
// densityVertices, else, in each of densityVertices/2 runs of the grid,
// the lowest and the highest point in grid order, so that no peak of a
// narrow density is lost between drawn vertices.
func densityPoints(f []float64) []int {
	if len(f) <= densityVertices {
		return seqTo(len(f))
	}
	buckets := densityVertices / 2
	var out []int
	for b := range buckets {
		lo, hi := b*len(f)/buckets, (b+1)*len(f)/buckets
		low, high := lo, lo
		for k := lo; k < hi; k++ {
			if f[k] < f[low] {
				low = k
			}
			if f[k] > f[high] {
				high = k
			}
		}
		out = append(out, min(low, high))
		if low != high {
			out = append(out, max(low, high))
		}
	}
	if last := len(f) - 1; out[len(out)-1] != last {
		out = append(out, last)
	}
	return out
}

func seqTo(n int) []int {
	out := make([]int, n)
	for k := range out {
		out[k] = k
	}
	return out
}

// DensitySVG writes the kernel densities of the relative scores (score
// over its year's mean) of up to five years of the panel overlaid
// (densityYears: the first, the last and evenly between), each in its
// colour with its year and bandwidth in the legend, a dashed line at the
// mean (1), and the bandwidth rule stated below the plot. For a single
// year, or when the densities are undefined, the figure says so.
//
//	collab export --format density-svg panel.json > density.svg
func DensitySVG(w io.Writer, r *analysis.Result) error {
	ew := &errWriter{w: w}
	writeDensity(ew, r)
	return ew.err
}

func writeDensity(w io.Writer, r *analysis.Result) {
	title := "Densities of the relative score: " + mapTitle(r)
	if r.Dynamics == nil || r.Dynamics.Density == nil || len(r.Dynamics.Density.Years) == 0 {
		writeNote(w, title, "No densities: the dataset has a single year, or the densities are undefined for it.")
		return
	}
	d := r.Dynamics.Density
	title = fmt.Sprintf("Densities of the relative score: %s, %d-%d", strings.TrimSuffix(mapTitle(r), yearSuffix(r)), d.Years[0].Year, d.Years[len(d.Years)-1].Year)
	shown := densityYears(len(d.Years))
	var peak float64
	for _, k := range shown {
		for _, v := range d.Years[k].Density {
			peak = math.Max(peak, v)
		}
	}
	height := figureH + 24 // and the caption's line
	f := frame{x0: d.Grid[0], x1: d.Grid[len(d.Grid)-1], y0: 0, y1: math.Max(peak*1.08, 1e-9),
		left: plotLeft, top: plotTop, width: figureW - plotLeft - plotRight - 130, high: figureH - plotTop - plotBottom}
	writeFigureHead(w, title, height)
	writeAxes(w, f, "Score / the year's mean score", "Density")
	if f.x0 < 1 && 1 < f.x1 {
		fmt.Fprintf(w, `<line id="mean" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#777777" stroke-dasharray="4 3"/>`+"\n",
			pt(f.px(1)), pt(f.top), pt(f.px(1)), pt(f.top+f.high))
	}
	lx := f.left + f.width + 16
	fmt.Fprintf(w, `<text x="%s" y="%s" font-weight="bold">Year (bandwidth)</text>`+"\n", pt(lx), pt(f.top+12))
	for j, k := range shown {
		y := d.Years[k]
		vertices := make([]string, 0, len(d.Grid))
		for _, g := range densityPoints(y.Density) {
			vertices = append(vertices, pt(f.px(d.Grid[g]))+","+pt(f.py(y.Density[g])))
		}
		colour := densityColours[j]
		fmt.Fprintf(w, `<polyline id="density-%d" points="%s" fill="none" stroke="%s" stroke-width="1.8"/>`+"\n", y.Year, strings.Join(vertices, " "), colour)
		ly := f.top + 32 + 18*float64(j)
		fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2"/><text x="%s" y="%s">%d (h = %s)</text>`+"\n",
			pt(lx), pt(ly-4), pt(lx+22), pt(ly-4), colour, pt(lx+28), pt(ly), y.Year, sig(y.Bandwidth))
	}
	fmt.Fprintf(w, `<text id="rule" x="%s" y="%s" fill="#333333">%s</text>`+"\n", pt(plotLeft), pt(height-30),
		htmlText(fmt.Sprintf("Gaussian kernel; bandwidth h by %s.", d.BandwidthRule)))
	fmt.Fprintf(w, `<text x="%s" y="%s" fill="#333333">%s</text>`+"\n", pt(plotLeft), pt(height-14),
		htmlText(fmt.Sprintf("%d of %d years drawn; every year's density, on the grid of %d points, is in results.json.", len(shown), len(d.Years), len(d.Grid))))
	fmt.Fprintf(w, "</svg>\n")
}

// yearSuffix is what mapTitle appends for the year studied.
func yearSuffix(r *analysis.Result) string {
	if r.Summary.Year == nil {
		return ""
	}
	return fmt.Sprintf(", %d", *r.Summary.Year)
}
