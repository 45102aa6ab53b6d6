// check_impl.h — the checker's internal state, shared by the check*.cc files.
//
// The checker follows Go's types2 closely in structure so a reader can hold
// the two side by side:
//   check.cc        package level: collecting objects, imports, declaration
//                   order and cycles, init order, unused imports, func main
//   check_typexpr.cc type expressions (struct, func, interface, array ...)
//   check_expr.cc   operands, untyped constants, unary/binary/shift/compare
//   check_index.cc  index, slice, composite literals, type assertions
//   check_call.cc   calls, conversions, builtins
//   check_lookup.cc selectors (fields, methods, package members)
//   check_assign.cc assignments, := and var declarations
//   check_stmt.cc   statements, terminating statements
//   check_branches.cc labels and branches (Go's parser checks; no types)
//   check_print.cc  Go's spelling of expressions and operands in messages
//
// Expressions are evaluated into an Operand (mode, type, constant value). An
// untyped expression's final type is known only once its context is: such
// expressions are remembered in m_untyped and given their type later
// (update_expr_type, cf. types2 updateExprType); the annotations on the AST
// are written when the type is final.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/check.h"
#include "lang/constant.h"
#include "lang/registry.h"
#include "lang/scope.h"
#include "lang/source.h"
#include "lang/types.h"
#include "lang/universe.h"

namespace gol::lang {

struct Operand {
  ExprMode mode = ExprMode::Invalid;
  Expr* expr = nullptr;
  const Type* type = nullptr;
  std::optional<Constant> val;  // set when mode == Constant
  BuiltinId builtin = BuiltinId::Append;  // when mode == Builtin

  bool invalid() const { return mode == ExprMode::Invalid; }
  bool is_nil() const;
};

// What a package-level object's declaration looks like (cf. types2 declInfo).
struct DeclInfo {
  Scope* file_scope = nullptr;
  std::vector<Var*> lhs;        // for `var a, b = f()`: all the variables
  Expr* type_expr = nullptr;
  Expr* init = nullptr;
  int64_t iota = 0;             // for constants
  bool inherited = false;       // a constant repeating an earlier spec's expression
  TypeSpec* tspec = nullptr;
  FuncDecl* fdecl = nullptr;
  std::vector<Object*> deps;    // package-level objects used by the declaration
  std::set<Object*> dep_set;
};

enum class Color : uint8_t { White, Grey, Black };

// Statement context (cf. types2 stmtContext).
enum StmtCtx : uint32_t {
  kBreakOk = 1,
  kContinueOk = 2,
  kFallthroughOk = 4,
  kFinalSwitchCase = 8,
  kInTypeSwitch = 16,
};

// How an expression may be used (cf. types2 exprKind).
enum class ExprKind : uint8_t { Conversion, Expression, Statement };

// One import cache per check_package call: each standard package is parsed
// and checked once however many packages import it.
struct ImportCache {
  std::map<std::string, Package*> packages;
  std::set<std::string> in_progress;
};

class Checker {
 public:
  Checker(SourceSet& sources, Arena& arena, const PackageRegistry& registry, Diagnostics& diags,
          Package* pkg, ImportCache& cache);

  void check_files(const std::vector<File*>& files);

  // ------------------------------------------------------------- errors
  void error(Pos pos, const std::string& msg);
  void error_at(const Node* n, const std::string& msg) { error(n ? n->pos() : Pos{}, msg); }
  void error_at(const Operand& x, const std::string& msg) { error(x.expr ? x.expr->pos() : Pos{}, msg); }
  bool has_errors() const { return m_errors > 0; }

  // Strings for messages.
  std::string str(const Type* t) const { return type_string(t, m_pkg); }
  std::string str(const Operand& x) const;
  std::string str(const Expr* e) const;
  std::string pos_str(Pos pos) const { return format_pos(m_sources, pos); }

  // -------------------------------------------------- package level (check.cc)
  void collect_objects(const std::vector<File*>& files);
  void file_scope_conflicts(const std::vector<Scope*>& file_scopes);
  void import_package(ImportSpec* spec, Scope* file_scope);
  void declare_pkg_obj(Ident* ident, Object* obj, DeclInfo* decl);
  void declare(Scope* scope, Ident* ident, Object* obj);
  void package_objects();
  void obj_decl(Object* obj);
  void const_decl(Const* obj, DeclInfo* d);
  void var_decl(Var* obj, DeclInfo* d);
  void type_decl(TypeName* obj, DeclInfo* d);
  void func_decl(Func* obj, DeclInfo* d);
  void collect_methods(TypeName* obj);
  void cycle_error(const std::vector<Object*>& cycle);
  bool valid_type_cycle(Object* obj);
  void check_func_bodies();
  void unused_imports();
  void init_order();
  void check_main();
  void record_use(Object* obj);

  // ---------------------------------------------- types (check_typexpr.cc)
  const Type* type_expr(Expr* e);
  const Type* defined_type(Expr* e, Named* def);
  const Type* type_internal(Expr* e, Named* def);
  const Type* var_type(Expr* e);  // a type for a variable: checks it is not a bare Builtin
  const Signature* func_type(FuncType* ft, FieldList* recv, Scope* scope);
  const Tuple* collect_params(FieldList* list, Scope* scope, bool variadic_ok, bool* variadic);
  const Struct* struct_type(StructType* st);
  const Interface* interface_type(InterfaceType* it, Named* def);
  int64_t array_length(Expr* e);
  void valid_map_key(Expr* e, const Type* key);

  // --------------------------------------------- expressions (check_expr.cc)
  // Evaluates e as a single value (not a type, not multi-valued).
  void expr(Operand& x, Expr* e, const Type* hint = nullptr);
  // Like expr, but e may also evaluate to a type.
  void expr_or_type(Operand& x, Expr* e);
  // Evaluates e which may be multi-valued (a call); results in `list`.
  void multi_expr(std::vector<Operand>& list, Expr* e, bool allow_comma_ok);
  ExprKind raw_expr(Operand& x, Expr* e, const Type* hint, bool allow_generic);
  // Evaluates e only for its errors and to mark what it names as used, when
  // its value is not wanted (cf. types2 use): a type or a blank is no error.
  void use(Expr* e);
  ExprKind expr_internal(Operand& x, Expr* e, const Type* hint);
  void single_value(Operand& x);
  void exclude(Operand& x, uint32_t modes);
  void ident(Operand& x, Ident* e, bool want_type);
  void basic_lit(Operand& x, BasicLit* e);
  void func_lit(Operand& x, FuncLit* e);
  void unary(Operand& x, UnaryExpr* e);
  void binary(Operand& x, Expr* e, Expr* lhs, Expr* rhs, Op op, Pos op_pos);
  void shift(Operand& x, Operand& y, Expr* e, Op op);
  void comparison(Operand& x, Operand& y, Op op, bool switch_case);
  void match_types(Operand& x, Operand& y);
  bool op_ok(bool (*pred)(const Type*), Operand& x, Op op);
  void overflow(Operand& x, Pos op_pos);
  void record(Operand& x);
  void record_expr(Expr* e, ExprMode mode, const Type* t, const std::optional<Constant>& val);
  void remember_untyped(Expr* e, bool is_lhs, ExprMode mode, const Type* t, const std::optional<Constant>& val);
  void update_expr_type(Expr* e, const Type* t, bool final);
  void update_expr_val(Expr* e, const Constant& val);
  void record_untyped_leftovers();
  // Untyped conversion (cf. implicitTypeAndValue, convertUntyped).
  enum class ConvCode : uint8_t { Ok, Truncated, Overflow, Invalid };
  const Type* implicit_type_and_value(Operand& x, const Type* target, std::optional<Constant>* val, ConvCode* code);
  void convert_untyped(Operand& x, const Type* target);
  ConvCode representation(const Operand& x, const Basic* t, std::optional<Constant>* out);
  void representable(Operand& x, const Basic* t);
  void invalid_conversion(ConvCode code, Operand& x, const Type* target);
  const Constant* intern(const Constant& c);

  // ---------------------------------- index/slice/literals (check_index.cc)
  void index_expr(Operand& x, IndexExpr* e);
  void slice_expr(Operand& x, SliceExpr* e);
  // Checks an index; returns its constant value or -1. `max` < 0: no bound.
  int64_t index(Expr* index, int64_t max, bool allow_negative_unknown = false);
  void composite_lit(Operand& x, CompositeLit* e, const Type* hint);
  // Returns the literal's length; `keys` receives the valid explicit
  // indices with their key expressions, in order.
  int64_t indexed_elts(const std::vector<Expr*>& elts, const Type* elem, int64_t length,
                       std::vector<std::pair<int64_t, Expr*>>* keys);
  void type_assertion(Expr* e, Operand& x, const Type* t, bool type_switch);
  void assert_expr(Operand& x, TypeAssertExpr* e);

  // --------------------------------------------------- calls (check_call.cc)
  ExprKind call_expr(Operand& x, CallExpr* e);
  void arguments(CallExpr* call, const Signature* sig, std::vector<Operand>& args, const std::string& fname);
  void eval_args(std::vector<Operand>& args, const std::vector<Expr*>& exprs);
  bool builtin_call(Operand& x, CallExpr* call, BuiltinId id);
  void conversion(Operand& x, const Type* t);
  bool convertible_to(const Operand& x, const Type* t, std::string* cause);

  // ----------------------------------------------- selectors (check_lookup.cc)
  void selector(Operand& x, SelectorExpr* e, bool want_type);

  // ------------------------------------------ assignments (check_assign.cc)
  void assignment(Operand& x, const Type* t, const std::string& context);
  bool assignable_to(const Operand& x, const Type* t, std::string* cause);
  void init_const(Const* lhs, Operand& x);
  const Type* init_var(Var* lhs, Operand& x, const std::string& context);
  const Type* lhs_var(Expr* lhs);
  void assign_var(Expr* lhs, Expr* rhs_expr, Operand& x, const std::string& context);
  void init_vars(const std::vector<Var*>& lhs, const std::vector<Expr*>& rhs, Stmt* return_stmt);
  void assign_vars(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs);
  void short_var_decl(AssignStmt* s);
  void assign_error(const std::vector<Expr*>& rhs, size_t l, size_t r);
  void return_error(Stmt* s, const std::vector<Operand>& rhs);
  void decl_stmt(GenDecl* d);
  void local_const_spec(ValueSpec* spec, ValueSpec* last_typed);
  void local_var_spec(ValueSpec* spec);
  void local_type_spec(TypeSpec* spec);

  // ---------------------------------------------- statements (check_stmt.cc)
  void func_body(const std::string& name, const Signature* sig, BlockStmt* body, Scope* scope);
  void stmt_list(uint32_t ctx, const std::vector<Stmt*>& list);
  void stmt(uint32_t ctx, Stmt* s);
  void open_scope(Node* n, const std::string& comment);
  void close_scope();
  void usage(Scope* scope);
  void simple_stmt(Stmt* s);
  void if_stmt(uint32_t ctx, IfStmt* s);
  void switch_stmt(uint32_t ctx, SwitchStmt* s);
  void type_switch_stmt(uint32_t ctx, TypeSwitchStmt* s);
  void select_stmt(uint32_t ctx, SelectStmt* s);
  void for_stmt(uint32_t ctx, ForStmt* s);
  void range_stmt(uint32_t ctx, RangeStmt* s);
  void return_stmt(ReturnStmt* s);
  void go_defer(Stmt* s, Expr* call, const char* what);
  void labels(BlockStmt* body);
  bool is_terminating(Stmt* s, const std::string& label);
  bool is_terminating_list(const std::vector<Stmt*>& list, const std::string& label);

  // --------------------------------------------------------- state
  SourceSet& m_sources;
  Arena& m_arena;
  const PackageRegistry& m_registry;
  Diagnostics& m_diags;
  Package* m_pkg;
  ImportCache& m_cache;
  size_t m_errors = 0;

  std::unordered_map<Object*, DeclInfo*> m_objmap;
  std::unordered_map<Object*, Color> m_color;
  std::vector<Object*> m_obj_path;
  std::vector<Object*> m_pkg_objects;  // package-level objects in source order
  std::unordered_map<const TypeName*, std::vector<Func*>> m_methods;  // by receiver base type name
  std::vector<std::pair<Func*, DeclInfo*>> m_funcs;  // funcs with bodies to check, in order
  // Methods whose signatures were resolved with their receiver type: their
  // bodies join m_funcs when package_objects reaches them in source order.
  std::unordered_map<Object*, std::pair<Func*, DeclInfo*>> m_early_methods;
  bool m_resolving_methods = false;
  std::vector<PkgName*> m_imports;
  std::unordered_map<Func*, Scope*> m_func_scopes;
  // Checks that need complete types (map keys, embedded fields, receivers),
  // run once the package's declarations are resolved (cf. types2 check.later).
  std::vector<std::function<void()>> m_later;
  void process_later();

  struct UntypedInfo {
    bool is_lhs;
    ExprMode mode;
    const Type* type;
    std::optional<Constant> val;
  };
  std::unordered_map<Expr*, UntypedInfo> m_untyped;
  std::vector<Expr*> m_untyped_order;

  // The environment of the code being checked (cf. types2 environment).
  DeclInfo* m_decl = nullptr;   // package-level declaration being checked
  Scope* m_scope = nullptr;     // current scope
  const Signature* m_sig = nullptr;  // function being checked, or null
  std::optional<Constant> m_iota;    // value of iota in a constant declaration
  bool m_has_label = false;
  bool m_has_call_or_recv = false;  // set by calls and receives (len/cap of arrays are constant without them)
  bool m_in_std = false;
  bool m_repl = false;  // CheckOptions::repl (the main package only)
};

// Where the branch checks of one function body report (check_branches.cc):
// through a Checker when the package is type-checked, else straight to the
// diagnostics.
struct BranchReporter {
  Package* pkg = nullptr;  // owner of the Label objects made
  std::function<void(Pos, const std::string&)> error;
  std::function<std::string(Pos)> pos_str;
  std::function<std::string(const Expr*)> expr_str;
};
void check_body_branches(BlockStmt* body, const BranchReporter& r);

// Helpers shared between files.
// Go's summary of a list of types in count-mismatch messages: "(number, string)".
std::string types_summary(const Checker& c, const std::vector<const Type*>& list, bool variadic, bool has_dots);
bool is_comparison(Op op);
bool is_shift(Op op);
int64_t const_int64(const Constant& c, bool* ok);

}  // namespace gol::lang
