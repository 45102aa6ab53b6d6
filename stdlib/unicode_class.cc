// unicode_class.cc — the rune classes of package unicode (unicode_impl.h).
//
// Each class is a sorted list of inclusive rune ranges, looked up by binary
// search (a handful of steps: the longest list has 659 ranges). The lists are generated from Go's own
// predicates (stdlib/gen/unicode_tables.go writes unicode_tables.inc), so
// they carry Go's Unicode version and Go's special rules with them.
#include <algorithm>
#include <iterator>

#include "stdlib/unicode_impl.h"

namespace gol::stdlib {
namespace {

struct RuneRange {
  uint32_t lo, hi;  // inclusive
};

#include "stdlib/unicode_tables.inc"

template <size_t N>
bool in_ranges(const RuneRange (&table)[N], int32_t r) {
  const auto u = static_cast<uint32_t>(r);  // negative runes land past every range
  const RuneRange* it = std::upper_bound(std::begin(table), std::end(table), u,
                                         [](uint32_t x, const RuneRange& range) { return x < range.lo; });
  return it != std::begin(table) && u <= (it - 1)->hi;
}

}  // namespace

bool rune_is(RuneClass c, int32_t r) {
  switch (c) {
    case RuneClass::Letter: return in_ranges(kIsLetter, r);
    case RuneClass::Digit: return in_ranges(kIsDigit, r);
    case RuneClass::Number: return in_ranges(kIsNumber, r);
    case RuneClass::Space: return in_ranges(kIsSpace, r);
    case RuneClass::Upper: return in_ranges(kIsUpper, r);
    case RuneClass::Lower: return in_ranges(kIsLower, r);
    case RuneClass::Title: return in_ranges(kIsTitle, r);
    case RuneClass::Punct: return in_ranges(kIsPunct, r);
    case RuneClass::Mark: return in_ranges(kIsMark, r);
    case RuneClass::Symbol: return in_ranges(kIsSymbol, r);
    case RuneClass::Control: return in_ranges(kIsControl, r);
  }
  return false;
}

}  // namespace gol::stdlib
