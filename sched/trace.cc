// trace.cc — the execution tracer's recorder and its Chrome JSON writer
// (see trace.h).
//
// Buffers: one per thread that ever recorded, allocated on first use and
// linked into a lock-free list that is never shrunk (threads are few and
// Ms live as long as the program). A thread appends only to its own; the
// `writing` flag brackets each append so that stop(), after turning g_on
// off, knows when no append is in flight: the writer stores `writing` then
// loads g_on, the stopper stores g_on then loads `writing` (all seq_cst), so
// either the writer sees tracing off or the stopper waits for it.
//
// The writer turns the event stream into tracks: each P's goroutine runs
// become complete ("X") slices named "G<id> <function>" on the P's track,
// ended by the G's stop, block, end or system call; a run already going
// when tracing started begins at the trace's start, and a run still going
// at stop ends there. System calls are slices on a track per M (the P may
// run another G meanwhile), collections on a "GC" track; creation,
// blocking (with Go's wait reason), unblocking and P start/stop are
// instant events on the P's track where they happened.
//
// Rejected: one growable array per P — a P changes hands between Ms, so
// its buffer would need the very synchronisation per-thread buffers avoid.
#include "sched/trace.h"

#include <sched.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "sched/note.h"

namespace gol::sched::trace {

std::atomic<bool> g_on{false};

namespace {

struct Buffer {
  std::atomic<bool> writing{false};
  std::vector<Event> events;  // the owner thread's while tracing; the stopper's after
  Buffer* next = nullptr;
};

std::atomic<Buffer*> g_buffers{nullptr};
thread_local Buffer* t_buffer = nullptr;  // a cache: every buffer is on g_buffers
std::atomic<Namer> g_namer{nullptr};
std::mutex g_control;  // start() and stop(): one at a time
int64_t g_start_ns = 0;  // g_control

// Chrome track ids beside the Ps' (which are the P ids).
constexpr int32_t kGcTid = 10000;
constexpr int32_t kSyscallTid = 20000;  // + the M's id
constexpr int32_t kOtherTid = 30000;    // events from a thread without a P

Buffer* own_buffer() {
  if (t_buffer != nullptr) return t_buffer;
  auto* b = new Buffer();
  b->events.reserve(1024);
  Buffer* head = g_buffers.load(std::memory_order_relaxed);
  do {
    b->next = head;
  } while (!g_buffers.compare_exchange_weak(head, b, std::memory_order_release, std::memory_order_relaxed));
  t_buffer = b;
  return b;
}

}  // namespace

void set_namer(Namer namer) { g_namer.store(namer, std::memory_order_release); }

const char* name_of(const G* g) {
  Namer n = g_namer.load(std::memory_order_acquire);
  return n != nullptr && g != nullptr ? n(g) : nullptr;
}

void record(Ev kind, int64_t goid, int32_t p, int32_t m, int64_t arg, WaitReason reason, const char* name) {
  Buffer* b = own_buffer();
  b->writing.store(true, std::memory_order_seq_cst);
  if (g_on.load(std::memory_order_seq_cst)) {
    Event e;
    e.ts = monotonic_ns();
    e.goid = goid;
    e.arg = arg;
    e.name = name;
    e.p = p;
    e.m = m;
    e.kind = kind;
    e.reason = reason;
    b->events.push_back(e);
  }
  b->writing.store(false, std::memory_order_release);
}

void gc_event(bool start) {
  if (GOL_TRACE_ON()) record(start ? Ev::GCStart : Ev::GCEnd, 0, -1, -1);
}

bool enabled() { return g_on.load(std::memory_order_acquire); }

bool start() {
  std::lock_guard<std::mutex> lock(g_control);
  if (g_on.load(std::memory_order_relaxed)) return false;
  // Off since the last stop() drained every writer: the buffers are ours.
  for (Buffer* b = g_buffers.load(std::memory_order_acquire); b != nullptr; b = b->next) b->events.clear();
  g_start_ns = monotonic_ns();
  g_on.store(true, std::memory_order_seq_cst);
  return true;
}

bool stop(Trace* out) {
  std::lock_guard<std::mutex> lock(g_control);
  if (!g_on.load(std::memory_order_relaxed)) return false;
  g_on.store(false, std::memory_order_seq_cst);
  out->start_ns = g_start_ns;
  out->end_ns = monotonic_ns();
  out->events.clear();
  for (Buffer* b = g_buffers.load(std::memory_order_acquire); b != nullptr; b = b->next) {
    // An append that saw tracing on finishes in a few instructions.
    while (b->writing.load(std::memory_order_seq_cst)) sched_yield();
    out->events.insert(out->events.end(), b->events.begin(), b->events.end());
    b->events.clear();
    b->events.shrink_to_fit();
  }
  std::stable_sort(out->events.begin(), out->events.end(),
                   [](const Event& a, const Event& b) { return a.ts < b.ts; });
  return true;
}

// ------------------------------------------------------------- the writer

namespace {

void append_escaped(std::string& out, const char* s) {
  out += '"';
  for (; s != nullptr && *s != '\0'; s++) {
    const auto c = static_cast<unsigned char>(*s);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

class JsonWriter {
 public:
  explicit JsonWriter(const Trace& t) : m_t(t) {}

  std::string write() {
    m_out = "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n";
    // Names first: a run that began before tracing did ends before the
    // goroutine's next start names it.
    for (const Event& e : m_t.events) {
      if (e.name != nullptr) m_names[e.goid] = e.name;
    }
    for (const Event& e : m_t.events) event(e);
    for (auto& [p, run] : m_runs) slice(p, run, m_t.end_ns, "trace stop");
    for (auto& [m, sys] : m_syscalls) syscall_slice(m, sys.goid, sys.ts, m_t.end_ns);
    if (m_gc_start >= 0) gc_slice(m_gc_start, m_t.end_ns);
    metadata();
    char tail[160];
    std::snprintf(tail, sizeof tail,
                  "],\n\"otherData\":{\"producer\":\"gol runtime/trace\",\"duration_us\":\"%.3f\"}}\n",
                  static_cast<double>(m_t.end_ns - m_t.start_ns) / 1000.0);
    m_out += tail;
    return std::move(m_out);
  }

 private:
  struct Run {
    int64_t goid = 0;
    int64_t ts = 0;
  };

  void event(const Event& e) {
    switch (e.kind) {
      case Ev::GoCreate:
        instant("GoCreate", tid_of(e.p), e.ts, e.goid, "parent", e.arg, nullptr, e.name);
        break;
      case Ev::GoStart:
        end_run(e.p, -1, e.ts, "lost");  // a missed stop: never expected
        m_runs[e.p] = Run{e.goid, e.ts};
        break;
      case Ev::GoStop: end_run(e.p, e.goid, e.ts, "yield"); break;
      case Ev::GoBlock:
        end_run(e.p, e.goid, e.ts, "block");
        instant("GoBlock", tid_of(e.p), e.ts, e.goid, nullptr, 0, wait_reason_name(e.reason), nullptr);
        break;
      case Ev::GoUnblock: instant("GoUnblock", tid_of(e.p), e.ts, e.goid, "by", e.arg, nullptr, nullptr); break;
      case Ev::GoEnd: end_run(e.p, e.goid, e.ts, "end"); break;
      case Ev::SyscallEnter:
        end_run(e.p, e.goid, e.ts, "syscall");
        m_syscalls[e.m] = Run{e.goid, e.ts};
        break;
      case Ev::SyscallExit: {
        auto it = m_syscalls.find(e.m);
        syscall_slice(e.m, e.goid, it != m_syscalls.end() ? it->second.ts : m_t.start_ns, e.ts);
        if (it != m_syscalls.end()) m_syscalls.erase(it);
        if (e.p >= 0) m_runs[e.p] = Run{e.goid, e.ts};
        break;
      }
      case Ev::ProcStart:
      case Ev::ProcStop:
        instant(e.kind == Ev::ProcStart ? "ProcStart" : "ProcStop", tid_of(e.p), e.ts, -1, "m", e.m, nullptr,
                nullptr);
        break;
      case Ev::GCStart: m_gc_start = e.ts; break;
      case Ev::GCEnd:
        gc_slice(m_gc_start >= 0 ? m_gc_start : m_t.start_ns, e.ts);
        m_gc_start = -1;
        break;
    }
  }

  int32_t tid_of(int32_t p) {
    const int32_t tid = p >= 0 ? p : kOtherTid;
    m_tids.insert(tid);
    return tid;
  }

  // Ends the run on p (of goid, or of whoever runs there when goid < 0). A
  // stop with no run seen began before tracing did.
  void end_run(int32_t p, int64_t goid, int64_t ts, const char* why) {
    if (p < 0) return;
    auto it = m_runs.find(p);
    if (it != m_runs.end() && (goid < 0 || it->second.goid == goid)) {
      slice(p, it->second, ts, why);
      m_runs.erase(it);
    } else if (goid >= 0 && it == m_runs.end()) {
      slice(p, Run{goid, m_t.start_ns}, ts, why);
    }
  }

  std::string ts_field(int64_t ns) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(std::max<int64_t>(ns - m_t.start_ns, 0)) / 1000.0);
    return buf;
  }

  void begin(const char* ph, const std::string& name, const char* cat, int32_t tid, int64_t ts) {
    m_out += m_first ? "" : ",\n";
    m_first = false;
    m_out += "{\"name\":";
    append_escaped(m_out, name.c_str());
    m_out += ",\"cat\":\"";
    m_out += cat;
    m_out += "\",\"ph\":\"";
    m_out += ph;
    m_out += "\",\"pid\":1,\"tid\":" + std::to_string(tid) + ",\"ts\":" + ts_field(ts);
  }

  const char* fn(int64_t goid) {
    auto it = m_names.find(goid);
    return it != m_names.end() ? it->second : "?";
  }

  void slice(int32_t p, const Run& run, int64_t end, const char* why) {
    const std::string name = "G" + std::to_string(run.goid) + " " + fn(run.goid);
    begin("X", name, "goroutine", tid_of(p), run.ts);
    m_out += ",\"dur\":" + ts_field(m_t.start_ns + (end - std::max(run.ts, m_t.start_ns)));
    m_out += ",\"args\":{\"goid\":" + std::to_string(run.goid) + ",\"fn\":";
    append_escaped(m_out, fn(run.goid));
    m_out += ",\"end\":\"";
    m_out += why;
    m_out += "\"}}";
  }

  void syscall_slice(int32_t m, int64_t goid, int64_t from, int64_t to) {
    m_tids.insert(kSyscallTid + m);
    begin("X", "syscall", "syscall", kSyscallTid + m, from);
    m_out += ",\"dur\":" + ts_field(m_t.start_ns + (to - std::max(from, m_t.start_ns)));
    m_out += ",\"args\":{\"goid\":" + std::to_string(goid) + "}}";
  }

  void gc_slice(int64_t from, int64_t to) {
    m_tids.insert(kGcTid);
    begin("X", "GC", "gc", kGcTid, from);
    m_out += ",\"dur\":" + ts_field(m_t.start_ns + (to - std::max(from, m_t.start_ns))) + "}";
  }

  // An instant event; goid < 0 omits it; key/value an integer argument;
  // reason and fn string arguments when not null.
  void instant(const char* name, int32_t tid, int64_t ts, int64_t goid, const char* key, int64_t value,
               const char* reason, const char* fn_name) {
    begin("i", name, "sched", tid, ts);
    m_out += ",\"s\":\"t\",\"args\":{";
    bool comma = false;
    auto sep = [&] {
      if (comma) m_out += ',';
      comma = true;
    };
    if (goid >= 0) {
      sep();
      m_out += "\"goid\":" + std::to_string(goid);
    }
    if (key != nullptr) {
      sep();
      m_out += "\"" + std::string(key) + "\":" + std::to_string(value);
    }
    if (reason != nullptr) {
      sep();
      m_out += "\"reason\":";
      append_escaped(m_out, reason);
    }
    if (fn_name != nullptr) {
      sep();
      m_out += "\"fn\":";
      append_escaped(m_out, fn_name);
    }
    m_out += "}}";
  }

  void metadata() {
    m_out += m_first ? "" : ",\n";
    m_first = false;
    m_out += "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"args\":{\"name\":\"gol\"}}";
    for (int32_t tid : m_tids) {
      std::string name;
      if (tid == kGcTid) {
        name = "GC";
      } else if (tid == kOtherTid) {
        name = "no P";
      } else if (tid >= kSyscallTid) {
        name = "M" + std::to_string(tid - kSyscallTid) + " syscalls";
      } else {
        name = "P" + std::to_string(tid);
      }
      m_out += ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":" + std::to_string(tid) +
               ",\"args\":{\"name\":\"" + name + "\"}}";
      m_out += ",\n{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"pid\":1,\"tid\":" + std::to_string(tid) +
               ",\"args\":{\"sort_index\":" + std::to_string(tid) + "}}";
    }
  }

  const Trace& m_t;
  std::string m_out;
  bool m_first = true;
  std::map<int32_t, Run> m_runs;      // P -> the run going on there
  std::map<int32_t, Run> m_syscalls;  // M -> the call going on there
  std::unordered_map<int64_t, const char*> m_names;
  std::set<int32_t> m_tids;
  int64_t m_gc_start = -1;
};

}  // namespace

std::string write_chrome_json(const Trace& t) { return JsonWriter(t).write(); }

}  // namespace gol::sched::trace
