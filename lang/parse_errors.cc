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
      } else if (owner == Kind::S_primary || owner == Kind::S_lit_type || owner == Kind::S_COMMA ||
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

// A member so it can read the parser stack (yystack_).
void Parser::report_syntax_error(const context& ctx) const {
  const Token& tok = drv.last_token();
  const Pos pos = ctx.location().begin;
  // cf. parser.go syntaxErrorAt: an error at EOF after an earlier error is a
  // consequence of it.
  if (ctx.token() == Kind::S_YYEOF && drv.error_count() > 0) return;

  KindType expected_arr[YYNTOKENS];
  const int n = ctx.expected_tokens(expected_arr, YYNTOKENS);
  std::vector<KindType> all(expected_arr, expected_arr + n);
  auto has = [&all](KindType k) { return std::find(all.begin(), all.end(), k) != all.end(); };
  // Expected tokens that end something. A comma could always extend a list
  // of expressions, but Go's parser never mentions it (except in ":= or = or
  // comma" below).
  std::vector<KindType> ends;
  for (KindType k : all) {
    if (!continues_expression(k) && k != Kind::S_COMMA) ends.push_back(k);
  }
  const size_t depth = static_cast<size_t>(yystack_.size());
  std::vector<KindType> stack;  // symbol kinds, top first
  for (size_t i = 0; i < depth; i++) stack.push_back(yystack_[static_cast<int>(i)].kind());
  auto kind_at = [&stack](size_t i) { return i < stack.size() ? stack[i] : Kind::S_YYEMPTY; };

  size_t opener = 0;
  const Context where = find_context(stack, opener);

  const std::string unexpected = "unexpected " + unexpected_name(tok);
  auto report = [&](const std::string& msg) { drv.syntax_error(pos, msg); };

  // Messages Go words specially.
  if (all.size() == 1 && all[0] == Kind::S_PACKAGE) {
    return report("package statement must be first");
  }
  if (where == Context::TopLevel && has(Kind::S_FUNC) && has(Kind::S_IMPORT)) {
    const auto& decls = const_cast<ParseDriver&>(drv).file()->decls;
    const auto* last = decls.empty() ? nullptr : decls.back()->as<FuncDecl>();
    if (tok.tok == Tok::LBrace && last != nullptr && last->body == nullptr) {
      return report("unexpected semicolon or newline before {");
    }
    return report("non-declaration statement outside function body");
  }
  if (all.size() == 2 && has(Kind::S_IF) && has(Kind::S_LBRACE)) {
    return report("else must be followed by if or statement block");
  }
  if (tok.tok == Tok::LBrace && kind_at(0) == Kind::S_SEMI && kind_at(1) == Kind::S_hdr_init &&
      kind_at(2) == Kind::S_FOR) {
    return report(unexpected + ", expected for loop condition");
  }
  // cf. parser.go importDecl and typeDecl.
  const bool after_import_name = (kind_at(0) == Kind::S_name || kind_at(0) == Kind::S_PERIOD) &&
                                 (kind_at(1) == Kind::S_IMPORT || kind_at(1) == Kind::S_import_list);
  if ((kind_at(0) == Kind::S_IMPORT || kind_at(0) == Kind::S_import_list || after_import_name) &&
      has(Kind::S_STRING)) {
    return report("missing import path");
  }
  auto is_type_kw = [](KindType k) { return k == Kind::S_TYPE || k == Kind::S_type_list; };
  if ((kind_at(0) == Kind::S_name && is_type_kw(kind_at(1))) ||
      (kind_at(0) == Kind::S_ASSIGN && kind_at(1) == Kind::S_name && is_type_kw(kind_at(2)))) {
    return report(unexpected + " in type declaration");
  }
  if (kind_at(0) == Kind::S_PERIOD && has(Kind::S_NAME) && has(Kind::S_LPAREN)) {
    return report(unexpected + ", expected name or (");
  }
  // In an if/for/switch header (cf. parser.go header and blockStmt): which
  // part the error is in decides what Go asks for.
  if (has(Kind::S_LBRACE)) {
    int semis = 0;
    bool range = false;
    for (size_t i = 0; i < depth; i++) {
      const KindType k = kind_at(i);
      if (k == Kind::S_LBRACE || k == Kind::S_LPAREN || k == Kind::S_LBRACK) break;
      if (k == Kind::S_SEMI) semis++;
      if (k == Kind::S_RANGE) range = true;
      if (k == Kind::S_COMMA) break;  // a list: Go asks for := or = (below)
      if (k != Kind::S_FOR && k != Kind::S_IF && k != Kind::S_SWITCH) continue;
      const std::string clause = k == Kind::S_FOR ? "for" : k == Kind::S_IF ? "if" : "switch";
      const bool block_next = range || semis == 2 || (semis == 1 && k != Kind::S_FOR) ||
                              (semis == 0 && !has(Kind::S_SEMI));
      if (block_next && k == Kind::S_SWITCH) return report("missing { after switch clause");
      if (block_next) return report(unexpected + ", expected { after " + clause + " clause");
      if (semis == 0) return report(unexpected + ", expected {");
      break;
    }
  }

  if (has(Kind::S_DEFINE) && has(Kind::S_ASSIGN) && has(Kind::S_COMMA) && !has(Kind::S_SEMI) &&
      !has(Kind::S_RPAREN)) {
    return report(unexpected + ", expected := or = or comma");
  }

  // An element of a list followed by something that neither separates nor
  // closes the list (cf. parser.go list).
  auto list_error = [&](KindType sep, KindType close, const char* what, const char* seps) -> bool {
    if (!has(sep) || !has(close)) return false;
    report(unexpected + " in " + what + "; possibly missing " + seps);
    return true;
  };
  switch (where) {
    case Context::ArgumentList:
      if (list_error(Kind::S_COMMA, Kind::S_RPAREN, "argument list", "comma or )")) return;
      break;
    case Context::ParameterList:
      if (list_error(Kind::S_COMMA, Kind::S_RPAREN, "parameter list", "comma or )")) return;
      // cf. parser.go paramDeclOrNil: no parameter where one should start.
      if (has(Kind::S_RPAREN)) return report(unexpected + ", expected )");
      break;
    case Context::CompositeLiteral:
      if (list_error(Kind::S_COMMA, Kind::S_RBRACE, "composite literal", "comma or }")) return;
      break;
    case Context::GroupedDeclaration:
      if (list_error(Kind::S_SEMI, Kind::S_RPAREN, "grouped declaration",
                     "semicolon or newline or )")) {
        return;
      }
      break;
    case Context::StructType:
      if (list_error(Kind::S_SEMI, Kind::S_RBRACE, "struct type", "semicolon or newline or }")) return;
      break;
    case Context::InterfaceType:
      if (list_error(Kind::S_SEMI, Kind::S_RBRACE, "interface type", "semicolon or newline or }")) {
        return;
      }
      break;
    case Context::Index:
      if (has(Kind::S_COLON) && has(Kind::S_RBRACK)) return report(unexpected + ", expected comma, : or ]");
      break;
    case Context::Block:
      if (has(Kind::S_SEMI) && has(Kind::S_RBRACE)) {
        // At the start of a statement, a token that starts none ends the
        // list, and the block (or case clause) wanted its end.
        const KindType top = kind_at(0);
        const bool at_start = top == Kind::S_SEMI || (top == Kind::S_LBRACE && opener == 0) ||
                              top == Kind::S_COLON;
        if (at_start && has(Kind::S_INT)) {
          if (has(Kind::S_CASE)) return report(unexpected + ", expected case or default or }");
          return report(unexpected + ", expected }");
        }
        return report(unexpected + " at end of statement");
      }
      break;
    case Context::TopLevel:
      if (has(Kind::S_SEMI) && !has(Kind::S_INT)) return report(unexpected + " after top level declaration");
      break;
    case Context::Paren:
      break;
  }

  // Generic forms.
  if (has(Kind::S_INT)) return report(unexpected + ", expected expression");
  if (has(Kind::S_NAME) && has(Kind::S_MUL) && has(Kind::S_LBRACK) && has(Kind::S_MAP)) {
    return report(unexpected + ", expected type");
  }
  if (ends.size() == 1) return report(unexpected + ", expected " + expected_name(ends[0]));
  if (all.size() == 1) return report(unexpected + ", expected " + expected_name(all[0]));
  if (has(Kind::S_CASE) && has(Kind::S_DEFAULT) && has(Kind::S_RBRACE)) {
    return report(unexpected + ", expected case or default or }");
  }
  if (ends.size() == 2) {
    return report(unexpected + ", expected " + expected_name(ends[0]) + " or " + expected_name(ends[1]));
  }
  report(unexpected);
}

void Parser::error(const location_type& loc, const std::string& message) {
  drv.syntax_error(loc.begin, message);
}

}  // namespace gol::lang::gen
