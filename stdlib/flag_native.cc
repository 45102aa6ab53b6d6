// flag_native.cc — the native of package flag (see flag.cc):
//   zeroOf(v any) any  a zero value of v's dynamic type; for a pointer type,
//                      a pointer to a new zero element (reflect.New of the
//                      element, as Go's isZeroValue does), so String can be
//                      called on it
#include <vector>

#include "stdlib/natives.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::Iface;
using vm::Kind;
using vm::NativeStatus;
using vm::Slot;
using vm::Type;

NativeStatus zero_of(vm::Goroutine&, Slot* w) {
  const Iface v = vm::iface_at(w);
  Iface zero{v.type, Slot{}};
  if (v.type != nullptr) {
    const Type* u = v.type->underlying != nullptr ? v.type->underlying : v.type;
    if (u->kind == Kind::Pointer) {
      // A slot per element slot (at least one): pointed-to values are laid
      // out as their slots.
      const size_t bytes = std::max<size_t>(u->elem->slots, 1) * sizeof(Slot);
      Slot p;
      p.p = u->elem->has_pointers ? vm::gc_alloc(bytes) : vm::gc_alloc_atomic(bytes);
      zero = vm::make_iface(v.type, &p);
    } else {
      std::vector<Slot> slots(std::max<uint32_t>(v.type->slots, 1), Slot{});
      zero = vm::make_iface(v.type, slots.data());
    }
  }
  w[0].cp = zero.type;
  w[1] = zero.data;
  return NativeStatus::Ok;
}

}  // namespace

void register_flag_natives(vm::NativeRegistry& registry) { registry.add("flag.zeroOf", zero_of); }

}  // namespace gol::stdlib
