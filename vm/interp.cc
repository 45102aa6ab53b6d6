// interp.cc — running a Program (interp.h): the entry goroutine, the exit
// status, and the process arguments os.Args reads.
//
// run_program makes the main goroutine, pushes the entry proto (package
// initialisation, then main.main) and runs the loop until it returns — exit
// status 0 — or a panic finds no deferred call to recover it: the report
// goes to standard error (after flushing standard output) and the status is
// 2, as Go's. os.Exit ends the process from its native directly.
//
// The loop itself is in interp_loop.cc; calls, panics and operations it
// does out of line are in interp_call.cc, interp_panic.cc, interp_ops.cc.
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "vm/interp_impl.h"
#include "vm/runtime.h"

namespace gol::vm {

namespace {

std::mutex g_args_mu;
std::vector<std::string> g_args;  // guarded by g_args_mu for writes; set once before running

}  // namespace

void set_process_args(std::vector<std::string> args) {
  std::lock_guard<std::mutex> lock(g_args_mu);
  g_args = std::move(args);
}

const std::vector<std::string>& process_args() { return g_args; }

namespace interp {

namespace {
std::atomic<const Program*> g_running_program{nullptr};
}  // namespace

void set_running_program(const Program* program) { g_running_program.store(program, std::memory_order_release); }
const Program* running_program() { return g_running_program.load(std::memory_order_acquire); }

int run_with(const Program& program, ExecContext& cx, ExecuteFn execute_fn) {
  runtime_init();
  if (program.entry >= program.protos.size() || program.protos[program.entry]->static_closure == nullptr ||
      program.globals == nullptr) {
    GOL_THROW("run_program: Program::finish was not called");
  }
  set_running_program(&program);
  Goroutine* g = new_goroutine();
  Vm vm{&program, &cx, g, false};
  push_frame(vm, program.protos[program.entry]->static_closure, 0, 0);
  Exit exit = execute_fn(vm, 0);
  if (exit == Exit::Panicked) {
    print_panic_report(vm, execute_fn);
    return 2;
  }
  if (exit == Exit::Goexit) fatal("no goroutines (main called runtime.Goexit) - deadlock!");
  out_flush();
  return 0;
}

}  // namespace interp


}  // namespace gol::vm
