// signal_native.cc — the natives of package os/signal (see signal.cc): thin
// calls into the runtime's signal registry (vm/signal.h), which does the
// work on its own thread. A signal number here is 0..64, or -1 for "every
// catchable signal"; 0 matches nothing, as in Go.
#include "stdlib/natives.h"
#include "vm/chan.h"
#include "vm/runtime.h"
#include "vm/signal.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

int signum(const Slot& s) { return static_cast<int>(s.i); }

// notify(c chan<- os.Signal, sig int, proto os.Signal)
NativeStatus notify(vm::Goroutine&, Slot* w) {
  auto* c = static_cast<vm::Chan*>(w[0].p);
  const int sig = signum(w[1]);
  const vm::Iface proto = vm::iface_at(w + 2);
  vm::signal_notify(c, sig, proto.type);
  return NativeStatus::Ok;
}

// stop(c chan<- os.Signal)
NativeStatus stop(vm::Goroutine&, Slot* w) {
  vm::signal_stop(static_cast<vm::Chan*>(w[0].p));
  return NativeStatus::Ok;
}

NativeStatus ignore(vm::Goroutine&, Slot* w) {
  vm::signal_ignore(signum(w[0]));
  return NativeStatus::Ok;
}

NativeStatus ignored(vm::Goroutine&, Slot* w) {
  vm::signal_init();  // SIGHUP/SIGINT ignored at start count as ignored
  w[0].u = vm::signal_ignored(signum(w[0])) ? 1 : 0;
  return NativeStatus::Ok;
}

NativeStatus reset(vm::Goroutine&, Slot* w) {
  vm::signal_reset(signum(w[0]));
  return NativeStatus::Ok;
}

}  // namespace

void register_signal_natives(vm::NativeRegistry& registry) {
  registry.add("os/signal.notify", notify);
  registry.add("os/signal.stop", stop);
  registry.add("os/signal.ignore", ignore);
  registry.add("os/signal.ignored", ignored);
  registry.add("os/signal.reset", reset);
}

}  // namespace gol::stdlib
