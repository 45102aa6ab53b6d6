// select.cc — the select statement (chan.h; cf. Go's runtime/select.go).
//
// The core idea, as Go's selectgo: lock every channel of the select in
// address order (so two selects on the same channels cannot deadlock),
// look at the cases in a random order and take the first that can proceed;
// with none and a default, take the default; else put a waiter on every
// channel, park, and let the first partner claim the whole select (the
// waiters share a SelectWait whose `done` flag is CASed). The goroutine
// resumes after the SELECT instruction and first finishes it here: lock
// everything once more, take its other waiters off their queues, and
// report the case that fired (chan_finish_wait, at the top of the
// interpreter loop when the goroutine resumes after the SELECT).
//
// The random order is what makes select fair: each ready case is chosen
// about equally often (tests/run/select).
#include <algorithm>
#include <new>

#include "vm/chan_impl.h"
#include "vm/runtime.h"

namespace gol::vm {

namespace {

void lock_all(Chan* const* order, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) order[i]->lock.lock();
}

void unlock_all(Chan* const* order, uint32_t n) {
  for (uint32_t i = n; i-- > 0;) order[i]->lock.unlock();
}

bool unlock_select(sched::G*, void* arg) {
  auto* sw = static_cast<SelectWait*>(arg);
  unlock_all(sw->lockorder, sw->nlocks);
  return true;
}

// Distinct non-nil channels sorted by address, into `order`; returns how many.
uint32_t lock_order(const SelectCase* cases, uint32_t n, Chan** order) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (cases[i].c != nullptr) order[k++] = cases[i].c;
  }
  std::sort(order, order + k);
  return static_cast<uint32_t>(std::unique(order, order + k) - order);
}

}  // namespace

NativeStatus select_go(Goroutine& g, const SelectCase* cases, uint32_t ncases, bool block, Slot* result) {
  result[0].i = -1;
  result[1].u = 0;
  if (ncases == 0) {
    if (!block) return NativeStatus::Ok;
    return park(g, sched::WaitReason::SelectNoCases, nullptr, nullptr);
  }
  // Poll order: a random permutation of the cases (Fisher-Yates).
  auto* poll = static_cast<uint32_t*>(gc_alloc_atomic(sizeof(uint32_t) * ncases));
  for (uint32_t i = 0; i < ncases; i++) {
    const uint32_t j = static_cast<uint32_t>(fast_rand() % (uint64_t{i} + 1));
    poll[i] = poll[j];
    poll[j] = i;
  }
  auto* order = static_cast<Chan**>(gc_alloc(sizeof(Chan*) * ncases));
  const uint32_t nlocks = lock_order(cases, ncases, order);
  lock_all(order, nlocks);

  // Pass 1: a case that can proceed now.
  for (uint32_t k = 0; k < ncases; k++) {
    const uint32_t i = poll[k];
    const SelectCase& sc = cases[i];
    Chan* c = sc.c;
    if (c == nullptr) continue;
    if (sc.send) {
      if (c->closed) {
        unlock_all(order, nlocks);
        return panic_plain(g, "send on closed channel");
      }
      if (Waiter* r = c->recvq.dequeue()) {
        send_direct(c, r, sc.elem);
        unlock_all(order, nlocks);
        ready(*r->g);
      } else if (c->qcount < c->dataqsiz) {
        buffer_put(c, sc.elem);
        unlock_all(order, nlocks);
      } else {
        continue;
      }
    } else {
      if (Waiter* s = c->sendq.dequeue()) {
        recv_from_sender(c, s, sc.elem);
        unlock_all(order, nlocks);
        result[1].u = 1;
        ready(*s->g);
      } else if (c->qcount > 0) {
        buffer_take(c, sc.elem);
        unlock_all(order, nlocks);
        result[1].u = 1;
      } else if (c->closed) {
        unlock_all(order, nlocks);
        recv_closed(c, sc.elem, nullptr);
      } else {
        continue;
      }
    }
    result[0].i = i;
    return NativeStatus::Ok;
  }
  if (!block) {
    unlock_all(order, nlocks);
    return NativeStatus::Ok;
  }

  // Pass 2: wait on every channel.
  auto* sw = static_cast<SelectWait*>(gc_alloc(sizeof(SelectWait)));
  new (sw) SelectWait();
  sw->ncases = ncases;
  sw->nlocks = nlocks;
  sw->lockorder = order;
  sw->result = result;
  sw->waiters = static_cast<Waiter**>(gc_alloc(sizeof(Waiter*) * ncases));
  for (uint32_t i = 0; i < ncases; i++) {
    const SelectCase& sc = cases[i];
    if (sc.c == nullptr) continue;
    Waiter* w = new_waiter(g, sc.c, sc.elem, sc.send ? nullptr : &result[1]);
    w->select = sw;
    w->case_index = i;
    w->is_send = sc.send;
    sw->waiters[i] = w;
    (sc.send ? sc.c->sendq : sc.c->recvq).enqueue(w);
  }
  g.select_wait = sw;
  return park(g, sched::WaitReason::Select, unlock_select, sw);
}

NativeStatus select_finish(Goroutine& g) {
  SelectWait* sw = g.select_wait;
  g.select_wait = nullptr;
  // Pass 3: off every other queue. The claimer already took the fired
  // waiter off its queue and completed its operation.
  lock_all(sw->lockorder, sw->nlocks);
  for (uint32_t i = 0; i < sw->ncases; i++) {
    Waiter* w = sw->waiters[i];
    if (w == nullptr || w == sw->fired) continue;
    (w->is_send ? w->c->sendq : w->c->recvq).remove(w);
  }
  unlock_all(sw->lockorder, sw->nlocks);
  Waiter* fired = sw->fired;
  if (fired == nullptr) fatal("select: woken without a case");
  sw->result[0].i = fired->case_index;
  if (fired->is_send && !fired->success) return panic_plain(g, "send on closed channel");
  return NativeStatus::Ok;
}

}  // namespace gol::vm
