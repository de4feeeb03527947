package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v3"

	"collab/composite"
	"collab/data"
	"collab/output"
	"collab/param"
)

func (env *environment) indexCommand() *cli.Command {
	return &cli.Command{
		Name:      "index",
		Usage:     "build the innovation score from indicators: entropy, CRITIC or equal weights, TOPSIS, coupling coordination",
		ArgsUsage: "FILE",
		Description: `Reads FILE (collab's JSON, CSV or GeoJSON; - for standard input): cities
with coordinates whose indicators are variables (JSON "variables", other
numeric CSV columns or GeoJSON properties; a panel as columns NAME_YYYY).
Each indicator is min-max normalised (-NAME where less is better), weighted
(--method entropy, critic or equal), and a city's index is
100 sum_j w_j x'_ij; --method topsis gives the closeness to the ideal, in
[0, 1], with entropy weights. In a panel the normalisation pools every
city-year by default, so that scores of different years are comparable;
--per-year normalises and weighs each year alone. --shift S adds S to every
normalised value, as papers that add 0.0001 or 0.01 do.

Prints the weight table (per year with --per-year), the highest scores
and, with --subsystems, each city's coupling coordination degree
D = sqrt(C T) and its grade (ten grades of width 0.1, from extreme disorder
[0, 0.1) to quality coordination [0.9, 1]). --out writes the scored dataset
(collab's JSON, or CSV with --format csv or an --out ending in .csv): the
index as "score" ("scores" by year), the weights in its "notes" (JSON), the
indicators kept as variables, and with subsystems each subsystem's index U (index_NAME) and the coupling C, T
and D (coupling_c, coupling_t, coupling_d), so that collab analyze runs the
study on it directly. --weights-out writes the weight table as CSV (one row
per indicator, and per year with --per-year: method, year, indicator,
direction, weight, and entropy and divergence, or CRITIC's std_dev,
conflict and information), the numbers in full. A missing value is an
error naming its place, unless --missing drop leaves those cities out
(listed in a warning).

Examples:
   collab index cities.csv --indicators rd,patents,firms,-energy --out scored.json
   collab index cities.csv --indicators rd,patents,-energy --weights-out weights.csv
   collab analyze scored.json
   collab index panel.csv --indicators rd,patents --per-year --method critic
   collab index cities.json --indicators rd,patents,gdp,-energy \
       --subsystems 'innovation:rd,patents;economy:gdp,-energy' --alpha 0.6,0.4
   collab index cities.csv --indicators rd,patents --missing drop --format csv --out scored.csv`,
		Flags: concat(inputFlags(), []cli.Flag{
			&cli.StringFlag{Name: "indicators", Usage: "the indicators, variables of FILE separated by commas, -NAME where less is better (e.g. --indicators rd,patents,-energy)"},
			&cli.StringFlag{Name: "method", Value: "entropy", Usage: "the weights: entropy, critic, equal, or topsis (closeness to the ideal with entropy weights)"},
			&cli.BoolFlag{Name: "per-year", Usage: "normalise and weigh each year of a panel alone, instead of pooling every city-year"},
			&cli.FloatFlag{Name: "shift", Usage: "add this to every normalised value (e.g. --shift 0.0001); >= 0 for the entropy method and the coupling degree"},
			&cli.StringFlag{Name: "subsystems", Usage: "subsystems for the coupling coordination degree (e.g. --subsystems 'innovation:rd,patents;economy:gdp,-energy')"},
			&cli.StringFlag{Name: "alpha", Usage: "the subsystems' shares of the comprehensive index T, summing to 1 (e.g. --alpha 0.6,0.4; default equal)"},
			&cli.StringFlag{Name: "missing", Value: "error", Usage: "a missing indicator value: error (report it) or drop (leave the city out)"},
			&cli.StringFlag{Name: "format", Usage: "the scored dataset's format: json or csv (default: by the --out name, else json)"},
			&cli.StringFlag{Name: "out", Usage: "write the scored dataset to this file (e.g. --out scored.json)"},
			&cli.StringFlag{Name: "weights-out", Usage: "write the weight table as CSV to this file (e.g. --weights-out weights.csv): method, year, indicator, direction, weight and the method's measures"},
			&cli.IntFlag{Name: "top", Value: 10, Usage: "how many of the highest scores to list"},
		}),
		Action: env.index,
	}
}

// indexRequest is what the index flags ask for, parsed.
type indexRequest struct {
	indicators composite.IndicatorList
	subsystems composite.Subsystems
	alpha      []float64
	opt        composite.Options
	format     string
	out        string
	weights    string // the weight table's CSV file, or ""
	top        int
}

func readIndexFlags(cmd *cli.Command) (indexRequest, error) {
	var req indexRequest
	var missing composite.MissingPolicy
	flags := map[string]encodingText{"method": &req.opt.Method, "missing": &missing}
	if cmd.String("indicators") != "" {
		flags["indicators"] = &req.indicators
	}
	if cmd.String("subsystems") != "" {
		flags["subsystems"] = &req.subsystems
	}
	if err := textFlags(cmd, flags); err != nil {
		return req, compositeUsage(err)
	}
	if len(req.indicators) == 0 {
		for _, s := range req.subsystems {
			req.indicators = append(req.indicators, s.Indicators...)
		}
	}
	if len(req.indicators) == 0 {
		return req, usagef("--indicators: give the indicators, such as --indicators rd,patents,-energy (collab index --help)")
	}
	if s := cmd.String("alpha"); s != "" {
		if req.subsystems == nil {
			return req, usagef("--alpha %s: the shares are of --subsystems, which is not given", s)
		}
		for part := range strings.SplitSeq(s, ",") {
			a, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
			if err != nil {
				return req, usagef("--alpha %s: %q is not a number; give one share per subsystem, such as --alpha 0.6,0.4", s, part)
			}
			req.alpha = append(req.alpha, a)
		}
	}
	req.opt.PerYear, req.opt.Shift, req.opt.Missing = cmd.Bool("per-year"), cmd.Float("shift"), missing
	req.out, req.format, req.top = cmd.String("out"), cmd.String("format"), cmd.Int("top")
	req.weights = cmd.String("weights-out")
	for _, f := range []string{"out", "weights-out"} {
		if cmd.IsSet(f) && cmd.String(f) == "" {
			return req, usagef("--%s \"\": give a path, such as --%s %s, or leave the flag out", f, f, map[string]string{"out": "scored.json", "weights-out": "weights.csv"}[f])
		}
	}
	if req.format == "" {
		req.format = "json"
		if strings.EqualFold(filepath.Ext(req.out), ".csv") {
			req.format = "csv"
		}
	}
	if req.format != "json" && req.format != "csv" {
		return req, usagef("--format %q: choose json or csv", req.format)
	}
	if req.top < 0 {
		return req, usagef("--top %d: must be at least 0", req.top)
	}
	return req, nil
}

// names lists the variables the request uses, each once, indicators first.
func (req indexRequest) names() []string {
	var names []string
	for _, ind := range req.indicators {
		names = append(names, ind.Name)
	}
	for _, s := range req.subsystems {
		for _, ind := range s.Indicators {
			if !slices.Contains(names, ind.Name) {
				names = append(names, ind.Name)
			}
		}
	}
	return names
}

func (env *environment) index(ctx context.Context, cmd *cli.Command) error {
	if cmd.NArg() != 1 {
		return usagef("index takes one FILE (collab index cities.csv --indicators rd,patents)")
	}
	req, err := readIndexFlags(cmd)
	if err != nil {
		return err
	}
	in, err := readInputFlags(cmd)
	if err != nil {
		return err
	}
	if files := req.files(); len(files) > 0 {
		if err := output.CheckOutputs(files, inputs(cmd)...); err != nil {
			return usageError{err}
		}
	} else if err := env.checkStdout(cmd); err != nil {
		return err
	}
	in.columns.Variables, in.columns.ScoreOptional = req.names(), true
	in.columns.Missing = req.opt.Missing.String()
	path := cmd.Args().First()
	ds, _, err := env.load(path, in)
	if err != nil {
		return err
	}
	for _, w := range ds.Warnings {
		say(env.stderr, "warning: %v", w)
	}
	table, err := indicatorTable(ds, req)
	if err != nil {
		return err
	}
	res, err := composite.Score(ctx, table, req.indicators, req.opt)
	if err != nil {
		return compositeFailure(path, err)
	}
	var cp *composite.Coupling
	if req.subsystems != nil {
		if cp, err = composite.Coordinate(ctx, table, req.subsystems, req.alpha, req.opt); err != nil {
			return compositeFailure(path, err)
		}
	}
	scored := scoredDataset(ds, res, cp)
	if req.out != "" && ds.HasBoundaries() {
		say(env.stderr, "warning: %s does not hold the cities' boundaries: it places each city at its centroid, and its contiguity is the neighbours listed; study the boundaries with FILE itself", req.out)
	}
	var batch []output.File
	if req.out != "" {
		write := func(w io.Writer) error { return data.WriteJSON(w, scored) }
		if req.format == "csv" {
			write = func(w io.Writer) error { return data.WriteCSV(w, scored) }
		}
		batch = append(batch, output.File{Path: req.out, Write: write})
	}
	if req.weights != "" {
		batch = append(batch, output.File{Path: req.weights, Write: func(w io.Writer) error { return writeWeightsCSV(w, res) }})
	}
	if len(batch) > 0 {
		if err := (output.Batch{Files: batch, Inputs: inputs(cmd)}).Write(ctx); err != nil {
			return err
		}
	}
	if err := writeIndexReport(env.stdout, ds, req, res, cp); err != nil {
		return err
	}
	if files := req.files(); len(files) > 0 {
		say(env.stderr, "wrote %s", strings.Join(files, ", "))
	}
	return nil
}

// files are the files the request writes: the scored dataset and the
// weight table, each if asked for.
func (req indexRequest) files() []string {
	var files []string
	for _, f := range []string{req.out, req.weights} {
		if f != "" {
			files = append(files, f)
		}
	}
	return files
}

// indicatorTable is the composite table of the variables the request uses;
// an unknown one is a usage error naming the flag and the nearest variable.
func indicatorTable(ds *data.Dataset, req indexRequest) (*composite.Table, error) {
	ids := make([]string, len(ds.Cities))
	for i, c := range ds.Cities {
		ids[i] = c.ID
	}
	names := req.names()
	t := composite.NewTable(ids, ds.Years, names)
	for j, name := range names {
		v, err := ds.Variable(name)
		if err != nil {
			flag := "indicators"
			if !slices.Contains(req.indicators.Names(), name) {
				flag = "subsystems"
			}
			return nil, usageError{fmt.Errorf("%s: %w", flagName(param.Name(flag)), err)}
		}
		for p := range t.Values {
			t.Values[p][j] = v[p] // Variable's slices are the caller's
		}
	}
	return t, nil
}

// compositeUsage spells a composite error about a flag's text as a usage
// error naming the flag.
func compositeUsage(err error) error {
	var ce *composite.Error
	if errors.As(err, &ce) {
		return usageError{errors.New(spellComposite(ce))}
	}
	return err
}

// spellComposite is a composite error with its parameter spelt as a flag.
func spellComposite(ce *composite.Error) string {
	flag := ce.Param
	if flag == "TOPSIS weights" {
		flag = "method"
	}
	return strings.Replace(ce.Error(), "composite: "+ce.Param, flagName(param.Name(flag)), 1)
}

// invalidData is a property of the data that the method cannot use (exit
// 3): an indicator without variation, say.
type invalidData struct{ err error }

func (e invalidData) Error() string { return e.err.Error() }
func (e invalidData) Unwrap() error { return e.err }

// compositeFailure sorts the errors of scoring: a parameter that does not
// fit (the shift, the shares) is a usage error (exit 2); what the values
// of the file make impossible (no variation, a table the method cannot
// use) is invalid data (exit 3), named with the file.
func compositeFailure(path string, err error) error {
	var ce *composite.Error
	if !errors.As(err, &ce) {
		return err
	}
	switch ce.Param {
	case "shift", "alpha", "method", "missing", "TOPSIS weights":
		return usageError{errors.New(spellComposite(ce))}
	}
	return invalidData{fmt.Errorf("%s: %s", path, strings.TrimPrefix(spellComposite(ce), "composite: "))}
}

// scoredDataset is ds with the index as its score and, with subsystems,
// each subsystem's index and the coupling as variables.
func scoredDataset(ds *data.Dataset, res *composite.Result, cp *composite.Coupling) *data.Dataset {
	out := *ds
	out.Cities = slices.Clone(ds.Cities)
	out.VariableNames = slices.Clone(ds.VariableNames)
	out.ScoreLabel = indexLabel(res)
	out.Notes = append(slices.Clone(ds.Notes), weightNotes(res)...)
	out.Warnings = nil
	periods := len(res.Scores)
	add := func(name string, value func(p, i int) float64) {
		if slices.Contains(out.VariableNames, name) {
			return // the file's own variable of that name stays
		}
		out.VariableNames = append(out.VariableNames, name)
		for i := range out.Cities {
			v := make([]float64, periods)
			for p := range v {
				v[p] = value(p, i)
			}
			out.Cities[i].Variables[name] = v
		}
	}
	for i := range out.Cities {
		c := &out.Cities[i]
		c.Scores = make([]float64, periods)
		for p := range c.Scores {
			c.Scores[p] = res.Scores[p][i]
		}
		if cp == nil {
			continue // no variable is added: the maps can be shared with ds
		}
		vars := make(map[string][]float64, len(c.Variables)+8)
		for k, v := range c.Variables {
			vars[k] = v
		}
		c.Variables = vars
	}
	if cp != nil {
		for k, s := range cp.Subsystems {
			add("index_"+s.Name, func(p, i int) float64 { return cp.Indices[k].Scores[p][i] })
		}
		add("coupling_c", func(p, i int) float64 { return cp.Degree[p][i].C })
		add("coupling_t", func(p, i int) float64 { return cp.Degree[p][i].T })
		add("coupling_d", func(p, i int) float64 { return cp.Degree[p][i].D })
	}
	return &out
}

// weightNotes records the weights in the scored dataset's notes, one
// note per weight table, so that the file says how its score was built.
func weightNotes(res *composite.Result) []string {
	var notes []string
	for _, wt := range res.Weights {
		parts := make([]string, len(res.Indicators))
		for j, ind := range res.Indicators {
			parts[j] = fmt.Sprintf("%s %s", ind, strconv.FormatFloat(wt.Weight[j], 'g', -1, 64))
		}
		when := ""
		if wt.Year != 0 {
			when = fmt.Sprintf(" in %d", wt.Year)
		}
		notes = append(notes, fmt.Sprintf("collab index: %s weights%s: %s", res.Method, when, strings.Join(parts, ", ")))
	}
	return notes
}

// indexLabel says how the score was built.
func indexLabel(res *composite.Result) string {
	how := "pooled over every city-year"
	if len(res.Years) == 0 {
		how = "one cross-section"
	} else if len(res.Weights) > 1 {
		how = "normalised and weighted per year"
	}
	if res.Method == composite.TOPSIS {
		return fmt.Sprintf("TOPSIS closeness (entropy weights; %s) of %s", how, res.Indicators)
	}
	return fmt.Sprintf("Composite index, %s weights (%s), of %s", res.Method, how, res.Indicators)
}

// writeIndexReport prints the weights, the highest scores and the
// coupling.
func writeIndexReport(w io.Writer, ds *data.Dataset, req indexRequest, res *composite.Result, cp *composite.Coupling) error {
	fmt.Fprintln(w, indexLabel(res))
	fmt.Fprintf(w, "%d cities, %d indicators", len(res.Cities), len(res.Indicators))
	if n := len(res.Years); n > 0 {
		fmt.Fprintf(w, ", %d years (%d-%d)", n, res.Years[0], res.Years[n-1])
	}
	fmt.Fprintln(w)
	if res.Method == composite.TOPSIS {
		fmt.Fprintln(w, "Score: closeness to the ideal C = D- / (D+ + D-), in [0, 1], of the weighted min-max normalised values")
	} else {
		fmt.Fprintln(w, "Score: 100 sum_j w_j x'_j of the min-max normalised values x' (0 worst, 100 best on every indicator)")
	}
	for _, wt := range res.Weights {
		fmt.Fprintln(w)
		if wt.Year != 0 {
			fmt.Fprintf(w, "Weights %d\n", wt.Year)
		} else {
			fmt.Fprintln(w, "Weights")
		}
		weightTable(w, res.Indicators, wt)
	}
	topScores(w, ds, res, req.top)
	if cp != nil {
		couplingReport(w, ds, cp)
	}
	return nil
}

func weightTable(w io.Writer, inds composite.IndicatorList, wt composite.Weights) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	header := "  Indicator\tDirection\t"
	switch {
	case wt.Entropy != nil:
		header += "Entropy e\tDivergence d\t"
	case wt.StdDev != nil:
		header += "Std dev\tConflict\tInformation\t"
	}
	fmt.Fprintln(tw, header+"Weight w")
	for j, ind := range inds {
		dir := "more is better"
		if ind.LessIsBetter {
			dir = "less is better"
		}
		row := fmt.Sprintf("  %s\t%s\t", ind.Name, dir)
		switch {
		case wt.Entropy != nil:
			row += fmt.Sprintf("%.6f\t%.6f\t", wt.Entropy[j], wt.Divergence[j])
		case wt.StdDev != nil:
			row += fmt.Sprintf("%.6f\t%.6f\t%.6f\t", wt.StdDev[j], wt.Conflict[j], wt.Information[j])
		}
		fmt.Fprintln(tw, row+fmt.Sprintf("%.6f", wt.Weight[j]))
	}
	tw.Flush()
}

// topScores lists the top highest scores of the latest year.
func topScores(w io.Writer, ds *data.Dataset, res *composite.Result, top int) {
	if top == 0 {
		return
	}
	last := len(res.Scores) - 1
	order := make([]int, len(res.Cities))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch sa, sb := res.Scores[last][a], res.Scores[last][b]; {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return 0
	})
	fmt.Fprintln(w)
	title := "Highest scores"
	if len(res.Years) > 0 {
		title += fmt.Sprintf(" in %d", res.Years[last])
	}
	fmt.Fprintln(w, title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for rank, i := range order[:min(top, len(order))] {
		fmt.Fprintf(tw, "  %d\t%s\t%.4f\n", rank+1, output.Printable(ds.Cities[i].Name), res.Scores[last][i])
	}
	tw.Flush()
}

// couplingReport prints every city's subsystem indices, coupling and
// grade in the latest year, and the count of cities in each grade by year.
func couplingReport(w io.Writer, ds *data.Dataset, cp *composite.Coupling) {
	last := len(cp.Degree) - 1
	fmt.Fprintln(w)
	title := "Coupling coordination"
	if len(cp.Years) > 0 {
		title += fmt.Sprintf(" in %d", cp.Years[last])
	}
	fmt.Fprintf(w, "%s: C = K (prod U_k / (sum U_k)^K)^(1/K), T = sum a_k U_k (a = %s), D = sqrt(C T)\n", title, joinShares(cp.Alpha))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	header := "  City\t"
	for _, s := range cp.Subsystems {
		header += "U " + s.Name + "\t"
	}
	fmt.Fprintln(tw, header+"C\tT\tD\tGrade")
	for i := range cp.Cities {
		row := "  " + output.Printable(ds.Cities[i].Name) + "\t"
		for k := range cp.Subsystems {
			row += fmt.Sprintf("%.4f\t", cp.Indices[k].Scores[last][i])
		}
		d := cp.Degree[last][i]
		c := fmt.Sprintf("%.4f", d.C)
		if !d.CDefined {
			c = "undefined"
		}
		fmt.Fprintf(tw, "%s%s\t%.4f\t%.4f\t%s\n", row, c, d.T, d.D, d.Grade)
	}
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Grades (cities; a D on a cut point takes the higher grade)")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	header = "  Grade\tD\t"
	for p := range cp.Degree {
		if len(cp.Years) > 0 {
			header += strconv.Itoa(cp.Years[p]) + "\t"
		} else {
			header += "cities\t"
		}
	}
	fmt.Fprintln(tw, strings.TrimSuffix(header, "\t"))
	for g := composite.ExtremeDisorder; g <= composite.QualityCoordination; g++ {
		lo, hi := g.Range()
		row := fmt.Sprintf("  %s\t[%.1f, %.1f%s\t", g, lo, hi, map[bool]string{true: "]", false: ")"}[g == composite.QualityCoordination])
		for p := range cp.Degree {
			n := 0
			for _, d := range cp.Degree[p] {
				if d.Grade == g {
					n++
				}
			}
			row += strconv.Itoa(n) + "\t"
		}
		fmt.Fprintln(tw, strings.TrimSuffix(row, "\t"))
	}
	tw.Flush()
}

func joinShares(alpha []float64) string {
	s := make([]string, len(alpha))
	for i, a := range alpha {
		s[i] = strconv.FormatFloat(a, 'g', 4, 64)
	}
	return strings.Join(s, ", ")
}
