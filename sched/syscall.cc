// syscall.cc — blocking calls without blocking a P (cf. Go's proc.go:
// entersyscall, exitsyscall, exitsyscallfast, exitsyscall0).
//
// A native call that may block its thread (file I/O, DNS) is bracketed by
// enter_syscall/exit_syscall. Entering leaves the P in Syscall status with
// no M: the M keeps a pointer to it (oldp) but no longer holds it. Nothing
// else happens on the fast path, so a short call costs two atomic stores
// and one CAS. If the call lasts, sysmon retakes the P (CAS Syscall -> Idle,
// sysmon.cc) and hands it to another M, which runs the other Gs meanwhile.
// On return the M takes its P back with a CAS (Syscall -> Running) if
// nobody retook it, else any idle P; failing both it has no P and the G
// cannot go on running here: the executor stops it with Stop::LostP and
// execute() queues it on the global queue for any M (exit_syscall_lost).
//
// The P's state word decides every race: sysmon's retake, a stop-the-world
// and the returning M all CAS from Syscall, and exactly one wins.
//
// Rejected: handing the P off on entry (Go's entersyscallblock) for every
// call — it costs a thread wake-up per call even when the call is short,
// which most are; the 20 us sysmon look is Go's bet and ours.
#include "sched/fatal.h"
#include "sched/proc.h"
#include "sched/trace.h"

namespace gol::sched {

void Scheduler::enter_syscall() {
  M* mp = current_m();
  G* g = mp != nullptr ? mp->curg.load(std::memory_order_relaxed) : nullptr;
  if (g == nullptr || mp->p == nullptr) fatal("entersyscall: not on an M running a goroutine");
  M& m = *mp;
  P* p = m.p;
  if (GOL_TRACE_ON()) trace::record(trace::Ev::SyscallEnter, g->goid, p->id, m.id);
  cas_status(g, GStatus::Running, GStatus::Syscall);
  m.oldp = p;
  p->m.store(nullptr, std::memory_order_relaxed);
  m.p = nullptr;
  // seq_cst, with the load below: pairs with set_procs' store of m_stopping
  // and its CAS of this status (see Scheduler::m_stopping).
  p->status.store(PStatus::Syscall, std::memory_order_seq_cst);
  if (m_stopping.load(std::memory_order_seq_cst)) {
    // A stop-the-world is waiting for this P, which will not reach a stop
    // point while its M blocks: stop it here (cf. entersyscall_gcwait).
    std::lock_guard<std::mutex> lock(m_lock);
    PStatus status = PStatus::Syscall;
    if (m_stopping.load(std::memory_order_relaxed) && p->status.compare_exchange_strong(status, PStatus::Stopped)) {
      p->syscalltick.fetch_add(1, std::memory_order_relaxed);
      if (--m_stopwait == 0) m_stopped_cv.notify_all();
    }
  }
}

bool Scheduler::exit_syscall() {
  M* mp = current_m();
  G* g = mp != nullptr ? mp->curg.load(std::memory_order_relaxed) : nullptr;
  if (g == nullptr || mp->p != nullptr) fatal("exitsyscall: not on an M in a system call");
  M& m = *mp;
  P* oldp = m.oldp;
  m.oldp = nullptr;
  P* p = nullptr;
  // Its own P first (cf. exitsyscallfast). The CAS also wins it from a
  // stop-the-world or sysmon that had not yet got to it.
  PStatus status = PStatus::Syscall;
  if (oldp != nullptr && oldp->status.load(std::memory_order_relaxed) == PStatus::Syscall &&
      oldp->status.compare_exchange_strong(status, PStatus::Running)) {  // seq_cst: see m_stopping
    oldp->m.store(&m, std::memory_order_release);  // as acquirep
    m.p = oldp;
    p = oldp;
  } else if (m_npidle.load(std::memory_order_relaxed) > 0 && !m_stopping.load(std::memory_order_acquire)) {
    // Any idle P (cf. exitsyscallfast_pidle); none while the world stops.
    {
      std::lock_guard<std::mutex> lock(m_lock);
      if (!m_stopping.load(std::memory_order_relaxed)) p = pidleget();
    }
    if (p != nullptr) acquirep(m, p);
  }
  if (GOL_TRACE_ON()) trace::record(trace::Ev::SyscallExit, g->goid, p != nullptr ? p->id : -1, m.id);
  if (p == nullptr) return false;  // the G stays Syscall; the executor returns Stop::LostP
  // Sysmon tells a new call from a long one by this tick (cf. retake).
  p->syscalltick.fetch_add(1, std::memory_order_relaxed);
  cas_status(g, GStatus::Syscall, GStatus::Running);
  // Took the P back while a stop-the-world began: it may have looked at
  // the P before this M held it, so stop at the next safe point unasked.
  if (m_stopping.load(std::memory_order_seq_cst)) m_exec.preempt(m);
  return true;
}

// execute() got Stop::LostP from g on m, which holds no P (cf. exitsyscall0):
// g becomes runnable; with a P freed since exit_syscall looked, m runs it
// (returns true, holding the P); else g waits on the global queue for any
// M and m goes idle (false). Under m_lock, so checkdead never sees g
// runnable while sysmon has a P in hand (see check_dead).
bool Scheduler::exit_syscall_lost(M& m, G* g) {
  P* p = nullptr;
  {
    std::lock_guard<std::mutex> lock(m_lock);
    cas_status(g, GStatus::Syscall, GStatus::Runnable);
    if (!m_stopping.load(std::memory_order_acquire)) p = pidleget();
    if (p == nullptr) m_runq.put(g);  // lock order: m_lock, then the queue's
  }
  if (p == nullptr) {
    wakep();
    return false;
  }
  acquirep(m, p);
  p->syscalltick.fetch_add(1, std::memory_order_relaxed);
  return true;
}

}  // namespace gol::sched
