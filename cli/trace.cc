// trace.cc — `gol trace FILE`: a terminal summary of a runtime/trace file.
//
// The core idea: the Chrome JSON that runtime/trace writes (sched/trace.cc)
// already holds every goroutine run as a complete slice on its P's track
// and every block and unblock as an instant event, so the summary is sums
// over them: per goroutine its function, running time, number of runs and
// time blocked by wait reason (from each GoBlock to the goroutine's next
// GoUnblock, or the trace's end); per P its busy share of the trace and
// the goroutines it ran. Times print as Go prints durations' short forms
// (µs, ms, s with one decimal).
//
// Elsewhere: the parser (trace_json.h), the command dispatch (main.cc).
// Rejected: an interactive viewer (`go tool trace` serves a web UI) — the
// file opens in Perfetto or chrome://tracing for that.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/trace_json.h"

namespace gol::cli {
namespace {

struct GoroutineSummary {
  std::string fn = "?";
  double running_us = 0;
  int64_t runs = 0;
  std::map<std::string, double> blocked_us;  // by wait reason
};

struct ProcSummary {
  double busy_us = 0;
  int64_t runs = 0;
  std::set<int64_t> goroutines;
};

std::string duration(double us) {
  char buf[32];
  if (us < 1000) {
    std::snprintf(buf, sizeof buf, "%.1fµs", us);
  } else if (us < 1e6) {
    std::snprintf(buf, sizeof buf, "%.1fms", us / 1e3);
  } else {
    std::snprintf(buf, sizeof buf, "%.1fs", us / 1e6);
  }
  return buf;
}

// P tracks are the small tids (sched/trace.cc puts GC, system calls and
// events without a P at 10000 and beyond).
constexpr int64_t kFirstNonProcTid = 10000;

// `text` right-aligned in `width` columns (µ is two bytes, one column).
std::string pad_left(const std::string& text, size_t width) {
  size_t cols = 0;
  for (char c : text) cols += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return cols >= width ? text : std::string(width - cols, ' ') + text;
}

struct Summary {
  double duration_us = 0;
  std::map<int64_t, GoroutineSummary> gs;
  std::map<int64_t, ProcSummary> ps;
  double gc_us = 0;
  int64_t gcs = 0;
  double syscall_us = 0;
  int64_t syscalls = 0;
};

void add_blocked(Summary& s, const Json& events) {
  // Instant events in time order (slices are written when they end).
  std::vector<const Json*> instants;
  for (const Json& e : events.arr) {
    if (e["ph"].str == "i") instants.push_back(&e);
  }
  std::stable_sort(instants.begin(), instants.end(),
                   [](const Json* a, const Json* b) { return (*a)["ts"].number() < (*b)["ts"].number(); });
  std::map<int64_t, std::pair<double, std::string>> blocked;  // goid -> since, reason
  for (const Json* e : instants) {
    const auto goid = static_cast<int64_t>((*e)["args"]["goid"].number());
    const std::string& name = (*e)["name"].str;
    if (name == "GoCreate" && (*e)["args"]["fn"].kind == Json::String) s.gs[goid].fn = (*e)["args"]["fn"].str;
    if (name == "GoBlock") blocked[goid] = {(*e)["ts"].number(), (*e)["args"]["reason"].str};
    if (name == "GoUnblock") {
      auto it = blocked.find(goid);
      if (it == blocked.end()) continue;
      s.gs[goid].blocked_us[it->second.second] += (*e)["ts"].number() - it->second.first;
      blocked.erase(it);
    }
  }
  for (const auto& [goid, since] : blocked) s.gs[goid].blocked_us[since.second] += s.duration_us - since.first;
}

bool summarise(const Json& root, Summary& s, std::string* error) {
  const Json& events = root["traceEvents"];
  if (events.kind != Json::Array) {
    *error = "no traceEvents array";
    return false;
  }
  s.duration_us = root["otherData"]["duration_us"].number();
  for (const Json& e : events.arr) {
    if (e["ph"].str != "X") continue;
    const double end = e["ts"].number() + e["dur"].number();
    s.duration_us = std::max(s.duration_us, end);
  }
  for (const Json& e : events.arr) {
    if (e["ph"].str != "X") continue;
    const std::string& cat = e["cat"].str;
    const double dur = e["dur"].number();
    if (cat == "goroutine") {
      const auto goid = static_cast<int64_t>(e["args"]["goid"].number());
      const auto tid = static_cast<int64_t>(e["tid"].number());
      GoroutineSummary& g = s.gs[goid];
      if (e["args"]["fn"].kind == Json::String && e["args"]["fn"].str != "?") g.fn = e["args"]["fn"].str;
      g.running_us += dur;
      g.runs++;
      if (tid < kFirstNonProcTid) {
        ProcSummary& p = s.ps[tid];
        p.busy_us += dur;
        p.runs++;
        p.goroutines.insert(goid);
      }
    } else if (cat == "gc") {
      s.gc_us += dur;
      s.gcs++;
    } else if (cat == "syscall") {
      s.syscall_us += dur;
      s.syscalls++;
    }
  }
  add_blocked(s, events);
  return true;
}

void print(const Summary& s) {
  std::printf("trace: %s, %zu goroutines, %zu Ps, %lld collections (%s), %lld system calls (%s)\n\n",
              duration(s.duration_us).c_str(), s.gs.size(), s.ps.size(), static_cast<long long>(s.gcs),
              duration(s.gc_us).c_str(), static_cast<long long>(s.syscalls), duration(s.syscall_us).c_str());
  std::printf("%-6s %-32s %10s %6s  %s\n", "GOID", "FUNCTION", "RUNNING", "RUNS", "BLOCKED");
  for (const auto& [goid, g] : s.gs) {
    std::string blocked;
    for (const auto& [reason, us] : g.blocked_us) {
      if (!blocked.empty()) blocked += ", ";
      blocked += reason + " " + duration(us);
    }
    std::printf("%-6lld %-32s %s %6lld  %s\n", static_cast<long long>(goid), g.fn.c_str(),
                pad_left(duration(g.running_us), 10).c_str(), static_cast<long long>(g.runs), blocked.empty() ? "-" : blocked.c_str());
  }
  std::printf("\n%-6s %7s %10s %6s\n", "P", "BUSY", "GOROUTINES", "RUNS");
  for (const auto& [id, p] : s.ps) {
    const double pct = s.duration_us > 0 ? 100.0 * p.busy_us / s.duration_us : 0;
    std::printf("P%-5lld %6.1f%% %10zu %6lld\n", static_cast<long long>(id), pct, p.goroutines.size(),
                static_cast<long long>(p.runs));
  }
}

}  // namespace

// Exit status 0, or 1 if the file cannot be read or is not a trace, 2 for usage.
int cmd_trace(const std::vector<std::string>& args) {
  if (args.size() != 1) {
    std::fprintf(stderr, "usage: gol trace FILE\n");
    return 2;
  }
  std::ifstream in(args[0], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "gol trace: cannot open %s\n", args[0].c_str());
    return 1;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  Json root;
  JsonParser parser(text);
  if (!parser.parse(&root)) {
    std::fprintf(stderr, "gol trace: %s: not JSON: %s\n", args[0].c_str(), parser.error().c_str());
    return 1;
  }
  Summary s;
  std::string error;
  if (!summarise(root, s, &error)) {
    std::fprintf(stderr, "gol trace: %s: %s\n", args[0].c_str(), error.c_str());
    return 1;
  }
  print(s);
  return 0;
}

}  // namespace gol::cli
