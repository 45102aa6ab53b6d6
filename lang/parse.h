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
File* parse_file(const SourceSet& sources, int32_t file, Arena& arena, Diagnostics& diags);

}  // namespace gol::lang
