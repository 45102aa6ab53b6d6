// parse.h — the parser's entry point.
//
// The lexer (lexer.re, re2c) turns bytes into Go's tokens with automatic
// semicolon insertion; the parser (parser.y, Bison LALR(1), C++ skeleton)
// builds the AST of ast.h. Syntax errors are reported to a Diagnostics list
// in Go's words ("syntax error: unexpected newline, expected ..."); the parser
// recovers at statement and declaration boundaries so one mistake does not
// hide the next.
#pragma once

#include "lang/ast.h"
#include "lang/source.h"

namespace gol::lang {

// Parses file `file` of `sources` into `arena`. Always returns a File (perhaps
// missing declarations that had syntax errors); errors go to `diags`.
// File::has_syntax_errors says whether the tree may be type-checked: as in Go,
// only errors worded "syntax error: ..." prevent it, while the lexer's errors
// and the parser's few others ("method has no receiver", "expression in defer
// must not be parenthesized", ...) leave a tree the checker can use (malformed
// literals become BadExprs there).
File* parse_file(const SourceSet& sources, int32_t file, Arena& arena, Diagnostics& diags);

}  // namespace gol::lang
