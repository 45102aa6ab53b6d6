// proc_test.cc — the scheduler with native tasks, for 1, 2, 4 and 8 Ps:
// a million short goroutines all run exactly once, idle Ps steal, yielding
// goroutines share one P fairly, GOMAXPROCS changes while work runs.
// (scripts/test.sh also runs these under ThreadSanitizer.)
#include "sched/proc.h"
#include "tests/sched/native_executor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace gol::sched {
namespace {

// A task is a function called each time its G runs; it says how the G stops.
using Body = std::function<Stop::Kind(G&)>;

// The shared test executor, with this file's simpler task signature.
class TestExecutor : public testing_support::NativeExecutor {
 public:
  Stop run(M&, G& g) override {
    Stop s;
    s.kind = (*static_cast<Body*>(g.task))(g);
    return s;
  }
};

class Procs : public testing::TestWithParam<int32_t> {};

TEST_P(Procs, AMillionShortGoroutinesEachRunOnce) {
  constexpr int kTasks = 1'000'000;
  TestExecutor exec;
  Scheduler sched(exec, GetParam());
  std::vector<std::atomic<uint8_t>> runs(kTasks);
  std::atomic<int> finished{0};
  std::vector<Body> bodies;
  bodies.reserve(kTasks);
  for (int i = 0; i < kTasks; i++) {
    bodies.emplace_back([&, i](G&) {
      runs[static_cast<size_t>(i)].fetch_add(1, std::memory_order_relaxed);
      if (finished.fetch_add(1, std::memory_order_acq_rel) + 1 == kTasks) sched.shutdown(0);
      return Stop::Exit;
    });
  }
  // A main goroutine spawns them all from its P, so the others must steal.
  Body main_body = [&](G&) {
    for (int i = 0; i < kTasks; i++) sched.spawn(&bodies[static_cast<size_t>(i)]);
    return Stop::Exit;
  };
  sched.spawn(&main_body);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_EQ(finished.load(), kTasks);
  for (int i = 0; i < kTasks; i++) {
    ASSERT_EQ(runs[static_cast<size_t>(i)].load(), 1) << "task " << i;
  }
  EXPECT_EQ(sched.goroutines_started(), kTasks + 1);
}

// The first goroutine to run occupies its P until a goroutine ran on another
// M; the rest sit in that P's local queue (fewer than 256: nothing reaches
// the global queue), so only stealing can get them to another M.
TEST_P(Procs, IdlePsStealFromABusyOne) {
  if (GetParam() == 1) GTEST_SKIP() << "stealing needs a second P";
  constexpr int kTasks = 100;
  TestExecutor exec;
  Scheduler sched(exec, GetParam());
  std::atomic<int> finished{0};
  std::atomic<M*> first_m{nullptr};
  std::atomic<bool> ran_elsewhere{false};
  std::vector<Body> bodies;
  bodies.reserve(kTasks);
  for (int i = 0; i < kTasks; i++) {
    bodies.emplace_back([&](G&) {
      M* me = Scheduler::current_m();
      M* expected = nullptr;
      if (first_m.compare_exchange_strong(expected, me)) {
        const int64_t deadline = monotonic_ns() + 20'000'000'000;  // generous: a loaded machine
        while (!ran_elsewhere.load(std::memory_order_acquire) && monotonic_ns() < deadline) {
        }
      } else if (me != first_m.load()) {
        ran_elsewhere.store(true, std::memory_order_release);
      }
      if (finished.fetch_add(1, std::memory_order_acq_rel) + 1 == kTasks) sched.shutdown(0);
      return Stop::Exit;
    });
  }
  Body main_body = [&](G&) {
    for (auto& b : bodies) sched.spawn(&b);
    return Stop::Exit;
  };
  sched.spawn(&main_body);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_EQ(finished.load(), kTasks);
  EXPECT_TRUE(ran_elsewhere.load());
  EXPECT_GT(sched.steals(), 0u);
}

TEST_P(Procs, GomaxprocsChangesWhileGoroutinesRun) {
  constexpr int kTasks = 20'000;
  constexpr int kYields = 3;
  TestExecutor exec;
  Scheduler sched(exec, GetParam());
  std::atomic<int> finished{0};
  std::vector<int> yields(kTasks, 0);
  std::vector<Body> bodies;
  bodies.reserve(kTasks);
  for (int i = 0; i < kTasks; i++) {
    bodies.emplace_back([&, i](G&) {
      if (yields[static_cast<size_t>(i)]++ < kYields) return Stop::Yield;
      finished.fetch_add(1, std::memory_order_acq_rel);
      return Stop::Exit;
    });
  }
  int phase = 0;
  const int32_t sizes[] = {1, 8, 2, 4, 3, GetParam()};
  Body main_body = [&](G&) {
    // Spawn a share, resize, let others run, repeat; then wait for the rest.
    if (phase < 6) {
      for (int i = phase * kTasks / 6; i < (phase + 1) * kTasks / 6; i++) sched.spawn(&bodies[static_cast<size_t>(i)]);
      sched.set_procs(sizes[phase]);
      EXPECT_EQ(sched.procs(), sizes[phase]);
      phase++;
      return Stop::Yield;
    }
    if (finished.load(std::memory_order_acquire) < kTasks) return Stop::Yield;
    sched.shutdown(7);
    return Stop::Exit;
  };
  sched.spawn(&main_body);
  EXPECT_EQ(sched.run(), 7);
  EXPECT_EQ(finished.load(), kTasks);
  EXPECT_EQ(sched.procs(), GetParam());
}

INSTANTIATE_TEST_SUITE_P(Sched, Procs, testing::Values(1, 2, 4, 8),
                         [](const testing::TestParamInfo<int32_t>& info) {
                           return "P" + std::to_string(info.param);
                         });

TEST(Sched, YieldingGoroutinesTakeTurnsOnOneP) {
  TestExecutor exec;
  Scheduler sched(exec, 1);
  std::vector<int> log;  // one P: only one G runs at a time
  int left = 2;
  auto make = [&](int id) {
    return Body([&, id, n = 0](G&) mutable {
      log.push_back(id);
      if (++n < 100) return Stop::Yield;
      if (--left == 0) sched.shutdown(0);
      return Stop::Exit;
    });
  };
  Body a = make(1), b = make(2);
  sched.spawn(&a);
  sched.spawn(&b);
  EXPECT_EQ(sched.run(), 0);
  ASSERT_EQ(log.size(), 200u);
  // Fair: neither runs more than twice in a row.
  int run = 1;
  for (size_t i = 1; i < log.size(); i++) {
    run = log[i] == log[i - 1] ? run + 1 : 1;
    EXPECT_LE(run, 2) << "at " << i;
  }
}

TEST(Sched, ParkedGoroutineRunsAgainWhenReadied) {
  TestExecutor exec;
  Scheduler sched(exec, 2);
  std::atomic<G*> parked{nullptr};
  std::atomic<int> steps{0};
  Body sleeper = [&](G&) {
    if (steps.fetch_add(1) == 0) return Stop::Park;  // parked until readied
    sched.shutdown(3);
    return Stop::Exit;
  };
  Body waker = [&](G&) {
    G* g = parked.load();
    if (g == nullptr || g->status.load() != GStatus::Waiting) return Stop::Yield;
    sched.ready(g);
    return Stop::Exit;
  };
  parked.store(sched.spawn(&sleeper));
  sched.spawn(&waker);
  EXPECT_EQ(sched.run(), 3);
  EXPECT_EQ(steps.load(), 2);
}

}  // namespace
}  // namespace gol::sched
