package output

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
