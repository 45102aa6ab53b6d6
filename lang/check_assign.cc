// check_assign.cc — assignability, assignments, := and declarations inside
// functions (cf. types2 assignments.go, operand.go assignableTo, decl.go).
//
// Assigning to a variable is not a "use" of it: the lhs of `x = 1` is
// evaluated with x's used flag saved and restored, so `x := 0; x = 1`
// still reports "declared and not used: x", as Go does.
#include "lang/check_impl.h"

namespace gol::lang {

std::string types_summary(const Checker& c, const std::vector<const Type*>& list, bool variadic, bool has_dots);

bool Checker::assignable_to(const Operand& x, const Type* t, std::string* cause) {
  if (x.invalid() || !is_valid(t)) return true;
  const Type* v = x.type;
  if (identical(v, t)) return true;
  const Type* vu = under(v);
  const Type* tu = under(t);
  if (is_untyped(vu)) {
    Operand tmp = x;
    std::optional<Constant> val;
    ConvCode code;
    const Type* nt = implicit_type_and_value(tmp, t, &val, &code);
    return nt != nullptr && code == ConvCode::Ok;
  }
  if (identical(vu, tu) && (!has_name(v) || !has_name(t))) return true;
  if ((tu && tu->is<Interface>()) || (tu && tu->is<Pointer>() && is_interface(tu->as<Pointer>()->elem))) {
    if (implements(v, t, cause, m_pkg)) return true;
    return false;
  }
  if (vu && vu->is<Interface>()) {
    if (implements(t, v, nullptr, m_pkg)) {
      if (cause) *cause = "need type assertion";
      return false;
    }
  }
  if (const Chan* vc = vu ? vu->as<Chan>() : nullptr; vc && vc->dir == ChanDir::Both) {
    if (const Chan* tc = tu ? tu->as<Chan>() : nullptr; tc && identical(vc->elem, tc->elem)) {
      return !has_name(v) || !has_name(t);
    }
  }
  return false;
}

void Checker::assignment(Operand& x, const Type* t, const std::string& context) {
  single_value(x);
  switch (x.mode) {
    case ExprMode::Invalid:
      return;
    case ExprMode::Constant:
    case ExprMode::Variable:
    case ExprMode::MapIndex:
    case ExprMode::Value:
    case ExprMode::CommaOk:
      break;
    default:
      error_at(x, "cannot assign " + str(x) + " to " + str(t) + " in " + context);
      x.mode = ExprMode::Invalid;
      return;
  }
  if (is_untyped(x.type)) {
    const Type* target = t;
    if (x.is_nil()) {
      if (t == nullptr) {
        error_at(x, "use of untyped nil in " + context);
        x.mode = ExprMode::Invalid;
        return;
      }
    } else if (t == nullptr || is_interface(t)) {
      target = default_type(x.type);
    }
    std::optional<Constant> val;
    ConvCode code;
    const Type* nt = implicit_type_and_value(x, target, &val, &code);
    if (code != ConvCode::Ok) {
      std::string msg = "cannot use " + str(x) + " as " + str(target) + " value in " + context;
      if (code == ConvCode::Truncated) msg += " (truncated)";
      if (code == ConvCode::Overflow) msg += " (overflows)";
      error_at(x, msg);
      x.mode = ExprMode::Invalid;
      return;
    }
    if (val) {
      x.val = val;
      if (x.expr) update_expr_val(x.expr, *val);
    }
    if (nt != x.type) {
      x.type = nt;
      if (x.expr) update_expr_type(x.expr, nt, false);
    }
  }
  if (t == nullptr) return;
  std::string cause;
  if (!assignable_to(x, t, &cause)) {
    if (!cause.empty()) {
      error_at(x, "cannot use " + str(x) + " as " + str(t) + " value in " + context + ": " + cause);
    } else {
      error_at(x, "cannot use " + str(x) + " as " + str(t) + " value in " + context);
    }
    x.mode = ExprMode::Invalid;
  }
}

void Checker::init_const(Const* lhs, Operand& x) {
  if (x.invalid() || !is_valid(x.type) || (lhs->type != nullptr && !is_valid(lhs->type))) {
    if (lhs->type == nullptr) lhs->type = invalid_type();
    return;
  }
  if (x.mode != ExprMode::Constant) {
    error_at(x, str(x) + " is not constant");
    if (lhs->type == nullptr) lhs->type = invalid_type();
    return;
  }
  if (lhs->type == nullptr) lhs->type = x.type;
  assignment(x, lhs->type, "constant declaration");
  if (x.invalid()) return;
  lhs->value = *x.val;
}

const Type* Checker::init_var(Var* lhs, Operand& x, const std::string& context) {
  if (x.invalid() || !is_valid(x.type) || (lhs->type != nullptr && !is_valid(lhs->type))) {
    if (lhs->type == nullptr) lhs->type = invalid_type();
    x.mode = ExprMode::Invalid;
    return lhs->type;
  }
  if (lhs->type == nullptr) {
    const Type* t = x.type;
    if (is_untyped(t)) {
      if (t->as<Basic>()->basic == BasicKind::UntypedNil) {
        error_at(x, "use of untyped nil in " + context);
        lhs->type = invalid_type();
        x.mode = ExprMode::Invalid;
        return lhs->type;
      }
      t = default_type(t);
    }
    lhs->type = t;
  }
  assignment(x, lhs->type, context);
  return lhs->type;
}

const Type* Checker::lhs_var(Expr* lhs) {
  auto* ident = unparen(lhs)->as<Ident>();
  if (ident != nullptr && ident->name == "_") {
    ident->object = nullptr;
    record_expr(lhs, ExprMode::Variable, nullptr, std::nullopt);
    return nullptr;
  }
  Var* v = nullptr;
  bool v_used = false;
  if (ident != nullptr) {
    if (Object* obj = m_scope->lookup_parent(ident->name)) {
      if (Var* w = obj->as<Var>(); w && w->pkg == m_pkg) {
        v = w;
        v_used = w->used;
      }
    }
  }
  Operand x;
  expr(x, lhs);
  if (v != nullptr) v->used = v_used;
  if (x.invalid()) return invalid_type();
  switch (x.mode) {
    case ExprMode::Variable:
    case ExprMode::MapIndex:
      break;
    default:
      if (auto* sel = unparen(x.expr)->as<SelectorExpr>()) {
        Operand op;
        // Re-evaluating the operand only inspects its mode; its errors were reported already.
        Expr* inner = sel->x;
        if (unparen(inner)->is<IndexExpr>()) {
          const Type* it = unparen(inner)->type;
          const Expr* base = unparen(inner)->as<IndexExpr>()->x;
          if (unparen(inner)->mode == ExprMode::MapIndex || (it && base && base->type && under(base->type) && under(base->type)->is<Map>())) {
            error_at(x, "cannot assign to struct field " + str(x.expr) + " in map");
            return invalid_type();
          }
        }
      }
      error_at(x, "cannot assign to " + str(x.expr) + " (neither addressable nor a map index expression)");
      return invalid_type();
  }
  return x.type;
}

void Checker::assign_var(Expr* lhs, Expr* rhs_expr, Operand& x, const std::string& context) {
  const Type* t = lhs_var(lhs);
  if (t != nullptr && !is_valid(t)) {
    use(rhs_expr);
    x.mode = ExprMode::Invalid;
    return;
  }
  if (rhs_expr != nullptr) expr(x, rhs_expr, t);
  std::string ctx = context;
  if (t == nullptr && context == "assignment") ctx = "assignment to _ identifier";
  assignment(x, t, ctx);
}

void Checker::assign_error(const std::vector<Expr*>& rhs, size_t l, size_t r) {
  auto measure = [](size_t n, const char* unit) {
    return std::to_string(n) + " " + unit + (n != 1 ? "s" : "");
  };
  std::string vars = measure(l, "variable");
  std::string vals = measure(r, "value");
  Expr* rhs0 = rhs[0];
  if (rhs.size() == 1) {
    if (auto* call = unparen(rhs0)->as<CallExpr>()) {
      error_at(rhs0, "assignment mismatch: " + vars + " but " + str(call->fun) + " returns " + vals);
      return;
    }
  }
  error_at(rhs0, "assignment mismatch: " + vars + " but " + vals);
}

void Checker::return_error(Stmt* s, const std::vector<Operand>& rhs) {
  const Tuple* results = m_sig->results;
  size_t l = results->size();
  size_t r = rhs.size();
  Pos at = s->pos();
  std::string qualifier = "not enough";
  if (r > l) {
    at = rhs[l].expr->pos();
    qualifier = "too many";
  } else if (r > 0) {
    at = rhs[r - 1].expr->pos();
  }
  std::vector<const Type*> have;
  for (const Operand& o : rhs) have.push_back(o.type);
  std::vector<const Type*> want;
  for (const Var* v : results->vars) want.push_back(v->type);
  error(at, qualifier + " return values\n\thave " + types_summary(*this, have, false, false) + "\n\twant " +
                types_summary(*this, want, false, false));
}

void Checker::init_vars(const std::vector<Var*>& lhs, const std::vector<Expr*>& rhs, Stmt* return_stmt) {
  std::string context = return_stmt != nullptr ? "return statement" : "assignment";
  size_t l = lhs.size();
  size_t r = rhs.size();
  bool is_call = r == 1 && unparen(rhs[0])->is<CallExpr>();
  if (l == r && !is_call) {
    for (size_t i = 0; i < l; i++) {
      Operand x;
      expr(x, rhs[i], lhs[i]->type);
      init_var(lhs[i], x, context);
    }
    return;
  }
  if (r != 1) {
    bool ok = true;
    std::vector<Operand> vals;
    for (Expr* e : rhs) {
      Operand x;
      expr(x, e);
      if (x.invalid()) ok = false;
      vals.push_back(std::move(x));
    }
    for (Var* v : lhs) {
      if (v->type != nullptr && !is_valid(v->type)) ok = false;
    }
    if (ok) {
      if (return_stmt != nullptr) return_error(return_stmt, vals);
      else assign_error(rhs, l, r);
    }
    for (Var* v : lhs) {
      if (v->type == nullptr) v->type = invalid_type();
    }
    return;
  }
  std::vector<Operand> vals;
  multi_expr(vals, rhs[0], l == 2 && return_stmt == nullptr);
  r = vals.size();
  if (l == r) {
    for (size_t i = 0; i < l; i++) init_var(lhs[i], vals[i], context);
    return;
  }
  if (!vals[0].invalid()) {
    if (return_stmt != nullptr) return_error(return_stmt, vals);
    else assign_error(rhs, l, r);
  }
  for (Var* v : lhs) {
    if (v->type == nullptr) v->type = invalid_type();
  }
}

void Checker::assign_vars(const std::vector<Expr*>& lhs, const std::vector<Expr*>& rhs) {
  size_t l = lhs.size();
  size_t r = rhs.size();
  bool is_call = r == 1 && unparen(rhs[0])->is<CallExpr>();
  if (l == r && !is_call) {
    for (size_t i = 0; i < l; i++) {
      Operand x;
      assign_var(lhs[i], rhs[i], x, "assignment");
    }
    return;
  }
  if (r != 1) {
    bool ok = true;
    for (Expr* e : lhs) {
      if (!lhs_var(e) && false) ok = false;
    }
    for (Expr* e : rhs) {
      Operand x;
      expr(x, e);
      if (x.invalid()) ok = false;
    }
    if (ok) assign_error(rhs, l, r);
    return;
  }
  std::vector<Operand> vals;
  multi_expr(vals, rhs[0], l == 2);
  r = vals.size();
  if (l == r) {
    for (size_t i = 0; i < l; i++) assign_var(lhs[i], nullptr, vals[i], "assignment");
    return;
  }
  if (!vals[0].invalid()) assign_error(rhs, l, r);
  for (Expr* e : lhs) lhs_var(e);
}

void Checker::short_var_decl(AssignStmt* s) {
  Scope* scope = m_scope;
  std::set<std::string> seen;
  std::vector<Var*> lhs_vars(s->lhs.size(), nullptr);
  std::vector<std::pair<Ident*, Var*>> new_vars;
  bool has_err = false;
  for (size_t i = 0; i < s->lhs.size(); i++) {
    Expr* lhs = s->lhs[i];
    auto* ident = lhs->as<Ident>();
    if (ident == nullptr) {
      Operand d;
      expr(d, lhs);
      error_at(lhs, "non-name " + str(lhs) + " on left side of :=");
      has_err = true;
      continue;
    }
    const std::string& name = ident->name;
    if (name != "_") {
      if (!seen.insert(name).second) {
        error_at(lhs, name + " repeated on left side of :=");
        has_err = true;
        continue;
      }
    }
    if (Object* alt = scope->lookup(name)) {
      ident->object = alt;
      if (Var* v = alt->as<Var>()) {
        lhs_vars[i] = v;
      } else {
        error_at(lhs, "cannot assign to " + str(lhs));
        has_err = true;
      }
      continue;
    }
    auto* obj = alloc<Var>(ident->pos(), m_pkg, name, nullptr);
    lhs_vars[i] = obj;
    ident->object = obj;
    if (name != "_") new_vars.push_back({ident, obj});
  }
  for (size_t i = 0; i < lhs_vars.size(); i++) {
    if (lhs_vars[i] == nullptr) lhs_vars[i] = alloc<Var>(s->lhs[i]->pos(), m_pkg, "_", nullptr);
  }
  // Existing variables keep their type: init_vars checks assignability.
  init_vars(lhs_vars, s->rhs, nullptr);
  for (size_t i = 0; i < s->lhs.size(); i++) {
    if (auto* ident = s->lhs[i]->as<Ident>()) record_expr(ident, ExprMode::Variable, lhs_vars[i]->type, std::nullopt);
  }
  if (new_vars.empty() && !has_err) {
    error(s->op_pos, "no new variables on left side of :=");
    return;
  }
  for (auto& [ident, v] : new_vars) declare(scope, ident, v);
}

// ------------------------------------------------------ local declarations

void Checker::local_const_spec(ValueSpec* spec, ValueSpec* src) {
  bool inherited = spec->implicit_from != nullptr;
  std::vector<Const*> consts;
  for (size_t i = 0; i < spec->names.size(); i++) {
    Ident* name = spec->names[i];
    auto* obj = alloc<Const>(name->pos(), m_pkg, name->name, nullptr, Constant());
    consts.push_back(obj);
    std::optional<Constant> saved_iota = m_iota;
    m_iota = Constant::make_int(spec->iota);
    const Type* t = nullptr;
    if (src->type_expr != nullptr) {
      t = type_expr(src->type_expr);
      if (!is_const_type(t)) {
        if (is_valid(under(t))) error_at(src->type_expr, "invalid constant type " + str(t));
        obj->type = invalid_type();
        m_iota = saved_iota;
        continue;
      }
    }
    Operand x;
    if (i < src->values.size()) expr(x, src->values[i]);
    if (t != nullptr) obj->type = t;
    init_const(obj, x);
    m_iota = saved_iota;
  }
  if (spec->names.size() < src->values.size()) {
    if (inherited) error_at(spec, "extra init expr at " + pos_str(src->values[spec->names.size()]->pos()));
    else error_at(src->values[spec->names.size()], "extra init expr " + str(src->values[spec->names.size()]));
  } else if (spec->names.size() > src->values.size()) {
    Ident* n = spec->names[src->values.size()];
    error_at(n, "missing init expr for " + n->name);
  }
  for (size_t i = 0; i < spec->names.size(); i++) declare(m_scope, spec->names[i], consts[i]);
}

void Checker::local_var_spec(ValueSpec* spec) {
  std::vector<Var*> vars;
  for (Ident* name : spec->names) vars.push_back(alloc<Var>(name->pos(), m_pkg, name->name, nullptr));
  const auto& values = spec->values;
  if (values.size() == 1 && vars.size() > 1) {
    if (spec->type_expr != nullptr) {
      const Type* t = var_type(spec->type_expr);
      for (Var* v : vars) v->type = t;
    }
    init_vars(vars, {values[0]}, nullptr);
  } else {
    for (size_t i = 0; i < vars.size(); i++) {
      Var* v = vars[i];
      if (spec->type_expr != nullptr) v->type = var_type(spec->type_expr);
      Expr* init = i < values.size() && values.size() == vars.size() ? values[i] : nullptr;
      if (values.size() != vars.size() && i < values.size()) init = values[i];
      if (init == nullptr) {
        if (spec->type_expr == nullptr) v->type = invalid_type();
        continue;
      }
      Operand x;
      expr(x, init, v->type);
      init_var(v, x, "variable declaration");
    }
    if (spec->type_expr == nullptr || !values.empty()) {
      if (values.size() > vars.size()) {
        error_at(values[vars.size()], "extra init expr " + str(values[vars.size()]));
      } else if (vars.size() > values.size() && values.size() != 1) {
        Ident* n = spec->names[values.size()];
        if (!(values.empty() && spec->type_expr)) error_at(n, "missing init expr for " + n->name);
      }
    }
  }
  for (size_t i = 0; i < vars.size(); i++) declare(m_scope, spec->names[i], vars[i]);
}

void Checker::local_type_spec(TypeSpec* spec) {
  auto* obj = alloc<TypeName>(spec->name->pos(), m_pkg, spec->name->name, nullptr);
  obj->alias = spec->is_alias();
  declare(m_scope, spec->name, obj);
  auto* info = alloc<DeclInfo>();
  info->file_scope = m_scope;
  info->tspec = spec;
  m_color[obj] = Color::Grey;
  m_obj_path.push_back(obj);
  type_decl(obj, info);
  m_obj_path.pop_back();
  m_color[obj] = Color::Black;
}

void Checker::decl_stmt(GenDecl* d) {
  ValueSpec* last = nullptr;
  for (Node* spec : d->specs) {
    if (auto* vs = spec->as<ValueSpec>()) {
      if (d->op == Op::Const) {
        ValueSpec* src = vs->implicit_from ? vs->implicit_from : vs;
        if (vs->type_expr != nullptr || !vs->values.empty()) last = vs;
        (void)last;
        local_const_spec(vs, src);
      } else {
        local_var_spec(vs);
      }
    } else if (auto* ts = spec->as<TypeSpec>()) {
      local_type_spec(ts);
    }
  }
}

}  // namespace gol::lang
