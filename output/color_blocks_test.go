package output

import (
	"testing"

	"collab/graph"
)

// TestColourByBlockRole checks --color block_role on the sample: the
// sample's blocks (undirected: net_benefit 29 cities in three blocks, broker
// 12, as the analyze golden file reports) get the roles' fixed colours, in
// the legend's fixed order; a value that is no role is grey, counted as
// other.
func TestColourByBlockRole(t *testing.T) {
	res := sampleStudy(t)
	c, err := colourBy(res, "block_role")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.legend) != 2 || c.legend[0].label != string(graph.RoleNetBenefit) || c.legend[0].count != 29 || c.legend[0].colour != "#7570b3" ||
		c.legend[1].label != string(graph.RoleBroker) || c.legend[1].count != 12 || c.legend[1].colour != "#e7298a" {
		t.Errorf("legend %+v", c.legend)
	}
	for i, city := range res.Cities {
		want := map[string]string{string(graph.RoleNetBenefit): "#7570b3", string(graph.RoleBroker): "#e7298a"}[*city.BlockRole]
		if c.fill[i] != want {
			t.Errorf("%s (%s): %s, want %s", city.Name, *city.BlockRole, c.fill[i], want)
		}
	}
	bidirectional, other := string(graph.RoleBidirectionalSpillover), "something else"
	res.Cities[0].BlockRole, res.Cities[1].BlockRole = &bidirectional, &other
	if c, err = colourBy(res, "block_role"); err != nil || c.legend[0].label != string(graph.RoleBidirectionalSpillover) || c.fill[0] != "#1b9e77" || c.fill[1] != otherGrey ||
		c.legend[len(c.legend)-1] != (legendEntry{label: "other", colour: otherGrey, count: 1}) {
		t.Errorf("legend %+v, fills %s %s", c.legend, c.fill[0], c.fill[1])
	}
}
