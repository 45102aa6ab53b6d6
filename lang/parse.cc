// parse.cc — parse_file: lexer → Bison parser → AST (see parse.h).
//
// Also the glue between the two generated pieces: yylex() turns the lexer's
// tokens into Bison symbols carrying the token's text and Range.
//
// After parsing, the tree's nesting depth is measured without recursion; a
// declaration nested deeper than kMaxNestingDepth is reported and dropped from
// the File, so the checker and compiler, which recurse over the tree on the
// C++ stack, never see one (Go's own limit, in go/parser, is far higher, but
// Go's stacks grow; ours do not, and fuzzed inputs under ASan use big frames).
#include "lang/parse.h"

#include <utility>
#include <vector>

#include "lang/parser.hh"
#include "lang/ast_dump.h"
#include "lang/parse_driver.h"

namespace gol::lang {

namespace gen {

Parser::symbol_type yylex(ParseDriver& drv) {
  const Token t = drv.lexer().next();
  drv.set_last_token(t);
  const bool literal = t.tok == Tok::Int || t.tok == Tok::Float || t.tok == Tok::Imag ||
                       t.tok == Tok::Char || t.tok == Tok::String;
  if (t.bad && literal) drv.note_bad_literal(t.pos);
  const Range loc{t.pos, t.end};
  using P = Parser;
  switch (t.tok) {
    case Tok::Eof: return P::make_YYEOF(loc);
    case Tok::Name: return P::make_NAME(t.text, loc);
    case Tok::Int: return P::make_INT(t.text, loc);
    case Tok::Float: return P::make_FLOAT(t.text, loc);
    case Tok::Imag: return P::make_IMAG(t.text, loc);
    case Tok::Char: return P::make_CHAR(t.text, loc);
    case Tok::String: return P::make_STRING(t.text, loc);
    case Tok::Semicolon: return P::make_SEMI(t.text, loc);
    case Tok::Break: return P::make_BREAK(loc);
    case Tok::Case: return P::make_CASE(loc);
    case Tok::Chan: return P::make_CHAN(loc);
    case Tok::Const: return P::make_CONST(loc);
    case Tok::Continue: return P::make_CONTINUE(loc);
    case Tok::Default: return P::make_DEFAULT(loc);
    case Tok::Defer: return P::make_DEFER(loc);
    case Tok::Else: return P::make_ELSE(loc);
    case Tok::Fallthrough: return P::make_FALLTHROUGH(loc);
    case Tok::For: return P::make_FOR(loc);
    case Tok::Func: return P::make_FUNC(loc);
    case Tok::Go: return P::make_GO(loc);
    case Tok::Goto: return P::make_GOTO(loc);
    case Tok::If: return P::make_IF(loc);
    case Tok::Import: return P::make_IMPORT(loc);
    case Tok::Interface: return P::make_INTERFACE(loc);
    case Tok::Map: return P::make_MAP(loc);
    case Tok::Package: return P::make_PACKAGE(loc);
    case Tok::Range: return P::make_RANGE(loc);
    case Tok::Return: return P::make_RETURN(loc);
    case Tok::Select: return P::make_SELECT(loc);
    case Tok::Struct: return P::make_STRUCT(loc);
    case Tok::Switch: return P::make_SWITCH(loc);
    case Tok::Type: return P::make_TYPE(loc);
    case Tok::Var: return P::make_VAR(loc);
    case Tok::Add: return P::make_ADD(loc);
    case Tok::Sub: return P::make_SUB(loc);
    case Tok::Mul: return P::make_MUL(loc);
    case Tok::Quo: return P::make_QUO(loc);
    case Tok::Rem: return P::make_REM(loc);
    case Tok::And: return P::make_AND(loc);
    case Tok::Or: return P::make_OR(loc);
    case Tok::Xor: return P::make_XOR(loc);
    case Tok::Shl: return P::make_SHL(loc);
    case Tok::Shr: return P::make_SHR(loc);
    case Tok::AndNot: return P::make_ANDNOT(loc);
    case Tok::AddAssign: return P::make_ASSIGN_OP(Op::AddAssign, loc);
    case Tok::SubAssign: return P::make_ASSIGN_OP(Op::SubAssign, loc);
    case Tok::MulAssign: return P::make_ASSIGN_OP(Op::MulAssign, loc);
    case Tok::QuoAssign: return P::make_ASSIGN_OP(Op::QuoAssign, loc);
    case Tok::RemAssign: return P::make_ASSIGN_OP(Op::RemAssign, loc);
    case Tok::AndAssign: return P::make_ASSIGN_OP(Op::AndAssign, loc);
    case Tok::OrAssign: return P::make_ASSIGN_OP(Op::OrAssign, loc);
    case Tok::XorAssign: return P::make_ASSIGN_OP(Op::XorAssign, loc);
    case Tok::ShlAssign: return P::make_ASSIGN_OP(Op::ShlAssign, loc);
    case Tok::ShrAssign: return P::make_ASSIGN_OP(Op::ShrAssign, loc);
    case Tok::AndNotAssign: return P::make_ASSIGN_OP(Op::AndNotAssign, loc);
    case Tok::LAnd: return P::make_LAND(loc);
    case Tok::LOr: return P::make_LOR(loc);
    case Tok::Arrow: return P::make_ARROW(loc);
    case Tok::Inc: return P::make_INC(loc);
    case Tok::Dec: return P::make_DEC(loc);
    case Tok::Eql: return P::make_EQL(loc);
    case Tok::Lss: return P::make_LSS(loc);
    case Tok::Gtr: return P::make_GTR(loc);
    case Tok::Assign: return P::make_ASSIGN(loc);
    case Tok::Not: return P::make_NOT(loc);
    case Tok::Tilde: return P::make_TILDE(loc);
    case Tok::Neq: return P::make_NEQ(loc);
    case Tok::Leq: return P::make_LEQ(loc);
    case Tok::Geq: return P::make_GEQ(loc);
    case Tok::Define: return P::make_DEFINE(loc);
    case Tok::Ellipsis: return P::make_ELLIPSIS(loc);
    case Tok::LParen: return P::make_LPAREN(loc);
    case Tok::LBrack: return P::make_LBRACK(loc);
    case Tok::LBrace: return P::make_LBRACE(loc);
    case Tok::Comma: return P::make_COMMA(loc);
    case Tok::Period: return P::make_PERIOD(loc);
    case Tok::RParen: return P::make_RPAREN(loc);
    case Tok::RBrack: return P::make_RBRACK(loc);
    case Tok::RBrace: return P::make_RBRACE(loc);
    case Tok::Colon: return P::make_COLON(loc);
  }
  return P::make_YYUNDEF(loc);
}

}  // namespace gen

namespace {

// Deeper trees are rejected; see the file comment. Real programs stay far
// below it (a 1000-term expression or 500 nested else-ifs).
constexpr size_t kMaxNestingDepth = 1000;

// The first node of `root` nested deeper than the limit, or null.
const Node* too_deep(const Node* root) {
  std::vector<std::pair<const Node*, size_t>> stack{{root, 1}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxNestingDepth) return node;
    for (const Node* child : children(node)) stack.emplace_back(child, depth + 1);
  }
  return nullptr;
}

}  // namespace

File* parse_file(const SourceSet& sources, int32_t file, Arena& arena, Diagnostics& diags) {
  ParseDriver drv(sources, file, arena, diags);
  gen::Parser parser(drv);
  // A parse that Bison abandoned (no recovery before EOF) lost declarations.
  if (parser.parse() != 0) drv.mark_syntax_error();
  File* f = drv.file();
  std::vector<Node*> kept;
  for (Node* decl : f->decls) {
    if (const Node* deep = too_deep(decl)) {
      diags.error(deep->pos(), "exceeded max nesting depth");
      f->has_syntax_errors = true;  // the tree lost a declaration
      continue;
    }
    kept.push_back(decl);
  }
  f->decls = std::move(kept);
  f->range = Range{Pos{file, 1, 1}, drv.last_token().end};
  return f;
}

}  // namespace gol::lang
