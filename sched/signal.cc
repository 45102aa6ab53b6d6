// signal.cc — the SIGURG handler (see signal.h).
#include "sched/signal.h"

#include <signal.h>

#include <cerrno>
#include <mutex>

#include "sched/fatal.h"
#include "sched/proc.h"

namespace gol::sched {

namespace {

// Async-signal-safe: a thread_local read (the executable's static TLS),
// atomic loads, and Executor::preempt, which only sets a flag.
void on_sigurg(int, siginfo_t*, void*) {
  const int saved_errno = errno;
  M* m = Scheduler::current_m();
  // curg is this M's own field and we run on its thread. A G that is not
  // marked was not meant (sysmon aimed at the G before it, or the signal
  // came from outside): nothing to do.
  G* g = m != nullptr ? m->curg.load(std::memory_order_relaxed) : nullptr;
  if (g != nullptr && m->executor != nullptr && g->preempt.load(std::memory_order_acquire)) {
    m->executor->preempt(*m);
  }
  errno = saved_errno;
}

}  // namespace

bool install_async_handler(int sig, void (*handler)(int, siginfo_t*, void*)) {
  // STACK.md §3: no SA_ONSTACK (with an alternate stack the collector scans
  // the wrong stack), and the collector's suspend/restart signals masked
  // while the handler runs.
  struct sigaction sa = {};
  sa.sa_sigaction = handler;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGPWR);   // the collector's suspend signal
  sigaddset(&sa.sa_mask, SIGXCPU);  // and its restart signal
  return sigaction(sig, &sa, nullptr) == 0;
}

void install_sigurg_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!install_async_handler(SIGURG, on_sigurg)) fatal("sigaction(SIGURG) failed");
  });
}

bool signal_preempt(pthread_t thread) { return pthread_kill(thread, SIGURG) == 0; }

}  // namespace gol::sched
