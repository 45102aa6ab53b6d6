// globrunq.h — the global run queue (cf. Go's sched.runq with globrunqput,
// globrunqputbatch and globrunqget).
//
// Gs land here when a P's local queue overflows, when a goroutine returns
// from a system call without a P, and when Ps are destroyed. Every P checks
// it first on every 61st schedule (so two goroutines respawning each other
// on one P cannot starve it), and when its own queue is empty. Taking from
// it moves a fair share into the taker's local queue at once, so the lock is
// not taken again for each G.
//
// Guarded by a plain mutex (Go's sched.lock): every operation is O(batch)
// and the fast paths of the scheduler never touch it.
#pragma once

#include <cstdint>
#include <mutex>

#include "sched/runq.h"

namespace gol::sched {

class GlobalRunQueue {
 public:
  void put(G* g);                 // at the tail
  void put_batch(const GList& batch);
  // Takes the G to run now plus a share of the rest into `local` (the
  // caller's own, empty-enough queue): at most max(1, size/nprocs + 1),
  // at most `max` when max > 0, at most half a local queue. Null if empty.
  G* get(RunQueue& local, uint32_t nprocs, uint32_t max);
  uint32_t size() const;  // racy snapshot for heuristics (schedtrace, spinning)

 private:
  mutable std::mutex m_mu;
  GList m_list;                      // guarded by m_mu
  std::atomic<uint32_t> m_size{0};   // mirrors m_list.size; written under m_mu, read anywhere (relaxed)
};

}  // namespace gol::sched
