// timer_test.cc — timers on the scheduler (timer.h) with native tasks, on
// 1, 2 and 4 Ps: a goroutine "sleeps" by parking on a timer that readies it;
// timers never run early, run in deadline order on one P, Stop and Reset
// return Go's values, 100,000 timers all run, a periodic timer skips what
// it missed, an idle scheduler wakes for a timer (also one added from a
// thread outside the scheduler, and one earlier than the sleeper's
// deadline), pending timers are no deadlock, timers of a P that a
// GOMAXPROCS change removes still run. Upper time bounds are generous
// sanity checks only (a loaded 2-core machine); lower bounds are exact.
// (scripts/test.sh also runs these under ThreadSanitizer.)
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "sched/proc.h"
#include "sched/timer.h"
#include "tests/sched/native_executor.h"

namespace gol::sched {
namespace {

using testing_support::Body;
using testing_support::NativeExecutor;
using testing_support::sleep_ns;
using testing_support::spin_until;

constexpr int64_t kMs = 1'000'000;

// A goroutine parked on a timer: the timer's callback readies it. The
// timer is armed only once the G is Waiting (the park's unlock), as Go's
// resetForSleep does: armed earlier, it could ready a G still running.
struct Sleep {
  Scheduler* sched = nullptr;
  G* g = nullptr;
  Timer timer;
  int64_t when = 0;
  int64_t fired_at = 0;  // monotonic ns when the callback ran
  std::function<void()> on_fire;

  static void fire(void* arg, uintptr_t, int64_t) {
    auto* s = static_cast<Sleep*>(arg);
    s->fired_at = monotonic_ns();
    if (s->on_fire) s->on_fire();
    s->sched->ready(s->g);
  }
  static bool arm(G*, void* arg) {
    auto* s = static_cast<Sleep*>(arg);
    s->sched->add_timer(&s->timer, s->when, 0);
    return true;
  }
  // The Stop a body returns to sleep until `when`.
  Stop park(Scheduler& sc, G& gr, int64_t until) {
    sched = &sc;
    g = &gr;
    when = until;
    timer.f = fire;
    timer.arg = this;
    Stop s;
    s.kind = Stop::Park;
    s.reason = WaitReason::Sleep;
    s.unlock = arm;
    s.arg = this;
    return s;
  }
};

Stop exit_stop() { return testing_support::stop(Stop::Exit); }

class Timers : public testing::TestWithParam<int32_t> {};

// Many goroutines sleep for different times: each wakes at or after its
// deadline, and with one P the timers run in deadline order.
TEST_P(Timers, SleepersWakeNeverEarly) {
  constexpr int kSleepers = 300;
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  std::vector<Sleep> sleeps(kSleepers);
  std::vector<int64_t> woke(kSleepers, 0);
  std::vector<int> step(kSleepers, 0);
  std::mutex order_mu;
  std::vector<int> order;
  std::atomic<int> done{0};
  std::vector<Body> bodies;
  bodies.reserve(kSleepers);
  std::mt19937 rng(42);
  std::vector<int64_t> delay(kSleepers);
  for (int i = 0; i < kSleepers; i++) delay[static_cast<size_t>(i)] = static_cast<int64_t>(rng() % 40 + 1) * kMs;
  for (int i = 0; i < kSleepers; i++) {
    const auto k = static_cast<size_t>(i);
    sleeps[k].on_fire = [&, i] {
      std::lock_guard<std::mutex> lock(order_mu);
      order.push_back(i);
    };
    bodies.emplace_back([&, k](M&, G& g) {
      if (step[k]++ == 0) return sleeps[k].park(sched, g, monotonic_ns() + delay[k]);
      woke[k] = monotonic_ns();
      if (done.fetch_add(1) + 1 == kSleepers) sched.shutdown(0);
      return exit_stop();
    });
  }
  Body main_body = [&](M&, G&) {
    for (auto& b : bodies) sched.spawn(&b);
    return exit_stop();
  };
  sched.spawn(&main_body);
  EXPECT_EQ(sched.run(), 0);
  ASSERT_EQ(done.load(), kSleepers);
  for (size_t k = 0; k < static_cast<size_t>(kSleepers); k++) {
    EXPECT_GE(sleeps[k].fired_at, sleeps[k].when) << "timer " << k << " ran early";
    EXPECT_GE(woke[k], sleeps[k].when) << "sleeper " << k << " woke early";
  }
  ASSERT_EQ(order.size(), static_cast<size_t>(kSleepers));
  if (GetParam() == 1) {
    // One P, one heap, one M running it: strictly by deadline.
    for (size_t i = 1; i < order.size(); i++) {
      EXPECT_LE(sleeps[static_cast<size_t>(order[i - 1])].when, sleeps[static_cast<size_t>(order[i])].when);
    }
  }
  EXPECT_EQ(sched.timer_count(), 0);
}

// Plain timers (no goroutine waits on them): bookkeeping for the Stop and
// Reset tests.
struct Probe {
  Timer timer;
  std::atomic<int> runs{0};
  std::atomic<int64_t> last_run{0};
  static void fire(void* arg, uintptr_t, int64_t) {
    auto* p = static_cast<Probe*>(arg);
    p->last_run.store(monotonic_ns());
    p->runs.fetch_add(1);
  }
  Probe() {
    timer.f = fire;
    timer.arg = this;
  }
};

// Go's return values: Stop of a pending timer is true and it never runs;
// Stop again, or of a timer that ran, is false; Reset of a pending timer
// is true and moves it; Reset of one that ran is false and arms it again.
TEST_P(Timers, StopAndResetReturnGosValues) {
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  Probe stopped, ran, moved, rearmed;
  Sleep nap;
  int step = 0;
  int64_t moved_to = 0;
  int64_t rearmed_to = 0;
  std::vector<bool> results;
  Body body = [&](M&, G& g) {
    const int64_t now = monotonic_ns();
    switch (step++) {
      case 0:
        sched.add_timer(&stopped.timer, now + 30 * kMs, 0);
        sched.add_timer(&ran.timer, now + 1 * kMs, 0);
        sched.add_timer(&moved.timer, now + 5 * kMs, 0);
        sched.add_timer(&rearmed.timer, now + 1 * kMs, 0);
        results.push_back(sched.stop_timer(&stopped.timer));  // true
        results.push_back(sched.stop_timer(&stopped.timer));  // false: already stopped
        moved_to = now + 60 * kMs;
        results.push_back(sched.reset_timer(&moved.timer, moved_to, 0));  // true: was pending
        return nap.park(sched, g, now + 20 * kMs);
      case 1:
        results.push_back(sched.stop_timer(&ran.timer));  // false: it ran
        rearmed_to = now + 10 * kMs;
        results.push_back(sched.reset_timer(&rearmed.timer, rearmed_to, 0));  // false: it ran
        return nap.park(sched, g, now + 100 * kMs);
      default:
        sched.shutdown(0);
        return exit_stop();
    }
  };
  sched.spawn(&body);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_EQ(results, (std::vector<bool>{true, false, true, false, false}));
  EXPECT_EQ(stopped.runs.load(), 0);
  EXPECT_EQ(ran.runs.load(), 1);
  EXPECT_EQ(moved.runs.load(), 1);
  EXPECT_GE(moved.last_run.load(), moved_to);
  EXPECT_EQ(rearmed.runs.load(), 2);
  EXPECT_GE(rearmed.last_run.load(), rearmed_to);
  EXPECT_EQ(sched.timer_count(), 0);
}

// 100,000 timers over 200 ms, armed from one goroutine: every one runs
// once, none early, and the last one ends the scheduler.
TEST_P(Timers, AHundredThousandTimersAllRun) {
  constexpr int kTimers = 100'000;
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  struct Counted {
    Timer timer;
    int64_t when = 0;
    std::atomic<int> runs{0};
    std::atomic<bool> early{false};
  };
  std::vector<Counted> timers(kTimers);
  std::atomic<int> fired{0};
  struct Ctx {
    Scheduler* sched;
    std::atomic<int>* fired;
  } ctx{&sched, &fired};
  static Ctx* s_ctx;
  s_ctx = &ctx;
  std::mt19937 rng(7);
  Body body = [&](M&, G&) {
    const int64_t now = monotonic_ns();
    for (auto& c : timers) {
      c.when = now + static_cast<int64_t>(rng() % 200'000) * 1000;
      c.timer.arg = &c;
      c.timer.f = [](void* arg, uintptr_t, int64_t) {
        auto* t = static_cast<Counted*>(arg);
        if (monotonic_ns() < t->when) t->early.store(true);
        t->runs.fetch_add(1);
        if (s_ctx->fired->fetch_add(1) + 1 == kTimers) s_ctx->sched->shutdown(0);
      };
      sched.add_timer(&c.timer, c.when, 0);
    }
    return exit_stop();
  };
  sched.spawn(&body);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_EQ(fired.load(), kTimers);
  for (size_t i = 0; i < timers.size(); i++) {
    ASSERT_EQ(timers[i].runs.load(), 1) << "timer " << i;
    ASSERT_FALSE(timers[i].early.load()) << "timer " << i << " ran early";
  }
}

// A periodic timer runs every period, never before when + k*period, and
// skips the periods it missed rather than running them in a burst.
TEST_P(Timers, PeriodicTimerTicksAndStops) {
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  constexpr int64_t kPeriod = 5 * kMs;
  Probe tick;
  Sleep nap;
  int step = 0;
  int64_t start = 0;
  int runs_at_stop = 0;
  bool stop_result = false;
  Body body = [&](M&, G& g) {
    if (step++ == 0) {
      start = monotonic_ns();
      sched.add_timer(&tick.timer, start + kPeriod, kPeriod);
      return nap.park(sched, g, start + 100 * kMs);
    }
    stop_result = sched.stop_timer(&tick.timer);
    runs_at_stop = tick.runs.load();
    sched.shutdown(0);
    return exit_stop();
  };
  sched.spawn(&body);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_TRUE(stop_result);
  // At most one run per elapsed period (a late run skips), at least one.
  const int64_t elapsed = nap.fired_at - start;
  EXPECT_GE(runs_at_stop, 1);
  EXPECT_LE(runs_at_stop, elapsed / kPeriod + 1);
  EXPECT_EQ(tick.runs.load(), runs_at_stop);
}

// Only a timer can wake anyone: the scheduler must not report a deadlock
// (NativeExecutor ends the process if it does) and must wake for it.
TEST_P(Timers, IdleSchedulerWakesForATimer) {
  NativeExecutor exec;  // may_wake() is false
  Scheduler sched(exec, GetParam());
  Sleep nap;
  int step = 0;
  int64_t asked = 0;
  int64_t woke = 0;
  Body body = [&](M&, G& g) {
    if (step++ == 0) {
      asked = monotonic_ns() + 50 * kMs;
      return nap.park(sched, g, asked);
    }
    woke = monotonic_ns();
    sched.shutdown(0);
    return exit_stop();
  };
  sched.spawn(&body);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_GE(woke, asked);
  EXPECT_LT(woke - asked, 10'000 * kMs);  // sanity only
}

// A goroutine sleeps for 10 s; a thread outside the scheduler then adds a
// timer due in 20 ms: the sleeping M must wake early for it, not at 10 s.
TEST_P(Timers, EarlierTimerWakesTheSleepingM) {
  NativeExecutor exec;
  exec.wake_possible.store(true);  // the outside thread
  Scheduler sched(exec, GetParam());
  Sleep nap;
  int step = 0;
  std::atomic<bool> parked{false};
  Body body = [&](M&, G& g) {
    if (step++ == 0) {
      parked.store(true);
      return nap.park(sched, g, monotonic_ns() + 10'000 * kMs);
    }
    return exit_stop();
  };
  Probe soon;
  soon.timer.f = [](void* arg, uintptr_t, int64_t) { static_cast<Scheduler*>(arg)->shutdown(0); };
  soon.timer.arg = &sched;
  int64_t added = 0;
  std::thread outside([&] {
    ASSERT_TRUE(spin_until([&] { return parked.load(); }));
    sleep_ns(20 * kMs);  // let the M go to sleep until 10 s
    added = monotonic_ns();
    sched.add_timer(&soon.timer, added + 20 * kMs, 0);
  });
  sched.spawn(&body);
  const int64_t start = monotonic_ns();
  EXPECT_EQ(sched.run(), 0);
  outside.join();
  const int64_t ended = monotonic_ns();
  EXPECT_GE(ended, added + 20 * kMs);
  EXPECT_LT(ended - start, 5'000 * kMs);  // far below the 10 s sleep
}

// A thread outside the scheduler adds a timer while every M is idle with
// no timer pending (nobody is the timer sleeper): it must still run.
TEST_P(Timers, TimerAddedFromOutsideWhileAllIdle) {
  NativeExecutor exec;
  exec.wake_possible.store(true);
  Scheduler sched(exec, GetParam());
  std::atomic<bool> parked{false};
  Body body = [&](M&, G&) {
    parked.store(true);
    Stop s;
    s.kind = Stop::Park;  // forever: only shutdown ends the test
    s.reason = WaitReason::ChanReceive;
    return s;
  };
  Probe later;
  later.timer.f = [](void* arg, uintptr_t, int64_t) { static_cast<Scheduler*>(arg)->shutdown(0); };
  later.timer.arg = &sched;
  std::thread outside([&] {
    ASSERT_TRUE(spin_until([&] { return parked.load(); }));
    sleep_ns(20 * kMs);
    sched.add_timer(&later.timer, monotonic_ns() + 10 * kMs, 0);
  });
  sched.spawn(&body);
  EXPECT_EQ(sched.run(), 0);
  outside.join();
}

// Timers armed on the Ps that a GOMAXPROCS change removes move to P0 and
// still run.
TEST_P(Timers, TimersOfRemovedPsStillRun) {
  constexpr int kTimers = 1000;
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  std::vector<Probe> probes(kTimers);
  std::atomic<int> armed{0};
  std::atomic<bool> resized{false};
  Sleep nap;
  int step = 0;
  std::vector<Body> armers;
  constexpr int kArmers = 8;
  armers.reserve(kArmers);
  for (int a = 0; a < kArmers; a++) {
    armers.emplace_back([&, a](M&, G&) {
      const int64_t when = monotonic_ns() + 30 * kMs;
      for (int i = a; i < kTimers; i += kArmers) sched.add_timer(&probes[static_cast<size_t>(i)].timer, when, 0);
      armed.fetch_add(1);
      return exit_stop();
    });
  }
  Body main_body = [&](M&, G& g) {
    switch (step++) {
      case 0:
        for (auto& b : armers) sched.spawn(&b);
        return testing_support::stop(Stop::Yield);
      case 1:
        if (armed.load() < kArmers) {
          step = 1;
          return testing_support::stop(Stop::Yield);
        }
        sched.set_procs(1);
        resized.store(true);
        return nap.park(sched, g, monotonic_ns() + 100 * kMs);
      default:
        sched.shutdown(0);
        return exit_stop();
    }
  };
  sched.spawn(&main_body);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_TRUE(resized.load());
  for (size_t i = 0; i < probes.size(); i++) ASSERT_EQ(probes[i].runs.load(), 1) << "timer " << i;
}

INSTANTIATE_TEST_SUITE_P(Sched, Timers, testing::Values(1, 2, 4),
                         [](const testing::TestParamInfo<int32_t>& info) { return "P" + std::to_string(info.param); });

}  // namespace
}  // namespace gol::sched
