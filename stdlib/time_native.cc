// time_native.cc — the natives of package time (see time.cc): the clocks,
// Sleep, the runtime timers behind Timer/Ticker/After/AfterFunc, and
// reading zone files.
//
// Sleep parks the goroutine (WaitReason::Sleep) on a sched::Timer whose
// callback readies it. The timer is armed in the park's unlock callback,
// once the goroutine is off its M and Waiting (cf. Go's resetForSleep): an
// earlier arming could let the timer fire and ready a goroutine that is
// still running. A timer for time.Timer/Ticker sends the time with a
// non-blocking send (vm::chan_try_send: Go's sendTime, whose channel has a
// buffer of 1 under `go 1.22`); one for AfterFunc starts `go f()`
// (vm::spawn_call). Callbacks run on an M (sched/timer.h), so they may
// allocate.
//
// The records (SleepRecord, TimerRecord) are collected memory: while a
// timer is pending its heap holds it (sched/timer.h: heap arrays are GC
// roots), so the goroutine, channel or closure it names stays alive even
// when the program dropped every reference (time.After in a select).
//
// Without the scheduler (the VM's unit tests run programs on one thread),
// Sleep blocks the thread until its deadline and timers are refused.
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <new>
#include <string>

#include "sched/proc.h"
#include "sched/timer.h"
#include "stdlib/natives.h"
#include "vm/chan.h"
#include "vm/goroutine.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

constexpr int64_t kMaxWhen = INT64_MAX;
// Seconds from 1 January of year 1 to 1 January 1970 (time.cc's unixToInternal).
constexpr int64_t kUnixToInternal = 62135596800;
// Go's monotonic readings count from the runtime's start, minus one so the
// first is positive: "m=+0.000012345".
const int64_t kStartNano = vm::nanotime() - 1;

// Go's when(d): the deadline d from now, saturating.
int64_t when_after(int64_t d) {
  const int64_t now = vm::nanotime();
  if (d <= 0) return now;
  const int64_t t = now + d;
  return t < 0 ? kMaxWhen : t;
}

struct WallClock {
  int64_t sec;   // Unix seconds
  int64_t nsec;  // [0, 1e9)
  int64_t mono;  // ns since kStartNano
};

WallClock read_clock() {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return WallClock{static_cast<int64_t>(ts.tv_sec), static_cast<int64_t>(ts.tv_nsec), vm::nanotime() - kStartNano};
}

NativeStatus now(vm::Goroutine&, Slot* w) {
  const WallClock c = read_clock();
  w[0].i = c.sec;
  w[1].i = c.nsec;
  w[2].i = c.mono;
  return NativeStatus::Ok;
}

// ------------------------------------------------------------------ Sleep

struct SleepRecord {
  sched::Timer timer;
  vm::Goroutine* g = nullptr;
  int64_t when = 0;
};

void wake_sleeper(void* arg, uintptr_t, int64_t) { vm::ready(*static_cast<SleepRecord*>(arg)->g); }

bool arm_sleep(sched::G*, void* arg) {
  auto* r = static_cast<SleepRecord*>(arg);
  vm::scheduler()->add_timer(&r->timer, r->when, 0);
  return true;
}

// A thread without the scheduler sleeps to an absolute deadline (a
// collection's signals must not stretch it: STACK.md §3).
void sleep_thread(int64_t when) {
  const timespec ts{static_cast<time_t>(when / 1'000'000'000), static_cast<long>(when % 1'000'000'000)};
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr) == EINTR) {
  }
}

NativeStatus sleep(vm::Goroutine& g, Slot* w) {
  const int64_t d = w[0].i;
  if (d <= 0) return NativeStatus::Ok;  // Go returns at once, without yielding
  const int64_t when = when_after(d);
  if (vm::scheduler() == nullptr || g.sched_g == nullptr) {
    sleep_thread(when);
    return NativeStatus::Ok;
  }
  auto* r = new (vm::gc_alloc(sizeof(SleepRecord))) SleepRecord();
  r->g = &g;
  r->when = when;
  r->timer.f = wake_sleeper;
  r->timer.arg = r;
  return vm::park(g, sched::WaitReason::Sleep, arm_sleep, r);
}

// ------------------------------------------------------------ runtime timers

struct TimerRecord {
  sched::Timer timer;
  vm::Chan* c = nullptr;          // Timer/Ticker: where the time goes
  const vm::Closure* fn = nullptr;  // AfterFunc: what to start
  void* local = nullptr;           // *Location of the times sent (time.Local)
};

// Go's sendTime: the time the timer was due (now minus how late it runs),
// dropped if the buffer is full.
void send_time(void* arg, uintptr_t, int64_t delay) {
  auto* r = static_cast<TimerRecord*>(arg);
  WallClock c = read_clock();
  c.mono -= delay;
  c.nsec -= delay % 1'000'000'000;
  c.sec -= delay / 1'000'000'000;
  if (c.nsec < 0) {
    c.nsec += 1'000'000'000;
    c.sec--;
  }
  // A Time in slots: sec (since year 1), nsec, hasMono, mono, loc.
  Slot value[5];
  value[0].i = c.sec + kUnixToInternal;
  value[1].i = c.nsec;
  value[2].u = 1;
  value[3].i = c.mono;
  value[4].p = r->local;
  (void)vm::chan_try_send(r->c, value);
}

void start_func(void* arg, uintptr_t, int64_t) { vm::spawn_call(static_cast<TimerRecord*>(arg)->fn); }

sched::Scheduler& timer_scheduler() {
  sched::Scheduler* s = vm::scheduler();
  if (s == nullptr) GOL_THROW("time: timers need the scheduler");
  return *s;
}

// newTimer(c chan Time, f func(), d, period Duration, local *Location) *runtimeTimer
NativeStatus new_timer(vm::Goroutine&, Slot* w) {
  auto* c = static_cast<vm::Chan*>(w[0].p);
  auto* fn = static_cast<const vm::Closure*>(w[1].p);
  const int64_t d = w[2].i;
  const int64_t period = w[3].i;
  void* local = w[4].p;
  sched::Scheduler& s = timer_scheduler();
  auto* r = new (vm::gc_alloc(sizeof(TimerRecord))) TimerRecord();
  r->c = c;
  r->fn = fn;
  r->local = local;
  r->timer.f = c != nullptr ? send_time : start_func;
  r->timer.arg = r;
  s.add_timer(&r->timer, when_after(d), period);
  w[0].p = r;
  return NativeStatus::Ok;
}

NativeStatus stop_timer(vm::Goroutine&, Slot* w) {
  auto* r = static_cast<TimerRecord*>(w[0].p);
  w[0].u = timer_scheduler().stop_timer(&r->timer) ? 1 : 0;
  return NativeStatus::Ok;
}

NativeStatus reset_timer(vm::Goroutine&, Slot* w) {
  auto* r = static_cast<TimerRecord*>(w[0].p);
  const int64_t d = w[1].i;
  const int64_t period = w[2].i;
  w[0].u = timer_scheduler().reset_timer(&r->timer, when_after(d), period) ? 1 : 0;
  return NativeStatus::Ok;
}

// ------------------------------------------------------------------ zones

// The whole file, or false. Zone files are small; a larger one is not a
// zone file.
bool read_file(const std::string& path, std::string* out) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  out->clear();
  char buf[4096];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out->append(buf, static_cast<size_t>(n));
    if (out->size() > (1u << 20)) break;
  }
  close(fd);
  return out->size() >= 4 && out->compare(0, 4, "TZif") == 0;
}

void put_string(Slot* w, const std::string& s) {
  const vm::StringHeader h = vm::make_string(s.data(), s.size());
  w[0].cp = h.data;
  w[1].i = h.len;
}

// Go's rule for Local: no TZ: /etc/localtime, named "Local"; TZ="": UTC;
// TZ=":x" is TZ="x"; an absolute path is that file (named by it, or
// "Local" for /etc/localtime); another name is a file under
// /usr/share/zoneinfo, named by TZ; whatever fails is UTC.
// localZone() (name string, data string); data "" means UTC.
NativeStatus local_zone(vm::Goroutine&, Slot* w) {
  std::string name = "UTC";
  std::string data;
  const char* env = std::getenv("TZ");
  if (env == nullptr) {
    if (read_file("/etc/localtime", &data)) name = "Local";
  } else {
    std::string tz = env;
    if (!tz.empty() && tz[0] == ':') tz.erase(0, 1);
    if (!tz.empty() && tz[0] == '/') {
      if (read_file(tz, &data)) name = tz == "/etc/localtime" ? "Local" : tz;
    } else if (!tz.empty() && tz != "UTC") {
      if (read_file("/usr/share/zoneinfo/" + tz, &data)) name = tz;
    }
  }
  if (name == "UTC") data.clear();
  put_string(w, name);
  put_string(w + 2, data);
  return NativeStatus::Ok;
}

// readZone(name string) (data string, ok bool); LoadLocation has checked the name.
NativeStatus read_zone(vm::Goroutine&, Slot* w) {
  const std::string name(static_cast<const char*>(w[0].cp), static_cast<size_t>(w[1].i));
  std::string data;
  const bool ok = read_file("/usr/share/zoneinfo/" + name, &data);
  if (!ok) data.clear();
  put_string(w, data);
  w[2].u = ok ? 1 : 0;
  return NativeStatus::Ok;
}

}  // namespace

void register_time_natives(vm::NativeRegistry& registry) {
  registry.add("time.now", now);
  registry.add("time.Sleep", sleep);
  registry.add("time.newTimer", new_timer);
  registry.add("time.stopTimer", stop_timer);
  registry.add("time.resetTimer", reset_timer);
  registry.add("time.localZone", local_zone);
  registry.add("time.readZone", read_zone);
}

}  // namespace gol::stdlib
