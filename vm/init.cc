// init.cc — start-up of the run-time and the GC allocation primitives.
//
// The core idea: every gol object lives on the Boehm collector's heap
// (DESIGN.md §3, STACK.md §3). Three allocation flavours cover every use:
// scanned memory for objects that may hold GC pointers, atomic (unscanned)
// memory for pointer-free payloads, and immortal (scanned, never freed)
// memory for program-lifetime data. All three return zeroed memory, because
// gol's zero values are all-zero slots and callers rely on it.
//
// Out of memory is a fatal error, as in Go: no caller checks for null.
//
// Rejected: a size-segregated allocator of our own in front of GC_MALLOC —
// bdwgc already has thread-local free lists (STACK.md: ~55M allocations/s).
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <csignal>
#include <mutex>

#include "vm/profile.h"
#include "vm/runtime.h"
#include "vm/value.h"

namespace gol::vm {

namespace {

// Small programs should not collect every few milliseconds (STACK.md §3
// "Tuning": the default 19 MiB heap spends ~30% of a busy program in GC).
constexpr size_t kInitialHeapBytes = size_t{64} << 20;

[[noreturn]] void out_of_memory() { fatal("out of memory"); }

// Objects allocated, for runtime.MemStats.Mallocs (the collector counts
// bytes, not objects). One counter per thread, so counting costs a plain
// add on a line no other thread writes; runtime.ReadMemStats sums them.
// Counters are plain memory that is never freed (a thread's allocations
// still count after it ends) and hold no GC pointers.
struct AllocCounter {
  std::atomic<uint64_t> n{0};  // written by its thread only
  AllocCounter* next = nullptr;
};
std::atomic<AllocCounter*> g_alloc_counters{nullptr};
thread_local AllocCounter* t_alloc_counter = nullptr;

[[gnu::noinline]] AllocCounter* new_alloc_counter() {
  auto* c = new AllocCounter();
  c->next = g_alloc_counters.load(std::memory_order_relaxed);
  while (!g_alloc_counters.compare_exchange_weak(c->next, c, std::memory_order_release, std::memory_order_relaxed)) {
  }
  t_alloc_counter = c;
  return c;
}

inline void count_alloc() {
  AllocCounter* c = t_alloc_counter;
  if (c == nullptr) [[unlikely]]
    c = new_alloc_counter();
  c->n.store(c->n.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

// Heap profiling (runtime/pprof, vm/profile.h): bytes this thread may
// still allocate before the next sampled allocation. One subtraction and a
// predicted branch per allocation; profile.cc picks the random gaps.
thread_local int64_t t_heap_sample_left = 0;

inline void sample_alloc(void* p, size_t bytes) {
  t_heap_sample_left -= static_cast<int64_t>(bytes);
  if (t_heap_sample_left < 0) [[unlikely]]
    t_heap_sample_left = profile::heap_sample(p, bytes);
}

}  // namespace

uint64_t objects_allocated() {
  uint64_t total = 0;
  for (AllocCounter* c = g_alloc_counters.load(std::memory_order_acquire); c != nullptr; c = c->next) {
    total += c->n.load(std::memory_order_relaxed);
  }
  return total;
}

void runtime_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    GC_INIT();
    // The collector's warnings ("repeated allocation of very large block"
    // while a deep recursion grows its stack) are not the program's output.
    GC_set_warn_proc(GC_ignore_warn_proc);
    // As in Go, a write to a broken pipe is an EPIPE error, except on
    // standard output and error, where output.cc raises SIGPIPE itself.
    std::signal(SIGPIPE, SIG_IGN);
    // Ms are std::threads registered by hand (STACK.md §3): this must come
    // first, from the main thread, after GC_INIT.
    GC_allow_register_threads();
    memstats_init();
    if (GC_get_heap_size() < kInitialHeapBytes) GC_expand_hp(kInitialHeapBytes - GC_get_heap_size());
    // A normal return from main flushes buffered standard output even when
    // the caller forgets to (natives such as os.Exit flush explicitly).
    std::atexit(out_flush);
  });
}

void* gc_alloc(size_t bytes) {
  // GC_MALLOC clears the object (it is scanned, so stale pointers would
  // retain garbage): no memset needed.
  void* p = GC_MALLOC(bytes);
  if (p == nullptr) [[unlikely]]
    out_of_memory();
  count_alloc();
  sample_alloc(p, bytes);
  return p;
}

void* gc_alloc_atomic(size_t bytes) {
  // Atomic objects are NOT cleared by the collector.
  void* p = GC_MALLOC_ATOMIC(bytes);
  if (p == nullptr) [[unlikely]]
    out_of_memory();
  count_alloc();
  sample_alloc(p, bytes);
  std::memset(p, 0, bytes);
  return p;
}

void* gc_alloc_immortal(size_t bytes) {
  void* p = GC_MALLOC_UNCOLLECTABLE(bytes);
  if (p == nullptr) [[unlikely]]
    out_of_memory();
  count_alloc();
  std::memset(p, 0, bytes);
  return p;
}

StringHeader make_string(const char* data, size_t len) {
  if (len == 0) return {nullptr, 0};
  // The bytes are overwritten at once: skip gc_alloc_atomic's clearing.
  char* p = static_cast<char*>(GC_MALLOC_ATOMIC(len));
  if (p == nullptr) [[unlikely]]
    out_of_memory();
  count_alloc();
  sample_alloc(p, len);
  std::memcpy(p, data, len);
  return {p, static_cast<int64_t>(len)};
}

}  // namespace gol::vm
