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
// Around that core (each file says more): a G in a blocking call leaves its
// P in Syscall status for the M to take back, or for sysmon to retake and
// hand to another M (syscall.cc); sysmon, a thread of its own, also
// preempts a G that has run 10 ms with SIGURG (sysmon.cc, signal.cc) and
// prints GOLDEBUG=schedtrace lines (schedtrace.cc); the last M to go idle
// checks for a deadlock (check_dead).
//
// sched/ knows nothing of bytecode: the Executor (the VM) runs a G's opaque
// task and says why it stopped, and provides the few hooks that tie threads
// and records to the collector.
//
// Locking: Scheduler::m_lock (Go's sched.lock) guards the idle P and M lists
// and the P status transitions to and from Idle; a P leaves Syscall by CAS
// only (its M, sysmon, a stop-the-world: one wins). Run queues are lock-free
// (runq.h) or have their own lock (globrunq.h). Lock order: m_lock before a
// GlobalRunQueue's lock and before m_allgs_lock; never the other way.
#pragma once

#include <pthread.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "sched/g.h"
#include "sched/globrunq.h"
#include "sched/netpoll.h"
#include "sched/note.h"
#include "sched/runq.h"
#include "sched/timer.h"

namespace gol::sched {

struct M;
class Executor;
class Scheduler;

// P status (cf. Go's _Pidle, _Prunning, _Pgcstop, _Pdead).
//   Idle     on the idle list, no M         (guarded by m_lock)
//   Running  held by an M, which owns it
//   Syscall  its M is in a blocking call; sysmon may retake it (CAS to Idle)
//   Stopped  stopped for a stop-the-world   (owned by the stopper)
//   Dead     beyond GOMAXPROCS after a resize
enum class PStatus : uint32_t { Idle, Running, Syscall, Stopped, Dead };

struct P {
  int32_t id = 0;
  std::atomic<PStatus> status{PStatus::Idle};
  RunQueue runq;
  // Gs started (for the 61-tick global check) and system calls left
  // (cf. Go's schedtick/syscalltick). Written by the P's owner (sysmon too,
  // for syscalltick, once a retake's CAS made it the owner); sysmon reads
  // them to see a P stuck on one G or one call: relaxed, a sample only.
  std::atomic<uint32_t> schedtick{0};
  std::atomic<uint32_t> syscalltick{0};
  // The M holding it. Written by that M (acquirep/releasep) and by the
  // stopper during a stop-the-world; read by the stopper to preempt, and by
  // sysmon and dumps: relaxed, a hint only (status says who owns the P).
  std::atomic<M*> m{nullptr};
  P* link = nullptr;            // idle list (m_lock)
  std::vector<G*> gfree;        // owner M only: dead Gs for reuse
  std::atomic<int32_t> gfreecnt{0};  // gfree.size() for schedtrace: owner writes, relaxed
  TimerHeap timers;             // its own lock; any thread (timer.h)
  // What sysmon saw last (cf. Go's sysmontick): sysmon only.
  struct SysmonTick {
    uint32_t schedtick = 0;
    uint32_t syscalltick = 0;
    int64_t schedwhen = 0;     // monotonic ns
    int64_t syscallwhen = 0;
  } sysmontick;
};

struct M {
  int32_t id = 0;
  P* p = nullptr;               // the P held (this M only)
  P* nextp = nullptr;           // P handed over by startm, read after the Note wakes it
  bool spinning = false;        // this M only (mirrored in Scheduler::m_nmspinning)
  // The G running on it (in a system call too). Written by this M with a
  // release store, so sysmon's acquire load may touch the G it names (its
  // preempt flag); the M's own reads are relaxed.
  std::atomic<G*> curg{nullptr};
  M* link = nullptr;            // idle list (m_lock)
  Note park;                    // sleeps here when idle
  void* exec = nullptr;         // the executor's per-thread state (an ExecContext in the VM)
  std::thread thread;           // not for M0, the thread that called run()
  // The thread, for sysmon's SIGURG: stored (release) by the thread itself
  // when it starts, loaded (acquire) by sysmon; 0 until then.
  std::atomic<pthread_t> os_thread{0};
  // The executor, for the SIGURG handler (set before the thread starts).
  Executor* executor = nullptr;
  // In a system call (this M only): the P it left in Syscall status, to
  // take back on return if nobody retook it (cf. Go's m.oldp).
  P* oldp = nullptr;
};

// Why a G stopped running (returned by Executor::run).
struct Stop {
  enum Kind : uint8_t {
    Yield,  // Gosched or preempted: back to a run queue (the global one, as Go)
    Park,   // waiting: `unlock(g, arg)` is called after g is off the M and
            // marked Waiting; if it returns false, g runs again at once
    Exit,   // finished: the G record is reused
    LostP,  // exitsyscall() found no P for it: the M holds none now; the G
            // (status Syscall) goes to the global queue and resumes anywhere
  };
  Kind kind = Exit;
  WaitReason reason = WaitReason::None;  // Park: stored in g->wait_reason
  bool (*unlock)(G* g, void* arg) = nullptr;
  void* arg = nullptr;
};

class Executor {
 public:
  virtual ~Executor() = default;
  // Runs g's task on the calling M until it stops.
  virtual Stop run(M& m, G& g) = 0;
  // Asks the G running on m to stop at its next safe point (sets the M's
  // eval breaker). Any thread, and the SIGURG handler on m's own thread:
  // must be async-signal-safe and only set a flag.
  virtual void preempt(M& m) = 0;
  // Whether something outside the run queues (a timer, the netpoller, a
  // signal, the REPL's input) may still ready a waiting G. Consulted when
  // every M is idle: if false, the program is deadlocked. Called on that
  // M with no scheduler lock held (it may take the executor's own locks).
  virtual bool may_wake() = 0;
  // Every G is waiting and nothing can wake one (cf. checkdead): print
  // Go's "fatal error: all goroutines are asleep - deadlock!" report and end
  // the process. Called on the M that went idle last, no scheduler lock held,
  // once per idle period (until some M wakes again). Also called when no G
  // is left at all and nobody called shutdown (gcount() == 0): Go's "no
  // goroutines (main called runtime.Goexit) - deadlock!". It may return
  // instead (the REPL reports the deadlock of one input and goes on): the
  // Ms then stay idle until something readies a G, and a deadlock after that
  // is reported again.
  virtual void deadlock() = 0;
  // A new M's thread starts (register with the collector, make m.exec) /
  // is about to end.
  virtual void thread_started(M& m) = 0;
  virtual void thread_stopping(M& m) = 0;
  // Memory for G, M and P records that the collector must scan (a G holds
  // its task) and never free. Tests may use calloc.
  virtual void* alloc_record(size_t bytes) = 0;
  // Memory the collector scans as a root but never frees by itself, given
  // back with free_roots: timer heaps' arrays, the only references to
  // pending timers (timer.h). Called on any thread that adds a timer (an M
  // or a registered thread), never by sysmon. The default is malloc, for
  // tests whose timers hold no collected memory.
  virtual void* alloc_roots(size_t bytes);
  virtual void free_roots(void* p);
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

  // Blocking calls (cf. entersyscall/exitsyscall). Called on the M running
  // a G, around a native call that may block the thread (file I/O, DNS):
  // the G becomes Syscall, its P becomes Syscall and stays the M's to take
  // back; sysmon retakes a P left in a syscall longer than 20 us and hands
  // it to another M (cf. retake/handoffp). exit_syscall() returns true with
  // a P held and the G Running again (its old P if still free, else an
  // idle one); false if none was free: the M then holds no P, the G is
  // still Syscall, and the executor must run nothing more of it but return
  // Stop::LostP from run() at once; run() is called again for it later, on
  // whichever M takes it, to go on after the call. In between the native
  // may use collected memory (the thread stays registered) and may spawn
  // or ready Gs (they go to the global queue); it must not park the G.
  void enter_syscall();
  bool exit_syscall();

  // Timers (timer.cc; semantics in timer.h). add_timer arms t, which must
  // not be pending, to run at `when` (monotonic ns) and then every
  // `period` ns if period > 0. stop_timer disarms it: true if it was
  // pending. reset_timer re-arms it (pending or not): true if it was
  // pending. Any thread (an M, in a G or in a timer callback, or another
  // registered thread); none of them blocks beyond short locks.
  void add_timer(Timer* t, int64_t when, int64_t period);
  bool stop_timer(Timer* t);
  bool reset_timer(Timer* t, int64_t when, int64_t period);
  // Timers pending on all Ps (a sample).
  int64_t timer_count();

  // The network poller (netpoll.cc; the protocol is in netpoll.h). Any M
  // running a G. poll_open registers a non-blocking descriptor: null with
  // *err set (an errno) on failure. poll_reset: before an operation, is the
  // descriptor closing or the mode's deadline past (kPollOk otherwise; it
  // also drops a stale Ready edge). poll_wait_begin: after EAGAIN, kPollOk
  // (an edge arrived: retry), kPollClosing, kPollTimeout, or kPollPark
  // (park with poll_commit). poll_set_deadline: mode kPollRead, kPollWrite
  // or kPollReadWrite; d is monotonic ns, 0 for none, d <= now (or < 0) for
  // already passed, which wakes the mode's waiter at once. poll_evict wakes
  // both waiters and fails later waits with kPollClosing; poll_close, once
  // nobody uses the descriptor, unregisters it and recycles pd (the caller
  // closes the fd after).
  PollDesc* poll_open(int fd, int* err);
  int32_t poll_reset(PollDesc* pd, int32_t mode);
  int32_t poll_wait_begin(PollDesc* pd, int32_t mode);
  void poll_set_deadline(PollDesc* pd, int64_t d, int32_t mode);
  void poll_evict(PollDesc* pd);
  void poll_close(PollDesc* pd);
  // Stop::Park's unlock for an I/O wait (arg from poll_commit_arg): false
  // when the descriptor became ready, closing or expired meanwhile (the G
  // then runs again at once and calls poll_wait_begin again).
  static bool poll_commit(G* g, void* arg);
  // Goroutines parked in the poller (cf. netpollWaiters).
  int32_t poll_waiters() const { return m_netpoll.waiters(); }
  Netpoll& netpoll() { return m_netpoll; }

  // Every G ever created, live or dead (cf. allgs), for dumps and
  // schedtrace; a snapshot under the lock.
  std::vector<G*> all_gs();
  // Gs that exist and have not finished (runtime.NumGoroutine).
  int32_t gcount() const;

  // GOLDEBUG=schedtrace=MS,scheddetail=1: sysmon prints Go's SCHED lines
  // to standard error every `ms` milliseconds (0: off). Set before run().
  void set_schedtrace(int32_t ms, bool detail);

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
  // Where a new M's record comes from: the collector (any registered
  // thread), or the spare that an M allocated ahead (sysmon, which must not
  // allocate from the collector: STACK.md §3).
  enum class NewM { Allocate, Spare };
  M* new_m(NewM source);         // m_lock held; null if Spare and none is left
  void put_local(G* g, bool next);
  P* pidleget();                 // m_lock held
  void pidleput(P* p);           // m_lock held
  void acquirep(M& m, P* p);
  P* releasep(M& m);
  void stop_point(M& m);         // between Gs: honour stop-the-world and shutdown
  void stop_running_ps(P* own, int32_t nprocs);  // m_lock held, stopping
  void refill_spare_m();
  G* new_g();
  // startm with m_lock held by `lock`; returns with it released.
  void startm_locked(P* p, bool spinning, std::unique_lock<std::mutex>& lock, NewM source = NewM::Allocate);
  // Deadlock detection (cf. checkdead): stopm calls it when m went idle
  // last; it returns unless the program is deadlocked (then it does not).
  void check_dead(uint64_t idle_epoch);
  // exit_syscall found no P (Stop::LostP): queue g, or run it on a P freed since.
  bool exit_syscall_lost(M& m, G* g);

  // Timers (timer.cc).
  // Runs the heap's timers due at `now` on the calling M; returns how many.
  int run_timers(TimerHeap& heap, int64_t now);
  // Runs p's due timers if any (cf. checkTimers): cheap when none is due.
  bool check_timers(P* p);
  // The earliest deadline over the first `procs` Ps of m_allp, 0 if none (m_lock held).
  int64_t earliest_timer_locked();
  // stopm, m_lock held, m on m_midle: makes m the timer sleeper if there is
  // none and a timer is pending; returns the deadline to sleep to, or 0.
  int64_t timer_sleep_begin_locked(M& m);
  // stopm: the timer sleeper's deadline passed. Takes m off m_midle (false
  // if someone else already did: their wakeup is coming), grabs an idle P
  // if any, runs the due timers of every P, and queues the Gs the poller
  // readied (*ready; on the global queue when it returns false). m_lock not held.
  bool timer_sleep_expired(M& m, GList* ready);
  // A timer was armed for `when`: make sure some M will run it in time (cf. wakeNetPoller).
  void wake_for_timer(int64_t when);
  // m_lock held: takes m off m_midle if it is there.
  bool midle_remove_locked(M& m);
  // m_lock held, world stopped: moves a dead P's timers to P0 (cf. timers.take).
  void move_timers_locked(P* from, P* to);

  // Polling (netpoll.cc). The sleeping M's deadline when it waits for I/O
  // with no timer pending.
  static constexpr int64_t kPollForever = INT64_MAX - 1;
  // Gs readied by the poller (still Waiting) made runnable: on m's P if it
  // holds one, else on the global queue.
  void make_runnable(GList* list, M* m);
  // find_runnable: a non-blocking poll when Gs wait for I/O and no M sleeps
  // in the poller; returns a G to run (the rest are queued).
  G* poll_nonblocking(M& m);
  // The sleeping M (stopm) waits in the poller until `deadline` (or
  // kPollForever): true when woken through its Note; false when the
  // deadline passed or Gs became ready (in *ready, still Waiting).
  bool poll_sleep(M& m, int64_t deadline, GList* ready);
  // sysmon: polls when nobody has for 10 ms (Ms all busy).
  void sysmon_poll(int64_t now);

  // sysmon (sysmon.cc): its own thread, not an M, never touching GC memory.
  void sysmon();
  uint32_t retake(int64_t now);
  void preempt_one(P* p);
  void handoff_p(P* p, std::unique_lock<std::mutex>& lock);  // m_lock held; released on return
  void schedtrace(bool detail, int64_t now);                  // schedtrace.cc

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

  // Stop-the-world: m_stopping is set by the stopper; every M checks it
  // (acquire) between Gs, parks its P as Stopped and counts down. The store
  // is seq_cst and so are enter_syscall's P status store and its load of
  // m_stopping: of the stopper and an M entering a system call, at least
  // one sees the other, so a P parked in Syscall is always stopped by one.
  std::atomic<bool> m_stopping{false};
  int32_t m_stopwait = 0;                  // m_lock
  std::condition_variable m_stopped_cv;    // waited on with m_lock
  std::mutex m_stw;                        // one stop-the-world at a time

  // Gs (cf. allgs, gcount): every record new_g allocated, in order.
  // Lock order: m_lock before m_allgs_lock.
  std::mutex m_allgs_lock;
  std::vector<G*> m_allgs;                 // m_allgs_lock
  std::atomic<int32_t> m_gcount{0};        // spawned minus exited; relaxed (a count only)

  // Idle Ms for checkdead: how many are on m_midle, and how many times one
  // left it (so a check that dropped m_lock can tell nothing moved).
  int32_t m_nmidle = 0;                    // m_lock
  uint64_t m_idle_epoch = 0;               // m_lock
  // The idle period whose deadlock was reported (an m_idle_epoch value):
  // one report per period, and a new one once an M has woken.
  uint64_t m_deadlock_epoch = UINT64_MAX;  // m_lock

  // sysmon: started and joined by run(); woken early only to end.
  std::thread m_sysmon;
  M* m_spare_m = nullptr;                  // m_lock: sysmon's next new M, refilled by each M that starts
  Note m_sysmon_note;
  std::vector<P*> m_sysmon_ps;             // sysmon only: its copy of m_allp
  int32_t m_schedtrace_ms = 0;             // set before run()
  bool m_scheddetail = false;              // set before run()
  int64_t m_start_ns = 0;                  // run()'s start, for schedtrace (set before sysmon starts)

  // The timer sleeper (timer.h): at most one idle M sleeping until the
  // earliest timer. m_timer_sleeper under m_lock; m_timer_deadline written
  // under m_lock, read (seq_cst) without it by wake_for_timer: 0 none,
  // INT64_MAX while an M decides (see timer_sleep_begin_locked), else the
  // deadline the sleeper sleeps to.
  M* m_timer_sleeper = nullptr;
  std::atomic<int64_t> m_timer_deadline{0};
  P* m_p0 = nullptr;                       // m_allp[0], fixed at construction: timers from threads without a P

  Netpoll m_netpoll;
  // When an M last polled (monotonic ns); 0 while the sleeping M is inside
  // a blocking poll (cf. sched.lastpoll). Relaxed: a heuristic.
  std::atomic<int64_t> m_lastpoll{1};

  std::atomic<bool> m_running{false};     // run() has started (M0 holds a P)
  std::atomic<bool> m_exiting{false};
  int m_exit_code = 0;
};

}  // namespace gol::sched
