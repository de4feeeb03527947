package output

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestDensitySVG draws the densities of the 81-year US panel and reads
// the figure back: five curves (1929, 1949, 1969, 1989, 2009), each
// vertex, mapped back from the page through the plot's frame, on its
// year's density from the results (within the page's rounding to 0.01
// pt, about 1e-4 of the axes' ranges); the legend gives each bandwidth,
// the caption the rule; the figure parses as XML and rsvg-convert renders
// it. The single-year figure says there is nothing to draw.
func TestDensitySVG(t *testing.T) {
	r, _ := usIncomeStudy(t)
	d := r.Dynamics.Density
	out := write(t, func(w io.Writer) error { return DensitySVG(w, r) })
	years := regexp.MustCompile(`<polyline id="density-(\d+)" points="([^"]*)"`).FindAllStringSubmatch(out, -1)
	if got := fmt.Sprint(firstColumn(years)); got != "[1929 1949 1969 1989 2009]" {
		t.Fatalf("curves of %s, want 1929 1949 1969 1989 2009", got)
	}
	var peak float64
	for _, k := range densityYears(len(d.Years)) {
		for _, v := range d.Years[k].Density {
			peak = math.Max(peak, v)
		}
	}
	f := frame{x0: d.Grid[0], x1: d.Grid[len(d.Grid)-1], y0: 0, y1: peak * 1.08,
		left: plotLeft, top: plotTop, width: figureW - plotLeft - plotRight - 130, high: figureH - plotTop - plotBottom}
	xTol, yTol := 0.006*(f.x1-f.x0)/f.width, 0.006*(f.y1-f.y0)/f.high
	for _, m := range years {
		year, _ := strconv.Atoi(m[1])
		y := d.Years[year-1929]
		if y.Year != year {
			t.Fatalf("year %d is not at index %d", year, year-1929)
		}
		vertices := strings.Fields(m[2])
		if len(vertices) != len(d.Grid) && len(vertices) > densityVertices+1 {
			t.Errorf("%d: %d vertices of a %d-point grid", year, len(vertices), len(d.Grid))
		}
		for _, v := range vertices {
			px, py, _ := strings.Cut(v, ",")
			xp, _ := strconv.ParseFloat(px, 64)
			yp, _ := strconv.ParseFloat(py, 64)
			x := f.x0 + (xp-f.left)/f.width*(f.x1-f.x0)
			fy := f.y0 + (f.top+f.high-yp)/f.high*(f.y1-f.y0)
			k := int(math.Round((x - d.Grid[0]) / (d.Grid[1] - d.Grid[0])))
			if k < 0 || k >= len(d.Grid) || math.Abs(d.Grid[k]-x) > xTol || math.Abs(y.Density[k]-fy) > yTol {
				t.Errorf("%d: vertex %s reads as (%g, %g), not on the density", year, v, x, fy)
				break
			}
		}
		if !strings.Contains(out, fmt.Sprintf(">%d (h = %s)</text>", year, sig(y.Bandwidth))) {
			t.Errorf("%d: no legend entry with its bandwidth %s", year, sig(y.Bandwidth))
		}
	}
	if !strings.Contains(out, htmlText("bandwidth h by "+d.BandwidthRule)) || !strings.Contains(out, "5 of 81 years drawn") {
		t.Error("the caption does not state the bandwidth rule and the years drawn")
	}
	renders(t, out)
	single := write(t, func(w io.Writer) error { return DensitySVG(w, hostileStudy(t)) })
	if !strings.Contains(single, "No densities: the dataset has a single year") {
		t.Error("a single year's density figure does not say there is nothing to draw")
	}
	renders(t, single)
}

func firstColumn(m [][]string) []string {
	var out []string
	for _, row := range m {
		out = append(out, row[1])
	}
	return out
}

// TestDensityYearsAndPoints checks the years overlaid and the decimation
// of a long grid: a curve keeps its first and last point and its peak.
func TestDensityYearsAndPoints(t *testing.T) {
	for n, want := range map[int]string{1: "[0]", 2: "[0 1]", 5: "[0 1 2 3 4]", 6: "[0 1 3 4 5]" /* round(2.5) = 3 */, 81: "[0 20 40 60 80]", 21: "[0 5 10 15 20]"} {
		if got := fmt.Sprint(densityYears(n)); got != want {
			t.Errorf("densityYears(%d) = %s, want %s", n, got, want)
		}
	}
	if got := densityPoints(make([]float64, 10)); len(got) != 10 {
		t.Errorf("a short grid: %d points, want all 10", len(got))
	}
	f := make([]float64, 100_000)
	f[54_321] = 7 // a spike one grid point wide
	got := densityPoints(f)
	if len(got) > densityVertices+1 || got[0] != 0 || got[len(got)-1] != len(f)-1 {
		t.Errorf("decimated to %d points from %d to %d", len(got), got[0], got[len(got)-1])
	}
	spike := false
	for i, k := range got {
		spike = spike || k == 54_321
		if i > 0 && k <= got[i-1] {
			t.Fatalf("points out of order at %d: %d after %d", i, k, got[i-1])
		}
	}
	if !spike {
		t.Error("the decimated curve lost its peak")
	}
}
