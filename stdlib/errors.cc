// errors.cc — package errors: New, Is, As, Unwrap, Join.
//
// Almost all of errors is ordinary Go, so it is declared with Go bodies and
// compiled like user code: Is and As call user methods (Is, As, Unwrap), and
// doing that from gol code keeps the VM from re-entering itself from C++
// (DESIGN.md §4). What needs run-time type information is left to three small
// native helpers, each declared without a body:
//   isComparable(v)        whether v's dynamic type supports ==
//   validateAsTarget(t)    As's argument checks, panicking with Go's messages
//   assignAs(err, target)  store err into *target when err's dynamic type is
//                          assignable to target's element type
// Rejected: As as one native function. It would have to call user As and
// Unwrap methods from C++.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kErrorsSource = R"go(package errors

// New returns an error whose Error method returns text. Each call yields a
// distinct value, even for equal texts.
func New(text string) error {
	return &errorString{text}
}

type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// Unwrap returns err's Unwrap() error result, or nil. It does not unwrap a
// multi-error (Unwrap() []error), as Go's does not.
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// Is reports whether any error in err's tree matches target, depth first.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	return is(err, target, isComparable(target))
}

func is(err, target error, targetComparable bool) bool {
	for {
		if targetComparable && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, e := range x.Unwrap() {
				if e != nil && is(e, target, targetComparable) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// As finds the first error in err's tree that matches target and, if one is
// found, sets target to it and returns true.
func As(err error, target any) bool {
	if err == nil {
		return false
	}
	if target == nil {
		panic("errors: target cannot be nil")
	}
	validateAsTarget(target)
	return as(err, target)
}

func as(err error, target any) bool {
	for {
		if assignAs(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, e := range x.Unwrap() {
				if e != nil && as(e, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// Join returns an error wrapping the non-nil errs, or nil if there are none.
// Its message is theirs, one per line.
func Join(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	e := &joinError{errs: make([]error, 0, n)}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	if len(e.errs) == 1 {
		return e.errs[0].Error()
	}
	b := []byte(e.errs[0].Error())
	for _, err := range e.errs[1:] {
		b = append(b, '\n')
		b = append(b, err.Error()...)
	}
	return string(b)
}

func (e *joinError) Unwrap() []error {
	return e.errs
}

// isComparable reports whether v's dynamic type is comparable, so that == on it
// cannot panic.
func isComparable(v any) bool

// validateAsTarget panics, with Go's messages, unless target is a non-nil
// pointer to an interface type or to a type implementing error.
func validateAsTarget(target any)

// assignAs sets *target = err and returns true if err's dynamic type is
// assignable to target's element type; otherwise it returns false.
func assignAs(err error, target any) bool
)go";

}  // namespace gol::stdlib
