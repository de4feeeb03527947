package crossprod

import "math"

// tileGo is the portable kernel: a 4 x 4 tile, sixteen chains held in
// variables, each advanced by math.FMA in row order as the SIMD kernels
// advance their lanes.
func tileGo(a, b, c []float64, k, ldc int) {
	a, b, c = a[:(k-1)*panel+4], b[:(k-1)*panel+4], c[:3*ldc+4]
	c00, c01, c02, c03 := c[0], c[1], c[2], c[3]
	c10, c11, c12, c13 := c[ldc], c[ldc+1], c[ldc+2], c[ldc+3]
	c20, c21, c22, c23 := c[2*ldc], c[2*ldc+1], c[2*ldc+2], c[2*ldc+3]
	c30, c31, c32, c33 := c[3*ldc], c[3*ldc+1], c[3*ldc+2], c[3*ldc+3]
	for t := 0; t < k; t++ {
		ar, br := a[t*panel:t*panel+4], b[t*panel:t*panel+4]
		b0, b1, b2, b3 := br[0], br[1], br[2], br[3]
		a0 := ar[0]
		c00, c01, c02, c03 = math.FMA(a0, b0, c00), math.FMA(a0, b1, c01), math.FMA(a0, b2, c02), math.FMA(a0, b3, c03)
		a1 := ar[1]
		c10, c11, c12, c13 = math.FMA(a1, b0, c10), math.FMA(a1, b1, c11), math.FMA(a1, b2, c12), math.FMA(a1, b3, c13)
		a2 := ar[2]
		c20, c21, c22, c23 = math.FMA(a2, b0, c20), math.FMA(a2, b1, c21), math.FMA(a2, b2, c22), math.FMA(a2, b3, c23)
		a3 := ar[3]
		c30, c31, c32, c33 = math.FMA(a3, b0, c30), math.FMA(a3, b1, c31), math.FMA(a3, b2, c32), math.FMA(a3, b3, c33)
	}
	c[0], c[1], c[2], c[3] = c00, c01, c02, c03
	c[ldc], c[ldc+1], c[ldc+2], c[ldc+3] = c10, c11, c12, c13
	c[2*ldc], c[2*ldc+1], c[2*ldc+2], c[2*ldc+3] = c20, c21, c22, c23
	c[3*ldc], c[3*ldc+1], c[3*ldc+2], c[3*ldc+3] = c30, c31, c32, c33
}
