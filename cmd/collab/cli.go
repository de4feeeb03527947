package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/urfave/cli/v3"
	"golang.org/x/term"

	"collab/analysis"
	"collab/data"
	"collab/output"
	"collab/param"
)

// version is the release; `make build` may override it with -ldflags.
var version = "0.1.0-dev"

// Exit codes, as the README documents them.
const (
	exitOK      = 0
	exitFailure = 1 // a failure while running: unreadable file, write error
	exitUsage   = 2 // a command line that cannot be carried out
	exitInvalid = 3 // invalid data
)

// usageError marks a command-line mistake (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// run is the whole command line: it parses args (args[0] is the program
// name), reads from stdin and writes to stdout and stderr, and returns the
// exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdin, stdout, stderr)
}

// runContext is run that stops when ctx is done; main passes it the
// process's streams and a context that a signal cancels. A run stopped by
// a signal has written no file and exits 128 + the signal's number.
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &environment{stdin: stdin, stdout: stdout, stderr: stderr}
	root := env.root()
	err := helpTopicKnown(root, args)
	if err == nil {
		err = root.Run(ctx, args)
	}
	if err == nil {
		return exitOK
	}
	var sig interrupted
	if errors.As(context.Cause(ctx), &sig) {
		say(stderr, "%v; no output file was written or changed", sig)
		return sig.exitCode()
	}
	say(stderr, "%s", render(err))
	return exitCode(err)
}

// helpTopicKnown refuses `collab help NAME` for a NAME that is no command
// as an unknown command is refused, with the nearest one, rather than with
// the parser's own "No help topic" (exit 1).
func helpTopicKnown(root *cli.Command, args []string) error {
	if len(args) < 3 || args[1] != "help" || strings.HasPrefix(args[2], "-") || root.Command(args[2]) != nil {
		return nil
	}
	return unknownCommand(root, args[2])
}

// flagName spells a parameter as the command line's flag.
func flagName(n param.Name) string { return "--" + string(n) }

// render spells err for the command line: the parameters it names as
// flags, wherever in a chain of wrapped errors they are.
func render(err error) string {
	text := err.Error()
	var pe *param.Error
	if errors.As(err, &pe) {
		text = strings.Replace(text, pe.Error(), pe.Render(flagName), 1)
	}
	var problems data.Problems
	if errors.As(err, &problems) {
		text = strings.Replace(text, problems.Error(), problems.Render(flagName), 1)
	}
	return text
}

// say prints a message on stderr, each line prefixed "collab: " and made
// terminal-safe: names in messages come from the user's files, and a control
// or bidirectional character in one must not act on the terminal.
func say(stderr io.Writer, format string, args ...any) {
	onScreen.clear(stderr)
	for line := range strings.SplitSeq(fmt.Sprintf(format, args...), "\n") {
		fmt.Fprintln(stderr, "collab: "+output.Printable(line))
	}
}

func exitCode(err error) int {
	var problems data.Problems
	var param *analysis.ParameterError
	var usage usageError
	var option *data.OptionError
	var invalid invalidData
	switch {
	case errors.As(err, &problems), errors.Is(err, analysis.ErrNoMean), errors.As(err, &invalid):
		return exitInvalid
	case errors.As(err, &param), errors.As(err, &usage), errors.As(err, &option):
		return exitUsage
	}
	return exitFailure
}

// environment is what the commands read from and write to.
type environment struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func (env *environment) root() *cli.Command {
	return &cli.Command{
		Name:    "collab",
		Usage:   "analyse how the cities of a region collaborate on innovation",
		Version: version,
		Description: `collab turns a region's cities into a network weighted by proximity and
linkage, and reports tiers, inequality, centrality, spillover and the pattern
of strong cities (belts, sectors, isolated hubs) in one command, as a report,
JSON, CSV, a Graphviz or SVG map and GeoJSON.

Examples:
   collab analyze                      # the embedded Yangtze River Delta sample
   collab analyze yrd.json --year 2001
   collab analyze yrd.json --format json > results.json
   collab analyze yrd.json --out results/   # report, JSON, CSV, DOT, GIS layers, SVG
   collab export --format dot yrd.json | neato -n2 -Tpng > yrd.png
   collab sweep --param sector-km --from 100 --to 400 --step 25
   collab growth --from 100 --to 247.11 --years 10
   collab validate mycities.json
   collab index cities.csv --indicators rd,patents,-energy --out scored.json
   collab model scored.json --y 'log(score)' --x 'log(rd)',talent --model sdm
   collab qap cities.json --y links:copatent --x distance,same_province,score_gap
   collab analyze scores.csv --region gba   # names and scores; places from the gazetteer
   collab regions                      # the named regions and their cities
   collab sample > yrd.json            # a dataset to copy and edit`,
		Writer:         env.stdout,
		ErrWriter:      env.stderr,
		Reader:         env.stdin,
		ExitErrHandler: func(context.Context, *cli.Command, error) {},
		OnUsageError:   onUsageError,
		Suggest:        true,
		Commands:       withUsageErrors(env.analyzeCommand(), env.exportCommand(), env.validateCommand(), env.sampleCommand(), env.sweepCommand(), env.growthCommand(), env.indexCommand(), env.modelCommand(), env.qapCommand(), env.regionsCommand()),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.NArg() > 0 {
				return unknownCommand(cmd, cmd.Args().First())
			}
			return cli.ShowRootCommandHelp(cmd)
		},
	}
}

// onUsageError turns a flag the parser rejects into a usage error (exit 2)
// with a pointer to the help, instead of printing the whole help text.
func onUsageError(_ context.Context, cmd *cli.Command, err error, _ bool) error {
	return usageError{fmt.Errorf("%s (see %s --help)", explainUsage(cmd, err), cmd.FullName())}
}

func withUsageErrors(cmds ...*cli.Command) []*cli.Command {
	for _, c := range cmds {
		c.OnUsageError = onUsageError
		if c.Before == nil {
			c.Before = refuseRepeats
		}
	}
	return cmds
}

func (env *environment) validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check a dataset and report every problem with its location",
		ArgsUsage: "FILE",
		Description: `Reads FILE (collab's JSON, CSV or GeoJSON; - for standard input) and
reports every problem at once, each with its line and column and what would
be valid; exits 3 when there are any. Valid data exit 0 with a one-line
summary of what was read: cities, years, links, neighbours and the columns
ignored (warnings are printed but do not fail).

Examples:
   collab validate mycities.json
   collab validate cities.csv --links copatents.csv
   collab validate counties.geojson --id adcode --score patents --snap-m 5
   collab sample | collab validate -`,
		Flags: inputFlags(),
		Action: func(_ context.Context, cmd *cli.Command) error {
			if cmd.NArg() != 1 {
				return usagef("validate takes one FILE (collab validate mycities.json)")
			}
			in, err := readInputFlags(cmd)
			if err != nil {
				return err
			}
			if err := env.checkStdout(cmd); err != nil {
				return err
			}
			path := cmd.Args().First()
			ds, _, err := env.load(path, in)
			if err != nil {
				return err
			}
			for _, w := range ds.Warnings {
				say(env.stderr, "warning: %v", w)
			}
			fmt.Fprintf(env.stdout, "%s: valid %s: %s\n", path, ds.Input.Format, describe(ds, in.snapM))
			return nil
		},
	}
}

// describe summarises what a valid dataset holds, in one line; snapM is
// the tolerance of queen contiguity from its boundaries.
func describe(ds *data.Dataset, snapM float64) string {
	s := fmt.Sprintf("%d cities", len(ds.Cities))
	switch len(ds.Years) {
	case 0:
		s += ", one score each"
	case 1:
		s += fmt.Sprintf(", scores for %d", ds.Years[0])
	default:
		s += fmt.Sprintf(", scores for %d years (%d-%d)", len(ds.Years), ds.Years[0], ds.Years[len(ds.Years)-1])
	}
	s += fmt.Sprintf(", %d links", len(ds.Links))
	if y := ds.Input.LinksYear; y != 0 {
		s += fmt.Sprintf(" of %d", y)
	}
	if in := ds.Input; in.LinksFile != "" {
		s += " (from " + in.LinksFile + ")"
	}
	s += neighbours(ds, snapM)
	if n := ds.Input.Placed; n > 0 {
		s += fmt.Sprintf(", %d placed from the gazetteer of China's cities", n)
	}
	if n := len(ds.Warnings); n > 0 {
		s += fmt.Sprintf(", %d warning%s", n, map[bool]string{true: "", false: "s"}[n == 1])
	}
	if ignored := ds.Input.Ignored; len(ignored) > 0 {
		const show = 6
		list := strings.Join(ignored[:min(show, len(ignored))], ", ")
		if len(ignored) > show {
			list += fmt.Sprintf(" and %d more", len(ignored)-show)
		}
		s += "; ignored " + list
	}
	return s
}

// neighbours summarises contiguity: how many cities have neighbours, the
// pairs, and whether polygons gave them (queen contiguity within snapM
// metres, as the study's queen weights find it, joined with the listed
// neighbours).
func neighbours(ds *data.Dataset, snapM float64) string {
	lists, _ := analysis.NeighbourLists(ds, snapM) // on an error, the listed neighbours alone
	with, pairs := 0, map[[2]int]bool{}
	for i, nb := range lists {
		if len(nb) > 0 {
			with++
		}
		for _, j := range nb {
			pairs[[2]int{min(i, j), max(i, j)}] = true
		}
	}
	if len(pairs) == 0 {
		return ", no contiguity neighbours"
	}
	s := fmt.Sprintf(", neighbours for %d cities (%d pairs", with, len(pairs))
	if in := ds.Input; in.Polygons > 0 {
		s += fmt.Sprintf("; queen contiguity of %d polygons, snap %g m", in.Polygons, snapM)
	}
	return s + ")"
}

func (env *environment) sampleCommand() *cli.Command {
	return &cli.Command{
		Name:  "sample",
		Usage: "print the embedded Yangtze River Delta dataset",
		Description: `Prints the 41-city Yangtze River Delta sample in collab's JSON format, to
copy and edit. Its scores are calibrated, not published index values; see
the "notes" in the file.

Examples:
   collab sample > yrd.json
   collab sample --format csv > yrd.csv
   collab sample --links > links.csv   # the 97 neighbouring pairs, to try --links`,
		Flags:  sampleFlags(),
		Action: env.sample,
	}
}

// terminalWidth is the width of the terminal w writes to, or of $COLUMNS,
// or 0 (the report's default) when w is not a terminal.
func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 0 {
			return width
		}
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 0
}
