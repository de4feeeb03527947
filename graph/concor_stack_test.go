package graph

import (
	"context"
	"math"
	"testing"
)

// TestStackCorrelationsAsBefore checks the first correlations, now
// computed from A's nonzeros, bit for bit against the dense computation
// they replaced, kept below as stackCorrelationsBefore (the tree at
// f50ecbc), on sparse, directed and binary networks; on a complete one,
// whose cross-products are a dense product of fused multiply-adds, to
// 1e-14 (the cross-products' rounding, 100 terms of about 1 at 2^-53 each,
// amplified at most a few times by the centring), and on a block of the
// nodes, whose correlations are the whole's restricted to it.
func TestStackCorrelationsAsBefore(t *testing.T) {
	for _, c := range []gravityCase{
		{name: "sparse isolates", n: 300, strong: 5, isolates: 2, seed: 21},
		{name: "directed", n: 300, strong: 4, directed: true, seed: 22},
		{name: "directed binary", n: 200, strong: 4, directed: true, binary: true, seed: 22},
		{name: "complete", n: 100, seed: 23},
		{name: "complete binary", n: 80, binary: true, seed: 24},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := gravityNetwork(t, c)
			linked, _ := g.linkedNodes()
			want := g.stackCorrelationsBefore(linked, c.binary)
			st := g.newStack(linked, c.binary)
			m := len(linked)
			got := make([]float64, m*m)
			if err := st.correlations(context.Background(), got, seq(m)); err != nil {
				t.Fatal(err)
			}
			tol := 0.0
			if st.dense {
				tol = 1e-14
			}
			for k := range want {
				if d := math.Abs(want[k] - got[k]); d > tol || (tol == 0 && math.Float64bits(want[k]) != math.Float64bits(got[k])) {
					t.Fatalf("entry %d: %v, before %v", k, got[k], want[k])
				}
			}
			block := []int{1, 4, 5, 9, m - 3, m - 1}
			part := make([]float64, len(block)*len(block))
			if err := st.correlations(context.Background(), part, block); err != nil {
				t.Fatal(err)
			}
			for r, p := range block {
				for c, q := range block {
					if d := math.Abs(part[r*len(block)+c] - got[p*m+q]); d > 1e-14 {
						t.Fatalf("block (%d, %d): %v, the whole's %v", r, c, part[r*len(block)+c], got[p*m+q])
					}
				}
			}
		})
	}
}

// stackCorrelationsBefore is stackCorrelations as it was, over the dense
// adjacency.
func (g *Network) stackCorrelationsBefore(linked []int, binary bool) []float64 {
	m := len(linked)
	local := make([]int32, g.n)
	for k, v := range linked {
		local[v] = int32(k)
	}
	a := make([]float64, m*m) // A among the linked nodes
	for _, e := range g.edges {
		w := e.Weight
		if binary {
			w = 1
		}
		i, j := int(local[e.From]), int(local[e.To])
		a[i*m+j] = w
		if !g.directed {
			a[j*m+i] = w
		}
	}
	rowsOf := func(transpose bool) [][]int32 { // nonzero columns of each row of A (or A')
		out := make([][]int32, m)
		for i := range m {
			for j := range m {
				if (transpose && a[j*m+i] != 0) || (!transpose && a[i*m+j] != 0) {
					out[i] = append(out[i], int32(j))
				}
			}
		}
		return out
	}
	cross := make([]float64, m*m)
	// (AA')_ij = sum_r A_ir A_jr: for each column r, the pairs of its
	// nonzero rows; (A'A)_ij = sum_r A_ri A_rj: for each row r, its pairs.
	for _, pass := range []struct {
		nz        [][]int32
		transpose bool
	}{{rowsOf(false), false}, {rowsOf(true), true}} {
		for r, cols := range pass.nz {
			for _, i := range cols {
				wi := atBefore(a, m, r, int(i), pass.transpose)
				row := cross[int(i)*m : int(i)*m+m]
				for _, j := range cols {
					row[j] += wi * atBefore(a, m, r, int(j), pass.transpose)
				}
			}
		}
	}
	sum, sq := make([]float64, m), make([]float64, m)
	for i := range m {
		for j := range m {
			sum[j] += a[i*m+j] + a[j*m+i]
			sq[j] += a[i*m+j]*a[i*m+j] + a[j*m+i]*a[j*m+i]
		}
	}
	c := make([]float64, m*m)
	rows := float64(2*m - 4)
	for i := range m {
		c[i*m+i] = 1
		for j := range i {
			if rows < 2 { // no two complete rows: no correlation
				continue
			}
			aij, aji := a[i*m+j], a[j*m+i]
			si, sj := sum[i]-aij-aji, sum[j]-aij-aji
			qi, qj := sq[i]-aij*aij-aji*aji, sq[j]-aij*aij-aji*aji
			r := correlation(cross[i*m+j]-si*sj/rows, qi-si*si/rows, qj-sj*sj/rows)
			c[i*m+j], c[j*m+i] = r, r
		}
	}
	return c
}
func atBefore(a []float64, m, r, i int, transpose bool) float64 {
	if transpose {
		return a[i*m+r]
	}
	return a[r*m+i]
}
