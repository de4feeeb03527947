// Package crossprod computes the cross-products of dense matrices that
// collab's iterations spend their time in: C = A'B for A (k x p) and B
// (k x q), and the upper triangle of A'A, all row-major float64.
//
// # Definition
//
// Each entry is one chain of fused multiply-adds down the rows, in order,
// from zero:
//
//	c_ij = fma(a_{k-1,i}, b_{k-1,j}, ... fma(a_1i, b_1j, fma(a_0i, b_0j, 0)))
//
// so that every entry is defined bit for bit, whatever computes it: the
// AVX-512 kernel (tiles of 8 x 16 entries), the AVX2 kernel (4 x 8), the
// portable Go kernel (math.FMA, 4 x 4), on any number of cores. The rounding
// of a chain is bounded as any sum's, |c - c_exact| <= k u sum_t
// |a_ti b_tj| with u = 2^-53 (Higham, Accuracy and Stability of Numerical
// Algorithms, 2nd ed., 2002, sec. 3.1); the fused operation saves one
// rounding per term.
//
// # Method
//
// The columns of A and B are packed into panels of 16 columns (zero
// padded), each panel's rows contiguous, so that a kernel reads both
// operands at unit stride. C is computed in blocks of 512 x 256 entries
// (32 panels of rows by 16 of columns), a block a task on all cores, the
// rows of the products in chunks of 256: each 16-row panel of A's chunk is
// read once for the block's sixteen panels of B, whose chunk (512 KB)
// stays in the second-level cache, and each tile's accumulators are loaded
// from and stored to the block between chunks, which continues the chain
// unchanged. The blocks do not share entries, so the cores change nothing.
// (Blocks 128 and 64 columns wide ran 8% and 30% slower at 2,000 x 2,000
// on two cores; chunks of 128 to 512 rows within 10%.) A Rows holds a
// matrix built a row at a time directly in that layout, each panel with
// room for its capacity, so that its products (MulRows) need no packing.
//
// Complexity: k p q multiply-adds for A'B and about k n^2/2 for the upper
// triangle of A'A, with memory for the packed panels, (p + q) k or n k.
// On this project's machine (AMD EPYC, AVX-512) the upper triangle of a
// 2,000 x 2,000 A'A runs at 64 10^9 multiply-adds a second on one core
// with the AVX-512 kernel once its memory is faulted in (the core's peak),
// 34 with AVX2, 3.3 with the portable kernel, against gonum's 2.9 (Dgemm)
// and 1.7 (Dsyrk): see BenchmarkUpper and docs/PERFORMANCE.md.
//
// The package imports nothing of collab's but internal/parallel, and
// golang.org/x/sys/cpu to choose the kernel.
package crossprod
