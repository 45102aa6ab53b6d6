// pprof_cli_test.cc — runtime/pprof end to end: a gol program profiles
// itself into files; each must be a gzip stream, and where Go is installed
// `go tool pprof` must read it and name the program's hot functions (the
// CPU profile's hotLoop, the heap profile's allocating function, the
// goroutine profile's blocked worker). The debug=1 goroutine text is
// checked for Go's layout. (tests/run/pprof/*.gol check what Go and gol
// print alike: the debug=2 dump, the API's errors.)
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/support/subprocess.h"

namespace {

namespace fs = std::filesystem;

const char kGo[] = "/usr/lib/go-1.23/bin/go";

// Two goroutines burn about a second each in hotLoop (bounded by time, not
// iterations, so slow sanitizer builds take as long); then a heap profile
// after allocating 64 MiB in allocBig, and the goroutine profile with two
// workers blocked.
const char kProgram[] = R"(package main

import (
	"os"
	"runtime/pprof"
	"sync"
	"time"
)

func hotLoop(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i % 7
	}
	return s
}

func burn(wg *sync.WaitGroup, total *int) {
	defer wg.Done()
	start := time.Now()
	for time.Since(start) < time.Second {
		*total += hotLoop(100000)
	}
}

var keep [][]byte

func allocBig() {
	for i := 0; i < 1000; i++ {
		keep = append(keep, make([]byte, 64*1024))
	}
}

func worker(c chan int) {
	<-c
}

func create(name string) *os.File {
	f, err := os.Create(name)
	if err != nil {
		panic(err)
	}
	return f
}

func main() {
	f := create("cpu.prof")
	if err := pprof.StartCPUProfile(f); err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	var a, b int
	wg.Add(2)
	go burn(&wg, &a)
	go burn(&wg, &b)
	wg.Wait()
	pprof.StopCPUProfile()
	f.Close()

	allocBig()
	h := create("heap.prof")
	if err := pprof.WriteHeapProfile(h); err != nil {
		panic(err)
	}
	h.Close()

	c := make(chan int)
	go worker(c)
	go worker(c)
	time.Sleep(100 * time.Millisecond)
	g := create("goroutine.prof")
	pprof.Lookup("goroutine").WriteTo(g, 0)
	g.Close()
	pprof.Lookup("goroutine").WriteTo(os.Stdout, 1)
	println(a > 0, b > 0, len(keep))
}
)";

class PprofCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    char dir_template[] = "/tmp/gol-pprof-XXXXXX";
    s_dir = mkdtemp(dir_template);
    std::ofstream(s_dir / "prog.gol") << kProgram;
    s_run = gol::test::run({GOL_BINARY, "run", "prog.gol"}, s_dir, {}, 120);
  }
  static void TearDownTestSuite() { fs::remove_all(s_dir); }

  static std::string read(const std::string& name) {
    std::ifstream in(s_dir / name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static bool have_go() { return fs::exists(kGo); }
  // `go tool pprof ARGS FILE`'s output (stdout and stderr).
  static gol::test::RunResult pprof(std::vector<std::string> args, const std::string& file) {
    std::vector<std::string> argv{kGo, "tool", "pprof"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back(file);
    return gol::test::run(argv, s_dir, {"PPROF_TMPDIR=" + s_dir.string()}, 120);
  }

  static fs::path s_dir;
  static gol::test::RunResult s_run;
};

fs::path PprofCli::s_dir;
gol::test::RunResult PprofCli::s_run;

bool is_gzip(const std::string& data) {
  return data.size() > 18 && static_cast<unsigned char>(data[0]) == 0x1f && static_cast<unsigned char>(data[1]) == 0x8b;
}

TEST_F(PprofCli, TheProgramRuns) {
  ASSERT_EQ(s_run.status, 0) << gol::test::describe(s_run);
  EXPECT_EQ(s_run.err, "true true 1000\n");  // println writes to stderr
}

TEST_F(PprofCli, ProfilesAreGzipped) {
  for (const char* name : {"cpu.prof", "heap.prof", "goroutine.prof"}) {
    EXPECT_TRUE(is_gzip(read(name))) << name << " is not gzip (" << read(name).size() << " bytes)";
  }
}

TEST_F(PprofCli, GoroutineTextHasGosLayout) {
  const std::string& out = s_run.out;
  // Goroutine 1 and the two workers (the burners have ended).
  EXPECT_EQ(out.rfind("goroutine profile: total 3\n", 0), 0u) << out;
  // The workers share one stack: one record with count 2, listed first.
  EXPECT_NE(out.find("\n2 @ 0x"), std::string::npos) << out;
  EXPECT_NE(out.find("#\t0x"), std::string::npos) << out;
  EXPECT_NE(out.find("\tmain.worker+0x"), std::string::npos) << out;
  EXPECT_NE(out.find("prog.gol:35\n"), std::string::npos) << "worker's line\n" << out;
  EXPECT_NE(out.find("\tmain.main+0x"), std::string::npos) << out;
}

TEST_F(PprofCli, GoToolPprofNamesTheHotFunction) {
  if (!have_go()) GTEST_SKIP() << "Go is not installed at " << kGo;
  gol::test::RunResult r = pprof({"-top"}, "cpu.prof");
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  EXPECT_NE(r.out.find("Type: cpu"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("main.hotLoop"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("main.burn"), std::string::npos) << r.out;
  // hotLoop is where the time goes: it heads the flat list.
  const size_t first_row = r.out.find("flat%");
  ASSERT_NE(first_row, std::string::npos) << r.out;
  const size_t line_end = r.out.find('\n', r.out.find('\n', first_row) + 1);
  EXPECT_NE(r.out.substr(first_row, line_end - first_row).find("main.hotLoop"), std::string::npos) << r.out;
}

TEST_F(PprofCli, GoToolPprofReadsTheHeapProfile) {
  if (!have_go()) GTEST_SKIP() << "Go is not installed at " << kGo;
  for (const char* index : {"alloc_space", "inuse_space", "alloc_objects"}) {
    gol::test::RunResult r = pprof({std::string("-sample_index=") + index, "-top"}, "heap.prof");
    ASSERT_EQ(r.status, 0) << gol::test::describe(r);
    EXPECT_NE(r.out.find(std::string("Type: ") + index), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("main.allocBig"), std::string::npos) << index << "\n" << r.out;
  }
}

TEST_F(PprofCli, GoToolPprofReadsTheGoroutineProfile) {
  if (!have_go()) GTEST_SKIP() << "Go is not installed at " << kGo;
  gol::test::RunResult r = pprof({"-top"}, "goroutine.prof");
  ASSERT_EQ(r.status, 0) << gol::test::describe(r);
  EXPECT_NE(r.out.find("Type: goroutine"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("main.worker"), std::string::npos) << r.out;
}

}  // namespace
