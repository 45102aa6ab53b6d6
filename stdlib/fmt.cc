// fmt.cc — package fmt: formatted printing.
//
// The formatter is native (fmt_print.cc): walking values of any type needs
// the run-time type information only the VM has. But Go's fmt also calls the
// Error() and String() methods of the values it prints, at any depth (a
// Stringer inside a slice inside a struct), and recovers their panics; a
// native cannot call gol code (vm/native.h, DESIGN.md §4). So every Sprint*
// runs in three steps, all in sprint below:
//   1. methodCalls (native): walks the operands exactly as the formatter will
//      and returns, in formatting order, every value whose method it will
//      need (Go's handleMethods rules: only for %v %s %x %X %q, not under
//      %#v, error before Stringer, not below unexported fields). Usually none,
//      and then nothing is allocated.
//   2. callMethod (gol, here): runs each one inside a recover, as Go's
//      catchPanic; a panic becomes its text, and the formatter prints
//      "%!v(PANIC=String method: <text>)" (or <nil> for a nil pointer
//      receiver).
//   3. formatArgs (native): formats for real, taking the results in the
//      same order.
// Steps 1 and 3 are one walk run twice; a method's result never steers it,
// so both passes meet the same values in the same order.
//
// Everything that writes is Go built on the Sprint* functions, so writing to
// an io.Writer (a user type as often as os.Stdout) happens in gol code:
//   Print*(...)   = Fprint*(os.Stdout, ...)
//   Fprint*(w, …) = w.Write([]byte(Sprint*(…)))   one Write per call, as Go
//   Append*(b, …) = append(b, Sprint*(…)...)
//   Errorf        = sprint(modePrintfWrap, …) + the wrap types below
//
// Rejected: re-entering the interpreter from the native formatter for each
// method (a nested interpreter loop on the C++ stack, which the stackless
// design forbids and which a method that blocks on a channel would break);
// formatting entirely in gol (needs reflection the language does not have).
//
// Left out: Formatter, State and GoStringer (declaring them would promise that
// the formatter honours them), and the Scan family.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kFmtSource = R"go(package fmt

import (
	"errors"
	"io"
	"os"
)

// Stringer is implemented by any value that has a String method, which
// defines the value's "native" format for %v and the Print functions.
type Stringer interface {
	String() string
}

// ---- formatting ----

// The printer's modes (fmt_native.cc's PrintMode).
const (
	modePrint = iota
	modePrintln
	modePrintf
	modePrintfWrap
)

// methodCalls returns, in formatting order, the operands or parts of operands
// whose Error or String method the formatter needs.
func methodCalls(mode int, format string, a []any) []any

// formatArgs formats a; strs[i] is the result of calls[i]'s method, or the
// text of its panic when panicked[i]. wrapped: the operand index of every %w.
func formatArgs(mode int, format string, a []any, strs []string, panicked []bool) (s string, wrapped []int)

func sprint(mode int, format string, a []any) (string, []int) {
	calls := methodCalls(mode, format, a)
	var strs []string
	var panicked []bool
	if len(calls) > 0 {
		strs = make([]string, len(calls))
		panicked = make([]bool, len(calls))
		for i, c := range calls {
			strs[i], panicked[i] = callMethod(c)
		}
	}
	return formatArgs(mode, format, a, strs, panicked)
}

// callMethod runs v's Error or String method (error first, as Go), turning a
// panic into its text.
func callMethod(v any) (s string, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			s, panicked = panicText(r), true
		}
	}()
	switch x := v.(type) {
	case error:
		return x.Error(), false
	case Stringer:
		return x.String(), false
	}
	return "", false
}

// panicText is how Go prints a recovered panic value inside PANIC=...: with
// %v. A method that panics again here is not recovered, as in Go.
func panicText(r any) string {
	switch x := r.(type) {
	case error:
		return x.Error()
	case Stringer:
		return x.String()
	}
	return Sprint(r)
}

// Sprint formats its operands with their default formats, adding spaces
// between operands when neither is a string.
func Sprint(a ...any) string {
	s, _ := sprint(modePrint, "", a)
	return s
}

// Sprintln formats its operands with their default formats, always adding
// spaces between them and a newline at the end.
func Sprintln(a ...any) string {
	s, _ := sprint(modePrintln, "", a)
	return s
}

// Sprintf formats according to a format specifier.
func Sprintf(format string, a ...any) string {
	s, _ := sprint(modePrintf, format, a)
	return s
}

// ---- printing to writers ----

func Fprint(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

func Print(a ...any) (n int, err error) {
	return Fprint(os.Stdout, a...)
}

func Println(a ...any) (n int, err error) {
	return Fprintln(os.Stdout, a...)
}

func Printf(format string, a ...any) (n int, err error) {
	return Fprintf(os.Stdout, format, a...)
}

func Append(b []byte, a ...any) []byte {
	return append(b, Sprint(a...)...)
}

func Appendln(b []byte, a ...any) []byte {
	return append(b, Sprintln(a...)...)
}

func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, Sprintf(format, a...)...)
}

// ---- errors ----

// Errorf formats according to a format specifier and returns the string as
// an error. Operands of %w verbs must be errors: the result wraps them
// (Unwrap() error for one, Unwrap() []error for several). A %w operand that
// is not an error prints as a bad verb and is not wrapped.
func Errorf(format string, a ...any) error {
	s, wrapped := sprint(modePrintfWrap, format, a)
	switch len(wrapped) {
	case 0:
		return errors.New(s)
	case 1:
		w := &wrapError{msg: s}
		w.err, _ = a[wrapped[0]].(error)
		return w
	}
	// Several %w: each operand once, in operand order.
	sortInts(wrapped)
	var errs []error
	for i, k := range wrapped {
		if i > 0 && wrapped[i-1] == k {
			continue
		}
		if e, ok := a[k].(error); ok {
			errs = append(errs, e)
		}
	}
	return &wrapErrors{s, errs}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string {
	return e.msg
}

func (e *wrapErrors) Unwrap() []error {
	return e.errs
}

// sortInts sorts a short slice in place (fmt does not import sort).
func sortInts(x []int) {
	for i := 1; i < len(x); i++ {
		for j := i; j > 0 && x[j] < x[j-1]; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}
)go";

}  // namespace gol::stdlib
