// types_lookup.cc — field and method lookup, method sets, interface satisfaction.
//
// Lookup follows the spec's selector rule and types2's lookupFieldOrMethod: a
// breadth-first walk over embedded fields, one depth at a time. At each depth
// the named types' declared methods, the struct fields and the interface
// methods are searched; the first depth with a match decides, and two matches
// at that depth (or one reached through two embedding paths) make the
// selector ambiguous. A method with a pointer receiver is only selectable on
// an addressable value or through a pointer.
//
// missing_method explains a failed interface satisfaction exactly as Go does,
// including the near misses (pointer receiver, wrong signature, a method whose
// name differs only in case, a field where a method is wanted).
#include <algorithm>
#include <cctype>
#include <set>

#include "lang/scope.h"
#include "lang/types.h"

namespace gol::lang {

namespace {

// A type at one depth of the embedding walk.
struct Embedded {
  const Type* type;
  std::vector<int> index;
  bool indirect;
  bool multiples;  // reached through more than one path at this depth
};

bool equal_fold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// Go's "same identifier": equal names, and for unexported names the same package.
bool same_id(const Object* obj, const Package* pkg, std::string_view name, bool fold_case) {
  if (fold_case) return equal_fold(obj->name, name);
  if (obj->name != name) return false;
  if (obj->exported()) return true;
  return obj->pkg == pkg || obj->pkg == nullptr;
}

const Type* deref(const Type* t, bool* is_ptr) {
  if (const Pointer* p = t ? t->as<Pointer>() : nullptr) {
    *is_ptr = true;
    return p->elem;
  }
  *is_ptr = false;
  return t;
}

std::vector<int> concat(const std::vector<int>& path, int i) {
  std::vector<int> out = path;
  out.push_back(i);
  return out;
}

// Merges entries for the same type reached through several paths.
std::vector<Embedded> consolidate(std::vector<Embedded> list) {
  std::vector<Embedded> out;
  for (Embedded& e : list) {
    bool merged = false;
    for (Embedded& o : out) {
      if (identical(o.type, e.type)) {
        o.multiples = true;
        merged = true;
        break;
      }
    }
    if (!merged) out.push_back(std::move(e));
  }
  return out;
}

Selection lookup_impl(const Type* t, bool addressable, const Package* pkg, std::string_view name, bool fold_case) {
  Selection sel;
  if (name == "_" || t == nullptr) return sel;
  bool is_ptr = false;
  const Type* typ = deref(t, &is_ptr);
  if (is_ptr && is_interface(typ)) return sel;  // *I has no methods

  std::vector<Embedded> current{{typ, {}, is_ptr, false}};
  std::set<const Named*> seen;
  while (!current.empty()) {
    std::vector<Embedded> next;
    for (const Embedded& e : current) {
      const Type* et = e.type;
      if (const Named* named = et ? et->as<Named>() : nullptr) {
        if (seen.count(named)) continue;
        seen.insert(named);
        bool found_method = false;
        for (size_t i = 0; i < named->methods.size(); i++) {
          Func* m = named->methods[i];
          if (!same_id(m, pkg, name, fold_case)) continue;
          sel.index = concat(e.index, static_cast<int>(i));
          if (sel.obj != nullptr || e.multiples) {
            sel.obj = nullptr;
            sel.ambiguous = true;
            return sel;
          }
          sel.obj = m;
          sel.indirect = e.indirect;
          found_method = true;
          break;
        }
        if (found_method) continue;
      }
      const Type* u = under(et);
      if (u == nullptr) continue;
      if (const Struct* st = u->as<Struct>()) {
        for (size_t i = 0; i < st->fields.size(); i++) {
          Var* f = st->fields[i];
          if (same_id(f, pkg, name, fold_case)) {
            sel.index = concat(e.index, static_cast<int>(i));
            if (sel.obj != nullptr || e.multiples) {
              sel.obj = nullptr;
              sel.ambiguous = true;
              return sel;
            }
            sel.obj = f;
            sel.indirect = e.indirect;
            continue;
          }
          if (sel.obj == nullptr && f->embedded) {
            bool p = false;
            const Type* ft = deref(f->type, &p);
            next.push_back({ft, concat(e.index, static_cast<int>(i)), e.indirect || p, e.multiples});
          }
        }
      } else if (const Interface* iface = u->as<Interface>()) {
        const auto& methods = iface->all_methods();
        for (size_t i = 0; i < methods.size(); i++) {
          if (!same_id(methods[i], pkg, name, fold_case)) continue;
          sel.index = concat(e.index, static_cast<int>(i));
          if (sel.obj != nullptr || e.multiples) {
            sel.obj = nullptr;
            sel.ambiguous = true;
            return sel;
          }
          sel.obj = methods[i];
          sel.indirect = e.indirect;
          break;
        }
      }
    }
    if (sel.obj != nullptr) {
      if (const Func* f = sel.obj->as<Func>()) {
        if (f->ptr_recv && !sel.indirect && !addressable) {
          Selection out;
          out.not_addressable_ptr_method = true;
          out.indirect = true;
          return out;
        }
      }
      return sel;
    }
    current = consolidate(std::move(next));
  }
  return Selection{};
}

std::string func_string(const Func* f, const Package* current) {
  std::string out = f->name;
  if (const Signature* sig = f->sig()) out += signature_string(sig, current, false);
  return out;
}

}  // namespace

Selection lookup_field_or_method(const Type* t, bool addressable, const Package* pkg, std::string_view name,
                                 bool fold_case) {
  return lookup_impl(t, addressable, pkg, name, fold_case);
}

MissingMethod missing_method(const Type* v, const Interface* t, bool static_, const Package* current) {
  MissingMethod out;
  const auto& methods = t->all_methods();
  if (methods.empty()) return out;
  enum class State { Ok, NotFound, WrongName, Unexported, WrongSig, Ambiguous, PtrRecv, Field };
  State state = State::Ok;
  Func* m = nullptr;
  const Func* f = nullptr;
  if (const Interface* vi = under(v) ? under(v)->as<Interface>() : nullptr) {
    for (Func* want : methods) {
      m = want;
      f = nullptr;
      for (Func* have : vi->all_methods()) {
        if (same_id(have, want->pkg, want->name, false)) f = have;
      }
      if (f == nullptr) {
        if (!static_) continue;
        state = State::NotFound;
        break;
      }
      if (!identical(f->type, want->type)) {
        state = State::WrongSig;
        break;
      }
    }
  } else {
    for (Func* want : methods) {
      m = want;
      f = nullptr;
      Selection sel = lookup_impl(v, false, want->pkg, want->name, false);
      if (sel.obj == nullptr) {
        if (sel.ambiguous) {
          state = State::Ambiguous;
        } else if (sel.not_addressable_ptr_method) {
          state = State::PtrRecv;
        } else {
          state = State::NotFound;
          Selection folded = lookup_impl(v, false, want->pkg, want->name, true);
          if (folded.obj != nullptr && folded.obj->is<Func>()) {
            f = folded.obj->as<Func>();
            state = f->name == want->name ? State::Unexported : State::WrongName;
          }
        }
        break;
      }
      f = sel.obj->as<Func>();
      if (f == nullptr) {
        state = State::Field;
        f = nullptr;
        out.cause = "(" + type_string(v, current) + "." + sel.obj->name + " is a field, not a method)";
        break;
      }
      if (!identical(f->type, want->type)) {
        state = State::WrongSig;
        break;
      }
    }
  }
  if (state == State::Ok) return out;
  out.method = m;
  switch (state) {
    case State::Ok:
      break;
    case State::NotFound: {
      const Type* vu = under(v);
      if (vu && vu->is<Pointer>() && is_interface(vu->as<Pointer>()->elem)) {
        out.cause = "(type " + type_string(v, current) + " is pointer to interface, not interface)";
      } else {
        out.cause = "(missing method " + m->name + ")";
      }
      break;
    }
    case State::WrongName:
      out.cause = "(missing method " + m->name + ")\n\t\thave " + func_string(f, current) + "\n\t\twant " +
                  func_string(m, current);
      break;
    case State::Unexported:
      out.cause = "(unexported method " + m->name + ")";
      break;
    case State::WrongSig: {
      std::string have = func_string(f, current);
      std::string want = func_string(m, current);
      if (have == want) {
        out.cause = "(wrong type for method " + m->name + ")";
      } else {
        out.cause = "(wrong type for method " + m->name + ")\n\t\thave " + have + "\n\t\twant " + want;
      }
      break;
    }
    case State::Ambiguous:
      out.cause = "(ambiguous selector " + type_string(v, current) + "." + m->name + ")";
      break;
    case State::PtrRecv:
      out.cause = "(method " + m->name + " has pointer receiver)";
      break;
    case State::Field:
      break;  // set above
  }
  return out;
}

bool implements(const Type* v, const Type* t, std::string* cause, const Package* current) {
  const Type* vu = under(v);
  const Type* tu = under(t);
  if (!is_valid(vu) || !is_valid(tu)) return true;
  const Interface* ti = tu->as<Interface>();
  if (ti == nullptr) {
    if (cause != nullptr) {
      std::string detail;
      if (tu->is<Pointer>() && is_interface(tu->as<Pointer>()->elem)) {
        detail = "type " + type_string(t, current) + " is pointer to interface, not interface";
      } else {
        detail = type_string(t, current) + " is not an interface";
      }
      *cause = type_string(v, current) + " does not implement " + type_string(t, current) + " (" + detail + ")";
    }
    return false;
  }
  if (ti->empty()) return true;
  MissingMethod mm = missing_method(v, ti, true, current);
  if (mm.method == nullptr) return true;
  if (cause != nullptr) {
    *cause = type_string(v, current) + " does not implement " + type_string(t, current) + " " + mm.cause;
  }
  return false;
}

namespace {

// Every method name reachable from t through embedding (candidates for the method set).
void collect_method_names(const Type* t, std::set<std::pair<std::string, const Package*>>& names,
                          std::set<const Type*>& seen) {
  bool is_ptr = false;
  t = deref(t, &is_ptr);
  if (t == nullptr || seen.count(t)) return;
  seen.insert(t);
  if (const Named* n = t->as<Named>()) {
    for (const Func* m : n->methods) names.insert({m->name, m->pkg});
  }
  const Type* u = under(t);
  if (u == nullptr) return;
  if (const Struct* s = u->as<Struct>()) {
    for (const Var* f : s->fields) {
      if (f->embedded) collect_method_names(f->type, names, seen);
    }
  } else if (const Interface* i = u->as<Interface>()) {
    for (const Func* m : i->all_methods()) names.insert({m->name, m->pkg});
  }
}

}  // namespace

std::vector<Func*> method_set(const Type* t) {
  std::set<std::pair<std::string, const Package*>> names;
  std::set<const Type*> seen;
  collect_method_names(t, names, seen);
  std::vector<Func*> out;
  for (const auto& [name, pkg] : names) {
    Selection sel = lookup_impl(t, false, pkg, name, false);
    if (sel.obj == nullptr) continue;
    if (Func* f = sel.obj->as<Func>()) out.push_back(f);
  }
  std::sort(out.begin(), out.end(), [](const Func* a, const Func* b) { return a->name < b->name; });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace gol::lang
