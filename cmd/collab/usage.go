package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/urfave/cli/v3"

	"collab/spell"
)

// The command-line parser's own messages speak Go's flag package (a flag is
// "-seed", a bad number is strconv's error); explainUsage says the same in
// collab's words, with the flag spelt as the user types it.
const (
	notDefinedPrefix = "flag provided but not defined: -"
	needsValuePrefix = "flag needs an argument: "
)

var requiredFlags = regexp.MustCompile(`^Required flags? "(.*)" not set$`)

var invalidValue = regexp.MustCompile(`^invalid value "(.*)" for flag -([^:]+): `)

// explainUsage rewrites a parse error of cmd's flags.
func explainUsage(cmd *cli.Command, err error) string {
	text := err.Error()
	if name, ok := strings.CutPrefix(text, notDefinedPrefix); ok {
		return unknownFlag(cmd, strings.TrimLeft(name, "-"))
	}
	if name, ok := strings.CutPrefix(text, needsValuePrefix); ok {
		return dashed(strings.TrimLeft(name, "-")) + " needs a value"
	}
	if m := requiredFlags.FindStringSubmatch(text); m != nil {
		var names []string
		for n := range strings.SplitSeq(m[1], ", ") {
			names = append(names, dashed(n))
		}
		return strings.Join(names, " and ") + map[bool]string{true: " is", false: " are"}[len(names) == 1] + " required"
	}
	if m := invalidValue.FindStringSubmatch(text); m != nil {
		return fmt.Sprintf("%s %q: %s", dashed(m[2]), m[1], valueKind(lookupFlag(cmd, m[2])))
	}
	return text
}

// dashed spells a flag's name as typed: -f for one letter, --name else.
func dashed(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}

// unknownFlag names the flag the user may have meant.
func unknownFlag(cmd *cli.Command, name string) string {
	var known []string
	for _, f := range cmd.Flags {
		known = append(known, f.Names()...)
	}
	known = append(known, "help")
	if s := spell.Nearest(name, known); s != "" {
		return fmt.Sprintf("unknown flag %s (did you mean %s?)", dashed(name), dashed(s))
	}
	return fmt.Sprintf("unknown flag %s", dashed(name))
}

func lookupFlag(cmd *cli.Command, name string) cli.Flag {
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	return nil
}

// valueKind says what a flag's value must look like, by its type.
func valueKind(f cli.Flag) string {
	switch f.(type) {
	case *cli.Uint64Flag, *cli.UintFlag, *cli.Uint32Flag:
		return "must be a whole number >= 0"
	case *cli.IntFlag, *cli.Int64Flag, *cli.Int32Flag:
		return "must be a whole number"
	case *cli.FloatFlag, *cli.Float32Flag:
		return "must be a number"
	case *cli.BoolFlag:
		return "must be true or false (or leave the value out)"
	}
	return "is not a valid value"
}

// commandNames are the commands of root, help left out.
func commandNames(root *cli.Command) []string {
	var names []string
	for _, c := range root.Commands {
		if c.Name != "help" {
			names = append(names, c.Name)
		}
	}
	return names
}

// unknownCommand says that name is no command, naming the nearest.
func unknownCommand(root *cli.Command, name string) error {
	names := commandNames(root)
	var all []string
	for _, c := range root.Commands {
		all = append(all, c.Names()...)
	}
	hint := ""
	if s := spell.Nearest(name, all); s != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	return usagef("unknown command %q%s; the commands are %s (collab --help)", name, hint, strings.Join(names, ", "))
}

// counted is a flag that knows how often it was given.
type counted interface {
	Count() int
}

// multiValued is a flag that may be given more than once.
type multiValued interface {
	IsMultiValueFlag() bool
}

// refuseRepeats is every command's Before: a flag that holds one value,
// given twice, is an error rather than the last one silently winning.
func refuseRepeats(ctx context.Context, cmd *cli.Command) (context.Context, error) {
	for _, f := range cmd.Flags {
		c, ok := f.(counted)
		if !ok || c.Count() < 2 {
			continue
		}
		if m, ok := f.(multiValued); ok && m.IsMultiValueFlag() {
			continue
		}
		name := f.Names()[0]
		return ctx, usagef("%s is given %d times; it takes one value: give it once", dashed(name), c.Count())
	}
	return ctx, nil
}
