// sema.cc — goroutine semaphores and notify lists keyed by address (see
// sema.h; cf. Go's runtime/sema.go).
//
// The table: kSemTabSize buckets (SemaRoot), an address hashed to one. A
// bucket has a lock, a count of goroutines waiting in it (nwait, read
// without the lock by release's fast path) and a list of SemaAddr, one per
// address that has waiters; each SemaAddr holds its waiters (SemaWaiter,
// Go's sudog) in queue order.
//
// Invariants:
//   - A waiter is in exactly one queue from the moment it is enqueued
//     (under its bucket's lock) until a releaser or notifier removes it
//     (under the same lock); only the remover readies it.
//   - The bucket lock is released only by the park's unlock callback, after
//     the goroutine is Waiting: whoever removes a waiter can ready it at
//     once (cf. goparkunlock).
//   - A semaphore's units move in two ways: fetch-and-add on release, and a
//     CAS decrement (can_acquire) by the acquirer or, for a queued waiter,
//     by the releaser on the waiter's behalf. A woken waiter therefore
//     always owns a unit (Go's ticket=1, made the only case): it resumes
//     after the native call with nothing left to retry, which a stackless
//     goroutine needs (it cannot loop inside a native).
//   - No lost wake-up (cf. semrelease1): the acquirer increments nwait, then
//     tries *addr; the releaser increments *addr, then reads nwait; both are
//     seq_cst, so at least one sees the other.
//
// GC visibility: a parked goroutine and the object holding the semaphore
// may be reachable only from here (a goroutine blocked forever on a mutex
// nobody else references). The buckets are immortal GC memory (scanned,
// never freed), and SemaAddr and SemaWaiter records are gc_alloc'ed and
// linked from them, so the collector sees every waiting Goroutine and every
// key address (an interior pointer into its object) for as long as it waits.
//
// Locks: a bucket lock is a leaf. Nothing else is locked while it is held,
// except the collector's allocation lock when a new address's SemaAddr is
// allocated (the collector never calls back into this file); goroutines
// are readied after it is released.
//
// Rejected: Go's per-bucket treap of addresses. A bucket holds few distinct
// addresses with waiters in practice (251 buckets); a list keeps the code
// short, and each address's own queue is still O(1) at both ends.
// Rejected: a C++ std::mutex/condition_variable per sync object — it would
// block the M's thread, not just the goroutine.
#include "vm/sema.h"

#include <atomic>
#include <mutex>
#include <new>

#include "vm/runtime.h"

namespace gol::vm {

namespace {

constexpr size_t kSemTabSize = 251;  // a prime, as Go's: addresses are 4- or 8-aligned

struct SemaWaiter {
  Goroutine* g;
  SemaWaiter* next;   // in its SemaAddr's queue (bucket lock)
  uint32_t ticket;    // notify lists: the ticket it waits for
};

struct SemaAddr {
  const void* key;    // the semaphore's (or notify list's) address: keeps its object alive
  SemaWaiter* head;   // bucket lock
  SemaWaiter* tail;   // bucket lock
  int64_t count;      // waiters in the queue (bucket lock)
  SemaAddr* next;     // the bucket's other addresses (bucket lock)
};

struct alignas(64) SemaRoot {
  std::mutex lock;
  // Waiters in the bucket. Incremented under lock by acquirers before they
  // retry the count (seq_cst, pairs with the releaser's load after its
  // fetch_add); decremented under lock by whoever dequeues.
  std::atomic<uint32_t> nwait{0};
  SemaAddr* addrs = nullptr;  // lock
};

SemaRoot* table() {
  // Immortal: scanned by the collector, never freed; the static pointer is
  // only a cache (thread-safe initialisation by the language).
  static SemaRoot* roots = [] {
    void* mem = gc_alloc_immortal(sizeof(SemaRoot) * kSemTabSize + alignof(SemaRoot));
    auto base = (reinterpret_cast<uintptr_t>(mem) + alignof(SemaRoot) - 1) & ~(uintptr_t{alignof(SemaRoot)} - 1);
    auto* r = reinterpret_cast<SemaRoot*>(base);
    for (size_t i = 0; i < kSemTabSize; i++) new (&r[i]) SemaRoot();
    return r;
  }();
  return roots;
}

SemaRoot& root_for(const void* addr) {
  return table()[(reinterpret_cast<uintptr_t>(addr) >> 3) % kSemTabSize];
}

void default_ready(Goroutine& g) { ready(g); }
std::atomic<SemaReadyFn> g_ready{default_ready};

void wake(Goroutine& g) { g_ready.load(std::memory_order_acquire)(g); }

// Takes one unit if there is one (cf. cansemacquire).
bool can_acquire(uint32_t* addr) {
  uint32_t v = __atomic_load_n(addr, __ATOMIC_SEQ_CST);
  while (v != 0) {
    if (__atomic_compare_exchange_n(addr, &v, v - 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) return true;
  }
  return false;
}

// The bucket's entry for key (root.lock held), or null.
SemaAddr* find(SemaRoot& root, const void* key) {
  for (SemaAddr* a = root.addrs; a != nullptr; a = a->next) {
    if (a->key == key) return a;
  }
  return nullptr;
}

// A waiter record for g, allocated before the bucket lock is taken (the
// critical section stays short; see the lock-order note at the top).
SemaWaiter* new_waiter(Goroutine& g, uint32_t ticket) {
  auto* w = static_cast<SemaWaiter*>(gc_alloc(sizeof(SemaWaiter)));
  w->g = &g;
  w->ticket = ticket;
  return w;
}

// Queues w on key (root.lock held; the caller has counted it in root.nwait).
void enqueue(SemaRoot& root, const void* key, SemaWaiter* w, SemaOrder order) {
  SemaAddr* a = find(root, key);
  if (a == nullptr) {
    a = static_cast<SemaAddr*>(gc_alloc(sizeof(SemaAddr)));
    a->key = key;
    a->next = root.addrs;
    root.addrs = a;
  }
  if (a->head == nullptr) {
    a->head = a->tail = w;
  } else if (order == SemaOrder::Lifo) {
    w->next = a->head;
    a->head = w;
  } else {
    a->tail->next = w;
    a->tail = w;
  }
  a->count++;
}

// Drops key's entry once its queue is empty (root.lock held).
void forget_if_empty(SemaRoot& root, SemaAddr* a) {
  if (a->head != nullptr) return;
  for (SemaAddr** p = &root.addrs; *p != nullptr; p = &(*p)->next) {
    if (*p == a) {
      *p = a->next;
      return;
    }
  }
}

// Removes w (whose predecessor is prev, null for the head) from a's queue
// (root.lock held).
void unlink(SemaRoot& root, SemaAddr* a, SemaWaiter* prev, SemaWaiter* w) {
  if (prev == nullptr) {
    a->head = w->next;
  } else {
    prev->next = w->next;
  }
  if (a->tail == w) a->tail = prev;
  a->count--;
  root.nwait.fetch_sub(1, std::memory_order_relaxed);  // the lock orders it against acquirers
  forget_if_empty(root, a);
}

// The park's unlock callback: the goroutine is Waiting now, so the bucket
// may be opened to its wakers.
bool unlock_root(sched::G*, void* arg) {
  static_cast<SemaRoot*>(arg)->lock.unlock();
  return true;
}

// Notify-list tickets wrap around: a is before b (cf. less in sema.go).
bool ticket_before(uint32_t a, uint32_t b) { return static_cast<int32_t>(a - b) < 0; }

}  // namespace

NativeStatus sema_acquire(Goroutine& g, uint32_t* addr, SemaOrder order, sched::WaitReason reason) {
  if (can_acquire(addr)) return NativeStatus::Ok;
  SemaRoot& root = root_for(addr);
  SemaWaiter* w = new_waiter(g, 0);
  root.lock.lock();
  // Announce a waiter before the retry (pairs with sema_release's load of
  // nwait after its fetch_add).
  root.nwait.fetch_add(1, std::memory_order_seq_cst);
  if (can_acquire(addr)) {
    root.nwait.fetch_sub(1, std::memory_order_relaxed);
    root.lock.unlock();
    return NativeStatus::Ok;
  }
  enqueue(root, addr, w, order);
  return park(g, reason, unlock_root, &root);
}

NativeStatus sema_release(Goroutine& g, uint32_t* addr, Handoff handoff) {
  __atomic_fetch_add(addr, 1, __ATOMIC_SEQ_CST);
  SemaRoot& root = root_for(addr);
  // seq_cst: pairs with the acquirer's fetch_add of nwait before its retry.
  if (root.nwait.load(std::memory_order_seq_cst) == 0) return NativeStatus::Ok;
  Goroutine* woken = nullptr;
  {
    std::lock_guard<std::mutex> lock(root.lock);
    SemaAddr* a = find(root, addr);
    // The unit goes to the first waiter, unless a goroutine that did not
    // wait took it meanwhile; then that goroutine's release wakes the waiter.
    if (a != nullptr && can_acquire(addr)) {
      SemaWaiter* w = a->head;
      unlink(root, a, nullptr, w);
      woken = w->g;
    }
  }
  if (woken == nullptr) return NativeStatus::Ok;
  wake(*woken);
  if (handoff == Handoff::No || g.sched_g == nullptr) return NativeStatus::Ok;
  g.stop = sched::Stop{};
  g.stop.kind = sched::Stop::Yield;
  return NativeStatus::Block;
}

uint32_t notify_list_add(NotifyList l) {
  // The ticket is taken while the caller still holds Cond.L; relaxed would
  // do for uniqueness, seq_cst orders it against the notifiers' unlocked
  // wait == notify check.
  return __atomic_fetch_add(l.wait, 1, __ATOMIC_SEQ_CST);
}

NativeStatus notify_list_wait(Goroutine& g, NotifyList l, uint32_t ticket) {
  SemaRoot& root = root_for(l.wait);
  SemaWaiter* w = new_waiter(g, ticket);
  root.lock.lock();
  // notify only moves under this lock, so the check and the enqueue are one step.
  if (ticket_before(ticket, __atomic_load_n(l.notify, __ATOMIC_SEQ_CST))) {
    root.lock.unlock();
    return NativeStatus::Ok;
  }
  root.nwait.fetch_add(1, std::memory_order_relaxed);  // notify lists never read it unlocked
  enqueue(root, l.wait, w, SemaOrder::Fifo);
  return park(g, sched::WaitReason::CondWait, unlock_root, &root);
}

void notify_list_notify_one(NotifyList l) {
  // Fast path: no ticket outstanding (pairs with notify_list_add).
  if (__atomic_load_n(l.wait, __ATOMIC_SEQ_CST) == __atomic_load_n(l.notify, __ATOMIC_SEQ_CST)) return;
  SemaRoot& root = root_for(l.wait);
  Goroutine* woken = nullptr;
  {
    std::lock_guard<std::mutex> lock(root.lock);
    const uint32_t t = __atomic_load_n(l.notify, __ATOMIC_SEQ_CST);
    if (t == __atomic_load_n(l.wait, __ATOMIC_SEQ_CST)) return;
    __atomic_store_n(l.notify, t + 1, __ATOMIC_SEQ_CST);
    // The holder of ticket t may not have reached Wait yet: it then finds
    // its ticket notified and does not park.
    if (SemaAddr* a = find(root, l.wait)) {
      SemaWaiter* prev = nullptr;
      for (SemaWaiter* w = a->head; w != nullptr; prev = w, w = w->next) {
        if (w->ticket == t) {
          unlink(root, a, prev, w);
          woken = w->g;
          break;
        }
      }
    }
  }
  if (woken != nullptr) wake(*woken);
}

void notify_list_notify_all(NotifyList l) {
  if (__atomic_load_n(l.wait, __ATOMIC_SEQ_CST) == __atomic_load_n(l.notify, __ATOMIC_SEQ_CST)) return;
  SemaRoot& root = root_for(l.wait);
  SemaWaiter* list = nullptr;
  {
    std::lock_guard<std::mutex> lock(root.lock);
    __atomic_store_n(l.notify, __atomic_load_n(l.wait, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
    if (SemaAddr* a = find(root, l.wait)) {
      list = a->head;
      root.nwait.fetch_sub(static_cast<uint32_t>(a->count), std::memory_order_relaxed);
      a->head = a->tail = nullptr;
      a->count = 0;
      forget_if_empty(root, a);
    }
  }
  // Readied outside the lock, in ticket order; the records are ours now.
  while (list != nullptr) {
    SemaWaiter* next = list->next;
    wake(*list->g);
    list = next;
  }
}

int64_t sema_waiters(const void* addr) {
  SemaRoot& root = root_for(addr);
  std::lock_guard<std::mutex> lock(root.lock);
  SemaAddr* a = find(root, addr);
  return a != nullptr ? a->count : 0;
}

void sema_set_ready_hook(SemaReadyFn fn) { g_ready.store(fn != nullptr ? fn : default_ready, std::memory_order_release); }

}  // namespace gol::vm
