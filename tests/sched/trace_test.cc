// trace_test.cc — the execution tracer (sched/trace.h) on the scheduler with
// native tasks: a known scenario (create, block with a reason, unblock by a
// named goroutine, a system call, a yield, ends, a collection) must leave
// exactly those events, and write_chrome_json must render them as JSON that
// parses (cli/trace_json.h) with one track per P and the expected slices.
// Also: Start twice, Stop when off, nothing recorded while off.
#include "sched/trace.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "cli/trace_json.h"
#include "sched/proc.h"
#include "tests/sched/native_executor.h"

namespace gol::sched {
namespace {

using testing_support::Body;
using testing_support::NativeExecutor;
using testing_support::stop;

std::map<const void*, const char*> g_names;  // task -> function name, set before run()

const char* test_namer(const G* g) {
  auto it = g_names.find(g->task);
  return it != g_names.end() ? it->second : nullptr;
}

// Every test leaves tracing off, whatever happened.
class Trace : public ::testing::Test {
 protected:
  void TearDown() override {
    trace::Trace t;
    trace::stop(&t);
  }
};

std::vector<trace::Event> of_kind(const trace::Trace& t, trace::Ev kind, int64_t goid = -1) {
  std::vector<trace::Event> out;
  for (const trace::Event& e : t.events) {
    if (e.kind == kind && (goid < 0 || e.goid == goid)) out.push_back(e);
  }
  return out;
}

TEST_F(Trace, StartTwiceFailsAndStopWhenOffReturnsNothing) {
  trace::Trace t;
  EXPECT_FALSE(trace::enabled());
  EXPECT_FALSE(trace::stop(&t));
  EXPECT_TRUE(trace::start());
  EXPECT_TRUE(trace::enabled());
  EXPECT_FALSE(trace::start());
  trace::record(trace::Ev::GoUnblock, 42, 0, 0, 7);
  EXPECT_TRUE(trace::stop(&t));
  EXPECT_FALSE(trace::enabled());
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].goid, 42);
  EXPECT_EQ(t.events[0].arg, 7);
  EXPECT_LE(t.start_ns, t.events[0].ts);
  EXPECT_LE(t.events[0].ts, t.end_ns);
  // Off: recorded nowhere, and the next session starts empty.
  trace::record(trace::Ev::GoUnblock, 43, 0, 0);
  EXPECT_TRUE(trace::start());
  EXPECT_TRUE(trace::stop(&t));
  EXPECT_TRUE(t.events.empty());
}

TEST_F(Trace, EventsFromManyThreadsAreAllKeptInTimeOrder) {
  constexpr int kThreads = 4, kEach = 10000;
  ASSERT_TRUE(trace::start());
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; i++) {
    threads.emplace_back([i] {
      for (int j = 0; j < kEach; j++) trace::record(trace::Ev::GoStop, i, i, i, j);
    });
  }
  for (auto& th : threads) th.join();
  trace::Trace t;
  ASSERT_TRUE(trace::stop(&t));
  ASSERT_EQ(t.events.size(), static_cast<size_t>(kThreads * kEach));
  std::vector<int64_t> next(kThreads, 0);
  for (size_t k = 0; k < t.events.size(); k++) {
    if (k > 0) {
      ASSERT_LE(t.events[k - 1].ts, t.events[k].ts);
    }
    const trace::Event& e = t.events[k];
    // Per thread, in the order recorded (stable sort on equal stamps).
    ASSERT_EQ(e.arg, next[static_cast<size_t>(e.goid)]++);
  }
}

// The scenario, on `procs` Ps: main creates A and B and blocks (chan
// receive); A makes a system call, then readies main once main is
// waiting; B yields once; the last of the three to end ends the scheduler
// (run() joins every M, so every event is recorded when it returns).
struct Scenario {
  NativeExecutor exec;
  Scheduler sched;
  G* main_g = nullptr;
  G* a = nullptr;
  G* b = nullptr;
  std::atomic<int> main_runs{0}, a_step{0}, b_runs{0}, ended{0};
  Body main_body, a_body, b_body;

  explicit Scenario(int32_t procs) : sched(exec, procs) {
    main_body = [this](M&, G&) {
      if (main_runs.fetch_add(1) == 0) {
        a = sched.spawn(&a_body);
        b = sched.spawn(&b_body);
        return stop(Stop::Park, WaitReason::ChanReceive);
      }
      return end();
    };
    a_body = [this](M&, G&) {
      if (a_step.load() == 0) {
        a_step = 1;
        sched.enter_syscall();
        testing_support::sleep_ns(1'000'000);
        if (!sched.exit_syscall()) return stop(Stop::LostP);
      }
      EXPECT_TRUE(testing_support::spin_until(
          [this] { return main_g->status.load(std::memory_order_acquire) == GStatus::Waiting; }));
      sched.ready(main_g);
      return end();
    };
    b_body = [this](M&, G&) { return b_runs.fetch_add(1) == 0 ? stop(Stop::Yield) : end(); };
    g_names = {{&main_body, "main.main"}, {&a_body, "main.a"}, {&b_body, "main.b"}};
  }

  Stop end() {
    if (ended.fetch_add(1) + 1 == 3) sched.shutdown(0);
    return stop(Stop::Exit);
  }

  trace::Trace run() {
    trace::set_namer(test_namer);
    EXPECT_TRUE(trace::start());
    main_g = sched.spawn(&main_body);
    EXPECT_EQ(sched.run(), 0);
    trace::gc_event(true);  // as the collector's callback would
    trace::gc_event(false);
    trace::Trace t;
    EXPECT_TRUE(trace::stop(&t));
    trace::set_namer(nullptr);
    return t;
  }
};

class TraceScenario : public Trace, public ::testing::WithParamInterface<int32_t> {};

TEST_P(TraceScenario, RecordsTheSchedulersEvents) {
  Scenario s(GetParam());
  const trace::Trace t = s.run();
  const int64_t main_id = s.main_g->goid, a_id = s.a->goid, b_id = s.b->goid;

  auto creates = of_kind(t, trace::Ev::GoCreate);
  ASSERT_EQ(creates.size(), 3u);
  EXPECT_EQ(creates[0].goid, main_id);
  EXPECT_STREQ(creates[0].name, "main.main");
  for (size_t i = 1; i < 3; i++) EXPECT_EQ(creates[i].arg, main_id) << "parent";
  EXPECT_STREQ(of_kind(t, trace::Ev::GoCreate, a_id).at(0).name, "main.a");

  EXPECT_EQ(of_kind(t, trace::Ev::GoStart, main_id).size(), 2u);
  EXPECT_STREQ(of_kind(t, trace::Ev::GoStart, b_id).at(0).name, "main.b");
  auto blocks = of_kind(t, trace::Ev::GoBlock, main_id);
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].reason, WaitReason::ChanReceive);
  auto unblocks = of_kind(t, trace::Ev::GoUnblock, main_id);
  ASSERT_EQ(unblocks.size(), 1u);
  EXPECT_EQ(unblocks[0].arg, a_id) << "readied by A";
  EXPECT_LE(blocks[0].ts, unblocks[0].ts);

  auto enter = of_kind(t, trace::Ev::SyscallEnter, a_id), exit = of_kind(t, trace::Ev::SyscallExit, a_id);
  ASSERT_EQ(enter.size(), 1u);
  ASSERT_EQ(exit.size(), 1u);
  EXPECT_EQ(enter[0].m, exit[0].m);
  EXPECT_GE(exit[0].ts - enter[0].ts, 1'000'000);
  EXPECT_EQ(of_kind(t, trace::Ev::GoStop, b_id).size(), 1u);
  for (int64_t id : {main_id, a_id, b_id}) EXPECT_EQ(of_kind(t, trace::Ev::GoEnd, id).size(), 1u) << id;
  EXPECT_GE(of_kind(t, trace::Ev::ProcStart).size(), 1u);
  EXPECT_EQ(of_kind(t, trace::Ev::GCStart).size(), 1u);
  EXPECT_EQ(of_kind(t, trace::Ev::GCEnd).size(), 1u);
}

TEST_P(TraceScenario, WritesChromeJsonWithATrackPerP) {
  Scenario s(GetParam());
  const trace::Trace t = s.run();
  const std::string json = trace::write_chrome_json(t);
  cli::Json root;
  cli::JsonParser parser(json);
  ASSERT_TRUE(parser.parse(&root)) << parser.error() << "\n" << json;
  const cli::Json& events = root["traceEvents"];
  ASSERT_EQ(events.kind, cli::Json::Array);
  EXPECT_GT(root["otherData"]["duration_us"].number(), 0);

  const std::string main_slice = "G" + std::to_string(s.main_g->goid) + " main.main";
  int main_slices = 0, syscalls = 0, gcs = 0, chan_blocks = 0;
  bool p0_named = false;
  for (const cli::Json& e : events.arr) {
    const std::string& ph = e["ph"].str;
    const std::string& name = e["name"].str;
    EXPECT_FALSE(ph.empty());
    if (ph == "X") {
      EXPECT_GE(e["dur"].number(), 0) << name;
      EXPECT_GE(e["ts"].number(), 0) << name;
      if (name == main_slice) {
        main_slices++;
        EXPECT_LT(e["tid"].number(), GetParam()) << "on a P's track";
      }
      if (e["cat"].str == "syscall") syscalls++;
      if (e["cat"].str == "gc") gcs++;
    }
    if (ph == "i" && name == "GoBlock" && e["args"]["reason"].str == "chan receive") chan_blocks++;
    if (ph == "M" && name == "thread_name" && e["tid"].number() == 0) p0_named = e["args"]["name"].str == "P0";
  }
  EXPECT_EQ(main_slices, 2) << "before the block and after the unblock";
  EXPECT_EQ(syscalls, 1);
  EXPECT_EQ(gcs, 1);
  EXPECT_EQ(chan_blocks, 1);
  EXPECT_TRUE(p0_named);
}

INSTANTIATE_TEST_SUITE_P(Procs, TraceScenario, ::testing::Values(1, 2));

TEST(TraceJson, ParserRejectsWhatIsNotJson) {
  for (const char* bad : {"", "{", "{\"a\":}", "[1,]", "{\"a\":1}x", "\"\\q\"", "tru"}) {
    cli::Json v;
    cli::JsonParser p(bad);
    EXPECT_FALSE(p.parse(&v)) << bad;
  }
  cli::Json v;
  cli::JsonParser p(R"({"a":[1,-2.5e3,"x\"\u0041"],"b":{"c":true,"d":null}})");
  ASSERT_TRUE(p.parse(&v)) << p.error();
  EXPECT_EQ(v["a"].arr.size(), 3u);
  EXPECT_EQ(v["a"].arr[1].num, -2500);
  EXPECT_EQ(v["a"].arr[2].str, "x\"A");
  EXPECT_TRUE(v["b"]["c"].b);
  EXPECT_EQ(v["b"]["d"].kind, cli::Json::Null);
}

}  // namespace
}  // namespace gol::sched
