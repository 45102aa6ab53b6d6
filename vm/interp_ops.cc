// interp_ops.cc — out-of-line bodies of the interpreter's heavier opcodes.
//
// The dispatch loop (interp_loop.cc) keeps only what costs a few machine
// instructions; slicing with its six bounds checks, append, maps, type
// assertions and equality through descriptors live here, each a plain
// function of (goroutine, registers, instruction). Those that can panic
// return false after setting g.pending_panic; the loop then unwinds.
//
// Each follows the Go runtime function named in its comment, for the order
// of checks and the exact error raised.
#include <cmath>
#include <cstring>
#include <limits>

#include "vm/chan.h"
#include "vm/interp_impl.h"
#include "vm/runtime.h"

namespace gol::vm::interp {

namespace {

// Present-operand flags of SLICE/SLICEARR/SLICESTR.
constexpr uint32_t kHasLow = 1, kHasHigh = 2, kHasMax = 4;

// Non-null base of empty backing stores (cf. Go's zerobase): make([]T, 0)
// is not a nil slice.
Slot g_zero_base;

StringHeader str_at(const Slot* r) { return {static_cast<const char*>(r[0].cp), r[1].i}; }

// The checks of a[lo:hi:max] in Go's order (max, then hi, then lo), with
// unsigned compares so that negative indexes fail too. `limit` is the cap
// (slices) or the length (arrays, strings); `hi_error`/`max_error` name the
// "with capacity"/"with length" variants.
bool check_bounds(Goroutine& g, int64_t lo, int64_t hi, int64_t max, int64_t limit, uint32_t flags,
                  SliceBound hi_error, SliceBound max_error) {
  auto above = [](int64_t x, int64_t y) { return static_cast<uint64_t>(x) > static_cast<uint64_t>(y); };
  if (flags & kHasMax) {
    if (above(max, limit)) return (void)panic_slice(g, max_error, max, limit), false;
    if (above(hi, max)) return (void)panic_slice(g, SliceBound::HighMax, hi, max), false;
    if (above(lo, hi)) return (void)panic_slice(g, SliceBound::LowMax, lo, hi), false;
    return true;
  }
  if (above(hi, limit)) return (void)panic_slice(g, hi_error, hi, limit), false;
  if (above(lo, hi)) return (void)panic_slice(g, hi_error == SliceBound::StrHighLen ? SliceBound::StrLowHigh : SliceBound::LowHigh, lo, hi), false;
  return true;
}

// The result of slicing a store at `data`; an empty result keeps the base
// pointer so it never points past the end of the object (cf. Go's mask in
// ssa's slice rewriting).
void put_slice(Slot* r, char* data, int64_t lo, int64_t hi, int64_t max, uint64_t stride) {
  r[0].p = max - lo > 0 ? data + static_cast<uint64_t>(lo) * stride : data;
  r[1].i = hi - lo;
  r[2].i = max - lo;
}

}  // namespace

bool op_slice(Goroutine& g, Slot* R, Instr ins, uint64_t e) {
  uint64_t stride = e & 0xffffffff;
  auto flags = static_cast<uint32_t>(e >> 32);
  const Slot* s = R + ins.b;
  const Slot* idx = R + ins.c;
  char* data = static_cast<char*>(s[0].p);
  int64_t len = s[1].i, cap = s[2].i;
  int64_t lo = flags & kHasLow ? idx[0].i : 0;
  int64_t hi = flags & kHasHigh ? idx[1].i : len;
  int64_t max = flags & kHasMax ? idx[2].i : cap;
  if (!check_bounds(g, lo, hi, max, cap, flags, SliceBound::HighCap, SliceBound::MaxCap)) return false;
  put_slice(R + ins.a, data, lo, hi, max, stride);
  return true;
}

bool op_slice_array(Goroutine& g, Slot* R, Instr ins, uint64_t e) {
  uint64_t stride = e & 0xffffffff;
  auto flags = static_cast<uint32_t>((e >> 32) & 7);
  auto n = static_cast<int64_t>(e >> 35);
  char* data = static_cast<char*>(R[ins.b].p);
  if (data == nullptr) return (void)panic_nil_deref(g), false;
  const Slot* idx = R + ins.c;
  int64_t lo = flags & kHasLow ? idx[0].i : 0;
  int64_t hi = flags & kHasHigh ? idx[1].i : n;
  int64_t max = flags & kHasMax ? idx[2].i : n;
  if (!check_bounds(g, lo, hi, max, n, flags, SliceBound::HighLen, SliceBound::MaxLen)) return false;
  put_slice(R + ins.a, data, lo, hi, max, stride);
  return true;
}

bool op_slice_string(Goroutine& g, Slot* R, Instr ins, uint64_t e) {
  auto flags = static_cast<uint32_t>(e & 3);
  StringHeader s = str_at(R + ins.b);
  const Slot* idx = R + ins.c;
  int64_t lo = flags & kHasLow ? idx[0].i : 0;
  int64_t hi = flags & kHasHigh ? idx[1].i : s.len;
  if (!check_bounds(g, lo, hi, 0, s.len, flags, SliceBound::StrHighLen, SliceBound::StrHighLen)) return false;
  R[ins.a].cp = hi > lo ? s.data + lo : s.data;
  R[ins.a + 1].i = hi - lo;
  return true;
}

// cf. Go's makeslice: len is checked against the largest allocation first,
// then cap; 2^47 bytes stands in for Go's maxAlloc (2^48 on amd64) — either
// is far beyond any heap this machine has.
bool op_makeslice(Goroutine& g, Slot* R, Instr ins, const Type* elem) {
  constexpr uint64_t kMaxAllocBytes = uint64_t{1} << 47;
  int64_t len = R[ins.b].i, cap = R[ins.c].i;
  uint64_t stride = elem->stride;
  auto too_big = [&](int64_t n) {
    return n < 0 || (stride != 0 && static_cast<uint64_t>(n) > kMaxAllocBytes / stride);
  };
  if (too_big(len)) return (void)panic_string(g, "makeslice: len out of range"), false;
  if (too_big(cap) || cap < len) return (void)panic_string(g, "makeslice: cap out of range"), false;
  size_t bytes = static_cast<size_t>(cap) * stride;
  void* data = bytes == 0 ? static_cast<void*>(&g_zero_base)
                          : (elem->has_pointers ? gc_alloc(bytes) : gc_alloc_atomic(bytes));
  R[ins.a].p = data;
  R[ins.a + 1].i = len;
  R[ins.a + 2].i = cap;
  return true;
}

// cf. Go's growslice: the values to append sit in slot form after the slice
// header; they are read before the header registers are overwritten.
void op_append(Slot* R, Instr ins, const Type* elem) {
  const Slot* src = R + ins.b;
  SliceHeader s{src[0].p, src[1].i, src[2].i};
  int64_t n = ins.c;
  if (s.len + n > s.cap) s = grow_slice(elem, s, n);
  const Slot* values = src + 3;
  char* at = static_cast<char*>(s.data) + static_cast<uint64_t>(s.len) * elem->stride;
  for (int64_t k = 0; k < n; ++k) {
    store_elem(elem, at, values);
    at += elem->stride;
    values += elem->slots;
  }
  R[ins.a].p = s.data;
  R[ins.a + 1].i = s.len + n;
  R[ins.a + 2].i = s.cap;
}

void op_append_slice(Slot* R, Instr ins, const Type* elem) {
  const Slot* src = R + ins.b;
  SliceHeader s{src[0].p, src[1].i, src[2].i};
  const void* from = R[ins.c].cp;
  int64_t n = R[ins.c + 1].i;
  if (n > 0) {
    if (s.len + n > s.cap) s = grow_slice(elem, s, n);
    std::memmove(static_cast<char*>(s.data) + static_cast<uint64_t>(s.len) * elem->stride, from,
                 static_cast<size_t>(n) * elem->stride);
  }
  R[ins.a].p = s.data;
  R[ins.a + 1].i = s.len + n;
  R[ins.a + 2].i = s.cap;
}

void op_copy(Slot* R, Instr ins, uint64_t stride) {
  int64_t n = std::min(R[ins.b + 1].i, R[ins.c + 1].i);
  if (n > 0 && R[ins.b].p != R[ins.c].cp) std::memmove(R[ins.b].p, R[ins.c].cp, static_cast<size_t>(n) * stride);
  R[ins.a].i = n;
}

// ------------------------------------------------------------------ maps

namespace {

bool unhashable(Goroutine& g, const Type* bad) {
  (void)panic_string(g, "hash of unhashable type " + bad->name);
  return false;
}

}  // namespace

bool op_mapget(Goroutine& g, Slot* R, Instr ins, const Type* map_type, bool with_ok) {
  const Map* m = static_cast<const Map*>(R[ins.b].cp);
  uint32_t nvalue = map_type->elem->slots;
  const Slot* found = nullptr;
  if (m != nullptr) {
    const Type* bad = nullptr;
    found = map_find(m, R + ins.c, &bad);
    if (bad != nullptr) return unhashable(g, bad);
  } else {
    // Go hashes the key even for a nil map, so an unhashable key panics.
    const Type* bad = nullptr;
    (void)hash_value(map_type->key, R + ins.c, 0, &bad);
    if (bad != nullptr) return unhashable(g, bad);
  }
  if (found != nullptr) {
    copy_slots(R + ins.a, found, nvalue);
  } else {
    std::memset(static_cast<void*>(R + ins.a), 0, size_t{nvalue} * sizeof(Slot));
  }
  if (with_ok) R[ins.a + nvalue].u = found != nullptr;
  return true;
}

bool op_mapset(Goroutine& g, Slot* R, Instr ins, const Type* map_type) {
  Map* m = static_cast<Map*>(R[ins.a].p);
  if (m == nullptr) return (void)panic_nil_map_write(g), false;
  const Type* bad = nullptr;
  Slot* value = map_assign(m, R + ins.b, &bad);
  if (bad != nullptr) return unhashable(g, bad);
  copy_slots(value, R + ins.c, map_type->elem->slots);
  return true;
}

bool op_mapdel(Goroutine& g, Slot* R, Instr ins) {
  Map* m = static_cast<Map*>(R[ins.a].p);
  if (m == nullptr) return true;
  const Type* bad = nullptr;
  map_delete(m, R + ins.b, &bad);
  if (bad != nullptr) return unhashable(g, bad);
  return true;
}

void op_mapnext(Slot* R, Instr ins, const Type* map_type) {
  auto* it = static_cast<MapIter*>(R[ins.b].p);
  const Slot* key = nullptr;
  const Slot* value = nullptr;
  if (it == nullptr || !map_iter_next(it, &key, &value)) {
    R[ins.c].u = 0;
    return;
  }
  uint32_t nkey = map_type->key->slots;
  copy_slots(R + ins.a, key, nkey);
  copy_slots(R + ins.a + nkey, value, map_type->elem->slots);
  R[ins.c].u = 1;
}

// ------------------------------------------------------------ interfaces

// implements() walks two method lists; type switches and assertions to
// interface types (fmt's `case error:`, `case Stringer:` on every printed
// value) ask the same few questions again and again. A small direct-mapped
// cache per thread answers repeats (cf. Go's itab cache). Sound because
// descriptors are immortal and a type's method set is fixed once the
// program runs; thread_local is fine here: it holds no GC pointers.
bool implements_cached(const Type* t, const Type* iface) {
  struct Entry {
    const Type* type;
    const Type* iface;
    bool ok;
  };
  static thread_local Entry cache[256];
  auto h = ((reinterpret_cast<uintptr_t>(t) >> 4) ^ (reinterpret_cast<uintptr_t>(iface) >> 7)) & 255;
  Entry& e = cache[h];
  if (e.type == t && e.iface == iface) return e.ok;
  bool ok = implements(t, iface);
  e = Entry{t, iface, ok};
  return ok;
}

// cf. Go's panicdottypeE: the value's dynamic type is not `want`.
bool op_assert(Goroutine& g, Slot* R, Instr ins, const Type* want, const Type* static_iface) {
  Iface v{static_cast<const Type*>(R[ins.b].cp), R[ins.b + 1]};
  if (v.type != want) return (void)panic_type_assert(g, static_iface, v.type, want), false;
  if (want->slots > 0) copy_slots(R + ins.a, iface_payload(v), want->slots);
  return true;
}

void op_assert_ok(Slot* R, Instr ins, const Type* want) {
  Iface v{static_cast<const Type*>(R[ins.b].cp), R[ins.b + 1]};
  bool ok = v.type == want;
  if (ok) {
    if (want->slots == 1)
      R[ins.a] = v.data;
    else if (want->slots > 0)
      copy_slots(R + ins.a, iface_payload(v), want->slots);
  } else {
    std::memset(static_cast<void*>(R + ins.a), 0, size_t{want->slots} * sizeof(Slot));
  }
  R[ins.a + want->slots].u = ok;
}

// cf. Go's assertE2I: a nil interface names no static type in the message.
bool op_assert_iface(Goroutine& g, Slot* R, Instr ins, const Type* want) {
  auto* t = static_cast<const Type*>(R[ins.b].cp);
  if (t == nullptr || !implements_cached(t, want)) return (void)panic_type_assert(g, nullptr, t, want), false;
  Slot data = R[ins.b + 1];
  R[ins.a].cp = t;
  R[ins.a + 1] = data;
  return true;
}

void op_assert_iface_ok(Slot* R, Instr ins, const Type* want) {
  auto* t = static_cast<const Type*>(R[ins.b].cp);
  Slot data = R[ins.b + 1];
  bool ok = t != nullptr && implements_cached(t, want);
  R[ins.a].cp = ok ? t : nullptr;
  R[ins.a + 1].u = ok ? data.u : 0;
  R[ins.a + 2].u = ok;
}

bool op_iface_equal(Goroutine& g, Slot* R, Instr ins, bool want_equal) {
  Iface a{static_cast<const Type*>(R[ins.b].cp), R[ins.b + 1]};
  Iface b{static_cast<const Type*>(R[ins.c].cp), R[ins.c + 1]};
  const Type* bad = nullptr;
  bool eq = a.type == b.type && (a.type == nullptr || ifaces_equal(a, b, &bad));
  if (bad != nullptr) return (void)panic_string(g, "comparing uncomparable type " + bad->name), false;
  R[ins.a].u = eq == want_equal;
  return true;
}

bool op_value_equal(Goroutine& g, Slot* R, Instr ins, const Type* t, bool want_equal) {
  const Type* bad = nullptr;
  bool eq = values_equal(t, R + ins.b, R + ins.c, &bad);
  if (bad != nullptr) return (void)panic_string(g, "comparing uncomparable type " + bad->name), false;
  R[ins.a].u = eq == want_equal;
  return true;
}

Closure* op_closure(const Slot* R, const Proto* proto, uint32_t ncaptured, const Instr* regs) {
  auto* c = static_cast<Closure*>(gc_alloc(sizeof(Closure) + size_t{ncaptured} * sizeof(Slot)));
  c->proto = proto;
  c->ncaptured = ncaptured;
  for (uint32_t k = 0; k < ncaptured; ++k) {
    uint64_t word;
    std::memcpy(&word, regs + k / 4, sizeof word);
    auto reg = static_cast<uint16_t>(word >> (16 * (k % 4)));
    c->captured[k] = R[reg];
  }
  return c;
}

// ------------------------------------------------------ float conversions

// amd64's CVTTSD2SI: NaN and out-of-range values give the "integer
// indefinite" 0x8000000000000000, which is what Go on amd64 produces.
int64_t float_to_int(double f) {
  if (!(f >= -9223372036854775808.0 && f < 9223372036854775808.0)) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(f);
}

// Go on amd64: below 2^63 convert as signed (negative values wrap), else
// subtract 2^63, convert, and set the top bit.
uint64_t float_to_uint(double f) {
  constexpr double kTwo63 = 9223372036854775808.0;
  if (f < kTwo63) return static_cast<uint64_t>(float_to_int(f));
  return static_cast<uint64_t>(float_to_int(f - kTwo63)) | (uint64_t{1} << 63);
}

double float_min(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
  if (a == 0 && b == 0) return std::signbit(a) ? a : b;
  return b < a ? b : a;
}

double float_max(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
  if (a == 0 && b == 0) return std::signbit(a) ? b : a;
  return b > a ? b : a;
}

NativeStatus op_select(Goroutine& g, Slot* R, Instr ins, const Instr* extras) {
  const uint32_t n = ins.b;
  // Small selects (nearly all) keep their case table on the C stack.
  SelectCase small[8];
  SelectCase* cases = n <= 8 ? small : static_cast<SelectCase*>(gc_alloc(sizeof(SelectCase) * n));
  for (uint32_t k = 0; k < n; k++) {
    const uint64_t w = extras[k].extra();
    cases[k].c = static_cast<Chan*>(R[w & 0xffff].p);
    cases[k].elem = R + ((w >> 16) & 0xffff);
    cases[k].send = ((w >> 32) & 1) != 0;
  }
  return select_go(g, cases, n, ins.c == 0, R + ins.a);
}

}  // namespace gol::vm::interp
