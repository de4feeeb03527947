package analysis

import (
	"errors"

	"collab/data"
	"collab/param"
	"collab/spatial"
)

// MaxLinks bounds the links of the linkage network and of the spatial
// weights. Each link is held several times over (edge lists, compressed
// rows both ways, results), at 100 bytes or more in all, so this is about 2
// GB. Links that grow with the square of the cities pass it long before the
// cities alone would strain memory: gravity on every pair (--full-below
// above the region's size), --keep or knn:K near the number of cities, a
// distance band wider than the region. Those are refused with a parameter
// error naming the flag, rather than exhausting the machine's memory.
const MaxLinks = data.MaxLinks

// checkGravitySize refuses a gravity network of more than MaxLinks links:
// every pair below FullBelow cities, else each city's Keep strongest.
func (s *study) checkGravitySize() error {
	n := len(s.ds.Cities)
	arcs := 1
	if s.p.Directed {
		arcs = 2
	}
	if n < s.p.FullBelow {
		if pairs := n * (n - 1) / 2 * arcs; pairs > MaxLinks {
			return param.Errorf("full-below", s.p.FullBelow, "gravity on every pair of %d cities makes %d links, over the %d collab builds; lower %s so that each city keeps its %s strongest links", n, pairs, MaxLinks, param.Name("full-below"), param.Name("keep"))
		}
		return nil
	}
	if links := n * min(s.p.Keep, n-1) * arcs; links > MaxLinks {
		return param.Errorf("keep", s.p.Keep, "%d cities keeping %d links each make up to %d links, over the %d collab builds; keep fewer", n, s.p.Keep, links, MaxLinks)
	}
	return nil
}

// checkKNNSize refuses knn:K weights of more than MaxLinks links (twice
// n K when made symmetric, at most).
func checkKNNSize(spec Weights, n int, symmetric bool) error {
	links := n * spec.K
	if symmetric {
		links *= 2
	}
	if links > MaxLinks {
		return param.Errorf("weights", spec, "%d cities with %d neighbours each make up to %d links, over the %d collab builds; choose a smaller K", n, spec.K, links, MaxLinks)
	}
	return nil
}

// bandError turns spatial's refusal of a distance band with too many links
// into a parameter error.
func bandError(spec Weights, err error) error {
	if errors.Is(err, spatial.ErrTooManyLinks) {
		return param.Errorf("weights", spec, "the band links more than %d pairs of cities; choose a shorter band (in km), or knn:K", spatial.MaxBandLinks)
	}
	return err
}
