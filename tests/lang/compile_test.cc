// compile_test.cc — the compiler's own decisions, checked on its internals
// (escape analysis, what is refused, what a function's code looks like).
// Whole-program behaviour is the golden programs' job (tests/run/).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "lang/check.h"
#include "lang/compile.h"
#include "lang/compile_impl.h"
#include "lang/parse.h"
#include "lang/scope.h"
#include "stdlib/natives.h"
#include "stdlib/stdlib.h"
#include "vm/interp.h"
#include "vm/runtime.h"

namespace gol::lang {
namespace {

struct Checked {
  SourceSet sources;
  Arena arena;
  Diagnostics diags;
  Package* pkg = nullptr;
};

std::unique_ptr<Checked> check_source(const std::string& src) {
  vm::runtime_init();
  auto c = std::make_unique<Checked>();
  int32_t id = c->sources.add("t.gol", src);
  File* f = parse_file(c->sources, id, c->arena, c->diags);
  PackageRegistry registry;
  stdlib::register_packages(registry);
  c->pkg = check_package(c->sources, c->arena, {f}, registry, c->diags);
  EXPECT_TRUE(c->diags.empty());
  return c;
}

FuncDecl* func_decl(const Checked& c, const std::string& name) {
  Object* obj = c.pkg->scope->lookup(name);
  return obj != nullptr && obj->is<Func>() ? obj->as<Func>()->decl : nullptr;
}

std::vector<std::string> cell_names(const EscapeInfo& info) {
  std::vector<std::string> names;
  for (const Var* v : info.in_cell) names.push_back(v->name);
  std::sort(names.begin(), names.end());
  return names;
}

TEST(CompileEscape, CapturedAndAddressTakenVariablesLiveInCells) {
  auto c = check_source(R"(package main

func f(p int) func() int {
	a, b, c := 1, 2, 3
	q := &b
	var arr [4]int
	i := 2
	arr[i] = c
	_ = q
	return func() int { return a + p }
}

func main() { f(1)() }
)");
  FuncDecl* f = func_decl(*c, "f");
  ASSERT_NE(f, nullptr);
  EscapeInfo info = analyze_escapes(f, f->sig, f->body);
  // a and p are captured, b's address is taken, arr is indexed by a
  // computed index; c, i and q stay in registers.
  EXPECT_EQ(cell_names(info), (std::vector<std::string>{"a", "arr", "b", "p"}));
  ASSERT_EQ(info.free_vars.size(), 1u);
  const auto& free = info.free_vars.begin()->second;
  ASSERT_EQ(free.size(), 2u);
  EXPECT_EQ(free[0]->name, "a");  // first-use order: the CLOSURE operand order
  EXPECT_EQ(free[1]->name, "p");
}

TEST(CompileEscape, NestedLiteralsPassCapturesThrough) {
  auto c = check_source(R"(package main

func f() func() func() int {
	x := 1
	return func() func() int {
		return func() int { return x }
	}
}

func main() { f()()() }
)");
  FuncDecl* f = func_decl(*c, "f");
  EscapeInfo info = analyze_escapes(f, f->sig, f->body);
  EXPECT_EQ(cell_names(info), (std::vector<std::string>{"x"}));
  // Both the outer and the inner literal capture x.
  ASSERT_EQ(info.free_vars.size(), 2u);
  for (const auto& [lit, vars] : info.free_vars) {
    ASSERT_EQ(vars.size(), 1u);
    EXPECT_EQ(vars[0]->name, "x");
  }
}

TEST(CompileEscape, FunctionsWithDeferAreMarked) {
  auto c = check_source(R"(package main

func f() { defer println() }
func g() { func() { defer println() }() }

func main() { f(); g() }
)");
  FuncDecl* f = func_decl(*c, "f");
  FuncDecl* g = func_decl(*c, "g");
  EXPECT_EQ(analyze_escapes(f, f->sig, f->body).defers.count(f), 1u);
  // g's literal defers; g itself does not.
  EscapeInfo gi = analyze_escapes(g, g->sig, g->body);
  EXPECT_EQ(gi.defers.count(g), 0u);
  EXPECT_EQ(gi.defers.size(), 1u);
}

// A select evaluates its operands once, then one SELECT lists every case in
// source order (send cases flagged), and the chosen index picks the body.
TEST(Compile, SelectIsOneInstructionListingItsCases) {
  auto c = check_source(R"(package main

func main() {
	a := make(chan int, 1)
	b := make(chan string)
	select {
	case a <- 1:
	case s, ok := <-b:
		println(s, ok)
	default:
	}
	close(a)
	for v := range a {
		println(v)
	}
}
)");
  vm::NativeRegistry natives;
  stdlib::register_natives(natives);
  CompileError error;
  auto program = compile_program(c->sources, c->pkg, natives, &error);
  ASSERT_NE(program, nullptr) << error.message;
  const std::string text = vm::disassemble(*program);
  EXPECT_NE(text.find("MAKECHAN"), std::string::npos) << text;
  const size_t sel = text.find("SELECT");
  ASSERT_NE(sel, std::string::npos) << text;
  EXPECT_EQ(text.find("SELECT", sel + 1), std::string::npos) << "one SELECT\n" << text;
  const std::string line = text.substr(sel, text.find('\n', sel) - sel);
  EXPECT_NE(line.find("2 cases default"), std::string::npos) << line;
  EXPECT_LT(line.find(" <- "), line.find(" = <-")) << "the send case comes first: " << line;
  EXPECT_NE(text.find("CLOSE"), std::string::npos) << text;
  EXPECT_NE(text.find("RECV2"), std::string::npos) << "range over a channel" << text;
}

TEST(Compile, OnlyReachableFunctionsAreCompiled) {
  auto c = check_source(R"(package main

import "strings"

func unused() { println(strings.Repeat("x", 3)) }

func main() { println(strings.ToUpper("a")) }
)");
  vm::NativeRegistry natives;
  stdlib::register_natives(natives);
  CompileError error;
  auto program = compile_program(c->sources, c->pkg, natives, &error);
  ASSERT_NE(program, nullptr) << error.message;
  auto has = [&](const std::string& name) {
    return std::any_of(program->protos.begin(), program->protos.end(),
                       [&](const vm::Proto* p) { return p->name == name; });
  };
  EXPECT_TRUE(has("main.main"));
  EXPECT_FALSE(has("main.unused"));
  EXPECT_FALSE(has("strings.Repeat"));
  // strings.ToUpper is native: a call, not a proto.
  EXPECT_TRUE(std::any_of(program->natives.begin(), program->natives.end(),
                          [](const vm::NativeEntry& n) { return n.name == "strings.ToUpper" && n.fn != nullptr; }));
}

}  // namespace
}  // namespace gol::lang
