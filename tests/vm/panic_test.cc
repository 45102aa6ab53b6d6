// panic_test.cc — defer, panic and recover on hand-assembled programs, and
// the report of an unrecovered panic (Go's text, exit status 2). Every
// program runs through both builds of the loop.
#include <gtest/gtest.h>

#include <string>

#include "tests/vm/asm.h"

namespace gol::vm::test {
namespace {

class PanicTest : public ::testing::TestWithParam<interp::ExecuteFn> {
 protected:
  int run_it(Program& p) { return run(p, GetParam()); }
  // Runs and returns stderr; the status goes to *status.
  std::string run_capture(Program& p, int* status) {
    return capture_stderr([&] { *status = run(p, GetParam()); });
  }
};

INSTANTIATE_TEST_SUITE_P(Dispatch, PanicTest, ::testing::Values(interp::execute, interp::execute_portable),
                         [](const auto& info) { return info.index == 0 ? "threaded" : "portable"; });

const Type* int_type() { return TypeTable::get().basic(Kind::Int); }
const Type* string_type() { return TypeTable::get().basic(Kind::String); }

std::string global_string(const Program& p, uint32_t at) {
  return std::string(static_cast<const char*>(p.globals[at].cp), static_cast<size_t>(p.globals[at + 1].i));
}

// main.d(digit): G0 = G0*10 + digit
uint32_t add_digit_appender(Program& p) {
  Asm d(p, "main.d", 1, 0, 3);
  d.op_bc(Op::GGET, 1, 0);
  d.op_s(Op::MULI, 1, 1, 10);
  d.op(Op::ADD, 1, 1, 0);
  d.op_bc(Op::GSET, 1, 0);
  d.op(Op::RET, 0, 0);
  return d.index();
}

TEST_P(PanicTest, DeferredCallsRunLastInFirstOut) {
  Program p;
  p.global_slots = 1;
  Asm m(p, "main.main", 0, 0, 4);
  uint32_t d = add_digit_appender(p);
  m.op_bc(Op::LOADFN, 0, d);
  for (int digit = 1; digit <= 3; ++digit) {
    m.loadi(1, digit);
    m.op(Op::DEFER, 1, 1, 0);  // args r1 (1 slot), fn r0 — copied now
  }
  m.loadi(1, 9);  // changing r1 later does not change the recorded args
  m.op(Op::RUNDEFER);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 321);
}

// f() int { defer rec(); panic(42) } with recovery epilogue returning 7;
// rec stores recover()'s value in G0, G1.
TEST_P(PanicTest, RecoverReturnsThePanicValue) {
  Program p;
  p.global_slots = 3;
  Asm m(p, "main.main", 0, 0, 4);
  Asm f(p, "main.f", 0, 1, 6);
  Asm rec(p, "main.f.func1", 0, 0, 4);
  rec.op(Op::RECOVER, 0);
  rec.op_bc(Op::GSET, 0, 0);
  rec.op_bc(Op::GSET, 1, 1);
  rec.op(Op::RET, 0, 0);
  uint32_t t_int = f.type(int_type());
  f.op_bc(Op::LOADFN, 0, rec.index());
  f.op(Op::DEFER, 1, 0, 0);
  f.loadi(1, 42);
  f.op(Op::IFACE, 2, 1, t_int);
  f.op(Op::PANIC, 2);
  f.op(Op::RET, 0, 0);  // not reached
  f.recover_here();
  f.op(Op::RUNDEFER);
  f.loadi(0, 7);
  f.op(Op::RET, 0, 1);
  m.op_bc(Op::CALL, 0, f.index());
  m.op_bc(Op::GSET, 0, 2);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].cp, int_type());
  EXPECT_EQ(p.globals[1].i, 42);
  EXPECT_EQ(p.globals[2].i, 7);
}

TEST_P(PanicTest, RecoverOutsideDeferredCallIsNil) {
  Program p;
  p.global_slots = 2;
  Asm m(p, "main.main", 0, 0, 4);
  m.loadi(0, 5);
  m.loadi(1, 6);
  m.op(Op::RECOVER, 0);
  m.op_bc(Op::GSET, 0, 0);
  m.op_bc(Op::GSET, 1, 1);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].p, nullptr);
  EXPECT_EQ(p.globals[1].p, nullptr);
}

// recover() in a function called BY the deferred function does not stop
// the panic (Go: recover must be called directly by the deferred call).
TEST_P(PanicTest, RecoverInNestedCallDoesNotRecover) {
  Program p;
  p.global_slots = 1;
  p.globals = nullptr;
  Asm m(p, "main.main", 0, 0, 4);
  Asm d(p, "main.main.func1", 0, 0, 2);
  Asm h(p, "main.helper", 0, 0, 2);
  h.op(Op::RECOVER, 0);
  h.op_bc(Op::GSET, 0, 0);
  h.op(Op::RET, 0, 0);
  d.op_bc(Op::CALL, 0, h.index());
  d.op(Op::RET, 0, 0);
  uint32_t t_int = m.type(int_type());
  m.op_bc(Op::LOADFN, 0, d.index());
  m.op(Op::DEFER, 1, 0, 0);
  m.line(9);
  m.loadi(1, 3);
  m.op(Op::IFACE, 2, 1, t_int);
  m.op(Op::PANIC, 2);
  m.op(Op::RET, 0, 0);
  int status = 0;
  std::string err = run_capture(p, &status);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(p.globals[0].p, nullptr);
  EXPECT_EQ(err, "panic: 3\n\ngoroutine 1 [running]:\nmain.main()\n\tmain.go:9\n");
}

// A deferred closure recovers and sets the named result through its cell;
// the recovery epilogue returns the cell's value. The recovered value is a
// runtime error whose Error() the closure calls through CALLM.
TEST_P(PanicTest, NamedResultSetByRecoveringClosure) {
  Program p;
  p.global_slots = 6;
  Asm m(p, "main.main", 0, 0, 4);
  Asm f(p, "main.f", 0, 1, 6);
  Asm d(p, "main.f.func1", 0, 0, 10);
  uint32_t t_int = f.type(int_type());
  // d: v := recover(); G0, G1 = v; *r = 7; G3, G4 = v.Error()
  d.op(Op::RECOVER, 0);
  d.op_bc(Op::GSET, 0, 0);
  d.op_bc(Op::GSET, 1, 1);
  d.op(Op::UPVAL, 2, 0);
  d.loadi(3, 7);
  d.op(Op::ST64, 2, 0, 3);
  d.op(Op::CALLM, 6, 0, intern_name("Error"));
  d.op_bc(Op::GSET, 6, 3);
  d.op_bc(Op::GSET, 7, 4);
  d.op(Op::RET, 0, 0);
  // f: r := new(int); defer d; _ = 1 / 0
  f.op_bc(Op::NEW, 0, t_int);
  f.op(Op::CLOSURE, 1, 0, 1);
  f.extra(d.index());
  f.extra(0);
  f.op(Op::DEFER, 2, 0, 1);
  f.loadi(2, 1);
  f.loadi(3, 0);
  f.op(Op::DIV, 4, 2, 3);
  f.op(Op::RET, 4, 1);  // not reached
  f.recover_here();
  f.op(Op::RUNDEFER);
  f.op(Op::LD64, 2, 0, 0);
  f.op(Op::RET, 2, 1);
  m.op_bc(Op::CALL, 0, f.index());
  m.op_bc(Op::GSET, 0, 2);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[2].i, 7);
  auto* t = static_cast<const Type*>(p.globals[0].cp);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->name, "runtime.errorString");
  EXPECT_EQ(global_string(p, 3), "runtime error: integer divide by zero");
}

// inner: defer d1; panic("first"); d1: recover(); panic("second").
// main optionally defers d2, which recovers into G0..G1.
void build_repanic(Program& p, bool main_recovers) {
  Asm m(p, "main.main", 0, 0, 4);
  Asm inner(p, "main.inner", 0, 0, 6);
  Asm d1(p, "main.inner.func1", 0, 0, 6);
  Asm d2(p, "main.main.func1", 0, 0, 4);
  uint32_t t_string = m.type(string_type());
  d1.line(20);
  d1.op(Op::RECOVER, 0);
  d1.loads(2, "second");
  d1.op(Op::IFACE, 4, 2, t_string);
  d1.op(Op::PANIC, 4);
  d1.op(Op::RET, 0, 0);
  inner.line(10);
  inner.op_bc(Op::LOADFN, 0, d1.index());
  inner.op(Op::DEFER, 1, 0, 0);
  inner.line(11);
  inner.loads(1, "first");
  inner.op(Op::IFACE, 3, 1, t_string);
  inner.op(Op::PANIC, 3);
  inner.op(Op::RET, 0, 0);
  d2.op(Op::RECOVER, 0);
  d2.op_bc(Op::GSET, 0, 0);
  d2.op_bc(Op::GSET, 1, 1);
  d2.op(Op::RET, 0, 0);
  m.line(3);
  if (main_recovers) {
    m.op_bc(Op::LOADFN, 0, d2.index());
    m.op(Op::DEFER, 1, 0, 0);
  }
  m.line(4);
  m.op_bc(Op::CALL, 0, inner.index());
  m.op(Op::RUNDEFER);
  m.op(Op::RET, 0, 0);
  m.recover_here();
  m.op(Op::RUNDEFER);
  m.op(Op::RET, 0, 0);
}

TEST_P(PanicTest, RepanicIsRecoveredByOuterFrame) {
  Program p;
  p.global_slots = 2;
  build_repanic(p, true);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].cp, string_type());
  const auto* box = static_cast<const Slot*>(p.globals[1].cp);
  EXPECT_EQ(std::string(static_cast<const char*>(box[0].cp), static_cast<size_t>(box[1].i)), "second");
}

TEST_P(PanicTest, RepanicReportPrintsTheChain) {
  Program p;
  p.global_slots = 2;
  build_repanic(p, false);
  int status = 0;
  std::string err = run_capture(p, &status);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(err,
            "panic: first [recovered]\n\tpanic: second\n\ngoroutine 1 [running]:\n"
            "main.inner.func1()\n\tmain.go:20\nmain.inner()\n\tmain.go:11\nmain.main()\n\tmain.go:4\n");
}

TEST_P(PanicTest, UnrecoveredPanicReportAndStatus) {
  Program p;
  Asm m(p, "main.main", 0, 0, 4);
  Asm f(p, "main.f", 1, 0, 4);
  uint32_t t_int = m.type(int_type());
  f.line(7);
  f.op(Op::IFACE, 1, 0, t_int);
  f.op(Op::PANIC, 1);
  f.op(Op::RET, 0, 0);
  m.line(3);
  m.loadi(0, 42);
  m.op_bc(Op::CALL, 0, f.index());
  m.op(Op::RET, 0, 0);
  int status = 0;
  std::string err = run_capture(p, &status);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(err, "panic: 42\n\ngoroutine 1 [running]:\nmain.f(...)\n\tmain.go:7\nmain.main()\n\tmain.go:3\n");
}

TEST_P(PanicTest, RuntimeErrorMessages) {
  struct Case {
    const char* want;
    void (*build)(Asm& m, uint32_t t_int);
  };
  const Case cases[] = {
      {"panic: runtime error: index out of range [5] with length 3\n",
       [](Asm& m, uint32_t t_int) {
         m.loadi(3, 3);
         m.op(Op::MAKESLICE, 0, 3, 3);
         m.extra(t_int);
         m.loadi(3, 5);
         m.op(Op::SLD64, 4, 0, 3);
       }},
      {"panic: runtime error: slice bounds out of range [:5] with capacity 3\n",
       [](Asm& m, uint32_t t_int) {
         m.loadi(3, 3);
         m.op(Op::MAKESLICE, 0, 3, 3);
         m.extra(t_int);
         m.loadi(4, 5);
         m.op(Op::SLICE, 0, 0, 3);
         m.extra(8 | uint64_t{2} << 32);  // s[:r4]
       }},
      {"panic: runtime error: integer divide by zero\n",
       [](Asm& m, uint32_t) {
         m.loadi(1, 0);
         m.op(Op::REM, 2, 1, 1);
       }},
      {"panic: runtime error: invalid memory address or nil pointer dereference\n"
       "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n",
       [](Asm& m, uint32_t) {
         m.loadi(1, 0);
         m.op(Op::LD64, 2, 1, 8);
       }},
      {"panic: runtime error: negative shift amount\n",
       [](Asm& m, uint32_t) {
         m.loadi(1, -1);
         m.op(Op::CHKSHIFT, 1);
       }},
      {"panic: assignment to entry in nil map\n",
       [](Asm& m, uint32_t t_int) {
         m.loadi(1, 0);
         m.op(Op::MAPSET, 1, 2, 3);
         m.extra(m.type(TypeTable::get().map_of(int_type(), int_type())));
         (void)t_int;
       }},
      {"panic: interface conversion: interface {} is int, not string\n",
       [](Asm& m, uint32_t t_int) {
         m.loadi(1, 1);
         m.op(Op::IFACE, 2, 1, t_int);
         m.op(Op::ASSERT, 4, 2, m.type(string_type()));
         m.extra(m.type(TypeTable::get().empty_interface()));
       }},
      {"panic: panic called with nil argument\n",
       [](Asm& m, uint32_t) {
         m.op(Op::ZERO, 1, 2);
         m.op(Op::PANIC, 1);
       }},
  };
  for (const Case& c : cases) {
    Program p;
    Asm m(p, "main.main", 0, 0, 8);
    uint32_t t_int = m.type(int_type());
    m.line(5);
    c.build(m, t_int);
    m.op(Op::RET, 0, 0);
    int status = 0;
    std::string err = run_capture(p, &status);
    EXPECT_EQ(status, 2);
    EXPECT_EQ(err, std::string(c.want) + "\ngoroutine 1 [running]:\nmain.main()\n\tmain.go:5\n");
  }
}

// Panic values print as Go's printpanicval: an error via its Error method
// (a gol method, run while the program dies), a named basic type as
// main.E(42).
TEST_P(PanicTest, PanicValuesPrintLikeGo) {
  TypeTable& table = TypeTable::get();
  Type* plain = table.new_named("Plain", "main", 7001);
  table.set_underlying(plain, int_type());
  Type* err_type = table.new_named("MyErr", "main", 7002);
  table.set_underlying(err_type, int_type());
  for (int which = 0; which < 3; ++which) {
    Program p;
    Asm m(p, "main.main", 0, 0, 6);
    Asm error_method(p, "main.MyErr.Error", 1, 2, 4);
    error_method.loads(0, "boom");
    error_method.op(Op::RET, 0, 2);
    runtime_init();
    p.finish();
    table.set_methods(err_type, {Method{intern_name("Error"), table.func_of({}, {string_type()}, false),
                                        p.protos[error_method.index()]->static_closure, true}});
    const Type* types[] = {plain, err_type, table.basic(Kind::Float64)};
    uint32_t t = m.type(types[which]);
    if (which == 2)
      m.loadk_float(0, 1.5);
    else
      m.loadi(0, 42);
    m.op(Op::IFACE, 2, 0, t);
    m.op(Op::PANIC, 2);
    m.op(Op::RET, 0, 0);
    int status = 0;
    std::string err = run_capture(p, &status);
    EXPECT_EQ(status, 2);
    const char* want[] = {"panic: main.Plain(42)\n", "panic: boom\n", "panic: +1.500000e+000\n"};
    EXPECT_EQ(err.substr(0, err.find('\n') + 1), want[which]);
  }
}

TEST_P(PanicTest, DeferredNilFuncPanicsAtReturn) {
  Program p;
  Asm m(p, "main.main", 0, 0, 4);
  m.loadi(0, 0);
  m.op(Op::DEFER, 1, 0, 0);
  m.line(8);
  m.op(Op::RUNDEFER);
  m.op(Op::RET, 0, 0);
  int status = 0;
  std::string err = run_capture(p, &status);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(err.rfind("panic: runtime error: invalid memory address or nil pointer dereference\n", 0), 0u) << err;
}


// f: defer rec(); defer boom(); return — the panic raised by a deferred call
// on the normal return path is recovered by f's other deferred call, and f
// returns normally.
TEST_P(PanicTest, PanicInDeferredCallRecoveredBySameFrame) {
  Program p;
  p.global_slots = 2;
  Asm m(p, "main.main", 0, 0, 4);
  Asm f(p, "main.f", 0, 0, 4);
  Asm rec(p, "main.f.func1", 0, 0, 4);
  Asm boom(p, "main.f.func2", 0, 0, 6);
  uint32_t t_int = m.type(int_type());
  rec.op(Op::RECOVER, 0);
  rec.op_bc(Op::GSET, 1, 0);
  rec.op(Op::RET, 0, 0);
  boom.loadi(0, 13);
  boom.op(Op::IFACE, 2, 0, t_int);
  boom.op(Op::PANIC, 2);
  boom.op(Op::RET, 0, 0);
  f.op_bc(Op::LOADFN, 0, rec.index());
  f.op(Op::DEFER, 1, 0, 0);
  f.op_bc(Op::LOADFN, 0, boom.index());
  f.op(Op::DEFER, 1, 0, 0);
  f.op(Op::RUNDEFER);
  f.op(Op::RET, 0, 0);
  f.recover_here();
  f.op(Op::RUNDEFER);
  f.op(Op::RET, 0, 0);
  m.op_bc(Op::CALL, 0, f.index());
  m.loadi(0, 1);
  m.op_bc(Op::GSET, 0, 1);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 13);
  EXPECT_EQ(p.globals[1].i, 1);
}

// inner: defer d1 (panics "second" without recovering); panic("first").
// main's deferred call recovers "second"; "first" was aborted and is gone:
// a later unrecovered panic prints alone.
TEST_P(PanicTest, AbortedPanicIsDroppedByRecovery) {
  Program p;
  p.global_slots = 2;
  Asm m(p, "main.main", 0, 0, 6);
  Asm inner(p, "main.inner", 0, 0, 6);
  Asm d1(p, "main.inner.func1", 0, 0, 6);
  Asm d2(p, "main.main.func1", 0, 0, 4);
  Asm after(p, "main.after", 0, 0, 6);
  uint32_t t_string = m.type(string_type());
  d1.loads(2, "second");
  d1.op(Op::IFACE, 4, 2, t_string);
  d1.op(Op::PANIC, 4);
  d1.op(Op::RET, 0, 0);
  inner.op_bc(Op::LOADFN, 0, d1.index());
  inner.op(Op::DEFER, 1, 0, 0);
  inner.loads(1, "first");
  inner.op(Op::IFACE, 3, 1, t_string);
  inner.op(Op::PANIC, 3);
  inner.op(Op::RET, 0, 0);
  d2.op(Op::RECOVER, 0);
  d2.op_bc(Op::GSET, 0, 0);
  d2.op_bc(Op::GSET, 1, 1);
  d2.op(Op::RET, 0, 0);
  after.loads(0, "third");
  after.op(Op::IFACE, 2, 0, t_string);
  after.op(Op::PANIC, 2);
  after.op(Op::RET, 0, 0);
  // main: mid() { defer d2; inner() }; after()
  Asm mid(p, "main.mid", 0, 0, 4);
  mid.op_bc(Op::LOADFN, 0, d2.index());
  mid.op(Op::DEFER, 1, 0, 0);
  mid.op_bc(Op::CALL, 0, inner.index());
  mid.op(Op::RUNDEFER);
  mid.op(Op::RET, 0, 0);
  mid.recover_here();
  mid.op(Op::RUNDEFER);
  mid.op(Op::RET, 0, 0);
  m.op_bc(Op::CALL, 0, mid.index());
  m.op_bc(Op::CALL, 0, after.index());
  m.op(Op::RET, 0, 0);
  int status = 0;
  std::string err = run_capture(p, &status);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(err.substr(0, err.find('\n') + 1), "panic: third\n") << err;
  const auto* box = static_cast<const Slot*>(p.globals[1].cp);
  ASSERT_NE(box, nullptr);
  EXPECT_EQ(std::string(static_cast<const char*>(box[0].cp), static_cast<size_t>(box[1].i)), "second");
}

// Go elides the middle of a trace deeper than 100 frames.
TEST_P(PanicTest, DeepTraceIsElided) {
  Program p;
  Asm m(p, "main.main", 0, 0, 4);
  Asm f(p, "main.f", 1, 0, 6);
  uint32_t t_int = m.type(int_type());
  f.line(20);
  size_t j = f.jump(Op::JNEI, 0, 0);
  f.op(Op::IFACE, 2, 0, t_int);
  f.op(Op::PANIC, 2);
  f.bind_here(j);
  f.line(21);
  f.op_s(Op::ADDI, 1, 0, -1);
  f.op_bc(Op::CALL, 1, f.index());
  f.op(Op::RET, 0, 0);
  m.line(3);
  m.loadi(0, 199);
  m.op_bc(Op::CALL, 0, f.index());
  m.op(Op::RET, 0, 0);
  int status = 0;
  std::string err = run_capture(p, &status);
  EXPECT_EQ(status, 2);
  // 200 frames of f and main: 50 shown, 101 elided, 50 shown.
  EXPECT_NE(err.find("\n...101 frames elided...\n"), std::string::npos);
  size_t frames = 0;
  for (size_t at = err.find("main.f(...)"); at != std::string::npos; at = err.find("main.f(...)", at + 1)) ++frames;
  EXPECT_EQ(frames, 99u);
  EXPECT_EQ(err.substr(err.size() - 23), "main.main()\n\tmain.go:3\n");
  EXPECT_NE(err.find("goroutine 1 [running]:\nmain.f(...)\n\tmain.go:20\nmain.f(...)\n\tmain.go:21\n"), std::string::npos);
}

}  // namespace
}  // namespace gol::vm::test
