package crossprod

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// chain is the definition: each entry's fused multiply-adds down the rows,
// in order, from zero.
func chain(a, b []float64, k, p, q, i, j int) float64 {
	s := 0.0
	for t := range k {
		s = math.FMA(a[t*p+i], b[t*q+j], s)
	}
	return s
}

func random(rng *rand.Rand, n int) []float64 {
	m := make([]float64, n)
	for i := range m {
		m[i] = rng.NormFloat64() * math.Exp(4*rng.NormFloat64()) // wide exponents: a wrong order shows
	}
	return m
}

// withKernel runs f with each kernel this machine has, the portable one
// included.
func withKernel(t *testing.T, f func(t *testing.T)) {
	saved := active
	defer func() { active = saved }()
	for _, k := range append(kernels(), portable) {
		active = k
		t.Run(k.name, f)
	}
}

var shapes = [][3]int{{0, 3, 5}, {1, 1, 1}, {1, 17, 16}, {3, 5, 33}, {17, 16, 16}, {255, 31, 9}, {256, 40, 47}, {257, 33, 48}, {700, 65, 18}}

// TestMulIsTheChain checks every entry of A'B bit for bit against the
// definition, on every kernel, over shapes that cross the panels' and the
// chunks' edges.
func TestMulIsTheChain(t *testing.T) {
	withKernel(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		for _, s := range shapes {
			k, p, q := s[0], s[1], s[2]
			a, b := random(rng, k*p), random(rng, k*q)
			c := make([]float64, p*q)
			if err := new(Workspace).Mul(context.Background(), c, a, b, k, p, q); err != nil {
				t.Fatal(err)
			}
			for i := range p {
				for j := range q {
					if want := chain(a, b, k, p, q, i, j); c[i*q+j] != want {
						t.Fatalf("k=%d p=%d q=%d: c[%d][%d] = %v, the chain gives %v", k, p, q, i, j, c[i*q+j], want)
					}
				}
			}
		}
	})
}

// TestUpperIsTheChain checks the upper triangle of A'A bit for bit, and
// that the entries below the diagonal are left as they were.
func TestUpperIsTheChain(t *testing.T) {
	withKernel(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(3, 4))
		for _, s := range shapes {
			k, n := s[0], s[2]
			a := random(rng, k*n)
			c := make([]float64, n*n)
			for i := range c {
				c[i] = -7
			}
			if err := new(Workspace).Upper(context.Background(), c, a, k, n); err != nil {
				t.Fatal(err)
			}
			for i := range n {
				for j := range n {
					want := -7.0
					if j >= i {
						want = chain(a, a, k, n, n, i, j)
					}
					if c[i*n+j] != want {
						t.Fatalf("k=%d n=%d: c[%d][%d] = %v, want %v", k, n, i, j, c[i*n+j], want)
					}
				}
			}
		}
	})
}

// TestUpperStandardised checks the shifted and scaled columns' triangle
// bit for bit against the chain over z = (a - shift) * scale formed first,
// written over a itself (c = a).
func TestUpperStandardised(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	k, n := 300, 300
	a := random(rng, k*n)
	shift, scale := random(rng, n), random(rng, n)
	z := make([]float64, k*n)
	for t := range k {
		for j := range n {
			z[t*n+j] = (a[t*n+j] - shift[j]) * scale[j]
		}
	}
	var w Workspace
	if err := w.UpperStandardised(context.Background(), a, a, k, n, shift, scale); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		for j := i; j < n; j++ {
			if want := chain(z, z, k, n, n, i, j); a[i*n+j] != want {
				t.Fatalf("c[%d][%d] = %v, the chain gives %v", i, j, a[i*n+j], want)
			}
		}
	}
}

// TestRowsIsTheChain builds A a row at a time and checks A'B after each
// batch of rows bit for bit against the definition, with At and
// AddScaledRow against A itself.
func TestRowsIsTheChain(t *testing.T) {
	withKernel(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(13, 14))
		n, q, capacity := 37, 16, 300
		a := random(rng, capacity*n)
		rows := NewRows(n, capacity, nil)
		var w Workspace
		for rows.Len() < capacity {
			for range 1 + rng.IntN(40) {
				if rows.Len() < capacity {
					rows.Append(a[rows.Len()*n : rows.Len()*n+n])
				}
			}
			k := rows.Len()
			b := random(rng, k*q)
			c := make([]float64, n*q)
			if err := w.MulRows(context.Background(), c, rows, b, q); err != nil {
				t.Fatal(err)
			}
			for i := range n {
				for j := range q {
					if want := chain(a, b, k, n, q, i, j); c[i*q+j] != want {
						t.Fatalf("k=%d: c[%d][%d] = %v, the chain gives %v", k, i, j, c[i*q+j], want)
					}
				}
			}
			tr := rng.IntN(k)
			if j := rng.IntN(n); rows.At(tr, j) != a[tr*n+j] {
				t.Fatalf("At(%d, %d) = %v, want %v", tr, j, rows.At(tr, j), a[tr*n+j])
			}
			dst := make([]float64, n)
			rows.AddScaledRow(dst, 2, tr)
			for j := range n {
				if dst[j] != 2*a[tr*n+j] {
					t.Fatalf("AddScaledRow: %v, want %v", dst[j], 2*a[tr*n+j])
				}
			}
		}
	})
}

// TestMulAgainstGonum compares A'B with gonum's Dgemm, another summation
// order: within the bound k u sum|a b| of both.
func TestMulAgainstGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	k, p, q := 300, 70, 50
	a, b := random(rng, k*p), random(rng, k*q)
	c, want := make([]float64, p*q), make([]float64, p*q)
	if err := new(Workspace).Mul(context.Background(), c, a, b, k, p, q); err != nil {
		t.Fatal(err)
	}
	blas64.Gemm(blas.Trans, blas.NoTrans, 1, blas64.General{Rows: k, Cols: p, Stride: p, Data: a},
		blas64.General{Rows: k, Cols: q, Stride: q, Data: b}, 0, blas64.General{Rows: p, Cols: q, Stride: q, Data: want})
	for i := range p {
		for j := range q {
			bound := 0.0
			for t := range k {
				bound += math.Abs(a[t*p+i] * b[t*q+j])
			}
			bound *= 2 * float64(k) * 0x1p-53
			if d := math.Abs(c[i*q+j] - want[i*q+j]); d > bound {
				t.Fatalf("c[%d][%d] = %v, gonum %v: differ by %g, over %g", i, j, c[i*q+j], want[i*q+j], d, bound)
			}
		}
	}
}

// TestSameOnAnyCoreCount runs the triangle on one core and on all.
func TestSameOnAnyCoreCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	k, n := 400, 150
	a := random(rng, k*n)
	run := func(procs int) []float64 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		c := make([]float64, n*n)
		if err := new(Workspace).Upper(context.Background(), c, a, k, n); err != nil {
			t.Fatal(err)
		}
		return c
	}
	one, all := run(1), run(max(4, runtime.NumCPU()))
	for i := range one {
		if one[i] != all[i] {
			t.Fatalf("entry %d: %v on one core, %v on all", i, one[i], all[i])
		}
	}
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	var w Workspace
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"short a", w.Mul(ctx, make([]float64, 4), make([]float64, 3), make([]float64, 4), 2, 2, 2), "crossprod: a must hold 2 x 2 = 4 values, got 3"},
		{"short c", w.Upper(ctx, make([]float64, 3), make([]float64, 4), 2, 2), "crossprod: c must hold 2 x 2 = 4 values, got 3"},
		{"negative", w.Mul(ctx, nil, nil, nil, 1, -1, 2), "crossprod: a must have non-negative dimensions, got 1 x -1"},
		{"scale alone", w.UpperStandardised(ctx, make([]float64, 4), make([]float64, 4), 2, 2, nil, []float64{1, 1}), "crossprod: shift and scale must both hold n = 2 values or both be nil, got 0 and 2"},
	} {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("%s: error %v, want %q", c.name, c.err, c.want)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := w.Upper(cancelled, make([]float64, 100*100), make([]float64, 100*100), 100, 100); err != context.Canceled {
		t.Errorf("cancelled: error %v, want context.Canceled", err)
	}
}

// BenchmarkUpper times the upper triangle of A'A for a 2,000 x 2,000 A
// (CONCOR's dense iteration at 2,000 cities) on one core, with each kernel
// and with gonum's Dsyrk beside them.
func BenchmarkUpper(b *testing.B) {
	const n = 2000
	a := random(rand.New(rand.NewPCG(9, 10)), n*n)
	c := make([]float64, n*n)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	saved := active
	defer func() { active = saved }()
	for _, k := range append(kernels(), portable) {
		b.Run(k.name, func(b *testing.B) {
			active = k
			var w Workspace
			for b.Loop() {
				if err := w.Upper(context.Background(), c, a, n, n); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(n*n*n/2/b.Elapsed().Seconds()*float64(b.N)/1e9, "Gfma/s")
		})
	}
	b.Run("gonum-dsyrk", func(b *testing.B) {
		for b.Loop() {
			blas64.Syrk(blas.Trans, 1, blas64.General{Rows: n, Cols: n, Stride: n, Data: a}, 0,
				blas64.Symmetric{N: n, Stride: n, Uplo: blas.Upper, Data: c})
		}
		b.ReportMetric(n*n*n/2/b.Elapsed().Seconds()*float64(b.N)/1e9, "Gfma/s")
	})
}

func ExampleWorkspace_Upper() {
	// A is 3 x 2: A'A = [[1+9+25, 2+12+30], [., 4+16+36]].
	a := []float64{1, 2, 3, 4, 5, 6}
	c := make([]float64, 4)
	var w Workspace
	if err := w.Upper(context.Background(), c, a, 3, 2); err != nil {
		fmt.Println(err)
	}
	fmt.Println(c[0], c[1], c[3])
	// Output: 35 44 56
}
