// type.cc — run-time type descriptors: layout, Go's %T names, interning.
//
// The core idea: every descriptor is built once, by the TypeTable, from a key
// string that encodes Go's type identity, so identical types are the same
// Type* and a dynamic type check is a pointer compare (type.h).
//
// Keys. Every composite key wraps each component key in parentheses, so a
// key decodes unambiguously whatever its components contain:
//   basic           its name: "int", "string" ...
//   named           "N<unique>:" len:pkg_path qualified name (two local
//                   types both called T differ by `unique`)
//   *T []T [n]T     "*(T)" "[](T)" "[n](T)"
//   map, chan       "M(K)(V)", "C<dir>(T)"
//   func            "F(P1)(P2)...|(R1)...|v" (v: variadic)
//   struct          "S{" then per field: [E] len:name len:pkg (T) len:tag ";" "}"
//   interface       "I{" then per method (sorted by name): len:name len:pkg (F) "}"
// Names and tags are length-prefixed so that any byte sequence is safe; the
// package qualifies only unexported names (Go: they are distinct per package).
//
// Names (Type::name) are what Go's %T prints (reflect's String()): composite
// names are built from the components' names at creation. A named type's
// name is qualified with the last element of its package path ("main.T");
// callers may also pass an already-qualified name ("runtime.boundsError").
//
// Layout (value.h): scalars, pointers, maps, chans, funcs 1 slot; strings 2;
// slices 3; interfaces 2; structs flattened; arrays len × element, except
// arrays of 1-, 2- and 4-byte scalars, packed into ceil(len*size/8) slots.
//
// Descriptors and their vectors live in malloc memory and are never freed.
// The collector does not scan that memory, so a Closure in a method table
// must itself be immortal (gc_alloc_immortal, as Program::finish builds
// static closures); the table never owns GC pointers of its own.
//
// Lives elsewhere: what uses the descriptors (equal.cc, map.cc, iface.cc,
// the interpreter's assertions, fmt).
//
// Rejected: hash-consing on structural comparison (a custom hash and equality
// over Type graphs): keys are simpler to get right, are built once per type
// at compile time, and make recursive named types trivial (a named type's key
// does not depend on its underlying type).
#include <algorithm>
#include <cctype>
#include <deque>
#include <string>

#include "vm/runtime.h"
#include "vm/type.h"

namespace gol::vm {

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Int8: return "int8";
    case Kind::Int16: return "int16";
    case Kind::Int32: return "int32";
    case Kind::Int64: return "int64";
    case Kind::Uint: return "uint";
    case Kind::Uint8: return "uint8";
    case Kind::Uint16: return "uint16";
    case Kind::Uint32: return "uint32";
    case Kind::Uint64: return "uint64";
    case Kind::Uintptr: return "uintptr";
    case Kind::Float32: return "float32";
    case Kind::Float64: return "float64";
    case Kind::String: return "string";
    case Kind::Array: return "array";
    case Kind::Slice: return "slice";
    case Kind::Struct: return "struct";
    case Kind::Pointer: return "ptr";
    case Kind::Func: return "func";
    case Kind::Interface: return "interface";
    case Kind::Map: return "map";
    case Kind::Chan: return "chan";
    case Kind::UnsafePointer: return "unsafe.Pointer";
  }
  return "invalid";
}

// ------------------------------------------------------------ name interning

namespace {

struct NameTable {
  std::mutex mu;
  std::unordered_map<std::string_view, uint32_t> ids;  // views into `names`; guarded by mu
  std::deque<std::string> names;                       // stable storage; guarded by mu
};

NameTable& name_table() {
  static NameTable* table = new NameTable;  // never destroyed: used until exit
  return *table;
}

}  // namespace

uint32_t intern_name(std::string_view name) {
  NameTable& t = name_table();
  std::lock_guard lock(t.mu);
  auto it = t.ids.find(name);
  if (it != t.ids.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(t.names.size());
  t.names.emplace_back(name);
  t.ids.emplace(t.names.back(), id);
  return id;
}

std::string_view name_of(uint32_t id) {
  NameTable& t = name_table();
  std::lock_guard lock(t.mu);
  if (id >= t.names.size()) return {};
  return t.names[id];  // deque elements never move: the view stays valid
}

// ------------------------------------------------------------ method lookup

const Method* Type::find_method(uint32_t name) const {
  auto it = std::lower_bound(methods.begin(), methods.end(), name,
                             [](const Method& m, uint32_t n) { return m.name < n; });
  if (it == methods.end() || it->name != name) return nullptr;
  return &*it;
}

namespace {

bool is_exported(std::string_view name) {
  return !name.empty() && std::isupper(static_cast<unsigned char>(name[0]));
}

std::string length_prefixed(std::string_view s) {
  return std::to_string(s.size()) + ":" + std::string(s);
}

// The size of a scalar element in a backing array; 0 for non-scalars.
uint32_t scalar_stride(Kind k) {
  switch (k) {
    case Kind::Bool: case Kind::Int8: case Kind::Uint8: return 1;
    case Kind::Int16: case Kind::Uint16: return 2;
    case Kind::Int32: case Kind::Uint32: return 4;
    case Kind::Int: case Kind::Int64: case Kind::Uint: case Kind::Uint64: case Kind::Uintptr:
    case Kind::Float32: case Kind::Float64: case Kind::Pointer: case Kind::Map: case Kind::Chan:
    case Kind::Func: case Kind::UnsafePointer:
      return 8;
    default: return 0;
  }
}

// strconv.Quote for struct tags in %T names: printable ASCII and UTF-8
// sequences as is, the usual escapes, other control bytes as \x.. (Go
// would also escape non-printable runes; tags are almost always ASCII).
std::string go_quote(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      default:
        if ((c >= 0x20 && c < 0x7f) || c >= 0x80) {
          out += static_cast<char>(c);
        } else {
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        }
    }
  }
  return out + "\"";
}

// "(int, string) (bool, error)": a func type's name without "func".
std::string signature_name(const Type* f) {
  std::string s = "(";
  for (size_t i = 0; i < f->params.size(); i++) {
    if (i > 0) s += ", ";
    if (f->variadic && i + 1 == f->params.size() && f->params[i]->elem != nullptr) {
      s += "..." + f->params[i]->elem->name;
    } else {
      s += f->params[i]->name;
    }
  }
  s += ")";
  if (f->results.size() == 1) {
    s += " " + f->results[0]->name;
  } else if (f->results.size() > 1) {
    s += " (";
    for (size_t i = 0; i < f->results.size(); i++) {
      if (i > 0) s += ", ";
      s += f->results[i]->name;
    }
    s += ")";
  }
  return s;
}

// A fresh unnamed descriptor (its own underlying type).
Type* fresh_type(Kind k) {
  Type* t = new Type;
  t->kind = k;
  t->underlying = t;
  return t;
}

// The key of a component, wrapped so that composite keys decode uniquely.
std::string wrap(const std::unordered_map<const Type*, std::string>& key_of, const Type* t) {
  auto it = key_of.find(t);
  if (it == key_of.end()) GOL_THROW("type table: component type was not built by the table");
  return "(" + it->second + ")";
}

// A value of type t is about to be laid out inside another (an array
// element, a struct field, a named type's underlying): its own layout must
// be known. A named type gets it from set_underlying, which the compiler
// must therefore call in dependency order.
void require_layout(const Type* t) {
  if (t->underlying == nullptr) {
    GOL_THROW("type table: " + t->name + " is used by value before its underlying type is set");
  }
}

// The interned id of a method name: unexported names are distinct per
// package, so they are interned qualified ("main.m"), as the compiler
// interns them for method tables.
uint32_t method_id(std::string_view name, std::string_view pkg_path) {
  if (is_exported(name) || pkg_path.empty()) return intern_name(name);
  return intern_name(std::string(pkg_path) + "." + std::string(name));
}

// A method's name as Go prints it: without the package qualification.
std::string_view plain_method_name(std::string_view interned) {
  size_t dot = interned.rfind('.');
  return dot == std::string_view::npos ? interned : interned.substr(dot + 1);
}

std::string qualify(std::string name, std::string_view pkg_path) {
  if (pkg_path.empty() || name.find('.') != std::string::npos) return name;
  size_t slash = pkg_path.rfind('/');
  std::string_view last = slash == std::string_view::npos ? pkg_path : pkg_path.substr(slash + 1);
  return std::string(last) + "." + name;
}

}  // namespace

// ------------------------------------------------------------ the table

namespace {

// The predeclared basic types, by kind: set once by the table's constructor
// (before any other thread can reach the table), read without the lock,
// since natives ask for basic types on every call.
const Type* g_basic[static_cast<int>(Kind::String) + 1];

}  // namespace

TypeTable& TypeTable::get() {
  static TypeTable* table = new TypeTable;  // never destroyed: descriptors are immortal
  return *table;
}

TypeTable::TypeTable() {
  for (int k = static_cast<int>(Kind::Bool); k <= static_cast<int>(Kind::String); k++) {
    Kind kind = static_cast<Kind>(k);
    Type* t = fresh_type(kind);
    t->named = true;
    t->comparable = true;
    t->name = kind_name(kind);
    if (kind == Kind::String) {
      t->slots = 2;
      t->stride = 16;
      t->has_pointers = true;
    } else {
      t->slots = 1;
      t->stride = scalar_stride(kind);
    }
    m_by_key.emplace(t->name, t);
    m_key_of.emplace(t, t->name);
    g_basic[k] = t;
  }
}

const Type* TypeTable::intern(std::string key, Type* fresh) {
  std::lock_guard lock(m_mu);
  auto it = m_by_key.find(key);
  if (it != m_by_key.end()) {
    delete fresh;  // another thread built the same type first
    return it->second;
  }
  m_by_key.emplace(key, fresh);
  m_key_of.emplace(fresh, std::move(key));
  return fresh;
}

const Type* TypeTable::basic(Kind k) {
  if (k > Kind::String) GOL_THROW("TypeTable::basic: not a basic kind");
  return g_basic[static_cast<int>(k)];
}

const Type* TypeTable::empty_interface() { return interface_of({}, ""); }

const Type* TypeTable::error_type() {
  {
    std::lock_guard lock(m_mu);
    auto it = m_by_key.find("error");
    if (it != m_by_key.end()) return it->second;
  }
  const Type* sig = func_of({}, {basic(Kind::String)}, false);
  const Type* u = interface_of({{"Error", sig}}, "");
  Type* t = new Type(*u);
  t->named = true;
  t->name = "error";
  t->underlying = u;
  t->ptr_to = nullptr;
  return intern("error", t);
}

// Computes the key under the lock and returns the type if it exists; else
// the code that follows builds a fresh descriptor outside the lock (it
// reads only immutable fields of the components) and interns it, which
// settles a race between two builders of the same type.
#define GOL_LOOKUP_OR_BUILD(key_expr)                 \
  std::string key;                                    \
  {                                                   \
    std::lock_guard lock(m_mu);                       \
    key = (key_expr);                                 \
    auto found = m_by_key.find(key);                  \
    if (found != m_by_key.end()) return found->second; \
  }

const Type* TypeTable::pointer_to(const Type* elem) {
  GOL_LOOKUP_OR_BUILD("*" + wrap(m_key_of, elem));
  Type* t = fresh_type(Kind::Pointer);
  t->comparable = true;
  t->has_pointers = true;
  t->slots = 1;
  t->stride = 8;
  t->elem = elem;
  t->name = "*" + elem->name;
  const Type* result = intern(std::move(key), t);
  std::lock_guard lock(m_mu);
  const_cast<Type*>(elem)->ptr_to = result;
  return result;
}

const Type* TypeTable::slice_of(const Type* elem) {
  GOL_LOOKUP_OR_BUILD("[]" + wrap(m_key_of, elem));
  Type* t = fresh_type(Kind::Slice);
  t->has_pointers = true;
  t->slots = 3;
  t->stride = 24;
  t->elem = elem;
  t->name = "[]" + elem->name;
  return intern(std::move(key), t);
}

const Type* TypeTable::array_of(int64_t len, const Type* elem) {
  GOL_LOOKUP_OR_BUILD("[" + std::to_string(len) + "]" + wrap(m_key_of, elem));
  require_layout(elem);
  Type* t = fresh_type(Kind::Array);
  t->len = len;
  t->elem = elem;
  t->comparable = elem->comparable;
  t->has_pointers = elem->has_pointers && len > 0;
  bool packed = elem->stride > 0 && elem->stride < 8;
  uint64_t slots = packed ? (static_cast<uint64_t>(len) * elem->stride + 7) / 8
                          : static_cast<uint64_t>(len) * elem->slots;
  if (slots > UINT32_MAX / 8) GOL_THROW("type table: array type too large");
  t->slots = static_cast<uint32_t>(slots);
  t->stride = t->slots * 8;
  t->name = "[" + std::to_string(len) + "]" + elem->name;
  return intern(std::move(key), t);
}

const Type* TypeTable::map_of(const Type* key_type, const Type* elem) {
  GOL_LOOKUP_OR_BUILD("M" + wrap(m_key_of, key_type) + wrap(m_key_of, elem));
  Type* t = fresh_type(Kind::Map);
  t->has_pointers = true;
  t->slots = 1;
  t->stride = 8;
  t->key = key_type;
  t->elem = elem;
  t->name = "map[" + key_type->name + "]" + elem->name;
  return intern(std::move(key), t);
}

const Type* TypeTable::chan_of(ChanDir dir, const Type* elem) {
  GOL_LOOKUP_OR_BUILD("C" + std::to_string(static_cast<int>(dir)) + wrap(m_key_of, elem));
  Type* t = fresh_type(Kind::Chan);
  t->comparable = true;
  t->has_pointers = true;
  t->slots = 1;
  t->stride = 8;
  t->dir = dir;
  t->elem = elem;
  switch (dir) {
    case ChanDir::Both:
      // reflect: "chan (<-chan int)", since "chan <-chan int" would parse
      // as "chan<- chan int".
      if (elem->kind == Kind::Chan && elem->dir == ChanDir::Recv) {
        t->name = "chan (" + elem->name + ")";
      } else {
        t->name = "chan " + elem->name;
      }
      break;
    case ChanDir::Send: t->name = "chan<- " + elem->name; break;
    case ChanDir::Recv: t->name = "<-chan " + elem->name; break;
  }
  return intern(std::move(key), t);
}

const Type* TypeTable::func_of(std::vector<const Type*> params, std::vector<const Type*> results,
                               bool variadic) {
  GOL_LOOKUP_OR_BUILD([&] {
    std::string k = "F";
    for (const Type* p : params) k += wrap(m_key_of, p);
    k += "|";
    for (const Type* r : results) k += wrap(m_key_of, r);
    return variadic ? k + "|v" : k + "|";
  }());
  Type* t = fresh_type(Kind::Func);
  t->has_pointers = true;
  t->slots = 1;
  t->stride = 8;
  t->variadic = variadic;
  t->params = std::move(params);
  t->results = std::move(results);
  t->name = "func" + signature_name(t);
  return intern(std::move(key), t);
}

const Type* TypeTable::struct_of(const std::vector<FieldSpec>& fields, std::string_view pkg_path) {
  GOL_LOOKUP_OR_BUILD([&] {
    std::string k = "S{";
    for (const FieldSpec& f : fields) {
      if (f.embedded) k += "E";
      k += length_prefixed(f.name);
      k += length_prefixed(is_exported(f.name) ? std::string_view() : pkg_path);
      k += wrap(m_key_of, f.type);
      k += length_prefixed(f.tag) + ";";
    }
    return k + "}";
  }());
  for (const FieldSpec& f : fields) require_layout(f.type);
  Type* t = fresh_type(Kind::Struct);
  t->comparable = true;
  uint64_t offset = 0;
  std::string name = "struct {";
  for (size_t i = 0; i < fields.size(); i++) {
    const FieldSpec& f = fields[i];
    // Field names and tags must outlive the spec: keep them in the
    // descriptor's own storage (never freed, like the descriptor).
    auto* stored_name = new std::string(f.name);
    auto* stored_tag = new std::string(f.tag);
    t->fields.push_back(Field{*stored_name, f.type, static_cast<uint32_t>(offset), f.embedded,
                              is_exported(f.name), *stored_tag});
    offset += f.type->slots;
    t->comparable = t->comparable && f.type->comparable;
    t->has_pointers = t->has_pointers || f.type->has_pointers;
    name += i == 0 ? " " : "; ";
    name += f.embedded ? f.type->name : f.name + " " + f.type->name;
    if (!f.tag.empty()) name += " " + go_quote(f.tag);
  }
  if (offset > UINT32_MAX / 8) GOL_THROW("type table: struct type too large");
  t->slots = static_cast<uint32_t>(offset);
  t->stride = t->slots * 8;
  t->name = fields.empty() ? "struct {}" : name + " }";
  return intern(std::move(key), t);
}

const Type* TypeTable::interface_of(const std::vector<MethodSpec>& methods,
                                    std::string_view pkg_path) {
  // Go's %T lists methods as the compiler sorts them (types.Sym.Less):
  // exported names first, then by name; the key uses the same order.
  std::vector<const MethodSpec*> sorted;
  for (const MethodSpec& m : methods) sorted.push_back(&m);
  std::sort(sorted.begin(), sorted.end(), [](const MethodSpec* a, const MethodSpec* b) {
    bool ea = is_exported(a->name), eb = is_exported(b->name);
    if (ea != eb) return ea;
    return a->name < b->name;
  });
  GOL_LOOKUP_OR_BUILD([&] {
    std::string k = "I{";
    for (const MethodSpec* m : sorted) {
      k += length_prefixed(m->name);
      k += length_prefixed(is_exported(m->name) ? std::string_view() : pkg_path);
      k += wrap(m_key_of, m->mtype);
    }
    return k + "}";
  }());
  Type* t = fresh_type(Kind::Interface);
  t->comparable = true;
  t->has_pointers = true;
  t->slots = 2;
  t->stride = 16;
  std::string name = "interface {";
  for (size_t i = 0; i < sorted.size(); i++) {
    const MethodSpec* m = sorted[i];
    t->methods.push_back(Method{method_id(m->name, pkg_path), m->mtype, nullptr, is_exported(m->name)});
    name += i == 0 ? " " : "; ";
    // Unexported methods print qualified by their package's name.
    if (!is_exported(m->name) && !pkg_path.empty()) name += qualify("", pkg_path);
    name += m->name + signature_name(m->mtype);
  }
  std::sort(t->methods.begin(), t->methods.end(),
            [](const Method& a, const Method& b) { return a.name < b.name; });
  t->name = sorted.empty() ? "interface {}" : name + " }";
  return intern(std::move(key), t);
}

#undef GOL_LOOKUP_OR_BUILD

Type* TypeTable::new_named(std::string name, std::string pkg_path, uint64_t unique) {
  std::string qualified = qualify(std::move(name), pkg_path);
  std::string key = "N" + std::to_string(unique) + ":" + length_prefixed(pkg_path) + qualified;
  {
    std::lock_guard lock(m_mu);
    auto it = m_by_key.find(key);
    if (it != m_by_key.end()) return const_cast<Type*>(it->second);
  }
  Type* t = new Type;
  t->kind = Kind::Struct;  // until set_underlying
  t->named = true;
  t->underlying = nullptr;
  t->name = std::move(qualified);
  t->pkg_path = std::move(pkg_path);
  return const_cast<Type*>(intern(std::move(key), t));
}

void TypeTable::set_underlying(Type* named, const Type* u) {
  require_layout(u);
  const Type* base = u->underlying;
  std::lock_guard lock(m_mu);
  named->kind = base->kind;
  named->comparable = base->comparable;
  named->has_pointers = base->has_pointers;
  named->variadic = base->variadic;
  named->dir = base->dir;
  named->slots = base->slots;
  named->stride = base->stride;
  named->len = base->len;
  named->elem = base->elem;
  named->key = base->key;
  named->underlying = base;
  named->fields = base->fields;
  named->params = base->params;
  named->results = base->results;
  // An interface type's method list is what it requires; other named types
  // get their method tables from set_methods.
  if (base->kind == Kind::Interface) named->methods = base->methods;
}

void TypeTable::set_methods(const Type* t, std::vector<Method> methods) {
  std::sort(methods.begin(), methods.end(),
            [](const Method& a, const Method& b) { return a.name < b.name; });
  std::lock_guard lock(m_mu);
  const_cast<Type*>(t)->methods = std::move(methods);
}

// ------------------------------------------------------------ implements

bool implements(const Type* t, const Type* iface) {
  if (t == nullptr) return false;
  // Both lists are sorted by name id: one merge pass.
  auto have = t->methods.begin();
  for (const Method& want : iface->methods) {
    while (have != t->methods.end() && have->name < want.name) ++have;
    if (have == t->methods.end() || have->name != want.name || have->mtype != want.mtype) {
      return false;
    }
  }
  return true;
}

std::string_view missing_method(const Type* t, const Type* iface) {
  // Go reports the first missing method in name order, not id order, and
  // without the package that qualifies unexported names.
  std::string_view first;
  for (const Method& want : iface->methods) {
    const Method* have = t ? t->find_method(want.name) : nullptr;
    if (have != nullptr && have->mtype == want.mtype) continue;
    std::string_view name = plain_method_name(name_of(want.name));
    if (first.empty() || name < first) first = name;
  }
  return first;
}

}  // namespace gol::vm
