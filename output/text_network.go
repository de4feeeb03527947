package output

import (
	"fmt"
	"slices"
	"strconv"

	"collab/analysis"
)

func (p *report) network() {
	n := p.r.Network
	p.heading("Network")
	if n == nil {
		p.line(fmt.Sprintf("skipped (%s network)", p.o.name("skip")))
		return
	}
	source := map[string]string{
		"gravity": fmt.Sprintf("gravity model, R = M_i M_j / d^%g", p.r.Parameters.Beta),
		"links":   "observed links",
		"both":    fmt.Sprintf("observed links (share %g) and gravity model (beta %g)", p.r.Parameters.LinkShare, p.r.Parameters.Beta),
	}[n.Edges]
	kind := "undirected"
	if n.Directed {
		kind = "directed"
	}
	p.line("%s; %s, %d cities, %d links, density %s", source, kind, n.Nodes, n.Links, fixed(n.Density, 3))
	p.line("%d connected component%s (largest %d cities)", n.Components, plural(n.Components), n.LargestComponent)
	if b := p.backboneSentence(n); b != "" {
		p.sentences([]string{b})
	}
	if n.PathSources > 0 && n.PathSources < n.Nodes {
		estimate := fmt.Sprintf("Betweenness, closeness and harmonic closeness are estimated from shortest paths out of %d of the %d cities (sampled; %s all for exact values)", n.PathSources, n.Nodes, p.o.name("betweenness-sample"))
		if n.BetweennessError != nil {
			estimate += fmt.Sprintf("; the ten most central cities' betweenness has a median relative standard error of %s%%", fixed(100**n.BetweennessError, 1))
		}
		p.sentences([]string{estimate + "."})
	}
}

// measure is one per-city value the report ranks cities by.
type measure struct {
	name string
	get  func(c *analysis.City) float64
}

var centralities = []measure{
	{"strength", func(c *analysis.City) float64 { return c.Strength }},
	{"betweenness", func(c *analysis.City) float64 { return c.Betweenness }},
	{"closeness", func(c *analysis.City) float64 { return c.Closeness }},
	{"harmonic", func(c *analysis.City) float64 { return c.Harmonic }},
	{"pagerank", func(c *analysis.City) float64 { return c.PageRank }},
	{"eigenvector", func(c *analysis.City) float64 { return c.Eigenvector }},
}

func (p *report) rankings() {
	if p.r.Network == nil {
		return
	}
	k := min(p.o.top(), len(p.r.Cities), 5)
	p.heading(fmt.Sprintf("Top %d cities by each centrality (shortest paths over length 1/weight)", k))
	for _, m := range centralities {
		var items []string
		for _, i := range topBy(p.r.Cities, m.get, k) {
			c := &p.r.Cities[i]
			items = append(items, fmt.Sprintf("%s %s", p.names[c.ID], sig(m.get(c))))
		}
		p.list(m.name, items)
	}
}

func (p *report) cityTable() {
	k := min(p.o.top(), len(p.r.Cities))
	p.heading(fmt.Sprintf("Cities by score (top %d of %d; %s N for more, %s json for all)", k, len(p.r.Cities), p.o.name("top"), p.o.name("format")))
	t := newTable("#", "City", "Province", "Score", "Ratio", "Tier", "Degree", "Strength", "Betweenness", "Closeness", "PageRank", "Eigenvector").
		alignRight(0, 3, 4, 5, 6, 7, 8, 9, 10, 11)
	if p.r.Network == nil {
		t.header = t.header[:6]
	}
	for rank, i := range topBy(p.r.Cities, func(c *analysis.City) float64 { return c.Score }, k) {
		c := &p.r.Cities[i]
		row := []string{strconv.Itoa(rank + 1), p.names[c.ID], p.esc(c.Province), num(c.Score), fixed(c.Ratio, 2), strconv.Itoa(c.Tier)}
		if c.Centrality != nil {
			row = append(row, strconv.Itoa(c.Degree), sig(c.Strength), sig(c.Betweenness), sig(c.Closeness), sig(c.PageRank), sig(c.Eigenvector))
		}
		t.add(row...)
	}
	if p.table(t, p.o.Width) {
		p.line(fmt.Sprintf("(columns that do not fit the terminal are in %s json)", p.o.name("format")))
	}
}

// topBy returns the indices of the k cities with the largest value, ties in
// input order.
func topBy(cities []analysis.City, get func(*analysis.City) float64, k int) []int {
	order := make([]int, len(cities))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := get(&cities[a]), get(&cities[b])
		switch {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return 0
	})
	return order[:min(k, len(order))]
}
