// globrunq.cc — the global run queue (see globrunq.h).
#include "sched/globrunq.h"

#include <algorithm>

#include "sched/g.h"

namespace gol::sched {

void GlobalRunQueue::put(G* g) {
  GList one{g, g, 1};
  g->sched_link = nullptr;
  put_batch(one);
}

void GlobalRunQueue::put_batch(const GList& batch) {
  if (batch.size == 0) return;
  std::lock_guard<std::mutex> lock(m_mu);
  batch.tail->sched_link = nullptr;
  if (m_list.tail != nullptr) {
    m_list.tail->sched_link = batch.head;
  } else {
    m_list.head = batch.head;
  }
  m_list.tail = batch.tail;
  m_list.size += batch.size;
  m_size.store(m_list.size, std::memory_order_relaxed);
}

G* GlobalRunQueue::get(RunQueue& local, uint32_t nprocs, uint32_t max) {
  std::lock_guard<std::mutex> lock(m_mu);
  if (m_list.size == 0) return nullptr;
  uint32_t n = std::min(m_list.size, m_list.size / std::max(nprocs, 1u) + 1);
  if (max > 0 && n > max) n = max;
  n = std::min(n, RunQueue::kSize / 2);
  auto pop = [this] {
    G* g = m_list.head;
    m_list.head = g->sched_link;
    if (m_list.head == nullptr) m_list.tail = nullptr;
    g->sched_link = nullptr;
    m_list.size--;
    return g;
  };
  G* first = pop();
  for (uint32_t i = 1; i < n; i++) {
    G* g = pop();
    GList overflow;
    // The local queue has room for half its size (the caller's contract),
    // so this never overflows; if it did, the batch goes back here.
    if (!local.put(g, false, &overflow)) {
      overflow.tail->sched_link = m_list.head;
      m_list.head = overflow.head;
      if (m_list.tail == nullptr) m_list.tail = overflow.tail;
      m_list.size += overflow.size;
      break;
    }
  }
  m_size.store(m_list.size, std::memory_order_relaxed);
  return first;
}

uint32_t GlobalRunQueue::size() const { return m_size.load(std::memory_order_relaxed); }

}  // namespace gol::sched
