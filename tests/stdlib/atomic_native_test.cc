// atomic_native_test.cc — the natives of package sync/atomic: widths, the
// slot form of results, wrap-around, nil addresses, and Value's rules.
//
// Expected values are Go 1.23's for the same calls (int32 arithmetic wraps,
// And/Or return the old value, Add the new one). Atomicity itself is the
// hardware's; what can go wrong here is the width (a 32-bit operation that
// touched the next packed element) and the extension of results into slots.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "stdlib/natives.h"
#include "vm/goroutine.h"
#include "vm/runtime.h"
#include "vm/type.h"

namespace gol::stdlib {
namespace {

using vm::NativeStatus;
using vm::Slot;

class AtomicNative : public ::testing::Test {
 protected:
  void SetUp() override {
    vm::runtime_init();
    register_atomic_natives(m_registry);
    m_g = vm::new_goroutine();
  }

  NativeStatus call(const std::string& name, Slot* w) {
    vm::NativeFn fn = m_registry.find("sync/atomic." + name);
    EXPECT_NE(fn, nullptr) << name;
    return fn == nullptr ? NativeStatus::Panic : fn(*m_g, w);
  }
  // Calls and expects Ok; returns the first result slot.
  Slot ok(const std::string& name, Slot w0, Slot w1 = {}, Slot w2 = {}) {
    Slot w[6] = {w0, w1, w2};
    EXPECT_EQ(call(name, w), NativeStatus::Ok) << name;
    return w[0];
  }
  static Slot p(void* ptr) { return Slot{.p = ptr}; }
  static Slot i(int64_t v) { return Slot{.i = v}; }
  static Slot u(uint64_t v) { return Slot{.u = v}; }

  vm::NativeRegistry m_registry;
  vm::Goroutine* m_g = nullptr;
};

TEST_F(AtomicNative, EveryFunctionOfGoIsRegistered) {
  for (const char* kind : {"Int32", "Int64", "Uint32", "Uint64", "Uintptr"}) {
    for (const char* op : {"Load", "Store", "Swap", "CompareAndSwap", "Add", "And", "Or"}) {
      EXPECT_NE(m_registry.find(std::string("sync/atomic.") + op + kind), nullptr) << op << kind;
    }
  }
}

TEST_F(AtomicNative, Int32ResultsAreSignExtendedAndWrap) {
  int32_t x = 0;
  EXPECT_EQ(ok("AddInt32", p(&x), i(-1)).i, -1);
  EXPECT_EQ(x, -1);
  x = INT32_MAX;
  EXPECT_EQ(ok("AddInt32", p(&x), i(1)).i, INT32_MIN);  // wraps, as Go's
  EXPECT_EQ(ok("LoadInt32", p(&x)).i, INT32_MIN);
  EXPECT_EQ(ok("SwapInt32", p(&x), i(-5)).i, INT32_MIN);
  EXPECT_EQ(ok("CompareAndSwapInt32", p(&x), i(-5), i(7)).u, 1u);
  EXPECT_EQ(ok("CompareAndSwapInt32", p(&x), i(-5), i(9)).u, 0u);
  EXPECT_EQ(x, 7);
  EXPECT_EQ(ok("AndInt32", p(&x), i(-2)).i, 7);  // old value
  EXPECT_EQ(ok("OrInt32", p(&x), i(INT32_MIN)).i, 6);
  EXPECT_EQ(ok("LoadInt32", p(&x)).i, static_cast<int64_t>(INT32_MIN) + 6);
}

TEST_F(AtomicNative, Uint32ResultsAreZeroExtended) {
  uint32_t x = 0;
  EXPECT_EQ(ok("AddUint32", p(&x), u(0xffffffffu)).u, 0xffffffffu);  // delta ^uint32(0): minus one
  EXPECT_EQ(ok("AddUint32", p(&x), u(2)).u, 1u);
  ok("StoreUint32", p(&x), u(0x80000000u));
  EXPECT_EQ(ok("LoadUint32", p(&x)).u, 0x80000000u);
}

TEST_F(AtomicNative, ThirtyTwoBitOperationsLeaveTheNeighbourAlone) {
  // [3]int32 is packed: &a[1] points at 4 bytes between two others.
  int32_t a[3] = {-1, 5, -1};
  ok("AddInt32", p(&a[1]), i(-10));
  ok("StoreInt32", p(&a[1]), i(-20));
  ok("SwapInt32", p(&a[1]), i(-30));
  ok("CompareAndSwapInt32", p(&a[1]), i(-30), i(0));
  EXPECT_EQ(a[0], -1);
  EXPECT_EQ(a[1], 0);
  EXPECT_EQ(a[2], -1);
}

TEST_F(AtomicNative, SixtyFourBitOperations) {
  int64_t x = INT64_MAX;
  EXPECT_EQ(ok("AddInt64", p(&x), i(1)).i, INT64_MIN);
  uint64_t y = 0;
  EXPECT_EQ(ok("AddUint64", p(&y), u(~uint64_t{0})).u, ~uint64_t{0});
  EXPECT_EQ(ok("SwapUintptr", p(&y), u(42)).u, ~uint64_t{0});
  EXPECT_EQ(ok("CompareAndSwapUint64", p(&y), u(42), u(43)).u, 1u);
  EXPECT_EQ(ok("OrUint64", p(&y), u(0xf00)).u, 43u);
  EXPECT_EQ(ok("AndUint64", p(&y), u(0xf00)).u, 0xf2bu);
  EXPECT_EQ(y, 0xf00u);
}

TEST_F(AtomicNative, NilAddressPanicsWithNilDereference) {
  for (const char* name : {"LoadInt32", "StoreUint64", "AddInt64", "SwapUint32", "CompareAndSwapInt32", "OrUintptr"}) {
    Slot w[4] = {p(nullptr), i(1), i(2)};
    m_g->has_pending_panic = false;
    EXPECT_EQ(call(name, w), NativeStatus::Panic) << name;
    EXPECT_TRUE(m_g->has_pending_panic) << name;
    // A runtime.Error whose Error() the interpreter resolves; its message is in the fallback form.
    EXPECT_NE(vm::panic_value_string(m_g->pending_panic).find("invalid memory address or nil pointer dereference"),
              std::string::npos)
        << name;
  }
}

TEST_F(AtomicNative, ValueKeepsOneTypeAndSwapsOnlyItsOwnWords) {
  const vm::Type* int_t = vm::TypeTable::get().basic(vm::Kind::Int);
  const vm::Type* str_t = vm::TypeTable::get().basic(vm::Kind::String);
  Slot value[2] = {};  // a zero Value: the nil interface
  Slot w[6];

  w[0] = p(value);
  ASSERT_EQ(call("valueLoad", w), NativeStatus::Ok);
  EXPECT_EQ(w[0].cp, nullptr);

  w[0] = p(value), w[1] = Slot{.cp = int_t}, w[2] = i(1);
  ASSERT_EQ(call("valueStore", w), NativeStatus::Ok);
  EXPECT_EQ(w[0].u, 1u);
  w[0] = p(value), w[1] = Slot{.cp = str_t}, w[2] = i(0);
  ASSERT_EQ(call("valueStore", w), NativeStatus::Ok);
  EXPECT_EQ(w[0].u, 0u) << "a string stored into a Value holding an int";
  EXPECT_EQ(value[0].cp, int_t);
  EXPECT_EQ(value[1].i, 1);

  w[0] = p(value), w[1] = Slot{.cp = int_t}, w[2] = i(2);
  ASSERT_EQ(call("valueSwap", w), NativeStatus::Ok);
  EXPECT_EQ(w[0].cp, int_t);
  EXPECT_EQ(w[1].i, 1);
  EXPECT_EQ(w[2].u, 1u);

  // CAS against words that are no longer there fails; against the current ones succeeds.
  w[0] = p(value), w[1] = Slot{.cp = int_t}, w[2] = i(1), w[3] = Slot{.cp = int_t}, w[4] = i(3);
  ASSERT_EQ(call("valueCompareAndSwap", w), NativeStatus::Ok);
  EXPECT_EQ(w[0].u, 0u);
  w[0] = p(value), w[1] = Slot{.cp = int_t}, w[2] = i(2), w[3] = Slot{.cp = int_t}, w[4] = i(3);
  ASSERT_EQ(call("valueCompareAndSwap", w), NativeStatus::Ok);
  EXPECT_EQ(w[0].u, 1u);
  EXPECT_EQ(value[1].i, 3);

  w[0] = Slot{.cp = int_t}, w[1] = i(0), w[2] = Slot{.cp = str_t}, w[3] = i(0);
  ASSERT_EQ(call("sameType", w), NativeStatus::Ok);
  EXPECT_EQ(w[0].u, 0u);

  w[0] = p(nullptr);
  EXPECT_EQ(call("valueLoad", w), NativeStatus::Panic);
}

}  // namespace
}  // namespace gol::stdlib
