// session.cc — the runtime side of the REPL (vm/session.h): one input at a
// time runs as a goroutine while the REPL thread waits for its outcome.
//
// The core idea: an eval is a small state machine under one mutex. The REPL
// thread starts it (a new generation, the input goroutine spawned under the
// mutex) and sleeps on a condition variable until exactly one of four
// things finishes it: the executor reports the input goroutine's end (Done,
// Panicked), the last idle M reports a deadlock (Deadlocked), or
// session_interrupt (Interrupted). Whatever finishes it first wins; the
// others then find it finished and do nothing, so a goroutine that is
// interrupted and later dies changes nothing.
//
// Deadlock detection: between inputs any goroutine may still be woken by
// the next input, so may_wake() is true and nothing is reported. During an
// eval the usual rules apply. The spawn happens under the mutex that
// may_wake takes, which is the scheduler's protocol for a ready() from
// outside the Ms (sched/proc.cc check_dead): either the check sees no eval
// (no report), or the spawn, and the M it woke, came before it. The
// generation that may_wake saw is kept per M, so the report that follows
// belongs to that eval and not to a later one.
//
// Interrupts: the input goroutine goes on a list and the eval breaker of
// the M running it (published around each run) gets kBreakInterrupt; the
// safe point then asks session_take_interrupt and unwinds the goroutine as
// runtime.Goexit does. A goroutine parked when interrupted stays parked
// (abandoned); if something wakes it later, its next run re-arms the bit
// and it unwinds then. The publication and the interrupt are a Dekker pair
// of seq_cst operations (see session_before_run), so one of the two always
// sets the bit.
//
// Output and SIGINT hooks live with what they redirect (output.cc,
// signal.cc); the executor's session mode in sched_exec.cc.
//
// Rejected: running each input on the REPL thread itself — a blocked input
// would block the prompt, and the REPL thread is not an M (a channel
// operation there could not park).
#include "vm/session.h"

#include <gc.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "vm/interp_impl.h"
#include "vm/runtime.h"
#include "vm/session_impl.h"
#include "vm/signal.h"

namespace gol::vm {

namespace {

const Program* g_program = nullptr;  // set once by session_start

std::mutex g_mu;  // guards everything below except the atomics
std::condition_variable g_cv;  // the REPL thread waits for g_finished
uint64_t g_generation = 0;     // one per eval
bool g_active = false;         // an eval is in progress
bool g_finished = false;       // ... and its outcome is known
EvalOutcome g_outcome = EvalOutcome::Done;
// Interrupted goroutines that have not begun to unwind. Plain memory: each
// is also reachable from its G while it lives, and leaves the list when it
// ends (session_goroutine_ended), so a pointer here never outlives it.
std::vector<const Goroutine*> g_interrupted;

// The input goroutine of the eval in progress: written under g_mu, read
// without it by the executor's hooks (they recheck under g_mu, except
// session_before_run, whose seq_cst reads pair with session_eval's store).
std::atomic<Goroutine*> g_input{nullptr};
// Where the input goroutine runs, if it does. Stored (seq_cst) by
// session_before_run, loaded (seq_cst) by session_interrupt; with
// g_ninterrupted they form a Dekker pair (see session_before_run).
std::atomic<ExecContext*> g_input_cx{nullptr};
// g_interrupted.size(): written under g_mu (seq_cst), read without it.
std::atomic<int32_t> g_ninterrupted{0};

// The generation may_wake() last saw in progress on this M: deadlock(),
// which check_dead calls next on the same M, reports only that eval's.
thread_local uint64_t t_seen_generation = 0;

// g_mu held: finishes the eval in progress with `how`, if not yet finished.
void finish_locked(EvalOutcome how) {
  if (!g_active || g_finished) return;
  g_finished = true;
  g_outcome = how;
  g_cv.notify_all();
}

// g_mu held.
bool erase_interrupted_locked(const Goroutine& g) {
  auto it = std::find(g_interrupted.begin(), g_interrupted.end(), &g);
  if (it == g_interrupted.end()) return false;
  g_interrupted.erase(it);
  g_ninterrupted.store(static_cast<int32_t>(g_interrupted.size()), std::memory_order_seq_cst);
  return true;
}

}  // namespace

void session_start(Program& program) {
  if (g_program != nullptr) GOL_THROW("session_start called twice");
  runtime_init();
  // The REPL thread is the one that called runtime_init (GC_INIT registers
  // it); any other caller registers here, as an M does.
  if (!GC_thread_is_registered()) {
    GC_stack_base sb;
    if (GC_get_stack_base(&sb) != GC_SUCCESS) fatal("cannot find the stack of the REPL thread");
    GC_register_my_thread(&sb);
  }
  // Before the scheduler's threads exist: they inherit the signal mask.
  signal_init();
  g_program = &program;
  start_session_scheduler(program);
}

EvalOutcome session_eval(uint32_t entry) {
  if (g_program == nullptr) GOL_THROW("session_eval before session_start");
  if (entry >= g_program->protos.size() || g_program->protos[entry]->static_closure == nullptr) {
    GOL_THROW("session_eval: no such entry (Program::finish not called?)");
  }
  Goroutine* g = new_goroutine();
  interp::Vm vm{g_program, nullptr, g, false};
  interp::push_frame(vm, g_program->protos[entry]->static_closure, 0, 0);
  std::unique_lock<std::mutex> lock(g_mu);
  if (g_active) GOL_THROW("session_eval is not reentrant");
  ++g_generation;
  g_active = true;
  g_finished = false;
  // seq_cst, in this order: see session_before_run.
  g_input.store(g, std::memory_order_seq_cst);
  g_input_cx.store(nullptr, std::memory_order_seq_cst);
  // Under g_mu: see the header (may_wake's protocol).
  scheduler()->spawn(g);
  // An untimed wait: the collector's signals only cause spurious wake-ups,
  // which the predicate absorbs.
  g_cv.wait(lock, [] { return g_finished; });
  g_active = false;
  g_input.store(nullptr, std::memory_order_relaxed);
  return g_outcome;
}

void session_interrupt() {
  std::lock_guard<std::mutex> lock(g_mu);
  Goroutine* g = g_input.load(std::memory_order_relaxed);
  if (!g_active || g_finished || g == nullptr) return;
  g_interrupted.push_back(g);
  g_ninterrupted.store(static_cast<int32_t>(g_interrupted.size()), std::memory_order_seq_cst);
  // Read under g_mu: once the eval is finished the REPL thread may start
  // the next one, which clears g_input_cx.
  if (ExecContext* cx = g_input_cx.load(std::memory_order_seq_cst)) {
    cx->eval_breaker.fetch_or(kBreakInterrupt, std::memory_order_relaxed);
  }
  finish_locked(EvalOutcome::Interrupted);
}

std::string session_goroutines() { return all_goroutine_dumps(); }

int32_t session_gomaxprocs(int32_t n) {
  sched::Scheduler* s = scheduler();
  if (s == nullptr) GOL_THROW("session_gomaxprocs before session_start");
  return n < 1 ? s->procs() : s->set_procs(n);
}

// ---- the executor's hooks

void session_before_run(Goroutine& g, ExecContext* cx) {
  // Dekker with session_interrupt: this store, then the load of
  // g_ninterrupted; there the push (seq_cst store of the count), then the
  // load of g_input_cx. At least one side sees the other's store, so an
  // input interrupted while it is being scheduled still gets its bit.
  // An earlier input still running may read g_input stale and publish
  // after the next eval cleared g_input_cx: it re-reads g_input after its
  // store and takes the publication back (unless the new input has already
  // replaced it). Its later runs see the new value.
  if (&g == g_input.load(std::memory_order_seq_cst)) {
    g_input_cx.store(cx, std::memory_order_seq_cst);
    if (&g != g_input.load(std::memory_order_seq_cst)) {
      ExecContext* expected = cx;
      g_input_cx.compare_exchange_strong(expected, nullptr, std::memory_order_seq_cst);
    }
  }
  if (g_ninterrupted.load(std::memory_order_seq_cst) == 0) return;
  std::lock_guard<std::mutex> lock(g_mu);
  if (std::find(g_interrupted.begin(), g_interrupted.end(), &g) != g_interrupted.end()) {
    cx->eval_breaker.fetch_or(kBreakInterrupt, std::memory_order_relaxed);
  }
}

void session_after_run(Goroutine& g, ExecContext* cx) {
  // A stale context would only cost a spurious bit (the safe point checks
  // the list), but a later run elsewhere publishes its own anyway.
  if (&g != g_input.load(std::memory_order_relaxed)) return;
  ExecContext* expected = cx;
  g_input_cx.compare_exchange_strong(expected, nullptr, std::memory_order_seq_cst);
}

void session_goroutine_ended(Goroutine& g, EvalOutcome how) {
  const bool listed = g_ninterrupted.load(std::memory_order_seq_cst) != 0;
  if (!listed && &g != g_input.load(std::memory_order_relaxed)) return;
  std::lock_guard<std::mutex> lock(g_mu);
  if (listed) erase_interrupted_locked(g);
  if (&g == g_input.load(std::memory_order_relaxed)) finish_locked(how);
}

bool session_may_wake() {
  // A Notify channel may be sent to from the signal thread, as in `gol run`.
  if (signal_notify_active()) return true;
  std::lock_guard<std::mutex> lock(g_mu);
  // At the prompt the next input may wake anyone.
  if (!g_active || g_finished) return true;
  t_seen_generation = g_generation;
  return false;
}

void session_deadlock() {
  {
    std::lock_guard<std::mutex> lock(g_mu);
    if (!g_active || g_finished || g_generation != t_seen_generation) return;
  }
  // Go's report, then the eval ends; its goroutine stays parked (a later
  // input may still wake it).
  std::string report = "fatal error: all goroutines are asleep - deadlock!\n\n";
  report += all_goroutine_dumps();
  out_flush();
  out_write(2, report.data(), report.size());
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_generation == t_seen_generation) finish_locked(EvalOutcome::Deadlocked);
}

bool session_take_interrupt(const Goroutine& g) {
  if (g_ninterrupted.load(std::memory_order_seq_cst) == 0) return false;
  std::lock_guard<std::mutex> lock(g_mu);
  return erase_interrupted_locked(g);
}

}  // namespace gol::vm
