// Package param names the parameters of a study in messages and errors,
// so that the library packages (data, analysis, output) can say which
// parameter a problem is about without knowing how a caller spells it: the
// command line shows a Name as its flag (--weights), a Go program as the
// field it set. It must not import any other collab package.
package param

import (
	"fmt"
	"strings"
)

// A Name is a parameter's name as the command line's flag spells it
// without its dashes: "weights", "snap-m", "top".
type Name string

// Namer spells a Name for its reader; nil spells it as it is.
type Namer func(Name) string

func (n Namer) Spell(name Name) string {
	if n == nil {
		return string(name)
	}
	return n(name)
}

// Message is text that may mention parameters: a format and its
// arguments, Names among them, rendered when it is shown.
type Message struct {
	format string
	args   []any
}

// Textf makes a Message; arguments of type Name are parameters.
func Textf(format string, args ...any) Message { return Message{format, args} }

// String renders m with every Name as it is.
func (m Message) String() string { return m.Render(nil) }

// Render renders m with every Name spelled by namer.
func (m Message) Render(namer Namer) string {
	args := make([]any, len(m.args))
	for i, a := range m.args {
		if n, ok := a.(Name); ok {
			a = namer.Spell(n)
		}
		args[i] = a
	}
	return fmt.Sprintf(m.format, args...)
}

// IsZero reports whether m is empty.
func (m Message) IsZero() bool { return m.format == "" }

// Error is a parameter that is out of range or does not fit the data:
// which parameter, the value given (as written, quoted where the message
// quotes it; empty when the parameter is a switch), and why.
type Error struct {
	Param  Name
	Value  string
	Reason Message
}

// Errorf is an Error for param with value (formatted with %v), its reason
// a Message.
func Errorf(param Name, value any, format string, args ...any) *Error {
	return &Error{Param: param, Value: fmt.Sprint(value), Reason: Textf(format, args...)}
}

// Quotedf is Errorf with the value quoted (%q), for text values.
func Quotedf(param Name, value string, format string, args ...any) *Error {
	return &Error{Param: param, Value: fmt.Sprintf("%q", value), Reason: Textf(format, args...)}
}

func (e *Error) Error() string { return e.Render(nil) }

// Render spells the error with its parameters named by namer:
// "--weights "knn:0": K must be ..." on the command line.
func (e *Error) Render(namer Namer) string {
	var b strings.Builder
	b.WriteString(namer.Spell(e.Param))
	if e.Value != "" {
		b.WriteString(" " + e.Value)
	}
	b.WriteString(": " + e.Reason.Render(namer))
	return b.String()
}
