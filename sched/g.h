// g.h — a goroutine as the scheduler sees it (cf. Go's runtime.g).
//
// The scheduler never looks inside a goroutine's computation: `task` is an
// opaque pointer the executor (the VM) resumes. What the scheduler keeps is
// what Go's keeps for scheduling: the status, the goroutine id, why it
// waits, the preemption request, and the link used by the queues it sits in.
//
// Status transitions (the only allowed ones; each says who owns the G then):
//   Idle     → Runnable   created: on a run queue, owned by that queue
//   Runnable → Running    picked by schedule(): owned by the M running it
//   Running  → Runnable   preempted or yielded: back on a run queue
//   Running  → Waiting    parked (channel, sleep, lock): owned by whatever
//                         will ready it (a channel's wait queue, a timer)
//   Waiting  → Runnable   readied: on a run queue
//   Running  → Syscall    blocking native call: its M runs it without a P
//   Syscall  → Running    back with a P
//   Syscall  → Runnable   back without a P: on the global queue
//   Running  → Dead       finished: on a free list, reusable
//   Dead     → Runnable   reused for a new goroutine
// (Go's states; "Idle" is Go's _Gidle, a G that was just allocated.)
#pragma once

#include <atomic>
#include <cstdint>

namespace gol::sched {

enum class GStatus : uint32_t { Idle, Runnable, Running, Syscall, Waiting, Dead };

// Why a G waits (cf. Go's waitReason): goroutine dumps print it in brackets,
// "goroutine 5 [chan receive]:", with Go's spelling (wait_reason_name).
enum class WaitReason : uint8_t {
  None,
  ChanReceive,
  ChanSend,
  ChanReceiveNilChan,
  ChanSendNilChan,
  Select,
  SelectNoCases,
  Sleep,
  Semacquire,
  WaitGroupWait,
  MutexLock,
  RWMutexLock,
  RWMutexRLock,
  CondWait,
  IOWait,
};
const char* wait_reason_name(WaitReason r);

struct G {
  std::atomic<GStatus> status{GStatus::Idle};
  int64_t goid = 0;
  // Set by sysmon (release) before it sends the G's M SIGURG; the handler,
  // on that M, loads it (acquire) and sets the M's eval breaker, and the
  // executor clears it when it yields at its next safe point. execute()
  // clears it too, so a request that missed its run is dropped.
  std::atomic<bool> preempt{false};
  // Why it waits: written by the M that parks it before the G becomes
  // Waiting (the status CAS publishes it); read by dumps and schedtrace.
  WaitReason wait_reason = WaitReason::None;
  int64_t parent_goid = 0;   // the goroutine whose `go` created it (0 for the first)
  void* task = nullptr;      // the executor's state for this goroutine (opaque)
  G* sched_link = nullptr;   // next G in the global run queue or a free list (guarded by that list's lock)
};

// Moves g from `from` to `to`: the one way a G's status changes. A
// transition the table above does not list, or a G not in `from`, is a
// fatal error (a broken scheduler invariant, never the program's fault).
void cas_status(G* g, GStatus from, GStatus to);
const char* status_name(GStatus s);  // "runnable", "waiting" ... as Go's dumps spell them

}  // namespace gol::sched
