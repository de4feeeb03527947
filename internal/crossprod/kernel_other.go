//go:build !amd64

package crossprod

// kernels returns no SIMD kernel off amd64: the portable one runs.
func kernels() []kernel { return nil }
