// strings_native.cc — the natives of package strings (see strings.cc):
// substring search, Unicode case mapping, and unsafeString.
//
//   Index, LastIndex          glibc's memmem (two-way: linear time, no
//                             allocation) forwards; Rabin-Karp backwards
//                             (a rolling hash, cf. Go's bytealg, whose
//                             worst case is linear on average too)
//   IndexByte, LastIndexByte  memchr / memrchr
//   ToUpper, ToLower, ToTitle Go's strings.Map over unicode.To*: every rune
//                             mapped through the case tables, invalid UTF-8
//                             bytes becoming U+FFFD; an ASCII fast path, and
//                             the input itself when nothing changes
//   EqualFold                 Go's algorithm: an ASCII fast path, then
//                             simple folding orbits (unicode.SimpleFold)
//   unsafeString(b)           a string header over b's bytes, no copy
//
// Case mapping and folding are unicode_case.cc's (unicode_impl.h).
#include <cstring>
#include <string>

#include "stdlib/natives.h"
#include "stdlib/unicode_impl.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;
using vm::StringHeader;

constexpr int32_t kRuneError = 0xFFFD;

// Appends the UTF-8 encoding of the valid rune r.
void append_rune(std::string& out, int32_t r) {
  char buf[4];
  out.append(buf, static_cast<size_t>(vm::encode_rune(r, buf)));
}

// strings.Map(mapping, s) for a mapping that never drops a rune: s itself
// when every rune maps to itself and s is valid UTF-8; otherwise each rune
// mapped, every invalid byte becoming U+FFFD (RuneError maps to itself).
StringHeader map_runes(StringHeader s, int32_t (*mapping)(int32_t)) {
  int64_t i = 0;
  for (; i < s.len; ) {
    int64_t width = 1;
    int32_t c = static_cast<unsigned char>(s.data[i]) < 0x80 ? s.data[i] : vm::decode_rune(s, i, &width);
    bool invalid = c == kRuneError && width == 1;
    if (invalid || mapping(c) != c) break;
    i += width;
  }
  if (i == s.len) return s;
  std::string out(s.data, static_cast<size_t>(i));
  out.reserve(static_cast<size_t>(s.len) + 4);
  while (i < s.len) {
    int64_t width = 1;
    int32_t c = static_cast<unsigned char>(s.data[i]) < 0x80 ? s.data[i] : vm::decode_rune(s, i, &width);
    append_rune(out, mapping(c));
    i += width;
  }
  return vm::make_string(out);
}

// Go's ASCII fast path: no allocation when no letter needs changing.
StringHeader map_ascii_case(StringHeader s, char from_lo, char from_hi, int delta) {
  int64_t i = 0;
  while (i < s.len && !(from_lo <= s.data[i] && s.data[i] <= from_hi)) ++i;
  if (i == s.len) return s;
  std::string out(s.data, static_cast<size_t>(s.len));
  for (; i < s.len; ++i)
    if (from_lo <= out[i] && out[i] <= from_hi) out[i] = static_cast<char>(out[i] + delta);
  return vm::make_string(out);
}

bool is_ascii(StringHeader s) {
  for (int64_t i = 0; i < s.len; ++i)
    if (static_cast<unsigned char>(s.data[i]) >= 0x80) return false;
  return true;
}

StringHeader read_string(const Slot* s) { return StringHeader{static_cast<const char*>(s[0].cp), s[1].i}; }
void write_string(Slot* s, StringHeader v) {
  s[0].cp = v.data;
  s[1].i = v.len;
}

NativeStatus upper(vm::Goroutine&, Slot* w) {
  StringHeader s = read_string(w);
  write_string(w, is_ascii(s) ? map_ascii_case(s, 'a', 'z', 'A' - 'a') : map_runes(s, rune_to_upper));
  return NativeStatus::Ok;
}

NativeStatus lower(vm::Goroutine&, Slot* w) {
  StringHeader s = read_string(w);
  write_string(w, is_ascii(s) ? map_ascii_case(s, 'A', 'Z', 'a' - 'A') : map_runes(s, rune_to_lower));
  return NativeStatus::Ok;
}

NativeStatus title(vm::Goroutine&, Slot* w) {
  write_string(w, map_runes(read_string(w), rune_to_title));
  return NativeStatus::Ok;
}

// ------------------------------------------------------------ EqualFold

// Whether a and b (a < b) are the two cases of one ASCII letter.
bool ascii_fold_pair(int32_t a, int32_t b) { return 'A' <= a && a <= 'Z' && b == a + ('a' - 'A'); }

bool equal_fold(StringHeader s, StringHeader t) {
  int64_t i = 0, j = 0;
  // ASCII prefix: byte by byte.
  for (; i < s.len && i < t.len; ++i) {
    auto a = static_cast<unsigned char>(s.data[i]), b = static_cast<unsigned char>(t.data[i]);
    if ((a | b) >= 0x80) break;
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    if (!ascii_fold_pair(a, b)) return false;
  }
  if (i == s.len || i == t.len) return s.len == t.len;
  // Rune by rune; invalid bytes decode as RuneError, as a range loop does.
  j = i;
  while (i < s.len) {
    if (j == t.len) return false;
    int64_t ws = 1, wt = 1;
    int32_t sr = vm::decode_rune(s, i, &ws);
    int32_t tr = vm::decode_rune(t, j, &wt);
    i += ws;
    j += wt;
    if (sr == tr) continue;
    if (tr < sr) std::swap(sr, tr);
    if (tr < 0x80) {
      if (ascii_fold_pair(sr, tr)) continue;
      return false;
    }
    // Walk sr's orbit upwards until it reaches tr or wraps.
    int32_t r = rune_simple_fold(sr);
    while (r != sr && r < tr) r = rune_simple_fold(r);
    if (r != tr) return false;
  }
  return j == t.len;
}

NativeStatus equal_fold_native(vm::Goroutine&, Slot* w) {
  bool eq = equal_fold(read_string(w), read_string(w + 2));
  w[0].i = eq ? 1 : 0;
  return NativeStatus::Ok;
}

// -------------------------------------------------------------- search

int64_t index_of(StringHeader s, StringHeader sub) {
  if (sub.len == 0) return 0;
  if (sub.len > s.len) return -1;
  const void* p = ::memmem(s.data, static_cast<size_t>(s.len), sub.data, static_cast<size_t>(sub.len));
  return p == nullptr ? -1 : static_cast<const char*>(p) - s.data;
}

int64_t last_index_byte(StringHeader s, unsigned char c) {
  if (s.len == 0) return -1;
  const void* p = ::memrchr(s.data, c, static_cast<size_t>(s.len));
  return p == nullptr ? -1 : static_cast<const char*>(p) - s.data;
}

// Rabin-Karp from the end: a rolling hash of the window (base kPrime, mod
// 2^32), compared with the hash of sub read backwards; bytes compared only on
// a hash match.
int64_t last_index(StringHeader s, StringHeader sub) {
  int64_t n = sub.len;
  if (n == 0) return s.len;
  if (n == 1) return last_index_byte(s, static_cast<unsigned char>(sub.data[0]));
  if (n > s.len) return -1;
  if (n == s.len) return std::memcmp(s.data, sub.data, static_cast<size_t>(n)) == 0 ? 0 : -1;
  constexpr uint32_t kPrime = 16777619;
  uint32_t want = 0, pow = 1;
  for (int64_t k = n - 1; k >= 0; --k) {
    want = want * kPrime + static_cast<unsigned char>(sub.data[k]);
    pow *= kPrime;  // kPrime^n: the weight of the byte leaving the window
  }
  uint32_t h = 0;
  int64_t last = s.len - n;
  for (int64_t k = s.len - 1; k >= last; --k) h = h * kPrime + static_cast<unsigned char>(s.data[k]);
  for (int64_t at = last;; --at) {
    if (h == want && std::memcmp(s.data + at, sub.data, static_cast<size_t>(n)) == 0) return at;
    if (at == 0) return -1;
    h = h * kPrime + static_cast<unsigned char>(s.data[at - 1]);
    h -= pow * static_cast<unsigned char>(s.data[at - 1 + n]);
  }
}

NativeStatus index_native(vm::Goroutine&, Slot* w) {
  w[0].i = index_of(read_string(w), read_string(w + 2));
  return NativeStatus::Ok;
}

NativeStatus index_byte(vm::Goroutine&, Slot* w) {
  StringHeader s = read_string(w);
  auto c = static_cast<unsigned char>(w[2].u);
  const void* p = s.len == 0 ? nullptr : std::memchr(s.data, c, static_cast<size_t>(s.len));
  w[0].i = p == nullptr ? -1 : static_cast<const char*>(p) - s.data;
  return NativeStatus::Ok;
}

NativeStatus last_index_native(vm::Goroutine&, Slot* w) {
  w[0].i = last_index(read_string(w), read_string(w + 2));
  return NativeStatus::Ok;
}

NativeStatus last_index_byte_native(vm::Goroutine&, Slot* w) {
  w[0].i = last_index_byte(read_string(w), static_cast<unsigned char>(w[2].u));
  return NativeStatus::Ok;
}

// unsafeString(b []byte) string: b's data and length, shared.
NativeStatus unsafe_string(vm::Goroutine&, Slot* w) {
  StringHeader s{static_cast<const char*>(w[0].cp), w[1].i};
  write_string(w, s);
  return NativeStatus::Ok;
}

}  // namespace

void register_strings_natives(vm::NativeRegistry& registry) {
  registry.add("strings.Index", index_native);
  registry.add("strings.IndexByte", index_byte);
  registry.add("strings.LastIndex", last_index_native);
  registry.add("strings.LastIndexByte", last_index_byte_native);
  registry.add("strings.ToUpper", upper);
  registry.add("strings.ToLower", lower);
  registry.add("strings.ToTitle", title);
  registry.add("strings.EqualFold", equal_fold_native);
  registry.add("strings.unsafeString", unsafe_string);
}

}  // namespace gol::stdlib
