// slice_ops.cc — slice growth (Go's growslice) and element loads/stores.
//
// The core idea: cap() after append must be what Go prints, because programs
// print it. Go's growth has two steps (runtime/slice.go): nextslicecap picks
// a capacity (double below 256 elements, then grow by (n + 3*256)/4 until
// big enough), then the byte size is rounded up to the allocator's size
// class (runtime/msize.go roundupsize) and the capacity recomputed from the
// rounded size. The rounding depends on Go's element size, not ours: a Go
// struct{a, b int32} is 8 bytes while ours is two slots. So the growth is
// computed with the element's Go size (go_size below, amd64 rules), and the
// backing store is then allocated with our stride for that capacity.
//
// Packed elements (value.h): 1-, 2- and 4-byte scalars sit in backing arrays
// at their size; load_elem/store_elem convert between that and the slot form
// (sign- or zero-extended per kind). Everything else is copied slot by slot.
//
// Lives elsewhere: append's element stores, slicing, copy (interpreter).
#include <cstring>

#include "vm/runtime.h"

namespace gol::vm {

namespace {

// Go 1.23's malloc size classes in bytes (runtime/sizeclasses.go, amd64):
// a small allocation is rounded up to the first class that holds it.
constexpr uint32_t kSizeClasses[] = {
    8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,   160,   176,
    192,   208,   224,   240,   256,   288,   320,   352,   384,   416,   448,   480,   512,
    576,   640,   704,   768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304,
    2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,  6912,  8192,  9472,
    9728,  10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264,
    28672, 32768};
constexpr uint64_t kMaxSmallSize = 32768;
constexpr uint64_t kPageSize = 8192;
// Go 1.22+ puts an 8-byte type header in front of pointerful objects larger
// than 512 bytes (runtime/mbitmap.go); roundupsize accounts for it.
constexpr uint64_t kMallocHeaderSize = 8;
constexpr uint64_t kMinSizeForMallocHeader = 512;

// cf. msize.go roundupsize: the usable size of the block Go allocates.
uint64_t round_up_size(uint64_t size, bool noscan) {
  if (size <= kMaxSmallSize - kMallocHeaderSize) {
    uint64_t request = size;
    if (!noscan && request > kMinSizeForMallocHeader) request += kMallocHeaderSize;
    uint64_t cls = 0;
    for (uint32_t c : kSizeClasses) {
      if (c >= request) {
        cls = c;
        break;
      }
    }
    return cls - (request - size);
  }
  uint64_t rounded = size + kPageSize - 1;
  if (rounded < size) return size;
  return rounded & ~(kPageSize - 1);
}

// cf. slice.go nextslicecap.
int64_t next_slice_cap(int64_t new_len, int64_t old_cap) {
  int64_t new_cap = old_cap;
  int64_t double_cap = new_cap + new_cap;
  if (new_len > double_cap) return new_len;
  constexpr int64_t kThreshold = 256;
  if (old_cap < kThreshold) return double_cap;
  while (true) {
    // Transition from 2x for small slices to 1.25x for large ones.
    new_cap += (new_cap + 3 * kThreshold) >> 2;
    if (static_cast<uint64_t>(new_cap) >= static_cast<uint64_t>(new_len)) break;
  }
  if (new_cap <= 0) return new_len;
  return new_cap;
}

struct GoLayout {
  uint64_t size;
  uint64_t align;
};

// The size and alignment a value of type t has in Go on amd64 (float32 is
// 4 bytes there, int32 4, a struct's fields are aligned and padded).
GoLayout go_layout(const Type* t) {
  switch (t->kind) {
    case Kind::Bool: case Kind::Int8: case Kind::Uint8: return {1, 1};
    case Kind::Int16: case Kind::Uint16: return {2, 2};
    case Kind::Int32: case Kind::Uint32: case Kind::Float32: return {4, 4};
    case Kind::String: case Kind::Interface: return {16, 8};
    case Kind::Slice: return {24, 8};
    case Kind::Array: {
      GoLayout e = go_layout(t->elem);
      return {e.size * static_cast<uint64_t>(t->len), e.align};
    }
    case Kind::Struct: {
      uint64_t size = 0, align = 1;
      for (const Field& f : t->fields) {
        GoLayout fl = go_layout(f.type);
        size = (size + fl.align - 1) / fl.align * fl.align + fl.size;
        if (fl.align > align) align = fl.align;
      }
      // A final zero-size field gets a byte of padding so that its address
      // does not point past the object (cmd/compile types/size.go).
      if (!t->fields.empty() && size > 0 && go_layout(t->fields.back().type).size == 0) size++;
      size = (size + align - 1) / align * align;
      return {size, align};
    }
    default: return {8, 8};
  }
}

}  // namespace

SliceHeader grow_slice(const Type* elem, SliceHeader s, int64_t extra) {
  int64_t new_len = s.len + extra;
  if (new_len < 0) GOL_THROW("growslice: len out of range");
  uint64_t go_size = go_layout(elem).size;
  if (elem->stride == 0 || go_size == 0) {
    // Zero-size elements need no store; any non-null address will do.
    static Slot zero_base;
    return {s.data ? s.data : &zero_base, s.len, new_len};
  }
  int64_t new_cap = next_slice_cap(new_len, s.cap);
  bool noscan = !elem->has_pointers;
  unsigned __int128 want = static_cast<unsigned __int128>(new_cap) * go_size;
  if (want > (static_cast<unsigned __int128>(1) << 47)) GOL_THROW("out of memory");
  uint64_t cap_bytes = round_up_size(static_cast<uint64_t>(want), noscan);
  new_cap = static_cast<int64_t>(cap_bytes / go_size);

  size_t bytes = static_cast<size_t>(new_cap) * elem->stride;
  void* p = noscan ? gc_alloc_atomic(bytes) : gc_alloc(bytes);
  if (s.len > 0) std::memcpy(p, s.data, static_cast<size_t>(s.len) * elem->stride);
  return {p, s.len, new_cap};
}

void load_elem(const Type* elem, const void* addr, Slot* dst) {
  switch (elem->stride) {
    case 0: return;
    case 1:
      if (elem->kind == Kind::Int8) {
        dst->i = *static_cast<const int8_t*>(addr);
      } else {
        dst->u = *static_cast<const uint8_t*>(addr);
      }
      return;
    case 2: {
      if (elem->kind == Kind::Int16) {
        int16_t v;
        std::memcpy(&v, addr, 2);
        dst->i = v;
      } else {
        uint16_t v;
        std::memcpy(&v, addr, 2);
        dst->u = v;
      }
      return;
    }
    case 4: {
      if (elem->kind == Kind::Int32) {
        int32_t v;
        std::memcpy(&v, addr, 4);
        dst->i = v;
      } else {
        uint32_t v;
        std::memcpy(&v, addr, 4);
        dst->u = v;
      }
      return;
    }
    default: std::memcpy(dst, addr, static_cast<size_t>(elem->slots) * sizeof(Slot));
  }
}

void store_elem(const Type* elem, void* addr, const Slot* src) {
  switch (elem->stride) {
    case 0: return;
    case 1: *static_cast<uint8_t*>(addr) = static_cast<uint8_t>(src->u); return;
    case 2: {
      auto v = static_cast<uint16_t>(src->u);
      std::memcpy(addr, &v, 2);
      return;
    }
    case 4: {
      auto v = static_cast<uint32_t>(src->u);
      std::memcpy(addr, &v, 4);
      return;
    }
    default: std::memmove(addr, src, static_cast<size_t>(elem->slots) * sizeof(Slot));
  }
}

}  // namespace gol::vm
