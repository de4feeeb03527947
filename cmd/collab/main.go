// Command collab analyses how the cities of a region collaborate on
// innovation. See README.md or run collab --help.
package main

import "os"

func main() {
	ctx, stop := notifySignals()
	code := runContext(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
