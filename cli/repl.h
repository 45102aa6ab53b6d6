// repl.h — the REPL front end's internal interface, shared by its two
// files: repl.cc (the entry point, piped mode, `:commands`, timing) and
// repl_term.cc (terminal mode: libedit in callback mode, output above the
// prompt, Ctrl-C, history, completion).
//
// What an input means is cli/session.h's business (the lead's evaluator);
// this side only decides where lines come from, when an input is complete
// (by asking Session::is_complete), and how results reach the user.
// Rejected: one file — the terminal code (a poll loop, hooks called from
// other threads, libedit quirks) is separate in kind from command parsing
// and would push one file past 800 lines.
#pragma once

#include <string>

#include "cli/session.h"

namespace gol::cli {

// `gol` with no arguments: terminal mode when standard input is a TTY,
// piped mode otherwise. Returns the process exit status.
int run_repl();

// What one input or command did, as far as the exit status and the prompt
// loop care.
enum class InputResult {
  Ok,     // evaluated (or the command ran) without error
  Error,  // a compile error, panic, deadlock, interrupt or failed command
  Quit,   // :quit / :q
};

// State shared by both modes: the session and the :time toggle.
struct ReplState {
  Session* session = nullptr;
  bool timing = false;
};

// Whether `text` (one line, the whole pending input) is a `:command`.
bool is_command(const std::string& text);

// Runs a `:command` line; prints results to standard output and problems to
// standard error.
InputResult run_command(ReplState& state, const std::string& line);

// Evaluates one complete input, printing the elapsed time after it when
// :time is on.
InputResult run_input(ReplState& state, const std::string& text);

// Terminal mode (repl_term.cc); the session is made there, after the output
// and SIGINT hooks are set (vm/session.h wants them before session_start).
int run_terminal();

}  // namespace gol::cli
