// natives.h — the C++ implementations of the standard packages' bodyless
// functions, registered by name for the compiler (vm/native.h).
//
// Each package's natives live in <pkg>_native.cc and register themselves
// through one function declared here; register_natives calls them all.
#pragma once

#include "vm/native.h"

namespace gol::stdlib {

void register_natives(vm::NativeRegistry& registry);

void register_context_natives(vm::NativeRegistry& registry);  // context_native.cc
void register_errors_natives(vm::NativeRegistry& registry);   // errors_native.cc
void register_flag_natives(vm::NativeRegistry& registry);     // flag_native.cc
void register_fmt_natives(vm::NativeRegistry& registry);      // fmt_native.cc
void register_math_natives(vm::NativeRegistry& registry);     // math_native.cc
void register_rand_natives(vm::NativeRegistry& registry);     // rand_native.cc (math/rand)
void register_os_natives(vm::NativeRegistry& registry);       // os_native.cc
void register_net_natives(vm::NativeRegistry& registry);      // net_native.cc
void register_signal_natives(vm::NativeRegistry& registry);   // signal_native.cc (os/signal)
void register_syscall_natives(vm::NativeRegistry& registry);  // syscall_native.cc
void register_runtime_natives(vm::NativeRegistry& registry);  // runtime_native.cc
void register_pprof_natives(vm::NativeRegistry& registry);    // pprof_native.cc (runtime/pprof)
void register_trace_natives(vm::NativeRegistry& registry);    // trace_native.cc (runtime/trace)
void register_sort_natives(vm::NativeRegistry& registry);     // sort_native.cc
void register_strconv_natives(vm::NativeRegistry& registry);  // strconv_native.cc
void register_strings_natives(vm::NativeRegistry& registry);  // strings_native.cc
void register_time_natives(vm::NativeRegistry& registry);     // time_native.cc
void register_sync_natives(vm::NativeRegistry& registry);     // sync_native.cc
void register_atomic_natives(vm::NativeRegistry& registry);   // atomic_native.cc (sync/atomic)
void register_unicode_natives(vm::NativeRegistry& registry);  // unicode_native.cc

}  // namespace gol::stdlib
