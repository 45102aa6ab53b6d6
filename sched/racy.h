// racy.h — a deliberate unsynchronised read of a field another thread owns.
//
// schedtrace samples what Ms and Gs are doing (an M's spinning flag, a G's
// goid and wait reason) without taking part in their synchronisation, as
// Go's does ("most data can be changed concurrently", proc.go): a stale
// value only prints an old state. The fields stay plain because their
// owners use them on every scheduling step and the VM reads them freely.
// Only values are sampled this way, never a pointer to follow: sysmon gets
// those through atomics (M::curg), or what it reaches might not be
// initialised as far as it can tell.
//
// racy_read makes that one load explicit: a single volatile load of a
// word-sized value (never torn on the targets gol runs on, never fused or
// re-read by the compiler), excluded from ThreadSanitizer, which would
// otherwise report the sampling it cannot tell from a bug. Rejected: making
// the fields atomic — it changes every owner's access for a diagnostic, and
// a racy read is what the mechanism means.
#pragma once

#include <type_traits>

namespace gol::sched {

template <class T>
__attribute__((no_sanitize("thread"), noinline)) T racy_read(const T& field) {
  static_assert(std::is_trivially_copyable_v<T> && sizeof(T) <= sizeof(void*));
  return *static_cast<const volatile T*>(&field);
}

}  // namespace gol::sched
