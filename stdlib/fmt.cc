// fmt.cc — package fmt: formatted printing.
//
// Formatting itself is native: Sprint, Sprintln and Sprintf walk values of
// any type, which needs the run-time type information only the VM has. Every
// other function is Go built on those three, so writing to an io.Writer (a
// user type as often as os.Stdout) and building the errors of Errorf happen in
// gol code:
//   Print*(...)   = Fprint*(os.Stdout, ...)
//   Fprint*(w, …) = w.Write([]byte(Sprint*(…)))   one Write per call, as Go
//   Append*(b, …) = append(b, Sprint*(…)...)
//   Errorf        = sprintfWrap + the wrap types below
// The native formatter still has to call String() and Error() methods of the
// values it prints (and recover their panics the way Go's handleMethods
// does); that is the VM issue's call-back mechanism, not something this file
// can move into Go, since those methods hide at any depth inside the values.
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

// ---- natives ----

// Sprint formats its operands with their default formats, adding spaces
// between operands when neither is a string.
func Sprint(a ...any) string

// Sprintln formats its operands with their default formats, always adding
// spaces between them and a newline at the end.
func Sprintln(a ...any) string

// Sprintf formats according to a format specifier.
func Sprintf(format string, a ...any) string

// sprintfWrap is Sprintf with the %w verb allowed (printed as %v when its
// operand is an error, as a bad verb otherwise), as Errorf needs. It also
// returns the index in a of the operand of every %w verb that had one,
// whatever its type, in format order.
func sprintfWrap(format string, a []any) (s string, wrapped []int)

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
	s, wrapped := sprintfWrap(format, a)
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
