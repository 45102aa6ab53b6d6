// interp_impl.h — internals shared by the interpreter's files (not an API).
//
// The interpreter is split by mechanism:
//   interp_loop.cc   the dispatch loop: every opcode's fast path
//   interp_call.cc   frames: pushing calls, growing the stack, safe points,
//                    stack overflow
//   interp_panic.cc  defer, panic, recover, and the report of an
//                    unrecovered panic
//   interp_ops.cc    out-of-line bodies of the heavier opcodes (slices, maps,
//                    interfaces, closures) so the loop stays small
//   interp.cc        run_program
// The loop calls the others only on slow paths; they never call the loop
// except to run a gol method (Error/String) while printing a dying panic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/goroutine.h"
#include "vm/interp.h"
#include "vm/program.h"

namespace gol::vm {

// A goroutine starts with this much room (goroutine.cc); both double on demand.
// Small, because a program may hold a million idle goroutines (the goal is
// under 1 KiB each, record and GC headers included): 32 slots (256 bytes)
// cover most functions' frames, 4 frame records (128 bytes) a short chain.
inline constexpr uint32_t kInitialStackSlots = 32;
inline constexpr uint32_t kInitialFrames = 4;

// The largest a goroutine's stack (slots plus frame records) may grow. Go's
// limit is 1 GB on 64-bit; we stop at a quarter of that: a runaway recursion
// should end in about a second with bounded memory, and 256 MiB still holds
// millions of frames (a small function costs ~40-70 bytes: its slots plus a
// 32-byte frame record).
inline constexpr uint64_t kMaxStackBytes = uint64_t{256} << 20;

// Builtin print's Go runtime format (output.cc).
void print_value(PrintKind kind, const Slot* v);
void append_go_float(std::string& out, double v);

namespace interp {

// One run of the interpreter over a goroutine.
struct Vm {
  const Program* program;
  ExecContext* cx;
  Goroutine* g;
  // The goroutine may leave the loop and resume later (Exit::Stopped): true
  // for a goroutine's own run under the scheduler; false without one and in
  // nested runs (a dying panic's Error method), where a yield is ignored and
  // a park is a fatal error.
  bool can_stop = false;
};

enum class Exit { Returned, Panicked, Stopped, Goexit };

// Runs the goroutine's top frame (and everything it calls) until the frame
// count drops to `stop_depth` (Returned), a panic finds no deferred call at
// or above that depth to run (Panicked: frames are left as they were at the
// panic, for the trace), runtime.Goexit has run every deferred call
// (Goexit), or the goroutine must stop (Stopped: g.stop says how; the top
// frame's pc is saved, and calling execute again resumes it). Two builds of the same loop exist: the threaded one
// (computed goto) and, in tests, the portable switch (GOL_PORTABLE_DISPATCH).
Exit execute(Vm& vm, uint32_t stop_depth);
Exit execute_portable(Vm& vm, uint32_t stop_depth);
using ExecuteFn = Exit (*)(Vm&, uint32_t);

// ---- interp_call.cc

// Makes room for a frame whose registers end at slot `need` (exclusive) and
// for one more frame record; ends the program with Go's stack overflow
// report beyond kMaxStackBytes. May move g.stack and g.frames.
void grow_stack(Vm& vm, uint64_t need);
// Pushes a frame for `fn` at slot `base` (the caller has placed the
// arguments there). Grows the stack as needed. Does not check the eval
// breaker.
Frame* push_frame(Vm& vm, const Closure* fn, uint32_t base, uint32_t flags);
// The safe-point handler: called when the eval breaker is nonzero. Returns
// true when the goroutine must stop now (a preemption request, with
// vm.can_stop): g.stop is then set to Yield. When the REPL interrupted the
// goroutine it returns false with a Goexit pending (g.has_pending_panic):
// the loop unwinds.
bool safe_point(Vm& vm);
// A native returned NativeStatus::Block. Returns true when the loop must
// return Exit::Stopped; false when it handled the request in place (a yield
// without a scheduler to yield to).
bool native_blocked(Vm& vm);
// GO: starts a goroutine calling fn with nargs argument slots (sched_exec.cc).
void go_statement(Vm& vm, const Closure* fn, const Slot* args, uint32_t nargs);
// fatal("gol: native function <name> is not implemented").
[[noreturn]] void native_missing(const NativeEntry& entry);

// ---- interp_panic.cc

// DEFER: records a deferred call of fn with `nargs` argument slots.
void push_defer(Vm& vm, const Closure* fn, const Slot* args, uint32_t nargs);
// RUNDEFER: if the newest deferred call belongs to the top frame, pops it and
// pushes its frame (kFrameDeferCall) above the top frame's registers; returns
// false when there is nothing to run. A nil deferred function raises the nil
// dereference panic (returns true with g.has_pending_panic set).
bool run_defer(Vm& vm);
// Turns g.pending_panic into the running panic and starts running deferred
// calls. Continue: a deferred call's frame is on top, run it. Died: nothing
// left to run at or above stop_depth.
enum class Unwind { Continue, Died };
Unwind start_panic(Vm& vm, uint32_t stop_depth);
// A frame with kFramePanicDefer has returned (its frame already popped):
// recover, or run the next deferred call.
Unwind panic_defer_returned(Vm& vm, uint32_t stop_depth);
// RECOVER for the top frame: writes the 2 slots of the result.
void do_recover(Vm& vm, Slot* dst);
// Prints the dying panic chain and the goroutine trace to standard error.
void print_panic_report(Vm& vm, ExecuteFn execute_fn);
// The goroutine trace ("goroutine 1 [running]:" and the frames).
std::string goroutine_trace(const Vm& vm);
// Any goroutine's, in state `state` ("running", "chan receive" ...), with
// its "created by" lines.
std::string goroutine_dump(const Program& program, const Goroutine& g, std::string_view state);
// Whether v is the nil-dereference runtime error (panic.cc): Go's report
// then adds the SIGSEGV line.
bool is_nil_deref_error(const Iface& v);
// The program being run (set once by run_with / run_program).
void set_running_program(const Program* program);
const Program* running_program();
// Runs a program with the given loop (run_program uses execute; tests also
// run execute_portable).
int run_with(const Program& program, ExecContext& cx, ExecuteFn execute_fn);

// ---- interp_ops.cc: out-of-line opcode bodies. Each returns false after
// raising a panic (g.pending_panic set).
bool op_slice(Goroutine& g, Slot* R, Instr ins, uint64_t e);
bool op_slice_array(Goroutine& g, Slot* R, Instr ins, uint64_t e);
bool op_slice_string(Goroutine& g, Slot* R, Instr ins, uint64_t e);
bool op_makeslice(Goroutine& g, Slot* R, Instr ins, const Type* elem);
void op_append(Slot* R, Instr ins, const Type* elem);
void op_append_slice(Slot* R, Instr ins, const Type* elem);
void op_copy(Slot* R, Instr ins, uint64_t stride);
// SELECT: builds the cases from the instruction's extra words, runs select_go.
NativeStatus op_select(Goroutine& g, Slot* R, Instr ins, const Instr* extras);
bool op_mapget(Goroutine& g, Slot* R, Instr ins, const Type* map_type, bool with_ok);
bool op_mapset(Goroutine& g, Slot* R, Instr ins, const Type* map_type);
bool op_mapdel(Goroutine& g, Slot* R, Instr ins);
void op_mapnext(Slot* R, Instr ins, const Type* map_type);
bool op_assert(Goroutine& g, Slot* R, Instr ins, const Type* want, const Type* static_iface);
void op_assert_ok(Slot* R, Instr ins, const Type* want);
bool op_assert_iface(Goroutine& g, Slot* R, Instr ins, const Type* want);
void op_assert_iface_ok(Slot* R, Instr ins, const Type* want);
bool op_iface_equal(Goroutine& g, Slot* R, Instr ins, bool want_equal);
bool op_value_equal(Goroutine& g, Slot* R, Instr ins, const Type* t, bool want_equal);
// implements() behind a per-thread cache (IMPL, ASSERTI).
bool implements_cached(const Type* t, const Type* iface);
Closure* op_closure(const Slot* R, const Proto* proto, uint32_t ncaptured, const Instr* regs);
// F2I/F2U with amd64 Go's results for NaN and out-of-range values.
int64_t float_to_int(double f);
uint64_t float_to_uint(double f);
// Go's min/max for floats (NaN wins; -0 < +0).
double float_min(double a, double b);
double float_max(double a, double b);

}  // namespace interp
}  // namespace gol::vm
