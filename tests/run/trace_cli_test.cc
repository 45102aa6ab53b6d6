// trace_cli_test.cc — runtime/trace end to end: a gol program traces itself
// into a file, which must parse as Chrome trace-event JSON (cli/trace_json.h)
// holding the program's goroutines, blocks with Go's wait reasons, a
// collection and per-P tracks; `gol trace FILE` must summarise it, and
// refuse what is not a trace. (The golden tests/run/trace/trace.gol checks
// what Go and gol share; this checks gol's format.)
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cli/trace_json.h"
#include "tests/support/subprocess.h"

namespace {

bool collector_off() {
  const char* off = std::getenv("GC_DONT_GC");
  return off != nullptr && *off != '\0';
}

namespace fs = std::filesystem;

const char kProgram[] = R"(package main

import (
	"os"
	"runtime"
	"runtime/trace"
)

func worker(in chan int, out chan int) {
	for v := range in {
		out <- v * 2
	}
	close(out)
}

func main() {
	f, err := os.Create("trace.json")
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	in, out := make(chan int), make(chan int)
	go worker(in, out)
	go func() {
		for i := 0; i < 50; i++ {
			in <- i
		}
		close(in)
	}()
	sum := 0
	for v := range out {
		sum += v
	}
	runtime.GC()
	trace.Stop()
	f.Close()
	println(sum)
}
)";

class TraceCli : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir_template[] = "/tmp/gol-trace-XXXXXX";
    m_dir = mkdtemp(dir_template);
    std::ofstream(m_dir / "prog.gol") << kProgram;
  }
  void TearDown() override { fs::remove_all(m_dir); }

  gol::test::RunResult gol(const std::vector<std::string>& args) {
    std::vector<std::string> argv{GOL_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return gol::test::run(argv, m_dir);
  }
  std::string read(const std::string& name) { return gol::test::read_file(m_dir / name); }

  fs::path m_dir;
};

TEST_F(TraceCli, TheProgramsTraceParsesWithItsEvents) {
  gol::test::RunResult r = gol({"run", "prog.gol"});
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  EXPECT_EQ(r.err, "2450\n");  // println writes to stderr
  const std::string text = read("trace.json");
  gol::cli::Json root;
  gol::cli::JsonParser parser(text);
  ASSERT_TRUE(parser.parse(&root)) << parser.error();
  int worker_slices = 0, creates = 0, chan_blocks = 0, gcs = 0, p_tracks = 0;
  for (const gol::cli::Json& e : root["traceEvents"].arr) {
    const std::string& name = e["name"].str;
    if (e["ph"].str == "X" && name.find(" main.worker") != std::string::npos) {
      worker_slices++;
      EXPECT_EQ(e["args"]["fn"].str, "main.worker");
    }
    if (name == "GoCreate" && (e["args"]["fn"].str == "main.worker" || e["args"]["fn"].str == "main.main.func1")) {
      creates++;
      EXPECT_EQ(e["args"]["parent"].number(), 1);
    }
    if (name == "GoBlock") {
      const std::string& reason = e["args"]["reason"].str;
      chan_blocks += reason == "chan receive" || reason == "chan send";
    }
    if (e["cat"].str == "gc") gcs++;
    // A track per P that ran something (which Ps did depends on scheduling).
    if (name == "thread_name" && e["args"]["name"].str.starts_with("P")) p_tracks++;
  }
  EXPECT_GE(worker_slices, 1);
  EXPECT_EQ(creates, 2);
  EXPECT_GE(chan_blocks, 1);
  // runtime.GC() collects, and is traced, except where the collector is off
  // (GC_DONT_GC=1 in the ThreadSanitizer run).
  if (!collector_off()) {
    EXPECT_GE(gcs, 1);
  }
  EXPECT_GE(p_tracks, 1);
}

TEST_F(TraceCli, GolTraceSummarisesGoroutinesAndPs) {
  ASSERT_EQ(gol({"run", "prog.gol"}).status, 0);
  gol::test::RunResult r = gol({"trace", "trace.json"});
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  EXPECT_NE(r.out.find("GOID"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("main.worker"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("main.main.func1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("chan "), std::string::npos) << "a block by reason\n" << r.out;
  EXPECT_NE(r.out.find("\nP0 "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(collector_off() ? "0 collections" : "1 collections"), std::string::npos) << r.out;
}

TEST_F(TraceCli, GolTraceRefusesWhatIsNotATrace) {
  std::ofstream(m_dir / "bad.json") << "{\"traceEvents\": [1, }";
  std::ofstream(m_dir / "other.json") << "{\"x\": 1}";
  gol::test::RunResult r = gol({"trace", "bad.json"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("not JSON"), std::string::npos) << r.err;
  r = gol({"trace", "other.json"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no traceEvents"), std::string::npos) << r.err;
  EXPECT_EQ(gol({"trace", "missing.json"}).status, 1);
  EXPECT_EQ(gol({"trace"}).status, 2);
}

}  // namespace
