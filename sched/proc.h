// proc.h — the GMP scheduler (cf. Go's runtime/proc.go; design doc
// golang.org/s/go11sched).
//
// G: a goroutine (g.h). M: an OS thread. P: a processor, the right to run
// Gs, holding a local run queue; GOMAXPROCS Ps exist. An M runs Gs only while
// it holds a P. schedule() on an M finds the next G in Go's order (every
// 61st tick the global queue first, then the P's runnext and local queue,
// the global queue, then stealing half of a random victim's queue), runs it
// through the Executor until the G stops (yields, parks, exits), and starts
// over. An M with nothing to do gives its P back and sleeps on its Note.
//
// Thread wake-up follows Go's policy: when work appears (a G is spawned or
// readied) and there is an idle P but no spinning M, one M is woken to spin
// (look for work); a spinning M that finds work wakes another if none is
// left spinning. Spinning Ms are bounded to half the busy Ps, so an idle
// program does not burn CPU. Rejected (as in Go): handing a new G directly
// to a woken thread — it thrashes threads and loses locality.
//
// sched/ knows nothing of bytecode: the Executor (the VM) runs a G's opaque
// task and says why it stopped, and provides the few hooks that tie threads
// and records to the collector.
//
// Locking: Scheduler::m_lock (Go's sched.lock) guards the idle P and M lists
// and the P status transitions to and from Idle; run queues are lock-free
// (runq.h) or have their own lock (globrunq.h). Lock order: m_lock before a
// GlobalRunQueue's lock; never the other way.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "sched/g.h"
#include "sched/globrunq.h"
#include "sched/note.h"
#include "sched/runq.h"

namespace gol::sched {

struct M;
class Scheduler;

// P status (cf. Go's _Pidle, _Prunning, _Pgcstop, _Pdead).
//   Idle     on the idle list, no M         (guarded by m_lock)
//   Running  held by an M, which owns it
//   Stopped  stopped for a stop-the-world   (owned by the stopper)
//   Dead     beyond GOMAXPROCS after a resize
enum class PStatus : uint32_t { Idle, Running, Stopped, Dead };

struct P {
  int32_t id = 0;
  std::atomic<PStatus> status{PStatus::Idle};
  RunQueue runq;
  uint32_t schedtick = 0;       // owner M only: Gs started, for the 61-tick global check
  // The M holding it. Written by that M (acquirep/releasep) and by the
  // stopper during a stop-the-world; read by the stopper to preempt, and by
  // sysmon and dumps: relaxed, a hint only (status says who owns the P).
  std::atomic<M*> m{nullptr};
  P* link = nullptr;            // idle list (m_lock)
  std::vector<G*> gfree;        // owner M only: dead Gs for reuse
};

struct M {
  int32_t id = 0;
  P* p = nullptr;               // the P held (this M only)
  P* nextp = nullptr;           // P handed over by startm, read after the Note wakes it
  bool spinning = false;        // this M only (mirrored in Scheduler::m_nmspinning)
  G* curg = nullptr;            // the G running on it (this M; read racily by sysmon and dumps)
  M* link = nullptr;            // idle list (m_lock)
  Note park;                    // sleeps here when idle
  void* exec = nullptr;         // the executor's per-thread state (an ExecContext in the VM)
  std::thread thread;           // not for M0, the thread that called run()
};

// Why a G stopped running (returned by Executor::run).
struct Stop {
  enum Kind : uint8_t {
    Yield,  // Gosched or preempted: back to a run queue (the global one, as Go)
    Park,   // waiting: `unlock(g, arg)` is called after g is off the M and
            // marked Waiting; if it returns false, g runs again at once
    Exit,   // finished: the G record is reused
  };
  Kind kind = Exit;
  bool (*unlock)(G* g, void* arg) = nullptr;
  void* arg = nullptr;
};

class Executor {
 public:
  virtual ~Executor() = default;
  // Runs g's task on the calling M until it stops.
  virtual Stop run(M& m, G& g) = 0;
  // Asks the G running on m to stop at its next safe point (sets the M's
  // eval breaker). Any thread; must only set a flag.
  virtual void preempt(M& m) = 0;
  // A new M's thread starts (register with the collector, make m.exec) /
  // is about to end.
  virtual void thread_started(M& m) = 0;
  virtual void thread_stopping(M& m) = 0;
  // Memory for G, M and P records that the collector must scan (a G holds
  // its task) and never free. Tests may use calloc.
  virtual void* alloc_record(size_t bytes) = 0;
};

class Scheduler {
 public:
  // procs Ps; the calling thread becomes M0 when run() is called.
  Scheduler(Executor& exec, int32_t procs);
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Creates a runnable G for `task` (cf. newproc): on the current P's
  // runnext when called from an M, else on the global queue; wakes an M if
  // one could run it.
  G* spawn(void* task);
  // Makes a waiting G runnable (cf. goready), on the caller's P when it is an M.
  void ready(G* g);
  // Runs the scheduler on the calling thread until shutdown(); returns its code.
  int run();
  // Ends run() at every M's next scheduling point; returns at once.
  void shutdown(int code);

  // Stops the world, changes the number of Ps, starts it again (cf.
  // runtime.GOMAXPROCS / procresize). Callable from an M running a G (the
  // G's own M keeps running it) or from any thread. Returns the old value.
  int32_t set_procs(int32_t n);
  int32_t procs() const { return m_procs.load(std::memory_order_relaxed); }

  // The M the calling thread is, or null.
  static M* current_m();

  // Counters for tests and schedtrace.
  int64_t goroutines_started() const { return m_goidgen.load(std::memory_order_relaxed); }
  int32_t idle_procs() const { return m_npidle.load(std::memory_order_relaxed); }
  int32_t spinning_ms() const { return m_nmspinning.load(std::memory_order_relaxed); }
  int32_t thread_count();
  uint64_t steals() const { return m_steals.load(std::memory_order_relaxed); }

 private:
  void m_main(M& m);             // an M's whole life
  void schedule(M& m);           // one round: find a G and run it
  G* find_runnable(M& m, bool* inherit);
  G* steal_work(M& m);
  void execute(M& m, G* g, bool inherit);
  void reset_spinning(M& m);
  void wakep();
  void startm(P* p, bool spinning);
  void stopm(M& m);
  M* new_m(P* p, bool spinning);
  void put_local(G* g, bool next);
  P* pidleget();                 // m_lock held
  void pidleput(P* p);           // m_lock held
  void acquirep(M& m, P* p);
  P* releasep(M& m);
  void stop_point(M& m);         // between Gs: honour stop-the-world and shutdown
  G* new_g();

  Executor& m_exec;
  std::mutex m_lock;                       // Go's sched.lock (see header)
  GlobalRunQueue m_runq;
  std::vector<P*> m_allp;                  // guarded by m_lock; size = procs (plus Dead beyond)
  std::atomic<int32_t> m_procs{0};
  P* m_pidle = nullptr;                    // m_lock
  std::atomic<int32_t> m_npidle{0};        // written under m_lock, read anywhere (relaxed heuristics)
  M* m_midle = nullptr;                    // m_lock
  std::vector<M*> m_allm;                  // m_lock
  std::atomic<int32_t> m_nmspinning{0};    // Ms spinning; CAS in wakep
  std::atomic<int64_t> m_goidgen{0};
  std::atomic<uint64_t> m_steals{0};
  std::mutex m_gfree_lock;                 // global dead-G list (Go's sched.gFree)
  std::vector<G*> m_gfree;                 // m_gfree_lock

  // Stop-the-world: m_stopping is set (release) by the stopper; every M
  // checks it (acquire) between Gs, parks its P as Stopped and counts down.
  std::atomic<bool> m_stopping{false};
  int32_t m_stopwait = 0;                  // m_lock
  std::condition_variable m_stopped_cv;    // waited on with m_lock
  std::mutex m_stw;                        // one stop-the-world at a time

  std::atomic<bool> m_running{false};     // run() has started (M0 holds a P)
  std::atomic<bool> m_exiting{false};
  int m_exit_code = 0;
};

}  // namespace gol::sched
