// universe.h — the predeclared identifiers of Go (the universe scope).
//
// The basic types, `byte`/`rune` (aliases of uint8/int32), `any` (an alias of
// interface{}), `error`, the constants true/false/iota, nil, and the builtin
// functions. Built once per process; shared by every checked package.
//
// complex, real and imag exist in Go's universe, so gol keeps them as
// builtins (a program naming them is not "undefined") and the checker reports
// "complex numbers are not supported" where one is called.
#pragma once

#include "lang/scope.h"
#include "lang/types.h"

namespace gol::lang {

Scope* universe();

// The unique Basic type of a kind (Invalid included).
const Basic* basic_type(BasicKind kind);
const Type* invalid_type();
const Type* universe_error();      // the predeclared `error` (a Named type)
const Type* universe_any();        // the predeclared `any` (an empty Interface)
const Object* universe_iota();     // the iota constant object
const Func* universe_error_method();

}  // namespace gol::lang
