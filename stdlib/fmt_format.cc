// fmt_format.cc — the rendering of one basic operand under its flags, width
// and precision (Go's fmt/format.go: the fmt type).
//
// The core idea, as in Go: the printer (fmt_print.cc) decides what a verb
// means for a value's kind and calls one of these with a plain number or
// string; these know nothing of types. Widths count runes, not bytes; zero
// padding goes after the sign; '-' pads on the right with spaces.
//
// Lives elsewhere: float digits (fmt_float.cc), quoting (fmt_quote.cc).
#include <algorithm>

#include "stdlib/fmt_impl.h"

namespace gol::stdlib {

namespace {
constexpr char kLowerDigits[] = "0123456789abcdefx";
constexpr char kUpperDigits[] = "0123456789ABCDEFX";
constexpr uint64_t kMaxRune = 0x10FFFF;
}  // namespace

void Fmt::write_padding(int n) {
  if (n <= 0) return;
  m_buf->append(static_cast<size_t>(n), flags.zero && !flags.minus ? '0' : ' ');
}

void Fmt::pad(std::string_view s) {
  if (!flags.wid_present || wid == 0) {
    m_buf->append(s);
    return;
  }
  int width = wid - static_cast<int>(rune_count(s));
  if (!flags.minus) {
    write_padding(width);
    m_buf->append(s);
  } else {
    m_buf->append(s);
    write_padding(width);
  }
}

void Fmt::fmt_boolean(bool v) { pad(v ? "true" : "false"); }

// U+0078, or with '#' U+0078 'x' for printable runes; precision is the
// minimum number of hex digits (4 by default).
void Fmt::fmt_unicode(uint64_t u) {
  std::string hex;
  for (uint64_t x = u;; x >>= 4) {
    hex += kUpperDigits[x & 0xF];
    if (x < 16) break;
  }
  int digits = (flags.prec_present && prec > 4) ? prec : 4;
  while (static_cast<int>(hex.size()) < digits) hex += '0';
  std::reverse(hex.begin(), hex.end());
  std::string s = "U+" + hex;
  if (flags.sharp && u <= kMaxRune && is_print(static_cast<int32_t>(u))) {
    s += " '";
    append_rune_utf8(s, static_cast<int32_t>(u));
    s += '\'';
  }
  bool old_zero = flags.zero;
  flags.zero = false;
  pad(s);
  flags.zero = old_zero;
}

void Fmt::fmt_integer(uint64_t u, int base, bool is_signed, int32_t verb, bool upper) {
  const char* digits = upper ? kUpperDigits : kLowerDigits;
  bool negative = is_signed && static_cast<int64_t>(u) < 0;
  if (negative) u = 0 - u;
  // Precision is the minimum number of digits; with none, zero padding to the
  // width plays its role (leaving room for a sign).
  int min_digits = 0;
  if (flags.prec_present) {
    min_digits = prec;
    if (prec == 0 && u == 0) {
      bool old_zero = flags.zero;
      flags.zero = false;
      write_padding(wid);
      flags.zero = old_zero;
      return;
    }
  } else if (flags.zero && !flags.minus && flags.wid_present) {
    min_digits = wid;
    if (negative || flags.plus || flags.space) min_digits--;
  }
  std::string rev;  // built backwards
  auto b = static_cast<uint64_t>(base);
  do {
    rev += digits[u % b];
    u /= b;
  } while (u != 0);
  while (static_cast<int>(rev.size()) < min_digits) rev += '0';
  if (flags.sharp) {
    switch (base) {
      case 2: rev += "b0"; break;
      case 8:
        if (rev.back() != '0') rev += '0';
        break;
      case 16:
        rev += digits[16];
        rev += '0';
        break;
    }
  }
  if (verb == 'O') rev += "o0";
  if (negative) {
    rev += '-';
  } else if (flags.plus) {
    rev += '+';
  } else if (flags.space) {
    rev += ' ';
  }
  std::reverse(rev.begin(), rev.end());
  bool old_zero = flags.zero;
  flags.zero = false;  // the zeros, if any, are already digits
  pad(rev);
  flags.zero = old_zero;
}

// Precision truncates a string to that many runes.
std::string_view Fmt::truncate(std::string_view s) const {
  if (!flags.prec_present) return s;
  int n = prec;
  for (size_t i = 0; i < s.size();) {
    if (--n < 0) return s.substr(0, i);
    size_t w = 1;
    if (static_cast<uint8_t>(s[i]) >= 0x80) decode_rune_at(s, i, &w);
    i += w;
  }
  return s;
}

void Fmt::fmt_s(std::string_view s) { pad(truncate(s)); }

// Hex of each byte; precision limits the bytes encoded; ' ' separates bytes
// (each then gets its own 0x with '#').
void Fmt::fmt_sbx(std::string_view s, bool upper) {
  const char* digits = upper ? kUpperDigits : kLowerDigits;
  int length = static_cast<int>(s.size());
  if (flags.prec_present && prec < length) length = prec;
  int width = 2 * length;
  if (width > 0) {
    if (flags.space) {
      if (flags.sharp) width *= 2;
      width += length - 1;
    } else if (flags.sharp) {
      width += 2;
    }
  } else {
    if (flags.wid_present) write_padding(wid);
    return;
  }
  if (flags.wid_present && wid > width && !flags.minus) write_padding(wid - width);
  std::string& buf = *m_buf;
  if (flags.sharp) {
    buf += '0';
    buf += digits[16];
  }
  for (int i = 0; i < length; i++) {
    if (flags.space && i > 0) {
      buf += ' ';
      if (flags.sharp) {
        buf += '0';
        buf += digits[16];
      }
    }
    auto c = static_cast<uint8_t>(s[static_cast<size_t>(i)]);
    buf += digits[c >> 4];
    buf += digits[c & 0xF];
  }
  if (flags.wid_present && wid > width && flags.minus) write_padding(wid - width);
}

void Fmt::fmt_q(std::string_view s) {
  s = truncate(s);
  if (flags.sharp && can_backquote(s)) {
    std::string q = "`";
    q.append(s);
    q += '`';
    pad(q);
    return;
  }
  std::string q;
  append_quoted(q, s, flags.plus ? QuoteMode::Ascii : QuoteMode::Plain);
  pad(q);
}

void Fmt::fmt_c(uint64_t c) {
  std::string s;
  append_rune_utf8(s, c > kMaxRune ? 0xFFFD : static_cast<int32_t>(c));
  pad(s);
}

void Fmt::fmt_qc(uint64_t c) {
  std::string s;
  append_quoted_rune(s, c > kMaxRune ? 0xFFFD : static_cast<int32_t>(c),
                     flags.plus ? QuoteMode::Ascii : QuoteMode::Plain);
  pad(s);
}

// A float under the flags: precision (or the verb's default), a sign or space,
// '#' keeping the point and trailing zeros, zero padding after the sign,
// Inf/NaN never zero padded.
void Fmt::fmt_float(double v, int size, int32_t verb, int default_prec) {
  int p = flags.prec_present ? prec : default_prec;
  std::string num = "+";  // a sign slot, replaced or dropped below
  append_float(num, v, static_cast<char>(verb), p, size);
  if (num[1] == '-' || num[1] == '+') {
    num.erase(0, 1);
  } else {
    num[0] = '+';
  }
  if (flags.space && num[0] == '+' && !flags.plus) num[0] = ' ';
  if (num[1] == 'I' || num[1] == 'N') {
    bool old_zero = flags.zero;
    flags.zero = false;
    if (num[1] == 'N' && !flags.space && !flags.plus) num.erase(0, 1);
    pad(num);
    flags.zero = old_zero;
    return;
  }
  if (flags.sharp && verb != 'b') {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') digits = p == -1 ? 6 : p;
    std::string tail;  // the exponent, set aside while digits are added
    bool has_point = false, saw_nonzero = false;
    for (size_t i = 1; i < num.size(); i++) {
      char c = num[i];
      if (c == '.') {
        has_point = true;
        continue;
      }
      if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substr(i);
        num.erase(i);
        break;
      }
      if (c != '0') saw_nonzero = true;
      if (saw_nonzero) digits--;
    }
    if (!has_point) {
      if (num.size() == 2 && num[1] == '0') digits--;  // 0 counts as a digit
      num += '.';
    }
    for (; digits > 0; digits--) num += '0';
    num += tail;
  }
  if (flags.plus || num[0] != '+') {
    if (flags.zero && !flags.minus && flags.wid_present && wid > static_cast<int>(num.size())) {
      *m_buf += num[0];
      write_padding(wid - static_cast<int>(num.size()));
      m_buf->append(num, 1);
      return;
    }
    pad(num);
    return;
  }
  pad(std::string_view(num).substr(1));
}

}  // namespace gol::stdlib
