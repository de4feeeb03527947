package output

import (
	"encoding/json"
	"fmt"

	"collab/analysis"
	"collab/graph"
)

// blockRoleColours fixes a colour for each of Burt's block roles, from
// ColorBrewer's qualitative Dark2 scheme, so that a role has the same
// colour on every map; the legend lists the roles in this order, the
// spillover roles first.
var blockRoleColours = []struct {
	role   graph.BlockRole
	colour string
}{
	{graph.RoleBidirectionalSpillover, "#1b9e77"}, {graph.RoleNetSpillover, "#d95f02"},
	{graph.RoleNetBenefit, "#7570b3"}, {graph.RoleBroker, "#e7298a"}, {graph.RoleUndefined, "#999999"},
}

// byBlockRole colours the cities by the role of their CONCOR block.
func byBlockRole(r *analysis.Result) (colouring, error) {
	values, err := classValues(r, "block_role")
	if err != nil {
		return colouring{}, err
	}
	c := colouring{title: "Block role (CONCOR, Burt)", fill: make([]string, len(values))}
	count := map[string]int{}
	other := 0
	for i, v := range values {
		c.fill[i] = otherGrey
		for _, b := range blockRoleColours {
			if quoted(string(b.role)) == v {
				c.fill[i] = b.colour
			}
		}
		if c.fill[i] == otherGrey {
			other++
		}
		count[v]++
	}
	for _, b := range blockRoleColours {
		if n := count[quoted(string(b.role))]; n > 0 {
			c.legend = append(c.legend, legendEntry{label: string(b.role), colour: b.colour, count: n})
		}
	}
	if other > 0 {
		c.legend = append(c.legend, legendEntry{label: "other", colour: otherGrey, count: other})
	}
	return c, nil
}

func quoted(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(fmt.Sprintf("quoted: %v", err)) // a Go string always marshals
	}
	return string(b)
}
