package analysis

import (
	"cmp"
	"slices"

	"collab/param"
	"collab/spatial"
)

// PatternParameters shape the spillover and the spatial pattern of strong
// cities: belts, sectors and isolated hubs.
type PatternParameters struct {
	// Decay is the distance decay of the spillover potential.
	Decay spatial.Decay `json:"decay"`
	// PotentialTolerance is the relative error allowed in each city's
	// spillover (spatial.PotentialWithin); 0 asks for the exact sums, and
	// up to spatial.ExactPotentialMax cities they are exact whatever it is.
	PotentialTolerance float64 `json:"potential_tolerance"`
	// SectorKm is the distance within which strong cities outside belts
	// and pairs form a sector; 0 chooses it from the region (a third of
	// its span, at most MaxAutoSectorKm). Results record the value used.
	SectorKm float64 `json:"sector_km"`
	// Latecomers is how many latecomer candidates are listed.
	Latecomers int `json:"latecomers"`
}

// DefaultPatternParameters are the defaults of `collab analyze`.
func DefaultPatternParameters() PatternParameters {
	return PatternParameters{Decay: spatial.DefaultDecay, PotentialTolerance: spatial.DefaultPotentialTolerance, SectorKm: 0, Latecomers: 10}
}

func (p *PatternParameters) check() error {
	switch {
	case p.Decay.Kind != "exp" && p.Decay.Kind != "power":
		return param.Quotedf("decay", p.Decay.String(), "write exp:KM or power:B")
	case !(p.PotentialTolerance >= 0 && p.PotentialTolerance < 1):
		return param.Errorf("potential-tolerance", p.PotentialTolerance, "must be in [0, 1): a relative error, such as 1e-6, or 0 for the exact sums")
	case !(p.SectorKm >= 0) || p.SectorKm > 20040: // half the Earth's circumference
		return param.Errorf("sector-km", p.SectorKm, "must be a positive distance in km, or auto")
	case p.Latecomers < 0:
		return param.Errorf("latecomers", p.Latecomers, "must be >= 0")
	}
	return nil
}

// Belt is a chain of strong cities, each a spatial neighbour of the next:
// a connected group of three or more tier 1-2 cities in the spatial weights.
type Belt struct {
	// Cities is the spine, the longest path through the group's minimum
	// spanning tree (by km), from its higher-scoring end.
	Cities []string `json:"cities"`
	// Members is every city of the group, by score; the spine and
	// branches off it.
	Members   []string `json:"members"`
	LengthKm  float64  `json:"length_km"`  // along the spine
	MeanRatio float64  `json:"mean_ratio"` // members' mean ratio to the regional mean
}

// Pair is two strong cities that are spatial neighbours of each other and
// of no other strong city: a connected group too small for a belt. They
// are a finding of their own, never part of a sector (whose members are
// no one's strong neighbours).
type Pair struct {
	Cities     []string `json:"cities"` // the higher-scoring first
	DistanceKm float64  `json:"distance_km"`
	MeanRatio  float64  `json:"mean_ratio"` // the two's mean ratio to the regional mean
}

// Sector is two or more strong cities outside any belt or pair, each
// within SectorKm of another and none a spatial neighbour of another; its
// hub is the highest-scoring.
type Sector struct {
	Hub    string   `json:"hub"`
	Cities []string `json:"cities"` // hub first, then by score
}

// IsolatedHub is a strong city in no belt, pair or sector: no other
// strong city is its spatial neighbour, and none outside belts and pairs
// lies within SectorKm.
type IsolatedHub struct {
	ID string `json:"id"`
	// Neighbors is the number of its spatial neighbours (its row of the
	// weights); 0 for an island.
	Neighbors int `json:"neighbors"`
	// LagRatio is its neighbours' mean score, weighted by the weights
	// (the spatial lag with row standardisation), over the regional mean:
	// below 1, its surroundings are weak; 0 for an island.
	LagRatio     float64 `json:"lag_ratio"`
	NearestHub   string  `json:"nearest_hub"` // the nearest other strong city
	NearestHubKm float64 `json:"nearest_hub_km"`
}

// Pattern is a city's place in the pattern of strong cities.
type Pattern struct {
	// Role is belt, pair, sector, isolated-hub or none.
	Role string `json:"role"`
}

// pattern finds the belts, sectors and isolated hubs among the strong
// cities and gives each city its role.
func (s *study) pattern(res *Result) error {
	strong := s.strongCities()
	belts, pairs, inBelt := s.belts(strong)
	sectors, inSector, err := s.sectors(strong, inBelt)
	if err != nil {
		return err
	}
	nearest, err := s.nearestStrong(strong)
	if err != nil {
		return err
	}
	res.Belts = belts
	res.Pairs = pairs
	res.Sectors = sectors
	res.IsolatedHubs = []IsolatedHub{}
	for i := range res.Cities {
		res.Cities[i].Role = "none"
	}
	index := s.ds.Index()
	for _, b := range belts {
		setRole(res, index, b.Members, "belt")
	}
	for _, pair := range pairs {
		setRole(res, index, pair.Cities, "pair")
	}
	for _, sec := range sectors {
		setRole(res, index, sec.Cities, "sector")
	}
	for _, i := range strong {
		if !inBelt[i] && !inSector[i] {
			res.IsolatedHubs = append(res.IsolatedHubs, s.isolatedHub(i, nearest[i], res.Summary.Mean))
			res.Cities[i].Role = "isolated-hub"
		}
	}
	return nil
}

func setRole(res *Result, index map[string]int, ids []string, role string) {
	for _, id := range ids {
		res.Cities[index[id]].Role = role
	}
}

// strongCities returns the tier 1-2 cities by descending score.
func (s *study) strongCities() []int {
	var strong []int
	for _, i := range byScore(s.scores) {
		if s.tier[i] <= strongTier {
			strong = append(strong, i)
		}
	}
	return strong
}

// belts groups strong cities that are spatial neighbours into connected
// groups: those of three or more are belts, those of two pairs. The map
// holds every city of either.
func (s *study) belts(strong []int) ([]Belt, []Pair, map[int]bool) {
	isStrong := map[int]bool{}
	for _, i := range strong {
		isStrong[i] = true
	}
	adjacent := func(i int) []int {
		var out []int
		neighbours, _ := s.adjacent.Row(i)
		for _, j := range neighbours {
			if isStrong[j] {
				out = append(out, j)
			}
		}
		return out
	}
	inBelt := map[int]bool{}
	belts, pairs := []Belt{}, []Pair{}
	for _, group := range components(strong, adjacent) {
		if len(group) == 2 {
			a, b := group[0], group[1]
			pairs = append(pairs, Pair{Cities: s.ids(group), DistanceKm: s.distance(a, b), MeanRatio: (s.ratio[a] + s.ratio[b]) / 2})
			inBelt[a], inBelt[b] = true, true
		}
		if len(group) < 3 {
			continue
		}
		spine, km := s.spine(group, adjacent)
		b := Belt{Cities: s.ids(spine), Members: s.ids(group), LengthKm: km}
		for _, i := range group {
			inBelt[i] = true
			b.MeanRatio += s.ratio[i] / float64(len(group))
		}
		belts = append(belts, b)
	}
	return belts, pairs, inBelt
}

// sectors groups the strong cities outside belts that lie within SectorKm
// of one another (single linkage) and keeps groups of two or more.
func (s *study) sectors(strong []int, inBelt map[int]bool) ([]Sector, map[int]bool, error) {
	var free []int
	for _, i := range strong {
		if !inBelt[i] {
			free = append(free, i)
		}
	}
	near, err := s.within(free, s.p.SectorKm)
	if err != nil {
		return nil, nil, err
	}
	inSector := map[int]bool{}
	sectors := []Sector{}
	for _, group := range components(free, near) {
		if len(group) < 2 {
			continue
		}
		for _, i := range group {
			inSector[i] = true
		}
		sectors = append(sectors, Sector{Hub: s.ds.Cities[group[0]].ID, Cities: s.ids(group)})
	}
	return sectors, inSector, nil
}

// within returns, for the given cities, the neighbour function of the
// graph linking those within km of each other, found through a spatial
// index (a distance band over the subset) rather than every pair.
func (s *study) within(cities []int, km float64) (func(int) []int, error) {
	if len(cities) < 2 {
		return func(int) []int { return nil }, nil
	}
	band, err := spatial.DistanceBand(s.pointsOf(cities), km)
	if err != nil {
		return nil, err
	}
	local := make(map[int]int, len(cities))
	for k, i := range cities {
		local[i] = k
	}
	return func(i int) []int {
		nb, _ := band.Row(local[i])
		out := make([]int, len(nb))
		for k, j := range nb {
			out[k] = cities[j]
		}
		return out
	}, nil
}

// nearestStrong returns, for each strong city, the nearest other strong
// city and its distance, through a spatial index (-1 when alone).
func (s *study) nearestStrong(strong []int) (map[int]int, error) {
	nearest := make(map[int]int, len(strong))
	if len(strong) < 2 {
		for _, i := range strong {
			nearest[i] = -1
		}
		return nearest, nil
	}
	knn, err := spatial.KNN(s.pointsOf(strong), 1)
	if err != nil {
		return nil, err
	}
	for k, i := range strong {
		nb, _ := knn.Row(k)
		nearest[i] = strong[nb[0]]
	}
	return nearest, nil
}

func (s *study) isolatedHub(i, nearest int, mean float64) IsolatedHub {
	h := IsolatedHub{ID: s.ds.Cities[i].ID, Neighbors: s.w.Cardinality(i), LagRatio: s.neighbourMean(i) / mean}
	if nearest >= 0 {
		h.NearestHub, h.NearestHubKm = s.ds.Cities[nearest].ID, s.distance(i, nearest)
	}
	return h
}

func (s *study) ids(cities []int) []string {
	out := make([]string, len(cities))
	for k, i := range cities {
		out[k] = s.ds.Cities[i].ID
	}
	return out
}

// components splits nodes (given in priority order) into connected groups
// under adjacent; each group lists its members in the nodes' order, and
// groups come in the order of their first member.
func components(nodes []int, adjacent func(int) []int) [][]int {
	rank := make(map[int]int, len(nodes))
	for k, i := range nodes {
		rank[i] = k
	}
	seen := map[int]bool{}
	var groups [][]int
	for _, start := range nodes {
		if seen[start] {
			continue
		}
		seen[start] = true
		group := []int{start}
		for k := 0; k < len(group); k++ {
			for _, j := range adjacent(group[k]) {
				if _, ok := rank[j]; ok && !seen[j] {
					seen[j] = true
					group = append(group, j)
				}
			}
		}
		slices.SortFunc(group, func(a, b int) int { return rank[a] - rank[b] })
		groups = append(groups, group)
	}
	return groups
}

// spine returns the longest path, in km, through the minimum spanning tree
// of a group (Kruskal over the neighbour links, by distance), oriented from
// its higher-scoring end, and the path's length. O(k log k) for k links.
func (s *study) spine(group []int, adjacent func(int) []int) ([]int, float64) {
	type link struct {
		a, b int
		km   float64
	}
	var links []link
	for _, i := range group {
		for _, j := range adjacent(i) {
			if i < j {
				links = append(links, link{i, j, s.distance(i, j)})
			}
		}
	}
	slices.SortFunc(links, func(x, y link) int {
		return cmp.Or(cmp.Compare(x.km, y.km), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	root := map[int]int{}
	var find func(int) int
	find = func(i int) int {
		if r, ok := root[i]; ok && r != i {
			root[i] = find(r)
			return root[i]
		}
		return i
	}
	tree := map[int][]treeLink{}
	for _, l := range links {
		if ra, rb := find(l.a), find(l.b); ra != rb {
			root[ra] = rb
			tree[l.a] = append(tree[l.a], treeLink{l.b, l.km})
			tree[l.b] = append(tree[l.b], treeLink{l.a, l.km})
		}
	}
	end, _, _ := farthest(group[0], tree)
	other, path, km := farthest(end, tree)
	if s.scores[other] > s.scores[end] || (s.scores[other] == s.scores[end] && other < end) {
		slices.Reverse(path)
	}
	return path, km
}

type treeLink struct {
	to int
	km float64
}

// farthest walks a tree from start and returns the node farthest from it
// in km (ties to the lower index), the path to it and its length.
func farthest(start int, tree map[int][]treeLink) (int, []int, float64) {
	type visit struct {
		node int
		km   float64
	}
	from := map[int]int{start: -1}
	best := visit{start, 0}
	stack := []visit{best}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if v.km > best.km || (v.km == best.km && v.node < best.node) {
			best = v
		}
		for _, l := range tree[v.node] {
			if _, seen := from[l.to]; !seen {
				from[l.to] = v.node
				stack = append(stack, visit{l.to, v.km + l.km})
			}
		}
	}
	var path []int
	for n := best.node; n != -1; n = from[n] {
		path = append(path, n)
	}
	slices.Reverse(path)
	return best.node, path, best.km
}

// neighbourMean is city i's neighbours' mean score weighted by the
// weights: the spatial lag over the row's sum (the lag itself under row
// standardisation, the neighbours' plain mean under binary weights); 0
// for an island.
func (s *study) neighbourMean(i int) float64 {
	if s.p.Standardize == "row" {
		return s.lag[i] // already the weighted mean (0 for an island)
	}
	neighbours, weights := s.w.Row(i)
	var sum, total float64
	for k, j := range neighbours {
		sum += weights[k] * s.scores[j]
		total += weights[k]
	}
	if total == 0 {
		return 0
	}
	return sum / total
}
