// natives.cc — registers every standard package's natives (see natives.h).
#include "stdlib/natives.h"

namespace gol::stdlib {

void register_natives(vm::NativeRegistry& registry) {
  register_context_natives(registry);
  register_errors_natives(registry);
  register_flag_natives(registry);
  register_fmt_natives(registry);
  register_math_natives(registry);
  register_rand_natives(registry);
  register_os_natives(registry);
  register_net_natives(registry);
  register_signal_natives(registry);
  register_syscall_natives(registry);  // after os: it reuses os.errnoString
  register_runtime_natives(registry);
  register_pprof_natives(registry);
  register_trace_natives(registry);
  register_sort_natives(registry);
  register_strconv_natives(registry);
  register_strings_natives(registry);
  register_time_natives(registry);
  register_sync_natives(registry);
  register_atomic_natives(registry);
  register_unicode_natives(registry);
}

}  // namespace gol::stdlib
