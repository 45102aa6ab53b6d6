// fatal.cc — unrecoverable run-time errors (Go's `throw`).
//
// A fatal error is a broken invariant or a condition no gol code may
// recover from (out of memory, a native that does not exist). It is never a
// gol panic: deferred calls do not run. Standard output is flushed first, so
// what the program printed before is not lost, then "fatal error: <msg>" goes
// to standard error and the process exits with status 2, as Go's does.
//
// Stack overflow has its own report with a goroutine trace (interp.cc).
#include <unistd.h>

#include <cstdio>
#include <string>

#include "vm/runtime.h"

namespace gol::vm {

void fatal(std::string_view msg) {
  out_flush();
  std::string text = "fatal error: ";
  text.append(msg);
  text.push_back('\n');
  out_write(2, text.data(), text.size());
  std::fflush(nullptr);
  // _exit, not exit: other threads may still run gol code, and atexit
  // handlers must not touch a heap in an inconsistent state.
  _exit(2);
}

}  // namespace gol::vm
