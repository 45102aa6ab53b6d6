// check_lookup.cc — selector expressions x.f (cf. types2 call.go selector,
// lookup.go lookupError).
//
// A selector is one of: a package-qualified name (fmt.Println), a field
// (possibly promoted through embedded structs), a method value (x.M, the
// receiver bound), or a method expression (T.M, a function whose first
// parameter is the receiver). The resolution is left on the SelectorExpr for
// the compiler: its kind, the embedding index path, and whether a pointer is
// dereferenced on the way.
#include <cctype>

#include "lang/check_impl.h"

namespace gol::lang {

namespace {

bool is_exported_name(const std::string& s) {
  return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}

std::string tail(const std::string& s) { return s.empty() ? s : s.substr(1); }

// The position of the dot in x.sel, where Go's syntax tree puts a selector:
// the first '.' after x, past blanks and comments (the AST keeps no position
// for it).
Pos selector_dot(const SourceSet& sources, const SelectorExpr* e) {
  Pos p = e->x->end();
  if (p.file < 0 || static_cast<size_t>(p.file) >= sources.size()) return e->sel->pos();
  const SourceFile& f = sources.file(p.file);
  bool in_block_comment = false;
  for (int32_t line = p.line; line <= e->sel->pos().line; line++) {
    std::string_view text = f.line_text(line);
    size_t i = line == p.line ? static_cast<size_t>(p.col - 1) : 0;
    for (; i < text.size(); i++) {
      if (in_block_comment) {
        if (text.substr(i, 2) == "*/") {
          in_block_comment = false;
          i++;
        }
        continue;
      }
      if (text.substr(i, 2) == "//") break;
      if (text.substr(i, 2) == "/*") {
        in_block_comment = true;
        i++;
        continue;
      }
      if (text[i] == '.') return Pos{p.file, line, static_cast<int32_t>(i + 1)};
    }
  }
  return e->sel->pos();
}

}  // namespace

void Checker::selector(Operand& x, SelectorExpr* e, bool want_type) {
  const std::string& sel = e->sel->name;
  x.mode = ExprMode::Invalid;
  x.expr = e;
  if (auto* id = e->x->as<Ident>()) {
    Object* obj = m_scope ? m_scope->lookup_parent(id->name) : nullptr;
    if (auto* pname = obj ? obj->as<PkgName>() : nullptr) {
      id->object = pname;
      pname->used = true;
      Package* pkg = pname->imported;
      Object* exp = pkg->scope->lookup(sel);
      if (exp == nullptr) {
        if (pkg->scope->objects().empty() && pkg->is_std && pkg->files.empty()) return;  // a failed import
        // A case-insensitive match among the exported names is a hint.
        std::string hint;
        for (Object* o : pkg->scope->objects()) {
          if (!o->exported() || o->name.size() != sel.size()) continue;
          bool same = true;
          for (size_t i = 0; i < sel.size() && same; i++) same = std::tolower(static_cast<unsigned char>(o->name[i])) == std::tolower(static_cast<unsigned char>(sel[i]));
          if (same) {
            hint = o->name;
            break;
          }
        }
        // Go says "not exported" only for unexported names the package
        // declares (below); any other name is undefined.
        if (!hint.empty()) {
          error_at(e->sel, "undefined: " + str(e) + " (but have " + hint + ")");
        } else {
          error_at(e->sel, "undefined: " + str(e));
        }
        return;
      }
      if (!exp->exported()) {
        error_at(e->sel, "name " + sel + " not exported by package " + pkg->name);
      }
      e->sel->object = exp;
      e->sel_kind = SelectorKind::Qualified;
      switch (exp->kind) {
        case ObjectKind::Const:
          x.mode = ExprMode::Constant;
          x.type = exp->type;
          x.val = exp->as<Const>()->value;
          break;
        case ObjectKind::TypeName:
          x.mode = ExprMode::TypeExpr;
          x.type = exp->type;
          break;
        case ObjectKind::Var:
          x.mode = ExprMode::Variable;
          x.type = exp->type;
          break;
        case ObjectKind::Func:
          x.mode = ExprMode::Value;
          x.type = exp->type;
          break;
        default:
          return;
      }
      if (want_type && x.mode != ExprMode::TypeExpr) {
        error_at(e, str(e) + " is not a type");
        x.mode = ExprMode::Invalid;
      }
      if (!is_valid(x.type)) x.mode = ExprMode::Invalid;
      x.expr = e;
      return;
    }
  }
  expr_or_type(x, e->x);
  switch (x.mode) {
    case ExprMode::Builtin:
      error(selector_dot(m_sources, e), "invalid use of " + str(x) + " in selector expression");
      x.mode = ExprMode::Invalid;
      x.expr = e;
      return;
    case ExprMode::Invalid:
      x.expr = e;
      return;
    default:
      break;
  }
  if (want_type) {
    error_at(e->sel, str(e) + " is not a type");
    x.mode = ExprMode::Invalid;
    x.expr = e;
    return;
  }
  Selection s = lookup_field_or_method(x.type, x.mode == ExprMode::Variable, m_pkg, sel);
  if (s.obj == nullptr) {
    ExprMode mode = x.mode;
    x.mode = ExprMode::Invalid;
    x.expr = e;
    if (!is_valid(under(x.type))) return;
    if (s.ambiguous) {
      error_at(e->sel, "ambiguous selector " + str(e->x) + "." + sel);
      return;
    }
    if (s.not_addressable_ptr_method) {
      if (mode == ExprMode::TypeExpr) {
        error_at(e->sel, "invalid method expression " + str(e->x) + "." + sel + " (needs pointer receiver (*" +
                             str(x.type) + ")." + sel + ")");
      } else {
        error_at(e->sel, "cannot call pointer method " + sel + " on " + str(x.type));
      }
      return;
    }
    std::string why;
    const Type* u = under(x.type);
    if (u && u->is<Pointer>() && is_interface(u->as<Pointer>()->elem)) {
      why = "type " + str(x.type) + " is pointer to interface, not interface";
    } else {
      Selection alt = lookup_field_or_method(x.type, mode == ExprMode::Variable, m_pkg, sel, true);
      Object* obj = alt.obj;
      enum { Missing, Misspelled, Unexported, Inaccessible } kind = Missing;
      std::string alt_name;
      if (obj != nullptr) {
        alt_name = obj->name;
        if (obj->pkg == m_pkg) {
          kind = Misspelled;
        } else if (is_exported_name(sel)) {
          if (is_exported_name(alt_name)) kind = Misspelled;
          else if (tail(sel) == tail(alt_name)) kind = Unexported;
        } else if (is_exported_name(alt_name)) {
          if (tail(sel) == tail(alt_name)) kind = Misspelled;
        } else if (sel == alt_name) {
          kind = Inaccessible;
        }
      }
      std::string what = "object";
      if (obj && obj->is<Var>()) what = "field";
      if (obj && obj->is<Func>()) what = "method";
      switch (kind) {
        case Missing: why = "type " + str(x.type) + " has no field or method " + sel; break;
        case Misspelled:
          why = "type " + str(x.type) + " has no field or method " + sel + ", but does have " + what + " " + alt_name;
          break;
        case Unexported:
          why = "type " + str(x.type) + " has no field or method " + sel + ", but does have unexported " + what + " " +
                alt_name;
          break;
        case Inaccessible: why = "cannot refer to unexported " + what + " " + alt_name; break;
      }
    }
    error_at(e->sel, str(e->x) + "." + sel + " undefined (" + why + ")");
    return;
  }
  e->sel->object = s.obj;
  e->path = s.index;
  e->indirect = s.indirect;
  if (x.mode == ExprMode::TypeExpr) {
    Func* m = s.obj->as<Func>();
    if (m == nullptr) {
      error_at(e->sel, str(e->x) + "." + sel + " undefined (type " + str(x.type) + " has no method " + sel + ")");
      x.mode = ExprMode::Invalid;
      x.expr = e;
      return;
    }
    if (m->type == nullptr) obj_decl(m);
    const Signature* sig = m->sig();
    if (sig == nullptr) {
      x.mode = ExprMode::Invalid;
      x.expr = e;
      return;
    }
    std::vector<Var*> params;
    std::string name;
    if (sig->params->size() > 0 && !sig->params->vars[0]->name.empty()) {
      name = sig->recv && !sig->recv->name.empty() ? sig->recv->name : "_";
    }
    params.push_back(alloc<Var>(sig->recv ? sig->recv->pos : Pos{}, m_pkg, name, x.type));
    for (Var* p : sig->params->vars) params.push_back(p);
    auto* fn = alloc<Signature>();
    fn->params = alloc<Tuple>(std::move(params));
    fn->results = sig->results;
    fn->variadic = sig->variadic;
    e->sel_kind = SelectorKind::MethodExpr;
    record_use(m);
    x.mode = ExprMode::Value;
    x.type = fn;
    x.val.reset();
    x.expr = e;
    return;
  }
  if (Var* f = s.obj->as<Var>()) {
    e->sel_kind = SelectorKind::Field;
    x.mode = (x.mode == ExprMode::Variable || s.indirect) ? ExprMode::Variable : ExprMode::Value;
    x.type = f->type;
  } else if (Func* m = s.obj->as<Func>()) {
    if (m->type == nullptr) obj_decl(m);
    e->sel_kind = SelectorKind::MethodValue;
    const Signature* sig = m->sig();
    auto* fn = alloc<Signature>();
    if (sig != nullptr) {
      fn->params = sig->params;
      fn->results = sig->results;
      fn->variadic = sig->variadic;
    } else {
      fn->params = alloc<Tuple>();
      fn->results = alloc<Tuple>();
    }
    record_use(m);
    x.mode = ExprMode::Value;
    x.type = fn;
  }
  x.val.reset();
  x.expr = e;
}

}  // namespace gol::lang
