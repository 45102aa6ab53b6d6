// ast_dump.h — printing and walking the syntax tree.
//
// dump() writes a compact S-expression of a tree — node kinds, names,
// operators, literals — for tests and for debugging the front end:
//   (BinaryExpr + x (CallExpr f 1))
// A node is "(Kind attributes... children...)", an identifier is its name, a
// literal its source text, and an absent child "_".
//
// expr_string() writes an expression the way Go's error messages quote it
// (cf. cmd/compile/internal/syntax ShortString): `x + y`, `f(a, b...)`,
// `[]int{…}`, `func(x int) string`.
//
// children() lists a node's direct children in source order; parse_file uses
// it to measure nesting depth without recursion.
#pragma once

#include <string>
#include <vector>

#include "lang/ast.h"

namespace gol::lang {

std::string dump(const Node* node);
std::string expr_string(const Expr* x);
std::vector<const Node*> children(const Node* node);

}  // namespace gol::lang
