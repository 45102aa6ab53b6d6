// native.h — how C++ implements gol functions (natives).
//
// A standard-library function declared without a body is native. The
// compiler turns a call into CALLN with the native's index; the native finds
// its arguments in the call window, flattened in declaration order (a string
// argument is 2 slots, a slice 3, an interface 2 ...), and writes its results
// at the start of the same window (read every argument before writing a
// result: they overlap).
//
// A native never calls back into gol code (DESIGN.md §4: that part of the
// package is written in gol). It may allocate (GC), and it may panic: it sets
// the goroutine's panic value with raise() (or one of the runtime-error
// helpers of runtime.h) and returns NativeStatus::Panic; the interpreter then
// unwinds as for any panic. A native that must wait (Gosched, channels,
// sleep, I/O) sets g.stop and returns NativeStatus::Block: the goroutine
// leaves its M and resumes after the call once readied (DESIGN.md §4).
//
// Registration: stdlib/ fills a NativeRegistry (name → function) at start-up;
// the compiler looks names up there. Names are "pkg.Func" with the package's
// import path ("strings.Index", "unicode/utf8.RuneLen", "os.sysWrite").
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "vm/value.h"

namespace gol::vm {

struct Goroutine;

// Ok: results written. Panic: raise() was called. Block: the goroutine must
// stop after this call (g.stop says how: yield, park, or resume elsewhere
// after a syscall); when it runs again it continues after the call, with
// whatever results its waker wrote into the window.
enum class [[nodiscard]] NativeStatus { Ok, Panic, Block };

using NativeFn = NativeStatus (*)(Goroutine& g, Slot* window);

class NativeRegistry {
 public:
  void add(std::string name, NativeFn fn) { m_fns[std::move(name)] = fn; }
  NativeFn find(std::string_view name) const {
    auto it = m_fns.find(std::string(name));
    return it == m_fns.end() ? nullptr : it->second;
  }
  const std::map<std::string, NativeFn>& all() const { return m_fns; }

 private:
  std::map<std::string, NativeFn> m_fns;
};

}  // namespace gol::vm
