// Package output writes the Result of a study in the formats its users open:
// a text report for the terminal and JSON, the stable results contract.
// Every writer takes an io.Writer and a *analysis.Result and writes the same
// bytes for the same result.
//
// The text report aligns columns by display width, so that Chinese city
// names line up, and escapes control and bidirectional-override characters
// so that no name can break or reorder a line.
package output
