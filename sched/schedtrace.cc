// schedtrace.cc — GOLDEBUG=schedtrace=MS[,scheddetail=1]: the scheduler's
// state as Go 1.23 prints it with GODEBUG (cf. proc.go schedtrace).
//
// sysmon calls it every MS milliseconds. Plain, one line:
//   SCHED 1003ms: gomaxprocs=2 idleprocs=0 threads=4 spinningthreads=0
//   needspinning=0 idlethreads=1 runqueue=0 [0 0]          (one line)
// the bracket holding each P's local queue length. With scheddetail the
// header ends in Go's gcwaiting/nmidlelocked/stopwait/sysmonwait fields
// and one line follows per P, per M (newest first, as Go's allm list) and
// per G ever created (dead ones too, as Go's allgs), e.g.
//   "  G1: status=4(chan receive) m=nil lockedm=nil".
// Numeric states are Go's: G idle 0, runnable 1, running 2, syscall 3,
// waiting 4, dead 6; P idle 0, running 1, syscall 2, gcstop 3, dead 4.
// A field gol has no notion of prints what is true here: no malloc or lock
// counts on an M (0), no locked Gs (nil), no garbage-collection stop
// (gcwaiting is a stop-the-world for GOMAXPROCS); timerslen is the size of
// the P's timer heap.
// threads counts the Ms plus sysmon, as Go's does. A G's "m" is the M it
// runs on, in a system call too.
//
// Everything is read under m_lock, but Ms and Gs change under us (as in
// Go): fields their owners write freely are sampled with racy_read. The
// text is built in memory and written to fd 2 with write(2), not stdio:
// sysmon must not take stdio's lock, nor allocate from the collector.
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <string>

#include "sched/proc.h"
#include "sched/racy.h"

namespace gol::sched {

namespace {

__attribute__((format(printf, 2, 3))) void appendf(std::string& out, const char* format, ...) {
  char buf[256];
  va_list args;
  va_start(args, format);
  const int n = std::vsnprintf(buf, sizeof buf, format, args);
  va_end(args);
  if (n > 0) out.append(buf, static_cast<size_t>(n) < sizeof buf ? static_cast<size_t>(n) : sizeof buf - 1);
}

void write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere to report a failing stderr
    done += static_cast<size_t>(n);
  }
}

int go_g_status(GStatus s) { return s == GStatus::Dead ? 6 : static_cast<int>(s); }  // Go skips 5 (moribund)

const char* bool_name(bool b) { return b ? "true" : "false"; }

}  // namespace

void Scheduler::schedtrace(bool detail, int64_t now) {
  std::string out;
  {
    std::lock_guard<std::mutex> lock(m_lock);
    const auto procs = static_cast<size_t>(m_procs.load(std::memory_order_relaxed));
    appendf(out,
            "SCHED %lldms: gomaxprocs=%zu idleprocs=%d threads=%zu spinningthreads=%d needspinning=0 "
            "idlethreads=%d runqueue=%u",
            static_cast<long long>((now - m_start_ns) / 1'000'000), procs, m_npidle.load(std::memory_order_relaxed),
            m_allm.size() + 1, m_nmspinning.load(std::memory_order_relaxed), m_nmidle, m_runq.size());
    if (detail) {
      appendf(out, " gcwaiting=%s nmidlelocked=0 stopwait=%d sysmonwait=false\n",
              bool_name(m_stopping.load(std::memory_order_relaxed)), m_stopwait > 0 ? m_stopwait : 0);
    }
    for (size_t i = 0; i < procs; i++) {
      const P* p = m_allp[i];
      if (!detail) {
        appendf(out, " %s%u%s", i == 0 ? "[" : "", p->runq.size(), i + 1 == procs ? "]\n" : "");
        continue;
      }
      const M* m = p->m.load(std::memory_order_acquire);  // pairs with acquirep's release
      appendf(out, "  P%d: status=%u schedtick=%u syscalltick=%u m=", p->id,
              static_cast<unsigned>(p->status.load(std::memory_order_relaxed)),
              p->schedtick.load(std::memory_order_relaxed), p->syscalltick.load(std::memory_order_relaxed));
      if (m != nullptr) {
        appendf(out, "%d", m->id);
      } else {
        out += "nil";
      }
      appendf(out, " runqsize=%u gfreecnt=%d timerslen=%d\n", p->runq.size(),
              p->gfreecnt.load(std::memory_order_relaxed), p->timers.size());
    }
    if (detail) {
      for (size_t i = m_allm.size(); i-- > 0;) {
        const M* m = m_allm[i];
        const P* held = nullptr;
        for (size_t j = 0; j < procs; j++) {
          if (m_allp[j]->m.load(std::memory_order_relaxed) == m) held = m_allp[j];
        }
        bool blocked = false;
        for (const M* idle = m_midle; idle != nullptr; idle = idle->link) blocked = blocked || idle == m;
        const G* curg = m->curg.load(std::memory_order_acquire);
        appendf(out, "  M%d: p=", m->id);
        if (held != nullptr) {
          appendf(out, "%d", held->id);
        } else {
          out += "nil";
        }
        out += " curg=";
        if (curg != nullptr) {
          appendf(out, "%lld", static_cast<long long>(racy_read(curg->goid)));
        } else {
          out += "nil";
        }
        appendf(out,
                " mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=%s blocked=%s lockedg=nil\n",
                bool_name(racy_read(m->spinning)), bool_name(blocked));
      }
      std::lock_guard<std::mutex> glock(m_allgs_lock);  // lock order: m_lock first
      for (const G* g : m_allgs) {
        const GStatus status = g->status.load(std::memory_order_acquire);
        appendf(out, "  G%lld: status=%d(%s) m=", static_cast<long long>(racy_read(g->goid)), go_g_status(status),
                wait_reason_name(racy_read(g->wait_reason)));
        const M* on = nullptr;
        for (const M* m : m_allm) {
          if (m->curg.load(std::memory_order_relaxed) == g) on = m;
        }
        if (on != nullptr) {
          appendf(out, "%d", on->id);
        } else {
          out += "nil";
        }
        out += " lockedm=nil\n";
      }
    }
  }
  write_all(2, out);
}

}  // namespace gol::sched
