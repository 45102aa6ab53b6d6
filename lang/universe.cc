// universe.cc — the predeclared identifiers (see universe.h).
//
// Built on first use under a function-local static (thread-safe in C++), so
// there is no initialization-order question between translation units.
#include "lang/universe.h"

#include <array>

namespace gol::lang {

namespace {

struct Universe {
  Scope* scope = nullptr;
  std::array<const Basic*, static_cast<size_t>(BasicKind::UntypedNil) + 1> basics{};
  const Type* error = nullptr;
  const Type* any = nullptr;
  const Object* iota = nullptr;
  const Func* error_method = nullptr;
};

const Basic* make_basic(BasicKind k, uint32_t info, int bits, const char* name) {
  return alloc<Basic>(k, info, bits, name);
}

Universe build() {
  Universe u;
  u.scope = alloc<Scope>(nullptr, "universe");
  struct Spec {
    BasicKind kind;
    uint32_t info;
    int bits;
    const char* name;
  };
  const Spec specs[] = {
      {BasicKind::Invalid, 0, 0, "invalid type"},
      {BasicKind::Bool, kIsBoolean, 8, "bool"},
      {BasicKind::Int, kIsInteger, 64, "int"},
      {BasicKind::Int8, kIsInteger, 8, "int8"},
      {BasicKind::Int16, kIsInteger, 16, "int16"},
      {BasicKind::Int32, kIsInteger, 32, "int32"},
      {BasicKind::Int64, kIsInteger, 64, "int64"},
      {BasicKind::Uint, kIsInteger | kIsUnsigned, 64, "uint"},
      {BasicKind::Uint8, kIsInteger | kIsUnsigned, 8, "uint8"},
      {BasicKind::Uint16, kIsInteger | kIsUnsigned, 16, "uint16"},
      {BasicKind::Uint32, kIsInteger | kIsUnsigned, 32, "uint32"},
      {BasicKind::Uint64, kIsInteger | kIsUnsigned, 64, "uint64"},
      {BasicKind::Uintptr, kIsInteger | kIsUnsigned, 64, "uintptr"},
      {BasicKind::Float32, kIsFloat, 32, "float32"},
      {BasicKind::Float64, kIsFloat, 64, "float64"},
      {BasicKind::String, kIsString, 0, "string"},
      {BasicKind::UntypedBool, kIsBoolean | kIsUntyped, 0, "untyped bool"},
      {BasicKind::UntypedInt, kIsInteger | kIsUntyped, 0, "untyped int"},
      {BasicKind::UntypedRune, kIsInteger | kIsUntyped, 0, "untyped rune"},
      {BasicKind::UntypedFloat, kIsFloat | kIsUntyped, 0, "untyped float"},
      {BasicKind::UntypedString, kIsString | kIsUntyped, 0, "untyped string"},
      {BasicKind::UntypedNil, kIsUntyped, 0, "untyped nil"},
  };
  for (const Spec& s : specs) {
    const Basic* b = make_basic(s.kind, s.info, s.bits, s.name);
    u.basics[static_cast<size_t>(s.kind)] = b;
    if (s.kind != BasicKind::Invalid && (s.info & kIsUntyped) == 0) {
      u.scope->insert(alloc<TypeName>(Pos{}, nullptr, s.name, b));
    }
  }
  // byte and rune are aliases: the same kind, their own name in messages.
  u.scope->insert(alloc<TypeName>(Pos{}, nullptr, "byte", make_basic(BasicKind::Uint8, kIsInteger | kIsUnsigned, 8, "byte")));
  u.scope->insert(alloc<TypeName>(Pos{}, nullptr, "rune", make_basic(BasicKind::Int32, kIsInteger, 32, "rune")));

  // type any = interface{}
  Interface* any = alloc<Interface>();
  u.any = any;
  auto* any_name = alloc<TypeName>(Pos{}, nullptr, "any", any);
  any_name->alias = true;
  u.scope->insert(any_name);

  // type error interface { Error() string }
  auto* error_name = alloc<TypeName>(Pos{}, nullptr, "error", nullptr);
  Named* error = alloc<Named>(error_name);
  error_name->type = error;
  auto* result = alloc<Var>(Pos{}, nullptr, "", u.basics[static_cast<size_t>(BasicKind::String)]);
  auto* sig = alloc<Signature>();
  sig->params = alloc<Tuple>();
  sig->results = alloc<Tuple>(std::vector<Var*>{result});
  auto* recv = alloc<Var>(Pos{}, nullptr, "", error);
  sig->recv = recv;
  Func* method = alloc<Func>(Pos{}, nullptr, "Error", sig);
  Interface* error_iface = alloc<Interface>();
  error_iface->methods.push_back(method);
  error->underlying = error_iface;
  u.scope->insert(error_name);
  u.error = error;
  u.error_method = method;

  const Type* untyped_bool = u.basics[static_cast<size_t>(BasicKind::UntypedBool)];
  u.scope->insert(alloc<Const>(Pos{}, nullptr, "true", untyped_bool, Constant::make_bool(true)));
  u.scope->insert(alloc<Const>(Pos{}, nullptr, "false", untyped_bool, Constant::make_bool(false)));
  auto* iota = alloc<Const>(Pos{}, nullptr, "iota", u.basics[static_cast<size_t>(BasicKind::UntypedInt)], Constant::make_int(0));
  u.scope->insert(iota);
  u.iota = iota;
  u.scope->insert(alloc<Nil>(u.basics[static_cast<size_t>(BasicKind::UntypedNil)]));

  for (int i = 0; i <= static_cast<int>(BuiltinId::Recover); i++) {
    u.scope->insert(alloc<Builtin>(static_cast<BuiltinId>(i)));
  }
  return u;
}

const Universe& get() {
  static const Universe u = build();
  return u;
}

}  // namespace

Scope* universe() { return get().scope; }
const Basic* basic_type(BasicKind kind) { return get().basics[static_cast<size_t>(kind)]; }
const Type* invalid_type() { return basic_type(BasicKind::Invalid); }
const Type* universe_error() { return get().error; }
const Type* universe_any() { return get().any; }
const Object* universe_iota() { return get().iota; }
const Func* universe_error_method() { return get().error_method; }

}  // namespace gol::lang
