// Package output writes the Result of a study in the formats its users open:
// a text report for the terminal and JSON, the stable results contract.
// Every writer takes an io.Writer and a *analysis.Result and writes the same
// bytes for the same result. It imports analysis (the results it writes),
// geom and param, never the command line: its options are typed values
// (MapOptions.TopLinks parses "auto", "all" or a number), and the hints of
// the report name parameters through Options.Names.
//
// The text report aligns columns by display width, so that Chinese city
// names line up, and escapes control and bidirectional-override characters
// so that no name can break or reorder a line. The other formats give every
// name back intact to their own readers: CSV quoting, JSON escapes, DOT
// strings (backslashes doubled, so that \N is not the node's name,
// ampersands as entities) and XML in SVG, where newlines, tabs and
// bidirectional controls are numeric references; only the C0 controls that
// XML 1.0 cannot hold become spaces.
//
// WriteFiles writes a run's files together: each to a temporary file, all
// renamed into place only when every one is complete, so that a failure or
// a cancelled context leaves the files of an earlier run as they were.
package output
