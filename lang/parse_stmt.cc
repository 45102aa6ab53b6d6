// parse_stmt.cc — ParseDriver's statement builders (see parse_driver.h).
//
// The grammar hands if/for/switch headers over as up to three simple
// statements (HeaderParts); taking them apart into init, condition, post and
// type-switch guard, with Go's complaints about what does not fit ("cannot use
// x := 0 as value", "missing condition in if statement", ...), happens here,
// following cmd/compile/internal/syntax/parser.go header().
#include <algorithm>

#include "lang/ast_dump.h"
#include "lang/parse_driver.h"

namespace gol::lang {

namespace {

Pos before(Pos end) { return Pos{end.file, end.line, end.col - 1}; }

// x.(type), the guard of a type switch.
bool is_guard(const Expr* x) {
  const auto* a = x != nullptr ? x->as<TypeAssertExpr>() : nullptr;
  return a != nullptr && a->type_expr == nullptr;
}

// Go's syntax.String of a simple statement, for "cannot use ... as value".
std::string stmt_string(const Stmt* s) {
  auto list = [](const std::vector<Expr*>& xs) {
    std::string out;
    for (size_t i = 0; i < xs.size(); i++) out += (i > 0 ? ", " : "") + expr_string(xs[i]);
    return out;
  };
  if (const auto* a = s->as<AssignStmt>()) {
    return list(a->lhs) + " " + op_string(a->op) + " " + list(a->rhs);
  }
  if (const auto* i = s->as<IncDecStmt>()) return expr_string(i->x) + op_string(i->op);
  if (const auto* send = s->as<SendStmt>()) {
    return expr_string(send->chan) + " <- " + expr_string(send->value);
  }
  if (const auto* e = s->as<ExprStmt>()) return expr_string(e->x);
  return node_kind_name(s->kind);
}

// A binary expression in parentheses, to show where an '=' splits a statement.
std::string emphasize(const std::vector<Expr*>& xs) {
  std::string out;
  for (size_t i = 0; i < xs.size(); i++) {
    const bool binary = xs.size() == 1 && xs[i]->is<BinaryExpr>();
    out += (i > 0 ? ", " : "") + (binary ? "(" + expr_string(xs[i]) + ")" : expr_string(xs[i]));
  }
  return out;
}

}  // namespace

BlockStmt* ParseDriver::block(const Range& r, std::vector<Stmt*> list) {
  auto* b = make<BlockStmt>(r);
  b->list = finish_list(std::move(list));
  b->lbrace = r.begin;
  b->rbrace = before(r.end);
  return b;
}

void ParseDriver::semicolon(std::vector<Stmt*>& list, const Range& semi, std::string_view lit) {
  if (!list.empty() && list.back() == nullptr) {
    auto* e = make<EmptyStmt>(semi);
    e->implicit = lit != "semicolon";
    list.back() = e;
  }
}

// Drops the null that stands for "nothing after the last semicolon".
std::vector<Stmt*> ParseDriver::finish_list(std::vector<Stmt*> list) {
  if (!list.empty() && list.back() == nullptr) list.pop_back();
  return list;
}

Stmt* ParseDriver::bad_stmt(const Range& r) { return make<BadStmt>(r); }

Expr* ParseDriver::bad_expr(const Range& r) { return make<BadExpr>(r); }

Stmt* ParseDriver::decl_stmt(const Range& r, GenDecl* decl) {
  auto* s = make<DeclStmt>(r);
  s->decl = decl;
  return s;
}

Stmt* ParseDriver::go_stmt(const Range& r, Expr* call) {
  // cf. parser.go callStmt: a plain error at the parenthesis.
  if (call->is<ParenExpr>()) error(call->pos(), "expression in go must not be parenthesized");
  auto* s = make<GoStmt>(r);
  s->call = unparen(call);
  return s;
}

Stmt* ParseDriver::defer_stmt(const Range& r, Expr* call) {
  if (call->is<ParenExpr>()) error(call->pos(), "expression in defer must not be parenthesized");
  auto* s = make<DeferStmt>(r);
  s->call = unparen(call);
  return s;
}

Stmt* ParseDriver::return_stmt(const Range& r, std::vector<Expr*> results) {
  auto* s = make<ReturnStmt>(r);
  s->results = std::move(results);
  return s;
}

Stmt* ParseDriver::branch(const Range& r, Op op, Ident* label) {
  auto* s = make<BranchStmt>(r);
  s->op = op;
  s->label = label;
  return s;
}

Stmt* ParseDriver::labeled(const Range& r, Ident* label, Stmt* stmt) {
  auto* s = make<LabeledStmt>(r);
  s->label = label;
  if (stmt == nullptr) {
    // A label right before '}' or ';' labels an empty statement.
    auto* e = make<EmptyStmt>(Range{r.end, r.end});
    e->implicit = true;
    stmt = e;
  }
  s->stmt = stmt;
  return s;
}

Stmt* ParseDriver::expr_stmt(const Range& r, Expr* x) {
  auto* s = make<ExprStmt>(r);
  s->x = x;
  return s;
}

Stmt* ParseDriver::inc_dec(const Range& r, Expr* x, Op op, Pos op_pos) {
  auto* s = make<IncDecStmt>(r);
  s->x = x;
  s->op = op;
  s->op_pos = op_pos;
  return s;
}

Stmt* ParseDriver::send(const Range& r, Expr* chan, Pos arrow, Expr* value) {
  auto* s = make<SendStmt>(r);
  s->chan = chan;
  s->arrow = arrow;
  s->value = value;
  return s;
}

Stmt* ParseDriver::assign(const Range& r, std::vector<Expr*> lhs, Op op, Pos op_pos,
                          std::vector<Expr*> rhs) {
  auto* s = make<AssignStmt>(r);
  s->lhs = std::move(lhs);
  s->op = op;
  s->op_pos = op_pos;
  s->rhs = std::move(rhs);
  return s;
}

// ------------------------------------------------------------------- headers

HeaderParts ParseDriver::header(const Range& r, std::vector<Stmt*> parts) {
  HeaderParts h;
  h.range = r;
  h.parts = std::move(parts);
  return h;
}

void ParseDriver::header_semi(HeaderParts& h, const Range& semi, std::string_view lit) {
  h.semi = semi.begin;
  h.semi_lit = lit;
}

HeaderParts ParseDriver::range_header(const Range& r, std::vector<Expr*> lhs, Op op, Pos op_pos,
                                      Expr* x) {
  HeaderParts h;
  h.range = r;
  h.is_range = true;
  h.range_lhs = std::move(lhs);
  h.range_op = op;
  h.range_op_pos = op_pos;
  h.range_x = x;
  return h;
}

Stmt* ParseDriver::header_var(const Range& r, Node* var_spec) {
  // cf. parser.go header: reported at the name after "var"; the keyword is
  // not known here, so the statement builders report it (check_header_var).
  std::vector<Node*> specs{var_spec};
  Stmt* s = decl_stmt(r, gen_decl(r, Op::Var, std::move(specs)));
  m_header_vars.push_back(s);
  return s;
}

void ParseDriver::check_header_var(Stmt* init, const char* keyword) {
  for (Stmt* s : m_header_vars) {
    if (s != init) continue;
    const auto* spec = s->as<DeclStmt>()->decl->specs.front()->as<ValueSpec>();
    syntax_error(spec->names.front()->pos(),
                 std::string("var declaration not allowed in ") + keyword + " initializer");
  }
}

// The condition part of an if or switch header: an expression statement's
// expression, or Go's "cannot use ... as value".
Expr* ParseDriver::header_cond(Stmt* cond) {
  if (cond == nullptr) return nullptr;
  if (const auto* e = cond->as<ExprStmt>()) return e->x;
  std::string text;
  Pos pos = cond->pos();
  if (const auto* a = cond->as<AssignStmt>()) {
    pos = a->op_pos;
    text = a->op == Op::Assign ? "assignment " + emphasize(a->lhs) + " = " + emphasize(a->rhs)
                               : stmt_string(cond);
  } else if (const auto* i = cond->as<IncDecStmt>()) {
    pos = i->op_pos;
    text = stmt_string(cond);
  } else if (const auto* s = cond->as<SendStmt>()) {
    pos = s->arrow;
    text = stmt_string(cond);
  } else {
    text = stmt_string(cond);
  }
  syntax_error(pos, "cannot use " + text + " as value");
  return make<BadExpr>(cond->range);
}

namespace {

// switch x := y.(type) / switch y.(type): the guard of a type switch.
bool is_type_switch_guard(const Stmt* guard) {
  if (const auto* e = guard != nullptr ? guard->as<ExprStmt>() : nullptr) return is_guard(e->x);
  if (const auto* a = guard != nullptr ? guard->as<AssignStmt>() : nullptr) {
    return a->op == Op::Define && a->lhs.size() == 1 && a->rhs.size() == 1 && a->lhs[0]->is<Ident>() &&
           is_guard(a->rhs[0]);
  }
  return false;
}

}  // namespace

// cf. parser.go header, in its order: the var initializer, the for loop's
// post statement, then the condition.
void ParseDriver::check_header(HeaderParts& h, Tok keyword) {
  const char* word = keyword == Tok::If ? "if" : keyword == Tok::For ? "for" : "switch";
  if (h.parts.size() >= 2) check_header_var(h.parts[0], word);
  if (keyword == Tok::For) {
    if (h.parts.size() == 3) {
      const auto* a = h.parts[2] != nullptr ? h.parts[2]->as<AssignStmt>() : nullptr;
      if (a != nullptr && a->op == Op::Define) {
        syntax_error(a->op_pos, "cannot declare in post statement of for loop");
      }
    }
    h.cond = header_cond(h.parts[h.parts.size() == 3 ? 1 : 0]);
    return;
  }
  Stmt* cond = h.parts.back();
  if (keyword == Tok::Switch) {
    if (!is_type_switch_guard(cond)) h.cond = header_cond(cond);
    return;
  }
  if (cond != nullptr) {
    h.cond = header_cond(cond);
    return;
  }
  // `if {` is reported at the brace (the lookahead now), `if x; {` at the
  // semicolon, and a newline there means the brace is on the next line.
  if (!h.semi.valid()) {
    syntax_error(last_token().pos, "missing condition in if statement");
  } else if (h.semi_lit != "semicolon") {
    syntax_error(h.semi, "unexpected newline, expected { after if clause");
  } else {
    syntax_error(h.semi, "missing condition in if statement");
  }
  h.cond = make<BadExpr>(Range{h.range.end, h.range.end});
}

void ParseDriver::missing_if_brace(Pos semi, std::string_view lit) {
  syntax_error(semi, "unexpected " + std::string(lit) + ", expected { after if clause");
  m_expected_error = true;
}

Stmt* ParseDriver::if_stmt(const Range& r, HeaderParts h, BlockStmt* then, Stmt* els) {
  auto* s = make<IfStmt>(r);
  if (h.parts.size() == 2) s->init = h.parts[0];
  s->cond = h.cond;
  s->then = then;
  s->els = els;
  return s;
}

Stmt* ParseDriver::switch_stmt(const Range& r, HeaderParts h, std::vector<Stmt*> clauses,
                               Pos lbrace, Pos rbrace) {
  Stmt* init = h.parts.size() == 2 ? h.parts[0] : nullptr;
  Stmt* guard = h.parts.back();
  std::vector<CaseClause*> cases;
  for (Stmt* c : clauses) cases.push_back(c->as<CaseClause>());
  if (is_type_switch_guard(guard)) {
    auto* s = make<TypeSwitchStmt>(r);
    s->init = init;
    s->assign = guard;
    s->clauses = std::move(cases);
    s->lbrace = lbrace;
    s->rbrace = rbrace;
    return s;
  }
  auto* s = make<SwitchStmt>(r);
  s->init = init;
  s->tag = h.cond;
  s->clauses = std::move(cases);
  s->lbrace = lbrace;
  s->rbrace = rbrace;
  return s;
}

Stmt* ParseDriver::case_clause(const Range& r, std::vector<Expr*> list, bool is_default, Pos colon,
                               std::vector<Stmt*> body) {
  auto* c = make<CaseClause>(r);
  c->list = std::move(list);
  c->is_default = is_default;
  c->colon = colon;
  if (!body.empty() && body.back() != nullptr) m_open_clauses.push_back(c);
  c->body = finish_list(std::move(body));
  return c;
}

// cf. parser.go stmtList: after a statement comes a semicolon or the closing
// brace; `x++ case 2:` is an error at the keyword (and the clause is kept).
void ParseDriver::add_clause(std::vector<Stmt*>& clauses, Stmt* clause) {
  if (!clauses.empty() && std::find(m_open_clauses.begin(), m_open_clauses.end(), clauses.back()) !=
                              m_open_clauses.end()) {
    const auto* cc = clause->as<CaseClause>();
    const auto* comm = clause->as<CommClause>();
    const bool is_default = cc != nullptr ? cc->is_default : comm->comm == nullptr;
    syntax_error(clause->pos(), std::string("unexpected keyword ") + (is_default ? "default" : "case") +
                                    " at end of statement");
  }
  clauses.push_back(clause);
}

Stmt* ParseDriver::select_stmt(const Range& r, std::vector<Stmt*> clauses, Pos lbrace, Pos rbrace) {
  auto* s = make<SelectStmt>(r);
  for (Stmt* c : clauses) s->clauses.push_back(c->as<CommClause>());
  s->lbrace = lbrace;
  s->rbrace = rbrace;
  return s;
}

Stmt* ParseDriver::comm_clause(const Range& r, Stmt* comm, Pos colon, std::vector<Stmt*> body) {
  auto* c = make<CommClause>(r);
  c->comm = comm;
  c->colon = colon;
  if (!body.empty() && body.back() != nullptr) m_open_clauses.push_back(c);
  c->body = finish_list(std::move(body));
  return c;
}

Stmt* ParseDriver::for_stmt(const Range& r, HeaderParts h, BlockStmt* body) {
  if (h.is_range) {
    auto* s = make<RangeStmt>(r);
    if (!h.range_lhs.empty()) s->key = h.range_lhs[0];
    if (h.range_lhs.size() >= 2) s->value = h.range_lhs[1];
    // Go's parser accepts any number of names here; more than two is the
    // checker's error ("range clause permits at most two iteration variables").
    for (size_t i = 2; i < h.range_lhs.size(); i++) {
      error(h.range_lhs[i]->pos(), "range clause permits at most two iteration variables");
    }
    s->op = h.range_op;
    s->op_pos = h.range_op_pos;
    s->x = h.range_x;
    s->body = body;
    return s;
  }
  auto* s = make<ForStmt>(r);
  if (h.parts.size() == 3) {
    s->init = h.parts[0];
    s->post = h.parts[2];
  }
  s->cond = h.cond;
  s->body = body;
  return s;
}

}  // namespace gol::lang
