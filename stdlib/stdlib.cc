// stdlib.cc — registers every standard package's declarations (see stdlib.h).
//
// The import path of each package is written here, once; the packages' Go
// sources live in their own files (packages.h lists them). A package may only
// import packages registered here: the checker resolves a standard package's
// imports through the same registry as a program's.
#include "stdlib/stdlib.h"

#include "stdlib/packages.h"

namespace gol::stdlib {

void register_packages(lang::PackageRegistry& registry) {
  registry.add("bufio", kBufioSource);
  registry.add("bytes", kBytesSource);
  registry.add("container/heap", kHeapSource);
  registry.add("container/list", kListSource);
  registry.add("context", kContextSource);
  registry.add("errors", kErrorsSource);
  registry.add("flag", kFlagSource);
  registry.add("fmt", kFmtSource);
  registry.add("io", kIoSource);
  registry.add("math", kMathSource);
  registry.add("math/rand", kRandSource);
  registry.add("net", kNetSource);
  registry.add("os", kOsSource);
  registry.add("os/signal", kSignalSource);
  registry.add("runtime", kRuntimeSource);
  registry.add("runtime/pprof", kPprofSource);
  registry.add("runtime/trace", kTraceSource);
  registry.add("sort", kSortSource);
  registry.add("strconv", kStrconvSource);
  registry.add("strings", kStringsSource);
  registry.add("time", kTimeSource);
  registry.add("sync", kSyncSource);
  registry.add("syscall", kSyscallSource);
  registry.add("sync/atomic", kAtomicSource);
  registry.add("unicode", kUnicodeSource);
  registry.add("unicode/utf8", kUtf8Source);
}

}  // namespace gol::stdlib
