// check_repl_test.cc — CheckOptions::repl: a REPL session keeps every
// declaration, so unused variables and imports are not errors there; every
// other diagnostic is unchanged.
#include <gtest/gtest.h>

#include <string>

#include "lang/check.h"
#include "lang/parse.h"
#include "stdlib/stdlib.h"

namespace gol::lang {
namespace {

// The diagnostics of checking `src`, "line:col: message" per line.
std::string errors(const std::string& src, bool repl) {
  SourceSet sources;
  Arena arena;
  Diagnostics diags;
  int32_t id = sources.add("t.gol", src);
  File* f = parse_file(sources, id, arena, diags);
  EXPECT_TRUE(diags.empty());
  PackageRegistry registry;
  stdlib::register_packages(registry);
  CheckOptions options;
  options.repl = repl;
  check_package(sources, arena, {f}, registry, diags, options);
  std::string out;
  for (const Diagnostic& d : diags.sorted()) {
    if (d.pos.valid()) out += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": ";
    out += d.message + "\n";
  }
  return out;
}

const char* const kUnused = R"(package main

import (
	"fmt"
	str "strings"
)

func main() {
	x := 1
	var y int
	var i interface{} = 2
	switch v := i.(type) {
	case int:
	}
	if z := 3; true {
	}
}
)";

TEST(CheckRepl, UnusedVariablesAndImportsAreReportedInPrograms) {
  EXPECT_EQ(errors(kUnused, false),
            "4:2: \"fmt\" imported and not used\n"
            "5:2: \"strings\" imported as str and not used\n"
            "9:2: declared and not used: x\n"
            "10:6: declared and not used: y\n"
            "12:9: v declared and not used\n"
            "15:5: declared and not used: z\n");
}

TEST(CheckRepl, UnusedVariablesAndImportsAreNotErrorsInTheRepl) {
  EXPECT_EQ(errors(kUnused, true), "");
  // The old signature is the default options.
  SourceSet sources;
  Arena arena;
  Diagnostics diags;
  File* f = parse_file(sources, sources.add("t.gol", kUnused), arena, diags);
  PackageRegistry registry;
  stdlib::register_packages(registry);
  check_package(sources, arena, {f}, registry, diags);
  EXPECT_EQ(diags.count(), 6u);
}

TEST(CheckRepl, NoMainIsNeeded) {
  const char* src = "package main\n\nfunc input() {}\n";
  EXPECT_EQ(errors(src, false), "function main is undeclared in the main package\n");
  EXPECT_EQ(errors(src, true), "");
}

TEST(CheckRepl, OtherErrorsAreUnchanged) {
  const char* src = R"(package main

import "fmt"

func main() {
	x := 1
	var s string = x
	undefined()
	fmt.Printn()
}
)";
  EXPECT_EQ(errors(src, true),
            "7:17: cannot use x (variable of type int) as string value in variable declaration\n"
            "8:2: undefined: undefined\n"
            "9:6: undefined: fmt.Printn\n");
  EXPECT_EQ(errors(src, false),
            "7:6: declared and not used: s\n"
            "7:17: cannot use x (variable of type int) as string value in variable declaration\n"
            "8:2: undefined: undefined\n"
            "9:6: undefined: fmt.Printn\n");
}

}  // namespace
}  // namespace gol::lang
