// timer.cc — per-P timer heaps, running due timers, and the M that sleeps
// until the next one (see timer.h; cf. Go's runtime/time.go: addtimer,
// deltimer, modtimer, timers.run/check, and proc.go's wakeNetPoller).
//
// The hooks into the scheduler proper live in proc.cc (find_runnable runs
// its P's timers, steal_work its victims', stopm makes the timer sleeper,
// check_dead counts pending timers as a way out, set_procs moves a dead
// P's timers) and schedtrace.cc (timerslen).
#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

#include "sched/fatal.h"
#include "sched/proc.h"

namespace gol::sched {

namespace {

constexpr int32_t kArity = 4;  // a 4-ary heap: shallower than binary, as Go's
constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

}  // namespace

void* Executor::alloc_roots(size_t bytes) {
  void* p = std::calloc(1, bytes);
  if (p == nullptr) fatal("out of memory allocating a timer heap");
  return p;
}

void Executor::free_roots(void* p) { std::free(p); }

// ------------------------------------------------------------- the heap

void TimerHeap::push(Executor& exec, Timer* t) {
  if (m_count == m_cap) {
    const int32_t cap = m_cap == 0 ? 64 : m_cap * 2;
    auto* grown = static_cast<Timer**>(exec.alloc_roots(static_cast<size_t>(cap) * sizeof(Timer*)));
    if (m_count > 0) std::memcpy(grown, m_timers, static_cast<size_t>(m_count) * sizeof(Timer*));
    if (m_timers != nullptr) exec.free_roots(m_timers);
    m_timers = grown;
    m_cap = cap;
  }
  t->index = m_count;
  m_timers[m_count++] = t;
  t->heap.store(this, std::memory_order_relaxed);  // readers re-check under mu
  sift_up(t->index);
  publish();
}

void TimerHeap::remove(Timer* t) {
  const int32_t i = t->index;
  if (i < 0 || i >= m_count || m_timers[i] != t) fatal("timer heap: removing a timer that is not there");
  const int32_t last = --m_count;
  if (i != last) {
    m_timers[i] = m_timers[last];
    m_timers[i]->index = i;
  }
  m_timers[last] = nullptr;  // no stale root keeps a stopped timer alive
  if (i != last) {
    sift_up(i);
    sift_down(m_timers[i]->index);
  }
  t->index = -1;
  t->heap.store(nullptr, std::memory_order_relaxed);
  publish();
}

void TimerHeap::fix(Timer* t) {
  sift_up(t->index);
  sift_down(t->index);
  publish();
}

void TimerHeap::sift_up(int32_t i) {
  Timer* t = m_timers[i];
  while (i > 0) {
    const int32_t parent = (i - 1) / kArity;
    if (m_timers[parent]->when <= t->when) break;
    m_timers[i] = m_timers[parent];
    m_timers[i]->index = i;
    i = parent;
  }
  m_timers[i] = t;
  t->index = i;
}

void TimerHeap::sift_down(int32_t i) {
  Timer* t = m_timers[i];
  for (;;) {
    const int32_t first = i * kArity + 1;
    if (first >= m_count) break;
    int32_t best = first;
    const int32_t end = first + kArity < m_count ? first + kArity : m_count;
    for (int32_t c = first + 1; c < end; c++) {
      if (m_timers[c]->when < m_timers[best]->when) best = c;
    }
    if (t->when <= m_timers[best]->when) break;
    m_timers[i] = m_timers[best];
    m_timers[i]->index = i;
    i = best;
  }
  m_timers[i] = t;
  t->index = i;
}

void TimerHeap::publish() {
  // seq_cst: pairs with the sleeper's marker store (wake_for_timer).
  m_min_when.store(m_count > 0 ? m_timers[0]->when : 0, std::memory_order_seq_cst);
  m_len.store(m_count, std::memory_order_relaxed);
}

// ------------------------------------------------------- add, stop, reset

void Scheduler::add_timer(Timer* t, int64_t when, int64_t period) {
  if (when <= 0) when = 1;  // 0 means "no timer" in min_when
  {
    std::lock_guard<std::mutex> tlock(t->mu);
    if (t->heap.load(std::memory_order_relaxed) != nullptr) fatal("timer: add of a pending timer");
    M* m = current_m();
    P* p = m != nullptr && m->p != nullptr ? m->p : m_p0;
    std::lock_guard<std::mutex> hlock(p->timers.mu);
    t->when = when;
    t->period = period;
    p->timers.push(m_exec, t);
  }
  wake_for_timer(when);
}

bool Scheduler::stop_timer(Timer* t) {
  std::lock_guard<std::mutex> tlock(t->mu);
  // The heap may change under us only by a run (to null) or a move (to
  // P0's): re-check under the heap's lock.
  for (;;) {
    TimerHeap* heap = t->heap.load(std::memory_order_acquire);
    if (heap == nullptr) return false;
    std::lock_guard<std::mutex> hlock(heap->mu);
    if (t->heap.load(std::memory_order_relaxed) != heap) continue;
    heap->remove(t);
    return true;
  }
}

bool Scheduler::reset_timer(Timer* t, int64_t when, int64_t period) {
  if (when <= 0) when = 1;
  bool pending = false;
  {
    std::lock_guard<std::mutex> tlock(t->mu);
    for (;;) {
      TimerHeap* heap = t->heap.load(std::memory_order_acquire);
      if (heap == nullptr) break;
      std::lock_guard<std::mutex> hlock(heap->mu);
      if (t->heap.load(std::memory_order_relaxed) != heap) continue;
      // Still pending: re-key it where it is (cf. modtimer).
      t->when = when;
      t->period = period;
      heap->fix(t);
      pending = true;
      break;
    }
    if (!pending) {
      M* m = current_m();
      P* p = m != nullptr && m->p != nullptr ? m->p : m_p0;
      std::lock_guard<std::mutex> hlock(p->timers.mu);
      t->when = when;
      t->period = period;
      p->timers.push(m_exec, t);
    }
  }
  wake_for_timer(when);
  return pending;
}

int64_t Scheduler::timer_count() {
  std::lock_guard<std::mutex> lock(m_lock);
  int64_t n = 0;
  for (P* p : m_allp) n += p->timers.size();
  return n;
}

// -------------------------------------------------------------- running

int Scheduler::run_timers(TimerHeap& heap, int64_t now) {
  int ran = 0;
  for (;;) {
    Timer* t;
    int64_t delay;
    {
      std::lock_guard<std::mutex> hlock(heap.mu);
      if (heap.m_count == 0 || heap.m_timers[0]->when > now) return ran;
      t = heap.m_timers[0];
      delay = now - t->when;
      if (t->period > 0) {
        // A ticker skips the runs it missed (cf. timer.unlockAndRun): the
        // next deadline is the first one after now.
        t->when += t->period * (1 + delay / t->period);
        if (t->when < 0) t->when = kNever;  // overflow: never again
        heap.fix(t);
      } else {
        heap.remove(t);
      }
    }
    // No lock held: f may ready or spawn Gs (taking m_lock) and add timers.
    t->f(t->arg, t->seq, delay);
    ran++;
  }
}

bool Scheduler::check_timers(P* p) {
  const int64_t next = p->timers.min_when();
  if (next == 0) return false;
  const int64_t now = monotonic_ns();
  if (next > now) return false;
  return run_timers(p->timers, now) > 0;
}

// ------------------------------------------------------ the timer sleeper

int64_t Scheduler::earliest_timer_locked() {
  int64_t next = 0;
  const auto procs = static_cast<size_t>(m_procs.load(std::memory_order_relaxed));
  for (size_t i = 0; i < procs && i < m_allp.size(); i++) {
    const int64_t w = m_allp[i]->timers.min_when();
    if (w != 0 && (next == 0 || w < next)) next = w;
  }
  return next;
}

int64_t Scheduler::timer_sleep_begin_locked(M& m) {
  if (m_timer_sleeper != nullptr || m_exiting.load(std::memory_order_relaxed)) return 0;
  // Dekker with wake_for_timer: we store the marker, then load every
  // heap's min_when; an adder stores min_when, then loads the marker. One
  // of us sees the other: we see its timer, or it sees the marker and
  // waits on m_lock for our decision.
  m_timer_deadline.store(kNever, std::memory_order_seq_cst);
  int64_t next = earliest_timer_locked();
  if (next == 0) {
    // No timer, but goroutines waiting for I/O: sleep in the poller until
    // an event (the M that parked one comes here too, so a waiter always
    // finds a poller or a running M).
    if (m_netpoll.waiters() <= 0) {
      m_timer_deadline.store(0, std::memory_order_seq_cst);
      return 0;
    }
    next = kPollForever;
  }
  m_timer_sleeper = &m;
  m_timer_deadline.store(next, std::memory_order_seq_cst);
  return next;
}

bool Scheduler::midle_remove_locked(M& m) {
  for (M** link = &m_midle; *link != nullptr; link = &(*link)->link) {
    if (*link == &m) {
      *link = m.link;
      m.link = nullptr;
      m_nmidle--;
      m_idle_epoch++;
      return true;
    }
  }
  return false;
}

bool Scheduler::timer_sleep_expired(M& m, GList* ready) {
  P* p = nullptr;
  std::vector<P*> ps;
  {
    std::lock_guard<std::mutex> lock(m_lock);
    if (m_timer_sleeper == &m) {
      m_timer_sleeper = nullptr;
      m_timer_deadline.store(0, std::memory_order_seq_cst);
    }
    // Off the list already: startm, a timer wake-up or shutdown took it
    // and its wakeup is on the way.
    if (!midle_remove_locked(m)) {
      make_runnable(ready, nullptr);
      return false;
    }
    if (!m_stopping.load(std::memory_order_relaxed) && !m_exiting.load(std::memory_order_relaxed)) p = pidleget();
    const auto procs = static_cast<size_t>(m_procs.load(std::memory_order_relaxed));
    ps.assign(m_allp.begin(), m_allp.begin() + static_cast<std::ptrdiff_t>(procs));
  }
  // With a P, the Gs the timers ready land on its run queue and this M
  // runs them next; without one they go to the global queue.
  if (p != nullptr) acquirep(m, p);
  const int64_t now = monotonic_ns();
  for (P* pp : ps) {
    const int64_t next = pp->timers.min_when();
    if (next != 0 && next <= now) run_timers(pp->timers, now);
  }
  if (ready->size > 0) {
    make_runnable(ready, &m);
    if (m_npidle.load(std::memory_order_relaxed) > 0) wakep();
  }
  return true;
}

void Scheduler::wake_for_timer(int64_t when) {
  // seq_cst: the other half of timer_sleep_begin_locked's hand-shake (the
  // heap's min_when was stored seq_cst before this load).
  const int64_t deadline = m_timer_deadline.load(std::memory_order_seq_cst);
  if (deadline != 0 && deadline != kNever && deadline <= when) return;
  M* wake = nullptr;
  {
    std::unique_lock<std::mutex> lock(m_lock);
    if (m_timer_sleeper == nullptr) {
      lock.unlock();
      // Nobody sleeps for timers: a spinning M will look, and become the
      // sleeper if it finds nothing to run (cf. wakeNetPoller's wakep).
      if (m_running.load(std::memory_order_acquire)) wakep();
      return;
    }
    if (m_timer_deadline.load(std::memory_order_relaxed) <= when) return;
    wake = m_timer_sleeper;
    m_timer_sleeper = nullptr;
    m_timer_deadline.store(0, std::memory_order_seq_cst);
    // Off the idle list, so startm does not hand it a P meanwhile; it
    // comes back to stopm, which makes it the sleeper again with the new
    // deadline.
    if (!midle_remove_locked(*wake)) wake = nullptr;  // already being woken
    if (wake != nullptr) wake->nextp = nullptr;
  }
  if (wake != nullptr) {
    wake->park.wakeup();  // release: nextp is visible to it
    m_netpoll.wake();     // it may be inside the poller
  }
}

void Scheduler::move_timers_locked(P* from, P* to) {
  std::lock_guard<std::mutex> src(from->timers.mu);
  if (from->timers.m_count == 0) return;
  std::lock_guard<std::mutex> dst(to->timers.mu);
  for (int32_t i = 0; i < from->timers.m_count; i++) {
    Timer* t = from->timers.m_timers[i];
    from->timers.m_timers[i] = nullptr;
    to->timers.push(m_exec, t);  // sets t->heap: stop/reset re-check it
  }
  from->timers.m_count = 0;
  from->timers.publish();
}

}  // namespace gol::sched
