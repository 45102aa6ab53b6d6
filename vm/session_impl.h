// session_impl.h — what the executor (sched_exec.cc), the safe point
// (interp_call.cc) and the REPL session (session.cc) tell each other. Not
// an API: vm/session.h is the REPL's.
//
// The core idea: the executor stays the one of `gol run` with a session
// switch. In session mode it reports every goroutine's end to session.cc
// (which finishes session_eval when that goroutine is the input), lets a
// panicking goroutine die alone, asks session.cc whether anything may still
// wake a goroutine and hands it the deadlock report; the safe point asks
// session.cc whether the goroutine it stopped was interrupted. Everything
// else (the eval's state, the interrupt list, the waiting) lives in
// session.cc.
//
// Rejected: a second Executor class for the REPL — it would duplicate the
// run loop, the thread hooks and the dumps, which must not drift apart.
#pragma once

#include <string>

#include "vm/goroutine.h"
#include "vm/interp.h"
#include "vm/program.h"
#include "vm/session.h"

namespace gol::vm {

// ---- sched_exec.cc, for session.cc

// Creates the executor in session mode and the scheduler, and runs the
// scheduler on a new thread (it becomes M0 and never returns); returns once
// M0 holds its P, so goroutines may be spawned from any thread.
void start_session_scheduler(const Program& program);
// Dumps of every live goroutine (Go's format), for :goroutines and the
// deadlock report.
std::string all_goroutine_dumps();

// ---- session.cc, for the executor (session mode only)

// Around every run of a goroutine on an M with execution context cx:
// publishes where the input goroutine runs (so session_interrupt can reach
// it) and re-arms the interrupt of a goroutine interrupted earlier.
void session_before_run(Goroutine& g, ExecContext* cx);
void session_after_run(Goroutine& g, ExecContext* cx);
// Goroutine g returned, called Goexit (Done) or died of a panic whose
// report is printed (Panicked).
void session_goroutine_ended(Goroutine& g, EvalOutcome how);
// Executor::may_wake and Executor::deadlock in session mode.
bool session_may_wake();
void session_deadlock();

// ---- session.cc, for the safe point (interp_call.cc)

// Whether g was interrupted by session_interrupt and has not yet begun to
// unwind: true once per interrupt (the caller starts the Goexit unwind).
bool session_take_interrupt(const Goroutine& g);

}  // namespace gol::vm
