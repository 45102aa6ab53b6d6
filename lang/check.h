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

// How a package is checked. repl: the package is a REPL session
// (lang/session.h), which keeps every declaration made so far, used or not:
// "declared and not used" (local variables, type switch symbols) and
// "imported and not used" are not reported in it, nor a missing func main
// (the input is a function of the REPL's choosing). Imported standard
// packages are checked as always.
struct CheckOptions {
  bool repl = false;
};
Package* check_package(SourceSet& sources, Arena& arena, const std::vector<File*>& files,
                       const PackageRegistry& registry, Diagnostics& diags, const CheckOptions& options);

// Go's parser checks labels and branch statements (unused or unknown labels,
// break or continue outside a loop, gotos into blocks) in every function body
// it parsed without an error, even when the package is not type-checked
// after a syntax error. check_package does these checks itself; call this
// instead of it when a file has a syntax error, after parsing all files.
// (Bodies of function literals are not reached here.)
void check_branches(const SourceSet& sources, const std::vector<File*>& files, Diagnostics& diags);

}  // namespace gol::lang
