// run_test.cc — golden programs: `gol run` must print what `go run` prints.
//
// Every NAME.gol under tests/run/ (any depth) and examples/ is a test. Its
// expected behaviour sits beside it, written by tests/run/regen.sh from real
// Go: NAME.out (stdout, exact), NAME.err (stderr, only if the program writes
// any) and NAME.exit (the status, only if not 0). Files are found when the
// test binary starts, so adding a program needs no rebuild.
//
// stdout and the status must match exactly. stderr too, up to the first
// goroutine header ("goroutine 1 [running]:" after a panic, any
// "goroutine N [wait reason]:" in a fatal error's dump): that is where Go
// and gol legitimately differ in detail. From there on, in order:
//  - every goroutine header, with its number masked as "N" unless it is 1
//    (Go numbers non-main goroutines after its runtime's own, gol counts
//    1, 2, 3 ...); the wait reason compares exactly;
//  - blank lines (they separate the goroutines of a dump);
//  - the program's own frames: the function name (without its argument
//    list: Go prints register values there, or "..." for inlined calls) and
//    the base name and line of the file. Go's "created by main.main in
//    goroutine 1" line is a frame too, its goroutine number masked the same
//    way. Frames in other files (Go's runtime: "panic({...})", gol's stdlib)
//    are ignored, and so is a "[signal SIGSEGV ...]" line before the trace:
//    Go's nil dereference is a hardware fault, gol's is a check.
// regen.sh writes expectations already normalised by this rule.
//
// A second suite is differential: where Go is installed, each program is
// built and run with it, and its output must match the same expectations
// under the same rule. That catches expectations gone stale after a program
// was edited without re-running regen.sh. Without Go, those tests skip with a
// notice that says so; in the sanitizer configurations too (they test Go's
// side, which a sanitized gol does not change).
//
// Every subprocess runs in its own process group, with stdin from /dev/null
// and GOL_GOLDEN=1 in the environment (os.Getenv tests read it), and is
// killed after a timeout generous enough for a loaded 2-core machine.
//
// Alternatives rejected: `// Output:` comments inside the programs (a panic's
// stderr and exit status do not fit comfortably, and a program's line
// numbers would shift whenever its expectation changed); running gol
// in-process (a crash would take the whole suite down, and the command users
// run would go untested).
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/subprocess.h"

namespace {

namespace fs = std::filesystem;
using gol::test::describe;
using gol::test::run;
using gol::test::RunResult;

// Longer than any golden program runs even under a debug build on a loaded
// machine; a program still running by then is hung.
constexpr int kRunTimeoutSeconds = 60;
// `go build` links a binary; the first build of a session also compiles std.
constexpr int kBuildTimeoutSeconds = 300;

const fs::path kSourceDir = GOL_SOURCE_DIR;

// ---------------------------------------------------------------------------
// Programs and their expectations

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

struct Expectation {
  bool present = false;  // NAME.out exists
  std::string out;
  std::string err;
  int status = 0;
};

Expectation load_expectation(const fs::path& program) {
  Expectation e;
  fs::path out = fs::path(program).replace_extension(".out");
  fs::path err = fs::path(program).replace_extension(".err");
  fs::path exit = fs::path(program).replace_extension(".exit");
  e.present = fs::exists(out);
  if (e.present) e.out = read_text(out);
  if (fs::exists(err)) e.err = read_text(err);
  if (fs::exists(exit)) e.status = std::atoi(read_text(exit).c_str());
  return e;
}

std::vector<fs::path> programs() {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(kSourceDir / "tests" / "run", ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".gol") files.push_back(it->path());
  }
  for (const auto& entry : fs::directory_iterator(kSourceDir / "examples", ec)) {
    if (entry.path().extension() == ".gol") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// "tests/run/panics/nil_deref.gol" → "panics_nil_deref"; examples keep
// their folder name ("examples_hello").
std::string test_name(const testing::TestParamInfo<fs::path>& info) {
  fs::path relative = info.param.lexically_relative(kSourceDir);
  std::string text = relative.replace_extension().string();
  if (text.starts_with("tests/run/")) text = text.substr(10);
  for (char& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return text;
}

// ---------------------------------------------------------------------------
// stderr comparison (the rule in the header)

struct Stderr {
  std::string head;                // everything before the first goroutine header
  std::vector<std::string> trace;  // the normalised dump: headers, blank lines, frames
};

// "goroutine 7 [running]:" → "goroutine N [running]:"; goroutine 1 keeps its
// number. Returns nullopt for any other line. "N" is accepted as a number so
// that an expectation already normalised by regen.sh parses the same way.
std::optional<std::string> goroutine_header(const std::string& line) {
  static const std::regex header(R"(^goroutine ([0-9]+|N) (\[[^\]]*\]:)$)");
  std::smatch m;
  if (!std::regex_match(line, m, header)) return std::nullopt;
  std::string id = m[1] == "1" ? "1" : "N";
  return "goroutine " + id + " " + m[2].str();
}

// "main.f(0x1, 0x2)" → "main.f"; "main.(*T).M(...)" → "main.(*T).M";
// "created by main.main in goroutine 7" → "created by main.main in goroutine N".
std::string function_name(const std::string& line) {
  static const std::regex created(R"(^(created by .* in goroutine )([0-9]+|N)$)");
  if (std::smatch m; std::regex_match(line, m, created)) {
    return m[1].str() + (m[2] == "1" ? "1" : "N");
  }
  if (!line.ends_with(")")) return line;
  int depth = 0;
  for (size_t i = line.size(); i-- > 0;) {
    if (line[i] == ')') depth++;
    if (line[i] == '(' && --depth == 0) return line.substr(0, i);
  }
  return line;
}

// "\t/tmp/x/prog.go:12 +0x1d" → {"prog", "12"}.
std::pair<std::string, std::string> location(const std::string& line) {
  std::string text = line.substr(1);
  if (size_t space = text.find(' '); space != std::string::npos) text.resize(space);
  size_t colon = text.rfind(':');
  if (colon == std::string::npos) return {fs::path(text).stem().string(), ""};
  return {fs::path(text.substr(0, colon)).stem().string(), text.substr(colon + 1)};
}

Stderr parse_stderr(const std::string& text, const std::string& program_stem) {
  Stderr result;
  bool in_trace = false;
  std::string pending;  // the function line awaiting its location line
  for (const std::string& line : split_lines(text)) {
    std::optional<std::string> header = goroutine_header(line);
    if (!in_trace && !header) {
      if (!line.starts_with("[signal ")) result.head += line + "\n";
      continue;
    }
    in_trace = true;
    if (header || line.empty()) {
      result.trace.push_back(header ? *header : "");
      pending.clear();
      continue;
    }
    if (!line.starts_with("\t")) {
      pending = line;
      continue;
    }
    auto [file, number] = location(line);
    if (file == program_stem && !pending.empty()) {
      result.trace.push_back(function_name(pending) + " at " + file + ":" + number);
    }
    pending.clear();
  }
  return result;
}

std::string show_trace(const std::vector<std::string>& trace) {
  std::string s;
  for (const std::string& line : trace) s += "  | " + line + "\n";
  return s.empty() ? "  (none)\n" : s;
}

// Checks one run against the expectation; `who` names the runner in messages.
void expect_matches(const RunResult& r, const Expectation& e, const fs::path& program,
                    const std::string& who) {
  ASSERT_FALSE(r.timed_out) << who << " " << program.filename().string() << " hung\n" << describe(r);
  EXPECT_EQ(r.status, e.status) << who << ": wrong exit status\n" << describe(r);
  EXPECT_EQ(r.out, e.out) << who << ": wrong stdout\n" << describe(r);
  std::string stem = program.stem().string();
  Stderr want = parse_stderr(e.err, stem);
  Stderr got = parse_stderr(r.err, stem);
  EXPECT_EQ(got.head, want.head) << who << ": wrong stderr\n" << describe(r);
  EXPECT_TRUE(got.trace == want.trace)
      << who << ": wrong goroutine trace; want\n"
      << show_trace(want.trace) << "got\n"
      << show_trace(got.trace) << describe(r);
}

const std::vector<std::string> kProgramEnv = {"GOL_GOLDEN=1"};

// ---------------------------------------------------------------------------
// gol run

class GolRun : public testing::TestWithParam<fs::path> {};

TEST_P(GolRun, MatchesGo) {
  const fs::path& program = GetParam();
  Expectation e = load_expectation(program);
  ASSERT_TRUE(e.present) << "no " << program.stem().string()
                         << ".out beside the program: run tests/run/regen.sh " << program.string();
  // The ThreadSanitizer run switches the collector off (GC_DONT_GC=1:
  // STACK.md §4), so runtime.GC collects nothing there; such programs run
  // in the other configurations.
  if (const char* off = std::getenv("GC_DONT_GC"); off != nullptr && *off != '\0' &&
      read_text(program).find("runtime.GC()") != std::string::npos) {
    GTEST_SKIP() << "GC_DONT_GC is set: runtime.GC() cannot collect";
  }
  RunResult r = run({GOL_BINARY, "run", program.filename().string()}, program.parent_path(),
                    kProgramEnv, kRunTimeoutSeconds);
  // A program using what gol cannot run yet (goroutines and channels before
  // the scheduler exists) is skipped, saying why, rather than failed: gol
  // refuses it at compile time with "... is not supported yet" (exit 2), and
  // the skip ends by itself once the feature lands.
  if (r.status == 2 && r.out.empty() && r.err.find(" is not supported yet") != std::string::npos) {
    GTEST_SKIP() << "gol cannot run this program yet: " << r.err;
  }
  expect_matches(r, e, program, "gol run");
}

INSTANTIATE_TEST_SUITE_P(Golden, GolRun, testing::ValuesIn(programs()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GolRun);

// ---------------------------------------------------------------------------
// Differential: the same programs and expectations under real Go

// $GOL_GO if set, else the newest Debian Go package (golang-1.2x-go from
// bookworm-backports), else `go` on PATH.
std::optional<fs::path> find_go() {
  if (const char* forced = std::getenv("GOL_GO"); forced != nullptr && *forced != '\0') {
    return fs::path(forced);
  }
  for (int minor = 30; minor >= 22; minor--) {
    fs::path candidate = "/usr/lib/go-1." + std::to_string(minor) + "/bin/go";
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  std::istringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    fs::path candidate = fs::path(dir.empty() ? "." : dir) / "go";
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

class GoRun : public testing::TestWithParam<fs::path> {
 protected:
  void SetUp() override {
#ifdef GOL_SANITIZED
    GTEST_SKIP() << "checked against Go in the release configuration (this one is sanitized)";
#endif
    static const std::optional<fs::path> go = find_go();
    if (!go) {
      GTEST_SKIP() << "no Go toolchain (set GOL_GO or install golang-1.23-go): "
                      "expectations are not checked against Go";
    }
    m_go = *go;
  }
  fs::path m_go;
};

// Builds program as NAME.go in a scratch module, as regen.sh does ("go 1.22"
// keeps Go 1.21+ run-time defaults, which GOPATH mode would turn off), and
// runs the binary from there. The build cache outlives the test so std
// compiles once per machine, not once per program.
TEST_P(GoRun, MatchesExpectation) {
  const fs::path& program = GetParam();
  Expectation e = load_expectation(program);
  ASSERT_TRUE(e.present) << "no expectation: run tests/run/regen.sh " << program.string();
  fs::path base = fs::temp_directory_path() / "gol-corpus-go";
  fs::path scratch = base / ("run-" + std::to_string(getpid()) + "-" + test_name({program, 0}));
  std::error_code ec;
  fs::remove_all(scratch, ec);
  fs::create_directories(scratch);
  fs::copy_file(program, scratch / (program.stem().string() + ".go"));
  std::ofstream(scratch / "go.mod") << "module golden\n\ngo 1.22\n";
  RunResult build = run({m_go.string(), "build", "-o", (scratch / "prog").string(), "."}, scratch,
                        {"GO111MODULE=on", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local",
                         "GOTELEMETRY=off", "GOCACHE=" + (base / "cache").string(),
                         "GOPATH=" + (base / "gopath").string()},
                        kBuildTimeoutSeconds);
  if (build.status != 0) {
    fs::remove_all(scratch, ec);
    FAIL() << "Go does not build " << program.string() << "\n" << describe(build);
  }
  RunResult r = run({(scratch / "prog").string()}, scratch, kProgramEnv, kRunTimeoutSeconds);
  fs::remove_all(scratch, ec);
  expect_matches(r, e, program, "go");
}

INSTANTIATE_TEST_SUITE_P(Golden, GoRun, testing::ValuesIn(programs()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoRun);

}  // namespace
