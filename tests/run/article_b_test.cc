// article_b_test.cc — the article's programs of sections 5.1-6.3 and
// exercises 1 and 3 (examples/article/), run with `gol run` and checked for
// what does not depend on scheduling: exit status, exact lines where the
// output is fixed, otherwise counts, sorted lines and per-goroutine order.
//
// The programs time things and race goroutines on purpose, so they cannot be
// exact goldens (run_test.cc skips examples/article/). Each runs in a fresh
// folder (5.2 and 6.3 write files there) with GOL_ARTICLE_SMALL=1, which
// shrinks only their sizes, so that ASan and TSan builds finish in time; the
// full sizes are what `gol run` does by hand (README.md there). Timing
// figures are never checked: performance belongs to benchmarks.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/trace_json.h"
#include "tests/support/subprocess.h"

namespace {

namespace fs = std::filesystem;

class ArticleB : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir_template[] = "/tmp/gol-article-b-XXXXXX";
    m_dir = mkdtemp(dir_template);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  // Runs examples/article/<name> in the test's folder; generous timeout for
  // the sanitizer builds.
  gol::test::RunResult run(const std::string& name, std::vector<std::string> env = {}) {
    env.push_back("GOL_ARTICLE_SMALL=1");
    const std::string path = std::string(GOL_SOURCE_DIR) + "/examples/article/" + name;
    return gol::test::run({GOL_BINARY, "run", path}, m_dir, env, 240);
  }
  std::string read(const std::string& name) { return gol::test::read_file(m_dir / name); }

  fs::path m_dir;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The lines that match `pattern`, in output order.
std::vector<std::smatch> matching(const std::vector<std::string>& lines, const std::string& pattern) {
  std::vector<std::smatch> found;
  const std::regex re(pattern);
  for (const std::string& line : lines) {
    std::smatch m;
    if (std::regex_match(line, m, re)) found.push_back(m);
  }
  return found;
}

int count_of(const std::vector<std::string>& lines, const std::string& line) {
  return static_cast<int>(std::count(lines.begin(), lines.end(), line));
}

TEST_F(ArticleB, GomaxprocsSweepTimesEachSettingUpToNumCPU) {
  gol::test::RunResult r = run("5.1-gomaxprocs-tuning.gol");
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  std::vector<std::string> lines = lines_of(r.out);
  ASSERT_GE(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0], "=== GOMAXPROCS 调优测试 ===");
  auto sweep = matching(lines, R"(GOMAXPROCS=(\d+), 耗时: [0-9.]+(ns|µs|ms|s))");
  ASSERT_EQ(sweep.size(), lines.size() - 2) << r.out;
  for (size_t i = 0; i < sweep.size(); i++) EXPECT_EQ(sweep[i][1], std::to_string(i + 1)) << r.out;
  // setOptimalGOMAXPROCS sets NumCPU, the sweep's last setting.
  EXPECT_EQ(lines.back(), "设置GOMAXPROCS为: " + std::to_string(sweep.size()));
  EXPECT_EQ(r.err, "");
}

TEST_F(ArticleB, ProfilingWritesAGzippedCpuProfile) {
  gol::test::RunResult r = run("5.2-scheduler-profiling.gol");
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  std::vector<std::string> lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 5u) << r.out;
  EXPECT_EQ(lines[0], "=== 调度器性能分析 ===");
  EXPECT_EQ(lines[1], "当前goroutine数量: 1");
  EXPECT_TRUE(std::regex_match(lines[2], std::regex(R"(内存分配: [1-9]\d* bytes)"))) << lines[2];
  EXPECT_TRUE(std::regex_match(lines[3], std::regex(R"(GC次数: \d+)"))) << lines[3];
  EXPECT_EQ(lines[4], "性能分析完成，查看scheduler_profile.prof文件");
  const std::string profile = read("scheduler_profile.prof");
  ASSERT_GE(profile.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(profile[0]), 0x1f);  // gzip's magic
  EXPECT_EQ(static_cast<unsigned char>(profile[1]), 0x8b);
}

TEST_F(ArticleB, CommonProblemsLeakFloodStarvationAndPool) {
  gol::test::RunResult r = run("5.3-common-problems.gol");
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  std::vector<std::string> lines = lines_of(r.out);
  ASSERT_GE(lines.size(), 4u) << r.out;
  EXPECT_EQ(lines[0], "=== Goroutine泄漏演示 ===");
  // The blocked sender exists before and after the sleep: main and it.
  EXPECT_EQ(lines[1], "泄漏前: 2, 泄漏后: 2");
  EXPECT_EQ(lines[2], "=== 过度创建goroutine演示 ===");
  auto flood = matching(lines, R"(当前goroutine数量: (\d+))");
  ASSERT_EQ(flood.size(), 1u) << r.out;
  const int live = std::stoi(flood[0][1]);
  EXPECT_GE(live, 2);
  EXPECT_LE(live, 1000 + 2);
  EXPECT_EQ(count_of(lines, "=== 调度器饥饿演示 ==="), 1);
  // Each task prints 0..9 in order; how the two interleave is scheduling's.
  for (const char* kind : {"高", "低"}) {
    auto seen = matching(lines, std::string(kind) + R"(优先级任务 (\d+))");
    ASSERT_EQ(seen.size(), 10u) << r.out;
    for (int i = 0; i < 10; i++) EXPECT_EQ(seen[i][1], std::to_string(i));
  }
  EXPECT_EQ(count_of(lines, "=== Worker Pool 解决方案 ==="), 1);
  auto handled = matching(lines, R"(Worker (\d+) 处理任务 (\d+))");
  ASSERT_EQ(handled.size(), 100u) << r.out;
  std::set<int> tasks;
  for (const std::smatch& m : handled) {
    EXPECT_LT(std::stoi(m[1]), 10);
    tasks.insert(std::stoi(m[2]));
  }
  EXPECT_EQ(tasks.size(), 100u);
  EXPECT_EQ(*tasks.rbegin(), 99);
  // main and the leaked sender; the goroutine that closed results may not
  // have finished leaving yet.
  const std::string& last = lines.back();
  EXPECT_TRUE(last == "Worker pool 完成，当前goroutine数量: 2" || last == "Worker pool 完成，当前goroutine数量: 3")
      << last;
}

TEST_F(ArticleB, NetpollerServesFiveClients) {
  gol::test::RunResult r = run("6.1-netpoller.gol");
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  std::vector<std::string> lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 2u + 5 * 5) << r.out;
  EXPECT_EQ(lines[0], "=== 网络轮询器演示 ===");
  EXPECT_EQ(lines[1], "服务器启动，等待连接...");
  // The reply ends in a newline, so each client's line is followed by an
  // empty one.
  EXPECT_EQ(count_of(lines, "客户端收到: Hello from server"), 5);
  EXPECT_EQ(count_of(lines, ""), 5);
  for (int id = 0; id < 5; id++) {
    const std::string c = "连接 " + std::to_string(id);
    auto at = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) - lines.begin(); };
    EXPECT_EQ(count_of(lines, c + " 已建立"), 1) << r.out;
    EXPECT_EQ(count_of(lines, c + " 收到: Hello from client"), 1) << r.out;
    EXPECT_EQ(count_of(lines, c + " 已关闭"), 1) << r.out;
    EXPECT_LT(at(c + " 已建立"), at(c + " 收到: Hello from client"));
    EXPECT_LT(at(c + " 收到: Hello from client"), at(c + " 已关闭"));
  }
}

TEST_F(ArticleB, SyscallsLetTheOtherGoroutineRun) {
  gol::test::RunResult r = run("6.2-syscall-monitoring.gol");
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  std::vector<std::string> lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 4u + 3 + 10) << r.out;
  EXPECT_EQ(lines[0], "=== 系统调用监控演示 ===");
  auto created = matching(lines, R"(创建文件: .*/test_\d+\.txt)");
  EXPECT_EQ(created.size(), 1u) << r.out;
  EXPECT_EQ(count_of(lines, "文件写入完成"), 1);
  auto dns = matching(lines, R"(DNS查询结果: \[(.*)\])");
  ASSERT_EQ(dns.size(), 1u) << r.out;
  const std::string addrs = dns[0][1];
  EXPECT_TRUE(addrs.find("127.0.0.1") != std::string::npos || addrs.find("::1") != std::string::npos) << addrs;
  EXPECT_EQ(lines[4], "=== 系统调用阻塞检测 ===");
  EXPECT_EQ(count_of(lines, "开始阻塞的系统调用"), 1);
  EXPECT_EQ(matching(lines, R"(阻塞系统调用完成，耗时: [0-9.]+(ns|µs|ms|s))").size(), 1u) << r.out;
  auto ticks = matching(lines, R"(非阻塞任务 (\d+))");
  ASSERT_EQ(ticks.size(), 10u);
  for (int i = 0; i < 10; i++) EXPECT_EQ(ticks[i][1], std::to_string(i));
  EXPECT_FALSE(fs::exists(m_dir / "large_file.dat"));
}

TEST_F(ArticleB, TraceHoldsTheFiftyGoroutines) {
  gol::test::RunResult r = run("6.3-scheduler-trace.gol");
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  EXPECT_EQ(r.out,
            "=== 调度器追踪演示 ===\n"
            "追踪完成，查看scheduler_trace.out文件\n"
            "查看调度器追踪的方法:\n"
            "1. 运行程序生成scheduler_trace.out文件\n"
            "2. 使用go tool trace查看:\n"
            "   go tool trace scheduler_trace.out\n"
            "3. 在浏览器中打开的页面可以查看:\n"
            "   - Goroutine调度时间线\n"
            "   - 堆栈跟踪\n"
            "   - GC事件\n"
            "   - 系统调用\n"
            "   - 网络事件\n");
  const std::string text = read("scheduler_trace.out");
  gol::cli::Json root;
  gol::cli::JsonParser parser(text);
  ASSERT_TRUE(parser.parse(&root)) << parser.error();
  int creates = 0, sleeps = 0;
  for (const gol::cli::Json& e : root["traceEvents"].arr) {
    if (e["name"].str == "GoCreate" && e["args"]["fn"].str == "main.traceTest.func1") creates++;
    if (e["name"].str == "GoBlock" && e["args"]["reason"].str == "sleep") sleeps++;
  }
  EXPECT_EQ(creates, 50);
  EXPECT_GE(sleeps, 33);  // ids with id%3 != 0 sleep once each
  gol::test::RunResult summary = gol::test::run({GOL_BINARY, "trace", "scheduler_trace.out"}, m_dir);
  ASSERT_EQ(summary.status, 0) << gol::test::describe(summary);
  EXPECT_NE(summary.out.find("main.traceTest.func1"), std::string::npos) << summary.out;
}

TEST_F(ArticleB, MiniGmpSchedulerRunsEveryTask) {
  gol::test::RunResult r = run("ex1-mini-gmp-scheduler.gol");
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  std::vector<std::string> lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 8u) << r.out;
  EXPECT_EQ(lines[0], "=== mini GMP scheduler: 4 Ps, 4 Ms, 300 Gs (+30 children) ===");
  auto ps = matching(lines, R"(P(\d): (\d+) slices, (\d+) Gs finished, (\d+) Gs stolen, (\d+) global takes)");
  ASSERT_EQ(ps.size(), 4u) << r.out;
  int finished = 0, slices = 0;
  for (int i = 0; i < 4; i++) {
    EXPECT_EQ(ps[i][1], std::to_string(i));
    slices += std::stoi(ps[i][2]);
    finished += std::stoi(ps[i][3]);
  }
  EXPECT_EQ(finished, 330);
  EXPECT_GE(slices, 330);
  EXPECT_EQ(lines[5], "Gs finished: 330 of 330");
  EXPECT_TRUE(lines[6] == "work stealing happened: true" || lines[6] == "work stealing happened: false") << lines[6];
  EXPECT_EQ(lines[7], "checksum matches a sequential run: true");
}

TEST_F(ArticleB, WorkerPoolIsCorrectAndBenchmarks) {
  gol::test::RunResult r = run("ex3-worker-pool.gol");
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  std::vector<std::string> lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 13u) << r.out;
  const std::vector<std::string> correctness{
      "=== correctness ===",
      "sum of 1..1000 computed by the pool: 500500",
      "submitted 1003, completed 1003, panicked 3",
      "Submit after Close: workerpool: pool is closed",
      "TrySubmit after Close: false",
      "TrySubmit on a full queue: false",
  };
  for (size_t i = 0; i < correctness.size(); i++) EXPECT_EQ(lines[i], correctness[i]);
  EXPECT_TRUE(std::regex_match(lines[6], std::regex(R"(=== benchmark: 5000 tasks, GOMAXPROCS=\d+ ===)")))
      << lines[6];
  auto pools = matching(lines, R"(pool, +(\d+) workers: +([1-9]\d*) tasks/s)");
  ASSERT_EQ(pools.size(), 5u) << r.out;
  const char* workers[] = {"1", "2", "4", "8", "64"};
  for (int i = 0; i < 5; i++) EXPECT_EQ(pools[i][1], workers[i]);
  EXPECT_EQ(matching(lines, R"(one goroutine per task: +([1-9]\d*) tasks/s)").size(), 1u) << r.out;
  EXPECT_EQ(r.err, "");
}

}  // namespace
