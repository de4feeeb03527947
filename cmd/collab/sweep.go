package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/urfave/cli/v3"

	"collab/analysis"
	"collab/output"
)

func (env *environment) sweepCommand() *cli.Command {
	var params []string
	for _, p := range analysis.SweepParams {
		params = append(params, fmt.Sprintf("   %-10s %s", p.Name, p.Usage))
	}
	return &cli.Command{
		Name:      "sweep",
		Usage:     "show how belts, sectors, isolated hubs and latecomers change with a parameter",
		ArgsUsage: "[FILE]",
		Description: `Reruns the pattern of strong cities for each value of one parameter, from
--from to --to by --step, so that you can see how robust a finding is. The
other parameters are those of analyze (the same flags). FILE as for analyze;
the embedded sample when omitted.

Parameters:
` + strings.Join(params, "\n") + `

Examples:
   collab sweep --param sector-km --from 100 --to 400 --step 25
   collab sweep yrd.json --param decay-km --from 50 --to 300 --step 50
   collab sweep yrd.json --param sector-km --from 100 --to 400 --step 50 --format json`,
		Flags: concat(
			[]cli.Flag{
				&cli.StringFlag{Name: "param", Usage: "the parameter to vary", Required: true},
				&cli.FloatFlag{Name: "from", Usage: "the first value", Required: true},
				&cli.FloatFlag{Name: "to", Usage: "the last value", Required: true},
				&cli.FloatFlag{Name: "step", Usage: "the step between values", Required: true},
			},
			sweepParameterFlags(),
			[]cli.Flag{&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output: text or json"}},
		),
		Action: env.sweep,
	}
}

func (env *environment) sweep(ctx context.Context, cmd *cli.Command) error {
	if cmd.NArg() > 1 {
		return usagef("sweep takes one FILE, got %d arguments", cmd.NArg())
	}
	if err := env.checkStdout(cmd); err != nil {
		return err
	}
	format := cmd.String("format")
	if format != "text" && format != "json" {
		return usagef("--format %q: choose text or json", format)
	}
	p, err := parameters(cmd, parameterReaders...)
	if err != nil {
		return err
	}
	in, err := readInputFlags(cmd)
	if err != nil {
		return err
	}
	ds, _, err := env.load(cmd.Args().First(), in)
	if err != nil {
		return err
	}
	sw, err := analysis.RunSweep(ctx, ds, p, cmd.String("param"), cmd.Float("from"), cmd.Float("to"), cmd.Float("step"))
	if err != nil {
		return err
	}
	if format == "json" {
		return output.SweepJSON(env.stdout, sw)
	}
	return output.SweepText(env.stdout, sw, output.Options{Width: terminalWidth(env.stdout), Names: flagName})
}
