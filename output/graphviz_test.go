package output

import (
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestPalettesMatchGraphviz compares the ColorBrewer colours of the maps
// with those Graphviz ships (its brewer colour schemes), by rendering a
// node per colour.
func TestPalettesMatchGraphviz(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("dot is not installed (Debian package graphviz); skipping the palette check")
	}
	var src strings.Builder
	src.WriteString("graph { node [style=filled]\n")
	schemes := map[string]int{"ylorrd3": 3, "ylorrd4": 4, "ylorrd5": 5, "ylorrd9": 9, "paired12": 12}
	names := []string{"ylorrd3", "ylorrd4", "ylorrd5", "ylorrd9", "paired12"}
	for _, s := range names {
		for k := 1; k <= schemes[s]; k++ {
			fmt.Fprintf(&src, "%s_%d [colorscheme=%s, fillcolor=%d]\n", s, k, s, k)
		}
	}
	src.WriteString("}\n")
	cmd := exec.Command("dot", "-Tsvg")
	cmd.Stdin = strings.NewReader(src.String())
	svg, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	fills := regexp.MustCompile(`<title>(\w+)_(\d+)</title>\n<ellipse fill="(#[0-9a-f]{6})"`).FindAllStringSubmatch(string(svg), -1)
	got := map[string][]string{}
	for _, f := range fills {
		k, _ := strconv.Atoi(f[2])
		for len(got[f[1]]) < k {
			got[f[1]] = append(got[f[1]], "")
		}
		got[f[1]][k-1] = f[3]
	}
	want := map[string][]string{"paired12": paired}
	for _, k := range []int{3, 4, 5, 9} {
		want[fmt.Sprintf("ylorrd%d", k)] = ylOrRd[k]
	}
	for _, s := range names {
		if !slices.Equal(got[s], want[s]) {
			t.Errorf("%s: Graphviz %v, collab %v", s, got[s], want[s])
		}
	}
}
