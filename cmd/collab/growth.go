package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v3"

	"collab/analysis"
)

func (env *environment) growthCommand() *cli.Command {
	return &cli.Command{
		Name:  "growth",
		Usage: "compound annual growth rate between two values",
		Description: `Prints the compound annual growth rate (to/from)^(1/years) - 1, as the
trend section of the report computes it for the regional mean.

Example:
   collab growth --from 100 --to 247.11 --years 10     # 9.47% a year`,
		Flags: []cli.Flag{
			&cli.FloatFlag{Name: "from", Usage: "the starting value (> 0)", Required: true},
			&cli.FloatFlag{Name: "to", Usage: "the final value (>= 0)", Required: true},
			&cli.FloatFlag{Name: "years", Usage: "the years between them (> 0)", Required: true},
		},
		Action: func(_ context.Context, cmd *cli.Command) error {
			if cmd.NArg() > 0 {
				return usagef("growth takes no arguments, only --from, --to and --years")
			}
			from, to, years := cmd.Float("from"), cmd.Float("to"), cmd.Float("years")
			rate, err := analysis.CAGR(from, to, years)
			if err != nil {
				return usageError{err}
			}
			_, err = fmt.Fprintf(env.stdout, "%.2f%% a year: %g -> %g over %g years (x%.4g)\n", 100*rate, from, to, years, to/from)
			return err
		},
	}
}
