// sysmon_test.cc — sysmon's two jobs with native tasks: a goroutine that
// never yields on its own is preempted through SIGURG (so others run, on
// one P too), and a P left in a blocking system call is retaken and handed
// to another M; exit_syscall's paths (own P, another idle P, none: LostP),
// stop-the-world with Gs in system calls, and the G bookkeeping (gcount,
// all_gs, parent_goid). (scripts/test.sh also runs these under TSan.)
#include <gtest/gtest.h>
#include <time.h>

#include <atomic>
#include <cerrno>
#include <vector>

#include "sched/proc.h"
#include "tests/sched/native_executor.h"

namespace gol::sched {
namespace {

using testing_support::Body;
using testing_support::NativeExecutor;
using testing_support::spin_until;
using testing_support::sleep_ns;
using testing_support::stop;

class SysmonProcs : public testing::TestWithParam<int32_t> {};

std::string procs_name(const testing::TestParamInfo<int32_t>& info) { return "P" + std::to_string(info.param); }

// As many spinners as Ps, queued ahead of one more goroutine: only
// preemption lets that one run, and a spinner leaves only once preempted.
TEST_P(SysmonProcs, SpinningGoroutinesArePreemptedThroughSigurg) {
  const int32_t procs = GetParam();
  NativeExecutor exec;
  Scheduler sched(exec, procs);
  std::atomic<bool> other_ran{false};
  std::atomic<int> left{procs + 1};
  std::atomic<bool> timed_out{false};
  auto finish = [&] {
    if (left.fetch_sub(1, std::memory_order_acq_rel) == 1) sched.shutdown(0);
  };
  std::vector<Body> spinners;
  std::vector<int> preempted(static_cast<size_t>(procs), 0);
  for (int32_t i = 0; i < procs; i++) {
    spinners.emplace_back([&, i](M& m, G& g) {
      if (preempted[static_cast<size_t>(i)] > 0 && other_ran.load(std::memory_order_acquire)) {
        finish();
        return stop(Stop::Exit);
      }
      if (!spin_until([&] { return exec.safe_point(m, g); })) {
        timed_out.store(true);
        finish();
        return stop(Stop::Exit);
      }
      preempted[static_cast<size_t>(i)]++;
      return stop(Stop::Yield);
    });
  }
  Body other = [&](M&, G&) {
    other_ran.store(true, std::memory_order_release);
    finish();
    return stop(Stop::Exit);
  };
  for (auto& b : spinners) sched.spawn(&b);
  sched.spawn(&other);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_FALSE(timed_out.load()) << "a spinner was never preempted";
  EXPECT_TRUE(other_ran.load());
  EXPECT_GE(exec.signal_preempts.load(), static_cast<uint64_t>(procs));
}

// One P, whose G blocks in a call: sysmon retakes the P and another M runs
// the other G, which holds the P until the call returns — so exit_syscall
// finds no P and the G resumes later, elsewhere, through Stop::LostP.
TEST(Syscall, AGoroutineThatLostItsPResumesOnAnotherM) {
  NativeExecutor exec;
  Scheduler sched(exec, 1);
  std::atomic<bool> other_started{false}, exited{false};
  std::atomic<int> exit_result{-1};
  M* syscall_m = nullptr;
  M* resumed_m = nullptr;
  int runs = 0;
  Body blocker = [&](M& m, G&) {
    if (runs++ == 0) {
      syscall_m = &m;
      sched.enter_syscall();
      sleep_ns(50'000'000);
      spin_until([&] { return other_started.load(std::memory_order_acquire); });
      const bool got_p = sched.exit_syscall();
      exit_result.store(got_p ? 1 : 0);
      exited.store(true, std::memory_order_release);
      if (!got_p) return stop(Stop::LostP);
    }
    resumed_m = &m;
    sched.shutdown(0);
    return stop(Stop::Exit);
  };
  Body other = [&](M&, G&) {
    other_started.store(true, std::memory_order_release);
    spin_until([&] { return exited.load(std::memory_order_acquire); });
    return stop(Stop::Exit);
  };
  sched.spawn(&blocker);
  sched.spawn(&other);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_TRUE(other_started.load());
  EXPECT_EQ(exit_result.load(), 0) << "the only P was another M's: exit_syscall must fail";
  EXPECT_EQ(runs, 2);
  EXPECT_NE(resumed_m, syscall_m);
  EXPECT_EQ(sched.gcount(), 0);
}

// The other G runs while the call blocks (on one P only because sysmon
// retook it); by the time the call returns a P is idle again, so
// exit_syscall succeeds and the G goes on without stopping.
TEST_P(SysmonProcs, OthersRunWhileAGoroutineBlocksInACall) {
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  std::atomic<bool> in_call{false}, other_ran_during_call{false}, other_done{false};
  std::atomic<int> exit_result{-1};
  Body blocker = [&](M&, G&) {
    if (exit_result.load() != -1) {  // back after a Stop::LostP (a failure below)
      sched.shutdown(0);
      return stop(Stop::Exit);
    }
    sched.enter_syscall();
    in_call.store(true, std::memory_order_release);
    sleep_ns(50'000'000);
    spin_until([&] { return other_done.load(std::memory_order_acquire) && sched.idle_procs() > 0; });
    in_call.store(false, std::memory_order_release);
    const bool got_p = sched.exit_syscall();
    exit_result.store(got_p ? 1 : 0);
    if (!got_p) return stop(Stop::LostP);
    sched.shutdown(0);
    return stop(Stop::Exit);
  };
  Body other = [&](M&, G&) {
    spin_until([&] { return in_call.load(std::memory_order_acquire); });
    other_ran_during_call.store(in_call.load(std::memory_order_acquire));
    other_done.store(true, std::memory_order_release);
    return stop(Stop::Exit);
  };
  sched.spawn(&blocker);
  sched.spawn(&other);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_TRUE(other_ran_during_call.load());
  EXPECT_EQ(exit_result.load(), 1);
}

// Many short and some longer calls from many Gs: every exit path races
// with sysmon's retake and with other Ms; nothing is lost or run twice.
TEST_P(SysmonProcs, ManySystemCallsAllComplete) {
  constexpr int kGs = 16;
  constexpr int kCalls = 300;
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  std::atomic<int> finished{0};
  std::atomic<int> fast{0}, lost{0};
  std::vector<int> done_calls(kGs, 0);
  std::vector<Body> bodies;
  for (int i = 0; i < kGs; i++) {
    bodies.emplace_back([&, i](M&, G&) {
      int& n = done_calls[static_cast<size_t>(i)];
      while (n < kCalls) {
        sched.enter_syscall();
        if (n % 50 == 0) sleep_ns(200'000);  // long enough for sysmon to retake
        n++;
        if (!sched.exit_syscall()) {
          lost.fetch_add(1, std::memory_order_relaxed);
          return stop(Stop::LostP);
        }
        fast.fetch_add(1, std::memory_order_relaxed);
        if (n % 7 == 0) return stop(Stop::Yield);
      }
      if (finished.fetch_add(1, std::memory_order_acq_rel) + 1 == kGs) sched.shutdown(0);
      return stop(Stop::Exit);
    });
  }
  for (auto& b : bodies) sched.spawn(&b);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_EQ(finished.load(), kGs);
  for (int n : done_calls) EXPECT_EQ(n, kCalls);
  EXPECT_EQ(fast.load() + lost.load(), kGs * kCalls);
  EXPECT_GT(fast.load(), 0);
}

// GOMAXPROCS changes again and again while a G sits in a call: the stop-
// the-world takes the P parked in Syscall instead of waiting for its M.
TEST_P(SysmonProcs, GomaxprocsChangesWhileAGoroutineIsInACall) {
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  std::atomic<bool> in_call{false}, resized{false}, call_done{false};
  Body blocker = [&](M&, G&) {
    if (!in_call.load()) {
      sched.enter_syscall();
      in_call.store(true, std::memory_order_release);
      spin_until([&] { return resized.load(std::memory_order_acquire); });
      if (!sched.exit_syscall()) return stop(Stop::LostP);
    }
    call_done.store(true, std::memory_order_release);
    return stop(Stop::Exit);
  };
  Body resizer = [&](M&, G&) {
    if (!resized.load()) {
      spin_until([&] { return in_call.load(std::memory_order_acquire); });
      for (int i = 0; i < 20; i++) sched.set_procs(1 + (i % 3));
      sched.set_procs(GetParam());
      resized.store(true, std::memory_order_release);
    }
    if (!call_done.load(std::memory_order_acquire)) return stop(Stop::Yield);
    sched.shutdown(5);
    return stop(Stop::Exit);
  };
  sched.spawn(&blocker);
  sched.spawn(&resizer);
  EXPECT_EQ(sched.run(), 5);
  EXPECT_TRUE(call_done.load());
  EXPECT_EQ(sched.procs(), GetParam());
}

INSTANTIATE_TEST_SUITE_P(Sysmon, SysmonProcs, testing::Values(1, 2, 4), procs_name);

TEST(Goroutines, CountRecordsAndParents) {
  NativeExecutor exec;
  Scheduler sched(exec, 1);
  std::vector<G*> children;
  int32_t count_inside = -1;
  int64_t main_goid = 0;
  int children_left = 3;
  Body child = [&](M&, G&) {
    if (--children_left == 0) sched.shutdown(0);
    return stop(Stop::Exit);
  };
  Body main_body = [&](M&, G& g) {
    main_goid = g.goid;
    for (int i = 0; i < 3; i++) children.push_back(sched.spawn(&child));
    count_inside = sched.gcount();  // one P: the children wait for this G
    return stop(Stop::Exit);
  };
  G* main_g = sched.spawn(&main_body);
  EXPECT_EQ(sched.gcount(), 1);
  EXPECT_EQ(main_g->parent_goid, 0);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_EQ(count_inside, 4);
  EXPECT_EQ(sched.gcount(), 0);
  for (G* c : children) EXPECT_EQ(c->parent_goid, main_goid);
  const std::vector<G*> all = sched.all_gs();
  EXPECT_GE(all.size(), 2u);  // dead Gs are reused: at least main and one child's record
  for (G* g : all) EXPECT_EQ(g->status.load(), GStatus::Dead);
}

TEST(Goroutines, WaitReasonsAreGosSpelling) {
  EXPECT_STREQ(wait_reason_name(WaitReason::None), "");
  EXPECT_STREQ(wait_reason_name(WaitReason::ChanReceive), "chan receive");
  EXPECT_STREQ(wait_reason_name(WaitReason::ChanSendNilChan), "chan send (nil chan)");
  EXPECT_STREQ(wait_reason_name(WaitReason::SelectNoCases), "select (no cases)");
  EXPECT_STREQ(wait_reason_name(WaitReason::WaitGroupWait), "sync.WaitGroup.Wait");
  EXPECT_STREQ(wait_reason_name(WaitReason::RWMutexRLock), "sync.RWMutex.RLock");
  EXPECT_STREQ(wait_reason_name(WaitReason::IOWait), "IO wait");
}

}  // namespace
}  // namespace gol::sched
