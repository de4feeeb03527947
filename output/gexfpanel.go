package output

import (
	"fmt"
	"io"
	"strconv"

	"collab/analysis"
)

// gexfPanel is what a panel adds to the GEXF: the years as spells and
// each city's score, ratio and tier by year as dynamic attributes.
//
// Time is integer years. GEXF 1.2 intervals are closed, so year k's
// spell is [y_k, y_{k+1} - 1], which holds from that year to the one
// before the next year read (a panel of every fifth year gives five-year
// spells), and the last year's is [y_last, y_last]: no two spells
// overlap, so Gephi's timeline never shows two values of a city at once,
// and every spell has both ends, which NetworkX's read_gexf needs.
type gexfPanel struct {
	years      []int
	start, end []int       // each year's spell
	scores     [][]float64 // [year][city], as analysis.Trend.Scores
	means      []float64   // each year's mean score
	tiers      analysis.TierScheme
}

// gexfDynamic are the dynamic attributes, after the static ones: their
// ids (distinct from the static attributes' numbers) and types.
var gexfDynamic = []struct {
	id  string
	typ attrType
}{{"score_by_year", typeDouble}, {"ratio_by_year", typeDouble}, {"tier_by_year", typeInteger}}

// newGEXFPanel returns the panel of r, or nil when r has a single year
// (or no trend, as when a year's scores are all zero).
func newGEXFPanel(r *analysis.Result) *gexfPanel {
	t := r.Trend
	if t == nil || len(t.Years) < 2 || len(t.Scores) != len(t.Years) || len(t.Series) != len(t.Years) {
		return nil
	}
	p := &gexfPanel{years: t.Years, scores: t.Scores, tiers: r.Parameters.Tiers}
	for k, y := range t.Years {
		end := y
		if k+1 < len(t.Years) {
			end = t.Years[k+1] - 1
		}
		p.start, p.end = append(p.start, y), append(p.end, end)
		p.means = append(p.means, t.Series[k].Mean)
	}
	return p
}

func (p *gexfPanel) writeGraph(w io.Writer, edgeType string) {
	fmt.Fprintf(w, "<graph mode=\"dynamic\" defaultedgetype=\"%s\" timeformat=\"integer\" start=\"%d\" end=\"%d\">\n",
		edgeType, p.start[0], p.end[len(p.end)-1])
}

func (p *gexfPanel) writeAttributes(w io.Writer) {
	fmt.Fprintf(w, "<attributes class=\"node\" mode=\"dynamic\">\n")
	for _, a := range gexfDynamic {
		fmt.Fprintf(w, "<attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a.id, a.id, a.typ.gexf())
	}
	fmt.Fprintf(w, "</attributes>\n")
}

// writeValues writes city i's dynamic values, a spell of each year: the
// score, the ratio to the year's mean and the tier of that ratio under
// the study's scheme, computed as the study computes the year studied's.
func (p *gexfPanel) writeValues(w io.Writer, i int) {
	for k := range p.years {
		score := p.scores[k][i]
		ratio := score / p.means[k]
		for _, v := range []struct{ id, value string }{
			{gexfDynamic[0].id, exact(score)},
			{gexfDynamic[1].id, exact(ratio)},
			{gexfDynamic[2].id, strconv.Itoa(p.tiers.Tier(ratio))},
		} {
			fmt.Fprintf(w, "<attvalue for=\"%s\" value=\"%s\" start=\"%d\" end=\"%d\"/>", v.id, v.value, p.start[k], p.end[k])
		}
	}
}

// writeSpells writes a node's spells: every city is in every year of a
// panel.
func (p *gexfPanel) writeSpells(w io.Writer) {
	fmt.Fprintf(w, "<spells>")
	for k := range p.years {
		fmt.Fprintf(w, "<spell start=\"%d\" end=\"%d\"/>", p.start[k], p.end[k])
	}
	fmt.Fprintf(w, "</spells>")
}
