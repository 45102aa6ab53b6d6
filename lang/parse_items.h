// parse_items.h — intermediate values the grammar passes between rules.
//
// Bison's variant semantic values must be plain copyable types declared before
// the generated parser; these are the few that are not AST nodes: pieces that
// only become nodes once a whole list or header has been seen (a parameter
// list's names and types, a call's arguments, the parts of an if/for/switch
// header). ParseDriver (parse_driver.h) turns them into nodes.
#pragma once

#include <string_view>
#include <vector>

#include "lang/ast.h"

namespace gol::lang {

// One entry of a parameter list before names and types are told apart:
// `a` (name only: a name or a type), `a T`, `a ...T` or a type alone.
struct ParamItem {
  Ident* name = nullptr;
  Expr* type = nullptr;
};

struct CallArgs {
  std::vector<Expr*> args;
  Pos ellipsis;  // valid for f(xs...)
};

// The header of an if, for or switch statement, between the keyword and the
// block. `parts` holds its simple statements (null where empty): one part for
// `if x`, two for `if init; x`, three for a for clause. A range clause
// instead fills the range_* fields.
struct HeaderParts {
  Range range;
  std::vector<Stmt*> parts;
  Pos semi;                   // the first semicolon, if any
  std::string_view semi_lit;  // "semicolon" or "newline"
  // Set by ParseDriver::check_header: the condition (or switch tag), a
  // BadExpr where Go's parser complained, null where there is none.
  Expr* cond = nullptr;
  bool is_range = false;
  std::vector<Expr*> range_lhs;
  Op range_op = Op::None;
  Pos range_op_pos;
  Expr* range_x = nullptr;
};

}  // namespace gol::lang
