// parser.y — Go's grammar (the gol subset) for Bison: tokens in, AST out.
//
// An LALR(1) grammar in Bison's C++ skeleton. Actions only build nodes, through
// ParseDriver (parse_driver.h); anything that needs more than a constructor —
// resolving parameter names against types, taking if/for/switch headers apart,
// re-associating `<-chan`, Go's few purely syntactic checks — is a driver
// method, so the grammar stays readable as a grammar.
//
// Two places where Go's grammar is not LALR(1) as written, and how:
//
// 1. The composite-literal ambiguity (spec "Composite literals"): in the
//    header of if/for/switch, `T{` opens the block, not a literal, unless the
//    literal is inside parentheses, brackets or braces. The expression grammar
//    therefore exists twice: `expr` (anywhere) and `expr_nb` ("no brace",
//    headers only). They differ in one production: `primary '{' ...` (a
//    literal whose type is a name, a selector or a parenthesised type) is not
//    in the `_nb` copy, while literals whose type is a type literal
//    (`[]int{1}`, `map[K]V{}`, `struct{}{}`) are, exactly as Go's parser does.
//    Rejected: the lexer trick of Go's old yacc grammar (a distinct token for
//    a body-opening brace), which needs parser state fed back into the lexer.
//
// 2. Go's parser is greedy where a type ends an operand: `func() *T` is a
//    function type returning *T, never `func()` times T; `[]T{` always starts
//    a literal; `func() {` always starts a function literal; `chan T.x` names
//    a qualified type. These shift/reduce choices are made explicit with
//    %precedence on the rules that would stop early (NO_BODY, NO_RESULT,
//    NO_QUALIFIER); they rank below the tokens that continue the type. Only
//    those rules carry a %prec, and the Bison report lists no other
//    precedence-resolved conflict than these and the binary operators'.
//
// Error messages are built in parse_errors.cc (parse.error custom) from the
// expected-token set and the parser stack, in Go's words. Recovery is at
// statement and declaration level (the `error` token), as Go's parser skips to
// the next statement or declaration.

// Bison 3.8: api.value.type variant with the C++ skeleton, custom errors.
%require "3.8"
// A C++ parser class, gol::lang::gen::Parser.
%language "c++"
// Emit parser.hh: parse.cc (yylex) and parse_errors.cc include it.
%header
// Generated code lives apart from hand-written code.
%define api.namespace {gol::lang::gen}
// Named like our classes, not Bison's default "parser".
%define api.parser.class {Parser}
// Semantic values are typed C++ objects (node pointers, vectors of them).
%define api.value.type variant
// yylex builds whole symbols: Parser::make_NAME(text, range).
%define api.token.constructor
// Token enumerators TOK_NAME, ... cannot clash with macros or our Tok enum.
%define api.token.prefix {TOK_}
// Every symbol carries its source range...
%locations
// ...as the AST's own Range; the default YYLLOC_DEFAULT fits its begin/end.
%define api.location.type {gol::lang::Range}
// Checks variant use in debug builds.
%define parse.assert
// Syntax errors in Go's words, built in parse_errors.cc.
%define parse.error custom
// Exact expected-token sets at errors (lookahead correction).
%define parse.lac full
// The driver carries the lexer, the arena and the diagnostics.
%param {gol::lang::ParseDriver& drv}
// No conflict may remain unresolved: the build fails otherwise.
%expect 0

%code requires {
#include <string_view>
#include <vector>

#include "lang/ast.h"
#include "lang/parse_items.h"

namespace gol::lang {
class ParseDriver;
}
}

%code {
#include "lang/parse_driver.h"

namespace gol::lang::gen {
Parser::symbol_type yylex(ParseDriver& drv);

// How Go words a '{' that cannot start a composite literal where the list
// below it on the parser stack is (parse_errors.cc): " at end of statement",
// " in argument list; possibly missing comma or )", ...
std::string unexpected_brace_context(const std::vector<Parser::symbol_kind_type>& stack);

// The same for the stack under its `skip` topmost symbols (x before a '{').
template <class Stack>
std::string brace_context(const Stack& stack, int skip) {
  std::vector<Parser::symbol_kind_type> kinds;
  for (int i = skip; i < static_cast<int>(stack.size()); i++) kinds.push_back(stack[i].kind());
  return unexpected_brace_context(kinds);
}
}
}

%token <std::string_view> NAME "name"
%token <std::string_view> INT FLOAT IMAG CHAR STRING
// A semicolon, written or inserted; its value is Go's description of it.
%token <std::string_view> SEMI
%token BREAK CASE CHAN CONST CONTINUE DEFAULT DEFER ELSE FALLTHROUGH FOR FUNC GO GOTO
%token IF IMPORT INTERFACE MAP PACKAGE RANGE RETURN SELECT STRUCT SWITCH TYPE VAR
%token ADD SUB MUL QUO REM AND OR XOR SHL SHR ANDNOT
%token <gol::lang::Op> ASSIGN_OP
%token LAND LOR ARROW INC DEC EQL NEQ LSS LEQ GTR GEQ ASSIGN NOT TILDE DEFINE ELLIPSIS
%token LPAREN RPAREN LBRACK RBRACK LBRACE RBRACE COMMA PERIOD COLON

// Greedy type endings (see the header): each NO_* rule yields to the tokens
// listed after it.
%precedence NO_BODY NO_RESULT NO_QUALIFIER
%precedence LBRACE LPAREN LBRACK ARROW PERIOD
// Go's binary operator precedence, loosest first.
%left LOR
%left LAND
%left EQL NEQ LSS LEQ GTR GEQ
%left ADD SUB OR XOR
%left MUL QUO REM SHL SHR AND ANDNOT

%type <gol::lang::Ident*> name
%type <std::vector<gol::lang::Ident*>> name_list
%type <gol::lang::Node*> decl import_spec const_spec var_spec type_spec
%type <gol::lang::GenDecl*> import_decl const_decl var_decl type_decl
%type <std::vector<gol::lang::Node*>> import_list import_group const_list const_group
%type <std::vector<gol::lang::Node*>> var_list var_group type_list type_group
%type <gol::lang::FuncDecl*> func_decl
%type <gol::lang::BlockStmt*> block body_opt
%type <gol::lang::FuncType*> signature
%type <gol::lang::FieldList*> parameters result
%type <std::vector<gol::lang::ParamItem>> param_group params
%type <gol::lang::ParamItem> param
%type <gol::lang::Expr*> type type_np type_lit type_lit_na chan_elem
%type <gol::lang::Expr*> struct_type interface_type lit_type
%type <gol::lang::Field*> field_decl iface_elem
%type <std::vector<gol::lang::Field*>> field_list field_group iface_list iface_group
%type <gol::lang::BasicLit*> tag_opt basic_lit
%type <gol::lang::Expr*> expr unary primary operand expr_opt
%type <gol::lang::Expr*> expr_nb unary_nb primary_nb
%type <gol::lang::Expr*> elem elem_value func_lit
%type <gol::lang::CompositeLit*> complit_body
%type <std::vector<gol::lang::Expr*>> expr_list expr_list_nb elem_group elems arg_list
%type <gol::lang::CallArgs> call_args
%type <gol::lang::Stmt*> stmt stmt_opt keyword_stmt simple_stmt simple_nb simple_nb_opt labeled_stmt
%type <gol::lang::Stmt*> if_stmt for_stmt switch_stmt select_stmt hdr_init
%type <gol::lang::Stmt*> case_clause comm_clause
%type <std::vector<gol::lang::Stmt*>> stmt_list case_clauses comm_clauses
%type <gol::lang::HeaderParts> if_header if_no_brace switch_header for_header

%%

file:
  PACKAGE name SEMI top_decls  { drv.file()->package_name = $2; }
;

top_decls:
  %empty
| top_decls decl SEMI   { drv.add_decl($2); }
| top_decls error SEMI
;

decl:
  import_decl  { $$ = $1; }
| const_decl   { $$ = $1; }
| type_decl    { $$ = $1; }
| var_decl     { $$ = $1; }
| func_decl    { $$ = $1; }
;

name:
  NAME  { $$ = drv.ident(@1, $1); }
;

name_list:
  name                  { $$ = {$1}; }
| name_list COMMA name  { $$ = std::move($1); $$.push_back($3); }
;

// ---------------------------------------------------------------- declarations

import_decl:
  IMPORT import_spec                       { $$ = drv.gen_decl(@$, Op::Import, {$2}); }
| IMPORT LPAREN import_group RPAREN        { $$ = drv.gen_decl(@$, Op::Import, std::move($3), @2, @4); }
| IMPORT LPAREN error RPAREN      { $$ = drv.gen_decl(@$, Op::Import, {}, @2, @4); }
;

import_spec:
  basic_lit         { $$ = drv.import_spec(@$, nullptr, $1); }
| name basic_lit    { $$ = drv.import_spec(@$, $1, $2); }
| PERIOD basic_lit  { $$ = drv.import_spec(@$, drv.ident(@1, "."), $2); }
;

// A group is "[ spec { ; spec } [ ; ] ]": the list keeps every spec followed
// by a semicolon, the group adds an optional last one.
import_list:
  %empty                         { }
| import_list import_spec SEMI   { $$ = std::move($1); $$.push_back($2); }
;

import_group:
  import_list              { $$ = std::move($1); }
| import_list import_spec  { $$ = std::move($1); $$.push_back($2); }
;

const_decl:
  CONST const_spec                   { $$ = drv.gen_decl(@$, Op::Const, {$2}); }
| CONST LPAREN const_group RPAREN    { $$ = drv.gen_decl(@$, Op::Const, std::move($3), @2, @4); }
| CONST LPAREN error RPAREN      { $$ = drv.gen_decl(@$, Op::Const, {}, @2, @4); }
;

const_spec:
  name_list                        { $$ = drv.value_spec(@$, std::move($1), nullptr, {}); }
| name_list type                   { $$ = drv.value_spec(@$, std::move($1), $2, {}); }
| name_list ASSIGN expr_list       { $$ = drv.value_spec(@$, std::move($1), nullptr, std::move($3)); }
| name_list type ASSIGN expr_list  { $$ = drv.value_spec(@$, std::move($1), $2, std::move($4)); }
;

const_list:
  %empty                       { }
| const_list const_spec SEMI   { $$ = std::move($1); $$.push_back($2); }
;

const_group:
  const_list             { $$ = std::move($1); }
| const_list const_spec  { $$ = std::move($1); $$.push_back($2); }
;

var_decl:
  VAR var_spec                   { $$ = drv.gen_decl(@$, Op::Var, {$2}); }
| VAR LPAREN var_group RPAREN    { $$ = drv.gen_decl(@$, Op::Var, std::move($3), @2, @4); }
| VAR LPAREN error RPAREN      { $$ = drv.gen_decl(@$, Op::Var, {}, @2, @4); }
;

var_spec:
  name_list type                   { $$ = drv.value_spec(@$, std::move($1), $2, {}); }
| name_list ASSIGN expr_list       { $$ = drv.value_spec(@$, std::move($1), nullptr, std::move($3)); }
| name_list type ASSIGN expr_list  { $$ = drv.value_spec(@$, std::move($1), $2, std::move($4)); }
;

var_list:
  %empty                   { }
| var_list var_spec SEMI   { $$ = std::move($1); $$.push_back($2); }
;

var_group:
  var_list           { $$ = std::move($1); }
| var_list var_spec  { $$ = std::move($1); $$.push_back($2); }
;

type_decl:
  TYPE type_spec                   { $$ = drv.gen_decl(@$, Op::Type, {$2}); }
| TYPE LPAREN type_group RPAREN    { $$ = drv.gen_decl(@$, Op::Type, std::move($3), @2, @4); }
| TYPE LPAREN error RPAREN      { $$ = drv.gen_decl(@$, Op::Type, {}, @2, @4); }
;

type_spec:
  name type         { $$ = drv.type_spec(@$, $1, Pos{}, $2); }
| name ASSIGN type  { $$ = drv.type_spec(@$, $1, @2.begin, $3); }
;

type_list:
  %empty                     { }
| type_list type_spec SEMI   { $$ = std::move($1); $$.push_back($2); }
;

type_group:
  type_list            { $$ = std::move($1); }
| type_list type_spec  { $$ = std::move($1); $$.push_back($2); }
;

// Type parameters are not supported; an empty list is Go's syntax error, and
// the declaration is kept without it.
func_decl:
  FUNC name signature body_opt             { $$ = drv.func_decl(@$, nullptr, $2, $3, $4); }
| FUNC name LBRACK RBRACK signature body_opt
                                           { drv.syntax_error(@4.begin, "empty type parameter list"); $$ = drv.func_decl(@$, nullptr, $2, $5, $6); }
| FUNC parameters name signature body_opt  { $$ = drv.func_decl(@$, $2, $3, $4, $5); }
;

body_opt:
  %empty  { $$ = nullptr; }
| block   { $$ = $1; }
;

// ----------------------------------------------------------------------- types

// A type anywhere a type is expected.
type:
  type_np                  { $$ = $1; }
| LPAREN type RPAREN       { $$ = drv.paren(@$, $2); }
;

// A type that does not start with '(' (a function's single result).
type_np:
  name %prec NO_QUALIFIER  { $$ = $1; }
| name PERIOD name         { $$ = drv.selector(@$, $1, $3); }
| type_lit                 { $$ = $1; }
;

type_lit:
  type_lit_na            { $$ = $1; }
| ARROW CHAN type        { $$ = drv.chan_type(@$, ChanDir::Recv, @1.begin, $3); }
;

// Type literals that do not start with "<-".
type_lit_na:
  MUL type                               { $$ = drv.star(@$, $2); }
| lit_type                               { $$ = $1; }
| CHAN chan_elem                         { $$ = drv.chan_type(@$, ChanDir::Both, Pos{}, $2); }
| CHAN ARROW type                        { $$ = drv.chan_type(@$, ChanDir::Send, @2.begin, $3); }
| FUNC signature                         { $$ = $2; drv.set_range($$, @$); }
| interface_type                         { $$ = $1; }
;

// The element type right after "chan": "<-" there belongs to the outer chan
// (chan<- T), so a receive-only element needs parentheses: chan (<-chan T).
chan_elem:
  name %prec NO_QUALIFIER  { $$ = $1; }
| name PERIOD name         { $$ = drv.selector(@$, $1, $3); }
| type_lit_na              { $$ = $1; }
| LPAREN type RPAREN       { $$ = drv.paren(@$, $2); }
;

// Types that may start a composite literal.
lit_type:
  LBRACK expr RBRACK type      { $$ = drv.array_type(@$, $2, $4); }
| LBRACK ELLIPSIS RBRACK type  { $$ = drv.array_type(@$, drv.ellipsis(@2, nullptr), $4); }
| LBRACK RBRACK type           { $$ = drv.array_type(@$, nullptr, $3); }
| MAP LBRACK type RBRACK type  { $$ = drv.map_type(@$, $3, $5); }
| struct_type                  { $$ = $1; }
;

struct_type:
  STRUCT LBRACE field_group RBRACE  { $$ = drv.struct_type(@$, std::move($3), @2.begin, @4.begin); }
| STRUCT LBRACE error RBRACE        { $$ = drv.struct_type(@$, {}, @2.begin, @4.begin); }
;

field_list:
  %empty                       { }
| field_list field_decl SEMI   { $$ = std::move($1); $$.push_back($2); }
;

field_group:
  field_list             { $$ = std::move($1); }
| field_list field_decl  { $$ = std::move($1); $$.push_back($2); }
;

field_decl:
  name_list type tag_opt                    { $$ = drv.field(@$, std::move($1), $2, $3); }
| name tag_opt                              { $$ = drv.field(@$, {}, $1, $2); }
| name PERIOD name tag_opt                  { $$ = drv.field(@$, {}, drv.selector(drv.span(@1, @3), $1, $3), $4); }
| MUL name tag_opt                          { $$ = drv.field(@$, {}, drv.star(drv.span(@1, @2), $2), $3); }
| MUL name PERIOD name tag_opt              { $$ = drv.field(@$, {}, drv.star(drv.span(@1, @4), drv.selector(drv.span(@2, @4), $2, $4)), $5); }
;

tag_opt:
  %empty     { $$ = nullptr; }
| basic_lit  { $$ = $1; }
;

interface_type:
  INTERFACE LBRACE iface_group RBRACE  { $$ = drv.interface_type(@$, std::move($3), @2.begin, @4.begin); }
| INTERFACE LBRACE error RBRACE        { $$ = drv.interface_type(@$, {}, @2.begin, @4.begin); }
;

iface_list:
  %empty                       { }
| iface_list iface_elem SEMI   { $$ = std::move($1); $$.push_back($2); }
;

iface_group:
  iface_list             { $$ = std::move($1); }
| iface_list iface_elem  { $$ = std::move($1); $$.push_back($2); }
;

// Besides methods and embedded interfaces, Go's parser accepts any type as an
// interface element (a type term of a constraint); the checker rejects
// interfaces that have them where a type is expected. `m[]` is Go's empty
// type argument (or, before a signature, parameter) list, reported by the
// parser, which goes on without it.
iface_elem:
  name signature                   { $$ = drv.field(@$, {$1}, $2, nullptr); }
| name                             { $$ = drv.field(@$, {}, $1, nullptr); }
| name PERIOD name                 { $$ = drv.field(@$, {}, drv.selector(@$, $1, $3), nullptr); }
| name LBRACK RBRACK               { drv.error(@3.begin, "empty type argument list"); $$ = drv.field(@$, {}, $1, nullptr); }
| name LBRACK RBRACK signature     { drv.error(@3.begin, "empty type parameter list"); $$ = drv.field(@$, {$1}, $4, nullptr); }
| type_lit                         { $$ = drv.field(@$, {}, $1, nullptr); }
| LPAREN type RPAREN               { $$ = drv.field(@$, {}, drv.paren(@$, $2), nullptr); }
;

signature:
  parameters result  { $$ = drv.func_type(@$, $1, $2); }
;

result:
  %empty %prec NO_RESULT  { $$ = nullptr; }
| parameters              { $$ = $1; }
| type_np                 { $$ = drv.single_result($1); }
;

parameters:
  LPAREN param_group RPAREN  { $$ = drv.parameters(@$, std::move($2)); }
| LPAREN error RPAREN        { $$ = drv.parameters(@$, {}); }
;

param_group:
  %empty         { }
| params         { $$ = std::move($1); }
| params COMMA   { $$ = std::move($1); }
;

params:
  param               { $$ = {$1}; }
| params COMMA param  { $$ = std::move($1); $$.push_back($3); }
;

// A name, a type, or a name and a type: which is which is settled for the
// whole list at once (ParseDriver::parameters), as in Go's parser.
param:
  name                     { $$ = ParamItem{$1, nullptr}; }
| name PERIOD name         { $$ = ParamItem{nullptr, drv.selector(@$, $1, $3)}; }
| name type                { $$ = ParamItem{$1, $2}; }
| name ELLIPSIS type       { $$ = ParamItem{$1, drv.ellipsis(drv.span(@2, @3), $3)}; }
| ELLIPSIS type            { $$ = ParamItem{nullptr, drv.ellipsis(@$, $2)}; }
| type_lit                 { $$ = ParamItem{nullptr, $1}; }
| LPAREN type RPAREN       { $$ = ParamItem{nullptr, drv.paren(@$, $2)}; }
;

// ----------------------------------------------------------------- expressions

expr:
  unary              { $$ = $1; }
| expr LOR expr      { $$ = drv.binary(@$, Op::LOr, @2.begin, $1, $3); }
| expr LAND expr     { $$ = drv.binary(@$, Op::LAnd, @2.begin, $1, $3); }
| expr EQL expr      { $$ = drv.binary(@$, Op::Eql, @2.begin, $1, $3); }
| expr NEQ expr      { $$ = drv.binary(@$, Op::Neq, @2.begin, $1, $3); }
| expr LSS expr      { $$ = drv.binary(@$, Op::Lss, @2.begin, $1, $3); }
| expr LEQ expr      { $$ = drv.binary(@$, Op::Leq, @2.begin, $1, $3); }
| expr GTR expr      { $$ = drv.binary(@$, Op::Gtr, @2.begin, $1, $3); }
| expr GEQ expr      { $$ = drv.binary(@$, Op::Geq, @2.begin, $1, $3); }
| expr ADD expr      { $$ = drv.binary(@$, Op::Add, @2.begin, $1, $3); }
| expr SUB expr      { $$ = drv.binary(@$, Op::Sub, @2.begin, $1, $3); }
| expr OR expr       { $$ = drv.binary(@$, Op::Or, @2.begin, $1, $3); }
| expr XOR expr      { $$ = drv.binary(@$, Op::Xor, @2.begin, $1, $3); }
| expr MUL expr      { $$ = drv.binary(@$, Op::Mul, @2.begin, $1, $3); }
| expr QUO expr      { $$ = drv.binary(@$, Op::Quo, @2.begin, $1, $3); }
| expr REM expr      { $$ = drv.binary(@$, Op::Rem, @2.begin, $1, $3); }
| expr SHL expr      { $$ = drv.binary(@$, Op::Shl, @2.begin, $1, $3); }
| expr SHR expr      { $$ = drv.binary(@$, Op::Shr, @2.begin, $1, $3); }
| expr AND expr      { $$ = drv.binary(@$, Op::And, @2.begin, $1, $3); }
| expr ANDNOT expr   { $$ = drv.binary(@$, Op::AndNot, @2.begin, $1, $3); }
;

unary:
  primary        { $$ = $1; }
| ADD unary      { $$ = drv.unary(@$, Op::Add, $2); }
| SUB unary      { $$ = drv.unary(@$, Op::Sub, $2); }
| NOT unary      { $$ = drv.unary(@$, Op::Not, $2); }
| XOR unary      { $$ = drv.unary(@$, Op::Xor, $2); }
| AND unary      { $$ = drv.unary(@$, Op::And, $2); }
| ARROW unary    { $$ = drv.unary(@$, Op::Arrow, $2); }
| MUL unary      { $$ = drv.star(@$, $2); }
;

// x[i,] is x[i]: Go's parser reads an index as a list that may be a type
// argument list, and a trailing comma is allowed there. More than one entry
// is generic code, which gol does not support: an error at the second.
primary:
  operand                                                   { $$ = $1; }
| primary PERIOD name                                       { $$ = drv.selector(@$, $1, $3); }
| primary PERIOD LPAREN type RPAREN                         { $$ = drv.type_assert(@$, $1, $4); }
| primary PERIOD LPAREN TYPE RPAREN                         { $$ = drv.type_assert(@$, $1, nullptr); }
| primary LBRACK expr RBRACK                                { $$ = drv.index(@$, $1, @2.begin, $3); }
| primary LBRACK expr COMMA RBRACK                          { $$ = drv.index(@$, $1, @2.begin, $3); }
| primary LBRACK expr_opt COLON expr_opt RBRACK             { $$ = drv.slice(@$, $1, @2.begin, $3, @4.begin, $5, nullptr, Pos{}, @6.begin); }
| primary LBRACK expr_opt COLON expr_opt COLON expr_opt RBRACK
                                                            { $$ = drv.slice(@$, $1, @2.begin, $3, @4.begin, $5, $7, @6.begin, @8.begin); }
| primary LPAREN call_args RPAREN                           { $$ = drv.call(@$, $1, @2.begin, std::move($3), @4.begin); }
| primary LPAREN error RPAREN                               { $$ = drv.call(@$, $1, @2.begin, {}, @4.begin); }
  // Checked at the '{', before the elements are parsed, as Go's parser
  // decides there whether a literal starts (see ParseDriver::literal_type).
  // If not, the expression ended before the '{': error recovery then skips
  // from there as Go's parser does in the enclosing list.
| primary { if (!drv.literal_type($1, brace_context(yystack_, 1))) YYERROR; } complit_body
                                                            { $$ = drv.composite(@$, $1, $3); }
;

// The same as expr, unary and primary, minus `primary complit_body`: for the
// headers of if, for and switch (see the file comment).
expr_nb:
  unary_nb                 { $$ = $1; }
| expr_nb LOR expr_nb      { $$ = drv.binary(@$, Op::LOr, @2.begin, $1, $3); }
| expr_nb LAND expr_nb     { $$ = drv.binary(@$, Op::LAnd, @2.begin, $1, $3); }
| expr_nb EQL expr_nb      { $$ = drv.binary(@$, Op::Eql, @2.begin, $1, $3); }
| expr_nb NEQ expr_nb      { $$ = drv.binary(@$, Op::Neq, @2.begin, $1, $3); }
| expr_nb LSS expr_nb      { $$ = drv.binary(@$, Op::Lss, @2.begin, $1, $3); }
| expr_nb LEQ expr_nb      { $$ = drv.binary(@$, Op::Leq, @2.begin, $1, $3); }
| expr_nb GTR expr_nb      { $$ = drv.binary(@$, Op::Gtr, @2.begin, $1, $3); }
| expr_nb GEQ expr_nb      { $$ = drv.binary(@$, Op::Geq, @2.begin, $1, $3); }
| expr_nb ADD expr_nb      { $$ = drv.binary(@$, Op::Add, @2.begin, $1, $3); }
| expr_nb SUB expr_nb      { $$ = drv.binary(@$, Op::Sub, @2.begin, $1, $3); }
| expr_nb OR expr_nb       { $$ = drv.binary(@$, Op::Or, @2.begin, $1, $3); }
| expr_nb XOR expr_nb      { $$ = drv.binary(@$, Op::Xor, @2.begin, $1, $3); }
| expr_nb MUL expr_nb      { $$ = drv.binary(@$, Op::Mul, @2.begin, $1, $3); }
| expr_nb QUO expr_nb      { $$ = drv.binary(@$, Op::Quo, @2.begin, $1, $3); }
| expr_nb REM expr_nb      { $$ = drv.binary(@$, Op::Rem, @2.begin, $1, $3); }
| expr_nb SHL expr_nb      { $$ = drv.binary(@$, Op::Shl, @2.begin, $1, $3); }
| expr_nb SHR expr_nb      { $$ = drv.binary(@$, Op::Shr, @2.begin, $1, $3); }
| expr_nb AND expr_nb      { $$ = drv.binary(@$, Op::And, @2.begin, $1, $3); }
| expr_nb ANDNOT expr_nb   { $$ = drv.binary(@$, Op::AndNot, @2.begin, $1, $3); }
;

unary_nb:
  primary_nb        { $$ = $1; }
| ADD unary_nb      { $$ = drv.unary(@$, Op::Add, $2); }
| SUB unary_nb      { $$ = drv.unary(@$, Op::Sub, $2); }
| NOT unary_nb      { $$ = drv.unary(@$, Op::Not, $2); }
| XOR unary_nb      { $$ = drv.unary(@$, Op::Xor, $2); }
| AND unary_nb      { $$ = drv.unary(@$, Op::And, $2); }
| ARROW unary_nb    { $$ = drv.unary(@$, Op::Arrow, $2); }
| MUL unary_nb      { $$ = drv.star(@$, $2); }
;

primary_nb:
  operand                                                      { $$ = $1; }
| primary_nb PERIOD name                                       { $$ = drv.selector(@$, $1, $3); }
| primary_nb PERIOD LPAREN type RPAREN                         { $$ = drv.type_assert(@$, $1, $4); }
| primary_nb PERIOD LPAREN TYPE RPAREN                         { $$ = drv.type_assert(@$, $1, nullptr); }
| primary_nb LBRACK expr RBRACK                                { $$ = drv.index(@$, $1, @2.begin, $3); }
| primary_nb LBRACK expr COMMA RBRACK                          { $$ = drv.index(@$, $1, @2.begin, $3); }
| primary_nb LBRACK expr_opt COLON expr_opt RBRACK             { $$ = drv.slice(@$, $1, @2.begin, $3, @4.begin, $5, nullptr, Pos{}, @6.begin); }
| primary_nb LBRACK expr_opt COLON expr_opt COLON expr_opt RBRACK
                                                               { $$ = drv.slice(@$, $1, @2.begin, $3, @4.begin, $5, $7, @6.begin, @8.begin); }
| primary_nb LPAREN call_args RPAREN                           { $$ = drv.call(@$, $1, @2.begin, std::move($3), @4.begin); }
;

operand:
  name                           { $$ = $1; }
| basic_lit                      { $$ = drv.literal_operand($1); }
| LPAREN expr RPAREN             { $$ = drv.paren(@$, $2); }
| func_lit                       { $$ = $1; }
| FUNC signature %prec NO_BODY   { $$ = $2; drv.set_range($$, @$); }
| lit_type %prec NO_BODY         { $$ = $1; }
| lit_type complit_body          { $$ = drv.composite(@$, $1, $2); }
| CHAN chan_elem                 { $$ = drv.chan_type(@$, ChanDir::Both, Pos{}, $2); }
| CHAN ARROW type                { $$ = drv.chan_type(@$, ChanDir::Send, @2.begin, $3); }
| interface_type                 { $$ = $1; }
;

basic_lit:
  INT     { $$ = drv.basic_lit(@$, LitKind::Int, $1); }
| FLOAT   { $$ = drv.basic_lit(@$, LitKind::Float, $1); }
| IMAG    { $$ = drv.basic_lit(@$, LitKind::Imag, $1); }
| CHAR    { $$ = drv.basic_lit(@$, LitKind::Char, $1); }
| STRING  { $$ = drv.basic_lit(@$, LitKind::String, $1); }
;

func_lit:
  FUNC signature block  { $$ = drv.func_lit(@$, $2, $3); }
;

expr_opt:
  %empty  { $$ = nullptr; }
| expr    { $$ = $1; }
;

expr_list:
  expr                  { $$ = {$1}; }
| expr_list COMMA expr  { $$ = std::move($1); $$.push_back($3); }
;

expr_list_nb:
  expr_nb                     { $$ = {$1}; }
| expr_list_nb COMMA expr_nb  { $$ = std::move($1); $$.push_back($3); }
;

call_args:
  %empty                        { }
| arg_list                      { $$.args = std::move($1); }
| arg_list COMMA                { $$.args = std::move($1); }
| arg_list ELLIPSIS             { $$.args = std::move($1); $$.ellipsis = @2.begin; }
| arg_list ELLIPSIS COMMA       { $$.args = std::move($1); $$.ellipsis = @2.begin; }
;

arg_list:
  expr                 { $$ = {$1}; }
| arg_list COMMA expr  { $$ = std::move($1); $$.push_back($3); }
;

// "{" elements "}"; the type is filled in by the rule that uses it.
complit_body:
  LBRACE elem_group RBRACE  { $$ = drv.literal_value(@$, std::move($2)); }
| LBRACE error RBRACE       { $$ = drv.literal_value(@$, {}); }
;

elem_group:
  %empty         { }
| elems          { $$ = std::move($1); }
| elems COMMA    { $$ = std::move($1); }
;

elems:
  elem              { $$ = {$1}; }
| elems COMMA elem  { $$ = std::move($1); $$.push_back($3); }
;

elem:
  elem_value                   { $$ = $1; }
| elem_value COLON elem_value  { $$ = drv.key_value(@$, $1, @2.begin, $3); }
;

elem_value:
  expr          { $$ = $1; }
| complit_body  { $$ = $1; }
;

// ------------------------------------------------------------------ statements

block:
  LBRACE stmt_list RBRACE  { $$ = drv.block(@$, std::move($2)); }
;

// Statements separated by semicolons; a null entry stands for "no statement
// (yet)" and becomes an EmptyStmt only if a semicolon follows it.
stmt_list:
  stmt_opt                 { $$ = {$1}; }
| stmt_list SEMI stmt_opt  { $$ = std::move($1); drv.semicolon($$, @2, $2); $$.push_back($3); }
;

stmt_opt:
  %empty               { $$ = nullptr; }
| stmt                 { $$ = $1; }
| error                { $$ = drv.bad_stmt(@$); }
  // cf. parser.go advance: after an error in a statement Go skips to the next
  // semicolon or '}', or to a keyword that starts a statement.
| error keyword_stmt   { $$ = $2; }
;

stmt:
  simple_stmt              { $$ = $1; }
| labeled_stmt             { $$ = $1; }
| block                    { $$ = $1; }
| keyword_stmt             { $$ = $1; }
;

// The statements that start with a keyword of Go's stopset.
keyword_stmt:
  const_decl               { $$ = drv.decl_stmt(@$, $1); }
| type_decl                { $$ = drv.decl_stmt(@$, $1); }
| var_decl                 { $$ = drv.decl_stmt(@$, $1); }
| GO primary               { $$ = drv.go_stmt(@$, $2); }
| DEFER primary            { $$ = drv.defer_stmt(@$, $2); }
  // A bad expression in parentheses: Go still says they are not allowed.
| GO LPAREN error RPAREN     { $$ = drv.go_stmt(@$, drv.paren(drv.span(@2, @4), drv.bad_expr(@3))); }
| DEFER LPAREN error RPAREN  { $$ = drv.defer_stmt(@$, drv.paren(drv.span(@2, @4), drv.bad_expr(@3))); }
| RETURN                   { $$ = drv.return_stmt(@$, {}); }
| RETURN expr_list         { $$ = drv.return_stmt(@$, std::move($2)); }
| BREAK                    { $$ = drv.branch(@$, Op::Break, nullptr); }
| BREAK name               { $$ = drv.branch(@$, Op::Break, $2); }
| CONTINUE                 { $$ = drv.branch(@$, Op::Continue, nullptr); }
| CONTINUE name            { $$ = drv.branch(@$, Op::Continue, $2); }
| GOTO name                { $$ = drv.branch(@$, Op::Goto, $2); }
| FALLTHROUGH              { $$ = drv.branch(@$, Op::Fallthrough, nullptr); }
| if_stmt                  { $$ = $1; }
| switch_stmt              { $$ = $1; }
| select_stmt              { $$ = $1; }
| for_stmt                 { $$ = $1; }
;

labeled_stmt:
  name COLON stmt  { $$ = drv.labeled(@$, $1, $3); }
| name COLON       { $$ = drv.labeled(@$, $1, nullptr); }
;

simple_stmt:
  expr                              { $$ = drv.expr_stmt(@$, $1); }
| expr INC                          { $$ = drv.inc_dec(@$, $1, Op::Inc, @2.begin); }
| expr DEC                          { $$ = drv.inc_dec(@$, $1, Op::Dec, @2.begin); }
| expr ARROW expr                   { $$ = drv.send(@$, $1, @2.begin, $3); }
| expr ASSIGN_OP expr               { $$ = drv.assign(@$, {$1}, $2, @2.begin, {$3}); }
| expr_list ASSIGN expr_list        { $$ = drv.assign(@$, std::move($1), Op::Assign, @2.begin, std::move($3)); }
| expr_list DEFINE expr_list        { $$ = drv.assign(@$, std::move($1), Op::Define, @2.begin, std::move($3)); }
;

simple_nb:
  expr_nb                              { $$ = drv.expr_stmt(@$, $1); }
| expr_nb INC                          { $$ = drv.inc_dec(@$, $1, Op::Inc, @2.begin); }
| expr_nb DEC                          { $$ = drv.inc_dec(@$, $1, Op::Dec, @2.begin); }
| expr_nb ARROW expr_nb                { $$ = drv.send(@$, $1, @2.begin, $3); }
| expr_nb ASSIGN_OP expr_nb            { $$ = drv.assign(@$, {$1}, $2, @2.begin, {$3}); }
| expr_list_nb ASSIGN expr_list_nb     { $$ = drv.assign(@$, std::move($1), Op::Assign, @2.begin, std::move($3)); }
| expr_list_nb DEFINE expr_list_nb     { $$ = drv.assign(@$, std::move($1), Op::Define, @2.begin, std::move($3)); }
;

simple_nb_opt:
  %empty     { $$ = nullptr; }
| simple_nb  { $$ = $1; }
;

// The init part of a header, before a semicolon; Go accepts a var declaration
// there, with an error.
hdr_init:
  simple_nb_opt  { $$ = $1; }
| VAR var_spec   { $$ = drv.header_var(@$, $2); }
;

if_stmt:
  IF if_header block               { $$ = drv.if_stmt(@$, std::move($2), $3, nullptr); }
| IF if_header block ELSE if_stmt  { $$ = drv.if_stmt(@$, std::move($2), $3, $5); }
| IF if_header block ELSE block    { $$ = drv.if_stmt(@$, std::move($2), $3, $5); }
| if_no_brace error block          { $$ = drv.if_stmt(@$, std::move($1), $3, nullptr); }
| if_no_brace error RBRACE         { $$ = drv.if_stmt(@$, std::move($1), drv.block(@3, {}), nullptr); }
;

// `if init; cond` and a semicolon or newline instead of '{'. Go's parser has
// read the whole header when it misses the brace, so the header's own errors
// ("cannot use x = 1 as value") come first; then it skips to the body's '{'
// or to a '}' that ends the body (cf. parser.go blockStmt).
if_no_brace:
  IF hdr_init SEMI simple_nb_opt SEMI  { $$ = drv.header(drv.span(@2, @4), {$2, $4}); drv.header_semi($$, @3, $3);
                                         drv.check_header($$, Tok::If); drv.missing_if_brace(@5.begin, $5); }
;

// Each header is checked as soon as it is complete, before its block is
// parsed, so its errors come first, as in Go's parser.
if_header:
  simple_nb_opt                { $$ = drv.header(@$, {$1}); drv.check_header($$, Tok::If); }
| hdr_init SEMI simple_nb_opt  { $$ = drv.header(@$, {$1, $3}); drv.header_semi($$, @2, $2); drv.check_header($$, Tok::If); }
;

switch_stmt:
  SWITCH switch_header LBRACE case_clauses RBRACE  { $$ = drv.switch_stmt(@$, std::move($2), std::move($4), @3.begin, @5.begin); }
| SWITCH switch_header LBRACE error RBRACE         { $$ = drv.switch_stmt(@$, std::move($2), {}, @3.begin, @5.begin); }
;

switch_header:
  simple_nb_opt                { $$ = drv.header(@$, {$1}); drv.check_header($$, Tok::Switch); }
| hdr_init SEMI simple_nb_opt  { $$ = drv.header(@$, {$1, $3}); drv.header_semi($$, @2, $2); drv.check_header($$, Tok::Switch); }
;

case_clauses:
  %empty                    { }
| case_clauses case_clause  { $$ = std::move($1); drv.add_clause($$, $2); }
;

case_clause:
  CASE expr_list COLON stmt_list  { $$ = drv.case_clause(@$, std::move($2), false, @3.begin, std::move($4)); }
| DEFAULT COLON stmt_list         { $$ = drv.case_clause(@$, {}, true, @2.begin, std::move($3)); }
;

select_stmt:
  SELECT LBRACE comm_clauses RBRACE  { $$ = drv.select_stmt(@$, std::move($3), @2.begin, @4.begin); }
| SELECT LBRACE error RBRACE         { $$ = drv.select_stmt(@$, {}, @2.begin, @4.begin); }
;

comm_clauses:
  %empty                    { }
| comm_clauses comm_clause  { $$ = std::move($1); drv.add_clause($$, $2); }
;

comm_clause:
  CASE simple_stmt COLON stmt_list  { $$ = drv.comm_clause(@$, $2, @3.begin, std::move($4)); }
| DEFAULT COLON stmt_list           { $$ = drv.comm_clause(@$, nullptr, @2.begin, std::move($3)); }
;

for_stmt:
  FOR for_header block  { $$ = drv.for_stmt(@$, std::move($2), $3); }
;

for_header:
  simple_nb_opt                                        { $$ = drv.header(@$, {$1}); drv.check_header($$, Tok::For); }
| hdr_init SEMI simple_nb_opt SEMI simple_nb_opt       { $$ = drv.header(@$, {$1, $3, $5}); drv.header_semi($$, @2, $2); drv.check_header($$, Tok::For); }
| RANGE expr_nb                                        { $$ = drv.range_header(@$, {}, Op::None, Pos{}, $2); }
| expr_list_nb ASSIGN RANGE expr_nb                    { $$ = drv.range_header(@$, std::move($1), Op::Assign, @2.begin, $4); }
| expr_list_nb DEFINE RANGE expr_nb                    { $$ = drv.range_header(@$, std::move($1), Op::Define, @2.begin, $4); }
;

%%
