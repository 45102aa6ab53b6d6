// signal.cc — signal handlers, the registry of Notify channels, and the
// delivery thread (see signal.h).
//
// The signals watched from the start are blocked in every thread the
// runtime starts and read from a signalfd by the delivery thread (see
// watched_set). The others, once a Notify enables them (SIGQUIT ...), go
// through a handler that is async-signal-safe: a fetch_or on a lock-free
// atomic and a write(2) to a non-blocking pipe (a full pipe already holds
// a wake-up). It runs with the collector's SIGPWR/SIGXCPU masked and
// without SA_ONSTACK (STACK.md §3: an alternate stack makes the collector
// scan the wrong stack). Everything else happens on the delivery thread: it
// is a normal thread created through the collector's pthread_create (gc.h
// with GC_THREADS), so it is registered and may touch channels.
//
// A signal that lands during a collection is not lost: a blocked one stays
// pending in the kernel until the signalfd is read; a handled one only sets
// a bit once its thread is restarted. The delivery thread waits in poll(2)
// with no timeout and retries on EINTR, so no deadline arithmetic is needed.
//
// Stop(c) must guarantee c receives nothing afterwards (Go's
// signalWaitUntilIdle): the delivery thread holds the registry lock while it
// sends, and Stop takes it, so a send in progress finishes first.
//
// In the REPL, a SIGINT that no Notify channel wants calls the REPL's hook
// (set_sigint_hook, vm/session.h) on the delivery thread instead of ending
// the process: Ctrl-C interrupts the input or clears the line.
//
// Notify records are uncollectable collector objects: they are roots, so
// a registered channel stays alive while only the runtime refers to it.
//
// Rejected: Go's design of a goroutine blocked in signal_recv. It needs a
// note the handler can wake and a goroutine that counts as "not asleep" for
// the deadlock check; a thread, a signalfd and a pipe give the same semantics with what
// the VM already has (chan_try_send from any registered thread).
#include "vm/signal.h"

#include <fcntl.h>
#include <gc.h>
#include <pthread.h>
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "sched/signal.h"
#include "vm/runtime.h"
#include "vm/session.h"

namespace gol::vm {

namespace {

struct Handler {  // one per Notify channel (Go's os/signal handler)
  Chan* c;
  uint64_t mask;  // bit sig-1
};

constexpr uint64_t bit(int sig) { return uint64_t{1} << (sig - 1); }

std::atomic<uint64_t> g_pending{0};  // set by the handler, taken by the thread
int g_pipe[2] = {-1, -1};
std::atomic<int> g_nhandlers{0};
std::atomic<uint64_t> g_delivered{0};

std::mutex g_mu;  // guards everything below
std::vector<Handler*> g_handlers;
int g_ref[kMaxSignal + 1] = {};  // channels wanting each signal
bool g_ignored[kMaxSignal + 1] = {};
bool g_start_ignored[kMaxSignal + 1] = {};  // SIGHUP/SIGINT under nohup
const Type* g_value_type = nullptr;
// The REPL's SIGINT action (vm/session.h): set before the session starts;
// acquire in deliver pairs with set_sigint_hook's release.
std::atomic<void (*)()> g_sigint_hook{nullptr};

void on_signal(int sig, siginfo_t*, void*) {
  const int saved_errno = errno;
  if (sig >= 1 && sig <= kMaxSignal) g_pending.fetch_or(bit(sig), std::memory_order_acq_rel);
  const char b = 0;
  if (write(g_pipe[1], &b, 1) < 0) {
    // EAGAIN: the pipe is full, so the thread is awake or about to be.
  }
  errno = saved_errno;
}

void install_handler(int sig) {
  if (!sched::install_async_handler(sig, on_signal)) fatal("sigaction failed for signal " + std::to_string(sig));
}

void set_action(int sig, void (*action)(int)) {
  struct sigaction sa = {};
  sa.sa_handler = action;
  sigemptyset(&sa.sa_mask);
  if (sigaction(sig, &sa, nullptr) != 0) fatal("sigaction failed for signal " + std::to_string(sig));
}

// Go's _SigKill signals: without a Notify they end the program.
bool kills(int sig) { return sig == SIGINT || sig == SIGTERM || sig == SIGHUP; }

// Signals left at their default action until a Notify asks for them: Go
// throws on SIGQUIT/SIGABRT (a goroutine dump, not done here) and does not
// watch the job-control ones (_SigDefault); SIGPIPE is vm/init.cc's.
bool default_until_notified(int sig) {
  switch (sig) {
    case SIGQUIT: case SIGABRT: case SIGCONT: case SIGTSTP: case SIGTTIN: case SIGTTOU: case SIGPIPE: return true;
    default: return false;
  }
}

// What a signal nobody wants does (the handler drops or kills, see deliver).
void restore_default_locked(int sig) {
  if (g_start_ignored[sig] || sig == SIGPIPE) {
    set_action(sig, SIG_IGN);
  } else if (default_until_notified(sig)) {
    set_action(sig, SIG_DFL);
  } else {
    install_handler(sig);
  }
}

void enable_locked(int sig) {
  g_ignored[sig] = false;
  install_handler(sig);
}

// Clears sig from every channel (Ignore, Reset); a channel left wanting
// nothing is forgotten, as Go's cancel does.
void cancel_locked(int sig) {
  for (size_t i = 0; i < g_handlers.size();) {
    Handler* h = g_handlers[i];
    if ((h->mask & bit(sig)) != 0 && (h->mask &= ~bit(sig)) == 0) {
      g_handlers.erase(g_handlers.begin() + static_cast<ptrdiff_t>(i));
      g_nhandlers.fetch_sub(1, std::memory_order_release);
      GC_FREE(h);
      continue;
    }
    i++;
  }
  g_ref[sig] = 0;
}

// Go's dieFromSignal, after the output Go would already have written.
[[noreturn]] void die(int sig) {
  out_flush();
  set_action(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  ::raise(sig);
  // Still here (the signal was blocked elsewhere and raced): Go exits 2.
  std::_Exit(2);
}

void deliver(int sig) {
  std::unique_lock<std::mutex> lock(g_mu);
  bool wanted = false;
  for (Handler* h : g_handlers) {
    if ((h->mask & bit(sig)) == 0) continue;
    wanted = true;
    Slot value[2];  // an os.Signal holding syscall.Signal(sig)
    value[0].cp = g_value_type;
    value[1].i = sig;
    (void)chan_try_send(h->c, value);  // full: dropped, as Go's process()
    g_delivered.fetch_add(1, std::memory_order_relaxed);
  }
  if (!wanted && kills(sig) && !g_ignored[sig]) {
    lock.unlock();
    void (*hook)() = sig == SIGINT ? g_sigint_hook.load(std::memory_order_acquire) : nullptr;
    // Without the lock: the hook interrupts the input, which takes the
    // session's lock, and must not order it after this one.
    if (hook != nullptr) {
      hook();
      return;
    }
    die(sig);
  }
}

// The signals watched from the start (all the catchable ones except those
// left at their default action until notified). signal_init blocks them in
// the thread that starts the runtime, so every thread started after it (Ms,
// sysmon) inherits the mask, and the delivery thread takes them from a
// signalfd: a process-directed signal then never interrupts an M's futex or
// epoll wait, and never runs a handler at all (under ThreadSanitizer, whose
// deferred handlers could leave one pending until a sleeping M woke). The
// handler path (pending bits and the pipe) remains for the signals enabled
// later (SIGQUIT after a Notify) and for a thread that does not block them.
sigset_t watched_set() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig = 1; sig <= kMaxSignal; sig++) {
    if (signal_catchable(sig) && !default_until_notified(sig)) sigaddset(&set, sig);
  }
  return set;
}

int g_sigfd = -1;

void* delivery_main(void*) {
  pollfd fds[2] = {{g_sigfd, POLLIN, 0}, {g_pipe[0], POLLIN, 0}};
  for (;;) {
    if (poll(fds, 2, -1) < 0 && errno != EINTR) fatal("signal delivery: poll failed");
    signalfd_siginfo info[16];
    ssize_t n;
    while ((n = read(g_sigfd, info, sizeof info)) > 0 || (n < 0 && errno == EINTR)) {
      for (ssize_t i = 0; i < n / static_cast<ssize_t>(sizeof info[0]); i++) deliver(static_cast<int>(info[i].ssi_signo));
    }
    char buf[128];
    for (;;) {
      const ssize_t r = read(g_pipe[0], buf, sizeof buf);
      if (r <= 0 && !(r < 0 && errno == EINTR)) break;
    }
    uint64_t pending = g_pending.exchange(0, std::memory_order_acq_rel);
    while (pending != 0) {
      const int sig = __builtin_ctzll(pending) + 1;
      pending &= pending - 1;
      deliver(sig);
    }
  }
}

}  // namespace

bool signal_catchable(int sig) {
  if (sig < 1 || sig > kMaxSignal) return false;
  switch (sig) {
    case SIGKILL: case SIGSTOP:                      // cannot be caught
    case SIGPWR: case SIGXCPU:                       // the collector's
    case SIGURG:                                     // preemption
    case SIGPROF:                                    // runtime/pprof
    case SIGSEGV: case SIGBUS: case SIGFPE: case SIGILL: case SIGTRAP: case SIGSYS: case SIGSTKFLT:
    case 32: case 33: case 34:                       // glibc's
      return false;
    default: return true;
  }
}

const char* signal_text(int sig) {
  static const char* const kText[] = {
      nullptr, "hangup", "interrupt", "quit", "illegal instruction", "trace/breakpoint trap", "aborted",
      "bus error", "floating point exception", "killed", "user defined signal 1", "segmentation fault",
      "user defined signal 2", "broken pipe", "alarm clock", "terminated", "stack fault", "child exited",
      "continued", "stopped (signal)", "stopped", "stopped (tty input)", "stopped (tty output)",
      "urgent I/O condition", "CPU time limit exceeded", "file size limit exceeded", "virtual timer expired",
      "profiling timer expired", "window changed", "I/O possible", "power failure", "bad system call",
  };
  constexpr int n = sizeof kText / sizeof kText[0];
  return sig >= 0 && sig < n ? kText[sig] : nullptr;
}

void signal_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (pipe2(g_pipe, O_CLOEXEC) != 0) fatal("signal: pipe failed");
    if (fcntl(g_pipe[0], F_SETFL, O_NONBLOCK) != 0 || fcntl(g_pipe[1], F_SETFL, O_NONBLOCK) != 0) {
      fatal("signal: fcntl failed");
    }
    std::lock_guard<std::mutex> lock(g_mu);
    for (int sig = 1; sig <= kMaxSignal; sig++) {
      if (!signal_catchable(sig) || default_until_notified(sig)) continue;
      if (sig == SIGHUP || sig == SIGINT) {
        struct sigaction old = {};
        if (sigaction(sig, nullptr, &old) == 0 && !(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_IGN) {
          g_start_ignored[sig] = g_ignored[sig] = true;
          continue;
        }
      }
      install_handler(sig);
    }
    const sigset_t set = watched_set();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    g_sigfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (g_sigfd < 0) fatal("signal: signalfd failed");
    pthread_t thread;  // gc.h makes this GC_pthread_create: registered
    if (pthread_create(&thread, nullptr, delivery_main, nullptr) != 0) fatal("signal: cannot start the delivery thread");
    pthread_detach(thread);
  });
}

void signal_notify(Chan* c, int sig, const Type* value_type) {
  signal_init();
  std::lock_guard<std::mutex> lock(g_mu);
  g_value_type = value_type;
  Handler* h = nullptr;
  for (Handler* x : g_handlers) {
    if (x->c == c) h = x;
  }
  if (h == nullptr) {
    h = static_cast<Handler*>(GC_MALLOC_UNCOLLECTABLE(sizeof(Handler)));
    if (h == nullptr) fatal("out of memory");
    h->c = c;
    h->mask = 0;
    g_handlers.push_back(h);
    g_nhandlers.fetch_add(1, std::memory_order_release);
  }
  for (int s = 1; s <= kMaxSignal; s++) {
    if (!signal_catchable(s) || (sig >= 0 && s != sig) || (h->mask & bit(s)) != 0) continue;
    h->mask |= bit(s);
    if (g_ref[s]++ == 0) enable_locked(s);
  }
}

void signal_stop(Chan* c) {
  std::lock_guard<std::mutex> lock(g_mu);
  for (size_t i = 0; i < g_handlers.size(); i++) {
    Handler* h = g_handlers[i];
    if (h->c != c) continue;
    for (int s = 1; s <= kMaxSignal; s++) {
      if ((h->mask & bit(s)) != 0 && --g_ref[s] == 0) restore_default_locked(s);
    }
    g_handlers.erase(g_handlers.begin() + static_cast<ptrdiff_t>(i));
    g_nhandlers.fetch_sub(1, std::memory_order_release);
    GC_FREE(h);
    return;
  }
}

void signal_ignore(int sig) {
  signal_init();
  std::lock_guard<std::mutex> lock(g_mu);
  for (int s = 1; s <= kMaxSignal; s++) {
    if (!signal_catchable(s) || (sig >= 0 && s != sig)) continue;
    cancel_locked(s);
    g_ignored[s] = true;
    set_action(s, SIG_IGN);
  }
}

void signal_reset(int sig) {
  signal_init();
  std::lock_guard<std::mutex> lock(g_mu);
  for (int s = 1; s <= kMaxSignal; s++) {
    if (!signal_catchable(s) || (sig >= 0 && s != sig)) continue;
    cancel_locked(s);
    // Go's Reset (signal_disable) leaves an ignored signal ignored, and
    // Ignored() still true: only Notify undoes Ignore.
    if (!g_ignored[s]) restore_default_locked(s);
  }
}

bool signal_ignored(int sig) {
  std::lock_guard<std::mutex> lock(g_mu);
  return sig >= 1 && sig <= kMaxSignal && g_ignored[sig];
}

void set_sigint_hook(void (*hook)()) { g_sigint_hook.store(hook, std::memory_order_release); }

bool signal_notify_active() { return g_nhandlers.load(std::memory_order_acquire) > 0; }

uint64_t signal_delivered_count() { return g_delivered.load(std::memory_order_relaxed); }

}  // namespace gol::vm
