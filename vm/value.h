// value.h — how gol values sit in memory: slots, headers, GC allocation.
//
// The core idea (DESIGN.md §3): every value is laid out in 8-byte slots, the
// same way in frames (registers), struct fields, heap cells, globals and
// backing arrays. Scalars, pointers, maps, channels and funcs take one slot;
// a string two (data, len); a slice three (data, len, cap); an interface two
// (dynamic type, data); a struct the sum of its fields, flattened in order; an
// array len × its element, flattened. Copying a value copies its slots, so a
// struct copy, a substring or a reslice allocates nothing.
//
// One exception keeps []byte and friends as compact as Go's: elements of
// arrays whose element type is a 1-, 2- or 4-byte scalar (bool, int8/uint8,
// int16/uint16, int32/uint32/rune) are packed at that size, wherever the array
// lives (a [4]byte register array occupies one slot). Type::stride gives the
// element size in bytes; everything that is not packed has stride slots × 8.
// float32 is kept as a double rounded to float32 precision (8 bytes), so it is
// never packed.
//
// Integers are held sign- or zero-extended to 64 bits in a slot; the compiler
// re-extends after arithmetic on narrower types (SEXT*/ZEXT* opcodes), so
// every slot of an int8 always holds a value in [-128, 127]. Bools are 0 or 1.
//
// Memory is Boehm GC (STACK.md §3). Objects holding references are allocated
// with gc_alloc (scanned), pointer-free payloads (string bytes, []int backing
// arrays) with gc_alloc_atomic. Interior pointers (&s[i], &x.f) are fine: the
// collector honours them. Pointers may point outside the GC heap (string
// literals live in the Program): the collector ignores those.
//
// Rejected: one boxed, tagged slot per value (Lua/goscript style): it allocates
// on every struct copy and substring and loses nbody-style code to Lua.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#ifndef GC_THREADS
#define GC_THREADS 1
#endif
#include <gc.h>

namespace gol::vm {

struct Type;
struct Proto;

// One 8-byte cell of a value. Which member is meaningful is decided by the
// static type, never by a tag: the VM does not check.
union Slot {
  int64_t i;
  uint64_t u;
  double f;
  void* p;
  const void* cp;
};
static_assert(sizeof(Slot) == 8);

// A string: 2 slots. `data` may point into the GC heap, into program
// constants, or be null when len == 0. Strings are immutable: no code writes
// through `data` after the string is built.
struct StringHeader {
  const char* data;
  int64_t len;
  std::string_view view() const { return {data, static_cast<size_t>(len)}; }
};
static_assert(sizeof(StringHeader) == 16);

// A slice: 3 slots. Element i lives at data + i * stride(elem).
struct SliceHeader {
  void* data;
  int64_t len;
  int64_t cap;
};
static_assert(sizeof(SliceHeader) == 24);

// An interface value: 2 slots. type == null is the nil interface (data 0).
// data holds the value itself when the dynamic type occupies exactly one slot
// (ints, floats, pointers, maps, funcs ...: no allocation), a pointer to a
// GC box holding the value's slots when it occupies more (strings, slices,
// structs, arrays), and 0 for zero-slot types (struct{}, [0]int).
struct Iface {
  const Type* type;
  Slot data;
};
static_assert(sizeof(Iface) == 16);

// The interface value held in the two slots at s.
inline Iface iface_at(const Slot* s) { return Iface{static_cast<const Type*>(s[0].cp), s[1]}; }

// A function value (1 slot) points at a Closure; nil is a null pointer.
// Top-level functions have one static closure each (no captures). A closure
// literal captures by reference: each captured variable lives in a heap cell
// and `captured` holds the cell pointers. Bound method values capture the
// receiver (a copy, in a cell) the same way.
struct Closure {
  const Proto* proto;
  uint32_t ncaptured;
  uint32_t pad;
  Slot captured[];  // ncaptured entries
};

// ------------------------------------------------------------ allocation

// Zeroed, scanned memory (may hold GC pointers). Never returns null: an
// exhausted heap is a fatal error (cf. Go's "out of memory").
void* gc_alloc(size_t bytes);
// Zeroed memory the collector does not scan: only for pointer-free payloads.
void* gc_alloc_atomic(size_t bytes);
// Memory that is scanned but never collected, for program-lifetime data that
// holds GC pointers (static closures, type descriptors' method tables).
void* gc_alloc_immortal(size_t bytes);

// A new string with a copy of the given bytes.
StringHeader make_string(const char* data, size_t len);
inline StringHeader make_string(std::string_view s) { return make_string(s.data(), s.size()); }

// Copies `n` slots (overlapping ranges allowed).
inline void copy_slots(Slot* dst, const Slot* src, size_t n) { std::memmove(dst, src, n * sizeof(Slot)); }

}  // namespace gol::vm
