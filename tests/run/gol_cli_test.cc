// gol_cli_test.cc — behaviour of `gol run` and `gol disasm` that the golden
// programs cannot pin down because Go's own output differs by design (Go's
// stack limit is 1 GB) or because there is no Go counterpart (the
// disassembler, what is not supported yet).
//
// Each test runs the gol binary as a subprocess on a program written to a
// temporary folder and matches its output (STYLE.md: crash behaviour is
// checked from outside, never with death tests).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

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

TEST(GolRunCli, GoroutinesAreRefusedAsNotYetSupported) {
  gol::test::RunResult r = gol("run", R"(package main

func main() {
	done := 0
	go func() { done++ }()
	println(done)
}
)");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.rfind("prog.gol:5:2: the go statement is not supported yet", 0), 0u) << r.err;
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
