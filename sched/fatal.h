// fatal.h — broken scheduler invariants (STYLE.md: GOL_THROW's class).
//
// sched/ cannot see the VM, whose fatal() flushes the program's buffered
// output before printing; so the scheduler's own throw calls a hook the VM
// installs at start-up (set_fatal_hook), and falls back to printing
// "fatal error: <msg>" itself and exiting with status 2.
#pragma once

#include <string_view>

namespace gol::sched {

using FatalHook = void (*)(std::string_view message);

// Installed once at start-up, before any scheduler thread exists.
void set_fatal_hook(FatalHook hook);

// Never returns: the hook if installed (it must not return either), else
// prints Go's form and exits 2.
[[noreturn]] void fatal(std::string_view message);

}  // namespace gol::sched
