// timer.h — timers on the scheduler (cf. Go's runtime/time.go: the per-P
// timer heap, addtimer/deltimer/modtimer, checkTimers, the M that waits
// for the next timer).
//
// A Timer is a record the caller owns (the VM allocates it in collected
// memory; tests anywhere): an absolute CLOCK_MONOTONIC deadline `when`, an
// optional period, and a callback f(arg, seq, delay) that runs on an M — a
// thread registered with the collector, so f may allocate, ready Gs, spawn
// Gs, send on channels; f must not block and must not touch the timer's own
// Stop/Reset (the M runs it with no timer lock held, so it could, but Go's
// callbacks never do and the tests do not need it).
//
// Where timers sit: each P has a TimerHeap (a 4-ary min-heap on `when`,
// its own lock). A new timer goes on the adding M's P, or on P0 from a
// thread that holds no P. Every M runs its P's expired timers each time it
// looks for work (find_runnable, cf. checkTimers), a stealing M runs its
// victims' expired timers (cf. stealWork), and an M going idle while
// timers are pending (or goroutines wait for I/O) becomes the timer
// sleeper (at most one): as in Go it sleeps in the netpoller (netpoll.h)
// until the earliest deadline of all Ps, then runs what has expired
// (taking an idle P first if one is free). Adding a timer earlier than the
// sleeper's deadline wakes it (its Note, and the poller's eventfd; cf.
// wakeNetPoller); with no sleeper the adder wakes a spinning M (wakep),
// which becomes the sleeper if it finds nothing else. A timer never runs
// before its deadline: `when` is compared with the monotonic clock read
// after the wait, and the wait is recomputed from an absolute deadline
// after every early return (signals end epoll waits: STACK.md §3).
//
// Go's add/stop/reset races (the pre-1.23 semantics that go.mod `go 1.22`
// selects): Stop returns true if the timer was still pending and is now
// not; false if it already ran (a one-shot timer leaves its heap the moment
// it is taken to run) or was stopped. Reset returns whether it was pending,
// and re-arms it either way; a Reset racing with a run may let both fire,
// as in Go. Timer::mu serialises Stop/Reset/add of one timer; a heap's
// lock guards its array and the `heap`/`index` fields of the timers in it.
//
// Lock order: Timer::mu, then Scheduler::m_lock, then TimerHeap::mu. No
// lock is held while a callback runs. A heap lock is never held while
// taking another lock, except that set_procs moves a dead P's timers under
// m_lock, holding the dead heap's lock and then P0's (the world stopped).
//
// Collector visibility (STACK.md §3): a pending timer may be the only
// reference to what its callback needs (a sleeping goroutine, time.After's
// channel, AfterFunc's closure), and a std::vector's memory is not
// scanned. So a heap's array comes from Executor::alloc_roots — memory the
// collector scans as a root and never frees itself (the VM uses
// GC_MALLOC_UNCOLLECTABLE); the heap frees it when it grows. The Timer
// record, and through it arg, stay alive while the timer is pending; once
// taken off the heap to run, the running M's stack holds them.
// Rejected: a VM-side registry of live timers (a second structure to keep
// in step with every add, stop and run); one global heap (every add and
// every M's check would contend on one lock, as Go found before 1.14).
//
// Not done: Go's timer-channel "synchronous" semantics of go ≥ 1.23
// modules (unbuffered-looking channels, Stop draining): gol follows the
// `go 1.22` semantics the goldens use.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

namespace gol::sched {

class Executor;
class TimerHeap;

// Runs on an M. delay: how late the run is (now - when), for Go's
// sendTime, which stamps the value it sends with the deadline.
using TimerFunc = void (*)(void* arg, uintptr_t seq, int64_t delay);

struct Timer {
  TimerFunc f = nullptr;
  void* arg = nullptr;
  uintptr_t seq = 0;
  std::mutex mu;  // serialises add/stop/reset of this timer (see header)
  // The deadline (monotonic ns) and period (0: one-shot). Written with the
  // timer's heap lock held (and mu, except when a run re-arms a periodic
  // timer); read under either.
  int64_t when = 0;
  int64_t period = 0;
  // The heap holding it, or null when not pending. Set non-null only under
  // mu (add/reset); cleared by a run and changed by a stop-the-world move
  // under the heap lock alone, so readers holding mu re-check it after
  // taking that heap's lock. Atomic: read before any heap lock is held.
  std::atomic<TimerHeap*> heap{nullptr};
  int32_t index = -1;  // position in heap's array (that heap's lock)
};

// One P's timers.
class TimerHeap {
 public:
  // Earliest deadline, 0 when empty. Stored (seq_cst) under mu whenever the
  // top changes; loaded (seq_cst) by any thread without the lock: a hint
  // for "is anything due", and one side of the sleeper hand-shake (see
  // Scheduler::wake_for_timer).
  int64_t min_when() const { return m_min_when.load(std::memory_order_seq_cst); }
  int32_t size() const { return m_len.load(std::memory_order_relaxed); }

 private:
  friend class Scheduler;
  void push(Executor& exec, Timer* t);  // mu held
  void remove(Timer* t);                // mu held, t in this heap
  void fix(Timer* t);                   // mu held: t's `when` changed
  void sift_up(int32_t i);
  void sift_down(int32_t i);
  void publish();                       // mu held: refresh min_when and len

  std::mutex mu;
  Timer** m_timers = nullptr;  // Executor::alloc_roots memory (mu)
  int32_t m_count = 0;         // mu
  int32_t m_cap = 0;           // mu
  std::atomic<int64_t> m_min_when{0};
  std::atomic<int32_t> m_len{0};  // m_count for schedtrace's timerslen: written under mu, relaxed
};

}  // namespace gol::sched
