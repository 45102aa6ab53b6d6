// fmt_float.cc — Go's number text: FormatFloat's every format, ParseFloat's
// grammar, integer digits. Shared by strconv's natives and fmt's verbs.
//
// The core idea: the hard part of float printing, correctly rounded decimal
// digits (shortest round-trip, or n significant digits, or n digits after the
// point), comes from std::to_chars (exact, Ryu-based in libstdc++), and this
// file only turns those digits into Go's layouts. The digits are normalised
// into one decimal form, {digits without leading or trailing zeros, position
// of the decimal point}, exactly what Go's ftoa.go works on (its
// decimalSlice), so the %e/%f/%g decisions below are Go's own rules applied
// to the same data. 'b' and 'x' work on the raw mantissa and exponent.
//
// Parsing validates Go's syntax here (signs, underscores between digits, hex
// mantissas with a mandatory p exponent, inf/infinity/nan) and leaves the
// correctly rounded conversion to strtod/strtof on a cleaned copy: the
// program runs in the "C" locale, and both are exact in glibc. Overflow is a
// range error (±Inf) as in Go; underflow to zero or a denormal is not.
//
// Rejected: porting Go's Ryu and big-decimal code — std::to_chars already
// gives identical digits, and a second implementation would be a second place
// for rounding bugs.
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "stdlib/fmt_impl.h"

namespace gol::stdlib {

namespace {

// Go's decimalSlice: value = 0.d[0]d[1]... × 10^dp; no leading or trailing zeros
// in d; zero is {"", 0}.
struct Decimal {
  std::string d;
  int dp = 0;
};

void trim(Decimal& dec) {
  size_t lead = dec.d.find_first_not_of('0');
  if (lead == std::string::npos) {
    dec.d.clear();
    dec.dp = 0;
    return;
  }
  dec.d.erase(0, lead);
  dec.dp -= static_cast<int>(lead);
  dec.d.erase(dec.d.find_last_not_of('0') + 1);
}

// From to_chars' scientific form "d.ddde±XX".
Decimal from_scientific(std::string_view s) {
  Decimal dec;
  size_t e = s.find('e');
  for (char c : s.substr(0, e)) {
    if (c != '.') dec.d += c;
  }
  int exp = 0;
  std::from_chars(s.data() + e + (s[e + 1] == '+' ? 2 : 1), s.data() + s.size(), exp);
  dec.dp = exp + 1;
  trim(dec);
  return dec;
}

// From to_chars' fixed form "ddd.ddd".
Decimal from_fixed(std::string_view s) {
  Decimal dec;
  size_t point = s.find('.');
  dec.dp = static_cast<int>(point == std::string_view::npos ? s.size() : point);
  for (char c : s) {
    if (c != '.') dec.d += c;
  }
  trim(dec);
  return dec;
}

// The digits of |v|: shortest (prec < 0), `sig` significant digits, or
// rounded at `frac` digits after the point.
enum class Digits { Shortest, Significant, Fraction };
Decimal decimal_digits(double v, int bit_size, Digits how, int n) {
  // The longest output is a fixed-point denormal: ~330 digits before any
  // requested precision. Most requests fit the stack buffer.
  char small[512];
  std::string big;
  size_t need = static_cast<size_t>(n > 0 ? n : 0) + 420;
  if (need > sizeof small) big.resize(need);
  char* first = need > sizeof small ? big.data() : small;
  char* last = first + (need > sizeof small ? need : sizeof small);
  std::to_chars_result r;
  switch (how) {
    case Digits::Shortest:
      r = bit_size == 32 ? std::to_chars(first, last, static_cast<float>(v), std::chars_format::scientific)
                         : std::to_chars(first, last, v, std::chars_format::scientific);
      return from_scientific({first, static_cast<size_t>(r.ptr - first)});
    case Digits::Significant:
      r = std::to_chars(first, last, v, std::chars_format::scientific, n - 1);
      return from_scientific({first, static_cast<size_t>(r.ptr - first)});
    case Digits::Fraction:
      break;
  }
  r = std::to_chars(first, last, v, std::chars_format::fixed, n);
  return from_fixed({first, static_cast<size_t>(r.ptr - first)});
}

void fmt_e(std::string& out, bool neg, const Decimal& dec, int prec, char fmt) {
  if (neg) out += '-';
  int nd = static_cast<int>(dec.d.size());
  out += nd ? dec.d[0] : '0';
  if (prec > 0) {
    out += '.';
    int i = 1;
    int m = std::min(nd, prec + 1);
    if (i < m) {
      out.append(dec.d, 1, static_cast<size_t>(m - 1));
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  out += fmt;
  int exp = nd == 0 ? 0 : dec.dp - 1;
  out += exp < 0 ? '-' : '+';
  exp = std::abs(exp);
  if (exp >= 100) out += static_cast<char>('0' + exp / 100);
  out += static_cast<char>('0' + exp / 10 % 10);
  out += static_cast<char>('0' + exp % 10);
}

void fmt_f(std::string& out, bool neg, const Decimal& dec, int prec) {
  if (neg) out += '-';
  int nd = static_cast<int>(dec.d.size());
  if (dec.dp > 0) {
    int m = std::min(nd, dec.dp);
    out.append(dec.d, 0, static_cast<size_t>(m));
    out.append(static_cast<size_t>(dec.dp - m), '0');
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (int i = 0; i < prec; i++) {
      int j = dec.dp + i;
      out += (j >= 0 && j < nd) ? dec.d[static_cast<size_t>(j)] : '0';
    }
  }
}

// 'b': mantissa "p" binary exponent, both decimal.
void fmt_b(std::string& out, bool neg, uint64_t mant, int exp, int mant_bits) {
  if (neg) out += '-';
  append_int(out, mant, false, 10);
  out += 'p';
  exp -= mant_bits;
  if (exp >= 0) out += '+';
  append_int(out, static_cast<uint64_t>(std::abs(exp)), exp < 0, 10);
}

// 'x'/'X': -0x1.hhhp±dd, the mantissa normalised to a leading 1 (0 for zero)
// and rounded to prec hex digits (half to even) when prec >= 0.
void fmt_x(std::string& out, int prec, char fmt, bool neg, uint64_t mant, int exp, int mant_bits) {
  if (mant == 0) exp = 0;
  mant <<= 60 - mant_bits;  // leading bit at 60
  while (mant != 0 && (mant & (uint64_t{1} << 60)) == 0) {
    mant <<= 1;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    unsigned shift = static_cast<unsigned>(prec * 4);
    uint64_t extra = (mant << shift) & ((uint64_t{1} << 60) - 1);
    mant >>= 60 - shift;
    if ((extra | (mant & 1)) > (uint64_t{1} << 59)) mant++;
    mant <<= 60 - shift;
    if (mant & (uint64_t{1} << 61)) {  // rounding carried into a new leading bit
      mant >>= 1;
      exp++;
    }
  }
  const char* hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  if (neg) out += '-';
  out += '0';
  out += fmt;
  out += static_cast<char>('0' + ((mant >> 60) & 1));
  mant <<= 4;
  if (prec < 0 && mant != 0) {
    out += '.';
    for (; mant != 0; mant <<= 4) out += hex[(mant >> 60) & 15];
  } else if (prec > 0) {
    out += '.';
    for (int i = 0; i < prec; i++, mant <<= 4) out += hex[(mant >> 60) & 15];
  }
  out += fmt == 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  exp = std::abs(exp);
  if (exp >= 1000) out += static_cast<char>('0' + exp / 1000);
  if (exp >= 100) out += static_cast<char>('0' + exp / 100 % 10);
  out += static_cast<char>('0' + exp / 10 % 10);
  out += static_cast<char>('0' + exp % 10);
}

// %e, %f, %g from digits, as Go's formatDigits.
void format_digits(std::string& out, bool shortest, bool neg, const Decimal& dec, int prec, char fmt) {
  int nd = static_cast<int>(dec.d.size());
  switch (fmt) {
    case 'e': case 'E':
      fmt_e(out, neg, dec, prec, fmt);
      return;
    case 'f':
      fmt_f(out, neg, dec, prec);
      return;
    case 'g': case 'G': {
      int eprec = prec;
      if (eprec > nd && nd >= dec.dp) eprec = nd;
      // Shortest output uses %e from 1e+06 up: Go fixes the threshold at 6
      // digits whatever the number of digits.
      if (shortest) eprec = 6;
      int exp = dec.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        fmt_e(out, neg, dec, prec - 1, static_cast<char>(fmt + 'e' - 'g'));
        return;
      }
      if (prec > dec.dp) prec = nd;
      fmt_f(out, neg, dec, std::max(prec - dec.dp, 0));
      return;
    }
  }
  out += '%';
  out += fmt;
}

bool is_digit(char c, bool hex) {
  return (c >= '0' && c <= '9') || (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'));
}

// Underscores only between digits (a base prefix counts as a digit), as
// strconv's underscoreOK.
bool underscores_ok(std::string_view s) {
  char saw = '^';
  size_t i = 0;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' && ((s[1] | 0x20) == 'b' || (s[1] | 0x20) == 'o' || (s[1] | 0x20) == 'x')) {
    i = 2;
    saw = '0';
    hex = (s[1] | 0x20) == 'x';
  }
  for (; i < s.size(); i++) {
    if (is_digit(s[i], hex)) {
      saw = '0';
      continue;
    }
    if (s[i] == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

bool equal_fold(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if ((a[i] | 0x20) != lower[i]) return false;
  }
  return true;
}

// inf, infinity (signed) and nan (unsigned), any case.
bool parse_special(std::string_view s, double* result) {
  bool neg = false;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
    if (equal_fold(body, "nan")) return false;
  }
  if (equal_fold(body, "inf") || equal_fold(body, "infinity")) {
    *result = neg ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (body.size() == s.size() && equal_fold(body, "nan")) {
    *result = std::nan("");
    return true;
  }
  return false;
}

// Go's readFloat grammar; on success `clean` is s without underscores.
bool valid_float_syntax(std::string_view s, std::string* clean) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
  bool hex = false;
  if (i + 2 <= s.size() && s[i] == '0' && (s[i + 1] | 0x20) == 'x') {
    hex = true;
    i += 2;
  }
  bool saw_dot = false, saw_digits = false, underscores = false;
  for (; i < s.size(); i++) {
    char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (saw_dot) return false;
      saw_dot = true;
    } else if (is_digit(c, hex)) {
      saw_digits = true;
    } else {
      break;
    }
  }
  if (!saw_digits) return false;
  bool saw_exp = false;
  if (i < s.size() && (s[i] | 0x20) == (hex ? 'p' : 'e')) {
    saw_exp = true;
    i++;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) i++;
    bool exp_digits = false;
    for (; i < s.size() && (is_digit(s[i], false) || s[i] == '_'); i++) {
      if (s[i] == '_') {
        underscores = true;
      } else {
        exp_digits = true;
      }
    }
    if (!exp_digits) return false;
  }
  if (i != s.size() || (hex && !saw_exp)) return false;
  if (underscores && !underscores_ok(s)) return false;
  clean->clear();
  for (char c : s) {
    if (c != '_') *clean += c;
  }
  return true;
}

}  // namespace

void append_int(std::string& out, uint64_t magnitude, bool negative, int base) {
  char buf[65];
  int i = 65;
  do {
    buf[--i] = "0123456789abcdefghijklmnopqrstuvwxyz"[magnitude % static_cast<uint64_t>(base)];
    magnitude /= static_cast<uint64_t>(base);
  } while (magnitude != 0);
  if (negative) out += '-';
  out.append(buf + i, static_cast<size_t>(65 - i));
}

void append_float(std::string& out, double v, char fmt, int prec, int bit_size) {
  // The IEEE fields, as Go's genericFtoa takes them.
  uint64_t bits;
  int exp_bits, mant_bits, bias;
  if (bit_size == 32) {
    float f = static_cast<float>(v);
    uint32_t b32;
    std::memcpy(&b32, &f, 4);
    bits = b32, exp_bits = 8, mant_bits = 23, bias = -127;
  } else {
    std::memcpy(&bits, &v, 8);
    exp_bits = 11, mant_bits = 52, bias = -1023;
  }
  bool neg = (bits >> (exp_bits + mant_bits)) != 0;
  int exp = static_cast<int>(bits >> mant_bits) & ((1 << exp_bits) - 1);
  uint64_t mant = bits & ((uint64_t{1} << mant_bits) - 1);
  if (exp == (1 << exp_bits) - 1) {
    out += mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf";
    return;
  }
  if (exp == 0) {
    exp++;
  } else {
    mant |= uint64_t{1} << mant_bits;
  }
  exp += bias;
  if (fmt == 'b') return fmt_b(out, neg, mant, exp, mant_bits);
  if (fmt == 'x' || fmt == 'X') return fmt_x(out, prec, fmt, neg, mant, exp, mant_bits);

  double mag = std::fabs(v);
  bool shortest = prec < 0;
  Decimal dec;
  if (shortest) {
    dec = decimal_digits(mag, bit_size, Digits::Shortest, 0);
    int nd = static_cast<int>(dec.d.size());
    switch (fmt) {
      case 'e': case 'E': prec = std::max(nd - 1, 0); break;
      case 'f': prec = std::max(nd - dec.dp, 0); break;
      case 'g': case 'G': prec = nd; break;
    }
  } else {
    if (bit_size == 32) mag = static_cast<float>(mag);
    switch (fmt) {
      case 'e': case 'E': dec = decimal_digits(mag, bit_size, Digits::Significant, prec + 1); break;
      case 'f': dec = decimal_digits(mag, bit_size, Digits::Fraction, prec); break;
      case 'g': case 'G':
        if (prec == 0) prec = 1;
        dec = decimal_digits(mag, bit_size, Digits::Significant, prec);
        break;
    }
  }
  format_digits(out, shortest, neg, dec, prec, fmt);
}

std::string format_float(double v, char fmt, int prec, int bit_size) {
  std::string out;
  append_float(out, v, fmt, prec, bit_size);
  return out;
}

ParseStatus parse_float(std::string_view s, int bit_size, double* result) {
  *result = 0;
  if (parse_special(s, result)) return ParseStatus::Ok;
  std::string clean;
  if (!valid_float_syntax(s, &clean)) return ParseStatus::Syntax;
  errno = 0;
  double v = bit_size == 32 ? static_cast<double>(std::strtof(clean.c_str(), nullptr))
                            : std::strtod(clean.c_str(), nullptr);
  *result = v;
  // Only overflow is an error: Go rounds underflow to zero or a denormal silently.
  return std::isinf(v) ? ParseStatus::Range : ParseStatus::Ok;
}

}  // namespace gol::stdlib
