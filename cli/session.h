// session.h — the REPL's evaluator: what an input means, independent of the
// terminal (cli/repl.cc is the terminal side: line editing, history,
// prompts, completion display, commands).
//
// An input is any mix of statements, expressions and declarations (func,
// type, var, const, import), in any order. Declarations persist for the
// session (a redeclared func or type replaces the earlier one); variables
// declared by statements at the top level of an input (`x := 1`,
// `var y = 2`) persist too. An expression statement on its own prints its
// value as fmt.Println would (several results space-separated); a call with
// no results just runs. Unused variables and imports are not errors; a
// standard package is imported on first use by its name (fmt, strings,
// time ...). Errors are Go's messages, with positions in the input
// ("<input>:LINE:COL"), printed to standard error.
//
// Evaluation runs the input as a goroutine of the session's program
// (vm/session.h) and returns when it is done; goroutines it started keep
// running. Everything here runs on the REPL thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gol::cli {

class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Whether `text` is a complete input, or needs more lines (an unclosed
  // block, literal, call or string; a line ending in an operator or comma):
  // the front end then reads another line with the `... ` prompt. A syntax
  // error that more lines cannot fix counts as complete (eval reports it).
  bool is_complete(const std::string& text);

  enum class Outcome {
    Ok,           // ran (or only declared); output already printed
    Error,        // a syntax or type error: reported, nothing ran
    Panicked,     // the input panicked: Go's report printed
    Interrupted,  // interrupt() stopped it
    Deadlocked,   // every goroutine was asleep: Go's report printed
  };
  Outcome eval(const std::string& text);

  // Ctrl-C while eval runs: any thread (the SIGINT hook calls it).
  void interrupt();

  // Commands (the front end parses `:name args` and prints results):
  // :type EXPR — the type of an expression in the session ("int",
  // "func(string) int"); false with *error set when it does not check.
  bool type_of(const std::string& expr, std::string* type, std::string* error);
  // :vars — "name type" for each session variable, sorted by name.
  std::vector<std::string> vars();
  // :funcs — "func name(params) results" for each session function, sorted.
  std::vector<std::string> funcs();
  // :load FILE — adds the file's imports and declarations to the session
  // and runs its main (if any), as an input would; errors as eval.
  Outcome load(const std::string& path);
  // :reset — forgets every declaration, variable and import.
  void reset();
  // :goroutines — every goroutine with its state, wait reason and stack.
  std::string goroutines();
  // :gomaxprocs N — sets GOMAXPROCS (n < 1: only reads it); returns the old value.
  int32_t gomaxprocs(int32_t n);
  // :disasm FUNC — the bytecode of a session function (gol disasm's format);
  // false with *error set when there is no such function.
  bool disasm(const std::string& func, std::string* out, std::string* error);

  // Tab completion: the candidates for the identifier (or `pkg.` / `x.`
  // selector) that ends at `cursor` in `line`: keywords and names in scope,
  // package members after `pkg.`, fields and methods after `x.`. *start is
  // where the completed word begins; each candidate is the whole word.
  std::vector<std::string> complete(const std::string& line, size_t cursor, size_t* start);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace gol::cli
