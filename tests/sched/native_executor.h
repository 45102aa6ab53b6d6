// native_executor.h — an Executor for scheduler tests whose goroutines are
// C++ functions, with what the VM provides stood in for: a per-M eval
// breaker that preempt() sets (the VM's safe-point word), a may_wake()
// switch, and a deadlock() hook that ends the process or, on request,
// returns (the REPL's way).
//
// A task is a Body called each time its G runs; it returns why the G
// stops. A spinning task simulates the VM's safe point with safe_point():
// it consumes the M's breaker and reports whether the G was asked to yield.
#pragma once

#include <time.h>

#include <array>
#include <cerrno>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <mutex>
#include <vector>

#include "sched/fatal.h"
#include "sched/proc.h"

namespace gol::sched::testing_support {

using Body = std::function<Stop(M&, G&)>;

inline Stop stop(Stop::Kind kind, WaitReason reason = WaitReason::None) {
  Stop s;
  s.kind = kind;
  s.reason = reason;
  return s;
}

class NativeExecutor : public Executor {
 public:
  static constexpr size_t kMaxMs = 64;

  ~NativeExecutor() override {
    for (void* p : m_records) std::free(p);
  }
  Stop run(M& m, G& g) override { return (*static_cast<Body*>(g.task))(m, g); }
  // Called by set_procs from the stopping thread, by exit_syscall on the
  // M's own thread during a stop-the-world, and by the SIGURG handler on
  // the M's own thread: the tests that count signal_preempts have neither
  // of the first two on the M's thread, so "own thread" means the handler.
  void preempt(M& m) override {
    breaker(m).store(true, std::memory_order_relaxed);
    if (Scheduler::current_m() == &m) signal_preempts.fetch_add(1, std::memory_order_relaxed);
  }
  bool may_wake() override { return wake_possible.load(std::memory_order_acquire); }
  void deadlock() override {
    deadlocks.fetch_add(1, std::memory_order_relaxed);
    if (on_deadlock) on_deadlock();
    if (deadlock_returns.load(std::memory_order_acquire)) return;
    std::fprintf(stderr, "unexpected deadlock report\n");
    std::_Exit(1);
  }
  void thread_started(M&) override {}
  void thread_stopping(M&) override {}
  void* alloc_record(size_t bytes) override {
    void* p = std::calloc(1, bytes);
    std::lock_guard<std::mutex> lock(m_mu);
    m_records.push_back(p);
    return p;
  }

  std::atomic<bool>& breaker(M& m) {
    if (static_cast<size_t>(m.id) >= kMaxMs) fatal("test executor: too many Ms");
    return m_breakers[static_cast<size_t>(m.id)];
  }
  // The VM's safe point: true if the G running on m must yield now.
  bool safe_point(M& m, G& g) {
    if (!breaker(m).exchange(false, std::memory_order_relaxed)) return false;
    return g.preempt.exchange(false, std::memory_order_acq_rel);
  }

  std::atomic<uint64_t> signal_preempts{0};
  std::atomic<bool> wake_possible{false};
  std::atomic<int> deadlocks{0};
  // set before run(); unless deadlock_returns, it must not return to be useful
  std::function<void()> on_deadlock;
  // deadlock() returns after on_deadlock (as the REPL's executor does).
  std::atomic<bool> deadlock_returns{false};

 private:
  std::array<std::atomic<bool>, kMaxMs> m_breakers{};
  std::mutex m_mu;
  std::vector<void*> m_records;
};

// A blocking call for a simulated system call: the thread sleeps until an
// absolute deadline (a collection's signals must not stretch it).
inline void sleep_ns(int64_t ns) {
  const int64_t deadline = monotonic_ns() + ns;
  const timespec ts{static_cast<time_t>(deadline / 1'000'000'000), static_cast<long>(deadline % 1'000'000'000)};
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) {
  }
}

// Spins (simulated time passing) until pred() or the deadline; false on timeout.
template <class Pred>
bool spin_until(Pred pred, int64_t timeout_ns = 30'000'000'000) {
  const int64_t deadline = monotonic_ns() + timeout_ns;
  while (!pred()) {
    if (monotonic_ns() > deadline) return false;
  }
  return true;
}

}  // namespace gol::sched::testing_support
