// profile.h — the run-time side of runtime/pprof: the CPU sampler, heap
// allocation sampling, goroutine stacks, and the profile.proto encoder.
//
// The core idea, as Go's (runtime/cpuprof.go, mprof.go): a SIGPROF handler
// on whichever thread the kernel's ITIMER_PROF interrupted copies that
// thread's gol stack (function and pc of up to 64 frames) into a lock-free
// ring; a reader thread aggregates the ring into stack → count; at stop the
// counts are symbolised and encoded. Heap profiling samples one allocation
// per ~512 KiB allocated per thread (Go's MemProfileRate, with its
// exponential spacing) and records the allocating goroutine's stack.
//
// Files: profile.cc has the sampler, the heap sampling and stack capture;
// profile_encode.cc the protobuf/gzip encoding and Go's text forms
// (debug=1). stdlib/pprof*.cc is the Go package on top.
//
// gol has no machine pcs. Each Proto is laid out in a pseudo text segment
// (kTextBase upwards, 8 bytes per instruction word, in Program order), so a
// frame (function, instruction index) has a stable pseudo-address: what
// profile.proto's Location.address and debug=1's "@ 0x..." lines show.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/goroutine.h"
#include "vm/program.h"

namespace gol::vm::profile {

inline constexpr uint64_t kTextBase = 0x401000;
// Go's maxCPUProfStack: deeper stacks keep their innermost 64 frames.
inline constexpr uint32_t kMaxFrames = 64;
// Go's default runtime.MemProfileRate.
inline constexpr int64_t kMemProfileRate = 512 * 1024;

// One frame: a function and the index of the instruction after the one
// running (a saved pc, interp_loop.cc rule 3); kNoPc when not known.
inline constexpr uint32_t kNoPc = 0xffffffff;
struct Loc {
  const Proto* proto = nullptr;  // null: a pseudo-function named by `name`
  uint32_t pc = kNoPc;
  const char* name = nullptr;    // runtime._ExternalCode, runtime._System ...
  bool operator<(const Loc& o) const;
  bool operator==(const Loc& o) const { return proto == o.proto && pc == o.pc && name == o.name; }
};
using Stack = std::vector<Loc>;  // innermost first

// ----------------------------------------------------------- CPU (profile.cc)

struct CpuSample {
  Stack stack;
  int64_t count = 0;
};
// Starts sampling at hz per second of CPU time: false if a profile is
// already running. Installs the SIGPROF handler once (never removed: a late
// SIGPROF must not kill the process).
bool cpu_start(int32_t hz);
// Stops sampling, waits for handlers in flight, returns the samples
// aggregated by stack and the sampling period in ns; false if none running.
bool cpu_stop(std::vector<CpuSample>* out, int64_t* period_ns, int64_t* start_ns, int64_t* duration_ns);

// ----------------------------------------------------------- heap (profile.cc)

// Called by the allocation path (init.cc) when the thread's byte countdown
// runs out: records p (the block's base, `bytes` long) with the running
// goroutine's stack and returns the bytes until the next sample.
int64_t heap_sample(void* p, size_t bytes);
// Called before GC_FREE of memory from the allocation path: forgets p if it
// was sampled (the collector must not keep a disappearing link to a block
// freed by hand, and the profile counts it freed).
void heap_free(void* p);

struct HeapRecord {
  Stack stack;
  int64_t size = 0;                                // bytes of each sampled object
  int64_t alloc_objects = 0, inuse_objects = 0;    // sampled (unscaled) counts
};
// Every bucket (stack, size), in-use counts as the collector last decided
// (an object it has not reclaimed yet is in use).
std::vector<HeapRecord> heap_records();
// Go's scaleHeapSample: unbiases sampled counts into estimated totals.
void scale_heap_sample(int64_t count, int64_t size, int64_t* objects, int64_t* bytes);

// ------------------------------------------------------ goroutines (profile.cc)

// The stack of every live goroutine, `self` first (read without stopping
// the world, like the goroutine dumps; frames are validated).
std::vector<Stack> goroutine_stacks_all(const Goroutine& self);
int64_t goroutine_count();

// ------------------------------------------------ encoding (profile_encode.cc)

struct ValueType {
  std::string type, unit;
};
struct Sample {
  Stack stack;
  std::vector<int64_t> values;
  int64_t bytes_label = -1;  // Go's "bytes" numeric label (heap profiles), -1: none
};
struct Profile {
  std::vector<ValueType> sample_types;
  ValueType period_type;
  int64_t period = 0;
  int64_t time_ns = 0, duration_ns = 0;
  std::string default_sample_type;  // "" for none
  std::vector<Sample> samples;
};
// profile.proto, gzipped (what `go tool pprof` reads).
std::string encode_gzip(const Profile& p);
// A frame's pseudo-address (kTextBase layout), its function's entry
// address, name, file and line.
struct Symbol {
  uint64_t address = 0, entry = 0;
  std::string function, file;
  int64_t line = 0;
  bool hidden = false;  // a compiler wrapper: left out as Go's traces do
};
Symbol symbolize(const Loc& loc);
// Go's printCountProfile (debug=1 goroutine profile).
std::string count_profile_text(const char* name, const std::vector<Stack>& stacks);
// Go's debug=1 heap profile text (records, then a "# runtime.MemStats" part).
std::string heap_profile_text(const std::vector<HeapRecord>& records);

}  // namespace gol::vm::profile
