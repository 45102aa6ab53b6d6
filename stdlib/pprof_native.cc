// pprof_native.cc — the natives of package runtime/pprof (see pprof.cc).
//
// Each native turns a request into finished bytes in a fresh []byte: the
// CPU profile at stop, a heap/allocs profile (scaled as Go's
// writeHeapProto does), or the goroutine profile in the form `debug`
// asks for. Profiles are built from vm/profile.h's stacks; the encoding
// and Go's text forms live in vm/profile_encode.cc.
//
// Rejected: writing to the destination from C++ (the Writer is Go's
// business, as in runtime/trace).
#include <cstring>
#include <string>
#include <string_view>

#include "stdlib/natives.h"
#include "vm/goroutine.h"
#include "vm/profile.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;
namespace profile = vm::profile;

void put_bytes(Slot* w, const std::string& bytes) {
  if (bytes.empty()) {
    w[0].p = nullptr;
    w[1].i = 0;
    w[2].i = 0;
    return;
  }
  void* data = vm::gc_alloc_atomic(bytes.size());
  std::memcpy(data, bytes.data(), bytes.size());
  w[0].p = data;
  w[1].i = static_cast<int64_t>(bytes.size());
  w[2].i = static_cast<int64_t>(bytes.size());
}

std::string_view str_arg(const Slot* w) { return {static_cast<const char*>(w[0].cp), static_cast<size_t>(w[1].i)}; }

// Go's writeHeapProto: four values per (stack, size) bucket, unbiased by
// the sampling rate, with the object size as the "bytes" label.
std::string heap_proto(bool allocs) {
  profile::Profile p;
  p.sample_types = {{"alloc_objects", "count"}, {"alloc_space", "bytes"}, {"inuse_objects", "count"}, {"inuse_space", "bytes"}};
  p.period_type = {"space", "bytes"};
  p.period = profile::kMemProfileRate;
  if (allocs) p.default_sample_type = "alloc_space";
  for (const profile::HeapRecord& r : profile::heap_records()) {
    profile::Sample s;
    s.stack = r.stack;
    int64_t ao = 0, ab = 0, io = 0, ib = 0;
    profile::scale_heap_sample(r.alloc_objects, r.alloc_objects * r.size, &ao, &ab);
    profile::scale_heap_sample(r.inuse_objects, r.inuse_objects * r.size, &io, &ib);
    s.values = {ao, ab, io, ib};
    s.bytes_label = r.size;
    p.samples.push_back(std::move(s));
  }
  return profile::encode_gzip(p);
}

// Go's printCountProfile with debug 0: one sample per distinct stack.
std::string goroutine_proto(const std::vector<profile::Stack>& stacks) {
  profile::Profile p;
  p.sample_types = {{"goroutine", "count"}};
  p.period_type = {"goroutine", "count"};
  p.period = 1;
  for (const profile::Stack& st : stacks) {
    profile::Sample s;
    s.stack = st;
    s.values = {1};
    p.samples.push_back(std::move(s));
  }
  return profile::encode_gzip(p);
}

NativeStatus start_cpu(vm::Goroutine&, Slot* w) {
  const int64_t hz = w[0].i;
  w[0].u = hz > 0 && hz <= 1000000 && profile::cpu_start(static_cast<int32_t>(hz)) ? 1 : 0;
  return NativeStatus::Ok;
}

NativeStatus stop_cpu(vm::Goroutine&, Slot* w) {
  std::vector<profile::CpuSample> samples;
  profile::Profile p;
  if (!profile::cpu_stop(&samples, &p.period, &p.time_ns, &p.duration_ns)) {
    put_bytes(w, "");
    return NativeStatus::Ok;
  }
  p.sample_types = {{"samples", "count"}, {"cpu", "nanoseconds"}};
  p.period_type = {"cpu", "nanoseconds"};
  for (profile::CpuSample& c : samples) {
    profile::Sample s;
    s.stack = std::move(c.stack);
    s.values = {c.count, c.count * p.period};
    p.samples.push_back(std::move(s));
  }
  put_bytes(w, profile::encode_gzip(p));
  return NativeStatus::Ok;
}

NativeStatus profile_bytes(vm::Goroutine& g, Slot* w) {
  const std::string name(str_arg(w));
  const int64_t debug = w[2].i;
  std::string out;
  if (name == "goroutine") {
    if (debug >= 2) {
      out = vm::goroutine_stacks(g, true);
    } else {
      const std::vector<profile::Stack> stacks = profile::goroutine_stacks_all(g);
      out = debug == 1 ? profile::count_profile_text("goroutine", stacks) : goroutine_proto(stacks);
    }
  } else if (name == "heap" || name == "allocs") {
    out = debug >= 1 ? profile::heap_profile_text(profile::heap_records()) : heap_proto(name == "allocs");
  }
  put_bytes(w, out);
  return NativeStatus::Ok;
}

NativeStatus profile_count(vm::Goroutine&, Slot* w) {
  const std::string name(str_arg(w));
  int64_t n = 0;
  if (name == "goroutine") n = profile::goroutine_count();
  if (name == "heap" || name == "allocs") n = static_cast<int64_t>(profile::heap_records().size());
  w[0].i = n;
  return NativeStatus::Ok;
}

}  // namespace

void register_pprof_natives(vm::NativeRegistry& registry) {
  registry.add("runtime/pprof.startCPU", start_cpu);
  registry.add("runtime/pprof.stopCPU", stop_cpu);
  registry.add("runtime/pprof.profileBytes", profile_bytes);
  registry.add("runtime/pprof.profileCount", profile_count);
}

}  // namespace gol::stdlib
