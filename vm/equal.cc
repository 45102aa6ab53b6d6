// equal.cc — Go's == on values in slot form, and the hash consistent with it.
//
// The core idea: equality and hashing walk the run-time type (type.h) over
// the value's slots, the way Go's generated eq/hash functions walk a type:
// scalars compare as words, floats as IEEE numbers (NaN != NaN, +0 == -0),
// strings by bytes, structs field by field (blank fields skipped, as the
// spec says), arrays element by element (packed arrays bytewise), and
// interfaces by dynamic type first, then by value. An interface holding a
// value of an uncomparable dynamic type (slice, map, func) makes == panic in
// Go; here the walk stops, reports that type through *bad and the caller
// raises the panic ("comparing uncomparable type []int", "hash of unhashable
// type []int").
//
// Hashes are consistent with ==: +0 and -0 hash alike (both as +0), and a
// NaN, which equals nothing, hashes to a random value (as Go's f64hash), so
// that inserting NaN keys many times does not pile them into one chain.
// The mixing is a 64×64→128-bit multiply folded to 64 bits (the wyhash
// family's primitive): fast, and good enough for hash tables.
//
// Lives elsewhere: the interpreter's one-slot and string compare opcodes
// (EQ, SEQ, FEQ) handle the common cases inline; this file is for VEQ, IEQ,
// map keys and anything else generic.
#include <chrono>
#include <cmath>
#include <cstring>

#include "vm/runtime.h"

namespace gol::vm {

namespace {

constexpr uint64_t kK0 = 0xa0761d6478bd642fULL;
constexpr uint64_t kK1 = 0xe7037ed1a0b428dbULL;
constexpr uint64_t kK2 = 0x8ebc6af09c88c6e3ULL;
constexpr uint64_t kK3 = 0x589965cc75374cc3ULL;

inline uint64_t mix(uint64_t a, uint64_t b) {
  unsigned __int128 r = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

inline uint64_t read64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Bytes [0, n) of p, n < 8, as a little-endian word.
inline uint64_t read_tail(const uint8_t* p, size_t n) {
  uint64_t v = 0;
  std::memcpy(&v, p, n);
  return v;
}

// Whether t is one of the scalar kinds that compare as a plain word.
bool is_word_kind(Kind k) {
  switch (k) {
    case Kind::Bool: case Kind::Int: case Kind::Int8: case Kind::Int16: case Kind::Int32:
    case Kind::Int64: case Kind::Uint: case Kind::Uint8: case Kind::Uint16: case Kind::Uint32:
    case Kind::Uint64: case Kind::Uintptr: case Kind::Pointer: case Kind::Chan:
    case Kind::UnsafePointer: case Kind::Map: case Kind::Func: case Kind::Slice:
      return true;
    default: return false;
  }
}

bool is_blank(const Field& f) { return f.name == "_"; }

bool packed_array(const Type* t) { return t->elem->stride > 0 && t->elem->stride < 8; }

uint64_t hash_float(double f, uint64_t seed) {
  if (f == 0) return hash_word(0, seed);  // +0 and -0
  if (std::isnan(f)) return hash_word(fast_rand(), seed);
  uint64_t bits;
  std::memcpy(&bits, &f, 8);
  return hash_word(bits, seed);
}

}  // namespace

// ------------------------------------------------------------ random numbers

uint64_t fast_rand() {
  // wyrand: one state word per thread, advanced by a constant and mixed.
  // Seeded from the clock and the state's own address, which differs per
  // thread and per run (ASLR).
  thread_local uint64_t state = 0;
  if (state == 0) {
    auto now = static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    state = mix(now ^ kK0, reinterpret_cast<uintptr_t>(&state) ^ kK1) | 1;
  }
  state += kK0;
  return mix(state, state ^ kK1);
}

// ------------------------------------------------------------ hashing

uint64_t hash_word(uint64_t v, uint64_t seed) { return mix(v ^ seed ^ kK0, seed ^ kK1); }

uint64_t hash_bytes(const void* data, size_t n, uint64_t seed) {
  const auto* p = static_cast<const uint8_t*>(data);
  uint64_t h = seed ^ mix(n ^ kK0, kK1);
  size_t left = n;
  while (left >= 16) {
    h = mix(read64(p) ^ kK1, read64(p + 8) ^ h);
    p += 16;
    left -= 16;
  }
  if (left >= 8) {
    h = mix(read64(p) ^ kK2, h ^ kK1);
    p += 8;
    left -= 8;
  }
  if (left > 0) h = mix(read_tail(p, left) ^ kK3, h ^ kK2);
  return mix(h ^ kK0, n ^ kK3);
}

namespace {

// hash_value's walk; *bad starts null and stops the walk once set.
uint64_t hash_walk(const Type* t, const Slot* v, uint64_t seed, const Type** bad) {
  if (is_word_kind(t->kind)) return hash_word(canonical_word(t->kind, v->u), seed);
  switch (t->kind) {
    case Kind::Float32:
    case Kind::Float64: return hash_float(v->f, seed);
    case Kind::String: return hash_bytes(v[0].cp, static_cast<size_t>(v[1].i), seed);
    case Kind::Interface: {
      Iface x = iface_at(v);
      if (x.type == nullptr) return hash_word(0, seed);
      if (!x.type->comparable) {
        *bad = x.type;
        return 0;
      }
      uint64_t h = hash_word(reinterpret_cast<uintptr_t>(x.type), seed);
      return mix(h ^ kK2, hash_walk(x.type, iface_payload(x), seed, bad) ^ kK3);
    }
    case Kind::Struct: {
      uint64_t h = seed;
      for (const Field& f : t->fields) {
        if (is_blank(f)) continue;
        h = mix(h ^ kK1, hash_walk(f.type, v + f.offset, seed, bad) ^ kK2);
        if (*bad) return 0;
      }
      return h;
    }
    case Kind::Array: {
      if (packed_array(t)) {
        return hash_bytes(v, static_cast<size_t>(t->len) * t->elem->stride, seed);
      }
      uint64_t h = seed;
      for (int64_t i = 0; i < t->len; i++) {
        h = mix(h ^ kK1, hash_walk(t->elem, v + i * t->elem->slots, seed, bad) ^ kK2);
        if (*bad) return 0;
      }
      return h;
    }
    default: GOL_THROW("hash_value: unexpected kind");
  }
}

}  // namespace

uint64_t hash_value(const Type* t, const Slot* v, uint64_t seed, const Type** bad) {
  *bad = nullptr;
  return hash_walk(t, v, seed, bad);
}

// ------------------------------------------------------------ equality

namespace {

bool iface_walk(const Iface& a, const Iface& b, const Type** bad);

// values_equal's walk: false as soon as a difference or an uncomparable
// dynamic type (*bad) is found.
bool equal_walk(const Type* t, const Slot* a, const Slot* b, const Type** bad) {
  if (is_word_kind(t->kind)) return canonical_word(t->kind, a->u) == canonical_word(t->kind, b->u);
  switch (t->kind) {
    case Kind::Float32:
    case Kind::Float64: return a->f == b->f;
    case Kind::String: {
      if (a[1].i != b[1].i) return false;
      return a[1].i == 0 || a[0].cp == b[0].cp || std::memcmp(a[0].cp, b[0].cp, static_cast<size_t>(a[1].i)) == 0;
    }
    case Kind::Interface:
      return iface_walk(iface_at(a), iface_at(b), bad);
    case Kind::Struct:
      for (const Field& f : t->fields) {
        if (is_blank(f)) continue;
        if (!equal_walk(f.type, a + f.offset, b + f.offset, bad)) return false;
      }
      return true;
    case Kind::Array: {
      if (packed_array(t)) {
        return std::memcmp(a, b, static_cast<size_t>(t->len) * t->elem->stride) == 0;
      }
      uint32_t n = t->elem->slots;
      for (int64_t i = 0; i < t->len; i++) {
        if (!equal_walk(t->elem, a + i * n, b + i * n, bad)) return false;
      }
      return true;
    }
    default: GOL_THROW("values_equal: unexpected kind");
  }
}

bool iface_walk(const Iface& a, const Iface& b, const Type** bad) {
  if (a.type != b.type) return false;
  if (a.type == nullptr) return true;
  if (!a.type->comparable) {
    *bad = a.type;
    return false;
  }
  if (a.type->slots == 1 && is_word_kind(a.type->kind)) {
    return canonical_word(a.type->kind, a.data.u) == canonical_word(a.type->kind, b.data.u);
  }
  return equal_walk(a.type, iface_payload(a), iface_payload(b), bad);
}

}  // namespace

bool values_equal(const Type* t, const Slot* a, const Slot* b, const Type** bad) {
  *bad = nullptr;
  return equal_walk(t, a, b, bad);
}

bool ifaces_equal(const Iface& a, const Iface& b, const Type** bad) {
  *bad = nullptr;
  return iface_walk(a, b, bad);
}

}  // namespace gol::vm
