package analysis

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"collab/data"
	"collab/param"
)

// SweepParam is a parameter a sensitivity sweep can vary.
type SweepParam struct {
	Name  string
	Usage string
	set   func(p *Parameters, v float64) error
}

// SweepParams are the parameters `collab sweep` varies.
var SweepParams = []SweepParam{
	{"sector-km", "the distance within which strong cities outside belts form a sector (km)",
		func(p *Parameters, v float64) error { p.SectorKm = v; return nil }},
	{"decay-km", "the scale of the exponential spillover decay, exp:KM (moves the latecomers)",
		func(p *Parameters, v float64) error { p.Decay.Kind, p.Decay.Scale = "exp", v; return nil }},
	{"knn", "the spatial weights knn:K, K nearest cities (which strong cities are neighbours: the belts)",
		func(p *Parameters, v float64) error {
			if v != math.Trunc(v) {
				return param.Errorf("param", "knn", "%g is not a whole number of neighbours; use a whole %s and %s", v, param.Name("from"), param.Name("step"))
			}
			p.Weights = Weights{Kind: "knn", K: int(v)}
			return p.SpatialParameters.check()
		}},
	{"band-km", "the spatial weights band:KM, every city within KM km (the belts)",
		func(p *Parameters, v float64) error {
			p.Weights = Weights{Kind: "band", Km: v}
			return nil
		}},
}

// SweepRow is the pattern found at one value of the swept parameter.
type SweepRow struct {
	Value        float64       `json:"value"`
	Belts        []Belt        `json:"belts"`
	Pairs        []Pair        `json:"pairs"`
	Sectors      []Sector      `json:"sectors"`
	IsolatedHubs []IsolatedHub `json:"isolated_hubs"`
	Latecomers   []Latecomer   `json:"latecomers"`
}

// Sweep is a sensitivity analysis: the belts, sectors, isolated hubs and
// latecomers found as one parameter runs over a range.
type Sweep struct {
	Param string     `json:"param"`
	Rows  []SweepRow `json:"rows"`
	// Names maps the ids in the rows to city names.
	Names map[string]string `json:"-"`
}

// maxSweepSteps bounds a sweep, which reruns the pattern at every step.
const maxSweepSteps = 1000

// RunSweep reruns the spillover and the pattern of strong cities for each
// value from, from+step, ..., up to to, with the other parameters as p.
// The network and the trend are not computed: they do not change. It gives
// up when ctx is done, returning context.Cause(ctx).
func RunSweep(ctx context.Context, ds *data.Dataset, p Parameters, name string, from, to, step float64) (*Sweep, error) {
	k := slices.IndexFunc(SweepParams, func(sp SweepParam) bool { return sp.Name == name })
	if k < 0 {
		names := make([]string, len(SweepParams))
		for i, sp := range SweepParams {
			names[i] = sp.Name
		}
		return nil, param.Quotedf("param", name, "choose %s", strings.Join(names, ", "))
	}
	steps := (to-from)/step + 1e-9
	if !(step > 0) || !(to >= from) || math.IsInf(steps, 0) || steps > maxSweepSteps {
		return nil, param.Errorf("from", from, "with %s %g and %s %g: need from <= to, step > 0 and at most %d steps", param.Name("to"), to, param.Name("step"), step, maxSweepSteps)
	}
	sw := &Sweep{Param: name, Rows: []SweepRow{}, Names: map[string]string{}}
	for _, c := range ds.Cities {
		sw.Names[c.ID] = c.Name
	}
	for i := 0; i <= int(steps); i++ {
		v := from + float64(i)*step
		q := p
		if err := SweepParams[k].set(&q, v); err != nil {
			return nil, err
		}
		s, res, err := newStudy(ctx, ds, q)
		if err != nil {
			return nil, err
		}
		if _, err := s.run(res, []stage{{"summary", "", s.summarise}, {"weights", "", s.weights}, {"spillover", "", s.spillover}, {"pattern", "", s.pattern}}); err != nil {
			return nil, err
		}
		sw.Rows = append(sw.Rows, SweepRow{Value: v, Belts: res.Belts, Pairs: res.Pairs, Sectors: res.Sectors, IsolatedHubs: res.IsolatedHubs, Latecomers: res.Latecomers})
	}
	return sw, nil
}

// String names the swept parameter and its range, for reports.
func (sw *Sweep) String() string {
	if len(sw.Rows) == 0 {
		return sw.Param
	}
	return fmt.Sprintf("%s from %g to %g", sw.Param, sw.Rows[0].Value, sw.Rows[len(sw.Rows)-1].Value)
}
