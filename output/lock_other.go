//go:build !unix

package output

import "context"

// lockDir does not lock where flock is not available: batches written into
// one directory at the same time may mix there.
func lockDir(context.Context, string, func(string)) (func(), error) { return func() {}, nil }
