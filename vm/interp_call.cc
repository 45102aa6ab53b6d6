// interp_call.cc — frames: growing a goroutine's stack, pushing frames out of
// line, safe points, and Go's stack overflow report.
//
// The core idea (cf. Lua's luaD_growstack): registers are addressed by index
// (Frame::base), so the slot array can move. When a call needs room beyond
// the capacity, the array doubles (amortised O(1) per call; a 100,000-deep
// recursion costs ~11 copies), and the running loop recomputes R. Frame
// records live in a second array that doubles the same way.
//
// Beyond kMaxStackBytes the goroutine has overflowed: Go's report
// ("runtime: goroutine stack exceeds N-byte limit", "fatal error: stack
// overflow", then the trace, exit 2). It is fatal, not a panic: Go cannot
// recover from it either.
//
// Rejected: segmented stacks (a frame never straddles segments, but every
// call then checks a segment boundary and traces must walk links; Go itself
// abandoned them for copying stacks).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "vm/interp_impl.h"
#include "vm/profile.h"
#include "vm/runtime.h"
#include "vm/session_impl.h"

namespace gol::vm::interp {

namespace {

[[noreturn]] void stack_overflow(Vm& vm) {
  out_flush();
  std::string report = "runtime: goroutine stack exceeds " + std::to_string(kMaxStackBytes) +
                       "-byte limit\nfatal error: stack overflow\n\n";
  report += goroutine_trace(vm);
  out_write(2, report.data(), report.size());
  std::fflush(nullptr);
  _exit(2);
}

}  // namespace

void grow_stack(Vm& vm, uint64_t need) {
  Goroutine& g = *vm.g;
  uint64_t bytes = need * sizeof(Slot) + (uint64_t{g.nframes} + 1) * sizeof(Frame);
  if (bytes > kMaxStackBytes) stack_overflow(vm);
  if (need > g.stack_cap) {
    uint64_t cap = std::max<uint64_t>(g.stack_cap, kInitialStackSlots);
    while (cap < need) cap *= 2;
    cap = std::min<uint64_t>(cap, kMaxStackBytes / sizeof(Slot));
    auto* stack = static_cast<Slot*>(gc_alloc(cap * sizeof(Slot)));
    copy_slots(stack, g.stack, g.stack_cap);
    // Nothing else points into the old array (rule 1 of the loop: no Slot*
    // into the stack survives a call), so give it back now rather than
    // letting a deep recursion hold every generation until the next GC.
    profile::heap_free(g.stack);  // a sampled object's record must not outlive it
    GC_FREE(g.stack);
    g.stack = stack;
    g.stack_cap = static_cast<uint32_t>(cap);
  }
  if (g.nframes == g.frames_cap) {
    uint32_t cap = std::max<uint32_t>(g.frames_cap * 2, kInitialFrames);
    auto* frames = static_cast<Frame*>(gc_alloc(size_t{cap} * sizeof(Frame)));
    std::copy(g.frames, g.frames + g.nframes, frames);
    profile::heap_free(g.frames);
    GC_FREE(g.frames);
    g.frames = frames;
    g.frames_cap = cap;
  }
}

Frame* push_frame(Vm& vm, const Closure* fn, uint32_t base, uint32_t flags) {
  Goroutine& g = *vm.g;
  const Proto* proto = fn->proto;
  if (base + proto->frame_slots > g.stack_cap || g.nframes == g.frames_cap) grow_stack(vm, uint64_t{base} + proto->frame_slots);
  Frame* frame = &g.frames[g.nframes++];
  frame->proto = proto;
  frame->pc = proto->code.data();
  frame->base = base;
  frame->flags = flags;
  frame->closure = fn;
  return frame;
}

bool safe_point(Vm& vm) {
  ExecContext& cx = *vm.cx;
  if (cx.on_break != nullptr) {
    cx.on_break(cx, *vm.g);
    return false;
  }
  uint32_t bits = cx.eval_breaker.exchange(0, std::memory_order_relaxed);
  if (bits & kBreakTest) ++cx.safe_points_seen;
  // The REPL's Ctrl-C (vm/session.cc): the bit only says "check"; it may be
  // stale, or meant for another goroutine that ran on this M. An
  // interrupted goroutine ends as runtime.Goexit ends it (its deferred
  // calls run); the loop sees the pending Goexit and unwinds. A preemption
  // requested meanwhile is moot.
  if ((bits & kBreakInterrupt) && vm.can_stop && session_take_interrupt(*vm.g)) {
    Goroutine& g = *vm.g;
    if (g.sched_g != nullptr) g.sched_g->preempt.store(false, std::memory_order_relaxed);
    (void)start_goexit(g);
    return false;
  }
  // A preemption request (sysmon via SIGURG, or a stop-the-world): yield.
  // Where the goroutine cannot leave the loop (no scheduler, or a nested
  // run while a panic is reported) the request is moot and dropped.
  if ((bits & kBreakPreempt) && vm.can_stop) {
    Goroutine& g = *vm.g;
    if (g.sched_g != nullptr) g.sched_g->preempt.store(false, std::memory_order_relaxed);
    g.stop = sched::Stop{};
    g.stop.kind = sched::Stop::Yield;
    return true;
  }
  return false;
}

bool native_blocked(Vm& vm) {
  if (vm.can_stop) return true;
  Goroutine& g = *vm.g;
  // Without a scheduler a yield has no one to yield to: carry on.
  if (g.stop.kind == sched::Stop::Yield) return false;
  fatal("a goroutine blocked where it cannot be parked (no scheduler, or while a panic is reported)");
}

void native_missing(const NativeEntry& entry) {
  fatal("gol: native function " + entry.name + " is not implemented");
}

}  // namespace gol::vm::interp
