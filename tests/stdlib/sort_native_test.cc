// sort_native_test.cc — sort's reflection natives: sliceLen and swapElems.
//
// The panic texts are what Go 1.23 prints for sort.Slice / SliceIsSorted on
// a non-slice (reflectlite's ValueError): "reflect: call of Swapper on int
// Value", "... on zero Value" for nil, "reflect: call of reflect.Value.Len on
// int Value" from SliceIsSorted, which accepts strings, arrays and maps
// (SliceIsSorted("cba", less) is true in Go: its Len is 3).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "stdlib/natives.h"
#include "vm/runtime.h"

namespace gol::stdlib {
namespace {

using vm::Iface;
using vm::Kind;
using vm::Slot;
using vm::Type;
using vm::TypeTable;

class SortNative : public ::testing::Test {
 protected:
  void SetUp() override {
    vm::runtime_init();
    register_sort_natives(m_registry);
    m_g = vm::new_goroutine();
  }

  vm::NativeStatus call(const char* name, Slot* window) {
    vm::NativeFn fn = m_registry.find(std::string("sort.") + name);
    EXPECT_NE(fn, nullptr) << name;
    m_g->has_pending_panic = false;
    return fn(*m_g, window);
  }

  // The pending panic's message (the runtime error's string payload).
  std::string panic_message() {
    EXPECT_TRUE(m_g->has_pending_panic);
    const auto* s = static_cast<const vm::StringHeader*>(m_g->pending_panic.data.cp);
    return std::string(s->view());
  }

  // sliceLen(x, op): the length, or the panic message prefixed with "panic: ".
  std::string slice_len(Iface x, std::string_view op) {
    Slot w[4];
    w[0].cp = x.type;
    w[1] = x.data;
    w[2].cp = op.data();
    w[3].i = static_cast<int64_t>(op.size());
    if (call("sliceLen", w) != vm::NativeStatus::Ok) return "panic: " + panic_message();
    return std::to_string(w[0].i);
  }

  vm::NativeStatus swap(Iface x, int64_t i, int64_t j) {
    Slot w[4];
    w[0].cp = x.type;
    w[1] = x.data;
    w[2].i = i;
    w[3].i = j;
    return call("swapElems", w);
  }

  // A slice value of type t in an interface.
  static Iface slice_iface(const Type* t, void* data, int64_t len) {
    Slot s[3];
    s[0].p = data;
    s[1].i = len;
    s[2].i = len;
    return vm::make_iface(t, s);
  }

  vm::NativeRegistry m_registry;
  vm::Goroutine* m_g = nullptr;
};

TEST_F(SortNative, SliceLenOfSlices) {
  TypeTable& tt = TypeTable::get();
  int64_t data[5] = {};
  EXPECT_EQ(slice_len(slice_iface(tt.slice_of(tt.basic(Kind::Int)), data, 5), "Swapper"), "5");
  EXPECT_EQ(slice_len(slice_iface(tt.slice_of(tt.basic(Kind::Int)), nullptr, 0), "Swapper"), "0");
  // A named slice type (sort.IntSlice-like) is a slice too.
  Type* named = tt.new_named("Ints", "main", 9101);
  tt.set_underlying(named, tt.slice_of(tt.basic(Kind::Int)));
  EXPECT_EQ(slice_len(slice_iface(named, data, 3), "reflect.Value.Len"), "3");
}

TEST_F(SortNative, SliceLenPanicsLikeReflect) {
  TypeTable& tt = TypeTable::get();
  Slot five;
  five.i = 5;
  EXPECT_EQ(slice_len(Iface{tt.basic(Kind::Int), five}, "Swapper"), "panic: reflect: call of Swapper on int Value");
  EXPECT_EQ(slice_len(Iface{nullptr, Slot{}}, "Swapper"), "panic: reflect: call of Swapper on zero Value");
  EXPECT_EQ(slice_len(Iface{tt.pointer_to(tt.basic(Kind::Int)), five}, "Swapper"),
            "panic: reflect: call of Swapper on ptr Value");
  EXPECT_EQ(slice_len(Iface{tt.basic(Kind::Float64), five}, "Swapper"),
            "panic: reflect: call of Swapper on float64 Value");
  EXPECT_EQ(slice_len(Iface{tt.basic(Kind::Int), five}, "reflect.Value.Len"),
            "panic: reflect: call of reflect.Value.Len on int Value");
  EXPECT_EQ(slice_len(Iface{nullptr, Slot{}}, "reflect.Value.Len"),
            "panic: reflect: call of reflect.Value.Len on zero Value");
  Slot str[2];
  str[0].cp = "cba";
  str[1].i = 3;
  Iface s = vm::make_iface(tt.basic(Kind::String), str);
  EXPECT_EQ(slice_len(s, "Swapper"), "panic: reflect: call of Swapper on string Value");
  // Value.Len works on strings, arrays and maps.
  EXPECT_EQ(slice_len(s, "reflect.Value.Len"), "3");
  Slot arr[4] = {};
  EXPECT_EQ(slice_len(vm::make_iface(tt.array_of(4, tt.basic(Kind::Int)), arr), "reflect.Value.Len"), "4");
  const Type* map_type = tt.map_of(tt.basic(Kind::Int), tt.basic(Kind::Int));
  vm::Map* m = vm::map_new(map_type, 0);
  for (int64_t k = 0; k < 3; ++k) {
    Slot key;
    key.i = k;
    const Type* bad = nullptr;
    vm::map_assign(m, &key, &bad)->i = k;
  }
  Slot mslot;
  mslot.p = m;
  EXPECT_EQ(slice_len(Iface{map_type, mslot}, "reflect.Value.Len"), "3");
  EXPECT_EQ(slice_len(Iface{map_type, mslot}, "Swapper"), "panic: reflect: call of Swapper on map Value");
}

TEST_F(SortNative, SwapElemsOfEveryStride) {
  TypeTable& tt = TypeTable::get();
  int64_t ints[3] = {1, 2, 3};
  ASSERT_EQ(swap(slice_iface(tt.slice_of(tt.basic(Kind::Int)), ints, 3), 0, 2), vm::NativeStatus::Ok);
  EXPECT_EQ(std::vector<int64_t>(ints, ints + 3), (std::vector<int64_t>{3, 2, 1}));

  uint8_t bytes[4] = {10, 20, 30, 40};  // packed: one byte each
  ASSERT_EQ(swap(slice_iface(tt.slice_of(tt.basic(Kind::Uint8)), bytes, 4), 1, 3), vm::NativeStatus::Ok);
  EXPECT_EQ(std::vector<uint8_t>(bytes, bytes + 4), (std::vector<uint8_t>{10, 40, 30, 20}));

  int32_t runes[3] = {-1, 'x', 0x10FFFF};
  ASSERT_EQ(swap(slice_iface(tt.slice_of(tt.basic(Kind::Int32)), runes, 3), 2, 0), vm::NativeStatus::Ok);
  EXPECT_EQ(std::vector<int32_t>(runes, runes + 3), (std::vector<int32_t>{0x10FFFF, 'x', -1}));

  // A 3-slot struct { a, b, c int }.
  const Type* triple = tt.struct_of({{"a", tt.basic(Kind::Int), false, ""},
                                     {"b", tt.basic(Kind::Int), false, ""},
                                     {"c", tt.basic(Kind::Int), false, ""}},
                                    "main");
  int64_t structs[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  ASSERT_EQ(swap(slice_iface(tt.slice_of(triple), structs, 3), 0, 2), vm::NativeStatus::Ok);
  EXPECT_EQ(std::vector<int64_t>(structs, structs + 9), (std::vector<int64_t>{7, 8, 9, 4, 5, 6, 1, 2, 3}));

  // Strings: both slots move.
  vm::StringHeader strs[2] = {{"a", 1}, {"bcd", 3}};
  ASSERT_EQ(swap(slice_iface(tt.slice_of(tt.basic(Kind::String)), strs, 2), 0, 1), vm::NativeStatus::Ok);
  EXPECT_EQ(strs[0].view(), "bcd");
  EXPECT_EQ(strs[1].view(), "a");

  // A large element (an array of 20 ints) crosses the swap buffer's size.
  const Type* big = tt.array_of(20, tt.basic(Kind::Int));
  std::vector<int64_t> bigs(40);
  for (int i = 0; i < 40; ++i) bigs[i] = i;
  ASSERT_EQ(swap(slice_iface(tt.slice_of(big), bigs.data(), 2), 1, 0), vm::NativeStatus::Ok);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(bigs[i], i + 20);
    EXPECT_EQ(bigs[i + 20], i);
  }
}

TEST_F(SortNative, SwapElemsOutOfRangeIsAnIndexError) {
  TypeTable& tt = TypeTable::get();
  int64_t ints[2] = {1, 2};
  EXPECT_EQ(swap(slice_iface(tt.slice_of(tt.basic(Kind::Int)), ints, 2), 0, 2), vm::NativeStatus::Panic);
  EXPECT_EQ(panic_message(), "runtime error: index out of range [2] with length 2");
  EXPECT_EQ(swap(slice_iface(tt.slice_of(tt.basic(Kind::Int)), ints, 2), -1, 0), vm::NativeStatus::Panic);
  EXPECT_EQ(panic_message(), "runtime error: index out of range [-1]");
  EXPECT_EQ(std::vector<int64_t>(ints, ints + 2), (std::vector<int64_t>{1, 2}));
}

}  // namespace
}  // namespace gol::stdlib
