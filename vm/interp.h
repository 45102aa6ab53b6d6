// interp.h — running a Program: the interpreter loop's entry points.
//
// One interpreter loop runs one goroutine at a time (per M, once the
// scheduler exists). Calls between gol functions push frames in the same
// loop (opcodes.def CALL*), never recursing on the C++ stack.
//
// Safe points: every function entry and every back-edge does one relaxed
// load of the running thread's eval-breaker word. Nonzero means someone
// (sysmon's preemption, a signal, the REPL's Ctrl-C) wants this goroutine to
// stop at a point where its state is consistent; the loop then calls
// ExecContext::on_break out of line.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "vm/goroutine.h"
#include "vm/program.h"

namespace gol::vm {

// Bits of the eval-breaker word.
enum BreakBits : uint32_t {
  kBreakPreempt = 1,    // yield to the scheduler (issue 4)
  kBreakInterrupt = 2,  // abandon the current input (REPL Ctrl-C)
  kBreakTest = 4,       // tests: count safe points reached
};

// Per-thread execution context (one per M).
struct ExecContext {
  // Written by other threads (sysmon, signal delivery) with a relaxed
  // fetch_or; read with a relaxed load at every safe point. Only a request
  // flag: whatever it asks for is synchronised by the handler it leads to.
  std::atomic<uint32_t> eval_breaker{0};
  // Called at a safe point where the breaker was nonzero (clears the bits it
  // handles). Tests may install one.
  void (*on_break)(ExecContext& cx, Goroutine& g) = nullptr;
  uint64_t safe_points_seen = 0;  // incremented by the default handler for kBreakTest
};

// Process arguments as os.Args sees them (program name first).
void set_process_args(std::vector<std::string> args);
const std::vector<std::string>& process_args();

// Runs the program on the scheduler (GOMAXPROCS Ps from the environment;
// GOLDEBUG=schedtrace=MS,scheddetail=1 as Go's GODEBUG): the entry
// (package initialisation, then main.main) on goroutine 1. Never returns:
// the process exits when main returns (status 0), at os.Exit, or after
// printing an unrecovered panic (2), a deadlock or a fatal error (2), as
// Go's does; output is flushed first. (sched_exec.cc)
[[noreturn]] void run_program(const Program& program);

// `gol disasm`: every function's bytecode, readably.
std::string disassemble(const Program& program);
std::string disassemble(const Program& program, const Proto& proto);

}  // namespace gol::vm
