// proc.cc — the GMP scheduler (see proc.h; cf. Go's proc.go: schedule,
// findRunnable, stealWork, wakep, startm, stopm, resetspinning, checkdead,
// stopTheWorldWithSema, procresize, startTheWorldWithSema).
//
// Elsewhere: system calls (syscall.cc), sysmon's retake and hand-off
// (sysmon.cc), the SIGURG handler (signal.cc), SCHED lines (schedtrace.cc).
#include "sched/proc.h"

#include <unistd.h>

#include <chrono>
#include <new>
#include <random>
#include <string>

#include "sched/fatal.h"
#include "sched/signal.h"
#include "sched/trace.h"

namespace gol::sched {

namespace {

thread_local M* t_current_m = nullptr;  // a cache: every M is also in Scheduler::m_allm

// Steal passes over all Ps (Go: stealTries).
constexpr int kStealTries = 4;
// Dead Gs a P keeps for reuse before handing them to the global list.
constexpr size_t kLocalGFree = 64;

// A trace event about g on m (the calling M, null off the Ms): its P and id.
void trace_g(trace::Ev kind, const G* g, const M* m, int64_t arg = 0, WaitReason reason = WaitReason::None,
             const char* name = nullptr) {
  trace::record(kind, g->goid, m != nullptr && m->p != nullptr ? m->p->id : -1, m != nullptr ? m->id : -1, arg, reason,
                name);
}

uint32_t fast_rand() {
  thread_local std::minstd_rand rng(std::random_device{}());
  return static_cast<uint32_t>(rng());
}

}  // namespace

M* Scheduler::current_m() { return t_current_m; }

Scheduler::Scheduler(Executor& exec, int32_t procs) : m_exec(exec) {
  if (procs < 1) procs = 1;
  std::lock_guard<std::mutex> lock(m_lock);
  for (int32_t i = 0; i < procs; i++) {
    P* p = new (m_exec.alloc_record(sizeof(P))) P();
    p->id = i;
    m_allp.push_back(p);
  }
  // Highest id first on the idle list, so P0 is taken first.
  for (int32_t i = procs; i-- > 0;) pidleput(m_allp[static_cast<size_t>(i)]);
  m_p0 = m_allp[0];
  m_procs.store(procs, std::memory_order_relaxed);
}

Scheduler::~Scheduler() = default;  // records are the executor's memory (never freed)

int32_t Scheduler::thread_count() {
  std::lock_guard<std::mutex> lock(m_lock);
  return static_cast<int32_t>(m_allm.size());
}

// ---------------------------------------------------------------- P and M lists

P* Scheduler::pidleget() {
  P* p = m_pidle;
  if (p != nullptr) {
    m_pidle = p->link;
    p->link = nullptr;
    m_npidle.fetch_sub(1, std::memory_order_relaxed);
  }
  return p;
}

void Scheduler::pidleput(P* p) {
  if (!p->runq.empty()) fatal("pidleput: P has non-empty run queue");
  p->status.store(PStatus::Idle, std::memory_order_relaxed);
  p->link = m_pidle;
  m_pidle = p;
  m_npidle.fetch_add(1, std::memory_order_relaxed);
}

void Scheduler::acquirep(M& m, P* p) {
  if (m.p != nullptr || p->m.load(std::memory_order_relaxed) != nullptr) fatal("acquirep: invalid P state");
  // Release: sysmon and schedtrace follow p->m to read the M (acquire), and
  // must see the M's construction by whichever thread made it.
  p->m.store(&m, std::memory_order_release);
  p->status.store(PStatus::Running, std::memory_order_relaxed);
  m.p = p;
  if (GOL_TRACE_ON()) trace::record(trace::Ev::ProcStart, 0, p->id, m.id);
}

P* Scheduler::releasep(M& m) {
  P* p = m.p;
  if (p == nullptr || p->m.load(std::memory_order_relaxed) != &m) fatal("releasep: invalid P state");
  if (GOL_TRACE_ON()) trace::record(trace::Ev::ProcStop, 0, p->id, m.id);
  p->m.store(nullptr, std::memory_order_relaxed);
  m.p = nullptr;
  return p;
}

// ------------------------------------------------------------ creating work

G* Scheduler::new_g() {
  M* m = t_current_m;
  if (m != nullptr && m->p != nullptr && !m->p->gfree.empty()) {
    G* g = m->p->gfree.back();
    m->p->gfree.pop_back();
    m->p->gfreecnt.store(static_cast<int32_t>(m->p->gfree.size()), std::memory_order_relaxed);
    return g;
  }
  {
    std::lock_guard<std::mutex> lock(m_gfree_lock);
    if (!m_gfree.empty()) {
      G* g = m_gfree.back();
      m_gfree.pop_back();
      return g;
    }
  }
  G* g = new (m_exec.alloc_record(sizeof(G))) G();
  std::lock_guard<std::mutex> lock(m_allgs_lock);
  m_allgs.push_back(g);
  return g;
}

std::vector<G*> Scheduler::all_gs() {
  std::lock_guard<std::mutex> lock(m_allgs_lock);
  return m_allgs;
}

int32_t Scheduler::gcount() const { return m_gcount.load(std::memory_order_relaxed); }

void Scheduler::put_local(G* g, bool next) {
  M* m = t_current_m;
  if (m != nullptr && m->p != nullptr) {
    GList overflow;
    if (!m->p->runq.put(g, next, &overflow)) m_runq.put_batch(overflow);
  } else {
    m_runq.put(g);
  }
  // Before run() every P is still idle and M0 needs one: wake nobody yet.
  if (m_running.load(std::memory_order_acquire)) wakep();
}

G* Scheduler::spawn(void* task) {
  G* g = new_g();
  const GStatus from = g->status.load(std::memory_order_relaxed);
  g->task = task;
  g->goid = m_goidgen.fetch_add(1, std::memory_order_relaxed) + 1;
  M* m = t_current_m;
  G* parent = m != nullptr ? m->curg.load(std::memory_order_relaxed) : nullptr;
  g->parent_goid = parent != nullptr ? parent->goid : 0;
  g->preempt.store(false, std::memory_order_relaxed);
  m_gcount.fetch_add(1, std::memory_order_relaxed);
  if (GOL_TRACE_ON()) trace_g(trace::Ev::GoCreate, g, m, g->parent_goid, WaitReason::None, trace::name_of(g));
  cas_status(g, from, GStatus::Runnable);
  put_local(g, true);
  return g;
}

void Scheduler::ready(G* g) {
  if (GOL_TRACE_ON()) {
    const M* m = t_current_m;
    const G* by = m != nullptr ? m->curg.load(std::memory_order_relaxed) : nullptr;
    trace_g(trace::Ev::GoUnblock, g, m, by != nullptr ? by->goid : 0);
  }
  cas_status(g, GStatus::Waiting, GStatus::Runnable);
  put_local(g, true);
}

// ------------------------------------------------------------ waking Ms

// Tries to add one spinning M when there is an idle P and nobody spins
// (cf. wakep). The CAS makes concurrent wakers start at most one.
void Scheduler::wakep() {
  if (m_npidle.load(std::memory_order_relaxed) == 0) return;
  int32_t none = 0;
  // acq_rel pairs with the decrements in reset_spinning / find_runnable.
  if (m_nmspinning.load(std::memory_order_relaxed) != 0 ||
      !m_nmspinning.compare_exchange_strong(none, 1, std::memory_order_acq_rel)) {
    return;
  }
  startm(nullptr, true);
}

// Runs some M on p (an idle P when null), waking an idle M or creating one.
// With `spinning`, the caller already counted it in m_nmspinning.
void Scheduler::startm(P* p, bool spinning) {
  std::unique_lock<std::mutex> lock(m_lock);
  startm_locked(p, spinning, lock);
}

M* Scheduler::new_m(NewM source) {
  M* m;
  if (source == NewM::Spare) {
    m = m_spare_m;
    m_spare_m = nullptr;
    if (m == nullptr) return nullptr;
  } else {
    m = new (m_exec.alloc_record(sizeof(M))) M();
  }
  m->id = static_cast<int32_t>(m_allm.size());
  m->executor = &m_exec;
  m_allm.push_back(m);
  return m;
}

void Scheduler::startm_locked(P* p, bool spinning, std::unique_lock<std::mutex>& lock, NewM source) {
  if (p == nullptr) {
    p = pidleget();
    if (p == nullptr) {
      lock.unlock();
      if (spinning) m_nmspinning.fetch_sub(1, std::memory_order_acq_rel);
      return;
    }
  }
  // Any idle M but the timer sleeper, which is better left waiting for
  // its deadline (as Go's startm never takes the M in the netpoller).
  M* m = m_midle;
  if (m != nullptr && m == m_timer_sleeper && m->link != nullptr) m = m->link;
  bool was_sleeper = false;
  if (m != nullptr) {
    midle_remove_locked(*m);
    if (m == m_timer_sleeper) {
      was_sleeper = true;
      m_timer_sleeper = nullptr;
      m_timer_deadline.store(0, std::memory_order_seq_cst);
    }
  } else if (m_exiting.load(std::memory_order_relaxed)) {
    // No new threads once run() is joining them (it joins m_allm once).
    // The P's Gs will never run: the scheduler is ending.
    if (p->runq.empty()) pidleput(p);
    lock.unlock();
    if (spinning) m_nmspinning.fetch_sub(1, std::memory_order_acq_rel);
    return;
  } else if ((m = new_m(source)) == nullptr) {
    // sysmon checks for an idle or spare M first (retake): unreachable.
    fatal("startm: no M for sysmon's hand-off");
  } else {
    m->nextp = p;
    m->spinning = spinning;
    m->thread = std::thread([this, m] { m_main(*m); });
    lock.unlock();
    return;
  }
  lock.unlock();
  m->spinning = spinning;
  m->nextp = p;
  m->park.wakeup();  // release: nextp and spinning are visible to the woken M
  if (was_sleeper) m_netpoll.wake();  // it sleeps in the poller
}

// Parks m until someone hands it a P (or shutdown wakes it without one).
void Scheduler::stopm(M& m) {
  if (m.p != nullptr) fatal("stopm: holding a P");
  if (m.spinning) fatal("stopm: spinning");
  for (;;) {
    bool last = false;
    uint64_t epoch = 0;
    int64_t deadline = 0;
    {
      std::lock_guard<std::mutex> lock(m_lock);
      if (m_exiting.load(std::memory_order_acquire)) return;
      m.link = m_midle;
      m_midle = &m;
      m_nmidle++;
      // Ms in a system call are not idle; sysmon is not an M.
      last = m_nmidle == static_cast<int32_t>(m_allm.size());
      epoch = m_idle_epoch;
      deadline = timer_sleep_begin_locked(m);
    }
    if (deadline == 0) {
      if (last) check_dead(epoch);
      m.park.sleep();
    } else {
      // The sleeping M waits in the poller until the earliest timer
      // (timer.cc, netpoll.cc); then it runs what is due and what the
      // poller readied, with a P if one was free.
      GList ready;
      if (!poll_sleep(m, deadline, &ready)) {
        if (timer_sleep_expired(m, &ready)) {
          if (m.p != nullptr) return;
          continue;
        }
        m.park.sleep();  // someone took m off the idle list: their wakeup
      }
    }
    m.park.clear();
    P* p = m.nextp;
    m.nextp = nullptr;
    if (p != nullptr) {
      acquirep(m, p);
      return;
    }
    // Woken without a P: shutdown, or an earlier timer (wake_for_timer).
    if (m_exiting.load(std::memory_order_acquire)) return;
  }
}

// m went idle and no M is left running (cf. checkdead). Every G should
// then be waiting (or dead), and unless the executor knows of something
// outside the run queues that may still ready one (a timer, a poller,
// another thread), the program is deadlocked: report it once, here, on the
// last M. A program that ends calls shutdown() first, which stops this.
// "Once" is per idle period: an executor whose deadlock() returns (the
// REPL) gets a report again when a G that ran since deadlocks anew, which
// needed an M to leave the idle list (a new epoch).
//
// Races: an M between releasep and stopm is not on the idle list, so it
// counts as running and checks itself when it gets there; sysmon hands a
// retaken P on under m_lock, so no P is ever between owners here; a
// ready() from outside the Ms is the executor's may_wake() domain, asked
// first, without m_lock (it may take its own locks, which ready() holds
// while taking m_lock); the epoch then proves no M woke in between.
// During a stop-the-world or shutdown idle Ms are expected: no check.
void Scheduler::check_dead(uint64_t idle_epoch) {
  if (m_exec.may_wake()) return;
  G* runnable = nullptr;
  {
    std::lock_guard<std::mutex> lock(m_lock);
    if (m_exiting.load(std::memory_order_acquire) || m_stopping.load(std::memory_order_acquire) ||
        m_deadlock_epoch == idle_epoch || m_idle_epoch != idle_epoch || m_nmidle != static_cast<int32_t>(m_allm.size()) ||
        // A pending timer or an I/O wait will wake someone: the sleeping M
        // waits for them.
        earliest_timer_locked() != 0 || m_netpoll.waiters() > 0) {
      return;
    }
    std::lock_guard<std::mutex> glock(m_allgs_lock);  // lock order: m_lock first
    for (G* g : m_allgs) {
      switch (g->status.load(std::memory_order_acquire)) {
        case GStatus::Runnable:
        case GStatus::Running:
        case GStatus::Syscall:
          if (runnable == nullptr) runnable = g;
          break;
        case GStatus::Idle:
        case GStatus::Waiting:
        case GStatus::Dead: break;
      }
    }
    if (runnable == nullptr) m_deadlock_epoch = idle_epoch;
  }
  if (runnable != nullptr) {
    // Runnable, running and syscall have Go's numbers (1, 2, 3) too.
    const auto status = static_cast<int>(runnable->status.load(std::memory_order_relaxed));
    const std::string line = "runtime: checkdead: find g " + std::to_string(runnable->goid) + " in status " +
                             std::to_string(status) + "\n";
    (void)!write(2, line.data(), line.size());
    fatal("checkdead: runnable g");
  }
  // With no live G at all it is Go's "no goroutines (main called
  // runtime.Goexit) - deadlock!": the executor tells by gcount() == 0.
  m_exec.deadlock();
}

void Scheduler::reset_spinning(M& m) {
  m.spinning = false;
  const int32_t left = m_nmspinning.fetch_sub(1, std::memory_order_acq_rel) - 1;
  if (left < 0) fatal("resetspinning: negative nmspinning");
  // The last spinning M found work: there may be more, so wake another.
  if (left == 0) wakep();
}

// --------------------------------------------------------------- schedule

void Scheduler::m_main(M& m) {
  t_current_m = &m;
  m.os_thread.store(pthread_self(), std::memory_order_release);  // pairs with preempt_one's load
  m_exec.thread_started(m);
  refill_spare_m();
  P* p = m.nextp;
  m.nextp = nullptr;
  if (p != nullptr) acquirep(m, p);
  while (!m_exiting.load(std::memory_order_acquire)) {
    if (m.p == nullptr) {
      stopm(m);
      continue;
    }
    schedule(m);
  }
  if (m.spinning) {
    m.spinning = false;
    m_nmspinning.fetch_sub(1, std::memory_order_acq_rel);
  }
  m_exec.thread_stopping(m);
}

// On a registered thread (an M, once thread_started): sysmon may need an M
// record and cannot allocate one itself.
void Scheduler::refill_spare_m() {
  std::lock_guard<std::mutex> lock(m_lock);
  if (m_spare_m == nullptr) m_spare_m = new (m_exec.alloc_record(sizeof(M))) M();
}

void Scheduler::stop_point(M& m) {
  if (!m_stopping.load(std::memory_order_acquire)) return;
  if (m.spinning) {
    m.spinning = false;
    m_nmspinning.fetch_sub(1, std::memory_order_acq_rel);
  }
  {
    std::lock_guard<std::mutex> lock(m_lock);
    if (m.p != nullptr && m_stopping.load(std::memory_order_relaxed)) {
      P* p = releasep(m);
      p->status.store(PStatus::Stopped, std::memory_order_relaxed);
      if (--m_stopwait == 0) m_stopped_cv.notify_all();
    }
  }
  if (m.p == nullptr) stopm(m);
}

void Scheduler::schedule(M& m) {
  stop_point(m);
  if (m.p == nullptr || m_exiting.load(std::memory_order_acquire)) return;
  bool inherit = false;
  G* g = find_runnable(m, &inherit);
  if (g == nullptr) return;  // stopping or exiting: the caller loops
  if (m.spinning) reset_spinning(m);
  execute(m, g, inherit);
}

G* Scheduler::find_runnable(M& m, bool* inherit) {
  for (;;) {
    if (m_exiting.load(std::memory_order_acquire) || m_stopping.load(std::memory_order_acquire)) return nullptr;
    P* p = m.p;
    // Due timers first: they may ready Gs onto this P (cf. checkTimers).
    check_timers(p);
    const auto nprocs = static_cast<uint32_t>(m_procs.load(std::memory_order_relaxed));
    *inherit = false;
    // Fairness: every 61st schedule looks at the global queue first, or two
    // goroutines respawning each other would starve it.
    if (p->schedtick.load(std::memory_order_relaxed) % 61 == 0 && m_runq.size() > 0) {
      if (G* g = m_runq.get(p->runq, nprocs, 1)) return g;
    }
    if (G* g = p->runq.get(inherit)) return g;
    if (m_runq.size() > 0) {
      if (G* g = m_runq.get(p->runq, nprocs, 0)) return g;
    }
    // Goroutines whose I/O is ready, before stealing (cf. findRunnable).
    if (G* g = poll_nonblocking(m)) return g;
    // Steal, bounding spinning Ms to half the busy Ps.
    const int32_t busy = static_cast<int32_t>(nprocs) - m_npidle.load(std::memory_order_relaxed);
    if (m.spinning || 2 * m_nmspinning.load(std::memory_order_relaxed) < busy) {
      if (!m.spinning) {
        m.spinning = true;
        m_nmspinning.fetch_add(1, std::memory_order_acq_rel);
      }
      if (G* g = steal_work(m)) return g;
    }
    // Nothing: give the P back and sleep.
    {
      std::unique_lock<std::mutex> lock(m_lock);
      if (m_exiting.load(std::memory_order_acquire) || m_stopping.load(std::memory_order_acquire)) return nullptr;
      if (m_runq.size() > 0) {
        lock.unlock();
        continue;
      }
      pidleput(releasep(m));
    }
    if (m.spinning) {
      m.spinning = false;
      if (m_nmspinning.fetch_sub(1, std::memory_order_acq_rel) <= 0) fatal("findrunnable: negative nmspinning");
      // The delicate dance (cf. findRunnable): work may have arrived after
      // our checks while wakers saw us spinning and woke nobody. Look once
      // more, now that we no longer count as spinning.
      bool work = m_runq.size() > 0;
      {
        std::lock_guard<std::mutex> lock(m_lock);
        for (P* pp : m_allp) {
          if (pp->id < static_cast<int32_t>(nprocs) && !pp->runq.empty()) work = true;
        }
        if (work) {
          if (P* pp = pidleget()) {
            acquirep(m, pp);
            m.spinning = true;
            m_nmspinning.fetch_add(1, std::memory_order_acq_rel);
            continue;
          }
        }
      }
    }
    stopm(m);
    if (m.p == nullptr) return nullptr;
  }
}

G* Scheduler::steal_work(M& m) {
  const auto nprocs = static_cast<uint32_t>(m_procs.load(std::memory_order_relaxed));
  if (nprocs <= 1) return nullptr;
  for (int pass = 0; pass < kStealTries; pass++) {
    // The last pass may also take a victim's runnext.
    const bool steal_runnext = pass == kStealTries - 1;
    // A random start and a coprime stride visit every P once (cf. randomOrder).
    const uint32_t start = fast_rand() % nprocs;
    for (uint32_t i = 0; i < nprocs; i++) {
      if (m_exiting.load(std::memory_order_relaxed) || m_stopping.load(std::memory_order_relaxed)) return nullptr;
      // m_allp only changes during a stop-the-world, which waits for this M
      // to reach a stop point: indexing it without m_lock is safe.
      P* victim = m_allp[(start + i) % nprocs];
      if (victim == m.p) continue;
      // The last pass also runs a victim's due timers, whose Gs land on
      // this M's P (cf. stealWork's stealTimersOrRunNextG).
      if (steal_runnext && check_timers(victim)) {
        bool inherit = false;
        if (G* g = m.p->runq.get(&inherit)) return g;
      }
      if (G* g = m.p->runq.steal(victim->runq, steal_runnext)) {
        m_steals.fetch_add(1, std::memory_order_relaxed);
        return g;
      }
    }
  }
  return nullptr;
}

void Scheduler::execute(M& m, G* g, bool inherit) {
  for (;;) {
    m.curg.store(g, std::memory_order_release);  // pairs with preempt_one's acquire load
    cas_status(g, GStatus::Runnable, GStatus::Running);
    // A request aimed at its previous run is void now (cf. execute).
    g->preempt.store(false, std::memory_order_relaxed);
    // A runnext G inherits the slice: sysmon sees one long run (cf. retake).
    if (!inherit) m.p->schedtick.store(m.p->schedtick.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    if (GOL_TRACE_ON()) trace_g(trace::Ev::GoStart, g, &m, 0, WaitReason::None, trace::name_of(g));
    const Stop stop = m_exec.run(m, *g);
    m.curg.store(nullptr, std::memory_order_relaxed);
    if (m.p == nullptr && stop.kind != Stop::LostP) {
      fatal("execute: goroutine " + std::to_string(g->goid) + " stopped without a P (exit_syscall failed: Stop::LostP)");
    }
    switch (stop.kind) {
      case Stop::Yield:
        // Gosched and preemption put the G on the global queue (cf.
        // goschedImpl), behind everything already waiting.
        if (GOL_TRACE_ON()) trace_g(trace::Ev::GoStop, g, &m);
        cas_status(g, GStatus::Running, GStatus::Runnable);
        m_runq.put(g);
        return;
      case Stop::Park:
        g->wait_reason = stop.reason;  // published by the CAS (release)
        // Before the unlock, so no waker's unblock can precede it.
        if (GOL_TRACE_ON()) trace_g(trace::Ev::GoBlock, g, &m, 0, stop.reason);
        cas_status(g, GStatus::Running, GStatus::Waiting);
        if (stop.unlock != nullptr && !stop.unlock(g, stop.arg)) {
          // The wait was abandoned: run it again at once (cf. park_m).
          cas_status(g, GStatus::Waiting, GStatus::Runnable);
          if (GOL_TRACE_ON()) trace_g(trace::Ev::GoUnblock, g, &m, g->goid);
          inherit = true;
          continue;
        }
        return;
      case Stop::Exit:
        if (GOL_TRACE_ON()) trace_g(trace::Ev::GoEnd, g, &m);
        g->task = nullptr;
        g->wait_reason = WaitReason::None;
        m_gcount.fetch_sub(1, std::memory_order_relaxed);
        cas_status(g, GStatus::Running, GStatus::Dead);
        if (m.p->gfree.size() < kLocalGFree) {
          m.p->gfree.push_back(g);
          m.p->gfreecnt.store(static_cast<int32_t>(m.p->gfree.size()), std::memory_order_relaxed);
        } else {
          std::lock_guard<std::mutex> lock(m_gfree_lock);
          m_gfree.push_back(g);
        }
        return;
      case Stop::LostP:
        if (m.p != nullptr) fatal("execute: Stop::LostP while holding a P");
        if (!exit_syscall_lost(m, g)) return;
        inherit = false;
        continue;
    }
  }
}

// ------------------------------------------------------------ run, shutdown

int Scheduler::run() {
  M* m0;
  {
    std::lock_guard<std::mutex> lock(m_lock);
    m0 = new (m_exec.alloc_record(sizeof(M))) M();
    m0->id = static_cast<int32_t>(m_allm.size());
    m0->executor = &m_exec;
    m_allm.push_back(m0);
    P* p = pidleget();
    if (p == nullptr) fatal("run: no idle P");
    acquirep(*m0, p);
  }
  t_current_m = m0;
  m0->os_thread.store(pthread_self(), std::memory_order_release);  // pairs with preempt_one's load
  m_exec.thread_started(*m0);
  refill_spare_m();
  install_sigurg_handler();
  m_start_ns = monotonic_ns();
  m_sysmon = std::thread([this] { sysmon(); });
  m_running.store(true, std::memory_order_release);
  // Work spawned before run() sits on the global queue: let other Ps at it.
  wakep();
  while (!m_exiting.load(std::memory_order_acquire)) {
    if (m0->p == nullptr) {
      stopm(*m0);
      continue;
    }
    schedule(*m0);
  }
  if (m0->spinning) {
    m0->spinning = false;
    m_nmspinning.fetch_sub(1, std::memory_order_acq_rel);
  }
  // sysmon first: it signals Ms, whose threads must still exist then.
  m_sysmon_note.wakeup();
  m_sysmon.join();
  // Join the other Ms. shutdown() woke the idle ones, running ones stop
  // after their G, and startm creates no M once m_exiting is set, so
  // m_allm is final here (read under m_lock: startm appends under it).
  std::vector<M*> ms;
  {
    std::lock_guard<std::mutex> lock(m_lock);
    ms = m_allm;
  }
  for (M* m : ms) {
    if (m != m0 && m->thread.joinable()) m->thread.join();
  }
  m_exec.thread_stopping(*m0);
  t_current_m = nullptr;
  return m_exit_code;
}

void Scheduler::shutdown(int code) {
  std::lock_guard<std::mutex> lock(m_lock);
  if (m_exiting.load(std::memory_order_relaxed)) return;
  m_exit_code = code;
  // Release pairs with the acquire loads at every M's scheduling points.
  m_exiting.store(true, std::memory_order_release);
  m_timer_sleeper = nullptr;
  m_timer_deadline.store(0, std::memory_order_seq_cst);
  while (M* idle = m_midle) {
    m_midle = idle->link;
    m_nmidle--;
    m_idle_epoch++;
    idle->nextp = nullptr;
    idle->park.wakeup();
  }
  m_netpoll.wake();  // the sleeping M may be inside the poller
  // A stopper waiting for Ps that will never stop gives up (set_procs).
  m_stopped_cv.notify_all();
}

void Scheduler::set_schedtrace(int32_t ms, bool detail) {
  m_schedtrace_ms = ms > 0 ? ms : 0;
  m_scheddetail = detail;
}

// ----------------------------------------------------- stop the world, resize

// m_lock held, during a stop-the-world: Ps in Syscall stop here (the CAS
// races with sysmon's retake and with the M's own exit_syscall; one wins);
// Ms holding a running P are asked to stop.
void Scheduler::stop_running_ps(P* own, int32_t nprocs) {
  for (int32_t i = 0; i < nprocs; i++) {
    P* p = m_allp[static_cast<size_t>(i)];
    if (p == own) continue;
    PStatus status = PStatus::Syscall;
    if (p->status.compare_exchange_strong(status, PStatus::Stopped)) {  // seq_cst: see m_stopping
      p->syscalltick.fetch_add(1, std::memory_order_relaxed);
      m_stopwait--;
      continue;
    }
    M* holder = p->m.load(std::memory_order_relaxed);
    if (status == PStatus::Running && holder != nullptr) m_exec.preempt(*holder);
  }
}

int32_t Scheduler::set_procs(int32_t n) {
  if (n < 1) n = 1;
  std::lock_guard<std::mutex> stw(m_stw);
  M* self = t_current_m;
  std::unique_lock<std::mutex> lock(m_lock);
  const int32_t old = m_procs.load(std::memory_order_relaxed);
  // Stop: idle Ps are taken at once, the caller's own P counts as stopped,
  // Ps in a system call are taken (their M would not come back in time),
  // running Ms are asked to stop at their next safe point.
  m_stopwait = old;
  m_stopping.store(true, std::memory_order_seq_cst);  // see m_stopping
  while (P* p = pidleget()) {
    p->status.store(PStatus::Stopped, std::memory_order_relaxed);
    m_stopwait--;
  }
  P* own = self != nullptr ? self->p : nullptr;
  if (own != nullptr) {
    own->status.store(PStatus::Stopped, std::memory_order_relaxed);
    m_stopwait--;
  }
  // Like Go's stopTheWorldWithSema, ask again every 100 us: a P that was
  // between states at the first look (an M just back from a system call,
  // its P not yet marked as held) is caught at a later one.
  stop_running_ps(own, old);
  while (!m_stopped_cv.wait_for(lock, std::chrono::microseconds(100), [this] { return m_stopwait <= 0; })) {
    if (m_exiting.load(std::memory_order_acquire)) {
      // Shutdown: Ms leave without stopping. Nobody will run Gs again.
      if (own != nullptr) own->status.store(PStatus::Running, std::memory_order_relaxed);
      m_stopping.store(false, std::memory_order_release);
      return old;
    }
    stop_running_ps(own, old);
  }

  // Resize (cf. procresize). New Ps are created or revived; Ps beyond n give
  // their Gs to the global queue and die.
  for (int32_t i = static_cast<int32_t>(m_allp.size()); i < n; i++) {
    P* p = new (m_exec.alloc_record(sizeof(P))) P();
    p->id = i;
    p->status.store(PStatus::Stopped, std::memory_order_relaxed);
    m_allp.push_back(p);
  }
  for (int32_t i = n; i < old; i++) {
    P* p = m_allp[static_cast<size_t>(i)];
    GList gs;
    p->runq.drain(&gs);
    m_runq.put_batch(gs);
    {
      std::lock_guard<std::mutex> glock(m_gfree_lock);
      m_gfree.insert(m_gfree.end(), p->gfree.begin(), p->gfree.end());
    }
    p->gfree.clear();
    p->gfreecnt.store(0, std::memory_order_relaxed);
    move_timers_locked(p, m_p0);
    p->status.store(PStatus::Dead, std::memory_order_relaxed);
  }
  for (int32_t i = old; i < n; i++) m_allp[static_cast<size_t>(i)]->status.store(PStatus::Stopped);
  m_procs.store(n, std::memory_order_relaxed);
  if (own != nullptr && own->id >= n) {
    // The caller's P is gone: it continues on another (cf. procresize).
    own->m.store(nullptr, std::memory_order_relaxed);
    self->p = nullptr;
    own = m_allp[0];
    own->m.store(nullptr, std::memory_order_relaxed);
    acquirep(*self, own);
  }
  if (own != nullptr) own->status.store(PStatus::Running, std::memory_order_relaxed);

  // Start the world: Ps with work get an M; the rest go idle.
  std::vector<P*> with_work;
  for (int32_t i = n; i-- > 0;) {
    P* p = m_allp[static_cast<size_t>(i)];
    if (p == own) continue;
    p->m.store(nullptr, std::memory_order_relaxed);
    if (!p->runq.empty()) {
      with_work.push_back(p);
    } else {
      pidleput(p);
    }
  }
  m_stopping.store(false, std::memory_order_release);
  lock.unlock();
  for (P* p : with_work) {
    p->status.store(PStatus::Running, std::memory_order_relaxed);
    startm(p, false);
  }
  wakep();
  return old;
}

}  // namespace gol::sched
