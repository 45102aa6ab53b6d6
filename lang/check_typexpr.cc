// check_typexpr.cc — type expressions (cf. types2 typexpr.go, struct.go,
// signature.go, interface.go).
//
// A type declaration `type T <rhs>` creates the Named type first and hands
// it to defined_type as `def`: a composite type literal on the right becomes
// T's underlying type as soon as it is allocated, before its parts are
// checked, so that T can refer to itself through a pointer, slice, map, func
// or interface (type List struct{ next *List }).
#include "lang/check_impl.h"

namespace gol::lang {

namespace {

void set_def(Named* def, const Type* t) {
  if (def != nullptr && def->underlying == nullptr && !t->is<Named>()) def->underlying = t;
}

}  // namespace

const Type* Checker::type_expr(Expr* e) { return defined_type(e, nullptr); }

// A variable's type may not be a constraint interface (cf. types2
// validVarType). Checked later: the interface may still be incomplete.
const Type* Checker::var_type(Expr* e) {
  const Type* t = defined_type(e, nullptr);
  m_later.push_back([this, e, t] {
    const Interface* iface = under(t) ? under(t)->as<Interface>() : nullptr;
    if (iface != nullptr && !iface->is_method_set()) {
      error_at(e, "cannot use type " + str(t) + " outside a type constraint: interface contains type constraints");
    }
  });
  return t;
}

const Type* Checker::defined_type(Expr* e, Named* def) {
  const Type* t = type_internal(e, def);
  if (t == nullptr) t = invalid_type();
  record_expr(e, ExprMode::TypeExpr, t, std::nullopt);
  return t;
}

const Type* Checker::type_internal(Expr* e, Named* def) {
  switch (e->kind) {
    case NodeKind::Ident:
    case NodeKind::SelectorExpr: {
      Operand x;
      if (e->is<Ident>()) ident(x, e->as<Ident>(), true);
      else selector(x, e->as<SelectorExpr>(), true);
      switch (x.mode) {
        case ExprMode::TypeExpr:
          return x.type;
        case ExprMode::Invalid:
          break;
        case ExprMode::NoValue:
          error_at(x, str(x) + " used as type");
          break;
        default:
          error_at(x, str(x) + " is not a type");
          break;
      }
      return invalid_type();
    }
    case NodeKind::ParenExpr:
      return defined_type(e->as<ParenExpr>()->x, def);
    case NodeKind::ArrayType: {
      auto* at = e->as<ArrayType>();
      if (at->len == nullptr) {
        auto* s = alloc<Slice>(invalid_type());
        set_def(def, s);
        s->elem = var_type(at->elem);
        return s;
      }
      auto* a = alloc<Array>(-1, invalid_type());
      set_def(def, a);
      if (at->len->is<Ellipsis>()) {
        error_at(at->len, "invalid use of [...] array (outside a composite literal)");
        a->elem = var_type(at->elem);
        return invalid_type();
      }
      a->len = array_length(at->len);
      a->elem = var_type(at->elem);
      if (a->len >= 0) return a;
      return invalid_type();
    }
    case NodeKind::Ellipsis: {
      error_at(e, "invalid use of '...'");
      if (auto* el = e->as<Ellipsis>()->elt) type_expr(el);
      return invalid_type();
    }
    case NodeKind::StructType: {
      auto* s = alloc<Struct>();
      set_def(def, s);
      const Struct* done = struct_type(e->as<StructType>());
      s->fields = done->fields;
      s->tags = done->tags;
      return s;
    }
    case NodeKind::StarExpr: {
      auto* p = alloc<Pointer>(invalid_type());
      set_def(def, p);
      p->elem = var_type(e->as<StarExpr>()->x);
      if (!is_valid(p->elem)) return invalid_type();
      return p;
    }
    case NodeKind::FuncType: {
      auto* scope = alloc<Scope>(m_scope, "function", true);
      return func_type(e->as<FuncType>(), nullptr, scope);
    }
    case NodeKind::InterfaceType:
      return interface_type(e->as<InterfaceType>(), def);
    case NodeKind::MapType: {
      auto* mt = e->as<MapType>();
      auto* m = alloc<Map>(invalid_type(), invalid_type());
      set_def(def, m);
      m->key = var_type(mt->key);
      m->elem = var_type(mt->value);
      Expr* key_expr = mt->key;
      m_later.push_back([this, m, key_expr] {
        if (is_valid(m->key) && !comparable(m->key)) error_at(key_expr, "invalid map key type " + str(m->key));
      });
      return m;
    }
    case NodeKind::ChanType: {
      auto* ct = e->as<ChanType>();
      auto* c = alloc<Chan>(ct->dir, invalid_type());
      set_def(def, c);
      c->elem = var_type(ct->value);
      return c;
    }
    default:
      error_at(e, str(e) + " is not a type");
      // Evaluate it anyway so names in it count as used.
      if (!e->is<BadExpr>()) {
        Operand x;
        raw_expr(x, e, nullptr, false);
      }
      return invalid_type();
  }
}

int64_t Checker::array_length(Expr* e) {
  if (auto* name = e->as<Ident>()) {
    Object* obj = m_scope->lookup_parent(name->name);
    if (obj == nullptr) {
      error_at(name, "undefined array length " + name->name + " or missing type constraint");
      return -1;
    }
    if (!obj->is<Const>()) {
      error_at(name, "invalid array length " + name->name);
      return -1;
    }
  }
  Operand x;
  expr(x, e);
  if (x.mode != ExprMode::Constant) {
    if (x.mode != ExprMode::Invalid) error_at(x, "array length " + str(x) + " must be constant");
    return -1;
  }
  if (is_untyped(x.type) || is_integer(x.type)) {
    if (auto v = x.val->to_int()) {
      if (v->fits_signed(64) && v->int64_value() >= 0) {
        // Record the length's type as int when untyped.
        if (is_untyped(x.type)) convert_untyped(x, basic_type(BasicKind::Int));
        return v->int64_value();
      }
    }
  }
  if (is_integer(x.type)) {
    error_at(x, "invalid array length " + str(x));
  } else {
    error_at(x, "array length " + str(x) + " must be integer");
  }
  return -1;
}

const Struct* Checker::struct_type(StructType* st) {
  auto* s = alloc<Struct>();
  if (st->fields == nullptr) return s;
  std::unordered_map<std::string, Var*> seen;
  for (Field* f : st->fields->list) {
    const Type* t = var_type(f->type_expr);
    std::string tag;
    if (f->tag != nullptr) {
      std::string err;
      if (auto c = Constant::from_literal(LitKind::String, f->tag->raw, &err); c && c->kind() == Constant::Kind::String) {
        tag = c->string_value();
      }
    }
    auto add = [&](Ident* ident, Pos pos, const std::string& name, bool embedded) {
      auto* field = alloc<Var>(pos, m_pkg, name, t);
      field->is_field = true;
      field->embedded = embedded;
      if (ident != nullptr) ident->object = field;
      if (name != "_") {
        auto [it, inserted] = seen.emplace(name, field);
        if (!inserted) {
          error(pos, name + " redeclared\n\t" + pos_str(it->second->pos) + ": other declaration of " + name);
          return;
        }
      }
      s->fields.push_back(field);
      s->tags.push_back(tag);
    };
    if (!f->names.empty()) {
      for (Ident* name : f->names) add(name, name->pos(), name->name, false);
      continue;
    }
    // An embedded field: T, *T, pkg.T or *pkg.T; its name is T's.
    Expr* te = unparen(f->type_expr);
    bool ptr = false;
    if (auto* star = te->as<StarExpr>()) {
      te = unparen(star->x);
      ptr = true;
    }
    Ident* name = nullptr;
    if (auto* id = te->as<Ident>()) name = id;
    else if (auto* sel = te->as<SelectorExpr>()) name = sel->sel;
    if (name == nullptr) {
      error_at(f->type_expr, "invalid embedded field type " + str(f->type_expr));
      continue;
    }
    add(nullptr, name->pos(), name->name, true);
    Pos pos = f->type_expr->pos();
    m_later.push_back([this, t, ptr, pos] {
      const Type* base = t;
      if (ptr) {
        if (const Pointer* p = base->as<Pointer>()) base = p->elem;
      }
      const Type* u = under(base);
      if (!is_valid(u)) return;
      if (u->is<Pointer>()) {
        error(pos, "embedded field type cannot be a pointer");
      } else if (u->is<Interface>() && ptr) {
        error(pos, "embedded field type cannot be a pointer to an interface");
      }
    });
  }
  return s;
}

const Tuple* Checker::collect_params(FieldList* list, Scope* scope, bool variadic_ok, bool* variadic) {
  auto* tuple = alloc<Tuple>();
  if (list == nullptr) return tuple;
  for (size_t i = 0; i < list->list.size(); i++) {
    Field* f = list->list[i];
    Expr* te = f->type_expr;
    bool dots = false;
    if (auto* el = te ? te->as<Ellipsis>() : nullptr) {
      te = el->elt;
      if (variadic_ok && i + 1 == list->list.size() && f->names.size() <= 1) {
        dots = true;
      } else {
        error_at(f->type_expr, "can only use ... with final parameter in list");
      }
    }
    const Type* t = te ? var_type(te) : invalid_type();
    if (dots) {
      t = alloc<Slice>(t);
      *variadic = true;
      record_expr(f->type_expr, ExprMode::TypeExpr, t, std::nullopt);
    }
    if (f->names.empty()) {
      auto* v = alloc<Var>(f->type_expr->pos(), m_pkg, "", t);
      v->is_param = true;
      v->used = true;
      tuple->vars.push_back(v);
      continue;
    }
    for (Ident* name : f->names) {
      auto* v = alloc<Var>(name->pos(), m_pkg, name->name, t);
      v->is_param = true;
      v->used = true;
      declare(scope, name, v);
      tuple->vars.push_back(v);
    }
  }
  return tuple;
}

const Signature* Checker::func_type(FuncType* ft, FieldList* recv, Scope* scope) {
  auto* sig = alloc<Signature>();
  Scope* saved = m_scope;
  // Parameter types are resolved in the enclosing scope; names go in `scope`.
  if (recv != nullptr) {
    bool dummy = false;
    const Tuple* rl = collect_params(recv, scope, false, &dummy);
    if (rl->size() == 0) {
      error_at(recv, "method has no receiver");
      sig->recv = alloc<Var>(Pos{}, m_pkg, "", invalid_type());
    } else {
      if (rl->size() > 1) error(rl->vars.back()->pos, "method has multiple receivers");
      sig->recv = rl->vars[0];
    }
    Var* rv = sig->recv;
    Pos at = !recv->list.empty() && recv->list[0]->type_expr ? recv->list[0]->type_expr->pos() : rv->pos;
    if (Expr* te = !recv->list.empty() ? unparen(recv->list[0]->type_expr) : nullptr) {
      // Go reports at the base type name: `*T` at T.
      while (te->is<StarExpr>()) te = unparen(te->as<StarExpr>()->x);
      at = te->pos();
    }
    m_later.push_back([this, rv, at] {
      const Type* rt = rv->type;
      if (const Pointer* p = rt ? rt->as<Pointer>() : nullptr) rt = p->elem;
      if (!is_valid(rt)) return;
      if (const Named* n = rt->as<Named>()) {
        if (n->obj->pkg != m_pkg) {
          error(at, "cannot define new methods on non-local type " + str(rt));
          return;
        }
        const Type* u = under(n);
        if (u && (u->is<Pointer>() || u->is<Interface>())) {
          error(at, "invalid receiver type " + str(rt) + " (pointer or interface type)");
        }
      } else if (rt->is<Basic>()) {
        error(at, "cannot define new methods on non-local type " + str(rt));
      } else {
        error(at, "invalid receiver type " + str(rv->type));
      }
    });
  }
  bool variadic = false;
  sig->params = collect_params(ft->params, scope, true, &variadic);
  bool unused = false;
  sig->results = collect_params(ft->results, scope, false, &unused);
  sig->variadic = variadic;
  m_scope = saved;
  record_expr(ft, ExprMode::TypeExpr, sig, std::nullopt);
  return sig;
}

const Interface* Checker::interface_type(InterfaceType* it, Named* def) {
  auto* iface = alloc<Interface>();
  set_def(def, iface);
  if (it->methods == nullptr) return iface;
  std::unordered_map<std::string, Func*> seen;
  for (Field* f : it->methods->list) {
    if (f->names.empty()) {
      const Type* t = type_expr(f->type_expr);
      if (!is_valid(t)) continue;
      // A non-interface type here is a type term: it makes this a
      // constraint interface, an error only where that is used as a type.
      iface->embeddeds.push_back(t);
      continue;
    }
    Ident* name = f->names[0];
    if (name->name == "_") {
      error_at(name, "methods must have a unique non-blank name");
      continue;
    }
    auto* ft = f->type_expr ? f->type_expr->as<FuncType>() : nullptr;
    if (ft == nullptr) continue;
    auto* scope = alloc<Scope>(m_scope, "function", true);
    auto* sig = const_cast<Signature*>(func_type(ft, nullptr, scope));
    sig->recv = alloc<Var>(name->pos(), m_pkg, "", def != nullptr ? static_cast<const Type*>(def) : iface);
    auto* m = alloc<Func>(name->pos(), m_pkg, name->name, sig);
    name->object = m;
    if (auto [it2, inserted] = seen.emplace(name->name, m); !inserted) {
      error_at(name, "duplicate method " + name->name + "\n\t" + pos_str(it2->second->pos) +
                         ": other declaration of method " + name->name);
      continue;
    }
    iface->methods.push_back(m);
  }
  // Duplicates between explicit and embedded methods with different
  // signatures are errors once the embedded interfaces are complete.
  m_later.push_back([this, iface, it] {
    std::unordered_map<std::string, Func*> all;
    for (Func* m : iface->methods) all[m->name] = m;
    for (const Type* e : iface->embeddeds) {
      const Interface* ei = under(e) ? under(e)->as<Interface>() : nullptr;
      if (ei == nullptr) continue;
      for (Func* m : ei->all_methods()) {
        auto [pos, inserted] = all.emplace(m->name, m);
        if (!inserted && pos->second != m && !identical(pos->second->type, m->type)) {
          error_at(it, "duplicate method " + m->name);
        }
      }
    }
  });
  return iface;
}

}  // namespace gol::lang
