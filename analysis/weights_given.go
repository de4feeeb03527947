package analysis

import (
	"collab/param"
	"collab/spatial"
)

// givenWeights are SpatialParameters.Given, checked against the dataset:
// one row per city; weightsOf records them as the weights "file".
func (s *study) givenWeights() (*spatial.Weights, error) {
	w, n := s.p.Given, len(s.ds.Cities)
	switch {
	case w == nil:
		return nil, param.Errorf("weights", "file", "no weights were given; give the path of a GAL or GWT file")
	case w.Len() != n:
		return nil, param.Errorf("weights", "file", "the weights have %d rows for %d cities", w.Len(), n)
	}
	return w, nil
}
