// Command collab analyses how the cities of a region collaborate on
// innovation. See README.md or run collab --help.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
