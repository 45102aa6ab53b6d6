// repl.cc — `gol` with no arguments: the REPL's entry point, piped mode, the
// `:commands` and the :time display. Terminal mode is repl_term.cc; what an
// input means is cli/session.h.
//
// Piped mode (standard input not a TTY) is a script runner: no prompts, no
// echo, no line editor (libedit would be harmless, but a TTY-less editor has
// nothing to offer and readline-compatibles differ here, STACK.md §5).
// Lines are grouped into inputs exactly as the terminal does — keep adding
// lines while Session::is_complete says the text is unfinished — and each
// input is evaluated as soon as it is complete, so output interleaves with
// input the way a user would see it. An error (compile error, panic,
// deadlock) is reported when it happens and does not stop later inputs —
// like a shell script without `set -e`, because later lines are often
// independent and a user piping a file wants every error at once; the exit
// status at end of input is 1 if any input or command failed, else 0.
// SIGINT in piped mode keeps Go's default (the process dies by the signal):
// there is no prompt to return to.
//
// Commands are parsed here rather than in Session because they are the
// front end's vocabulary (":q" is a UI matter); Session offers the
// operations they need.
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/repl.h"
#include "cli/session.h"
#include "vm/runtime.h"

namespace gol::cli {
namespace {

const char kHelp[] =
    "Enter Go statements, expressions and declarations (func, type, var, const,\n"
    "import). An expression prints its value; declarations and variables persist.\n"
    "Standard packages (fmt, strings, time, ...) need no import line. Unfinished\n"
    "input continues on a `... ` prompt. Ctrl-C interrupts a running input or\n"
    "clears the line; Ctrl-D exits.\n"
    "\n"
    "Commands:\n"
    "  :help            this text\n"
    "  :quit, :q        leave the REPL\n"
    "  :type EXPR       the type of an expression\n"
    "  :vars            the session's variables and their types\n"
    "  :funcs           the session's functions\n"
    "  :load FILE       run a .gol file's declarations and main in the session\n"
    "  :reset           forget every declaration, variable and import\n"
    "  :goroutines      every goroutine with its state, wait reason and stack\n"
    "  :gomaxprocs [N]  show GOMAXPROCS, or set it to N\n"
    "  :disasm FUNC     the bytecode of a session function\n"
    "  :time            toggle printing how long each input took\n";

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

// Go's time.Duration spelling, to three decimals: "815ns", "12.345µs",
// "1.234ms", "2.500s".
std::string format_duration(std::chrono::nanoseconds d) {
  const double ns = static_cast<double>(d.count());
  char buf[64];
  if (ns < 1e3) {
    std::snprintf(buf, sizeof buf, "%.0fns", ns);
  } else if (ns < 1e6) {
    std::snprintf(buf, sizeof buf, "%.3fµs", ns / 1e3);
  } else if (ns < 1e9) {
    std::snprintf(buf, sizeof buf, "%.3fms", ns / 1e6);
  } else {
    std::snprintf(buf, sizeof buf, "%.3fs", ns / 1e9);
  }
  return buf;
}

InputResult from_outcome(Session::Outcome outcome) {
  return outcome == Session::Outcome::Ok ? InputResult::Ok : InputResult::Error;
}

void print_lines(const std::vector<std::string>& lines) {
  for (const std::string& line : lines) std::printf("%s\n", line.c_str());
}

InputResult cmd_gomaxprocs(ReplState& state, const std::string& arg) {
  if (arg.empty()) {
    std::printf("%d\n", state.session->gomaxprocs(0));
    return InputResult::Ok;
  }
  char* end = nullptr;
  const long n = std::strtol(arg.c_str(), &end, 10);
  if (*end != '\0' || n < 1 || n > 1024) {
    std::fprintf(stderr, ":gomaxprocs: want a number from 1 to 1024, not %s\n", arg.c_str());
    return InputResult::Error;
  }
  const int32_t old = state.session->gomaxprocs(static_cast<int32_t>(n));
  std::printf("GOMAXPROCS %ld (was %d)\n", n, old);
  return InputResult::Ok;
}

// The commands that take an argument; `name` and `arg` are split and trimmed.
InputResult cmd_with_arg(ReplState& state, const std::string& name, const std::string& arg) {
  Session& session = *state.session;
  std::string out, error;
  if (name == "type") {
    if (arg.empty()) {
      std::fprintf(stderr, ":type: want an expression\n");
      return InputResult::Error;
    }
    if (!session.type_of(arg, &out, &error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return InputResult::Error;
    }
    std::printf("%s\n", out.c_str());
    return InputResult::Ok;
  }
  if (name == "disasm") {
    if (arg.empty()) {
      std::fprintf(stderr, ":disasm: want a function name\n");
      return InputResult::Error;
    }
    if (!session.disasm(arg, &out, &error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return InputResult::Error;
    }
    std::fputs(out.c_str(), stdout);
    return InputResult::Ok;
  }
  // :load
  if (arg.empty()) {
    std::fprintf(stderr, ":load: want a file name\n");
    return InputResult::Error;
  }
  std::fflush(stdout);
  return from_outcome(session.load(arg));
}

}  // namespace

bool is_command(const std::string& text) {
  const std::string t = trim(text);
  // ":=" can't start a Go input either, but a lone ':' is an unknown command.
  return !t.empty() && t[0] == ':';
}

InputResult run_command(ReplState& state, const std::string& line) {
  // Program output waits in the VM's buffer; it came first.
  vm::out_flush();
  const std::string t = trim(line).substr(1);
  size_t split = 0;
  while (split < t.size() && !std::isspace(static_cast<unsigned char>(t[split]))) ++split;
  const std::string name = t.substr(0, split);
  const std::string arg = trim(t.substr(split));
  Session& session = *state.session;
  InputResult result = InputResult::Ok;
  if (name == "quit" || name == "q") {
    result = InputResult::Quit;
  } else if (name == "help" || name == "h" || name == "?") {
    std::fputs(kHelp, stdout);
  } else if (name == "type" || name == "disasm" || name == "load") {
    result = cmd_with_arg(state, name, arg);
  } else if (name == "vars") {
    print_lines(session.vars());
  } else if (name == "funcs") {
    print_lines(session.funcs());
  } else if (name == "reset") {
    session.reset();
  } else if (name == "goroutines") {
    std::fputs(session.goroutines().c_str(), stdout);
  } else if (name == "gomaxprocs") {
    result = cmd_gomaxprocs(state, arg);
  } else if (name == "time") {
    state.timing = !state.timing;
    std::printf("timing %s\n", state.timing ? "on" : "off");
  } else {
    std::fprintf(stderr, "unknown command :%s (:help lists them)\n", name.c_str());
    result = InputResult::Error;
  }
  std::fflush(stdout);
  return result;
}

InputResult run_input(ReplState& state, const std::string& text) {
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  const Session::Outcome outcome = state.session->eval(text);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  vm::out_flush();
  if (state.timing) {
    std::fflush(stdout);
    std::fprintf(stderr, "(%s)\n", format_duration(elapsed).c_str());
  }
  return from_outcome(outcome);
}

namespace {

// Piped mode: see the file comment.
int run_piped() {
  // Never destroyed: goroutines may still run its code at exit (run_repl).
  Session& session = *new Session;
  ReplState state{&session};
  bool failed = false;
  std::string pending;
  std::string line;
  bool quit = false;
  while (!quit && std::getline(std::cin, line)) {
    if (pending.empty()) {
      if (trim(line).empty()) continue;
      if (is_command(line)) {
        const InputResult r = run_command(state, line);
        failed |= r == InputResult::Error;
        quit = r == InputResult::Quit;
        continue;
      }
      pending = line;
    } else {
      pending += '\n';
      pending += line;
    }
    if (session.is_complete(pending)) {
      failed |= run_input(state, pending) == InputResult::Error;
      pending.clear();
    }
  }
  // Input that ends unfinished is evaluated as it is: eval reports what is
  // missing, as Go's compiler would for a truncated file.
  if (!quit && !pending.empty()) failed |= run_input(state, pending) == InputResult::Error;
  std::fflush(stdout);
  return failed ? 1 : 0;
}

}  // namespace

int run_repl() {
  const int status = isatty(STDIN_FILENO) ? run_terminal() : run_piped();
  // Background goroutines may still be running on other threads: leave as
  // os.Exit does, without tearing anything down.
  vm::out_flush();
  std::fflush(stdout);
  std::fflush(stderr);
  _exit(status);
}

}  // namespace gol::cli
