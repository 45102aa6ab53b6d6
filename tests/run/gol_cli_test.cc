// gol_cli_test.cc — behaviour of `gol run` and `gol disasm` that the golden
// programs cannot pin down because Go's own output differs by design (Go's
// stack limit is 1 GB) or because there is no Go counterpart (the
// disassembler, what is not supported yet).
//
// Each test runs the gol binary as a subprocess on a program written to a
// temporary folder and matches its output (STYLE.md: crash behaviour is
// checked from outside, never with death tests).
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "tests/support/subprocess.h"

namespace {

namespace fs = std::filesystem;

// Writes `source` as prog.gol in a fresh folder and runs `gol <command> prog.gol` there.
gol::test::RunResult gol(const std::string& command, const std::string& source) {
  char dir_template[] = "/tmp/gol-cli-XXXXXX";
  const fs::path dir = mkdtemp(dir_template);
  std::ofstream(dir / "prog.gol") << source;
  gol::test::RunResult r = gol::test::run({GOL_BINARY, command, "prog.gol"}, dir);
  fs::remove_all(dir);
  return r;
}

TEST(GolRunCli, UnboundedRecursionIsAStackOverflowReport) {
  gol::test::RunResult r = gol("run", R"(package main

func down(n int) int {
	return down(n+1) + 1
}

func main() {
	println(down(0))
}
)");
  EXPECT_EQ(r.status, 2) << r.err;
  // The report comes first: nothing (such as the collector's warnings about
  // the large stack it allocated) precedes it.
  EXPECT_TRUE(r.err.starts_with("runtime: goroutine stack exceeds 268435456-byte limit\nfatal error: stack overflow\n"))
      << r.err;
  EXPECT_NE(r.err.find("fatal error: stack overflow"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("goroutine 1 [running]:\nmain.down(...)\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" frames elided...\n"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(GolRunCli, DeepRecursionWithinTheLimitRuns) {
  gol::test::RunResult r = gol("run", R"(package main

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return depth(n-1) + 1
}

func main() {
	println(depth(1000000))
}
)");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "1000000\n");
}

// ---- the scheduler's environment and the runtime package: no Go counterpart
// prints the same (Go names itself, and its thread counts differ).

const char kProcsProgram[] = R"(package main

import (
	"fmt"
	"runtime"
)

func spin(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i % 7
	}
	return s
}

func main() {
	fmt.Println(runtime.GOMAXPROCS(0), runtime.Version(), runtime.Compiler)
	// Some run time for schedtrace, without goroutines sharing variables
	// (the ThreadSanitizer build runs this too, and gol has no sync yet).
	spin(30000000)
}
)";

gol::test::RunResult gol_env(const std::vector<std::string>& env, const std::string& source) {
  char dir_template[] = "/tmp/gol-cli-XXXXXX";
  const fs::path dir = mkdtemp(dir_template);
  std::ofstream(dir / "prog.gol") << source;
  gol::test::RunResult r = gol::test::run({GOL_BINARY, "run", "prog.gol"}, dir, env);
  fs::remove_all(dir);
  return r;
}

TEST(GolRunCli, GomaxprocsComesFromTheEnvironment) {
  gol::test::RunResult r = gol_env({"GOMAXPROCS=3"}, kProcsProgram);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "3 gol" GOL_VERSION_FOR_TESTS " gol\n");
  // Go ignores a value that is not a positive integer: the CPU count then.
  r = gol_env({"GOMAXPROCS=zero"}, kProcsProgram);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(r.out.starts_with("0 ")) << r.out;
}

TEST(GolRunCli, SchedtracePrintsGoStyleLines) {
  gol::test::RunResult r = gol_env({"GOMAXPROCS=2", "GOLDEBUG=schedtrace=10"}, kProcsProgram);
  EXPECT_EQ(r.status, 0) << r.err;
  // At least the first line (at start-up), in Go's form.
  EXPECT_TRUE(r.err.starts_with("SCHED ")) << r.err;
  EXPECT_NE(r.err.find("ms: gomaxprocs=2 idleprocs="), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" runqueue="), std::string::npos) << r.err;
  r = gol_env({"GOMAXPROCS=2", "GOLDEBUG=schedtrace=10,scheddetail=1"}, kProcsProgram);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("\n  P0: status="), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\n  M0: p="), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("\n  G1: status="), std::string::npos) << r.err;
}

// WaitGroup.Go is Go 1.25's, newer than the Go that writes the golden
// expectations (1.23), so it is checked here.
TEST(GolRunCli, WaitGroupGoRunsAndJoinsEachFunction) {
  gol::test::RunResult r = gol("run", R"(package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var sum atomic.Int64
	for i := 1; i <= 100; i++ {
		wg.Go(func() { sum.Add(int64(i)) })
	}
	wg.Wait()
	fmt.Println(sum.Load())
}
)");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "5050\n");
}

// Without signal.Notify, SIGINT, SIGTERM and SIGHUP end a Go program by the
// signal itself (the shell sees 128+n), after what it printed; the golden
// harness compares exit statuses only, so these are checked here.
TEST(GolRunCli, TerminatingSignalsWithoutNotifyKillTheProgram) {
  const std::string program = R"(package main

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func main() {
	fmt.Println("before")
	syscall.Kill(os.Getpid(), syscall.SIGNAL)
	time.Sleep(10 * time.Second)
	fmt.Println("not reached")
}
)";
  for (const auto& [name, number] : {std::pair<std::string, int>{"SIGTERM", SIGTERM}, {"SIGINT", SIGINT}, {"SIGHUP", SIGHUP}}) {
    std::string source = program;
    source.replace(source.find("SIGNAL"), 6, name);
    gol::test::RunResult r = gol("run", source);
    EXPECT_EQ(r.signal, number) << name << "\n" << r.err;
    EXPECT_EQ(r.out, "before\n") << name;
    EXPECT_EQ(r.err, "") << name;
  }
}

TEST(GolRunCli, GoOfANilFuncIsAFatalError) {
  gol::test::RunResult r = gol("run", R"(package main

func main() {
	var f func()
	go f()
}
)");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_TRUE(r.err.starts_with("fatal error: go of nil func value\n\ngoroutine 1 [running]:\nmain.main()\n")) << r.err;
}

// bufio.Scanner and bufio.Reader on os.Stdin read what a pipe gives them
// (the goldens run with stdin from /dev/null): lines, then words.
TEST(GolRunCli, ScannerReadsStandardInput) {
  char dir_template[] = "/tmp/gol-cli-XXXXXX";
  const fs::path dir = mkdtemp(dir_template);
  std::ofstream(dir / "prog.gol") << R"(package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	r := bufio.NewReader(os.Stdin)
	first, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", first, err)
	sc := bufio.NewScanner(r)
	lines, words := 0, 0
	for sc.Scan() {
		lines++
		words += len(strings.Fields(sc.Text()))
	}
	fmt.Println(lines, words, sc.Err())
}
)";
  std::ofstream(dir / "input.txt") << "header line\none two\nthree\n\nfour five six\nlast without newline";
  gol::test::RunResult r = gol::test::run({"/bin/sh", "-c", std::string(GOL_BINARY) + " run prog.gol < input.txt"}, dir);
  fs::remove_all(dir);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "\"header line\\n\" <nil>\n5 9 <nil>\n");
}

TEST(GolDisasm, PrintsEachFunctionWithTypedInstructions) {
  gol::test::RunResult r = gol("disasm", R"(package main

func add8(a, b int8) int8 { return a + b }

func main() {
	s := 0
	for i := 0; i < 10; i++ {
		s += i
	}
	println(s, add8(100, 100))
}
)");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("func main.main"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("func main.add8  params=2 results=1"), std::string::npos) << r.out;
  // int8 addition wraps: ADD, then sign-extension from 8 bits.
  EXPECT_NE(r.out.find("ADD "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("SEXT8"), std::string::npos) << r.out;
  // The counting loop is one fused back-edge.
  EXPECT_NE(r.out.find("FORLOOP"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("CALL "), std::string::npos) << r.out;
}

TEST(GolRunCli, Int8AdditionWrapsAtRunTime) {
  gol::test::RunResult r = gol("run", R"(package main

func add8(a, b int8) int8 { return a + b }

func main() {
	println(add8(100, 100))
}
)");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "-56\n");
}

}  // namespace
