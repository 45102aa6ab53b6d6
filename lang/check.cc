// check.cc — the type checker's package level (cf. types2 check.go, resolver.go,
// decl.go, initorder.go).
//
// Checking a package runs in phases, as types2 does:
//   1. collect_objects: every package-level name is declared in the package
//      scope (imports in their file's scope) with a DeclInfo saying how it
//      was declared; methods are grouped by receiver base type.
//   2. package_objects: each object is resolved on demand by obj_decl, which
//      colours objects white/grey/black; meeting a grey object is a cycle,
//      which is an error unless it goes through a type definition (a type
//      may refer to itself through a pointer, slice, ...). Types are
//      resolved first so that method sets are complete before any value
//      declaration asks whether a type implements an interface.
//   3. function bodies, in source order.
//   4. initialization order of package-level variables (dependencies first,
//      cycles reported), unused imports, func main.
//
// A standard package imported by the program is parsed from the registry's
// source and checked here too, once per check_package call, as its own
// Package (bodyless functions allowed).
#include "lang/check.h"

#include <algorithm>
#include <functional>
#include <queue>

#include "lang/check_impl.h"
#include "lang/parse.h"

namespace gol::lang {

namespace {

std::string unquote(const BasicLit* lit) {
  if (lit == nullptr) return "";
  std::string err;
  auto c = Constant::from_literal(LitKind::String, lit->raw, &err);
  if (!c || c->kind() != Constant::Kind::String) return "";
  return c->string_value();
}

// The last path element: "unicode/utf8" → "utf8".
std::string path_base(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The receiver's base type name expression: parens and any number of stars
// stripped, so a method with an invalid receiver such as **T still belongs
// to T (cf. types2 unpackRecv); the receiver itself is reported elsewhere.
Expr* receiver_base(Expr* rt) {
  rt = unparen(rt);
  while (rt != nullptr && rt->is<StarExpr>()) rt = unparen(rt->as<StarExpr>()->x);
  return rt;
}

}  // namespace

bool is_comparison(Op op) {
  return op == Op::Eql || op == Op::Neq || op == Op::Lss || op == Op::Leq || op == Op::Gtr || op == Op::Geq;
}

bool is_shift(Op op) { return op == Op::Shl || op == Op::Shr; }

int64_t const_int64(const Constant& c, bool* ok) {
  auto i = c.to_int();
  if (!i || !i->fits_signed(64)) {
    *ok = false;
    return 0;
  }
  *ok = true;
  return i->int64_value();
}

Checker::Checker(SourceSet& sources, Arena& arena, const PackageRegistry& registry, Diagnostics& diags,
                 Package* pkg, ImportCache& cache)
    : m_sources(sources), m_arena(arena), m_registry(registry), m_diags(diags), m_pkg(pkg), m_cache(cache) {
  m_in_std = pkg->is_std;
}

void Checker::error(Pos pos, const std::string& msg) {
  // Errors mentioning an invalid operand or type follow from an earlier one.
  if (m_errors > 0) {
    size_t a = msg.find("invalid operand");
    size_t b = msg.find("invalid type");
    if ((a != std::string::npos && a > 0) || (b != std::string::npos && b > 0)) return;
  }
  m_errors++;
  m_diags.error(pos, msg);
}

void Checker::record_use(Object* obj) {
  if (m_decl == nullptr || obj == nullptr || obj->pkg != m_pkg) return;
  if (!m_objmap.count(obj)) return;
  if (!(obj->is<Var>() || obj->is<Const>() || obj->is<Func>())) return;
  if (m_decl->dep_set.insert(obj).second) m_decl->deps.push_back(obj);
}

// ------------------------------------------------------------------ phase 1

void Checker::check_files(const std::vector<File*>& files) {
  m_pkg->files = files;
  m_pkg->scope = alloc<Scope>(universe(), "package " + m_pkg->path);
  for (File* f : files) {
    if (f == nullptr || f->package_name == nullptr) continue;
    if (m_pkg->name.empty()) {
      m_pkg->name = f->package_name->name;
    } else if (f->package_name->name != m_pkg->name) {
      error_at(f->package_name, "package " + f->package_name->name + "; expected package " + m_pkg->name);
    }
  }
  collect_objects(files);
  package_objects();
  process_later();
  check_func_bodies();
  process_later();
  init_order();
  unused_imports();
  record_untyped_leftovers();
  if (!m_pkg->is_std) check_main();
}

void Checker::declare(Scope* scope, Ident* ident, Object* obj) {
  if (ident != nullptr) ident->object = obj;
  if (obj->name == "_") return;
  if (Object* alt = scope->insert(obj)) {
    std::string msg = obj->name + " redeclared in this block";
    if (alt->pos.valid()) msg += "\n\t" + pos_str(alt->pos) + ": other declaration of " + obj->name;
    error(obj->pos, msg);
  }
}

void Checker::declare_pkg_obj(Ident* ident, Object* obj, DeclInfo* decl) {
  if (ident->name == "init") {
    error_at(ident, "cannot declare init - must be func");
    return;
  }
  if (ident->name == "main" && m_pkg->name == "main") {
    error_at(ident, "cannot declare main - must be func");
    return;
  }
  declare(m_pkg->scope, ident, obj);
  m_objmap[obj] = decl;
  m_pkg_objects.push_back(obj);
}

void Checker::import_package(ImportSpec* spec, Scope* file_scope) {
  std::string path = unquote(spec->path);
  Package* imported = nullptr;
  if (auto it = m_cache.packages.find(path); it != m_cache.packages.end()) {
    imported = it->second;
  } else if (const PackageSource* src = m_registry.find(path); src != nullptr && !m_cache.in_progress.count(path)) {
    m_cache.in_progress.insert(path);
    int32_t id = m_sources.add("$GOROOT/src/" + path + "/" + path_base(path) + ".go", std::string(src->source));
    File* file = parse_file(m_sources, id, m_arena, m_diags);
    imported = alloc<Package>();
    imported->path = path;
    imported->is_std = true;
    Checker sub(m_sources, m_arena, m_registry, m_diags, imported, m_cache);
    sub.check_files({file});
    m_cache.packages[path] = imported;
    m_cache.in_progress.erase(path);
  } else {
    error_at(spec->path, "package " + path + " is not in std");
    // A fake package keeps uses of the name from being reported again.
    imported = alloc<Package>();
    imported->path = path;
    imported->name = path_base(path);
    imported->is_std = true;
    imported->scope = alloc<Scope>(universe(), "package " + path);
    auto* fake = alloc<PkgName>(spec->pos(), m_pkg, spec->name ? spec->name->name : imported->name, imported);
    fake->spec = spec;
    fake->used = true;
    if (fake->name != "_" && fake->name != ".") declare(file_scope, nullptr, fake);
    return;
  }
  if (std::find(m_pkg->imports.begin(), m_pkg->imports.end(), imported) == m_pkg->imports.end()) {
    m_pkg->imports.push_back(imported);
  }
  std::string name = imported->name;
  if (spec->name != nullptr) {
    name = spec->name->name;
    if (name == "init") {
      error_at(spec->name, "cannot import package as init - init must be a func");
      return;
    }
  }
  auto* pkg_name = alloc<PkgName>(spec->pos(), m_pkg, name, imported);
  pkg_name->spec = spec;
  if (spec->name != nullptr) spec->name->object = pkg_name;
  if (name == ".") {
    // Dot import: the package's exported names join the file scope.
    for (Object* obj : imported->scope->objects()) {
      if (!obj->exported()) continue;
      if (Object* alt = file_scope->lookup(obj->name)) {
        std::string msg = alt->name + " redeclared in this block";
        if (alt->pos.valid()) msg += "\n\t" + pos_str(alt->pos) + ": other declaration of " + alt->name;
        error(spec->name->pos(), msg);
        continue;
      }
      Scope* saved_parent_owner = obj->parent;
      file_scope->insert(obj);
      obj->parent = saved_parent_owner;
    }
    m_imports.push_back(pkg_name);
    return;
  }
  if (name == "_") return;
  declare(file_scope, nullptr, pkg_name);
  m_imports.push_back(pkg_name);
}

void Checker::collect_objects(const std::vector<File*>& files) {
  std::vector<Scope*> file_scopes;
  for (File* file : files) {
    if (file == nullptr) continue;
    Scope* file_scope = alloc<Scope>(m_pkg->scope, "file");
    file_scopes.push_back(file_scope);
    file_scope->begin = file->range.begin;
    file_scope->end = file->range.end;
    for (Node* d : file->decls) {
      if (auto* fd = d->as<FuncDecl>()) {
        auto* obj = alloc<Func>(fd->name->pos(), m_pkg, fd->name->name, nullptr);
        obj->decl = fd;
        fd->name->object = obj;
        auto* info = alloc<DeclInfo>();
        info->file_scope = file_scope;
        info->fdecl = fd;
        m_objmap[obj] = info;
        const std::string& name = fd->name->name;
        if (fd->recv == nullptr) {
          if (name == "init" || (name == "main" && m_pkg->name == "main")) {
            bool has_params = fd->sig->params && !fd->sig->params->list.empty();
            bool has_results = fd->sig->results && !fd->sig->results->list.empty();
            if (has_params || has_results) {
              error_at(fd->name, "func " + name + " must have no arguments and no return values");
            }
          }
          if (name == "init") {
            obj->parent = m_pkg->scope;
            m_pkg->inits.push_back(obj);
          } else {
            declare(m_pkg->scope, fd->name, obj);
          }
          m_pkg_objects.push_back(obj);
        } else {
          // A method: associate it with its receiver's base type name.
          Expr* rt = nullptr;
          if (!fd->recv->list.empty()) rt = receiver_base(fd->recv->list[0]->type_expr);
          m_pkg_objects.push_back(obj);
          if (auto* base = rt ? rt->as<Ident>() : nullptr; base != nullptr && name != "_") {
            // Resolved to a TypeName after all objects are collected (below).
            m_funcs.push_back({obj, info});
            (void)base;
          }
        }
        if (fd->body == nullptr && !m_pkg->is_std) error_at(fd->name, "missing function body");
        m_pkg->funcs.push_back(obj);
        continue;
      }
      auto* gd = d->as<GenDecl>();
      if (gd == nullptr) continue;
      for (Node* spec : gd->specs) {
        if (auto* is = spec->as<ImportSpec>()) {
          import_package(is, file_scope);
        } else if (auto* vs = spec->as<ValueSpec>(); vs && gd->op == Op::Const) {
          ValueSpec* src = vs->implicit_from ? vs->implicit_from : vs;
          bool inherited = vs->implicit_from != nullptr;
          for (size_t i = 0; i < vs->names.size(); i++) {
            Ident* name = vs->names[i];
            auto* obj = alloc<Const>(name->pos(), m_pkg, name->name, nullptr, Constant());
            auto* info = alloc<DeclInfo>();
            info->file_scope = file_scope;
            info->type_expr = src->type_expr;
            info->init = i < src->values.size() ? src->values[i] : nullptr;
            info->iota = vs->iota;
            info->inherited = inherited;
            declare_pkg_obj(name, obj, info);
          }
          if (vs->names.size() < src->values.size()) {
            if (inherited) error_at(vs, "extra init expr at " + pos_str(src->values[vs->names.size()]->pos()));
            else error_at(src->values[vs->names.size()], "extra init expr " + str(src->values[vs->names.size()]));
          } else if (vs->names.size() > src->values.size()) {
            Ident* n = vs->names[src->values.size()];
            error_at(n, "missing init expr for " + n->name);
          }
        } else if (vs) {  // var
          std::vector<Var*> lhs;
          DeclInfo* shared = nullptr;
          if (vs->values.size() == 1 && vs->names.size() > 1) {
            shared = alloc<DeclInfo>();
            shared->file_scope = file_scope;
            shared->type_expr = vs->type_expr;
            shared->init = vs->values[0];
          }
          for (size_t i = 0; i < vs->names.size(); i++) {
            Ident* name = vs->names[i];
            auto* obj = alloc<Var>(name->pos(), m_pkg, name->name, nullptr);
            obj->is_global = true;
            m_pkg->vars.push_back(obj);
            DeclInfo* info = shared;
            if (info == nullptr) {
              info = alloc<DeclInfo>();
              info->file_scope = file_scope;
              info->type_expr = vs->type_expr;
              info->init = i < vs->values.size() ? vs->values[i] : nullptr;
            }
            lhs.push_back(obj);
            declare_pkg_obj(name, obj, info);
          }
          if (shared != nullptr) shared->lhs = lhs;
          if (vs->values.size() > vs->names.size()) {
            error_at(vs->values[vs->names.size()], "extra init expr " + str(vs->values[vs->names.size()]));
          } else if (vs->names.size() > vs->values.size() && vs->values.size() > 1) {
            Ident* n = vs->names[vs->values.size()];
            error_at(n, "missing init expr for " + n->name);
          }
        } else if (auto* ts = spec->as<TypeSpec>()) {
          auto* obj = alloc<TypeName>(ts->name->pos(), m_pkg, ts->name->name, nullptr);
          obj->alias = ts->is_alias();
          auto* info = alloc<DeclInfo>();
          info->file_scope = file_scope;
          info->tspec = ts;
          declare_pkg_obj(ts->name, obj, info);
        }
      }
    }
  }
  file_scope_conflicts(file_scopes);
  // Methods by receiver base type name (a TypeName of this package).
  for (auto& [fn, info] : m_funcs) {
    Expr* rt = receiver_base(info->fdecl->recv->list[0]->type_expr);
    Object* obj = m_pkg->scope->lookup(rt->as<Ident>()->name);
    if (auto* tn = obj ? obj->as<TypeName>() : nullptr) m_methods[tn].push_back(fn);
  }
  m_funcs.clear();
}

// A package-level name may not also name an import (or a dot-imported
// object) in one of the files: the package object is the one reported
// (cf. types2 collectObjects).
void Checker::file_scope_conflicts(const std::vector<Scope*>& file_scopes) {
  for (Scope* file_scope : file_scopes) {
    for (Object* obj : file_scope->objects()) {
      Object* alt = m_pkg->scope->lookup(obj->name);
      if (alt == nullptr) continue;
      std::string msg;
      if (auto* pkg_name = obj->as<PkgName>()) {
        const Package* imported = pkg_name->imported;
        msg = alt->name + " already declared through import of package " + imported->name + " (\"" +
              imported->path + "\")";
      } else {
        const Package* from = obj->pkg;
        msg = alt->name + " already declared through dot-import of package " + (from ? from->name : "") + " (\"" +
              (from ? from->path : "") + "\")";
      }
      if (obj->pos.valid()) msg += "\n\t" + pos_str(obj->pos) + ": other declaration of " + obj->name;
      error(alt->pos, msg);
    }
  }
}

// ------------------------------------------------------------------ phase 2

void Checker::package_objects() {
  // Types first (definitions, then aliases), so method sets are complete
  // before values are checked; then everything else in source order.
  std::vector<Object*> order;
  for (Object* o : m_pkg_objects) {
    if (auto* tn = o->as<TypeName>(); tn && !tn->alias) order.push_back(o);
  }
  for (Object* o : m_pkg_objects) {
    if (auto* tn = o->as<TypeName>(); tn && tn->alias) order.push_back(o);
  }
  for (Object* o : m_pkg_objects) {
    if (!o->is<TypeName>()) order.push_back(o);
  }
  for (Object* o : order) {
    // A method resolved early with its type has its body queued now, in
    // source order among the other functions, as types2 does (its funcDecl
    // runs here); the order bodies are checked in decides which errors the
    // ten-error limit keeps.
    if (auto it = m_early_methods.find(o); it != m_early_methods.end()) {
      m_funcs.push_back(it->second);
      m_early_methods.erase(it);
    }
    obj_decl(o);
  }
  // Every method is among the package objects; this only guards the bodies.
  std::vector<std::pair<Func*, DeclInfo*>> rest;
  for (auto& [o, body] : m_early_methods) rest.push_back(body);
  std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first->pos < b.first->pos; });
  m_funcs.insert(m_funcs.end(), rest.begin(), rest.end());
  m_early_methods.clear();
}

void Checker::obj_decl(Object* obj) {
  Color& color = m_color[obj];
  if (color == Color::White && obj->type != nullptr) {
    color = Color::Black;
    return;
  }
  if (color == Color::Black) return;
  if (color == Color::Grey) {
    // A cycle: valid only through a type definition (or functions).
    bool valid = valid_type_cycle(obj);
    if (obj->is<Const>() || obj->is<Var>()) {
      if (!valid || obj->type == nullptr) obj->type = invalid_type();
    } else if (obj->is<TypeName>()) {
      if (!valid) obj->type = invalid_type();
    }
    return;
  }
  DeclInfo* d = m_objmap.count(obj) ? m_objmap[obj] : nullptr;
  if (d == nullptr) return;
  color = Color::Grey;
  m_obj_path.push_back(obj);

  // Save and set up the object's environment.
  DeclInfo* saved_decl = m_decl;
  Scope* saved_scope = m_scope;
  const Signature* saved_sig = m_sig;
  std::optional<Constant> saved_iota = std::move(m_iota);
  m_iota.reset();
  m_scope = d->file_scope;
  m_sig = nullptr;
  switch (obj->kind) {
    case ObjectKind::Const:
      m_decl = d;
      const_decl(obj->as<Const>(), d);
      break;
    case ObjectKind::Var:
      m_decl = d;
      var_decl(obj->as<Var>(), d);
      break;
    case ObjectKind::TypeName:
      m_decl = nullptr;
      type_decl(obj->as<TypeName>(), d);
      break;
    case ObjectKind::Func:
      m_decl = nullptr;
      func_decl(obj->as<Func>(), d);
      break;
    default:
      break;
  }
  m_decl = saved_decl;
  m_scope = saved_scope;
  m_sig = saved_sig;
  m_iota = std::move(saved_iota);
  m_obj_path.pop_back();
  m_color[obj] = Color::Black;
}

bool Checker::valid_type_cycle(Object* obj) {
  auto it = std::find(m_obj_path.begin(), m_obj_path.end(), obj);
  if (it == m_obj_path.end()) return true;
  std::vector<Object*> cycle(it, m_obj_path.end());
  int nval = 0;
  int ndef = 0;
  for (Object* o : cycle) {
    if (o->is<Const>() || o->is<Var>()) nval++;
    if (auto* tn = o->as<TypeName>(); tn && !tn->alias) ndef++;
  }
  // Cycles of only values are reported by init_order.
  if (nval == static_cast<int>(cycle.size())) return true;
  if (nval == 0 && ndef > 0) return true;
  cycle_error(cycle);
  return false;
}

void Checker::cycle_error(const std::vector<Object*>& cycle) {
  // Start the report at the object declared first in the source.
  size_t start = 0;
  for (size_t i = 1; i < cycle.size(); i++) {
    if (cycle[i]->pos < cycle[start]->pos) start = i;
  }
  Object* obj = cycle[start];
  bool is_type = obj->is<TypeName>();
  if (cycle.size() == 1) {
    error(obj->pos, is_type ? "invalid recursive type: " + obj->name + " refers to itself"
                            : "invalid cycle in declaration: " + obj->name + " refers to itself");
    return;
  }
  std::string msg = is_type ? "invalid recursive type " + obj->name : "invalid cycle in declaration of " + obj->name;
  Pos first = obj->pos;
  for (size_t i = 0; i < cycle.size(); i++) {
    Object* next = cycle[(start + i + 1) % cycle.size()];
    msg += "\n\t" + pos_str(obj->pos) + ": " + obj->name + " refers to " + next->name;
    obj = next;
  }
  error(first, msg);
}

void Checker::const_decl(Const* obj, DeclInfo* d) {
  m_iota = Constant::make_int(d->iota);
  const Type* t = nullptr;
  if (d->type_expr != nullptr) {
    t = type_expr(d->type_expr);
    if (!is_const_type(t)) {
      // A defined type left invalid by an earlier error is not reported
      // again (cf. types2 constDecl).
      if (is_valid(under(t))) error_at(d->type_expr, "invalid constant type " + str(t));
      obj->type = invalid_type();
      m_iota.reset();
      return;
    }
  }
  Operand x;
  if (d->init != nullptr) {
    // An inherited expression is evaluated again for this constant (with
    // its own iota); errors are reported at the original expression.
    expr(x, d->init);
  }
  if (t != nullptr) obj->type = t;
  init_const(obj, x);
  m_iota.reset();
}

void Checker::var_decl(Var* obj, DeclInfo* d) {
  if (d->type_expr != nullptr) {
    const Type* t = var_type(d->type_expr);
    if (!d->lhs.empty()) {
      for (Var* v : d->lhs) v->type = t;
    } else {
      obj->type = t;
    }
  }
  if (d->init == nullptr) {
    if (d->type_expr == nullptr) obj->type = invalid_type();
    return;
  }
  if (d->lhs.empty() || d->lhs.size() == 1) {
    Operand x;
    expr(x, d->init, obj->type);
    init_var(obj, x, "variable declaration");
    return;
  }
  // n:1 — resolving one variable resolves all of them.
  for (Var* v : d->lhs) m_color[v] = Color::Grey;
  init_vars(d->lhs, {d->init}, nullptr);
  for (Var* v : d->lhs) {
    if (v->type == nullptr) v->type = invalid_type();
  }
}

void Checker::type_decl(TypeName* obj, DeclInfo* d) {
  TypeSpec* ts = d->tspec;
  if (ts->is_alias()) {
    obj->type = invalid_type();  // in case of a cycle
    const Type* t = type_expr(ts->type_expr);
    obj->type = t;
    ts->name->object = obj;
    return;
  }
  Named* named = alloc<Named>(obj);
  obj->type = named;
  const Type* rhs = defined_type(ts->type_expr, named);
  if (named->underlying == nullptr) {
    const Type* u = under(rhs);
    if (u == nullptr) {
      // The right side is a named type still being declared: a cycle of
      // type names without a type literal (type A B; type B A).
      auto it = std::find(m_obj_path.begin(), m_obj_path.end(), rhs->as<Named>()->obj);
      if (it != m_obj_path.end()) cycle_error(std::vector<Object*>(it, m_obj_path.end()));
      u = invalid_type();
    }
    named->underlying = u;
  }
  collect_methods(obj);
  // An invalid recursive type embeds itself by value (struct fields, array elements).
  std::vector<const Named*> path;
  std::function<bool(const Type*)> valid = [&](const Type* t) -> bool {
    if (t == nullptr) return true;
    switch (t->kind) {
      case TypeKind::Array: return valid(t->as<Array>()->elem);
      case TypeKind::Struct:
        for (const Var* f : t->as<Struct>()->fields) {
          if (!valid(f->type)) return false;
        }
        return true;
      case TypeKind::Interface:
        for (const Type* e : t->as<Interface>()->embeddeds) {
          if (!valid(e)) return false;
        }
        return true;
      case TypeKind::Named: {
        const Named* n = t->as<Named>();
        if (!is_valid(n->underlying) || n->underlying == nullptr) return n->underlying == nullptr;
        for (size_t i = 0; i < path.size(); i++) {
          if (path[i] == n) {
            std::vector<Object*> cycle;
            for (size_t j = i; j < path.size(); j++) cycle.push_back(path[j]->obj);
            if (path[i] == named) {
              cycle_error(cycle);
              const_cast<Named*>(n)->underlying = invalid_type();
            }
            return false;
          }
        }
        if (n->obj->pkg != m_pkg) return true;
        path.push_back(n);
        bool ok = valid(n->underlying);
        path.pop_back();
        return ok;
      }
      default:
        return true;
    }
  };
  valid(named);
}

void Checker::collect_methods(TypeName* obj) {
  auto it = m_methods.find(obj);
  if (it == m_methods.end()) return;
  Named* named = const_cast<Named*>(obj->type->as<Named>());
  if (named == nullptr) return;
  const Struct* st = under(named) ? under(named)->as<Struct>() : nullptr;
  for (Func* m : it->second) {
    bool dup = false;
    for (Func* have : named->methods) {
      if (have->name == m->name) {
        error(m->pos, "method " + obj->name + "." + m->name + " already declared at " + pos_str(have->pos));
        dup = true;
        break;
      }
    }
    if (dup) continue;
    if (st != nullptr) {
      for (const Var* f : st->fields) {
        if (f->name == m->name) {
          error(m->pos, "field and method with the same name " + m->name + "\n\t" + pos_str(f->pos) +
                            ": other declaration of " + m->name);
          dup = true;
          break;
        }
      }
    }
    if (dup) continue;
    named->methods.push_back(m);
  }
  // Signatures are resolved after the type itself (they may mention it);
  // the bodies wait for package_objects to reach the methods.
  bool saved = m_resolving_methods;
  m_resolving_methods = true;
  for (Func* m : it->second) obj_decl(m);
  m_resolving_methods = saved;
}

void Checker::func_decl(Func* obj, DeclInfo* d) {
  FuncDecl* fd = d->fdecl;
  obj->type = invalid_type();  // in case of a cycle through the signature
  auto* scope = alloc<Scope>(d->file_scope, "function " + obj->name, true);
  scope->begin = fd->range.begin;
  scope->end = fd->range.end;
  const Signature* sig = func_type(fd->sig, fd->recv, scope);
  obj->type = sig;
  if (sig->recv != nullptr) {
    const Type* rt = sig->recv->type;
    if (const Pointer* p = rt ? rt->as<Pointer>() : nullptr) {
      obj->ptr_recv = true;
      rt = p->elem;
    }
  }
  if (fd->body != nullptr) {
    if (m_resolving_methods) m_early_methods[obj] = {obj, d};
    else m_funcs.push_back({obj, d});
  }
  m_func_scopes[obj] = scope;
}

// ------------------------------------------------------------------ phase 3

void Checker::process_later() {
  for (size_t i = 0; i < m_later.size(); i++) {
    auto fn = std::move(m_later[i]);
    fn();
  }
  m_later.clear();
}

void Checker::check_func_bodies() {
  for (size_t i = 0; i < m_funcs.size(); i++) {
    auto [fn, d] = m_funcs[i];
    m_decl = d;
    m_scope = m_func_scopes[fn];
    func_body(fn->name, fn->sig(), d->fdecl->body, m_func_scopes[fn]);
    m_decl = nullptr;
  }
}

// ------------------------------------------------------------------ phase 4

void Checker::init_order() {
  // Dependencies of each variable on other package-level variables, with
  // functions collapsed away: a var depending on f depends on all f uses.
  std::vector<Object*> nodes;
  for (Object* o : m_pkg_objects) {
    if (o->is<Var>() || o->is<Const>()) nodes.push_back(o);
  }
  std::unordered_map<Object*, std::set<Object*>> succ;  // n depends on succ
  for (Object* n : nodes) {
    std::set<Object*> seen;
    std::vector<Object*> work;
    if (m_objmap.count(n)) work = m_objmap[n]->deps;
    while (!work.empty()) {
      Object* o = work.back();
      work.pop_back();
      if (!seen.insert(o).second) continue;
      if (o->is<Func>()) {
        if (m_objmap.count(o)) {
          for (Object* dd : m_objmap[o]->deps) work.push_back(dd);
        }
      } else {
        succ[n].insert(o);
      }
    }
  }
  std::unordered_map<Object*, size_t> order;
  for (size_t i = 0; i < m_pkg_objects.size(); i++) order[m_pkg_objects[i]] = i;
  std::unordered_map<Object*, int> ndeps;
  std::unordered_map<Object*, std::vector<Object*>> pred;
  for (Object* n : nodes) {
    ndeps[n] = static_cast<int>(succ[n].size());
    for (Object* s : succ[n]) pred[s].push_back(n);
  }
  std::set<Object*> done;
  std::set<DeclInfo*> emitted;
  while (done.size() < nodes.size()) {
    // The node with the fewest remaining dependencies, first in source order.
    Object* best = nullptr;
    for (Object* n : nodes) {
      if (done.count(n)) continue;
      if (best == nullptr || ndeps[n] < ndeps[best] || (ndeps[n] == ndeps[best] && order[n] < order[best])) best = n;
    }
    Object* n = best;
    if (ndeps[n] > 0) {
      // A cycle: find the path n → ... → n through the declared dependencies.
      std::set<Object*> seen;
      std::function<bool(Object*, std::vector<Object*>&)> find = [&](Object* from, std::vector<Object*>& path) {
        if (!seen.insert(from).second) return false;
        if (!m_objmap.count(from)) return false;
        std::vector<Object*> deps = m_objmap[from]->deps;
        std::sort(deps.begin(), deps.end(), [&](Object* a, Object* b) { return a->pos < b->pos; });
        for (Object* dep : deps) {
          if (dep == n) {
            path.push_back(dep);
            return true;
          }
          if (find(dep, path)) {
            path.push_back(dep);
            return true;
          }
        }
        return false;
      };
      std::vector<Object*> cycle;  // reversed: {n, ..., from}
      if (find(n, cycle)) {
        if (cycle.size() == 1) {
          error(n->pos, "initialization cycle: " + n->name + " refers to itself");
        } else {
          Object* obj = cycle[0];
          std::string msg = "initialization cycle for " + obj->name;
          for (size_t j = cycle.size(); j-- > 0;) {
            Object* next = cycle[j];
            msg += "\n\t" + pos_str(obj->pos) + ": " + obj->name + " refers to " + next->name;
            obj = next;
          }
          error(cycle[0]->pos, msg);
        }
      }
    }
    done.insert(n);
    for (Object* p : pred[n]) ndeps[p]--;
    Var* v = n->as<Var>();
    if (v == nullptr) continue;
    DeclInfo* info = m_objmap[v];
    if (info == nullptr || info->init == nullptr) continue;
    if (!emitted.insert(info).second) continue;
    Initializer init;
    init.lhs = info->lhs.empty() ? std::vector<Var*>{v} : info->lhs;
    init.rhs = info->init;
    m_pkg->init_order.push_back(init);
  }
}

void Checker::unused_imports() {
  if (m_repl) return;
  for (PkgName* p : m_imports) {
    if (p->used || p->name == "_") continue;
    std::string path = p->imported->path;
    if (p->spec && p->spec->name != nullptr && p->name != p->imported->name && p->name != ".") {
      error(p->pos, "\"" + path + "\" imported as " + p->name + " and not used");
    } else {
      error(p->pos, "\"" + path + "\" imported and not used");
    }
  }
}

void Checker::check_main() {
  if (m_pkg->name != "main") {
    for (File* f : m_pkg->files) {
      if (f && f->package_name) {
        error_at(f->package_name, "package " + m_pkg->name + " is not a main package");
        return;
      }
    }
    return;
  }
  // Go reports a missing main at link time, so only for a program that
  // otherwise compiles, and without a position.
  if (m_errors > 0 || !m_diags.empty() || m_repl) return;
  Object* main = m_pkg->scope->lookup("main");
  if (main == nullptr) error(Pos{}, "function main is undeclared in the main package");
}

// ------------------------------------------------------------------ entry

Package* check_package(SourceSet& sources, Arena& arena, const std::vector<File*>& files,
                       const PackageRegistry& registry, Diagnostics& diags) {
  return check_package(sources, arena, files, registry, diags, CheckOptions{});
}

Package* check_package(SourceSet& sources, Arena& arena, const std::vector<File*>& files,
                       const PackageRegistry& registry, Diagnostics& diags, const CheckOptions& options) {
  ImportCache cache;
  auto* pkg = alloc<Package>();
  pkg->path = "main";
  Checker checker(sources, arena, registry, diags, pkg, cache);
  checker.m_repl = options.repl;
  checker.check_files(files);
  return pkg;
}

}  // namespace gol::lang
