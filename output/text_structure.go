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
	p.printf("\nNetwork structure\n")
	p.printf("  %-*s%s weighted (Onnela), %s binary; averages over cities\n", structureLabel-2, "Clustering",
		sig(n.Clustering), sig(n.ClusteringBinary))
	p.communities()
	p.cores()
	p.brokers()
	p.printf("  %-*sconnectedness %s", structureLabel-2, "Krackhardt", optional(n.Connectedness, 3))
	if n.Directed {
		p.printf(", hierarchy %s", optional(n.Hierarchy, 3))
	}
	p.printf("\n")
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
	p.printf("  %-*s%d (Louvain, modularity Q %s; resolution %g, seed %d, %s)\n", structureLabel-2, "Communities",
		n.Communities, optional(n.Modularity, 3), par.Resolution, par.Seed, runs)
	members := make([][]int, n.Communities)
	for _, i := range p.byScore() {
		c := p.r.Cities[i].Community
		members[c] = append(members[c], i)
	}
	for c, cities := range members {
		if c == maxCommunities {
			p.printf("    and %d more communities (--format json lists every city's)\n", len(members)-c)
			break
		}
		label := fmt.Sprintf("    %-2d %10s  ", c, countCities(len(cities)))
		wrapList(p.w, label, displayWidth(label), p.listed(cities), p.o.listWidth())
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
		p.printf("  %-*severy city is in the %d-core\n", structureLabel-2, "k-cores", n.MaxCore)
	} else {
		p.printf("  %-*sthe innermost, the %d-core, holds %s\n", structureLabel-2, "k-cores", n.MaxCore, countCities(len(maxCore)))
		wrapList(p.w, "", structureLabel, p.listed(maxCore), p.o.listWidth())
	}
	p.printf("  %-*sBorgatti-Everett: coreness fit %s; core of %s, fit %s\n", structureLabel-2, "Core-periphery",
		optional(n.CorenessFit, 3), countCities(len(core)), optional(n.CoreFit, 3))
	if len(core) > 0 {
		wrapList(p.w, "", structureLabel, p.listed(core), p.o.listWidth())
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
	p.printf("  %-*slowest constraint (effective size)\n", structureLabel-2, "Brokers")
	wrapList(p.w, "", structureLabel, items, p.o.listWidth())
}

// roles lists the cities of a directed network by role.
func (p *report) roles() {
	p.printf("  %-*sby the share of its linkage a city sends: radiating above %g, receiving below %g\n", structureLabel-2, "Roles",
		0.5+p.r.Parameters.RoleBand, 0.5-p.r.Parameters.RoleBand)
	byRole := map[string][]int{}
	for _, i := range p.byScore() {
		if r := p.r.Cities[i].Role; r != nil {
			byRole[*r] = append(byRole[*r], i)
		}
	}
	for _, role := range []string{analysis.Radiating, analysis.Brokering, analysis.Receiving} {
		label := fmt.Sprintf("    %-9s %4d  ", role, len(byRole[role]))
		wrapList(p.w, label, displayWidth(label), p.listed(byRole[role]), p.o.listWidth())
	}
}

// byScore returns the city indices, highest score first.
func (p *report) byScore() []int {
	return topBy(p.r.Cities, func(c *analysis.City) float64 { return c.Score }, len(p.r.Cities))
}

// listed names the cities, at most maxListed of them, counting the rest.
func (p *report) listed(cities []int) []string {
	if len(cities) == 0 {
		return []string{"-"}
	}
	names := make([]string, 0, min(len(cities), maxListed+1))
	for k, i := range cities {
		if k == maxListed {
			names = append(names, fmt.Sprintf("and %d more", len(cities)-maxListed))
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
