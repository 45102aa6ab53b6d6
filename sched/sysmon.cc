// sysmon.cc — the system monitor (cf. Go's proc.go: sysmon, retake,
// preemptone, handoffp).
//
// One thread per Scheduler, started and joined by run(). It is not an M: it
// holds no P, runs no G, and is not registered with the collector, so a
// collection neither waits for it nor scans it. It therefore never
// allocates collected memory: it only reads and flags the scheduler's
// records (immortal, so never freed under it), and when a hand-off needs a
// new M it takes the spare record an M allocated ahead (Scheduler::new_m).
// Each round it sleeps, then looks at every P (retake):
//   - a P Running the same G (the same schedtick) for 10 ms or more: the G
//     is marked (G::preempt) and its M's thread gets SIGURG (signal.h); the
//     executor stops the G at its next safe point. So `for {}` cannot keep
//     a P from other goroutines.
//   - a P left in Syscall status for a whole sysmon round (20 us at least):
//     retaken (CAS Syscall -> Idle) and handed off — to an M at once if
//     there is work for it, else to the idle list (handoff_p). Go's
//     exception: a P with nothing queued is left alone for up to 10 ms
//     while other Ms spin or Ps idle, since nobody needs it.
// The sleep starts at 20 us and doubles after 50 rounds in which nothing
// was retaken, up to 10 ms, so an idle or purely CPU-bound program costs
// about 100 wake-ups a second. Deadlines are absolute (Note::sleep_until):
// a collection's signals must not stretch a sleep (STACK.md §3).
//
// It also polls the network when no M has for 10 ms (every M busy running
// Gs): the Gs whose I/O is ready go to the global queue (netpoll.cc).
// Not done (Go does it): the deep sleep while every P is idle — 10 ms
// rounds are cheap. Timers need nothing from sysmon: an idle M, the timer
// sleeper, waits for the earliest one in the poller (timer.h).
// SCHED lines (GOLDEBUG=schedtrace) are printed from here: schedtrace.cc.
#include <mutex>

#include "sched/fatal.h"
#include "sched/proc.h"
#include "sched/signal.h"
#include "sched/trace.h"

namespace gol::sched {

namespace {

constexpr int64_t kForcePreemptNs = 10'000'000;  // a G's time slice (Go's forcePreemptNS)
constexpr int64_t kSyscallIdleNs = 10'000'000;   // an unneeded P may stay in a call this long
constexpr int64_t kMinDelayUs = 20;
constexpr int64_t kMaxDelayUs = 10'000;
constexpr int kIdleRoundsBeforeBackoff = 50;

}  // namespace

void Scheduler::sysmon() {
  int idle = 0;  // rounds in a row that retook nothing
  int64_t delay_us = kMinDelayUs;
  int64_t last_trace = 0;
  const int64_t trace_period = static_cast<int64_t>(m_schedtrace_ms) * 1'000'000;
  for (;;) {
    if (idle == 0) {
      delay_us = kMinDelayUs;
    } else if (idle > kIdleRoundsBeforeBackoff) {
      delay_us *= 2;
    }
    if (delay_us > kMaxDelayUs) delay_us = kMaxDelayUs;
    // Woken only by run(), when the scheduler ends.
    if (m_sysmon_note.sleep_until(monotonic_ns() + delay_us * 1000)) return;
    const int64_t now = monotonic_ns();
    sysmon_poll(now);
    if (retake(now) != 0) {
      idle = 0;
    } else {
      idle++;
    }
    if (trace_period > 0 && last_trace + trace_period <= now) {
      last_trace = now;
      schedtrace(m_scheddetail, now);
    }
  }
}

// Returns how many Ps it took from system calls.
uint32_t Scheduler::retake(int64_t now) {
  {
    // A copy: m_allp changes under m_lock (set_procs), and handing a P off
    // takes m_lock. Ps are never freed, so the pointers stay good.
    std::lock_guard<std::mutex> lock(m_lock);
    const auto procs = static_cast<size_t>(m_procs.load(std::memory_order_relaxed));
    m_sysmon_ps.assign(m_allp.begin(), m_allp.begin() + static_cast<std::ptrdiff_t>(procs));
  }
  uint32_t retaken = 0;
  for (P* p : m_sysmon_ps) {
    P::SysmonTick& seen = p->sysmontick;
    const PStatus status = p->status.load(std::memory_order_acquire);
    bool syscall_too_long = false;
    if (status == PStatus::Running || status == PStatus::Syscall) {
      // One G (or a chain of runnext Gs sharing its slice) for too long.
      const uint32_t tick = p->schedtick.load(std::memory_order_relaxed);
      if (seen.schedtick != tick) {
        seen.schedtick = tick;
        seen.schedwhen = now;
      } else if (seen.schedwhen + kForcePreemptNs <= now) {
        preempt_one(p);
        // In a system call nothing runs to preempt: retake the P instead.
        syscall_too_long = true;
      }
    }
    if (status != PStatus::Syscall) continue;
    const uint32_t tick = p->syscalltick.load(std::memory_order_relaxed);
    if (!syscall_too_long && seen.syscalltick != tick) {
      // A call sysmon has not seen before: give it one round.
      seen.syscalltick = tick;
      seen.syscallwhen = now;
      continue;
    }
    if (p->runq.empty() &&
        m_nmspinning.load(std::memory_order_relaxed) + m_npidle.load(std::memory_order_relaxed) > 0 &&
        seen.syscallwhen + kSyscallIdleNs > now) {
      continue;
    }
    // The CAS and the hand-off under m_lock: no M going idle meanwhile can
    // see this P in nobody's hands (check_dead).
    std::unique_lock<std::mutex> lock(m_lock);
    // The hand-off may need an M, and sysmon cannot allocate one: with no
    // idle M and the spare not yet replaced (the M started from it does
    // that as it starts), leave the P to its call until a later round.
    if (m_midle == nullptr && m_spare_m == nullptr) continue;
    PStatus expected = PStatus::Syscall;
    // The CAS decides against exit_syscall and set_procs, which CAS too.
    if (p->status.compare_exchange_strong(expected, PStatus::Idle)) {
      retaken++;
      p->syscalltick.fetch_add(1, std::memory_order_relaxed);
      // The P leaves its M (still in the call): its track ends here.
      if (GOL_TRACE_ON()) trace::record(trace::Ev::ProcStop, 0, p->id, -1);
      handoff_p(p, lock);
    }
  }
  return retaken;
}

// Asks the G running on p to stop (cf. preemptone): best effort — the G may
// have just stopped, and the mark then waits for a G that never sees it
// (execute() clears it when a G starts).
void Scheduler::preempt_one(P* p) {
  M* m = p->m.load(std::memory_order_acquire);  // pairs with acquirep's release
  if (m == nullptr) return;
  G* g = m->curg.load(std::memory_order_acquire);  // pairs with execute's release store
  if (g == nullptr) return;
  // Release: the handler's acquire load on the M's thread sees it.
  g->preempt.store(true, std::memory_order_release);
  const pthread_t thread = m->os_thread.load(std::memory_order_acquire);  // pairs with m_main's store
  if (thread != 0) signal_preempt(thread);
}

// p was just retaken (status Idle, on no list); m_lock is held through
// `lock` and released here. p must end with an M or on the idle list in
// every case where find_runnable would find work for it (cf. handoffp).
void Scheduler::handoff_p(P* p, std::unique_lock<std::mutex>& lock) {
  if (!p->runq.empty() || m_runq.size() != 0) {
    startm_locked(p, false, lock, NewM::Spare);
    return;
  }
  // Nothing queued: help only if nobody is looking for work already.
  int32_t none = 0;
  if (m_nmspinning.load(std::memory_order_relaxed) + m_npidle.load(std::memory_order_relaxed) == 0 &&
      m_nmspinning.compare_exchange_strong(none, 1, std::memory_order_acq_rel)) {  // pairs as in wakep
    startm_locked(p, true, lock, NewM::Spare);
    return;
  }
  if (m_stopping.load(std::memory_order_acquire)) {
    // The stopper counted this P and waits for it (cf. handoffp's gcwaiting).
    p->status.store(PStatus::Stopped, std::memory_order_relaxed);
    if (--m_stopwait == 0) m_stopped_cv.notify_all();
    lock.unlock();
    return;
  }
  pidleput(p);
  lock.unlock();
}

}  // namespace gol::sched
