// parse_errors.cc — syntax error messages in Go's words.
//
// Bison calls report_syntax_error with the lookahead token; with LAC the set
// of tokens that could have been shifted instead is exact. Go's parser words
// its messages by context ("in argument list; possibly missing comma or )",
// "at end of statement", "non-declaration statement outside function body"),
// so the reporter finds the context the way Go's recursive descent knows it:
// the innermost unclosed bracket on the parser stack, and the symbol below it
// (a primary before '(' is a call, `struct` before '{' a struct type, ...).
//
// report_syntax_error tries, in order: messages tied to the token before the
// error (keyword_message, special_message), the if/for/switch header
// (header_message), the enclosing list (list_message), and finally the
// expected-token set alone (generic_message).
//
// Tokens that would merely continue an expression (operators, '.', '(' ...)
// are ignored when choosing the message, as Go's parser considers an
// expression finished when the next token cannot continue it.
//
// Elsewhere: syntax errors found while building nodes are reported by the
// builders (parse_build.cc, parse_stmt.cc); ParseDriver::syntax_error applies
// Go's one-syntax-error-per-line rule to both.
#include <algorithm>
#include <string>
#include <vector>

#include "lang/parser.hh"
#include "lang/parse_driver.h"

namespace gol::lang::gen {

namespace {

using Kind = Parser::symbol_kind;
using KindType = Parser::symbol_kind_type;

// How Go names an expected token.
std::string expected_name(KindType k) {
  switch (k) {
    case Kind::S_NAME: return "name";
    case Kind::S_SEMI: return "semicolon or newline";
    case Kind::S_COMMA: return "comma";
    case Kind::S_LPAREN: return "(";
    case Kind::S_RPAREN: return ")";
    case Kind::S_LBRACK: return "[";
    case Kind::S_RBRACK: return "]";
    case Kind::S_LBRACE: return "{";
    case Kind::S_RBRACE: return "}";
    case Kind::S_COLON: return ":";
    case Kind::S_ASSIGN: return "=";
    case Kind::S_DEFINE: return ":=";
    case Kind::S_PERIOD: return ".";
    case Kind::S_STRING: return "literal";
    case Kind::S_CHAN: return "keyword chan";
    case Kind::S_TYPE: return "keyword type";
    case Kind::S_IF: return "keyword if";
    default: return Parser::symbol_name(k);
  }
}

// How Go names the unexpected token: "name x", "literal 42", "newline", ...
std::string unexpected_name(const Token& t) {
  switch (t.tok) {
    case Tok::Name: return "name " + std::string(t.text);
    case Tok::Int:
    case Tok::Float:
    case Tok::Imag:
    case Tok::Char:
    case Tok::String: return "literal " + std::string(t.text);
    case Tok::Semicolon: return std::string(t.text);
    default: return std::string(tok_description(t.tok));
  }
}

// Whether a token can start a type (cf. parser.go typeOrNil).
bool starts_type(Tok t) {
  switch (t) {
    case Tok::Name: case Tok::LBrack: case Tok::Mul: case Tok::LParen: case Tok::Arrow: case Tok::Func:
    case Tok::Chan: case Tok::Map: case Tok::Struct: case Tok::Interface:
      return true;
    default:
      return false;
  }
}

bool continues_expression(KindType k) {
  switch (k) {
    case Kind::S_LOR: case Kind::S_LAND: case Kind::S_EQL: case Kind::S_NEQ: case Kind::S_LSS:
    case Kind::S_LEQ: case Kind::S_GTR: case Kind::S_GEQ: case Kind::S_ADD: case Kind::S_SUB:
    case Kind::S_OR: case Kind::S_XOR: case Kind::S_MUL: case Kind::S_QUO: case Kind::S_REM:
    case Kind::S_SHL: case Kind::S_SHR: case Kind::S_AND: case Kind::S_ANDNOT:
    case Kind::S_PERIOD: case Kind::S_LPAREN: case Kind::S_LBRACK: case Kind::S_LBRACE:
    case Kind::S_INC: case Kind::S_DEC: case Kind::S_ARROW: case Kind::S_ASSIGN_OP:
    case Kind::S_ASSIGN: case Kind::S_DEFINE: case Kind::S_ELLIPSIS:
      return true;
    default:
      return false;
  }
}

// The grammar's only mid-rule action sits between a primary and the '{' of
// its composite literal (ParseDriver::literal_type).
bool is_midrule(KindType k) { return Parser::symbol_name(k)[0] == '$'; }

// The construct whose list the error is in, as Go's parser names it.
enum class Context {
  TopLevel,
  Block,
  ArgumentList,
  ParameterList,
  CompositeLiteral,
  GroupedDeclaration,
  StructType,
  InterfaceType,
  Index,
  Paren,
};

// The innermost open bracket on the parser stack (symbol kinds, top first),
// skipping closed pairs, and what it opens; `opener` gets its index.
Context find_context(const std::vector<KindType>& stack, size_t& opener) {
  const size_t depth = stack.size();
  auto kind_at = [&stack](size_t i) { return i < stack.size() ? stack[i] : Kind::S_YYEMPTY; };
  Context where = Context::TopLevel;
  int closed = 0;
  for (size_t i = 0; i < depth; i++) {
    const KindType k = kind_at(i);
    if (k == Kind::S_RPAREN || k == Kind::S_RBRACK || k == Kind::S_RBRACE) {
      closed++;
      continue;
    }
    if (k != Kind::S_LPAREN && k != Kind::S_LBRACK && k != Kind::S_LBRACE) continue;
    if (closed > 0) {
      closed--;
      continue;
    }
    opener = i;
    const KindType below = kind_at(i + 1);
    if (k == Kind::S_LPAREN) {
      if (below == Kind::S_primary || below == Kind::S_primary_nb) {
        where = Context::ArgumentList;
      } else if (below == Kind::S_FUNC || below == Kind::S_name || below == Kind::S_parameters) {
        where = Context::ParameterList;
      } else if (below == Kind::S_IMPORT || below == Kind::S_CONST || below == Kind::S_VAR ||
                 below == Kind::S_TYPE) {
        where = Context::GroupedDeclaration;
      } else {
        where = Context::Paren;
      }
    } else if (k == Kind::S_LBRACK) {
      where = below == Kind::S_primary || below == Kind::S_primary_nb ? Context::Index : Context::Paren;
    } else {
      // A brace opens a block, a composite literal, a struct or an interface.
      // `{{` is a block in a block or an elided literal in a literal, like
      // the outer brace; an elided literal's brace also follows a comma or a
      // key's colon.
      size_t j = i;
      while (kind_at(j + 1) == Kind::S_LBRACE) j++;
      const KindType owner = kind_at(j + 1);
      if (owner == Kind::S_STRUCT) {
        where = Context::StructType;
      } else if (owner == Kind::S_INTERFACE) {
        where = Context::InterfaceType;
      } else if (owner == Kind::S_primary || owner == Kind::S_lit_type || is_midrule(owner) ||
                 owner == Kind::S_COMMA ||
                 (owner == Kind::S_COLON && kind_at(j + 2) == Kind::S_elem_value)) {
        where = Context::CompositeLiteral;
      } else {
        where = Context::Block;
      }
    }
    break;
  }
  return where;
}

}  // namespace

std::string unexpected_brace_context(const std::vector<KindType>& stack) {
  size_t opener = 0;
  switch (find_context(stack, opener)) {
    case Context::ArgumentList: return " in argument list; possibly missing comma or )";
    case Context::CompositeLiteral: return " in composite literal; possibly missing comma or }";
    case Context::GroupedDeclaration:
      return " in grouped declaration; possibly missing semicolon or newline or )";
    case Context::Index: return ", expected comma, : or ]";
    case Context::Paren: return ", expected )";
    case Context::TopLevel: return " after top level declaration";
    case Context::ParameterList:
    case Context::StructType:
    case Context::InterfaceType:
    case Context::Block: break;
  }
  return " at end of statement";
}

namespace {

// What report_syntax_error knows about an error: the unexpected token, the
// tokens that were expected instead, and the parser stack.
struct ErrorSite {
  const Token* tok;
  std::vector<KindType> all;   // expected tokens (exact, with LAC)
  std::vector<KindType> ends;  // those that do not merely continue an expression
  std::vector<KindType> stack;  // symbol kinds, top first
  Context where = Context::TopLevel;
  size_t opener = 0;  // index in `stack` of the bracket that opens `where`
  std::string unexpected;  // "unexpected " + the token as Go names it

  bool has(KindType k) const { return std::find(all.begin(), all.end(), k) != all.end(); }
  KindType kind_at(size_t i) const { return i < stack.size() ? stack[i] : Kind::S_YYEMPTY; }
};

// The if, for or switch whose header the stack top is in, or S_YYEMPTY.
KindType header_keyword(const ErrorSite& e) {
  for (size_t i = 0; i < e.stack.size(); i++) {
    const KindType k = e.kind_at(i);
    if (k == Kind::S_LBRACE || k == Kind::S_LPAREN || k == Kind::S_LBRACK || k == Kind::S_COMMA) break;
    if (k == Kind::S_IF || k == Kind::S_FOR || k == Kind::S_SWITCH) return k;
  }
  return Kind::S_YYEMPTY;
}

// Whether the stack top is the name list of a var or const spec.
// (A type may follow the names; the stack is searched down to the keyword.)
bool in_value_spec(const ErrorSite& e) {
  for (size_t i = 0; i < e.stack.size(); i++) {
    KindType k = e.kind_at(i);
    if (k == Kind::S_LPAREN && i > 0 && (e.kind_at(i + 1) == Kind::S_VAR || e.kind_at(i + 1) == Kind::S_CONST)) {
      return true;
    }
    if (k == Kind::S_VAR || k == Kind::S_CONST || k == Kind::S_var_list || k == Kind::S_const_list) return i > 0;
    if (k == Kind::S_SEMI || k == Kind::S_LBRACE || k == Kind::S_LPAREN || k == Kind::S_ASSIGN) return false;
  }
  return false;
}

// Errors right after a keyword or another token that decides what Go's
// parser wants next (cf. parser.go funcDeclOrNil, funcType, header,
// stmtOrNil's return, chanElem, pexpr, gotAssign, fileOrNil, selectStmt).
std::string keyword_message(const ErrorSite& e) {
  const KindType top = e.kind_at(0);
  const Tok t = e.tok->tok;
  if (top == Kind::S_FUNC && e.kind_at(1) == Kind::S_top_decls) return e.unexpected + ", expected name or (";
  const bool func_name = e.kind_at(1) == Kind::S_FUNC ||
                         (e.kind_at(1) == Kind::S_parameters && e.kind_at(2) == Kind::S_FUNC);
  if (top == Kind::S_name && func_name && e.has(Kind::S_LPAREN)) return e.unexpected + ", expected (";
  if (top == Kind::S_PACKAGE || (top == Kind::S_name && e.kind_at(1) == Kind::S_PACKAGE)) {
    return top == Kind::S_PACKAGE ? e.unexpected + ", expected name" : e.unexpected + ", expected semicolon or newline";
  }
  if (top == Kind::S_SELECT && e.has(Kind::S_LBRACE)) return "missing { after select clause";
  if ((top == Kind::S_CHAN || (top == Kind::S_ARROW && e.kind_at(1) == Kind::S_CHAN)) && e.has(Kind::S_NAME)) {
    return "missing channel element type";
  }
  // An operand must come: after `return` (unless the statement ends), at the
  // start of a header part, after `range`, and in x[...] (where Go names it
  // an operand).
  const bool header_part = top == Kind::S_IF || top == Kind::S_FOR || top == Kind::S_SWITCH ||
                           top == Kind::S_RANGE || (top == Kind::S_SEMI && header_keyword(e) != Kind::S_YYEMPTY);
  if (e.has(Kind::S_INT) && t != Tok::LBrace && (top == Kind::S_RETURN || header_part)) {
    return e.unexpected + ", expected expression";
  }
  if (top == Kind::S_LBRACK && t == Tok::RBrack && (e.kind_at(1) == Kind::S_primary || e.kind_at(1) == Kind::S_primary_nb)) {
    return e.unexpected + ", expected operand";
  }
  // var x := 1, const c := 1: Go reads the := as = after saying so.
  if (t == Tok::Define && in_value_spec(e)) return e.unexpected + ", expected =";
  // The start of a spec in a group: each wants a name.
  if (e.where == Context::GroupedDeclaration && t != Tok::RParen &&
      (top == Kind::S_LPAREN || top == Kind::S_var_list || top == Kind::S_const_list || top == Kind::S_type_list) &&
      e.has(Kind::S_NAME)) {
    return e.unexpected + ", expected name";
  }
  return {};
}

// Messages Go's parser words specially, by construct (cf. parser.go
// fileOrNil, ifStmt, header, importDecl, typeDecl, pexpr). Empty if none fits.
std::string special_message(const ErrorSite& e, const File& file) {
  if (e.all.size() == 1 && e.all[0] == Kind::S_PACKAGE) return "package statement must be first";
  if (e.where == Context::TopLevel && e.has(Kind::S_FUNC) && e.has(Kind::S_IMPORT)) {
    const auto* last = file.decls.empty() ? nullptr : file.decls.back()->as<FuncDecl>();
    if (e.tok->tok == Tok::LBrace && last != nullptr && last->body == nullptr) {
      return "unexpected semicolon or newline before {";
    }
    return "non-declaration statement outside function body";
  }
  if (e.all.size() == 2 && e.has(Kind::S_IF) && e.has(Kind::S_LBRACE)) {
    return "else must be followed by if or statement block";
  }
  if (e.tok->tok == Tok::LBrace && e.kind_at(0) == Kind::S_SEMI && e.kind_at(1) == Kind::S_hdr_init &&
      e.kind_at(2) == Kind::S_FOR) {
    return e.unexpected + ", expected for loop condition";
  }
  const bool after_import_name = (e.kind_at(0) == Kind::S_name || e.kind_at(0) == Kind::S_PERIOD) &&
                                 (e.kind_at(1) == Kind::S_IMPORT || e.kind_at(1) == Kind::S_import_list);
  if ((e.kind_at(0) == Kind::S_IMPORT || e.kind_at(0) == Kind::S_import_list || after_import_name) &&
      e.has(Kind::S_STRING)) {
    return "missing import path";
  }
  auto is_type_kw = [](KindType k) { return k == Kind::S_TYPE || k == Kind::S_type_list; };
  if ((e.kind_at(0) == Kind::S_name && is_type_kw(e.kind_at(1))) ||
      (e.kind_at(0) == Kind::S_ASSIGN && e.kind_at(1) == Kind::S_name && is_type_kw(e.kind_at(2)))) {
    // cf. parser.go gotAssign: `type T := ...` is read as an alias, with an error.
    if (e.tok->tok == Tok::Define && e.kind_at(0) == Kind::S_name) return e.unexpected + ", expected =";
    return e.unexpected + " in type declaration";
  }
  if (e.kind_at(0) == Kind::S_PERIOD && e.has(Kind::S_NAME) && e.has(Kind::S_LPAREN)) {
    return e.unexpected + ", expected name or (";
  }
  return keyword_message(e);
}

// In an if/for/switch header (cf. parser.go header and blockStmt): which part
// the error is in decides what Go asks for.
std::string header_message(const ErrorSite& e) {
  if (!e.has(Kind::S_LBRACE)) return {};
  int semis = 0;
  bool range = false;
  for (size_t i = 0; i < e.stack.size(); i++) {
    const KindType k = e.kind_at(i);
    if (k == Kind::S_LBRACE || k == Kind::S_LPAREN || k == Kind::S_LBRACK) break;
    if (k == Kind::S_SEMI) semis++;
    if (k == Kind::S_RANGE) range = true;
    if (k == Kind::S_COMMA) break;  // a list: Go asks for := or = (list_message)
    if (k != Kind::S_FOR && k != Kind::S_IF && k != Kind::S_SWITCH) continue;
    const std::string clause = k == Kind::S_FOR ? "for" : k == Kind::S_IF ? "if" : "switch";
    const bool block_next = range || semis == 2 || (semis == 1 && k != Kind::S_FOR) ||
                            (semis == 0 && !e.has(Kind::S_SEMI));
    if (block_next && k == Kind::S_SWITCH) return "missing { after switch clause";
    if (block_next) return e.unexpected + ", expected { after " + clause + " clause";
    if (semis == 0) return e.unexpected + ", expected {";
    break;
  }
  return {};
}

// An element of a list followed by something that neither separates nor
// closes it (cf. parser.go list), or another token out of place in the list
// the error is in.
std::string list_message(const ErrorSite& e) {
  if (e.has(Kind::S_DEFINE) && e.has(Kind::S_ASSIGN) && e.has(Kind::S_COMMA) && !e.has(Kind::S_SEMI) &&
      !e.has(Kind::S_RPAREN)) {
    return e.unexpected + ", expected := or = or comma";
  }
  auto list_error = [&e](KindType sep, KindType close, const char* what, const char* seps) -> std::string {
    if (!e.has(sep) || !e.has(close)) return {};
    return e.unexpected + " in " + what + "; possibly missing " + seps;
  };
  switch (e.where) {
    case Context::ArgumentList: return list_error(Kind::S_COMMA, Kind::S_RPAREN, "argument list", "comma or )");
    case Context::ParameterList: {
      std::string m = list_error(Kind::S_COMMA, Kind::S_RPAREN, "parameter list", "comma or )");
      // cf. parser.go paramDeclOrNil: no parameter where one should start.
      if (m.empty() && e.has(Kind::S_RPAREN)) m = e.unexpected + ", expected )";
      return m;
    }
    case Context::CompositeLiteral:
      return list_error(Kind::S_COMMA, Kind::S_RBRACE, "composite literal", "comma or }");
    case Context::GroupedDeclaration:
      return list_error(Kind::S_SEMI, Kind::S_RPAREN, "grouped declaration", "semicolon or newline or )");
    case Context::StructType: {
      // cf. parser.go fieldDecl: what a field's start or its names want.
      const KindType top = e.kind_at(0);
      const Tok t = e.tok->tok;
      if ((top == Kind::S_LBRACE || top == Kind::S_field_list) && t != Tok::RBrace) {
        return e.unexpected + ", expected field name or embedded type";
      }
      // (A name right after other names is the field's type, not a name.)
      const KindType below = e.kind_at(1);
      const bool names = top == Kind::S_name_list || top == Kind::S_COMMA ||
                         (top == Kind::S_name && (below == Kind::S_LBRACE || below == Kind::S_field_list ||
                                                  below == Kind::S_COMMA));
      if (names && t != Tok::Semicolon && t != Tok::RBrace && t != Tok::Period && t != Tok::String) {
        return e.unexpected + ", expected type";
      }
      return list_error(Kind::S_SEMI, Kind::S_RBRACE, "struct type", "semicolon or newline or }");
    }
    case Context::InterfaceType:
      return list_error(Kind::S_SEMI, Kind::S_RBRACE, "interface type", "semicolon or newline or }");
    case Context::Index: {
      // cf. parser.go pexpr: after the first ':' of a slice only ']' (or a
      // second ':') may come, and Go asks for the ']'.
      const bool slice = std::find(e.stack.begin(), e.stack.begin() + static_cast<long>(e.opener), Kind::S_COLON) !=
                         e.stack.begin() + static_cast<long>(e.opener);
      if (slice && e.has(Kind::S_RBRACK)) return e.unexpected + ", expected ]";
      if (e.has(Kind::S_COLON) && e.has(Kind::S_RBRACK)) return e.unexpected + ", expected comma, : or ]";
      return {};
    }
    case Context::Block: {
      if (!e.has(Kind::S_SEMI) || !e.has(Kind::S_RBRACE)) return {};
      // At the start of a statement, a token that starts none ends the list,
      // and the block (or case clause) wanted its end.
      const KindType top = e.kind_at(0);
      const bool at_start = top == Kind::S_SEMI || (top == Kind::S_LBRACE && e.opener == 0) ||
                            top == Kind::S_COLON;
      if (at_start && e.has(Kind::S_INT)) {
        return e.unexpected + (e.has(Kind::S_CASE) ? ", expected case or default or }" : ", expected }");
      }
      return e.unexpected + " at end of statement";
    }
    case Context::TopLevel:
      if (e.has(Kind::S_SEMI) && !e.has(Kind::S_INT)) return e.unexpected + " after top level declaration";
      return {};
    case Context::Paren: return {};
  }
  return {};
}

// "unexpected X, expected Y" from the expected-token set alone.
std::string generic_message(const ErrorSite& e) {
  if (e.has(Kind::S_INT)) return e.unexpected + ", expected expression";
  if (e.has(Kind::S_NAME) && e.has(Kind::S_MUL) && e.has(Kind::S_LBRACK) && e.has(Kind::S_MAP)) {
    return e.unexpected + ", expected type";
  }
  if (e.ends.size() == 1) return e.unexpected + ", expected " + expected_name(e.ends[0]);
  if (e.all.size() == 1) return e.unexpected + ", expected " + expected_name(e.all[0]);
  if (e.has(Kind::S_CASE) && e.has(Kind::S_DEFAULT) && e.has(Kind::S_RBRACE)) {
    return e.unexpected + ", expected case or default or }";
  }
  if (e.ends.size() == 2) {
    return e.unexpected + ", expected " + expected_name(e.ends[0]) + " or " + expected_name(e.ends[1]);
  }
  return e.unexpected;
}

}  // namespace

// A member so it can read the parser stack (yystack_).
void Parser::report_syntax_error(const context& ctx) const {
  // cf. parser.go syntaxErrorAt: an error at EOF after an earlier error is a
  // consequence of it. Unlike Go's parser, Bison cannot finish the tree from
  // there: the declaration in progress is lost, so the file is not checked.
  if (ctx.token() == Kind::S_YYEOF && drv.error_count() > 0) return drv.mark_syntax_error();
  // if_no_brace reported this one already, in Go's words.
  if (drv.take_expected_error()) return drv.mark_syntax_error();

  ErrorSite e;
  e.tok = &drv.last_token();
  KindType expected[YYNTOKENS];
  const int n = ctx.expected_tokens(expected, YYNTOKENS);
  e.all.assign(expected, expected + n);
  // A comma could always extend a list of expressions, but Go's parser never
  // mentions it (except in ":= or = or comma").
  for (KindType k : e.all) {
    if (!continues_expression(k) && k != Kind::S_COMMA) e.ends.push_back(k);
  }
  for (int i = 0; i < static_cast<int>(yystack_.size()); i++) e.stack.push_back(yystack_[i].kind());
  e.where = find_context(e.stack, e.opener);
  e.unexpected = "unexpected " + unexpected_name(*e.tok);

  // cf. parser.go methodDecl: Go reports `m[]` in an interface as soon as it
  // sees the ']', whatever comes next.
  if (e.where == Context::InterfaceType && e.kind_at(0) == Kind::S_RBRACK && e.kind_at(1) == Kind::S_LBRACK &&
      e.kind_at(2) == Kind::S_name) {
    drv.error(yystack_[0].location.begin, "empty type argument list");
  }

  // cf. parser.go header: `if var x := 1` is reported at the name after
  // `var`, before Go reads the (then acceptable) short declaration.
  const KindType header = header_keyword(e);
  if (e.tok->tok == Tok::Define && header != Kind::S_YYEMPTY) {
    for (size_t i = 1; i < e.stack.size(); i++) {
      if (e.kind_at(i) == header) break;
      if (e.kind_at(i) != Kind::S_VAR) continue;
      const char* word = header == Kind::S_IF ? "if" : header == Kind::S_FOR ? "for" : "switch";
      return drv.syntax_error(yystack_[static_cast<int>(i) - 1].location.begin,
                              std::string("var declaration not allowed in ") + word + " initializer");
    }
  }
  // After a type name, Go's parser reads '[' as the start of a type argument
  // list (cf. parser.go qualifiedName, typeInstance): gol has no generics and
  // rejects the '[', but says what Go says at the token after it when that
  // cannot start a type.
  if (e.tok->tok == Tok::LBrack && e.kind_at(0) == Kind::S_name) {
    const KindType below = e.kind_at(1);
    if (below == Kind::S_RBRACK || below == Kind::S_name || below == Kind::S_name_list || below == Kind::S_CHAN ||
        below == Kind::S_MUL || below == Kind::S_PERIOD) {
      const Token next = drv.lexer().peek();
      if (next.tok == Tok::RBrack) {
        return drv.syntax_error(next.pos, "unexpected ], expected type argument list");
      }
      if (!starts_type(next.tok)) {
        return drv.syntax_error(next.pos, "unexpected " + unexpected_name(next) + ", expected type");
      }
    }
  }
  // cf. parser.go labeledStmtOrNil: reported at the label's colon.
  if (e.where == Context::Block && e.kind_at(0) == Kind::S_COLON && e.kind_at(1) == Kind::S_name &&
      e.tok->tok != Tok::Semicolon && e.tok->tok != Tok::RBrace) {
    return drv.syntax_error(yystack_[0].location.begin, "missing statement after label");
  }
  std::string message = special_message(e, *drv.file());
  if (message.empty()) message = header_message(e);
  if (message.empty()) message = list_message(e);
  if (message.empty()) message = generic_message(e);
  drv.syntax_error(ctx.location().begin, message);
}

void Parser::error(const location_type& loc, const std::string& message) {
  drv.syntax_error(loc.begin, message);
}

}  // namespace gol::lang::gen
