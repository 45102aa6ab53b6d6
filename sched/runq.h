// runq.h — a P's local run queue (cf. Go's runtime runqput/runqget/runqsteal).
//
// A fixed ring of 256 G pointers plus a one-element `runnext` slot. Only the
// owner P puts (at the tail); the owner gets and other Ps steal (at the head)
// concurrently, without a lock: head is advanced by compare-and-swap, so a
// getter and any number of stealers agree on who took which G. When the ring
// is full, put moves half of it plus the new G to the global queue in one
// batch (the caller passes where), which keeps the global queue's lock off
// the fast path and spreads work.
//
// runnext holds the G that the owner readied last (a goroutine woken by the
// running one, or a freshly spawned one): it runs next, ahead of the ring,
// inheriting the rest of the time slice, so a producer/consumer pair ping-
// pongs on one P without queueing behind everyone else. Stealers may take
// runnext too, but only from a P whose ring is empty.
//
// Memory orders (Go's): the owner reads head with acquire (pairs with the
// release CAS by getters/stealers that free slots) and publishes tail with
// release (pairs with the acquire load of tail in get/steal, so the slot
// writes before it are visible). Slots themselves are relaxed atomics: a
// stealer may read a slot the owner is about to overwrite, but then its CAS
// on head fails and the value is discarded.
//
// sched/ knows nothing of bytecode: a G is opaque here (sched/g.h).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>

namespace gol::sched {

struct G;

// The global run queue's batch interface: a singly linked list of Gs, built
// by RunQueue::put when the ring overflows.
struct GList {
  G* head = nullptr;
  G* tail = nullptr;
  uint32_t size = 0;
};

class RunQueue {
 public:
  static constexpr uint32_t kSize = 256;

  // Owner only. Puts g in runnext (when `next`, kicking the old runnext to
  // the ring) or at the tail. Returns false, with half the ring and the G
  // that did not fit moved to *overflow (linked through G::sched_link), when
  // the ring is full; the caller then puts *overflow on the global queue.
  bool put(G* g, bool next, GList* overflow);
  // Owner only. The next G to run: runnext first, then the head of the ring.
  // *inherit_time is set when it came from runnext. Null when empty.
  G* get(bool* inherit_time);
  // Called by the owner of this (the thief's) queue, which must be empty
  // (find_runnable steals only then): moves about half of `victim`'s Gs
  // here and returns one of them to run now; null if none. With
  // `steal_runnext`, an empty ring lets the thief take runnext.
  G* steal(RunQueue& victim, bool steal_runnext);
  // Owner only: takes every G (runnext included) into *out, e.g. when
  // GOMAXPROCS shrinks and this P is destroyed.
  void drain(GList* out);

  // Approximate when others read it (racy by nature, as Go's runqempty is not).
  bool empty() const;
  uint32_t size() const;

 private:
  // Takes up to half of this queue's ring into `batch` (at batch_head);
  // returns how many. Any thread.
  uint32_t grab(std::array<std::atomic<G*>, kSize>& batch, uint32_t batch_head, bool steal_runnext);
  bool put_slow(G* g, uint32_t head, uint32_t tail, GList* overflow);

  std::atomic<uint32_t> m_head{0};  // next slot to take; CAS by owner and stealers
  std::atomic<uint32_t> m_tail{0};  // next slot to fill; written by the owner only
  std::atomic<G*> m_runnext{nullptr};
  std::array<std::atomic<G*>, kSize> m_ring{};
};

}  // namespace gol::sched
