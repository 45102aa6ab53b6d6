// types_test.cc — type identity, type strings, assignability-related
// predicates, lookup through embedding and method sets.
#include <gtest/gtest.h>

#include "lang/check.h"
#include "lang/parse.h"
#include "lang/scope.h"
#include "lang/types.h"
#include "lang/universe.h"

namespace gol::lang {
namespace {

const Type* basic(BasicKind k) { return basic_type(k); }

Var* param(const char* name, const Type* t) { return alloc<Var>(Pos{}, nullptr, name, t); }

TEST(Types, BasicStringsAndAliases) {
  EXPECT_EQ(type_string(basic(BasicKind::Int), nullptr), "int");
  EXPECT_EQ(type_string(basic(BasicKind::UntypedFloat), nullptr), "untyped float");
  const Type* byte = universe()->lookup("byte")->type;
  EXPECT_EQ(type_string(byte, nullptr), "byte");
  EXPECT_TRUE(identical(byte, basic(BasicKind::Uint8)));
  EXPECT_FALSE(identical(basic(BasicKind::Int), basic(BasicKind::Int64)));
  EXPECT_EQ(type_string(universe_any(), nullptr), "any");
  EXPECT_EQ(type_string(universe_error(), nullptr), "error");
}

TEST(Types, CompositeStrings) {
  const Type* i = basic(BasicKind::Int);
  const Type* s = basic(BasicKind::String);
  EXPECT_EQ(type_string(alloc<Slice>(i), nullptr), "[]int");
  EXPECT_EQ(type_string(alloc<Array>(3, i), nullptr), "[3]int");
  EXPECT_EQ(type_string(alloc<Map>(s, alloc<Pointer>(i)), nullptr), "map[string]*int");
  EXPECT_EQ(type_string(alloc<Chan>(ChanDir::Send, i), nullptr), "chan<- int");
  EXPECT_EQ(type_string(alloc<Chan>(ChanDir::Recv, i), nullptr), "<-chan int");
  EXPECT_EQ(type_string(alloc<Chan>(ChanDir::Both, alloc<Chan>(ChanDir::Recv, i)), nullptr), "chan (<-chan int)");
  auto* sig = alloc<Signature>();
  sig->params = alloc<Tuple>(std::vector<Var*>{param("x", i), param("rest", alloc<Slice>(s))});
  sig->results = alloc<Tuple>(std::vector<Var*>{param("", s), param("", universe_error())});
  sig->variadic = true;
  EXPECT_EQ(type_string(sig, nullptr), "func(x int, rest ...string) (string, error)");
  EXPECT_EQ(signature_string(sig, nullptr, false), "(int, ...string) (string, error)");
  auto* st = alloc<Struct>();
  st->fields.push_back(param("x", i));
  st->tags.push_back("");
  st->fields.back()->is_field = true;
  EXPECT_EQ(type_string(st, nullptr), "struct{x int}");
}

TEST(Types, StructuralIdentity) {
  const Type* i = basic(BasicKind::Int);
  EXPECT_TRUE(identical(alloc<Slice>(i), alloc<Slice>(i)));
  EXPECT_FALSE(identical(alloc<Array>(2, i), alloc<Array>(3, i)));
  auto* a = alloc<Signature>();
  a->params = alloc<Tuple>(std::vector<Var*>{param("a", i)});
  a->results = alloc<Tuple>();
  auto* b = alloc<Signature>();
  b->params = alloc<Tuple>(std::vector<Var*>{param("b", i)});
  b->results = alloc<Tuple>();
  EXPECT_TRUE(identical(a, b)) << "parameter names do not matter";
  b->variadic = true;
  EXPECT_FALSE(identical(a, b));
}

TEST(Types, PredicatesAndDefaults) {
  EXPECT_EQ(default_type(basic(BasicKind::UntypedInt)), basic(BasicKind::Int));
  EXPECT_EQ(type_string(default_type(basic(BasicKind::UntypedRune)), nullptr), "rune");
  EXPECT_TRUE(comparable(alloc<Pointer>(basic(BasicKind::Int))));
  EXPECT_FALSE(comparable(alloc<Slice>(basic(BasicKind::Int))));
  EXPECT_TRUE(has_nil(alloc<Map>(basic(BasicKind::Int), basic(BasicKind::Int))));
  EXPECT_FALSE(has_nil(basic(BasicKind::UntypedNil)));
  EXPECT_EQ(incomparable_cause(alloc<Slice>(basic(BasicKind::Int)), nullptr), "slice can only be compared to nil");
}

// Checks a small package and returns it (no errors expected).
Package* checked(const char* src, SourceSet& sources, Arena& arena) {
  Diagnostics diags;
  int32_t id = sources.add("t.gol", src);
  File* f = parse_file(sources, id, arena, diags);
  PackageRegistry registry;
  Package* pkg = check_package(sources, arena, {f}, registry, diags);
  EXPECT_TRUE(diags.empty());
  return pkg;
}

TEST(Types, LookupThroughEmbeddingAndMethodSets) {
  SourceSet sources;
  Arena arena;
  Package* pkg = checked(R"(package main

type A struct{ x int }

func (A) Get() int   { return 0 }
func (*A) Set(v int) {}

type B struct{ x int }

type C struct {
	A
	*B
}

func main() {}
)",
                         sources, arena);
  const Type* a = pkg->scope->lookup("A")->type;
  const Type* c = pkg->scope->lookup("C")->type;
  Selection get = lookup_field_or_method(c, false, pkg, "Get");
  ASSERT_NE(get.obj, nullptr);
  EXPECT_EQ(get.index, (std::vector<int>{0, 0}));
  Selection x = lookup_field_or_method(c, false, pkg, "x");
  EXPECT_EQ(x.obj, nullptr);
  EXPECT_TRUE(x.ambiguous) << "A.x and B.x are at the same depth";
  Selection set = lookup_field_or_method(a, false, pkg, "Set");
  EXPECT_EQ(set.obj, nullptr);
  EXPECT_TRUE(set.not_addressable_ptr_method);
  EXPECT_NE(lookup_field_or_method(a, true, pkg, "Set").obj, nullptr);

  std::vector<std::string> value_set;
  for (Func* f : method_set(a)) value_set.push_back(f->name);
  EXPECT_EQ(value_set, (std::vector<std::string>{"Get"}));
  std::vector<std::string> ptr_set;
  for (Func* f : method_set(alloc<Pointer>(a))) ptr_set.push_back(f->name);
  EXPECT_EQ(ptr_set, (std::vector<std::string>{"Get", "Set"}));
}

TEST(Types, MissingMethodExplanations) {
  SourceSet sources;
  Arena arena;
  Package* pkg = checked(R"(package main

type I interface{ M(x int) string }

type Ptr struct{}

func (*Ptr) M(x int) string { return "" }

type Wrong struct{}

func (Wrong) M() string { return "" }

type Lower struct{}

func (Lower) m(x int) string { return "" }

func main() {}
)",
                         sources, arena);
  const Interface* iface = under(pkg->scope->lookup("I")->type)->as<Interface>();
  ASSERT_NE(iface, nullptr);
  EXPECT_EQ(missing_method(pkg->scope->lookup("Ptr")->type, iface, true, pkg).cause,
            "(method M has pointer receiver)");
  EXPECT_EQ(missing_method(alloc<Pointer>(pkg->scope->lookup("Ptr")->type), iface, true, pkg).method, nullptr);
  EXPECT_EQ(missing_method(pkg->scope->lookup("Wrong")->type, iface, true, pkg).cause,
            "(wrong type for method M)\n\t\thave M() string\n\t\twant M(int) string");
  EXPECT_EQ(missing_method(pkg->scope->lookup("Lower")->type, iface, true, pkg).cause,
            "(missing method M)\n\t\thave m(int) string\n\t\twant M(int) string");
  std::string cause;
  EXPECT_FALSE(implements(pkg->scope->lookup("Wrong")->type, pkg->scope->lookup("I")->type, &cause, pkg));
  EXPECT_EQ(cause.substr(0, 26), "Wrong does not implement I");
}

}  // namespace
}  // namespace gol::lang
