// sched_exec.cc — the VM on the scheduler: the executor that runs a G's
// goroutine on an M, the go statement, program start and end, goroutine
// dumps and the deadlock report.
//
// The core idea: a goroutine is stackless (goroutine.h), so running a G is
// entering the interpreter loop with the goroutine's frames and leaving it
// is returning from the loop — with the top frame's pc saved, at a safe
// point (preemption) or after a native that blocks (g.stop says how). Any M
// resumes it by entering the loop again: a G switch is a pointer swap, no
// ucontext, no assembly (DESIGN.md §4).
//
// One ExecContext per M carries the eval breaker that the safe points read;
// preempt() (sysmon's SIGURG handler, a stop-the-world) only sets a bit in it.
// M threads register with the collector before they touch the heap, and
// the G, M and P records are uncollectable GC memory, so a goroutine
// reachable only from its G (waiting in a run queue) stays alive.
//
// Program end as Go's: when main's goroutine returns, the process exits at
// once (output flushed) whatever other goroutines do; an unrecovered panic in
// any goroutine prints its report and exits 2; when every goroutine is
// blocked and nothing can wake one, the deadlock report.
//
// In a REPL session (session.cc, start_session_scheduler) the same executor
// runs with a session switch: there is no main goroutine, a panic ends only
// its goroutine, and the end of each goroutine, the deadlock check and the
// deadlock report go through session.cc's hooks (session_impl.h).
//
// Rejected: running each goroutine on its own C++ stack (ucontext, or an
// M-per-G design) — a parked goroutine would cost a stack of kilobytes, and
// every switch a register save/restore.
#include <sched.h>
#include <cerrno>
#include <unistd.h>

#include <cstdio>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>

#include "sched/fatal.h"
#include "vm/interp_impl.h"
#include "vm/runtime.h"
#include "vm/session_impl.h"
#include "vm/signal.h"

namespace gol::vm {

namespace {

sched::Scheduler* g_sched = nullptr;  // set once before the scheduler runs

[[noreturn]] void exit_process(int code) {
  out_flush();
  std::fflush(nullptr);
  // _exit: other Ms may be running gol code; nothing may tear down the heap
  // or static objects under them.
  _exit(code);
}

// One report at a time: two goroutines dying together print one report.
std::mutex g_dying;

class VmExecutor final : public sched::Executor {
 public:
  explicit VmExecutor(const Program& program) : m_program(program) {}

  void set_main(Goroutine* g) { m_main = g; }
  // Before the scheduler runs.
  void set_session() { m_session = true; }

  sched::Stop run(sched::M& m, sched::G& sg) override {
    auto* g = static_cast<Goroutine*>(sg.task);
    g->sched_g = &sg;
    g->id = sg.goid;
    auto* cx = static_cast<ExecContext*>(m.exec);
    interp::Vm vm{&m_program, cx, g, true};
    sched::Stop stop;
    if (m_session) session_before_run(*g, cx);
    const interp::Exit exit = interp::execute(vm, 0);
    if (m_session) session_after_run(*g, cx);
    switch (exit) {
      case interp::Exit::Stopped:
        stop = g->stop;
        g->stop = sched::Stop{};
        return stop;
      case interp::Exit::Returned:
        if (g == m_main) exit_process(0);
        if (m_session) session_goroutine_ended(*g, EvalOutcome::Done);
        break;
      case interp::Exit::Goexit:
        // Even main's: the program goes on until the others end (then the
        // deadlock check reports "no goroutines").
        if (m_session) session_goroutine_ended(*g, EvalOutcome::Done);
        break;
      case interp::Exit::Panicked: {
        {
          std::lock_guard<std::mutex> lock(g_dying);
          interp::print_panic_report(vm, interp::execute);
          if (!m_session) exit_process(2);
        }
        // The REPL lives on: only this goroutine dies.
        session_goroutine_ended(*g, EvalOutcome::Panicked);
        break;
      }
    }
    // Finished: let the collector have its memory; the G record is reused.
    sg.task = nullptr;
    stop.kind = sched::Stop::Exit;
    return stop;
  }

  void preempt(sched::M& m) override {
    // Async-signal-safe: a relaxed fetch_or on a lock-free atomic.
    if (auto* cx = static_cast<ExecContext*>(m.exec)) cx->eval_breaker.fetch_or(kBreakPreempt, std::memory_order_relaxed);
  }

  void thread_started(sched::M& m) override {
    // M0 is the thread that called run(), registered already; every other M
    // registers before it touches the heap (STACK.md §3).
    if (!GC_thread_is_registered()) {
      GC_stack_base sb;
      if (GC_get_stack_base(&sb) != GC_SUCCESS) fatal("cannot find the stack of a new thread");
      GC_register_my_thread(&sb);
      m_registered_here = true;
    }
    // Plain memory: it holds no GC pointers, and the sysmon thread's signal
    // reaches it through m.exec. Never freed: the REPL's interrupt may still
    // hold a pointer to it (session.cc).
    m.exec = new ExecContext();
    if (m.id == 0) {
      // M0 holds its P now: start_session_scheduler may return.
      std::lock_guard<std::mutex> lock(m_start_mu);
      m_started = true;
      m_start_cv.notify_all();
    }
  }

  // start_session_scheduler: until M0 has started.
  void wait_started() {
    std::unique_lock<std::mutex> lock(m_start_mu);
    m_start_cv.wait(lock, [this] { return m_started; });
  }

  void thread_stopping(sched::M& m) override {
    (void)m;
    if (m_registered_here) GC_unregister_my_thread();
  }

  void* alloc_record(size_t bytes) override { return gc_alloc_immortal(bytes); }

  // Timer heaps' arrays (sched/timer.h): the only references to pending
  // timers, so scanned as roots; the heap frees them when it grows.
  void* alloc_roots(size_t bytes) override {
    void* p = GC_MALLOC_UNCOLLECTABLE(bytes);
    if (p == nullptr) fatal("out of memory");
    return p;
  }
  void free_roots(void* p) override { GC_FREE(p); }

  // Outside the run queues, only the signal delivery thread readies a
  // goroutine (through a Notify channel), as in Go, where a program waiting
  // for a signal is never reported as deadlocked.
  // In a session, also the REPL's next input (session.cc).
  bool may_wake() override { return m_session ? session_may_wake() : signal_notify_active(); }

  void deadlock() override {
    std::lock_guard<std::mutex> lock(g_dying);
    if (m_session) {
      // Reported for the input being evaluated, if any; the Ms stay idle.
      session_deadlock();
      return;
    }
    // No goroutine left at all: main must have called Goexit (its return
    // would have ended the process).
    if (g_sched->gcount() == 0) fatal("no goroutines (main called runtime.Goexit) - deadlock!");
    std::string report = "fatal error: all goroutines are asleep - deadlock!\n\n";
    report += all_dumps(nullptr);
    out_flush();
    out_write(2, report.data(), report.size());
    exit_process(2);
  }

  // Dumps of every live goroutine, `first`'s first (cf. tracebackothers).
  std::string all_dumps(const Goroutine* first) {
    std::string out;
    if (first != nullptr) out += interp::goroutine_dump(m_program, *first, "running");
    for (sched::G* sg : g_sched->all_gs()) {
      const sched::GStatus st = sg->status.load(std::memory_order_acquire);
      auto* g = static_cast<const Goroutine*>(sg->task);
      if (g == nullptr || g == first || st == sched::GStatus::Dead || st == sched::GStatus::Idle) continue;
      // Returned from its last frame, its M not yet done with it (a REPL
      // input whose end session_eval has just seen): nothing to show.
      if (g->nframes == 0) continue;
      const char* state = st == sched::GStatus::Waiting ? sched::wait_reason_name(sg->wait_reason) : sched::status_name(st);
      if (!out.empty()) out += '\n';
      // A G that never ran has no id in its goroutine yet.
      Goroutine copy = *g;
      copy.id = sg->goid;
      out += interp::goroutine_dump(m_program, copy, state);
    }
    return out;
  }

 private:
  const Program& m_program;
  Goroutine* m_main = nullptr;
  bool m_session = false;  // set before the scheduler runs
  std::mutex m_start_mu;
  std::condition_variable m_start_cv;  // m_started (m_start_mu)
  bool m_started = false;
  static thread_local bool m_registered_here;
};

thread_local bool VmExecutor::m_registered_here = false;

VmExecutor* g_exec = nullptr;

void fatal_hook(std::string_view message) { fatal(message); }

// GOLDEBUG=schedtrace=MS,scheddetail=1 (Go's GODEBUG names, gol's variable).
void apply_goldebug(sched::Scheduler& s) {
  const char* env = std::getenv("GOLDEBUG");
  if (env == nullptr) return;
  int32_t trace_ms = 0;
  bool detail = false;
  std::string all = env;
  size_t start = 0;
  while (start <= all.size()) {
    size_t end = all.find(',', start);
    if (end == std::string::npos) end = all.size();
    std::string item = all.substr(start, end - start);
    size_t eq = item.find('=');
    if (eq != std::string::npos) {
      std::string key = item.substr(0, eq);
      long value = std::strtol(item.c_str() + eq + 1, nullptr, 10);
      if (key == "schedtrace" && value > 0) trace_ms = static_cast<int32_t>(value);
      if (key == "scheddetail" && value > 0) detail = true;
    }
    start = end + 1;
  }
  if (trace_ms > 0) s.set_schedtrace(trace_ms, detail);
}

}  // namespace

sched::Scheduler* scheduler() { return g_sched; }

std::string all_goroutine_dumps() { return g_exec != nullptr ? g_exec->all_dumps(nullptr) : std::string(); }

void start_session_scheduler(const Program& program) {
  sched::set_fatal_hook(fatal_hook);
  interp::set_running_program(&program);
  g_exec = new VmExecutor(program);
  g_exec->set_session();
  g_sched = new sched::Scheduler(*g_exec, gomaxprocs_from_env());
  apply_goldebug(*g_sched);
  std::thread([] {
    // M0 of a session: a std::thread, registered by hand (STACK.md §3).
    GC_stack_base sb;
    if (GC_get_stack_base(&sb) != GC_SUCCESS) fatal("cannot find the stack of the scheduler thread");
    GC_register_my_thread(&sb);
    // Nothing calls shutdown in a session: the process ends by exit().
    g_sched->run();
    fatal("the session's scheduler stopped");
  }).detach();
  g_exec->wait_started();
}

int32_t num_cpu() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) return n;
  }
  unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? static_cast<int32_t>(n) : 1;
}

int32_t gomaxprocs_from_env() {
  // Go: GOMAXPROCS overrides the default when it parses as a positive
  // integer; anything else is ignored.
  if (const char* env = std::getenv("GOMAXPROCS"); env != nullptr && *env != '\0') {
    char* end = nullptr;
    long n = std::strtol(env, &end, 10);
    if (*end == '\0' && n > 0) return static_cast<int32_t>(std::min<long>(n, 1024));
  }
  return num_cpu();
}

std::string goroutine_stacks(const Goroutine& self, bool all) {
  if (all && g_exec != nullptr) return g_exec->all_dumps(&self);
  return interp::goroutine_dump(*interp::running_program(), self, "running");
}

void enter_syscall(Goroutine& g) {
  if (g_sched != nullptr && g.sched_g != nullptr) g_sched->enter_syscall();
}

NativeStatus exit_syscall(Goroutine& g) {
  if (g_sched == nullptr || g.sched_g == nullptr) return NativeStatus::Ok;
  const int saved = errno;  // callers read errno into results first; keep it anyway
  const bool kept_p = g_sched->exit_syscall();
  errno = saved;
  if (kept_p) return NativeStatus::Ok;
  g.stop = sched::Stop{};
  g.stop.kind = sched::Stop::LostP;
  return NativeStatus::Block;
}

NativeStatus park(Goroutine& g, sched::WaitReason reason, bool (*unlock)(sched::G*, void*), void* arg) {
  g.stop = sched::Stop{};
  g.stop.kind = sched::Stop::Park;
  g.stop.reason = reason;
  g.stop.unlock = unlock;
  g.stop.arg = arg;
  return NativeStatus::Block;
}

void ready(Goroutine& g) {
  if (g_sched == nullptr || g.sched_g == nullptr) fatal("ready: goroutine " + std::to_string(g.id) + " is not scheduled");
  g_sched->ready(g.sched_g);
}

void spawn_call(const Closure* fn) {
  if (g_sched == nullptr) fatal("spawn_call without the scheduler");
  Goroutine* g = new_goroutine();
  interp::Vm vm{interp::running_program(), nullptr, g, false};
  interp::push_frame(vm, fn, 0, 0);
  g_sched->spawn(g);
}

int64_t nanotime() { return sched::monotonic_ns(); }

void fatal_with_goroutines(Goroutine& g, std::string_view msg) {
  std::lock_guard<std::mutex> lock(g_dying);
  std::string report = "fatal error: ";
  report.append(msg);
  report += "\n\n";
  report += g_exec != nullptr ? g_exec->all_dumps(&g) : interp::goroutine_dump(*interp::running_program(), g, "running");
  out_flush();
  out_write(2, report.data(), report.size());
  exit_process(2);
}

NativeStatus start_goexit(Goroutine& g) {
  g.pending_panic = Iface{nullptr, {0}};
  g.has_pending_panic = true;
  g.pending_goexit = true;
  return NativeStatus::Panic;
}

namespace interp {

void go_statement(Vm& vm, const Closure* fn, const Slot* args, uint32_t nargs) {
  if (fn == nullptr) {
    // Go throws here (newproc1): a fatal error with the creator's trace.
    std::lock_guard<std::mutex> lock(g_dying);
    std::string report = "fatal error: go of nil func value\n\n" + goroutine_trace(vm);
    out_flush();
    out_write(2, report.data(), report.size());
    exit_process(2);
  }
  if (g_sched == nullptr) fatal("go statement in a program run without the scheduler");
  Goroutine* g = new_goroutine();
  Vm nvm{vm.program, vm.cx, g, false};
  const uint32_t need = std::max(nargs, fn->proto->frame_slots);
  if (need > g->stack_cap) grow_stack(nvm, need);
  copy_slots(g->stack, args, nargs);
  push_frame(nvm, fn, 0, 0);
  const Frame& top = vm.g->frames[vm.g->nframes - 1];
  g->parent_id = vm.g->id;
  g->creator = top.proto;
  g->creator_pc = top.pc;
  g_sched->spawn(g);
}

}  // namespace interp

void run_program(const Program& program) {
  runtime_init();
  // SIGINT/SIGTERM/SIGHUP end a gol program as Go's runtime ends one.
  signal_init();
  if (program.entry >= program.protos.size() || program.protos[program.entry]->static_closure == nullptr ||
      program.globals == nullptr) {
    GOL_THROW("run_program: Program::finish was not called");
  }
  sched::set_fatal_hook(fatal_hook);
  // Both live until the process exits: Ms may still be running when main's
  // goroutine ends it.
  interp::set_running_program(&program);
  g_exec = new VmExecutor(program);
  g_sched = new sched::Scheduler(*g_exec, gomaxprocs_from_env());
  apply_goldebug(*g_sched);
  Goroutine* main = new_goroutine();
  interp::Vm vm{&program, nullptr, main, false};
  interp::push_frame(vm, program.protos[program.entry]->static_closure, 0, 0);
  g_exec->set_main(main);
  g_sched->spawn(main);
  int code = g_sched->run();
  exit_process(code);
}

}  // namespace gol::vm
