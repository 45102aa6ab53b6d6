// strconv.cc — package strconv: conversions between strings and numbers.
//
// The integer parsers, the bool conversions, the Append* family and every
// error value are Go; the conversions that need real numerics or Unicode
// tables are native:
//   FormatInt, FormatUint, FormatFloat       (shortest round-trip floats)
//   parseFloat(s, bitSize) (f, status)       0 ok, 1 syntax, 2 range
//   Quote*, QuoteRune*, IsPrint, IsGraphic   (need the Unicode print tables)
//   unquote(s) (t, ok), unquoteChar(...)     Go's escape grammar
// The natives report failure as a status and the Go wrappers build the
// *NumError or ErrSyntax, so no native constructs a Go value of this package.
//
// Left out: ParseComplex/FormatComplex (gol has no complex numbers),
// QuotedPrefix.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kStrconvSource = R"go(package strconv

import (
	"errors"
	"unicode/utf8"
)

// IntSize is the size in bits of an int or uint value.
const IntSize = 64

// ErrRange: a value is out of range for its type.
var ErrRange = errors.New("value out of range")

// ErrSyntax: a value does not have the right syntax for its type.
var ErrSyntax = errors.New("invalid syntax")

// A NumError records a failed conversion.
type NumError struct {
	Func string // the failing function (ParseBool, ParseInt, ParseUint, ParseFloat)
	Num  string // the input
	Err  error  // the reason (ErrRange, ErrSyntax, ...)
}

func (e *NumError) Error() string {
	return "strconv." + e.Func + ": " + "parsing " + Quote(e.Num) + ": " + e.Err.Error()
}

func (e *NumError) Unwrap() error {
	return e.Err
}

func syntaxError(fn, s string) *NumError {
	return &NumError{fn, s, ErrSyntax}
}

func rangeError(fn, s string) *NumError {
	return &NumError{fn, s, ErrRange}
}

// ---- natives ----

// FormatInt returns i in the given base (2 to 36), lower-case letters for
// digits >= 10.
func FormatInt(i int64, base int) string

func FormatUint(i uint64, base int) string

// FormatFloat formats f by fmt ('b', 'e', 'E', 'f', 'g', 'G', 'x', 'X') with
// prec digits (-1: the fewest that read back as f) for a float of bitSize
// bits (32 or 64).
func FormatFloat(f float64, fmt byte, prec, bitSize int) string

// parseFloat converts all of s, returning a status: 0 ok, 1 syntax error,
// 2 out of range (f is then ±Inf).
func parseFloat(s string, bitSize int) (f float64, status int)

func Quote(s string) string
func QuoteToASCII(s string) string
func QuoteToGraphic(s string) string
func QuoteRune(r rune) string
func QuoteRuneToASCII(r rune) string
func QuoteRuneToGraphic(r rune) string
func IsPrint(r rune) bool
func IsGraphic(r rune) bool

// unquote interprets s as a Go string or rune literal; ok is false for a
// syntax error.
func unquote(s string) (t string, ok bool)

// unquoteChar decodes the first character or escape of s, a literal quoted
// by quote; ok is false for a syntax error.
func unquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, ok bool)

// ---- integers ----

func Itoa(i int) string {
	return FormatInt(int64(i), 10)
}

// Atoi is ParseInt(s, 10, 0), converted to int.
func Atoi(s string) (int, error) {
	i, err := ParseInt(s, 10, 0)
	if ne, ok := err.(*NumError); ok {
		ne.Func = "Atoi"
	}
	return int(i), err
}

// ParseInt interprets s, with an optional sign, in the given base (0: by its
// prefix, allowing underscores) and bit size (0: int).
func ParseInt(s string, base int, bitSize int) (i int64, err error) {
	if s == "" {
		return 0, syntaxError("ParseInt", s)
	}
	digits := s
	neg := s[0] == '-'
	if s[0] == '+' || s[0] == '-' {
		digits = s[1:]
	}
	u, err := ParseUint(digits, base, bitSize)
	if err != nil && err.(*NumError).Err != ErrRange {
		ne := err.(*NumError)
		ne.Func = "ParseInt"
		ne.Num = s
		return 0, ne
	}
	if bitSize == 0 {
		bitSize = IntSize
	}
	limit := uint64(1) << uint(bitSize-1) // magnitude of the most negative value
	if !neg && u >= limit {
		return int64(limit - 1), rangeError("ParseInt", s)
	}
	if neg && u > limit {
		return -int64(limit), rangeError("ParseInt", s)
	}
	if neg {
		return -int64(u), nil
	}
	return int64(u), nil
}

// ParseUint is ParseInt for unsigned numbers: no sign is allowed.
func ParseUint(s string, base int, bitSize int) (uint64, error) {
	if s == "" {
		return 0, syntaxError("ParseUint", s)
	}
	digits := s
	prefixed := base == 0
	switch {
	case prefixed:
		base = 10
		if s[0] == '0' {
			base, digits = 8, s[1:]
			if len(s) >= 3 {
				switch s[1] | 0x20 {
				case 'b':
					base, digits = 2, s[2:]
				case 'o':
					base, digits = 8, s[2:]
				case 'x':
					base, digits = 16, s[2:]
				}
			}
		}
	case base < 2 || base > 36:
		return 0, &NumError{"ParseUint", s, errors.New("invalid base " + Itoa(base))}
	}
	if bitSize == 0 {
		bitSize = IntSize
	} else if bitSize < 0 || bitSize > 64 {
		return 0, &NumError{"ParseUint", s, errors.New("invalid bit size " + Itoa(bitSize))}
	}
	max := uint64(1)<<uint(bitSize) - 1
	// n*base overflows uint64 exactly when n >= mulLimit.
	mulLimit := (1<<64-1)/uint64(base) + 1
	underscores := false
	var n uint64
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		var d byte
		switch {
		case c == '_' && prefixed:
			underscores = true
			continue
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= c|0x20 && c|0x20 <= 'z':
			d = c | 0x20 - 'a' + 10
		default:
			return 0, syntaxError("ParseUint", s)
		}
		if d >= byte(base) {
			return 0, syntaxError("ParseUint", s)
		}
		if n >= mulLimit {
			return max, rangeError("ParseUint", s)
		}
		n *= uint64(base)
		next := n + uint64(d)
		if next < n || next > max {
			return max, rangeError("ParseUint", s)
		}
		n = next
	}
	if underscores && !underscoresOK(s) {
		return 0, syntaxError("ParseUint", s)
	}
	return n, nil
}

// underscoresOK reports whether the underscores in the number s (sign and
// base prefix allowed) each sit between two digits, a base prefix counting
// as a digit.
func underscoresOK(s string) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	prev := '^' // class of the previous character: ^ start, 0 digit, _ underscore, ! other
	hex := false
	i := 0
	if len(s) >= 2 && s[0] == '0' {
		switch s[1] | 0x20 {
		case 'b', 'o', 'x':
			hex = s[1]|0x20 == 'x'
			prev = '0'
			i = 2
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9' || hex && 'a' <= c|0x20 && c|0x20 <= 'f':
			prev = '0'
		case c == '_':
			if prev != '0' {
				return false
			}
			prev = '_'
		default:
			if prev == '_' {
				return false
			}
			prev = '!'
		}
	}
	return prev != '_'
}

// ---- floats and bools ----

// ParseFloat converts s to a float64 (rounded to float32 precision when
// bitSize is 32). Out-of-range values give ±Inf and ErrRange.
func ParseFloat(s string, bitSize int) (float64, error) {
	f, status := parseFloat(s, bitSize)
	switch status {
	case 1:
		return 0, syntaxError("ParseFloat", s)
	case 2:
		return f, rangeError("ParseFloat", s)
	}
	return f, nil
}

// ParseBool accepts 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False.
func ParseBool(str string) (bool, error) {
	switch str {
	case "1", "t", "T", "true", "TRUE", "True":
		return true, nil
	case "0", "f", "F", "false", "FALSE", "False":
		return false, nil
	}
	return false, syntaxError("ParseBool", str)
}

func FormatBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// ---- quoting ----

// Unquote interprets s as a quoted Go string or rune literal (", ` or ').
func Unquote(s string) (string, error) {
	t, ok := unquote(s)
	if !ok {
		return "", ErrSyntax
	}
	return t, nil
}

// UnquoteChar decodes the first character or escape sequence of the quoted
// literal body s.
func UnquoteChar(s string, quote byte) (value rune, multibyte bool, tail string, err error) {
	value, multibyte, tail, ok := unquoteChar(s, quote)
	if !ok {
		return 0, false, "", ErrSyntax
	}
	return value, multibyte, tail, nil
}

// CanBackquote reports whether s can be a raw string literal unchanged: valid
// UTF-8 without a byte order mark, backquote, or control character but tab.
func CanBackquote(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch {
		case size > 1:
			if r == '\uFEFF' {
				return false
			}
		case r == utf8.RuneError:
			return false
		case r < ' ' && r != '\t', r == '`', r == '\u007F':
			return false
		}
	}
	return true
}

// ---- appending ----

func AppendInt(dst []byte, i int64, base int) []byte {
	return append(dst, FormatInt(i, base)...)
}

func AppendUint(dst []byte, i uint64, base int) []byte {
	return append(dst, FormatUint(i, base)...)
}

func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}

func AppendBool(dst []byte, b bool) []byte {
	return append(dst, FormatBool(b)...)
}

func AppendQuote(dst []byte, s string) []byte {
	return append(dst, Quote(s)...)
}

func AppendQuoteToASCII(dst []byte, s string) []byte {
	return append(dst, QuoteToASCII(s)...)
}

func AppendQuoteToGraphic(dst []byte, s string) []byte {
	return append(dst, QuoteToGraphic(s)...)
}

func AppendQuoteRune(dst []byte, r rune) []byte {
	return append(dst, QuoteRune(r)...)
}

func AppendQuoteRuneToASCII(dst []byte, r rune) []byte {
	return append(dst, QuoteRuneToASCII(r)...)
}

func AppendQuoteRuneToGraphic(dst []byte, r rune) []byte {
	return append(dst, QuoteRuneToGraphic(r)...)
}
)go";

}  // namespace gol::stdlib
