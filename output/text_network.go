package output

import (
	"fmt"
	"slices"
	"strconv"

	"collab/analysis"
)

func (p *report) network() {
	n := p.r.Network
	p.printf("\nNetwork\n")
	source := map[string]string{
		"gravity": fmt.Sprintf("gravity model, R = M_i M_j / d^%g", p.r.Parameters.Beta),
		"links":   "observed links",
		"both":    fmt.Sprintf("observed links (share %g) and gravity model (beta %g)", p.r.Parameters.LinkShare, p.r.Parameters.Beta),
	}[n.Edges]
	kind := "undirected"
	if n.Directed {
		kind = "directed"
	}
	p.printf("  %s; %s, %d cities, %d links, density %s\n", source, kind, n.Nodes, n.Links, fixed(n.Density, 3))
	p.printf("  %d connected component%s (largest %d cities)\n", n.Components, plural(n.Components), n.LargestComponent)
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
	k := min(p.o.top(), len(p.r.Cities), 5)
	p.printf("\nTop %d cities by each centrality (shortest paths over length 1/weight)\n", k)
	for _, m := range centralities {
		var items []string
		for _, i := range topBy(p.r.Cities, m.get, k) {
			c := &p.r.Cities[i]
			items = append(items, fmt.Sprintf("%s %s", p.names[c.ID], sig(m.get(c))))
		}
		wrapList(p.w, "  "+m.name, 15, items, p.o.listWidth())
	}
}

func (p *report) cityTable() {
	k := min(p.o.top(), len(p.r.Cities))
	p.printf("\nCities by score (top %d of %d; --top N for more, --format json for all)\n", k, len(p.r.Cities))
	t := newTable("#", "City", "Province", "Score", "Ratio", "Tier", "Degree", "Strength", "Betweenness", "Closeness", "PageRank", "Eigenvector").
		alignRight(0, 3, 4, 5, 6, 7, 8, 9, 10, 11)
	for rank, i := range topBy(p.r.Cities, func(c *analysis.City) float64 { return c.Score }, k) {
		c := &p.r.Cities[i]
		t.add(strconv.Itoa(rank+1), p.names[c.ID], printable(c.Province), num(c.Score), fixed(c.Ratio, 2), strconv.Itoa(c.Tier),
			strconv.Itoa(c.Degree), sig(c.Strength), sig(c.Betweenness), sig(c.Closeness), sig(c.PageRank), sig(c.Eigenvector))
	}
	if t.write(p.w, 2, p.o.Width) {
		p.printf("  (columns that do not fit the terminal are in --format json)\n")
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
