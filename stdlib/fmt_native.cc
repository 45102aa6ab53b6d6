// fmt_native.cc — package fmt's natives: the two passes of the printer.
//
//   fmt.methodCalls(mode int, format string, a []any) []any
//       the Collect pass: every receiver whose Error()/String() method the
//       formatter will need, in the order it needs them (nil when none).
//   fmt.formatArgs(mode int, format string, a []any, strs []string,
//                  panicked []bool) (s string, wrapped []int)
//       the Format pass: the text, given the methods' results (strs[i] is
//       the result of calls[i], or the text of its panic when panicked[i]),
//       and the operand index of every %w (for Errorf).
// `mode` is one of fmt.cc's modePrint, modePrintln, modePrintf,
// modePrintfWrap (the same order as PrintMode).
//
// The gol loop between them, and why it exists, is in fmt.cc's header; the
// printer itself is fmt_print.cc.
#include <cstring>

#include "stdlib/fmt_impl.h"
#include "stdlib/natives.h"
#include "vm/native.h"
#include "vm/runtime.h"

namespace gol::stdlib {

namespace {

using vm::Goroutine;
using vm::NativeStatus;
using vm::Slot;

// The shared prefix of both natives' windows: mode, format (2 slots), a (3).
PrintJob job_from_window(const Slot* w) {
  PrintJob job;
  job.mode = static_cast<PrintMode>(w[0].i);
  job.format = std::string_view(static_cast<const char*>(w[1].cp), static_cast<size_t>(w[2].i));
  job.args = static_cast<const vm::Iface*>(w[3].cp);
  job.nargs = static_cast<size_t>(w[4].i);
  return job;
}

void write_slice(Slot* dst, void* data, int64_t len) {
  dst[0].p = data;
  dst[1].i = len;
  dst[2].i = len;
}

NativeStatus method_calls(Goroutine&, Slot* w) {
  PrintJob job = job_from_window(w);
  size_t n = 0;
  vm::Iface* calls = collect_method_calls(job, &n);
  write_slice(w, n ? calls : nullptr, static_cast<int64_t>(n));
  return NativeStatus::Ok;
}

NativeStatus format_args(Goroutine&, Slot* w) {
  PrintJob job = job_from_window(w);
  auto* strs = static_cast<const vm::StringHeader*>(w[6].cp);
  auto nstrs = static_cast<size_t>(w[7].i);
  auto* panicked = static_cast<const uint8_t*>(w[9].cp);  // []bool: packed bytes
  auto npanicked = static_cast<size_t>(w[10].i);
  std::vector<MethodResult> results(std::min(nstrs, npanicked));
  for (size_t i = 0; i < results.size(); i++) results[i] = {strs[i], panicked[i] != 0};
  job.results = results.data();
  job.nresults = results.size();
  PrintOutput out = format_job(job);
  vm::StringHeader s = vm::make_string(out.text);
  void* wrapped = nullptr;
  if (!out.wrapped.empty()) {
    wrapped = vm::gc_alloc_atomic(out.wrapped.size() * sizeof(int64_t));
    std::memcpy(wrapped, out.wrapped.data(), out.wrapped.size() * sizeof(int64_t));
  }
  w[0].cp = s.data;
  w[1].i = s.len;
  write_slice(w + 2, wrapped, static_cast<int64_t>(out.wrapped.size()));
  return NativeStatus::Ok;
}

}  // namespace

void register_fmt_natives(vm::NativeRegistry& registry) {
  registry.add("fmt.methodCalls", method_calls);
  registry.add("fmt.formatArgs", format_args);
}

}  // namespace gol::stdlib
