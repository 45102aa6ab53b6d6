// interp_fused_test.cc — the fused instructions of opcodes.def (FADDM,
// FSUBM, ADDM, SUBM, FMAC, FADDF, FSUBF, FMULF): each must give exactly what the sequence of
// basic instructions it replaces gives (same rounding, same wrapping, the
// same nil dereference panic), through both builds of the loop.
//
// The programs compute every value twice, once with the fused instruction
// and once with the basic sequence, and the test compares the two bit for
// bit; a few hand-checked values guard against both being wrong alike.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "tests/vm/asm.h"

namespace gol::vm::test {
namespace {

class FusedTest : public ::testing::TestWithParam<interp::ExecuteFn> {
 protected:
  int run_it(Program& p) { return run(p, GetParam()); }
};

INSTANTIATE_TEST_SUITE_P(Dispatch, FusedTest, ::testing::Values(interp::execute, interp::execute_portable),
                         [](const auto& info) { return info.index == 0 ? "threaded" : "portable"; });

uint64_t bits(double f) {
  uint64_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

// Fields are globals reached through GADDR (a pointer to G[0]): the fused
// op updates G[2k] while the basic LD64/op/ST64 sequence updates G[2k+1]
// from the same starting value.
struct FieldCase {
  Op fused;
  Op basic;
  bool is_float;
  Slot start;
  Slot operand;
};

TEST_P(FusedTest, FieldReadModifyWriteMatchesBasicSequence) {
  const double inf = std::numeric_limits<double>::infinity();
  const FieldCase cases[] = {
      {Op::FADDM, Op::FADD, true, Slot{.f = 0.1}, Slot{.f = 0.2}},
      {Op::FADDM, Op::FADD, true, Slot{.f = 1e308}, Slot{.f = 1e308}},  // overflows to +Inf
      {Op::FSUBM, Op::FSUB, true, Slot{.f = 0.3}, Slot{.f = 0.1}},
      {Op::FSUBM, Op::FSUB, true, Slot{.f = inf}, Slot{.f = inf}},  // NaN
      {Op::FSUBM, Op::FSUB, true, Slot{.f = 0.0}, Slot{.f = 0.0}},  // +0 - +0 = +0
      {Op::ADDM, Op::ADD, false, Slot{.i = std::numeric_limits<int64_t>::max()}, Slot{.i = 1}},  // wraps
      {Op::ADDM, Op::ADD, false, Slot{.i = -5}, Slot{.i = 3}},
      {Op::SUBM, Op::SUB, false, Slot{.i = std::numeric_limits<int64_t>::min()}, Slot{.i = 1}},  // wraps
      {Op::SUBM, Op::SUB, false, Slot{.i = 10}, Slot{.i = 20}},
  };
  const uint32_t n = sizeof cases / sizeof cases[0];
  Program p;
  p.global_slots = 2 * n;
  Asm m(p, "main.main", 0, 0, 6);
  m.op_bc(Op::GADDR, 0, 0);  // r0 = &G[0]
  for (uint32_t k = 0; k < n; ++k) {
    const FieldCase& c = cases[k];
    m.loadk(1, c.start);
    m.op_bc(Op::GSET, 1, 2 * k);
    m.op_bc(Op::GSET, 1, 2 * k + 1);
    m.loadk(2, c.operand);
    m.op(c.fused, 0, 16 * k, 2);  // G[2k] op= r2
    m.op(Op::LD64, 3, 0, 16 * k + 8);
    m.op(c.basic, 3, 3, 2);
    m.op(Op::ST64, 0, 16 * k + 8, 3);  // G[2k+1] = G[2k+1] op r2
  }
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  for (uint32_t k = 0; k < n; ++k) {
    SCOPED_TRACE("case " + std::to_string(k) + " " + op_name(cases[k].fused));
    EXPECT_EQ(p.globals[2 * k].u, p.globals[2 * k + 1].u);
  }
  EXPECT_EQ(p.globals[0].f, 0.1 + 0.2);
  EXPECT_EQ(p.globals[2].f, inf);
  EXPECT_TRUE(std::isnan(p.globals[6].f));
  EXPECT_FALSE(std::signbit(p.globals[8].f));
  EXPECT_EQ(p.globals[10].i, std::numeric_limits<int64_t>::min());
  EXPECT_EQ(p.globals[12].i, -2);
  EXPECT_EQ(p.globals[14].i, std::numeric_limits<int64_t>::max());
  EXPECT_EQ(p.globals[16].i, -10);
}

TEST_P(FusedTest, FieldReadModifyWriteLeavesNeighboursAlone) {
  Program p;
  p.global_slots = 3;
  Asm m(p, "main.main", 0, 0, 4);
  m.loadi(1, 7);
  m.op_bc(Op::GSET, 1, 0);
  m.op_bc(Op::GSET, 1, 1);
  m.op_bc(Op::GSET, 1, 2);
  m.op_bc(Op::GADDR, 0, 0);
  m.loadi(2, 5);
  m.op(Op::ADDM, 0, 8, 2);  // only G[1]
  m.op(Op::ADDM, 0, 8, 2);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 7);
  EXPECT_EQ(p.globals[1].i, 17);
  EXPECT_EQ(p.globals[2].i, 7);
}

// Sums of products: x*y + z*w + u*v, as FMUL then FMAC twice and as the
// basic FMUL/FADD chain. Two roundings each time (never one fused
// multiply-add): -1 + (1/3)*3 is 0 when the product is rounded first (to
// 1.0), but -2^-54 with a single rounding.
TEST_P(FusedTest, MultiplyAccumulateRoundsTwice) {
  const double inputs[][6] = {
      {0.1, 0.1, 0.2, 0.2, 0.3, 0.3},
      {1e308, 10.0, -1e308, 10.0, 1.0, 1.0},  // Inf + -Inf = NaN
      {-1.0, 1.0, 1.0 / 3.0, 3.0, 0.0, 1.0},
      {-0.0, 1.0, -0.0, 1.0, -0.0, 1.0},  // -0 + -0 + -0 = -0
  };
  const uint32_t n = sizeof inputs / sizeof inputs[0];
  Program p;
  p.global_slots = 2 * n + 1;
  Asm m(p, "main.main", 0, 0, 12);
  for (uint32_t k = 0; k < n; ++k) {
    for (uint32_t i = 0; i < 6; ++i) m.loadk_float(i, inputs[k][i]);
    m.op(Op::FMUL, 6, 0, 1);
    m.op(Op::FMAC, 6, 2, 3);
    m.op(Op::FMAC, 6, 4, 5);
    m.op_bc(Op::GSET, 6, 2 * k);
    m.op(Op::FMUL, 7, 0, 1);
    m.op(Op::FMUL, 8, 2, 3);
    m.op(Op::FADD, 9, 7, 8);
    m.op(Op::FMUL, 10, 4, 5);
    m.op(Op::FADD, 11, 9, 10);
    m.op_bc(Op::GSET, 11, 2 * k + 1);
  }
  // FMAC whose operands are its own accumulator: a = a + a*a.
  m.loadk_float(0, 3.0);
  m.op(Op::FMAC, 0, 0, 0);
  m.op_bc(Op::GSET, 0, 2 * n);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  for (uint32_t k = 0; k < n; ++k) {
    SCOPED_TRACE("case " + std::to_string(k));
    EXPECT_EQ(bits(p.globals[2 * k].f), bits(p.globals[2 * k + 1].f));
  }
  EXPECT_EQ(p.globals[2 * n].f, 12.0);
  double x = 0.1, y = 0.2, z = 0.3;
  volatile double xx = x * x, yy = y * y, zz = z * z;  // each product rounded
  EXPECT_EQ(bits(p.globals[1].f), bits((xx + yy) + zz));
  EXPECT_TRUE(std::isnan(p.globals[2].f));
  EXPECT_EQ(bits(p.globals[4].f), bits(0.0));
  EXPECT_TRUE(std::signbit(p.globals[6].f));
}

// FADDF/FSUBF/FMULF: a register op a field (slot offset X) against LD64
// then the basic op. The fields are globals at slot offsets 1 and 255 (the
// largest X) from GADDR's pointer; the results go to the next globals.
TEST_P(FusedTest, FieldOperandMatchesLoadThenOp) {
  struct Case {
    Op fused;
    Op basic;
  };
  const Case cases[] = {{Op::FADDF, Op::FADD}, {Op::FSUBF, Op::FSUB}, {Op::FMULF, Op::FMUL}};
  const double lefts[] = {0.1, -7.25, 1e300};
  const uint32_t kOut = 256;  // G[256..]: fused and basic results, in pairs
  Program p;
  p.global_slots = kOut + 2 * 3 * 3 * 2;
  Asm m(p, "main.main", 0, 0, 6);
  m.op_bc(Op::GADDR, 0, 0);
  m.loadk_float(1, 0.2);
  m.op_bc(Op::GSET, 1, 1);
  m.loadk_float(1, 1e10);
  m.op_bc(Op::GSET, 1, 255);
  uint32_t out = kOut;
  for (const Case& c : cases) {
    for (double left : lefts) {
      for (uint32_t slot : {1u, 255u}) {
        m.loadk_float(2, left);
        m.op(c.fused, 3, 2, 0, static_cast<uint8_t>(slot));
        m.op_bc(Op::GSET, 3, out++);
        m.op(Op::LD64, 4, 0, 8 * slot);
        m.op(c.basic, 3, 2, 4);
        m.op_bc(Op::GSET, 3, out++);
      }
    }
  }
  // The destination may be the register that holds the pointer.
  m.loadk_float(2, 2.0);
  m.op(Op::FMULF, 0, 2, 0, 1);
  m.op_bc(Op::GSET, 0, 0);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  for (uint32_t k = kOut; k < out; k += 2) {
    SCOPED_TRACE("result " + std::to_string(k));
    EXPECT_EQ(bits(p.globals[k].f), bits(p.globals[k + 1].f));
  }
  EXPECT_EQ(p.globals[kOut].f, 0.1 + 0.2);
  EXPECT_EQ(p.globals[kOut + 2].f, 0.1 + 1e10);
  EXPECT_EQ(p.globals[kOut + 12].f, 0.1 - 0.2);
  EXPECT_EQ(p.globals[kOut + 34].f, 1e300 * 1e10);  // +Inf
  EXPECT_EQ(p.globals[0].f, 0.4);
}

TEST_P(FusedTest, FieldOnNilPointerPanicsNilDereference) {
  for (Op op : {Op::FADDM, Op::FSUBM, Op::ADDM, Op::SUBM, Op::FADDF, Op::FSUBF, Op::FMULF}) {
    SCOPED_TRACE(op_name(op));
    bool field_operand = op == Op::FADDF || op == Op::FSUBF || op == Op::FMULF;
    Program p;
    Asm m(p, "main.main", 0, 0, 3);
    m.loadi(0, 0);
    m.loadi(1, 1);
    m.line(7);
    if (field_operand)
      m.op(op, 2, 1, 0, 3);
    else
      m.op(op, 0, 24, 1);
    m.op(Op::RET, 0, 0);
    int status = -1;
    std::string err = capture_stderr([&] { status = run_it(p); });
    EXPECT_EQ(status, 2);
    EXPECT_NE(err.find("panic: runtime error: invalid memory address or nil pointer dereference"), std::string::npos)
        << err;
    EXPECT_NE(err.find("main.go:7"), std::string::npos) << err;
  }
}

TEST(FusedDisasm, FieldOperandsPrintAsOffsets) {
  runtime_init();
  Program p;
  Asm m(p, "main.main", 0, 0, 4);
  m.op(Op::FSUBM, 1, 24, 2);
  m.op(Op::FMAC, 0, 1, 2);
  m.op(Op::FMULF, 3, 1, 2, 6);
  m.op(Op::RET, 0, 0);
  p.finish();
  std::string text = disassemble(p);
  EXPECT_NE(text.find("FMULF      r3 r1 r2+48"), std::string::npos) << text;
  EXPECT_NE(text.find("FSUBM      r1+24 r2"), std::string::npos) << text;
  EXPECT_NE(text.find("FMAC       r0 r1 r2"), std::string::npos) << text;
}

}  // namespace
}  // namespace gol::vm::test
