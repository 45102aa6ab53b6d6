// types.cc — type predicates, identity and Go's type strings (see types.h).
//
// Identity follows the spec's "Type identity": Named types are identical only
// to themselves; Basic types by kind (so `byte` is `uint8` while each keeps
// its own name for messages); everything else structurally. Interfaces may
// refer to themselves through their methods' signatures, so interface
// identity carries the list of pairs already being compared (cf. types2
// ifacePair) to stop the recursion.
//
// Type strings are what Go prints in messages: parameter names in
// signatures, `...T` for a variadic parameter, methods before embedded types
// in interfaces, and package-qualified names for other packages' types.
#include "lang/types.h"

#include <algorithm>
#include <mutex>

#include "lang/scope.h"
#include "lang/universe.h"

namespace gol::lang {

namespace detail {

void keep_alive(std::shared_ptr<void> object) {
  static std::mutex mutex;
  static auto* store = new std::vector<std::shared_ptr<void>>();
  std::lock_guard<std::mutex> lock(mutex);
  store->push_back(std::move(object));
}

}  // namespace detail

const Type* Tuple::at(size_t i) const { return vars[i]->type; }

// Collects the method set of an interface: explicit methods and those of the
// embedded interfaces, sorted by name. A cycle through embedding (an invalid
// recursive type, reported by the checker) contributes nothing.
const std::vector<Func*>& Interface::all_methods() const {
  if (m_complete || m_computing) return m_all;
  m_computing = true;
  std::vector<Func*> all(methods.begin(), methods.end());
  for (const Type* e : embeddeds) {
    const Interface* iface = e ? under(e) ? under(e)->as<Interface>() : nullptr : nullptr;
    if (iface == nullptr) continue;
    for (Func* m : iface->all_methods()) {
      bool dup = false;
      for (Func* have : all) dup = dup || have->name == m->name;
      if (!dup) all.push_back(m);
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const Func* a, const Func* b) { return a->name < b->name; });
  m_all = std::move(all);
  m_computing = false;
  m_complete = true;
  return m_all;
}

bool Interface::is_method_set() const {
  // m_computing guards against an embedding cycle (reported elsewhere).
  if (m_computing) return true;
  m_computing = true;
  bool ok = true;
  for (const Type* e : embeddeds) {
    const Type* u = under(e);
    if (!is_valid(u)) continue;
    const Interface* iface = u->as<Interface>();
    if (iface == nullptr || !iface->is_method_set()) {
      ok = false;
      break;
    }
  }
  m_computing = false;
  return ok;
}

// ---------------------------------------------------------------- predicates

const Type* under(const Type* t) {
  // A chain of Named types only occurs while declarations resolve; the
  // checker stores the final underlying type, so one step suffices.
  if (t != nullptr && t->kind == TypeKind::Named) return static_cast<const Named*>(t)->underlying;
  return t;
}

const Basic* as_basic(const Type* t) {
  const Type* u = under(t);
  return u ? u->as<Basic>() : nullptr;
}

bool is_valid(const Type* t) {
  if (t == nullptr) return false;
  const Basic* b = t->as<Basic>();
  return b == nullptr || b->basic != BasicKind::Invalid;
}

bool has_info(const Type* t, uint32_t info) {
  const Basic* b = as_basic(t);
  return b != nullptr && (b->info & info) != 0;
}

bool is_untyped(const Type* t) {
  const Basic* b = t ? t->as<Basic>() : nullptr;
  return b != nullptr && (b->info & kIsUntyped) != 0;
}

bool is_interface(const Type* t) {
  const Type* u = under(t);
  return u != nullptr && u->is<Interface>();
}

bool is_pointer(const Type* t) {
  const Type* u = under(t);
  return u != nullptr && u->is<Pointer>();
}

bool has_name(const Type* t) { return t != nullptr && (t->is<Basic>() || t->is<Named>()); }

bool has_nil(const Type* t) {
  const Type* u = under(t);
  if (u == nullptr) return false;
  switch (u->kind) {
    case TypeKind::Pointer:
    case TypeKind::Signature:
    case TypeKind::Slice:
    case TypeKind::Map:
    case TypeKind::Chan:
    case TypeKind::Interface:
      return true;
    default:
      return false;
  }
}

bool comparable(const Type* t) {
  const Type* u = under(t);
  if (u == nullptr) return false;
  switch (u->kind) {
    case TypeKind::Basic:
      return u->as<Basic>()->basic != BasicKind::UntypedNil;
    case TypeKind::Pointer:
    case TypeKind::Chan:
    case TypeKind::Interface:
      return true;
    case TypeKind::Struct:
      for (const Var* f : u->as<Struct>()->fields) {
        if (!comparable(f->type)) return false;
      }
      return true;
    case TypeKind::Array:
      return comparable(u->as<Array>()->elem);
    default:
      return false;
  }
}

std::string kind_string(const Type* t, const Package* current) {
  const Type* u = under(t);
  if (u == nullptr) return type_string(t, current);
  switch (u->kind) {
    case TypeKind::Array: return "array";
    case TypeKind::Slice: return "slice";
    case TypeKind::Struct: return "struct";
    case TypeKind::Pointer: return "pointer";
    case TypeKind::Signature: return "func";
    case TypeKind::Interface: return "interface";
    case TypeKind::Map: return "map";
    case TypeKind::Chan: return "chan";
    default: return type_string(t, current);
  }
}

std::string incomparable_cause(const Type* t, const Package* current) {
  const Type* u = under(t);
  if (u == nullptr) return "";
  switch (u->kind) {
    case TypeKind::Slice:
    case TypeKind::Signature:
    case TypeKind::Map:
      return kind_string(t, current) + " can only be compared to nil";
    case TypeKind::Struct:
      for (const Var* f : u->as<Struct>()->fields) {
        if (!comparable(f->type)) return "struct containing " + type_string(f->type, current) + " cannot be compared";
      }
      return "";
    case TypeKind::Array:
      if (!comparable(u->as<Array>()->elem)) return type_string(t, current) + " cannot be compared";
      return "";
    default:
      return "";
  }
}

const Type* default_type(const Type* t) {
  const Basic* b = t ? t->as<Basic>() : nullptr;
  if (b == nullptr) return t;
  switch (b->basic) {
    case BasicKind::UntypedBool: return basic_type(BasicKind::Bool);
    case BasicKind::UntypedInt: return basic_type(BasicKind::Int);
    case BasicKind::UntypedRune: return universe()->lookup("rune")->type;
    case BasicKind::UntypedFloat: return basic_type(BasicKind::Float64);
    case BasicKind::UntypedString: return basic_type(BasicKind::String);
    default: return t;
  }
}

// ------------------------------------------------------------------ identity

namespace {

struct IfacePair {
  const Interface* x;
  const Interface* y;
  const IfacePair* prev;
};

// Whether struct tags take part in identity (conversions ignore them).
enum class Tags : uint8_t { Compare, Ignore };

bool identical_impl(const Type* x, const Type* y, const IfacePair* pairs, Tags tags);

bool identical_tuples(const Tuple* x, const Tuple* y, const IfacePair* pairs, Tags tags) {
  if (x == nullptr || y == nullptr) return x == y;
  if (x->size() != y->size()) return false;
  for (size_t i = 0; i < x->size(); i++) {
    if (!identical_impl(x->at(i), y->at(i), pairs, tags)) return false;
  }
  return true;
}

bool identical_impl(const Type* x, const Type* y, const IfacePair* pairs, Tags tags) {
  if (x == y) return true;
  if (x == nullptr || y == nullptr || x->kind != y->kind) return false;
  switch (x->kind) {
    case TypeKind::Basic:
      return x->as<Basic>()->basic == y->as<Basic>()->basic;
    case TypeKind::Pointer:
      return identical_impl(x->as<Pointer>()->elem, y->as<Pointer>()->elem, pairs, tags);
    case TypeKind::Array:
      return x->as<Array>()->len == y->as<Array>()->len &&
             identical_impl(x->as<Array>()->elem, y->as<Array>()->elem, pairs, tags);
    case TypeKind::Slice:
      return identical_impl(x->as<Slice>()->elem, y->as<Slice>()->elem, pairs, tags);
    case TypeKind::Map:
      return identical_impl(x->as<Map>()->key, y->as<Map>()->key, pairs, tags) &&
             identical_impl(x->as<Map>()->elem, y->as<Map>()->elem, pairs, tags);
    case TypeKind::Chan:
      return x->as<Chan>()->dir == y->as<Chan>()->dir &&
             identical_impl(x->as<Chan>()->elem, y->as<Chan>()->elem, pairs, tags);
    case TypeKind::Struct: {
      const Struct* a = x->as<Struct>();
      const Struct* b = y->as<Struct>();
      if (a->fields.size() != b->fields.size()) return false;
      for (size_t i = 0; i < a->fields.size(); i++) {
        const Var* f = a->fields[i];
        const Var* g = b->fields[i];
        if (f->embedded != g->embedded || f->name != g->name || (tags == Tags::Compare && a->tags[i] != b->tags[i])) return false;
        if (!f->exported() && f->pkg != g->pkg) return false;
        if (!identical_impl(f->type, g->type, pairs, tags)) return false;
      }
      return true;
    }
    case TypeKind::Tuple:
      return identical_tuples(x->as<Tuple>(), y->as<Tuple>(), pairs, tags);
    case TypeKind::Signature: {
      const Signature* a = x->as<Signature>();
      const Signature* b = y->as<Signature>();
      return a->variadic == b->variadic && identical_tuples(a->params, b->params, pairs, tags) &&
             identical_tuples(a->results, b->results, pairs, tags);
    }
    case TypeKind::Interface: {
      const Interface* a = x->as<Interface>();
      const Interface* b = y->as<Interface>();
      const auto& am = a->all_methods();
      const auto& bm = b->all_methods();
      if (am.size() != bm.size()) return false;
      for (const IfacePair* p = pairs; p != nullptr; p = p->prev) {
        if ((p->x == a && p->y == b) || (p->x == b && p->y == a)) return true;
      }
      IfacePair pair{a, b, pairs};
      for (size_t i = 0; i < am.size(); i++) {
        if (am[i]->name != bm[i]->name) return false;
        if (!am[i]->exported() && am[i]->pkg != bm[i]->pkg) return false;
        if (!identical_impl(am[i]->type, bm[i]->type, &pair, tags)) return false;
      }
      return true;
    }
    case TypeKind::Named:
      return false;  // named types are unique
  }
  return false;
}

}  // namespace

bool identical(const Type* x, const Type* y) { return identical_impl(x, y, nullptr, Tags::Compare); }

bool identical_ignore_tags(const Type* x, const Type* y) { return identical_impl(x, y, nullptr, Tags::Ignore); }

// -------------------------------------------------------------- type strings

namespace {

std::string quote_tag(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

void write_type(std::string& out, const Type* t, const Package* current, int depth);

// Parameter names are printed except in method descriptions (types2 funcString).
thread_local bool t_param_names = true;

void write_tuple(std::string& out, const Tuple* t, const Package* current, bool variadic, int depth) {
  out += '(';
  if (t != nullptr) {
    for (size_t i = 0; i < t->size(); i++) {
      if (i > 0) out += ", ";
      const Var* v = t->vars[i];
      if (!v->name.empty() && t_param_names) {
        out += v->name;
        out += ' ';
      }
      const Type* type = v->type;
      if (variadic && i + 1 == t->size()) {
        const Slice* s = type ? type->as<Slice>() : nullptr;
        out += "...";
        write_type(out, s ? s->elem : type, current, depth + 1);
      } else {
        write_type(out, type, current, depth + 1);
      }
    }
  }
  out += ')';
}

void write_signature(std::string& out, const Signature* sig, const Package* current, int depth) {
  write_tuple(out, sig->params, current, sig->variadic, depth);
  const Tuple* results = sig->results;
  if (results == nullptr || results->size() == 0) return;
  out += ' ';
  if (results->size() == 1 && results->vars[0]->name.empty()) {
    write_type(out, results->at(0), current, depth + 1);
    return;
  }
  write_tuple(out, results, current, false, depth);
}

void write_type(std::string& out, const Type* t, const Package* current, int depth) {
  if (t == nullptr) {
    out += "<nil>";
    return;
  }
  if (depth > 64) {  // a malformed recursive type; never for checked programs
    out += "...";
    return;
  }
  switch (t->kind) {
    case TypeKind::Basic: {
      const Basic* b = t->as<Basic>();
      out += b->basic == BasicKind::Invalid ? "invalid type" : b->name;
      return;
    }
    case TypeKind::Pointer:
      out += '*';
      write_type(out, t->as<Pointer>()->elem, current, depth + 1);
      return;
    case TypeKind::Array:
      out += '[' + std::to_string(t->as<Array>()->len) + ']';
      write_type(out, t->as<Array>()->elem, current, depth + 1);
      return;
    case TypeKind::Slice:
      out += "[]";
      write_type(out, t->as<Slice>()->elem, current, depth + 1);
      return;
    case TypeKind::Map:
      out += "map[";
      write_type(out, t->as<Map>()->key, current, depth + 1);
      out += ']';
      write_type(out, t->as<Map>()->elem, current, depth + 1);
      return;
    case TypeKind::Chan: {
      const Chan* c = t->as<Chan>();
      bool parens = false;
      switch (c->dir) {
        case ChanDir::Both:
          out += "chan ";
          // chan (<-chan T) needs parentheses: `chan <-chan T` parses as chan<- (chan T).
          if (const Chan* e = c->elem ? c->elem->as<Chan>() : nullptr; e && e->dir == ChanDir::Recv) parens = true;
          break;
        case ChanDir::Send: out += "chan<- "; break;
        case ChanDir::Recv: out += "<-chan "; break;
      }
      if (parens) out += '(';
      write_type(out, c->elem, current, depth + 1);
      if (parens) out += ')';
      return;
    }
    case TypeKind::Struct: {
      const Struct* s = t->as<Struct>();
      out += "struct{";
      for (size_t i = 0; i < s->fields.size(); i++) {
        if (i > 0) out += "; ";
        const Var* f = s->fields[i];
        if (!f->embedded) {
          out += f->name;
          out += ' ';
        }
        write_type(out, f->type, current, depth + 1);
        if (!s->tags[i].empty()) out += ' ' + quote_tag(s->tags[i]);
      }
      out += '}';
      return;
    }
    case TypeKind::Tuple:
      write_tuple(out, t->as<Tuple>(), current, false, depth);
      return;
    case TypeKind::Signature:
      out += "func";
      write_signature(out, t->as<Signature>(), current, depth);
      return;
    case TypeKind::Interface: {
      if (t == universe_any()) {
        out += "any";
        return;
      }
      const Interface* iface = t->as<Interface>();
      out += "interface{";
      bool first = true;
      for (const Func* m : iface->methods) {
        if (!first) out += "; ";
        first = false;
        out += m->name;
        if (const Signature* sig = m->sig()) write_signature(out, sig, current, depth + 1);
      }
      for (const Type* e : iface->embeddeds) {
        if (!first) out += "; ";
        first = false;
        write_type(out, e, current, depth + 1);
      }
      out += '}';
      return;
    }
    case TypeKind::Named: {
      const Named* n = t->as<Named>();
      const Package* pkg = n->obj->pkg;
      if (pkg != nullptr && pkg != current) out += pkg->name + '.';
      out += n->obj->name;
      return;
    }
  }
}

}  // namespace

std::string type_string(const Type* t, const Package* current) {
  std::string out;
  write_type(out, t, current, 0);
  return out;
}

std::string signature_string(const Signature* sig, const Package* current, bool param_names) {
  std::string out;
  bool saved = t_param_names;
  t_param_names = param_names;
  write_signature(out, sig, current, 0);
  t_param_names = saved;
  return out;
}

std::string tuple_string(const Tuple* t, const Package* current, bool variadic) {
  std::string out;
  write_tuple(out, t, current, variadic, 0);
  return out;
}

}  // namespace gol::lang
