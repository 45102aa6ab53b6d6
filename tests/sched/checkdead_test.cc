// checkdead_test.cc — deadlock detection (cf. Go's checkdead): with every G
// waiting and nothing that could wake one, the last M to go idle calls
// Executor::deadlock() exactly once; no report while something outside the
// run queues may still ready a G (may_wake), nor while an M is in a system
// call; a deadlock() that returns (the REPL's) is called again for a later
// deadlock. deadlock() may end the process, so reporting scenarios run in a forked
// child (as g_test does for fatal paths: no death tests in a threaded
// runtime); the others run here, where a report ends the test process.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <functional>
#include <string>
#include <thread>

#include "sched/proc.h"
#include "tests/sched/native_executor.h"

namespace gol::sched {
namespace {

using testing_support::Body;
using testing_support::NativeExecutor;
using testing_support::spin_until;
using testing_support::sleep_ns;
using testing_support::stop;

struct ChildResult {
  std::string out;  // what the child wrote to its pipe
  int exit_code = -1;
  bool timed_out = false;
};

// Runs scenario(fd) in a child process, which writes its findings to fd.
// A child still running after the timeout is killed (a missed report would
// otherwise hang it forever).
ChildResult run_in_child(const std::function<void(int fd)>& scenario, int timeout_ms = 30'000) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    scenario(fds[1]);
    _exit(0);
  }
  close(fds[1]);
  ChildResult result;
  const int64_t deadline = monotonic_ns() + static_cast<int64_t>(timeout_ms) * 1'000'000;
  for (;;) {
    const int64_t left_ms = (deadline - monotonic_ns()) / 1'000'000;
    if (left_ms <= 0) {
      result.timed_out = true;
      kill(pid, SIGKILL);
      break;
    }
    pollfd pfd{fds[0], POLLIN, 0};
    if (poll(&pfd, 1, static_cast<int>(left_ms)) <= 0) continue;
    char buf[64];
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the child exited
    result.out.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

void write_str(int fd, const std::string& s) { (void)!write(fd, s.data(), s.size()); }

class CheckdeadProcs : public testing::TestWithParam<int32_t> {};

// Two Gs wait on something nobody will ever do, a third finishes: the last
// M to go idle reports, once; the waiting Gs carry their wait reason.
TEST_P(CheckdeadProcs, EveryGoroutineAsleepIsReportedOnce) {
  const int32_t procs = GetParam();
  const ChildResult r = run_in_child([procs](int fd) {
    NativeExecutor exec;
    Scheduler sched(exec, procs);
    exec.on_deadlock = [&] {
      int receiving = 0;
      for (G* g : sched.all_gs()) {
        if (g->status.load() == GStatus::Waiting && g->wait_reason == WaitReason::ChanReceive) receiving++;
      }
      write_str(fd, "deadlock receiving=" + std::to_string(receiving) + "\n");
      sleep_ns(100'000'000);  // time for a second report, which must not come
      _exit(0);
    };
    Body parker = [](M&, G&) { return stop(Stop::Park, WaitReason::ChanReceive); };
    Body finisher = [](M&, G&) { return stop(Stop::Exit); };
    sched.spawn(&parker);
    sched.spawn(&finisher);
    sched.spawn(&parker);
    sched.run();
    write_str(fd, "run returned\n");
    _exit(3);
  });
  EXPECT_FALSE(r.timed_out) << "no deadlock report";
  EXPECT_EQ(r.out, "deadlock receiving=2\n");
  EXPECT_EQ(r.exit_code, 0);
}

// The REPL's executor: deadlock() returns and the scheduler goes on, every
// M idle. When another thread readies the waiting G and it waits again,
// that is a new deadlock, reported again (once each time).
TEST_P(CheckdeadProcs, AReturningReportIsMadeAgainForEachLaterDeadlock) {
  const int32_t procs = GetParam();
  const ChildResult r = run_in_child([procs](int fd) {
    NativeExecutor exec;
    exec.deadlock_returns.store(true);
    Scheduler sched(exec, procs);
    std::atomic<int> runs{0};
    std::atomic<int> reported{0};
    exec.on_deadlock = [&] {
      write_str(fd, "deadlock runs=" + std::to_string(runs.load()) + "\n");
      if (reported.fetch_add(1) + 1 == 3) sched.shutdown(5);
    };
    Body parker = [&](M&, G&) {
      runs.fetch_add(1);
      return stop(Stop::Park, WaitReason::ChanReceive);
    };
    G* g = sched.spawn(&parker);
    std::thread waker([&] {
      for (int i = 1; i <= 2; i++) {
        if (!spin_until([&] { return reported.load() == i; })) {
          write_str(fd, "no report " + std::to_string(i) + " runs=" + std::to_string(runs.load()) + " status=" +
                            std::to_string(static_cast<int>(g->status.load())) + "\n");
          _exit(4);
        }
        sched.ready(g);
      }
    });
    const int code = sched.run();
    waker.join();
    write_str(fd, "run returned " + std::to_string(code) + "\n");
    _exit(0);
  });
  EXPECT_FALSE(r.timed_out) << r.out;
  EXPECT_EQ(r.out, "deadlock runs=1\ndeadlock runs=2\ndeadlock runs=3\nrun returned 5\n");
  EXPECT_EQ(r.exit_code, 0);
}

// Main called Goexit, say: no goroutine is left and nobody ended the
// program. Go reports that too ("no goroutines ... - deadlock!").
TEST(Checkdead, NoGoroutineLeftWithoutShutdownIsReported) {
  const ChildResult r = run_in_child([](int fd) {
    NativeExecutor exec;
    Scheduler sched(exec, 2);
    exec.on_deadlock = [&] {
      write_str(fd, "deadlock gcount=" + std::to_string(sched.gcount()) + "\n");
      _exit(0);
    };
    Body finisher = [](M&, G&) { return stop(Stop::Exit); };
    sched.spawn(&finisher);
    sched.run();
    write_str(fd, "run returned\n");
    _exit(3);
  });
  EXPECT_FALSE(r.timed_out) << "no report";
  EXPECT_EQ(r.out, "deadlock gcount=0\n");
  EXPECT_EQ(r.exit_code, 0);
}

// A G waits until a timer-like thread outside the scheduler readies it
// 100 ms later; meanwhile every M is idle, but may_wake() says something
// may still wake a G: no report (one would end this process).
TEST_P(CheckdeadProcs, NoReportWhileSomethingMayWakeAGoroutine) {
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  exec.wake_possible.store(true);
  int runs = 0;
  Body sleeper = [&](M&, G&) {
    if (runs++ == 0) return stop(Stop::Park, WaitReason::Sleep);
    sched.shutdown(4);
    return stop(Stop::Exit);
  };
  G* g = sched.spawn(&sleeper);
  std::thread timer([&] {
    spin_until([&] { return g->status.load() == GStatus::Waiting; });
    sleep_ns(100'000'000);
    sched.ready(g);
    exec.wake_possible.store(false, std::memory_order_release);
  });
  EXPECT_EQ(sched.run(), 4);
  timer.join();
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(exec.deadlocks.load(), 0);
}

// One G waits for another that blocks in a call for 100 ms: the other Ms go
// idle, but an M in a system call counts as running.
TEST(Checkdead, AnMInASystemCallIsNotIdle) {
  NativeExecutor exec;
  Scheduler sched(exec, 1);
  G* waiter = nullptr;
  int waiter_runs = 0;
  Body wait_body = [&](M&, G&) {
    if (waiter_runs++ == 0) return stop(Stop::Park, WaitReason::ChanReceive);
    sched.shutdown(6);
    return stop(Stop::Exit);
  };
  bool called = false;
  Body caller = [&](M&, G&) {
    if (!called) {
      called = true;
      sched.enter_syscall();
      sleep_ns(100'000'000);
      if (!sched.exit_syscall()) return stop(Stop::LostP);
    }
    sched.ready(waiter);
    return stop(Stop::Exit);
  };
  waiter = sched.spawn(&wait_body);
  sched.spawn(&caller);
  EXPECT_EQ(sched.run(), 6);
  EXPECT_EQ(waiter_runs, 2);
}

INSTANTIATE_TEST_SUITE_P(Checkdead, CheckdeadProcs, testing::Values(1, 2, 4),
                         [](const testing::TestParamInfo<int32_t>& info) { return "P" + std::to_string(info.param); });

}  // namespace
}  // namespace gol::sched
