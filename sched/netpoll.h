// netpoll.h — the network poller (cf. Go's runtime/netpoll.go and
// netpoll_epoll.go).
//
// A goroutine doing I/O on a non-blocking descriptor (a socket, a pipe)
// tries the system call; on EAGAIN it waits here, parked (WaitReason
// IOWait), instead of blocking its thread. One epoll instance per
// Scheduler watches every registered descriptor, edge-triggered for
// reading and writing at once (EPOLLIN|EPOLLOUT|EPOLLRDHUP|EPOLLET): the
// kernel reports each transition once, so a waiter must always retry the
// call until EAGAIN before it waits again (the loop below does).
//
// Who polls: every M looking for work polls without blocking (after its
// own and the global run queue, before stealing, cf. findRunnable); the
// idle M that sleeps until the earliest timer (timer.h's "timer sleeper")
// sleeps in epoll_pwait2 instead, until that deadline — or for ever when
// goroutines wait for I/O and no timer is pending — and an eventfd breaks
// the wait when an earlier timer is added or the M is needed; sysmon polls
// when nobody has for 10 ms, so I/O-ready goroutines are not starved by Ms
// busy running others. Readied goroutines go to the polling M's P (it
// takes an idle one) or to the global queue.
//
// A PollDesc per registered descriptor (cf. pollDesc) holds, per mode
// (read, write), a one-word state: Nil, Ready (an edge arrived nobody has
// consumed), Wait (a goroutine is about to park) or the parked G itself;
// plus the closing flag and the deadlines. Transitions are CASes: the
// poller, a deadline timer and an evict race with a parking goroutine, and
// the one that loses sees the other's state (cf. netpollblock /
// netpollunblock). PollDescs come from Executor::alloc_record — memory the
// collector scans and never frees — and are reused through a free list:
// epoll keeps a raw pointer to each, so they must never move or be
// collected, and what they point at (a parked G's record) stays alive
// because the record memory is scanned (Go allocates them off-heap too).
//
// Deadlines go through the scheduler's timers (timer.h): absolute
// CLOCK_MONOTONIC nanoseconds; when one fires, the mode is marked expired
// and its waiter is readied. A sequence number per descriptor discards a
// timer that fires after the descriptor was closed and reused.
//
// How a native uses it (the net package's read loop, in Go terms):
//   poll_reset(pd, mode)          before the first try: closing? expired?
//   loop: n = read(fd); if EAGAIN:
//     r = poll_wait_begin(pd, mode)
//       kPollOk: an edge arrived since the last try: try again
//       kPollClosing / kPollTimeout: fail the call (ErrNetClosing, timeout)
//       kPollPark: park the goroutine (Stop::Park, WaitReason::IOWait,
//         unlock = poll_commit, arg = poll_commit_arg(pd, mode)); when it
//         runs again (readied by the poller, a deadline or an evict, or at
//         once if the commit lost a race) call poll_wait_begin again.
//   Close: poll_evict (wakes both waiters; later waits say kPollClosing),
//   then, once no goroutine is inside a call on the descriptor any more,
//   poll_close (unregisters it, stops its timers, recycles the PollDesc)
//   and only then close(fd) (cf. internal/poll's fdMutex).
//
// EINTR: epoll_pwait2 returns early on any signal (the collector's stop
// signals, SIGURG): the poller treats it as "no events" and its caller
// loops against its absolute deadline.
//
// Rejected: level-triggered epoll (every wait would re-arm or re-report);
// one poller thread of its own (a thread hop per ready descriptor, and
// timers would need a second sleeper); EPOLLONESHOT re-arming per wait (a
// system call per wait where ET needs none).
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

#include "sched/runq.h"
#include "sched/timer.h"

namespace gol::sched {

class Scheduler;

// Results of poll_reset / poll_wait_begin (cf. pollNoError ...).
enum PollResult : int32_t {
  kPollOk = 0,       // ready (or nothing wrong): do the call
  kPollClosing = 1,  // poll_evict was called: "use of closed network connection"
  kPollTimeout = 2,  // the mode's deadline has passed: "i/o timeout"
  kPollPark = 3,     // poll_wait_begin only: park with poll_commit
};

// Modes, as Go spells them.
enum PollMode : int32_t { kPollRead = 'r', kPollWrite = 'w', kPollReadWrite = 'r' + 'w' };

struct PollDesc {
  // Per-mode states (rg for reading, wg for writing): kPdNil, kPdReady,
  // kPdWait or a G* (aligned, so never 1 or 2).
  static constexpr uintptr_t kPdNil = 0;
  static constexpr uintptr_t kPdReady = 1;
  static constexpr uintptr_t kPdWait = 2;

  int fd = -1;
  Scheduler* sched = nullptr;
  std::atomic<uintptr_t> rg{kPdNil};
  std::atomic<uintptr_t> wg{kPdNil};
  // Guards everything below (cf. pollDesc.lock). Never held while readying a G.
  std::mutex lock;
  std::atomic<bool> closing{false};  // read without the lock by the checks
  // Deadlines (monotonic ns): 0 none, -1 passed, else when the timer fires.
  // Written under lock, read by the checks without it.
  std::atomic<int64_t> rd{0};
  std::atomic<int64_t> wd{0};
  uintptr_t seq = 0;  // bumped when the descriptor is closed: stale timers see it
  Timer rt;           // read deadline timer; arg = this, seq = seq at arming
  Timer wt;           // write deadline timer
  PollDesc* link = nullptr;  // free list (Netpoll's lock)
};

// The epoll instance and the PollDesc cache. Scheduler owns one; the
// goroutine-facing operations are Scheduler members (netpoll.cc), because
// they ready Gs and arm timers.
class Netpoll {
 public:
  Netpoll();  // creates the epoll and eventfd descriptors (fatal on failure)
  ~Netpoll();
  Netpoll(const Netpoll&) = delete;
  Netpoll& operator=(const Netpoll&) = delete;

  // Waits for events for up to `timeout_ns` (0: do not block, < 0: until
  // an event or wake()) and moves the Gs they ready to *out (still
  // Waiting: the caller makes them runnable). Returns whether wake() or a
  // signal ended the wait early. EINTR counts as early.
  bool poll(int64_t timeout_ns, GList* out);
  // Breaks a blocked poll (cf. netpollBreak); coalesced, any thread,
  // not async-signal-safe (it is not called from handlers).
  void wake();
  // Goroutines parked on a descriptor (cf. netpollWaiters).
  int32_t waiters() const { return m_waiters.load(std::memory_order_seq_cst); }
  // The count itself, for the deadline timers that take a waiter off.
  std::atomic<int32_t>& waiter_count() { return m_waiters; }

 private:
  friend class Scheduler;
  int m_epfd = -1;
  int m_eventfd = -1;
  std::atomic<bool> m_wake_pending{false};  // a wake() not yet consumed by a poll
  std::atomic<int32_t> m_waiters{0};
  std::mutex m_free_lock;
  PollDesc* m_free = nullptr;  // m_free_lock
};

// Makes the `arg` for poll_commit: the PollDesc with the mode in bit 0.
inline void* poll_commit_arg(PollDesc* pd, int32_t mode) {
  return reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(pd) | (mode == kPollWrite ? 1u : 0u));
}

}  // namespace gol::sched
