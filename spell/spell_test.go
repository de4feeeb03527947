package spell

import "testing"

// TestDistance: each value worked by hand (the edits listed).
func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},               // three insertions
		{"gdp", "gdp", 0},            //
		{"kitten", "sitting", 3},     // k->s, e->i, insert g
		{"gpd", "gdp", 1},            // one swap
		{"yaer", "year", 1},          // one swap
		{"analzye", "analyze", 1},    // one swap (zy)
		{"analzey", "analyze", 2},    // two swaps (zy, then ey)
		{"ca", "abc", 3},             // restricted: no edit of a swapped pair (true Damerau-Levenshtein gives 2)
		{"广洲", "广州", 1},              // one character substituted, not three bytes
		{"Guangzou", "Guangzhou", 1}, // insert h
		{"rd", "gdp", 2},             // r->g, insert p
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.want)
		}
	}
}

// TestNearest: the suggestions of the command line's messages.
func TestNearest(t *testing.T) {
	known := []string{"year", "weights", "seed", "distance", "same_province"}
	for _, c := range []struct{ name, want string }{
		{"yaer", "year"},          // one swap
		{"YEAR", "year"},          // case
		{"distanse", "distance"},  // one substitution
		{"weigths", "weights"},    // one swap
		{"x", ""},                 // one letter: every short name is within reach, so none
		{"zzzzzz", ""},            // nothing near
		{"same", "same_province"}, // a beginning of three letters or more
		{"sa", ""},                // too short a beginning
	} {
		if got := Nearest(c.name, known); got != c.want {
			t.Errorf("Nearest(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
