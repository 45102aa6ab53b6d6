// signal_test.cc — the runtime's signal registry and delivery thread
// (vm/signal.h) without a scheduler.
//
// Channels here only buffer (no goroutine waits on them), so delivery is
// observed through chan_len; waits poll against generous deadlines. The
// whole-program behaviour (Notify from gol code, the deadlock check, Go's
// texts) is the golden tests' business (tests/run/signal/); dying by an
// unwanted SIGTERM needs a child process and belongs to the CLI tests.
#include <gtest/gtest.h>
#include <gc.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "vm/chan.h"
#include "vm/runtime.h"
#include "vm/signal.h"

namespace gol::vm {
namespace {

class SignalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    runtime_init();
    signal_init();
    TypeTable& tt = TypeTable::get();
    m_value_type = tt.basic(Kind::Int);  // stands in for syscall.Signal
    m_chan_type = tt.chan_of(ChanDir::Both, tt.empty_interface());
  }

  Chan* make_chan(int64_t size) {
    Goroutine* g = new_goroutine();
    Chan* c = nullptr;
    EXPECT_EQ(chan_make(*g, m_chan_type, size, &c), NativeStatus::Ok);
    return c;
  }

  // Polls until c holds n values; false after 20 s.
  static bool wait_len(Chan* c, int64_t n) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (chan_len(c) < n) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
  }

  const Type* m_value_type = nullptr;
  const Type* m_chan_type = nullptr;
};

TEST_F(SignalTest, CatchableExcludesTheRuntimesSignals) {
  for (int sig : {SIGKILL, SIGSTOP, SIGPWR, SIGXCPU, SIGURG, SIGPROF, SIGSEGV, SIGBUS, SIGFPE, 32, 33, 34, 0, 65}) {
    EXPECT_FALSE(signal_catchable(sig)) << sig;
  }
  for (int sig : {SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGTERM, SIGCHLD, SIGWINCH, 35, 64}) {
    EXPECT_TRUE(signal_catchable(sig)) << sig;
  }
}

TEST_F(SignalTest, TextsAreGos) {
  EXPECT_STREQ(signal_text(SIGUSR1), "user defined signal 1");
  EXPECT_STREQ(signal_text(SIGTERM), "terminated");
  EXPECT_STREQ(signal_text(SIGSYS), "bad system call");
  EXPECT_EQ(signal_text(0), nullptr);
  EXPECT_EQ(signal_text(40), nullptr);
}

TEST_F(SignalTest, DeliversToEveryWantingChannelUntilStop) {
  Chan* a = make_chan(8);
  Chan* b = make_chan(8);
  EXPECT_FALSE(signal_notify_active());
  signal_notify(a, SIGUSR1, m_value_type);
  signal_notify(b, SIGUSR1, m_value_type);
  EXPECT_TRUE(signal_notify_active());
  ASSERT_EQ(kill(getpid(), SIGUSR1), 0);
  ASSERT_TRUE(wait_len(a, 1));
  ASSERT_TRUE(wait_len(b, 1));
  signal_stop(a);
  ASSERT_EQ(kill(getpid(), SIGUSR1), 0);
  ASSERT_TRUE(wait_len(b, 2));
  EXPECT_EQ(chan_len(a), 1);  // delivery to b and a is one step: a got nothing
  signal_stop(b);
  EXPECT_FALSE(signal_notify_active());
}

TEST_F(SignalTest, FullChannelDropsAndIgnoreCancels) {
  Chan* one = make_chan(1);
  Chan* many = make_chan(8);
  signal_notify(one, SIGUSR2, m_value_type);
  signal_notify(many, SIGUSR2, m_value_type);
  for (int64_t i = 1; i <= 3; i++) {
    ASSERT_EQ(kill(getpid(), SIGUSR2), 0);
    ASSERT_TRUE(wait_len(many, i));
  }
  EXPECT_EQ(chan_len(one), 1);
  EXPECT_FALSE(signal_ignored(SIGUSR2));
  signal_ignore(SIGUSR2);
  EXPECT_TRUE(signal_ignored(SIGUSR2));
  EXPECT_FALSE(signal_notify_active());  // both channels wanted only SIGUSR2
  // Ignored: the kernel discards it (this would otherwise be buffered).
  ASSERT_EQ(kill(getpid(), SIGUSR2), 0);
  signal_notify(many, SIGUSR1, m_value_type);
  ASSERT_EQ(kill(getpid(), SIGUSR1), 0);
  ASSERT_TRUE(wait_len(many, 4));
  EXPECT_EQ(chan_len(many), 4);
  signal_reset(SIGUSR2);
  EXPECT_TRUE(signal_ignored(SIGUSR2));  // Go: only Notify undoes Ignore
  signal_notify(many, SIGUSR2, m_value_type);
  EXPECT_FALSE(signal_ignored(SIGUSR2));
  signal_stop(many);
}

TEST_F(SignalTest, BurstsCoalesceButNeverVanishUnderCollections) {
  Chan* c = make_chan(1);
  signal_notify(c, SIGUSR1, m_value_type);
  std::atomic<bool> stop{false};
  std::thread collector([&] {
    GC_stack_base sb;
    GC_get_stack_base(&sb);
    GC_register_my_thread(&sb);
    while (!stop.load()) collect_garbage();
    GC_unregister_my_thread();
  });
  Slot got[2];
  for (int i = 0; i < 200; i++) {
    for (int k = 0; k < 5; k++) ASSERT_EQ(kill(getpid(), SIGUSR1), 0);
    ASSERT_TRUE(wait_len(c, 1)) << "burst " << i;
    Goroutine* g = new_goroutine();
    ASSERT_EQ(chan_recv(*g, c, got, nullptr), NativeStatus::Ok);
    EXPECT_EQ(got[0].cp, m_value_type);
    EXPECT_EQ(got[1].i, SIGUSR1);
  }
  stop.store(true);
  collector.join();
  signal_stop(c);
}

}  // namespace
}  // namespace gol::vm
