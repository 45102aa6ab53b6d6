// note.h — a one-shot wake-up for a sleeping thread (cf. Go's note,
// notesleep/notewakeup/notetsleep in lock_futex.go).
//
// An idle M sleeps on its note until another thread has work for it. The
// state is one word: 0 (clear) or 1 (woken). wakeup sets 1 and, if the
// sleeper may be blocked, futex-wakes it; sleep waits while the word is 0.
// clear re-arms the note; only the owner clears, and only when no wakeup
// can be in flight (Go's rule: between a sleep that returned and the next
// time the note is published).
//
// Every wait is against an absolute CLOCK_MONOTONIC deadline and loops on
// EINTR and spurious wake-ups: the collector stops the world with signals,
// which interrupt futex waits, and a relative timeout would stretch by the
// pause (STACK.md §3). Rejected: std::condition_variable — it needs a mutex
// around every wake-up and its timed wait is relative under libstdc++.
#pragma once

#include <atomic>
#include <cstdint>

namespace gol::sched {

class Note {
 public:
  // Owner only, when no wakeup is pending.
  void clear() { m_key.store(0, std::memory_order_relaxed); }
  // Any thread. Waking an already woken note is a fatal error, as in Go.
  void wakeup();
  // Owner only: blocks until wakeup.
  void sleep();
  // Owner only: blocks until wakeup or until the monotonic clock reaches
  // `deadline_ns`; returns whether it was woken.
  bool sleep_until(int64_t deadline_ns);
  bool woken() const { return m_key.load(std::memory_order_acquire) != 0; }

 private:
  // 0 clear, 1 woken. wakeup's release store pairs with sleep's acquire
  // load: what the waker wrote before wakeup is visible after sleep.
  std::atomic<uint32_t> m_key{0};
};

// CLOCK_MONOTONIC in nanoseconds.
int64_t monotonic_ns();

}  // namespace gol::sched
