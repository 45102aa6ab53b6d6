// signal.h — SIGURG, the preemption signal (cf. Go's preemptM / doSigPreempt).
//
// sysmon marks a G that has run too long (G::preempt) and sends its M's
// thread SIGURG; the handler, on that thread, asks the executor to stop the
// G at its next safe point (Executor::preempt sets the M's eval breaker).
// The handler does nothing else: no lock, no allocation, errno preserved.
//
// Installed once per process with sa_flags SA_SIGINFO|SA_RESTART and the
// collector's suspend/restart signals (SIGPWR, SIGXCPU) in sa_mask, never
// SA_ONSTACK: with an alternate stack (ASan installs one) a collection that
// lands inside the handler would scan the wrong stack (STACK.md §3). SIGURG
// is Go's choice too: nothing else uses it, and a stray one (sent by
// another program) only makes the handler look and find nothing to do.
#pragma once

#include <pthread.h>
#include <signal.h>

namespace gol::sched {

// Idempotent; called by Scheduler::run before sysmon starts.
// Installs handler for sig the one way that is safe beside the Boehm
// collector's signals (SA_SIGINFO|SA_RESTART, SIGPWR/SIGXCPU masked, no
// SA_ONSTACK). The handler must be async-signal-safe. False if sigaction fails.
bool install_async_handler(int sig, void (*handler)(int, siginfo_t*, void*));

void install_sigurg_handler();
// Sends SIGURG to an M's thread (sysmon); false if it could not be sent.
bool signal_preempt(pthread_t thread);

}  // namespace gol::sched
