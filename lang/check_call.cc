// check_call.cc — calls, conversions and builtins (cf. types2 call.go,
// conversions.go, builtins.go).
//
// A call expression f(args) is one of three things, decided by what f is:
// a type (a conversion T(x)), a builtin (len, append, ... each with its own
// typing rule), or a function value (an ordinary call, variadic or not).
// The kind is left on CallExpr::call_kind for the compiler.
//
// Arguments are checked against the parameters with assignment rules; a
// single multi-valued call may supply all arguments (f(g())). Count errors
// print Go's summary "have (number, string)\n\twant (int)".
#include "lang/check_impl.h"

namespace gol::lang {

namespace {

const Type* byte_type() { return universe()->lookup("byte")->type; }

bool is_bytes_or_runes(const Type* t) {
  const Type* u = under(t);
  const Slice* s = u ? u->as<Slice>() : nullptr;
  if (s == nullptr) return false;
  const Basic* b = as_basic(s->elem);
  return b != nullptr && (b->basic == BasicKind::Uint8 || b->basic == BasicKind::Int32);
}

struct BuiltinInfo {
  int nargs;
  bool variadic;
  ExprKind kind;
};

BuiltinInfo builtin_info(BuiltinId id) {
  switch (id) {
    case BuiltinId::Append: return {1, true, ExprKind::Expression};
    case BuiltinId::Cap: return {1, false, ExprKind::Expression};
    case BuiltinId::Clear: return {1, false, ExprKind::Statement};
    case BuiltinId::Close: return {1, false, ExprKind::Statement};
    case BuiltinId::Complex: return {2, false, ExprKind::Expression};
    case BuiltinId::Copy: return {2, false, ExprKind::Statement};
    case BuiltinId::Delete: return {2, false, ExprKind::Statement};
    case BuiltinId::Imag: return {1, false, ExprKind::Expression};
    case BuiltinId::Len: return {1, false, ExprKind::Expression};
    case BuiltinId::Make: return {1, true, ExprKind::Expression};
    case BuiltinId::Max: return {1, true, ExprKind::Expression};
    case BuiltinId::Min: return {1, true, ExprKind::Expression};
    case BuiltinId::New: return {1, false, ExprKind::Expression};
    case BuiltinId::Panic: return {1, false, ExprKind::Statement};
    case BuiltinId::Print: return {0, true, ExprKind::Statement};
    case BuiltinId::Println: return {0, true, ExprKind::Statement};
    case BuiltinId::Real: return {1, false, ExprKind::Expression};
    case BuiltinId::Recover: return {0, false, ExprKind::Statement};
  }
  return {0, false, ExprKind::Expression};
}

}  // namespace

// Go's summary of argument or result types: untyped numbers are "number".
std::string types_summary(const Checker& c, const std::vector<const Type*>& list, bool variadic, bool has_dots) {
  std::string out = "(";
  for (size_t i = 0; i < list.size(); i++) {
    if (i > 0) out += ", ";
    const Type* t = list[i];
    std::string s;
    if (!is_valid(t)) {
      s = "unknown type";
    } else if (is_untyped(t)) {
      if (is_numeric(t)) {
        s = "number";
      } else {
        s = t->as<Basic>()->name;
        if (s.rfind("untyped ", 0) == 0) s = s.substr(8);
      }
    } else {
      s = c.str(t);
    }
    if (variadic && i + 1 == list.size()) {
      const Slice* sl = t ? t->as<Slice>() : nullptr;
      s = "..." + (sl ? c.str(sl->elem) : s);
    }
    if (has_dots && i + 1 == list.size()) s += "...";
    out += s;
  }
  return out + ")";
}

void Checker::eval_args(std::vector<Operand>& args, const std::vector<Expr*>& exprs) {
  args.clear();
  if (exprs.size() == 1) {
    Operand x;
    raw_expr(x, exprs[0], nullptr, false);
    exclude(x, (1u << static_cast<uint32_t>(ExprMode::NoValue)) | (1u << static_cast<uint32_t>(ExprMode::Builtin)) |
                   (1u << static_cast<uint32_t>(ExprMode::TypeExpr)));
    if (!x.invalid() && x.type != nullptr && x.type->is<Tuple>()) {
      for (const Var* v : x.type->as<Tuple>()->vars) {
        Operand o;
        o.mode = ExprMode::Value;
        o.expr = exprs[0];
        o.type = v->type;
        args.push_back(std::move(o));
      }
      return;
    }
    args.push_back(std::move(x));
    return;
  }
  for (Expr* e : exprs) {
    Operand x;
    expr(x, e);
    args.push_back(std::move(x));
  }
}

void Checker::arguments(CallExpr* call, const Signature* sig, std::vector<Operand>& args, const std::string& fname) {
  for (const Operand& a : args) {
    if (a.invalid()) return;
  }
  size_t nargs = args.size();
  size_t npars = sig->params->size();
  bool ddd = call->has_ellipsis();
  std::vector<const Type*> params;
  for (const Var* v : sig->params->vars) params.push_back(v->type);
  if (sig->variadic) {
    if (ddd) {
      if (call->args.size() == 1 && nargs > 1) {
        error_at(call, "cannot use ... with " + std::to_string(nargs) + "-valued " + str(call->args[0]));
        return;
      }
    } else if (nargs + 1 >= npars) {
      const Type* last = params.back();
      params.pop_back();
      const Slice* s = last->as<Slice>();
      while (params.size() < nargs) params.push_back(s ? s->elem : invalid_type());
      npars = nargs;
    } else {
      npars--;
    }
  } else if (ddd) {
    error_at(call, "cannot use ... in call to non-variadic " + str(call->fun));
    return;
  }
  if (nargs != npars) {
    Pos at = call->pos();
    std::string qualifier = "not enough";
    if (nargs > npars) {
      at = args[npars].expr->pos();
      qualifier = "too many";
    } else if (nargs > 0) {
      at = args[nargs - 1].expr->pos();
    }
    std::vector<const Type*> have;
    for (const Operand& a : args) have.push_back(a.type);
    std::vector<const Type*> want;
    for (const Var* v : sig->params->vars) want.push_back(v->type);
    error(at, qualifier + " arguments in call to " + fname + "\n\thave " + types_summary(*this, have, false, ddd) +
                  "\n\twant " + types_summary(*this, want, sig->variadic, false));
    return;
  }
  std::string context = "argument to " + fname;
  for (size_t i = 0; i < args.size(); i++) assignment(args[i], params[i], context);
}

ExprKind Checker::call_expr(Operand& x, CallExpr* call) {
  expr_or_type(x, call->fun);
  switch (x.mode) {
    case ExprMode::Invalid: {
      for (Expr* a : call->args) {
        Operand dummy;
        raw_expr(dummy, a, nullptr, false);
      }
      x.expr = call;
      return ExprKind::Statement;
    }
    case ExprMode::TypeExpr: {
      call->call_kind = CallExpr::Kind::Conversion;
      const Type* t = x.type;
      x.mode = ExprMode::Invalid;
      if (call->args.empty()) {
        error_at(call, "missing argument in conversion to " + str(t));
      } else if (call->args.size() == 1) {
        expr(x, call->args[0]);
        const Interface* ti = under(t) ? under(t)->as<Interface>() : nullptr;
        if (!x.invalid() && ti != nullptr && !ti->is_method_set()) {
          // Go leaves the operand as it was (follow-on errors included).
          error_at(call, "cannot use interface " + str(t) +
                             " in conversion (contains specific type constraints or is comparable)");
        } else if (!x.invalid()) {
          if (call->has_ellipsis()) {
            error_at(call->args[0], "invalid use of ... in conversion to " + str(t));
            x.mode = ExprMode::Invalid;
          } else {
            conversion(x, t);
          }
        }
      } else {
        for (Expr* a : call->args) {
          Operand dummy;
          expr(dummy, a);
        }
        error_at(call->args.back(), "too many arguments in conversion to " + str(t));
      }
      x.expr = call;
      return ExprKind::Conversion;
    }
    case ExprMode::Builtin: {
      BuiltinId id = x.builtin;
      call->call_kind = CallExpr::Kind::Builtin;
      call->builtin = static_cast<uint8_t>(id);
      if (!builtin_call(x, call, id)) x.mode = ExprMode::Invalid;
      x.expr = call;
      if (x.mode != ExprMode::Invalid && x.mode != ExprMode::Constant) m_has_call_or_recv = true;
      return builtin_info(id).kind;
    }
    default:
      break;
  }
  call->call_kind = CallExpr::Kind::Call;
  const Type* u = under(x.type);
  const Signature* sig = u ? u->as<Signature>() : nullptr;
  if (sig == nullptr) {
    // Go leaves the arguments unchecked (cf. types2 callExpr): a variable
    // used only there stays unused.
    error_at(x, "invalid operation: cannot call non-function " + str(x));
    x.mode = ExprMode::Invalid;
    x.expr = call;
    return ExprKind::Statement;
  }
  std::vector<Operand> args;
  eval_args(args, call->args);
  arguments(call, sig, args, str(call->fun));
  switch (sig->results->size()) {
    case 0:
      x.mode = ExprMode::NoValue;
      x.type = nullptr;
      break;
    case 1:
      x.mode = ExprMode::Value;
      x.type = sig->results->at(0);
      break;
    default:
      x.mode = ExprMode::Value;
      x.type = sig->results;
      break;
  }
  x.val.reset();
  x.expr = call;
  m_has_call_or_recv = true;
  return ExprKind::Statement;
}

// ------------------------------------------------------------ conversions

bool Checker::convertible_to(const Operand& x, const Type* t, std::string* cause) {
  if (assignable_to(x, t, cause)) return true;
  const Type* v = x.type;
  const Type* vu = under(v);
  const Type* tu = under(t);
  // Struct tags do not matter for conversions (cf. types2 convertibleTo).
  if (identical_ignore_tags(vu, tu)) return true;
  if (const Pointer* vp = v->as<Pointer>()) {
    if (const Pointer* tp = t->as<Pointer>()) {
      if (identical_ignore_tags(under(vp->elem), under(tp->elem))) return true;
    }
  }
  if ((is_integer(vu) || is_float(vu)) && (is_integer(tu) || is_float(tu))) return true;
  if ((is_integer(vu) || is_bytes_or_runes(vu)) && is_string(tu)) return true;
  if (is_string(vu) && is_bytes_or_runes(tu)) return true;
  if (const Slice* s = vu ? vu->as<Slice>() : nullptr) {
    if (const Array* a = tu ? tu->as<Array>() : nullptr) {
      if (identical(s->elem, a->elem)) return true;
    }
    if (const Pointer* p = tu ? tu->as<Pointer>() : nullptr) {
      const Array* a = under(p->elem) ? under(p->elem)->as<Array>() : nullptr;
      if (a != nullptr && identical(s->elem, a->elem)) return true;
    }
  }
  return false;
}

void Checker::conversion(Operand& x, const Type* t) {
  bool const_arg = x.mode == ExprMode::Constant;
  bool ok = false;
  std::string cause;
  if (const_arg && is_const_type(t)) {
    const Basic* b = as_basic(t);
    std::optional<Constant> v;
    if (b != nullptr && representation(x, b, &v) == ConvCode::Ok) {
      x.val = std::move(v);
      ok = true;
    } else if (b != nullptr && is_integer(x.type) && is_string(b)) {
      // string(65): the rune's UTF-8 encoding (U+FFFD when out of range).
      uint32_t r = 0xFFFD;
      if (auto i = x.val->to_int(); i && i->fits_unsigned(64) && i->uint64_value() <= 0x10FFFF &&
                                    !(i->uint64_value() >= 0xD800 && i->uint64_value() <= 0xDFFF)) {
        r = static_cast<uint32_t>(i->uint64_value());
      }
      std::string s;
      if (r < 0x80) {
        s += static_cast<char>(r);
      } else if (r < 0x800) {
        s += static_cast<char>(0xC0 | (r >> 6));
        s += static_cast<char>(0x80 | (r & 0x3F));
      } else if (r < 0x10000) {
        s += static_cast<char>(0xE0 | (r >> 12));
        s += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (r & 0x3F));
      } else {
        s += static_cast<char>(0xF0 | (r >> 18));
        s += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (r & 0x3F));
      }
      x.val = Constant::make_string(s);
      ok = true;
    }
    if (!ok && is_integer(x.type) && is_integer(t)) {
      error_at(x, "constant " + x.val->to_string() + " overflows " + str(t));
      x.mode = ExprMode::Invalid;
      return;
    }
  } else if (convertible_to(x, t, &cause)) {
    ok = true;
    x.mode = ExprMode::Value;
    x.val.reset();
  }
  if (!ok) {
    if (!cause.empty()) {
      error_at(x, "cannot convert " + str(x) + " to type " + str(t) + ": " + cause);
    } else {
      error_at(x, "cannot convert " + str(x) + " to type " + str(t));
    }
    x.mode = ExprMode::Invalid;
    return;
  }
  if (is_untyped(x.type)) {
    const Type* final = t;
    const Basic* nb = x.type->as<Basic>();
    if (nb->basic == BasicKind::UntypedNil) {
      final = x.type;
    } else if (is_interface(t) || (const_arg && !is_const_type(t))) {
      final = default_type(x.type);
    } else if (x.mode == ExprMode::Constant && is_integer(x.type) && is_string(t)) {
      final = x.type;
    }
    if (x.expr) update_expr_type(x.expr, final, true);
  }
  x.type = t;
}

// --------------------------------------------------------------- builtins

bool Checker::builtin_call(Operand& x, CallExpr* call, BuiltinId id) {
  const auto& arg_list = call->args;
  BuiltinInfo info = builtin_info(id);
  const char* name = builtin_name(id);
  if (call->has_ellipsis() && id != BuiltinId::Append) {
    // types2 reports this at the call, not at the dots.
    error_at(call, std::string("invalid operation: invalid use of ... with built-in ") + name);
    for (Expr* a : arg_list) {
      Operand d;
      raw_expr(d, a, nullptr, false);
    }
    return false;
  }
  if (id == BuiltinId::Complex || id == BuiltinId::Real || id == BuiltinId::Imag) {
    error_at(call, "complex numbers are not supported");
    for (Expr* a : arg_list) {
      Operand d;
      raw_expr(d, a, nullptr, false);
    }
    return false;
  }
  bool saved_call_or_recv = m_has_call_or_recv;
  if (id == BuiltinId::Len || id == BuiltinId::Cap) m_has_call_or_recv = false;
  std::vector<Operand> args;
  size_t nargs = 0;
  if (id == BuiltinId::Make || id == BuiltinId::New) {
    nargs = arg_list.size();
  } else {
    eval_args(args, arg_list);
    nargs = args.size();
    for (const Operand& a : args) {
      if (a.invalid()) {
        m_has_call_or_recv = m_has_call_or_recv || saved_call_or_recv;
        return false;
      }
    }
    if (nargs > 0) x = args[0];
  }
  bool inner_call_or_recv = m_has_call_or_recv;
  if (id == BuiltinId::Len || id == BuiltinId::Cap) m_has_call_or_recv = saved_call_or_recv;
  {
    std::string msg;
    if (static_cast<int>(nargs) < info.nargs) msg = "not enough";
    else if (!info.variadic && static_cast<int>(nargs) > info.nargs) msg = "too many";
    if (!msg.empty()) {
      error_at(call, "invalid operation: " + msg + " arguments for " + str(call) + " (expected " +
                         std::to_string(info.nargs) + ", found " + std::to_string(nargs) + ")");
      return false;
    }
  }
  switch (id) {
    case BuiltinId::Append: {
      const Type* s_type = x.type;
      const Type* u = under(s_type);
      const Slice* s = u ? u->as<Slice>() : nullptr;
      if (s == nullptr) {
        std::string cause = x.is_nil() ? "have untyped nil" : "have " + str(x);
        error_at(x, "first argument to append must be a slice; " + cause);
        return false;
      }
      if (nargs == 2 && call->has_ellipsis()) {
        Operand tmp = x;
        if (assignable_to(tmp, alloc<Slice>(byte_type()), nullptr) && is_string(args[1].type)) {
          if (is_untyped(args[1].type)) convert_untyped(args[1], basic_type(BasicKind::String));
          x.mode = ExprMode::Value;
          x.type = s_type;
          x.val.reset();
          return true;
        }
      }
      auto* sig = alloc<Signature>();
      auto* p0 = alloc<Var>(Pos{}, nullptr, "", s_type);
      auto* p1 = alloc<Var>(Pos{}, nullptr, "", alloc<Slice>(s->elem));
      sig->params = alloc<Tuple>(std::vector<Var*>{p0, p1});
      sig->results = alloc<Tuple>(std::vector<Var*>{alloc<Var>(Pos{}, nullptr, "", s_type)});
      sig->variadic = true;
      arguments(call, sig, args, "append");
      x.mode = ExprMode::Value;
      x.type = s_type;
      x.val.reset();
      return true;
    }
    case BuiltinId::Cap:
    case BuiltinId::Len: {
      ExprMode mode = ExprMode::Invalid;
      std::optional<Constant> val;
      const Type* u = under(x.type);
      if (u && u->is<Pointer>()) {
        const Type* pu = under(u->as<Pointer>()->elem);
        if (pu && pu->is<Array>()) u = pu;
      }
      switch (u ? u->kind : TypeKind::Tuple) {
        case TypeKind::Basic:
          if (is_string(u) && id == BuiltinId::Len) {
            if (x.mode == ExprMode::Constant) {
              mode = ExprMode::Constant;
              val = Constant::make_int(static_cast<int64_t>(x.val->string_value().size()));
            } else {
              mode = ExprMode::Value;
            }
          }
          break;
        case TypeKind::Array:
          mode = ExprMode::Value;
          if (!inner_call_or_recv) {
            mode = ExprMode::Constant;
            val = Constant::make_int(u->as<Array>()->len);
          }
          break;
        case TypeKind::Slice:
        case TypeKind::Chan:
          mode = ExprMode::Value;
          break;
        case TypeKind::Map:
          if (id == BuiltinId::Len) mode = ExprMode::Value;
          break;
        default:
          break;
      }
      if (mode == ExprMode::Invalid) {
        if (is_valid(under(x.type))) error_at(x, "invalid argument: " + str(x) + " for built-in " + name);
        return false;
      }
      // The argument's type is final (an untyped string constant stays a string).
      if (is_untyped(x.type) && x.expr) update_expr_type(x.expr, default_type(x.type), true);
      x.mode = mode;
      x.type = basic_type(BasicKind::Int);
      x.val = val;
      return true;
    }
    case BuiltinId::Clear: {
      const Type* u = under(x.type);
      if (!(u && (u->is<Map>() || u->is<Slice>()))) {
        error_at(x, "invalid argument: cannot clear " + str(x) + ": argument must be (or constrained by) map or slice");
        return false;
      }
      x.mode = ExprMode::NoValue;
      return true;
    }
    case BuiltinId::Close: {
      const Type* u = under(x.type);
      const Chan* ch = u ? u->as<Chan>() : nullptr;
      if (ch == nullptr) {
        error_at(x, "invalid operation: cannot close non-channel " + str(x));
        return false;
      }
      if (ch->dir == ChanDir::Recv) {
        error_at(x, "invalid operation: cannot close receive-only channel " + str(x));
        return false;
      }
      x.mode = ExprMode::NoValue;
      return true;
    }
    case BuiltinId::Copy: {
      const Type* du = under(x.type);
      const Slice* dst = du ? du->as<Slice>() : nullptr;
      Operand& y = args[1];
      const Type* su = under(y.type);
      const Slice* src = su ? su->as<Slice>() : nullptr;
      if (su && is_string(su)) src = alloc<Slice>(byte_type());
      if (dst == nullptr || src == nullptr) {
        error_at(x, "invalid argument: copy expects slice arguments; found " + str(x) + " and " + str(y));
        return false;
      }
      if (!identical(dst->elem, src->elem)) {
        error_at(x, "invalid argument: arguments to copy " + str(x) + " and " + str(y) +
                        " have different element types " + str(dst->elem) + " and " + str(src->elem));
        return false;
      }
      if (is_untyped(y.type) && y.expr) update_expr_type(y.expr, basic_type(BasicKind::String), true);
      x.mode = ExprMode::Value;
      x.type = basic_type(BasicKind::Int);
      x.val.reset();
      return true;
    }
    case BuiltinId::Delete: {
      const Type* u = under(x.type);
      const Map* m = u ? u->as<Map>() : nullptr;
      if (m == nullptr) {
        error_at(x, "invalid argument: " + str(x) + " is not a map");
        return false;
      }
      x = args[1];
      assignment(x, m->key, "argument to delete");
      if (x.invalid()) return false;
      x.mode = ExprMode::NoValue;
      return true;
    }
    case BuiltinId::Make: {
      Expr* arg0 = arg_list[0];
      const Type* t = var_type(arg0);
      if (!is_valid(t)) return false;
      int min = 0;
      const Type* u = under(t);
      switch (u ? u->kind : TypeKind::Tuple) {
        case TypeKind::Slice: min = 2; break;
        case TypeKind::Map:
        case TypeKind::Chan: min = 1; break;
        default:
          error_at(arg0, "invalid argument: cannot make " + str(arg0) + "; type must be slice, map, or channel");
          return false;
      }
      if (static_cast<int>(nargs) < min || min + 1 < static_cast<int>(nargs)) {
        error_at(call, "invalid operation: " + str(call) + " expects " + std::to_string(min) + " or " +
                           std::to_string(min + 1) + " arguments; found " + std::to_string(nargs));
        return false;
      }
      std::vector<int64_t> sizes;
      for (size_t i = 1; i < arg_list.size(); i++) {
        int64_t v = index(arg_list[i], -1);
        if (v >= 0) sizes.push_back(v);
      }
      if (sizes.size() == 2 && sizes[0] > sizes[1]) error_at(arg_list[1], "invalid argument: length and capacity swapped");
      x.mode = ExprMode::Value;
      x.type = t;
      x.val.reset();
      return true;
    }
    case BuiltinId::Max:
    case BuiltinId::Min: {
      Op op = id == BuiltinId::Max ? Op::Gtr : Op::Lss;
      for (size_t i = 0; i < args.size(); i++) {
        Operand& a = args[i];
        if (!is_ordered(a.type)) {
          error_at(a, "invalid argument: " + str(a) + " cannot be ordered");
          return false;
        }
        if (i > 0) {
          match_types(x, a);
          if (x.invalid()) return false;
          if (!identical(x.type, a.type)) {
            error_at(a, "invalid argument: mismatched types " + str(x.type) + " (previous argument) and " + str(a.type) +
                            " (type of " + str(a.expr) + ")");
            return false;
          }
          if (x.mode == ExprMode::Constant && a.mode == ExprMode::Constant) {
            if (Constant::compare(op, *a.val, *x.val)) {
              x.val = a.val;
            }
          } else {
            x.mode = ExprMode::Value;
            x.val.reset();
          }
        }
      }
      if (x.mode != ExprMode::Constant) {
        x.mode = ExprMode::Value;
        x.val.reset();
        assignment(x, universe_any(), std::string("argument to built-in ") + name);
        if (x.invalid()) return false;
      }
      for (Operand& a : args) {
        if (a.expr) update_expr_type(a.expr, x.type, true);
      }
      return true;
    }
    case BuiltinId::New: {
      const Type* t = var_type(arg_list[0]);
      if (!is_valid(t)) return false;
      x.mode = ExprMode::Value;
      x.type = alloc<Pointer>(t);
      x.val.reset();
      return true;
    }
    case BuiltinId::Panic:
      assignment(x, universe_any(), "argument to panic");
      if (x.invalid()) return false;
      x.mode = ExprMode::NoValue;
      return true;
    case BuiltinId::Print:
    case BuiltinId::Println:
      for (Operand& a : args) {
        assignment(a, nullptr, std::string("argument to built-in ") + name);
        if (a.invalid()) return false;
      }
      x.mode = ExprMode::NoValue;
      return true;
    case BuiltinId::Recover:
      x.mode = ExprMode::Value;
      x.type = universe_any();
      x.val.reset();
      return true;
    default:
      return false;
  }
}

}  // namespace gol::lang
