// sort_native.cc — the two natives of package sort (see sort.cc).
//
// sort.Slice and friends are Go code over an `any` holding the slice; what
// they need of reflection is here:
//   sliceLen(x, op)     the length of x. op names the reflect operation Go
//                       would have failed in, so a wrong argument panics with
//                       Go's text: "reflect: call of Swapper on int Value"
//                       (reflectlite.Swapper) or, for SliceIsSorted's
//                       Value.Len, the kinds that Value.Len accepts (arrays,
//                       maps and strings have a length too; Go does not
//                       complain about them there).
//   swapElems(x, i, j)  swaps two elements, whatever their size: the element
//                       type's stride says how many bytes (packed []byte
//                       elements are 1 byte, a struct its slots × 8).
// Go's panics are *reflectlite.ValueError values; the message is what shows,
// so they are raised as plain runtime errors with the same text (natives do
// not build Go structs, packages.h).
#include <cstring>
#include <string>

#include "stdlib/natives.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::Iface;
using vm::Kind;
using vm::NativeStatus;
using vm::Slot;
using vm::Type;

const Type* underlying(const Type* t) { return t->underlying != nullptr ? t->underlying : t; }

// reflectlite's ValueError text.
NativeStatus value_error(vm::Goroutine& g, std::string_view op, const Type* t) {
  std::string msg = "reflect: call of ";
  msg += op;
  if (t == nullptr) {
    msg += " on zero Value";
  } else {
    msg += " on ";
    msg += vm::kind_name(underlying(t)->kind);
    msg += " Value";
  }
  return vm::panic_plain(g, msg);
}

// sliceLen(x any, op string) int
NativeStatus slice_len(vm::Goroutine& g, Slot* w) {
  Iface x = vm::iface_at(w);
  std::string_view op(static_cast<const char*>(w[2].cp), static_cast<size_t>(w[3].i));
  const Type* u = x.type != nullptr ? underlying(x.type) : nullptr;
  int64_t n = 0;
  if (u != nullptr && u->kind == Kind::Slice) {
    n = reinterpret_cast<const vm::SliceHeader*>(vm::iface_payload(x))->len;
  } else if (op == "reflect.Value.Len" && u != nullptr && u->kind == Kind::String) {
    n = reinterpret_cast<const vm::StringHeader*>(vm::iface_payload(x))->len;
  } else if (op == "reflect.Value.Len" && u != nullptr && u->kind == Kind::Array) {
    n = u->len;
  } else if (op == "reflect.Value.Len" && u != nullptr && u->kind == Kind::Map) {
    n = x.data.p == nullptr ? 0 : vm::map_len(static_cast<const vm::Map*>(x.data.p));
  } else {
    return value_error(g, op, x.type);
  }
  w[0].i = n;
  return NativeStatus::Ok;
}

// Swaps `bytes` bytes at a and b (distinct, non-overlapping elements), a
// word at a time where the stride allows.
void swap_bytes(char* a, char* b, size_t bytes) {
  char tmp[64];
  while (bytes > 0) {
    size_t n = bytes < sizeof tmp ? bytes : sizeof tmp;
    std::memcpy(tmp, a, n);
    std::memcpy(a, b, n);
    std::memcpy(b, tmp, n);
    a += n;
    b += n;
    bytes -= n;
  }
}

// swapElems(x any, i, j int). x holds a slice (sliceLen checked it first).
NativeStatus swap_elems(vm::Goroutine& g, Slot* w) {
  Iface x = vm::iface_at(w);
  int64_t i = w[2].i, j = w[3].i;
  if (x.type == nullptr || underlying(x.type)->kind != Kind::Slice) return value_error(g, "Swapper", x.type);
  const auto* s = reinterpret_cast<const vm::SliceHeader*>(vm::iface_payload(x));
  // reflectlite's Swapper indexes a Go slice of the element type here, so
  // a bad index is the ordinary index error.
  if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(s->len)) return vm::panic_index(g, i, s->len);
  if (static_cast<uint64_t>(j) >= static_cast<uint64_t>(s->len)) return vm::panic_index(g, j, s->len);
  if (i == j) return NativeStatus::Ok;
  size_t stride = underlying(x.type)->elem->stride;
  char* base = static_cast<char*>(s->data);
  swap_bytes(base + i * stride, base + j * stride, stride);
  return NativeStatus::Ok;
}

}  // namespace

void register_sort_natives(vm::NativeRegistry& registry) {
  registry.add("sort.sliceLen", slice_len);
  registry.add("sort.swapElems", swap_elems);
}

}  // namespace gol::stdlib
