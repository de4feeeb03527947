package crossprod

import "golang.org/x/sys/cpu"

// kernels returns the SIMD kernels this CPU and its operating system run,
// fastest first.
func kernels() []kernel {
	var ks []kernel
	if cpu.X86.HasAVX512F {
		ks = append(ks, kernel{"avx512", 8, 16, func(a, b, c []float64, k, ldc int) {
			// The bounds the assembly relies on, checked once a call.
			_, _, _ = a[(k-1)*panel+7], b[(k-1)*panel+15], c[7*ldc+15]
			tile8x16(&a[0], &b[0], &c[0], k, ldc)
		}})
	}
	if cpu.X86.HasAVX2 && cpu.X86.HasFMA {
		ks = append(ks, kernel{"avx2", 4, 8, func(a, b, c []float64, k, ldc int) {
			_, _, _ = a[(k-1)*panel+3], b[(k-1)*panel+7], c[3*ldc+7]
			tile4x8(&a[0], &b[0], &c[0], k, ldc)
		}})
	}
	return ks
}

// tile8x16 is the AVX-512 kernel: sixteen 8-lane accumulators, two rows of
// B and eight broadcasts of A's a step.
//
//go:noescape
func tile8x16(a, b, c *float64, k, ldc int)

// tile4x8 is the AVX2 kernel: eight 4-lane accumulators, two rows of B and
// four broadcasts of A's a step.
//
//go:noescape
func tile4x8(a, b, c *float64, k, ldc int)
