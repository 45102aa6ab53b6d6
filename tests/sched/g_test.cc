// g_test.cc — the G status machine: allowed transitions go through; a bad
// one is a fatal error (checked in a forked child: no death tests in a
// multi-threaded runtime, and this test process has no other threads).
#include "sched/g.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sched/fatal.h"

namespace gol::sched {
namespace {

TEST(GStatus, GoesThroughTheLifeOfAGoroutine) {
  G g;
  g.goid = 7;
  cas_status(&g, GStatus::Idle, GStatus::Runnable);
  cas_status(&g, GStatus::Runnable, GStatus::Running);
  cas_status(&g, GStatus::Running, GStatus::Waiting);
  cas_status(&g, GStatus::Waiting, GStatus::Runnable);
  cas_status(&g, GStatus::Runnable, GStatus::Running);
  cas_status(&g, GStatus::Running, GStatus::Syscall);
  cas_status(&g, GStatus::Syscall, GStatus::Running);
  cas_status(&g, GStatus::Running, GStatus::Dead);
  cas_status(&g, GStatus::Dead, GStatus::Runnable);
  EXPECT_EQ(g.status.load(), GStatus::Runnable);
  EXPECT_STREQ(status_name(GStatus::Waiting), "waiting");
}

// Runs f in a child process; returns its exit status.
template <class F>
int exit_status_of(F f) {
  const pid_t pid = fork();
  if (pid == 0) {
    set_fatal_hook(nullptr);
    if (freopen("/dev/null", "w", stderr) == nullptr) _exit(100);
    f();
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(GStatus, AnUnlistedTransitionIsFatal) {
  EXPECT_EQ(exit_status_of([] {
              G g;
              cas_status(&g, GStatus::Idle, GStatus::Running);
            }),
            2);
}

TEST(GStatus, AWrongFromStatusIsFatal) {
  EXPECT_EQ(exit_status_of([] {
              G g;
              cas_status(&g, GStatus::Runnable, GStatus::Running);  // g is Idle
            }),
            2);
}

}  // namespace
}  // namespace gol::sched
