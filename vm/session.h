// session.h — the runtime side of the REPL: a program that keeps running
// between inputs.
//
// `gol run` gives the scheduler the main thread and exits when main.main
// returns (vm/sched_exec.cc, run_program). The REPL instead starts the
// scheduler once, on a thread of its own, and then runs each input as a
// goroutine of one growing Program (lang/session.h appends each input's
// code to it): the REPL thread blocks in session_eval until that goroutine
// finishes, panics, deadlocks or is interrupted, while goroutines started by
// earlier inputs keep running. What ends a `gol run` program ends only the
// input here:
//   - an unrecovered panic in the input goroutine prints Go's report
//     ("panic: ..." + "goroutine N [running]:" + frames) to standard error
//     and session_eval returns Panicked; one in a background goroutine
//     prints the same report (the REPL front end shows it above the prompt)
//     and only that goroutine dies;
//   - all goroutines asleep while an input is being evaluated: Go's
//     "fatal error: all goroutines are asleep - deadlock!" report, then
//     session_eval returns Deadlocked; the input goroutine stays blocked
//     (an abandoned goroutine: a later input may still wake it). At the
//     prompt nothing is a deadlock (the next input may wake anyone);
//   - session_interrupt (Ctrl-C) makes session_eval return Interrupted at
//     once and asks the input goroutine to stop: if it is running it exits
//     at its next safe point (running its deferred calls, as Goexit does);
//     if it is blocked it is abandoned as above;
//   - os.Exit and runtime.Goexit in the input: os.Exit ends the process (as
//     in Go, after flushing); Goexit ends the input goroutine (Done).
// Fatal errors (a runtime bug, "concurrent map writes" if detected, stack
// overflow) still end the process with exit status 2.
//
// Output: with an output hook set, everything the program writes to
// standard output and standard error goes to the hook instead (unbuffered),
// from whichever thread writes it; the REPL front end prints it above the
// prompt line while the user is editing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "vm/program.h"

namespace gol::vm {

// Starts the runtime for an interactive session (collector, signals, the
// scheduler with GOMAXPROCS from the environment, on a background thread).
// `program` is the session's growing Program: it must outlive the process
// (never destroyed) and have Program::finish called after each append.
// Once per process; the calling thread becomes the REPL thread (it is
// registered with the collector and is not an M).
void session_start(Program& program);

enum class EvalOutcome { Done, Panicked, Interrupted, Deadlocked };

// Runs the closure of proto `entry` (no parameters, no results) as a new
// goroutine and waits (see the header). REPL thread only; not reentrant.
EvalOutcome session_eval(uint32_t entry);

// Any thread (the signal delivery thread calls it through the SIGINT hook):
// interrupts the session_eval in progress, if any; otherwise does nothing.
void session_interrupt();

// Every live goroutine's stack in Go's dump format (runtime.Stack(buf,
// true) minus the caller), for the REPL's :goroutines.
std::string session_goroutines();

// runtime.GOMAXPROCS(n) from the REPL thread (:gomaxprocs N); returns the
// previous value; n < 1 only reads it.
int32_t session_gomaxprocs(int32_t n);

// Where program output goes in the REPL (see the header). Set before
// session_start; null restores normal output. Called from any thread,
// possibly concurrently; fd is 1 or 2.
using OutputHook = void (*)(int fd, const char* data, size_t len);
void set_output_hook(OutputHook hook);

// What SIGINT does when no signal.Notify channel wants it: by default the
// program dies by the signal (Go's behaviour); with a hook set, the signal
// delivery thread calls the hook instead (the REPL interrupts the input or
// clears the line). Set before session_start.
void set_sigint_hook(void (*hook)());

}  // namespace gol::vm
