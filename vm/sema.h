// sema.h — goroutine semaphores and notify lists keyed by address (cf. Go's
// runtime/sema.go), the blocking layer under package sync.
//
// A semaphore is a uint32 count anywhere in gol memory (a field of a
// sync.Mutex, WaitGroup, RWMutex); its address is its identity. acquire
// takes one unit or parks the goroutine (vm::park, never the thread) on the
// address's wait queue; release adds one unit and, if a goroutine waits on
// that address, gives the unit straight to the first one and readies it.
// A notify list (sync.Cond) is a pair of ticket counters: Wait takes a
// ticket, Signal/Broadcast advance the "notified up to" counter and wake the
// goroutines whose tickets it passed.
//
// Waiters sit in a fixed table of buckets hashed by address, each with its
// own lock and the list of addresses that have waiters in it (sema.cc).
//
// What lives elsewhere: the sync algorithms (mutex states, reader counts,
// WaitGroup counters) are Go code in stdlib/sync.cc; the natives that call
// this are stdlib/sync_native.cc.
#pragma once

#include <cstdint>

#include "sched/g.h"
#include "vm/goroutine.h"
#include "vm/native.h"

namespace gol::vm {

// Where a goroutine that must wait joins its address's queue: at the back
// (Fifo), or at the front (Lifo: a sync.Mutex waiter that was woken, lost
// the race for the lock and waits again keeps its turn, cf. semacquire1's
// lifo).
enum class SemaOrder : uint8_t { Fifo, Lifo };

// Handoff::Yes: after giving the unit to a waiter, the releasing goroutine
// yields so the waiter runs at once (a starving sync.Mutex hands the lock
// over directly, cf. semrelease1's handoff).
enum class Handoff : uint8_t { No, Yes };

// Takes one unit from *addr (cf. semacquire1). Ok when it got one at once;
// Block when the goroutine parked with `reason` (wait_reason_name prints it
// in dumps): it resumes after the native call owning the unit, so nothing
// re-runs. Any thread running a goroutine; may allocate; never panics.
NativeStatus sema_acquire(Goroutine& g, uint32_t* addr, SemaOrder order, sched::WaitReason reason);

// Adds one unit to *addr and wakes the first waiter on addr, if any
// (cf. semrelease1). Ok, or Block (a yield) with Handoff::Yes when a
// waiter was woken.
NativeStatus sema_release(Goroutine& g, uint32_t* addr, Handoff handoff);

// A notify list's two counters (cf. runtime.notifyList): `wait`, the next
// ticket to hand out, and `notify`, the first ticket not yet notified. Both
// live in gol memory (sync.Cond's notifyList fields) and are only touched
// through these functions; `wait` is the key in the table.
struct NotifyList {
  uint32_t* wait;
  uint32_t* notify;
};

// Takes a ticket (before the caller unlocks Cond.L).
uint32_t notify_list_add(NotifyList l);
// Parks until ticket t is notified (Ok at once if it already was).
NativeStatus notify_list_wait(Goroutine& g, NotifyList l, uint32_t ticket);
// Wakes the waiter holding the oldest unnotified ticket, if any (Signal).
void notify_list_notify_one(NotifyList l);
// Wakes every waiter holding a ticket (Broadcast).
void notify_list_notify_all(NotifyList l);

// Test hooks (tests/vm/sema_test.cc): the number of goroutines waiting on
// addr, and the function that makes a woken goroutine runnable (vm::ready
// by default; tests without a scheduler record the wake-ups instead).
int64_t sema_waiters(const void* addr);
using SemaReadyFn = void (*)(Goroutine& g);
void sema_set_ready_hook(SemaReadyFn fn);

}  // namespace gol::vm
