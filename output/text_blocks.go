package output

import (
	"fmt"
	"strconv"
	"strings"

	"collab/analysis"
	"collab/graph"
)

// wholeNetwork writes the path, efficiency and small-world measures of the
// whole network.
func (p *report) wholeNetwork() {
	n := p.r.Network
	if n == nil {
		return // --skip network
	}
	w := n.WholeNetwork
	p.heading("Network paths and efficiency")
	from, bound := fmt.Sprintf("all %d cities searched", n.Nodes), "" // a diameter from sampled sources is a lower bound
	if w.PathMeasureSources > 0 && w.PathMeasureSources < n.Nodes {
		from, bound = fmt.Sprintf("estimated from %d of the %d cities", w.PathMeasureSources, n.Nodes), "at least "
	}
	diameter := "diameter " + bound + optionalInt(w.Diameter)
	if n.Components > 1 {
		from += fmt.Sprintf("; within the largest component, %d cities", n.LargestComponent)
	}
	p.item("Path length", fmt.Sprintf("average %s links%s, %s (%s)", optional(w.AvgPathLength, 3), standardError(w.AvgPathLengthSE), diameter, from))
	if w.AvgPathLengthWeighted != nil && w.DiameterWeighted != nil {
		p.item("Weighted path", fmt.Sprintf("average %s%s over link lengths 1/weight, diameter %s%s", sig(*w.AvgPathLengthWeighted), standardError(w.AvgPathLengthWeightedSE),
			bound, sig(*w.DiameterWeighted)))
	}
	p.item("Efficiency", fmt.Sprintf("global %s, Krackhardt's %s; least upper boundedness %s",
		optional(w.GlobalEfficiency, 3), optional(w.Efficiency, 3), optional(w.LUB, 3)))
	switch {
	case n.Directed:
		p.item("Small world", "not computed: sigma and omega are defined for undirected networks")
	case w.SmallWorldSigma == nil && w.SmallWorldOmega == nil:
		p.item("Small world", "sigma and omega undefined or not computed (see the warnings)")
	default:
		p.item("Small world", fmt.Sprintf("sigma %s, omega %s (references seeded with %d)",
			optional(w.SmallWorldSigma, 3), optional(w.SmallWorldOmega, 3), p.r.Parameters.Seed))
	}
	says := []string{"Global efficiency is the mean of 1/links over all pairs of cities (1 when every pair is linked); Krackhardt's efficiency is 1 when no link exceeds the fewest that keep each component connected and 0 when every pair is linked."}
	if !n.Directed && 2*n.Links == n.Nodes*(n.Nodes-1) {
		says = append(says, "The network is complete: its random and lattice references are the network itself, so sigma is 1 and omega 0 by construction and say nothing of a small world.")
	} else if w.SmallWorldSigma != nil || w.SmallWorldOmega != nil {
		says = append(says, "Sigma above 1 and omega near 0 mark a small world; omega below 0 leans to a lattice, above 0 to a random network.")
	}
	p.sentences(says)
}

// standardError formats " (standard error x)" for an estimate, nothing
// for an exact value.
func standardError(se *float64) string {
	if se == nil {
		return ""
	}
	return " (standard error " + sig(*se) + ")"
}

// optionalInt formats an integer that may be undefined.
func optionalInt(x *int) string {
	if x == nil {
		return "undefined"
	}
	return strconv.Itoa(*x)
}

// blocks writes the CONCOR block model: the blocks' flows and roles, their
// cities, and the density and image matrices.
func (p *report) blocks() {
	b := p.r.Blocks
	if b == nil {
		return // --skip network, or too many cities for CONCOR
	}
	p.heading(fmt.Sprintf("Positions (CONCOR, %d rounds of splits; roles by Burt's rule on link weight)", b.Depth))
	t := newTable("Block", "Cities", "Inside", "Sent out", "Received", "Internal share", "Expected", "Inflow share", "Role").alignRight(0, 1, 2, 3, 4, 5, 6, 7)
	for _, row := range b.Blocks {
		t.add(strconv.Itoa(row.Block), strconv.Itoa(row.Size), sig(row.SentInside), sig(row.SentOutside), sig(row.ReceivedOutside),
			optional(row.InternalShare, 3), fixed(row.ExpectedInternalShare, 3), optional(row.InflowShare, 3), string(row.Role))
	}
	p.table(t, p.o.Width)
	if p.markdown {
		p.printf("\n")
	}
	for _, row := range b.Blocks {
		p.namesUnder(fmt.Sprintf("    %-2d %10s  ", row.Block, countCities(row.Size)), p.blockNames(row.Cities))
	}
	says := roleSentences(b.Blocks, b.ReceivedThreshold)
	if !b.Directed {
		says = append(says, "The network is undirected: each link counts as sent both ways, so every block receives what it sends (inflow share 0.5), and only the net benefit and broker roles can arise.")
	}
	p.sentences(says)
	p.sentences([]string{fmt.Sprintf("Density of link weight from the row's block to the column's, per ordered pair of cities (the whole network's is %s), and its image (1 where the density is above the network's):", sig(b.NetworkDensity))})
	if p.markdown {
		p.printf("\n")
	}
	p.table(p.matrixTable(b), p.o.Width)
}

// blockNames names a block's cities, the strongest first, at most Top
// (the block column of the JSON and CSV has them all).
func (p *report) blockNames(ids []string) []string {
	if len(ids) == 0 {
		return []string{"-"}
	}
	return namesUpTo(ids, p.names, p.o.top())
}

// roleSentences says, role by role in the order the roles first appear,
// which blocks take it and why: the table's internal share against the
// expected, and the inflow share against the threshold.
func roleSentences(rows []analysis.BlockRow, threshold float64) []string {
	var roles []graph.BlockRole
	members := map[graph.BlockRole][]string{}
	for _, row := range rows {
		if _, seen := members[row.Role]; !seen {
			roles = append(roles, row.Role)
		}
		members[row.Role] = append(members[row.Role], strconv.Itoa(row.Block))
	}
	t := fixed(100*threshold, 1) + "%"
	var says []string
	for _, role := range roles {
		ks := members[role]
		one := len(ks) == 1
		verb := func(singular, plural string) string {
			if one {
				return singular
			}
			return plural
		}
		who := verb("Block ", "Blocks ") + joinAnd(ks)
		if role == graph.RoleUndefined {
			says = append(says, fmt.Sprintf("%s %s no link: %s undefined.", who, verb("sends", "send"), verb("its role is", "their roles are")))
			continue
		}
		inside := "at least"
		if role == graph.RoleNetSpillover || role == graph.RoleBroker {
			inside = "less than"
		}
		flow := fmt.Sprintf("%s from the other blocks (an inflow share of %s or more)", verb("receives", "receive"), t)
		if role == graph.RoleBidirectionalSpillover || role == graph.RoleNetSpillover {
			flow = fmt.Sprintf("hardly %s from the other blocks (an inflow share under %s, or no flow with them)", verb("receives", "receive"), t)
		}
		says = append(says, fmt.Sprintf("%s %s %s %s expected share of the link weight %s inside and %s: %s.",
			who, verb("keeps", "keep"), inside, verb("its", "their"), verb("it sends", "they send"), flow, strings.ReplaceAll(string(role), "_", " ")))
	}
	return says
}

// matrixTable puts the density matrix and its image side by side.
func (p *report) matrixTable(b *analysis.BlockTable) *table {
	k := len(b.Blocks)
	header := []string{"From \\ to"}
	for l := range k {
		header = append(header, strconv.Itoa(l))
	}
	header = append(header, "Image")
	t := newTable(header...)
	right := make([]int, 0, k)
	for l := range k {
		right = append(right, l+1)
	}
	t.alignRight(right...)
	for r := range k {
		cells := []string{strconv.Itoa(r)}
		var image []string
		for l := range k {
			cells = append(cells, optional4(b.Density[r][l]))
			image = append(image, strconv.Itoa(b.Image[r][l]))
		}
		t.add(append(cells, strings.Join(image, " "))...)
	}
	return t
}

// optional4 formats a density that may be undefined with four significant
// digits.
func optional4(x *float64) string {
	if x == nil {
		return "-"
	}
	return sig(*x)
}
