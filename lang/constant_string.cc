// constant_string.cc — how a constant is spelled in an error message: Go's
// go/constant String(), plus strconv.Quote/QuoteRune, which it and the literal
// diagnostics (`invalid character 'g' in hexadecimal escape`) rely on.
//
// The spellings, from go/constant:
//   Bool    true, false
//   Int     decimal, every digit
//   Float   fmt's %.6g of the nearest float64 (1.5, 0.1, 1e+100, 3.33333);
//           outside float64's range an approximate "%.6ge%+d" (1e+400)
//   String  strconv.Quote, cut to 72 runes ending in "..." when longer
//
// For finite doubles C's printf %.6g and Go's fmt %.6g agree digit for digit
// (both pick %e when the exponent is < -4 or >= the precision, both drop
// trailing zeros, both print at least two exponent digits), so we use
// snprintf. The value printed is the correctly rounded float64 of the exact
// rational.
#include <gmpxx.h>

#include <climits>
#include <cmath>
#include <cstdio>
#include <string>

#include "lang/constant_rep.h"

namespace gol::lang {

using namespace constant_internal;

namespace {

// go/constant's limit on a quoted string in a message, in runes.
constexpr size_t kMaxQuotedRunes = 72;

void append_hex(std::string& out, unsigned value, int digits) {
  static const char kHex[] = "0123456789abcdef";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out.push_back(kHex[(value >> shift) & 0xF]);
}

// One rune of strconv's quoted form (cf. strconv.appendEscapedRune).
void append_escaped_rune(std::string& out, char32_t r, char quote) {
  if (r == static_cast<char32_t>(quote) || r == '\\') {
    out.push_back('\\');
    out.push_back(static_cast<char>(r));
    return;
  }
  if (is_print(r)) {
    append_utf8(out, r);
    return;
  }
  switch (r) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
    default: break;
  }
  if (r < ' ' || r == 0x7F) {
    out += "\\x";
    append_hex(out, r, 2);
  } else if (r < 0x10000) {
    out += "\\u";
    append_hex(out, r, 4);
  } else {
    out += "\\U";
    append_hex(out, r, 8);
  }
}

std::string float_to_string(const mpq_class& q) {
  char buf[64];
  // go/constant prints %.6g of the float64 unless that overflows or
  // underflows to zero.
  if (sgn(q) == 0) return "0";
  Rounded r = round_to_bits(q, 53, -1074);
  long top = sgn(r.mant) == 0 ? LONG_MIN : static_cast<long>(mpz_sizeinbase(r.mant.get_mpz_t(), 2)) - 1 + r.lsb;
  if (sgn(r.mant) != 0 && top <= 1023) {
    std::snprintf(buf, sizeof buf, "%.6g", std::ldexp(r.mant.get_d(), static_cast<int>(r.lsb)));
    return buf;
  }
  // Out of float64's range: q = mant·2^exp with 0.5 <= |mant| < 1, then
  // an approximate decimal exponent, as go/constant's floatVal.String.
  long exp = floor_log2(q) + 1;
  Rounded m53 = round_to_bits(q, 53, LONG_MIN);
  double mant = std::ldexp(m53.mant.get_d(), static_cast<int>(m53.lsb - exp));
  // log10(2) rounded once, as Go's constant expression math.Ln2/math.Ln10 is.
  constexpr double kLog10Of2 = 0.30102999566398119521373889472449302676818988146210854131;
  double d = static_cast<double>(exp) * kLog10Of2;
  long long e = static_cast<long long>(d);  // truncated, as Go's int64(d)
  double m = mant * std::pow(10.0, d - static_cast<double>(e));
  double am = std::fabs(m);
  if (am < 1 - 0.5e-6) {
    // %.6g keeps 5 decimals: make sure m*10 stays below 10 after rounding.
    m *= 10;
    --e;
  } else if (am >= 10) {
    m /= 10;
    ++e;
  }
  std::snprintf(buf, sizeof buf, "%.6ge%+lld", m, e);
  return buf;
}

std::string shorten_quoted(std::string s) {
  size_t runes = 0;
  size_t cut = 0;  // byte offset after kMaxQuotedRunes-3 runes
  for (size_t i = 0; i < s.size();) {
    i += decode_utf8(s, i).width;
    ++runes;
    if (runes == kMaxQuotedRunes - 3) cut = i;
  }
  if (runes <= kMaxQuotedRunes) return s;
  s.resize(cut);
  s += "...";
  return s;
}

}  // namespace

namespace constant_internal {

std::string quote_string(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    DecodedRune d = decode_utf8(s, i);
    if (d.r == kRuneError && d.width == 1) {
      out += "\\x";  // a byte that is not UTF-8
      append_hex(out, static_cast<unsigned char>(s[i]), 2);
    } else {
      append_escaped_rune(out, d.r, '"');
    }
    i += d.width;
  }
  out.push_back('"');
  return out;
}

std::string quote_rune(char32_t r) {
  if (r > kMaxRune || (r >= 0xD800 && r < 0xE000)) r = kRuneError;
  std::string out = "'";
  append_escaped_rune(out, r, '\'');
  out.push_back('\'');
  return out;
}

}  // namespace constant_internal

std::string Constant::to_string() const {
  const Rep& rep = Rep::of(*this);
  switch (m_kind) {
    case Kind::Bool: return rep.b ? "true" : "false";
    case Kind::String: return shorten_quoted(quote_string(rep.s));
    case Kind::Int: return rep.z.get_str(10);
    case Kind::Float: return float_to_string(rep.q);
  }
  return "";
}

}  // namespace gol::lang
