// types.h — the types of gol programs (cf. Go's go/types and types2).
//
// A Type is a node of a small class hierarchy with a kind tag (TypeKind) for
// cheap dispatch: Basic, Pointer, Array, Slice, Map, Chan, Struct, Signature,
// Interface, Named and Tuple. Types are built by the checker (universe types
// once per process) and are never freed while the program runs: the compiler
// and the VM keep pointers to them. They are plain C++ objects, not GC objects.
//
// The type relations of the spec live here too: identity (`identical`),
// assignability's structural part, comparability, default types of untyped
// constants, and the strings Go prints for types in error messages
// (`type_string`). Field and method lookup with embedding, method sets and
// interface satisfaction are in types_lookup.cc (declared below).
//
// Types are compared by identity, never by pointer, except Named and Basic
// types, which are unique. Interfaces compute their full method set lazily
// (the embedded interfaces may be declared after the interface that embeds
// them).
//
// Rejected: hash-consing structural types so identity is pointer equality. It
// needs canonical signatures (parameter names differ but types are identical)
// and interface method sets that may not be complete yet while the checker
// runs; Go's own checker compares structurally too.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lang/ast.h"

namespace gol::lang {

class Object;
class Var;
class Func;
class TypeName;
struct Package;

// Everything the checker allocates (types, objects, scopes, packages,
// constants) lives until the process exits; see the header comment.
namespace detail {
void keep_alive(std::shared_ptr<void> object);
}
template <class T, class... Args>
T* alloc(Args&&... args) {
  auto owned = std::make_shared<T>(std::forward<Args>(args)...);
  T* raw = owned.get();
  detail::keep_alive(std::move(owned));
  return raw;
}

enum class TypeKind : uint8_t { Basic, Pointer, Array, Slice, Map, Chan, Struct, Signature, Interface, Named, Tuple };

enum class BasicKind : uint8_t {
  Invalid,
  Bool,
  Int,
  Int8,
  Int16,
  Int32,
  Int64,
  Uint,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Uintptr,
  Float32,
  Float64,
  String,
  UntypedBool,
  UntypedInt,
  UntypedRune,
  UntypedFloat,
  UntypedString,
  UntypedNil,
};

// Properties of basic types (cf. go/types BasicInfo).
enum BasicInfo : uint32_t {
  kIsBoolean = 1,
  kIsInteger = 2,
  kIsUnsigned = 4,
  kIsFloat = 8,
  kIsString = 16,
  kIsUntyped = 32,
  kIsOrdered = kIsInteger | kIsFloat | kIsString,
  kIsNumeric = kIsInteger | kIsFloat,
  kIsConstType = kIsBoolean | kIsNumeric | kIsString,
};

class Type {
 public:
  explicit Type(TypeKind k) : kind(k) {}
  virtual ~Type() = default;
  Type(const Type&) = delete;
  Type& operator=(const Type&) = delete;

  const TypeKind kind;

  template <class T>
  bool is() const { return kind == T::kKind; }
  template <class T>
  const T* as() const { return kind == T::kKind ? static_cast<const T*>(this) : nullptr; }
  template <class T>
  T* as() { return kind == T::kKind ? static_cast<T*>(this) : nullptr; }
};

class Basic : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Basic;
  Basic(BasicKind k, uint32_t info, int bits, std::string name)
      : Type(kKind), basic(k), info(info), bits(bits), name(std::move(name)) {}
  const BasicKind basic;
  const uint32_t info;
  const int bits;  // size in bits of sized numeric types (int and uint: 64); 0 otherwise
  const std::string name;
};

class Pointer : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Pointer;
  explicit Pointer(const Type* elem) : Type(kKind), elem(elem) {}
  const Type* elem;
};

class Array : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Array;
  Array(int64_t len, const Type* elem) : Type(kKind), len(len), elem(elem) {}
  int64_t len;  // -1 while unknown (an erroneous length)
  const Type* elem;
};

class Slice : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Slice;
  explicit Slice(const Type* elem) : Type(kKind), elem(elem) {}
  const Type* elem;
};

class Map : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Map;
  Map(const Type* key, const Type* elem) : Type(kKind), key(key), elem(elem) {}
  const Type* key;
  const Type* elem;
};

class Chan : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Chan;
  Chan(ChanDir dir, const Type* elem) : Type(kKind), dir(dir), elem(elem) {}
  ChanDir dir;
  const Type* elem;
};

class Struct : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Struct;
  Struct() : Type(kKind) {}
  std::vector<Var*> fields;
  std::vector<std::string> tags;  // parallel to fields; "" when absent
};

class Tuple : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Tuple;
  Tuple() : Type(kKind) {}
  explicit Tuple(std::vector<Var*> vars) : Type(kKind), vars(std::move(vars)) {}
  std::vector<Var*> vars;
  size_t size() const { return vars.size(); }
  const Type* at(size_t i) const;
};

class Signature : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Signature;
  Signature() : Type(kKind) {}
  Var* recv = nullptr;            // the receiver of a method, or null
  const Tuple* params = nullptr;  // never null once built
  const Tuple* results = nullptr; // never null once built
  bool variadic = false;          // the last parameter is ...T (its type is []T)
};

class Interface : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Interface;
  Interface() : Type(kKind) {}
  std::vector<Func*> methods;          // declared explicitly, in source order
  // Embedded types: interfaces, or other types (type terms), which make this
  // a constraint interface.
  std::vector<const Type*> embeddeds;
  // All methods, explicit and embedded, sorted by name. Computed on first use,
  // which must come after the embedded types are resolved.
  const std::vector<Func*>& all_methods() const;
  bool empty() const { return all_methods().empty(); }
  // Whether methods alone describe the type set: no type term is embedded,
  // directly or through an embedded interface (cf. types2 IsMethodSet). An
  // interface that is not a method set may only constrain a type parameter,
  // which gol has none of, so any use of it as a type is an error.
  bool is_method_set() const;

 private:
  mutable bool m_computing = false;
  mutable bool m_complete = false;
  mutable std::vector<Func*> m_all;
};

class Named : public Type {
 public:
  static constexpr TypeKind kKind = TypeKind::Named;
  explicit Named(TypeName* obj) : Type(kKind), obj(obj) {}
  TypeName* obj;
  const Type* underlying = nullptr;  // null while the declaration is being resolved
  std::vector<Func*> methods;        // declared methods, in source order
};

// --------------------------------------------------------------- predicates

// The underlying type: Named → its underlying, others unchanged.
const Type* under(const Type* t);
const Basic* as_basic(const Type* t);  // under(t) as Basic, or null

bool is_valid(const Type* t);  // not null and not the invalid type
bool has_info(const Type* t, uint32_t info);
inline bool is_boolean(const Type* t) { return has_info(t, kIsBoolean); }
inline bool is_integer(const Type* t) { return has_info(t, kIsInteger); }
inline bool is_unsigned(const Type* t) { return has_info(t, kIsUnsigned); }
inline bool is_float(const Type* t) { return has_info(t, kIsFloat); }
inline bool is_numeric(const Type* t) { return has_info(t, kIsNumeric); }
inline bool is_string(const Type* t) { return has_info(t, kIsString); }
inline bool is_ordered(const Type* t) { return has_info(t, kIsOrdered); }
inline bool is_const_type(const Type* t) { return has_info(t, kIsConstType); }
bool is_untyped(const Type* t);
inline bool is_typed(const Type* t) { return !is_untyped(t); }
bool is_interface(const Type* t);
bool is_pointer(const Type* t);
// A Named or Basic type (Go's "has a name" for assignability).
bool has_name(const Type* t);
// Types whose zero value is nil: pointers, funcs, slices, maps, chans, interfaces.
bool has_nil(const Type* t);
// Whether values of t can be compared with == (not counting nil comparisons).
bool comparable(const Type* t);
// Go's explanation when t is not comparable (e.g. "slice can only be compared
// to nil", "struct containing []int cannot be compared"), for messages.
std::string incomparable_cause(const Type* t, const Package* current);
// The kind word of t's underlying type: "slice", "map", "struct", ... or the type.
std::string kind_string(const Type* t, const Package* current);
// The default type of an untyped type (untyped int → int, ...); others unchanged.
const Type* default_type(const Type* t);

bool identical(const Type* x, const Type* y);
// Identity with struct tags disregarded, as conversions use it.
bool identical_ignore_tags(const Type* x, const Type* y);

// Go's spelling of a type in messages. Named types of packages other than
// `current` are qualified with their package name.
std::string type_string(const Type* t, const Package* current);
// A signature without the leading "func" (for method descriptions "M(x int) string");
// without parameter names when `param_names` is false ("M(int) string").
std::string signature_string(const Signature* sig, const Package* current, bool param_names = true);
// "(x int, y string)" or "(int, string)": a tuple as Go prints it.
std::string tuple_string(const Tuple* t, const Package* current, bool variadic);

// ------------------------------------------------------ lookup (types_lookup.cc)

// The result of looking up a field or method (cf. types2 LookupFieldOrMethod).
struct Selection {
  Object* obj = nullptr;    // a Var (field) or Func (method); null if not found
  std::vector<int> index;   // the field index path (last entry: field or method index)
  bool indirect = false;    // a pointer was followed on the way (embedded pointer or *T receiver)
  bool ambiguous = false;   // several matches at the shallowest depth
  bool not_addressable_ptr_method = false;  // found a *T method on a non-addressable T value
};

// Looks `name` up in T's fields and methods, through embedded fields,
// shallowest depth first. `pkg` decides visibility of unexported names.
// With `fold_case`, names match case-insensitively (for "but does have ..." hints).
Selection lookup_field_or_method(const Type* t, bool addressable, const Package* pkg, std::string_view name,
                                 bool fold_case = false);

// Why V does not implement interface T, in Go's words ("(missing method M)",
// "(method M has pointer receiver)", "(wrong type for method M)\n\t\thave ...
// \n\t\twant ..."); empty when it does. With `static_` false (type
// assertions), V's missing methods are looked up in its dynamic type.
struct MissingMethod {
  Func* method = nullptr;  // the interface method not satisfied, or null
  std::string cause;
};
MissingMethod missing_method(const Type* v, const Interface* t, bool static_, const Package* current);

// Whether V implements interface type T; otherwise sets *cause to Go's
// "V does not implement T (missing method M)".
bool implements(const Type* v, const Type* t, std::string* cause, const Package* current);

// The method set of a type as (name → method) pairs, sorted by name: methods
// of T for a value, of T and *T for a pointer, promoted through embedding.
std::vector<Func*> method_set(const Type* t);

}  // namespace gol::lang
