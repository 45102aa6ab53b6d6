// interp_panic.cc — defer, panic and recover with Go's semantics, and the
// report of a panic nobody recovered.
//
// The core idea (cf. Go's runtime/panic.go, gopanic/recovery): deferred
// calls are records on the goroutine (newest first, each tagged with the
// frame that deferred it). A return runs its frame's records through
// RUNDEFER. A panic runs every record, newest first, as a call pushed on top
// of the stack — frames are NOT popped while the panic unwinds, so a deferred
// call sees the stack as it was at the panic, and the trace printed at the
// end is the stack at the last panic, as Go prints it. When a deferred call
// run by a panic returns with the panic recovered, the frames above the one
// that deferred it are popped at once and that frame continues at its
// recover_pc (an epilogue returning the current result values).
//
// Nested panics: a panic raised while an earlier one runs a deferred call is
// linked in front of it (Go prints the chain). When the new panic's unwinding
// reaches a record of a frame below the earlier panic's running call, that
// call will never return normally: the earlier panic is aborted (and dropped
// when a recovery pops its frames).
//
// Nothing here recurses through the interpreter except the report, which
// calls gol Error()/String() methods once the program is dying.
#include <algorithm>
#include <string>
#include <vector>

#include "vm/interp_impl.h"
#include "vm/runtime.h"

namespace gol::vm::interp {

namespace {

// The frame where a deferred call's arguments go: above every register of
// the top frame, which stays intact underneath.
uint32_t top_of_frame(const Goroutine& g) {
  const Frame& top = g.frames[g.nframes - 1];
  return top.base + top.proto->frame_slots;
}

// Pushes the call of d (already unlinked from g.defers).
void call_deferred(Vm& vm, const Defer* d, uint32_t flags) {
  Goroutine& g = *vm.g;
  uint32_t base = top_of_frame(g);
  uint64_t need = uint64_t{base} + std::max(d->nargs, d->fn->proto->frame_slots);
  if (need > g.stack_cap || g.nframes == g.frames_cap) grow_stack(vm, need);
  copy_slots(g.stack + base, d->args, d->nargs);
  push_frame(vm, d->fn, base, flags);
}

// Runs the next deferred call for the newest panic, or reports that none is
// left at or above stop_depth.
Unwind next_deferred(Vm& vm, uint32_t stop_depth) {
  Goroutine& g = *vm.g;
  Panic* p = g.panic;
  Defer* d = g.defers;
  if (d == nullptr || d->frame < stop_depth) {
    p->defer_frame = Panic::kNoFrame;
    p->defer_owner = Panic::kNoFrame;
    return Unwind::Died;
  }
  g.defers = d->link;
  // Earlier panics running a deferred call above this record's frame can no
  // longer finish that call.
  for (Panic* q = p->link; q != nullptr; q = q->link) {
    if (q->defer_frame != Panic::kNoFrame && q->defer_frame > d->frame) q->aborted = true;
  }
  if (d->fn == nullptr) {
    // defer of a nil func value: Go panics when the call is made. The new
    // panic takes over the unwinding.
    (void)panic_nil_deref(g);
    return start_panic(vm, stop_depth);
  }
  p->defer_owner = d->frame;
  call_deferred(vm, d, kFramePanicDefer);
  p->defer_frame = g.nframes - 1;
  return Unwind::Continue;
}

}  // namespace

void push_defer(Vm& vm, const Closure* fn, const Slot* args, uint32_t nargs) {
  Goroutine& g = *vm.g;
  auto* d = static_cast<Defer*>(gc_alloc(sizeof(Defer) + size_t{nargs} * sizeof(Slot)));
  d->link = g.defers;
  d->frame = g.nframes - 1;
  d->nargs = nargs;
  d->fn = fn;
  copy_slots(d->args, args, nargs);
  g.defers = d;
}

bool run_defer(Vm& vm) {
  Goroutine& g = *vm.g;
  Defer* d = g.defers;
  if (d == nullptr || d->frame != g.nframes - 1) return false;
  g.defers = d->link;
  if (d->fn == nullptr) {
    (void)panic_nil_deref(g);
    return true;
  }
  call_deferred(vm, d, kFrameDeferCall);
  return true;
}

Unwind start_panic(Vm& vm, uint32_t stop_depth) {
  Goroutine& g = *vm.g;
  if (!g.has_pending_panic) GOL_THROW("a native reported a panic without raising one");
  auto* p = static_cast<Panic*>(gc_alloc(sizeof(Panic)));
  new (p) Panic();
  p->value = g.pending_panic;
  p->goexit = g.pending_goexit;
  g.pending_panic = Iface{nullptr, {0}};
  g.has_pending_panic = false;
  g.pending_goexit = false;
  p->link = g.panic;
  g.panic = p;
  return next_deferred(vm, stop_depth);
}

Unwind panic_defer_returned(Vm& vm, uint32_t stop_depth) {
  Goroutine& g = *vm.g;
  Panic* p = g.panic;
  if (!p->recovered) return next_deferred(vm, stop_depth);
  // Recovery (cf. Go's recovery()): continue the frame that deferred the
  // call, dropping the panic and every earlier one whose deferred call ran
  // in a frame we now pop.
  uint32_t owner = p->defer_owner;
  Panic* rest = p->link;
  while (rest != nullptr && (rest->aborted || (rest->defer_frame != Panic::kNoFrame && rest->defer_frame > owner))) {
    rest = rest->link;
  }
  g.panic = rest;
  while (g.defers != nullptr && g.defers->frame > owner) g.defers = g.defers->link;
  g.nframes = owner + 1;
  Frame& frame = g.frames[owner];
  if (frame.proto->recover_pc < 0) GOL_THROW("recovery in " + frame.proto->name + ", which has no recover_pc");
  frame.pc = frame.proto->code.data() + frame.proto->recover_pc;
  return Unwind::Continue;
}

void do_recover(Vm& vm, Slot* dst) {
  Goroutine& g = *vm.g;
  Panic* p = g.panic;
  uint32_t index = g.nframes - 1;
  // recover() works when called by the deferred function itself; a method
  // value or other compiler wrapper in between is transparent.
  if (!(g.frames[index].flags & kFramePanicDefer) && index > 0 && g.frames[index - 1].proto->is_wrapper &&
      (g.frames[index - 1].flags & kFramePanicDefer)) {
    --index;
  }
  // Goexit is not a panic: recover() returns nil while it runs the defers.
  if (p != nullptr && !p->recovered && !p->aborted && !p->goexit && p->defer_frame == index &&
      (g.frames[index].flags & kFramePanicDefer)) {
    p->recovered = true;
    dst[0].cp = p->value.type;
    dst[1] = p->value.data;
    return;
  }
  dst[0].p = nullptr;
  dst[1].p = nullptr;
}

// ------------------------------------------------------------- the report

namespace {

// Go elides the middle of very deep traces (runtime/traceback.go): the
// innermost and outermost 50 frames are printed.
constexpr uint32_t kTraceInnerFrames = 50;
constexpr uint32_t kTraceOuterFrames = 50;

// "file:line" of the instruction before pc (a saved pc points after its
// instruction, interp_loop.cc rule 3); the function's own line without one.
std::string source_position(const Program& program, const Proto* proto, const Instr* pc) {
  std::string out = proto->file < program.files.size() ? program.files[proto->file] : "?";
  out += ':';
  int32_t line = proto->line;
  if (pc != nullptr && pc > proto->code.data()) {
    size_t i = static_cast<size_t>(pc - proto->code.data()) - 1;
    if (i < proto->lines.size()) line = proto->lines[i];
  }
  out += std::to_string(line);
  return out;
}

void append_frame(std::string& out, const Program& program, const Frame& frame) {
  out += frame.proto->name;
  out += frame.proto->has_params ? "(...)\n\t" : "()\n\t";
  out += source_position(program, frame.proto, frame.pc);
  out += '\n';
}

// Calls the method `name` (func() string) of v's dynamic type on top of the
// dying goroutine's stack, returning its result; false if there is no such
// method or the call panics too.
bool call_string_method(Vm& vm, ExecuteFn execute_fn, const Iface& v, const char* name, std::string* out) {
  if (v.type == nullptr) return false;
  const Method* m = v.type->find_method(intern_name(name));
  if (m == nullptr || m->fn == nullptr || m->mtype == nullptr) return false;
  if (!m->mtype->params.empty() || m->mtype->results.size() != 1 || m->mtype->results[0]->kind != Kind::String) return false;
  Goroutine& g = *vm.g;
  uint32_t depth = g.nframes;
  Panic* panics = g.panic;
  Defer* defers = g.defers;
  uint32_t base = top_of_frame(g);
  uint64_t need = uint64_t{base} + std::max<uint32_t>(2, m->fn->proto->frame_slots);
  if (need > g.stack_cap || g.nframes == g.frames_cap) grow_stack(vm, need);
  g.stack[base] = v.data;
  push_frame(vm, m->fn, base, 0);
  g.defers = nullptr;
  Exit exit = execute_fn(vm, depth);
  g.defers = defers;
  g.panic = panics;
  if (exit != Exit::Returned) {
    g.nframes = depth;
    return false;
  }
  const Slot* r = g.stack + base;
  out->assign(static_cast<const char*>(r[0].cp), static_cast<size_t>(r[1].i));
  return true;
}

std::string panic_text(Vm& vm, ExecuteFn execute_fn, const Iface& v) {
  std::string s;
  // Go's preprintpanics: an error prints its Error(), a Stringer its String().
  if (call_string_method(vm, execute_fn, v, "Error", &s)) return s;
  if (call_string_method(vm, execute_fn, v, "String", &s)) return s;
  return panic_value_string(v);
}

}  // namespace

std::string goroutine_dump(const Program& program, const Goroutine& g, std::string_view state) {
  std::string out = "goroutine " + std::to_string(g.id) + " [";
  out.append(state);
  out += "]:\n";
  // Visible frames, innermost first (compiler wrappers are hidden, as Go
  // hides its autogenerated ones).
  std::vector<uint32_t> visible;
  for (uint32_t i = g.nframes; i-- > 0;) {
    if (!g.frames[i].proto->is_wrapper) visible.push_back(i);
  }
  size_t n = visible.size();
  for (size_t k = 0; k < n; ++k) {
    if (n > kTraceInnerFrames + kTraceOuterFrames && k == kTraceInnerFrames) {
      out += "..." + std::to_string(n - kTraceInnerFrames - kTraceOuterFrames) + " frames elided...\n";
      k = n - kTraceOuterFrames - 1;
      continue;
    }
    append_frame(out, program, g.frames[visible[k]]);
  }
  if (g.creator != nullptr) {
    // Go 1.21+: the function that ran the go statement, and where.
    out += "created by " + g.creator->name + " in goroutine " + std::to_string(g.parent_id) + "\n\t";
    out += source_position(program, g.creator, g.creator_pc);
    out += '\n';
  }
  return out;
}

std::string goroutine_trace(const Vm& vm) { return goroutine_dump(*vm.program, *vm.g, "running"); }

void print_panic_report(Vm& vm, ExecuteFn execute_fn) {
  Goroutine& g = *vm.g;
  // The chain, oldest first (cf. Go's printpanics).
  std::vector<Panic*> chain;
  // Goexit records are not panics: Go's report leaves them out.
  for (Panic* p = g.panic; p != nullptr; p = p->link) {
    if (!p->goexit) chain.push_back(p);
  }
  std::vector<std::string> texts;
  for (size_t i = chain.size(); i-- > 0;) texts.push_back(panic_text(vm, execute_fn, chain[i]->value));
  std::string out;
  for (size_t k = 0; k < texts.size(); ++k) {
    const Panic* p = chain[chain.size() - 1 - k];
    if (k > 0) out += '\t';
    out += "panic: " + texts[k];
    if (p->recovered) out += " [recovered]";
    out += '\n';
  }
  if (!chain.empty() && is_nil_deref_error(chain.front()->value)) {
    // Go's nil dereferences are SIGSEGVs; its report names the signal.
    out += "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n";
  }
  out += '\n';
  out += goroutine_trace(vm);
  out_flush();
  out_write(2, out.data(), out.size());
}

}  // namespace gol::vm::interp
