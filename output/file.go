package output

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
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
	return WriteFiles(context.Background(), []File{{path, write}}, inputs...)
}

// File is one file of WriteFiles: its path and the function that writes
// it.
type File struct {
	Path  string
	Write func(io.Writer) error
}

// WriteFiles writes files as WriteFile does, and as one: each is written to
// a temporary file and synced, and only when all are complete are they
// renamed over their paths, so that a failure, or ctx being done (an
// interrupted run), leaves every path as it was and no temporary file
// behind. ctx is checked between files and as each 64 KiB is written; the
// renames at the end are not interrupted. The inputs are checked before
// anything is written.
func WriteFiles(ctx context.Context, files []File, inputs ...string) error {
	return Batch{Files: files, Inputs: inputs}.Write(ctx)
}

// Batch is a set of files written as one by Write.
type Batch struct {
	Files []File
	// Inputs are the files the batch must never replace.
	Inputs []string
	// Waiting, when set, is told of each directory that another process
	// is writing a batch into, before Write waits for it.
	Waiting func(dir string)
}

// Write writes the batch as WriteFiles does. While it writes it holds an
// exclusive lock (flock) on each directory it writes into, so that batches
// written into one directory at the same time (two runs with the same
// --out) follow one another and the directory ends with one batch's files,
// never a mixture; and, holding the lock, it removes the temporary files
// of its own names that a killed run left there (.NAME.tmp-*). On a file
// system without locks the batch is written unlocked.
func (b Batch) Write(ctx context.Context) error {
	paths := make([]string, len(b.Files))
	for i, f := range b.Files {
		paths[i] = f.Path
	}
	if err := CheckOutputs(paths, b.Inputs...); err != nil {
		return err
	}
	unlock, err := lockDirs(ctx, paths, b.Waiting)
	if err != nil {
		return err
	}
	defer unlock()
	removeStale(paths)
	var written []*pending
	defer func() {
		for _, p := range written {
			p.discard()
		}
	}()
	for _, f := range b.Files {
		if err := context.Cause(ctx); err != nil {
			return err
		}
		p, err := prepare(ctx, f)
		if err != nil {
			return err
		}
		written = append(written, p)
	}
	if err := context.Cause(ctx); err != nil {
		return err
	}
	for _, p := range written {
		if err := p.commit(); err != nil {
			return err
		}
	}
	for _, p := range written {
		syncDir(p.dir)
	}
	return nil
}

// lockDirs takes the lock of each directory of paths, in order of their
// resolved names so that two batches never wait on each other; it waits
// while another process holds one, telling waiting once per directory,
// and gives up when ctx is done.
func lockDirs(ctx context.Context, paths []string, waiting func(string)) (unlock func(), err error) {
	var dirs []string
	for _, p := range paths {
		dirs = append(dirs, orDot(filepath.Dir(p)))
	}
	slices.SortFunc(dirs, func(a, b string) int { return strings.Compare(resolved(a), resolved(b)) })
	dirs = slices.CompactFunc(dirs, func(a, b string) bool { return resolved(a) == resolved(b) })
	var held []func()
	unlock = func() {
		for _, u := range held {
			u()
		}
	}
	for _, dir := range dirs {
		u, err := lockDir(ctx, dir, waiting)
		if err != nil {
			unlock()
			return nil, err
		}
		held = append(held, u)
	}
	return unlock, nil
}

// lockPoll is how often a waiting batch tries its lock again.
const lockPoll = 20 * time.Millisecond

// removeStale removes the temporary files that prepare names for paths
// (.NAME.tmp-*) and that a run killed before its renames left behind. The
// caller holds the directories' locks, so none belongs to a running batch.
func removeStale(paths []string) {
	for _, path := range paths {
		dir, base := filepath.Split(path)
		stale, _ := filepath.Glob(filepath.Join(orDot(dir), "."+globEscape(base)+".tmp-*"))
		for _, f := range stale {
			os.Remove(f)
		}
	}
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// pending is a file written to its temporary name, not yet renamed.
type pending struct {
	path, dir, tmp string
	committed      bool
}

// prepare writes f to a temporary file beside its path, synced and
// closed, with the mode the file will have.
func prepare(ctx context.Context, f File) (*pending, error) {
	path := f.Path
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			return nil, fmt.Errorf("%s: is not a regular file; choose a file path", path)
		}
		mode = info.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	dir = orDot(dir)
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: cannot write: the directory %s does not exist", path, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write: %w", path, unwrapPath(err))
	}
	p := &pending{path: path, dir: dir, tmp: tmp.Name()}
	buf := bufio.NewWriterSize(ctxWriter{ctx, tmp}, 1<<16)
	if err := f.Write(buf); err != nil {
		tmp.Close()
		p.discard()
		return nil, writeError(path, err)
	}
	for _, step := range []func() error{buf.Flush, func() error { return tmp.Chmod(mode) }, tmp.Sync, tmp.Close} {
		if err := step(); err != nil {
			tmp.Close()
			p.discard()
			return nil, fmt.Errorf("%s: cannot write: %w", path, unwrapPath(err))
		}
	}
	return p, nil
}

// writeError names path in an error from writing it: a file system's error
// (a full disk) without the temporary file's name, which would only
// confuse, and any other error (a writer's own) as it is.
func writeError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: cannot write: %w", path, pe.Err)
	}
	return fmt.Errorf("%s: %w", path, err)
}

// commit renames the temporary file over the path.
func (p *pending) commit() error {
	if err := os.Rename(p.tmp, p.path); err != nil {
		return fmt.Errorf("%s: cannot write: %w", p.path, unwrapPath(err))
	}
	p.committed = true
	return nil
}

// discard removes the temporary file unless it has been renamed.
func (p *pending) discard() {
	if !p.committed {
		os.Remove(p.tmp)
	}
}

// ctxWriter fails once ctx is done, with its cause.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(b []byte) (int, error) {
	if err := context.Cause(c.ctx); err != nil {
		return 0, err
	}
	return c.w.Write(b)
}

// CheckOutput reports whether path may be written: it must not be one of
// the inputs. Callers that write several files check them all first
// (CheckOutputs), so that a refused path leaves nothing written.
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

// CheckOutputs reports whether paths may be written together: none is one
// of the inputs (compared with os.SameFile, so that a hard link, a
// symbolic link or a path through a linked directory is caught as well as
// the same name), and no two name the same file, by name once links are
// resolved, or by identity for files that exist.
func CheckOutputs(paths []string, inputs ...string) error {
	seen := map[string]string{}
	var existing []os.FileInfo
	var existingPath []string
	for _, path := range paths {
		if err := CheckOutput(path, inputs...); err != nil {
			return err
		}
		key := resolved(path)
		if first, ok := seen[key]; ok {
			return duplicate(first, path)
		}
		seen[key] = path
		if info, err := os.Stat(path); err == nil {
			for k, other := range existing {
				if os.SameFile(info, other) {
					return duplicate(existingPath[k], path)
				}
			}
			existing, existingPath = append(existing, info), append(existingPath, path)
		}
	}
	return nil
}

func duplicate(first, second string) error {
	if filepath.Clean(first) == filepath.Clean(second) {
		return fmt.Errorf("%s is asked for twice; give each output its own path", second)
	}
	return fmt.Errorf("%s and %s are the same file (through a link); give each output its own path", first, second)
}

// resolved is path with every symbolic link resolved, as far as the path
// exists: a file not yet written is named through its directory's real
// path.
func resolved(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	dir, base := filepath.Split(path)
	if real, err := filepath.EvalSymlinks(orDot(dir)); err == nil {
		return filepath.Join(real, base)
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

func orDot(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
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

// viaScratchFile is for a writer that needs a file of its own (SQLite
// for the GeoPackage): build fills a file named name in a new temporary
// directory, which is then copied to w, so that the output still goes
// through WriteFiles; the directory is removed whatever happens.
func viaScratchFile(w io.Writer, name string, build func(path string) error) error {
	dir, err := os.MkdirTemp("", "collab-scratch-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, name)
	if err := build(path); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}
