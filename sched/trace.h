// trace.h — the execution tracer's event recorder (cf. Go's runtime/trace2*.go):
// what the scheduler did, per goroutine and per P, while runtime/trace is on.
//
// The core idea: the scheduler calls one hook per event (goroutine create,
// start, stop, block, unblock, end, system call enter/exit, P start/stop,
// collection start/end). Each hook is guarded by GOL_TRACE_ON(), one
// relaxed load of a global flag, so a program that never traces pays
// nothing else. While tracing, a hook appends a fixed-size Event to the
// calling thread's own buffer: no lock, no shared cache line on the hot
// path. stop() turns the flag off, waits for any hook still writing
// (a per-buffer flag, Dekker-style against the global one), and merges the
// buffers by timestamp. write_chrome_json renders them as Chrome
// trace-event JSON ("traceEvents"), one track per P, which chrome://tracing
// and Perfetto open; `gol trace FILE` (cli/trace.cc) summarises it.
//
// sched/ knows nothing of bytecode: a goroutine's function name comes from
// a namer the executor installs (set_namer); names are stable C strings
// (the VM's function names live as long as the program).
//
// Elsewhere: the package runtime/trace (stdlib/trace*.cc) starts and stops
// the recorder and installs the collector's event callback, which calls
// gc_event (sched/ does not link the collector).
//
// Rejected: Go's binary trace format — nothing but `go tool trace` reads
// it, and it is versioned with Go's runtime; a global lock-protected event
// list — every scheduling event on every M would contend for it.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "sched/g.h"

namespace gol::sched::trace {

enum class Ev : uint8_t {
  GoCreate,      // goid created by `arg` (its parent's goid, 0 if none)
  GoStart,       // goid starts running on p, m
  GoStop,        // goid yielded or was preempted (back to a run queue)
  GoBlock,       // goid parked; reason
  GoUnblock,     // goid readied by the goroutine `arg` (0: not from a goroutine)
  GoEnd,         // goid finished
  SyscallEnter,  // goid on m enters a blocking call; p is the P it leaves
  SyscallExit,   // goid on m is back; p is the P it got (-1: none, it waits to run)
  ProcStart,     // m acquires p
  ProcStop,      // m releases p
  GCStart,
  GCEnd,
};

struct Event {
  int64_t ts = 0;          // monotonic ns
  int64_t goid = 0;
  int64_t arg = 0;
  const char* name = nullptr;  // goroutine's function (GoCreate, GoStart), stable
  int32_t p = -1;
  int32_t m = -1;
  Ev kind = Ev::GoCreate;
  WaitReason reason = WaitReason::None;
};

extern std::atomic<bool> g_on;

// Names the function a G runs (its entry function); null if unknown.
using Namer = const char* (*)(const G* g);
void set_namer(Namer namer);
const char* name_of(const G* g);

// Records one event in the calling thread's buffer (timestamped now) if
// tracing is on. Any thread, including the collector's event callback
// (which holds the allocation lock: record allocates only malloc memory).
void record(Ev kind, int64_t goid, int32_t p, int32_t m, int64_t arg = 0, WaitReason reason = WaitReason::None,
            const char* name = nullptr);

// The collector's callback calls this (start = true at a collection's start).
void gc_event(bool start);

// Turns tracing on; false if it already was.
bool start();
bool enabled();

// The result of one tracing session.
struct Trace {
  int64_t start_ns = 0;
  int64_t end_ns = 0;
  std::vector<Event> events;  // sorted by ts
};

// Turns tracing off and returns what was recorded; false if it was off.
bool stop(Trace* out);

// Chrome trace-event JSON for `t` (see the header comment for the tracks).
std::string write_chrome_json(const Trace& t);

}  // namespace gol::sched::trace

// The hooks' guard: one relaxed load while tracing is off.
#define GOL_TRACE_ON() (::gol::sched::trace::g_on.load(std::memory_order_relaxed))
