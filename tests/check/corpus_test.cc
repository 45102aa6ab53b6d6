// corpus_test.cc — runs `gol check` over the golden corpus in tests/check/.
//
// Every file under tests/check/valid/ must type-check silently; every file
// under tests/check/invalid/ must fail with exactly the diagnostics its
// `// ERROR` annotations list (format: tests/check/README.md). Files are found
// when the test binary starts, so adding a program needs no rebuild, and each
// file is its own test, named after the file.
//
// The gol binary runs as a subprocess (as a user would run it) in the file's
// folder, with the bare file name as argument, so the positions it prints
// ("name.gol:3:7") match the annotations byte for byte.
//
// A second suite checks the corpus itself against Go: when `go` is on PATH,
// Go must build every valid file and report an error at each annotated
// position of every invalid file. That keeps the expectations honest while
// gol's own front end is still incomplete. Files whose first line starts with
// `// go1.22` use features (or checks) the installed Go lacks and are skipped
// there; `// go-line` files are compared by line only, where Go versions put
// an error to another column.
//
// Alternatives rejected: a shell/CTest script per file (no parameterised
// failure messages, no timeout control) and linking the front end in-process
// (would test the library, not the command users run, and a crash would take
// the whole suite down).
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/support/subprocess.h"

namespace {

namespace fs = std::filesystem;
using gol::test::describe;
using gol::test::RunResult;

// A subprocess that runs longer than this is hung (a parser loop, a deadlock);
// Go building one small file takes well under a second once std is cached.
constexpr int kTimeoutSeconds = 60;

// Every subprocess here gets kTimeoutSeconds.
RunResult run(const std::vector<std::string>& argv, const fs::path& dir,
              const std::vector<std::string>& extra_env = {}) {
  return gol::test::run(argv, dir, extra_env, kTimeoutSeconds);
}

const fs::path kCorpusDir = fs::path(GOL_SOURCE_DIR) / "tests" / "check";

// ---------------------------------------------------------------------------
// The corpus and its annotations

struct Expected {
  int line = 0;                // 0: an error without a position (see README)
  std::optional<int> column;   // absent: any column
  std::string message;         // may span lines ("\n\t" continuations)
};

struct CorpusFile {
  fs::path path;
  bool go_skip = false;       // first line "// go1.22": Go before 1.22 cannot judge it
  bool go_line_only = false;  // first line "// go-line": compare lines with Go
  bool not_go = false;        // first line "// outside-subset": Go accepts it, gol must not
  std::vector<Expected> errors;
  std::string annotation_error;  // a malformed annotation, reported by the test
};

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

// Parses `"..."` at text[i] with \n \t \" \\ escapes; advances i past it.
std::optional<std::string> parse_quoted(const std::string& text, size_t& i) {
  if (i >= text.size() || text[i] != '"') return std::nullopt;
  std::string out;
  for (i++; i < text.size(); i++) {
    char c = text[i];
    if (c == '"') {
      i++;
      return out;
    }
    if (c == '\\' && i + 1 < text.size()) {
      char e = text[++i];
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
    } else {
      out += c;
    }
  }
  return std::nullopt;
}

bool parse_int(const std::string& text, size_t& i, int& value) {
  size_t start = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) i++;
  if (i == start) return false;
  value = std::stoi(text.substr(start, i - start));
  return true;
}

// Reads every `ERROR [col | line:col] "message"` item after a `// ERROR` marker.
void parse_annotations(const std::string& line, int line_no, CorpusFile& file) {
  size_t i = line.find("// ERROR");
  if (i == std::string::npos) return;
  i += 3;
  while ((i = line.find("ERROR", i)) != std::string::npos) {
    i += 5;
    while (i < line.size() && line[i] == ' ') i++;
    Expected e;
    e.line = line_no;
    int first = 0;
    if (parse_int(line, i, first)) {
      if (i < line.size() && line[i] == ':') {
        i++;
        int col = 0;
        if (!parse_int(line, i, col)) break;
        e.line = first;
        e.column = col;
      } else {
        e.column = first;
      }
      while (i < line.size() && line[i] == ' ') i++;
    }
    std::optional<std::string> message = parse_quoted(line, i);
    if (!message) {
      file.annotation_error = "line " + std::to_string(line_no) + ": malformed ERROR annotation";
      return;
    }
    e.message = *message;
    file.errors.push_back(e);
  }
}

CorpusFile load(const fs::path& path) {
  CorpusFile file;
  file.path = path;
  std::vector<std::string> lines = split_lines(read_text(path));
  if (!lines.empty()) {
    file.go_skip = lines[0].starts_with("// go1.22");
    file.go_line_only = lines[0].starts_with("// go-line");
    file.not_go = lines[0].starts_with("// outside-subset");
  }
  for (size_t i = 0; i < lines.size(); i++) parse_annotations(lines[i], static_cast<int>(i + 1), file);
  std::stable_sort(file.errors.begin(), file.errors.end(), [](const Expected& a, const Expected& b) {
    if (a.line != b.line) return a.line < b.line;
    return a.column.value_or(0) < b.column.value_or(0);
  });
  return file;
}

std::vector<fs::path> corpus(const char* kind) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kCorpusDir / kind, ec)) {
    if (entry.path().extension() == ".gol") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string test_name(const testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// ---------------------------------------------------------------------------
// Diagnostics as printed: "name:line:col: message", continuation lines start
// with a tab and belong to the diagnostic above them.

struct Printed {
  std::string text;  // whole diagnostic, continuation lines joined with '\n'
};

std::vector<Printed> printed_diagnostics(const std::string& err) {
  std::vector<Printed> out;
  for (const std::string& line : split_lines(err)) {
    if (line.starts_with("\t") && !out.empty()) {
      out.back().text += "\n" + line;
    } else {
      out.push_back({line});
    }
  }
  return out;
}

// Whether diagnostic d matches e for a file printed as `name`.
bool matches(const Printed& d, const Expected& e, const std::string& name) {
  if (e.line == 0) return d.text == e.message;
  std::string prefix = name + ":" + std::to_string(e.line) + ":";
  if (!d.text.starts_with(prefix)) return false;
  size_t i = prefix.size();
  int col = 0;
  if (!parse_int(d.text, i, col)) return false;
  if (e.column && *e.column != col) return false;
  return d.text.substr(i) == ": " + e.message;
}

std::string expected_listing(const CorpusFile& file) {
  std::string name = file.path.filename().string();
  std::ostringstream s;
  for (const Expected& e : file.errors) {
    if (e.line == 0) {
      s << e.message << "\n";
    } else {
      s << name << ":" << e.line << ":" << (e.column ? std::to_string(*e.column) : "*") << ": "
        << e.message << "\n";
    }
  }
  return s.str();
}

const char* gol_binary() { return GOL_BINARY; }

// ---------------------------------------------------------------------------
// gol check over the corpus

// Under ThreadSanitizer `gol check` runs single-threaded front-end code only:
// the corpus runs in the release and ASan configurations.
class CheckCorpus : public testing::TestWithParam<fs::path> {
 protected:
  void SetUp() override {
#ifdef GOL_TSAN
    GTEST_SKIP() << "gol check is single-threaded: run in the release and asan configurations";
#endif
  }
};
class ValidCorpus : public CheckCorpus {};
class InvalidCorpus : public CheckCorpus {};

TEST_P(ValidCorpus, ChecksSilently) {
  CorpusFile file = load(GetParam());
  ASSERT_TRUE(file.errors.empty()) << "valid programs carry no ERROR annotations";
  RunResult r = run({gol_binary(), "check", file.path.filename().string()}, file.path.parent_path());
  EXPECT_TRUE(r.status == 0 && r.out.empty() && r.err.empty())
      << "gol check " << file.path.filename().string() << " should succeed silently\n"
      << describe(r);
}

TEST_P(InvalidCorpus, ReportsExactlyTheAnnotatedErrors) {
  CorpusFile file = load(GetParam());
  ASSERT_TRUE(file.annotation_error.empty()) << file.annotation_error;
  ASSERT_FALSE(file.errors.empty()) << "an invalid program needs at least one ERROR annotation";
  std::string name = file.path.filename().string();
  RunResult r = run({gol_binary(), "check", name}, file.path.parent_path());
  ASSERT_FALSE(r.timed_out) << describe(r);
  std::vector<Printed> got = printed_diagnostics(r.err);
  bool same = r.status == 1 && r.out.empty() && got.size() == file.errors.size();
  for (size_t i = 0; same && i < got.size(); i++) same = matches(got[i], file.errors[i], name);
  EXPECT_TRUE(same) << "gol check " << name << " should exit 1 and print exactly:\n"
                    << expected_listing(file) << "(\"*\": any column)\nbut got " << describe(r);
}

INSTANTIATE_TEST_SUITE_P(Valid, ValidCorpus, testing::ValuesIn(corpus("valid")), test_name);
INSTANTIATE_TEST_SUITE_P(Invalid, InvalidCorpus, testing::ValuesIn(corpus("invalid")), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ValidCorpus);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(InvalidCorpus);

// ---------------------------------------------------------------------------
// Differential: the corpus against the installed Go toolchain

// The Go to compare with: $GOL_GO if set, else the newest Debian Go package
// (golang-1.2x-go from bookworm-backports, which scripts/setup.sh installs),
// else `go` on PATH (Debian 12's own golang-go is Go 1.19).
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

// The minor version of a Go toolchain ("go1.23.5" → 23), or 0 if unknown.
int go_minor_version(const fs::path& go) {
  // GOCACHE is set because CI may run without $HOME, which go env needs otherwise.
  fs::path cache = fs::temp_directory_path() / "gol-corpus-go" / "cache";
  RunResult r = run({go.string(), "env", "GOVERSION"}, fs::temp_directory_path(),
                    {"GOTOOLCHAIN=local", "GOTELEMETRY=off", "GOCACHE=" + cache.string()});
  int minor = 0;
  if (r.status == 0 && r.out.starts_with("go1.")) {
    for (size_t i = 4; i < r.out.size() && std::isdigit(static_cast<unsigned char>(r.out[i])); i++) {
      minor = minor * 10 + (r.out[i] - '0');
    }
  }
  return minor;
}

struct GoError {
  int line = 0;
  int column = 0;
  std::string message;
};

// Builds file as NAME.go in a scratch folder. The build cache lives in the
// system temp folder and outlives the test, so std is compiled once, not per
// file; GOPATH mode (GO111MODULE=off) builds a lone file without a go.mod.
std::pair<RunResult, std::vector<GoError>> go_build(const fs::path& go, const fs::path& file) {
  fs::path base = fs::temp_directory_path() / "gol-corpus-go";
  fs::path scratch = base / ("work-" + std::to_string(getpid()) + "-" + file.stem().string());
  fs::create_directories(scratch);
  std::string go_name = file.stem().string() + ".go";
  fs::copy_file(file, scratch / go_name, fs::copy_options::overwrite_existing);
  // The binary goes to the scratch folder, never to /dev/null: run as root, go
  // build renames its output over the target and would replace the device.
  RunResult r = run({go.string(), "build", "-o", (scratch / "a.out").string(), go_name}, scratch,
                    {"GO111MODULE=off", "GOFLAGS=", "GOTOOLCHAIN=local", "GOTELEMETRY=off",
                     "GOCACHE=" + (base / "cache").string(), "GOPATH=" + (base / "gopath").string()});
  std::error_code ec;
  fs::remove_all(scratch, ec);
  std::vector<GoError> errors;
  for (const std::string& line : split_lines(r.out + r.err)) {
    std::string text = line.starts_with("./") ? line.substr(2) : line;
    if (!text.starts_with(go_name + ":")) continue;
    size_t i = go_name.size() + 1;
    GoError e;
    if (!parse_int(text, i, e.line) || i >= text.size() || text[i++] != ':') continue;
    if (!parse_int(text, i, e.column)) continue;
    e.message = text.substr(i);
    errors.push_back(e);
  }
  return {r, errors};
}

class GoAgrees : public testing::TestWithParam<fs::path> {
 protected:
  void SetUp() override {
#ifdef GOL_SANITIZED
    GTEST_SKIP() << "judged by Go in the release configuration (this one is sanitized)";
#endif
    static const std::optional<fs::path> go = find_go();
    if (!go) GTEST_SKIP() << "go is not on PATH: the corpus is not compared with Go";
    static const int minor = go_minor_version(*go);
    m_go = *go;
    m_minor = minor;
  }
  fs::path m_go;
  int m_minor = 0;
};

TEST_P(GoAgrees, OnTheCorpusFile) {
  CorpusFile file = load(GetParam());
  if (file.not_go) GTEST_SKIP() << "outside gol's subset: Go accepts what gol rejects";
  if (file.go_skip && m_minor < 22) {
    GTEST_SKIP() << "tagged go1.22: Go 1." << m_minor << " cannot judge this file";
  }
  auto [r, errors] = go_build(m_go, file.path);
  ASSERT_FALSE(r.timed_out) << describe(r);
  if (file.errors.empty()) {
    EXPECT_EQ(r.status, 0) << "Go rejects a valid corpus file\n" << describe(r);
    return;
  }
  EXPECT_NE(r.status, 0) << "Go accepts an invalid corpus file\n" << describe(r);
  for (const Expected& e : file.errors) {
    bool found = false;
    if (e.line == 0) {
      found = (r.out + r.err).find(e.message) != std::string::npos;
    } else {
      for (const GoError& g : errors) {
        bool column_ok = !e.column || file.go_line_only || g.column == *e.column;
        found = found || (g.line == e.line && column_ok);
      }
    }
    EXPECT_TRUE(found) << "Go reports no error at " << file.path.filename().string() << ":"
                       << e.line << ":" << (e.column ? std::to_string(*e.column) : "*")
                       << " (expected \"" << e.message << "\")\n"
                       << describe(r);
  }
}

std::vector<fs::path> whole_corpus() {
  std::vector<fs::path> files = corpus("valid");
  std::vector<fs::path> invalid = corpus("invalid");
  files.insert(files.end(), invalid.begin(), invalid.end());
  return files;
}

std::string differential_name(const testing::TestParamInfo<fs::path>& info) {
  std::string kind = info.param.parent_path().filename().string();
  return kind + "_" + test_name(info);
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoAgrees, testing::ValuesIn(whole_corpus()), differential_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoAgrees);

// ---------------------------------------------------------------------------
// The gol command itself

fs::path invalid_example() { return kCorpusDir / "invalid" / "undefined_var.gol"; }

TEST(GolCommand, VersionPrintsAndSucceeds) {
  RunResult r = run({gol_binary(), "version"}, kCorpusDir);
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_TRUE(r.out.starts_with("gol version ")) << describe(r);
}

TEST(GolCommand, HelpPrintsUsageAndSucceeds) {
  RunResult r = run({gol_binary(), "help"}, kCorpusDir);
  EXPECT_EQ(r.status, 0) << describe(r);
  EXPECT_NE(r.out.find("Usage"), std::string::npos) << describe(r);
  EXPECT_NE(r.out.find("check"), std::string::npos) << describe(r);
}

TEST(GolCommand, UnknownCommandIsAOneLineUsageError) {
  RunResult r = run({gol_binary(), "frobnicate"}, kCorpusDir);
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_EQ(split_lines(r.err).size(), 1u) << describe(r);
  EXPECT_NE(r.err.find("frobnicate"), std::string::npos) << describe(r);
}

TEST(GolCommand, MissingFileIsAOneLineError) {
  RunResult r = run({gol_binary(), "check", "no_such_file.gol"}, kCorpusDir);
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_EQ(split_lines(r.err).size(), 1u) << describe(r);
  EXPECT_EQ(r.err, "gol: open no_such_file.gol: no such file or directory\n") << describe(r);
}

TEST(GolCommand, CheckWithoutFilesIsAUsageError) {
  RunResult r = run({gol_binary(), "check"}, kCorpusDir);
  EXPECT_EQ(r.status, 2) << describe(r);
  EXPECT_EQ(split_lines(r.err).size(), 1u) << describe(r);
}

TEST(GolCommand, RunReportsTheSameCompileErrorsAsCheck) {
  fs::path file = invalid_example();
  std::string name = file.filename().string();
  RunResult check = run({gol_binary(), "check", name}, file.parent_path());
  RunResult run_result = run({gol_binary(), "run", name}, file.parent_path());
  EXPECT_EQ(check.status, 1) << describe(check);
  EXPECT_EQ(run_result.status, 1) << describe(run_result);
  EXPECT_FALSE(check.err.empty());
  EXPECT_EQ(run_result.err, check.err);
}

}  // namespace
