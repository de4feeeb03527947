package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v3"

	"collab/analysis"
	"collab/data"
	"collab/graph"
	"collab/output"
	"collab/param"
)

func (env *environment) qapCommand() *cli.Command {
	return &cli.Command{
		Name:      "qap",
		Usage:     "test dyadic hypotheses: QAP correlation and MRQAP regression of one link matrix on others",
		ArgsUsage: "[FILE]",
		Description: `Reads FILE (or the embedded sample) and regresses the dyadic matrix --y on
the matrices --x by MRQAP with double semi-partialling (Dekker, Krackhardt
and Snijders 2007; R sna's netlm with nullhyp = "qapspp"); with one --x it
also prints the QAP correlation (Krackhardt 1988; sna's qaptest with gcor).
The p-values are the shares of --qap-permutations random relabellings of the
cities whose statistic is as large as (P>=), as small as (P<=), or as large
in absolute value as (P|t|>=) the observed one; permutation r is drawn from
its own generator seeded with (--seed, r), so they are the same on any
machine.

Matrices (comma-separated in --x):
   links         the dataset's links (weight; 0 where there is none)
   links:KIND    its links of that "kind" only
   file:PATH     the links of a CSV file source,target,weight[,kind] over
                 FILE's city ids (as --links reads it)
   distance      great-circle distance in km
   same_province 1 for two cities of one province, else 0
   score_gap     |s_i - s_j|, the gap between the scores of the year studied
   gravity       s_i s_j / d_ij^2 (analyze's gravity model, beta 2)

The statistics run over the unordered pairs of cities (sna's mode "graph")
when the dataset's links are undirected, over the ordered pairs when they
are directed; the diagonal is left out.

Examples:
   collab qap cities.json --y links:copatent --x distance,same_province,score_gap
   collab qap cities.json --y links:copatent --x links:investment
   collab qap cities.csv --links copatents.csv --y links --x gravity,file:trade.csv --format json`,
		Flags: concat(inputFlags(), []cli.Flag{
			&cli.StringFlag{Name: "y", Usage: "the dependent matrix, e.g. links:copatent (see Matrices)"},
			&cli.StringFlag{Name: "x", Usage: "the predictor matrices, comma-separated, e.g. distance,same_province,score_gap"},
			&cli.IntFlag{Name: "qap-permutations", Value: graph.DefaultQAPPermutations, Usage: "random relabellings of the cities for the p-values"},
			&cli.Uint64Flag{Name: "seed", Value: analysis.DefaultSeed, Usage: "seed of the permutations: the same seed gives the same p-values on any machine"},
			&cli.IntFlag{Name: "year", Usage: "the year of a panel whose scores score_gap and gravity use (default: the latest)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
		}),
		Action: env.qap,
	}
}

// qapRequest is what the qap command line asks for.
type qapRequest struct {
	y            string
	x            []string
	permutations int
	seed         uint64
	format       string
}

func readQAPFlags(cmd *cli.Command) (qapRequest, error) {
	q := qapRequest{y: strings.TrimSpace(cmd.String("y")), permutations: cmd.Int("qap-permutations"),
		seed: cmd.Uint64("seed"), format: cmd.String("format")}
	for _, x := range strings.Split(cmd.String("x"), ",") {
		if x = strings.TrimSpace(x); x != "" {
			q.x = append(q.x, x)
		}
	}
	switch {
	case cmd.NArg() > 1:
		return q, usagef("qap takes one FILE, got %d arguments", cmd.NArg())
	case q.y == "":
		return q, usagef("--y: name the dependent matrix, e.g. --y links:copatent (collab qap --help lists the matrices)")
	case len(q.x) == 0:
		return q, usagef("--x: name at least one predictor, e.g. --x distance,same_province,score_gap")
	case q.permutations < 1:
		return q, usagef("--qap-permutations %d: give at least 1 (2000 is customary)", q.permutations)
	case q.format != "text" && q.format != "json":
		return q, usagef("--format %q: choose text or json", q.format)
	}
	return q, nil
}

func (env *environment) qap(ctx context.Context, cmd *cli.Command) error {
	q, err := readQAPFlags(cmd)
	if err != nil {
		return err
	}
	if err := env.checkStdout(cmd); err != nil {
		return err
	}
	in, err := readInputFlags(cmd)
	if err != nil {
		return err
	}
	ds, source, err := env.load(cmd.Args().First(), in)
	if err != nil {
		return err
	}
	for _, w := range ds.Warnings {
		say(env.stderr, "warning: %v", w)
	}
	yi, err := ds.YearIndex(cmd.Int("year"))
	if err != nil {
		return err
	}
	y, err := env.qapMatrix(ds, yi, q.y, "y")
	if err != nil {
		return err
	}
	xs := make([]*graph.Dyadic, len(q.x))
	for k, name := range q.x {
		if xs[k], err = env.qapMatrix(ds, yi, name, "x"); err != nil {
			return err
		}
	}
	res, err := runQAP(ctx, ds, y, xs, q)
	if err != nil {
		return err
	}
	res.Dataset = source
	if q.format == "json" {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	writeQAPText(env, res)
	return nil
}

// qapResult is the JSON form of collab qap's output.
type qapResult struct {
	Dataset      string                `json:"dataset"`
	Y            string                `json:"y"`
	X            []string              `json:"x"`
	Directed     bool                  `json:"directed"`
	Pairs        int                   `json:"pairs"`
	Permutations int                   `json:"permutations"`
	Seed         uint64                `json:"seed"`
	MRQAP        graph.MRQAPResult     `json:"mrqap"`
	Correlation  *graph.QAPCorrelation `json:"correlation"` // with one predictor only
}

func runQAP(ctx context.Context, ds *data.Dataset, y *graph.Dyadic, xs []*graph.Dyadic, q qapRequest) (*qapResult, error) {
	o := graph.QAPOptions{Permutations: q.permutations, Seed: q.seed, Symmetric: !ds.Directed}
	mr, err := graph.MRQAP(ctx, y, xs, graph.MRQAPOptions{QAPOptions: o, Names: q.x})
	if err != nil {
		return nil, qapFailure(err)
	}
	res := &qapResult{Y: q.y, X: q.x, Directed: ds.Directed, Pairs: mr.Pairs, Permutations: q.permutations, Seed: q.seed, MRQAP: mr}
	if len(xs) == 1 {
		c, err := graph.QAPCorrelate(ctx, y, xs[0], o)
		if err != nil {
			return nil, qapFailure(err)
		}
		res.Correlation = &c
	}
	return res, nil
}

// qapFailure turns what the matrices' values make impossible (a constant
// or collinear predictor, y fitted exactly) into invalid data (exit 3);
// cancellation passes through.
func qapFailure(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return invalidData{fmt.Errorf("qap: %s", strings.TrimPrefix(err.Error(), "graph: "))}
}

// qapMatrix is the matrix name asks for, p the flag it came from: a
// links file (file:PATH) read here, the others built by
// analysis.DyadicMatrix. A matrix the values cannot make (a repeated pair
// of links) is invalid data; a name or kind that is not there, a usage
// error.
func (env *environment) qapMatrix(ds *data.Dataset, yi int, name string, p param.Name) (*graph.Dyadic, error) {
	if path, ok := strings.CutPrefix(name, "file:"); ok {
		return env.fileMatrix(ds, path, name, p)
	}
	m, err := analysis.DyadicMatrix(ds, yi, name, analysis.DefaultNetworkParameters().Beta, p)
	return matrixOrInvalid(m, err, p)
}

// matrixOrInvalid passes a usage error (param.Error) through and makes
// any other error of building the matrix of flag p invalid data.
func matrixOrInvalid(m *graph.Dyadic, err error, p param.Name) (*graph.Dyadic, error) {
	var pe *param.Error
	if err != nil && !errors.As(err, &pe) {
		return nil, invalidData{fmt.Errorf("%s %w", flagName(p), err)}
	}
	return m, err
}

// fileMatrix reads a links file over the dataset's cities: the cities
// alone are read again with it as their links, so that its ids and
// weights are checked as --links checks them.
func (env *environment) fileMatrix(ds *data.Dataset, path, name string, p param.Name) (*graph.Dyadic, error) {
	if path == "" {
		return nil, param.Errorf(p, name, "give the file's path, e.g. file:trade.csv")
	}
	cities := *ds
	cities.Links = nil
	var buf bytes.Buffer
	if err := data.WriteJSON(&buf, &cities); err != nil {
		return nil, err
	}
	r, done, err := env.open(path)
	if err != nil {
		return nil, err
	}
	defer done()
	withLinks, err := data.Read(&buf, "the cities", data.Options{Links: r, LinksName: path})
	if err != nil {
		return nil, err
	}
	m, err := analysis.LinkMatrix(withLinks, withLinks.Links, name, p)
	return matrixOrInvalid(m, err, p)
}

// writeQAPText prints the MRQAP table and, with one predictor, the QAP
// correlation.
func writeQAPText(env *environment, r *qapResult) {
	w := env.stdout
	pairs := "unordered pairs (undirected links)"
	if r.Directed {
		pairs = "ordered pairs (directed links)"
	}
	fmt.Fprintf(w, "collab qap: %s (%s)\n", output.Printable(r.Dataset), output.Printable(r.Y))
	fmt.Fprintf(w, "%d %s, %d permutations, seed %d\n", r.Pairs, pairs, r.Permutations, r.Seed)
	fmt.Fprintf(w, "\nMRQAP: %s on %s (double semi-partialling; P = share of permutations as extreme)\n",
		output.Printable(r.Y), output.Printable(strings.Join(r.X, ", ")))
	rows := [][]string{{"Term", "Coefficient", "Standardised", "Std. error", "t", "P(>=)", "P(<=)", "P(|t|>=)"}}
	for _, t := range r.MRQAP.Terms {
		std := "-"
		if t.Standardised != nil {
			std = qapNum(*t.Standardised)
		}
		rows = append(rows, []string{output.Printable(t.Name), qapNum(t.Coefficient), std, qapNum(t.StdError), strconv.FormatFloat(t.T, 'f', 3, 64),
			qapP(t.PGreaterEq), qapP(t.PLessEq), qapP(t.PAbsGreaterEq)})
	}
	writeAligned(w, rows)
	fmt.Fprintf(w, "  R² %.4f, adjusted %.4f\n", r.MRQAP.RSquared, r.MRQAP.AdjustedRSquared)
	if c := r.Correlation; c != nil {
		fmt.Fprintf(w, "\nQAP correlation of %s and %s: r = %.4f\n", output.Printable(r.Y), output.Printable(r.X[0]), c.Correlation)
		fmt.Fprintf(w, "  P(>=) %s, P(<=) %s; permuted r: mean %.4f, sd %.4f, min %.4f, max %.4f\n",
			qapP(c.PGreaterEq), qapP(c.PLessEq), c.Permuted.Mean, c.Permuted.SD, c.Permuted.Min, c.Permuted.Max)
	}
}

func qapNum(x float64) string { return strconv.FormatFloat(x, 'g', 6, 64) }

func qapP(p float64) string { return strconv.FormatFloat(p, 'f', 4, 64) }

// writeAligned prints rows as a table, the first column left-aligned and
// the rest right-aligned, indented by two spaces.
func writeAligned(w interface{ Write([]byte) (int, error) }, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for c, cell := range row {
			widths[c] = max(widths[c], len([]rune(cell)))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for c, cell := range row {
			pad := strings.Repeat(" ", widths[c]-len([]rune(cell)))
			if c == 0 {
				b.WriteString(cell + pad)
			} else {
				b.WriteString("  " + pad + cell)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
