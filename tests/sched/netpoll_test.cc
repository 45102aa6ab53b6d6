// netpoll_test.cc — the network poller (netpoll.h) with native tasks on
// pipes, on 1, 2 and 4 Ps: a goroutine reading an empty pipe parks and is
// readied when a thread outside the scheduler writes; a read deadline
// fails the wait with kPollTimeout never early; poll_evict wakes a waiter
// with kPollClosing; 200 goroutines on 200 pipes all complete; and with one
// P kept busy by a spinning goroutine, an I/O wait still completes (the
// sysmon and find_runnable polls). A goroutine waiting for I/O is no
// deadlock. Time bounds are generous sanity checks only.
#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "sched/proc.h"
#include "tests/sched/native_executor.h"

namespace gol::sched {
namespace {

using testing_support::Body;
using testing_support::NativeExecutor;
using testing_support::sleep_ns;

constexpr int64_t kMs = 1'000'000;

struct Pipe {
  int r = -1;
  int w = -1;
  Pipe() {
    int fds[2];
    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) std::abort();
    r = fds[0];
    w = fds[1];
  }
  ~Pipe() {
    close(r);
    close(w);
  }
};

Stop park_io(PollDesc* pd, int32_t mode) {
  Stop s;
  s.kind = Stop::Park;
  s.reason = WaitReason::IOWait;
  s.unlock = &Scheduler::poll_commit;
  s.arg = poll_commit_arg(pd, mode);
  return s;
}

Stop exit_stop() { return testing_support::stop(Stop::Exit); }

// A goroutine that reads one byte from `fd` the Go way: try, and on EAGAIN
// wait in the poller, then try again. Each run of the body is one step.
struct Reader {
  Scheduler* sched = nullptr;
  int fd = -1;
  PollDesc* pd = nullptr;
  char got = 0;
  int32_t result = -1;  // kPollOk once read, else the failing PollResult
  bool opened = false;

  // Returns the Stop for this run (park, or exit when done).
  Stop step() {
    if (!opened) {
      int err = 0;
      pd = sched->poll_open(fd, &err);
      if (pd == nullptr) std::abort();
      opened = true;
      if (int32_t r = sched->poll_reset(pd, kPollRead); r != kPollOk) return finish(r);
    }
    for (;;) {
      const ssize_t n = read(fd, &got, 1);
      if (n == 1) return finish(kPollOk);
      if (n < 0 && errno != EAGAIN) std::abort();
      const int32_t r = sched->poll_wait_begin(pd, kPollRead);
      if (r == kPollPark) return park_io(pd, kPollRead);
      if (r != kPollOk) return finish(r);
    }
  }
  Stop finish(int32_t r) {
    result = r;
    return exit_stop();
  }
  // A body that reads, then ends the scheduler's run.
  Body until_done_then_shutdown() {
    return [this](M&, G&) {
      Stop s = step();
      if (s.kind == Stop::Exit) sched->shutdown(0);
      return s;
    };
  }
};

class Netpoll : public testing::TestWithParam<int32_t> {};

TEST_P(Netpoll, ReaderWakesWhenAThreadWrites) {
  NativeExecutor exec;  // may_wake() false: only the I/O wait keeps it alive
  Scheduler sched(exec, GetParam());
  Pipe p;
  Reader rd{&sched, p.r};
  Body body = rd.until_done_then_shutdown();
  sched.spawn(&body);
  std::thread writer([&] {
    // Until the reader waits in the poller, then write.
    while (sched.poll_waiters() == 0) sleep_ns(kMs);
    sleep_ns(20 * kMs);
    (void)!write(p.w, "x", 1);
  });
  EXPECT_EQ(sched.run(), 0);
  writer.join();
  EXPECT_EQ(rd.result, kPollOk);
  EXPECT_EQ(rd.got, 'x');
  EXPECT_EQ(sched.poll_waiters(), 0);
}

TEST_P(Netpoll, ReadDeadlineTimesOutNeverEarly) {
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  Pipe p;
  Reader rd{&sched, p.r};
  int64_t deadline = 0;
  int64_t done = 0;
  Body body = [&](M&, G&) {
    if (deadline == 0) {
      int err = 0;
      rd.pd = sched.poll_open(p.r, &err);
      rd.opened = true;
      deadline = monotonic_ns() + 30 * kMs;
      sched.poll_set_deadline(rd.pd, deadline, kPollRead);
    }
    Stop s = rd.step();
    if (s.kind == Stop::Exit) {
      done = monotonic_ns();
      sched.shutdown(0);
    }
    return s;
  };
  sched.spawn(&body);
  EXPECT_EQ(sched.run(), 0);
  EXPECT_EQ(rd.result, kPollTimeout);
  EXPECT_GE(done, deadline);
  EXPECT_LT(done - deadline, 10'000 * kMs);  // sanity only
}

TEST_P(Netpoll, EvictWakesTheWaiterWithClosing) {
  NativeExecutor exec;
  // The closer readies the reader from outside the Ms: that is the
  // executor's may_wake() domain (check_dead), as for the timer tests'
  // outside threads. Without it a last M going idle between the closer's
  // unblock and its ready() saw no I/O waiter and a runnable G (caught once
  // under TSan).
  exec.wake_possible.store(true);
  Scheduler sched(exec, GetParam());
  Pipe p;
  Reader rd{&sched, p.r};
  Body body = rd.until_done_then_shutdown();
  sched.spawn(&body);
  std::thread closer([&] {
    while (sched.poll_waiters() == 0) sleep_ns(kMs);
    sched.poll_evict(rd.pd);
  });
  EXPECT_EQ(sched.run(), 0);
  closer.join();
  EXPECT_EQ(rd.result, kPollClosing);
  // Later waits fail at once; the descriptor can then be closed.
  EXPECT_EQ(sched.poll_reset(rd.pd, kPollRead), kPollClosing);
}

// 200 readers on 200 pipes, written in a random order by one thread: every
// reader gets its byte; the descriptors are closed and their PollDescs reused.
TEST_P(Netpoll, ManyReadersAllComplete) {
  constexpr int kN = 200;
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  std::vector<Pipe> pipes(kN);
  std::vector<Reader> readers(kN);
  std::atomic<int> finished{0};
  std::vector<Body> bodies;
  bodies.reserve(kN);
  for (int i = 0; i < kN; i++) {
    readers[i] = Reader{&sched, pipes[i].r};
    bodies.emplace_back([&, i](M&, G&) {
      Stop s = readers[i].step();
      if (s.kind == Stop::Exit) {
        sched.poll_evict(readers[i].pd);
        sched.poll_close(readers[i].pd);
        if (finished.fetch_add(1) + 1 == kN) sched.shutdown(0);
      }
      return s;
    });
  }
  for (Body& b : bodies) sched.spawn(&b);
  std::thread writer([&] {
    for (int i = kN; i-- > 0;) {
      const char c = static_cast<char>('a' + i % 26);
      (void)!write(pipes[static_cast<size_t>(i)].w, &c, 1);
      if (i % 16 == 0) sleep_ns(kMs);
    }
  });
  EXPECT_EQ(sched.run(), 0);
  writer.join();
  for (int i = 0; i < kN; i++) {
    EXPECT_EQ(readers[i].result, kPollOk);
    EXPECT_EQ(readers[i].got, static_cast<char>('a' + i % 26));
  }
}

// One P kept busy by a goroutine that spins (yielding at safe points only
// when preempted): the reader still gets its byte — sysmon or the spinning
// G's M polls — and the spinner stops once it has.
TEST_P(Netpoll, IoCompletesWhileAnotherGoroutineSpins) {
  NativeExecutor exec;
  Scheduler sched(exec, GetParam());
  Pipe p;
  Reader rd{&sched, p.r};
  std::atomic<bool> read_done{false};
  Body reader = [&](M&, G&) {
    Stop s = rd.step();
    if (s.kind == Stop::Exit) read_done.store(true);
    return s;
  };
  Body spinner = [&](M& m, G& g) {
    while (!read_done.load()) {
      if (exec.safe_point(m, g)) return testing_support::stop(Stop::Yield);
    }
    sched.shutdown(0);
    return exit_stop();
  };
  sched.spawn(&reader);
  sched.spawn(&spinner);
  std::thread writer([&] {
    while (sched.poll_waiters() == 0) sleep_ns(kMs);
    sleep_ns(20 * kMs);
    (void)!write(p.w, "y", 1);
  });
  EXPECT_EQ(sched.run(), 0);
  writer.join();
  EXPECT_EQ(rd.got, 'y');
}

INSTANTIATE_TEST_SUITE_P(Procs, Netpoll, testing::Values(1, 2, 4));

}  // namespace
}  // namespace gol::sched
