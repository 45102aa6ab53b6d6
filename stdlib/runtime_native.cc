// runtime_native.cc — the natives of package runtime (see runtime.cc).
//
// Gosched stops the goroutine with a Yield (it resumes after the call, from
// the global run queue, as Go's goschedImpl); Goexit starts the unwinding
// that runs every deferred call and ends the goroutine (vm::start_goexit).
// GOMAXPROCS stops the world to resize the Ps (sched::Scheduler::set_procs).
// Without a scheduler (the VM's unit tests run programs on one thread) they
// act on the one goroutine there is.
#include <algorithm>
#include <cstring>
#include <string>

#include "stdlib/natives.h"
#include "vm/goroutine.h"
#include "vm/runtime.h"

#ifndef GOL_VERSION
#error "GOL_VERSION must be defined (stdlib/CMakeLists.txt)"
#endif

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

NativeStatus gomaxprocs(vm::Goroutine&, Slot* w) {
  const int64_t n = w[0].i;
  sched::Scheduler* s = vm::scheduler();
  int64_t old = s != nullptr ? s->procs() : 1;
  // gol caps the number of Ps at 1024, as for the GOMAXPROCS variable
  // (sched_exec.cc): each P is a record and a run queue, and more Ps than
  // threads the machine can run only cost.
  if (n >= 1 && s != nullptr && n != old) old = s->set_procs(static_cast<int32_t>(std::min<int64_t>(n, 1024)));
  w[0].i = old;
  return NativeStatus::Ok;
}

NativeStatus num_goroutine(vm::Goroutine&, Slot* w) {
  sched::Scheduler* s = vm::scheduler();
  w[0].i = s != nullptr ? s->gcount() : 1;
  return NativeStatus::Ok;
}

NativeStatus num_cpu(vm::Goroutine&, Slot* w) {
  w[0].i = vm::num_cpu();
  return NativeStatus::Ok;
}

NativeStatus gosched(vm::Goroutine& g, Slot*) {
  g.stop = sched::Stop{};
  g.stop.kind = sched::Stop::Yield;
  return NativeStatus::Block;
}

NativeStatus goexit(vm::Goroutine& g, Slot*) { return vm::start_goexit(g); }

NativeStatus gc(vm::Goroutine&, Slot*) {
  vm::collect_garbage();
  return NativeStatus::Ok;
}

NativeStatus version(vm::Goroutine&, Slot* w) {
  static const char kVersion[] = "gol" GOL_VERSION;
  vm::StringHeader s = vm::make_string(kVersion, sizeof kVersion - 1);
  w[0].cp = s.data;
  w[1].i = s.len;
  return NativeStatus::Ok;
}

NativeStatus stack(vm::Goroutine& g, Slot* w) {
  auto* buf = static_cast<char*>(w[0].p);
  const int64_t len = w[1].i;
  const bool all = w[3].u != 0;
  std::string text = vm::goroutine_stacks(g, all);
  // Go's Stack has no trailing newline after the last frame line.
  if (!text.empty() && text.back() == '\n') text.pop_back();
  const size_t n = std::min<size_t>(text.size(), static_cast<size_t>(std::max<int64_t>(len, 0)));
  if (n > 0) std::memcpy(buf, text.data(), n);
  w[0].i = static_cast<int64_t>(n);
  return NativeStatus::Ok;
}

NativeStatus read_mem_stats(vm::Goroutine&, Slot* w) {
  const vm::MemStats m = vm::read_mem_stats();
  w[0].u = m.alloc;
  w[1].u = m.total_alloc;
  w[2].u = m.sys;
  w[3].u = m.mallocs;
  w[4].u = m.frees;
  w[5].u = m.heap_alloc;
  w[6].u = m.heap_sys;
  w[7].u = m.heap_idle;
  w[8].u = m.heap_released;
  w[9].u = m.heap_objects;
  w[10].u = m.num_gc;
  return NativeStatus::Ok;
}

}  // namespace

void register_runtime_natives(vm::NativeRegistry& registry) {
  registry.add("runtime.GOMAXPROCS", gomaxprocs);
  registry.add("runtime.NumGoroutine", num_goroutine);
  registry.add("runtime.NumCPU", num_cpu);
  registry.add("runtime.Gosched", gosched);
  registry.add("runtime.Goexit", goexit);
  registry.add("runtime.GC", gc);
  registry.add("runtime.Version", version);
  registry.add("runtime.Stack", stack);
  registry.add("runtime.readMemStats", read_mem_stats);
}

}  // namespace gol::stdlib
