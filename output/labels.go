package output

import "math"

// label is a city name placed on the SVG page.
type label struct {
	city   int
	x, y   float64 // the text's anchor point on its baseline
	anchor string  // start, middle or end
	size   float64
}

// box is a rectangle on the page.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

// placeLabels places city names greedily, highest score first: each tries
// eight places around its circle (right, left, above, below, then the
// diagonals) and takes the first that overlaps no placed name, no other
// city's circle and stays on the map; a name with no such place is left
// out, as most are in a region of thousands of cities. Text widths are
// estimated from the characters (a Chinese character is about 1 em, a
// Latin one about 0.56 em), as the writer cannot measure fonts.
func (s *svgMap) placeLabels() []label {
	g := newGrid(48)
	for i := range s.cities {
		g.add(s.circleBox(i), -1-i)
	}
	frame := box{s.ox - svgPad + 2, s.oy - s.height - svgPad + 2, s.ox + s.width + svgPad - 2, s.oy + svgPad - 2}
	var placed []label
	var boxes []box
	for _, i := range s.byScore() {
		c := s.cities[i]
		size := labelSize
		if c.tier <= 2 && len(s.cities) <= 2000 {
			size = labelSizeUp
		}
		cx, cy := s.page(i)
		tw, h := textWidth(c.name)*size, size
		gap := c.r + 2
		d := c.r*math.Sqrt2/2 + 1
		for _, cand := range []label{
			{i, cx + gap, cy + 0.35*h, "start", size},
			{i, cx - gap, cy + 0.35*h, "end", size},
			{i, cx, cy - gap, "middle", size},
			{i, cx, cy + gap + 0.8*h, "middle", size},
			{i, cx + d, cy - d, "start", size},
			{i, cx + d, cy + d + 0.8*h, "start", size},
			{i, cx - d, cy - d, "end", size},
			{i, cx - d, cy + d + 0.8*h, "end", size},
		} {
			b := cand.box(tw, h)
			if b.x0 < frame.x0 || b.x1 > frame.x1 || b.y0 < frame.y0 || b.y1 > frame.y1 {
				continue
			}
			if g.collides(b, boxes, s, i) {
				continue
			}
			g.add(b, len(boxes))
			boxes = append(boxes, b)
			placed = append(placed, cand)
			break
		}
	}
	return placed
}

// box is the rectangle a label of width tw and height h covers, from a
// little above the capitals to a little below the descenders.
func (l label) box(tw, h float64) box {
	x0 := l.x
	switch l.anchor {
	case "middle":
		x0 -= tw / 2
	case "end":
		x0 -= tw
	}
	return box{x0, l.y - 0.85*h, x0 + tw, l.y + 0.25*h}
}

func (s *svgMap) circleBox(i int) box {
	x, y := s.page(i)
	r := s.cities[i].r
	return box{x - r, y - r, x + r, y + r}
}

// textWidth estimates the width of s in ems.
func textWidth(s string) float64 { return 0.56 * float64(displayWidth(s)) }

// grid indexes boxes by the square cells they touch, so that a label is
// checked only against its neighbours. Items are label indices (>= 0) or
// cities (-1-i).
type grid struct {
	cell  float64
	cells map[[2]int][]int
}

func newGrid(cell float64) *grid { return &grid{cell: cell, cells: map[[2]int][]int{}} }

func (g *grid) span(b box) (i0, j0, i1, j1 int) {
	return int(math.Floor(b.x0 / g.cell)), int(math.Floor(b.y0 / g.cell)), int(math.Floor(b.x1 / g.cell)), int(math.Floor(b.y1 / g.cell))
}

func (g *grid) add(b box, item int) {
	i0, j0, i1, j1 := g.span(b)
	for i := i0; i <= i1; i++ {
		for j := j0; j <= j1; j++ {
			g.cells[[2]int{i, j}] = append(g.cells[[2]int{i, j}], item)
		}
	}
}

// collides reports whether b overlaps a placed label or the circle of a
// city other than own.
func (g *grid) collides(b box, labels []box, s *svgMap, own int) bool {
	i0, j0, i1, j1 := g.span(b)
	for i := i0; i <= i1; i++ {
		for j := j0; j <= j1; j++ {
			for _, item := range g.cells[[2]int{i, j}] {
				switch {
				case item >= 0 && labels[item].overlaps(b):
					return true
				case item < 0 && -1-item != own && s.circleHits(-1-item, b):
					return true
				}
			}
		}
	}
	return false
}

// circleHits reports whether city i's circle overlaps b.
func (s *svgMap) circleHits(i int, b box) bool {
	x, y := s.page(i)
	dx := x - math.Max(b.x0, math.Min(x, b.x1))
	dy := y - math.Max(b.y0, math.Min(y, b.y1))
	return dx*dx+dy*dy < s.cities[i].r*s.cities[i].r
}
