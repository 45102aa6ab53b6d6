// compile_session_test.cc — the compiler's REPL mode (lang/session.h):
// generations compiled into one Program, linked to the earlier ones by name.
//
// Each test checks whole-session sources generation by generation, as the
// REPL does (CheckOptions::repl), compiles them with one SessionLinker and
// runs each generation's entry on the single-goroutine interpreter
// (interp::run_with), reading what `println` writes (standard error). The
// scheduler-backed runtime (vm/session.h) is not needed for what is tested
// here: linking, once-only initialisation, type identity, method tables.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "lang/check.h"
#include "lang/parse.h"
#include "lang/scope.h"
#include "lang/session.h"
#include "stdlib/natives.h"
#include "stdlib/stdlib.h"
#include "vm/interp.h"
#include "vm/interp_impl.h"
#include "vm/runtime.h"

namespace gol::lang {
namespace {

// One generation's front-end objects; kept alive for the whole test.
struct Generation {
  SourceSet sources;
  Arena arena;
  Diagnostics diags;
  Package* pkg = nullptr;
};

class Session {
 public:
  Session() {
    vm::runtime_init();
    stdlib::register_natives(m_natives);
    stdlib::register_packages(m_registry);
    m_linker = std::make_unique<SessionLinker>(m_natives);
  }

  // Checks `src` (a whole package main) and compiles it with `input` as
  // the input function. Returns false with the message on a compile error.
  bool compile(const std::string& src, const std::string& input, uint32_t* entry, std::string* error = nullptr) {
    auto g = std::make_unique<Generation>();
    int32_t id = g->sources.add("<input>", src);
    File* f = parse_file(g->sources, id, g->arena, g->diags);
    CheckOptions options;
    options.repl = true;
    g->pkg = check_package(g->sources, g->arena, {f}, m_registry, g->diags, options);
    for (const Diagnostic& d : g->diags.sorted()) ADD_FAILURE() << d.message;
    Object* obj = g->pkg->scope->lookup(input);
    const Func* fn = obj != nullptr ? obj->as<Func>() : nullptr;
    EXPECT_NE(fn, nullptr);
    CompileError err;
    bool ok = m_linker->compile(g->sources, g->pkg, fn, entry, &err);
    if (!ok && error != nullptr) *error = err.message;
    m_generations.push_back(std::move(g));
    return ok;
  }

  // Compiles and runs one generation; returns what it printed.
  std::string eval(const std::string& src, const std::string& input = "main") {
    uint32_t entry = 0;
    std::string error;
    if (!compile(src, input, &entry, &error)) {
      ADD_FAILURE() << "compile: " << error;
      return "";
    }
    return run(entry);
  }

  std::string run(uint32_t entry) {
    vm::Program& program = m_linker->program();
    program.entry = entry;
    vm::out_flush();
    std::FILE* tmp = std::tmpfile();
    int saved = dup(2);
    dup2(fileno(tmp), 2);
    vm::ExecContext cx;
    int status = vm::interp::run_with(program, cx, vm::interp::execute);
    vm::out_flush();
    dup2(saved, 2);
    close(saved);
    EXPECT_EQ(status, 0);
    std::string text;
    std::rewind(tmp);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, tmp)) > 0) text.append(buf, n);
    std::fclose(tmp);
    return text;
  }

  SessionLinker& linker() { return *m_linker; }
  vm::Program& program() { return m_linker->program(); }

  size_t protos_named(const std::string& name) {
    size_t n = 0;
    for (const vm::Proto* p : program().protos) n += p->name == name;
    return n;
  }

  // The distinct run-time types named `name` in the program's type table.
  std::set<const vm::Type*> types_named(const std::string& name) {
    std::set<const vm::Type*> out;
    for (const vm::Type* t : program().types) {
      if (t->name == name) out.insert(t);
    }
    return out;
  }

 private:
  vm::NativeRegistry m_natives;
  PackageRegistry m_registry;
  std::unique_ptr<SessionLinker> m_linker;
  std::vector<std::unique_ptr<Generation>> m_generations;
};

const char* const kCounted = R"(package main

var calls int

func f() int {
	calls++
	return 42
}

var x = f()
)";

TEST(CompileSession, VariableKeepsItsValueAndIsInitialisedOnce) {
  Session s;
  EXPECT_EQ(s.eval(std::string(kCounted) + "func main() { x++; println(x, calls) }\n"), "43 1\n");
  EXPECT_EQ(s.eval(std::string(kCounted) + "func main() { x += 10; println(x, calls) }\n"), "53 1\n");
  // A redeclared f is what later inputs call; x is still not initialised again.
  EXPECT_EQ(s.eval(R"(package main

var calls int

func f() int {
	calls += 100
	return 7
}

var x = f()

func main() { println(x, calls, f()) }
)"),
            "53 1 7\n");
}

TEST(CompileSession, InputIsNamedMainMain) {
  Session s;
  EXPECT_EQ(s.eval("package main\n\nfunc main() {}\n\nfunc input() { g := func() { println(1) }; g() }\n", "input"),
            "1\n");
  EXPECT_EQ(s.protos_named("main.input"), 0u);
  EXPECT_EQ(s.protos_named("main.main"), 1u);
  EXPECT_EQ(s.protos_named("main.main.func1"), 1u);
}

TEST(CompileSession, VariableWhoseTypeChangedGetsNewSlots) {
  Session s;
  EXPECT_EQ(s.eval("package main\n\nvar v = 5\n\nfunc main() { v++; println(v) }\n"), "6\n");
  // Same name, another type: a new variable, initialised.
  EXPECT_EQ(s.eval("package main\n\nvar v = \"s\"\n\nfunc main() { println(v) }\n"), "s\n");
  EXPECT_EQ(s.eval("package main\n\nvar v = 5\n\nfunc main() { println(v) }\n"), "6\n");
}

TEST(CompileSession, StandardPackagesAreInitialisedAndCompiledOnce) {
  Session s;
  const std::string decls = "package main\n\nimport \"io\"\n\nvar saved = io.EOF\n\n";
  EXPECT_EQ(s.eval(decls + "func main() { println(saved == io.EOF) }\n"), "true\n");
  const size_t protos = s.program().protos.size();
  const uint32_t globals = s.program().global_slots;
  // io.EOF is the same variable (the same error value) in the next
  // generation: io is not initialised again, nor its functions recompiled.
  EXPECT_EQ(s.eval(decls + "func main() { println(saved == io.EOF) }\n"), "true\n");
  EXPECT_EQ(s.protos_named("io.init"), 1u);
  EXPECT_EQ(s.protos_named("errors.New"), 1u);
  EXPECT_EQ(s.program().global_slots, globals);
  EXPECT_LT(s.program().protos.size(), protos + 4);  // runtime.main, main.main; no package init
}

TEST(CompileSession, NamedTypeKeptWhileItsDeclarationIsUnchanged) {
  Session s;
  const std::string decls = "package main\n\ntype P struct{ a int }\n\nvar v interface{} = P{1}\n\n";
  EXPECT_EQ(s.eval(decls + "func main() { _, ok := v.(P); println(ok) }\n"), "true\n");
  EXPECT_EQ(s.eval(decls + "func main() { p, ok := v.(P); println(ok, p.a) }\n"), "true 1\n");
  EXPECT_EQ(s.types_named("main.P").size(), 1u);
  // A changed declaration is a new type: the value made earlier keeps the old one.
  EXPECT_EQ(s.eval("package main\n\ntype P struct{ a, b int }\n\nvar v interface{} = P{1, 2}\n\n"
                   "func main() { _, ok := v.(P); println(ok) }\n"),
            "false\n");
  EXPECT_EQ(s.types_named("main.P").size(), 2u);
}

TEST(CompileSession, TypeReferringToAChangedTypeIsNew) {
  Session s;
  EXPECT_EQ(s.eval("package main\n\ntype B int\n\ntype A struct{ b B }\n\nvar v interface{} = A{}\n\n"
                   "func main() { _, ok := v.(A); println(ok) }\n"),
            "true\n");
  // A's text is unchanged but its field's type is not: A is new too.
  EXPECT_EQ(s.eval("package main\n\ntype B string\n\ntype A struct{ b B }\n\nvar v interface{} = A{}\n\n"
                   "func main() { _, ok := v.(A); println(ok) }\n"),
            "false\n");
  EXPECT_EQ(s.types_named("main.A").size(), 2u);
}

TEST(CompileSession, RecursiveTypeIsKept) {
  Session s;
  const std::string decls =
      "package main\n\ntype List struct {\n\tnext *List\n\tn    int\n}\n\nvar l = &List{&List{nil, 2}, 1}\n\n"
      "var v interface{} = l\n\n";
  EXPECT_EQ(s.eval(decls + "func main() { println(l.next.n) }\n"), "2\n");
  EXPECT_EQ(s.eval(decls + "func main() { p, ok := v.(*List); println(ok, p.next.n) }\n"), "true 2\n");
  EXPECT_EQ(s.types_named("main.List").size(), 1u);
}

TEST(CompileSession, RedeclaredMethodIsWhatInterfaceCallsReach) {
  Session s;
  auto src = [](const std::string& body) {
    return "package main\n\ntype T int\n\nfunc (t T) M() int { return " + body +
           " }\n\ntype I interface{ M() int }\n\nvar v I = T(3)\n\nfunc main() { println(v.M()) }\n";
  };
  EXPECT_EQ(s.eval(src("int(t) * 1")), "3\n");
  EXPECT_EQ(s.eval(src("int(t) * 10")), "30\n");
  EXPECT_EQ(s.types_named("main.T").size(), 1u);
  // Adding a method changes T's method set: a new type (v keeps the old one).
  EXPECT_EQ(s.eval("package main\n\ntype T int\n\nfunc (t T) M() int { return 5 }\n\nfunc (T) N() {}\n\n"
                   "type I interface{ M() int }\n\nvar v I = T(3)\n\n"
                   "func main() { _, ok := v.(T); println(v.M(), ok) }\n"),
            "30 false\n");
}

TEST(CompileSession, InitFunctionsRunOnce) {
  Session s;
  const std::string decls = "package main\n\nfunc init() { println(\"init\") }\n\n";
  EXPECT_EQ(s.eval(decls + "func main() { println(1) }\n"), "init\n1\n");
  EXPECT_EQ(s.eval(decls + "func main() { println(2) }\n"), "2\n");
  // A second init (another text) declared later runs once, the first not again.
  EXPECT_EQ(s.eval(decls + "func init() { println(\"two\") }\n\nfunc main() { println(3) }\n"), "two\n3\n");
}

TEST(CompileSession, FailedGenerationLeavesTheSessionUsable) {
  Session s;
  EXPECT_EQ(s.eval(std::string(kCounted) + "func main() { x++; println(x, calls) }\n"), "43 1\n");
  const uint32_t globals = s.program().global_slots;
  uint32_t entry = 0;
  std::string error;
  // More global slots than the session has.
  EXPECT_FALSE(s.compile(std::string(kCounted) + "var big [1 << 17]int\n\nvar y = f()\n\n"
                                                 "func main() { big[0] = y }\n",
                         "main", &entry, &error));
  EXPECT_EQ(error, "too many global variables in the session");
  EXPECT_EQ(s.program().global_slots, globals);
  // y was not committed: it is new (and initialised) in the next generation;
  // x still links to the first generation's variable.
  EXPECT_EQ(s.eval(std::string(kCounted) + "var y = f()\n\nfunc main() { println(x, y, calls) }\n"), "43 42 2\n");
}

TEST(CompileSession, ResetForgetsVariablesTypesAndPackages) {
  Session s;
  const std::string decls = "package main\n\nimport \"io\"\n\nvar e = io.EOF\n" + std::string(kCounted).substr(13);
  EXPECT_EQ(s.eval(decls + "func main() { x++; println(x, calls, e == io.EOF) }\n"), "43 1 true\n");
  s.linker().reset();
  EXPECT_EQ(s.eval(decls + "func main() { println(x, calls, e == io.EOF) }\n"), "42 1 true\n");
  EXPECT_EQ(s.protos_named("io.init"), 2u);
}

}  // namespace
}  // namespace gol::lang
