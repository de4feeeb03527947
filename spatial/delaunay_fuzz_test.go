package spatial

import (
	"encoding/binary"
	"math"
	"testing"
)

// FuzzDelaunay triangulates up to 64 points decoded from the input and
// checks the defining properties of the result (checkDelaunay). The first
// byte chooses how points are made: on a grid of 256 x 256 cells, where
// collinear and cocircular points (the hard cases of Bowyer-Watson) are
// common, or anywhere within the half circumference of the Earth in km,
// the extent of the azimuthal equidistant projection Delaunay works on, to
// full float64 precision. No input may reach the panic in mesh.locate.
//
//	go test ./spatial -run XXX -fuzz '^FuzzDelaunay$' -fuzztime 1m
func FuzzDelaunay(f *testing.F) {
	f.Add([]byte{0, 0, 0, 1, 0, 0, 1, 1, 1, 2, 2, 3, 3, 0, 3, 3, 0})
	f.Add([]byte{0, 10, 10, 10, 20, 20, 10, 20, 20, 15, 15, 15, 15, 0, 0})
	f.Add(append([]byte{1}, make([]byte, 64)...))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) == 0 {
			return
		}
		x, y := fuzzPoints(in[0]&1 == 1, in[1:])
		delaunayNeighbors(x, y)
		distinct, _ := dedupe(x, y)
		if len(distinct) > 2 && triangulate(x, y, distinct) != nil {
			checkDelaunay(t, x, y, distinct)
		}
	})
}

func fuzzPoints(anywhere bool, in []byte) (x, y []float64) {
	const half = math.Pi * EarthRadius
	size := 2
	if anywhere {
		size = 16
	}
	for len(in) >= size && len(x) < 64 {
		if anywhere {
			u, v := binary.LittleEndian.Uint64(in), binary.LittleEndian.Uint64(in[8:])
			x = append(x, (float64(u>>11)/(1<<52)-1)*half)
			y = append(y, (float64(v>>11)/(1<<52)-1)*half)
		} else {
			x, y = append(x, float64(in[0])), append(y, float64(in[1]))
		}
		in = in[size:]
	}
	return x, y
}
