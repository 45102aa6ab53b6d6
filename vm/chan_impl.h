// chan_impl.h — the channel's insides, shared by chan.cc and select.cc
// (not an API: the rest of the VM uses chan.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>

#include "vm/chan.h"

namespace gol::vm {

struct SelectWait;

// A goroutine waiting on a channel (cf. Go's sudog).
struct Waiter {
  Goroutine* g = nullptr;
  Chan* c = nullptr;
  Slot* elem = nullptr;        // send: the value; receive: where it goes (null: discarded)
  Slot* ok = nullptr;          // receive: where ok goes (null: not wanted)
  Waiter* next = nullptr;      // in the channel's queue (its lock)
  Waiter* prev = nullptr;
  Waiter* wake_link = nullptr; // close's list of waiters to ready once unlocked
  SelectWait* select = nullptr;  // non-null: one case of a select
  uint32_t case_index = 0;
  bool is_send = false;
  bool success = false;        // completed by a partner (false: woken by close)
};

struct WaitQueue {
  Waiter* first = nullptr;
  Waiter* last = nullptr;
  void enqueue(Waiter* w);
  // The first waiter that may still be woken; stale select waiters are
  // dropped on the way, and a select waiter returned is claimed.
  Waiter* dequeue();
  void remove(Waiter* w);  // no-op if w is not queued
};

struct Chan {
  std::mutex lock;
  const Type* type = nullptr;
  uint32_t elem_slots = 0;
  bool closed = false;             // lock
  uint64_t dataqsiz = 0;           // buffer capacity, in elements
  uint64_t qcount = 0;             // lock: elements buffered
  uint64_t sendx = 0, recvx = 0;   // lock: ring indexes
  Slot* buf = nullptr;             // dataqsiz * elem_slots slots
  WaitQueue recvq, sendq;          // lock
};

// A blocked select: its waiters (one per case with a channel) share it.
struct SelectWait {
  std::atomic<int> done{0};   // claimed by the first partner (CAS 0 -> 1)
  Waiter* fired = nullptr;    // the claimed waiter (written by the claimer)
  uint32_t ncases = 0;
  uint32_t nlocks = 0;
  Waiter** waiters = nullptr; // per case; null for a nil channel
  Chan** lockorder = nullptr; // distinct channels by address
  Slot* result = nullptr;     // the SELECT's result registers (still there on resume)
};

NativeStatus select_finish(Goroutine& g);

Waiter* new_waiter(Goroutine& g, Chan* c, Slot* elem, Slot* ok);
void send_direct(Chan* c, Waiter* receiver, const Slot* value);
void recv_from_sender(Chan* c, Waiter* sender, Slot* dst);
void buffer_put(Chan* c, const Slot* value);
void buffer_take(Chan* c, Slot* dst);
void recv_closed(Chan* c, Slot* dst, Slot* ok);

}  // namespace gol::vm
