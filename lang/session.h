// session.h — compiling a REPL session: one growing vm::Program, one
// generation per input.
//
// The REPL (cli/session.cc) checks the whole session as a `package main`
// again for every input — the declarations made so far, in their latest
// version, plus the input wrapped in a function — and hands the checked
// package to SessionLinker::compile, which appends that generation's code
// to the session's Program and returns an entry that runs the input. Code
// of earlier generations stays in the Program unchanged, because goroutines
// started by earlier inputs may still be running it.
//
// What links one generation to the earlier ones (by name, since each check
// makes new lang objects):
//   - package-level variables: a variable is the same variable (the same
//     global slots) as an earlier generation's when its package, name and
//     type (type_string) are the same; only variables that are new are
//     initialised (their initialiser runs, in Go's order), so `var x = f()`
//     declared once is not re-run by later inputs. A variable whose type
//     changed gets new slots (the old ones stay with the old code).
//   - standard packages: initialised once, by the first generation that
//     imports them (their variables are linked as above, so io.EOF is the
//     same error value in every generation); their functions are compiled
//     once and reused by later generations (by qualified name), since their
//     source never changes.
//   - named types of package main: the same run-time type (vm::Type*) as
//     an earlier generation's when the name and the declaration's source
//     text are the same, so values made by one input keep their type for
//     the next (type assertions, %T, map keys); a changed declaration makes
//     a new run-time type. Method tables are rebuilt by every generation,
//     so a redeclared method is what later calls through an interface
//     reach.
//   - functions of package main are compiled again by every generation: a
//     redeclared function is what later inputs call (code of an earlier
//     generation still calls the version it was compiled with).
// The input function is compiled like any other; its Proto is named
// "main.main" so traces read as Go's would.
//
// Concurrency: the Program's tables (protos, types, natives, files) are
// reserved once with room for a long session and only appended to, and the
// globals area is a fixed reservation, so goroutines running earlier code
// never see anything they use move. compile and Program::finish run on the
// REPL thread while those goroutines run.
#pragma once

#include <memory>

#include "lang/compile.h"
#include "lang/source.h"
#include "vm/native.h"
#include "vm/program.h"

namespace gol::lang {

struct Package;
class Func;

class SessionLinker {
 public:
  explicit SessionLinker(const vm::NativeRegistry& natives);
  ~SessionLinker();
  SessionLinker(const SessionLinker&) = delete;
  SessionLinker& operator=(const SessionLinker&) = delete;

  // The session's program; never destroyed (goroutines may outlive a reset).
  vm::Program& program();

  // Compiles one generation: `main` was checked with CheckOptions::repl,
  // `input` is its function (no parameters, no results) holding the input.
  // On success sets *entry to a proto (no parameters, no results) that
  // initialises what is new (see the header) and then calls `input`, and
  // calls Program::finish for the new code. On failure returns false with
  // *error set and leaves the linking state as it was (the program may
  // hold unused new protos).
  bool compile(const SourceSet& sources, Package* main, const Func* input, uint32_t* entry, CompileError* error);

  // :reset — later generations link to nothing earlier (fresh variables,
  // types, and standard packages initialised again).
  void reset();

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

}  // namespace gol::lang
