// note_test.cc — one-shot wake-ups: a sleeper wakes, a timed sleep ends at
// its deadline (never early) and survives signals, a wake-up is not lost when
// it comes before the sleep.
#include "sched/note.h"

#include <gtest/gtest.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <thread>

namespace gol::sched {
namespace {

TEST(Note, WakeupBeforeSleepIsNotLost) {
  Note n;
  n.wakeup();
  n.sleep();  // returns at once
  EXPECT_TRUE(n.woken());
  n.clear();
  EXPECT_FALSE(n.woken());
}

TEST(Note, SleeperIsWokenByAnotherThread) {
  Note n;
  std::atomic<int> payload{0};
  std::thread waker([&] {
    payload.store(42, std::memory_order_relaxed);
    n.wakeup();
  });
  n.sleep();
  EXPECT_EQ(payload.load(std::memory_order_relaxed), 42);  // visible through wakeup/sleep
  waker.join();
}

TEST(Note, TimedSleepEndsAtItsDeadlineNotBefore) {
  Note n;
  const int64_t start = monotonic_ns();
  const int64_t deadline = start + 20'000'000;  // 20 ms
  EXPECT_FALSE(n.sleep_until(deadline));
  EXPECT_GE(monotonic_ns(), deadline);
}

void ignore(int) {}

TEST(Note, TimedSleepSurvivesSignals) {
  struct sigaction sa{};
  sa.sa_handler = ignore;
  sigaction(SIGUSR2, &sa, nullptr);
  Note n;
  const pthread_t sleeper = pthread_self();
  std::atomic<bool> stop{false};
  std::thread pest([&] {
    while (!stop.load()) {
      pthread_kill(sleeper, SIGUSR2);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  const int64_t deadline = monotonic_ns() + 30'000'000;
  EXPECT_FALSE(n.sleep_until(deadline));
  EXPECT_GE(monotonic_ns(), deadline);
  stop.store(true);
  pest.join();
}

}  // namespace
}  // namespace gol::sched
