// trace_json.h — a small JSON reader for the traces runtime/trace writes
// (sched/trace.cc), used by `gol trace` (cli/trace.cc) and by the tests
// that check a trace parses.
//
// The core idea: a strict recursive-descent parser into a plain value tree.
// It accepts all of RFC 8259 (so a trace that went through another tool
// still reads) except that \u escapes outside the ASCII range are kept as
// UTF-8 of the code unit, surrogate pairs unjoined: trace names are ASCII.
//
// Rejected: a JSON library dependency — one header of ~150 lines serves
// the one format we read.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gol::cli {

struct Json {
  enum Kind : uint8_t { Null, Bool, Number, String, Array, Object };
  Kind kind = Null;
  bool b = false;
  double num = 0;
  std::string str;
  std::vector<Json> arr;
  std::map<std::string, Json> obj;

  // The member `key`, or a shared null when absent or not an object.
  const Json& operator[](const std::string& key) const {
    static const Json kNull;
    if (kind != Object) return kNull;
    auto it = obj.find(key);
    return it != obj.end() ? it->second : kNull;
  }
  // A number, or a number written as a string (otherData's), else 0.
  double number() const { return kind == Number ? num : kind == String ? std::strtod(str.c_str(), nullptr) : 0; }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : m_s(text) {}

  // Parses the whole text; false (with error()) if it is not one JSON value.
  bool parse(Json* out) {
    if (!value(out, 0)) return false;
    skip_space();
    if (m_i != m_s.size()) return fail("trailing data");
    return true;
  }
  const std::string& error() const { return m_error; }

 private:
  static constexpr int kMaxDepth = 64;

  bool fail(const char* what) {
    if (m_error.empty()) m_error = std::string(what) + " at offset " + std::to_string(m_i);
    return false;
  }
  void skip_space() {
    while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\n' || m_s[m_i] == '\r' || m_s[m_i] == '\t')) m_i++;
  }
  bool literal(std::string_view word) {
    if (m_s.substr(m_i, word.size()) != word) return fail("bad literal");
    m_i += word.size();
    return true;
  }

  bool value(Json* out, int depth) {
    if (depth > kMaxDepth) return fail("nesting too deep");
    skip_space();
    if (m_i >= m_s.size()) return fail("unexpected end");
    const char c = m_s[m_i];
    if (c == '{') return object(out, depth);
    if (c == '[') return array(out, depth);
    if (c == '"') {
      out->kind = Json::String;
      return string(&out->str);
    }
    if (c == 't' || c == 'f') {
      out->kind = Json::Bool;
      out->b = c == 't';
      return literal(c == 't' ? "true" : "false");
    }
    if (c == 'n') return literal("null");
    return number(out);
  }

  bool number(Json* out) {
    const size_t start = m_i;
    if (m_i < m_s.size() && m_s[m_i] == '-') m_i++;
    size_t digits = 0;
    while (m_i < m_s.size() && ((m_s[m_i] >= '0' && m_s[m_i] <= '9') || m_s[m_i] == '.' || m_s[m_i] == 'e' ||
                                m_s[m_i] == 'E' || m_s[m_i] == '+' || m_s[m_i] == '-')) {
      m_i++;
      digits++;
    }
    if (digits == 0) return fail("unexpected character");
    const std::string text(m_s.substr(start, m_i - start));
    char* end = nullptr;
    out->kind = Json::Number;
    out->num = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) return fail("bad number");
    return true;
  }

  bool string(std::string* out) {
    m_i++;  // the opening quote
    while (m_i < m_s.size()) {
      const char c = m_s[m_i++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
      if (c != '\\') {
        *out += c;
        continue;
      }
      if (m_i >= m_s.size()) break;
      const char e = m_s[m_i++];
      switch (e) {
        case '"': case '\\': case '/': *out += e; break;
        case 'b': *out += '\b'; break;
        case 'f': *out += '\f'; break;
        case 'n': *out += '\n'; break;
        case 'r': *out += '\r'; break;
        case 't': *out += '\t'; break;
        case 'u': {
          if (m_i + 4 > m_s.size()) return fail("short \\u escape");
          const std::string hex(m_s.substr(m_i, 4));
          char* end = nullptr;
          const unsigned long u = std::strtoul(hex.c_str(), &end, 16);
          if (end != hex.c_str() + 4) return fail("bad \\u escape");
          m_i += 4;
          append_utf8(out, static_cast<uint32_t>(u));
          break;
        }
        default: return fail("bad escape");
      }
    }
    return fail("unterminated string");
  }

  static void append_utf8(std::string* out, uint32_t u) {
    if (u < 0x80) {
      *out += static_cast<char>(u);
    } else if (u < 0x800) {
      *out += static_cast<char>(0xC0 | (u >> 6));
      *out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
      *out += static_cast<char>(0xE0 | (u >> 12));
      *out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (u & 0x3F));
    }
  }

  bool array(Json* out, int depth) {
    out->kind = Json::Array;
    m_i++;
    skip_space();
    if (m_i < m_s.size() && m_s[m_i] == ']') {
      m_i++;
      return true;
    }
    for (;;) {
      out->arr.emplace_back();
      if (!value(&out->arr.back(), depth + 1)) return false;
      skip_space();
      if (m_i >= m_s.size()) return fail("unterminated array");
      if (m_s[m_i++] == ']') return true;
      if (m_s[m_i - 1] != ',') return fail("expected , or ]");
    }
  }

  bool object(Json* out, int depth) {
    out->kind = Json::Object;
    m_i++;
    skip_space();
    if (m_i < m_s.size() && m_s[m_i] == '}') {
      m_i++;
      return true;
    }
    for (;;) {
      skip_space();
      if (m_i >= m_s.size() || m_s[m_i] != '"') return fail("expected a member name");
      std::string key;
      if (!string(&key)) return false;
      skip_space();
      if (m_i >= m_s.size() || m_s[m_i++] != ':') return fail("expected :");
      if (!value(&out->obj[key], depth + 1)) return false;
      skip_space();
      if (m_i >= m_s.size()) return fail("unterminated object");
      if (m_s[m_i++] == '}') return true;
      if (m_s[m_i - 1] != ',') return fail("expected , or }");
    }
  }

  std::string_view m_s;
  size_t m_i = 0;
  std::string m_error;
};

}  // namespace gol::cli
