// check_index.cc — index and slice expressions, composite literals and type
// assertions (cf. types2 index.go, literals.go, expr.go).
//
// Constant indices are checked against the length when it is known
// statically (arrays, pointers to arrays, constant strings), as Go does:
// `invalid argument: index 5 out of bounds [0:3]`.
#include "lang/check_impl.h"

namespace gol::lang {

namespace {

const Type* byte_type() { return universe()->lookup("byte")->type; }

}  // namespace

int64_t Checker::index(Expr* index_expr, int64_t max, bool) {
  Operand x;
  expr(x, index_expr);
  if (x.invalid()) return -2;
  convert_untyped(x, basic_type(BasicKind::Int));
  if (x.invalid()) return -2;
  if (!is_integer(x.type)) {
    error_at(x, "invalid argument: index " + str(x) + " must be integer");
    return -2;
  }
  if (x.mode != ExprMode::Constant) return -1;
  if (x.val->sign() < 0) {
    error_at(x, "invalid argument: index " + str(x) + " must not be negative");
    return -2;
  }
  auto v = x.val->to_int();
  if (!v || !v->fits_signed(64)) {
    error_at(x, "invalid argument: index " + str(x) + " overflows int");
    return -2;
  }
  int64_t n = v->int64_value();
  if (max >= 0 && n >= max) {
    error_at(x, "invalid argument: index " + x.val->to_string() + " out of bounds [0:" + std::to_string(max) + "]");
    return -2;
  }
  return n;
}

void Checker::index_expr(Operand& x, IndexExpr* e) {
  expr_or_type(x, e->x);
  if (x.invalid()) {
    Operand dummy;
    expr(dummy, e->index);
    return;
  }
  if (x.mode == ExprMode::TypeExpr) {
    error_at(e, str(x.expr) + " is not a generic type");
    x.mode = ExprMode::Invalid;
    return;
  }
  bool valid = false;
  int64_t length = -1;
  const Type* u = under(x.type);
  switch (u ? u->kind : TypeKind::Tuple) {
    case TypeKind::Basic:
      if (is_string(u)) {
        valid = true;
        if (x.mode == ExprMode::Constant) length = static_cast<int64_t>(x.val->string_value().size());
        x.mode = ExprMode::Value;
        x.val.reset();
        x.type = byte_type();
      }
      break;
    case TypeKind::Array:
      valid = true;
      length = u->as<Array>()->len;
      if (x.mode != ExprMode::Variable) x.mode = ExprMode::Value;
      x.type = u->as<Array>()->elem;
      break;
    case TypeKind::Pointer:
      if (const Array* a = under(u->as<Pointer>()->elem) ? under(u->as<Pointer>()->elem)->as<Array>() : nullptr) {
        valid = true;
        length = a->len;
        x.mode = ExprMode::Variable;
        x.type = a->elem;
      }
      break;
    case TypeKind::Slice:
      valid = true;
      x.mode = ExprMode::Variable;
      x.type = u->as<Slice>()->elem;
      break;
    case TypeKind::Map: {
      const Map* m = u->as<Map>();
      Operand key;
      expr(key, e->index, m->key);
      assignment(key, m->key, "map index");
      x.mode = ExprMode::MapIndex;
      x.type = m->elem;
      x.expr = e;
      return;
    }
    default:
      break;
  }
  if (!valid) {
    error(e->lbrack, "cannot index " + str(x));
    Operand dummy;
    expr(dummy, e->index);
    x.mode = ExprMode::Invalid;
    return;
  }
  index(e->index, length);
}

void Checker::slice_expr(Operand& x, SliceExpr* e) {
  expr(x, e->x);
  if (x.invalid()) {
    for (Expr* i : {e->low, e->high, e->max}) {
      if (i != nullptr) {
        Operand dummy;
        expr(dummy, i);
      }
    }
    return;
  }
  bool valid = false;
  int64_t length = -1;
  const Type* u = under(x.type);
  switch (u ? u->kind : TypeKind::Tuple) {
    case TypeKind::Basic:
      if (is_string(u)) {
        if (e->slice3) {
          error_at(e->max ? static_cast<Node*>(e->max) : e, "invalid operation: 3-index slice of string");
          x.mode = ExprMode::Invalid;
          return;
        }
        valid = true;
        if (x.mode == ExprMode::Constant) length = static_cast<int64_t>(x.val->string_value().size());
        if (is_untyped(x.type)) x.type = basic_type(BasicKind::String);
      }
      break;
    case TypeKind::Array:
      valid = true;
      length = u->as<Array>()->len;
      if (x.mode != ExprMode::Variable) {
        error_at(x, "cannot slice unaddressable value " + str(x));
        x.mode = ExprMode::Invalid;
        return;
      }
      x.type = alloc<Slice>(u->as<Array>()->elem);
      break;
    case TypeKind::Pointer:
      if (const Array* a = under(u->as<Pointer>()->elem) ? under(u->as<Pointer>()->elem)->as<Array>() : nullptr) {
        valid = true;
        length = a->len;
        x.type = alloc<Slice>(a->elem);
      }
      break;
    case TypeKind::Slice:
      valid = true;
      break;
    default:
      break;
  }
  if (!valid) {
    error_at(x, "cannot slice " + str(x));
    x.mode = ExprMode::Invalid;
    return;
  }
  x.mode = ExprMode::Value;
  x.val.reset();
  if (e->slice3 && (e->high == nullptr || e->max == nullptr)) {
    error_at(e, "middle index required in 3-index slice");
    x.mode = ExprMode::Invalid;
    return;
  }
  Expr* parts[3] = {e->low, e->high, e->max};
  int64_t ind[3] = {-1, -1, -1};
  int n = e->slice3 ? 3 : 2;
  for (int i = 0; i < n; i++) {
    int64_t v = -1;
    if (parts[i] != nullptr) {
      int64_t max = length >= 0 ? length + 1 : -1;
      int64_t r = index(parts[i], max);
      if (r >= 0) v = r;
    } else if (i == 0) {
      v = 0;
    } else if (length >= 0) {
      v = length;
    }
    ind[i] = v;
  }
  for (int i = 0; i < n - 1; i++) {
    if (ind[i] <= 0) continue;
    for (int j = i + 1; j < n; j++) {
      if (ind[j] >= 0 && ind[j] < ind[i]) {
        error_at(parts[j], "invalid slice indices: " + std::to_string(ind[j]) + " < " + std::to_string(ind[i]));
        return;
      }
    }
  }
}

// Go's types2 counts the index in an int64 that wraps around after an
// element at index 2^63-1 (cf. indexedElts); the wrapped counter is negative,
// so it no longer raises the length. Counted unsigned here, as signed
// overflow is undefined in C++.
int64_t Checker::indexed_elts(const std::vector<Expr*>& elts, const Type* elem, int64_t length,
                              std::vector<std::pair<int64_t, Expr*>>* keys) {
  std::set<int64_t> visited;
  int64_t idx = 0;
  int64_t max = 0;
  for (Expr* e : elts) {
    bool valid_index = false;
    Expr* eval = e;
    if (auto* kv = e->as<KeyValueExpr>()) {
      int64_t i = index(kv->key, length);
      if (i >= 0) {
        idx = i;
        valid_index = true;
        keys->push_back({i, kv->key});
      } else if (i == -1) {
        error_at(e, "index " + str(kv->key) + " must be integer constant");
      }
      eval = kv->value;
    } else if (length >= 0 && idx >= length) {
      error_at(e, "index " + std::to_string(idx) + " is out of bounds (>= " + std::to_string(length) + ")");
    } else {
      valid_index = true;
    }
    if (valid_index) {
      if (!visited.insert(idx).second) {
        Pos at = e->is<KeyValueExpr>() ? e->as<KeyValueExpr>()->colon : e->pos();
        error(at, "duplicate index " + std::to_string(idx) + " in array or slice literal");
      }
    }
    idx = static_cast<int64_t>(static_cast<uint64_t>(idx) + 1);
    if (idx > max) max = idx;
    Operand x;
    expr(x, eval, elem);
    assignment(x, elem, "array or slice literal");
  }
  return max;
}

void Checker::composite_lit(Operand& x, CompositeLit* e, const Type* hint) {
  const Type* typ = nullptr;
  const Type* base = nullptr;
  bool is_elem = false;
  Array* open_array = nullptr;
  if (e->type_expr != nullptr) {
    auto* at = e->type_expr->as<ArrayType>();
    if (at != nullptr && at->len != nullptr && at->len->is<Ellipsis>()) {
      open_array = alloc<Array>(-1, var_type(at->elem));
      typ = open_array;
      base = typ;
    } else {
      typ = type_expr(e->type_expr);
      base = typ;
    }
  } else if (hint != nullptr) {
    typ = hint;
    base = typ;
    if (const Pointer* p = under(base) ? under(base)->as<Pointer>() : nullptr) base = p->elem;
    is_elem = true;
  } else {
    error_at(e, "invalid composite literal type: missing type");
    x.mode = ExprMode::Invalid;
    return;
  }
  const Type* u = under(base);
  switch (u ? u->kind : TypeKind::Tuple) {
    case TypeKind::Struct: {
      const Struct* st = u->as<Struct>();
      if (e->elts.empty()) break;
      const auto& fields = st->fields;
      if (e->elts[0]->is<KeyValueExpr>()) {
        std::vector<bool> visited(fields.size());
        for (Expr* el : e->elts) {
          auto* kv = el->as<KeyValueExpr>();
          if (kv == nullptr) {
            error_at(el, "mixture of field:value and value elements in struct literal");
            continue;
          }
          auto* key = kv->key->as<Ident>();
          Operand v;
          int fi = -1;
          if (key != nullptr) {
            for (size_t i = 0; i < fields.size(); i++) {
              if (fields[i]->name == key->name && (fields[i]->exported() || fields[i]->pkg == m_pkg)) fi = static_cast<int>(i);
            }
          }
          expr(v, kv->value, fi >= 0 ? fields[fi]->type : nullptr);
          if (key == nullptr) {
            error_at(kv, "invalid field name " + str(kv->key) + " in struct literal");
            continue;
          }
          if (fi < 0) {
            error_at(kv->key, "unknown field " + key->name + " in struct literal of type " + str(base));
            continue;
          }
          key->object = fields[fi];
          record_expr(key, ExprMode::Variable, fields[fi]->type, std::nullopt);
          assignment(v, fields[fi]->type, "struct literal");
          if (visited[fi]) {
            error(kv->colon, "duplicate field name " + key->name + " in struct literal");
            continue;
          }
          visited[fi] = true;
        }
      } else {
        for (size_t i = 0; i < e->elts.size(); i++) {
          Expr* el = e->elts[i];
          if (auto* kv = el->as<KeyValueExpr>()) {
            error_at(kv, "mixture of field:value and value elements in struct literal");
            continue;
          }
          Operand v;
          expr(v, el, i < fields.size() ? fields[i]->type : nullptr);
          if (i >= fields.size()) {
            error_at(v, "too many values in struct literal of type " + str(base));
            break;
          }
          const Var* f = fields[i];
          if (!f->exported() && f->pkg != m_pkg) {
            error_at(v, "implicit assignment to unexported field " + f->name + " in struct literal of type " + str(base));
            continue;
          }
          assignment(v, f->type, "struct literal");
        }
        if (e->elts.size() < fields.size()) {
          error(e->rbrace, "too few values in struct literal of type " + str(base));
        }
      }
      break;
    }
    case TypeKind::Array: {
      auto* a = const_cast<Array*>(u->as<Array>());
      std::vector<std::pair<int64_t, Expr*>> keys;
      int64_t n = indexed_elts(e->elts, a->elem, a->len, &keys);
      if (a->len < 0) {
        a->len = n;
        if (e->type_expr != nullptr) record_expr(e->type_expr, ExprMode::TypeExpr, a, std::nullopt);
        // Only a key whose successor wrapped the counter lies past the
        // length. types2 lets it pass; the compiler's typecheck of the
        // literal (typecheckarraylit) rejects the first such key.
        for (auto [index, key] : keys) {
          if (index < n) continue;
          error_at(key, "array index " + std::to_string(index) + " out of bounds [0:" + std::to_string(n) + "]");
          break;
        }
      }
      break;
    }
    case TypeKind::Slice: {
      std::vector<std::pair<int64_t, Expr*>> keys;
      indexed_elts(e->elts, u->as<Slice>()->elem, -1, &keys);
      break;
    }
    case TypeKind::Map: {
      const Map* m = u->as<Map>();
      bool key_is_iface = is_interface(m->key);
      std::vector<std::pair<Constant, const Type*>> seen;
      for (Expr* el : e->elts) {
        auto* kv = el->as<KeyValueExpr>();
        if (kv == nullptr) {
          error_at(el, "missing key in map literal");
          continue;
        }
        Operand k;
        expr(k, kv->key, m->key);
        assignment(k, m->key, "map literal");
        if (k.mode == ExprMode::Constant && k.val) {
          bool dup = false;
          for (const auto& [c, t] : seen) {
            if (c.kind() != k.val->kind()) continue;
            bool same = (c.is_numeric() && k.val->is_numeric()) ? Constant::compare(Op::Eql, c, *k.val)
                        : c.kind() == Constant::Kind::String ? c.string_value() == k.val->string_value()
                        : c.kind() == Constant::Kind::Bool ? c.bool_value() == k.val->bool_value()
                                                            : false;
            if (same && (!key_is_iface || identical(t, k.type))) dup = true;
          }
          seen.push_back({*k.val, k.type});
          if (dup) {
            error_at(k, "duplicate key " + k.val->to_string() + " in map literal");
            continue;
          }
        }
        Operand v;
        expr(v, kv->value, m->elem);
        assignment(v, m->elem, "map literal");
      }
      break;
    }
    default: {
      for (Expr* el : e->elts) {
        Operand v;
        Expr* ev = el->is<KeyValueExpr>() ? el->as<KeyValueExpr>()->value : el;
        expr(v, ev);
      }
      if (is_valid(u)) {
        error_at(e, std::string("invalid composite literal") + (is_elem ? " element" : "") + " type " + str(typ));
        x.mode = ExprMode::Invalid;
        return;
      }
      x.mode = ExprMode::Invalid;
      return;
    }
  }
  x.mode = ExprMode::Value;
  x.type = typ;
}

void Checker::type_assertion(Expr* e, Operand& x, const Type* t, bool type_switch) {
  if (is_interface(t)) return;
  const Interface* iface = under(x.type)->as<Interface>();
  MissingMethod mm = missing_method(t, iface, false, m_pkg);
  if (mm.method == nullptr) return;
  if (type_switch) {
    error_at(e, "impossible type switch case: " + str(e) + "\n\t" + str(x) + " cannot have dynamic type " + str(t) +
                    " " + mm.cause);
    return;
  }
  error_at(e, "impossible type assertion: " + str(e) + "\n\t" + str(t) + " does not implement " + str(x.type) + " " +
                  mm.cause);
}

void Checker::assert_expr(Operand& x, TypeAssertExpr* e) {
  expr(x, e->x);
  if (x.invalid()) return;
  if (e->type_expr == nullptr) {
    error_at(e, "invalid syntax tree: use of .(type) outside type switch");
    x.mode = ExprMode::Invalid;
    return;
  }
  if (!is_interface(x.type)) {
    error_at(x, "invalid operation: " + str(x) + " is not an interface");
    x.mode = ExprMode::Invalid;
    return;
  }
  const Type* t = var_type(e->type_expr);
  if (!is_valid(t)) {
    x.mode = ExprMode::Invalid;
    return;
  }
  type_assertion(e, x, t, false);
  x.mode = ExprMode::CommaOk;
  x.type = t;
  x.val.reset();
}

}  // namespace gol::lang
