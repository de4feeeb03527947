package analysis

import "slices"

// neighbourhood gives every city its spatial neighbours, from the dataset's
// contiguity made symmetric, and the spatial lag of the score: the mean of
// the neighbours' scores (0 for a city without neighbours, as esda does).
func (s *study) neighbourhood(*Result) error {
	index := s.ds.Index()
	n := len(s.ds.Cities)
	s.neighbours = make([][]int, n)
	for i, c := range s.ds.Cities {
		for _, id := range c.Neighbors {
			j := index[id]
			s.neighbours[i] = append(s.neighbours[i], j)
			s.neighbours[j] = append(s.neighbours[j], i)
		}
	}
	s.lag = make([]float64, n)
	for i := range s.neighbours {
		slices.Sort(s.neighbours[i])
		s.neighbours[i] = slices.Compact(s.neighbours[i])
		for _, j := range s.neighbours[i] {
			s.lag[i] += s.scores[j] / float64(len(s.neighbours[i]))
		}
	}
	return nil
}
