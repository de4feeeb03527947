package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v3"

	"collab/analysis"
	"collab/output"
)

func (env *environment) modelCommand() *cli.Command {
	return &cli.Command{
		Name:      "model",
		Usage:     "fit a spatial regression (OLS, SLX, SAR, SEM, SDM, SDEM, SAC) with direct, indirect and total effects",
		ArgsUsage: "[FILE]",
		Description: `Reads FILE (collab's JSON, CSV or GeoJSON; - for standard input; the
embedded sample when none is given) and fits --y on --x, variables of the
dataset (JSON "variables", other numeric CSV columns or GeoJSON properties;
"score" is one), each optionally log(VAR), by maximum likelihood as R
spatialreg's lm, lmSLX, lagsarlm, errorsarlm and sacsarlm (method "eigen"):
the coefficients with standard errors, z and p, rho or lambda, the
log-likelihood, AIC and sigma2, the impacts (direct, indirect = spillover,
total; LeSage and Pace 2009) with standard errors from --draws simulated
draws seeded by --seed, the LM tests on the OLS residuals and the LR tests
of SDM against SAR and SEM, and the model they support.

Weights (--weights) are row-standardised: the study's contiguity, queen,
knn:K, band:KM or delaunay; idw:P (inverse distance d^-P, every pair) or
idw:P:KM (pairs within KM km); economic:VAR (1/|VAR_i - VAR_j|, VAR
averaged over the years studied); or a product of these, pair by pair, as
'idw:1*economic:gdp' (quote the *). Weights linking every pair are allowed
up to 2000 cities; above, give idw a cut-off or multiply by a sparse weight.
Up to 800 cities ln|I - rho W| comes from the eigenvalues, up to 4000 from
a sparse Cholesky factor (exact), above from a Chebyshev series whose error
is stated.

A panel: --years A-B fits those years with --effects city, year, both
(two-way) or none (pooled), by demeaning; city and two-way effects carry
the Lee-Yu (2010) correction.

Prints the report (--format text), the model as JSON (--format json) or
its estimates as CSV (--format csv); --out DIR also writes model.txt,
model.json and model.csv into DIR, whole or not at all.

Examples:
   collab model columbus.csv --y CRIME --x INC,HOVAL --model sdm --weights contiguity
   collab model cities.csv --y 'log(patents)' --x 'log(rd),log(talent)' --model sar --weights knn:6
   collab model cities.csv --y score --x rd --model sdm --weights 'idw:1:300*economic:gdp'
   collab model panel.csv --y score --x rd,talent --model sdm --years 2011-2021 --effects both
   collab model columbus.csv --y CRIME --x INC,HOVAL --model sdm --format json > model.json`,
		Flags: concat(inputFlags(), modelFlags("weights"), []cli.Flag{
			&cli.IntFlag{Name: "year", Usage: "the year of a panel to fit as a cross-section (default: the latest)", HideDefault: true},
			&cli.Uint64Flag{Name: "seed", Value: analysis.DefaultSeed, Usage: "seed of the simulated draws: the same seed gives the same standard errors on any machine"},
			&cli.StringFlag{Name: "missing", Value: "error", Usage: "a missing value of a variable of the model: error (report it) or drop (leave the city out)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output: text, json or csv"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "also write model.txt, model.json and model.csv into `DIR`"},
		}),
		Action: env.model,
	}
}

// modelOutputs are the files collab model --out writes, with their
// formats.
var modelOutputs = []struct{ name, format string }{{"model.txt", "text"}, {"model.json", "json"}, {"model.csv", "csv"}}

func (env *environment) model(ctx context.Context, cmd *cli.Command) error {
	if cmd.NArg() > 1 {
		return usagef("model takes one FILE, got %d arguments", cmd.NArg())
	}
	format := cmd.String("format")
	if !slices.Contains([]string{"text", "json", "csv"}, format) {
		return usagef("--format %q: choose text, json or csv", format)
	}
	p := analysis.DefaultParameters()
	if err := readModelFlags(cmd, &p); err != nil {
		return err
	}
	if p.Model == nil {
		return usagef("model needs --model, --y and --x, such as --model sdm --y CRIME --x INC,HOVAL (collab model --help)")
	}
	p.Year, p.Seed, p.Symmetric = cmd.Int("year"), cmd.Uint64("seed"), cmd.Bool("symmetric")
	if cmd.IsSet("snap-m") {
		p.SnapM = cmd.Float("snap-m")
	}
	files, err := modelFiles(cmd)
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
	in.columns.Variables, in.columns.ScoreOptional = modelVariables(p.Model)
	in.columns.Missing = cmd.String("missing")
	ds, source, err := env.load(cmd.Args().First(), in)
	if err != nil {
		return err
	}
	ds.Input.Source = source
	for _, w := range ds.Warnings {
		say(env.stderr, "warning: %v", w)
	}
	m, err := analysis.FitModel(ctx, ds, p)
	if err != nil {
		return err
	}
	for _, w := range m.Warnings {
		say(env.stderr, "warning: %s", w)
	}
	opt := output.Options{Width: terminalWidth(env.stdout), Names: flagName}
	write := func(format string) func(io.Writer) error {
		return func(w io.Writer) error {
			switch format {
			case "json":
				return output.ModelJSON(w, m)
			case "csv":
				return output.ModelCSV(w, m)
			}
			return output.ModelText(w, m, opt)
		}
	}
	if len(files) > 0 {
		if err := env.writeModelFiles(ctx, cmd, files, write); err != nil {
			return err
		}
	}
	return write(format)(env.stdout)
}

// modelFiles are the files --out asks for, checked before any work: no
// input overwritten.
func modelFiles(cmd *cli.Command) ([]plannedFile, error) {
	dir := cmd.String("out")
	if cmd.IsSet("out") && dir == "" {
		return nil, usagef("--out \"\": give a directory, such as --out model/, or leave the flag out")
	}
	if dir == "" {
		return nil, nil
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, usagef("--out %s: is a file, not a directory; give a directory for model.txt, model.json and model.csv", dir)
	}
	var files []plannedFile
	for _, f := range modelOutputs {
		files = append(files, plannedFile{filepath.Join(dir, f.name), f.format})
	}
	return files, checkPlanned(cmd, files)
}

// writeModelFiles writes the --out files as one batch, creating DIR.
func (env *environment) writeModelFiles(ctx context.Context, cmd *cli.Command, files []plannedFile, write func(string) func(io.Writer) error) error {
	batch := make([]output.File, len(files))
	for i, f := range files {
		batch[i] = output.File{Path: f.path, Write: write(f.format)}
	}
	return env.writeBatch(ctx, cmd, batch)
}

// modelVariables are the variables the model reads from the file (score
// aside, which is read as the score) and whether the file may lack
// scores.
func modelVariables(spec *analysis.ModelSpec) (names []string, scoreOptional bool) {
	scoreOptional = true
	add := func(name string) {
		if strings.EqualFold(name, "score") {
			scoreOptional = false
			return
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	add(spec.Y.Name)
	for _, t := range spec.X {
		add(t.Name)
	}
	for _, t := range spec.Weights.Terms {
		if t.Economic != "" {
			add(t.Economic)
		}
	}
	return names, scoreOptional
}
