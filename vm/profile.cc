// profile.cc — the CPU sampler, heap allocation sampling and stack capture
// behind runtime/pprof (see profile.h).
//
// CPU: setitimer(ITIMER_PROF) makes the kernel send SIGPROF, every 1/hz of
// the process's CPU time, to a thread that is using CPU. The handler runs on
// that thread, so the goroutine it reads (M::curg's task) is the one that
// thread was interpreting and nothing else changes it meanwhile; but the
// loop may have been stopped halfway through pushing a frame, and its own
// stores may be in any order. So the handler trusts nothing: the frame
// array and count must agree with the capacity, every Proto pointer must be
// one of the program's (binary search in a sorted table built before the
// timer starts), and a pc outside its function's code is dropped (the
// frame keeps its function, without a line). The running frame's pc is the
// one it saved last (at a call, a native or a safe point), so the line of
// the innermost frame is approximate; its function is exact.
//
// The handler neither allocates nor locks: it claims a slot of a fixed
// ring with a CAS on the write index, fills it and publishes it with a
// release store of the slot's sequence (cf. Go's profBuf); a full ring
// counts a lost sample. A reader thread (plain, unregistered with the
// collector: it touches only malloc memory) drains the ring every 100 ms
// into counts per stack. Threads that are not Ms (collector's markers,
// sysmon, the poller) are counted as runtime._ExternalCode, an M in the
// scheduler as runtime._System, as Go names them.
//
// Heap: the allocation path (init.cc) counts down bytes per thread and calls
// heap_sample when the countdown runs out (exponentially spaced, mean
// kMemProfileRate, as Go's nextSample). The sample keeps the allocating
// goroutine's stack and a disappearing link to the object: the collector
// clears the link when it reclaims the object, so in-use counts are the
// collector's own verdict (as of its last cycle), not a guess. Allocations
// made outside any goroutine are not recorded.
//
// Rejected: per-thread timer_create(CLOCK_THREAD_CPUTIME_ID) — every M
// would have to arm its own timer as it starts; Go used setitimer for years.
// Sampling only at safe points (the handler setting an eval-breaker bit) —
// safe, but samples would land on back-edges and calls only, and a long
// native call would be charged to whatever came after it. Finalizers for
// in-use tracking — they run gol-visible code paths at arbitrary allocations
// and delay reclamation by a cycle.
#include "vm/profile.h"

#include <signal.h>
#include <sys/time.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "sched/proc.h"
#include "sched/signal.h"
#include "vm/interp_impl.h"
#include "vm/runtime.h"

namespace gol::vm::profile {

bool Loc::operator<(const Loc& o) const {
  if (proto != o.proto) return std::less<const Proto*>()(proto, o.proto);
  if (pc != o.pc) return pc < o.pc;
  return std::less<const char*>()(name, o.name);
}

namespace {

// ------------------------------------------------------- the proto table

struct ProtoEntry {
  uintptr_t proto;  // the Proto's address (sort key)
  uintptr_t code;   // its first instruction
  uint32_t size;    // instruction words
};

// Built once, before any sampling, from the running program; never freed,
// never changed after it is published (the handler reads it).
struct ProtoTable {
  std::vector<ProtoEntry> sorted;
  const Proto* at(int32_t i) const { return reinterpret_cast<const Proto*>(sorted[static_cast<size_t>(i)].proto); }
};
std::atomic<const ProtoTable*> g_table{nullptr};  // release store in table(), acquire loads

const ProtoTable* table() {
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  if (const ProtoTable* t = g_table.load(std::memory_order_acquire)) return t;
  const Program* program = interp::running_program();
  if (program == nullptr) return nullptr;
  auto* t = new ProtoTable();
  for (const Proto* p : program->protos) {
    t->sorted.push_back({reinterpret_cast<uintptr_t>(p), reinterpret_cast<uintptr_t>(p->code.data()),
                         static_cast<uint32_t>(p->code.size())});
  }
  std::sort(t->sorted.begin(), t->sorted.end(), [](const ProtoEntry& a, const ProtoEntry& b) { return a.proto < b.proto; });
  g_table.store(t, std::memory_order_release);
  return t;
}

// Async-signal-safe: a binary search over immutable memory. -1 if absent.
int32_t find_proto(const ProtoTable& t, uintptr_t p) {
  size_t lo = 0, hi = t.sorted.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (t.sorted[mid].proto < p) lo = mid + 1; else hi = mid;
  }
  return lo < t.sorted.size() && t.sorted[lo].proto == p ? static_cast<int32_t>(lo) : -1;
}

// A frame as the ring holds it: an index into the table (or a pseudo
// function, kPseudo + k) and an instruction index.
struct RawLoc {
  uint32_t index;
  uint32_t pc;
};
constexpr uint32_t kPseudo = 0xffffff00;
const char* const kPseudoNames[] = {"runtime._ExternalCode", "runtime._System", "runtime/pprof.lostProfileEvent"};
enum PseudoKind : uint32_t { kExternal = 0, kSystem = 1, kLost = 2 };

uint64_t pack(RawLoc l) { return uint64_t{l.index} << 32 | l.pc; }
RawLoc unpack(uint64_t w) { return {static_cast<uint32_t>(w >> 32), static_cast<uint32_t>(w)}; }

// Copies up to `max` frames of g, innermost first. Async-signal-safe: only
// loads, every pointer checked before it is followed (see the header).
uint32_t capture(const ProtoTable& t, const Goroutine* g, RawLoc* out, uint32_t max) {
  if (g == nullptr) return 0;
  const Frame* frames = g->frames;
  const uint32_t n = g->nframes;
  if (frames == nullptr || n > g->frames_cap) return 0;
  uint32_t k = 0;
  for (uint32_t i = n; i-- > 0 && k < max;) {
    const Frame& f = frames[i];
    const int32_t idx = find_proto(t, reinterpret_cast<uintptr_t>(f.proto));
    if (idx < 0) continue;
    const ProtoEntry& e = t.sorted[static_cast<size_t>(idx)];
    const auto pc = reinterpret_cast<uintptr_t>(f.pc);
    uint32_t at = kNoPc;
    if (pc >= e.code && pc <= e.code + uint64_t{e.size} * sizeof(Instr) && (pc - e.code) % sizeof(Instr) == 0) {
      at = static_cast<uint32_t>((pc - e.code) / sizeof(Instr));
    }
    out[k++] = {static_cast<uint32_t>(idx), at};
  }
  return k;
}

// The goroutine running on the calling thread, or null (and *is_m whether
// the thread is an M at all).
const Goroutine* current_goroutine(bool* is_m) {
  sched::M* m = sched::Scheduler::current_m();
  *is_m = m != nullptr;
  if (m == nullptr) return nullptr;
  sched::G* sg = m->curg.load(std::memory_order_relaxed);  // this M's own field
  return sg != nullptr ? static_cast<const Goroutine*>(sg->task) : nullptr;
}

Stack to_stack(const ProtoTable& t, const RawLoc* raw, uint32_t n) {
  Stack s;
  for (uint32_t i = 0; i < n; ++i) {
    if (raw[i].index >= kPseudo) {
      s.push_back(Loc{nullptr, kNoPc, kPseudoNames[raw[i].index - kPseudo]});
      continue;
    }
    const Proto* p = t.at(static_cast<int32_t>(raw[i].index));
    if (p->is_wrapper) continue;  // hidden, as in Go's traces
    s.push_back(Loc{p, raw[i].pc, nullptr});
  }
  return s;
}

// ------------------------------------------------------------ the CPU ring

constexpr uint64_t kRingSize = 4096;  // 40 s of one busy thread at 100 Hz between drains

struct RawSample {
  std::atomic<uint64_t> seq{0};  // w + 1 once slot w is filled: release store by the handler, acquire load by drain
  uint32_t n = 0;
  RawLoc locs[kMaxFrames];
};

RawSample* g_ring = nullptr;             // allocated by the first cpu_start, never freed
std::atomic<uint64_t> g_write{0};        // next slot to claim: CAS by handlers (acq_rel)
std::atomic<uint64_t> g_read{0};         // next slot to drain: release store by drain, acquire load by handlers
std::atomic<bool> g_on{false};           // seq_cst, paired with g_inflight (see cpu_stop)
std::atomic<int32_t> g_inflight{0};      // handlers running now (seq_cst)
std::atomic<uint64_t> g_lost{0};         // samples dropped on a full ring (relaxed: read after stop)

void record_cpu_sample() {
  const ProtoTable* t = g_table.load(std::memory_order_acquire);
  uint64_t w = g_write.load(std::memory_order_relaxed);
  do {
    if (w - g_read.load(std::memory_order_acquire) >= kRingSize) {
      g_lost.fetch_add(1, std::memory_order_relaxed);
      return;
    }
  } while (!g_write.compare_exchange_weak(w, w + 1, std::memory_order_acq_rel, std::memory_order_relaxed));
  RawSample& s = g_ring[w % kRingSize];
  bool is_m = false;
  const Goroutine* g = current_goroutine(&is_m);
  uint32_t n = t != nullptr ? capture(*t, g, s.locs, kMaxFrames) : 0;
  if (n == 0) {
    s.locs[0] = {kPseudo + (is_m ? kSystem : kExternal), kNoPc};
    n = 1;
  }
  s.n = n;
  s.seq.store(w + 1, std::memory_order_release);  // pairs with drain's acquire load
}

void on_sigprof(int, siginfo_t*, void*) {
  const int saved_errno = errno;
  g_inflight.fetch_add(1, std::memory_order_seq_cst);
  if (g_on.load(std::memory_order_seq_cst)) record_cpu_sample();
  g_inflight.fetch_sub(1, std::memory_order_seq_cst);
  errno = saved_errno;
}

// The drain side: only the reader thread, and cpu_stop after it joined.
std::mutex g_cpu_mu;  // one profile at a time; guards everything below
bool g_running = false;
bool g_reader_stop = false;
std::condition_variable g_reader_cv;
std::mutex g_reader_mu;  // guards g_reader_stop, g_counts
std::thread g_reader;
std::map<std::vector<uint64_t>, int64_t> g_counts;
int64_t g_start_ns = 0;
int64_t g_start_mono = 0;
int64_t g_period_ns = 0;

void drain() {
  uint64_t r = g_read.load(std::memory_order_relaxed);
  for (;;) {
    if (r >= g_write.load(std::memory_order_acquire)) break;
    RawSample& s = g_ring[r % kRingSize];
    if (s.seq.load(std::memory_order_acquire) != r + 1) break;  // claimed, not filled yet
    std::vector<uint64_t> key(s.n);
    for (uint32_t i = 0; i < s.n && i < kMaxFrames; ++i) key[i] = pack(s.locs[i]);
    ++g_counts[key];
    ++r;
    g_read.store(r, std::memory_order_release);  // pairs with the handlers' acquire load
  }
}

void reader_loop() {
  std::unique_lock<std::mutex> lock(g_reader_mu);
  while (!g_reader_stop) {
    g_reader_cv.wait_for(lock, std::chrono::milliseconds(100));
    drain();
  }
}

bool set_timer(int32_t hz) {
  itimerval it{};
  if (hz > 0) {
    it.it_interval.tv_sec = 0;
    it.it_interval.tv_usec = 1000000 / hz;
    it.it_value = it.it_interval;
  }
  return setitimer(ITIMER_PROF, &it, nullptr) == 0;
}

int64_t realtime_ns() {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return int64_t{ts.tv_sec} * 1000000000 + ts.tv_nsec;
}

}  // namespace

bool cpu_start(int32_t hz) {
  std::lock_guard<std::mutex> lock(g_cpu_mu);
  if (g_running) return false;
  if (table() == nullptr) return false;
  static std::once_flag once;
  std::call_once(once, [] {
    g_ring = new RawSample[kRingSize];
    if (!sched::install_async_handler(SIGPROF, on_sigprof)) fatal("sigaction(SIGPROF) failed");
  });
  g_counts.clear();
  g_lost.store(0, std::memory_order_relaxed);
  g_reader_stop = false;
  g_reader = std::thread(reader_loop);
  g_running = true;
  g_period_ns = 1000000000 / hz;
  g_start_ns = realtime_ns();
  g_start_mono = nanotime();
  g_on.store(true, std::memory_order_seq_cst);
  if (!set_timer(hz)) fatal("setitimer(ITIMER_PROF) failed");
  return true;
}

bool cpu_stop(std::vector<CpuSample>* out, int64_t* period_ns, int64_t* start_ns, int64_t* duration_ns) {
  std::lock_guard<std::mutex> lock(g_cpu_mu);
  if (!g_running) return false;
  set_timer(0);
  // A handler that saw g_on true incremented g_inflight before that load
  // (both seq_cst), so once the count is seen at zero after the store
  // below, no handler is filling a slot and none will start one.
  g_on.store(false, std::memory_order_seq_cst);
  while (g_inflight.load(std::memory_order_seq_cst) != 0) std::this_thread::yield();
  {
    std::lock_guard<std::mutex> reader_lock(g_reader_mu);
    g_reader_stop = true;
  }
  g_reader_cv.notify_one();
  g_reader.join();
  drain();
  g_running = false;
  const ProtoTable* t = g_table.load(std::memory_order_acquire);
  out->clear();
  for (const auto& [key, count] : g_counts) {
    std::vector<RawLoc> raw;
    for (uint64_t w : key) raw.push_back(unpack(w));
    CpuSample s{to_stack(*t, raw.data(), static_cast<uint32_t>(raw.size())), count};
    if (!s.stack.empty()) out->push_back(std::move(s));
  }
  if (const uint64_t lost = g_lost.load(std::memory_order_relaxed); lost > 0) {
    out->push_back(CpuSample{Stack{Loc{nullptr, kNoPc, kPseudoNames[kLost]}}, static_cast<int64_t>(lost)});
  }
  g_counts.clear();
  *period_ns = g_period_ns;
  *start_ns = g_start_ns;
  *duration_ns = nanotime() - g_start_mono;
  return true;
}

// ------------------------------------------------------------------- heap

namespace {

// A sampled object: malloc memory, which the collector neither scans (so
// `link` does not keep the object alive) nor frees; the collector zeroes
// `link` when it reclaims the object (a disappearing link).
struct HeapObject {
  void* link;
  uintptr_t addr;  // the object, for g_sampled (kept when link is cleared)
};

struct HeapBucket {
  std::vector<uint64_t> raw;  // the stack, packed RawLocs
  int64_t size = 0;
  int64_t allocs = 0;
  int64_t frees = 0;
  std::vector<HeapObject*> live;
};

std::mutex g_heap_mu;  // guards g_heap; never held while allocating on the GC heap
std::map<std::pair<std::vector<uint64_t>, int64_t>, HeapBucket> g_heap;
// Sampled objects by address, for heap_free. An entry may be stale (its
// object reclaimed, its link cleared, the address reused): heap_records
// erases an entry only if it still names the record it deletes.
std::unordered_map<uintptr_t, HeapObject*> g_sampled;
thread_local bool t_heap_started = false;

// Exponentially distributed with mean kMemProfileRate (cf. Go's fastexprand):
// the gaps of a Poisson process, so every allocated byte is equally likely
// to be sampled whatever the allocation sizes.
int64_t next_sample_interval() {
  const double u = (static_cast<double>(fast_rand() >> 11) + 1.0) / 9007199254740993.0;  // (0, 1]
  const double v = -std::log(u) * static_cast<double>(kMemProfileRate);
  return static_cast<int64_t>(std::min(v, 64.0 * kMemProfileRate)) + 1;
}

}  // namespace

int64_t heap_sample(void* p, size_t bytes) {
  // A thread's first countdown is a random gap, not a sample at its first
  // allocation (Go's mcache starts with nextSample too).
  if (!t_heap_started) {
    t_heap_started = true;
    return next_sample_interval();
  }
  const ProtoTable* t = table();
  bool is_m = false;
  const Goroutine* g = current_goroutine(&is_m);
  RawLoc raw[kMaxFrames];
  const uint32_t n = t != nullptr ? capture(*t, g, raw, kMaxFrames) : 0;
  if (n == 0) return next_sample_interval();
  std::vector<uint64_t> key(n);
  for (uint32_t i = 0; i < n; ++i) key[i] = pack(raw[i]);
  auto* obj = new HeapObject{p, reinterpret_cast<uintptr_t>(p)};
  std::lock_guard<std::mutex> lock(g_heap_mu);
  {
    HeapBucket& b = g_heap[{key, static_cast<int64_t>(bytes)}];
    if (b.allocs == 0) {
      b.raw = key;
      b.size = static_cast<int64_t>(bytes);
    }
    ++b.allocs;
    b.live.push_back(obj);
    g_sampled[obj->addr] = obj;
  }
  // Under g_heap_mu, so heap_free cannot unregister before this registers.
  GC_general_register_disappearing_link(&obj->link, p);
  return next_sample_interval();
}

void heap_free(void* p) {
  std::lock_guard<std::mutex> lock(g_heap_mu);
  if (g_sampled.empty()) return;
  auto it = g_sampled.find(reinterpret_cast<uintptr_t>(p));
  if (it == g_sampled.end()) return;
  // Its record now reads as freed; heap_records deletes it.
  GC_unregister_disappearing_link(&it->second->link);
  it->second->link = nullptr;
  g_sampled.erase(it);
}

std::vector<HeapRecord> heap_records() {
  const ProtoTable* t = table();
  std::vector<HeapRecord> out;
  if (t == nullptr) return out;
  std::lock_guard<std::mutex> lock(g_heap_mu);
  for (auto& entry : g_heap) {
    auto& b = entry.second;  // a plain reference: clang 14 cannot capture structured bindings
    // A cleared link: reclaimed (the registration went with it). The
    // collector writes links with the world stopped, hence the volatile
    // read rather than a plain one the compiler might cache.
    auto gone = [&b](HeapObject* o) {
      if (*static_cast<void* volatile*>(&o->link) != nullptr) return false;
      ++b.frees;
      if (auto it = g_sampled.find(o->addr); it != g_sampled.end() && it->second == o) g_sampled.erase(it);
      delete o;
      return true;
    };
    b.live.erase(std::remove_if(b.live.begin(), b.live.end(), gone), b.live.end());
    std::vector<RawLoc> raw;
    for (uint64_t w : b.raw) raw.push_back(unpack(w));
    HeapRecord r;
    r.stack = to_stack(*t, raw.data(), static_cast<uint32_t>(raw.size()));
    r.size = b.size;
    r.alloc_objects = b.allocs;
    r.inuse_objects = b.allocs - b.frees;
    if (!r.stack.empty()) out.push_back(std::move(r));
  }
  return out;
}

void scale_heap_sample(int64_t count, int64_t size, int64_t* objects, int64_t* bytes) {
  // Sampled objects of `size` bytes each were chosen with probability
  // 1 - exp(-size/rate): divide by it (cf. Go's scaleHeapSample).
  if (count == 0 || size == 0) {
    *objects = 0;
    *bytes = 0;
    return;
  }
  const double avg = static_cast<double>(size) / static_cast<double>(count);
  const double scale = 1 / (1 - std::exp(-avg / static_cast<double>(kMemProfileRate)));
  *objects = static_cast<int64_t>(static_cast<double>(count) * scale);
  *bytes = static_cast<int64_t>(static_cast<double>(size) * scale);
}

// -------------------------------------------------------------- goroutines

std::vector<Stack> goroutine_stacks_all(const Goroutine& self) {
  std::vector<Stack> out;
  const ProtoTable* t = table();
  if (t == nullptr) return out;
  RawLoc raw[kMaxFrames];
  out.push_back(to_stack(*t, raw, capture(*t, &self, raw, kMaxFrames)));
  sched::Scheduler* s = scheduler();
  if (s == nullptr) return out;
  for (sched::G* sg : s->all_gs()) {
    const sched::GStatus st = sg->status.load(std::memory_order_acquire);
    const auto* g = static_cast<const Goroutine*>(sg->task);
    if (g == nullptr || g == &self || st == sched::GStatus::Dead || st == sched::GStatus::Idle) continue;
    // Another M may be running it: capture validates what it follows, as
    // the goroutine dumps read such stacks too (Go stops the world here).
    out.push_back(to_stack(*t, raw, capture(*t, g, raw, kMaxFrames)));
  }
  return out;
}

int64_t goroutine_count() {
  sched::Scheduler* s = scheduler();
  return s != nullptr ? s->gcount() : 1;
}

}  // namespace gol::vm::profile
