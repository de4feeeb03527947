package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrInputFile is returned by WriteFile when the path names one of the
// files the study was read from.
var ErrInputFile = errors.New("is an input file; collab never overwrites its input: choose another output path")

// WriteFile writes the file at path atomically: write fills a temporary
// file in the same directory, which is synced and then renamed over path,
// so that readers see the old file or the whole new one and a failure
// leaves no partial file behind. It refuses to replace any of the inputs
// (compared with os.SameFile, so a link or another spelling of an input's
// path is caught too). A file it replaces keeps its permissions; a new file
// gets 0644.
func WriteFile(path string, write func(io.Writer) error, inputs ...string) error {
	if err := CheckOutput(path, inputs...); err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s: is not a regular file; choose a file path", path)
		}
		mode = info.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: cannot write: the directory %s does not exist", path, dir)
	}
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, unwrapPath(err))
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	buf := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(buf); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, step := range []func() error{buf.Flush, func() error { return tmp.Chmod(mode) }, tmp.Sync, tmp.Close} {
		if err := step(); err != nil {
			return fmt.Errorf("%s: cannot write: %w", path, unwrapPath(err))
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, unwrapPath(err))
	}
	ok = true
	syncDir(dir)
	return nil
}

// CheckOutput reports whether path may be written: it must not be one of
// the inputs. Callers that write several files check them all first, so
// that a refused path leaves nothing written.
func CheckOutput(path string, inputs ...string) error {
	out, err := os.Stat(path)
	if err != nil {
		return nil // nothing there yet: it cannot be an input
	}
	for _, in := range inputs {
		if info, err := os.Stat(in); err == nil && os.SameFile(info, out) {
			return fmt.Errorf("%s: %w", path, ErrInputFile)
		}
	}
	return nil
}

// unwrapPath drops the temporary file's name from an error, which would
// only confuse: the user asked for path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// syncDir makes the rename durable where the platform allows it; a
// directory that cannot be synced (some file systems refuse) is no error,
// as the file itself is already complete.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
