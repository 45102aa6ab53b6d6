// context_native.cc — the native of package context (see context.cc):
//   isComparable(v)  whether v's dynamic type supports == (reflectlite's
//                    Comparable), for WithValue's key check
#include "stdlib/natives.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

vm::NativeStatus is_comparable(vm::Goroutine&, vm::Slot* w) {
  const vm::Iface v = vm::iface_at(w);
  w[0].i = (v.type == nullptr || v.type->comparable) ? 1 : 0;
  return vm::NativeStatus::Ok;
}

}  // namespace

void register_context_natives(vm::NativeRegistry& registry) {
  registry.add("context.isComparable", is_comparable);
}

}  // namespace gol::stdlib
