// g.cc — the G status machine (cf. Go's casgstatus), wait reasons as Go
// spells them, and the scheduler's fatal errors.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "sched/fatal.h"
#include "sched/g.h"

namespace gol::sched {

namespace {

FatalHook g_fatal_hook = nullptr;  // written once before threads start

// The transitions g.h lists, as a table [from][to].
constexpr bool kAllowed[6][6] = {
    //            Idle   Runnable Running Syscall Waiting Dead
    /* Idle */ {false, true, false, false, false, false},
    /* Runnable */ {false, false, true, false, false, false},
    /* Running */ {false, true, false, true, true, true},
    /* Syscall */ {false, true, true, false, false, false},
    /* Waiting */ {false, true, false, false, false, false},
    /* Dead */ {false, true, false, false, false, false},
};

}  // namespace

const char* status_name(GStatus s) {
  switch (s) {
    case GStatus::Idle: return "idle";
    case GStatus::Runnable: return "runnable";
    case GStatus::Running: return "running";
    case GStatus::Syscall: return "syscall";
    case GStatus::Waiting: return "waiting";
    case GStatus::Dead: return "dead";
  }
  return "?";
}

const char* wait_reason_name(WaitReason r) {
  switch (r) {
    case WaitReason::None: return "";
    case WaitReason::ChanReceive: return "chan receive";
    case WaitReason::ChanSend: return "chan send";
    case WaitReason::ChanReceiveNilChan: return "chan receive (nil chan)";
    case WaitReason::ChanSendNilChan: return "chan send (nil chan)";
    case WaitReason::Select: return "select";
    case WaitReason::SelectNoCases: return "select (no cases)";
    case WaitReason::Sleep: return "sleep";
    case WaitReason::Semacquire: return "semacquire";
    case WaitReason::WaitGroupWait: return "sync.WaitGroup.Wait";
    case WaitReason::MutexLock: return "sync.Mutex.Lock";
    case WaitReason::RWMutexLock: return "sync.RWMutex.Lock";
    case WaitReason::RWMutexRLock: return "sync.RWMutex.RLock";
    case WaitReason::CondWait: return "sync.Cond.Wait";
    case WaitReason::IOWait: return "IO wait";
  }
  return "";
}

void cas_status(G* g, GStatus from, GStatus to) {
  if (!kAllowed[static_cast<int>(from)][static_cast<int>(to)]) {
    fatal(std::string("casgstatus: invalid transition ") + status_name(from) + " -> " + status_name(to) +
          " (goroutine " + std::to_string(g->goid) + ")");
  }
  // acq_rel: the new owner of g (a run queue's consumer, a waker) sees every
  // write the old owner made before handing it over; pairs with the next CAS.
  GStatus expected = from;
  if (!g->status.compare_exchange_strong(expected, to, std::memory_order_acq_rel, std::memory_order_acquire)) {
    fatal(std::string("casgstatus: goroutine ") + std::to_string(g->goid) + " is " + status_name(expected) +
          ", not " + status_name(from) + " (wanted " + status_name(to) + ")");
  }
}

void set_fatal_hook(FatalHook hook) { g_fatal_hook = hook; }

void fatal(std::string_view message) {
  if (g_fatal_hook != nullptr) g_fatal_hook(message);
  std::fprintf(stderr, "fatal error: %.*s\n", static_cast<int>(message.size()), message.data());
  std::fflush(stderr);
  std::_Exit(2);
}

}  // namespace gol::sched
