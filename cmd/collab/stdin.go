package main

import (
	"bufio"
	"io"
	"os"
)

// pipedStdin is standard input when it holds a dataset: `collab analyze <
// yrd.json` and `collab sample | collab analyze` read it, as cat would,
// while a terminal, /dev/null or an empty file leave the embedded sample.
// The reader returned replays what was peeked.
func (env *environment) pipedStdin() (io.Reader, bool) {
	if env.stdin == nil {
		return nil, false
	}
	if f, ok := env.stdin.(*os.File); ok {
		info, err := f.Stat()
		if err != nil || info.Mode()&os.ModeCharDevice != 0 {
			return nil, false // a terminal or a device such as /dev/null
		}
		if info.Mode().IsRegular() && info.Size() == 0 {
			return nil, false
		}
	}
	r := bufio.NewReader(env.stdin)
	if _, err := r.Peek(1); err != nil {
		return nil, false // empty: nothing was piped
	}
	return r, true
}
