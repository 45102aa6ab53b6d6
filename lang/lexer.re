// lexer.re — the re2c lexer for Go's tokens (see lexer.h for the design).
//
// re2c turns the re2c comment blocks below into C++ (the build runs it with
// --utf8, so character classes are Unicode code points encoded as UTF-8).
// The input is the whole file held in a std::string, which guarantees a NUL
// after the last byte: that NUL is the sentinel (re2c:eof = 0), and a NUL
// *inside* the file is an ordinary byte that Go reports as an error.
//
// Go's source reader drops what it cannot accept — a NUL, an invalid UTF-8
// byte, a byte order mark after the first character — after reporting it, and
// counts it in the column anyway. The lexer does the same, so such bytes never
// reach the parser.
//
// Error texts and positions mirror cmd/compile/internal/syntax/scanner.go:
// "errorf" there reports at the current character, "errorAtf(0, ...)" at the
// start of the token; the comments below say which one each error uses.
#include "lang/lexer.h"

#include <cstdio>
#include <string>

namespace gol::lang {

namespace {

/*!include:re2c "unicode_categories.re" */

// What Go's unicode predicates say about a rune, as far as the scanner cares.
enum class RuneClass { Letter, Digit, Graphic, Other };

// Classifies the valid UTF-8 encoded rune at `p`.
RuneClass classify(const unsigned char* p) {
  const unsigned char* YYCURSOR = p;
  const unsigned char* YYMARKER = p;
  /*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;
    re2c:eof = -1;

    L               { return RuneClass::Letter; }
    Nd              { return RuneClass::Digit; }
    M | N | P | S   { return RuneClass::Graphic; }
    *               { return RuneClass::Other; }
  */
}

constexpr char32_t kRuneError = 0xFFFD;
constexpr char32_t kBom = 0xFEFF;

// Decodes the rune at p (p < limit) as Go's utf8.DecodeRune does: an invalid
// or truncated sequence, an overlong form, a surrogate or a value past
// U+10FFFF yields (kRuneError, 1).
int decode_rune(const unsigned char* p, const unsigned char* limit, char32_t& rune) {
  const unsigned char c = p[0];
  if (c < 0x80) {
    rune = c;
    return 1;
  }
  int width = 0;
  char32_t min = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    width = 2, rune = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    width = 3, rune = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    width = 4, rune = c & 0x07, min = 0x10000;
  } else {
    rune = kRuneError;
    return 1;
  }
  if (limit - p < width) {
    rune = kRuneError;
    return 1;
  }
  for (int i = 1; i < width; i++) {
    if ((p[i] & 0xC0) != 0x80) {
      rune = kRuneError;
      return 1;
    }
    rune = (rune << 6) | (p[i] & 0x3F);
  }
  if (rune < min || rune > 0x10FFFF || (rune >= 0xD800 && rune < 0xE000)) {
    rune = kRuneError;
    return 1;
  }
  return width;
}

void append_utf8(std::string& out, char32_t r) {
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

// strconv.IsPrint, for a rune known to be valid.
bool is_print(char32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7F;
  std::string utf8;
  append_utf8(utf8, r);
  return classify(reinterpret_cast<const unsigned char*>(utf8.c_str())) != RuneClass::Other;
}

// Go's %#U: "U+0040 '@'", or just "U+0007" for an unprintable rune.
std::string format_unicode(char32_t r) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(r));
  std::string out = buf;
  if (is_print(r)) {
    out += " '";
    append_utf8(out, r);
    out += '\'';
  }
  return out;
}

// Go's %q of a rune: 'a', '\n', '\'', '\x01', 'é'.
std::string quote_rune(char32_t r) {
  std::string out = "'";
  switch (r) {
    case '\a': out += "\\a"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    case '\v': out += "\\v"; break;
    case '\\': out += "\\\\"; break;
    case '\'': out += "\\'"; break;
    default:
      if (is_print(r)) {
        append_utf8(out, r);
      } else {
        char buf[16];
        if (r < 0x80) {
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(r));
        } else if (r < 0x10000) {
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(r));
        } else {
          std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(r));
        }
        out += buf;
      }
  }
  out += '\'';
  return out;
}

const char* base_name(int base) {
  switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 16: return "hexadecimal";
    default: return "decimal";
  }
}

char lower(char c) { return static_cast<char>(c | ('a' - 'A')); }
bool is_decimal(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_decimal(c) || (lower(c) >= 'a' && lower(c) <= 'f'); }

// The index of the first misplaced '_' in a number literal, or -1
// (cf. scanner.go invalidSep: a '_' must sit between two digits, or between
// the base prefix and a digit).
int invalid_separator(std::string_view x) {
  char x1 = ' ';  // the prefix letter; only 'x' matters
  char d = '.';   // kind of the previous character: '_', '0' (a digit), '.' (other)
  size_t i = 0;
  if (x.size() >= 2 && x[0] == '0') {
    x1 = lower(x[1]);
    if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
      d = '0';
      i = 2;
    }
  }
  for (; i < x.size(); i++) {
    const char p = d;
    d = x[i];
    if (d == '_') {
      if (p != '0') return static_cast<int>(i);
    } else if (is_decimal(d) || (x1 == 'x' && is_hex(d))) {
      d = '0';
    } else {
      if (p == '_') return static_cast<int>(i) - 1;
      d = '.';
    }
  }
  return d == '_' ? static_cast<int>(x.size()) - 1 : -1;
}

}  // namespace

bool is_keyword(Tok tok) { return tok >= Tok::Break && tok <= Tok::Var; }

Lexer::Lexer(const SourceSet& sources, int32_t file, Diagnostics& diags)
    : m_diags(diags), m_file(file) {
  const std::string& text = sources.file(file).text;
  m_begin = reinterpret_cast<const unsigned char*>(text.c_str());
  m_cursor = m_begin;
  m_limit = m_begin + text.size();
  m_line_begin = m_begin;
}

Lexer::Lexer(const Lexer& other, Diagnostics& diags)
    : m_diags(diags),
      m_file(other.m_file),
      m_begin(other.m_begin),
      m_cursor(other.m_cursor),
      m_limit(other.m_limit),
      m_line_begin(other.m_line_begin),
      m_line(other.m_line),
      m_nlsemi(other.m_nlsemi) {}

Token Lexer::peek() const {
  Diagnostics discarded;  // reported when the token is really read
  Lexer ahead(*this, discarded);
  return ahead.next();
}

Pos Lexer::pos_at(const unsigned char* p) const {
  return Pos{m_file, m_line, static_cast<int32_t>(p - m_line_begin) + 1};
}

void Lexer::error_at(const unsigned char* p, std::string message) {
  m_diags.error(pos_at(p), std::move(message));
}

void Lexer::newline_at(const unsigned char* newline) {
  m_line++;
  m_line_begin = newline + 1;
}

Token Lexer::make(Tok tok, const unsigned char* begin, Pos pos) {
  Token t;
  t.tok = tok;
  t.pos = pos;
  t.text = std::string_view(reinterpret_cast<const char*>(begin),
                            static_cast<size_t>(m_cursor - begin));
  t.end = pos_at(m_cursor);
  return t;
}

void Lexer::advance_char() {
  const unsigned char c = *m_cursor;
  if (c < 0x80) {
    if (c == 0) error_at(m_cursor, "invalid NUL character");
    if (c == '\n') newline_at(m_cursor);
    m_cursor++;
    return;
  }
  char32_t rune;
  const int width = decode_rune(m_cursor, m_limit, rune);
  if (rune == kRuneError && width == 1) {
    error_at(m_cursor, "invalid UTF-8 encoding");
  } else if (rune == kBom && m_cursor != m_begin) {
    error_at(m_cursor, "invalid BOM in the middle of the file");
  }
  m_cursor += width;
}

void Lexer::stray_character() {
  const unsigned char c = *m_cursor;
  if (c != 0 && c < 0x80) {
    // cf. scanner.go next: the default case, reported at the character.
    error_at(m_cursor, "invalid character " + format_unicode(c));
    m_cursor++;
    return;
  }
  // A NUL, invalid UTF-8 or the byte order mark: every other non-ASCII rune
  // matches the identifier rule.
  advance_char();
}

bool Lexer::dropped_at(const unsigned char* p) const {
  if (p >= m_limit) return false;
  if (*p == 0) return true;
  if (*p < 0x80) return false;
  char32_t rune;
  const int width = decode_rune(p, m_limit, rune);
  return (rune == kRuneError && width == 1) || rune == kBom;
}

void Lexer::extend_identifier() {
  while (m_cursor < m_limit) {
    const unsigned char c = *m_cursor;
    if (dropped_at(m_cursor)) {
      advance_char();  // reports it
    } else if (c >= 0x80) {
      char32_t rune;
      m_cursor += decode_rune(m_cursor, m_limit, rune);
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
      m_cursor++;
    } else {
      return;
    }
  }
}

void Lexer::check_identifier(const unsigned char* begin) {
  for (const unsigned char* p = begin; p < m_cursor;) {
    if (*p < 0x80) {
      p++;
      continue;
    }
    char32_t rune;
    const int width = decode_rune(p, m_limit, rune);
    if (dropped_at(p)) {  // reported by extend_identifier
      p += width;
      continue;
    }
    const RuneClass cls = classify(p);
    // cf. scanner.go atIdentChar, reported at the rune.
    if (cls == RuneClass::Digit && p == begin) {
      error_at(p, "identifier cannot begin with digit " + format_unicode(rune));
    } else if (cls != RuneClass::Letter && cls != RuneClass::Digit) {
      error_at(p, "invalid character " + format_unicode(rune) + " in identifier");
    }
    p += width;
  }
}

// Mirrors scanner.go number() over the text re2c matched; `begin` is its start.
Tok Lexer::check_number(const unsigned char* begin) {
  const std::string_view lit(reinterpret_cast<const char*>(begin),
                             static_cast<size_t>(m_cursor - begin));
  auto at = [&](size_t k) { return k < lit.size() ? lit[k] : '\0'; };
  auto err = [&](size_t k, const std::string& msg) { error_at(begin + k, msg); };
  size_t i = 0;
  bool ok = true;
  Tok kind = Tok::Int;
  int base = 10;
  char prefix = 0;  // 0 (decimal), '0' (leading-zero octal), 'x', 'o' or 'b'
  int digsep = 0;   // bit 0: a digit was seen; bit 1: a '_' was seen
  int invalid = -1;  // index of the first digit too large for the base

  auto digits = [&](int b) {
    int seen = 0;
    if (b <= 10) {
      const char max = static_cast<char>('0' + b);
      while (is_decimal(at(i)) || at(i) == '_') {
        if (at(i) == '_') {
          seen |= 2;
        } else {
          seen |= 1;
          if (at(i) >= max && invalid < 0) invalid = static_cast<int>(i);
        }
        i++;
      }
    } else {
      while (is_hex(at(i)) || at(i) == '_') {
        seen |= at(i) == '_' ? 2 : 1;
        i++;
      }
    }
    return seen;
  };

  bool seen_point = at(0) == '.';
  if (seen_point) {
    i = 1;
  } else {
    if (at(0) == '0') {
      i = 1;
      switch (lower(at(1))) {
        case 'x': i = 2, base = 16, prefix = 'x'; break;
        case 'o': i = 2, base = 8, prefix = 'o'; break;
        case 'b': i = 2, base = 2, prefix = 'b'; break;
        default: base = 8, prefix = '0', digsep = 1;
      }
    }
    digsep |= digits(base);
    if (at(i) == '.') {
      if (prefix == 'o' || prefix == 'b') {
        err(i, std::string("invalid radix point in ") + base_name(base) + " literal");
        ok = false;
      }
      i++;
      seen_point = true;
    }
  }
  if (seen_point) {
    kind = Tok::Float;
    digsep |= digits(base);
  }
  if ((digsep & 1) == 0 && ok) {
    err(i, std::string(base_name(base)) + " literal has no digits");
    ok = false;
  }
  if (const char e = lower(at(i)); e == 'e' || e == 'p') {
    if (ok && e == 'e' && prefix != 0 && prefix != '0') {
      err(i, quote_rune(static_cast<unsigned char>(at(i))) + " exponent requires decimal mantissa");
      ok = false;
    } else if (ok && e == 'p' && prefix != 'x') {
      err(i, quote_rune(static_cast<unsigned char>(at(i))) +
                 " exponent requires hexadecimal mantissa");
      ok = false;
    }
    i++;
    kind = Tok::Float;
    if (at(i) == '+' || at(i) == '-') i++;
    const int exp = digits(10);
    digsep = exp | (digsep & 2);
    if ((exp & 1) == 0 && ok) {
      err(i, "exponent has no digits");
      ok = false;
    }
  } else if (prefix == 'x' && kind == Tok::Float && ok) {
    err(i, "hexadecimal mantissa requires a 'p' exponent");
    ok = false;
  }
  if (at(i) == 'i') kind = Tok::Imag;

  if (kind == Tok::Int && invalid >= 0 && ok) {
    err(static_cast<size_t>(invalid),
        "invalid digit " + quote_rune(static_cast<unsigned char>(lit[static_cast<size_t>(invalid)])) +
            " in " + base_name(base) + " literal");
    ok = false;
  }
  if ((digsep & 2) != 0 && ok) {
    if (const int k = invalid_separator(lit); k >= 0) {
      err(static_cast<size_t>(k), "'_' must separate successive digits");
    }
  }
  return kind;
}

// After a backslash, at the escaped character (cf. scanner.go escape).
bool Lexer::scan_escape(char quote) {
  int n = 0;
  uint32_t base = 0;
  uint32_t max = 0;
  const char c = static_cast<char>(*m_cursor);
  switch (c) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
      m_cursor++;
      return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
      n = 3, base = 8, max = 255;
      break;
    case 'x': m_cursor++, n = 2, base = 16, max = 255; break;
    case 'u': m_cursor++, n = 4, base = 16, max = 0x10FFFF; break;
    case 'U': m_cursor++, n = 8, base = 16, max = 0x10FFFF; break;
    default:
      if (c == quote) {
        m_cursor++;
        return true;
      }
      if (m_cursor >= m_limit) return true;  // the caller reports the missing end
      error_at(m_cursor, "unknown escape");
      return false;
  }
  uint32_t x = 0;
  for (int k = 0; k < n; k++) {
    if (m_cursor >= m_limit) return true;
    const char d = static_cast<char>(*m_cursor);
    uint32_t v = base;
    if (is_decimal(d)) {
      v = static_cast<uint32_t>(d - '0');
    } else if (lower(d) >= 'a' && lower(d) <= 'f') {
      v = static_cast<uint32_t>(lower(d) - 'a' + 10);
    }
    if (v >= base) {
      char32_t rune;
      decode_rune(m_cursor, m_limit, rune);
      error_at(m_cursor, "invalid character " + quote_rune(rune) + " in " +
                             base_name(static_cast<int>(base)) + " escape");
      return false;
    }
    x = x * base + v;
    m_cursor++;
  }
  if (x > max && base == 8) {
    error_at(m_cursor, "octal escape value " + std::to_string(x) + " > 255");
    return false;
  }
  if (x > max || (x >= 0xD800 && x < 0xE000)) {
    error_at(m_cursor, "escape is invalid Unicode code point " + format_unicode(x));
    return false;
  }
  return true;
}

// After the opening '"' (cf. scanner.go stdString).
void Lexer::scan_string() {
  const Pos start = pos_at(m_cursor - 1);
  for (;;) {
    const unsigned char c = *m_cursor;
    if (c == '"') {
      m_cursor++;
      return;
    }
    if (c == '\\') {
      m_cursor++;
      scan_escape('"');
      continue;
    }
    if (c == '\n') {
      error_at(m_cursor, "newline in string");
      return;
    }
    if (m_cursor >= m_limit) {
      m_diags.error(start, "string not terminated");
      return;
    }
    advance_char();
  }
}

// After the opening '`' (cf. scanner.go rawString). Carriage returns stay in
// the text: removing them from the value is the constant evaluator's job.
void Lexer::scan_raw_string() {
  const Pos start = pos_at(m_cursor - 1);
  for (;;) {
    if (*m_cursor == '`') {
      m_cursor++;
      return;
    }
    if (m_cursor >= m_limit) {
      m_diags.error(start, "string not terminated");
      return;
    }
    advance_char();
  }
}

// After the opening '\'' (cf. scanner.go rune).
void Lexer::scan_rune() {
  const Pos start = pos_at(m_cursor - 1);
  bool ok = true;
  for (int n = 0;; n++) {
    const unsigned char c = *m_cursor;
    if (c == '\'') {
      if (ok && n == 0) {
        error_at(m_cursor, "empty rune literal or unescaped '");
      } else if (ok && n != 1) {
        m_diags.error(start, "more than one character in rune literal");
      }
      m_cursor++;
      return;
    }
    if (c == '\\') {
      m_cursor++;
      if (!scan_escape('\'')) ok = false;
      continue;
    }
    if (c == '\n') {
      if (ok) error_at(m_cursor, "newline in rune literal");
      return;
    }
    if (m_cursor >= m_limit) {
      if (ok) m_diags.error(start, "rune literal not terminated");
      return;
    }
    advance_char();
  }
}

// After "/*". Reports an unterminated comment at its start, as Go does.
bool Lexer::skip_block_comment() {
  const Pos start = pos_at(m_cursor - 2);
  const int32_t first_line = m_line;
  for (;;) {
    if (m_cursor[0] == '*' && m_cursor[1] == '/' && m_cursor + 1 < m_limit) {
      m_cursor += 2;
      return m_line > first_line;
    }
    if (m_cursor >= m_limit) {
      m_diags.error(start, "comment not terminated");
      return m_line > first_line;
    }
    advance_char();
  }
}

// After "//"; stops before the newline, which may become a semicolon.
void Lexer::skip_line_comment() {
  while (m_cursor < m_limit && *m_cursor != '\n') advance_char();
}

Token Lexer::next() {
  const bool nlsemi = m_nlsemi;
  m_nlsemi = false;
  for (;;) {
    const unsigned char* start = m_cursor;
    const size_t errors_before = m_diags.count();
    // Taken before scanning: a raw string or comment may span lines.
    const Pos start_pos = pos_at(start);
    const unsigned char* YYMARKER = nullptr;
    Tok tok = Tok::Eof;
    /*!re2c
      re2c:api:style = free-form;
      re2c:define:YYCTYPE = "unsigned char";
      re2c:define:YYCURSOR = m_cursor;
      re2c:define:YYMARKER = YYMARKER;
      re2c:define:YYLIMIT = m_limit;
      re2c:yyfill:enable = 0;
      re2c:eof = 0;

      // Everything but ASCII, surrogates and the byte order mark: Go lexes any
      // such rune as part of a name and then complains if it is not a letter
      // or digit (check_identifier).
      non_ascii = [\x80-\uD7FF\uE000-\uFEFE\uFF00-\U0010FFFF];
      letter = [a-zA-Z_] | non_ascii;
      ident = letter (letter | [0-9])*;

      // The shape Go's scanner consumes for a number, errors included;
      // check_number then applies Go's rules to the matched text.
      dec_run = [0-9_]*;
      hex_run = [0-9a-fA-F_]*;
      exponent = [eEpP] [+-]? [0-9_]*;
      number = ( "0" [xX] hex_run ("." hex_run)?
               | "0" [oObB] dec_run ("." dec_run)?
               | [0-9] dec_run ("." dec_run)?
               | "." [0-9] dec_run
               ) exponent? "i"?;

      $ {
        if (nlsemi) {
          Token t = make(Tok::Semicolon, start, start_pos);
          t.text = "EOF";
          return t;
        }
        return make(Tok::Eof, start, start_pos);
      }

      [ \t\r]+ { continue; }
      "\n" {
        if (nlsemi) {
          Token t = make(Tok::Semicolon, start, start_pos);
          t.text = "newline";
          newline_at(start);
          return t;
        }
        newline_at(start);
        continue;
      }
      "//" { skip_line_comment(); continue; }
      "/*" {
        // A comment spanning lines acts like a newline.
        if (skip_block_comment() && nlsemi) {
          Token t = make(Tok::Semicolon, start, start_pos);
          t.text = "newline";
          t.end = t.pos;
          return t;
        }
        continue;
      }

      "break"       { m_nlsemi = true; tok = Tok::Break; goto done; }
      "case"        { tok = Tok::Case; goto done; }
      "chan"        { tok = Tok::Chan; goto done; }
      "const"       { tok = Tok::Const; goto done; }
      "continue"    { m_nlsemi = true; tok = Tok::Continue; goto done; }
      "default"     { tok = Tok::Default; goto done; }
      "defer"       { tok = Tok::Defer; goto done; }
      "else"        { tok = Tok::Else; goto done; }
      "fallthrough" { m_nlsemi = true; tok = Tok::Fallthrough; goto done; }
      "for"         { tok = Tok::For; goto done; }
      "func"        { tok = Tok::Func; goto done; }
      "go"          { tok = Tok::Go; goto done; }
      "goto"        { tok = Tok::Goto; goto done; }
      "if"          { tok = Tok::If; goto done; }
      "import"      { tok = Tok::Import; goto done; }
      "interface"   { tok = Tok::Interface; goto done; }
      "map"         { tok = Tok::Map; goto done; }
      "package"     { tok = Tok::Package; goto done; }
      "range"       { tok = Tok::Range; goto done; }
      "return"      { m_nlsemi = true; tok = Tok::Return; goto done; }
      "select"      { tok = Tok::Select; goto done; }
      "struct"      { tok = Tok::Struct; goto done; }
      "switch"      { tok = Tok::Switch; goto done; }
      "type"        { tok = Tok::Type; goto done; }
      "var"         { tok = Tok::Var; goto done; }

      ident {
        if (dropped_at(m_cursor)) extend_identifier();
        check_identifier(start);
        m_nlsemi = true;
        tok = Tok::Name;
        goto done;
      }
      number { tok = check_number(start); m_nlsemi = true; goto done; }
      ["]    { scan_string(); m_nlsemi = true; tok = Tok::String; goto done; }
      [`]    { scan_raw_string(); m_nlsemi = true; tok = Tok::String; goto done; }
      [']    { scan_rune(); m_nlsemi = true; tok = Tok::Char; goto done; }

      "+"   { tok = Tok::Add; goto done; }
      "-"   { tok = Tok::Sub; goto done; }
      "*"   { tok = Tok::Mul; goto done; }
      "/"   { tok = Tok::Quo; goto done; }
      "%"   { tok = Tok::Rem; goto done; }
      "&"   { tok = Tok::And; goto done; }
      "|"   { tok = Tok::Or; goto done; }
      "^"   { tok = Tok::Xor; goto done; }
      "<<"  { tok = Tok::Shl; goto done; }
      ">>"  { tok = Tok::Shr; goto done; }
      "&^"  { tok = Tok::AndNot; goto done; }
      "+="  { tok = Tok::AddAssign; goto done; }
      "-="  { tok = Tok::SubAssign; goto done; }
      "*="  { tok = Tok::MulAssign; goto done; }
      "/="  { tok = Tok::QuoAssign; goto done; }
      "%="  { tok = Tok::RemAssign; goto done; }
      "&="  { tok = Tok::AndAssign; goto done; }
      "|="  { tok = Tok::OrAssign; goto done; }
      "^="  { tok = Tok::XorAssign; goto done; }
      "<<=" { tok = Tok::ShlAssign; goto done; }
      ">>=" { tok = Tok::ShrAssign; goto done; }
      "&^=" { tok = Tok::AndNotAssign; goto done; }
      "&&"  { tok = Tok::LAnd; goto done; }
      "||"  { tok = Tok::LOr; goto done; }
      "<-"  { tok = Tok::Arrow; goto done; }
      "++"  { m_nlsemi = true; tok = Tok::Inc; goto done; }
      "--"  { m_nlsemi = true; tok = Tok::Dec; goto done; }
      "=="  { tok = Tok::Eql; goto done; }
      "<"   { tok = Tok::Lss; goto done; }
      ">"   { tok = Tok::Gtr; goto done; }
      "="   { tok = Tok::Assign; goto done; }
      "!"   { tok = Tok::Not; goto done; }
      "~"   { tok = Tok::Tilde; goto done; }
      "!="  { tok = Tok::Neq; goto done; }
      "<="  { tok = Tok::Leq; goto done; }
      ">="  { tok = Tok::Geq; goto done; }
      ":="  { tok = Tok::Define; goto done; }
      "..." { tok = Tok::Ellipsis; goto done; }
      "("   { tok = Tok::LParen; goto done; }
      "["   { tok = Tok::LBrack; goto done; }
      "{"   { tok = Tok::LBrace; goto done; }
      ","   { tok = Tok::Comma; goto done; }
      "."   { tok = Tok::Period; goto done; }
      ")"   { m_nlsemi = true; tok = Tok::RParen; goto done; }
      "]"   { m_nlsemi = true; tok = Tok::RBrack; goto done; }
      "}"   { m_nlsemi = true; tok = Tok::RBrace; goto done; }
      ":"   { tok = Tok::Colon; goto done; }
      ";" {
        Token t = make(Tok::Semicolon, start, start_pos);
        t.text = "semicolon";
        return t;
      }

      * {
        m_cursor = start;
        stray_character();
        continue;
      }
    */
  done:
    Token t = make(tok, start, start_pos);
    t.bad = m_diags.count() != errors_before;
    return t;
  }
}

std::string_view tok_description(Tok tok) {
  switch (tok) {
    case Tok::Eof: return "EOF";
    case Tok::Name: return "name";
    case Tok::Int:
    case Tok::Float:
    case Tok::Imag:
    case Tok::Char:
    case Tok::String: return "literal";
    case Tok::Break: return "keyword break";
    case Tok::Case: return "keyword case";
    case Tok::Chan: return "keyword chan";
    case Tok::Const: return "keyword const";
    case Tok::Continue: return "keyword continue";
    case Tok::Default: return "keyword default";
    case Tok::Defer: return "keyword defer";
    case Tok::Else: return "keyword else";
    case Tok::Fallthrough: return "keyword fallthrough";
    case Tok::For: return "keyword for";
    case Tok::Func: return "keyword func";
    case Tok::Go: return "keyword go";
    case Tok::Goto: return "keyword goto";
    case Tok::If: return "keyword if";
    case Tok::Import: return "keyword import";
    case Tok::Interface: return "keyword interface";
    case Tok::Map: return "keyword map";
    case Tok::Package: return "keyword package";
    case Tok::Range: return "keyword range";
    case Tok::Return: return "keyword return";
    case Tok::Select: return "keyword select";
    case Tok::Struct: return "keyword struct";
    case Tok::Switch: return "keyword switch";
    case Tok::Type: return "keyword type";
    case Tok::Var: return "keyword var";
    case Tok::Add: return "+";
    case Tok::Sub: return "-";
    case Tok::Mul: return "*";
    case Tok::Quo: return "/";
    case Tok::Rem: return "%";
    case Tok::And: return "&";
    case Tok::Or: return "|";
    case Tok::Xor: return "^";
    case Tok::Shl: return "<<";
    case Tok::Shr: return ">>";
    case Tok::AndNot: return "&^";
    case Tok::AddAssign: return "+=";
    case Tok::SubAssign: return "-=";
    case Tok::MulAssign: return "*=";
    case Tok::QuoAssign: return "/=";
    case Tok::RemAssign: return "%=";
    case Tok::AndAssign: return "&=";
    case Tok::OrAssign: return "|=";
    case Tok::XorAssign: return "^=";
    case Tok::ShlAssign: return "<<=";
    case Tok::ShrAssign: return ">>=";
    case Tok::AndNotAssign: return "&^=";
    case Tok::LAnd: return "&&";
    case Tok::LOr: return "||";
    case Tok::Arrow: return "<-";
    case Tok::Inc: return "++";
    case Tok::Dec: return "--";
    case Tok::Eql: return "==";
    case Tok::Lss: return "<";
    case Tok::Gtr: return ">";
    case Tok::Assign: return "=";
    case Tok::Not: return "!";
    case Tok::Tilde: return "~";
    case Tok::Neq: return "!=";
    case Tok::Leq: return "<=";
    case Tok::Geq: return ">=";
    case Tok::Define: return ":=";
    case Tok::Ellipsis: return "...";
    case Tok::LParen: return "(";
    case Tok::LBrack: return "[";
    case Tok::LBrace: return "{";
    case Tok::Comma: return "comma";
    case Tok::Period: return ".";
    case Tok::RParen: return ")";
    case Tok::RBrack: return "]";
    case Tok::RBrace: return "}";
    case Tok::Semicolon: return "semicolon or newline";
    case Tok::Colon: return ":";
  }
  return "?";
}

}  // namespace gol::lang
