// article_a_test.cc — the article's sections 1.3 to 4.4 (examples/article/,
// issue 8) run with `gol run` and checked on what does not depend on timing.
//
// Most of these programs print from several goroutines, so their order
// changes from run to run (in Go too); an exact golden file (run_test.cc,
// which skips examples/article/) would flake. Each test checks what is
// invariant instead: exit status, line counts, each goroutine's lines and
// their order within that goroutine, and the exact text where the program
// is deterministic (2.3, 3.2, 4.2). The suite also runs under ASan and TSan:
// GOL_ARTICLE_SMALL=1 shrinks the programs' sizes (never what they print
// per item) and every bound on timing is loose.
#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/subprocess.h"

namespace {

struct Article {
  gol::test::RunResult result;
  std::vector<std::string> lines;  // stdout, split

  int count(const std::string& line) const {
    return static_cast<int>(std::count(lines.begin(), lines.end(), line));
  }
  // Index of the first line equal to `line` at or after `from`, or -1.
  int find(const std::string& line, size_t from = 0) const {
    for (size_t i = from; i < lines.size(); i++) {
      if (lines[i] == line) return static_cast<int>(i);
    }
    return -1;
  }
  int count_prefix(const std::string& prefix) const {
    return static_cast<int>(std::count_if(lines.begin(), lines.end(),
                                          [&](const std::string& l) { return l.starts_with(prefix); }));
  }
};

// Runs examples/article/NAME.gol at the small size, on two Ps unless `env`
// says otherwise.
Article run_article(const std::string& name, std::vector<std::string> env = {}) {
  env.insert(env.begin(), {"GOL_ARTICLE_SMALL=1", "GOMAXPROCS=2"});
  const std::string path = std::string(GOL_SOURCE_DIR) + "/examples/article/" + name + ".gol";
  Article a;
  a.result = gol::test::run({GOL_BINARY, "run", path}, "/tmp", env, 180);
  std::istringstream in(a.result.out);
  for (std::string line; std::getline(in, line);) a.lines.push_back(line);
  return a;
}

// Checks that `expected` occur in this order in a's output (other lines
// may come between them).
void expect_in_order(const Article& a, const std::vector<std::string>& expected) {
  size_t from = 0;
  for (const std::string& line : expected) {
    int at = a.find(line, from);
    ASSERT_GE(at, 0) << "missing, or out of order: " << line << "\n" << a.result.out;
    from = static_cast<size_t>(at) + 1;
  }
}

#define GOL_EXPECT_EXITED_OK(a) \
  ASSERT_EQ((a).result.status, 0) << (a).result.err << (a).result.out

TEST(ArticleA, MnModelRunsEveryWorkerOnce) {
  Article a = run_article("1.3-mn-model");
  GOL_EXPECT_EXITED_OK(a);
  const int workers = 100;  // the small size
  ASSERT_EQ(a.lines.size(), 2u * workers + 1) << a.result.out;
  for (int i = 0; i < workers; i++) {
    const std::string id = "Worker " + std::to_string(i);
    EXPECT_EQ(a.count(id + " 开始工作"), 1) << id;
    EXPECT_EQ(a.count(id + " 完成工作"), 1) << id;
    expect_in_order(a, {id + " 开始工作", id + " 完成工作"});
  }
  EXPECT_EQ(a.lines.back(), "所有worker完成");
}

TEST(ArticleA, GmpStructuresShowsWaitReasonsAndSchedDetail) {
  Article a = run_article("2.1-gmp-structures", {"GOLDEBUG=schedtrace=40,scheddetail=1"});
  GOL_EXPECT_EXITED_OK(a);
  ASSERT_FALSE(a.lines.empty());
  EXPECT_TRUE(a.lines[0].starts_with("P: GOMAXPROCS = 2 (NumCPU = ")) << a.lines[0];
  const std::vector<std::string> rest(a.lines.begin() + 1, a.lines.end());
  const std::vector<std::string> expected = {
      "G: NumGoroutine at start = 1",
      "G: NumGoroutine with parked goroutines = 9",
      "G: states (runtime.Stack, sorted):",
      "[chan receive]",
      "[chan send]",
      "[running]",
      "[select (no cases)]",
      "[select]",
      "[semacquire]",
      "[sleep]",
      "[sync.Cond.Wait]",
      "[sync.Mutex.Lock]",
      "M: 2 goroutines kept every P busy",
      "G: NumGoroutine after release = 3",
      "G: states (runtime.Stack, sorted):",
      "[running]",
      "[select (no cases)]",
      "[sleep]",
  };
  EXPECT_EQ(rest, expected) << a.result.out;
  // The parked goroutines stay parked through the 100 ms busy phase, so
  // sysmon's 40 ms trace sees them, and sees both Ps.
  const std::string& err = a.result.err;
  EXPECT_NE(err.find("SCHED "), std::string::npos) << err;
  EXPECT_NE(err.find("gomaxprocs=2"), std::string::npos) << err;
  EXPECT_NE(err.find("  P0: status="), std::string::npos) << err;
  EXPECT_NE(err.find("  P1: status="), std::string::npos) << err;
  EXPECT_NE(err.find("status=4(chan receive)"), std::string::npos) << err;
  EXPECT_NE(err.find("status=4(sync.Mutex.Lock)"), std::string::npos) << err;
}

TEST(ArticleA, GmpWorkflowRunsEachGoroutineInOrder) {
  Article a = run_article("2.2-gmp-workflow");
  GOL_EXPECT_EXITED_OK(a);
  ASSERT_EQ(a.lines.size(), 30u) << a.result.out;
  EXPECT_EQ(a.lines[0], "当前GOMAXPROCS: 2");
  EXPECT_EQ(a.lines[1], "当前goroutine数量: 1");
  EXPECT_EQ(a.lines[27], "所有goroutine完成");
  EXPECT_EQ(a.lines[28], "当前GOMAXPROCS: 1");
  EXPECT_TRUE(a.lines[29].starts_with("当前goroutine数量: ")) << a.lines[29];
  for (int i = 0; i < 5; i++) {
    const std::string id = "Goroutine " + std::to_string(i);
    EXPECT_EQ(a.count(id + " 工作中..."), 3) << id;
    expect_in_order(a, {id + " 开始运行", id + " 工作中...", id + " 工作中...", id + " 工作中...",
                        id + " 完成", "所有goroutine完成"});
  }
}

TEST(ArticleA, SchedulerStateMachineIsDeterministic) {
  Article a = run_article("2.3-scheduler-state-machine");
  GOL_EXPECT_EXITED_OK(a);
  EXPECT_EQ(a.result.out,
            "round 1:\nM0 运行 G1 在 P0\nM1 运行 G2 在 P1\n  G1 executes\n  G2 executes\n"
            "round 2:\nM0 运行 G3 在 P0\nM1 运行 G4 在 P1\n  G3 executes\n  G4 executes\n"
            "round 3:\nM0 运行 G5 在 P0\nM1 运行 G6 在 P1\n  G5 executes\n  G6 executes\n"
            "round 4:\nM0 运行 G7 在 P0\n  G7 executes\n"
            "round 5:\n  nothing runnable\n");
}

TEST(ArticleA, CooperativeAndPreemptiveGoroutinesFinish) {
  Article a = run_article("3.1-cooperative-vs-preemptive");
  GOL_EXPECT_EXITED_OK(a);
  std::vector<std::string> cooperative = {"=== 协作式调度演示 ==="};
  std::vector<std::string> preemptive = {"=== 抢占式调度演示 ==="};
  for (int i = 0; i < 10; i++) {
    cooperative.push_back("协作式Goroutine " + std::to_string(i));
    preemptive.push_back("抢占式Goroutine " + std::to_string(i));
  }
  expect_in_order(a, cooperative);
  expect_in_order(a, preemptive);
  expect_in_order(a, {"=== 协作式调度演示 ===", "=== 抢占式调度演示 ===", "=== tight loop on one P ===",
                      "main woke up while the spinner was running", "spinner stopped: true"});
  EXPECT_EQ(a.lines.size(), 25u) << a.result.out;
  EXPECT_EQ(a.lines.back(), "spinner stopped: true");
}

TEST(ArticleA, TickerSchedulerAlternatesDeterministically) {
  Article a = run_article("3.2-preemption-mechanism");
  GOL_EXPECT_EXITED_OK(a);
  std::string expected;
  for (int i = 0; i < 3; i++) {
    expected += "抢占调度：切换到Goroutine 2\nGoroutine 2 工作\n";
    expected += "抢占调度：切换到Goroutine 1\nGoroutine 1 工作\n";
  }
  expected += "所有goroutine完成\n";
  EXPECT_EQ(a.result.out, expected);
}

TEST(ArticleA, SignalSchedulerStartsTasksOnSigusr1) {
  Article a = run_article("3.3-signal-preemption");
  GOL_EXPECT_EXITED_OK(a);
  ASSERT_FALSE(a.lines.empty());
  EXPECT_EQ(a.lines[0], "信号抢占Goroutine 1 开始");
  // One signal per 100 ms tick during main's one-second sleep.
  const int signals = a.count("收到抢占信号，进行调度切换");
  EXPECT_GE(signals, 1) << a.result.out;
  EXPECT_LE(signals, 10) << a.result.out;
  int starts = 0;
  for (int id = 1; id <= 3; id++) {
    const std::string task = "信号抢占Goroutine " + std::to_string(id);
    int started = 0;
    for (const std::string& line : a.lines) {
      if (line == task + " 开始") started++;
      if (line == task + " 完成") {
        EXPECT_GT(started, 0) << task << " finished before it started\n" << a.result.out;
        started--;
      }
    }
    starts += a.count(task + " 开始");
  }
  // Task 1 starts without a signal; each signal starts at most one more.
  EXPECT_LE(starts, signals + 1) << a.result.out;
  // Nothing else is printed.
  EXPECT_EQ(static_cast<int>(a.lines.size()), signals + a.count_prefix("信号抢占Goroutine ")) << a.result.out;
}

TEST(ArticleA, Go10DemoRunsTenGoroutines) {
  Article a = run_article("4.1-go10-scheduler");
  GOL_EXPECT_EXITED_OK(a);
  ASSERT_EQ(a.lines.size(), 11u) << a.result.out;
  EXPECT_EQ(a.lines[0], "=== Go 1.0 调度器演示 ===");
  for (int i = 0; i < 10; i++) {
    EXPECT_EQ(a.count("Goroutine " + std::to_string(i) + " 在Go 1.0调度器上运行"), 1) << i;
  }
}

TEST(ArticleA, WorkStealingIsDeterministic) {
  Article a = run_article("4.2-work-stealing");
  GOL_EXPECT_EXITED_OK(a);
  EXPECT_EQ(a.result.out,
            "=== 工作窃取演示 ===\n"
            "Processor 1 从 Processor 0 窃取了 Goroutine 0\n"
            "Processor 2 从 Processor 0 窃取了 Goroutine 8\n"
            "Processor 3 从 Processor 0 窃取了 Goroutine 12\n"
            "P0 local queue: [16]\n"
            "P1 local queue: [1 5 9 13 17 0 4]\n"
            "P2 local queue: [2 6 10 14 18 8]\n"
            "P3 local queue: [3 7 11 15 19 12]\n");
}

TEST(ArticleA, Go15DemoPrintsSettingsAndTiming) {
  Article a = run_article("4.3-go15-scheduler");
  GOL_EXPECT_EXITED_OK(a);
  ASSERT_EQ(a.lines.size(), 4u) << a.result.out;
  EXPECT_EQ(a.lines[0], "=== Go 1.5 调度器演示 ===");
  EXPECT_EQ(a.lines[1], "GOMAXPROCS: 2");
  EXPECT_TRUE(a.lines[2].starts_with("NumCPU: ")) << a.lines[2];
  EXPECT_TRUE(a.lines[3].starts_with("创建和运行10000个goroutine耗时: ")) << a.lines[3];
  // A Duration's String ends in its unit.
  EXPECT_TRUE(a.lines[3].ends_with("s")) << a.lines[3];
}

TEST(ArticleA, Go14DemoRunsLongAndShortGoroutines) {
  Article a = run_article("4.4-go14-preemption");
  GOL_EXPECT_EXITED_OK(a);
  ASSERT_EQ(a.lines.size(), 1011u) << a.result.out;
  EXPECT_EQ(a.lines[0], "=== Go 1.14 抢占式调度演示 ===");
  std::vector<std::string> long_lines;
  for (int i = 0; i < 1000; i++) long_lines.push_back("长时间运行的Goroutine " + std::to_string(i));
  expect_in_order(a, long_lines);
  for (int i = 0; i < 5; i++) {
    const std::string id = "短时间Goroutine " + std::to_string(i);
    EXPECT_EQ(a.count(id + " 开始"), 1) << id;
    EXPECT_EQ(a.count(id + " 完成"), 1) << id;
    expect_in_order(a, {id + " 开始", id + " 完成"});
  }
}

}  // namespace
