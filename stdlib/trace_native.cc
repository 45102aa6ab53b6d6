// trace_native.cc — the natives of package runtime/trace (see trace.cc).
//
// start turns the scheduler's recorder on, after installing the two hooks
// it needs from the VM and the collector: the namer (a goroutine's entry
// function, the first frame of its stackless Goroutine) and the collector's
// event callback, which records collection start and end. The callback
// runs with the allocation lock held, so it only records (malloc memory,
// never the GC heap) and chains to any callback installed before it.
// stop returns the session as Chrome JSON in a fresh []byte (nil if
// tracing was off).
//
// Rejected: GC_set_start_callback — vm/memstats.cc owns it, and it has no
// end event.
#include <cstring>
#include <mutex>

#include "sched/proc.h"
#include "sched/trace.h"
#include "stdlib/natives.h"
#include "vm/goroutine.h"
#include "vm/program.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

// Called on the M that owns g (create, start), so its frames are stable.
const char* goroutine_name(const sched::G* g) {
  const auto* gr = static_cast<const vm::Goroutine*>(g->task);
  if (gr == nullptr || gr->nframes == 0 || gr->frames[0].proto == nullptr) return nullptr;
  return gr->frames[0].proto->name.c_str();
}

GC_on_collection_event_proc g_previous_gc_event = nullptr;

void on_gc_event(GC_EventType e) {
  if (e == GC_EVENT_START || e == GC_EVENT_END) sched::trace::gc_event(e == GC_EVENT_START);
  if (g_previous_gc_event != nullptr) g_previous_gc_event(e);
}

void install_hooks() {
  static std::once_flag once;
  std::call_once(once, [] {
    sched::trace::set_namer(goroutine_name);
    GC_disable();  // no collection between reading and setting the callback
    g_previous_gc_event = GC_get_on_collection_event();
    GC_set_on_collection_event(on_gc_event);
    GC_enable();
  });
}

NativeStatus start(vm::Goroutine& g, Slot* w) {
  install_hooks();
  const bool ok = sched::trace::start();
  // The caller runs on its P from the trace's start: its first slice, named.
  const sched::M* m = sched::Scheduler::current_m();
  if (ok && g.sched_g != nullptr && m != nullptr && m->p != nullptr) {
    sched::trace::record(sched::trace::Ev::GoStart, g.sched_g->goid, m->p->id, m->id, 0, sched::WaitReason::None,
                         goroutine_name(g.sched_g));
  }
  w[0].u = ok ? 1 : 0;
  return NativeStatus::Ok;
}

NativeStatus stop(vm::Goroutine&, Slot* w) {
  sched::trace::Trace t;
  if (!sched::trace::stop(&t)) {
    w[0].p = nullptr;
    w[1].i = 0;
    w[2].i = 0;
    return NativeStatus::Ok;
  }
  const std::string json = sched::trace::write_chrome_json(t);
  const auto n = static_cast<int64_t>(json.size());
  void* data = vm::gc_alloc_atomic(json.size());
  std::memcpy(data, json.data(), json.size());
  w[0].p = data;
  w[1].i = n;
  w[2].i = n;
  return NativeStatus::Ok;
}

NativeStatus is_enabled(vm::Goroutine&, Slot* w) {
  w[0].u = sched::trace::enabled() ? 1 : 0;
  return NativeStatus::Ok;
}

}  // namespace

void register_trace_natives(vm::NativeRegistry& registry) {
  registry.add("runtime/trace.start", start);
  registry.add("runtime/trace.stop", stop);
  registry.add("runtime/trace.IsEnabled", is_enabled);
}

}  // namespace gol::stdlib
