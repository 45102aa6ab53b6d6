// equal_test.cc — Go's == over slot-form values, interface boxing, and the
// hash's consistency with ==.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "vm/runtime.h"

namespace gol::vm {
namespace {

class EqualTest : public ::testing::Test {
 protected:
  void SetUp() override { runtime_init(); }
  TypeTable& tt = TypeTable::get();
  const Type* int_t = tt.basic(Kind::Int);
  const Type* f64 = tt.basic(Kind::Float64);
  const Type* str = tt.basic(Kind::String);
  const Type* any = tt.empty_interface();
  const Type* bad = nullptr;

  bool eq(const Type* t, const Slot* a, const Slot* b) { return values_equal(t, a, b, &bad); }
  uint64_t hash(const Type* t, const Slot* v, uint64_t seed = 1) { return hash_value(t, v, seed, &bad); }
};

Slot s_int(int64_t v) { return Slot{.i = v}; }
Slot s_f(double v) { return Slot{.f = v}; }

TEST_F(EqualTest, Scalars) {
  Slot a = s_int(5), b = s_int(5), c = s_int(6);
  EXPECT_TRUE(eq(int_t, &a, &b));
  EXPECT_FALSE(eq(int_t, &a, &c));
  EXPECT_EQ(bad, nullptr);
  EXPECT_EQ(hash(int_t, &a), hash(int_t, &b));
  EXPECT_NE(hash(int_t, &a), hash(int_t, &c));
  EXPECT_NE(hash(int_t, &a, 1), hash(int_t, &a, 2));  // seeded
}

TEST_F(EqualTest, FloatsAreIeee) {
  Slot pz = s_f(0.0), nz = s_f(-0.0), nan = s_f(std::nan("")), one = s_f(1.0);
  EXPECT_TRUE(eq(f64, &pz, &nz));
  EXPECT_EQ(hash(f64, &pz), hash(f64, &nz));
  EXPECT_FALSE(eq(f64, &nan, &nan));
  EXPECT_NE(hash(f64, &nan), hash(f64, &nan));  // random per call
  EXPECT_FALSE(eq(f64, &one, &pz));
  Slot one2 = s_f(1.0);
  EXPECT_EQ(hash(f64, &one), hash(f64, &one2));
}

TEST_F(EqualTest, StringsByBytes) {
  std::string x = "hello", y = "hello";
  Slot a[2] = {{.cp = x.data()}, {.i = 5}};
  Slot b[2] = {{.cp = y.data()}, {.i = 5}};
  Slot c[2] = {{.cp = y.data()}, {.i = 4}};
  EXPECT_TRUE(eq(str, a, b));
  EXPECT_FALSE(eq(str, a, c));
  EXPECT_EQ(hash(str, a), hash(str, b));
  EXPECT_NE(hash(str, a), hash(str, c));
  Slot e1[2] = {{.cp = nullptr}, {.i = 0}};
  Slot e2[2] = {{.cp = "zz"}, {.i = 0}};
  EXPECT_TRUE(eq(str, e1, e2));
  EXPECT_EQ(hash(str, e1), hash(str, e2));
}

TEST_F(EqualTest, HashBytesUsesEveryByte) {
  std::string base(40, 'a');
  uint64_t h = hash_bytes(base.data(), base.size(), 9);
  for (size_t i = 0; i < base.size(); i++) {
    std::string changed = base;
    changed[i] = 'b';
    EXPECT_NE(hash_bytes(changed.data(), changed.size(), 9), h) << i;
  }
  EXPECT_NE(hash_bytes(base.data(), 39, 9), h);
}

TEST_F(EqualTest, StructsSkipBlankFields) {
  const Type* s = tt.struct_of({{"A", int_t, false, ""}, {"_", int_t, false, ""}, {"B", f64, false, ""}}, "main");
  Slot a[3] = {s_int(1), s_int(100), s_f(-0.0)};
  Slot b[3] = {s_int(1), s_int(200), s_f(0.0)};
  Slot c[3] = {s_int(2), s_int(100), s_f(0.0)};
  EXPECT_TRUE(eq(s, a, b));
  EXPECT_EQ(hash(s, a), hash(s, b));
  EXPECT_FALSE(eq(s, a, c));
}

TEST_F(EqualTest, Arrays) {
  const Type* a3 = tt.array_of(3, int_t);
  Slot a[3] = {s_int(1), s_int(2), s_int(3)}, b[3] = {s_int(1), s_int(2), s_int(3)},
       c[3] = {s_int(1), s_int(2), s_int(4)};
  EXPECT_TRUE(eq(a3, a, b));
  EXPECT_FALSE(eq(a3, a, c));
  EXPECT_EQ(hash(a3, a), hash(a3, b));
  // Packed: [5]byte in one slot, compared on its 5 bytes only.
  const Type* b5 = tt.array_of(5, tt.basic(Kind::Uint8));
  Slot p{.u = 0x0504030201}, q{.u = 0x0504030201}, r{.u = 0x0604030201};
  EXPECT_TRUE(eq(b5, &p, &q));
  EXPECT_FALSE(eq(b5, &p, &r));
  EXPECT_EQ(hash(b5, &p), hash(b5, &q));
  // Floats inside arrays compare as floats.
  const Type* f2 = tt.array_of(2, f64);
  Slot x[2] = {s_f(0.0), s_f(1)}, y[2] = {s_f(-0.0), s_f(1)}, z[2] = {s_f(NAN), s_f(1)};
  EXPECT_TRUE(eq(f2, x, y));
  EXPECT_FALSE(eq(f2, z, z));
}

TEST_F(EqualTest, MakeIfaceBoxesBigValues) {
  Slot v = s_int(42);
  Iface i = make_iface(int_t, &v);
  EXPECT_EQ(i.type, int_t);
  EXPECT_EQ(i.data.i, 42);
  EXPECT_EQ(iface_payload(i)->i, 42);

  std::string text = "hi";
  Slot sv[2] = {{.cp = text.data()}, {.i = 2}};
  Iface s = make_iface(str, sv);
  ASSERT_NE(s.data.p, nullptr);
  EXPECT_NE(s.data.p, static_cast<void*>(sv));
  EXPECT_EQ(iface_payload(s)[1].i, 2);
  sv[1].i = 1;  // the box is a copy
  EXPECT_EQ(iface_payload(s)[1].i, 2);

  const Type* empty = tt.struct_of({}, "main");
  Iface e = make_iface(empty, nullptr);
  EXPECT_EQ(e.type, empty);
  EXPECT_EQ(e.data.u, 0u);

  EXPECT_EQ(iface_payload(Iface{nullptr, {0}}), nullptr);
}

TEST_F(EqualTest, Interfaces) {
  Slot five = s_int(5);
  Iface a = make_iface(int_t, &five);
  Iface b = make_iface(int_t, &five);
  const Type* i64 = tt.basic(Kind::Int64);
  Iface c = make_iface(i64, &five);  // same bits, other dynamic type
  EXPECT_TRUE(ifaces_equal(a, b, &bad));
  EXPECT_FALSE(ifaces_equal(a, c, &bad));
  EXPECT_TRUE(ifaces_equal(Iface{nullptr, {0}}, Iface{nullptr, {0}}, &bad));
  EXPECT_FALSE(ifaces_equal(a, Iface{nullptr, {0}}, &bad));
  EXPECT_EQ(bad, nullptr);

  std::string t1 = "abc", t2 = "abc";
  Slot s1[2] = {{.cp = t1.data()}, {.i = 3}}, s2[2] = {{.cp = t2.data()}, {.i = 3}};
  Iface x = make_iface(str, s1), y = make_iface(str, s2);
  EXPECT_TRUE(ifaces_equal(x, y, &bad));
  // As values of type any (2 slots each).
  Slot vx[2] = {{.cp = x.type}, x.data}, vy[2] = {{.cp = y.type}, y.data};
  EXPECT_TRUE(eq(any, vx, vy));
  EXPECT_EQ(hash(any, vx), hash(any, vy));
  Slot va[2] = {{.cp = a.type}, a.data}, vc[2] = {{.cp = c.type}, c.data};
  EXPECT_NE(hash(any, va), hash(any, vc));
}

TEST_F(EqualTest, UncomparableDynamicTypeIsReported) {
  const Type* slice = tt.slice_of(int_t);
  Slot sv[3] = {{.p = nullptr}, {.i = 0}, {.i = 0}};
  Iface a = make_iface(slice, sv);
  Iface b = make_iface(slice, sv);
  EXPECT_FALSE(ifaces_equal(a, b, &bad));
  EXPECT_EQ(bad, slice);
  bad = nullptr;
  // Different dynamic types: unequal without panicking (Go compares types first).
  Slot one = s_int(1);
  EXPECT_FALSE(ifaces_equal(a, make_iface(int_t, &one), &bad));
  EXPECT_EQ(bad, nullptr);
  // Hashing reports it too, also inside a struct.
  Slot va[2] = {{.cp = a.type}, a.data};
  hash(any, va);
  EXPECT_EQ(bad, slice);
  const Type* s = tt.struct_of({{"K", any, false, ""}}, "main");
  hash(s, va);
  EXPECT_EQ(bad, slice);
  EXPECT_FALSE(eq(s, va, va));
  EXPECT_EQ(bad, slice);
  // A later successful call clears it.
  EXPECT_TRUE(eq(int_t, &one, &one));
  EXPECT_EQ(bad, nullptr);
}

TEST_F(EqualTest, FastRandVaries) {
  uint64_t a = fast_rand(), b = fast_rand(), c = fast_rand();
  EXPECT_FALSE(a == b && b == c);
}

}  // namespace
}  // namespace gol::vm
