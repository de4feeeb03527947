package output

import (
	"fmt"

	"collab/analysis"
)

// backboneSentence says which links the topological measures read: the
// backbone and how much of the network it keeps, or, on a complete network
// measured whole, that those measures are not findings.
func (p *report) backboneSentence(n *analysis.NetworkSummary) string {
	if b := n.Backbone; b != nil {
		name := map[bool]string{true: " (the disparity filter of Serrano, Boguñá and Vespignani 2009)", false: " (each city's strongest links)"}[b.Kind[0] == 'd']
		return fmt.Sprintf("Backbone %s%s: %d of %d links kept, density %s. Degree, binary clustering, k-cores, brokers (constraint, effective size) and Krackhardt connectedness are measured on it; every other measure reads all links.",
			b.Kind, name, b.Links, n.Links, fixed(b.Density, 3))
	}
	if analysis.Complete(n.Nodes, n.Density) {
		return fmt.Sprintf("The network is complete (density 1): every degree is %d, binary clustering is 1, every city is in the %d-core, and constraint ranks cities by their links' weights alone (the peripheral cities come out as brokers), so these measures are uninformative here (%s disparity:ALPHA or top:K measures them on the network's strongest links).",
			n.Nodes-1, n.Nodes-1, p.o.name("backbone"))
	}
	return ""
}
