// parse_driver.h — the state of one parse, and the node builders the grammar calls.
//
// parser.y's actions are one call each into ParseDriver: the driver allocates
// nodes in the arena, fills their fields and ranges, and does the work that
// needs to see a whole construct — telling parameter names from types, taking
// if/for/switch headers apart, re-associating `<-` with `chan` — plus the few
// checks Go's own parser makes (cf. cmd/compile/internal/syntax/parser.go).
// Type checks are never made here: they are the checker's.
//
// Syntax errors pass through syntax_error(), which keeps Go's rule of at most
// one syntax error per line.
//
// Elsewhere: the lexer (lexer.h), the grammar (parser.y), building the error
// message for an unexpected token (parse_errors.cc), parse_file (parse.cc).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lang/ast.h"
#include "lang/lexer.h"
#include "lang/parse_items.h"
#include "lang/source.h"

namespace gol::lang {

class ParseDriver {
 public:
  ParseDriver(const SourceSet& sources, int32_t file, Arena& arena, Diagnostics& diags);

  File* file() { return m_file; }
  Lexer& lexer() { return m_lexer; }
  // The token most recently handed to the parser (the lookahead at an error).
  const Token& last_token() const { return m_last; }
  void set_last_token(const Token& t) { m_last = t; }
  // Errors reported in this file so far (lexical, syntax and other).
  size_t error_count() const { return m_diags.count() - m_diags_before; }

  // "syntax error: " + message, unless this line already has a syntax error.
  void syntax_error(Pos pos, const std::string& message);
  // A syntax error that is not reported (Go drops one at EOF after another
  // error) but still leaves the tree incomplete: the checker must not run.
  void mark_syntax_error() { m_file->has_syntax_errors = true; }
  // A plain error (Go's parser reports a few without the "syntax error" prefix).
  // Unlike a syntax error, it does not keep the package from being checked.
  void error(Pos pos, std::string message);
  // The lexer reported an error inside the literal token at `pos` (Token::bad).
  void note_bad_literal(Pos pos) { m_bad_literals.push_back(pos); }

  // ------------------------------------------------------------ declarations
  void add_decl(Node* decl);
  GenDecl* gen_decl(const Range& r, Op op, std::vector<Node*> specs, const Range& lparen = {},
                    const Range& rparen = {});
  Node* import_spec(const Range& r, Ident* name, BasicLit* path);
  Node* value_spec(const Range& r, std::vector<Ident*> names, Expr* type, std::vector<Expr*> values);
  Node* type_spec(const Range& r, Ident* name, Pos assign, Expr* type);
  FuncDecl* func_decl(const Range& r, FieldList* recv, Ident* name, FuncType* sig, BlockStmt* body);

  // ------------------------------------------------------------------- types
  Expr* paren(const Range& r, Expr* x);
  Expr* selector(const Range& r, Expr* x, Ident* sel);
  Expr* chan_type(const Range& r, ChanDir dir, Pos arrow, Expr* value);
  Expr* star(const Range& r, Expr* x);
  Expr* array_type(const Range& r, Expr* len, Expr* elem);
  Expr* ellipsis(const Range& r, Expr* elt);
  Expr* map_type(const Range& r, Expr* key, Expr* value);
  Expr* struct_type(const Range& r, std::vector<Field*> fields, Pos lbrace, Pos rbrace);
  Expr* interface_type(const Range& r, std::vector<Field*> methods, Pos lbrace, Pos rbrace);
  Field* field(const Range& r, std::vector<Ident*> names, Expr* type, BasicLit* tag);
  FuncType* func_type(const Range& r, FieldList* params, FieldList* results);
  FieldList* single_result(Expr* type);
  FieldList* parameters(const Range& r, std::vector<ParamItem> items);

  // ------------------------------------------------------------- expressions
  Ident* ident(const Range& r, std::string_view name);
  BasicLit* basic_lit(const Range& r, LitKind kind, std::string_view raw);
  // A literal used as an operand; a malformed one (already reported by the
  // lexer) becomes a BadExpr, which the checker passes over silently, as
  // types2 does with a BasicLit marked Bad.
  Expr* literal_operand(BasicLit* lit);
  Expr* binary(const Range& r, Op op, Pos op_pos, Expr* x, Expr* y);
  Expr* unary(const Range& r, Op op, Expr* x);
  Expr* type_assert(const Range& r, Expr* x, Expr* type);
  Expr* index(const Range& r, Expr* x, Pos lbrack, Expr* index);
  // After a type literal ending in a type name (`[]int[`), Go's parser reads
  // '[' as a type argument list: reports what Go says when the first token
  // inside (`first`, at `pos`) cannot start a type.
  void check_type_args(const Expr* x, Pos pos, const std::string& first);
  // colon1 and colon2 are the positions of the ':'s of x[a:b:c]; colon2 is
  // invalid for x[a:b].
  Expr* slice(const Range& r, Expr* x, Pos lbrack, Expr* low, Pos colon1, Expr* high, Expr* max,
              Pos colon2, Pos rbrack);
  Expr* call(const Range& r, Expr* fun, Pos lparen, CallArgs args, Pos rparen);
  CompositeLit* literal_value(const Range& r, std::vector<Expr*> elts);
  // Called at the '{' after x (the lookahead): reports it when x cannot be a
  // literal's type; `context` words the error for the list around x (see
  // unexpected_brace_context in parse_errors.cc).
  bool literal_type(const Expr* x, const std::string& context);
  Expr* composite(const Range& r, Expr* type, CompositeLit* value);
  Expr* key_value(const Range& r, Expr* key, Pos colon, Expr* value);
  Expr* func_lit(const Range& r, FuncType* sig, BlockStmt* body);

  // -------------------------------------------------------------- statements
  BlockStmt* block(const Range& r, std::vector<Stmt*> list);
  // A semicolon after list.back(): a null entry there becomes an EmptyStmt.
  void semicolon(std::vector<Stmt*>& list, const Range& semi, std::string_view lit);
  Stmt* bad_stmt(const Range& r);
  Expr* bad_expr(const Range& r);
  Stmt* decl_stmt(const Range& r, GenDecl* decl);
  Stmt* go_stmt(const Range& r, Expr* call);
  Stmt* defer_stmt(const Range& r, Expr* call);
  Stmt* return_stmt(const Range& r, std::vector<Expr*> results);
  Stmt* branch(const Range& r, Op op, Ident* label);
  Stmt* labeled(const Range& r, Ident* label, Stmt* stmt);
  Stmt* expr_stmt(const Range& r, Expr* x);
  Stmt* inc_dec(const Range& r, Expr* x, Op op, Pos op_pos);
  Stmt* send(const Range& r, Expr* chan, Pos arrow, Expr* value);
  Stmt* assign(const Range& r, std::vector<Expr*> lhs, Op op, Pos op_pos, std::vector<Expr*> rhs);

  HeaderParts header(const Range& r, std::vector<Stmt*> parts);
  void header_semi(HeaderParts& h, const Range& semi, std::string_view lit);
  // A semicolon or newline where an if header's '{' belongs (grammar rule
  // if_no_brace): reports it, and lets report_syntax_error pass over the
  // error Bison detects at the next token (expect_recovery).
  void missing_if_brace(Pos semi, std::string_view lit);
  // Whether Bison's next syntax error is the one missing_if_brace reported;
  // clears the flag.
  bool take_expected_error() { return std::exchange(m_expected_error, false); }
  // Go's complaints about a complete if/for/switch header (`keyword` is
  // Tok::If, Tok::For or Tok::Switch); fills h.cond.
  void check_header(HeaderParts& h, Tok keyword);
  HeaderParts range_header(const Range& r, std::vector<Expr*> lhs, Op op, Pos op_pos, Expr* x);
  Stmt* header_var(const Range& r, Node* var_spec);
  Stmt* if_stmt(const Range& r, HeaderParts header, BlockStmt* then, Stmt* els);
  Stmt* switch_stmt(const Range& r, HeaderParts header, std::vector<Stmt*> clauses, Pos lbrace,
                    Pos rbrace);
  Stmt* case_clause(const Range& r, std::vector<Expr*> list, bool is_default, Pos colon,
                    std::vector<Stmt*> body);
  // Appends a case or comm clause; a statement must end (with a semicolon)
  // before the next clause's keyword.
  void add_clause(std::vector<Stmt*>& clauses, Stmt* clause);
  Stmt* select_stmt(const Range& r, std::vector<Stmt*> clauses, Pos lbrace, Pos rbrace);
  Stmt* comm_clause(const Range& r, Stmt* comm, Pos colon, std::vector<Stmt*> body);
  Stmt* for_stmt(const Range& r, HeaderParts header, BlockStmt* body);

  // --------------------------------------------------------------- utilities
  static Range span(const Range& a, const Range& b) { return Range{a.begin, b.end}; }
  static void set_range(Node* n, const Range& r) { n->range = r; }

 private:
  template <class T>
  T* make(const Range& r) {
    T* n = m_arena.make<T>();
    n->range = r;
    return n;
  }
  // The expression of a header's condition (or switch tag) statement, Go's
  // complaints included.
  Expr* header_cond(Stmt* cond);
  // Reports `var` in the init of an if/for/switch header (see header_var).
  void check_header_var(Stmt* init, const char* keyword);
  std::vector<Stmt*> finish_list(std::vector<Stmt*> list);
  void group_iota(GenDecl* decl);

  Arena& m_arena;
  Diagnostics& m_diags;
  size_t m_diags_before;
  File* m_file;
  Lexer m_lexer;
  Token m_last;
  int32_t m_last_syntax_line = 0;
  std::vector<Stmt*> m_header_vars;  // init statements written as `var ...`
  std::vector<Pos> m_bad_literals;   // see note_bad_literal
  bool m_expected_error = false;     // see missing_if_brace
  // Clauses whose last statement was not followed by a semicolon: only the
  // closing brace may come next (see add_clause).
  std::vector<const Stmt*> m_open_clauses;
  bool m_seen_non_import = false;
};

}  // namespace gol::lang
