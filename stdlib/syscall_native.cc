// syscall_native.cc — the natives of package syscall (see syscall.cc).
//
// Kill is kill(2) returning the errno (syscall.cc turns it into an Errno);
// signal texts come from vm/signal.cc's table. errstr is os's errnoString
// (Go's error texts live once, in os_native.cc): registered here under
// syscall's name, so register_os_natives must run first (natives.cc).
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "stdlib/natives.h"
#include "vm/runtime.h"
#include "vm/signal.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

// signalText(sig int) (string, bool)
NativeStatus signal_text(vm::Goroutine&, Slot* w) {
  const int64_t sig = w[0].i;
  const char* text = sig >= 0 && sig <= vm::kMaxSignal ? vm::signal_text(static_cast<int>(sig)) : nullptr;
  // Static text: a string may point outside the GC heap (value.h).
  w[0].cp = text;
  w[1].i = text != nullptr ? static_cast<int64_t>(std::strlen(text)) : 0;
  w[2].u = text != nullptr ? 1 : 0;
  return NativeStatus::Ok;
}

// kill(pid, sig int) int
NativeStatus kill_native(vm::Goroutine&, Slot* w) {
  const auto pid = static_cast<pid_t>(w[0].i);
  const auto sig = static_cast<int>(w[1].i);
  w[0].i = kill(pid, sig) == 0 ? 0 : errno;
  return NativeStatus::Ok;
}

// Getpid() int
NativeStatus get_pid(vm::Goroutine&, Slot* w) {
  w[0].i = getpid();
  return NativeStatus::Ok;
}

}  // namespace

void register_syscall_natives(vm::NativeRegistry& registry) {
  registry.add("syscall.signalText", signal_text);
  registry.add("syscall.kill", kill_native);
  registry.add("syscall.Getpid", get_pid);
  vm::NativeFn errno_text = registry.find("os.errnoString");
  if (errno_text == nullptr) GOL_THROW("syscall: register_os_natives must come first");
  registry.add("syscall.errstr", errno_text);
}

}  // namespace gol::stdlib
