package output

import (
	"fmt"
	"strings"
)

// scaleSentence states the parameters the study chose from the region,
// with the rule of each, so that a reader knows the distances and weights
// the findings name were not the user's.
func (p *report) scaleSentence() string {
	sc := p.r.Scale
	if sc == nil || len(sc.Chosen) == 0 {
		return ""
	}
	var parts []string
	for _, c := range sc.Chosen {
		switch c.Parameter {
		case "weights":
			parts = append(parts, fmt.Sprintf("%s weights (%s)", c.Value, c.Rule))
		case "sector-km":
			parts = append(parts, fmt.Sprintf("sector distance %s km (%s)", c.Value, c.Rule))
		default:
			parts = append(parts, fmt.Sprintf("%s %s (%s)", c.Parameter, c.Value, c.Rule))
		}
	}
	return fmt.Sprintf("Chosen from the region (%d cities, %s km across): %s.", len(p.r.Cities), fixed(sc.SpanKm, 0), strings.Join(parts, "; "))
}
