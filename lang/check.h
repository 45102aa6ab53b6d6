// check.h — the type checker's entry point.
//
// check_package resolves every identifier, computes the type of every
// expression and the value of every constant expression, and reports Go's
// compile errors, in Go's words and at Go's positions. Its results are left on
// the AST (the "checker annotations" of ast.h) and in the returned Package, for
// the compiler.
#pragma once

#include <vector>

#include "lang/ast.h"
#include "lang/registry.h"
#include "lang/source.h"

namespace gol::lang {

struct Package;  // lang/scope.h

// Type-checks `files` (parsed from `sources` into `arena`) as one package.
// Standard packages the files import are looked up in `registry`, parsed into
// the same sources and arena, and checked on first import. Returns the checked
// package (never null); errors go to `diags`.
Package* check_package(SourceSet& sources, Arena& arena, const std::vector<File*>& files,
                       const PackageRegistry& registry, Diagnostics& diags);

}  // namespace gol::lang
