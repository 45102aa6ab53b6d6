// schedtrace_test.cc — sysmon's SCHED lines (GOLDEBUG=schedtrace=MS and
// scheddetail=1) in Go 1.23's format, at about the period asked for.
// Standard error is redirected to a file while the scheduler runs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "sched/proc.h"
#include "tests/sched/native_executor.h"

namespace gol::sched {
namespace {

using testing_support::Body;
using testing_support::NativeExecutor;
using testing_support::stop;

// Points fd 2 at a temporary file until text() is called.
class StderrCapture {
 public:
  StderrCapture() {
    std::fflush(stderr);
    m_saved = dup(2);
    m_file = std::tmpfile();
    if (m_file != nullptr) dup2(fileno(m_file), 2);
  }
  ~StderrCapture() { restore(); }
  std::string text() {
    restore();
    std::string out;
    if (m_file == nullptr) return out;
    std::rewind(m_file);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, m_file)) > 0) out.append(buf, n);
    return out;
  }

 private:
  void restore() {
    if (m_saved < 0) return;
    std::fflush(stderr);
    dup2(m_saved, 2);
    close(m_saved);
    m_saved = -1;
  }
  int m_saved = -1;
  std::FILE* m_file = nullptr;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Runs a goroutine that yields for `run_ms` next to one parked in a channel
// receive; returns the trace and how long run() took.
std::string trace_run(int32_t procs, int32_t period_ms, bool detail, int64_t run_ms, int64_t* took_ms) {
  NativeExecutor exec;
  Scheduler sched(exec, procs);
  sched.set_schedtrace(period_ms, detail);
  int64_t start = 0;
  Body busy = [&](M&, G&) {
    if (start == 0) start = monotonic_ns();
    if (monotonic_ns() - start < run_ms * 1'000'000) return stop(Stop::Yield);
    sched.shutdown(0);
    return stop(Stop::Exit);
  };
  Body parked = [](M&, G&) { return stop(Stop::Park, WaitReason::ChanReceive); };
  sched.spawn(&parked);
  sched.spawn(&busy);
  StderrCapture capture;
  const int64_t t0 = monotonic_ns();
  sched.run();
  *took_ms = (monotonic_ns() - t0) / 1'000'000;
  return capture.text();
}

TEST(Schedtrace, PrintsGosSummaryLineEveryPeriod) {
  int64_t took_ms = 0;
  // Runs long enough for three lines even when sysmon starts late on a loaded machine.
  const std::string text = trace_run(2, 20, false, 600, &took_ms);
  const std::regex line_re(
      R"(SCHED (\d+)ms: gomaxprocs=2 idleprocs=[0-2] threads=\d+ spinningthreads=\d+ needspinning=0 )"
      R"(idlethreads=\d+ runqueue=\d+ \[\d+ \d+\])");
  const std::vector<std::string> lines = lines_of(text);
  long last_ms = -1;
  for (const std::string& line : lines) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(line, m, line_re)) << "line: " << line;
    const long ms = std::stol(m[1]);
    if (last_ms >= 0) {
      EXPECT_GE(ms - last_ms, 19) << "line: " << line;  // whole ms, floored
    }
    last_ms = ms;
  }
  EXPECT_GE(lines.size(), 3u) << text;
  EXPECT_LE(static_cast<int64_t>(lines.size()), took_ms / 20 + 2) << text;
}

TEST(Schedtrace, DetailAddsPMAndGLines) {
  int64_t took_ms = 0;
  // 12 periods: two blocks even when the first line comes 300 ms late (seen under ASan on a loaded machine).
  const std::string text = trace_run(2, 50, true, 600, &took_ms);
  const std::regex head_re(
      R"(SCHED \d+ms: gomaxprocs=2 idleprocs=[0-2] threads=(\d+) spinningthreads=\d+ needspinning=0 )"
      R"(idlethreads=\d+ runqueue=\d+ gcwaiting=(true|false) nmidlelocked=0 stopwait=\d+ sysmonwait=false)");
  const std::regex p_re(
      R"(  P[01]: status=[0-4] schedtick=\d+ syscalltick=\d+ m=(\d+|nil) runqsize=\d+ gfreecnt=\d+ timerslen=0)");
  const std::regex m_re(
      R"(  M\d+: p=(\d+|nil) curg=(\d+|nil) mallocing=0 throwing=0 preemptoff= locks=0 dying=0 )"
      R"(spinning=(true|false) blocked=(true|false) lockedg=nil)");
  const std::regex g_re(R"(  G(\d+): status=([0-46])\((.*)\) m=(\d+|nil) lockedm=nil)");
  int blocks = 0, p_lines = 0, m_lines = 0, g_lines = 0, receiving = 0;
  for (const std::string& line : lines_of(text)) {
    std::smatch m;
    if (std::regex_match(line, m, head_re)) {
      blocks++;
      EXPECT_GE(std::stoi(m[1]), 2) << "M0 and sysmon at least";
    } else if (std::regex_match(line, p_re)) {
      p_lines++;
    } else if (std::regex_match(line, m_re)) {
      m_lines++;
    } else if (std::regex_match(line, m, g_re)) {
      g_lines++;
      if (m[2] == "4" && m[3] == "chan receive" && m[4] == "nil") receiving++;
    } else {
      ADD_FAILURE() << "unexpected line: " << line;
    }
  }
  EXPECT_GE(blocks, 2) << text;
  EXPECT_EQ(p_lines, 2 * blocks);
  EXPECT_GE(m_lines, blocks);
  EXPECT_EQ(g_lines, 2 * blocks);  // the busy G and the parked one, each block
  EXPECT_GE(receiving, blocks - 1) << text;  // parked from the first round on, but for a first early line
}

}  // namespace
}  // namespace gol::sched
