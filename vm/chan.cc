// chan.cc — channels (chan.h; cf. Go's runtime/chan.go).
//
// The core idea, as Go's: one lock per channel guards a ring buffer of
// dataqsiz elements and two queues of waiting goroutines (Waiter, Go's
// sudog). An operation that finds a partner waiting completes the
// partner's half too — a receiver copies straight out of a parked sender's
// registers, a sender straight into a parked receiver's — and readies it,
// so a woken goroutine finds its operation done and never retries. Close
// wakes every waiter: receivers get the zero value and ok = false, senders
// panic when they resume.
//
// A parked goroutine's registers do not move while it waits (its stack only
// grows when it runs), so a Waiter may point into them. Waiters are GC
// objects reachable from the channel's queues; the goroutine is also
// reachable from its G. Select's waiters (select.cc) sit in the same queues
// with a shared SelectWait: the first operation to claim it wins, the
// others skip such waiters as stale (cf. selectDone).
//
// Rejected: a lock-free fast path for buffered channels (Go has one only
// for the non-blocking empty/full checks; the lock is rarely contended in
// gol, where the interpreter dominates).
#include "vm/chan.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <mutex>
#include <new>

#include "vm/chan_impl.h"
#include "vm/runtime.h"

namespace gol::vm {

namespace {

// Go's maxAlloc-derived limit is about 2^47 bytes; a buffer is also one GC
// object here, so bound it by what one allocation may be.
constexpr int64_t kMaxBufferBytes = int64_t{1} << 40;

bool unlock_chan(sched::G*, void* arg) {
  static_cast<Chan*>(arg)->lock.unlock();
  return true;
}

// Parks forever: an operation on a nil channel (cf. gopark(nil, nil, ...)).
NativeStatus block_forever(Goroutine& g, sched::WaitReason reason) { return park(g, reason, nullptr, nullptr); }

Slot* buffer_slot(Chan* c, uint64_t i) { return c->buf + i * c->elem_slots; }

// Element copies. A channel of a zero-size type (chan struct{}) has no
// buffer memory at all: nothing to copy, and memmove/memset must not see
// its null buffer even for zero bytes.
void copy_elem(const Chan* c, Slot* dst, const Slot* src) {
  if (c->elem_slots != 0) copy_slots(dst, src, c->elem_slots);
}
void clear_elem(const Chan* c, Slot* dst) {
  if (c->elem_slots != 0) std::memset(static_cast<void*>(dst), 0, size_t{c->elem_slots} * sizeof(Slot));
}

}  // namespace

// ---------------------------------------------------------------- queues

void WaitQueue::enqueue(Waiter* w) {
  w->next = nullptr;
  w->prev = last;
  if (last != nullptr) {
    last->next = w;
  } else {
    first = w;
  }
  last = w;
}

void WaitQueue::remove(Waiter* w) {
  if (w->prev != nullptr) {
    w->prev->next = w->next;
  } else if (first == w) {
    first = w->next;
  } else {
    return;  // not in this queue
  }
  if (w->next != nullptr) {
    w->next->prev = w->prev;
  } else {
    last = w->prev;
  }
  w->next = w->prev = nullptr;
}

Waiter* WaitQueue::dequeue() {
  for (;;) {
    Waiter* w = first;
    if (w == nullptr) return nullptr;
    first = w->next;
    if (first != nullptr) {
      first->prev = nullptr;
    } else {
      last = nullptr;
    }
    w->next = w->prev = nullptr;
    // A select's waiter is claimed once: if another case of the same select
    // won already, this one is stale (its goroutine is being woken, or
    // awake and about to remove its waiters from every channel).
    if (w->select != nullptr) {
      int expected = 0;
      if (!w->select->done.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) continue;
      w->select->fired = w;
    }
    return w;
  }
}

static Waiter* init_waiter(Waiter* w, Goroutine& g, Chan* c, Slot* elem, Slot* ok) {
  new (w) Waiter();
  w->g = &g;
  w->c = c;
  w->elem = elem;
  w->ok = ok;
  return w;
}

Waiter* new_waiter(Goroutine& g, Chan* c, Slot* elem, Slot* ok) {
  return init_waiter(static_cast<Waiter*>(gc_alloc(sizeof(Waiter))), g, c, elem, ok);
}

// A plain send or receive waits on one channel at a time, so each goroutine
// keeps one Waiter for them (cf. Go's per-P sudog cache): by the time the
// goroutine runs again its partner has dequeued the waiter and let go of it
// (ready() is the partner's last use), so the next wait may reuse it.
// Without the cache a channel ping-pong allocates a record per hop.
static Waiter* own_waiter(Goroutine& g, Chan* c, Slot* elem, Slot* ok) {
  if (g.waiter_cache == nullptr) g.waiter_cache = static_cast<Waiter*>(gc_alloc(sizeof(Waiter)));
  return init_waiter(g.waiter_cache, g, c, elem, ok);
}

// ---------------------------------------------------------------- the halves

void send_direct(Chan* c, Waiter* receiver, const Slot* value) {
  if (receiver->elem != nullptr) copy_elem(c, receiver->elem, value);
  if (receiver->ok != nullptr) receiver->ok->u = 1;
  receiver->success = true;
}

void recv_from_sender(Chan* c, Waiter* sender, Slot* dst) {
  if (c->dataqsiz == 0) {
    // Unbuffered: straight from the sender's registers.
    if (dst != nullptr) copy_elem(c, dst, sender->elem);
  } else {
    // Full buffer: take the head, and the sender's value goes to the tail
    // (which is the same place: recvx == sendx when full).
    Slot* head = buffer_slot(c, c->recvx);
    if (dst != nullptr) copy_elem(c, dst, head);
    copy_elem(c, head, sender->elem);
    if (++c->recvx == c->dataqsiz) c->recvx = 0;
    c->sendx = c->recvx;
  }
  sender->success = true;
}

void buffer_put(Chan* c, const Slot* value) {
  copy_elem(c, buffer_slot(c, c->sendx), value);
  if (++c->sendx == c->dataqsiz) c->sendx = 0;
  c->qcount++;
}

void buffer_take(Chan* c, Slot* dst) {
  Slot* head = buffer_slot(c, c->recvx);
  if (dst != nullptr) copy_elem(c, dst, head);
  // Clear it: the buffer must not keep the value alive for the collector.
  clear_elem(c, head);
  if (++c->recvx == c->dataqsiz) c->recvx = 0;
  c->qcount--;
}

void recv_closed(Chan* c, Slot* dst, Slot* ok) {
  if (dst != nullptr) clear_elem(c, dst);
  if (ok != nullptr) ok->u = 0;
}

// ---------------------------------------------------------------- operations

NativeStatus chan_make(Goroutine& g, const Type* chan_type, int64_t size, Chan** out) {
  const Type* elem = chan_type->elem;
  const uint64_t elem_bytes = uint64_t{elem->slots} * sizeof(Slot);
  if (size < 0 || (elem_bytes != 0 && static_cast<uint64_t>(size) > kMaxBufferBytes / elem_bytes)) {
    return panic_plain(g, "makechan: size out of range");
  }
  auto* c = static_cast<Chan*>(gc_alloc(sizeof(Chan)));
  new (c) Chan();
  c->type = chan_type;
  c->elem_slots = elem->slots;
  c->dataqsiz = static_cast<uint64_t>(size);
  if (size > 0 && elem_bytes > 0) c->buf = static_cast<Slot*>(gc_alloc(static_cast<size_t>(size) * elem_bytes));
  *out = c;
  return NativeStatus::Ok;
}

int64_t chan_len(const Chan* c) {
  if (c == nullptr) return 0;
  std::lock_guard<std::mutex> lock(const_cast<Chan*>(c)->lock);
  return static_cast<int64_t>(c->qcount);
}

int64_t chan_cap(const Chan* c) { return c == nullptr ? 0 : static_cast<int64_t>(c->dataqsiz); }

bool chan_try_send(Chan* c, const Slot* value) {
  if (c == nullptr) return false;
  c->lock.lock();
  if (c->closed) {
    c->lock.unlock();
    return false;
  }
  if (Waiter* r = c->recvq.dequeue()) {
    send_direct(c, r, value);
    c->lock.unlock();
    ready(*r->g);
    return true;
  }
  if (c->qcount < c->dataqsiz) {
    buffer_put(c, value);
    c->lock.unlock();
    return true;
  }
  c->lock.unlock();
  return false;
}

NativeStatus chan_send(Goroutine& g, Chan* c, const Slot* value) {
  if (c == nullptr) return block_forever(g, sched::WaitReason::ChanSendNilChan);
  c->lock.lock();
  if (c->closed) {
    c->lock.unlock();
    return panic_plain(g, "send on closed channel");
  }
  if (Waiter* r = c->recvq.dequeue()) {
    send_direct(c, r, value);
    c->lock.unlock();
    ready(*r->g);
    return NativeStatus::Ok;
  }
  if (c->qcount < c->dataqsiz) {
    buffer_put(c, value);
    c->lock.unlock();
    return NativeStatus::Ok;
  }
  // Wait for a receiver. The value stays in this goroutine's registers,
  // where the receiver reads it.
  Waiter* w = own_waiter(g, c, const_cast<Slot*>(value), nullptr);
  w->is_send = true;
  c->sendq.enqueue(w);
  g.chan_wait = w;
  return park(g, sched::WaitReason::ChanSend, unlock_chan, c);
}

NativeStatus chan_finish_wait(Goroutine& g) {
  if (g.select_wait != nullptr) return select_finish(g);
  Waiter* w = g.chan_wait;
  g.chan_wait = nullptr;
  // A send woken by close, not by a receiver.
  if (w != nullptr && !w->success) return panic_plain(g, "send on closed channel");
  return NativeStatus::Ok;
}

NativeStatus chan_recv(Goroutine& g, Chan* c, Slot* dst, Slot* ok) {
  if (c == nullptr) return block_forever(g, sched::WaitReason::ChanReceiveNilChan);
  c->lock.lock();
  if (c->closed && c->qcount == 0) {
    c->lock.unlock();
    recv_closed(c, dst, ok);
    return NativeStatus::Ok;
  }
  if (Waiter* s = c->sendq.dequeue()) {
    recv_from_sender(c, s, dst);
    c->lock.unlock();
    if (ok != nullptr) ok->u = 1;
    ready(*s->g);
    return NativeStatus::Ok;
  }
  if (c->qcount > 0) {
    buffer_take(c, dst);
    c->lock.unlock();
    if (ok != nullptr) ok->u = 1;
    return NativeStatus::Ok;
  }
  // Wait for a sender, or close: either writes dst and ok before waking us.
  Waiter* w = own_waiter(g, c, dst, ok);
  c->recvq.enqueue(w);
  return park(g, sched::WaitReason::ChanReceive, unlock_chan, c);
}

NativeStatus chan_close(Goroutine& g, Chan* c) {
  if (c == nullptr) return panic_plain(g, "close of nil channel");
  c->lock.lock();
  if (c->closed) {
    c->lock.unlock();
    return panic_plain(g, "close of closed channel");
  }
  c->closed = true;
  // Collect every waiter under the lock, wake them after it.
  Waiter* woken = nullptr;
  while (Waiter* r = c->recvq.dequeue()) {
    recv_closed(c, r->elem, r->ok);
    r->success = false;
    r->wake_link = woken;
    woken = r;
  }
  while (Waiter* s = c->sendq.dequeue()) {
    s->success = false;
    s->wake_link = woken;
    woken = s;
  }
  c->lock.unlock();
  while (woken != nullptr) {
    Waiter* next = woken->wake_link;
    ready(*woken->g);
    woken = next;
  }
  return NativeStatus::Ok;
}

}  // namespace gol::vm
