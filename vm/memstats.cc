// memstats.cc — runtime.ReadMemStats and runtime.GC on the Boehm collector.
//
// Go's MemStats fields mapped to what the collector knows (GC_prof_stats):
//   HeapSys      heap bytes obtained (mapped or not)       heapsize_full
//   HeapIdle     free heap bytes                            free_bytes_full
//   HeapReleased free bytes given back to the OS            unmapped_bytes
//   HeapAlloc    heap bytes in objects, live or not yet     HeapSys - HeapIdle
//                collected (as Go's: it includes unswept garbage)
//   Alloc        = HeapAlloc
//   TotalAlloc   bytes ever allocated                       allocd_bytes_before_gc + bytes_allocd_since_gc
//   Sys          bytes obtained from the OS                 obtained_from_os_bytes
//   NumGC        completed collections                      GC_get_gc_no
// The collector counts bytes, not objects, so objects are counted here:
// Mallocs is the sum of per-thread allocation counters (init.cc);
// HeapObjects is the objects the last collection marked live plus those
// allocated since it began; Frees = Mallocs - HeapObjects.
//
// Counting the marked objects walks the heap's mark bits under the
// allocation lock: O(heap blocks), like Go's ReadMemStats, which stops the
// world; a program calls it rarely.
#include <gc/gc_mark.h>

#include <algorithm>
#include <atomic>

#include "vm/runtime.h"

namespace gol::vm {

namespace {

// Objects allocated when the last collection started (written with the
// allocation lock held, from the collector's start callback).
std::atomic<uint64_t> g_mallocs_at_gc{0};

void GC_CALLBACK on_gc_start() { g_mallocs_at_gc.store(objects_allocated(), std::memory_order_relaxed); }

void GC_CALLBACK count_marked(void*, size_t, void* client) { ++*static_cast<uint64_t*>(client); }

}  // namespace

void memstats_init() { GC_set_start_callback(on_gc_start); }

MemStats read_mem_stats() {
  GC_prof_stats_s st{};
  GC_get_prof_stats(&st, sizeof st);
  uint64_t marked = 0;
  GC_alloc_lock();
  // Before the first collection nothing is marked and every object counts
  // as allocated since "it" began (g_mallocs_at_gc is 0).
  GC_enumerate_reachable_objects_inner(count_marked, &marked);
  uint64_t at_gc = g_mallocs_at_gc.load(std::memory_order_relaxed);
  GC_alloc_unlock();
  MemStats m;
  m.mallocs = objects_allocated();
  m.heap_objects = std::min<uint64_t>(m.mallocs, marked + (m.mallocs - std::min(m.mallocs, at_gc)));
  m.frees = m.mallocs - m.heap_objects;
  m.heap_sys = st.heapsize_full;
  m.heap_idle = st.free_bytes_full;
  m.heap_released = st.unmapped_bytes;
  m.heap_alloc = st.heapsize_full - std::min(st.heapsize_full, st.free_bytes_full);
  m.alloc = m.heap_alloc;
  m.total_alloc = st.allocd_bytes_before_gc + st.bytes_allocd_since_gc;
  m.sys = std::max<uint64_t>(st.obtained_from_os_bytes, st.heapsize_full);
  m.num_gc = static_cast<uint32_t>(GC_get_gc_no());
  return m;
}

void collect_garbage() { GC_gcollect(); }

}  // namespace gol::vm
