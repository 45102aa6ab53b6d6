// constant_rep.h — the representation behind Constant, shared by constant*.cc
// only. Nothing outside lang/constant*.cc includes it: the public interface is
// lang/constant.h, which keeps GMP out of every other translation unit.
//
// A Constant holds one of: a bool, a byte string, an integer (mpz) or a
// rational (mpq). Floats are exact rationals while their numerator and
// denominator stay below kMaxRatBits bits, as go/constant keeps a big.Rat
// below its maxExp; past that a Float is rounded to kFloatPrecBits significant
// bits (go/constant switches to a 512-bit big.Float there) and still stored as
// the rational m·2^e, so every operation stays exact arithmetic on mpq.
//
// Magnitudes are bounded: |x| < 2^kMaxFloatExp (about 1e19728) or the
// operation overflows; a non-zero |x| < 2^-kMaxFloatExp becomes 0. go/constant
// allows binary exponents up to 2^31 by way of big.Float; we cap far lower so
// that a value never needs more than ~kMaxFloatExp bits of storage. No value
// of that size can reach a typed float (float64 ends near 2^1024), so the cap
// only shows in untyped intermediate results nobody writes.
//
// Rejected: a separate mpf/mantissa-exponent form for big floats. It doubles
// every operation's cases for values that never reach a program.
#pragma once

#include <gmpxx.h>

#include <string>
#include <string_view>

#include "lang/constant.h"

namespace gol::lang {

// As a nested class, Rep may touch Constant's private members: its static
// functions are how constant*.cc build Constants from GMP values.
struct Constant::Rep {
  bool b = false;   // Kind::Bool
  std::string s;    // Kind::String: bytes, not necessarily valid UTF-8
  mpz_class z;      // Kind::Int
  mpq_class q;      // Kind::Float, canonical (mpq_canonicalize'd)
  // Kind::Float: q was rounded to kFloatPrecBits somewhere along the way (a
  // go/constant floatVal rather than a ratVal). Results computed from it are
  // rounded too, and to_int forgives the rounding error as go/constant does.
  bool inexact = false;

  // c's representation; a moved-from Constant (null m_rep) reads as Int 0.
  static const Rep& of(const Constant& c);
  static Constant make(Kind kind, Rep rep);
  static Constant make_int(mpz_class z);
  static Constant make_float(mpq_class q, bool inexact = false);  // q normalize_float'ed
  static Constant make_string(std::string s);
  // A numeric constant's exact value as a rational.
  static mpq_class exact(const Constant& c);
};

namespace constant_internal {

// go/constant's maxExp: fraction components up to this many bits stay exact.
constexpr long kMaxRatBits = 4096;
// go/constant's precision for floats that are not kept as fractions.
constexpr long kFloatPrecBits = 512;
// Bound on a Float's binary exponent (see the header comment).
constexpr long kMaxFloatExp = 1L << 16;

// floor(log2(|x|)) for x != 0.
long floor_log2(const mpq_class& x);

// x rounded to `prec` significant bits, to nearest, ties to even. No bit below
// 2^min_lsb survives (IEEE subnormals): pass LONG_MIN for no lower limit.
// The result is mant·2^lsb with |mant| < 2^prec (or == 2^prec after a carry).
struct Rounded {
  mpz_class mant;
  long lsb = 0;
  mpq_class value() const;
};
Rounded round_to_bits(const mpq_class& x, long prec, long min_lsb);

// Brings a Float result within the representation's bounds (see above):
// rounds oversized fractions to kFloatPrecBits, flushes tiny values to 0.
// `inexact` says on entry whether an operand was inexact (then q is always
// rounded, as big.Float arithmetic would be) and on exit whether q is.
// Returns false when |q| >= 2^kMaxFloatExp.
bool normalize_float(mpq_class& q, bool& inexact);

// Go's unicode.IsPrint for a valid code point: letters, marks, numbers,
// punctuation, symbols and U+0020 (constant_unicode.cc).
bool is_print(char32_t r);

constexpr char32_t kRuneError = 0xFFFD;
constexpr char32_t kMaxRune = 0x10FFFF;

// The rune starting at s[i] and its width in bytes, as Go's utf8.DecodeRune:
// an invalid, overlong, surrogate or truncated encoding gives (kRuneError, 1).
struct DecodedRune {
  char32_t r;
  size_t width;
};
DecodedRune decode_utf8(std::string_view s, size_t i);
// Appends r's UTF-8 encoding; r must be a valid code point.
void append_utf8(std::string& out, char32_t r);

// strconv.Quote / strconv.QuoteRune (constant_string.cc).
std::string quote_string(std::string_view s);
std::string quote_rune(char32_t r);

}  // namespace constant_internal
}  // namespace gol::lang
