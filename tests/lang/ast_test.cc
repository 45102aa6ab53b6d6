// ast_test.cc — the AST helpers (ast.h) and the dump/expr_string/children
// functions of ast_dump.h, on trees from the parser and built by hand.
#include "lang/ast.h"

#include <gtest/gtest.h>

#include <string>

#include "lang/ast_dump.h"
#include "lang/parse.h"

namespace gol::lang {
namespace {

Expr* parse_expr(SourceSet& sources, Arena& arena, const std::string& x) {
  const int32_t id = sources.add("e.go", "package p\nvar _ = " + x + "\n");
  Diagnostics diags;
  File* f = parse_file(sources, id, arena, diags);
  EXPECT_TRUE(diags.empty()) << x;
  if (f->decls.empty()) return nullptr;
  return f->decls[0]->as<GenDecl>()->specs[0]->as<ValueSpec>()->values[0];
}

TEST(AstTest, KindsAndDowncasts) {
  Arena arena;
  Ident* id = arena.make<Ident>();
  id->name = "x";
  Node* n = id;
  EXPECT_TRUE(n->is<Ident>());
  EXPECT_FALSE(n->is<BasicLit>());
  EXPECT_EQ(n->as<Ident>(), id);
  EXPECT_EQ(n->as<CallExpr>(), nullptr);
  EXPECT_STREQ(node_kind_name(NodeKind::TypeSwitchStmt), "TypeSwitchStmt");
  EXPECT_STREQ(node_kind_name(NodeKind::File), "File");
}

TEST(AstTest, Operators) {
  EXPECT_STREQ(op_string(Op::AndNot), "&^");
  EXPECT_STREQ(op_string(Op::ShlAssign), "<<=");
  EXPECT_STREQ(op_string(Op::Arrow), "<-");
  EXPECT_STREQ(op_string(Op::Fallthrough), "fallthrough");
  EXPECT_EQ(op_assign_base(Op::AndNotAssign), Op::AndNot);
  EXPECT_EQ(op_assign_base(Op::AddAssign), Op::Add);
  EXPECT_EQ(op_assign_base(Op::Assign), Op::None);
  EXPECT_EQ(op_assign_base(Op::Define), Op::None);
}

TEST(AstTest, FieldListCountAndUnparen) {
  SourceSet sources;
  Arena arena;
  Expr* fn = parse_expr(sources, arena, "func(a, b int, c string) {}");
  ASSERT_NE(fn, nullptr);
  EXPECT_EQ(fn->as<FuncLit>()->sig->params->list.size(), 2u);
  EXPECT_EQ(fn->as<FuncLit>()->sig->params->count(), 3u);
  Expr* types = parse_expr(sources, arena, "func(int, string, ...bool) {}");
  EXPECT_EQ(types->as<FuncLit>()->sig->params->count(), 3u);
  Expr* p = parse_expr(sources, arena, "((x))");
  ASSERT_TRUE(p->is<ParenExpr>());
  EXPECT_TRUE(unparen(p)->is<Ident>());
  const Expr* cp = p;
  EXPECT_TRUE(unparen(cp)->is<Ident>());
  EXPECT_EQ(unparen(static_cast<Expr*>(nullptr)), nullptr);
}

TEST(AstTest, ExprStringQuotesLikeGo) {
  SourceSet sources;
  Arena arena;
  const std::pair<const char*, const char*> cases[] = {
      {"a + b*c", "a + b * c"},
      {"f(a, b...)", "f(a, b...)"},
      {"x.y[i][j:k]", "x.y[i][j:k]"},
      {"s[1:2:3]", "s[1:2:3]"},
      {"s[:]", "s[:]"},
      {"-x", "-x"},
      {"<-c", "<-c"},
      {"*p", "*p"},
      {"&T{1, 2}", "&T{…}"},
      {"T{}", "T{}"},
      {"[]int{1}", "[]int{…}"},
      {"[...]int{1}", "[...]int{…}"},
      {"map[string][]int(nil)", "map[string][]int(nil)"},
      {"x.(T)", "x.(T)"},
      {"(a)", "(a)"},
      {"func(x int) string { return \"\" }", "func(x int) string {…}"},
      {"(func(a, b int) (int, error))(nil)", "(func(a, b int) (int, error))(nil)"},
      {"chan<- int(nil)", "chan<- int(nil)"},
      {"(<-chan int)(nil)", "(<-chan int)(nil)"},
      {"struct{}{}", "struct{}{}"},
      {"interface{ M() }(nil)", "interface{…}(nil)"},
      {"'a'", "'a'"},
      {"`raw`", "`raw`"},
  };
  for (const auto& [src, want] : cases) {
    Expr* x = parse_expr(sources, arena, src);
    ASSERT_NE(x, nullptr) << src;
    EXPECT_EQ(expr_string(x), want) << src;
  }
}

TEST(AstTest, ChildrenInSourceOrder) {
  SourceSet sources;
  Arena arena;
  Expr* x = parse_expr(sources, arena, "f(a, b)[i] + -y");
  std::string kinds;
  for (const Node* c : children(x)) kinds += std::string(node_kind_name(c->kind)) + " ";
  EXPECT_EQ(kinds, "IndexExpr UnaryExpr ");
  const auto* index = x->as<BinaryExpr>()->x;
  auto kids = children(index);
  ASSERT_EQ(kids.size(), 2u);
  EXPECT_TRUE(kids[0]->is<CallExpr>());
  EXPECT_EQ(children(kids[0]).size(), 3u);  // f, a, b
  EXPECT_TRUE(children(kids[1]).empty());
}

TEST(AstTest, DumpOfHandBuiltTree) {
  Arena arena;
  auto* x = arena.make<Ident>();
  x->name = "x";
  auto* one = arena.make<BasicLit>();
  one->raw = "1";
  auto* sum = arena.make<BinaryExpr>();
  sum->op = Op::Add;
  sum->x = x;
  sum->y = one;
  auto* stmt = arena.make<ExprStmt>();
  stmt->x = sum;
  EXPECT_EQ(dump(stmt), "(ExprStmt (BinaryExpr + x 1))");
  EXPECT_EQ(dump(nullptr), "_");
  auto* empty = arena.make<EmptyStmt>();
  empty->implicit = true;
  EXPECT_EQ(dump(empty), "(EmptyStmt implicit)");
}

}  // namespace
}  // namespace gol::lang
