// unicode.cc — package unicode: rune classes and case mapping.
//
// Every function is a native over unicode_impl.h (the same tables strings
// uses for ToUpper and EqualFold); To checks its case argument in Go.
// Absent: RangeTable and the tables built from it (unicode.Letter,
// unicode.Han, ...), Is, In, IsOneOf, SpecialCase and the Turkish cases.
#include "stdlib/packages.h"

namespace gol::stdlib {

extern const std::string_view kUnicodeSource = R"go(package unicode

const (
	MaxRune         = '\U0010FFFF' // the largest valid code point
	ReplacementChar = '\uFFFD'     // what stands for an invalid code point
	MaxASCII        = '\u007F'     // the largest ASCII value
	MaxLatin1       = '\u00FF'     // the largest Latin-1 value
)

// The cases To maps between.
const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

// Version is the Unicode edition the tables come from.
const Version = "15.0.0"

func IsLetter(r rune) bool  // category L
func IsDigit(r rune) bool   // category Nd
func IsNumber(r rune) bool  // category N
func IsSpace(r rune) bool   // White_Space: '\t', '\n', '\v', '\f', '\r', ' ', U+0085, U+00A0 and beyond Latin-1
func IsUpper(r rune) bool   // category Lu
func IsLower(r rune) bool   // category Ll
func IsTitle(r rune) bool   // category Lt
func IsPunct(r rune) bool   // category P
func IsMark(r rune) bool    // category M
func IsSymbol(r rune) bool  // category S
func IsControl(r rune) bool // C0 and C1 controls only
func IsPrint(r rune) bool   // L, M, N, P, S and the ASCII space
func IsGraphic(r rune) bool // IsPrint plus the other Zs spaces

// To maps r to the given case: UpperCase, LowerCase or TitleCase.
func To(_case int, r rune) rune {
	if _case < 0 || MaxCase <= _case {
		return ReplacementChar
	}
	return to(_case, r)
}

func to(_case int, r rune) rune

func ToUpper(r rune) rune
func ToLower(r rune) rune
func ToTitle(r rune) rune

// SimpleFold returns the smallest rune above r that is equivalent to it
// under Unicode simple case folding, wrapping around to the smallest; r
// itself when it has no other case.
func SimpleFold(r rune) rune
)go";

}  // namespace gol::stdlib
