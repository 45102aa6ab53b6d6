// runq.cc — the P-local run queue (see runq.h; cf. Go's proc.go runqput,
// runqputslow, runqget, runqgrab, runqsteal).
#include "sched/runq.h"

#include <time.h>

#include "sched/note.h"

#include "sched/g.h"

namespace gol::sched {

bool RunQueue::put(G* g, bool next, GList* overflow) {
  if (next) {
    // Kick the old runnext to the ring. Relaxed is not enough for the
    // exchange: a stealer CASes runnext too (acq_rel pairs with its CAS).
    G* old = m_runnext.exchange(g, std::memory_order_acq_rel);
    if (old == nullptr) return true;
    g = old;
  }
  for (;;) {
    // Acquire pairs with the release CAS of getters and stealers: the slots
    // they freed may be reused only after they finished reading them.
    const uint32_t head = m_head.load(std::memory_order_acquire);
    const uint32_t tail = m_tail.load(std::memory_order_relaxed);  // only the owner writes it
    if (tail - head < kSize) {
      m_ring[tail % kSize].store(g, std::memory_order_relaxed);
      // Release publishes the slot to get/steal's acquire load of tail.
      m_tail.store(tail + 1, std::memory_order_release);
      return true;
    }
    if (put_slow(g, head, tail, overflow)) return false;
    // The queue is not full any more: a stealer took some. Try again.
  }
}

// Moves g and half of the full ring to *overflow. Fails if a getter or
// stealer changed head meanwhile.
bool RunQueue::put_slow(G* g, uint32_t head, uint32_t tail, GList* overflow) {
  constexpr uint32_t n = kSize / 2;
  if (tail - head != kSize) return false;
  G* batch[n + 1];
  for (uint32_t i = 0; i < n; i++) batch[i] = m_ring[(head + i) % kSize].load(std::memory_order_relaxed);
  // Release: the slots were read before they are handed back.
  if (!m_head.compare_exchange_strong(head, head + n, std::memory_order_release, std::memory_order_relaxed)) {
    return false;
  }
  batch[n] = g;
  for (uint32_t i = 0; i < n; i++) batch[i]->sched_link = batch[i + 1];
  batch[n]->sched_link = nullptr;
  overflow->head = batch[0];
  overflow->tail = batch[n];
  overflow->size = n + 1;
  return true;
}

G* RunQueue::get(bool* inherit_time) {
  // runnext first. Only the owner sets it non-null, so when it is non-null
  // here only a stealer can race us for it: CAS.
  G* next = m_runnext.load(std::memory_order_relaxed);
  if (next != nullptr &&
      m_runnext.compare_exchange_strong(next, nullptr, std::memory_order_acq_rel, std::memory_order_relaxed)) {
    *inherit_time = true;
    return next;
  }
  *inherit_time = false;
  for (;;) {
    uint32_t head = m_head.load(std::memory_order_acquire);  // pairs with other consumers' CAS
    const uint32_t tail = m_tail.load(std::memory_order_relaxed);
    if (tail == head) return nullptr;
    G* g = m_ring[head % kSize].load(std::memory_order_relaxed);
    // Release: done reading the slot before the owner may reuse it.
    if (m_head.compare_exchange_strong(head, head + 1, std::memory_order_release, std::memory_order_relaxed)) {
      return g;
    }
  }
}

uint32_t RunQueue::grab(std::array<std::atomic<G*>, kSize>& batch, uint32_t batch_head, bool steal_runnext) {
  for (;;) {
    uint32_t head = m_head.load(std::memory_order_acquire);  // pairs with other consumers' CAS
    const uint32_t tail = m_tail.load(std::memory_order_acquire);  // pairs with the owner's release store
    uint32_t n = tail - head;
    n -= n / 2;
    if (n == 0) {
      if (steal_runnext) {
        G* next = m_runnext.load(std::memory_order_acquire);
        if (next != nullptr) {
          // A G in runnext was usually just readied by the G running on
          // the owner, which is about to block and run it (a channel
          // ping-pong): give the owner ~3 us to take it before stealing it
          // (cf. runqgrab's usleep(3)), or the pair bounces between threads.
          // A sleep, as Go's, not a spin: polling runnext would pull its
          // cache line away from the owner on every check.
          const timespec pause{0, 3'000};
          nanosleep(&pause, nullptr);
          next = m_runnext.load(std::memory_order_acquire);
          if (next == nullptr) return 0;
          if (m_runnext.compare_exchange_strong(next, nullptr, std::memory_order_acq_rel,
                                                std::memory_order_relaxed)) {
            batch[batch_head % kSize].store(next, std::memory_order_relaxed);
            return 1;
          }
        }
      }
      return 0;
    }
    if (n > kSize / 2) continue;  // read inconsistent head and tail: retry
    for (uint32_t i = 0; i < n; i++) {
      G* g = m_ring[(head + i) % kSize].load(std::memory_order_relaxed);
      batch[(batch_head + i) % kSize].store(g, std::memory_order_relaxed);
    }
    // Release: the slots were read before they are handed back (commit).
    if (m_head.compare_exchange_strong(head, head + n, std::memory_order_release, std::memory_order_relaxed)) {
      return n;
    }
  }
}

G* RunQueue::steal(RunQueue& victim, bool steal_runnext) {
  const uint32_t tail = m_tail.load(std::memory_order_relaxed);  // we own this queue
  uint32_t n = victim.grab(m_ring, tail, steal_runnext);
  if (n == 0) return nullptr;
  n--;
  G* g = m_ring[(tail + n) % kSize].load(std::memory_order_relaxed);
  if (n == 0) return g;
  // Release publishes the stolen slots to our own consumers (and thieves).
  m_tail.store(tail + n, std::memory_order_release);
  return g;
}

void RunQueue::drain(GList* out) {
  auto append = [out](G* g) {
    g->sched_link = nullptr;
    if (out->tail != nullptr) {
      out->tail->sched_link = g;
    } else {
      out->head = g;
    }
    out->tail = g;
    out->size++;
  };
  bool inherit;
  while (G* g = get(&inherit)) append(g);
}

bool RunQueue::empty() const { return size() == 0; }

uint32_t RunQueue::size() const {
  // Consistent snapshot of head and tail, as Go's runqempty.
  for (;;) {
    const uint32_t head = m_head.load(std::memory_order_acquire);
    const uint32_t tail = m_tail.load(std::memory_order_acquire);
    G* next = m_runnext.load(std::memory_order_acquire);
    if (tail == m_tail.load(std::memory_order_acquire)) {
      return tail - head + (next != nullptr ? 1 : 0);
    }
  }
}

}  // namespace gol::sched
