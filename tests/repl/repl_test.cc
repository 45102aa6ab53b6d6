// repl_test.cc — the REPL with piped input: `gol < NAME.in` must print
// NAME.out on stdout, NAME.err on stderr and exit with NAME.exit.
//
// Every NAME.in under tests/repl/ is a test, found when the binary starts.
// Beside it: NAME.out (stdout, exact; required), NAME.err (stderr; absent
// means stderr must be empty) and NAME.exit (the status; absent means 0).
// stderr compares exactly up to the first goroutine header line
// ("goroutine N [...]:"): from there on a panic's trace holds goroutine
// numbers and frames of the session's generated code, which are the
// evaluator's detail, not the front end's contract. The prefix before it —
// "panic: ..." and every compile error with its "<input>:LINE:COL" — is.
//
// stdin comes from the file through `sh -c 'exec gol < file'`, so gol sees a
// regular file (not a TTY: piped mode) exactly as `gol < script` would.
// The interactive side is tmux_test.cc.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/subprocess.h"

namespace {

namespace fs = std::filesystem;

constexpr int kTimeoutSeconds = 60;
const fs::path kSourceDir = GOL_SOURCE_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The text before the first "goroutine " line (see the header).
std::string before_trace(const std::string& err) {
  size_t pos = 0;
  while (pos < err.size()) {
    if (err.compare(pos, 10, "goroutine ") == 0) return err.substr(0, pos);
    const size_t nl = err.find('\n', pos);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return err;
}

std::vector<fs::path> inputs() {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kSourceDir / "tests" / "repl", ec)) {
    if (entry.path().extension() == ".in") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}


gol::test::RunResult run_piped(const fs::path& input, const fs::path& home) {
  const std::string command = "exec " + gol::test::shell_quote(GOL_BINARY) + " < " + gol::test::shell_quote(input.string());
  return gol::test::run({"/bin/sh", "-c", command}, input.parent_path(),
                        {"HOME=" + home.string(), "GOMAXPROCS=2"}, kTimeoutSeconds);
}

class ReplGolden : public testing::TestWithParam<fs::path> {};

TEST_P(ReplGolden, MatchesExpectation) {
  const fs::path in = GetParam();
  const fs::path out = fs::path(in).replace_extension(".out");
  const fs::path err = fs::path(in).replace_extension(".err");
  const fs::path exit = fs::path(in).replace_extension(".exit");
  ASSERT_TRUE(fs::exists(out)) << "no expectation " << out;
  const fs::path home = fs::path(testing::TempDir()) / "repl_home";
  fs::create_directories(home);
  const gol::test::RunResult r = run_piped(in, home);
  ASSERT_FALSE(r.timed_out) << gol::test::describe(r);
  EXPECT_EQ(r.out, read_text(out)) << gol::test::describe(r);
  const std::string want_err = fs::exists(err) ? read_text(err) : "";
  EXPECT_EQ(before_trace(r.err), before_trace(want_err)) << gol::test::describe(r);
  const int want_status = fs::exists(exit) ? std::stoi(read_text(exit)) : 0;
  EXPECT_EQ(r.status, want_status) << gol::test::describe(r);
  // Piped mode never touches the history file.
  EXPECT_FALSE(fs::exists(home / ".gol_history"));
}

std::string test_name(const testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Piped, ReplGolden, testing::ValuesIn(inputs()), test_name);

// The issue's own example, without a file.
TEST(ReplPiped, EchoPrintsThree) {
  const std::string command = "echo 'fmt.Println(1+2)' | exec " + gol::test::shell_quote(GOL_BINARY);
  const gol::test::RunResult r =
      gol::test::run({"/bin/sh", "-c", command}, kSourceDir, {}, kTimeoutSeconds);
  EXPECT_EQ(r.out, "3\n") << gol::test::describe(r);
  EXPECT_EQ(r.err, "") << gol::test::describe(r);
  EXPECT_EQ(r.status, 0) << gol::test::describe(r);
}

// Empty input: nothing to do, success.
TEST(ReplPiped, EmptyInputExitsZero) {
  const std::string command = "exec " + gol::test::shell_quote(GOL_BINARY) + " < /dev/null";
  const gol::test::RunResult r =
      gol::test::run({"/bin/sh", "-c", command}, kSourceDir, {}, kTimeoutSeconds);
  EXPECT_EQ(r.out, "") << gol::test::describe(r);
  EXPECT_EQ(r.status, 0) << gol::test::describe(r);
}

// :disasm compiles a method no input has called yet and names it as Go's
// traces do; :goroutines says when nothing is running.
TEST(ReplPiped, DisasmOfAMethodNotYetCalledAndNoGoroutines) {
  const std::string command = "printf '%s\\n' 'type T struct{ N int }' 'func (t *T) Inc() { t.N++ }' "
                              "':disasm (*T).Inc' ':disasm nosuch' ':goroutines' | exec " +
                              gol::test::shell_quote(GOL_BINARY);
  const gol::test::RunResult r =
      gol::test::run({"/bin/sh", "-c", command}, kSourceDir, {}, kTimeoutSeconds);
  EXPECT_TRUE(r.out.starts_with("func main.(*T).Inc ")) << gol::test::describe(r);
  EXPECT_NE(r.out.find("\nno goroutines\n"), std::string::npos) << gol::test::describe(r);
  EXPECT_NE(r.err.find("no function nosuch in the session"), std::string::npos) << gol::test::describe(r);
  EXPECT_EQ(r.status, 1) << gol::test::describe(r);  // the failed :disasm
}

}  // namespace
