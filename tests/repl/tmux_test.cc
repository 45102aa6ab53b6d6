// tmux_test.cc — the REPL in a real terminal, driven through tmux:
// multi-line input, history (within a session and across sessions), Tab
// completion, output from a background goroutine while the user types,
// Ctrl-C during an input and at the prompt, Ctrl-D.
//
// Each test starts its own tmux server (-L with a unique socket name), runs
// `gol` in a 120x40 pane with LANG=C.UTF-8 and HOME set to a fresh folder
// (the history file lands there), types with send-keys and polls
// capture-pane until the expected screen appears. Timeouts are generous
// (20 s) because the machine may be loaded; a test never sleeps to decide
// success, it only waits for text. The server is killed at the end.
// Skipped (with the reason) only when tmux is not installed.
//
// Rejected: driving a pty ourselves (forkpty + a VT parser) — tmux is the
// terminal emulator here, so what capture-pane shows is what a user would
// see, escape sequences already applied.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/subprocess.h"

namespace {

namespace fs = std::filesystem;

constexpr auto kWait = std::chrono::seconds(20);

using gol::test::shell_quote;

std::string run_capture(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

bool have_tmux() { return std::system("tmux -V >/dev/null 2>&1") == 0; }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

int count_lines(const std::string& screen, const std::string& want) {
  int n = 0;
  for (const std::string& line : lines_of(screen)) n += line == want;
  return n;
}

// The last non-empty line of the screen (where the prompt is).
std::string last_line(const std::string& screen) {
  std::string last;
  for (const std::string& line : lines_of(screen)) {
    if (!line.empty()) last = line;
  }
  return last;
}

class Terminal : public testing::Test {
 protected:
  void SetUp() override {
    if (!have_tmux()) GTEST_SKIP() << "tmux is not installed (scripts/setup.sh installs it)";
    static std::atomic<int> counter{0};
    m_socket = "gol-repl-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    m_home = fs::path(testing::TempDir()) / m_socket;
    fs::create_directories(m_home);
  }

  void TearDown() override {
    if (!m_socket.empty()) tmux("kill-server >/dev/null 2>&1");
    std::error_code ec;
    if (!m_home.empty()) fs::remove_all(m_home, ec);
  }

  std::string tmux(const std::string& args) { return run_capture("tmux -L " + m_socket + " " + args); }

  // Starts gol in a fresh pane; after it exits the pane shows its status.
  void start() {
    const std::string inner = "env LANG=C.UTF-8 HOME=" + shell_quote(m_home.string()) + " GOMAXPROCS=2 " +
                              shell_quote(GOL_BINARY) + "; echo EXIT=$?; sleep 600";
    tmux("new-session -d -x 120 -y 40 " + shell_quote(inner));
    ASSERT_TRUE(wait_for([](const std::string& s) { return last_line(s) == ">>>"; }))
        << "no prompt:\n" << screen();
  }

  // The server dies asynchronously: a later start() uses a socket of its
  // own rather than racing the old server's exit.
  void stop() {
    tmux("kill-server >/dev/null 2>&1");
    m_socket += "b";
  }

  void type(const std::string& text) { tmux("send-keys -l " + shell_quote(text)); }
  void key(const std::string& name) { tmux("send-keys " + name); }
  void line(const std::string& text) {
    type(text);
    key("Enter");
  }

  std::string screen() { return tmux("capture-pane -p"); }

  bool wait_for(const std::function<bool(const std::string&)>& ok) {
    const auto deadline = std::chrono::steady_clock::now() + kWait;
    while (std::chrono::steady_clock::now() < deadline) {
      if (ok(screen())) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  bool wait_line(const std::string& want, int count = 1) {
    return wait_for([&](const std::string& s) { return count_lines(s, want) >= count; });
  }

  // The prompt line shows ">>> " + text (compared without trailing blanks,
  // which capture-pane does not keep).
  bool wait_prompt_with(const std::string& text) {
    std::string want = ">>> " + text;
    while (!want.empty() && want.back() == ' ') want.pop_back();
    return wait_for([&](const std::string& s) { return last_line(s) == want; });
  }

  std::string m_socket;
  fs::path m_home;
};

TEST_F(Terminal, MultiLineFunctionThenCall) {
  start();
  line("func add(a, b int) int {");
  ASSERT_TRUE(wait_for([](const std::string& s) { return last_line(s) == "..."; })) << screen();
  line("\treturn a + b");
  line("}");
  ASSERT_TRUE(wait_prompt_with("")) << screen();
  line("add(2, 40)");
  EXPECT_TRUE(wait_line("42")) << screen();
  EXPECT_TRUE(wait_prompt_with("")) << screen();
}

TEST_F(Terminal, HistoryRecallWithUpAndAcrossSessions) {
  start();
  line("func twice(s string) string {");
  line("\treturn s + s");
  line("}");
  line("twice(\"ab\")");
  ASSERT_TRUE(wait_line("abab")) << screen();
  key("Up");
  ASSERT_TRUE(wait_prompt_with("twice(\"ab\")")) << screen();
  key("Enter");
  ASSERT_TRUE(wait_line("abab", 2)) << screen();
  key("C-d");
  ASSERT_TRUE(wait_line("EXIT=0")) << screen();
  stop();

  // A new session: the multi-line entry comes back whole from ~/.gol_history.
  start();
  key("Up");
  key("Up");
  ASSERT_TRUE(wait_for([](const std::string& s) { return count_lines(s, ">>> func twice(s string) string {") == 1; }))
      << screen();
  key("Enter");
  ASSERT_TRUE(wait_prompt_with("")) << screen();
  line("twice(\"xy\")");
  EXPECT_TRUE(wait_line("xyxy")) << screen();
}

TEST_F(Terminal, CompletesFmtPr) {
  start();
  type("fmt.Pr");
  key("Tab");
  ASSERT_TRUE(wait_prompt_with("fmt.Print")) << screen();
  key("Tab");
  // Ambiguous: the candidates are listed and the line is kept.
  ASSERT_TRUE(wait_for([](const std::string& s) {
    return s.find("Printf") != std::string::npos && s.find("Println") != std::string::npos &&
           last_line(s) == ">>> fmt.Print";
  })) << screen();
  type("ln(\"completed\")");
  key("Enter");
  EXPECT_TRUE(wait_line("completed")) << screen();
}

TEST_F(Terminal, BackgroundGoroutineFeedsChannelAndPrintsAboveThePrompt) {
  start();
  line("ch := make(chan int)");
  line("go func() { for i := 1; i <= 3; i++ { ch <- i * 10 } }()");
  line("<-ch");
  ASSERT_TRUE(wait_line("10")) << screen();
  line("<-ch + <-ch");
  ASSERT_TRUE(wait_line("50")) << screen();
  // Output arriving while a line is half typed lands above it, and the
  // line survives intact.
  line("go func() { time.Sleep(300 * time.Millisecond); fmt.Println(\"from the background\") }()");
  ASSERT_TRUE(wait_prompt_with("")) << screen();
  type("1 + ");
  ASSERT_TRUE(wait_line("from the background")) << screen();
  ASSERT_TRUE(wait_prompt_with("1 +")) << screen();
  line("2");
  EXPECT_TRUE(wait_line("3")) << screen();
}

TEST_F(Terminal, CtrlCStopsForLoopAndClearsTheLine) {
  start();
  line("n := 0");
  line("for { n++ }");
  // Give the loop time to start; then interrupt it.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  key("C-c");
  ASSERT_TRUE(wait_prompt_with("")) << screen();
  line("n > 0");
  ASSERT_TRUE(wait_line("true")) << screen();
  // Ctrl-C at the prompt abandons the half-typed line.
  type("this is not Go");
  ASSERT_TRUE(wait_prompt_with("this is not Go")) << screen();
  key("C-c");
  ASSERT_TRUE(wait_prompt_with("")) << screen();
  line("40 + 2");
  EXPECT_TRUE(wait_line("42")) << screen();
  // Ctrl-D on an empty line exits with status 0.
  key("C-d");
  EXPECT_TRUE(wait_line("EXIT=0")) << screen();
}

}  // namespace
