// packages.h — the declaration sources of the standard packages (internal to stdlib/).
//
// Each package's file (fmt.cc, strings.cc, ...) defines its Go declaration
// source as one constant; stdlib.cc registers them all under their import
// paths. The sources are string literals, so they have static storage as
// lang::PackageSource requires.
//
// Conventions every source follows (so the VM issue knows what to implement):
//   - A function declared without a body is native: the runtime provides it.
//     Natives take and return plain values (numbers, strings, slices, `any`);
//     the errors a package returns are built by Go code around them, so no
//     native constructs a Go struct.
//   - Everything else, in particular anything that calls back into user code
//     (String/Error/Less/Write methods, func arguments), is written in Go and
//     compiled like user code (DESIGN.md §4).
//   - Every source is valid Go 1.19 that `go build` accepts (with an empty .s
//     file standing in for the natives), and uses no generics.
#pragma once

#include <string_view>

namespace gol::stdlib {

extern const std::string_view kBufioSource;     // bufio
extern const std::string_view kBytesSource;     // bytes
extern const std::string_view kHeapSource;      // container/heap
extern const std::string_view kListSource;      // container/list
extern const std::string_view kContextSource;   // context
extern const std::string_view kErrorsSource;    // errors
extern const std::string_view kFlagSource;      // flag
extern const std::string_view kFmtSource;       // fmt
extern const std::string_view kIoSource;        // io
extern const std::string_view kMathSource;      // math
extern const std::string_view kRandSource;      // math/rand
extern const std::string_view kNetSource;       // net
extern const std::string_view kOsSource;        // os
extern const std::string_view kSignalSource;    // os/signal
extern const std::string_view kSyscallSource;   // syscall
extern const std::string_view kRuntimeSource;   // runtime
extern const std::string_view kPprofSource;     // runtime/pprof
extern const std::string_view kTraceSource;     // runtime/trace
extern const std::string_view kSortSource;      // sort
extern const std::string_view kStrconvSource;   // strconv
extern const std::string_view kStringsSource;   // strings
extern const std::string_view kTimeSource;      // time
extern const std::string_view kSyncSource;      // sync
extern const std::string_view kAtomicSource;    // sync/atomic
extern const std::string_view kUnicodeSource;   // unicode
extern const std::string_view kUtf8Source;      // unicode/utf8

}  // namespace gol::stdlib
