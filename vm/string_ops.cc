// string_ops.cc — Go's string operations on StringHeader values.
//
// The core idea: strings are immutable byte sequences (value.h), so every
// operation that makes a new string allocates its bytes once, pointer-free
// (gc_alloc_atomic), and never writes to them again; operations that only
// read (compare, decode) work on the bytes where they are.
//
// UTF-8 follows Go's unicode/utf8 exactly: a sequence is valid only if it is
// the shortest encoding of a rune in [0, 0x10FFFF] that is not a surrogate;
// anything else decodes as RuneError (U+FFFD) with width 1, so a loop that
// steps by the width never skips a byte. string(r) for an invalid rune is
// "\uFFFD".
//
// Lives elsewhere: strings/strconv/utf8 packages (stdlib/), string indexing
// and slicing (interpreter).
#include <cstring>

#include "vm/runtime.h"

namespace gol::vm {

namespace {

constexpr int32_t kRuneError = 0xFFFD;
constexpr int32_t kMaxRune = 0x10FFFF;

// Allocates an uninitialised string of n bytes (filled by the caller before
// it escapes: strings are immutable afterwards).
char* alloc_string_bytes(int64_t n) {
  return static_cast<char*>(gc_alloc_atomic(static_cast<size_t>(n)));
}

int rune_length(int64_t r) {
  if (r < 0 || r > kMaxRune || (r >= 0xD800 && r <= 0xDFFF)) return 3;  // RuneError
  if (r < 0x80) return 1;
  if (r < 0x800) return 2;
  if (r < 0x10000) return 3;
  return 4;
}

bool is_continuation(uint8_t b) { return (b & 0xC0) == 0x80; }

}  // namespace

int encode_rune(int64_t r, char* buf) {
  if (r < 0 || r > kMaxRune || (r >= 0xD800 && r <= 0xDFFF)) r = kRuneError;
  auto u = static_cast<uint32_t>(r);
  if (u < 0x80) {
    buf[0] = static_cast<char>(u);
    return 1;
  }
  if (u < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (u >> 6));
    buf[1] = static_cast<char>(0x80 | (u & 0x3F));
    return 2;
  }
  if (u < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (u >> 12));
    buf[1] = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (u & 0x3F));
    return 3;
  }
  buf[0] = static_cast<char>(0xF0 | (u >> 18));
  buf[1] = static_cast<char>(0x80 | ((u >> 12) & 0x3F));
  buf[2] = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
  buf[3] = static_cast<char>(0x80 | (u & 0x3F));
  return 4;
}


StringHeader string_concat(StringHeader a, StringHeader b) {
  if (a.len == 0) return b;
  if (b.len == 0) return a;
  char* p = alloc_string_bytes(a.len + b.len);
  std::memcpy(p, a.data, static_cast<size_t>(a.len));
  std::memcpy(p + a.len, b.data, static_cast<size_t>(b.len));
  return {p, a.len + b.len};
}

StringHeader string_concat_n(const Slot* strings, uint32_t n) {
  int64_t total = 0;
  uint32_t nonempty = 0;
  StringHeader only{nullptr, 0};
  for (uint32_t i = 0; i < n; i++) {
    int64_t len = strings[2 * i + 1].i;
    if (len > 0) {
      nonempty++;
      only = {static_cast<const char*>(strings[2 * i].cp), len};
    }
    total += len;
  }
  // Go returns the one non-empty operand without copying.
  if (nonempty <= 1) return only;
  char* p = alloc_string_bytes(total);
  int64_t at = 0;
  for (uint32_t i = 0; i < n; i++) {
    int64_t len = strings[2 * i + 1].i;
    if (len == 0) continue;
    std::memcpy(p + at, strings[2 * i].cp, static_cast<size_t>(len));
    at += len;
  }
  return {p, total};
}

int string_compare(StringHeader a, StringHeader b) {
  size_t n = static_cast<size_t>(a.len < b.len ? a.len : b.len);
  if (n > 0 && a.data != b.data) {
    int c = std::memcmp(a.data, b.data, n);
    if (c != 0) return c;
  }
  return a.len < b.len ? -1 : (a.len > b.len ? 1 : 0);
}

int32_t decode_rune(StringHeader s, int64_t i, int64_t* width) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data) + i;
  int64_t left = s.len - i;
  uint8_t b0 = p[0];
  if (b0 < 0x80) {
    *width = 1;
    return b0;
  }
  *width = 1;
  // Lead byte: its length and the range of the second byte (which rules out
  // overlong forms, surrogates and runes above U+10FFFF, as Go's acceptRanges).
  int n;
  uint8_t lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return kRuneError;
  }
  if (left < n) return kRuneError;
  if (p[1] < lo || p[1] > hi) return kRuneError;
  for (int k = 2; k < n; k++) {
    if (!is_continuation(p[k])) return kRuneError;
  }
  int32_t r;
  if (n == 2) {
    r = (b0 & 0x1F) << 6 | (p[1] & 0x3F);
  } else if (n == 3) {
    r = (b0 & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
  } else {
    r = (b0 & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 | (p[3] & 0x3F);
  }
  *width = n;
  return r;
}

StringHeader string_from_rune(int64_t r) {
  char buf[4];
  int n = encode_rune(r, buf);
  return make_string(buf, static_cast<size_t>(n));
}

StringHeader string_from_bytes(const uint8_t* p, int64_t n) {
  if (n == 0) return {nullptr, 0};
  return make_string(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
}

StringHeader string_from_runes(const int32_t* p, int64_t n) {
  int64_t total = 0;
  for (int64_t i = 0; i < n; i++) total += rune_length(p[i]);
  if (total == 0) return {nullptr, 0};
  char* out = alloc_string_bytes(total);
  int64_t at = 0;
  for (int64_t i = 0; i < n; i++) at += encode_rune(p[i], out + at);
  return {out, total};
}

SliceHeader bytes_from_string(StringHeader s) {
  // A non-nil empty slice, as Go's []byte("") (fmt prints [] either way, but
  // == nil must be false).
  void* p = gc_alloc_atomic(s.len > 0 ? static_cast<size_t>(s.len) : 1);
  if (s.len > 0) std::memcpy(p, s.data, static_cast<size_t>(s.len));
  return {p, s.len, s.len};
}

SliceHeader runes_from_string(StringHeader s) {
  int64_t count = 0;
  for (int64_t i = 0; i < s.len;) {
    int64_t w;
    decode_rune(s, i, &w);
    i += w;
    count++;
  }
  auto* out = static_cast<int32_t*>(gc_alloc_atomic(count > 0 ? static_cast<size_t>(count) * 4 : 1));
  int64_t k = 0;
  for (int64_t i = 0; i < s.len;) {
    int64_t w;
    out[k++] = decode_rune(s, i, &w);
    i += w;
  }
  return {out, count, count};
}

}  // namespace gol::vm
