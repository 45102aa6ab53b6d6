// check_stmt.cc — statements, function bodies, labels and terminating
// statements (cf. types2 stmt.go, return.go; syntax/branches.go).
//
// Each block opens a Scope; at the end of a function body every variable
// declared in it (not in nested function literals, which do their own) that
// was never read is "declared and not used: x".
//
// Labels and branches are checked in check_branches.cc.
#include <algorithm>

#include "lang/check_impl.h"

namespace gol::lang {

std::string types_summary(const Checker& c, const std::vector<const Type*>& list, bool variadic, bool has_dots);

void Checker::open_scope(Node* n, const std::string& comment) {
  auto* s = alloc<Scope>(m_scope, comment);
  if (n != nullptr) {
    s->begin = n->range.begin;
    s->end = n->range.end;
  }
  m_scope = s;
}

void Checker::close_scope() { m_scope = m_scope->parent(); }

void Checker::usage(Scope* scope) {
  std::vector<Var*> unused;
  for (Object* o : scope->objects()) {
    if (Var* v = o->as<Var>(); v && !v->used) unused.push_back(v);
  }
  std::sort(unused.begin(), unused.end(), [](const Var* a, const Var* b) { return a->pos < b->pos; });
  if (!m_repl) {
    for (Var* v : unused) error(v->pos, "declared and not used: " + v->name);
  }
  for (Scope* child : scope->children()) {
    if (!child->is_func()) usage(child);
  }
}

void Checker::func_body(const std::string&, const Signature* sig, BlockStmt* body, Scope* scope) {
  Scope* saved_scope = m_scope;
  const Signature* saved_sig = m_sig;
  m_scope = scope;
  m_sig = sig;
  body->scope = scope;
  stmt_list(0, body->list);
  labels(body);
  if (sig->results->size() > 0 && !is_terminating(body, "")) error(body->rbrace, "missing return");
  usage(scope);
  m_scope = saved_scope;
  m_sig = saved_sig;
}

void Checker::stmt_list(uint32_t ctx, const std::vector<Stmt*>& list) {
  bool ok = (ctx & kFallthroughOk) != 0;
  uint32_t inner = ctx & ~kFallthroughOk;
  // Trailing empty statements are invisible to fallthrough placement.
  size_t n = list.size();
  while (n > 0 && list[n - 1]->is<EmptyStmt>()) n--;
  for (size_t i = 0; i < list.size(); i++) {
    uint32_t c = inner;
    if (ok && i + 1 == n) c |= kFallthroughOk;
    stmt(c, list[i]);
  }
}

void Checker::simple_stmt(Stmt* s) {
  if (s != nullptr) stmt(0, s);
}

void Checker::stmt(uint32_t ctx, Stmt* s) {
  uint32_t inner = ctx & ~(kFallthroughOk | kFinalSwitchCase | kInTypeSwitch);
  switch (s->kind) {
    case NodeKind::EmptyStmt:
    case NodeKind::BadStmt:
      return;
    case NodeKind::DeclStmt:
      decl_stmt(s->as<DeclStmt>()->decl);
      return;
    case NodeKind::LabeledStmt:
      stmt(ctx, s->as<LabeledStmt>()->stmt);
      return;
    case NodeKind::ExprStmt: {
      Operand x;
      ExprKind kind = raw_expr(x, s->as<ExprStmt>()->x, nullptr, false);
      std::string msg;
      switch (x.mode) {
        case ExprMode::Builtin: msg = "must be called"; break;
        case ExprMode::TypeExpr: msg = "is not an expression"; break;
        default:
          if (kind == ExprKind::Statement) return;
          msg = "is not used";
      }
      error_at(x, str(x) + " " + msg);
      return;
    }
    case NodeKind::SendStmt: {
      auto* ss = s->as<SendStmt>();
      Operand ch, val;
      expr(ch, ss->chan);
      expr(val, ss->value);
      if (ch.invalid() || val.invalid()) return;
      const Type* u = under(ch.type);
      const Chan* c = u ? u->as<Chan>() : nullptr;
      if (c == nullptr) {
        error_at(s, "invalid operation: cannot send to non-channel " + str(ch));
        return;
      }
      if (c->dir == ChanDir::Recv) {
        error_at(s, "invalid operation: cannot send to receive-only channel " + str(ch));
        return;
      }
      assignment(val, c->elem, "send");
      return;
    }
    case NodeKind::IncDecStmt: {
      auto* ids = s->as<IncDecStmt>();
      Operand x;
      expr(x, ids->x);
      if (x.invalid()) return;
      if (!is_numeric(x.type)) {
        std::string op = ids->op == Op::Inc ? "+" : "-";
        error_at(ids->x, "invalid operation: " + str(ids->x) + op + op + " (non-numeric type " + str(x.type) + ")");
        return;
      }
      assign_var(ids->x, nullptr, x, "assignment");
      return;
    }
    case NodeKind::AssignStmt: {
      auto* as = s->as<AssignStmt>();
      if (as->op == Op::Assign) {
        assign_vars(as->lhs, as->rhs);
        return;
      }
      if (as->op == Op::Define) {
        short_var_decl(as);
        return;
      }
      if (as->lhs.size() != 1 || as->rhs.size() != 1) {
        error_at(s, std::string("assignment operation ") + op_string(as->op) + " requires single-valued expressions");
        return;
      }
      Operand x;
      binary(x, nullptr, as->lhs[0], as->rhs[0], op_assign_base(as->op), as->op_pos);
      assign_var(as->lhs[0], nullptr, x, "assignment operation");
      return;
    }
    case NodeKind::GoStmt:
      go_defer(s, s->as<GoStmt>()->call, "go");
      return;
    case NodeKind::DeferStmt:
      go_defer(s, s->as<DeferStmt>()->call, "defer");
      return;
    case NodeKind::ReturnStmt:
      return_stmt(s->as<ReturnStmt>());
      return;
    case NodeKind::BranchStmt: {
      auto* bs = s->as<BranchStmt>();
      if (bs->op == Op::Fallthrough && (ctx & kFallthroughOk) == 0) {
        if (ctx & kFinalSwitchCase) error_at(s, "cannot fallthrough final case in switch");
        else if (ctx & kInTypeSwitch) error_at(s, "cannot fallthrough in type switch");
        else error_at(s, "fallthrough statement out of place");
      }
      return;  // break/continue/goto: see labels()
    }
    case NodeKind::BlockStmt: {
      auto* b = s->as<BlockStmt>();
      open_scope(b, "block");
      b->scope = m_scope;
      stmt_list(inner, b->list);
      close_scope();
      return;
    }
    case NodeKind::IfStmt:
      if_stmt(inner, s->as<IfStmt>());
      return;
    case NodeKind::SwitchStmt:
      switch_stmt(inner | kBreakOk, s->as<SwitchStmt>());
      return;
    case NodeKind::TypeSwitchStmt:
      type_switch_stmt(inner | kBreakOk | kInTypeSwitch, s->as<TypeSwitchStmt>());
      return;
    case NodeKind::SelectStmt:
      select_stmt(inner | kBreakOk, s->as<SelectStmt>());
      return;
    case NodeKind::ForStmt:
      for_stmt(inner | kBreakOk | kContinueOk, s->as<ForStmt>());
      return;
    case NodeKind::RangeStmt:
      range_stmt(inner | kBreakOk | kContinueOk, s->as<RangeStmt>());
      return;
    default:
      error_at(s, "invalid statement");
      return;
  }
}

void Checker::go_defer(Stmt*, Expr* call, const char* what) {
  if (!unparen(call)->is<CallExpr>()) {
    error_at(call, std::string("expression in ") + what + " must be function call");
    Operand d;
    raw_expr(d, call, nullptr, false);
    return;
  }
  Operand x;
  ExprKind kind = raw_expr(x, call, nullptr, false);
  std::string msg;
  switch (kind) {
    case ExprKind::Conversion: msg = "requires function call, not conversion"; break;
    case ExprKind::Expression: msg = "discards result of"; break;
    case ExprKind::Statement: return;
  }
  error_at(x, std::string(what) + " " + msg + " " + str(x));
}

void Checker::return_stmt(ReturnStmt* s) {
  if (m_sig == nullptr) return;
  const Tuple* res = m_sig->results;
  if (s->results.empty() && res->size() > 0 && !res->vars[0]->name.empty()) {
    for (Var* v : res->vars) {
      Object* alt = m_scope->lookup_parent(v->name);
      if (alt != nullptr && alt != v) {
        error_at(s, "result parameter " + v->name + " not in scope at return\n\t" + pos_str(alt->pos) +
                        ": inner declaration of var " + v->name + " " + str(alt->type));
      }
    }
    return;
  }
  if (!s->results.empty() || res->size() > 0) {
    std::vector<Var*> lhs = res->vars;
    if (res->size() == 0) {
      // Too many values for a function without results.
      std::vector<Operand> vals;
      bool ok = true;
      for (Expr* e : s->results) {
        Operand x;
        expr(x, e);
        if (x.invalid()) ok = false;
        vals.push_back(std::move(x));
      }
      if (ok) return_error(s, vals);
      return;
    }
    init_vars(lhs, s->results, s);
  }
}

void Checker::if_stmt(uint32_t inner, IfStmt* s) {
  open_scope(s, "if");
  s->scope = m_scope;
  simple_stmt(s->init);
  Operand x;
  expr(x, s->cond);
  if (!x.invalid() && !is_boolean(x.type)) error_at(s->cond, "non-boolean condition in if statement");
  stmt(inner, s->then);
  if (s->els != nullptr) stmt(inner, s->els);
  close_scope();
}

namespace {

// Reports a second `default` in a switch or select.
void multiple_defaults(Checker& c, const std::vector<Pos>& defaults) {
  for (size_t i = 1; i < defaults.size(); i++) {
    c.error(defaults[i], "multiple defaults (first at " + c.pos_str(defaults[0]) + ")");
  }
}

bool same_constant(const Constant& a, const Constant& b) {
  if (a.is_numeric() && b.is_numeric()) return Constant::compare(Op::Eql, a, b);
  if (a.kind() != b.kind()) return false;
  if (a.kind() == Constant::Kind::String) return a.string_value() == b.string_value();
  if (a.kind() == Constant::Kind::Bool) return a.bool_value() == b.bool_value();
  return false;
}

}  // namespace

void Checker::switch_stmt(uint32_t inner, SwitchStmt* s) {
  open_scope(s, "switch");
  s->scope = m_scope;
  simple_stmt(s->init);
  Operand x;
  Ident* implicit_true = nullptr;
  if (s->tag != nullptr) {
    expr(x, s->tag);
    assignment(x, nullptr, "switch expression");
    if (!x.invalid() && !comparable(x.type) && !has_nil(x.type)) {
      error_at(x, "cannot switch on " + str(x) + " (" + str(x.type) + " is not comparable)");
      x.mode = ExprMode::Invalid;
    }
  } else {
    x.mode = ExprMode::Constant;
    x.type = basic_type(BasicKind::Bool);
    x.val = Constant::make_bool(true);
    implicit_true = m_arena.make<Ident>();
    implicit_true->name = "true";
    Pos pos = s->rbrace;
    if (!s->clauses.empty()) pos = s->clauses[0]->pos();
    implicit_true->range = Range{pos, pos};
    x.expr = implicit_true;
  }
  std::vector<Pos> defaults;
  struct Seen {
    Constant val;
    const Type* type;
    Pos pos;
  };
  std::vector<Seen> seen;
  for (size_t i = 0; i < s->clauses.size(); i++) {
    CaseClause* clause = s->clauses[i];
    if (clause->is_default) defaults.push_back(clause->pos());
    uint32_t c = inner;
    if (i + 1 < s->clauses.size()) c |= kFallthroughOk;
    else c |= kFinalSwitchCase;
    for (Expr* e : clause->list) {
      Operand v;
      expr(v, e);
      if (x.invalid() || v.invalid()) continue;
      convert_untyped(v, x.type);
      if (v.invalid()) continue;
      Operand res = v;
      Operand tag = x;
      comparison(res, tag, Op::Eql, true);
      if (res.invalid()) continue;
      if (v.mode != ExprMode::Constant) continue;
      bool dup = false;
      for (const Seen& sv : seen) {
        if (same_constant(sv.val, *v.val) && identical(sv.type, v.type)) {
          error_at(v, "duplicate case " + str(v) + " in expression switch\n\t" + pos_str(sv.pos) + ": previous case");
          dup = true;
          break;
        }
      }
      if (!dup) seen.push_back({*v.val, v.type, v.expr->pos()});
    }
    open_scope(clause, "case");
    clause->scope = m_scope;
    stmt_list(c, clause->body);
    close_scope();
  }
  multiple_defaults(*this, defaults);
  close_scope();
}

void Checker::type_switch_stmt(uint32_t inner, TypeSwitchStmt* s) {
  open_scope(s, "type switch");
  s->scope = m_scope;
  simple_stmt(s->init);
  Ident* lhs = nullptr;
  TypeAssertExpr* guard = nullptr;
  if (auto* as = s->assign ? s->assign->as<AssignStmt>() : nullptr) {
    if (!as->lhs.empty()) lhs = as->lhs[0]->as<Ident>();
    if (!as->rhs.empty()) guard = unparen(as->rhs[0])->as<TypeAssertExpr>();
  } else if (auto* es = s->assign ? s->assign->as<ExprStmt>() : nullptr) {
    guard = unparen(es->x)->as<TypeAssertExpr>();
  }
  if (lhs != nullptr && lhs->name == "_") {
    error_at(lhs, "no new variable on left side of :=");
    lhs = nullptr;
  }
  Operand x;
  bool sx_valid = false;
  if (guard != nullptr) {
    expr(x, guard->x);
    if (!x.invalid()) {
      if (is_interface(x.type)) {
        sx_valid = true;
      } else {
        error_at(x, str(x) + " is not an interface");
      }
    }
    record_expr(guard, sx_valid ? ExprMode::Value : ExprMode::Invalid, x.type, std::nullopt);
  }
  std::vector<Pos> defaults;
  std::vector<Var*> lhs_vars;
  std::vector<std::pair<const Type*, Expr*>> seen;  // null type: the nil case
  for (CaseClause* clause : s->clauses) {
    if (clause->is_default) defaults.push_back(clause->pos());
    const Type* t = nullptr;
    for (Expr* e : clause->list) {
      bool is_nil_case = false;
      if (auto* id = unparen(e)->as<Ident>()) {
        Object* obj = m_scope->lookup_parent(id->name);
        is_nil_case = obj != nullptr && obj->is<Nil>();
      }
      if (is_nil_case) {
        t = nullptr;
        Operand d;
        expr(d, e);
      } else {
        t = var_type(e);
        if (!is_valid(t)) continue;
      }
      bool dup = false;
      for (const auto& [st, other] : seen) {
        if ((t == nullptr && st == nullptr) || (t != nullptr && st != nullptr && identical(t, st))) {
          error_at(e, "duplicate case " + (t ? str(t) : std::string("nil")) + " in type switch\n\t" +
                          pos_str(other->pos()) + ": previous case");
          dup = true;
          break;
        }
      }
      if (dup) continue;
      seen.push_back({t, e});
      if (sx_valid && t != nullptr) type_assertion(e, x, t, true);
    }
    open_scope(clause, "case");
    clause->scope = m_scope;
    if (lhs != nullptr) {
      const Type* vt = t;
      if (clause->list.size() != 1 || vt == nullptr) vt = sx_valid ? x.type : invalid_type();
      auto* obj = alloc<Var>(lhs->pos(), m_pkg, lhs->name, vt);
      declare(m_scope, nullptr, obj);
      clause->implicit = obj;
      lhs_vars.push_back(obj);
    }
    stmt_list(inner, clause->body);
    close_scope();
  }
  multiple_defaults(*this, defaults);
  if (lhs != nullptr) {
    bool used = false;
    for (Var* v : lhs_vars) {
      used = used || v->used;
      v->used = true;
    }
    auto* obj = alloc<Var>(lhs->pos(), m_pkg, lhs->name, sx_valid ? x.type : invalid_type());
    lhs->object = obj;
    if (!used && !m_repl) error_at(lhs, lhs->name + " declared and not used");
  }
  close_scope();
}

void Checker::select_stmt(uint32_t inner, SelectStmt* s) {
  std::vector<Pos> defaults;
  for (CommClause* clause : s->clauses) {
    if (clause->comm == nullptr) defaults.push_back(clause->pos());
    bool valid = false;
    Expr* rhs = nullptr;
    if (clause->comm == nullptr || clause->comm->is<SendStmt>()) {
      valid = true;
    } else if (auto* as = clause->comm->as<AssignStmt>()) {
      if (as->rhs.size() == 1) rhs = as->rhs[0];
    } else if (auto* es = clause->comm->as<ExprStmt>()) {
      rhs = es->x;
    }
    if (rhs != nullptr) {
      if (auto* u = unparen(rhs)->as<UnaryExpr>(); u && u->op == Op::Arrow) valid = true;
    }
    if (!valid) {
      // Reported where Go's syntax tree places the statement: a binary
      // expression at its operator.
      Pos at = clause->comm->pos();
      if (auto* es = clause->comm->as<ExprStmt>()) {
        if (auto* b = es->x->as<BinaryExpr>()) at = b->op_pos;
      }
      error(at, "select case must be send or receive (possibly with assignment)");
      continue;
    }
    open_scope(clause, "case");
    clause->scope = m_scope;
    if (clause->comm != nullptr) stmt(inner, clause->comm);
    stmt_list(inner, clause->body);
    close_scope();
  }
  multiple_defaults(*this, defaults);
}

void Checker::for_stmt(uint32_t inner, ForStmt* s) {
  open_scope(s, "for");
  s->scope = m_scope;
  simple_stmt(s->init);
  if (s->cond != nullptr) {
    Operand x;
    expr(x, s->cond);
    if (!x.invalid() && !is_boolean(x.type)) error_at(s->cond, "non-boolean condition in for statement");
  }
  simple_stmt(s->post);
  stmt(inner, s->body);
  close_scope();
}

void Checker::range_stmt(uint32_t inner, RangeStmt* s) {
  Operand x;
  expr(x, s->x);
  const Type* key = nullptr;
  const Type* val = nullptr;
  bool ok = false;
  if (!x.invalid()) {
    std::string cause;
    const Type* u = under(x.type);
    if (u && u->is<Pointer>()) {
      const Type* pu = under(u->as<Pointer>()->elem);
      if (pu && pu->is<Array>()) u = pu;
    }
    switch (u ? u->kind : TypeKind::Tuple) {
      case TypeKind::Basic:
        if (is_string(u)) {
          key = basic_type(BasicKind::Int);
          val = universe()->lookup("rune")->type;
          ok = true;
        } else if (is_integer(u)) {
          key = x.type;
          ok = true;
        }
        break;
      case TypeKind::Array:
        key = basic_type(BasicKind::Int);
        val = u->as<Array>()->elem;
        ok = true;
        break;
      case TypeKind::Slice:
        key = basic_type(BasicKind::Int);
        val = u->as<Slice>()->elem;
        ok = true;
        break;
      case TypeKind::Map:
        key = u->as<Map>()->key;
        val = u->as<Map>()->elem;
        ok = true;
        break;
      case TypeKind::Chan:
        if (u->as<Chan>()->dir == ChanDir::Send) {
          cause = "receive from send-only channel";
        } else {
          key = u->as<Chan>()->elem;
          ok = true;
        }
        break;
      default:
        break;
    }
    if (!ok && !cause.empty()) {
      error_at(x, "cannot range over " + str(x) + ": " + cause);
    } else if (!ok) {
      error_at(x, "cannot range over " + str(x));
    } else if (s->value != nullptr && val == nullptr) {
      error_at(s->value, "range over " + str(x) + " permits only one iteration variable");
    }
    if (!ok) {
      key = invalid_type();
      val = invalid_type();
    }
  }
  open_scope(s, "range");
  s->scope = m_scope;
  Expr* lhs[2] = {s->key, s->value};
  const Type* rhs[2] = {key, val};
  bool range_over_int = is_integer(x.type) && !x.invalid();
  if (s->op == Op::Define) {
    std::vector<std::pair<Ident*, Var*>> vars;
    for (int i = 0; i < 2; i++) {
      if (lhs[i] == nullptr) continue;
      Var* obj = nullptr;
      auto* ident = lhs[i]->as<Ident>();
      if (ident != nullptr) {
        obj = alloc<Var>(ident->pos(), m_pkg, ident->name, nullptr);
        ident->object = obj;
        if (ident->name != "_") vars.push_back({ident, obj});
      } else {
        error_at(lhs[i], "non-name " + str(lhs[i]) + " on left side of :=");
        obj = alloc<Var>(lhs[i]->pos(), m_pkg, "_", nullptr);
      }
      const Type* t = rhs[i];
      if (t == nullptr || !is_valid(t)) {
        obj->type = invalid_type();
        obj->used = true;
        continue;
      }
      if (range_over_int) {
        init_var(obj, x, "range clause");
      } else {
        Operand y;
        y.mode = ExprMode::Value;
        y.expr = lhs[i];
        y.type = t;
        init_var(obj, y, "assignment");
      }
      record_expr(lhs[i], ExprMode::Variable, obj->type, std::nullopt);
    }
    if (!vars.empty()) {
      for (auto& [ident, v] : vars) declare(m_scope, ident, v);
    } else {
      error_at(s, "no new variables on left side of :=");
    }
  } else if (s->key != nullptr) {
    for (int i = 0; i < 2; i++) {
      if (lhs[i] == nullptr) continue;
      const Type* t = rhs[i];
      if (t == nullptr || !is_valid(t)) continue;
      if (range_over_int) {
        assign_var(lhs[i], nullptr, x, "range clause");
        if (!x.invalid() && !is_integer(x.type)) {
          error_at(lhs[i], "cannot use iteration variable of type " + str(x.type));
        }
      } else {
        Operand y;
        y.mode = ExprMode::Value;
        y.expr = lhs[i];
        y.type = t;
        assign_var(lhs[i], nullptr, y, "assignment");
      }
    }
  } else if (range_over_int) {
    assignment(x, nullptr, "range clause");
  }
  stmt(inner, s->body);
  close_scope();
}

// ------------------------------------------------------------------ labels

namespace {

bool has_break(Stmt* s, const std::string& label, bool implicit);

bool has_break_list(const std::vector<Stmt*>& list, const std::string& label, bool implicit) {
  for (Stmt* s : list) {
    if (has_break(s, label, implicit)) return true;
  }
  return false;
}

bool has_break(Stmt* s, const std::string& label, bool implicit) {
  switch (s->kind) {
    case NodeKind::LabeledStmt:
      return has_break(s->as<LabeledStmt>()->stmt, label, implicit);
    case NodeKind::BranchStmt: {
      auto* b = s->as<BranchStmt>();
      if (b->op == Op::Break) {
        if (b->label == nullptr) return implicit;
        if (b->label->name == label) return true;
      }
      return false;
    }
    case NodeKind::BlockStmt:
      return has_break_list(s->as<BlockStmt>()->list, label, implicit);
    case NodeKind::IfStmt: {
      auto* i = s->as<IfStmt>();
      return has_break(i->then, label, implicit) || (i->els != nullptr && has_break(i->els, label, implicit));
    }
    case NodeKind::SwitchStmt:
      if (label.empty()) return false;
      for (CaseClause* cc : s->as<SwitchStmt>()->clauses) {
        if (has_break_list(cc->body, label, false)) return true;
      }
      return false;
    case NodeKind::TypeSwitchStmt:
      if (label.empty()) return false;
      for (CaseClause* cc : s->as<TypeSwitchStmt>()->clauses) {
        if (has_break_list(cc->body, label, false)) return true;
      }
      return false;
    case NodeKind::SelectStmt:
      if (label.empty()) return false;
      for (CommClause* cc : s->as<SelectStmt>()->clauses) {
        if (has_break_list(cc->body, label, false)) return true;
      }
      return false;
    case NodeKind::ForStmt:
      return !label.empty() && has_break(s->as<ForStmt>()->body, label, false);
    case NodeKind::RangeStmt:
      return !label.empty() && has_break(s->as<RangeStmt>()->body, label, false);
    default:
      return false;
  }
}

}  // namespace

void Checker::labels(BlockStmt* body) {
  BranchReporter r;
  r.pkg = m_pkg;
  r.error = [this](Pos pos, const std::string& msg) { error(pos, msg); };
  r.pos_str = [this](Pos pos) { return pos_str(pos); };
  r.expr_str = [this](const Expr* e) { return str(e); };
  check_body_branches(body, r);
}

bool Checker::is_terminating_list(const std::vector<Stmt*>& list, const std::string& label) {
  size_t n = list.size();
  while (n > 0 && list[n - 1]->is<EmptyStmt>()) n--;
  if (n == 0) return false;
  return is_terminating(list[n - 1], label);
}

bool Checker::is_terminating(Stmt* s, const std::string& label) {
  switch (s->kind) {
    case NodeKind::LabeledStmt: {
      auto* l = s->as<LabeledStmt>();
      return is_terminating(l->stmt, l->label->name);
    }
    case NodeKind::ExprStmt: {
      auto* call = unparen(s->as<ExprStmt>()->x)->as<CallExpr>();
      return call != nullptr && call->call_kind == CallExpr::Kind::Builtin &&
             call->builtin == static_cast<uint8_t>(BuiltinId::Panic);
    }
    case NodeKind::ReturnStmt:
      return true;
    case NodeKind::BranchStmt: {
      Op op = s->as<BranchStmt>()->op;
      return op == Op::Goto || op == Op::Fallthrough;
    }
    case NodeKind::BlockStmt:
      return is_terminating_list(s->as<BlockStmt>()->list, "");
    case NodeKind::IfStmt: {
      auto* i = s->as<IfStmt>();
      return i->els != nullptr && is_terminating(i->then, "") && is_terminating(i->els, "");
    }
    case NodeKind::SwitchStmt:
    case NodeKind::TypeSwitchStmt: {
      const auto& clauses =
          s->is<SwitchStmt>() ? s->as<SwitchStmt>()->clauses : s->as<TypeSwitchStmt>()->clauses;
      bool has_default = false;
      for (CaseClause* cc : clauses) {
        if (cc->is_default) has_default = true;
        if (!is_terminating_list(cc->body, "") || has_break_list(cc->body, label, true)) return false;
      }
      return has_default;
    }
    case NodeKind::SelectStmt:
      for (CommClause* cc : s->as<SelectStmt>()->clauses) {
        if (!is_terminating_list(cc->body, "") || has_break_list(cc->body, label, true)) return false;
      }
      return true;
    case NodeKind::ForStmt: {
      auto* f = s->as<ForStmt>();
      return f->cond == nullptr && !has_break(f->body, label, true);
    }
    default:
      return false;
  }
}

}  // namespace gol::lang
