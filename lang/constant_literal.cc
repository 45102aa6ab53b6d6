// constant_literal.cc — Constant::from_literal: the value of a literal as
// written in the source (cf. go/constant MakeFromLiteral and strconv.Unquote).
//
// The lexer has normally rejected malformed literals already; this file checks
// them again, in the order Go's scanner does (cmd/compile/internal/syntax), so
// that anything reaching it gets Go's message rather than a crash or a wrong
// value: "invalid digit '8' in octal literal", "'_' must separate successive
// digits", "octal escape value 256 > 255", "escape is invalid Unicode code
// point U+D800" (the compiler's wording; go/scanner says "escape sequence is
// invalid ..."), and so on. After that, the checks of types2's literal
// handling: "excessively long constant: 1234567890... (10001 chars)" past 10000
// characters, "constant overflow" for an integer of more than 512 bits, and
// "malformed constant: 1e99999" for a float beyond our bound (|x| >= 2^65536;
// Go's own bound is 2^(2^31), see constant_rep.h). Floats smaller than
// 2^-65536 are 0. Imaginary literals are valid Go but outside gol:
// "complex numbers are not supported".
//
// Values: integers in any base; floats exactly, M·10^E or M·2^E as a
// rational; a rune literal is an Int; strings with \xNN and octal escapes as
// raw bytes and \u/\U encoded as UTF-8; raw strings lose their '\r's. An
// integer spelling passed as LitKind::Float reads as go/constant reads it
// for token.FLOAT: a Float, with no legacy-octal meaning for a leading 0.
#include <gmpxx.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "lang/constant_rep.h"

namespace gol::lang {

using namespace constant_internal;

namespace {

// types2's cap on the length of a numeric literal.
constexpr size_t kMaxNumberChars = 10000;
// A decimal exponent saturates here while parsing: far past any bound below.
constexpr int64_t kExponentSaturation = int64_t{1} << 40;
// kMaxFloatExp in decimal digits (65536·log10(2) = 19728.3), for rejecting a
// huge literal before computing its powers of ten.
constexpr int64_t kMaxDecimalExp = 19729;

bool is_decimal(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_decimal(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
int digit_value(char c) { return is_decimal(c) ? c - '0' : lower(c) - 'a' + 10; }

const char* base_name(int base) {
  switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    default: return "hexadecimal";
  }
}

// Literal-level failures carry their message out of the helpers.
struct Failure {
  std::string message;
};

// ---------------------------------------------------------------------------
// Numbers

// A numeric literal taken apart as Go's scanner reads it.
struct NumberParts {
  int base = 10;
  char prefix = 0;          // 0 (decimal), '0' (legacy octal), 'x', 'o' or 'b'
  std::string mantissa;     // digits of the integer and fraction parts, no '_'
  int64_t frac_digits = 0;  // how many of them follow the radix point
  int64_t exponent = 0;     // the e/p exponent, saturated
  bool is_float = false;
  bool is_imag = false;
};

class NumberScanner {
 public:
  // With `float_token`, an integer spelling is read as a float's (as Go's
  // MakeFromLiteral(FLOAT) does): a leading 0 is then not an octal prefix.
  NumberScanner(std::string_view raw, bool float_token) : m_raw(raw), m_float_token(float_token) {}

  // Validates the literal; on success fills `parts`.
  std::optional<Failure> scan(NumberParts& parts);

 private:
  char peek() const { return m_pos < m_raw.size() ? m_raw[m_pos] : '\0'; }
  // Go's scanner.digits: digits and '_' of `base` (any decimal digit when
  // base <= 10, remembering the first one too large). Returns bit 0 for a
  // digit seen, bit 1 for a separator.
  int digits(int base, std::string* out, int64_t* count);
  std::optional<Failure> exponent(NumberParts& parts, int& digsep);
  int invalid_separator() const;

  std::string_view m_raw;
  bool m_float_token;
  size_t m_pos = 0;
  int64_t m_invalid = -1;  // index of the first digit >= base, or -1
};

int NumberScanner::digits(int base, std::string* out, int64_t* count) {
  int digsep = 0;
  while (m_pos < m_raw.size()) {
    char c = m_raw[m_pos];
    if (c == '_') {
      digsep |= 2;
    } else if (base <= 10 ? is_decimal(c) : is_hex(c)) {
      digsep |= 1;
      if (base <= 10 && digit_value(c) >= base && m_invalid < 0) m_invalid = static_cast<int64_t>(m_pos);
      if (out) out->push_back(c);
      if (count) ++*count;
    } else {
      break;
    }
    ++m_pos;
  }
  return digsep;
}

std::optional<Failure> NumberScanner::scan(NumberParts& parts) {
  int digsep = 0;
  bool seen_point = false;
  if (peek() == '.') {
    ++m_pos;
    seen_point = true;
  } else {
    if (peek() == '0') {
      ++m_pos;
      switch (lower(peek())) {
        case 'x': ++m_pos, parts.base = 16, parts.prefix = 'x'; break;
        case 'o': ++m_pos, parts.base = 8, parts.prefix = 'o'; break;
        case 'b': ++m_pos, parts.base = 2, parts.prefix = 'b'; break;
        default:
          parts.base = 8, parts.prefix = '0';
          parts.mantissa.push_back('0');
          digsep = 1;  // the leading 0 is a digit
      }
    }
    digsep |= digits(parts.base, &parts.mantissa, nullptr);
    if (peek() == '.') {
      if (parts.prefix == 'o' || parts.prefix == 'b') {
        return Failure{std::string("invalid radix point in ") + base_name(parts.base) + " literal"};
      }
      ++m_pos;
      seen_point = true;
    }
  }
  if (seen_point) {
    parts.is_float = true;
    digsep |= digits(parts.base, &parts.mantissa, &parts.frac_digits);
  }
  if ((digsep & 1) == 0) return Failure{std::string(base_name(parts.base)) + " literal has no digits"};
  if (std::optional<Failure> f = exponent(parts, digsep)) return f;
  if (peek() == 'i') {
    parts.is_imag = true;
    ++m_pos;
  }
  if (m_pos != m_raw.size()) return Failure{"malformed constant: " + std::string(m_raw)};
  if (m_float_token && parts.prefix == '0') parts.base = 10;
  if (!parts.is_float && !parts.is_imag && !m_float_token && m_invalid >= 0) {
    return Failure{"invalid digit " + quote_rune(static_cast<unsigned char>(m_raw[m_invalid])) + " in " +
                   base_name(parts.base) + " literal"};
  }
  if ((digsep & 2) != 0 && invalid_separator() >= 0) return Failure{"'_' must separate successive digits"};
  return std::nullopt;
}

std::optional<Failure> NumberScanner::exponent(NumberParts& parts, int& digsep) {
  char e = lower(peek());
  if (e != 'e' && e != 'p') {
    if (parts.prefix == 'x' && parts.is_float) return Failure{"hexadecimal mantissa requires a 'p' exponent"};
    return std::nullopt;
  }
  if (e == 'e' && parts.prefix != 0 && parts.prefix != '0') {
    return Failure{quote_rune(static_cast<unsigned char>(peek())) + " exponent requires decimal mantissa"};
  }
  if (e == 'p' && parts.prefix != 'x') {
    return Failure{quote_rune(static_cast<unsigned char>(peek())) + " exponent requires hexadecimal mantissa"};
  }
  ++m_pos;
  parts.is_float = true;
  bool negative = false;
  if (peek() == '+' || peek() == '-') negative = m_raw[m_pos++] == '-';
  std::string exp_digits;
  int64_t saved_invalid = m_invalid;
  int exp_digsep = digits(10, &exp_digits, nullptr);
  m_invalid = saved_invalid;
  digsep = exp_digsep | (digsep & 2);  // keep the separator bit
  if ((exp_digsep & 1) == 0) return Failure{"exponent has no digits"};
  for (char c : exp_digits) {
    parts.exponent = parts.exponent * 10 + (c - '0');
    if (parts.exponent > kExponentSaturation) parts.exponent = kExponentSaturation;
  }
  if (negative) parts.exponent = -parts.exponent;
  return std::nullopt;
}

// The index of the first '_' that does not sit between two digits (a base
// prefix counts as a digit), or -1. Cf. syntax.invalidSep.
int NumberScanner::invalid_separator() const {
  enum class Prev { Digit, Separator, Other };
  std::string_view x = m_raw;
  bool hex = false;
  Prev prev = Prev::Other;
  size_t i = 0;
  if (x.size() >= 2 && x[0] == '0') {
    char p = lower(x[1]);
    if (p == 'x' || p == 'o' || p == 'b') {
      hex = p == 'x';
      prev = Prev::Digit;
      i = 2;
    }
  }
  for (; i < x.size(); ++i) {
    char c = x[i];
    if (c == '_') {
      if (prev != Prev::Digit) return static_cast<int>(i);
      prev = Prev::Separator;
    } else if (is_decimal(c) || (hex && is_hex(c))) {
      prev = Prev::Digit;
    } else {
      if (prev == Prev::Separator) return static_cast<int>(i - 1);
      prev = Prev::Other;
    }
  }
  return prev == Prev::Separator ? static_cast<int>(x.size() - 1) : -1;
}

mpz_class parse_digits(const std::string& digits, int base) {
  mpz_class z;
  if (digits.empty() || z.set_str(digits, base) != 0) return 0;
  return z;
}

// M·10^E, or nullopt beyond the Float bound.
std::optional<mpq_class> decimal_float(const NumberParts& parts, bool& inexact) {
  mpz_class m = parse_digits(parts.mantissa, 10);
  if (sgn(m) == 0) return mpq_class(0);
  int64_t exp10 = parts.exponent - parts.frac_digits;
  int64_t digits = static_cast<int64_t>(mpz_sizeinbase(m.get_mpz_t(), 10));  // exact or one more
  if (digits - 1 + exp10 > kMaxDecimalExp) return std::nullopt;
  if (digits + exp10 < -kMaxDecimalExp) return mpq_class(0);
  mpz_class power;
  mpz_ui_pow_ui(power.get_mpz_t(), 10, static_cast<unsigned long>(exp10 < 0 ? -exp10 : exp10));
  mpq_class q = exp10 >= 0 ? mpq_class(m * power) : mpq_class(m, power);
  q.canonicalize();
  if (!normalize_float(q, inexact)) return std::nullopt;
  return q;
}

// M·2^E for a hexadecimal float, or nullopt beyond the Float bound.
std::optional<mpq_class> hex_float(const NumberParts& parts, bool& inexact) {
  mpz_class m = parse_digits(parts.mantissa, 16);
  if (sgn(m) == 0) return mpq_class(0);
  int64_t exp2 = parts.exponent - 4 * parts.frac_digits;
  int64_t top = static_cast<int64_t>(mpz_sizeinbase(m.get_mpz_t(), 2)) - 1 + exp2;
  if (top >= kMaxFloatExp) return std::nullopt;
  if (top < -kMaxFloatExp) return mpq_class(0);
  mpq_class q;
  if (exp2 >= 0) {
    q = mpq_class(mpz_class(m << static_cast<mp_bitcnt_t>(exp2)));
  } else {
    mpz_class den;
    mpz_ui_pow_ui(den.get_mpz_t(), 2, static_cast<unsigned long>(-exp2));
    q = mpq_class(m, den);
    q.canonicalize();
  }
  if (!normalize_float(q, inexact)) return std::nullopt;
  return q;
}

// ---------------------------------------------------------------------------
// Runes and strings

// One escape sequence after a backslash at raw[pos] (cf. syntax.scanner.escape
// and strconv.UnquoteChar). \x and octal escapes are single bytes.
struct Escape {
  char32_t value = 0;
  bool is_byte = false;
};

// A literal that ends inside the escape leaves pos at the end, for the
// caller to report the literal as not terminated (as Go's scanner does).
std::optional<Failure> read_escape(std::string_view raw, size_t& pos, char quote, Escape& out) {
  ++pos;  // the backslash
  if (pos >= raw.size()) return std::nullopt;
  char c = raw[pos];
  int n;
  unsigned base;
  uint32_t max;
  switch (c) {
    case 'a': out.value = '\a'; ++pos; return std::nullopt;
    case 'b': out.value = '\b'; ++pos; return std::nullopt;
    case 'f': out.value = '\f'; ++pos; return std::nullopt;
    case 'n': out.value = '\n'; ++pos; return std::nullopt;
    case 'r': out.value = '\r'; ++pos; return std::nullopt;
    case 't': out.value = '\t'; ++pos; return std::nullopt;
    case 'v': out.value = '\v'; ++pos; return std::nullopt;
    case '\\': out.value = '\\'; ++pos; return std::nullopt;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
      n = 3, base = 8, max = 255;
      break;
    case 'x': ++pos, n = 2, base = 16, max = 255; break;
    case 'u': ++pos, n = 4, base = 16, max = kMaxRune; break;
    case 'U': ++pos, n = 8, base = 16, max = kMaxRune; break;
    default:
      if (c == quote) {
        out.value = static_cast<unsigned char>(c);
        ++pos;
        return std::nullopt;
      }
      return Failure{"unknown escape"};
  }
  uint32_t x = 0;
  for (int i = 0; i < n; ++i) {
    if (pos >= raw.size()) return std::nullopt;
    char d = raw[pos];
    bool ok = base == 8 ? (d >= '0' && d <= '7') : is_hex(d);
    if (!ok) {
      return Failure{"invalid character " + quote_rune(decode_utf8(raw, pos).r) + " in " +
                     base_name(static_cast<int>(base)) + " escape"};
    }
    x = x * base + static_cast<uint32_t>(digit_value(d));
    ++pos;
  }
  if (base == 8 && x > max) return Failure{"octal escape value " + std::to_string(x) + " > 255"};
  if (x > max || (x >= 0xD800 && x < 0xE000)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(x));
    return Failure{std::string("escape is invalid Unicode code point ") + buf};
  }
  out.value = x;
  out.is_byte = c != 'u' && c != 'U';
  return std::nullopt;
}

// A source character inside a quoted literal: one UTF-8 rune.
std::optional<Failure> read_source_rune(std::string_view raw, size_t& pos, DecodedRune& out) {
  if (raw[pos] == '\0') return Failure{"invalid NUL character"};
  out = decode_utf8(raw, pos);
  if (out.r == kRuneError && out.width == 1) return Failure{"invalid UTF-8 encoding"};
  pos += out.width;
  return std::nullopt;
}

std::optional<Failure> rune_value(std::string_view raw, int64_t& value) {
  if (raw.empty() || raw[0] != '\'') return Failure{"malformed constant: " + std::string(raw)};
  size_t pos = 1;
  int count = 0;
  for (;;) {
    if (pos >= raw.size()) return Failure{"rune literal not terminated"};
    char c = raw[pos];
    if (c == '\'') {
      if (count == 0) return Failure{"empty rune literal or unescaped '"};
      if (count != 1) return Failure{"more than one character in rune literal"};
      if (pos + 1 != raw.size()) return Failure{"malformed constant: " + std::string(raw)};
      return std::nullopt;
    }
    if (c == '\n') return Failure{"newline in rune literal"};
    if (c == '\\') {
      Escape e;
      if (std::optional<Failure> f = read_escape(raw, pos, '\'', e)) return f;
      value = e.value;
    } else {
      DecodedRune d;
      if (std::optional<Failure> f = read_source_rune(raw, pos, d)) return f;
      value = d.r;
    }
    ++count;
  }
}

std::optional<Failure> interpreted_string(std::string_view raw, std::string& out) {
  if (raw.empty() || raw[0] != '"') return Failure{"malformed constant: " + std::string(raw)};
  size_t pos = 1;
  for (;;) {
    if (pos >= raw.size()) return Failure{"string not terminated"};
    char c = raw[pos];
    if (c == '"') {
      if (pos + 1 != raw.size()) return Failure{"malformed constant: " + std::string(raw)};
      return std::nullopt;
    }
    if (c == '\n') return Failure{"newline in string"};
    if (c == '\\') {
      Escape e;
      if (std::optional<Failure> f = read_escape(raw, pos, '"', e)) return f;
      if (e.is_byte) {
        out.push_back(static_cast<char>(e.value));
      } else {
        append_utf8(out, e.value);
      }
      continue;
    }
    size_t start = pos;
    DecodedRune d;
    if (std::optional<Failure> f = read_source_rune(raw, pos, d)) return f;
    out.append(raw.substr(start, pos - start));
  }
}

std::optional<Failure> raw_string(std::string_view raw, std::string& out) {
  if (raw.empty() || raw[0] != '`') return Failure{"malformed constant: " + std::string(raw)};
  size_t pos = 1;
  for (;;) {
    if (pos >= raw.size()) return Failure{"string not terminated"};
    char c = raw[pos];
    if (c == '`') {
      if (pos + 1 != raw.size()) return Failure{"malformed constant: " + std::string(raw)};
      return std::nullopt;
    }
    if (c == '\r') {  // Go drops carriage returns from raw strings
      ++pos;
      continue;
    }
    size_t start = pos;
    DecodedRune d;
    if (std::optional<Failure> f = read_source_rune(raw, pos, d)) return f;
    out.append(raw.substr(start, pos - start));
  }
}

}  // namespace

// ---------------------------------------------------------------------------

std::optional<Constant> Constant::from_literal(LitKind kind, std::string_view raw, std::string* error) {
  std::string ignored;
  if (error == nullptr) error = &ignored;
  auto fail = [&](std::string message) -> std::optional<Constant> {
    *error = std::move(message);
    return std::nullopt;
  };
  switch (kind) {
    case LitKind::Int:
    case LitKind::Float:
    case LitKind::Imag: {
      NumberParts parts;
      NumberScanner scanner(raw, kind == LitKind::Float);
      if (std::optional<Failure> f = scanner.scan(parts)) return fail(f->message);
      if (parts.is_imag || kind == LitKind::Imag) return fail("complex numbers are not supported");
      if (raw.size() > kMaxNumberChars) {
        return fail("excessively long constant: " + std::string(raw.substr(0, 10)) + "... (" +
                    std::to_string(raw.size()) + " chars)");
      }
      if (!parts.is_float) {
        mpz_class z = parse_digits(parts.mantissa, parts.base);
        if (mpz_sizeinbase(z.get_mpz_t(), 2) > static_cast<size_t>(kMaxIntBits)) {
          return fail("constant overflow");
        }
        // An integer spelling under LitKind::Float is still a number: Go's
        // MakeFromLiteral(FLOAT) accepts it.
        if (kind == LitKind::Float) return Rep::make_float(mpq_class(z));
        return Rep::make_int(std::move(z));
      }
      if (kind != LitKind::Float) return fail("malformed constant: " + std::string(raw));
      bool inexact = false;
      std::optional<mpq_class> q = parts.prefix == 'x' ? hex_float(parts, inexact) : decimal_float(parts, inexact);
      if (!q) return fail("malformed constant: " + std::string(raw));
      return Rep::make_float(std::move(*q), inexact);
    }
    case LitKind::Char: {
      int64_t value = 0;
      if (std::optional<Failure> f = rune_value(raw, value)) return fail(f->message);
      return make_int(value);
    }
    case LitKind::String: {
      std::string s;
      std::optional<Failure> f = !raw.empty() && raw[0] == '`' ? raw_string(raw, s) : interpreted_string(raw, s);
      if (f) return fail(f->message);
      return Rep::make_string(std::move(s));
    }
  }
  return fail("malformed constant: " + std::string(raw));
}

}  // namespace gol::lang
