package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/urfave/cli/v3"
	"golang.org/x/term"

	"collab/analysis"
	"collab/data"
	"collab/output"
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
// exit code. main only passes it the process's streams.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &environment{stdin: stdin, stdout: stdout, stderr: stderr}
	err := env.root().Run(context.Background(), args)
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "collab:", err)
	return exitCode(err)
}

func exitCode(err error) int {
	var problems data.Problems
	var param *analysis.ParameterError
	var usage usageError
	switch {
	case errors.As(err, &problems), errors.Is(err, analysis.ErrNoMean):
		return exitInvalid
	case errors.As(err, &param), errors.As(err, &usage):
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
linkage, and reports centrality, tiers and inequality in one command.

Examples:
   collab analyze                      # the embedded Yangtze River Delta sample
   collab analyze yrd.json --year 2001
   collab analyze yrd.json --format json > results.json
   collab validate mycities.json
   collab sample > yrd.json            # a dataset to copy and edit`,
		Writer:         env.stdout,
		ErrWriter:      env.stderr,
		Reader:         env.stdin,
		ExitErrHandler: func(context.Context, *cli.Command, error) {},
		OnUsageError:   onUsageError,
		Suggest:        true,
		Commands:       withUsageErrors(env.analyzeCommand(), env.validateCommand(), env.sampleCommand()),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.NArg() > 0 {
				return usagef("unknown command %q; the commands are analyze, validate and sample (collab --help)", cmd.Args().First())
			}
			return cli.ShowRootCommandHelp(cmd)
		},
	}
}

// onUsageError turns a flag the parser rejects into a usage error (exit 2)
// with a pointer to the help, instead of printing the whole help text.
func onUsageError(_ context.Context, cmd *cli.Command, err error, _ bool) error {
	return usageError{fmt.Errorf("%w (see %s --help)", err, cmd.FullName())}
}

func withUsageErrors(cmds ...*cli.Command) []*cli.Command {
	for _, c := range cmds {
		c.OnUsageError = onUsageError
	}
	return cmds
}

func (env *environment) analyzeCommand() *cli.Command {
	d := analysis.DefaultParameters()
	return &cli.Command{
		Name:      "analyze",
		Aliases:   []string{"analyse"},
		Usage:     "run the whole study on a dataset and print the report",
		ArgsUsage: "[FILE]",
		Description: `Reads FILE (collab's JSON format; - for standard input), or the embedded
Yangtze River Delta sample when no FILE is given, builds the linkage network
and prints a report: summary statistics, tiers by ratio to the mean, the
network and the most central cities. Flags may come before or after FILE.

Tiers: --tiers ratio:5,1,0.5 puts a city in tier 1 at 5 times the mean or
more, tier 2 from 1 to 5, tier 3 from 0.5 to 1 and tier 4 below; a ratio
exactly on a cut point goes to the higher tier.

Links: the gravity model R_ij = M_i M_j / d_ij^beta (mass = score, great-
circle km) links every pair of cities below --full-below cities, and each
city's --keep strongest links above it. Observed "links" in the dataset are
used instead when present (--edges auto). Path measures use length 1/weight.

Examples:
   collab analyze
   collab analyze yrd.json --year 2001
   collab analyze yrd.json --edges gravity --beta 1.5 --tiers ratio:4,1,0.5
   collab analyze yrd.json --format json > results.json
   cat yrd.json | collab analyze - --top 20`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "year", Usage: "the year of a panel to study (default: the latest)", HideDefault: true},
			&cli.StringFlag{Name: "edges", Value: d.Edges, Usage: "links to analyse: auto, gravity, links or both"},
			&cli.FloatFlag{Name: "beta", Value: d.Beta, Usage: "distance-decay exponent of the gravity model"},
			&cli.FloatFlag{Name: "link-share", Value: d.LinkShare, Usage: "weight of observed links against gravity with --edges both"},
			&cli.IntFlag{Name: "full-below", Value: d.FullBelow, Usage: "link every pair of cities in regions smaller than this"},
			&cli.IntFlag{Name: "keep", Value: d.Keep, Usage: "strongest gravity links kept per city in larger regions"},
			&cli.StringFlag{Name: "tiers", Value: d.Tiers.String(), Usage: "tier cut points on the ratio to the mean, highest first"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output: text or json"},
			&cli.IntFlag{Name: "top", Value: 10, Usage: "cities shown in the report's tables"},
		},
		Action: env.analyze,
	}
}

func (env *environment) analyze(_ context.Context, cmd *cli.Command) error {
	if cmd.NArg() > 1 {
		return usagef("analyze takes one FILE, got %d arguments", cmd.NArg())
	}
	format := cmd.String("format")
	if format != "text" && format != "json" {
		return usagef("--format %q: choose text or json", format)
	}
	if cmd.Int("top") < 1 {
		return usagef("--top %d: must be at least 1", cmd.Int("top"))
	}
	p, err := parameters(cmd)
	if err != nil {
		return err
	}
	ds, source, err := env.load(cmd.Args().First())
	if err != nil {
		return err
	}
	res, err := analysis.Run(ds, source, p)
	if err != nil {
		return err
	}
	res.Version = version
	for _, w := range res.Warnings {
		fmt.Fprintln(env.stderr, "collab: warning:", w)
	}
	if format == "json" {
		return output.JSON(env.stdout, res)
	}
	return output.Text(env.stdout, res, output.Options{Width: terminalWidth(env.stdout), Top: cmd.Int("top")})
}

func parameters(cmd *cli.Command) (analysis.Parameters, error) {
	tiers, err := analysis.ParseTiers(cmd.String("tiers"))
	if err != nil {
		return analysis.Parameters{}, usageError{err}
	}
	return analysis.Parameters{
		Year:      cmd.Int("year"),
		Edges:     cmd.String("edges"),
		Beta:      cmd.Float("beta"),
		LinkShare: cmd.Float("link-share"),
		FullBelow: cmd.Int("full-below"),
		Keep:      cmd.Int("keep"),
		Damping:   analysis.DefaultParameters().Damping,
		Tiers:     tiers,
	}, nil
}

// load reads the dataset at path, or the embedded sample when path is empty
// (and says so on stderr, so that nobody mistakes it for their own data).
func (env *environment) load(path string) (*data.Dataset, string, error) {
	if path == "" {
		fmt.Fprintf(env.stderr, "collab: no FILE given: analysing the embedded Yangtze River Delta sample (collab sample prints it)\n")
		ds, err := data.Read(data.SampleName, data.Sample())
		return ds, data.SampleName, err
	}
	ds, err := data.Load(path, env.stdin)
	source := path
	if path == "-" {
		source = "standard input"
	}
	return ds, source, err
}

func (env *environment) validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check a dataset and report every problem with its location",
		ArgsUsage: "FILE",
		Description: `Reads FILE (- for standard input) and reports every problem at once, each
with its line and column and what would be valid. Exits 0 when the data are
valid (warnings are printed but do not fail), 3 when they are not.

Examples:
   collab validate mycities.json
   collab sample | collab validate -`,
		Action: func(_ context.Context, cmd *cli.Command) error {
			if cmd.NArg() != 1 {
				return usagef("validate takes one FILE (collab validate mycities.json)")
			}
			path := cmd.Args().First()
			ds, err := data.Load(path, env.stdin)
			if err != nil {
				return err
			}
			for _, w := range ds.Warnings {
				fmt.Fprintln(env.stderr, "collab: warning:", w.Error())
			}
			fmt.Fprintf(env.stdout, "%s: valid: %s\n", path, describe(ds))
			return nil
		},
	}
}

// describe summarises what a valid dataset holds, in one line.
func describe(ds *data.Dataset) string {
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
	if ds.HasNeighbors() {
		s += ", contiguity neighbours"
	}
	if n := len(ds.Warnings); n > 0 {
		s += fmt.Sprintf(", %d warning%s", n, map[bool]string{true: "", false: "s"}[n == 1])
	}
	return s
}

func (env *environment) sampleCommand() *cli.Command {
	return &cli.Command{
		Name:  "sample",
		Usage: "print the embedded Yangtze River Delta dataset",
		Description: `Prints the 41-city Yangtze River Delta sample in collab's JSON format, to
copy and edit. Its scores are calibrated, not published index values; see
the "notes" in the file.

Example:
   collab sample > yrd.json`,
		Action: func(_ context.Context, cmd *cli.Command) error {
			if cmd.NArg() > 0 {
				return usagef("sample takes no arguments")
			}
			_, err := env.stdout.Write(data.Sample())
			return err
		},
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
