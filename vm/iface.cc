// iface.cc — boxing values into interfaces and reaching their payload.
//
// The core idea (value.h): an interface is (dynamic type, one data word).
// A value that fits in one slot (ints, floats, pointers, maps, funcs, a
// [4]byte) is the data word itself, so converting it to an interface never
// allocates; a bigger value is copied into a GC box and the word points to
// it; a zero-slot value (struct{}, [0]int) has no payload and the word is 0.
// Boxes are immutable once made (Go's interface values are copies), so two
// interfaces may share one box.
//
// Boxes holding pointers are scanned; pointer-free ones (a [3]int, a struct
// of floats) are atomic, so the collector never reads them.
//
// Lives elsewhere: assertions, type switches and method calls through
// interfaces (interpreter); == on interfaces (equal.cc).
//
// Rejected: Go's small-value cache (runtime.staticuint64s for single bytes)
// is unnecessary here: one-slot values are not boxed at all.
#include "vm/runtime.h"

namespace gol::vm {

Iface make_iface(const Type* t, const Slot* v) {
  Iface r{t, {0}};
  if (t->slots == 1) {
    r.data = v[0];
  } else if (t->slots > 1) {
    size_t bytes = static_cast<size_t>(t->slots) * sizeof(Slot);
    auto* box = static_cast<Slot*>(t->has_pointers ? gc_alloc(bytes) : gc_alloc_atomic(bytes));
    copy_slots(box, v, t->slots);
    r.data.p = box;
  }
  return r;
}

const Slot* iface_payload(const Iface& v) {
  if (v.type == nullptr) return nullptr;
  if (v.type->slots == 1) return &v.data;
  return static_cast<const Slot*>(v.data.cp);
}

}  // namespace gol::vm
