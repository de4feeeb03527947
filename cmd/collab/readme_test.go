package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A shell example of the README: a code block's commands, and, for a
// block that shows a "$ " prompt, the output printed after it.
type readmeExample struct {
	line     int      // of the command in README.md
	command  string   // one line, as typed
	heredoc  string   // the document of a cat > FILE <<'TAG' command
	expected []string // the lines shown after a "$ " command ("..." ends a shortened output)
}

// readmeExamples finds the commands of the README's code blocks: indented
// blocks and fenced ones, the latter only when they show a "$ " prompt
// (other fenced blocks are file formats and outputs).
func readmeExamples(readme string) []readmeExample {
	lines := strings.Split(readme, "\n")
	var out []readmeExample
	for i := 0; i < len(lines); i++ {
		var block []string
		start := i
		switch {
		case strings.HasPrefix(lines[i], "```"):
			for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
				block = append(block, lines[i])
			}
			if len(block) == 0 || !strings.HasPrefix(block[0], "$ ") {
				continue
			}
		case strings.HasPrefix(lines[i], "    ") && i > 0 && strings.TrimSpace(lines[i-1]) == "":
			for ; i < len(lines) && (strings.HasPrefix(lines[i], "    ") || strings.TrimSpace(lines[i]) == ""); i++ {
				block = append(block, strings.TrimPrefix(lines[i], "    "))
			}
		default:
			continue
		}
		out = append(out, blockExamples(block, start+2)...)
	}
	return out
}

// blockExamples reads one code block: commands, here-documents, and the
// output shown after a "$ " prompt.
func blockExamples(block []string, firstLine int) []readmeExample {
	var out []readmeExample
	prompt := strings.HasPrefix(block[0], "$ ")
	for k := 0; k < len(block); k++ {
		l := block[k]
		if prompt && !strings.HasPrefix(l, "$ ") {
			if len(out) > 0 {
				out[len(out)-1].expected = append(out[len(out)-1].expected, l)
			}
			continue
		}
		cmd := strings.TrimPrefix(l, "$ ")
		if strings.TrimSpace(cmd) == "" {
			continue
		}
		ex := readmeExample{line: firstLine + k, command: cmd}
		if at := strings.Index(cmd, "<<'"); at >= 0 {
			tag := strings.TrimSuffix(cmd[at+3:], "'")
			var doc []string
			for k++; k < len(block) && block[k] != tag; k++ {
				doc = append(doc, block[k])
			}
			ex.heredoc = strings.Join(doc, "\n") + "\n"
		}
		out = append(out, ex)
	}
	return out
}

// words splits a command line as the shell would for these examples:
// white space, single and double quotes, a comment after " #".
func words(line string) []string {
	var out []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == '#' && !inWord:
			return out
		case r == ' ' || r == '\t':
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out
}

// TestREADMEExamples runs the README's shell examples in order in one
// directory, as a reader following it would: every collab command (each
// part of a pipeline or an && list that is collab; neato, ogrinfo and
// rsvg-convert are left to the tests of the maps) must exit 0, files it
// is sent to with > are written, < reads a file, a here-document writes
// its file, and the output shown after a "$ " prompt is what collab
// prints (up to a line starting with "...").
func TestREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	examples := readmeExamples(string(readme))
	dir := t.TempDir()
	// The README is read in a clone of the repository, where docs/ and
	// the files the examples name exist.
	os.Mkdir(filepath.Join(dir, "docs"), 0o755)
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("COLUMNS", "")
	ran := 0
	for _, ex := range examples {
		if ex.heredoc != "" {
			w := words(ex.command[:strings.Index(ex.command, "<<")])
			if len(w) == 3 && w[0] == "cat" && w[1] == ">" {
				os.WriteFile(w[2], []byte(ex.heredoc), 0o644)
			}
			continue
		}
		for _, and := range strings.Split(ex.command, "&&") {
			for k, part := range strings.Split(and, "|") {
				w := words(part)
				if len(w) == 0 || w[0] != "collab" {
					continue
				}
				ran++
				copyFromClone(repo, w)
				out, errOut, code := runShellWords(t, w)
				if code != 0 {
					t.Errorf("README.md:%d: %s: exit %d\n%s", ex.line, strings.TrimSpace(part), code, errOut)
				}
				if k == 0 && len(ex.expected) > 0 {
					compareShown(t, ex, errOut+out)
				}
			}
		}
	}
	t.Logf("%d collab commands run", ran)
	if ran < 10 {
		t.Errorf("only %d collab commands found in README.md", ran)
	}
}

// copyFromClone copies into the working directory the files of the
// repository that a command names (examples/gba_scores.csv,
// cmd/collab/testdata/columbus.csv) and that earlier examples did not
// write, as a reader in a clone has them.
func copyFromClone(repo string, w []string) {
	for _, a := range w {
		if !filepath.IsLocal(a) {
			continue
		}
		if _, err := os.Stat(a); err == nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join(repo, a))
		if err != nil {
			continue // not a file of the repository
		}
		os.MkdirAll(filepath.Dir(a), 0o755)
		os.WriteFile(a, b, 0o644)
	}
}

// runShellWords runs one collab command of the README in-process, with its
// redirections (> FILE, < FILE).
func runShellWords(t *testing.T, w []string) (stdout, stderr string, code int) {
	t.Helper()
	var args []string
	var stdin io.Reader = strings.NewReader("")
	outFile := ""
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case ">":
			i++
			outFile = w[i]
		case "<":
			i++
			f, err := os.Open(w[i])
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			stdin = f
		default:
			args = append(args, w[i])
		}
	}
	var out, errOut bytes.Buffer
	code = run(args, stdin, &out, &errOut)
	if outFile != "" {
		if err := os.WriteFile(outFile, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out.String(), errOut.String(), code
}

// compareShown checks the output the README shows after a "$ " command.
func compareShown(t *testing.T, ex readmeExample, got string) {
	t.Helper()
	gotLines := strings.Split(got, "\n")
	for k, want := range ex.expected {
		if strings.HasPrefix(want, "...") {
			return
		}
		if k >= len(gotLines) || gotLines[k] != want {
			t.Errorf("README.md:%d: %s: line %d of the output shown is\n%q\nbut collab prints\n%q", ex.line, ex.command, k+1, want, line(gotLines, k))
			return
		}
	}
}
