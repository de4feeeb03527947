package output

import (
	"fmt"
	"strconv"
	"strings"

	"collab/analysis"
	"collab/spatial"
)

// findings states the pattern of strong cities in plain sentences, as a
// paper would: belts, sectors, isolated hubs and latecomer candidates.
func (p *report) findings() {
	p.heading("Findings (strong cities: tiers 1-2)")
	sentences := p.findingSentences()
	if scale := p.scaleSentence(); scale != "" {
		sentences = append([]string{scale}, sentences...)
	}
	p.sentences(sentences)
}

// findingSentences are the findings as sentences, names escaped by p.esc:
// for the text and Markdown reports and the HTML one. Each says only what
// holds of the weights and distances it names (the property test
// TestFindingsTrueOnRandomRegions recomputes every claim).
func (p *report) findingSentences() []string {
	r := p.r
	weights := "the spatial weights"
	if r.Weights != nil {
		weights = r.Weights.Kind + " weights"
	}
	sectorKm := strconv.FormatFloat(r.Parameters.SectorKm, 'g', -1, 64)
	var sentences []string
	for k, b := range r.Belts {
		if k == p.o.top() {
			sentences = append(sentences, capitalise(p.moreHint(len(r.Belts)-k, "belts"))+".")
			break
		}
		sentences = append(sentences, fmt.Sprintf("%s form a continuous belt of %d cities over %s km, each a spatial neighbour of the next under %s (mean %sx the regional mean).",
			strings.Join(p.nameList(b.Cities), " - "), len(b.Cities), fixed(b.LengthKm, 0), weights, fixed(b.MeanRatio, 2)))
		if off := len(b.Members) - len(b.Cities); off > 0 {
			sentences = append(sentences, fmt.Sprintf("%d more strong %s off it.", off, pluralWord(off, "city branches", "cities branch")))
		}
	}
	for k, pair := range r.Pairs {
		if k == p.o.top() {
			sentences = append(sentences, capitalise(p.moreHint(len(r.Pairs)-k, "pairs"))+".")
			break
		}
		sentences = append(sentences, fmt.Sprintf("%s and %s are a pair of strong cities %s km apart, spatial neighbours under %s with no other strong city as a neighbour (mean %sx the regional mean).",
			p.names[pair.Cities[0]], p.names[pair.Cities[1]], fixed(pair.DistanceKm, 0), weights, fixed(pair.MeanRatio, 2)))
	}
	for k, s := range r.Sectors {
		if k == p.o.top() {
			sentences = append(sentences, capitalise(p.moreHint(len(r.Sectors)-k, "sectors"))+".")
			break
		}
		sentences = append(sentences, fmt.Sprintf("%s heads a sector with %s: strong cities each within %s km of another of them, none a spatial neighbour of another strong city under %s.",
			p.names[s.Hub], joinAnd(p.capped(p.nameList(s.Cities[1:]))), sectorKm, weights))
	}
	for k, h := range r.IsolatedHubs {
		if k == p.o.top() {
			sentences = append(sentences, capitalise(p.moreHint(len(r.IsolatedHubs)-k, "isolated hubs"))+".")
			break
		}
		sentences = append(sentences, p.isolatedHubSentence(h, weights, sectorKm))
	}
	if len(r.Latecomers) >= 2 {
		a, b := r.Latecomers[0], r.Latecomers[1]
		sentences = append(sentences, fmt.Sprintf("%s and %s receive the most spillover among tier 3-4 cities: the first latecomer candidates, mainly from %s.",
			p.names[a.ID], p.names[b.ID], joinAnd(uniqueNames(p.names[a.MainSource], p.names[b.MainSource]))))
	}
	if len(sentences) == 0 {
		sentences = append(sentences, "No belt, pair, sector or isolated hub: the region has no strong cities.")
	}
	return sentences
}

// isolatedHubSentence states an isolated hub: no strong city among its
// neighbours, none outside belts and pairs within the sector distance.
func (p *report) isolatedHubSentence(h analysis.IsolatedHub, weights, sectorKm string) string {
	c := p.city(h.ID)
	s := fmt.Sprintf("%s is an isolated hub: tier %d (%sx the mean), with no strong city among its spatial neighbours under %s", p.names[h.ID], c.Tier, fixed(c.Ratio, 2), weights)
	if h.Neighbors == 0 {
		s += " (it has none)"
	} else {
		s += fmt.Sprintf("; its %d %s average %sx the mean", h.Neighbors, pluralWord(h.Neighbors, "neighbour", "neighbours"), fixed(h.LagRatio, 2))
	}
	if h.NearestHub != "" {
		s += fmt.Sprintf(", and the nearest strong city, %s, is %s km away", p.names[h.NearestHub], fixed(h.NearestHubKm, 0))
		if len(p.r.Belts)+len(p.r.Pairs) > 0 {
			s += fmt.Sprintf(" (no strong city outside belts and pairs within %s km)", sectorKm)
		} else {
			s += fmt.Sprintf(" (farther than %s km)", sectorKm)
		}
	}
	return s + "."
}

// spilloverSection lists the latecomer candidates and each hub's reach.
func (p *report) spilloverSection() {
	r := p.r
	p.heading(fmt.Sprintf("Spillover (decay %s; received = sum over other cities of score x decay)", r.Parameters.Decay))
	if tol := r.Parameters.PotentialTolerance; tol > 0 && len(r.Cities) > spatial.ExactPotentialMax {
		p.line("Each city's received and sent spillover is within %s of the exact sum (a relative bound, set by %s)", strconv.FormatFloat(tol, 'g', -1, 64), p.o.name("potential-tolerance"))
	}
	if len(r.Latecomers) > 0 {
		p.line("Latecomer candidates: tier 3-4 cities by spillover received")
		t := newTable("#", "City", "Tier", "Received", "Main source").alignRight(0, 2, 3)
		for k, l := range r.Latecomers[:min(len(r.Latecomers), p.o.top())] {
			t.add(strconv.Itoa(k+1), p.names[l.ID], strconv.Itoa(l.Tier), sig(l.SpilloverIn), p.names[l.MainSource])
		}
		p.table(t, p.o.Width)
	}
	if len(r.HubReach) > 0 {
		p.line("Hub reach: the cities each strong city is the main source for")
		width := 15 // the names start in one column, after the widest hub's
		for _, h := range r.HubReach[:min(len(r.HubReach), p.o.top())] {
			width = max(width, displayWidth(p.names[h.ID])+4)
		}
		for k, h := range r.HubReach {
			if k == p.o.top() {
				p.line("%s", p.moreHint(len(r.HubReach)-k, "strong cities"))
				break
			}
			names := namesUpTo(h.Cities, p.names, p.o.listed())
			if len(names) == 0 {
				names = []string{"-"}
			}
			p.listAt(p.names[h.ID], width, names)
		}
	}
}

// capped keeps the first Options.listed names, counting the rest.
func (p *report) capped(names []string) []string {
	if n := p.o.listed(); len(names) > n {
		return append(names[:n:n], fmt.Sprintf("%d more", len(names)-n))
	}
	return names
}

// capitalise writes s with a capital first letter.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (p *report) nameList(ids []string) []string {
	out := make([]string, len(ids))
	for k, id := range ids {
		out[k] = p.names[id]
	}
	return out
}

func (p *report) city(id string) *analysis.City {
	for i := range p.r.Cities {
		if p.r.Cities[i].ID == id {
			return &p.r.Cities[i]
		}
	}
	return &analysis.City{}
}

// joinAnd writes a, b and c.
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func uniqueNames(names ...string) []string {
	var out []string
	for _, n := range names {
		if n != "" && (len(out) == 0 || out[len(out)-1] != n) {
			out = append(out, n)
		}
	}
	return out
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
