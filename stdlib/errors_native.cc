// errors_native.cc — the three natives of package errors (see errors.cc).
//
// Is and As are Go code (they call user Is/As/Unwrap methods); what they need
// of reflection is here, on the VM's run-time type descriptors:
//   isComparable(v)        reflectlite.TypeOf(v).Comparable()
//   validateAsTarget(t)    As's argument checks, panicking with Go's strings
//   assignAs(err, target)  TypeOf(err).AssignableTo(elem) and, when it is,
//                          *target = err (reflectlite Value.Set)
// Go panics with plain strings here (panic("errors: ...")), so the panic
// value is a string, as `recover()` in Go would see it.
//
// Assignability follows the spec's rules that can apply to a dynamic type:
// to an interface element when the type implements it; to a concrete
// element when the types are identical, or their underlying types are
// identical and one of them is unnamed (an error type can be an unnamed
// struct that embeds an error). Channel-direction assignability cannot occur:
// no channel type has methods.
#include "stdlib/natives.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::Iface;
using vm::Kind;
using vm::NativeStatus;
using vm::Slot;
using vm::Type;


// The kind of t's underlying type (reflect's Kind).
Kind kind_of(const Type* t) { return t->underlying != nullptr ? t->underlying->kind : t->kind; }

const Type* underlying(const Type* t) { return t->underlying != nullptr ? t->underlying : t; }

// panic(msg) with a string value, as Go's errors package does.
NativeStatus panic_with_string(vm::Goroutine& g, std::string_view msg) {
  vm::StringHeader s{msg.data(), static_cast<int64_t>(msg.size())};
  Slot slots[2];
  slots[0].cp = s.data;
  slots[1].i = s.len;
  return vm::raise(g, vm::make_iface(vm::TypeTable::get().basic(Kind::String), slots));
}

// isComparable(v any) bool. A nil v has no type; it compares fine.
NativeStatus is_comparable(vm::Goroutine&, Slot* w) {
  Iface v = vm::iface_at(w);
  w[0].i = (v.type == nullptr || v.type->comparable) ? 1 : 0;
  return NativeStatus::Ok;
}

// validateAsTarget(target any): the checks errors.As makes before walking the
// tree, with Go's messages and order.
NativeStatus validate_as_target(vm::Goroutine& g, Slot* w) {
  Iface target = vm::iface_at(w);
  if (target.type == nullptr) return panic_with_string(g, "errors: target cannot be nil");
  if (kind_of(target.type) != Kind::Pointer || target.data.p == nullptr)
    return panic_with_string(g, "errors: target must be a non-nil pointer");
  const Type* elem = underlying(target.type)->elem;
  if (kind_of(elem) != Kind::Interface && !vm::implements(elem, vm::TypeTable::get().error_type()))
    return panic_with_string(g, "errors: *target must be interface or implement error");
  return NativeStatus::Ok;
}

bool assignable(const Type* from, const Type* to) {
  if (from == to) return true;
  if (kind_of(to) == Kind::Interface) return vm::implements(from, to);
  return underlying(from) == underlying(to) && (!from->named || !to->named);
}

// assignAs(err error, target any) bool. target was validated: a non-nil
// pointer whose element is an interface or an error type. err is non-nil.
NativeStatus assign_as(vm::Goroutine&, Slot* w) {
  Iface err = vm::iface_at(w);
  Iface target = vm::iface_at(w + 2);
  const Type* elem = underlying(target.type)->elem;
  bool ok = err.type != nullptr && assignable(err.type, elem);
  if (ok) {
    void* dst = target.data.p;
    if (kind_of(elem) == Kind::Interface) {
      // Interface to interface: the dynamic type and data word carry over
      // (an interface value's layout does not depend on its static type).
      Slot v[2];
      v[0].cp = err.type;
      v[1] = err.data;
      vm::copy_slots(static_cast<Slot*>(dst), v, 2);
    } else {
      // The pointee may be a packed scalar (an error type over uint8, say,
      // inside an array); store_elem writes it in its in-memory form.
      vm::store_elem(elem, dst, vm::iface_payload(err));
    }
  }
  w[0].i = ok ? 1 : 0;
  return NativeStatus::Ok;
}

}  // namespace

void register_errors_natives(vm::NativeRegistry& registry) {
  registry.add("errors.isComparable", is_comparable);
  registry.add("errors.validateAsTarget", validate_as_target);
  registry.add("errors.assignAs", assign_as);
}

}  // namespace gol::stdlib
