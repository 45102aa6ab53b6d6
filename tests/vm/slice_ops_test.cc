// slice_ops_test.cc — append growth matches Go 1.23's cap() sequence, and
// packed element loads/stores extend as Go's types require.
//
// The expected capacities were printed by Go 1.23 (amd64) for a loop of
// 20,000 single appends to a nil slice, printing cap() each time it changed.
#include <gtest/gtest.h>

#include <vector>

#include "vm/runtime.h"

namespace gol::vm {
namespace {

class SliceOpsTest : public ::testing::Test {
 protected:
  void SetUp() override { runtime_init(); }
  TypeTable& tt = TypeTable::get();
};

// The capacities a loop of single appends goes through.
std::vector<int64_t> caps_of_appends(const Type* elem, int n) {
  std::vector<int64_t> caps;
  SliceHeader s{nullptr, 0, 0};
  std::vector<Slot> zero(elem->slots + 1);
  for (int i = 0; i < n; i++) {
    if (s.len + 1 > s.cap) {
      s = grow_slice(elem, s, 1);
      caps.push_back(s.cap);
    }
    store_elem(elem, static_cast<char*>(s.data) + s.len * elem->stride, zero.data());
    s.len++;
  }
  return caps;
}

TEST_F(SliceOpsTest, GrowthBytes) {
  EXPECT_EQ(caps_of_appends(tt.basic(Kind::Uint8), 20000),
            (std::vector<int64_t>{8, 16, 32, 64, 128, 256, 512, 896, 1408, 2048, 3072, 4096, 5376,
                                  6912, 9472, 12288, 16384, 21760}));
}

TEST_F(SliceOpsTest, GrowthInts) {
  EXPECT_EQ(caps_of_appends(tt.basic(Kind::Int), 20000),
            (std::vector<int64_t>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560,
                                  3408, 5120, 7168, 9216, 12288, 16384, 21504}));
}

TEST_F(SliceOpsTest, GrowthPointersUseTheMallocHeader) {
  EXPECT_EQ(caps_of_appends(tt.pointer_to(tt.basic(Kind::Int)), 20000),
            (std::vector<int64_t>{1, 2, 4, 8, 16, 32, 64, 143, 287, 607, 1023, 1535, 2303, 3071,
                                  4095, 6144, 8192, 11264, 14336, 18432, 23552}));
}

TEST_F(SliceOpsTest, GrowthStrings) {
  EXPECT_EQ(caps_of_appends(tt.basic(Kind::String), 20000),
            (std::vector<int64_t>{1, 2, 4, 8, 16, 32, 71, 143, 303, 591, 1023, 1535, 2560, 3584,
                                  5120, 6656, 8704, 11264, 14336, 18432, 23552}));
}

TEST_F(SliceOpsTest, GrowthSlices) {
  EXPECT_EQ(caps_of_appends(tt.slice_of(tt.basic(Kind::Int)), 20000),
            (std::vector<int64_t>{1, 2, 4, 8, 16, 37, 74, 170, 341, 682, 1135, 1706, 2389, 3413,
                                  4778, 6485, 8533, 10922, 13994, 17749, 22528}));
}

TEST_F(SliceOpsTest, GrowthThreeIntStruct) {
  const Type* int_t = tt.basic(Kind::Int);
  const Type* s3 = tt.struct_of({{"a", int_t, false, ""}, {"b", int_t, false, ""}, {"c", int_t, false, ""}}, "main");
  EXPECT_EQ(caps_of_appends(s3, 20000),
            (std::vector<int64_t>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853, 1365, 2048, 3072,
                                  4096, 5461, 7168, 9216, 11946, 15360, 19456, 24576}));
}

TEST_F(SliceOpsTest, GrowthInt32) {
  EXPECT_EQ(caps_of_appends(tt.basic(Kind::Int32), 20000),
            (std::vector<int64_t>{2, 4, 8, 16, 32, 64, 128, 256, 512, 864, 1344, 2048, 3072, 4096,
                                  5440, 7168, 10240, 14336, 18432, 24576}));
}

TEST_F(SliceOpsTest, GrowthFollowsGoSizeNotSlotSize) {
  // struct{ a int32; b int8 } is 8 bytes in Go (two slots here): Go's caps.
  const Type* p = tt.struct_of({{"a", tt.basic(Kind::Int32), false, ""}, {"b", tt.basic(Kind::Int8), false, ""}}, "main");
  EXPECT_EQ(p->slots, 2u);
  EXPECT_EQ(caps_of_appends(p, 20000),
            (std::vector<int64_t>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560,
                                  3408, 5120, 7168, 9216, 12288, 16384, 21504}));
}

TEST_F(SliceOpsTest, GrowManyAtOnce) {
  const Type* int_t = tt.basic(Kind::Int);
  // append([]int{1, 2, 3}, 4, 5, 6, 7): cap 8
  SliceHeader s{gc_alloc_atomic(24), 3, 3};
  static_cast<int64_t*>(s.data)[2] = 42;
  SliceHeader g = grow_slice(int_t, s, 4);
  EXPECT_EQ(g.cap, 8);
  EXPECT_EQ(g.len, 3);
  EXPECT_EQ(static_cast<int64_t*>(g.data)[2], 42);  // old elements copied
  EXPECT_NE(g.data, s.data);
  // append([]int(nil), make([]int, 1000)...): cap 1024
  EXPECT_EQ(grow_slice(int_t, SliceHeader{nullptr, 0, 0}, 1000).cap, 1024);
  // append([]string(nil), make([]string, 100)...): cap 111
  EXPECT_EQ(grow_slice(tt.basic(Kind::String), SliceHeader{nullptr, 0, 0}, 100).cap, 111);
  // append([]byte("hello"), " world"...) from cap 5: cap 16
  EXPECT_EQ(grow_slice(tt.basic(Kind::Uint8), SliceHeader{gc_alloc_atomic(5), 5, 5}, 6).cap, 16);
}

TEST_F(SliceOpsTest, ZeroSizeElements) {
  const Type* empty = tt.struct_of({}, "main");
  SliceHeader g = grow_slice(empty, SliceHeader{nullptr, 0, 0}, 5);
  EXPECT_NE(g.data, nullptr);
  EXPECT_EQ(g.len, 0);
  EXPECT_EQ(g.cap, 5);
}

TEST_F(SliceOpsTest, GrowCopiesMultiSlotElements) {
  const Type* str = tt.basic(Kind::String);
  SliceHeader s = grow_slice(str, SliceHeader{nullptr, 0, 0}, 1);
  Slot v[2] = {{.cp = "hey"}, {.i = 3}};
  store_elem(str, s.data, v);
  s.len = 1;
  SliceHeader g = grow_slice(str, s, 1);
  Slot out[2];
  load_elem(str, g.data, out);
  EXPECT_EQ(out[0].cp, v[0].cp);
  EXPECT_EQ(out[1].i, 3);
}

TEST_F(SliceOpsTest, PackedLoadsExtendPerKind) {
  uint8_t mem[8];
  Slot v{.i = -1};
  Slot out{.u = 0};

  store_elem(tt.basic(Kind::Int8), mem, &v);
  EXPECT_EQ(mem[0], 0xFF);
  load_elem(tt.basic(Kind::Int8), mem, &out);
  EXPECT_EQ(out.i, -1);
  load_elem(tt.basic(Kind::Uint8), mem, &out);
  EXPECT_EQ(out.i, 255);

  store_elem(tt.basic(Kind::Int16), mem, &v);
  load_elem(tt.basic(Kind::Int16), mem, &out);
  EXPECT_EQ(out.i, -1);
  load_elem(tt.basic(Kind::Uint16), mem, &out);
  EXPECT_EQ(out.i, 65535);

  store_elem(tt.basic(Kind::Int32), mem, &v);
  load_elem(tt.basic(Kind::Int32), mem, &out);
  EXPECT_EQ(out.i, -1);
  load_elem(tt.basic(Kind::Uint32), mem, &out);
  EXPECT_EQ(out.i, 4294967295);

  Slot t{.u = 1};
  std::memset(mem, 0xAA, sizeof mem);
  store_elem(tt.basic(Kind::Bool), mem, &t);
  EXPECT_EQ(mem[0], 1);
  EXPECT_EQ(mem[1], 0xAA);  // neighbours untouched
  load_elem(tt.basic(Kind::Bool), mem, &out);
  EXPECT_EQ(out.u, 1u);

  Slot big{.i = -123456789012};
  store_elem(tt.basic(Kind::Int), mem, &big);
  load_elem(tt.basic(Kind::Int), mem, &out);
  EXPECT_EQ(out.i, -123456789012);
}

TEST_F(SliceOpsTest, PackedArrayElementIsCopiedAsSlots) {
  // [3]byte as an element: one slot holding three packed bytes.
  const Type* a3 = tt.array_of(3, tt.basic(Kind::Uint8));
  Slot v{.u = 0x030201};
  Slot mem[2] = {{.u = 0}, {.u = 77}};
  store_elem(a3, mem, &v);
  EXPECT_EQ(mem[0].u, 0x030201u);
  EXPECT_EQ(mem[1].u, 77u);
  Slot out{.u = 0};
  load_elem(a3, mem, &out);
  EXPECT_EQ(out.u, 0x030201u);
}

}  // namespace
}  // namespace gol::vm
