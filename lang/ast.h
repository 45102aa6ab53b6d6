// ast.h — the syntax tree of a gol source file.
//
// The parser builds it; the checker annotates it (types, constant values,
// resolved objects); the compiler reads it. Node shapes follow Go's go/ast so a
// reader who knows that package knows this one, minus what gol leaves out
// (generics, complex numbers).
//
// Every node carries its source range. Nodes live in an Arena owned by whoever
// parsed them and are never freed individually; they are plain C++ objects, not
// GC objects, and hold no pointers into the GC heap.
//
// Downcasts go through `as<T>()`/`is<T>()`, which check `kind` against the
// node type's kKind; there is no RTTI dispatch.
//
// The checker's annotations sit in clearly marked blocks at the end of the node
// types that have them. The parser leaves them null.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lang/source.h"

namespace gol::lang {

class Type;      // lang/types.h
class Object;    // lang/scope.h: what an identifier denotes
class Scope;     // lang/scope.h
class Constant;  // lang/constant.h: a compile-time constant value

enum class NodeKind : uint8_t {
  // Expressions
  BadExpr,
  Ident,
  BasicLit,
  CompositeLit,
  FuncLit,
  ParenExpr,
  SelectorExpr,
  IndexExpr,
  SliceExpr,
  TypeAssertExpr,
  CallExpr,
  StarExpr,
  UnaryExpr,
  BinaryExpr,
  KeyValueExpr,
  Ellipsis,
  // Type expressions (also Exprs: Go's grammar mixes the two)
  ArrayType,
  StructType,
  FuncType,
  InterfaceType,
  MapType,
  ChanType,
  // Statements
  BadStmt,
  DeclStmt,
  EmptyStmt,
  LabeledStmt,
  ExprStmt,
  SendStmt,
  IncDecStmt,
  AssignStmt,
  GoStmt,
  DeferStmt,
  ReturnStmt,
  BranchStmt,
  BlockStmt,
  IfStmt,
  CaseClause,
  SwitchStmt,
  TypeSwitchStmt,
  CommClause,
  SelectStmt,
  ForStmt,
  RangeStmt,
  // Declarations and the rest
  Field,
  FieldList,
  ImportSpec,
  ValueSpec,
  TypeSpec,
  GenDecl,
  FuncDecl,
  File,
};

const char* node_kind_name(NodeKind kind);

// Operators and the keyword tokens that AST nodes record.
enum class Op : uint8_t {
  None,
  // binary / unary arithmetic
  Add,     // +
  Sub,     // -
  Mul,     // *
  Quo,     // /
  Rem,     // %
  And,     // &
  Or,      // |
  Xor,     // ^
  Shl,     // <<
  Shr,     // >>
  AndNot,  // &^
  // logical and comparison
  LAnd,  // &&
  LOr,   // ||
  Arrow, // <-  (unary receive)
  Not,   // !
  Eql,   // ==
  Neq,   // !=
  Lss,   // <
  Leq,   // <=
  Gtr,   // >
  Geq,   // >=
  // assignment
  Assign,        // =
  Define,        // :=
  AddAssign,     // +=
  SubAssign,     // -=
  MulAssign,     // *=
  QuoAssign,     // /=
  RemAssign,     // %=
  AndAssign,     // &=
  OrAssign,      // |=
  XorAssign,     // ^=
  ShlAssign,     // <<=
  ShrAssign,     // >>=
  AndNotAssign,  // &^=
  Inc,           // ++
  Dec,           // --
  // keywords recorded by BranchStmt and GenDecl
  Break,
  Continue,
  Goto,
  Fallthrough,
  Import,
  Const,
  Type,
  Var,
};

// The operator's source spelling ("+", "&^=", "break", ...).
const char* op_string(Op op);
// For an op-assign (+=, ...): the binary operator it applies (Add, ...); None otherwise.
Op op_assign_base(Op op);

struct Node {
  explicit Node(NodeKind k) : kind(k) {}
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  const NodeKind kind;
  Range range;

  Pos pos() const { return range.begin; }
  Pos end() const { return range.end; }

  template <class T>
  bool is() const { return kind == T::kKind; }
  template <class T>
  T* as() { return kind == T::kKind ? static_cast<T*>(this) : nullptr; }
  template <class T>
  const T* as() const { return kind == T::kKind ? static_cast<const T*>(this) : nullptr; }
};

// How the checker classified an expression (cf. go/types operandMode).
enum class ExprMode : uint8_t {
  Invalid,   // not checked, or erroneous
  NoValue,   // a call of a function without results
  Builtin,   // a builtin function name (only callable)
  TypeExpr,  // the expression denotes a type
  Constant,  // a compile-time constant; `constant` holds its value
  Variable,  // addressable
  MapIndex,  // m[k]: assignable, not addressable
  Value,     // any other computed value
  CommaOk,   // a value that may be used in a two-value assignment (v, ok)
};

struct Expr : Node {
  using Node::Node;

  // --- checker annotations ---
  ExprMode mode = ExprMode::Invalid;
  const Type* type = nullptr;         // the expression's type (after untyped-constant defaulting)
  const Constant* constant = nullptr; // its value, when mode == Constant
};

struct Stmt : Node {
  using Node::Node;
};

// ---------------------------------------------------------------- expressions

struct BadExpr : Expr {
  static constexpr NodeKind kKind = NodeKind::BadExpr;
  BadExpr() : Expr(kKind) {}
};

struct Ident : Expr {
  static constexpr NodeKind kKind = NodeKind::Ident;
  Ident() : Expr(kKind) {}
  std::string name;  // "_" for the blank identifier

  // --- checker annotations ---
  Object* object = nullptr;  // what the name denotes (declares or uses)
};

enum class LitKind : uint8_t { Int, Float, Imag, Char, String };

struct BasicLit : Expr {
  static constexpr NodeKind kKind = NodeKind::BasicLit;
  BasicLit() : Expr(kKind) {}
  LitKind lit = LitKind::Int;
  std::string raw;  // the literal exactly as written, quotes and underscores included
};

struct CompositeLit : Expr {
  static constexpr NodeKind kKind = NodeKind::CompositeLit;
  CompositeLit() : Expr(kKind) {}
  Expr* type_expr = nullptr;  // null when elided inside an outer literal
  std::vector<Expr*> elts;    // KeyValueExpr for keyed elements
  Pos lbrace;
  Pos rbrace;
};

struct FuncType;
struct BlockStmt;

struct FuncLit : Expr {
  static constexpr NodeKind kKind = NodeKind::FuncLit;
  FuncLit() : Expr(kKind) {}
  FuncType* sig = nullptr;
  BlockStmt* body = nullptr;
};

struct ParenExpr : Expr {
  static constexpr NodeKind kKind = NodeKind::ParenExpr;
  ParenExpr() : Expr(kKind) {}
  Expr* x = nullptr;
};

// What a selector x.f resolved to (checker annotation).
enum class SelectorKind : uint8_t {
  None,         // not resolved (or erroneous)
  Qualified,    // pkg.Name: sel->object is the package member
  Field,        // a struct field (possibly promoted)
  MethodValue,  // x.M: a method bound to x
  MethodExpr,   // T.M: a method as a function taking the receiver first
};

struct SelectorExpr : Expr {
  static constexpr NodeKind kKind = NodeKind::SelectorExpr;
  SelectorExpr() : Expr(kKind) {}
  Expr* x = nullptr;
  Ident* sel = nullptr;

  // --- checker annotations ---
  SelectorKind sel_kind = SelectorKind::None;
  // Field/method index path from x's type through embedded fields; the last
  // entry is the field's index in its struct or the method's index among its
  // type's methods (Named::methods, or the interface's sorted method set).
  std::vector<int> path;
  bool indirect = false;  // a pointer is dereferenced on the way (embedded *T or a *T receiver x)
};

struct IndexExpr : Expr {
  static constexpr NodeKind kKind = NodeKind::IndexExpr;
  IndexExpr() : Expr(kKind) {}
  Expr* x = nullptr;
  Expr* index = nullptr;
  Pos lbrack;
};

struct SliceExpr : Expr {
  static constexpr NodeKind kKind = NodeKind::SliceExpr;
  SliceExpr() : Expr(kKind) {}
  Expr* x = nullptr;
  Expr* low = nullptr;   // may be null
  Expr* high = nullptr;  // may be null
  Expr* max = nullptr;   // may be null; set only when slice3
  bool slice3 = false;   // x[a:b:c]
  Pos lbrack;
};

struct TypeAssertExpr : Expr {
  static constexpr NodeKind kKind = NodeKind::TypeAssertExpr;
  TypeAssertExpr() : Expr(kKind) {}
  Expr* x = nullptr;
  Expr* type_expr = nullptr;  // null for x.(type) in a type switch
};

struct CallExpr : Expr {
  static constexpr NodeKind kKind = NodeKind::CallExpr;
  CallExpr() : Expr(kKind) {}
  Expr* fun = nullptr;
  std::vector<Expr*> args;
  Pos lparen;
  Pos rparen;
  Pos ellipsis;  // valid if the call is f(xs...)
  bool has_ellipsis() const { return ellipsis.valid(); }

  // --- checker annotations ---
  enum class Kind : uint8_t { Unknown, Call, Conversion, Builtin };
  Kind call_kind = Kind::Unknown;
  uint8_t builtin = 0;  // the BuiltinId (lang/scope.h) when call_kind == Builtin
};

// *x: a pointer dereference, or a pointer type when x is a type.
struct StarExpr : Expr {
  static constexpr NodeKind kKind = NodeKind::StarExpr;
  StarExpr() : Expr(kKind) {}
  Expr* x = nullptr;
};

// op x, for op in + - ! ^ & <-
struct UnaryExpr : Expr {
  static constexpr NodeKind kKind = NodeKind::UnaryExpr;
  UnaryExpr() : Expr(kKind) {}
  Op op = Op::None;
  Expr* x = nullptr;
};

struct BinaryExpr : Expr {
  static constexpr NodeKind kKind = NodeKind::BinaryExpr;
  BinaryExpr() : Expr(kKind) {}
  Op op = Op::None;
  Pos op_pos;
  Expr* x = nullptr;
  Expr* y = nullptr;
};

struct KeyValueExpr : Expr {
  static constexpr NodeKind kKind = NodeKind::KeyValueExpr;
  KeyValueExpr() : Expr(kKind) {}
  Expr* key = nullptr;
  Expr* value = nullptr;
  Pos colon;
};

// `...T` as the type of a final variadic parameter, or `...` as the length
// of an array literal's type ([...]T), where elt is null.
struct Ellipsis : Expr {
  static constexpr NodeKind kKind = NodeKind::Ellipsis;
  Ellipsis() : Expr(kKind) {}
  Expr* elt = nullptr;
};

// --------------------------------------------------------------------- types

// [len]elem, [...]elem (len is an Ellipsis), or []elem (len is null).
struct ArrayType : Expr {
  static constexpr NodeKind kKind = NodeKind::ArrayType;
  ArrayType() : Expr(kKind) {}
  Expr* len = nullptr;
  Expr* elem = nullptr;
};

struct BasicLit;

// A struct field, a parameter/result, an interface method or embedded
// interface, or a receiver. `names` is empty for anonymous parameters and for
// embedded fields/interfaces.
struct Field : Node {
  static constexpr NodeKind kKind = NodeKind::Field;
  Field() : Node(kKind) {}
  std::vector<Ident*> names;
  Expr* type_expr = nullptr;  // for an interface method: its FuncType
  BasicLit* tag = nullptr;    // struct field tag, or null
};

struct FieldList : Node {
  static constexpr NodeKind kKind = NodeKind::FieldList;
  FieldList() : Node(kKind) {}
  std::vector<Field*> list;
  Pos opening;  // '(' or '{'; invalid when absent (a single unparenthesised result)
  Pos closing;
  // The number of names declared (an anonymous field counts as one).
  size_t count() const;
};

struct StructType : Expr {
  static constexpr NodeKind kKind = NodeKind::StructType;
  StructType() : Expr(kKind) {}
  FieldList* fields = nullptr;
};

struct FuncType : Expr {
  static constexpr NodeKind kKind = NodeKind::FuncType;
  FuncType() : Expr(kKind) {}
  FieldList* params = nullptr;   // never null
  FieldList* results = nullptr;  // null when the function has no results
};

struct InterfaceType : Expr {
  static constexpr NodeKind kKind = NodeKind::InterfaceType;
  InterfaceType() : Expr(kKind) {}
  FieldList* methods = nullptr;  // a Field with one name and a FuncType, or an embedded type
};

struct MapType : Expr {
  static constexpr NodeKind kKind = NodeKind::MapType;
  MapType() : Expr(kKind) {}
  Expr* key = nullptr;
  Expr* value = nullptr;
};

enum class ChanDir : uint8_t { Both, Send, Recv };

struct ChanType : Expr {
  static constexpr NodeKind kKind = NodeKind::ChanType;
  ChanType() : Expr(kKind) {}
  ChanDir dir = ChanDir::Both;
  Pos arrow;  // position of "<-", if any
  Expr* value = nullptr;
};

// ---------------------------------------------------------------- statements

struct GenDecl;

struct BadStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::BadStmt;
  BadStmt() : Stmt(kKind) {}
};

struct DeclStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::DeclStmt;
  DeclStmt() : Stmt(kKind) {}
  GenDecl* decl = nullptr;  // const, type or var
};

// An empty statement; `implicit` when it stands for a semicolon the lexer
// inserted before a closing '}' or ')'.
struct EmptyStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::EmptyStmt;
  EmptyStmt() : Stmt(kKind) {}
  bool implicit = false;
};

struct LabeledStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::LabeledStmt;
  LabeledStmt() : Stmt(kKind) {}
  Ident* label = nullptr;
  Stmt* stmt = nullptr;
};

struct ExprStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::ExprStmt;
  ExprStmt() : Stmt(kKind) {}
  Expr* x = nullptr;
};

struct SendStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::SendStmt;
  SendStmt() : Stmt(kKind) {}
  Expr* chan = nullptr;
  Expr* value = nullptr;
  Pos arrow;
};

struct IncDecStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::IncDecStmt;
  IncDecStmt() : Stmt(kKind) {}
  Expr* x = nullptr;
  Op op = Op::Inc;  // Inc or Dec
  Pos op_pos;
};

struct AssignStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::AssignStmt;
  AssignStmt() : Stmt(kKind) {}
  std::vector<Expr*> lhs;
  Op op = Op::Assign;  // Assign, Define, or an op-assign
  Pos op_pos;
  std::vector<Expr*> rhs;
};

struct GoStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::GoStmt;
  GoStmt() : Stmt(kKind) {}
  Expr* call = nullptr;  // a CallExpr when well-formed; the checker reports otherwise
};

struct DeferStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::DeferStmt;
  DeferStmt() : Stmt(kKind) {}
  Expr* call = nullptr;  // as GoStmt::call
};

struct ReturnStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::ReturnStmt;
  ReturnStmt() : Stmt(kKind) {}
  std::vector<Expr*> results;
};

// break, continue, goto, fallthrough
struct BranchStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::BranchStmt;
  BranchStmt() : Stmt(kKind) {}
  Op op = Op::Break;
  Ident* label = nullptr;  // may be null

  // --- checker annotations ---
  Stmt* target = nullptr;  // the statement broken out of / continued / jumped to
};

struct BlockStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::BlockStmt;
  BlockStmt() : Stmt(kKind) {}
  std::vector<Stmt*> list;
  Pos lbrace;
  Pos rbrace;

  // --- checker annotations ---
  Scope* scope = nullptr;
};

struct IfStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::IfStmt;
  IfStmt() : Stmt(kKind) {}
  Stmt* init = nullptr;  // may be null
  Expr* cond = nullptr;
  BlockStmt* then = nullptr;
  Stmt* els = nullptr;  // null, an IfStmt, or a BlockStmt

  // --- checker annotations ---
  Scope* scope = nullptr;  // holds the init statement's names
};

// A case of an expression or type switch. `list` is empty for `default`.
struct CaseClause : Stmt {
  static constexpr NodeKind kKind = NodeKind::CaseClause;
  CaseClause() : Stmt(kKind) {}
  bool is_default = false;
  std::vector<Expr*> list;
  Pos colon;
  std::vector<Stmt*> body;

  // --- checker annotations ---
  Scope* scope = nullptr;
  Object* implicit = nullptr;  // in a type switch `switch v := x.(type)`: this clause's v
};

struct SwitchStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::SwitchStmt;
  SwitchStmt() : Stmt(kKind) {}
  Stmt* init = nullptr;  // may be null
  Expr* tag = nullptr;   // may be null (switch { ... } means switch true)
  std::vector<CaseClause*> clauses;
  Pos lbrace;
  Pos rbrace;

  // --- checker annotations ---
  Scope* scope = nullptr;
};

struct TypeSwitchStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::TypeSwitchStmt;
  TypeSwitchStmt() : Stmt(kKind) {}
  Stmt* init = nullptr;  // may be null
  // `v := x.(type)` (an AssignStmt with op Define and one TypeAssertExpr on
  // the right) or `x.(type)` (an ExprStmt).
  Stmt* assign = nullptr;
  std::vector<CaseClause*> clauses;
  Pos lbrace;
  Pos rbrace;

  // --- checker annotations ---
  Scope* scope = nullptr;
};

// A case of a select. `comm` is null for `default`; otherwise a SendStmt, an
// ExprStmt holding a receive, or an AssignStmt (`v, ok := <-c`, `v = <-c`).
struct CommClause : Stmt {
  static constexpr NodeKind kKind = NodeKind::CommClause;
  CommClause() : Stmt(kKind) {}
  Stmt* comm = nullptr;
  Pos colon;
  std::vector<Stmt*> body;

  // --- checker annotations ---
  Scope* scope = nullptr;
};

struct SelectStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::SelectStmt;
  SelectStmt() : Stmt(kKind) {}
  std::vector<CommClause*> clauses;
  Pos lbrace;
  Pos rbrace;
};

struct ForStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::ForStmt;
  ForStmt() : Stmt(kKind) {}
  Stmt* init = nullptr;  // may be null
  Expr* cond = nullptr;  // may be null
  Stmt* post = nullptr;  // may be null
  BlockStmt* body = nullptr;

  // --- checker annotations ---
  Scope* scope = nullptr;
};

// for key, value := range x / for key, value = range x / for range x
struct RangeStmt : Stmt {
  static constexpr NodeKind kKind = NodeKind::RangeStmt;
  RangeStmt() : Stmt(kKind) {}
  Expr* key = nullptr;    // may be null
  Expr* value = nullptr;  // may be null
  Op op = Op::None;       // Define, Assign, or None when there is no key
  Pos op_pos;
  Expr* x = nullptr;
  BlockStmt* body = nullptr;

  // --- checker annotations ---
  Scope* scope = nullptr;
};

// -------------------------------------------------------------- declarations

struct ImportSpec : Node {
  static constexpr NodeKind kKind = NodeKind::ImportSpec;
  ImportSpec() : Node(kKind) {}
  Ident* name = nullptr;  // alias, "_" or "."; null when absent
  BasicLit* path = nullptr;
};

// A const or var spec: names [type] [= values].
struct ValueSpec : Node {
  static constexpr NodeKind kKind = NodeKind::ValueSpec;
  ValueSpec() : Node(kKind) {}
  std::vector<Ident*> names;
  Expr* type_expr = nullptr;  // may be null
  std::vector<Expr*> values;  // may be empty
  // For const specs: the spec's index in its group (the value of iota).
  int64_t iota = 0;
  // For a const spec with neither type nor values: the spec whose type and
  // values it repeats (Go's implicit repetition). Set by the parser.
  ValueSpec* implicit_from = nullptr;
};

struct TypeSpec : Node {
  static constexpr NodeKind kKind = NodeKind::TypeSpec;
  TypeSpec() : Node(kKind) {}
  Ident* name = nullptr;
  Pos assign;  // valid for an alias declaration `type A = B`
  Expr* type_expr = nullptr;
  bool is_alias() const { return assign.valid(); }
};

struct GenDecl : Node {
  static constexpr NodeKind kKind = NodeKind::GenDecl;
  GenDecl() : Node(kKind) {}
  Op op = Op::Var;  // Import, Const, Type or Var
  std::vector<Node*> specs;  // ImportSpec, ValueSpec or TypeSpec
  Pos lparen;                // valid for a grouped declaration
  Pos rparen;
  bool grouped() const { return lparen.valid(); }
};

struct FuncDecl : Node {
  static constexpr NodeKind kKind = NodeKind::FuncDecl;
  FuncDecl() : Node(kKind) {}
  FieldList* recv = nullptr;  // null for a plain function
  Ident* name = nullptr;
  FuncType* sig = nullptr;
  BlockStmt* body = nullptr;  // null for a function declared without a body
};

struct File : Node {
  static constexpr NodeKind kKind = NodeKind::File;
  File() : Node(kKind) {}
  int32_t file = -1;  // index in the SourceSet
  Ident* package_name = nullptr;
  std::vector<Node*> decls;  // GenDecl and FuncDecl, imports first
  // The parser reported a "syntax error: ..." here. Go type-checks a package
  // only when none of its files has one; its other parser and lexer errors
  // leave a tree the checker can use (cf. noder's base.SyntaxErrors()).
  bool has_syntax_errors = false;
};

// --------------------------------------------------------------------- arena

// Owns nodes. Nodes are created with make<T>() and all freed with the arena.
class Arena {
 public:
  template <class T>
  T* make() {
    auto node = std::make_unique<T>();
    T* raw = node.get();
    m_nodes.push_back(std::move(node));
    return raw;
  }

 private:
  std::vector<std::unique_ptr<Node>> m_nodes;
};

// Removes any ParenExpr wrappers.
Expr* unparen(Expr* e);
const Expr* unparen(const Expr* e);

}  // namespace gol::lang
