// compile_impl.h — the bytecode compiler's internals (see compile.h).
//
// Two levels, as in Lua's lcode.c/lparser.c split:
//   ProgramCompiler  program-wide tables: protos per function object, run-time
//                    types (lang type → vm::Type), natives, globals, method
//                    tables and the wrappers they need.
//   FuncCompiler     one function body: registers, variables, jumps, and the
//                    code for statements and expressions.
//
// Registers are allocated like a stack (cf. Lua's freereg): locals at the
// bottom in declaration order, temporaries above them; a statement frees its
// temporaries when it ends, a block its locals. A call window always starts at
// the current top, so the callee's frame overlays only dead registers.
//
// Variables live in one of three places: a register (the common case), a
// heap cell (its address is taken, or a closure captures it: Go's "escapes to
// heap"; the register then holds the cell pointer), or the globals area. An
// escape pre-pass over each top-level function decides which, and computes
// the free variables of every function literal (compile_escape.cc).
//
// Compile errors here are only for what gol cannot run yet; they abort the
// compilation by exception (CompileFailure), caught in compile_program.
//
// REPL mode (lang/session.cc): a ProgramCompiler made with a SessionLink
// appends one generation to the session's Program; its caches keep working
// per lang object, and only their misses consult the link (globals,
// standard functions, named types, table indices).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lang/ast.h"
#include "lang/compile.h"
#include "lang/scope.h"
#include "lang/types.h"
#include "vm/program.h"
#include "vm/type.h"

namespace gol::lang {

struct CompileFailure {
  Pos pos;
  std::string message;
};
[[noreturn]] void compile_fail(Pos pos, std::string message);

class FuncCompiler;

// The interned name of a method for method tables and CALLM: exported names
// as they are; unexported ones qualified by their package, since Go keeps
// unexported methods of different packages distinct.
uint32_t method_name_id(const Func* m);
// The registry name of a standard function without a body: "strings.Index".
std::string native_name(const Func* f);

const Type* universe_bool();
const Type* universe_int();
const Type* universe_rune();
const Type* universe_string();

// Results of the escape pre-pass for one top-level function (and the
// literals inside it).
struct EscapeInfo {
  std::unordered_set<const Var*> in_cell;  // variables that live in heap cells
  // Free variables of each function literal, in first-use order: the cells
  // it captures (CLOSURE passes them in this order).
  std::unordered_map<const FuncLit*, std::vector<const Var*>> free_vars;
  // Functions (FuncDecl or FuncLit nodes) with a defer statement of their own.
  std::unordered_set<const Node*> defers;
};
EscapeInfo analyze_escapes(Node* func_decl_or_lit, const FuncType* sig, BlockStmt* body);

// The link state of a REPL session (lang/session.h, lang/session.cc): what
// earlier generations compiled into the session's Program, found again by
// name, since every generation is a new check with new lang objects. The
// compiler reads `committed` and `staged` and adds to `staged`; SessionLinker
// merges `staged` into `committed` only when the generation compiled.
struct SessionTables {
  std::unordered_map<std::string, uint32_t> globals;        // global_key → first slot
  std::unordered_map<std::string, uint32_t> protos;         // standard functions by Proto name
  std::unordered_map<std::string, const vm::Type*> named;   // package-level named types by named_key
  std::unordered_set<std::string> initialized;              // standard packages, by path
  std::unordered_map<std::string, uint32_t> inits_run;      // main's init functions run, by source text
};

struct SessionLink {
  SessionTables committed;
  SessionTables staged;
  // Indices into the Program's tables: valid whatever becomes of the
  // generation that added them, so shared at once.
  std::unordered_map<std::string, uint32_t> natives;
  std::unordered_map<std::string, uint32_t> files;
  std::unordered_map<const vm::Type*, uint32_t> types;
  // Named types get ids no compile_program in the process uses (TypeTable
  // interns named types by id), and never reused across resets.
  uint64_t named_counter = uint64_t{1} << 48;
  const Func* input = nullptr;  // this generation's input function ("main.main")
  // New method tables of kept main types (rtype, sorted methods): stored
  // into the live tables only once the generation compiled.
  std::vector<std::pair<const vm::Type*, std::vector<vm::Method>>> method_updates;
};

class ProgramCompiler {
 public:
  ProgramCompiler(const SourceSet& sources, const vm::NativeRegistry& natives);
  // A REPL generation appending to `program` (lang/session.cc).
  ProgramCompiler(const SourceSet& sources, const vm::NativeRegistry& natives, vm::Program& program,
                  SessionLink& link);

  std::unique_ptr<vm::Program> compile(Package* main);
  // A REPL generation: compiles `input` and what it reaches, and the entry
  // that initialises what is new; returns the entry's proto (session.cc).
  uint32_t compile_session(Package* main, const Func* input);

  // ---- tables used by function compilers
  vm::Program& program() { return *m_program; }
  const SourceSet& sources() const { return m_sources; }
  // The run-time type of t (interned; built on first use).
  const vm::Type* rtype(const Type* t);
  // Index of a run-time type in Program::types.
  uint32_t type_index(const vm::Type* t);
  uint32_t type_index_of(const Type* t) { return type_index(rtype(t)); }
  // The proto of a declared function or method (created on first use,
  // compiled later from the queue).
  uint32_t proto_of(const Func* f);
  // A new proto (function literals, wrappers).
  uint32_t new_proto(vm::Proto* p);
  // Index of the native named `name` in Program::natives.
  uint32_t native_index(const std::string& name);
  // The global slot of a package-level variable.
  uint32_t global_slot(const Var* v);
  uint32_t file_index(int32_t source_file);

  // Wrapper protos (compile_wrap.cc).
  // A function taking (iface data word, params...) that calls method `m`
  // reached from a value of type `recv` (T or *T) through `sel`.
  uint32_t iface_method_wrapper(const Type* recv, const Func* m, const Selection& sel);
  // I.M as a function of (iface, params...) (method expressions on interfaces,
  // deferred interface method calls).
  uint32_t iface_method_expr(const Type* iface_type, const Func* m);
  // A function taking the params of a native function, calling it (a native
  // used as a value).
  uint32_t native_value_proto(const Func* f);
  // A bound method value: a closure capturing the receiver value (in a cell)
  // whose proto calls the method with it.
  uint32_t bound_method_proto(const Type* recv_type, const Func* m, bool through_iface);

  // Functions whose bodies still need compiling.
  struct Pending {
    const Func* func;
    uint32_t proto;
  };
  std::vector<Pending> m_pending;

  Package* main_package() const { return m_main; }

  // Name of a declared function as Go's traces print it.
  static std::string func_name(const Func* f);

  // ---- REPL session mode (session.cc); m_link is null otherwise.
  SessionLink* session() const { return m_link; }
  // Whether global v was linked to an earlier generation's variable (its
  // initialiser must not run again).
  bool global_is_linked(const Var* v) const { return m_linked_globals.count(v) != 0; }

 private:
  void collect_packages(Package* p, std::vector<Package*>& order, std::unordered_set<Package*>& seen);
  void compile_entry(const std::vector<Package*>& order);
  void drain();  // compiles queued functions and method tables until none is left
  void build_method_tables();
  std::vector<vm::Method> method_table(const Type* t);
  const vm::Type* build_rtype(const Type* t);
  // Session mode (session.cc).
  uint32_t session_global_slot(const Var* v);
  uint32_t session_proto_of(const Func* f);
  // A kept run-time type for package-level named type n, or null; *key is
  // n's link key ("" for a type that is never linked).
  const vm::Type* session_named(const Named* n, std::string* key);
  std::string named_key(const Named* n, std::vector<const Named*>& stack);
  void session_method_update(const vm::Type* rt, std::vector<vm::Method> methods);
  void check_capacity(size_t size, size_t capacity, const char* what);

  const SourceSet& m_sources;
  const vm::NativeRegistry& m_natives;
  std::unique_ptr<vm::Program> m_owned;  // null in session mode
  vm::Program* m_program;
  SessionLink* m_link = nullptr;
  std::unordered_set<const Var*> m_linked_globals;
  std::unordered_set<const vm::Type*> m_kept_types;  // kept main named types (method tables staged)
  std::unordered_map<const Named*, std::string> m_named_keys;
  Package* m_main = nullptr;
  std::unordered_map<const Type*, const vm::Type*> m_rtypes;       // by lang type pointer
  std::vector<std::pair<const Type*, const vm::Type*>> m_named;     // named types seen (for method tables)
  std::unordered_map<const vm::Type*, uint32_t> m_type_index;
  std::unordered_map<const Func*, uint32_t> m_protos;
  std::unordered_map<std::string, uint32_t> m_native_index;
  std::unordered_map<const Var*, uint32_t> m_globals;
  std::unordered_map<int32_t, uint32_t> m_files;
  std::map<std::pair<const Type*, const Func*>, uint32_t> m_iface_wrappers;
  std::map<std::pair<const Type*, const Func*>, uint32_t> m_iface_exprs;
  std::map<std::pair<const Type*, const Func*>, uint32_t> m_bound;
  std::unordered_map<const Func*, uint32_t> m_native_values;
  uint64_t m_named_counter = 0;
  size_t m_tables_built = 0;  // m_named entries whose method tables exist

  friend class FuncCompiler;
};

// Where a value or a variable is.
struct Loc {
  enum class Kind : uint8_t {
    None,    // nothing (blank identifier, zero-size)
    Reg,     // registers [reg, reg + slots)
    Mem,     // memory at R[reg].p + offset (bytes), element stride `stride`
    Global,  // globals[index ...]
    MapElem, // map R[reg] with key at R[key]
    RegElem, // an element of an array held in registers from R[reg]: at byte
             // `offset`, or at R[index] * stride (checked against len) when
             // index >= 0; reached through a transient RADDR at access time
  };
  Kind kind = Kind::None;
  int reg = 0;
  int key = 0;
  uint32_t offset = 0;   // Mem: byte offset; Global: slot index
  uint32_t stride = 8;   // Mem, RegElem: the size of the value in memory when packed (1, 2, 4), else 8
  const Type* map = nullptr;  // MapElem: the map's type
  int index = -1;        // RegElem
  uint32_t len = 0;      // RegElem with index: the array's length
  const Type* type = nullptr;
};

class FuncCompiler {
 public:
  FuncCompiler(ProgramCompiler& pc, vm::Proto* proto, FuncCompiler* parent, const EscapeInfo* escapes);

  // Whole functions.
  void compile_function(const Func* f);  // a declared function or method
  void compile_literal(const FuncLit* lit, const std::vector<const Var*>& free_vars);
  // The entry: package initialisation then main.main.
  void compile_entry_body(const std::vector<Package*>& order, const Func* main_func);
  // A package's variables, as "pkg.init"; in session mode only those not
  // linked to an earlier generation's (ProgramCompiler::global_is_linked).
  void compile_package_init(const Package* pkg);
  // Emits a call of proto `index` (no parameters, no results).
  void call_proto(uint32_t index);
  // Compiles pkg's variable initialisation as the proto "pkg.init" and calls it.
  void call_package_init(const Package* pkg);
  // The session entry: what is new, then the input (session.cc).
  void compile_session_entry(const std::vector<Package*>& order, const Func* input);
  void finish();

  // ---- emission (compile_emit.cc)
  int emit(vm::Op op, int a = 0, int b = 0, int c = 0, uint8_t x = 0);
  void emit_extra(uint64_t e);
  int emit_abx(vm::Op op, int a, uint32_t bx);
  int emit_asbx(vm::Op op, int a, int32_t sbx);
  int here() const { return static_cast<int>(m_proto->code.size()); }
  int emit_jump(vm::Op op = vm::Op::JMP, int a = 0);  // returns the jump's index (to patch)
  int emit_cmp_jump(vm::Op op, int a, int b);         // fused compare-branch (sC offset)
  void patch(int jump, int target);
  void patch_here(const std::vector<int>& jumps);
  void jump_to(int target);                           // unconditional jump to a known pc
  void set_line(Pos pos);

  // ---- registers
  int top() const { return m_top; }
  int alloc(uint32_t slots);
  void free_to(int mark);
  void touch(int reg_end);  // frame must cover registers below reg_end

  // ---- constants and moves
  void load_int(int reg, int64_t v);
  void load_float(int reg, double v);
  void load_string(int reg, const std::string& s);
  void load_const(int reg, const Constant& c, const Type* t);
  void move(int dst, int src, uint32_t slots);
  void zero(int dst, uint32_t slots);

  // ---- expressions (compile_expr.cc)
  // Evaluates e into registers; returns where (a fresh temp, `dst` when
  // given, or a variable's own register when that is safe to read).
  int expr(Expr* e, int dst = -1);
  // Evaluates e converted to type `to` (interface boxing, nil...).
  int expr_to(Expr* e, const Type* to, int dst = -1);
  // Converts the value at `src` of type `from` to `to` into dst (or a temp).
  int convert_value(int src, const Type* from, const Type* to, int dst = -1);
  void cond_jump(Expr* e, bool jump_if, std::vector<int>& jumps);
  Loc lvalue(Expr* e);
  // l with every operand register below `mark` (a variable's own register:
  // the map, key, pointer or index of l) copied to a temporary, so that
  // assigning that variable before storing through l does not move l.
  Loc pin_operands(Loc l, int mark);
  Loc base_loc(Expr* x);
  void load(const Loc& loc, int dst);
  int load_any(const Loc& loc);
  void store(const Loc& loc, int src);
  // The address of an addressable expression, into a new temp.
  int address_of(Expr* e);
  uint32_t slots(const Type* t);
  uint32_t stride(const Type* t);

  // ---- calls (compile_call.cc)
  // Compiles a call; results land at the returned register (window base).
  int call(CallExpr* call, int dst = -1);
  int builtin_call(CallExpr* call, int dst);
  int conversion(CallExpr* call, int dst);
  // Places arguments for a call of a function of signature `sig` at `base`;
  // returns the slots used.
  uint32_t push_args(const std::vector<Expr*>& args, const Signature* sig, bool has_ellipsis, int base);
  // defer and go: op is DEFER or GO; the call's function value and
  // arguments are evaluated now, the call made later.
  void deferred_call(CallExpr* call, vm::Op op);
  int method_value(SelectorExpr* sel, int dst);
  int func_literal(FuncLit* lit, int dst);
  // The receiver of a method selection `x.M`, adjusted to `m`'s receiver kind, into base.
  void receiver(SelectorExpr* sel, const Func* m, int base);
  void receiver_from(const Loc& loc, const Func* m, int dst);
  void deferred_builtin(CallExpr* call, vm::Op op);
  // Follows an embedded-field path from a value/pointer in registers.
  Loc field_path(Loc base, const Type* t, const std::vector<int>& path, size_t n);

  // ---- statements (compile_stmt.cc)
  void stmt(Stmt* s);
  void block(const std::vector<Stmt*>& list);
  void declare_var(const Var* v, int init_reg);  // init_reg < 0: zero value
  Loc var_loc(const Var* v);

 private:
  friend class ProgramCompiler;
  void assign(AssignStmt* s);
  void define_or_assign(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs, bool define);
  void op_assign(AssignStmt* s);
  void inc_dec(IncDecStmt* s);
  void if_stmt(IfStmt* s);
  void for_stmt(ForStmt* s, LabeledStmt* label);
  bool counting_loop(ForStmt* s, LabeledStmt* label);
  void range_stmt(RangeStmt* s);
  void switch_stmt(SwitchStmt* s);
  // compile_chan.cc
  void select_stmt(SelectStmt* s);
  void send_stmt(SendStmt* s);
  // <-c into dst (comma_ok: value then ok, in fresh registers).
  int recv_expr(UnaryExpr* u, int dst, bool comma_ok);
  // The head of `for v := range c`: receives into value_reg (value, then ok)
  // at *loop_top and adds the exit taken when the channel is closed.
  void range_chan(RangeStmt* s, int value_reg, const Type* elem, int* loop_top, std::vector<int>& exits);
  void type_switch(TypeSwitchStmt* s);
  void return_stmt(ReturnStmt* s);
  void branch(BranchStmt* s);
  void emit_return(int from, uint32_t nslots);
  void emit_epilogue();
  void fresh_cell(const Var* v);

  int binary(BinaryExpr* b, int dst);
  int shift(Op op, int x, int y, const Type* t, Expr* count, int dst);
  // x == y (or !=) for values of types tx and ty (one may be an interface).
  int equal_values(int x, const Type* tx, int y, const Type* ty, Op op, int dst);
  // v, ok := m[k]: value then ok, in fresh registers; returns the first.
  int map_index_ok(IndexExpr* e);
  int compare(Op op, int x, int y, const Type* t, int dst);
  int arith(Op op, int x, int y, const Type* t, int dst, Pos pos);
  int unary(UnaryExpr* u, int dst);
  int composite(CompositeLit* lit, const Type* t, int dst);
  int index_expr(IndexExpr* e, int dst);
  Loc array_elem(Loc base, const Array* arr, Expr* index);
  int method_expr(SelectorExpr* e, int dst);
  int slice_expr(SliceExpr* e, int dst);
  int selector(SelectorExpr* e, int dst);
  int type_assert(TypeAssertExpr* e, int dst, bool comma_ok);
  void wrap(int reg, const Type* t);
  // R[dst] = the integer of kind `to` converted from the float R[src], with
  // amd64 Go's results out of range (compile_expr.cc).
  void float_to_int(int dst, int src, BasicKind to);
  void store_mem(int ptr, uint32_t off, int src, const Type* t, uint32_t stride);
  void load_mem(int ptr, uint32_t off, int dst, const Type* t, uint32_t stride);
  // Re-extends the narrow scalars of a value of type t copied raw from
  // memory into registers at reg (see load_mem).
  void canonicalize(int reg, const Type* t);
  bool has_narrow(const Type* t);
  int const_index(Expr* e, int64_t* out);

 public:
  ProgramCompiler& m_pc;
  vm::Proto* m_proto;
  FuncCompiler* m_parent;
  const EscapeInfo* m_escapes;
  const Signature* m_sig = nullptr;
  std::unordered_map<const Var*, Loc> m_vars;
  int m_top = 0;
  int m_line = 0;
  bool m_has_defer = false;
  int m_result_base = 0;           // registers holding the result variables
  uint32_t m_result_slots = 0;
  std::vector<const Var*> m_results;  // named or hidden result variables
  int m_literal_count = 0;         // for names main.f.func1, func2 ...

  struct Target {
    const Stmt* stmt;
    const LabeledStmt* label;  // its label, if any
    std::vector<int> breaks;
    std::vector<int> continues;
    bool is_switch = false;    // switch/type switch: a target for break only
  };
  const LabeledStmt* m_labels_for_next = nullptr;  // label of the statement being compiled
  std::vector<Target> m_targets;
  // Receives a select has done already: the registers of the value (then ok).
  std::unordered_map<const UnaryExpr*, int> m_received;
  std::unordered_map<const Stmt*, int> m_label_pc;                  // goto targets placed
  std::unordered_map<const Stmt*, std::vector<int>> m_label_fwd;    // gotos waiting for a target
  // fallthrough: the jump to the next clause's body
  std::vector<int>* m_fallthrough = nullptr;
};

}  // namespace gol::lang
