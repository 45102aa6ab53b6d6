// check_test.cc — the type checker on small programs: Go's diagnostics
// (text and position) and the annotations left for the compiler.
#include <gtest/gtest.h>

#include <string>

#include "lang/ast.h"
#include "lang/check.h"
#include "lang/parse.h"
#include "lang/scope.h"
#include "lang/types.h"
#include "stdlib/stdlib.h"

namespace gol::lang {
namespace {

struct Checked {
  SourceSet sources;
  Arena arena;
  Diagnostics diags;
  Package* pkg = nullptr;
  std::string errors;  // "line:col: message" lines
};

// Parses and checks `src` as t.gol; the diagnostics are printed one per line.
std::unique_ptr<Checked> check_source(const std::string& src) {
  auto c = std::make_unique<Checked>();
  int32_t id = c->sources.add("t.gol", src);
  File* f = parse_file(c->sources, id, c->arena, c->diags);
  if (c->diags.empty()) {
    PackageRegistry registry;
    stdlib::register_packages(registry);
    c->pkg = check_package(c->sources, c->arena, {f}, registry, c->diags);
  }
  for (const Diagnostic& d : c->diags.sorted()) {
    if (d.pos.valid()) c->errors += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": ";
    c->errors += d.message + "\n";
  }
  return c;
}

std::string errors(const std::string& src) { return check_source(src)->errors; }

// The initializer expression of package-level variable `name`.
Expr* init_of(const Checked& c, const std::string& name) {
  for (const Initializer& init : c.pkg->init_order) {
    for (Var* v : init.lhs) {
      if (v->name == name) return init.rhs;
    }
  }
  return nullptr;
}

TEST(Check, ValidProgram) {
  EXPECT_EQ(errors(R"(package main

import (
	"fmt"
	"strings"
)

type Shape interface{ Area() float64 }

type Rect struct{ w, h float64 }

func (r Rect) Area() float64 { return r.w * r.h }

func sum(xs ...int) (total int) {
	for _, x := range xs {
		total += x
	}
	return
}

func main() {
	var s Shape = Rect{2, 3}
	fmt.Println(s.Area(), sum(1, 2, 3), strings.ToUpper("x"))
	m := map[string][]int{"a": {1, 2}}
	for k, v := range m {
		fmt.Println(k, len(v))
	}
	for i := range 3 {
		_ = i
	}
	ch := make(chan int, 1)
	ch <- 1
	select {
	case v, ok := <-ch:
		fmt.Println(v, ok)
	default:
	}
}
)"),
            "");
}

TEST(Check, UndefinedAndUnused) {
  EXPECT_EQ(errors("package main\n\nimport \"os\"\n\nfunc main() {\n\tx := 1\n\ty = 2\n}\n"),
            "3:8: \"os\" imported and not used\n6:2: declared and not used: x\n7:2: undefined: y\n");
}

TEST(Check, AssignedButNotReadIsUnused) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\tx := 1\n\tx = 2\n}\n"), "4:2: declared and not used: x\n");
}

TEST(Check, ConstantOverflowAndTruncation) {
  EXPECT_EQ(errors("package main\n\nvar a int8 = 300\nvar b int = 1.5\nvar c = byte(256)\n\nfunc main() {}\n"),
            "3:14: cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)\n"
            "4:13: cannot use 1.5 (untyped float constant) as int value in variable declaration (truncated)\n"
            "5:14: constant 256 overflows byte\n");
}

TEST(Check, DivisionByZeroAndMismatch) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\tx := 1\n\t_ = x / 0\n\t_ = x + \"a\"\n}\n"),
            "5:10: invalid operation: division by zero\n"
            "6:6: invalid operation: x + \"a\" (mismatched types int and untyped string)\n");
}

TEST(Check, MismatchedTypes) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\tx, y := 1, \"s\"\n\t_ = x == y\n}\n"),
            "5:11: invalid operation: x == y (mismatched types int and string)\n");
}

TEST(Check, SliceComparableOnlyToNil) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\ta, b := []int{}, []int{}\n\t_ = a == b\n\t_ = a == nil\n}\n"),
            "5:6: invalid operation: a == b (slice can only be compared to nil)\n");
}

TEST(Check, CallArity) {
  EXPECT_EQ(errors("package main\n\nfunc f(a int) int { return a }\n\nfunc main() {\n\tf(1, 2)\n\tx, y := f(1)\n\t_, _ = x, y\n}\n"),
            "6:7: too many arguments in call to f\n\thave (number, number)\n\twant (int)\n"
            "7:10: assignment mismatch: 2 variables but f returns 1 value\n");
}

TEST(Check, ReturnCountAndMissingReturn) {
  EXPECT_EQ(errors("package main\n\nfunc f() int {\n\treturn\n}\n\nfunc g() int {\n\tif true {\n\t\treturn 1\n\t}\n}\n\nfunc main() {}\n"),
            "4:2: not enough return values\n\thave ()\n\twant (int)\n11:1: missing return\n");
}

TEST(Check, InterfaceSatisfactionCauses) {
  EXPECT_EQ(errors(R"(package main

type I interface{ M() }

type T struct{}

func (t *T) M() {}

type U struct{}

func main() {
	var t T
	var i I = t
	var j I = U{}
	_, _ = i, j
}
)"),
            "13:12: cannot use t (variable of struct type T) as I value in variable declaration: T does not implement I "
            "(method M has pointer receiver)\n"
            "14:12: cannot use U{} (value of struct type U) as I value in variable declaration: U does not implement I "
            "(missing method M)\n");
}

TEST(Check, BranchesAndLabels) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\tbreak\nL:\n\tfor {\n\t}\n}\n"),
            "4:2: break is not in a loop, switch, or select\n5:1: label L defined and not used\n");
}

TEST(Check, ShortVarDeclRules) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\ta := 1\n\ta := 2\n\t_ = a\n}\n"),
            "5:4: no new variables on left side of :=\n");
}

TEST(Check, ImpossibleTypeAssertion) {
  EXPECT_EQ(errors(R"(package main

type I interface{ M() }

type T struct{}

func main() {
	var i I
	_ = i.(T)
	x := 1
	_ = x.(int)
}
)"),
            "9:6: impossible type assertion: i.(T)\n\tT does not implement I (missing method M)\n"
            "11:6: invalid operation: x (variable of type int) is not an interface\n");
}

TEST(Check, MissingMainIsReportedWithoutPosition) {
  EXPECT_EQ(errors("package main\n\nfunc f() {}\n"), "function main is undeclared in the main package\n");
}

TEST(Check, StdPackagesResolve) {
  EXPECT_EQ(errors("package main\n\nimport \"strconv\"\n\nfunc main() {\n\tn, err := strconv.Atoi(\"1\")\n\t_, _ = n, err\n\t_ = strconv.Nope\n}\n"),
            "8:14: undefined: strconv.Nope\n");
}

// ------------------------------------------------------------- annotations

TEST(CheckAnnotations, UntypedConstantTakesContextType) {
  auto c = check_source("package main\n\nvar v int8 = 1 + 2\n\nfunc main() {}\n");
  ASSERT_EQ(c->errors, "");
  Expr* e = init_of(*c, "v");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->is<BinaryExpr>());
  EXPECT_EQ(type_string(e->type, c->pkg), "int8");
  ASSERT_NE(e->constant, nullptr);
  EXPECT_EQ(e->constant->to_string(), "3");
  // The operands of a constant expression are never materialized: they keep
  // their own constant values.
  ASSERT_NE(e->as<BinaryExpr>()->x->constant, nullptr);
  EXPECT_EQ(e->as<BinaryExpr>()->x->constant->to_string(), "1");
}

TEST(CheckAnnotations, DefaultTypesAndConstantFolding) {
  auto c = check_source("package main\n\nconst k = 1 << 10\n\nvar f = 2.5\nvar n = k / 3\n\nfunc main() {}\n");
  ASSERT_EQ(c->errors, "");
  EXPECT_EQ(type_string(c->pkg->scope->lookup("f")->type, c->pkg), "float64");
  Expr* n = init_of(*c, "n");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(type_string(n->type, c->pkg), "int");
  EXPECT_EQ(n->constant->to_string(), "341");
  auto* k = c->pkg->scope->lookup("k")->as<Const>();
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(type_string(k->type, c->pkg), "untyped int");
  EXPECT_EQ(k->value.to_string(), "1024");
}

TEST(CheckAnnotations, SelectorThroughEmbedding) {
  auto c = check_source(R"(package main

type Inner struct{ x, y int }

type Outer struct {
	name string
	*Inner
}

var o Outer
var v = o.y

func main() {}
)");
  ASSERT_EQ(c->errors, "");
  auto* sel = init_of(*c, "v")->as<SelectorExpr>();
  ASSERT_NE(sel, nullptr);
  EXPECT_EQ(sel->sel_kind, SelectorKind::Field);
  EXPECT_EQ(sel->path, (std::vector<int>{1, 1}));
  EXPECT_TRUE(sel->indirect);
  EXPECT_EQ(sel->mode, ExprMode::Variable);
}

TEST(CheckAnnotations, CallKinds) {
  auto c = check_source("package main\n\nfunc f() int { return 1 }\n\nvar a = f()\nvar b = float64(a)\nvar d = len(\"abc\")\n\nfunc main() {}\n");
  ASSERT_EQ(c->errors, "");
  EXPECT_EQ(init_of(*c, "a")->as<CallExpr>()->call_kind, CallExpr::Kind::Call);
  EXPECT_EQ(init_of(*c, "b")->as<CallExpr>()->call_kind, CallExpr::Kind::Conversion);
  auto* len = init_of(*c, "d")->as<CallExpr>();
  EXPECT_EQ(len->call_kind, CallExpr::Kind::Builtin);
  EXPECT_EQ(len->builtin, static_cast<uint8_t>(BuiltinId::Len));
  EXPECT_EQ(len->constant->to_string(), "3");
}

TEST(CheckAnnotations, InitOrderFollowsDependencies) {
  auto c = check_source("package main\n\nvar a = b + 1\nvar b = f()\n\nfunc f() int { return c }\n\nvar c = 2\n\nfunc main() {}\n");
  ASSERT_EQ(c->errors, "");
  std::vector<std::string> order;
  for (const Initializer& init : c->pkg->init_order) order.push_back(init.lhs[0]->name);
  EXPECT_EQ(order, (std::vector<std::string>{"c", "b", "a"}));
}

TEST(CheckAnnotations, InitializationCycle) {
  EXPECT_EQ(errors("package main\n\nvar x = x\n\nfunc main() {}\n"), "3:5: initialization cycle: x refers to itself\n");
}

TEST(CheckAnnotations, IdentsResolveToObjects) {
  auto c = check_source("package main\n\nvar g = 1\nvar h = g\n\nfunc main() {}\n");
  ASSERT_EQ(c->errors, "");
  auto* id = init_of(*c, "h")->as<Ident>();
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->object, c->pkg->scope->lookup("g"));
}

// ------------------------------------------------ disagreements with Go fixed

// A constant needs a value even when it has a type (cf. types2 arity).
TEST(CheckGo, ConstantWithTypeButNoValue) {
  EXPECT_EQ(errors("package main\n\nconst c int\n\nfunc main() {\n\tconst (\n\t\ta = iota\n\t\tb\n\t\td string\n\t)\n}\n"),
            "3:7: missing init expr for c\n9:3: missing init expr for d\n");
}

// The index counter wraps after 2^63-1 as in Go (no signed overflow); the
// key left past the literal's length is then rejected at the key.
TEST(CheckGo, ArrayLiteralIndexWrapsAround) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\ta := [...]int{5: 1, 0x7fffffffffffffff: 2, 3}\n\t_ = a\n"
                   "\ts := []int{0x7fffffffffffffff: 1, 2}\n\t_ = s\n}\n"),
            "4:22: array index 9223372036854775807 out of bounds [0:6]\n");
}

// Calling a non-function leaves the arguments unchecked, so a variable used
// only there is unused.
TEST(CheckGo, NonFunctionCallArgumentsUnchecked) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\tn, v := 1, 2\n\t_ = n(v)\n}\n"),
            "4:5: declared and not used: v\n5:6: invalid operation: cannot call non-function n (variable of type int)\n");
}

// Positions Go gives: a misplaced ... with a built-in at the call, a
// selector on a built-in at its dot (past blanks and comments).
TEST(CheckGo, BuiltinErrorPositions) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\ts := []int{1}\n\t_ = len(s...)\n\t_ = cap /* . */ .x\n}\n"),
            "5:6: invalid operation: invalid use of ... with built-in len\n"
            "6:18: invalid use of cap (built-in) in selector expression\n");
}

// When the left side is invalid, the right side is only "used": a type
// there is no error.
TEST(CheckGo, InvalidAssignmentLeftSideOnlyUsesRight) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\tint = int\n\tstring = undefined1\n}\n"),
            "4:2: int (type) is not an expression\n5:2: string (type) is not an expression\n"
            "5:11: undefined: undefined1\n");
}

// An untyped constant beside a composite operand is converted to its type
// (cf. types2 matchTypes), and fails there.
TEST(CheckGo, UntypedConstantBesideCompositeOperand) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\txs := []int{}\n\t_ = xs + 1\n\t_ = \"s\" + 1\n\tvar e error\n\t_ = e == 2\n}\n"),
            "5:11: cannot convert 1 (untyped int constant) to type []int\n"
            "6:6: invalid operation: \"s\" + 1 (mismatched types untyped string and untyped int)\n"
            "8:11: cannot convert 2 (untyped int constant) to type interface{Error() string}\n");
}

// A package-level name may not reuse a name a file imports.
TEST(CheckGo, PackageNameConflictsWithImport) {
  const std::string got =
      errors("package main\n\nimport \"strings\"\nimport . \"fmt\"\n\nvar strings = 1\n\nfunc Println() {}\n\nfunc main() {}\n");
  const std::string want =
      "3:8: \"strings\" imported and not used\n4:8: \"fmt\" imported and not used\n"
      "6:5: strings already declared through import of package strings (\"strings\")\n\tt.gol:3:8: other declaration of strings\n"
      "8:6: Println already declared through dot-import of package fmt (\"fmt\")\n\t$GOROOT/src/fmt/";
  // The line of Println in the registry's fmt source is not this test's concern.
  EXPECT_EQ(got.substr(0, want.size()), want);
  EXPECT_TRUE(got.ends_with(": other declaration of Println\n")) << got;
}

// A method with an invalid receiver (**T) still belongs to T.
TEST(CheckGo, InvalidReceiverMethodStaysInMethodSet) {
  EXPECT_EQ(errors("package main\n\ntype T struct{}\n\nfunc (t **T) M() {}\n\ntype I interface{ M() }\n\nvar _ I = (*T)(nil)\n\nfunc main() {}\n"),
            "5:11: invalid receiver type **T\n");
}

// A non-interface type embedded in an interface makes it a constraint
// interface: legal to declare, an error where used as a type.
TEST(CheckGo, ConstraintInterfaceOnlyErrsWhereUsed) {
  EXPECT_EQ(errors("package main\n\ntype I interface{ int8 }\ntype J interface{ I }\n\nfunc main() {\n\tvar j J\n\t_ = j\n"
                   "\t_ = []I{}\n\t_ = I(nil)\n}\n"),
            "7:8: cannot use type J outside a type constraint: interface contains type constraints\n"
            "9:8: cannot use type I outside a type constraint: interface contains type constraints\n"
            "10:6: cannot use interface I in conversion (contains specific type constraints or is comparable)\n"
            "10:6: use of untyped nil in assignment to _ identifier\n");
}

// Go's parser checks labels and branches in every function body without a
// syntax error, even when a syntax error elsewhere stops type checking.
TEST(CheckGo, BranchChecksOfCleanBodiesAfterSyntaxError) {
  SourceSet sources;
  Arena arena;
  Diagnostics diags;
  int32_t id = sources.add("t.gol",
                           "package main\n\nfunc main() {\nL:\n\tfor {\n\t}\n}\n\nfunc f() {\n\tcontinue\n}\n\n"
                           "func g() {\n\tx := 1 +\n\tbreak\n}\n");
  File* f = parse_file(sources, id, arena, diags);
  ASSERT_FALSE(diags.empty());
  check_branches(sources, {f}, diags);
  std::string got;
  for (const Diagnostic& d : diags.sorted()) {
    got += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " + d.message + "\n";
  }
  EXPECT_EQ(got, "4:1: label L defined and not used\n10:2: continue is not in a loop\n"
                 "15:2: syntax error: unexpected keyword break, expected expression\n");
}

// Conversions ignore struct tags; assignability does not.
TEST(CheckGo, ConversionIgnoresStructTags) {
  EXPECT_EQ(errors("package main\n\ntype A struct {\n\tX int `json:\"x\"`\n}\ntype B struct{ X int }\n\nfunc main() {\n"
                   "\tvar a A\n\t_ = B(a)\n\t_ = (*B)(&a)\n\tvar s struct{ X int } = a\n\t_ = s\n}\n"),
            "12:26: cannot use a (variable of struct type A) as struct{X int} value in variable declaration\n");
}

// Function and method bodies are checked in source order (a method's
// signature is resolved with its type, its body is not), which decides the
// ten errors kept.
TEST(CheckGo, BodiesInSourceOrderForTheErrorLimit) {
  std::string src = "package main\n\nfunc f() {\n";
  for (int i = 1; i <= 6; i++) src += "\t_ = a" + std::to_string(i) + "\n";
  src += "}\n\ntype T struct{}\n\nfunc (T) M() {\n";
  for (int i = 1; i <= 6; i++) src += "\t_ = b" + std::to_string(i) + "\n";
  src += "}\n\nfunc main() {}\n";
  std::string want;
  for (int i = 1; i <= 6; i++) want += std::to_string(3 + i) + ":6: undefined: a" + std::to_string(i) + "\n";
  for (int i = 1; i <= 4; i++) want += std::to_string(14 + i) + ":6: undefined: b" + std::to_string(i) + "\n";
  EXPECT_EQ(errors(src), want);
}

// The left operand of a non-constant shift takes its type from the
// context, through the expression around it, and must end up an integer.
TEST(CheckGo, UntypedNonConstantShiftOperand) {
  EXPECT_EQ(errors("package main\n\nfunc main() {\n\tvar s uint = 2\n\tvar y float32 = 2 + 1<<s\n"
                   "\tvar z int64 = 2 + 1.0<<s\n\tvar a []int\n\t_ = a[1<<s]\n\t_, _ = y, z\n}\n"),
            "5:22: invalid operation: shifted operand 1 (type float32) must be integer\n");
}

// A constant's type left invalid by an earlier error is not reported again.
TEST(CheckGo, InvalidConstantTypeAfterInvalidType) {
  EXPECT_EQ(errors("package main\n\ntype E int\n\nconst int E = 0\n\nfunc main() {}\n"), "3:8: int is not a type\n");
}

}  // namespace
}  // namespace gol::lang
