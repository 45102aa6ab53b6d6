// type_test.cc — run-time type descriptors: Go's %T names, interning,
// layout in slots, method tables and interface satisfaction.
//
// Expected names were printed by Go 1.23's fmt.Printf("%T") for the same
// types.
#include <gtest/gtest.h>

#include <thread>

#include "vm/runtime.h"
#include "vm/type.h"

namespace gol::vm {
namespace {

class TypeTest : public ::testing::Test {
 protected:
  void SetUp() override { runtime_init(); }
  TypeTable& tt = TypeTable::get();
  const Type* int_t = tt.basic(Kind::Int);
  const Type* string_t = tt.basic(Kind::String);
  const Type* bool_t = tt.basic(Kind::Bool);
  const Type* u8 = tt.basic(Kind::Uint8);
};

TEST_F(TypeTest, KindNamesMatchReflect) {
  EXPECT_STREQ(kind_name(Kind::Int), "int");
  EXPECT_STREQ(kind_name(Kind::Uint8), "uint8");
  EXPECT_STREQ(kind_name(Kind::Pointer), "ptr");
  EXPECT_STREQ(kind_name(Kind::Struct), "struct");
  EXPECT_STREQ(kind_name(Kind::Interface), "interface");
  EXPECT_STREQ(kind_name(Kind::UnsafePointer), "unsafe.Pointer");
}

TEST_F(TypeTest, BasicTypes) {
  EXPECT_EQ(int_t->name, "int");
  EXPECT_EQ(tt.basic(Kind::Int32)->name, "int32");  // rune prints as int32
  EXPECT_EQ(u8->name, "uint8");                     // byte prints as uint8
  EXPECT_EQ(tt.basic(Kind::Float64)->name, "float64");
  EXPECT_TRUE(int_t->named);
  EXPECT_TRUE(int_t->comparable);
  EXPECT_FALSE(int_t->has_pointers);
  EXPECT_EQ(int_t->slots, 1u);
  EXPECT_EQ(int_t->stride, 8u);
  EXPECT_EQ(u8->stride, 1u);
  EXPECT_EQ(tt.basic(Kind::Int16)->stride, 2u);
  EXPECT_EQ(tt.basic(Kind::Uint32)->stride, 4u);
  EXPECT_EQ(tt.basic(Kind::Float32)->stride, 8u);  // float32 is kept as a double
  EXPECT_EQ(string_t->slots, 2u);
  EXPECT_TRUE(string_t->has_pointers);
  EXPECT_EQ(tt.basic(Kind::Int), int_t);
  EXPECT_EQ(int_t->underlying, int_t);
}

TEST_F(TypeTest, CompositeNames) {
  EXPECT_EQ(tt.slice_of(int_t)->name, "[]int");
  EXPECT_EQ(tt.array_of(3, string_t)->name, "[3]string");
  EXPECT_EQ(tt.map_of(string_t, int_t)->name, "map[string]int");
  EXPECT_EQ(tt.array_of(3, tt.slice_of(u8))->name, "[3][]uint8");
  EXPECT_EQ(tt.slice_of(tt.empty_interface())->name, "[]interface {}");
  EXPECT_EQ(tt.slice_of(tt.error_type())->name, "[]error");
  EXPECT_EQ(tt.func_of({int_t, string_t}, {bool_t, tt.error_type()}, false)->name,
            "func(int, string) (bool, error)");
  EXPECT_EQ(tt.func_of({tt.slice_of(int_t)}, {}, true)->name, "func(...int)");
  EXPECT_EQ(tt.func_of({int_t}, {int_t}, false)->name, "func(int) int");
  EXPECT_EQ(tt.func_of({}, {}, false)->name, "func()");
  const Type* pred = tt.func_of({int_t}, {bool_t}, false);
  EXPECT_EQ(tt.func_of({pred}, {tt.func_of({}, {}, false)}, false)->name, "func(func(int) bool) func()");
}

TEST_F(TypeTest, ChanNames) {
  EXPECT_EQ(tt.chan_of(ChanDir::Both, int_t)->name, "chan int");
  EXPECT_EQ(tt.chan_of(ChanDir::Recv, int_t)->name, "<-chan int");
  EXPECT_EQ(tt.chan_of(ChanDir::Send, int_t)->name, "chan<- int");
  const Type* recv = tt.chan_of(ChanDir::Recv, int_t);
  EXPECT_EQ(tt.chan_of(ChanDir::Both, recv)->name, "chan (<-chan int)");
  EXPECT_EQ(tt.chan_of(ChanDir::Send, recv)->name, "chan<- <-chan int");
  EXPECT_EQ(tt.chan_of(ChanDir::Send, tt.chan_of(ChanDir::Both, int_t))->name, "chan<- chan int");
  EXPECT_EQ(tt.chan_of(ChanDir::Recv, recv)->name, "<-chan <-chan int");
  EXPECT_NE(tt.chan_of(ChanDir::Send, int_t), tt.chan_of(ChanDir::Recv, int_t));
}

TEST_F(TypeTest, StructNames) {
  Type* t = tt.new_named("T", "main", 1);
  tt.set_underlying(t, tt.struct_of({{"X", int_t, false, ""}}, "main"));
  const Type* s = tt.struct_of({{"X", int_t, false, ""},
                                {"y", string_t, false, ""},
                                {"T", t, true, ""},
                                {"Z", tt.basic(Kind::Float64), false, "json:\"z\""}},
                               "main");
  EXPECT_EQ(s->name, "struct { X int; y string; main.T; Z float64 \"json:\\\"z\\\"\" }");
  EXPECT_EQ(tt.struct_of({}, "main")->name, "struct {}");
  EXPECT_EQ(tt.slice_of(tt.struct_of({{"a", int_t, false, ""}, {"b", int_t, false, ""}}, "main"))->name,
            "[]struct { a int; b int }");
}

TEST_F(TypeTest, MoreCompositeNames) {
  Type* t = tt.new_named("T", "main", 30);
  tt.set_underlying(t, tt.struct_of({{"X", int_t, false, ""}}, "main"));
  const Type* any = tt.empty_interface();
  EXPECT_EQ(tt.map_of(tt.array_of(2, int_t), string_t)->name, "map[[2]int]string");
  EXPECT_EQ(tt.pointer_to(tt.slice_of(int_t))->name, "*[]int");
  EXPECT_EQ(tt.func_of({tt.slice_of(any)}, {}, true)->name, "func(...interface {})");
  EXPECT_EQ(tt.slice_of(tt.map_of(string_t, int_t))->name, "[]map[string]int");
  EXPECT_EQ(tt.func_of({}, {int_t, int_t}, false)->name, "func() (int, int)");
  EXPECT_EQ(tt.array_of(0, int_t)->name, "[0]int");
  EXPECT_EQ(tt.struct_of({{"T", t, true, "tag"}}, "main")->name, "struct { main.T \"tag\" }");
  EXPECT_EQ(tt.struct_of({{"T", tt.pointer_to(t), true, ""}}, "main")->name, "struct { *main.T }");
  EXPECT_EQ(tt.chan_of(ChanDir::Both, tt.struct_of({}, "main"))->name, "chan struct {}");
  EXPECT_EQ(tt.map_of(any, bool_t)->name, "map[interface {}]bool");
  EXPECT_EQ(tt.func_of({int_t, tt.slice_of(string_t)}, {tt.error_type()}, true)->name,
            "func(int, ...string) error");
  // The tag is json:"é\t" with a backslash (a raw string in Go source).
  EXPECT_EQ(tt.struct_of({{"X", int_t, false, "json:\"é\\t\""}}, "main")->name,
            "struct { X int \"json:\\\"é\\\\t\\\"\" }");
  EXPECT_EQ(tt.struct_of({{"Y", int_t, false, "a\tb"}}, "main")->name, "struct { Y int \"a\\tb\" }");
}

TEST_F(TypeTest, InterfaceNamesSortMethods) {
  const Type* m_sig = tt.func_of({int_t}, {bool_t, tt.error_type()}, false);
  const Type* a_sig = tt.func_of({}, {string_t}, false);
  const Type* i = tt.interface_of({{"M", m_sig}, {"A", a_sig}}, "main");
  EXPECT_EQ(i->name, "interface { A() string; M(int) (bool, error) }");
  EXPECT_EQ(tt.interface_of({{"A", a_sig}, {"M", m_sig}}, "main"), i);
  EXPECT_EQ(tt.empty_interface()->name, "interface {}");
  EXPECT_EQ(tt.empty_interface(), tt.interface_of({}, "other"));
  EXPECT_EQ(tt.error_type()->name, "error");
  EXPECT_TRUE(tt.error_type()->named);
  EXPECT_EQ(tt.error_type()->kind, Kind::Interface);
  ASSERT_EQ(tt.error_type()->methods.size(), 1u);
  EXPECT_EQ(name_of(tt.error_type()->methods[0].name), "Error");
  EXPECT_EQ(tt.error_type()->underlying->name, "interface { Error() string }");
  EXPECT_EQ(tt.error_type(), tt.error_type());
}

TEST_F(TypeTest, NamedTypes) {
  Type* t = tt.new_named("T", "main", 7);
  EXPECT_EQ(t->name, "main.T");
  EXPECT_EQ(t->pkg_path, "main");
  EXPECT_EQ(tt.pointer_to(t)->name, "*main.T");
  EXPECT_EQ(tt.map_of(string_t, tt.slice_of(tt.pointer_to(t)))->name, "map[string][]*main.T");
  EXPECT_EQ(t->ptr_to, tt.pointer_to(t));
  // Same name, different declaration: different types, same spelling.
  Type* other = tt.new_named("T", "main", 8);
  EXPECT_NE(other, t);
  EXPECT_EQ(other->name, "main.T");
  EXPECT_EQ(tt.new_named("T", "main", 7), t);
  // Already qualified names are kept; import paths use their last element.
  EXPECT_EQ(tt.new_named("runtime.boundsError", "runtime", 1)->name, "runtime.boundsError");
  EXPECT_EQ(tt.new_named("Rand", "math/rand", 1)->name, "rand.Rand");
  // A named type takes its underlying type's layout.
  Type* point = tt.new_named("Point", "main", 9);
  const Type* u = tt.struct_of({{"X", int_t, false, ""}, {"Name", string_t, false, ""}}, "main");
  tt.set_underlying(point, u);
  EXPECT_EQ(point->kind, Kind::Struct);
  EXPECT_EQ(point->slots, 3u);
  EXPECT_EQ(point->underlying, u);
  EXPECT_EQ(point->fields.size(), 2u);
  EXPECT_TRUE(point->comparable);
  EXPECT_TRUE(point->has_pointers);
  EXPECT_EQ(point->name, "main.Point");
  // type MyInt int
  Type* my_int = tt.new_named("MyInt", "main", 10);
  tt.set_underlying(my_int, int_t);
  EXPECT_EQ(my_int->kind, Kind::Int);
  EXPECT_EQ(my_int->underlying, int_t);
  EXPECT_EQ(my_int->stride, 8u);
}

TEST_F(TypeTest, RecursiveNamedType) {
  // type List struct { next *List; v int }
  Type* list = tt.new_named("List", "main", 11);
  const Type* ptr = tt.pointer_to(list);
  const Type* u = tt.struct_of({{"next", ptr, false, ""}, {"v", int_t, false, ""}}, "main");
  tt.set_underlying(list, u);
  EXPECT_EQ(list->slots, 2u);
  EXPECT_EQ(list->fields[0].type, ptr);
  EXPECT_EQ(ptr->elem, list);
  EXPECT_EQ(u->name, "struct { next *main.List; v int }");
}

TEST_F(TypeTest, Interning) {
  EXPECT_EQ(tt.slice_of(int_t), tt.slice_of(int_t));
  EXPECT_NE(tt.slice_of(int_t), tt.slice_of(string_t));
  EXPECT_EQ(tt.array_of(4, u8), tt.array_of(4, u8));
  EXPECT_NE(tt.array_of(4, u8), tt.array_of(5, u8));
  EXPECT_EQ(tt.func_of({int_t}, {}, false), tt.func_of({int_t}, {}, false));
  EXPECT_NE(tt.func_of({tt.slice_of(int_t)}, {}, false), tt.func_of({tt.slice_of(int_t)}, {}, true));
  EXPECT_NE(tt.func_of({int_t}, {int_t}, false), tt.func_of({int_t, int_t}, {}, false));
  EXPECT_EQ(tt.map_of(string_t, int_t), tt.map_of(string_t, int_t));
  // Struct identity: names, types, tags, embedding, and the package of
  // unexported names.
  auto s1 = tt.struct_of({{"x", int_t, false, ""}}, "main");
  EXPECT_EQ(s1, tt.struct_of({{"x", int_t, false, ""}}, "main"));
  EXPECT_NE(s1, tt.struct_of({{"x", int_t, false, ""}}, "other"));
  EXPECT_EQ(tt.struct_of({{"X", int_t, false, ""}}, "main"), tt.struct_of({{"X", int_t, false, ""}}, "other"));
  EXPECT_NE(s1, tt.struct_of({{"x", int_t, false, "tag"}}, "main"));
  EXPECT_NE(s1, tt.struct_of({{"y", int_t, false, ""}}, "main"));
  // The same names and types but different keys must not collide.
  EXPECT_NE(tt.func_of({int_t, int_t}, {}, false), tt.func_of({int_t}, {int_t}, false));
}

TEST_F(TypeTest, Layout) {
  const Type* slice = tt.slice_of(int_t);
  EXPECT_EQ(slice->slots, 3u);
  EXPECT_EQ(slice->stride, 24u);
  EXPECT_FALSE(slice->comparable);
  EXPECT_TRUE(slice->has_pointers);
  EXPECT_EQ(tt.empty_interface()->slots, 2u);
  EXPECT_FALSE(tt.map_of(int_t, int_t)->comparable);
  EXPECT_FALSE(tt.func_of({}, {}, false)->comparable);
  EXPECT_TRUE(tt.pointer_to(int_t)->comparable);
  // Packed arrays: ceil(len * size / 8) slots.
  EXPECT_EQ(tt.array_of(3, u8)->slots, 1u);
  EXPECT_EQ(tt.array_of(8, u8)->slots, 1u);
  EXPECT_EQ(tt.array_of(9, u8)->slots, 2u);
  EXPECT_EQ(tt.array_of(3, tt.basic(Kind::Int32))->slots, 2u);
  EXPECT_EQ(tt.array_of(5, tt.basic(Kind::Uint16))->slots, 2u);
  EXPECT_EQ(tt.array_of(0, u8)->slots, 0u);
  EXPECT_EQ(tt.array_of(3, u8)->stride, 8u);
  EXPECT_FALSE(tt.array_of(3, u8)->has_pointers);
  EXPECT_EQ(tt.array_of(2, string_t)->slots, 4u);
  EXPECT_TRUE(tt.array_of(2, string_t)->has_pointers);
  EXPECT_FALSE(tt.array_of(0, string_t)->has_pointers);
  EXPECT_FALSE(tt.array_of(2, tt.slice_of(int_t))->comparable);
  // Arrays of arrays: the inner array is an element of stride slots*8.
  EXPECT_EQ(tt.array_of(2, tt.array_of(3, u8))->slots, 2u);
  // Structs: flattened fields at slot offsets.
  const Type* s = tt.struct_of({{"a", u8, false, ""},
                                {"s", string_t, false, ""},
                                {"v", slice, false, ""},
                                {"f", tt.basic(Kind::Float64), false, ""}},
                               "main");
  EXPECT_EQ(s->slots, 7u);
  EXPECT_EQ(s->stride, 56u);
  EXPECT_EQ(s->fields[0].offset, 0u);
  EXPECT_EQ(s->fields[1].offset, 1u);
  EXPECT_EQ(s->fields[2].offset, 3u);
  EXPECT_EQ(s->fields[3].offset, 6u);
  EXPECT_FALSE(s->comparable);
  EXPECT_TRUE(s->has_pointers);
  EXPECT_FALSE(s->fields[0].exported);
  const Type* empty = tt.struct_of({}, "main");
  EXPECT_EQ(empty->slots, 0u);
  EXPECT_EQ(empty->stride, 0u);
  EXPECT_TRUE(empty->comparable);
  const Type* plain = tt.struct_of({{"X", int_t, false, ""}, {"Y", tt.basic(Kind::Float64), false, ""}}, "main");
  EXPECT_FALSE(plain->has_pointers);
  EXPECT_TRUE(plain->fields[0].exported);
}

TEST_F(TypeTest, MethodTablesAndImplements) {
  const Type* m_sig = tt.func_of({}, {}, false);
  const Type* s_sig = tt.func_of({}, {string_t}, false);
  const Type* iface = tt.interface_of({{"String", s_sig}, {"M", m_sig}}, "main");
  Type* t = tt.new_named("T", "main", 20);
  tt.set_underlying(t, int_t);
  uint32_t m_id = intern_name("M");
  uint32_t s_id = intern_name("String");
  uint32_t z_id = intern_name("Zzz");
  tt.set_methods(t, {{z_id, m_sig, nullptr, true}, {s_id, s_sig, nullptr, true}, {m_id, m_sig, nullptr, true}});
  ASSERT_EQ(t->methods.size(), 3u);
  EXPECT_LT(t->methods[0].name, t->methods[1].name);
  EXPECT_LT(t->methods[1].name, t->methods[2].name);
  ASSERT_NE(t->find_method(s_id), nullptr);
  EXPECT_EQ(t->find_method(s_id)->mtype, s_sig);
  EXPECT_EQ(t->find_method(intern_name("Nope")), nullptr);
  EXPECT_TRUE(implements(t, iface));
  EXPECT_EQ(missing_method(t, iface), "");
  EXPECT_TRUE(implements(t, tt.empty_interface()));
  EXPECT_FALSE(implements(nullptr, tt.empty_interface()));

  // Only M: String is missing.
  Type* u = tt.new_named("U", "main", 21);
  tt.set_underlying(u, int_t);
  tt.set_methods(u, {{m_id, m_sig, nullptr, true}});
  EXPECT_FALSE(implements(u, iface));
  EXPECT_EQ(missing_method(u, iface), "String");
  // A method with the wrong signature does not count.
  Type* w = tt.new_named("W", "main", 22);
  tt.set_underlying(w, int_t);
  tt.set_methods(w, {{m_id, s_sig, nullptr, true}, {s_id, s_sig, nullptr, true}});
  EXPECT_FALSE(implements(w, iface));
  EXPECT_EQ(missing_method(w, iface), "M");
  // Go names the first missing method in name order.
  const Type* ab = tt.interface_of({{"Beta", m_sig}, {"Alpha", m_sig}}, "main");
  intern_name("Beta");  // make sure id order and name order may differ
  EXPECT_EQ(missing_method(int_t, ab), "Alpha");
  // A named interface requires its underlying's methods.
  Type* named_i = tt.new_named("I", "main", 23);
  tt.set_underlying(named_i, iface);
  EXPECT_EQ(named_i->kind, Kind::Interface);
  EXPECT_EQ(named_i->methods.size(), 2u);
  EXPECT_TRUE(implements(t, named_i));
  EXPECT_TRUE(implements(t, tt.error_type()) == false);
}

TEST_F(TypeTest, UnexportedMethodsAreQualifiedByPackage) {
  const Type* sig = tt.func_of({}, {}, false);
  const Type* i = tt.interface_of({{"m", sig}, {"N", sig}}, "main");
  // Go 1.23: []interface{ m(); N() } prints as []interface { N(); main.m() }.
  EXPECT_EQ(i->name, "interface { N(); main.m() }");
  EXPECT_EQ(tt.interface_of({{"_z", sig}, {"Zz", sig}, {"a", sig}}, "example.com/pkg")->name,
            "interface { Zz(); pkg._z(); pkg.a() }");
  ASSERT_NE(i->find_method(intern_name("main.m")), nullptr);
  EXPECT_EQ(i->find_method(intern_name("m")), nullptr);
  EXPECT_NE(i->find_method(intern_name("N")), nullptr);
  EXPECT_NE(tt.interface_of({{"m", sig}}, "main"), tt.interface_of({{"m", sig}}, "other"));
  Type* t = tt.new_named("Q", "main", 40);
  tt.set_underlying(t, int_t);
  tt.set_methods(t, {{intern_name("N"), sig, nullptr, true}});
  EXPECT_FALSE(implements(t, i));
  EXPECT_EQ(missing_method(t, i), "m");  // as Go prints it
  tt.set_methods(t, {{intern_name("N"), sig, nullptr, true}, {intern_name("main.m"), sig, nullptr, false}});
  EXPECT_TRUE(implements(t, i));
}

TEST_F(TypeTest, InternNameIsStableAndThreadSafe) {
  uint32_t a = intern_name("alpha");
  EXPECT_EQ(intern_name("alpha"), a);
  EXPECT_NE(intern_name("beta"), a);
  EXPECT_EQ(name_of(a), "alpha");
  std::vector<std::thread> threads;
  std::vector<uint32_t> ids(4 * 200);
  for (int t = 0; t < 4; t++) {
    threads.emplace_back([t, &ids] {
      for (int i = 0; i < 200; i++) ids[t * 200 + i] = intern_name("name" + std::to_string(i));
    });
  }
  for (auto& th : threads) th.join();
  for (int i = 0; i < 200; i++) {
    for (int t = 1; t < 4; t++) EXPECT_EQ(ids[t * 200 + i], ids[i]);
    EXPECT_EQ(name_of(ids[i]), "name" + std::to_string(i));
  }
}

TEST_F(TypeTest, ConcurrentInterningYieldsOneType) {
  std::vector<std::thread> threads;
  std::vector<const Type*> got(8);
  for (int t = 0; t < 8; t++) {
    threads.emplace_back([t, &got] {
      TypeTable& table = TypeTable::get();
      got[t] = table.map_of(table.basic(Kind::Int16), table.slice_of(table.basic(Kind::Uint64)));
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 1; t < 8; t++) EXPECT_EQ(got[t], got[0]);
  EXPECT_EQ(got[0]->name, "map[int16][]uint64");
}

}  // namespace
}  // namespace gol::vm
