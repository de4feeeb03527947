package analysis

import (
	"slices"
	"strconv"
	"strings"

	"collab/dynamics"
	"collab/param"
)

// Dynamics is how the distribution of a panel moved: the Markov chain of
// the cities' classes, the same chain by the class of their neighbours
// (spatial Markov) and by LISA quadrant, the tests of those, Dagum's
// decomposition of the Gini by group and the density of the relative
// scores year by year. A statistic that is undefined is null and
// Undefined says why; a part that cannot be computed (Dagum's, the
// densities) is null with a warning saying why.
type Dynamics struct {
	// Years are the panel's years read, every Step-th; a transition runs
	// from each to the next.
	Years []int `json:"years"`
	Step  int   `json:"step"`
	// Classes are the classes of the chain; Transitions[i][j] counts the
	// cities in class i in one year read and in j in the next.
	Classes     ClassSet `json:"classes"`
	Transitions [][]int  `json:"transitions"`
	// Probabilities[i][j] = Transitions[i][j] / the row's total; a row
	// never observed at the start of a transition is null.
	Probabilities [][]float64 `json:"probabilities"`
	// SteadyState is the limiting distribution over the classes (pi = pi
	// P); null unless the chain has one recurrent class (unobserved rows
	// taken as absorbing).
	SteadyState []float64 `json:"steady_state"`
	// FirstPassage[i][j] is the mean number of steps from i to first reach
	// j (the diagonal the mean recurrence time); null unless irreducible.
	FirstPassage [][]float64 `json:"first_passage"`
	// Sojourn[i] = 1 / (1 - p_ii) steps; null for a class never left.
	Sojourn []*float64 `json:"sojourn"`
	// Undefined says, by key, why a statistic above is null.
	Undefined map[string]string `json:"undefined"`
	Spatial   *SpatialDynamics  `json:"spatial"` // null without weights
	LISA      *LISADynamics     `json:"lisa"`
	Tests     DynamicsTests     `json:"tests"`
	Dagum     *DagumByGroup     `json:"dagum"`   // null for group none or when undefined
	Density   *Density          `json:"density"` // null when undefined
}

// ClassSet names the classes of a chain.
type ClassSet struct {
	// Scheme is tiers, quantile:K or pooled:K.
	Scheme string `json:"scheme"`
	// Names are the classes in index order: "tier 1" (the highest) ...
	// for tiers, "Q1" (the lowest) ... for quantiles.
	Names []string `json:"names"`
	// Ascending is true when the classes run from the lowest up
	// (quantiles), false when from the highest down (tiers).
	Ascending bool `json:"ascending"`
	// Bins are the quantile classes' upper bounds: one row per year read
	// for quantile:K, one row of relative scores for pooled:K, none for
	// tiers.
	Bins [][]float64 `json:"bins"`
}

// SpatialDynamics is the spatial Markov chain: the transitions split by
// the class of the city's spatial lag (row-standardised weights) in the
// year each starts.
type SpatialDynamics struct {
	LagClasses ClassSet   `json:"lag_classes"`
	ByLag      []LagChain `json:"by_lag"`
}

// LagChain is the chain of the transitions starting next to neighbours of
// one lag class.
type LagChain struct {
	LagClass      string            `json:"lag_class"`
	Transitions   [][]int           `json:"transitions"`
	Probabilities [][]float64       `json:"probabilities"` // null rows unobserved
	SteadyState   []float64         `json:"steady_state"`
	Undefined     map[string]string `json:"undefined"`
}

// LISADynamics is the chain of the cities' LISA quadrants (HH, LH, LL, HL).
type LISADynamics struct {
	States        []string    `json:"states"`
	Transitions   [][]int     `json:"transitions"`
	Probabilities [][]float64 `json:"probabilities"`
	// Expected are the moves expected if a city's own moves and its
	// neighbours' were independent.
	Expected [][]float64 `json:"expected"`
}

// DynamicsTests are the tests of the chains.
type DynamicsTests struct {
	// Homogeneity tests that the transition probabilities are the same
	// next to neighbours of every lag class (Bickenbach and Bode 2003);
	// null without weights.
	Homogeneity *HomogeneityTest `json:"homogeneity"`
	// LagVersusGlobal compares each lag class's transitions with the
	// pooled probabilities, in lag-class order.
	LagVersusGlobal []ChiSquareTest `json:"lag_versus_global"`
	// LISA tests that cities and their neighbours move independently.
	LISA *ChiSquareTest `json:"lisa"`
}

// HomogeneityTest holds the likelihood-ratio and chi-square (Q) statistics,
// both chi-square(DOF) under homogeneity; p-values null when DOF < 1.
type HomogeneityTest struct {
	LR        float64  `json:"lr"`
	LRP       *float64 `json:"lr_p"`
	Q         float64  `json:"q"`
	QP        *float64 `json:"q_p"`
	DOF       int      `json:"dof"`
	Undefined string   `json:"undefined,omitempty"`
}

// ChiSquareTest is a chi-square statistic, its degrees of freedom and its
// p-value (null when DOF < 1).
type ChiSquareTest struct {
	Statistic float64  `json:"statistic"`
	DOF       int      `json:"dof"`
	P         *float64 `json:"p"`
	Undefined string   `json:"undefined,omitempty"`
}

// DagumByGroup is Dagum's (1997) decomposition of the Gini by group, every
// year of the panel: G = within + net between + transvariation.
type DagumByGroup struct {
	Group  string      `json:"group"`  // province or community
	Groups []string    `json:"groups"` // names in index order
	Years  []DagumYear `json:"years"`
}

// DagumYear is one year's decomposition.
type DagumYear struct {
	Year           int     `json:"year"`
	Gini           float64 `json:"gini"`
	Within         float64 `json:"within"`
	NetBetween     float64 `json:"net_between"`
	Transvariation float64 `json:"transvariation"`
	// Shares are the three parts over G; null when G = 0.
	Shares *dynamics.DagumShares `json:"shares"`
	// GroupGini[j] is the Gini of group j; Between[j][h] the Gini between
	// groups j and h (the diagonal GroupGini).
	GroupGini []float64   `json:"group_gini"`
	Between   [][]float64 `json:"between"`
}

// Density holds the Gaussian kernel densities of the relative scores
// (score over the year's mean), one per year of the panel on one grid.
type Density struct {
	BandwidthRule string        `json:"bandwidth_rule"`
	Grid          []float64     `json:"grid"`
	Years         []YearDensity `json:"years"`
}

// YearDensity is one year's density on the grid.
type YearDensity struct {
	Year      int       `json:"year"`
	Bandwidth float64   `json:"bandwidth"`
	Density   []float64 `json:"density"`
}

// dynamicsStage fills Result.Dynamics for a panel of two or more years.
func (s *study) dynamicsStage(res *Result) error {
	years := s.ds.Years
	s.p.LagClasses.Scheme = new(s.p.LagClasses.resolve(s.p.Classes))
	if len(years) < 2 {
		return nil
	}
	if len(years) <= s.p.Step {
		return panelError(len(years), s.p.Step)
	}
	panel := make([][]float64, len(years))
	for t := range years {
		panel[t] = s.ds.Scores(t)
		if slices.Max(panel[t]) == 0 {
			s.warnf("every score of %d is 0; the dynamics are left out", years[t])
			return nil
		}
	}
	opts, err := s.dynamicsOptions(panel)
	if err != nil {
		return err
	}
	d, err := s.markov(panel, opts)
	if err != nil {
		return err
	}
	s.cities = res.Cities
	for _, part := range []func([][]float64, dynamics.Options, *Dynamics) error{s.spatialMarkov, s.lisaMarkov, s.dagum, s.density} {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		if err := part(panel, opts, d); err != nil {
			return err
		}
	}
	res.Dynamics = d
	return nil
}

func panelError(years, step int) error {
	return param.Errorf("step", step, "the panel's %d years read every %d give no transition; choose a step below %d", years, step, years)
}

// dynamicsOptions are the library's options: the schemes, the step, and
// the study's tiers of each year's scores and spatial lags (each over the
// year's mean score), labelled 0 for tier 1.
func (s *study) dynamicsOptions(panel [][]float64) (dynamics.Options, error) {
	o := dynamics.Options{Classes: s.p.Classes.Scheme, LagClasses: s.p.LagClasses.Scheme,
		Step: s.p.Step, TierCount: s.p.Tiers.Tiers()}
	rw := s.w.Standardize()
	for _, y := range panel {
		mean := meanOf(y)
		o.Tiers = append(o.Tiers, s.tiersOf(y, mean))
		o.LagTiers = append(o.LagTiers, s.tiersOf(rw.Lag(y), mean))
	}
	return o, nil
}

func (s *study) tiersOf(x []float64, mean float64) []int {
	t := make([]int, len(x))
	for i, v := range x {
		t[i] = s.p.Tiers.Tier(v/mean) - 1
	}
	return t
}

func meanOf(x []float64) float64 {
	var sum float64
	for _, v := range x {
		sum += v
	}
	return sum / float64(len(x))
}

// markov is the classic chain.
func (s *study) markov(panel [][]float64, o dynamics.Options) (*Dynamics, error) {
	m, err := dynamics.Markov(panel, o)
	if err != nil {
		return nil, err
	}
	d := &Dynamics{Step: s.p.Step, Classes: s.classSet(m.Classes), Transitions: m.Counts,
		Probabilities: observedRows(m.Chain), SteadyState: m.SteadyState, FirstPassage: m.FirstPassage,
		Sojourn: m.Sojourn, Undefined: undefinedOf(m.Undefined), Tests: DynamicsTests{LagVersusGlobal: []ChiSquareTest{}}}
	for _, t := range m.Years {
		d.Years = append(d.Years, s.ds.Years[t])
	}
	d.explainUndefined()
	return d, nil
}

// explainUndefined names the classes of an infinite sojourn, which the
// library gives by index.
func (d *Dynamics) explainUndefined() {
	if _, ok := d.Undefined["sojourn"]; !ok {
		return
	}
	var stayed, unseen, why []string
	for i, t := range d.Sojourn {
		switch {
		case t != nil:
		case d.Probabilities[i] == nil:
			unseen = append(unseen, d.Classes.Names[i])
		default:
			stayed = append(stayed, d.Classes.Names[i])
		}
	}
	if len(stayed) > 0 {
		why = append(why, "no city in "+strings.Join(stayed, ", ")+" ever left it")
	}
	if len(unseen) > 0 {
		why = append(why, "no city started a step in "+strings.Join(unseen, ", "))
	}
	d.Undefined["sojourn"] = strings.Join(why, "; ")
}

func undefinedOf(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// observedRows returns the chain's probabilities with unobserved rows nil.
func observedRows(c dynamics.Chain) [][]float64 {
	p := make([][]float64, len(c.Probabilities))
	for i, row := range c.Probabilities {
		if !slices.Contains(c.EmptyRows, i) {
			p[i] = row
		}
	}
	return p
}

func (s *study) classSet(c dynamics.Classification) ClassSet {
	set := ClassSet{Scheme: c.Scheme.String(), Bins: c.Bins}
	if set.Bins == nil {
		set.Bins = [][]float64{}
	}
	for k := range c.K {
		if c.Scheme.Kind == dynamics.Tiers {
			set.Names = append(set.Names, "tier "+strconv.Itoa(k+1))
		} else {
			set.Names = append(set.Names, "Q"+strconv.Itoa(k+1))
		}
	}
	set.Ascending = c.Scheme.Kind != dynamics.Tiers
	return set
}

func (s *study) spatialMarkov(panel [][]float64, o dynamics.Options, d *Dynamics) error {
	sm, err := dynamics.SpatialMarkov(panel, s.w, o)
	if err != nil {
		return err
	}
	d.Spatial = &SpatialDynamics{LagClasses: s.classSet(sm.LagClasses)}
	for l, c := range sm.ByLag {
		d.Spatial.ByLag = append(d.Spatial.ByLag, LagChain{LagClass: d.Spatial.LagClasses.Names[l], Transitions: c.Counts,
			Probabilities: observedRows(c), SteadyState: c.SteadyState, Undefined: undefinedOf(c.Undefined)})
		d.Tests.LagVersusGlobal = append(d.Tests.LagVersusGlobal, chiSquare(sm.LagVersusGlobal[l]))
	}
	h := sm.Homogeneity
	d.Tests.Homogeneity = &HomogeneityTest{LR: h.LR, LRP: h.LRP, Q: h.Q, QP: h.QP, DOF: h.DOF, Undefined: h.Undefined}
	return nil
}

func chiSquare(c dynamics.ChiSquare) ChiSquareTest {
	return ChiSquareTest{Statistic: c.Statistic, DOF: c.DOF, P: c.P, Undefined: c.Undefined}
}

func (s *study) lisaMarkov(panel [][]float64, o dynamics.Options, d *Dynamics) error {
	lm, err := dynamics.LISAMarkov(panel, s.w, o.Step)
	if err != nil {
		return err
	}
	d.LISA = &LISADynamics{States: dynamics.QuadrantNames, Transitions: lm.Chain.Counts,
		Probabilities: observedRows(lm.Chain), Expected: lm.Expected}
	t := chiSquare(lm.Independence)
	d.Tests.LISA = &t
	return nil
}

// dagum decomposes every year's Gini by the chosen grouping; a grouping
// the decomposition cannot take (a group whose scores are all 0) leaves it
// out with a warning.
func (s *study) dagum(panel [][]float64, _ dynamics.Options, d *Dynamics) error {
	names, groups, ok := s.groups()
	if !ok {
		return nil
	}
	out := &DagumByGroup{Group: string(s.p.Group), Groups: names}
	for t, y := range panel {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		g, err := dynamics.Dagum(y, groups)
		if err != nil {
			s.warnf("dynamics: Dagum's decomposition by %s is left out: %d: %v", s.p.Group, s.ds.Years[t], err)
			return nil
		}
		out.Years = append(out.Years, DagumYear{Year: s.ds.Years[t], Gini: g.Gini, Within: g.Within, NetBetween: g.NetBetween,
			Transvariation: g.Transvariation, Shares: g.Shares, GroupGini: g.GroupGini, Between: g.Between})
	}
	d.Dagum = out
	return nil
}

// groups labels the cities 0..g-1 by the chosen grouping, groups named in
// order of first appearance (communities by number).
func (s *study) groups() (names []string, labels []int, ok bool) {
	n := len(s.ds.Cities)
	key := make([]string, n)
	switch s.p.Group {
	case "none":
		return nil, nil, false
	case "community":
		for i, c := range s.cities {
			if c.Structure == nil {
				s.warnf("dynamics: Dagum's decomposition by community needs the network's communities; it is left out")
				return nil, nil, false
			}
			key[i] = "community " + strconv.Itoa(c.Structure.Community)
		}
	default:
		for i, c := range s.ds.Cities {
			key[i] = c.Province
		}
	}
	index := map[string]int{}
	labels = make([]int, n)
	for i, k := range key {
		g, seen := index[k]
		if !seen {
			g = len(names)
			index[k] = g
			names = append(names, k)
		}
		labels[i] = g
	}
	return names, labels, true
}

func (s *study) density(panel [][]float64, _ dynamics.Options, d *Dynamics) error {
	dr, err := dynamics.Densities(panel, 0)
	if err != nil {
		s.warnf("dynamics: the densities are left out: %v", err)
		return nil
	}
	d.Density = &Density{BandwidthRule: dr.Rule, Grid: dr.Grid}
	for _, y := range dr.Years {
		d.Density.Years = append(d.Density.Years, YearDensity{Year: s.ds.Years[y.Year], Bandwidth: y.Bandwidth, Density: y.Density})
	}
	return nil
}
