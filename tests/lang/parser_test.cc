// parser_test.cc — parse_file: the tree for every construct of the subset (as
// dump() S-expressions), node positions, Go's composite-literal rule in
// headers, syntax errors in Go's words at Go's positions (checked against the
// gc compiler), recovery, and inputs that must not crash.
#include "lang/parse.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "lang/ast_dump.h"

namespace gol::lang {
namespace {

using Errors = std::vector<std::string>;

class ParserTest : public ::testing::Test {
 protected:
  File* parse(std::string src) {
    const int32_t id = m_sources.add("t.go", std::move(src));
    m_diags = Diagnostics{};
    return parse_file(m_sources, id, m_arena, m_diags);
  }

  Errors errors(std::string src) {
    parse(std::move(src));
    Errors out;
    for (const Diagnostic& d : m_diags.sorted()) {
      out.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " + d.message);
    }
    return out;
  }

  // The dump of the declarations after the package clause, which must parse cleanly.
  std::string decls(const std::string& src) {
    File* f = parse("package p\n" + src);
    EXPECT_TRUE(m_diags.empty()) << src << "\n" << first_error();
    std::string out;
    for (const Node* d : f->decls) out += (out.empty() ? "" : " ") + dump(d);
    return out;
  }

  // The dump of the statements of a function body.
  std::string stmts(const std::string& body) {
    File* f = parse("package p\nfunc f() {\n" + body + "\n}\n");
    EXPECT_TRUE(m_diags.empty()) << body << "\n" << first_error();
    if (f->decls.empty()) return "";
    const auto* fn = f->decls[0]->as<FuncDecl>();
    std::string out;
    for (const Stmt* s : fn->body->list) out += (out.empty() ? "" : " ") + dump(s);
    return out;
  }

  // The dump of one expression.
  std::string expr(const std::string& x) {
    File* f = parse("package p\nvar _ = " + x + "\n");
    EXPECT_TRUE(m_diags.empty()) << x << "\n" << first_error();
    if (f->decls.empty()) return "";
    return dump(f->decls[0]->as<GenDecl>()->specs[0]->as<ValueSpec>()->values[0]);
  }

  std::string first_error() const {
    auto list = m_diags.sorted();
    return list.empty() ? "" : list[0].message;
  }

  SourceSet m_sources;
  Arena m_arena;
  Diagnostics m_diags;
};

// ------------------------------------------------------------------ declarations

TEST_F(ParserTest, PackageAndImports) {
  File* f = parse("package main\nimport \"fmt\"\nimport (\n\tx \"os\"\n\t. \"math\"\n\t_ \"strings\"\n)\n");
  ASSERT_TRUE(m_diags.empty()) << first_error();
  EXPECT_EQ(f->package_name->name, "main");
  ASSERT_EQ(f->decls.size(), 2u);
  EXPECT_EQ(dump(f->decls[0]), "(GenDecl import (ImportSpec _ \"fmt\"))");
  EXPECT_EQ(dump(f->decls[1]),
            "(GenDecl import (ImportSpec x \"os\") (ImportSpec . \"math\") (ImportSpec _ \"strings\"))");
  EXPECT_FALSE(f->decls[0]->as<GenDecl>()->grouped());
  EXPECT_TRUE(f->decls[1]->as<GenDecl>()->grouped());
  EXPECT_EQ(decls("import ()"), "(GenDecl import)");
  EXPECT_EQ(decls("import (\"a\"; \"b\")"), "(GenDecl import (ImportSpec _ \"a\") (ImportSpec _ \"b\"))");
}

TEST_F(ParserTest, ConstIotaAndImplicitRepetition) {
  File* f = parse("package p\nconst (\n\tA = iota\n\tB\n\tC, D = 1, 2\n\tE, F\n\tG int = 3\n\tH\n)\n");
  ASSERT_TRUE(m_diags.empty()) << first_error();
  const auto* g = f->decls[0]->as<GenDecl>();
  ASSERT_EQ(g->specs.size(), 6u);
  std::vector<const ValueSpec*> s;
  for (const Node* n : g->specs) s.push_back(n->as<ValueSpec>());
  for (size_t i = 0; i < s.size(); i++) EXPECT_EQ(s[i]->iota, static_cast<int64_t>(i));
  EXPECT_EQ(s[0]->implicit_from, nullptr);
  EXPECT_EQ(s[1]->implicit_from, s[0]);
  EXPECT_EQ(s[2]->implicit_from, nullptr);
  EXPECT_EQ(s[3]->implicit_from, s[2]);
  EXPECT_EQ(s[4]->implicit_from, nullptr);
  EXPECT_EQ(s[5]->implicit_from, s[4]);
  EXPECT_EQ(dump(s[4]), "(ValueSpec (G) iota=4 int 3)");
  EXPECT_EQ(decls("const x, y float64 = 1, 2"), "(GenDecl const (ValueSpec (x y) float64 1 2))");
}

TEST_F(ParserTest, VarAndTypeDeclarations) {
  EXPECT_EQ(decls("var x int"), "(GenDecl var (ValueSpec (x) int))");
  EXPECT_EQ(decls("var x, y = 1, \"s\""), "(GenDecl var (ValueSpec (x y) _ 1 \"s\"))");
  EXPECT_EQ(decls("var (\n\ta []int\n\tb = 2\n)"),
            "(GenDecl var (ValueSpec (a) (ArrayType _ int)) (ValueSpec (b) _ 2))");
  EXPECT_EQ(decls("type T int"), "(GenDecl type (TypeSpec T int))");
  EXPECT_EQ(decls("type A = B"), "(GenDecl type (TypeSpec = A B))");
  EXPECT_EQ(decls("type (\n\tT1 int\n\tT2 = T1\n)"),
            "(GenDecl type (TypeSpec T1 int) (TypeSpec = T2 T1))");
}

TEST_F(ParserTest, FunctionsAndMethods) {
  EXPECT_EQ(decls("func f() {}"), "(FuncDecl _ f (FuncType (FieldList) _) (BlockStmt))");
  EXPECT_EQ(decls("func f(a, b int, c ...string) (r int, err error) { return }"),
            "(FuncDecl _ f (FuncType (FieldList (Field (a b) int _) (Field (c) (Ellipsis string) _)) "
            "(FieldList (Field (r) int _) (Field (err) error _))) (BlockStmt (ReturnStmt)))");
  EXPECT_EQ(decls("func f(int, string) bool"),
            "(FuncDecl _ f (FuncType (FieldList (Field () int _) (Field () string _)) "
            "(FieldList (Field () bool _))) _)");
  EXPECT_EQ(decls("func (t T) M() {}"),
            "(FuncDecl (FieldList (Field (t) T _)) M (FuncType (FieldList) _) (BlockStmt))");
  EXPECT_EQ(decls("func (t *T) M() (int) {}"),
            "(FuncDecl (FieldList (Field (t) (StarExpr T) _)) M (FuncType (FieldList) "
            "(FieldList (Field () int _))) (BlockStmt))");
  EXPECT_EQ(decls("func (*T) M() {}"),
            "(FuncDecl (FieldList (Field () (StarExpr T) _)) M (FuncType (FieldList) _) (BlockStmt))");
  // Lone names are types; `int, b string` gives int the type string, as in Go.
  EXPECT_EQ(decls("func f(a, b) {}"),
            "(FuncDecl _ f (FuncType (FieldList (Field () a _) (Field () b _)) _) (BlockStmt))");
  EXPECT_EQ(decls("func f(int, b string) {}"),
            "(FuncDecl _ f (FuncType (FieldList (Field (int b) string _)) _) (BlockStmt))");
  EXPECT_EQ(decls("func f(pkg.T, *U, []V, func(), ...W) {}"),
            "(FuncDecl _ f (FuncType (FieldList (Field () (SelectorExpr pkg T) _) (Field () (StarExpr U) _) "
            "(Field () (ArrayType _ V) _) (Field () (FuncType (FieldList) _) _) (Field () (Ellipsis W) _)) _) "
            "(BlockStmt))");
}

TEST_F(ParserTest, Types) {
  EXPECT_EQ(decls("type T struct {\n\ta, b int\n\tT0\n\t*P\n\tpkg.Q `json:\"q\"`\n\tc string \"tag\"\n}"),
            "(GenDecl type (TypeSpec T (StructType (FieldList (Field (a b) int _) (Field () T0 _) "
            "(Field () (StarExpr P) _) (Field () (SelectorExpr pkg Q) `json:\"q\"`) "
            "(Field (c) string \"tag\")))))");
  EXPECT_EQ(decls("type I interface {\n\tM(x int) (string, error)\n\tfmt.Stringer\n\tJ\n}"),
            "(GenDecl type (TypeSpec I (InterfaceType (FieldList (Field (M) (FuncType (FieldList "
            "(Field (x) int _)) (FieldList (Field () string _) (Field () error _))) _) "
            "(Field () (SelectorExpr fmt Stringer) _) (Field () J _)))))");
  EXPECT_EQ(decls("var x [4]map[string]*[]chan<- int"),
            "(GenDecl var (ValueSpec (x) (ArrayType 4 (MapType string (StarExpr (ArrayType _ "
            "(ChanType chan<- int)))))))");
  EXPECT_EQ(decls("var c <-chan <-chan int"),
            "(GenDecl var (ValueSpec (c) (ChanType <-chan (ChanType <-chan int))))");
  // "<-" after chan belongs to the leftmost chan.
  EXPECT_EQ(decls("var c chan<- chan int"),
            "(GenDecl var (ValueSpec (c) (ChanType chan<- (ChanType chan int))))");
  EXPECT_EQ(decls("var c chan (<-chan int)"),
            "(GenDecl var (ValueSpec (c) (ChanType chan (ParenExpr (ChanType <-chan int)))))");
  EXPECT_EQ(decls("var f func(int) func() *T"),
            "(GenDecl var (ValueSpec (f) (FuncType (FieldList (Field () int _)) (FieldList (Field () "
            "(FuncType (FieldList) (FieldList (Field () (StarExpr T) _))) _)))))");
  EXPECT_EQ(decls("var e interface{}"), "(GenDecl var (ValueSpec (e) (InterfaceType (FieldList))))");
}

// ------------------------------------------------------------------- expressions

TEST_F(ParserTest, OperatorPrecedence) {
  EXPECT_EQ(expr("a + b*c"), "(BinaryExpr + a (BinaryExpr * b c))");
  EXPECT_EQ(expr("a || b && c == d+e<<f"),
            "(BinaryExpr || a (BinaryExpr && b (BinaryExpr == c (BinaryExpr + d (BinaryExpr << e f)))))");
  EXPECT_EQ(expr("a - b - c"), "(BinaryExpr - (BinaryExpr - a b) c)");
  EXPECT_EQ(expr("a &^ b | c ^ d % e"),
            "(BinaryExpr ^ (BinaryExpr | (BinaryExpr &^ a b) c) (BinaryExpr % d e))");
  EXPECT_EQ(expr("-x * !y"), "(BinaryExpr * (UnaryExpr - x) (UnaryExpr ! y))");
  EXPECT_EQ(expr("^x + *p + &v + <-c + +1"),
            "(BinaryExpr + (BinaryExpr + (BinaryExpr + (BinaryExpr + (UnaryExpr ^ x) (StarExpr p)) "
            "(UnaryExpr & v)) (UnaryExpr <- c)) (UnaryExpr + 1))");
  EXPECT_EQ(expr("a >= b != (c < d)"),
            "(BinaryExpr != (BinaryExpr >= a b) (ParenExpr (BinaryExpr < c d)))");
}

TEST_F(ParserTest, PrimaryExpressions) {
  EXPECT_EQ(expr("f(a, b...)"), "(CallExpr ... f a b)");
  EXPECT_EQ(expr("f(a, b,)"), "(CallExpr f a b)");
  EXPECT_EQ(expr("x.y.z[i][j:k]"), "(SliceExpr (IndexExpr (SelectorExpr (SelectorExpr x y) z) i) j k)");
  EXPECT_EQ(expr("s[:]"), "(SliceExpr s _ _)");
  EXPECT_EQ(expr("s[1:2:3]"), "(SliceExpr s 1 2 3)");
  EXPECT_EQ(expr("s[:2:3]"), "(SliceExpr s _ 2 3)");
  EXPECT_EQ(expr("x.(T).m()"), "(CallExpr (SelectorExpr (TypeAssertExpr x T) m))");
  EXPECT_EQ(expr("x.(*pkg.T)"), "(TypeAssertExpr x (StarExpr (SelectorExpr pkg T)))");
  EXPECT_EQ(expr("T.Method"), "(SelectorExpr T Method)");
  EXPECT_EQ(expr("(*T).Method"), "(SelectorExpr (ParenExpr (StarExpr T)) Method)");
}

TEST_F(ParserTest, Conversions) {
  EXPECT_EQ(expr("[]byte(s)"), "(CallExpr (ArrayType _ byte) s)");
  EXPECT_EQ(expr("(*T)(p)"), "(CallExpr (ParenExpr (StarExpr T)) p)");
  EXPECT_EQ(expr("(func())(f)"), "(CallExpr (ParenExpr (FuncType (FieldList) _)) f)");
  EXPECT_EQ(expr("map[string]int(m)"), "(CallExpr (MapType string int) m)");
  EXPECT_EQ(expr("interface{}(x)"), "(CallExpr (InterfaceType (FieldList)) x)");
  EXPECT_EQ(expr("(<-chan int)(c)"), "(CallExpr (ParenExpr (ChanType <-chan int)) c)");
  EXPECT_EQ(expr("make(chan<- int, 1)"), "(CallExpr make (ChanType chan<- int) 1)");
  EXPECT_EQ(expr("make(map[string][]int)"), "(CallExpr make (MapType string (ArrayType _ int)))");
  EXPECT_EQ(expr("new(struct{ x int })"),
            "(CallExpr new (StructType (FieldList (Field (x) int _))))");
  // <- before a channel type is part of the type (Go re-associates it).
  EXPECT_EQ(expr("make(<-chan int)"), "(CallExpr make (ChanType <-chan int))");
  EXPECT_EQ(expr("make(<-chan chan<- int)"), "(CallExpr make (ChanType <-chan (ChanType chan<- int)))");
  EXPECT_EQ(expr("<-chan int(nil)"), "(UnaryExpr <- (CallExpr (ChanType chan int) nil))");
}

TEST_F(ParserTest, CompositeLiterals) {
  EXPECT_EQ(expr("T{}"), "(CompositeLit T)");
  EXPECT_EQ(expr("pkg.T{a: 1, b: 2}"),
            "(CompositeLit (SelectorExpr pkg T) (KeyValueExpr a 1) (KeyValueExpr b 2))");
  EXPECT_EQ(expr("[]Point{{1, 2}, {x: 3}}"),
            "(CompositeLit (ArrayType _ Point) (CompositeLit _ 1 2) (CompositeLit _ (KeyValueExpr x 3)))");
  EXPECT_EQ(expr("[...]int{1, 2,}"), "(CompositeLit (ArrayType (Ellipsis _) int) 1 2)");
  EXPECT_EQ(expr("map[[2]int]string{{1, 2}: \"a\"}"),
            "(CompositeLit (MapType (ArrayType 2 int) string) (KeyValueExpr (CompositeLit _ 1 2) \"a\"))");
  EXPECT_EQ(expr("&T{1}"), "(UnaryExpr & (CompositeLit T 1))");
  EXPECT_EQ(expr("[]*T{&T{}, nil}"),
            "(CompositeLit (ArrayType _ (StarExpr T)) (UnaryExpr & (CompositeLit T)) nil)");
  EXPECT_EQ(expr("struct{}{}"), "(CompositeLit (StructType (FieldList)))");
}

TEST_F(ParserTest, FunctionLiterals) {
  EXPECT_EQ(expr("func(x int) int { return x }"),
            "(FuncLit (FuncType (FieldList (Field (x) int _)) (FieldList (Field () int _))) "
            "(BlockStmt (ReturnStmt x)))");
  EXPECT_EQ(expr("func() {}()"), "(CallExpr (FuncLit (FuncType (FieldList) _) (BlockStmt)))");
  EXPECT_EQ(expr("func() (a, b int) { return }"),
            "(FuncLit (FuncType (FieldList) (FieldList (Field (a b) int _))) (BlockStmt (ReturnStmt)))");
}

// -------------------------------------------------------------------- statements

TEST_F(ParserTest, SimpleStatements) {
  EXPECT_EQ(stmts("x := 1"), "(AssignStmt := (x) (1))");
  EXPECT_EQ(stmts("a, b = b, a"), "(AssignStmt = (a b) (b a))");
  EXPECT_EQ(stmts("x += 2; y <<= 1; z &^= m"),
            "(AssignStmt += (x) (2)) (AssignStmt <<= (y) (1)) (AssignStmt &^= (z) (m))");
  EXPECT_EQ(stmts("i++\nj--"), "(IncDecStmt ++ i) (IncDecStmt -- j)");
  EXPECT_EQ(stmts("c <- v"), "(SendStmt c v)");
  EXPECT_EQ(stmts("f()"), "(ExprStmt (CallExpr f))");
  EXPECT_EQ(stmts("<-c"), "(ExprStmt (UnaryExpr <- c))");
  EXPECT_EQ(stmts("*p = 1"), "(AssignStmt = ((StarExpr p)) (1))");
  EXPECT_EQ(stmts("var x int; const c = 1; type T int"),
            "(DeclStmt (GenDecl var (ValueSpec (x) int))) (DeclStmt (GenDecl const (ValueSpec (c) _ 1))) "
            "(DeclStmt (GenDecl type (TypeSpec T int)))");
}

TEST_F(ParserTest, ControlStatements) {
  EXPECT_EQ(stmts("go f(x)\ndefer g()"), "(GoStmt (CallExpr f x)) (DeferStmt (CallExpr g))");
  EXPECT_EQ(stmts("return 1, 2"), "(ReturnStmt 1 2)");
  EXPECT_EQ(stmts("L:\n\tfor {\n\t\tbreak L\n\t\tcontinue L\n\t\tgoto L\n\t}"),
            "(LabeledStmt L (ForStmt _ _ _ (BlockStmt (BranchStmt break L) (BranchStmt continue L) "
            "(BranchStmt goto L))))");
  EXPECT_EQ(stmts("for { break; continue }"),
            "(ForStmt _ _ _ (BlockStmt (BranchStmt break _) (BranchStmt continue _)))");
  EXPECT_EQ(stmts("{ x := 1; _ = x }"), "(BlockStmt (AssignStmt := (x) (1)) (AssignStmt = (_) (x)))");
}

TEST_F(ParserTest, IfStatements) {
  EXPECT_EQ(stmts("if x {}"), "(IfStmt _ x (BlockStmt) _)");
  EXPECT_EQ(stmts("if v, ok := m[k]; ok {} else if x {} else { y() }"),
            "(IfStmt (AssignStmt := (v ok) ((IndexExpr m k))) ok (BlockStmt) "
            "(IfStmt _ x (BlockStmt) (BlockStmt (ExprStmt (CallExpr y)))))");
  EXPECT_EQ(stmts("if f(); x {}"), "(IfStmt (ExprStmt (CallExpr f)) x (BlockStmt) _)");
}

TEST_F(ParserTest, ForStatements) {
  EXPECT_EQ(stmts("for {}"), "(ForStmt _ _ _ (BlockStmt))");
  EXPECT_EQ(stmts("for x < 10 {}"), "(ForStmt _ (BinaryExpr < x 10) _ (BlockStmt))");
  EXPECT_EQ(stmts("for i := 0; i < n; i++ {}"),
            "(ForStmt (AssignStmt := (i) (0)) (BinaryExpr < i n) (IncDecStmt ++ i) (BlockStmt))");
  EXPECT_EQ(stmts("for ;; {}"), "(ForStmt _ _ _ (BlockStmt))");
  EXPECT_EQ(stmts("for range ch {}"), "(RangeStmt _ _ ch (BlockStmt))");
  EXPECT_EQ(stmts("for i := range 10 {}"), "(RangeStmt := i _ 10 (BlockStmt))");
  EXPECT_EQ(stmts("for k, v := range m {}"), "(RangeStmt := k v m (BlockStmt))");
  EXPECT_EQ(stmts("for k, v = range m {}"), "(RangeStmt = k v m (BlockStmt))");
  EXPECT_EQ(stmts("for _, x := range []int{1, 2} {}"),
            "(RangeStmt := _ x (CompositeLit (ArrayType _ int) 1 2) (BlockStmt))");
}

TEST_F(ParserTest, SwitchStatements) {
  EXPECT_EQ(stmts("switch {\ncase x > 1, y:\n\tf()\n\tfallthrough\ndefault:\n}"),
            "(SwitchStmt _ _ (CaseClause ((BinaryExpr > x 1) y) (ExprStmt (CallExpr f)) "
            "(BranchStmt fallthrough _)) (CaseClause default ()))");
  EXPECT_EQ(stmts("switch x := f(); x {\ncase 1:\n}"),
            "(SwitchStmt (AssignStmt := (x) ((CallExpr f))) x (CaseClause (1)))");
  EXPECT_EQ(stmts("switch v := x.(type) {\ncase int, *T:\ncase nil:\ndefault:\n}"),
            "(TypeSwitchStmt _ (AssignStmt := (v) ((TypeAssertExpr x _))) (CaseClause (int (StarExpr T))) "
            "(CaseClause (nil)) (CaseClause default ()))");
  EXPECT_EQ(stmts("switch x.(type) {\ncase []int, map[string]int, func(), chan int:\n}"),
            "(TypeSwitchStmt _ (ExprStmt (TypeAssertExpr x _)) (CaseClause ((ArrayType _ int) "
            "(MapType string int) (FuncType (FieldList) _) (ChanType chan int))))");
  EXPECT_EQ(stmts("switch y := 1; t := x.(type) {\n}"),
            "(TypeSwitchStmt (AssignStmt := (y) (1)) (AssignStmt := (t) ((TypeAssertExpr x _))))");
}

TEST_F(ParserTest, SelectStatements) {
  EXPECT_EQ(stmts("select {\ncase v := <-c:\ncase v, ok = <-c:\ncase <-c:\ncase c <- 1:\n\tx()\ndefault:\n}"),
            "(SelectStmt (CommClause (AssignStmt := (v) ((UnaryExpr <- c)))) "
            "(CommClause (AssignStmt = (v ok) ((UnaryExpr <- c)))) (CommClause (ExprStmt (UnaryExpr <- c))) "
            "(CommClause (SendStmt c 1) (ExprStmt (CallExpr x))) (CommClause _))");
  EXPECT_EQ(stmts("select {}"), "(SelectStmt)");
}

TEST_F(ParserTest, EmptyStatements) {
  // Only semicolons the source has make EmptyStmts; the optional last one does not.
  EXPECT_EQ(stmts("x++;"), "(IncDecStmt ++ x)");
  EXPECT_EQ(stmts(";"), "(EmptyStmt)");
  EXPECT_EQ(stmts("x++;;y++"), "(IncDecStmt ++ x) (EmptyStmt) (IncDecStmt ++ y)");
  EXPECT_EQ(stmts("L:"), "(LabeledStmt L (EmptyStmt implicit))");
  EXPECT_EQ(stmts("for {\n}\n\n"), "(ForStmt _ _ _ (BlockStmt))");
}

// ------------------------------------------------- the composite-literal ambiguity

TEST_F(ParserTest, CompositeLiteralInHeaders) {
  // A bare type name before '{' in a header: the brace opens the block.
  EXPECT_EQ(stmts("if x == T {}"), "(IfStmt _ (BinaryExpr == x T) (BlockStmt) _)");
  EXPECT_EQ(stmts("for x := range s {}"), "(RangeStmt := x _ s (BlockStmt))");
  EXPECT_EQ(stmts("switch T {}"), "(SwitchStmt _ T)");
  // Parenthesised, or inside brackets, calls or a literal: a literal again.
  EXPECT_EQ(stmts("if x == (T{}) {}"),
            "(IfStmt _ (BinaryExpr == x (ParenExpr (CompositeLit T))) (BlockStmt) _)");
  EXPECT_EQ(stmts("if f(T{}) {}"), "(IfStmt _ (CallExpr f (CompositeLit T)) (BlockStmt) _)");
  EXPECT_EQ(stmts("if m[T{}] {}"), "(IfStmt _ (IndexExpr m (CompositeLit T)) (BlockStmt) _)");
  EXPECT_EQ(stmts("for _, v := range []T{T{}} {}"),
            "(RangeStmt := _ v (CompositeLit (ArrayType _ T) (CompositeLit T)) (BlockStmt))");
  // Literal types that are not names never open the block.
  EXPECT_EQ(stmts("if x == struct{}{} {}"),
            "(IfStmt _ (BinaryExpr == x (CompositeLit (StructType (FieldList)))) (BlockStmt) _)");
  EXPECT_EQ(stmts("if len(map[int]int{}) == 0 {}"),
            "(IfStmt _ (BinaryExpr == (CallExpr len (CompositeLit (MapType int int))) 0) (BlockStmt) _)");
  // A function literal in a header keeps its body.
  EXPECT_EQ(stmts("if func() bool { return true }() {}"),
            "(IfStmt _ (CallExpr (FuncLit (FuncType (FieldList) (FieldList (Field () bool _))) "
            "(BlockStmt (ReturnStmt true)))) (BlockStmt) _)");
  // And the bare-name literal is an error there, as in Go.
  EXPECT_EQ(errors("package p\nfunc f() {\n\tif x == T{} {\n\t}\n}\n"),
            Errors{"3:14: syntax error: unexpected { at end of statement"});
}

// --------------------------------------------------------------------- positions

TEST_F(ParserTest, NodeRanges) {
  File* f = parse("package p\n\nfunc f(a int) {\n\tx := a + g(1, 2)\n}\n");
  ASSERT_TRUE(m_diags.empty()) << first_error();
  EXPECT_EQ(f->package_name->pos().line, 1);
  EXPECT_EQ(f->package_name->pos().col, 9);
  const auto* fn = f->decls[0]->as<FuncDecl>();
  EXPECT_EQ(fn->pos().line, 3);
  EXPECT_EQ(fn->pos().col, 1);
  EXPECT_EQ(fn->end().line, 5);
  EXPECT_EQ(fn->end().col, 2);
  EXPECT_EQ(fn->body->lbrace.col, 15);
  EXPECT_EQ(fn->body->rbrace.line, 5);
  EXPECT_EQ(fn->body->rbrace.col, 1);
  EXPECT_EQ(fn->sig->params->opening.col, 7);
  EXPECT_EQ(fn->sig->params->closing.col, 13);
  const auto* assign = fn->body->list[0]->as<AssignStmt>();
  EXPECT_EQ(assign->pos().col, 2);
  EXPECT_EQ(assign->op_pos.col, 4);
  EXPECT_EQ(assign->end().col, 18);
  const auto* sum = assign->rhs[0]->as<BinaryExpr>();
  EXPECT_EQ(sum->pos().col, 7);
  EXPECT_EQ(sum->op_pos.col, 9);
  const auto* call = sum->y->as<CallExpr>();
  EXPECT_EQ(call->pos().col, 11);
  EXPECT_EQ(call->lparen.col, 12);
  EXPECT_EQ(call->rparen.col, 17);
  EXPECT_EQ(call->args[1]->pos().col, 16);
  EXPECT_EQ(call->args[1]->end().col, 17);
}

TEST_F(ParserTest, RangesOfCompositeNodes) {
  File* f = parse("package p\nvar x = &T{a: []int{1}}\nvar c = <-chan int(nil)\nvar d = (<-chan int)(nil)\n");
  ASSERT_TRUE(m_diags.empty()) << first_error();
  const auto* v = f->decls[0]->as<GenDecl>()->specs[0]->as<ValueSpec>();
  const auto* addr = v->values[0]->as<UnaryExpr>();
  EXPECT_EQ(addr->pos().col, 9);
  const auto* lit = addr->x->as<CompositeLit>();
  EXPECT_EQ(lit->pos().col, 10);
  EXPECT_EQ(lit->lbrace.col, 11);
  EXPECT_EQ(lit->rbrace.col, 23);
  const auto* kv = lit->elts[0]->as<KeyValueExpr>();
  EXPECT_EQ(kv->colon.col, 13);
  const auto* d = f->decls[2]->as<GenDecl>()->specs[0]->as<ValueSpec>();
  const auto* conv = d->values[0]->as<CallExpr>();
  const auto* chan = conv->fun->as<ParenExpr>()->x->as<ChanType>();
  EXPECT_EQ(chan->dir, ChanDir::Recv);
  EXPECT_EQ(chan->pos().col, 10);
  EXPECT_EQ(chan->arrow.col, 10);
}

// ------------------------------------------------------------------ syntax errors

TEST_F(ParserTest, SyntaxErrorsInGoWords) {
  const std::pair<const char*, const char*> cases[] = {
      {"package p\nfunc f() {\n\tx := 1 2\n}\n", "3:9: syntax error: unexpected literal 2 at end of statement"},
      {"package p\nfunc f() {\n\tf(a b)\n}\n",
       "3:6: syntax error: unexpected name b in argument list; possibly missing comma or )"},
      {"package p\nfunc f() {\n\tf(a,\n\tb\n)\n}\n",
       "4:3: syntax error: unexpected newline in argument list; possibly missing comma or )"},
      {"package p\nvar x = []int{1,\n\t2\n}\n",
       "3:3: syntax error: unexpected newline in composite literal; possibly missing comma or }"},
      {"package p\nfunc f(a b c) {}\n",
       "2:12: syntax error: unexpected name c in parameter list; possibly missing comma or )"},
      {"package p\nvar (\n\ta int b int\n)\n",
       "3:8: syntax error: unexpected name b in grouped declaration; possibly missing semicolon or newline or )"},
      {"package p\ntype T struct {\n\ta int b int\n}\n",
       "3:8: syntax error: unexpected name b in struct type; possibly missing semicolon or newline or }"},
      {"package p\ntype T interface {\n\tM() N()\n}\n",
       "3:7: syntax error: unexpected ( in interface type; possibly missing semicolon or newline or }"},
      {"package p\nvar x int y\n", "2:11: syntax error: unexpected name y after top level declaration"},
      {"package p\nx := 1\n", "2:1: syntax error: non-declaration statement outside function body"},
      {"package p\nfunc f()\n{\n}\n", "3:1: syntax error: unexpected semicolon or newline before {"},
      {"package p\nfunc f() {\n\tif x {\n\t} else for {\n\t}\n}\n",
       "4:9: syntax error: else must be followed by if or statement block"},
      {"package p\nfunc f() {\n\tif x\n\t{\n\t}\n}\n",
       "3:6: syntax error: unexpected newline, expected { after if clause"},
      {"package p\nfunc f() {\n\tif x := 1 {\n\t}\n}\n", "3:7: syntax error: cannot use x := 1 as value"},
      {"package p\nfunc f() {\n\tif x = 1 {\n\t}\n}\n",
       "3:7: syntax error: cannot use assignment x = 1 as value"},
      {"package p\nfunc f() {\n\tif {\n\t}\n}\n", "3:5: syntax error: missing condition in if statement"},
      {"package p\nfunc f() {\n\tif x := 1; {\n\t}\n}\n", "3:11: syntax error: missing condition in if statement"},
      {"package p\nfunc f() {\n\tfor i := 0; i < 3 {\n\t}\n}\n",
       "3:20: syntax error: unexpected {, expected semicolon or newline"},
      {"package p\nfunc f() {\n\tfor x; {\n\t}\n}\n", "3:9: syntax error: unexpected {, expected for loop condition"},
      {"package p\nfunc f() {\n\tfor i := 0; i < 9; i++\n\t{\n\t}\n}\n",
       "3:24: syntax error: unexpected newline, expected { after for clause"},
      {"package p\nfunc f() {\n\tfor range x\n\t{\n\t}\n}\n",
       "3:13: syntax error: unexpected newline, expected { after for clause"},
      {"package p\nfunc f() {\n\tif x 2 {\n\t}\n}\n", "3:7: syntax error: unexpected literal 2, expected {"},
      {"package p\nfunc f() {\n\tif x; y 2 {\n\t}\n}\n",
       "3:10: syntax error: unexpected literal 2, expected { after if clause"},
      {"package p\nfunc f() {\n\tswitch x := 1; x\n\t{\n\t}\n}\n", "3:18: syntax error: missing { after switch clause"},
      {"package p\nfunc f() {\n\tif a, b {\n\t}\n}\n", "3:10: syntax error: unexpected {, expected := or = or comma"},
      {"package p\nfunc f() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n",
       "3:23: syntax error: cannot declare in post statement of for loop"},
      {"package p\nfunc f() {\n\tfor var i = 0; i < 3; i++ {\n\t}\n}\n",
       "3:10: syntax error: var declaration not allowed in for initializer"},
      {"package p\nfunc f() {\n\ta, b\n}\n", "3:6: syntax error: unexpected newline, expected := or = or comma"},
      {"package p\nfunc f() {\n\tx := (T){1}\n}\n", "3:10: syntax error: cannot parenthesize type in composite literal"},
      {"package p\nfunc f() {\n\tdefer (f())\n}\n", "3:8: expression in defer must not be parenthesized"},
      {"package p\nfunc f() {\n\tswitch a, b := x.(type) {\n\t}\n}\n",
       "3:14: syntax error: cannot use a, b := x.(type) as value"},
      {"package p\nfunc f() {\n\tx := 1 +\n}\n", "4:1: syntax error: unexpected }, expected expression"},
      {"package p\nfunc f() {\n\tx := a[1 2]\n}\n", "3:11: syntax error: unexpected literal 2, expected comma, : or ]"},
      {"package p\nfunc f() {\n\tx := (1 2)\n}\n", "3:10: syntax error: unexpected literal 2, expected )"},
      {"package p\nfunc f() {\n\tfunc g() {}\n}\n", "3:7: syntax error: unexpected name g, expected ("},
      {"package p\nfunc f() {\n\t)\n}\n", "3:2: syntax error: unexpected ), expected }"},
      {"package p\nfunc f() {\n\tswitch {\n\tcase 1:\n\t)\n\t}\n}\n",
       "5:2: syntax error: unexpected ), expected case or default or }"},
      {"package p\nfunc f() {\n\tvar x\n}\n", "3:7: syntax error: unexpected newline, expected type"},
      {"package p\nfunc f() {\n\tx.\n}\n", "4:1: syntax error: unexpected }, expected name or ("},
      {"package p\nfunc f() {\n\tswitch x {\n\tcase 1\n\t}\n}\n", "4:8: syntax error: unexpected newline, expected :"},
      {"package p\nfunc f(a int,, b int) {}\n", "2:14: syntax error: unexpected comma, expected )"},
      {"package p\nfunc f() {\n\ttype T\n}\n", "3:8: syntax error: unexpected newline in type declaration"},
      {"package p\nfunc f() {\n\tgoto\n}\n", "4:1: syntax error: unexpected }, expected name"},
      {"package p\nfunc f() {\n\tdefault:\n}\n", "3:2: syntax error: unexpected keyword default, expected }"},
      {"package p\nimport fmt\n", "2:11: syntax error: missing import path"},
      {"package p\nfunc f() {\n", "3:1: syntax error: unexpected EOF, expected }"},
      {"main\n", "1:1: syntax error: package statement must be first"},
      // Current Go's wording for parameter lists that mix names and types.
      {"package p\nfunc f(a int, b) {}\n", "2:16: syntax error: missing parameter type"},
      {"package p\nfunc f(a int, []string) {}\n", "2:15: syntax error: missing parameter name"},
      {"package p\nimport \"a\"\nvar x int\nimport \"b\"\n",
       "4:1: syntax error: imports must appear before other declarations"},
  };
  for (const auto& [src, want] : cases) {
    EXPECT_EQ(errors(src), Errors{want}) << src;
  }
}

TEST_F(ParserTest, NonSyntaxErrorsOfTheParser) {
  EXPECT_EQ(errors("package p\nfunc (a, b T) f() {}\nfunc () g() {}\n"),
            (Errors{"2:15: method has multiple receivers", "3:9: method has no receiver"}));
  EXPECT_EQ(errors("package p\nvar x = s[1:2:]\nvar y = s[::3]\n"),
            (Errors{"2:15: final index required in 3-index slice",
                    "3:12: middle index required in 3-index slice"}));
  // The checker reports misuse of x.(type); the parser accepts it anywhere.
  EXPECT_EQ(errors("package p\nvar x = y.(type)\n"), Errors{});
}

TEST_F(ParserTest, RecoveryReportsLaterErrors) {
  EXPECT_EQ(errors("package p\nfunc f() {\n\tx := 1 2\n\ty := 3\n\tz := 4 5\n}\nvar v int w\n"),
            (Errors{"3:9: syntax error: unexpected literal 2 at end of statement",
                    "5:9: syntax error: unexpected literal 5 at end of statement",
                    "7:11: syntax error: unexpected name w after top level declaration"}));
  // One syntax error per line at most.
  EXPECT_EQ(errors("package p\nfunc f() {\n\tx := 1 2 3 4; y := 5 6\n}\n"),
            Errors{"3:9: syntax error: unexpected literal 2 at end of statement"});
  // The declarations around an error survive.
  File* f = parse("package p\nfunc a() {}\nfunc b() { x := 1 2 }\nfunc c() {}\n");
  ASSERT_EQ(f->decls.size(), 3u);
  EXPECT_EQ(f->decls[2]->as<FuncDecl>()->name->name, "c");
  // Lexical and syntax errors together.
  EXPECT_EQ(errors("package p\nvar x = @1\nvar y = 08\n"),
            (Errors{"2:9: invalid character U+0040 '@'", "3:10: invalid digit '8' in octal literal"}));
}

TEST_F(ParserTest, StatementMustEndBeforeTheNextClause) {
  EXPECT_EQ(errors("package p\nfunc f() {\n\tswitch x {\n\tcase 1:\n\t\tx++ case 2:\n\t}\n}\n"),
            Errors{"5:7: syntax error: unexpected keyword case at end of statement"});
  EXPECT_EQ(errors("package p\nfunc f() {\n\tselect {\n\tcase <-c: x++ default:\n\t}\n}\n"),
            Errors{"4:16: syntax error: unexpected keyword default at end of statement"});
  // A clause may be empty, and its last statement may end at the brace.
  EXPECT_EQ(errors("package p\nfunc f() {\n\tswitch x {\n\tcase 1: case 2: x++ }\n}\n"), Errors{});
  // The error is at the next clause of the same switch, not an inner one.
  EXPECT_EQ(errors("package p\nfunc f() {\n\tswitch {\n\tcase true: switch {\n\t\tcase false: x++\n\t\t}\n"
                   "\tcase false:\n\t}\n}\n"),
            Errors{});
}

// Go type-checks a package unless a file has an error starting with
// "syntax error"; the parser's other errors and the lexer's leave a usable tree.
TEST_F(ParserTest, OnlySyntaxErrorsStopTypeChecking) {
  const char* checkable[] = {
      "package p\nfunc f() { defer (g()) }\n",
      "package p\nfunc () M() {}\n",
      "package p\nvar x = s[1::]\n",
      "package p\nvar x = '\\400'\n",
      "package p\nvar x = 0x\n",
      "package p\nvar a\x00b = 1\n",
  };
  for (const char* src : checkable) {
    File* f = parse(src);
    EXPECT_FALSE(m_diags.empty()) << src;
    EXPECT_FALSE(f->has_syntax_errors) << src;
  }
  const char* fatal[] = {
      "package p\nvar x = 1 2\n",
      // Only one syntax error per line is printed, but each one counts.
      "package p\nfunc f() { x := (1 2) 3 }\n",
      // At EOF after another error Go prints nothing more; Bison lost the function.
      "package p\nfunc f() {\n\tx := 1 /* open\n",
      "package p\ntype T interface { m[] int }\n",
  };
  for (const char* src : fatal) {
    EXPECT_TRUE(parse(src)->has_syntax_errors) << src;
  }
  EXPECT_FALSE(parse("package p\nfunc f() {}\n")->has_syntax_errors);
}

TEST_F(ParserTest, NonSyntaxErrorsLeaveACheckableTree) {
  // A malformed literal is a BadExpr, which the checker passes over silently.
  File* f = parse("package p\nvar x, y = 0x, '\\400'\nvar z = 0x1\n");
  const auto* spec = f->decls[0]->as<GenDecl>()->specs[0]->as<ValueSpec>();
  EXPECT_TRUE(spec->values[0]->is<BadExpr>());
  EXPECT_TRUE(spec->values[1]->is<BadExpr>());
  EXPECT_TRUE(f->decls[1]->as<GenDecl>()->specs[0]->as<ValueSpec>()->values[0]->is<BasicLit>());
  // Missing indices of a 3-index slice are BadExprs, so they are reported once.
  f = parse("package p\nvar x = s[::]\n");
  const auto* slice = f->decls[0]->as<GenDecl>()->specs[0]->as<ValueSpec>()->values[0]->as<SliceExpr>();
  ASSERT_NE(slice, nullptr);
  EXPECT_TRUE(slice->high->is<BadExpr>());
  EXPECT_TRUE(slice->max->is<BadExpr>());
  // No receiver: a function, as in Go; several: the first is the receiver.
  f = parse("package p\nfunc () M() {}\nfunc (a, b T) N() {}\nfunc (a T, b U) O() {}\n");
  ASSERT_EQ(f->decls.size(), 3u);
  EXPECT_EQ(f->decls[0]->as<FuncDecl>()->recv, nullptr);
  for (int i = 1; i < 3; i++) {
    const FieldList* recv = f->decls[static_cast<size_t>(i)]->as<FuncDecl>()->recv;
    ASSERT_NE(recv, nullptr);
    EXPECT_EQ(recv->count(), 1u);
    EXPECT_EQ(recv->list[0]->names[0]->name, "a");
  }
}

TEST_F(ParserTest, HeaderErrorsComeBeforeErrorsInTheBlock) {
  // Go checks the header before it parses the block: the header's error is
  // the one syntax error kept for the line.
  EXPECT_EQ(errors("package p\nfunc f() {\n\tif { x++; x > 1 {\n\t}\n}\n"),
            Errors{"3:5: syntax error: missing condition in if statement"});
  EXPECT_EQ(errors("package p\nfunc f() {\n\tfor x := 0; x = 1; { y := 1 2 }\n}\n"),
            Errors{"3:16: syntax error: cannot use assignment x = 1 as value"});
}

TEST_F(ParserTest, IfHeaderWithoutBrace) {
  // The header is complete when Go misses the '{': its own error comes first
  // (and is the one kept for the line), then the body is skipped to its '}'.
  EXPECT_EQ(errors("package p\nfunc f() {\n\tif x == 2\n\t\tx = 3\n\t}\n\t_ = x\n}\n"),
            Errors{"4:5: syntax error: cannot use assignment x = 3 as value"});
  EXPECT_EQ(errors("package p\nfunc f() {\n\tif x := g(); x > 0\n\t{\n\t\tif x > 1 {\n\t\t}\n\t}\n}\n"),
            Errors{"3:20: syntax error: unexpected newline, expected { after if clause"});
  EXPECT_EQ(errors("package p\nfunc f() {\n\tif x := g(); x > 2; {\n\t}\n}\n"),
            Errors{"3:20: syntax error: unexpected semicolon, expected { after if clause"});
  EXPECT_TRUE(parse("package p\nfunc f() {\n\tif a; b\n\t}\n}\n")->has_syntax_errors);
}

// Errors where Go's recursive descent knows what it wants next from the token
// before (positions checked against Go; texts are current Go's).
TEST_F(ParserTest, WhatGoWantsAfterAKeyword) {
  const std::pair<const char*, const char*> cases[] = {
      {"package p\nfunc 1() {}\n", "2:6: syntax error: unexpected literal 1, expected name or ("},
      {"package p\nfunc (r T) 1() {}\n", "2:12: syntax error: unexpected literal 1, expected name"},
      {"package p\nfunc f = 1\n", "2:8: syntax error: unexpected =, expected ("},
      {"package main for\n", "1:14: syntax error: unexpected keyword for, expected semicolon or newline"},
      {"package p\nfunc f() {\n\tselect x {\n\t}\n}\n", "3:9: syntax error: missing { after select clause"},
      {"package p\nvar c = make(chan )\n", "2:19: syntax error: missing channel element type"},
      {"package p\nfunc f() int {\n\treturn go\n}\n", "3:9: syntax error: unexpected keyword go, expected expression"},
      {"package p\nfunc f() {\n\tif ]\n}\n", "3:5: syntax error: unexpected ], expected expression"},
      {"package p\nfunc f() {\n\tif x := 1;\n\t}\n}\n", "4:2: syntax error: unexpected }, expected expression"},
      {"package p\nvar x = a[]\n", "2:11: syntax error: unexpected ], expected operand"},
      {"package p\nvar x := 1\n", "2:7: syntax error: unexpected :=, expected ="},
      {"package p\nvar x int := 1\n", "2:11: syntax error: unexpected :=, expected ="},
      {"package p\ntype T := int\n", "2:8: syntax error: unexpected :=, expected ="},
      {"package p\nconst (\n\t. x = 1\n)\n", "3:2: syntax error: unexpected ., expected name"},
      {"package p\nfunc f() {\nL: ,\n}\n", "3:2: syntax error: missing statement after label"},
      {"package p\nvar x = a[1:2,]\n", "2:14: syntax error: unexpected comma, expected ]"},
      {"package p\ntype T struct {\n\t1\n}\n",
       "3:2: syntax error: unexpected literal 1, expected field name or embedded type"},
      {"package p\ntype T struct {\n\ta = 1\n}\n", "3:4: syntax error: unexpected =, expected type"},
      {"package p\nfunc f() {\n\tif var x := 1; x > 0 {\n\t}\n}\n",
       "3:9: syntax error: var declaration not allowed in if initializer"},
  };
  for (const auto& [src, want] : cases) {
    const Errors got = errors(src);
    ASSERT_FALSE(got.empty()) << src;
    EXPECT_EQ(got[0], want) << src;
  }
}

TEST_F(ParserTest, IndexWithTrailingComma) {
  EXPECT_EQ(expr("a[1,]"), expr("a[1]"));
  EXPECT_EQ(stmts("if a[1,] {\n}"), stmts("if a[1] {\n}"));
  EXPECT_EQ(errors("package p\nvar x = a[1, 2]\n"), Errors{"2:14: syntax error: unexpected literal 2, expected ]"});
}

TEST_F(ParserTest, BraceAfterAValueIsUnexpectedInTheEnclosingList) {
  const std::pair<const char*, const char*> cases[] = {
      {"package p\nvar x = []int{1{}}\n",
       "2:16: syntax error: unexpected { in composite literal; possibly missing comma or }"},
      {"package p\nfunc f() {\n\tg(1{})\n}\n",
       "3:5: syntax error: unexpected { in argument list; possibly missing comma or )"},
      {"package p\nfunc f() {\n\tx := g(){}\n}\n", "3:10: syntax error: unexpected { at end of statement"},
      {"package p\nvar v = 1{}\n", "2:10: syntax error: unexpected { after top level declaration"},
      {"package p\nfunc f() {\n\t_ = (2{})\n}\n", "3:8: syntax error: unexpected {, expected )"},
      {"package p\nfunc f() {\n\t_ = a[1{}]\n}\n", "3:9: syntax error: unexpected {, expected comma, : or ]"},
  };
  for (const auto& [src, want] : cases) {
    EXPECT_EQ(errors(src), Errors{want}) << src;
  }
  // The expression ends before the '{', and recovery goes on from there as in
  // Go: here the literal's '}' then closes the function body.
  EXPECT_EQ(errors("package p\nfunc f() {\n\t_ = []int{1{}}\n}\n"),
            (Errors{"3:13: syntax error: unexpected { in composite literal; possibly missing comma or }",
                    "4:1: syntax error: non-declaration statement outside function body"}));
  // An index expression may be a generic type instance: `{` starts a literal.
  EXPECT_EQ(errors("package p\nfunc f() {\n\t!m[k] {\n\t\tm[k] = true\n\t}\n}\n"),
            Errors{"4:8: syntax error: unexpected = in composite literal; possibly missing comma or }"});
  EXPECT_EQ(errors("package p\nvar x = m[f()]{}\n"),
            Errors{"2:15: syntax error: unexpected { after top level declaration"});
}

TEST_F(ParserTest, GenericSyntaxGolDoesNotSupport) {
  // Go's parser accepts any type as an interface element (a type term).
  EXPECT_EQ(errors("package p\ntype I interface {\n\t*T\n\t[]int\n\tfunc()\n\t(int)\n\tinterface{ M() }\n}\n"),
            Errors{});
  EXPECT_EQ(errors("package p\ntype I interface {\n\t*T\n\tTag string\n}\n"),
            Errors{"4:6: syntax error: unexpected name string in interface type; possibly missing semicolon or "
                   "newline or }"});
  EXPECT_EQ(errors("package p\ntype I interface { m[](); n[] }\n"),
            (Errors{"2:22: empty type parameter list", "2:29: empty type argument list"}));
  EXPECT_EQ(errors("package p\ntype I interface {\n\twords []uint64\n}\n"),
            (Errors{"3:9: empty type argument list",
                    "3:10: syntax error: unexpected name uint64 in interface type; possibly missing semicolon or "
                    "newline or }"}));
  EXPECT_EQ(errors("package p\ntype I interface {\n\t() string\n}\n"),
            Errors{"3:3: syntax error: unexpected ), expected type"});
  // After a type name, '[' starts Go's type argument list, which holds types.
  EXPECT_EQ(errors("package p\nvar x = []int[:]\n"), Errors{"2:15: syntax error: unexpected :, expected type"});
  EXPECT_EQ(errors("package p\nvar x = map[string]int[1+2]\n"),
            Errors{"2:24: syntax error: unexpected literal 1, expected type"});
  EXPECT_EQ(errors("package p\nfunc f(k int[0]) {}\n"), Errors{"2:14: syntax error: unexpected literal 0, expected type"});
  EXPECT_EQ(errors("package p\nvar x int[]\n"), Errors{"2:11: syntax error: unexpected ], expected type argument list"});
  EXPECT_EQ(errors("package p\nvar x = []int{1}[0]\n"), Errors{});
  File* f = parse("package p\nfunc f[]() {}\n");
  EXPECT_EQ(first_error(), "syntax error: empty type parameter list");
  ASSERT_EQ(f->decls.size(), 1u);
  // A func type in a parameter list starts at its '(' in Go's parser.
  EXPECT_EQ(errors("package p\nfunc g(func(int) int, x int) {}\n"),
            Errors{"2:12: syntax error: missing parameter name"});
}

TEST_F(ParserTest, ParenthesizedBadGoOrDeferExpression) {
  EXPECT_EQ(errors("package p\nfunc f() {\n\tgo ()\n\tdefer (x y)\n}\n"),
            (Errors{"3:5: expression in go must not be parenthesized",
                    "3:6: syntax error: unexpected ), expected expression",
                    "4:8: expression in defer must not be parenthesized",
                    "4:11: syntax error: unexpected name y, expected )"}));
}

TEST_F(ParserTest, StandardPackageStyleDeclarations) {
  // Registry sources declare natively implemented functions without bodies.
  EXPECT_EQ(decls("func Println(a ...any) (n int, err error)\nfunc Sqrt(x float64) float64"),
            "(FuncDecl _ Println (FuncType (FieldList (Field (a) (Ellipsis any) _)) "
            "(FieldList (Field (n) int _) (Field (err) error _))) _) "
            "(FuncDecl _ Sqrt (FuncType (FieldList (Field (x) float64 _)) (FieldList (Field () float64 _))) _)");
}

// --------------------------------------------------------------- hostile inputs

TEST_F(ParserTest, DeepNestingIsRejectedNotFatal) {
  const std::string deep = "package p\nvar x = " + std::string(100000, '(') + "1" + std::string(100000, ')') + "\n";
  File* f = parse(deep);
  EXPECT_EQ(first_error(), "exceeded max nesting depth");
  EXPECT_TRUE(f->decls.empty());
  std::string chain = "package p\nvar y = 1";
  for (int i = 0; i < 20000; i++) chain += "+1";
  chain += "\nvar z = 2\n";
  f = parse(chain);
  EXPECT_EQ(first_error(), "exceeded max nesting depth");
  ASSERT_EQ(f->decls.size(), 1u);  // y is dropped, z kept
  std::string unary = "package p\nfunc f() { x := " + std::string(50000, '!') + "y }\n";
  parse(unary);
  EXPECT_EQ(first_error(), "exceeded max nesting depth");
  std::string blocks = "package p\nfunc f() " + std::string(30000, '{') + std::string(30000, '}') + "\n";
  parse(blocks);
  EXPECT_EQ(first_error(), "exceeded max nesting depth");
  // Within the limit, deep is fine.
  parse("package p\nvar x = " + std::string(200, '(') + "1" + std::string(200, ')') + "\n");
  EXPECT_TRUE(m_diags.empty()) << first_error();
}

TEST_F(ParserTest, GarbageDoesNotCrash) {
  std::mt19937 rng(12345);
  const char* pieces[] = {"package p\n", "func", "(", ")", "{", "}", "[", "]", "x", ",", ";", "\n",
                          "1", "\"s\"", "`r`", "'c'", ":=", "=", "+", "<-", "chan", "map", "struct",
                          "interface", "if", "for", "switch", "case", "default", "select", "go",
                          "defer", "return", "var", "const", "type", "import", ".", "...", "*", "&",
                          "range", "else", ":", "0x", "1e", "/*", "//", "é", "\t", " ", "\xff", "~"};
  for (int round = 0; round < 2000; round++) {
    std::string src = round % 3 == 0 ? "" : "package p\n";
    const int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; i++) src += pieces[rng() % std::size(pieces)];
    File* f = parse(src);
    ASSERT_NE(f, nullptr);
    dump(f);
  }
  for (int round = 0; round < 200; round++) {
    std::string bytes;
    const int n = static_cast<int>(rng() % 400);
    for (int i = 0; i < n; i++) bytes += static_cast<char>(rng() % 256);
    ASSERT_NE(parse(bytes), nullptr);
    ASSERT_NE(parse("package p\n" + bytes), nullptr);
  }
}

}  // namespace
}  // namespace gol::lang
