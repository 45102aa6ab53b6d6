// signal.h — the runtime side of os/signal (cf. Go's runtime/sigqueue.go and
// signal_unix.go): which signals gol handles, who wants them, and delivery.
//
// The core idea, as Go's: the handler only records the signal (a bit in a
// pending mask) and writes a byte to a pipe; a delivery thread, registered
// with the collector, reads the pipe, takes the pending mask and makes a
// non-blocking send of the signal (an os.Signal holding a syscall.Signal) to
// every channel that asked for it with signal.Notify. A full channel drops
// it. Pending signals of one kind coalesce until the thread takes them, as
// Go's sig.mask does: Go promises nothing more.
//
// Without a Notify for it, a signal does what Go's runtime does: SIGINT,
// SIGTERM and SIGHUP end the program by the signal itself (standard output
// flushed first, since gol buffers it and Go does not; then SIG_DFL and a
// re-raise, so the parent sees the signal); the other handled signals are
// dropped. SIGHUP and SIGINT ignored when the program starts stay ignored
// (nohup), as in Go.
//
// Never touched: SIGPWR and SIGXCPU (the collector's), SIGURG (preemption,
// sched/signal.cc), SIGPROF (runtime/pprof), the synchronous signals
// (SIGSEGV ...), SIGKILL/SIGSTOP, glibc's real-time 32-34. SIGPIPE keeps the
// disposition vm/init.cc gives it (ignored; output.cc raises it for a broken
// standard output) until a Notify asks for it, and gets it back after.
// SIGQUIT/SIGABRT keep the default action (Go prints every goroutine and
// exits 2: not done yet), and so do the job-control signals until notified.
//
// The os/signal and syscall packages (stdlib/signal*.cc, syscall*.cc) call
// these; the executor's deadlock check asks signal_notify_active().
#pragma once

#include <cstdint>

#include "vm/chan.h"
#include "vm/type.h"

namespace gol::vm {

constexpr int kMaxSignal = 64;  // Linux: signals 1..64

// Installs the handlers and starts the delivery thread. Call after
// runtime_init, from the thread that runs the program; idempotent.
void signal_init();

// Whether the signal may be used by os/signal at all (not one of the
// signals listed above as never touched); Notify() with no signals enables
// exactly these.
bool signal_catchable(int sig);

// Go's sigtable names ("SIGUSR1") are not needed; syscall's String() texts
// ("user defined signal 1", "signal 40") are.
const char* signal_text(int sig);  // null when Go prints "signal N"

// Notify(c, sig): c now receives sig (1..kMaxSignal; sig < 0: every
// catchable signal). value_type is the dynamic type of the values sent
// (syscall.Signal), the same on every call.
void signal_notify(Chan* c, int sig, const Type* value_type);
// Stop(c): c receives nothing more once this returns.
void signal_stop(Chan* c);
// Ignore(sig) / Reset(sig) for one signal (sig < 0: every catchable one).
// As in Go, Reset does not undo Ignore (only Notify does).
void signal_ignore(int sig);
void signal_reset(int sig);
bool signal_ignored(int sig);
// True while any channel is registered: a goroutine waiting on it may still
// be woken, so every goroutine being asleep is not a deadlock (as in Go).
bool signal_notify_active();

// Signals delivered to channels so far (tests).
uint64_t signal_delivered_count();

}  // namespace gol::vm
