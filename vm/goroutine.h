// goroutine.h — the VM's half of a goroutine: frame stack, defers, panics.
//
// Stackless execution (DESIGN.md §4, cf. Lua's CallInfo): a goroutine owns a
// growable array of slots (its "stack") and a growable array of Frames. A gol
// call pushes a Frame whose registers start inside the caller's call window;
// nothing recurses on the C++ stack, so a parked goroutine is just these two
// arrays and a pc. Both arrays are GC objects reachable from the Goroutine.
//
// The slot array may move when it grows (on a call that needs more room);
// registers are addressed by index (Frame::base), and no pointer into it may
// be held across a call. Variables whose address is taken live in heap cells,
// never in the stack, so user code never points into it.
//
// Defers are a linked list, newest first, each tagged with the index of the
// frame that deferred it. Panics are a linked list too (a panic raised while
// deferred calls of an earlier panic run).
//
// Under the scheduler (vm/sched_exec.cc), each sched::G owns one of these
// as its opaque task. Because nothing of a goroutine lives on the C++ stack,
// stopping it (a yield at a safe point, a park inside a native) is just
// returning from the interpreter loop with the top frame's pc saved; any M
// resumes it later by entering the loop again.
#pragma once

#include <cstdint>

#include "sched/proc.h"
#include "vm/program.h"
#include "vm/value.h"

namespace gol::vm {

// Frame flags.
enum FrameFlags : uint32_t {
  kFrameDeferCall = 1,     // a deferred call run by RUNDEFER (normal return path)
  kFramePanicDefer = 2,    // a deferred call run by a panic: recover() works in it
};

struct Frame {
  const Proto* proto;
  const Instr* pc;          // resume point (valid when this is not the running frame)
  uint32_t base;            // index of R[0] in Goroutine::stack
  uint32_t flags;
  const Closure* closure;   // the running function value (UPVAL); may be null for CALL
};

struct Defer {
  Defer* link;              // older defers
  uint32_t frame;           // index of the frame that deferred it
  uint32_t nargs;           // argument slots
  const Closure* fn;
  Slot args[];
};

struct Panic {
  Panic* link;              // the panic that was running when this one began, if any
  Iface value;
  bool recovered = false;
  bool aborted = false;     // a later panic began inside one of its deferred calls
  bool goexit = false;      // runtime.Goexit: runs the defers, cannot be recovered, ends the goroutine
  // Interpreter bookkeeping (interp.cc): while the panic runs a deferred
  // call, the index of that call's frame and of the frame that deferred it
  // (where execution continues if the call recovers). kNoFrame otherwise.
  static constexpr uint32_t kNoFrame = 0xffffffff;
  uint32_t defer_frame = kNoFrame;
  uint32_t defer_owner = kNoFrame;
};

struct Waiter;      // chan_impl.h
struct SelectWait;  // chan_impl.h

struct Goroutine {
  int64_t id = 1;
  Slot* stack = nullptr;     // GC object, capacity stack_cap slots
  uint32_t stack_cap = 0;
  Frame* frames = nullptr;   // GC object, capacity frames_cap
  uint32_t nframes = 0;
  uint32_t frames_cap = 0;
  Defer* defers = nullptr;
  Panic* panic = nullptr;    // the innermost active panic
  // Set by a native (raise) or by the interpreter for a runtime error; the
  // interpreter's unwind path takes it from here.
  Iface pending_panic{nullptr, {0}};
  bool has_pending_panic = false;
  bool pending_goexit = false;  // with has_pending_panic: the pending "panic" is runtime.Goexit

  // Scheduling (null/unused when a program runs without the scheduler, as
  // the VM's unit tests do).
  sched::G* sched_g = nullptr;
  // A native that returned NativeStatus::Block put here how the goroutine
  // stops (Yield, Park with its unlock callback and wait reason, LostP);
  // the executor hands it to the scheduler.
  sched::Stop stop;
  // A channel send or a select that parked: finished when the goroutine
  // resumes, before its next instruction (chan_finish_wait).
  Waiter* chan_wait = nullptr;
  SelectWait* select_wait = nullptr;
  Waiter* waiter_cache = nullptr;  // reused by every plain send/receive wait (chan.cc)
  // Where the `go` statement that created it is, for "created by" in traces.
  int64_t parent_id = 0;
  const Proto* creator = nullptr;   // null for the main goroutine
  const Instr* creator_pc = nullptr;
};

// A new goroutine whose stack and frames are allocated on the GC heap.
Goroutine* new_goroutine();

}  // namespace gol::vm
