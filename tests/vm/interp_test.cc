// interp_test.cc — the interpreter loop on hand-assembled programs: integer
// and float semantics, every branch, calls with multi-slot results, deep
// recursion, closures, natives, strings, the eval breaker, the
// disassembler. Every program runs through both builds of the loop
// (threaded and portable switch).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "tests/vm/asm.h"

namespace gol::vm::test {
namespace {

class InterpTest : public ::testing::TestWithParam<interp::ExecuteFn> {
 protected:
  int run_it(Program& p, ExecContext* cx = nullptr) { return run(p, GetParam(), cx); }
};

INSTANTIATE_TEST_SUITE_P(Dispatch, InterpTest, ::testing::Values(interp::execute, interp::execute_portable),
                         [](const auto& info) { return info.index == 0 ? "threaded" : "portable"; });

TEST_P(InterpTest, IntegerArithmeticWraps) {
  Program p;
  p.global_slots = 16;
  Asm m(p, "main.main", 0, 0, 8);
  m.loadk_int(0, std::numeric_limits<int64_t>::max());
  m.loadi(1, 1);
  m.op(Op::ADD, 2, 0, 1);
  m.op_bc(Op::GSET, 2, 0);
  m.loadi(3, 127);
  m.op_s(Op::ADDI, 3, 3, 1);
  m.op(Op::SEXT8, 3, 3);
  m.op_bc(Op::GSET, 3, 1);
  m.loadk_int(0, std::numeric_limits<int64_t>::min());
  m.loadi(1, -1);
  m.op(Op::DIV, 2, 0, 1);
  m.op_bc(Op::GSET, 2, 2);
  m.op(Op::REM, 2, 0, 1);
  m.op_bc(Op::GSET, 2, 3);
  m.loadi(0, -7);
  m.loadi(1, 2);
  m.op(Op::DIV, 2, 0, 1);
  m.op_bc(Op::GSET, 2, 4);
  m.op(Op::REM, 2, 0, 1);
  m.op_bc(Op::GSET, 2, 5);
  m.loadi(0, 1);
  m.loadi(1, 64);
  m.op(Op::SHL, 2, 0, 1);
  m.op_bc(Op::GSET, 2, 6);
  m.loadi(0, -8);
  m.op(Op::SHR, 2, 0, 1);
  m.op_bc(Op::GSET, 2, 7);
  m.op(Op::SHRI, 2, 0, 1);
  m.op_bc(Op::GSET, 2, 8);
  m.op(Op::SHRUI, 2, 0, 60);
  m.op_bc(Op::GSET, 2, 9);
  m.loadi(0, 3);
  m.op_s(Op::MULI, 2, 0, -5);
  m.op_bc(Op::GSET, 2, 10);
  m.loadi(0, -1);
  m.op(Op::ZEXT8, 2, 0);
  m.op_bc(Op::GSET, 2, 11);
  m.op_s(Op::DIVI, 2, 0, -1);
  m.op_bc(Op::GSET, 2, 12);
  m.loadi(0, 5);
  m.loadi(1, 9);
  m.op(Op::MIN, 2, 0, 1);
  m.op(Op::MAXU, 3, 0, 1);
  m.op(Op::SUB, 4, 2, 3);
  m.op_bc(Op::GSET, 4, 13);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, std::numeric_limits<int64_t>::min());
  EXPECT_EQ(p.globals[1].i, -128);
  EXPECT_EQ(p.globals[2].i, std::numeric_limits<int64_t>::min());
  EXPECT_EQ(p.globals[3].i, 0);
  EXPECT_EQ(p.globals[4].i, -3);
  EXPECT_EQ(p.globals[5].i, -1);
  EXPECT_EQ(p.globals[6].i, 0);
  EXPECT_EQ(p.globals[7].i, -1);
  EXPECT_EQ(p.globals[8].i, -4);
  EXPECT_EQ(p.globals[9].u, 15u);
  EXPECT_EQ(p.globals[10].i, -15);
  EXPECT_EQ(p.globals[11].i, 255);
  EXPECT_EQ(p.globals[12].i, 1);
  EXPECT_EQ(p.globals[13].i, 5 - 9);
}

TEST_P(InterpTest, FloatSemantics) {
  Program p;
  p.global_slots = 8;
  Asm m(p, "main.main", 0, 0, 8);
  m.loadk_float(0, std::nan(""));
  m.op(Op::F2I, 2, 0);
  m.op_bc(Op::GSET, 2, 0);
  m.loadk_float(0, 1.5);
  m.loadk_float(1, 2.25);
  m.op(Op::FMUL, 2, 0, 1);
  m.op_bc(Op::GSET, 2, 1);
  m.loadk_float(0, -0.0);
  m.loadk_float(1, 0.0);
  m.op(Op::FMIN, 2, 1, 0);
  m.op_bc(Op::GSET, 2, 2);
  m.op(Op::FMAX, 2, 0, 1);
  m.op_bc(Op::GSET, 2, 3);
  m.loadk_float(0, -1.0);
  m.op(Op::F2U, 2, 0);
  m.op_bc(Op::GSET, 2, 4);
  m.loadk_float(0, 0.1);
  m.op(Op::F32, 2, 0);
  m.op_bc(Op::GSET, 2, 5);
  m.loadk_float(0, std::nan(""));
  m.op(Op::FEQ, 2, 0, 0);
  m.op_bc(Op::GSET, 2, 6);
  m.loadk_float(0, 2.0);
  m.op(Op::FSQRT, 2, 0);
  m.op_bc(Op::GSET, 2, 7);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].u, uint64_t{1} << 63);
  EXPECT_EQ(p.globals[1].f, 3.375);
  EXPECT_TRUE(std::signbit(p.globals[2].f));
  EXPECT_FALSE(std::signbit(p.globals[3].f));
  EXPECT_EQ(p.globals[4].u, ~uint64_t{0});
  EXPECT_EQ(p.globals[5].f, static_cast<double>(0.1f));
  EXPECT_EQ(p.globals[6].u, 0u);
  EXPECT_EQ(p.globals[7].f, std::sqrt(2.0));
}

// Each branch op: G0 = 1 when taken, 0 when not.
struct BranchCase {
  Op op;
  int64_t x;
  int64_t y;  // register operand or immediate
  bool taken;
};

TEST_P(InterpTest, EveryBranchOp) {
  const BranchCase cases[] = {
      {Op::JT, 1, 0, true},     {Op::JT, 0, 0, false},     {Op::JF, 0, 0, true},      {Op::JF, 2, 0, false},
      {Op::JEQ, 3, 3, true},    {Op::JEQ, 3, 4, false},    {Op::JNE, 3, 4, true},     {Op::JNE, 4, 4, false},
      {Op::JLT, -1, 0, true},   {Op::JLT, 0, 0, false},    {Op::JLE, 0, 0, true},     {Op::JLE, 1, 0, false},
      {Op::JLTU, 0, -1, true},  {Op::JLTU, -1, 0, false},  {Op::JLEU, 5, 5, true},    {Op::JLEU, -1, 5, false},
      {Op::JEQI, 7, 7, true},   {Op::JEQI, 7, 8, false},   {Op::JNEI, 7, 8, true},    {Op::JNEI, -3, -3, false},
      {Op::JLTI, -4, -3, true}, {Op::JLTI, -3, -3, false}, {Op::JLEI, -3, -3, true},  {Op::JLEI, 0, -3, false},
      {Op::JGTI, 1, 0, true},   {Op::JGTI, 0, 0, false},   {Op::JGEI, 0, 0, true},    {Op::JGEI, -1, 0, false},
  };
  for (const BranchCase& bc : cases) {
    Program p;
    p.global_slots = 1;
    Asm m(p, "main.main", 0, 0, 4);
    m.loadk_int(0, bc.x);
    m.loadk_int(1, bc.y);
    size_t j;
    bool immediate = bc.op >= Op::JEQI && bc.op <= Op::JGEI;
    if (bc.op == Op::JT || bc.op == Op::JF)
      j = m.jump(bc.op, 0);
    else
      j = m.jump(bc.op, 0, immediate ? static_cast<int32_t>(bc.y) : 1);
    m.loadi(2, 0);
    size_t skip = m.jump(Op::JMP);
    m.bind_here(j);
    m.loadi(2, 1);
    m.bind_here(skip);
    m.op_bc(Op::GSET, 2, 0);
    m.op(Op::RET, 0, 0);
    ASSERT_EQ(run_it(p), 0);
    EXPECT_EQ(p.globals[0].i, bc.taken ? 1 : 0) << op_name(bc.op) << " " << bc.x << " " << bc.y;
  }
}

TEST_P(InterpTest, CallReturnsSeveralSlots) {
  Program p;
  p.global_slots = 3;
  Asm m(p, "main.main", 0, 0, 8);
  Asm three(p, "main.three", 1, 3, 4);
  three.op_s(Op::ADDI, 1, 0, 1);
  three.op_s(Op::ADDI, 2, 0, 2);
  three.op_s(Op::ADDI, 3, 0, 3);
  three.op(Op::RET, 1, 3);
  m.loadi(4, 10);
  m.op_bc(Op::CALL, 4, three.index());
  m.op_bc(Op::GSET, 4, 0);
  m.op_bc(Op::GSET, 5, 1);
  m.op_bc(Op::GSET, 6, 2);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 11);
  EXPECT_EQ(p.globals[1].i, 12);
  EXPECT_EQ(p.globals[2].i, 13);
}

// fib(n): if n < 2 return n; return fib(n-1) + fib(n-2)
uint32_t add_fib(Program& p) {
  Asm f(p, "main.fib", 1, 1, 4);
  size_t j = f.jump(Op::JGEI, 0, 2);
  f.op(Op::RET, 0, 1);
  f.bind_here(j);
  f.op_s(Op::ADDI, 1, 0, -1);
  f.op_bc(Op::CALL, 1, f.index());
  f.op_s(Op::ADDI, 2, 0, -2);
  f.op_bc(Op::CALL, 2, f.index());
  f.op(Op::ADD, 0, 1, 2);
  f.op(Op::RET, 0, 1);
  return f.index();
}

TEST_P(InterpTest, RecursiveFib) {
  Program p;
  p.global_slots = 1;
  Asm m(p, "main.main", 0, 0, 4);
  uint32_t fib = add_fib(p);
  m.loadi(0, 25);
  m.op_bc(Op::CALL, 0, fib);
  m.op_bc(Op::GSET, 0, 0);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 75025);
}

// depth(n): each frame allocates a cell holding n; at the bottom a native
// forces a collection; on the way back the cells are summed. Checks that
// 100,000 frames work and that the moved, grown stack is scanned by the GC.
NativeStatus force_gc(Goroutine&, Slot*) {
  GC_gcollect();
  return NativeStatus::Ok;
}

TEST_P(InterpTest, DeepRecursionKeepsCellsAlive) {
  Program p;
  p.global_slots = 1;
  p.natives.push_back(NativeEntry{"test.gc", force_gc});
  Asm m(p, "main.main", 0, 0, 4);
  Asm d(p, "main.depth", 1, 1, 6);
  uint32_t int_type = d.type(TypeTable::get().basic(Kind::Int));
  // r1 = new(int); *r1 = n; if n == 0 { gc(); return 0 }; r2 = depth(n-1); return r2 + *r1
  d.op_bc(Op::NEW, 1, int_type);
  d.op(Op::ST64, 1, 0, 0);
  size_t j = d.jump(Op::JNEI, 0, 0);
  d.op_bc(Op::CALLN, 3, 0);
  d.loadi(0, 0);
  d.op(Op::RET, 0, 1);
  d.bind_here(j);
  d.op_s(Op::ADDI, 2, 0, -1);
  d.op_bc(Op::CALL, 2, d.index());
  d.op(Op::LD64, 3, 1, 0);
  d.op(Op::ADD, 0, 2, 3);
  d.op(Op::RET, 0, 1);
  m.loadk_int(0, 100000);
  m.op_bc(Op::CALL, 0, d.index());
  m.op_bc(Op::GSET, 0, 0);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, int64_t{100000} * 100001 / 2);
}

TEST_P(InterpTest, ClosureCapturesCell) {
  Program p;
  p.global_slots = 2;
  Asm m(p, "main.main", 0, 0, 8);
  Asm adder(p, "main.main.func1", 1, 1, 4);
  adder.op(Op::UPVAL, 1, 0);
  adder.op(Op::LD64, 2, 1, 0);
  adder.op(Op::ADD, 0, 0, 2);
  adder.op(Op::RET, 0, 1);
  uint32_t int_type = m.type(TypeTable::get().basic(Kind::Int));
  m.op_bc(Op::NEW, 0, int_type);
  m.loadi(1, 5);
  m.op(Op::ST64, 0, 0, 1);
  m.op(Op::CLOSURE, 2, 0, 1);
  m.extra(adder.index());
  m.extra(0);  // captured register r0
  m.loadi(3, 10);
  m.op(Op::CALLF, 3, 2);
  m.op_bc(Op::GSET, 3, 0);
  // The cell is shared: a change after the closure was made is seen.
  m.loadi(1, 100);
  m.op(Op::ST64, 0, 0, 1);
  m.loadi(3, 1);
  m.op(Op::CALLF, 3, 2);
  m.op_bc(Op::GSET, 3, 1);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 15);
  EXPECT_EQ(p.globals[1].i, 101);
}

NativeStatus native_sub(Goroutine&, Slot* w) {
  int64_t a = w[0].i, b = w[1].i;
  w[0].i = a - b;
  return NativeStatus::Ok;
}

TEST_P(InterpTest, NativeCallUsesTheWindow) {
  Program p;
  p.global_slots = 2;
  p.natives.push_back(NativeEntry{"test.sub", native_sub});
  Asm m(p, "main.main", 0, 0, 6);
  m.loadi(2, 50);
  m.loadi(3, 8);
  m.op_bc(Op::CALLN, 2, 0);
  m.op_bc(Op::GSET, 2, 0);
  m.op(Op::CALLNP, 4, 0);  // the same native by pointer
  m.extra(reinterpret_cast<uint64_t>(&native_sub));
  m.op_bc(Op::GSET, 4, 1);
  m.op(Op::RET, 0, 0);
  // r4, r5 = 0, 0 (registers start zeroed in a fresh stack)
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 42);
  EXPECT_EQ(p.globals[1].i, 0);
}

TEST_P(InterpTest, StringsConcatCompareAndRange) {
  Program p;
  p.global_slots = 6;
  Asm m(p, "main.main", 0, 0, 12);
  m.loads(0, "foo");
  m.loads(2, "bar");
  m.op(Op::SCONCAT, 4, 0, 2);
  m.loads(6, "foobar");
  m.op(Op::SEQ, 8, 4, 6);
  m.op_bc(Op::GSET, 8, 0);
  m.op(Op::SLT, 8, 2, 0);  // "bar" < "foo"
  m.op_bc(Op::GSET, 8, 1);
  m.loads(0, "h\xc3\xa9");
  m.loadi(2, 1);
  m.op(Op::SNEXT, 8, 0, 2);  // é at offset 1
  m.op_bc(Op::GSET, 8, 2);
  m.op_bc(Op::GSET, 9, 3);
  m.loadi(2, 5);
  m.op(Op::SLDU8, 8, 4, 2);  // "foobar"[5]
  m.op_bc(Op::GSET, 8, 4);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 1);
  EXPECT_EQ(p.globals[1].i, 1);
  EXPECT_EQ(p.globals[2].i, 0xe9);
  EXPECT_EQ(p.globals[3].i, 2);
  EXPECT_EQ(p.globals[4].i, 'r');
}

TEST_P(InterpTest, SlicesAppendAndIndex) {
  Program p;
  p.global_slots = 4;
  Asm m(p, "main.main", 0, 0, 12);
  uint32_t int_type = m.type(TypeTable::get().basic(Kind::Int));
  m.loadi(3, 0);
  m.op(Op::MAKESLICE, 0, 3, 3);  // []int{} with len 0, cap 0
  m.extra(int_type);
  // for i := 0; i < 10; i++ { s = append(s, i*i) }
  m.loadi(6, 0);
  size_t top = m.here();
  m.op(Op::MUL, 3, 6, 6);
  m.op(Op::APPEND, 0, 0, 1);
  m.extra(int_type);
  m.op_s(Op::ADDI, 6, 6, 1);
  size_t back = m.jump(Op::JLTI, 6, 10);
  m.bind(back, top);
  m.op_bc(Op::GSET, 1, 0);  // len
  m.op_bc(Op::GSET, 2, 1);  // cap
  m.loadi(6, 7);
  m.op(Op::SLD64, 7, 0, 6);
  m.op_bc(Op::GSET, 7, 2);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 10);
  EXPECT_EQ(p.globals[1].i, 16);  // Go: 1, 2, 4, 8, 16
  EXPECT_EQ(p.globals[2].i, 49);
}

// A loop with a back-edge: for i := 0; i < 1000; i++ {}
void add_counting_loop(Program& p) {
  Asm m(p, "main.main", 0, 0, 2);
  m.loadi(0, 0);
  size_t top = m.here();
  m.op_s(Op::ADDI, 0, 0, 1);
  size_t back = m.jump(Op::JLTI, 0, 1000);
  m.bind(back, top);
  m.op(Op::RET, 0, 0);
}

TEST_P(InterpTest, EvalBreakerDefaultHandlerCountsOnce) {
  Program p;
  add_counting_loop(p);
  ExecContext cx;
  cx.eval_breaker.store(kBreakTest);
  ASSERT_EQ(run_it(p, &cx), 0);
  EXPECT_EQ(cx.safe_points_seen, 1u);
  EXPECT_EQ(cx.eval_breaker.load(), 0u);
}

TEST_P(InterpTest, EvalBreakerSeenAtEntryAndEveryBackEdge) {
  Program p;
  add_counting_loop(p);
  ExecContext cx;
  cx.on_break = [](ExecContext& c, Goroutine&) { ++c.safe_points_seen; };  // leaves the bit set
  cx.eval_breaker.store(kBreakTest);
  ASSERT_EQ(run_it(p, &cx), 0);
  EXPECT_EQ(cx.safe_points_seen, 1u + 999u);  // main's entry, then 999 taken back-edges
}

// Builtin println's format, checked against Go 1.23's output for the same
// values.
TEST_P(InterpTest, PrintUsesGoRuntimeFormat) {
  const double floats[] = {1.5, 0.0, -0.0, 1e100, 123456789.0, -0.1, 1.0 / 3, 9.9999999, 5e-324,
                           std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                           std::nan(""), 1e21};
  Program p;
  Asm m(p, "main.main", 0, 0, 8);
  auto kind = [](PrintKind k) { return static_cast<uint8_t>(k); };
  for (double f : floats) {
    m.loadk_float(0, f);
    m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Float));
    m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Newline));
  }
  m.loadi(0, 0);
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Pointer));
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Space));
  m.loadi(0, 1);
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Bool));
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Space));
  m.loadi(0, -5);
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Int));
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Space));
  m.loadi(0, -1);
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Uint));
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Space));
  m.loads(0, "s");
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::String));
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Newline));
  m.op(Op::ZERO, 0, 3);
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Iface));
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Newline));
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Slice));
  m.op(Op::PRINT, 0, 0, 0, kind(PrintKind::Newline));
  m.op(Op::RET, 0, 0);
  int status = -1;
  std::string err = capture_stderr([&] { status = run_it(p); });
  EXPECT_EQ(status, 0);
  EXPECT_EQ(err,
            "+1.500000e+000\n+0.000000e+000\n-0.000000e+000\n+1.000000e+100\n+1.234568e+008\n-1.000000e-001\n"
            "+3.333333e-001\n+1.000000e+001\n+4.940656e-324\n+Inf\n-Inf\nNaN\n+1.000000e+021\n"
            "0x0 true -5 18446744073709551615 s\n(0x0,0x0)\n[0/0]0x0\n");
}

// Standard output is buffered and flushed before standard error is written,
// so the two interleave in program order.
TEST(Output, StdoutFlushedBeforeStderr) {
  out_flush();
  std::FILE* tmp = std::tmpfile();
  int saved_out = dup(1), saved_err = dup(2);
  dup2(fileno(tmp), 1);  // both descriptors share one file offset
  dup2(fileno(tmp), 2);
  out_write(1, "out1 ", 5);
  out_write(2, "err ", 4);
  out_write(1, "out2", 4);
  out_flush();
  dup2(saved_out, 1);
  dup2(saved_err, 2);
  close(saved_out);
  close(saved_err);
  std::rewind(tmp);
  char buf[64] = {};
  size_t n = std::fread(buf, 1, sizeof buf - 1, tmp);
  std::fclose(tmp);
  EXPECT_EQ(std::string(buf, n), "out1 err out2");
}

TEST(Disasm, DecodesOperandsByMeaning) {
  Program p;
  Asm m(p, "main.main", 0, 0, 6);
  uint32_t fib = add_fib(p);
  m.loadk_int(1, 42);
  m.loads(2, "hi\n");
  m.op_bc(Op::CALL, 1, fib);
  size_t j = m.jump(Op::JMP);
  m.op(Op::NOP);
  m.bind_here(j);
  m.op(Op::RET, 0, 0);
  runtime_init();
  p.finish();
  std::string text = disassemble(p);
  EXPECT_NE(text.find("func main.main  params=0 results=0 frame=6  main.go:1"), std::string::npos) << text;
  EXPECT_NE(text.find("LOADK      r1 = 42"), std::string::npos) << text;
  EXPECT_NE(text.find("LOADS      r2 = \"hi\\n\""), std::string::npos) << text;
  EXPECT_NE(text.find("CALL       r1 main.fib"), std::string::npos) << text;
  EXPECT_NE(text.find("JMP        -> 5"), std::string::npos) << text;
  EXPECT_NE(text.find("JGEI       r0 2 -> 2"), std::string::npos) << text;
}

TEST(Program, OpNamesAndExtraWords) {
  EXPECT_STREQ(op_name(Op::ADD), "ADD");
  EXPECT_STREQ(op_format(Op::LDN), "A B C +E");
  Instr e = Instr::from_extra(0x0123456789abcdefull);
  EXPECT_EQ(e.extra(), 0x0123456789abcdefull);
}

}  // namespace
}  // namespace gol::vm::test
