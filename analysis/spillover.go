package analysis

import (
	"slices"

	"collab/spatial"
)

// Spillover is what a city receives from and sends to the others.
type Spillover struct {
	// Potential is the city's own score plus what it receives,
	// s_i + sum_{j != i} s_j f(d_ij).
	Potential float64 `json:"potential"`
	// SpilloverIn is sum_{j != i} s_j f(d_ij).
	SpilloverIn float64 `json:"spillover_in"`
	// SpilloverOut is s_i sum_{j != i} f(d_ij).
	SpilloverOut float64 `json:"spillover_out"`
	// MainSource is the id of the city sending the most; "" when none.
	MainSource string `json:"main_source"`
	// MainSourceShare is MainSource's share of SpilloverIn.
	MainSourceShare float64 `json:"main_source_share"`
}

// Latecomer is a tier 3 or 4 city ranked by the spillover it receives: the
// cities a strong neighbour could lift.
type Latecomer struct {
	ID          string  `json:"id"`
	Tier        int     `json:"tier"`
	SpilloverIn float64 `json:"spillover_in"`
	MainSource  string  `json:"main_source"`
}

// HubReach lists, for a strong (tier 1-2) city, the cities for which it is
// the main source of spillover.
type HubReach struct {
	ID     string   `json:"id"`
	Cities []string `json:"cities"`
}

// strongTier is the lowest tier counted as strong: tiers 1 and 2, the
// cities at or above the regional mean under the default scheme.
const strongTier = 2

// spillover measures the potential of every city and ranks the latecomer
// candidates and the reach of each strong city.
func (s *study) spillover(res *Result) error {
	sp, err := spatial.PotentialWithin(s.ctx, s.points, s.scores, s.p.Decay, s.p.PotentialTolerance)
	if err != nil {
		return err
	}
	for i := range res.Cities {
		c := &res.Cities[i]
		c.Spillover = Spillover{Potential: s.scores[i] + sp.Received[i], SpilloverIn: sp.Received[i],
			SpilloverOut: sp.Emitted[i], MainSourceShare: sp.MainShare[i]}
		if j := sp.MainSource[i]; j >= 0 {
			c.MainSource = s.ds.Cities[j].ID
		}
	}
	res.Latecomers = s.latecomers(res.Cities)
	res.HubReach = hubReach(res.Cities, sp.MainSource, s.tier)
	return nil
}

func (s *study) latecomers(cities []City) []Latecomer {
	var order []int
	for i := range cities {
		if cities[i].Tier > strongTier {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return descending(cities[a].SpilloverIn, cities[b].SpilloverIn) })
	out := []Latecomer{}
	for _, i := range order[:min(len(order), s.p.Latecomers)] {
		c := &cities[i]
		out = append(out, Latecomer{ID: c.ID, Tier: c.Tier, SpilloverIn: c.SpilloverIn, MainSource: c.MainSource})
	}
	return out
}

func hubReach(cities []City, mainSource []int, tier []int) []HubReach {
	reach := map[int][]string{}
	for i, j := range mainSource {
		if j >= 0 && tier[j] <= strongTier {
			reach[j] = append(reach[j], cities[i].ID)
		}
	}
	out := []HubReach{}
	for _, j := range byScoreOf(cities) {
		if tier[j] <= strongTier {
			out = append(out, HubReach{ID: cities[j].ID, Cities: append([]string{}, reach[j]...)})
		}
	}
	return out
}

// byScoreOf returns city indices by descending score, ties in input order.
func byScoreOf(cities []City) []int {
	score := make([]float64, len(cities))
	for i := range cities {
		score[i] = cities[i].Score
	}
	return byScore(score)
}
