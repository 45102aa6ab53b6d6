// unicode_impl.h — runes as Go's package unicode sees them: case mapping,
// case folding and the rune classes (letters, digits, spaces ...), for the
// natives of unicode, strings and any other package that needs them.
//
// Every answer is Go's (Go 1.23, Unicode 15.0.0), not the C library's:
// towupper and iswalpha depend on the locale and on the C library's Unicode
// version, and Go's tables are the specification here.
#pragma once

#include <cstdint>

namespace gol::stdlib {

// unicode.To: which is 0 (UpperCase), 1 (LowerCase) or 2 (TitleCase); a
// rune without that case (or not a rune at all) is returned unchanged.
int32_t rune_to(int which, int32_t r);
int32_t rune_to_upper(int32_t r);  // unicode.ToUpper
int32_t rune_to_lower(int32_t r);  // unicode.ToLower
int32_t rune_to_title(int32_t r);  // unicode.ToTitle
// unicode.SimpleFold: the next rune of r's case-equivalence orbit.
int32_t rune_simple_fold(int32_t r);

// The classes of package unicode's Is* predicates (Print and Graphic are
// strconv's, fmt_impl.h).
enum class RuneClass { Letter, Digit, Number, Space, Upper, Lower, Title, Punct, Mark, Symbol, Control };
bool rune_is(RuneClass c, int32_t r);

}  // namespace gol::stdlib
