package analysis

import (
	"collab/dynamics"
	"collab/param"
)

// DynamicsParameters shape the distribution dynamics of a panel: how the
// cities are put into classes, every how many years of the panel a
// transition is read, and the grouping of Dagum's decomposition.
type DynamicsParameters struct {
	// Classes is the class scheme of the Markov chains: tiers (the
	// study's tiers, each year's scores over that year's mean), quantile:K
	// (each year's own quantiles) or pooled:K (quantiles of the relative
	// scores pooled over every city-year).
	Classes Classes `json:"classes"`
	// LagClasses is the scheme of the spatial lag in the spatial Markov
	// chain; unset means as Classes. Results record it resolved.
	LagClasses LagClasses `json:"lag_classes"`
	// Step reads every Step-th year of the panel (its rows, whatever the
	// calendar gap between them): 1 is consecutive years of the panel.
	Step int `json:"step"`
	// Group is the grouping of Dagum's Gini decomposition: province,
	// community (the network's Louvain communities) or none.
	Group Group `json:"group"`
}

// DefaultDynamicsParameters are the defaults of `collab analyze`.
func DefaultDynamicsParameters() DynamicsParameters {
	return DynamicsParameters{Step: 1, Group: "province"}
}

func (p *DynamicsParameters) check() error {
	switch {
	case p.Step < 1:
		return param.Errorf("step", p.Step, "read every STEP-th year of the panel: a whole number >= 1")
	case !p.Group.valid():
		return param.Quotedf("group", string(p.Group), "choose province, community or none")
	}
	if err := p.Classes.check("classes"); err != nil {
		return err
	}
	if p.LagClasses.Scheme != nil {
		return (&Classes{*p.LagClasses.Scheme}).check("lag-classes")
	}
	return nil
}

// Classes is a class scheme of the Markov chains, spelt tiers, quantile:K
// or pooled:K (K >= 2). The zero value is tiers.
type Classes struct{ dynamics.Scheme }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Classes) UnmarshalText(text []byte) error { return c.parse("classes", string(text)) }

func (c *Classes) parse(name param.Name, text string) error {
	s, err := dynamics.ParseScheme(text)
	if err != nil {
		return param.Quotedf(name, text, "choose tiers (the study's tiers), quantile:K (each year's K quantiles) or pooled:K (K quantiles of the scores over their year's mean, pooled), K >= 2")
	}
	c.Scheme = s
	return nil
}

// check validates a Classes built in Go rather than parsed.
func (c Classes) check(name param.Name) error {
	if _, err := c.MarshalText(); err != nil {
		return param.Quotedf(name, c.String(), "K must be >= 2 for quantile:K and pooled:K")
	}
	return nil
}

// LagClasses is the class scheme of the spatial lag: a Classes, or nil
// for "as the classes" (spelt "" or "classes").
type LagClasses struct{ Scheme *dynamics.Scheme }

// UnmarshalText implements encoding.TextUnmarshaler.
func (l *LagClasses) UnmarshalText(text []byte) error {
	if s := string(text); s == "" || s == "classes" {
		l.Scheme = nil
		return nil
	}
	var c Classes
	if err := c.parse("lag-classes", string(text)); err != nil {
		return err
	}
	l.Scheme = &c.Scheme
	return nil
}

// MarshalText implements encoding.TextMarshaler: the scheme, or "classes"
// when it follows Classes.
func (l LagClasses) MarshalText() ([]byte, error) {
	if l.Scheme == nil {
		return []byte("classes"), nil
	}
	return l.Scheme.MarshalText()
}

// resolve returns the lag scheme, Classes' when unset.
func (l LagClasses) resolve(classes Classes) dynamics.Scheme {
	if l.Scheme == nil {
		return classes.Scheme
	}
	return *l.Scheme
}

// Group is the grouping of Dagum's decomposition: province, community or
// none.
type Group string

// UnmarshalText implements encoding.TextUnmarshaler.
func (g *Group) UnmarshalText(text []byte) error {
	if v := Group(text); v.valid() {
		*g = v
		return nil
	}
	return param.Quotedf("group", string(text), "choose province, community (the network's Louvain communities) or none")
}

func (g Group) valid() bool { return g == "province" || g == "community" || g == "none" }
