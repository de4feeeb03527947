package output

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteFileReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "map.svg")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "new" || info.Mode().Perm() != 0o640 {
		t.Errorf("file %q mode %v; want new, 0640 kept", got, info.Mode().Perm())
	}
	// A writer that fails half way leaves the old file and no temporary.
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("disk on fire")
	})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("error %v", err)
	}
	got, _ = os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if string(got) != "new" || len(entries) != 1 {
		t.Errorf("after a failed write: %q and %d files", got, len(entries))
	}
}

func TestWriteFileNewMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.csv")
	if err := WriteFile(path, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
}

// TestWriteFileKeepsInput checks that the input is refused under its own
// name, another spelling and a symbolic link.
func TestWriteFileKeepsInput(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "yrd.json")
	os.WriteFile(input, []byte(`{"cities": []}`), 0o644)
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(input, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, path := range []string{input, filepath.Join(dir, ".", "yrd.json"), link} {
		err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }, input)
		if !errors.Is(err, ErrInputFile) {
			t.Errorf("%s: %v, want ErrInputFile", path, err)
		}
	}
	if got, _ := os.ReadFile(input); string(got) != `{"cities": []}` {
		t.Errorf("input now %q", got)
	}
}

func TestWriteFileUnwritable(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "such", "map.svg")
	err := WriteFile(missing, func(w io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "the directory") || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing directory: %v", err)
	}
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	if err := WriteFile(sub, func(w io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a directory as the path: %v", err)
	}
	if os.Geteuid() != 0 { // root writes anywhere
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		if err := WriteFile(filepath.Join(ro, "x"), func(w io.Writer) error { return nil }); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("read-only directory: %v", err)
		}
	}
}

// TestWriteFilesAllOrNothing: when the second of two files fails, or the
// run is cancelled while it is written, the first keeps its old content
// too, and no temporary file is left.
func TestWriteFilesAllOrNothing(t *testing.T) {
	interrupted := errors.New("interrupted")
	for _, c := range []struct {
		name  string
		write func(cancel context.CancelCauseFunc) func(io.Writer) error
		want  error
	}{
		{"failure", func(context.CancelCauseFunc) func(io.Writer) error {
			return func(w io.Writer) error { return errors.New("disk on fire") }
		}, nil},
		{"cancelled", func(cancel context.CancelCauseFunc) func(io.Writer) error {
			return func(w io.Writer) error {
				io.WriteString(w, "half")
				cancel(interrupted)
				_, err := w.Write(make([]byte, 1<<17)) // past the buffer: the file is written
				return err
			}
		}, interrupted},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.svg")
			os.WriteFile(a, []byte("old a"), 0o644)
			os.WriteFile(b, []byte("old b"), 0o644)
			ctx, cancel := context.WithCancelCause(context.Background())
			defer cancel(nil)
			err := WriteFiles(ctx, []File{
				{a, func(w io.Writer) error { _, err := io.WriteString(w, "new a"); return err }},
				{b, c.write(cancel)},
			})
			if err == nil || (c.want != nil && !errors.Is(err, c.want)) {
				t.Errorf("error %v, want %v", err, c.want)
			}
			gotA, _ := os.ReadFile(a)
			gotB, _ := os.ReadFile(b)
			entries, _ := os.ReadDir(dir)
			if string(gotA) != "old a" || string(gotB) != "old b" || len(entries) != 2 {
				t.Errorf("after the failure: %q, %q and %d files", gotA, gotB, len(entries))
			}
		})
	}
	// Cancelled before it starts: nothing is written.
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(interrupted)
	path := filepath.Join(t.TempDir(), "c.csv")
	if err := WriteFiles(ctx, []File{{path, func(w io.Writer) error { return nil }}}); !errors.Is(err, interrupted) {
		t.Errorf("cancelled: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a cancelled write created the file")
	}
}

// TestStaleTemporariesRemoved: the temporary files a killed run left for
// the names a batch writes (.NAME.tmp-*) are removed when the next batch
// writes there; other hidden files stay.
func TestStaleTemporariesRemoved(t *testing.T) {
	dir := t.TempDir()
	stale := []string{".map.svg.tmp-123", ".results.json.tmp-9"}
	kept := []string{".other.tmp-1", ".map.svg.bak", "notes.txt"}
	for _, name := range append(stale, kept...) {
		os.WriteFile(filepath.Join(dir, name), []byte("left"), 0o644)
	}
	write := func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }
	if err := WriteFiles(context.Background(), []File{{filepath.Join(dir, "map.svg"), write}, {filepath.Join(dir, "results.json"), write}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range stale {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s is still there", name)
		}
	}
	for _, name := range kept {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s was removed", name)
		}
	}
}

// TestBatchWaitsForTheLock: a batch into a directory another process has
// locked waits, says so once, and writes when the lock is released; a
// cancelled wait writes nothing.
func TestBatchWaitsForTheLock(t *testing.T) {
	dir := t.TempDir()
	release, err := lockDir(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "a.csv")
	write := func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := (Batch{Files: []File{{path, write}}}).Write(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a wait past its deadline: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a cancelled wait wrote the file")
	}
	var told []string
	done := make(chan error)
	go func() {
		done <- Batch{Files: []File{{path, write}}, Waiting: func(d string) { told = append(told, d) }}.Write(context.Background())
	}()
	time.Sleep(100 * time.Millisecond)
	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" || len(told) != 1 || told[0] != dir {
		t.Errorf("after the wait: %q, told %v", got, told)
	}
}

// TestFullDisk writes onto a 64 KiB tmpfs (mounted when the test may):
// the error names the output, not its temporary file, and nothing is left
// behind.
func TestFullDisk(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs to fill (needs root): %v %s", err, out)
	}
	defer exec.Command("umount", dir).Run()
	path := filepath.Join(dir, "results.json")
	err := WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(make([]byte, 1<<20))
		return err
	})
	if want := path + ": cannot write: no space left on device"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left %d files on the full disk", len(entries))
	}
}
