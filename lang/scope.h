// scope.h — named entities (objects), the scopes that hold them, packages.
//
// An Object is what an identifier denotes (cf. go/types Object): a variable
// (also parameters, results, struct fields), a constant, a type name, a
// function or method, an imported package name, a builtin, nil, or a label.
// Every Ident of a checked AST points at its Object (Ident::object).
//
// Scopes nest as Go's do: universe → package → file (imports) → function →
// blocks. A scope keeps its objects in declaration order and its children,
// so the REPL and completion can later walk what is visible at a position.
//
// A Package is the checker's result for one package: its scope, its imports,
// its functions and methods, and its package-level variables in Go's
// initialization order (dependencies first), which is what the compiler needs
// to emit the package's init code.
//
// Objects, scopes and packages live as long as types do (see types.h alloc).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lang/ast.h"
#include "lang/constant.h"
#include "lang/types.h"

namespace gol::lang {

class Scope;
struct Package;

enum class ObjectKind : uint8_t { Var, Const, TypeName, Func, PkgName, Builtin, Nil, Label };

class Object {
 public:
  Object(ObjectKind k, Pos pos, Package* pkg, std::string name, const Type* type)
      : kind(k), pos(pos), pkg(pkg), name(std::move(name)), type(type) {}
  virtual ~Object() = default;
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;

  const ObjectKind kind;
  Pos pos;                 // where declared; invalid for predeclared objects
  Package* pkg;            // null for predeclared objects (and the error method)
  std::string name;
  const Type* type;        // null until resolved (package-level objects)
  Scope* parent = nullptr; // the scope the object was declared in, if any

  // Whether the name starts with an upper-case letter.
  bool exported() const;

  template <class T>
  bool is() const { return kind == T::kKind; }
  template <class T>
  T* as() { return kind == T::kKind ? static_cast<T*>(this) : nullptr; }
  template <class T>
  const T* as() const { return kind == T::kKind ? static_cast<const T*>(this) : nullptr; }
};

class Var : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::Var;
  Var(Pos pos, Package* pkg, std::string name, const Type* type) : Object(kKind, pos, pkg, std::move(name), type) {}
  bool is_field = false;
  bool embedded = false;   // an embedded struct field
  bool is_param = false;   // a parameter, result or receiver
  bool is_global = false;  // a package-level variable
  bool used = false;       // read somewhere (for "declared and not used")
};

class Const : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::Const;
  Const(Pos pos, Package* pkg, std::string name, const Type* type, Constant value)
      : Object(kKind, pos, pkg, std::move(name), type), value(std::move(value)) {}
  Constant value;
};

class TypeName : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::TypeName;
  TypeName(Pos pos, Package* pkg, std::string name, const Type* type) : Object(kKind, pos, pkg, std::move(name), type) {}
  bool alias = false;  // declared with `type A = B`
};

class Func : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::Func;
  Func(Pos pos, Package* pkg, std::string name, const Type* type) : Object(kKind, pos, pkg, std::move(name), type) {}
  FuncDecl* decl = nullptr;   // null for interface methods
  bool ptr_recv = false;      // a method with a *T receiver
  const Signature* sig() const { return type ? type->as<Signature>() : nullptr; }
};

class PkgName : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::PkgName;
  PkgName(Pos pos, Package* pkg, std::string name, Package* imported)
      : Object(kKind, pos, pkg, std::move(name), nullptr), imported(imported) {}
  Package* imported;
  ImportSpec* spec = nullptr;
  bool used = false;
};

enum class BuiltinId : uint8_t {
  Append, Cap, Clear, Close, Complex, Copy, Delete, Imag, Len, Make, Max, Min, New,
  Panic, Print, Println, Real, Recover,
};
const char* builtin_name(BuiltinId id);

class Builtin : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::Builtin;
  explicit Builtin(BuiltinId id) : Object(kKind, Pos{}, nullptr, builtin_name(id), nullptr), id(id) {}
  BuiltinId id;
};

class Nil : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::Nil;
  explicit Nil(const Type* t) : Object(kKind, Pos{}, nullptr, "nil", t) {}
};

class Label : public Object {
 public:
  static constexpr ObjectKind kKind = ObjectKind::Label;
  Label(Pos pos, Package* pkg, std::string name, LabeledStmt* stmt)
      : Object(kKind, pos, pkg, std::move(name), nullptr), stmt(stmt) {}
  LabeledStmt* stmt;
  bool used = false;
};

class Scope {
 public:
  Scope(Scope* parent, std::string comment, bool is_func = false);

  Scope* parent() const { return m_parent; }
  const std::vector<Scope*>& children() const { return m_children; }
  const std::vector<Object*>& objects() const { return m_objects; }
  const std::string& comment() const { return m_comment; }
  bool is_func() const { return m_is_func; }

  // The object named `name` in this scope only, or null.
  Object* lookup(std::string_view name) const;
  // The innermost object named `name` in this scope or an enclosing one, and
  // the scope it was found in (if `where` is given); null if none.
  Object* lookup_parent(std::string_view name, Scope** where = nullptr) const;
  // Inserts obj unless a same-named object exists: returns that one then
  // (and does not insert), else null. "_" is never inserted.
  Object* insert(Object* obj);

  // Source extent, for REPL/completion queries; may be invalid.
  Pos begin;
  Pos end;

 private:
  Scope* m_parent;
  std::vector<Scope*> m_children;
  std::vector<Object*> m_objects;
  std::unordered_map<std::string, Object*> m_by_name;
  std::string m_comment;
  bool m_is_func;
};

// A package-level variable initialization: `lhs = rhs` (one variable, or
// several from one multi-value rhs); rhs null for zero-valued variables.
struct Initializer {
  std::vector<Var*> lhs;
  Expr* rhs = nullptr;
};

struct Package {
  std::string path;  // import path ("main" for the program)
  std::string name;  // package clause name
  Scope* scope = nullptr;
  std::vector<File*> files;
  std::vector<Package*> imports;        // in first-import order
  std::vector<Func*> funcs;             // functions and methods with bodies or not, source order
  std::vector<Var*> vars;               // package-level variables, source order
  std::vector<Initializer> init_order;  // Go's initialization order
  std::vector<Func*> inits;             // the init functions, source order
  bool is_std = false;                  // a registry package (bodyless funcs allowed)
};

}  // namespace gol::lang
