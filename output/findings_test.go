package output

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"collab/analysis"
)

// TestFindingsTrueOnRandomRegions runs the study on 300 seeded random
// regions of 3-60 cities (random kNN, symmetric kNN and distance-band
// weights, row or binary, random sector distances, clustered or spread
// cities, skewed scores) and parses every sentence of the Findings back
// into its claims, which it checks against the cities of the result and
// weights it rebuilds itself: kNN by sorting every other city by distance,
// the band by comparing every pair, distances by the spherical law of
// cosines (not collab's haversine). A sentence of an unknown form fails,
// so a new kind of finding must add its check here.
func TestFindingsTrueOnRandomRegions(t *testing.T) {
	seen := map[string]int{}
	for trial := range 300 {
		rng := rand.New(rand.NewPCG(2, uint64(trial)))
		src, n := patternRegion(rng)
		ds, err := readData("region.json", src)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		p := analysis.DefaultParameters()
		p.Permutations, p.Skip = 0, []analysis.Stage{"network"}
		switch rng.IntN(3) {
		case 0:
			p.Weights = analysis.Weights{Kind: "knn", K: 1 + rng.IntN(min(8, n-1))}
		case 1:
			p.Weights, p.Symmetric = analysis.Weights{Kind: "knn", K: 1 + rng.IntN(min(5, n-1))}, true
		default:
			p.Weights = analysis.Weights{Kind: "band", Km: 20 + 200*rng.Float64()}
		}
		if rng.IntN(2) == 0 {
			p.Standardize = "binary"
		}
		p.SectorKm = 30 + 400*rng.Float64()
		if trial%4 == 0 { // the defaults chosen from the region
			p.Weights, p.Symmetric, p.SectorKm = analysis.Weights{Kind: "auto"}, false, 0
		}
		res, err := analysis.Run(context.Background(), ds, p)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		f := newFacts(res, res.Parameters) // the resolved weights and sector distance
		rep := report{r: res}
		rep.names = rep.cityNames()
		name := fmt.Sprintf("trial %d (%d cities, %s%s, %s, sector %.0f km)", trial, n, p.Weights,
			map[bool]string{true: " symmetric"}[p.Symmetric], p.Standardize, p.SectorKm)
		for _, s := range rep.findingSentences() {
			seen[sentenceKind(s)]++
			if err := f.check(s); err != nil {
				t.Errorf("%s: %q: %v", name, s, err)
			}
		}
		if err := f.everyStrongCityStated(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The regions must exercise every form, or the test proves little.
	for _, kind := range []string{"belt", "branch", "pair", "sector", "hub", "island hub", "latecomers"} {
		if seen[kind] < 3 {
			t.Errorf("only %d %s sentences in 300 regions (%v)", seen[kind], kind, seen)
		}
	}
}

// sentenceKind names a sentence's form, for the coverage count.
func sentenceKind(s string) string {
	switch {
	case beltRe.MatchString(s):
		return "belt"
	case branchRe.MatchString(s):
		return "branch"
	case pairRe.MatchString(s):
		return "pair"
	case sectorRe.MatchString(s):
		return "sector"
	case hubRe.MatchString(s) && strings.Contains(s, "(it has none)"):
		return "island hub"
	case hubRe.MatchString(s):
		return "hub"
	case lateRe.MatchString(s):
		return "latecomers"
	}
	return "other"
}

// patternRegion is a random region: cities in one to four clusters of
// random spread, scores log-normal so that a few are strong.
func patternRegion(rng *rand.Rand) ([]byte, int) {
	n := 3 + rng.IntN(58)
	clusters := 1 + rng.IntN(4)
	type centre struct{ lat, lon, spread float64 }
	var centres []centre
	for range clusters {
		centres = append(centres, centre{25 + 8*rng.Float64(), 110 + 10*rng.Float64(), 0.1 + 2*rng.Float64()})
	}
	var cities []map[string]any
	for i := range n {
		c := centres[rng.IntN(clusters)]
		cities = append(cities, map[string]any{"id": fmt.Sprint("c", i), "name": fmt.Sprint("City ", i),
			"lat": c.lat + c.spread*rng.NormFloat64(), "lon": c.lon + c.spread*rng.NormFloat64(),
			"score": math.Exp(1.5 * rng.NormFloat64())})
	}
	b, _ := json.Marshal(map[string]any{"name": "region", "cities": cities})
	return b, n
}

// facts are what the test knows of a region, computed on its own.
type facts struct {
	res      *analysis.Result
	p        analysis.Parameters
	byName   map[string]int
	row      [][]int        // each city's neighbours under the weights (its row)
	adjacent []map[int]bool // neighbours either way (the symmetrised weights)
	strong   map[int]bool
	stated   map[int]bool // strong cities some sentence placed
	// lastSpine and lastGroup are the spine and size of the belt the next
	// "branch off it" sentence speaks of.
	lastSpine, lastGroup int
}

func newFacts(res *analysis.Result, p analysis.Parameters) *facts {
	n := len(res.Cities)
	f := &facts{res: res, p: p, byName: map[string]int{}, row: make([][]int, n), adjacent: make([]map[int]bool, n),
		strong: map[int]bool{}, stated: map[int]bool{}}
	for i, c := range res.Cities {
		f.byName[c.Name] = i
		f.adjacent[i] = map[int]bool{}
		if c.Tier <= 2 {
			f.strong[i] = true
		}
	}
	for i := range n {
		others := make([]int, 0, n-1)
		for j := range n {
			if j != i {
				others = append(others, j)
			}
		}
		slices.SortStableFunc(others, func(a, b int) int { return cmpFloat(f.km(i, a), f.km(i, b)) })
		switch p.Weights.Kind {
		case "knn":
			f.row[i] = others[:p.Weights.K]
		case "band":
			for _, j := range others {
				if f.km(i, j) <= p.Weights.Km {
					f.row[i] = append(f.row[i], j)
				}
			}
		}
		if p.Weights.Kind == "contiguity" { // the input's lists, taken both ways
			for _, id := range res.Geography.Neighbors[i] {
				f.row[i] = append(f.row[i], f.index(id))
			}
		}
		for _, j := range f.row[i] {
			f.adjacent[i][j], f.adjacent[j][i] = true, true
		}
	}
	if p.Symmetric || p.Weights.Kind == "contiguity" {
		for i := range n {
			f.row[i] = f.row[i][:0]
			for j := range n {
				if f.adjacent[i][j] {
					f.row[i] = append(f.row[i], j)
				}
			}
		}
	}
	return f
}

// index is the position of the city with id in the result.
func (f *facts) index(id string) int {
	return slices.IndexFunc(f.res.Cities, func(c analysis.City) bool { return c.ID == id })
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// km is the great-circle distance by the spherical law of cosines.
func (f *facts) km(i, j int) float64 {
	a, b := f.res.Cities[i], f.res.Cities[j]
	rad := math.Pi / 180
	c := math.Sin(a.Lat*rad)*math.Sin(b.Lat*rad) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Cos((a.Lon-b.Lon)*rad)
	return 6371.0088 * math.Acos(max(-1, min(1, c)))
}

// The sentence forms of the Findings.
var (
	beltRe     = regexp.MustCompile(`^(.+) form a continuous belt of (\d+) cities over (\d+) km, each a spatial neighbour of the next under (\S+) weights \(mean ([\d.]+)x the regional mean\)\.$`)
	branchRe   = regexp.MustCompile(`^(\d+) more strong (city branches|cities branch) off it\.$`)
	pairRe     = regexp.MustCompile(`^(.+) and (.+) are a pair of strong cities (\d+) km apart, spatial neighbours under (\S+) weights with no other strong city as a neighbour \(mean ([\d.]+)x the regional mean\)\.$`)
	sectorRe   = regexp.MustCompile(`^(.+) heads a sector with (.+): strong cities each within ([\d.]+) km of another of them, none a spatial neighbour of another strong city under (\S+) weights\.$`)
	hubRe      = regexp.MustCompile(`^(.+) is an isolated hub: tier (\d) \(([\d.]+)x the mean\), with no strong city among its spatial neighbours under (\S+) weights(?: \(it has none\)|; its (\d+) neighbours? average ([\d.]+)x the mean)(?:, and the nearest strong city, (.+), is (\d+) km away \((?:no strong city outside belts and pairs within|farther than) ([\d.]+) km\))?\.$`)
	lateRe     = regexp.MustCompile(`^(.+) and (.+) receive the most spillover among tier 3-4 cities: the first latecomer candidates, mainly from (.+)\.$`)
	noStrongRe = regexp.MustCompile(`^No belt, pair, sector or isolated hub: the region has no strong cities\.$`)
)

func (f *facts) check(s string) error {
	switch {
	case beltRe.MatchString(s):
		m := beltRe.FindStringSubmatch(s)
		return f.checkBelt(m)
	case branchRe.MatchString(s):
		m := branchRe.FindStringSubmatch(s)
		return f.checkBranches(atoi(m[1]))
	case pairRe.MatchString(s):
		m := pairRe.FindStringSubmatch(s)
		return f.checkPair(m)
	case sectorRe.MatchString(s):
		m := sectorRe.FindStringSubmatch(s)
		return f.checkSector(m)
	case hubRe.MatchString(s):
		m := hubRe.FindStringSubmatch(s)
		return f.checkHub(m)
	case lateRe.MatchString(s):
		m := lateRe.FindStringSubmatch(s)
		return f.checkLatecomers(m)
	case noStrongRe.MatchString(s):
		if len(f.strong) > 0 {
			return fmt.Errorf("there are %d strong cities", len(f.strong))
		}
		return nil
	}
	return fmt.Errorf("a sentence of no known form: add its check")
}

func atof(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

func (f *facts) cities(names []string) ([]int, error) {
	var out []int
	for _, name := range names {
		i, ok := f.byName[name]
		if !ok {
			return nil, fmt.Errorf("no city %q", name)
		}
		out = append(out, i)
	}
	return out, nil
}

// splitAnd reads "a, b and c".
func splitAnd(s string) []string {
	k := strings.LastIndex(s, " and ")
	if k < 0 {
		return []string{s}
	}
	return append(strings.Split(s[:k], ", "), s[k+len(" and "):])
}

func (f *facts) weightsNamed(kind string) error {
	if kind != f.res.Weights.Kind || kind != f.p.Weights.String() {
		return fmt.Errorf("names %s weights, the study used %s", kind, f.res.Weights.Kind)
	}
	return nil
}

// within reports whether a stated whole number of km is the distance
// rounded (allowing for the two formulas' difference).
func within(stated, km float64) bool { return math.Abs(stated-km) <= 0.5+1e-6 }

// strongGroup: the cities are strong and connected among themselves under
// the weights, and no other strong city neighbours any of them.
func (f *facts) strongGroup(group []int) error {
	in := map[int]bool{}
	for _, i := range group {
		if !f.strong[i] {
			return fmt.Errorf("%s is tier %d, not strong", f.res.Cities[i].Name, f.res.Cities[i].Tier)
		}
		in[i] = true
		f.stated[i] = true
	}
	for _, i := range group {
		for j := range f.adjacent[i] {
			if f.strong[j] && !in[j] {
				return fmt.Errorf("%s neighbours strong %s, which the finding leaves out", f.res.Cities[i].Name, f.res.Cities[j].Name)
			}
		}
	}
	return nil
}

func (f *facts) meanRatio(group []int) float64 {
	var sum float64
	for _, i := range group {
		sum += f.res.Cities[i].Ratio
	}
	return sum / float64(len(group))
}

func (f *facts) checkBelt(m []string) error {
	spine, err := f.cities(strings.Split(m[1], " - "))
	if err != nil {
		return err
	}
	if atoi(m[2]) != len(spine) || len(spine) < 3 {
		return fmt.Errorf("%s cities stated, %d named (a belt needs 3)", m[2], len(spine))
	}
	if err := f.weightsNamed(m[4]); err != nil {
		return err
	}
	var km float64
	for k := 1; k < len(spine); k++ {
		if !f.adjacent[spine[k-1]][spine[k]] {
			return fmt.Errorf("%s and %s are not neighbours", f.res.Cities[spine[k-1]].Name, f.res.Cities[spine[k]].Name)
		}
		km += f.km(spine[k-1], spine[k])
	}
	if !within(atof(m[3]), km) {
		return fmt.Errorf("stated %s km, the spine is %.2f km", m[3], km)
	}
	// The belt is the spine's connected group of strong cities.
	group := f.component(spine[0])
	if err := f.strongGroup(group); err != nil {
		return err
	}
	f.lastSpine, f.lastGroup = len(spine), len(group)
	if math.Abs(atof(m[5])-f.meanRatio(group)) > 0.005+1e-9 {
		return fmt.Errorf("mean %s stated, members' mean ratio %.4f", m[5], f.meanRatio(group))
	}
	return nil
}

// component is the connected group of strong cities holding i.
func (f *facts) component(i int) []int {
	group, seen := []int{i}, map[int]bool{i: true}
	for k := 0; k < len(group); k++ {
		for j := range f.adjacent[group[k]] {
			if f.strong[j] && !seen[j] {
				seen[j] = true
				group = append(group, j)
			}
		}
	}
	return group
}

func (f *facts) checkBranches(off int) error {
	size, spine := f.lastGroup, f.lastSpine
	if spine == 0 {
		return fmt.Errorf("branches of no belt")
	}
	if off != size-spine || off < 1 {
		return fmt.Errorf("%d branch off, the group has %d cities and the spine %d", off, size, spine)
	}
	return nil
}

func (f *facts) checkPair(m []string) error {
	pair, err := f.cities([]string{m[1], m[2]})
	if err != nil {
		return err
	}
	if err := f.weightsNamed(m[4]); err != nil {
		return err
	}
	a, b := pair[0], pair[1]
	switch {
	case !f.adjacent[a][b]:
		return fmt.Errorf("not neighbours")
	case !within(atof(m[3]), f.km(a, b)):
		return fmt.Errorf("stated %s km, %.2f km apart", m[3], f.km(a, b))
	case math.Abs(atof(m[5])-f.meanRatio(pair)) > 0.005+1e-9:
		return fmt.Errorf("mean %s stated, %.4f", m[5], f.meanRatio(pair))
	}
	return f.strongGroup(pair)
}

func (f *facts) checkSector(m []string) error {
	members, err := f.cities(append([]string{m[1]}, splitAnd(m[2])...))
	if err != nil {
		return err
	}
	if err := f.weightsNamed(m[4]); err != nil {
		return err
	}
	km := atof(m[3])
	if km != f.p.SectorKm {
		return fmt.Errorf("stated %s km, the sector distance is %g", m[3], f.p.SectorKm)
	}
	if len(members) < 2 {
		return fmt.Errorf("a sector of one")
	}
	for _, i := range members {
		if !f.strong[i] {
			return fmt.Errorf("%s is not strong", f.res.Cities[i].Name)
		}
		if i != members[0] && f.res.Cities[i].Score > f.res.Cities[members[0]].Score {
			return fmt.Errorf("%s outscores the hub", f.res.Cities[i].Name)
		}
		f.stated[i] = true
		for j := range f.adjacent[i] {
			if f.strong[j] {
				return fmt.Errorf("%s neighbours strong %s", f.res.Cities[i].Name, f.res.Cities[j].Name)
			}
		}
	}
	// "each within km of another of them": connected under the distance.
	reached := map[int]bool{members[0]: true}
	for grew := true; grew; {
		grew = false
		for _, i := range members {
			for _, j := range members {
				if reached[i] && !reached[j] && f.km(i, j) <= km+1e-6 {
					reached[j], grew = true, true
				}
			}
		}
	}
	if len(reached) != len(members) {
		return fmt.Errorf("not every member is within %g km of another (chained)", km)
	}
	return nil
}

func (f *facts) checkHub(m []string) error {
	hub, err := f.cities([]string{m[1]})
	if err != nil {
		return err
	}
	i, c := hub[0], f.res.Cities[hub[0]]
	f.stated[i] = true
	if err := f.weightsNamed(m[4]); err != nil {
		return err
	}
	switch {
	case !f.strong[i] || atoi(m[2]) != c.Tier:
		return fmt.Errorf("stated tier %s, the city is tier %d", m[2], c.Tier)
	case math.Abs(atof(m[3])-c.Ratio) > 0.005+1e-9:
		return fmt.Errorf("stated %sx the mean, the ratio is %.4f", m[3], c.Ratio)
	}
	for j := range f.adjacent[i] {
		if f.strong[j] {
			return fmt.Errorf("strong %s is its neighbour", f.res.Cities[j].Name)
		}
	}
	if m[5] == "" && len(f.row[i]) > 0 {
		return fmt.Errorf("said to have no neighbour, has %d", len(f.row[i]))
	}
	if m[5] != "" {
		if err := f.checkNeighbourMean(i, atoi(m[5]), atof(m[6])); err != nil {
			return err
		}
	}
	return f.checkNearest(i, m[7], m[8], m[9])
}

// checkNeighbourMean: the city has that many neighbours (its row) and
// their mean score, weighted as the weights are (equally: kNN and band
// weights are binary before standardisation), is that ratio to the mean.
func (f *facts) checkNeighbourMean(i, count int, ratio float64) error {
	if count != len(f.row[i]) {
		return fmt.Errorf("stated %d neighbours, it has %d", count, len(f.row[i]))
	}
	var sum, mean float64
	for _, j := range f.row[i] {
		sum += f.res.Cities[j].Score
	}
	for _, c := range f.res.Cities {
		mean += c.Score / float64(len(f.res.Cities))
	}
	if got := sum / float64(count) / mean; math.Abs(got-ratio) > 0.005+1e-9 {
		return fmt.Errorf("stated its neighbours average %gx the mean, they average %.4f", ratio, got)
	}
	return nil
}

// checkNearest: the named city is the nearest strong one, at the stated
// km, and no strong city in no belt or pair lies within the sector
// distance.
func (f *facts) checkNearest(i int, name, km, sectorKm string) error {
	if name == "" {
		if len(f.strong) > 1 {
			return fmt.Errorf("no nearest strong city named, yet there are %d", len(f.strong))
		}
		return nil
	}
	if atof(sectorKm) != f.p.SectorKm {
		return fmt.Errorf("stated %s km, the sector distance is %g", sectorKm, f.p.SectorKm)
	}
	near, err := f.cities([]string{name})
	if err != nil {
		return err
	}
	for j := range f.strong {
		if j != i && f.km(i, j) < f.km(i, near[0])-1e-6 {
			return fmt.Errorf("%s is nearer than %s", f.res.Cities[j].Name, name)
		}
		if j != i && f.km(i, j) <= f.p.SectorKm-1e-6 && len(f.component(j)) == 1 {
			return fmt.Errorf("%s, in no belt or pair, is %.1f km away, within %g km", f.res.Cities[j].Name, f.km(i, j), f.p.SectorKm)
		}
	}
	if !within(atof(km), f.km(i, near[0])) {
		return fmt.Errorf("stated %s km, %.2f km", km, f.km(i, near[0]))
	}
	return nil
}

// checkLatecomers: the two cities are the tier 3-4 cities receiving the
// most spillover, and the sources named are theirs.
func (f *facts) checkLatecomers(m []string) error {
	two, err := f.cities([]string{m[1], m[2]})
	if err != nil {
		return err
	}
	var late []analysis.City
	for _, c := range f.res.Cities {
		if c.Tier >= 3 {
			late = append(late, c)
		}
	}
	slices.SortStableFunc(late, func(a, b analysis.City) int { return cmpFloat(b.SpilloverIn, a.SpilloverIn) })
	if len(late) < 2 || late[0].Name != m[1] || late[1].Name != m[2] {
		return fmt.Errorf("the tier 3-4 cities receiving the most are not %s and %s", m[1], m[2])
	}
	var sources []string
	for _, i := range two {
		src := f.res.Cities[i].MainSource
		name := f.res.Cities[f.byID(src)].Name
		if len(sources) == 0 || sources[len(sources)-1] != name {
			sources = append(sources, name)
		}
	}
	if got := joinAnd(sources); got != m[3] {
		return fmt.Errorf("mainly from %s, the main sources are %s", m[3], got)
	}
	return nil
}

func (f *facts) byID(id string) int {
	for i, c := range f.res.Cities {
		if c.ID == id {
			return i
		}
	}
	return -1
}

// everyStrongCityStated: each strong city is in some belt, pair, sector or
// is an isolated hub, as some sentence said.
func (f *facts) everyStrongCityStated() error {
	for i := range f.strong {
		if !f.stated[i] {
			return fmt.Errorf("strong city %s is in no finding", f.res.Cities[i].Name)
		}
	}
	return nil
}
