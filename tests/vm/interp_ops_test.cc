// interp_ops_test.cc — the heavier opcodes on hand-assembled programs: maps
// (including reads of a nil map), interfaces (boxing, assertions, method
// calls, equality), slicing with every bound, copy. Both loop builds.
#include <gtest/gtest.h>

#include <string>

#include "tests/vm/asm.h"

namespace gol::vm::test {
namespace {

class OpsTest : public ::testing::TestWithParam<interp::ExecuteFn> {
 protected:
  int run_it(Program& p) { return run(p, GetParam()); }
  std::string run_capture(Program& p, int* status) {
    return capture_stderr([&] { *status = run(p, GetParam()); });
  }
};

INSTANTIATE_TEST_SUITE_P(Dispatch, OpsTest, ::testing::Values(interp::execute, interp::execute_portable),
                         [](const auto& info) { return info.index == 0 ? "threaded" : "portable"; });

const Type* int_type() { return TypeTable::get().basic(Kind::Int); }
const Type* string_type() { return TypeTable::get().basic(Kind::String); }

TEST_P(OpsTest, MapSetGetIterateAndNilRead) {
  Program p;
  p.global_slots = 8;
  Asm m(p, "main.main", 0, 0, 16);
  uint32_t t_map = m.type(TypeTable::get().map_of(int_type(), int_type()));
  // m := make(map[int]int); for k := 0; k < 10; k++ { m[k] = k*k }
  m.op(Op::MAKEMAP, 0, t_map, 0xffff);
  m.loadi(1, 0);
  size_t top = m.here();
  m.op(Op::MUL, 2, 1, 1);
  m.op(Op::MAPSET, 0, 1, 2);
  m.extra(t_map);
  m.loadi(3, 10);
  size_t back = m.jump(Op::FORLOOP, 1, 3);
  m.bind(back, top);
  m.op(Op::MAPLEN, 4, 0);
  m.op_bc(Op::GSET, 4, 0);
  m.loadi(1, 7);
  m.op(Op::MAPGET, 4, 0, 1);
  m.extra(t_map);
  m.op_bc(Op::GSET, 4, 1);
  m.loadi(1, 70);
  m.op(Op::MAPGET2, 4, 0, 1);  // absent: 0, false
  m.extra(t_map);
  m.op_bc(Op::GSET, 4, 2);
  m.op_bc(Op::GSET, 5, 3);
  // sum of keys and values by iteration
  m.op(Op::MAPITER, 6, 0);
  m.loadi(10, 0);
  size_t loop = m.here();
  m.op(Op::MAPNEXT, 7, 6, 9);
  m.extra(t_map);
  size_t done = m.jump(Op::JF, 9);
  m.op(Op::ADD, 10, 10, 7);
  m.op(Op::ADD, 10, 10, 8);
  size_t again = m.jump(Op::JMP);
  m.bind(again, loop);
  m.bind_here(done);
  m.op_bc(Op::GSET, 10, 4);
  // a nil map reads as empty
  m.loadi(0, 0);
  m.loadi(1, 3);
  m.loadi(4, 99);
  m.op(Op::MAPGET2, 4, 0, 1);
  m.extra(t_map);
  m.op_bc(Op::GSET, 4, 5);
  m.op_bc(Op::GSET, 5, 6);
  m.op(Op::MAPLEN, 4, 0);
  m.op_bc(Op::GSET, 4, 7);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 10);
  EXPECT_EQ(p.globals[1].i, 49);
  EXPECT_EQ(p.globals[2].i, 0);
  EXPECT_EQ(p.globals[3].i, 0);
  EXPECT_EQ(p.globals[4].i, 45 + 285);
  EXPECT_EQ(p.globals[5].i, 0);
  EXPECT_EQ(p.globals[6].i, 0);
  EXPECT_EQ(p.globals[7].i, 0);
}

TEST_P(OpsTest, InterfacesBoxAssertAndCompare) {
  Program p;
  p.global_slots = 10;
  Asm m(p, "main.main", 0, 0, 20);
  uint32_t t_int = m.type(int_type());
  uint32_t t_string = m.type(string_type());
  // a := any("hello"); s, ok := a.(string); n, ok2 := a.(int)
  m.loads(0, "hello");
  m.op(Op::IFACE, 2, 0, t_string);
  m.op(Op::ASSERT2, 4, 2, t_string);
  m.op_bc(Op::GSET, 5, 0);  // len
  m.op_bc(Op::GSET, 6, 1);  // ok
  m.op(Op::ASSERT2, 4, 2, t_int);
  m.op_bc(Op::GSET, 4, 2);
  m.op_bc(Op::GSET, 5, 3);
  m.op(Op::ISTYPE, 7, 2, t_string);
  m.op_bc(Op::GSET, 7, 4);
  // b := any("hel" + "lo"): equal to a although the bytes differ in address
  m.loads(8, "hel");
  m.loads(10, "lo");
  m.op(Op::SCONCAT, 8, 8, 10);
  m.op(Op::IFACE, 10, 8, t_string);
  m.op(Op::IEQ, 12, 2, 10);
  m.op_bc(Op::GSET, 12, 5);
  // c := any(5): a != c
  m.loadi(13, 5);
  m.op(Op::IFACE, 14, 13, t_int);
  m.op(Op::INE, 12, 2, 14);
  m.op_bc(Op::GSET, 12, 6);
  m.op(Op::ASSERT, 16, 14, t_int);
  m.extra(m.type(TypeTable::get().empty_interface()));
  m.op_bc(Op::GSET, 16, 7);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 5);
  EXPECT_EQ(p.globals[1].i, 1);
  EXPECT_EQ(p.globals[2].i, 0);
  EXPECT_EQ(p.globals[3].i, 0);
  EXPECT_EQ(p.globals[4].i, 1);
  EXPECT_EQ(p.globals[5].i, 1);
  EXPECT_EQ(p.globals[6].i, 1);
  EXPECT_EQ(p.globals[7].i, 5);
}

TEST_P(OpsTest, ComparingUncomparableInterfacesPanics) {
  Program p;
  Asm m(p, "main.main", 0, 0, 12);
  uint32_t t_slice = m.type(TypeTable::get().slice_of(int_type()));
  m.op(Op::ZERO, 0, 3);
  m.op(Op::IFACE, 4, 0, t_slice);
  m.op(Op::IFACE, 6, 0, t_slice);
  m.line(6);
  m.op(Op::IEQ, 8, 4, 6);
  m.op(Op::RET, 0, 0);
  int status = 0;
  std::string err = run_capture(p, &status);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(err.substr(0, err.find('\n')), "panic: runtime error: comparing uncomparable type []int");
}

// A method call through an interface: the method table's closure receives
// the interface's data word as its receiver.
TEST_P(OpsTest, MethodCallThroughInterface) {
  TypeTable& table = TypeTable::get();
  Type* counter = table.new_named("Counter", "main", 8101);
  table.set_underlying(counter, int_type());
  Program p;
  p.global_slots = 1;
  Asm m(p, "main.main", 0, 0, 8);
  Asm plus(p, "main.Counter.Plus", 2, 1, 4);  // func (c Counter) Plus(n int) int
  plus.op(Op::ADD, 0, 0, 1);
  plus.op(Op::RET, 0, 1);
  runtime_init();
  p.finish();
  const Type* plus_type = table.func_of({int_type()}, {int_type()}, false);
  table.set_methods(counter, {Method{intern_name("Plus"), plus_type, p.protos[plus.index()]->static_closure, true}});
  uint32_t t_counter = m.type(counter);
  m.loadi(0, 40);
  m.op(Op::IFACE, 2, 0, t_counter);
  m.loadi(5, 2);  // the argument after the receiver slot r4
  m.op(Op::CALLM, 4, 2, intern_name("Plus"));
  m.op_bc(Op::GSET, 4, 0);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 42);
}

TEST_P(OpsTest, SlicingWithAllBounds) {
  Program p;
  p.global_slots = 9;
  Asm m(p, "main.main", 0, 0, 16);
  uint32_t t_int = m.type(int_type());
  m.loadi(3, 5);
  m.loadi(4, 8);
  m.op(Op::MAKESLICE, 0, 3, 4);  // len 5, cap 8
  m.extra(t_int);
  m.loadi(5, 2);
  m.loadi(6, 4);
  m.loadi(7, 6);
  m.op(Op::SLICE, 8, 0, 5);  // s[2:4:6]
  m.extra(8 | uint64_t{7} << 32);
  m.op_bc(Op::GSET, 9, 0);
  m.op_bc(Op::GSET, 10, 1);
  m.op(Op::SUB, 11, 8, 0);  // pointer advanced by 2 elements
  m.op_bc(Op::GSET, 11, 2);
  m.op(Op::SLICE, 8, 0, 5);  // s[2:] (len 3, cap 6)
  m.extra(8 | uint64_t{1} << 32);
  m.op_bc(Op::GSET, 9, 3);
  m.op_bc(Op::GSET, 10, 4);
  m.loads(12, "hello");
  m.op(Op::SLICESTR, 14, 12, 5);  // "hello"[2:4]
  m.extra(3);
  m.op_bc(Op::GSET, 15, 5);
  m.loadi(11, 0);
  m.op(Op::SLDU8, 11, 14, 11);
  m.op_bc(Op::GSET, 11, 6);
  // copy(s[0:], s[2:]) moves 3 elements
  m.op(Op::SLICE, 8, 0, 5);
  m.extra(8 | uint64_t{1} << 32);
  m.op(Op::COPY, 11, 0, 8);
  m.extra(8);
  m.op_bc(Op::GSET, 11, 7);
  m.op(Op::RET, 0, 0);
  ASSERT_EQ(run_it(p), 0);
  EXPECT_EQ(p.globals[0].i, 2);
  EXPECT_EQ(p.globals[1].i, 4);
  EXPECT_EQ(p.globals[2].i, 16);
  EXPECT_EQ(p.globals[3].i, 3);
  EXPECT_EQ(p.globals[4].i, 6);
  EXPECT_EQ(p.globals[5].i, 2);
  EXPECT_EQ(p.globals[6].i, 'l');
  EXPECT_EQ(p.globals[7].i, 3);
}

// Go's messages for each bound that fails (checked against Go 1.23).
TEST_P(OpsTest, SliceBoundsMessages) {
  struct Case {
    int64_t lo, hi, max;
    uint32_t flags;
    const char* want;
  };
  const Case cases[] = {
      {0, 5, 0, 2, "slice bounds out of range [:5] with capacity 3"},
      {2, 1, 0, 3, "slice bounds out of range [2:1]"},
      {5, 0, 0, 1, "slice bounds out of range [5:3]"},
      {0, 1, 5, 7, "slice bounds out of range [::5] with capacity 3"},
      {0, 5, 3, 7, "slice bounds out of range [:5:3]"},
      {2, 1, 3, 7, "slice bounds out of range [2:1:]"},
      {0, -1, 0, 2, "slice bounds out of range [:-1]"},
      {-1, 0, 0, 1, "slice bounds out of range [-1:]"},
  };
  for (const Case& c : cases) {
    Program p;
    Asm m(p, "main.main", 0, 0, 12);
    uint32_t t_int = m.type(int_type());
    m.loadi(3, 3);
    m.op(Op::MAKESLICE, 0, 3, 3);
    m.extra(t_int);
    m.loadk_int(4, c.lo);
    m.loadk_int(5, c.hi);
    m.loadk_int(6, c.max);
    m.op(Op::SLICE, 8, 0, 4);
    m.extra(8 | uint64_t{c.flags} << 32);
    m.op(Op::RET, 0, 0);
    int status = 0;
    std::string err = run_capture(p, &status);
    EXPECT_EQ(status, 2);
    EXPECT_EQ(err.substr(0, err.find('\n')), std::string("panic: runtime error: ") + c.want);
  }
}

TEST_P(OpsTest, ArraySliceAndStringBoundsMessages) {
  Program p;
  Asm m(p, "main.main", 0, 0, 12);
  uint32_t t_arr = m.type(TypeTable::get().array_of(3, int_type()));
  m.op_bc(Op::NEW, 0, t_arr);
  m.loadi(4, 0);
  m.loadi(5, 1);
  m.loadi(6, 5);
  m.op(Op::SLICEARR, 8, 0, 4);  // a[0:1:5]
  m.extra(8 | uint64_t{7} << 32 | uint64_t{3} << 35);
  m.op(Op::RET, 0, 0);
  int status = 0;
  std::string err = run_capture(p, &status);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(err.substr(0, err.find('\n')), "panic: runtime error: slice bounds out of range [::5] with length 3");

  Program q;
  Asm s(q, "main.main", 0, 0, 12);
  s.loads(0, "abc");
  s.loadi(4, 0);
  s.loadi(5, 5);
  s.op(Op::SLICESTR, 8, 0, 4);
  s.extra(2);
  s.op(Op::RET, 0, 0);
  err = run_capture(q, &status);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(err.substr(0, err.find('\n')), "panic: runtime error: slice bounds out of range [:5] with length 3");
}

TEST_P(OpsTest, TypeAssertionMessages) {
  TypeTable& table = TypeTable::get();
  const Type* iface_m = table.interface_of({{"M", table.func_of({}, {}, false)}}, "main");
  Type* named_i = table.new_named("I", "main", 8201);
  table.set_underlying(named_i, iface_m);
  for (int which = 0; which < 2; ++which) {
    Program p;
    Asm m(p, "main.main", 0, 0, 12);
    uint32_t t_i = m.type(named_i);
    if (which == 0) {
      m.loads(0, "x");
      m.op(Op::IFACE, 2, 0, m.type(string_type()));
    } else {
      m.op(Op::ZERO, 2, 2);
    }
    m.op(Op::ASSERTI, 4, 2, t_i);
    m.extra(m.type(table.empty_interface()));
    m.op(Op::RET, 0, 0);
    int status = 0;
    std::string err = run_capture(p, &status);
    EXPECT_EQ(status, 2);
    EXPECT_EQ(err.substr(0, err.find('\n')), which == 0
                                                 ? "panic: interface conversion: string is not main.I: missing method M"
                                                 : "panic: interface conversion: interface is nil, not main.I");
  }
}

}  // namespace
}  // namespace gol::vm::test
