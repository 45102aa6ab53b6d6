// goroutine.cc — creating a goroutine's VM state (goroutine.h).
//
// A new goroutine starts small (Go starts at 2 KiB; we aim well under 1 KiB
// for an idle one): a few dozen slots and a handful of frames. Both arrays
// are GC objects that the interpreter doubles when a call needs more room
// (interp.cc, grow_stack), so deep recursion pays only O(log depth) copies.
#include "vm/goroutine.h"

#include "vm/interp_impl.h"
#include "vm/runtime.h"

namespace gol::vm {

Goroutine* new_goroutine() {
  auto* g = static_cast<Goroutine*>(gc_alloc(sizeof(Goroutine)));
  new (g) Goroutine();
  g->stack = static_cast<Slot*>(gc_alloc(kInitialStackSlots * sizeof(Slot)));
  g->stack_cap = kInitialStackSlots;
  g->frames = static_cast<Frame*>(gc_alloc(kInitialFrames * sizeof(Frame)));
  g->frames_cap = kInitialFrames;
  return g;
}

}  // namespace gol::vm
