package output

import (
	"cmp"
	"fmt"
	"slices"

	"collab/analysis"
)

// maxCommunities bounds the communities the report lists; the rest are
// counted.
const maxCommunities = 10

// structureLabel is the width of the labels of the structure section.
const structureLabel = 18

func (p *report) structure() {
	n := p.r.Network
	if n == nil {
		return // --skip network
	}
	p.heading("Network structure")
	p.item("Clustering", fmt.Sprintf("%s weighted (Onnela), %s binary; averages over cities", sig(n.Clustering), sig(n.ClusteringBinary)))
	p.communities()
	p.cores()
	p.brokers()
	krackhardt := "connectedness " + optional(n.Connectedness, 3)
	if n.Directed {
		krackhardt += ", hierarchy " + optional(n.Hierarchy, 3)
	}
	p.item("Krackhardt", krackhardt)
	if n.Directed {
		p.roles()
	}
}

func (p *report) communities() {
	n, par := p.r.Network, p.r.Parameters
	runs := fmt.Sprintf("%d run%s", par.Communities, plural(par.Communities))
	if par.Communities > 1 {
		runs = fmt.Sprintf("best of %d runs", par.Communities)
	}
	p.item("Communities", fmt.Sprintf("%d (Louvain, modularity Q %s; resolution %g, seed %d, %s)",
		n.Communities, optional(n.Modularity, 3), par.Resolution, par.Seed, runs))
	members := make([][]int, n.Communities)
	for _, i := range p.byScore() {
		c := p.r.Cities[i].Community
		members[c] = append(members[c], i)
	}
	for c, cities := range members {
		if c == min(maxCommunities, p.o.top()) {
			p.namesUnder("", []string{fmt.Sprintf("and %d more communities (%s json lists every city's)", len(members)-c, p.o.name("format"))})
			break
		}
		p.namesUnder(fmt.Sprintf("    %-2d %10s  ", c, countCities(len(cities))), p.listed(cities))
	}
}

func (p *report) cores() {
	n := p.r.Network
	var core, maxCore []int
	for _, i := range p.byScore() {
		c := &p.r.Cities[i]
		if c.InCore {
			core = append(core, i)
		}
		if c.Core == n.MaxCore {
			maxCore = append(maxCore, i)
		}
	}
	if len(maxCore) == len(p.r.Cities) {
		p.item("k-cores", fmt.Sprintf("every city is in the %d-core", n.MaxCore))
	} else {
		p.item("k-cores", fmt.Sprintf("the innermost, the %d-core, holds %s", n.MaxCore, countCities(len(maxCore))))
		p.namesUnder("", p.listed(maxCore))
	}
	p.item("Core-periphery", fmt.Sprintf("Borgatti-Everett: coreness fit %s; core of %s, fit %s",
		optional(n.CorenessFit, 3), countCities(len(core)), optional(n.CoreFit, 3)))
	if len(core) > 0 {
		p.namesUnder("", p.listed(core))
	}
}

// brokers lists the cities of lowest constraint: those whose contacts are
// least tied to one another.
func (p *report) brokers() {
	var ids []int
	for i, c := range p.r.Cities {
		if c.Constraint != nil {
			ids = append(ids, i)
		}
	}
	slices.SortStableFunc(ids, func(a, b int) int { return cmp.Compare(*p.r.Cities[a].Constraint, *p.r.Cities[b].Constraint) })
	items := []string{"-"}
	if len(ids) > 0 {
		items = items[:0]
	}
	for _, i := range ids[:min(len(ids), p.o.top(), 5)] {
		c := &p.r.Cities[i]
		items = append(items, fmt.Sprintf("%s %s (%s)", p.names[c.ID], fixed(*c.Constraint, 3), sig(*c.EffectiveSize)))
	}
	p.item("Brokers", "lowest constraint (effective size)")
	p.namesUnder("", items)
}

// roles lists the cities of a directed network by role.
func (p *report) roles() {
	p.item("Roles", fmt.Sprintf("by the share of its linkage a city sends: radiating above %g, receiving below %g",
		0.5+p.r.Parameters.RoleBand, 0.5-p.r.Parameters.RoleBand))
	byRole := map[string][]int{}
	for _, i := range p.byScore() {
		if r := p.r.Cities[i].LinkageRole; r != nil {
			byRole[*r] = append(byRole[*r], i)
		}
	}
	for _, role := range []string{analysis.Radiating, analysis.Brokering, analysis.Receiving} {
		p.namesUnder(fmt.Sprintf("    %-9s %4d  ", role, len(byRole[role])), p.listed(byRole[role]))
	}
}

// byScore returns the city indices, highest score first.
func (p *report) byScore() []int {
	return topBy(p.r.Cities, func(c *analysis.City) float64 { return c.Score }, len(p.r.Cities))
}

// listed names the cities, at most Options.listed of them, counting the rest.
func (p *report) listed(cities []int) []string {
	if len(cities) == 0 {
		return []string{"-"}
	}
	names := make([]string, 0, min(len(cities), p.o.listed()+1))
	for k, i := range cities {
		if k == p.o.listed() {
			names = append(names, fmt.Sprintf("and %d more", len(cities)-p.o.listed()))
			break
		}
		names = append(names, p.names[p.r.Cities[i].ID])
	}
	return names
}

func countCities(n int) string {
	if n == 1 {
		return "1 city"
	}
	return fmt.Sprintf("%d cities", n)
}

// optional formats a value that may be undefined (null in the results).
func optional(x *float64, decimals int) string {
	if x == nil {
		return "undefined"
	}
	return fixed(*x, decimals)
}
