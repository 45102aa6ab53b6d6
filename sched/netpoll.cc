// netpoll.cc — the network poller (see netpoll.h; cf. Go's netpoll.go:
// poll_runtime_pollOpen/Reset/Wait/SetDeadline/Unblock/Close, netpollblock,
// netpollunblock, netpollready; netpoll_epoll.go: netpoll, netpollBreak).
//
// Here: the epoll instance, the PollDesc states, deadlines, and how the
// scheduler polls (find_runnable's non-blocking look, the sleeping M's
// blocking wait, sysmon's look when nobody polled for 10 ms). The sleeping
// M's bookkeeping (who sleeps, until when, who wakes it) is timer.cc's.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>
#include <new>
#include <string>

#include "sched/fatal.h"
#include "sched/proc.h"
#include "sched/trace.h"

namespace gol::sched {

namespace {

constexpr int kMaxEvents = 128;
constexpr int64_t kSysmonPollNs = 10'000'000;  // sysmon polls if nobody has for this long
constexpr uint32_t kReadEvents = EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR;
constexpr uint32_t kWriteEvents = EPOLLOUT | EPOLLHUP | EPOLLERR;

std::atomic<uintptr_t>& slot_of(PollDesc* pd, int32_t mode) { return mode == kPollWrite ? pd->wg : pd->rg; }

void glist_push(GList* list, G* g) {
  g->sched_link = nullptr;
  if (list->tail != nullptr) {
    list->tail->sched_link = g;
  } else {
    list->head = g;
  }
  list->tail = g;
  list->size++;
}

G* glist_pop(GList* list) {
  G* g = list->head;
  if (g == nullptr) return nullptr;
  list->head = g->sched_link;
  if (list->head == nullptr) list->tail = nullptr;
  g->sched_link = nullptr;
  list->size--;
  return g;
}

}  // namespace

// ------------------------------------------------------------ the epoll instance

Netpoll::Netpoll() {
  m_epfd = epoll_create1(EPOLL_CLOEXEC);
  if (m_epfd < 0) fatal(std::string("netpollinit: failed to create epoll descriptor: ") + std::strerror(errno));
  m_eventfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (m_eventfd < 0) fatal(std::string("netpollinit: failed to create eventfd: ") + std::strerror(errno));
  epoll_event ev{};
  ev.events = EPOLLIN;  // level-triggered: readable until poll() drains it
  ev.data.ptr = nullptr;
  if (epoll_ctl(m_epfd, EPOLL_CTL_ADD, m_eventfd, &ev) != 0) {
    fatal(std::string("netpollinit: failed to register eventfd: ") + std::strerror(errno));
  }
}

Netpoll::~Netpoll() {
  close(m_eventfd);
  close(m_epfd);
}

void Netpoll::wake() {
  bool expected = false;
  // Coalesced: one pending write is enough to end any wait.
  if (!m_wake_pending.compare_exchange_strong(expected, true, std::memory_order_seq_cst)) return;
  const uint64_t one = 1;
  ssize_t r;
  do {
    r = write(m_eventfd, &one, sizeof one);
  } while (r < 0 && errno == EINTR);
  // EAGAIN: the counter is full, so the descriptor is readable anyway.
  if (r < 0 && errno != EAGAIN) fatal(std::string("netpollBreak: write failed: ") + std::strerror(errno));
}

namespace {

// Takes the mode's waiter, if any, leaving Ready (an edge) or Nil (a
// deadline, a close) in its place (cf. netpollunblock).
G* unblock(std::atomic<uintptr_t>& slot, bool ioready, std::atomic<int32_t>& waiters) {
  for (;;) {
    uintptr_t old = slot.load(std::memory_order_seq_cst);
    if (old == PollDesc::kPdReady) return nullptr;
    if (old == PollDesc::kPdNil && !ioready) return nullptr;
    const uintptr_t next = ioready ? PollDesc::kPdReady : PollDesc::kPdNil;
    if (slot.compare_exchange_weak(old, next, std::memory_order_seq_cst)) {
      // Wait: the parking goroutine's commit will fail and it runs again.
      if (old == PollDesc::kPdNil || old == PollDesc::kPdWait) return nullptr;
      waiters.fetch_sub(1, std::memory_order_seq_cst);
      return reinterpret_cast<G*>(old);
    }
  }
}

}  // namespace

bool Netpoll::poll(int64_t timeout_ns, GList* out) {
  epoll_event events[kMaxEvents];
  timespec ts{};
  const timespec* timeout = nullptr;
  if (timeout_ns >= 0) {
    ts.tv_sec = static_cast<time_t>(timeout_ns / 1'000'000'000);
    ts.tv_nsec = static_cast<long>(timeout_ns % 1'000'000'000);
    timeout = &ts;
  }
  const int n = epoll_pwait2(m_epfd, events, kMaxEvents, timeout, nullptr);
  if (n < 0) {
    // A signal (the collector's, SIGURG, SIGPROF): the caller loops
    // against its absolute deadline.
    if (errno == EINTR) return true;
    fatal(std::string("netpoll: epoll_pwait2 failed: ") + std::strerror(errno));
  }
  bool early = false;
  for (int i = 0; i < n; i++) {
    const epoll_event& ev = events[i];
    if (ev.data.ptr == nullptr) {
      uint64_t value;
      ssize_t r;
      do {
        r = read(m_eventfd, &value, sizeof value);
      } while (r < 0 && errno == EINTR);
      m_wake_pending.store(false, std::memory_order_seq_cst);
      early = true;
      continue;
    }
    auto* pd = static_cast<PollDesc*>(ev.data.ptr);
    if ((ev.events & kReadEvents) != 0) {
      if (G* g = unblock(pd->rg, true, m_waiters)) glist_push(out, g);
    }
    if ((ev.events & kWriteEvents) != 0) {
      if (G* g = unblock(pd->wg, true, m_waiters)) glist_push(out, g);
    }
  }
  return early;
}

// ---------------------------------------------------- descriptors (goroutine side)

namespace {

// Checks whether an operation in `mode` may go on (cf. netpollcheckerr).
int32_t check_err(PollDesc* pd, int32_t mode) {
  if (pd->closing.load(std::memory_order_seq_cst)) return kPollClosing;
  if ((mode == kPollRead || mode == kPollReadWrite) && pd->rd.load(std::memory_order_seq_cst) < 0) return kPollTimeout;
  if ((mode == kPollWrite || mode == kPollReadWrite) && pd->wd.load(std::memory_order_seq_cst) < 0) return kPollTimeout;
  return kPollOk;
}

// A deadline timer fired (cf. netpollReadDeadline). The timer is armed
// once per deadline but may fire late, after the deadline moved or the
// descriptor was closed and reused: the deadline itself says whether it
// has passed, so no sequence number is needed.
void deadline_fired(PollDesc* pd, bool write) {
  G* g = nullptr;
  Scheduler* sched = nullptr;
  {
    std::lock_guard<std::mutex> lock(pd->lock);
    std::atomic<int64_t>& d = write ? pd->wd : pd->rd;
    const int64_t when = d.load(std::memory_order_relaxed);
    if (when <= 0 || when > monotonic_ns()) return;
    d.store(-1, std::memory_order_seq_cst);  // before the unblock: see poll_wait_begin
    sched = pd->sched;
    g = unblock(write ? pd->wg : pd->rg, false, sched->netpoll().waiter_count());
  }
  if (g != nullptr) sched->ready(g);
}

void read_deadline_fired(void* arg, uintptr_t, int64_t) { deadline_fired(static_cast<PollDesc*>(arg), false); }
void write_deadline_fired(void* arg, uintptr_t, int64_t) { deadline_fired(static_cast<PollDesc*>(arg), true); }

}  // namespace

PollDesc* Scheduler::poll_open(int fd, int* err) {
  PollDesc* pd = nullptr;
  {
    std::lock_guard<std::mutex> lock(m_netpoll.m_free_lock);
    pd = m_netpoll.m_free;
    if (pd != nullptr) m_netpoll.m_free = pd->link;
  }
  if (pd == nullptr) {
    pd = new (m_exec.alloc_record(sizeof(PollDesc))) PollDesc();
    pd->sched = this;
    pd->rt.f = read_deadline_fired;
    pd->rt.arg = pd;
    pd->wt.f = write_deadline_fired;
    pd->wt.arg = pd;
  }
  {
    std::lock_guard<std::mutex> lock(pd->lock);
    pd->link = nullptr;
    pd->fd = fd;
    pd->closing.store(false, std::memory_order_seq_cst);
    pd->rd.store(0, std::memory_order_seq_cst);
    pd->wd.store(0, std::memory_order_seq_cst);
    pd->rg.store(PollDesc::kPdNil, std::memory_order_seq_cst);
    pd->wg.store(PollDesc::kPdNil, std::memory_order_seq_cst);
  }
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
  ev.data.ptr = pd;
  if (epoll_ctl(m_netpoll.m_epfd, EPOLL_CTL_ADD, fd, &ev) != 0) {
    *err = errno;
    std::lock_guard<std::mutex> lock(m_netpoll.m_free_lock);
    pd->link = m_netpoll.m_free;
    m_netpoll.m_free = pd;
    return nullptr;
  }
  *err = 0;
  return pd;
}

int32_t Scheduler::poll_reset(PollDesc* pd, int32_t mode) {
  const int32_t err = check_err(pd, mode);
  if (err != kPollOk) return err;
  // A stale edge is dropped: the caller tries the call before waiting.
  uintptr_t ready = PollDesc::kPdReady;
  if (mode != kPollWrite) pd->rg.compare_exchange_strong(ready, PollDesc::kPdNil, std::memory_order_seq_cst);
  ready = PollDesc::kPdReady;
  if (mode != kPollRead) pd->wg.compare_exchange_strong(ready, PollDesc::kPdNil, std::memory_order_seq_cst);
  return kPollOk;
}

int32_t Scheduler::poll_wait_begin(PollDesc* pd, int32_t mode) {
  int32_t err = check_err(pd, mode);
  if (err != kPollOk) return err;
  std::atomic<uintptr_t>& slot = slot_of(pd, mode);
  for (;;) {
    uintptr_t old = PollDesc::kPdReady;
    if (slot.compare_exchange_strong(old, PollDesc::kPdNil, std::memory_order_seq_cst)) return kPollOk;
    if (old != PollDesc::kPdNil) fatal("runtime: netpollblock: double wait (two goroutines wait on one descriptor)");
    if (slot.compare_exchange_strong(old, PollDesc::kPdWait, std::memory_order_seq_cst)) break;
  }
  // Check again now that Wait is visible: a deadline or close that came in
  // between stored its flag before looking at the slot, so one of the two
  // sides sees the other (all seq_cst).
  err = check_err(pd, mode);
  if (err != kPollOk) {
    slot.store(PollDesc::kPdNil, std::memory_order_seq_cst);
    return err;
  }
  return kPollPark;
}

bool Scheduler::poll_commit(G* g, void* arg) {
  const auto bits = reinterpret_cast<uintptr_t>(arg);
  auto* pd = reinterpret_cast<PollDesc*>(bits & ~uintptr_t{1});
  std::atomic<uintptr_t>& slot = (bits & 1) != 0 ? pd->wg : pd->rg;
  uintptr_t expected = PollDesc::kPdWait;
  // Counted first: the poller may take the G the moment the CAS lands.
  pd->sched->m_netpoll.m_waiters.fetch_add(1, std::memory_order_seq_cst);
  if (slot.compare_exchange_strong(expected, reinterpret_cast<uintptr_t>(g), std::memory_order_seq_cst)) return true;
  pd->sched->m_netpoll.m_waiters.fetch_sub(1, std::memory_order_seq_cst);
  return false;
}

void Scheduler::poll_set_deadline(PollDesc* pd, int64_t d, int32_t mode) {
  G* woken[2] = {nullptr, nullptr};
  {
    std::lock_guard<std::mutex> lock(pd->lock);
    if (pd->closing.load(std::memory_order_relaxed)) return;
    if (d < 0 || (d > 0 && d <= monotonic_ns())) d = -1;
    for (int i = 0; i < 2; i++) {
      const bool write = i == 1;
      if (mode != kPollReadWrite && mode != (write ? kPollWrite : kPollRead)) continue;
      std::atomic<int64_t>& deadline = write ? pd->wd : pd->rd;
      Timer& timer = write ? pd->wt : pd->rt;
      deadline.store(d, std::memory_order_seq_cst);
      if (d > 0) {
        reset_timer(&timer, d, 0);
      } else {
        stop_timer(&timer);
      }
      if (d < 0) woken[i] = unblock(write ? pd->wg : pd->rg, false, m_netpoll.m_waiters);
    }
  }
  for (G* g : woken) {
    if (g != nullptr) ready(g);
  }
}

void Scheduler::poll_evict(PollDesc* pd) {
  G* rg;
  G* wg;
  {
    std::lock_guard<std::mutex> lock(pd->lock);
    if (pd->closing.load(std::memory_order_relaxed)) fatal("runtime: unblock on closing polldesc");
    pd->closing.store(true, std::memory_order_seq_cst);
    rg = unblock(pd->rg, false, m_netpoll.m_waiters);
    wg = unblock(pd->wg, false, m_netpoll.m_waiters);
  }
  if (rg != nullptr) ready(rg);
  if (wg != nullptr) ready(wg);
}

void Scheduler::poll_close(PollDesc* pd) {
  if (!pd->closing.load(std::memory_order_seq_cst)) fatal("runtime: close polldesc w/o unblock");
  const uintptr_t r = pd->rg.load(std::memory_order_seq_cst);
  const uintptr_t w = pd->wg.load(std::memory_order_seq_cst);
  if ((r != PollDesc::kPdNil && r != PollDesc::kPdReady) || (w != PollDesc::kPdNil && w != PollDesc::kPdReady)) {
    fatal("runtime: blocked read or write on closing polldesc");
  }
  epoll_event ev{};
  epoll_ctl(m_netpoll.m_epfd, EPOLL_CTL_DEL, pd->fd, &ev);  // fails only if already gone with the fd
  {
    std::lock_guard<std::mutex> lock(pd->lock);
    pd->rd.store(0, std::memory_order_seq_cst);
    pd->wd.store(0, std::memory_order_seq_cst);
    stop_timer(&pd->rt);
    stop_timer(&pd->wt);
    pd->fd = -1;
  }
  std::lock_guard<std::mutex> lock(m_netpoll.m_free_lock);
  pd->link = m_netpoll.m_free;
  m_netpoll.m_free = pd;
}

// ------------------------------------------------------ the scheduler's polls

void Scheduler::make_runnable(GList* list, M* m) {
  // With a P, the Gs go on its run queue (overflow to the global one);
  // without, on the global queue for whoever looks next.
  GList global;
  while (G* g = glist_pop(list)) {
    if (GOL_TRACE_ON()) {
      trace::record(trace::Ev::GoUnblock, g->goid, m != nullptr && m->p != nullptr ? m->p->id : -1,
                    m != nullptr ? m->id : -1, 0);
    }
    cas_status(g, GStatus::Waiting, GStatus::Runnable);
    if (m != nullptr && m->p != nullptr) {
      GList overflow;
      if (!m->p->runq.put(g, false, &overflow)) m_runq.put_batch(overflow);
    } else {
      glist_push(&global, g);
    }
  }
  if (global.size > 0) m_runq.put_batch(global);
}

G* Scheduler::poll_nonblocking(M& m) {
  // Nothing to find, or the sleeping M is in epoll already and gets the
  // events itself (cf. findRunnable's lastpoll test).
  if (m_netpoll.waiters() <= 0 || m_lastpoll.load(std::memory_order_relaxed) == 0) return nullptr;
  GList list;
  m_netpoll.poll(0, &list);
  m_lastpoll.store(monotonic_ns(), std::memory_order_relaxed);
  G* g = glist_pop(&list);
  if (g == nullptr) return nullptr;
  const bool more = list.size > 0;
  make_runnable(&list, &m);
  if (GOL_TRACE_ON()) trace::record(trace::Ev::GoUnblock, g->goid, m.p->id, m.id, 0);
  cas_status(g, GStatus::Waiting, GStatus::Runnable);
  // More than one ready: let an idle P help (cf. injectglist's startIdle).
  if (more) wakep();
  return g;
}

bool Scheduler::poll_sleep(M& m, int64_t deadline, GList* ready) {
  for (;;) {
    if (m.park.woken()) return true;
    int64_t timeout = -1;
    if (deadline != kPollForever) {
      timeout = deadline - monotonic_ns();
      if (timeout <= 0) return false;
    }
    m_lastpoll.store(0, std::memory_order_relaxed);
    m_netpoll.poll(timeout, ready);
    m_lastpoll.store(monotonic_ns(), std::memory_order_relaxed);
    if (ready->size > 0) return false;
  }
}

void Scheduler::sysmon_poll(int64_t now) {
  const int64_t last = m_lastpoll.load(std::memory_order_relaxed);
  if (m_netpoll.waiters() <= 0 || last == 0 || last + kSysmonPollNs > now) return;
  GList list;
  m_netpoll.poll(0, &list);
  m_lastpoll.store(now, std::memory_order_relaxed);
  if (list.size == 0) return;
  // Every M is busy (or it would have polled): the Gs wait on the global
  // queue, which a preempted or finishing G's M looks at next. An idle P
  // gets an M, if sysmon has one it may use without allocating.
  make_runnable(&list, nullptr);
  std::unique_lock<std::mutex> lock(m_lock);
  if (m_npidle.load(std::memory_order_relaxed) > 0 && (m_midle != nullptr || m_spare_m != nullptr)) {
    startm_locked(nullptr, false, lock, NewM::Spare);
  }
}

}  // namespace gol::sched
