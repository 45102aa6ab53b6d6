// check_expr.cc — expressions, untyped constants and operators (cf. types2
// expr.go, const.go).
//
// Every expression is evaluated into an Operand. Untyped operands (constants,
// comparison results, nil) keep their untyped type until their context fixes
// it: assignment to a typed variable, an operand of a binary operation with a
// typed operand, a conversion, or — at the end — their default type. Until
// then they sit in m_untyped; update_expr_type pushes the final type down
// into the operand tree (x + 1 typed int makes both x + 1 and 1 int) and
// checks that each constant is representable in it.
//
// Errors are reported once: an operand that failed becomes Invalid and every
// operation on an Invalid operand is silently Invalid too.
#include <cmath>

#include "lang/check_impl.h"

namespace gol::lang {

namespace {

bool all_numeric(const Type* t) { return is_numeric(t); }
bool all_integer(const Type* t) { return is_integer(t); }
bool all_boolean(const Type* t) { return is_boolean(t); }
bool all_numeric_or_string(const Type* t) { return is_numeric(t) || is_string(t); }

const char* op_name(const Expr* e) {
  if (auto* b = e ? e->as<BinaryExpr>() : nullptr) {
    switch (b->op) {
      case Op::Add: return "addition";
      case Op::Sub: return "subtraction";
      case Op::Xor: return "bitwise XOR";
      case Op::Mul: return "multiplication";
      case Op::Shl: return "shift";
      default: return "";
    }
  }
  if (auto* u = e ? e->as<UnaryExpr>() : nullptr) {
    if (u->op == Op::Xor) return "bitwise complement";
  }
  return "";
}

// The larger of two untyped numeric kinds (int < rune < float), or null.
const Type* max_type(const Type* x, const Type* y) {
  if (is_numeric(x) && is_numeric(y)) {
    auto rank = [](const Type* t) { return static_cast<int>(t->as<Basic>()->basic); };
    return rank(x) >= rank(y) ? x : y;
  }
  if (identical(x, y)) return x;
  return nullptr;
}

}  // namespace

const Constant* Checker::intern(const Constant& c) { return alloc<Constant>(c); }

// ------------------------------------------------------------ recording

void Checker::record_expr(Expr* e, ExprMode mode, const Type* t, const std::optional<Constant>& val) {
  if (e == nullptr) return;
  e->mode = mode;
  e->type = t;
  e->constant = (mode == ExprMode::Constant && val) ? intern(*val) : nullptr;
}

void Checker::remember_untyped(Expr* e, bool is_lhs, ExprMode mode, const Type* t,
                               const std::optional<Constant>& val) {
  auto [it, inserted] = m_untyped.insert_or_assign(e, UntypedInfo{is_lhs, mode, t, val});
  (void)it;
  if (inserted) m_untyped_order.push_back(e);
  record_expr(e, mode, t, val);
}

void Checker::record(Operand& x) {
  const Type* t = x.type;
  if (x.mode == ExprMode::Invalid) t = invalid_type();
  if (x.mode == ExprMode::NoValue) t = nullptr;
  if (x.expr == nullptr) return;
  // A value is recorded only for a constant: an operand that stopped being
  // one (2 + 1<<s) may still carry its old operand's value.
  std::optional<Constant> val = x.mode == ExprMode::Constant ? x.val : std::nullopt;
  if (t != nullptr && is_untyped(t)) {
    remember_untyped(x.expr, false, x.mode, t, val);
  } else {
    record_expr(x.expr, x.mode, t, val);
  }
}

void Checker::update_expr_val(Expr* e, const Constant& val) {
  if (auto it = m_untyped.find(e); it != m_untyped.end()) it->second.val = val;
}

void Checker::update_expr_type(Expr* e, const Type* t, bool final) {
  auto it = m_untyped.find(e);
  if (it == m_untyped.end()) return;
  UntypedInfo old = it->second;
  switch (e->kind) {
    case NodeKind::Ident:
    case NodeKind::BasicLit:
    case NodeKind::SelectorExpr:
    case NodeKind::CallExpr:
      break;
    case NodeKind::ParenExpr:
      update_expr_type(e->as<ParenExpr>()->x, t, final);
      break;
    case NodeKind::UnaryExpr:
      if (old.val) break;
      update_expr_type(e->as<UnaryExpr>()->x, t, final);
      break;
    case NodeKind::BinaryExpr: {
      auto* b = e->as<BinaryExpr>();
      if (old.val) break;
      if (is_comparison(b->op)) {
        // The operands' types are independent of the result's.
      } else if (is_shift(b->op)) {
        update_expr_type(b->x, t, final);
      } else {
        update_expr_type(b->x, t, final);
        update_expr_type(b->y, t, final);
      }
      break;
    }
    default:
      return;
  }
  it = m_untyped.find(e);
  if (it == m_untyped.end()) return;
  if (!final && is_untyped(t)) {
    it->second.type = under(t);
    record_expr(e, old.mode, it->second.type, old.val);
    return;
  }
  m_untyped.erase(it);
  if (old.is_lhs) {
    // The lhs of a non-constant shift must end up an integer.
    if (!is_integer(t)) {
      error_at(e, "invalid operation: shifted operand " + str(e) + " (type " + str(t) + ") must be integer");
      return;
    }
  }
  std::optional<Constant> val = old.val;
  if (old.val) {
    Operand c;
    c.mode = old.mode;
    c.expr = e;
    c.type = old.type;
    c.val = old.val;
    convert_untyped(c, t);
    if (c.invalid()) return;
    val = c.val;
  }
  record_expr(e, old.mode, t, val);
}

void Checker::record_untyped_leftovers() {
  for (Expr* e : m_untyped_order) {
    auto it = m_untyped.find(e);
    if (it == m_untyped.end()) continue;
    // Never materialized with a context type: the default type is what the
    // compiler would use (untyped nil stays untyped nil).
    const Type* t = default_type(it->second.type);
    record_expr(e, it->second.mode, t, it->second.val);
  }
  m_untyped.clear();
  m_untyped_order.clear();
}

// ------------------------------------------------------- untyped conversion

Checker::ConvCode Checker::representation(const Operand& x, const Basic* t, std::optional<Constant>* out) {
  const Constant& v = *x.val;
  bool ok = false;
  std::optional<Constant> rounded;
  if (t->info & kIsInteger) {
    if (auto i = v.is_numeric() ? v.to_int() : std::nullopt) {
      switch (t->basic) {
        case BasicKind::UntypedInt:
        case BasicKind::UntypedRune:
          ok = true;
          break;
        default:
          ok = (t->info & kIsUnsigned) ? i->fits_unsigned(t->bits) : i->fits_signed(t->bits);
      }
      rounded = *i;
    }
  } else if (t->info & kIsFloat) {
    if (v.is_numeric()) {
      switch (t->basic) {
        case BasicKind::Float32: rounded = v.rounded_float32(); ok = rounded.has_value(); break;
        case BasicKind::Float64: rounded = v.rounded_float64(); ok = rounded.has_value(); break;
        default: rounded = v.to_float(); ok = true; break;
      }
    }
  } else if (t->info & kIsString) {
    ok = v.kind() == Constant::Kind::String;
    rounded = v;
  } else if (t->info & kIsBoolean) {
    ok = v.kind() == Constant::Kind::Bool;
    rounded = v;
  }
  if (ok) {
    *out = std::move(rounded);
    return ConvCode::Ok;
  }
  if (is_numeric(x.type) && (t->info & kIsNumeric)) {
    if (!is_integer(x.type) && (t->info & kIsInteger)) return ConvCode::Truncated;
    return ConvCode::Overflow;
  }
  return ConvCode::Invalid;
}

void Checker::invalid_conversion(ConvCode code, Operand& x, const Type* target) {
  switch (code) {
    case ConvCode::Truncated: error_at(x, str(x) + " truncated to " + str(target)); break;
    case ConvCode::Overflow: error_at(x, str(x) + " overflows " + str(target)); break;
    default: error_at(x, "cannot convert " + str(x) + " to type " + str(target)); break;
  }
}

void Checker::representable(Operand& x, const Basic* t) {
  std::optional<Constant> v;
  ConvCode code = representation(x, t, &v);
  if (code != ConvCode::Ok) {
    invalid_conversion(code, x, t);
    x.mode = ExprMode::Invalid;
    return;
  }
  x.val = std::move(v);
}

const Type* Checker::implicit_type_and_value(Operand& x, const Type* target, std::optional<Constant>* val,
                                             ConvCode* code) {
  *code = ConvCode::Ok;
  if (x.invalid() || is_typed(x.type) || !is_valid(target)) return x.type;
  if (is_untyped(target)) {
    if (const Type* m = max_type(x.type, target)) return m;
    *code = ConvCode::Invalid;
    return nullptr;
  }
  const Type* u = under(target);
  if (u == nullptr) {
    *code = ConvCode::Invalid;
    return nullptr;
  }
  switch (u->kind) {
    case TypeKind::Basic: {
      if (x.mode == ExprMode::Constant) {
        ConvCode c = representation(x, u->as<Basic>(), val);
        if (c != ConvCode::Ok) {
          *code = c;
          return nullptr;
        }
        return target;
      }
      BasicKind k = x.type->as<Basic>()->basic;
      bool ok = true;
      switch (k) {
        case BasicKind::UntypedBool: ok = is_boolean(target); break;
        case BasicKind::UntypedInt:
        case BasicKind::UntypedRune:
        case BasicKind::UntypedFloat: ok = is_numeric(target); break;
        case BasicKind::UntypedString: ok = is_string(target); break;
        case BasicKind::UntypedNil: ok = false; break;
        default: ok = false;
      }
      if (!ok) {
        *code = ConvCode::Invalid;
        return nullptr;
      }
      return target;
    }
    case TypeKind::Interface:
      if (x.is_nil()) return basic_type(BasicKind::UntypedNil);
      if (!u->as<Interface>()->empty()) {
        *code = ConvCode::Invalid;
        return nullptr;
      }
      return default_type(x.type);
    case TypeKind::Pointer:
    case TypeKind::Signature:
    case TypeKind::Slice:
    case TypeKind::Map:
    case TypeKind::Chan:
      if (!x.is_nil()) {
        *code = ConvCode::Invalid;
        return nullptr;
      }
      return basic_type(BasicKind::UntypedNil);
    default:
      *code = ConvCode::Invalid;
      return nullptr;
  }
}

void Checker::convert_untyped(Operand& x, const Type* target) {
  std::optional<Constant> val;
  ConvCode code;
  const Type* t = implicit_type_and_value(x, target, &val, &code);
  if (code != ConvCode::Ok) {
    invalid_conversion(code, x, under(target));
    x.mode = ExprMode::Invalid;
    return;
  }
  if (val) {
    x.val = val;
    if (x.expr) update_expr_val(x.expr, *val);
  }
  if (t != x.type) {
    x.type = t;
    if (x.expr) update_expr_type(x.expr, t, false);
  }
}

// ------------------------------------------------------------ evaluation

void Checker::exclude(Operand& x, uint32_t modes) {
  uint32_t bit = 1u << static_cast<uint32_t>(x.mode);
  if ((modes & bit) == 0) return;
  switch (x.mode) {
    case ExprMode::NoValue:
      if (modes & (1u << static_cast<uint32_t>(ExprMode::TypeExpr))) error_at(x, str(x) + " used as value");
      else error_at(x, str(x) + " used as value or type");
      break;
    case ExprMode::Builtin:
      error_at(x, str(x) + " must be called");
      break;
    case ExprMode::TypeExpr:
      error_at(x, str(x) + " is not an expression");
      break;
    default:
      break;
  }
  x.mode = ExprMode::Invalid;
}

void Checker::single_value(Operand& x) {
  if (x.mode == ExprMode::Value && x.type != nullptr && x.type->is<Tuple>()) {
    error_at(x, "multiple-value " + str(x) + " in single-value context");
    x.mode = ExprMode::Invalid;
  }
}

constexpr uint32_t mode_bit(ExprMode m) { return 1u << static_cast<uint32_t>(m); }

void Checker::expr(Operand& x, Expr* e, const Type* hint) {
  raw_expr(x, e, hint, false);
  exclude(x, mode_bit(ExprMode::NoValue) | mode_bit(ExprMode::Builtin) | mode_bit(ExprMode::TypeExpr));
  single_value(x);
}

void Checker::expr_or_type(Operand& x, Expr* e) {
  raw_expr(x, e, nullptr, false);
  exclude(x, mode_bit(ExprMode::NoValue));
  single_value(x);
}

void Checker::multi_expr(std::vector<Operand>& list, Expr* e, bool allow_comma_ok) {
  list.clear();
  Operand x;
  raw_expr(x, e, nullptr, false);
  exclude(x, mode_bit(ExprMode::NoValue) | mode_bit(ExprMode::Builtin) | mode_bit(ExprMode::TypeExpr));
  if (!x.invalid() && x.type != nullptr && x.type->is<Tuple>()) {
    for (const Var* v : x.type->as<Tuple>()->vars) {
      Operand o;
      o.mode = ExprMode::Value;
      o.expr = e;
      o.type = v->type;
      list.push_back(std::move(o));
    }
    return;
  }
  bool comma_ok = allow_comma_ok && (x.mode == ExprMode::MapIndex || x.mode == ExprMode::CommaOk);
  list.push_back(x);
  if (comma_ok) {
    Operand ok;
    ok.mode = ExprMode::Value;
    ok.expr = e;
    ok.type = basic_type(BasicKind::UntypedBool);
    list.push_back(std::move(ok));
  }
}

ExprKind Checker::raw_expr(Operand& x, Expr* e, const Type* hint, bool) {
  ExprKind kind = expr_internal(x, e, hint);
  record(x);
  return kind;
}

void Checker::use(Expr* e) {
  if (e == nullptr) return;
  if (auto* id = unparen(e)->as<Ident>(); id && id->name == "_") return;
  Operand x;
  raw_expr(x, e, nullptr, false);
}

void Checker::basic_lit(Operand& x, BasicLit* e) {
  if (e->lit == LitKind::Imag) {
    error_at(e, "complex numbers are not supported");
    x.mode = ExprMode::Invalid;
    return;
  }
  if ((e->lit == LitKind::Int || e->lit == LitKind::Float) && e->raw.size() > 10000) {
    error_at(e, "excessively long constant: " + e->raw.substr(0, 10) + "... (" + std::to_string(e->raw.size()) +
                    " chars)");
    x.mode = ExprMode::Invalid;
    return;
  }
  std::string err;
  std::optional<Constant> c = Constant::from_literal(e->lit, e->raw, &err);
  if (!c) {
    error_at(e, err.empty() ? "malformed constant: " + e->raw : err);
    x.mode = ExprMode::Invalid;
    return;
  }
  x.mode = ExprMode::Constant;
  x.val = std::move(c);
  switch (e->lit) {
    case LitKind::Int: x.type = basic_type(BasicKind::UntypedInt); break;
    case LitKind::Float: x.type = basic_type(BasicKind::UntypedFloat); break;
    case LitKind::Char: x.type = basic_type(BasicKind::UntypedRune); break;
    default: x.type = basic_type(BasicKind::UntypedString); break;
  }
  x.expr = e;
  overflow(x, e->pos());
}

void Checker::ident(Operand& x, Ident* e, bool want_type) {
  x.mode = ExprMode::Invalid;
  x.expr = e;
  Scope* where = nullptr;
  Object* obj = m_scope ? m_scope->lookup_parent(e->name, &where) : nullptr;
  if (obj == nullptr) {
    // complex64 and complex128 are predeclared in Go; gol leaves complex
    // numbers out, and says so rather than calling them undefined.
    if (e->name == "_") error_at(e, "cannot use _ as value");
    else if (e->name == "complex64" || e->name == "complex128") error_at(e, "complex numbers are not supported");
    else error_at(e, "undefined: " + e->name);
    return;
  }
  e->object = obj;
  if (!obj->is<TypeName>() && want_type) {
    error_at(e, obj->name + " is not a type");
    if (auto* v = obj->as<Var>(); v && v->pkg == m_pkg) v->used = true;
    return;
  }
  if (obj->type == nullptr || (obj->is<TypeName>() && want_type)) obj_decl(obj);
  const Type* t = obj->type;
  // A dot-imported object marks its import used.
  if (where != nullptr && where->comment() == "file" && obj->pkg != m_pkg && obj->pkg != nullptr) {
    for (PkgName* p : m_imports) {
      if (p->name == "." && p->imported == obj->pkg) p->used = true;
    }
  }
  switch (obj->kind) {
    case ObjectKind::PkgName:
      error_at(e, "use of package " + obj->name + " not in selector");
      return;
    case ObjectKind::Const:
      record_use(obj);
      if (!is_valid(t)) return;
      if (obj == universe_iota()) {
        if (!m_iota) {
          error_at(e, "cannot use iota outside constant declaration");
          return;
        }
        x.val = *m_iota;
      } else {
        x.val = obj->as<Const>()->value;
      }
      x.mode = ExprMode::Constant;
      break;
    case ObjectKind::TypeName:
      if (t == nullptr) return;
      x.mode = ExprMode::TypeExpr;
      break;
    case ObjectKind::Var:
      if (obj->pkg == m_pkg) obj->as<Var>()->used = true;
      record_use(obj);
      if (!is_valid(t)) return;
      x.mode = ExprMode::Variable;
      break;
    case ObjectKind::Func:
      record_use(obj);
      if (t == nullptr || !is_valid(t)) {
        // A function whose signature is being resolved (a cycle).
        if (t == nullptr) return;
      }
      x.mode = ExprMode::Value;
      break;
    case ObjectKind::Builtin:
      x.builtin = obj->as<Builtin>()->id;
      x.mode = ExprMode::Builtin;
      break;
    case ObjectKind::Nil:
      x.mode = ExprMode::Value;
      break;
    case ObjectKind::Label:
      error_at(e, "undefined: " + e->name);
      return;
  }
  x.type = t;
}

void Checker::func_lit(Operand& x, FuncLit* e) {
  auto* scope = alloc<Scope>(m_scope, "function literal", true);
  scope->begin = e->range.begin;
  scope->end = e->range.end;
  const Signature* sig = func_type(e->sig, nullptr, scope);
  if (e->body != nullptr) {
    Scope* saved_scope = m_scope;
    const Signature* saved_sig = m_sig;
    bool saved_label = m_has_label;
    std::optional<Constant> saved_iota = m_iota;
    m_iota.reset();  // iota is not visible inside a function literal's body
    func_body("<function literal>", sig, e->body, scope);
    m_iota = saved_iota;
    m_has_label = saved_label;
    m_sig = saved_sig;
    m_scope = saved_scope;
  }
  x.mode = ExprMode::Value;
  x.type = sig;
}

ExprKind Checker::expr_internal(Operand& x, Expr* e, const Type* hint) {
  x.mode = ExprMode::Invalid;
  x.type = invalid_type();
  x.val.reset();
  x.expr = e;
  ExprKind kind = ExprKind::Expression;
  switch (e->kind) {
    case NodeKind::BadExpr:
      goto error;
    case NodeKind::Ident:
      ident(x, e->as<Ident>(), false);
      break;
    case NodeKind::Ellipsis:
      error_at(e, "invalid use of '...'");
      goto error;
    case NodeKind::BasicLit:
      basic_lit(x, e->as<BasicLit>());
      if (x.invalid()) goto error;
      break;
    case NodeKind::FuncLit:
      func_lit(x, e->as<FuncLit>());
      break;
    case NodeKind::CompositeLit:
      composite_lit(x, e->as<CompositeLit>(), hint);
      if (x.invalid()) goto error;
      break;
    case NodeKind::ParenExpr: {
      kind = raw_expr(x, e->as<ParenExpr>()->x, nullptr, false);
      x.expr = e;
      return kind;
    }
    case NodeKind::SelectorExpr:
      selector(x, e->as<SelectorExpr>(), false);
      break;
    case NodeKind::IndexExpr:
      index_expr(x, e->as<IndexExpr>());
      if (x.invalid()) goto error;
      break;
    case NodeKind::SliceExpr:
      slice_expr(x, e->as<SliceExpr>());
      if (x.invalid()) goto error;
      break;
    case NodeKind::TypeAssertExpr:
      assert_expr(x, e->as<TypeAssertExpr>());
      if (x.invalid()) goto error;
      break;
    case NodeKind::CallExpr:
      kind = call_expr(x, e->as<CallExpr>());
      x.expr = e;
      return kind;
    case NodeKind::StarExpr: {
      Expr* inner = e->as<StarExpr>()->x;
      expr_or_type(x, inner);
      switch (x.mode) {
        case ExprMode::Invalid:
          goto error;
        case ExprMode::TypeExpr:
          x.type = alloc<Pointer>(x.type);
          break;
        default: {
          if (x.is_nil()) {
            error_at(x, "invalid operation: cannot indirect nil");
            goto error;
          }
          const Type* u = under(x.type);
          const Pointer* p = u ? u->as<Pointer>() : nullptr;
          if (p == nullptr) {
            error_at(x, "invalid operation: cannot indirect " + str(x));
            goto error;
          }
          x.mode = ExprMode::Variable;
          x.type = p->elem;
        }
      }
      break;
    }
    case NodeKind::UnaryExpr:
      unary(x, e->as<UnaryExpr>());
      if (x.invalid()) goto error;
      if (e->as<UnaryExpr>()->op == Op::Arrow) {
        x.expr = e;
        return ExprKind::Statement;
      }
      break;
    case NodeKind::BinaryExpr: {
      auto* b = e->as<BinaryExpr>();
      binary(x, e, b->x, b->y, b->op, b->op_pos);
      if (x.invalid()) goto error;
      break;
    }
    case NodeKind::KeyValueExpr:
      error_at(e, "no key:value expected");
      goto error;
    case NodeKind::ArrayType:
    case NodeKind::StructType:
    case NodeKind::FuncType:
    case NodeKind::InterfaceType:
    case NodeKind::MapType:
    case NodeKind::ChanType:
      x.mode = ExprMode::TypeExpr;
      x.type = type_expr(e);
      break;
    default:
      error_at(e, "unexpected expression");
      goto error;
  }
  x.expr = e;
  return kind;
error:
  x.mode = ExprMode::Invalid;
  x.expr = e;
  return ExprKind::Statement;  // avoid follow-up errors
}

// -------------------------------------------------------------- operators

bool Checker::op_ok(bool (*pred)(const Type*), Operand& x, Op op) {
  if (!pred(x.type)) {
    error_at(x, std::string("invalid operation: operator ") + op_string(op) + " not defined on " + str(x));
    return false;
  }
  return true;
}

void Checker::overflow(Operand& x, Pos op_pos) {
  if (!x.val) return;
  if (is_typed(x.type)) {
    if (const Basic* b = as_basic(x.type)) representable(x, b);
    return;
  }
  if (x.val->kind() == Constant::Kind::Int && !x.val->fits_signed(Constant::kMaxIntBits + 1)) {
    std::string op = op_name(x.expr);
    if (!op.empty()) op += " ";
    error(op_pos, "constant " + op + "overflow");
    x.mode = ExprMode::Invalid;
  }
}

void Checker::unary(Operand& x, UnaryExpr* e) {
  expr(x, e->x);
  if (x.invalid()) return;
  Op op = e->op;
  switch (op) {
    case Op::And: {
      Expr* inner = unparen(e->x);
      if (!inner->is<CompositeLit>() && x.mode != ExprMode::Variable) {
        error_at(x, "invalid operation: cannot take address of " + str(x));
        x.mode = ExprMode::Invalid;
        return;
      }
      x.mode = ExprMode::Value;
      x.type = alloc<Pointer>(x.type);
      return;
    }
    case Op::Arrow: {
      const Type* u = under(x.type);
      const Chan* ch = u ? u->as<Chan>() : nullptr;
      if (ch == nullptr) {
        error_at(x, "invalid operation: cannot receive from non-channel " + str(x));
        x.mode = ExprMode::Invalid;
        return;
      }
      if (ch->dir == ChanDir::Send) {
        error_at(x, "invalid operation: cannot receive from send-only channel " + str(x));
        x.mode = ExprMode::Invalid;
        return;
      }
      x.mode = ExprMode::CommaOk;
      x.type = ch->elem;
      m_has_call_or_recv = true;
      return;
    }
    default:
      break;
  }
  bool (*pred)(const Type*) = nullptr;
  switch (op) {
    case Op::Add:
    case Op::Sub: pred = all_numeric; break;
    case Op::Xor: pred = all_integer; break;
    case Op::Not: pred = all_boolean; break;
    default:
      error_at(e, std::string("unknown operator ") + op_string(op));
      x.mode = ExprMode::Invalid;
      return;
  }
  if (!op_ok(pred, x, op)) {
    x.mode = ExprMode::Invalid;
    return;
  }
  if (x.mode == ExprMode::Constant) {
    int bits = 0;
    if (is_unsigned(x.type) && is_typed(x.type)) bits = as_basic(x.type)->bits;
    x.val = Constant::unary(op, *x.val, bits);
    x.expr = e;
    overflow(x, e->pos());
    return;
  }
  x.mode = ExprMode::Value;
}

void Checker::match_types(Operand& x, Operand& y) {
  auto may_convert = [](const Operand& a, const Operand& b) {
    if (is_typed(a.type) && is_typed(b.type)) return false;
    // An untyped operand converts to its default type beside an interface.
    if (is_interface(a.type) || is_interface(b.type)) return true;
    // Numeric kinds are not compared (cf. types2 matchTypes): an untyped
    // constant beside a slice or struct fails to convert, at the constant.
    if (is_boolean(a.type) != is_boolean(b.type)) return false;
    if (is_string(a.type) != is_string(b.type)) return false;
    if (a.is_nil()) return has_nil(b.type);
    if (b.is_nil()) return has_nil(a.type);
    if (is_pointer(a.type) || is_pointer(b.type)) return false;
    return true;
  };
  if (may_convert(x, y)) {
    convert_untyped(x, y.type);
    if (x.invalid()) return;
    convert_untyped(y, x.type);
    if (y.invalid()) {
      x.mode = ExprMode::Invalid;
      return;
    }
  }
}

void Checker::binary(Operand& x, Expr* e, Expr* lhs, Expr* rhs, Op op, Pos op_pos) {
  Operand y;
  expr(x, lhs);
  expr(y, rhs);
  if (x.invalid()) return;
  if (y.invalid()) {
    x.mode = ExprMode::Invalid;
    x.expr = y.expr;
    return;
  }
  if (is_shift(op)) {
    shift(x, y, e, op);
    return;
  }
  match_types(x, y);
  if (x.invalid()) return;
  if (is_comparison(op)) {
    comparison(x, y, op, false);
    return;
  }
  if (!identical(x.type, y.type)) {
    if (is_valid(x.type) && is_valid(y.type)) {
      if (e != nullptr) {
        error_at(x, "invalid operation: " + str(e) + " (mismatched types " + str(x.type) + " and " + str(y.type) + ")");
      } else {
        error_at(x, "invalid operation: " + str(lhs) + " " + op_string(op) + "= " + str(rhs) + " (mismatched types " +
                        str(x.type) + " and " + str(y.type) + ")");
      }
    }
    x.mode = ExprMode::Invalid;
    return;
  }
  bool (*pred)(const Type*) = nullptr;
  switch (op) {
    case Op::Add: pred = all_numeric_or_string; break;
    case Op::Sub:
    case Op::Mul:
    case Op::Quo: pred = all_numeric; break;
    case Op::Rem:
    case Op::And:
    case Op::Or:
    case Op::Xor:
    case Op::AndNot: pred = all_integer; break;
    case Op::LAnd:
    case Op::LOr: pred = all_boolean; break;
    default:
      error_at(e, std::string("unknown operator ") + op_string(op));
      x.mode = ExprMode::Invalid;
      return;
  }
  if (!op_ok(pred, x, op)) {
    x.mode = ExprMode::Invalid;
    return;
  }
  if (op == Op::Quo || op == Op::Rem) {
    if ((x.mode == ExprMode::Constant || is_integer(x.type)) && y.mode == ExprMode::Constant && y.val->is_numeric() &&
        y.val->sign() == 0) {
      error_at(y, "invalid operation: division by zero");
      x.mode = ExprMode::Invalid;
      return;
    }
  }
  if (x.mode == ExprMode::Constant && y.mode == ExprMode::Constant) {
    bool integer_division = op == Op::Quo && is_integer(x.type);
    std::optional<Constant> r = Constant::binary(op, *x.val, *y.val, integer_division);
    x.expr = e;
    if (!r) {
      std::string name = op_name(e);
      error(op_pos, "constant " + (name.empty() ? std::string() : name + " ") + "overflow");
      x.mode = ExprMode::Invalid;
      return;
    }
    x.val = std::move(r);
    overflow(x, op_pos);
    return;
  }
  x.mode = ExprMode::Value;
  x.val.reset();
}

void Checker::shift(Operand& x, Operand& y, Expr* e, Op op) {
  std::optional<Constant> xval;
  if (x.mode == ExprMode::Constant && x.val->is_numeric()) xval = x.val->to_int();
  if (is_integer(x.type) || (is_untyped(x.type) && xval)) {
    // ok
  } else {
    error_at(x, "invalid operation: shifted operand " + str(x) + " must be integer");
    x.mode = ExprMode::Invalid;
    return;
  }
  std::optional<Constant> yval;
  if (y.mode == ExprMode::Constant) {
    if (y.val->is_numeric()) yval = y.val->to_int();
    if (yval && yval->sign() < 0) {
      error_at(y, "invalid operation: negative shift count " + str(y));
      x.mode = ExprMode::Invalid;
      return;
    }
    if (is_untyped(y.type)) {
      representable(y, basic_type(BasicKind::Uint));
      if (y.invalid()) {
        x.mode = ExprMode::Invalid;
        return;
      }
    }
  } else {
    if (is_integer(y.type)) {
      // ok
    } else if (is_untyped(y.type)) {
      convert_untyped(y, basic_type(BasicKind::Uint));
      if (y.invalid()) {
        x.mode = ExprMode::Invalid;
        return;
      }
    } else {
      error_at(y, "invalid operation: shift count " + str(y) + " must be integer");
      x.mode = ExprMode::Invalid;
      return;
    }
  }
  if (x.mode == ExprMode::Constant) {
    if (y.mode == ExprMode::Constant) {
      constexpr uint64_t kShiftBound = 1023 - 1 + 52;
      if (!yval || !yval->fits_unsigned(64) || yval->uint64_value() > kShiftBound) {
        error_at(y, "invalid operation: invalid shift count " + str(y));
        x.mode = ExprMode::Invalid;
        return;
      }
      if (!is_integer(x.type)) x.type = basic_type(BasicKind::UntypedInt);
      std::optional<Constant> r = Constant::shift(op, *xval, yval->uint64_value());
      x.expr = e;
      if (!r) {
        error(e->as<BinaryExpr>() ? e->as<BinaryExpr>()->op_pos : e->pos(), "constant shift overflow");
        x.mode = ExprMode::Invalid;
        return;
      }
      x.val = std::move(r);
      overflow(x, e->as<BinaryExpr>() ? e->as<BinaryExpr>()->op_pos : e->pos());
      return;
    }
    if (is_untyped(x.type)) {
      // A non-constant shift of an untyped constant: its type is what the
      // constant would get in the shift's context (decided later).
      if (auto it = m_untyped.find(x.expr); it != m_untyped.end()) it->second.is_lhs = true;
      x.mode = ExprMode::Value;
      x.val.reset();
      return;
    }
  }
  if (!is_integer(x.type)) {
    error_at(x, "invalid operation: shifted operand " + str(x) + " must be integer");
    x.mode = ExprMode::Invalid;
    return;
  }
  x.mode = ExprMode::Value;
  x.val.reset();
}

void Checker::comparison(Operand& x, Operand& y, Op op, bool switch_case) {
  if (!is_valid(x.type) || !is_valid(y.type)) {
    x.mode = ExprMode::Invalid;
    return;
  }
  if (switch_case) op = Op::Eql;
  Operand* err_op = &x;
  std::string cause;
  bool ok = assignable_to(x, y.type, nullptr) || assignable_to(y, x.type, nullptr);
  if (!ok) {
    err_op = &y;
    cause = "mismatched types " + str(x.type) + " and " + str(y.type);
    goto error;
  }
  switch (op) {
    case Op::Eql:
    case Op::Neq:
      if (x.is_nil() || y.is_nil()) {
        const Type* t = x.is_nil() ? y.type : x.type;
        if (!has_nil(t)) {
          err_op = &y;
          goto error;
        }
      } else if (!comparable(x.type)) {
        err_op = &x;
        cause = incomparable_cause(x.type, m_pkg);
        goto error;
      } else if (!comparable(y.type)) {
        err_op = &y;
        cause = incomparable_cause(y.type, m_pkg);
        goto error;
      }
      break;
    default:
      if (!is_ordered(x.type)) {
        err_op = &x;
        goto error;
      }
      if (!is_ordered(y.type)) {
        err_op = &y;
        goto error;
      }
      break;
  }
  if (x.mode == ExprMode::Constant && y.mode == ExprMode::Constant) {
    x.val = Constant::make_bool(Constant::compare(op, *x.val, *y.val));
  } else {
    x.mode = ExprMode::Value;
    x.val.reset();
    if (x.expr) update_expr_type(x.expr, default_type(x.type), true);
    if (y.expr) update_expr_type(y.expr, default_type(y.type), true);
  }
  x.type = basic_type(BasicKind::UntypedBool);
  return;
error:
  if (cause.empty()) cause = std::string("operator ") + op_string(op) + " not defined on " + kind_string(err_op->type, m_pkg);
  if (switch_case) {
    error_at(x, "invalid case " + str(x.expr) + " in switch on " + str(y.expr) + " (" + cause + ")");
  } else {
    error_at(*err_op, std::string("invalid operation: ") + str(x.expr) + " " + op_string(op) + " " + str(y.expr) + " (" +
                          cause + ")");
  }
  x.mode = ExprMode::Invalid;
}

}  // namespace gol::lang
