// parse_build.cc — ParseDriver's node builders (see parse_driver.h).
//
// Most builders only allocate and fill a node. The exceptions, each following
// Go's parser (cmd/compile/internal/syntax/parser.go): parameters (paramList),
// unary `<-` on a channel type (unaryExpr), headers (header), and the small
// syntactic checks Go's parser makes on the way.
#include <unordered_set>

#include "lang/ast_dump.h"
#include "lang/parse_driver.h"

namespace gol::lang {

namespace {

// The position of a one-byte closing token whose range ends at `end`.
Pos before(Pos end) { return Pos{end.file, end.line, end.col - 1}; }

// Where Go's parser places a parameter type (syntax.StartPos): its first
// token, except that a func type starts at its '(' (the parser records the
// position after consuming `func`).
Pos param_type_pos(const Expr* type) {
  if (const auto* f = type->as<FuncType>(); f != nullptr && f->params != nullptr) {
    return f->params->opening;
  }
  return type->pos();
}

// cf. parser.go isValue: x cannot be a type, whatever its names denote.
bool must_be_value(const Expr* x) {
  switch (x->kind) {
    case NodeKind::BasicLit:
    case NodeKind::CompositeLit:
    case NodeKind::FuncLit:
    case NodeKind::SliceExpr:
    case NodeKind::TypeAssertExpr:
    case NodeKind::CallExpr:
    case NodeKind::BinaryExpr:
    case NodeKind::UnaryExpr:
      return true;
    case NodeKind::ParenExpr: return must_be_value(x->as<ParenExpr>()->x);
    case NodeKind::IndexExpr: {
      const auto* i = x->as<IndexExpr>();
      return must_be_value(i->x) || must_be_value(i->index);
    }
    default:
      return false;  // names, selectors, *T, type literals
  }
}

// The literal an expression starts with (its first token), or null.
const BasicLit* leftmost_literal(const Expr* x) {
  while (const auto* b = x->as<BinaryExpr>()) x = b->x;
  return x->as<BasicLit>();
}

bool may_be_literal_type(const Expr* t) {
  return t->is<Ident>() || t->is<SelectorExpr>() || t->is<ArrayType>() || t->is<StructType>() ||
         t->is<MapType>() || (t->is<IndexExpr>() && !must_be_value(t));
}

}  // namespace

ParseDriver::ParseDriver(const SourceSet& sources, int32_t file, Arena& arena, Diagnostics& diags)
    : m_arena(arena),
      m_diags(diags),
      m_diags_before(diags.count()),
      m_file(arena.make<File>()),
      m_lexer(sources, file, diags) {
  m_file->file = file;
}

void ParseDriver::syntax_error(Pos pos, const std::string& message) {
  // cf. gc's base.ErrorfAt: only one syntax error per line.
  m_file->has_syntax_errors = true;
  if (pos.line == m_last_syntax_line) return;
  m_last_syntax_line = pos.line;
  m_diags.error(pos, "syntax error: " + message);
}

void ParseDriver::error(Pos pos, std::string message) { m_diags.error(pos, std::move(message)); }

// ---------------------------------------------------------------- declarations

void ParseDriver::add_decl(Node* decl) {
  auto* gen = decl->as<GenDecl>();
  if (gen != nullptr && gen->op == Op::Import) {
    if (m_seen_non_import) syntax_error(decl->pos(), "imports must appear before other declarations");
  } else {
    m_seen_non_import = true;
  }
  m_file->decls.push_back(decl);
}

GenDecl* ParseDriver::gen_decl(const Range& r, Op op, std::vector<Node*> specs, const Range& lparen,
                               const Range& rparen) {
  auto* d = make<GenDecl>(r);
  d->op = op;
  d->specs = std::move(specs);
  d->lparen = lparen.begin;
  d->rparen = rparen.begin;
  if (op == Op::Const) group_iota(d);
  return d;
}

// Go's implicit repetition: in a const group, a spec with neither type nor
// values repeats the last spec that had values; iota counts the specs.
void ParseDriver::group_iota(GenDecl* decl) {
  ValueSpec* last_with_values = nullptr;
  int64_t iota = 0;
  for (Node* n : decl->specs) {
    auto* spec = n->as<ValueSpec>();
    if (spec == nullptr) continue;
    spec->iota = iota++;
    if (!spec->values.empty()) {
      last_with_values = spec;
    } else if (spec->type_expr == nullptr) {
      spec->implicit_from = last_with_values;
    }
  }
}

Node* ParseDriver::import_spec(const Range& r, Ident* name, BasicLit* path) {
  auto* s = make<ImportSpec>(r);
  s->name = name;
  s->path = path;
  if (path->lit != LitKind::String) syntax_error(path->pos(), "import path must be a string");
  return s;
}

Node* ParseDriver::value_spec(const Range& r, std::vector<Ident*> names, Expr* type,
                              std::vector<Expr*> values) {
  auto* s = make<ValueSpec>(r);
  s->names = std::move(names);
  s->type_expr = type;
  s->values = std::move(values);
  return s;
}

Node* ParseDriver::type_spec(const Range& r, Ident* name, Pos assign, Expr* type) {
  auto* s = make<TypeSpec>(r);
  s->name = name;
  s->assign = assign;
  s->type_expr = type;
  return s;
}

FuncDecl* ParseDriver::func_decl(const Range& r, FieldList* recv, Ident* name, FuncType* sig,
                                 BlockStmt* body) {
  auto* d = make<FuncDecl>(r);
  d->recv = recv;
  d->name = name;
  d->sig = sig;
  d->body = body;
  if (recv != nullptr) {
    // cf. parser.go funcDeclOrNil: reported at the method name. These are not
    // syntax errors, so the package is still checked, as Go checks it: with
    // no receiver the declaration is a plain function, with several the
    // first one is the receiver.
    if (recv->count() == 0) {
      error(name->pos(), "method has no receiver");
      d->recv = nullptr;
    } else if (recv->count() > 1) {
      error(name->pos(), "method has multiple receivers");
      Field* first = recv->list.front();
      if (first->names.size() > 1) first->names.resize(1);
      recv->list.resize(1);
    }
  }
  return d;
}

// ----------------------------------------------------------------------- types

Expr* ParseDriver::paren(const Range& r, Expr* x) {
  auto* p = make<ParenExpr>(r);
  p->x = x;
  return p;
}

Expr* ParseDriver::selector(const Range& r, Expr* x, Ident* sel) {
  auto* s = make<SelectorExpr>(r);
  s->x = x;
  s->sel = sel;
  return s;
}

Expr* ParseDriver::chan_type(const Range& r, ChanDir dir, Pos arrow, Expr* value) {
  auto* c = make<ChanType>(r);
  c->dir = dir;
  c->arrow = arrow;
  c->value = value;
  return c;
}

Expr* ParseDriver::star(const Range& r, Expr* x) {
  auto* s = make<StarExpr>(r);
  s->x = x;
  return s;
}

Expr* ParseDriver::array_type(const Range& r, Expr* len, Expr* elem) {
  auto* a = make<ArrayType>(r);
  a->len = len;
  a->elem = elem;
  return a;
}

Expr* ParseDriver::ellipsis(const Range& r, Expr* elt) {
  auto* e = make<Ellipsis>(r);
  e->elt = elt;
  return e;
}

Expr* ParseDriver::map_type(const Range& r, Expr* key, Expr* value) {
  auto* m = make<MapType>(r);
  m->key = key;
  m->value = value;
  return m;
}

Expr* ParseDriver::struct_type(const Range& r, std::vector<Field*> fields, Pos lbrace, Pos rbrace) {
  auto* s = make<StructType>(r);
  s->fields = make<FieldList>(Range{lbrace, r.end});
  s->fields->list = std::move(fields);
  s->fields->opening = lbrace;
  s->fields->closing = rbrace;
  return s;
}

Expr* ParseDriver::interface_type(const Range& r, std::vector<Field*> methods, Pos lbrace,
                                  Pos rbrace) {
  auto* t = make<InterfaceType>(r);
  t->methods = make<FieldList>(Range{lbrace, r.end});
  t->methods->list = std::move(methods);
  t->methods->opening = lbrace;
  t->methods->closing = rbrace;
  return t;
}

Field* ParseDriver::field(const Range& r, std::vector<Ident*> names, Expr* type, BasicLit* tag) {
  auto* f = make<Field>(r);
  f->names = std::move(names);
  f->type_expr = type;
  f->tag = tag;
  return f;
}

FuncType* ParseDriver::func_type(const Range& r, FieldList* params, FieldList* results) {
  auto* t = make<FuncType>(r);
  t->params = params;
  t->results = results;
  return t;
}

FieldList* ParseDriver::single_result(Expr* type) {
  auto* list = make<FieldList>(type->range);
  list->list.push_back(field(type->range, {}, type, nullptr));
  return list;
}

// cf. parser.go paramList: either every parameter is named or none is. A list
// of lone names is a list of types; otherwise types distribute leftwards over
// the names before them (`a, b int`), and what is left over is an error.
FieldList* ParseDriver::parameters(const Range& r, std::vector<ParamItem> items) {
  auto* list = make<FieldList>(r);
  list->opening = r.begin;
  list->closing = before(r.end);
  size_t named = 0;
  size_t typed = 0;
  for (const ParamItem& item : items) {
    if (item.name != nullptr && item.type != nullptr) named++;
    if (item.type != nullptr) typed++;
  }
  if (named == 0) {
    for (const ParamItem& item : items) {
      Expr* type = item.type != nullptr ? item.type : item.name;
      list->list.push_back(field(type->range, {}, type, nullptr));
    }
    return list;
  }
  if (named != items.size()) {
    Pos error_pos;
    Expr* type = nullptr;
    for (size_t i = items.size(); i-- > 0;) {
      ParamItem& item = items[i];
      if (item.type != nullptr) {
        type = item.type;
        if (item.name == nullptr) {
          error_pos = param_type_pos(type);
          item.name = ident(Range{error_pos, error_pos}, "_");
        }
      } else if (type != nullptr) {
        item.type = type;
      } else {
        error_pos = item.name->pos();
        item.type = make<BadExpr>(item.name->range);
      }
    }
    if (error_pos.valid()) {
      if (named == typed) {
        syntax_error(list->closing, "missing parameter type");
      } else {
        syntax_error(error_pos, "missing parameter name");
      }
    }
  }
  // Consecutive names sharing one type expression form one Field, as written.
  for (size_t i = 0; i < items.size();) {
    size_t j = i;
    std::vector<Ident*> names;
    while (j < items.size() && items[j].type == items[i].type) names.push_back(items[j++].name);
    Range fr{names.front()->pos(), items[i].type->end()};
    list->list.push_back(field(fr, std::move(names), items[i].type, nullptr));
    i = j;
  }
  return list;
}

// ----------------------------------------------------------------- expressions

Ident* ParseDriver::ident(const Range& r, std::string_view name) {
  auto* id = make<Ident>(r);
  id->name = std::string(name);
  return id;
}

BasicLit* ParseDriver::basic_lit(const Range& r, LitKind kind, std::string_view raw) {
  auto* lit = make<BasicLit>(r);
  lit->lit = kind;
  lit->raw = std::string(raw);
  return lit;
}

Expr* ParseDriver::literal_operand(BasicLit* lit) {
  for (const Pos& p : m_bad_literals) {
    if (p == lit->pos()) return make<BadExpr>(lit->range);
  }
  return lit;
}

Expr* ParseDriver::binary(const Range& r, Op op, Pos op_pos, Expr* x, Expr* y) {
  auto* b = make<BinaryExpr>(r);
  b->op = op;
  b->op_pos = op_pos;
  b->x = x;
  b->y = y;
  return b;
}

// cf. parser.go unaryExpr: `<-` before a channel type makes a receive-only
// channel type, re-associating with nested send-only channels:
// <-chan T is (<-chan T), and <-chan<- chan T is <-chan (<-chan T).
Expr* ParseDriver::unary(const Range& r, Op op, Expr* x) {
  if (op == Op::Arrow && x->is<ChanType>()) {
    ChanDir dir = ChanDir::Send;
    Expr* t = x;
    while (dir == ChanDir::Send) {
      auto* c = t->as<ChanType>();
      if (c == nullptr) break;
      dir = c->dir;
      if (dir == ChanDir::Recv) syntax_error(c->arrow, "unexpected <-, expected chan");
      c->dir = ChanDir::Recv;
      c->arrow = c == x ? r.begin : c->arrow;
      t = c->value;
    }
    if (dir == ChanDir::Send) {
      syntax_error(t->pos(), "unexpected " + expr_string(t) + ", expected chan");
    }
    x->range.begin = r.begin;
    return x;
  }
  auto* u = make<UnaryExpr>(r);
  u->op = op;
  u->x = op == Op::And ? unparen(x) : x;
  return u;
}

Expr* ParseDriver::type_assert(const Range& r, Expr* x, Expr* type) {
  auto* a = make<TypeAssertExpr>(r);
  a->x = x;
  a->type_expr = type;
  return a;
}

void ParseDriver::check_type_args(const Expr* x, Pos pos, const std::string& first) {
  const Expr* elem = nullptr;  // the type name at the end of the literal
  if (const auto* a = x->as<ArrayType>()) elem = a->elem;
  if (const auto* m = x->as<MapType>()) elem = m->value;
  if (const auto* c = x->as<ChanType>()) elem = c->value;
  if (elem != nullptr && (elem->is<Ident>() || elem->is<SelectorExpr>())) {
    syntax_error(pos, "unexpected " + first + ", expected type");
  }
}

Expr* ParseDriver::index(const Range& r, Expr* x, Pos lbrack, Expr* index) {
  if (const BasicLit* lit = leftmost_literal(index)) check_type_args(x, lit->pos(), "literal " + lit->raw);
  auto* i = make<IndexExpr>(r);
  i->x = x;
  i->lbrack = lbrack;
  i->index = index;
  return i;
}

Expr* ParseDriver::slice(const Range& r, Expr* x, Pos lbrack, Expr* low, Pos colon1, Expr* high,
                         Expr* max, Pos colon2, Pos rbrack) {
  if (low == nullptr) {
    check_type_args(x, colon1, ":");
  } else if (const BasicLit* lit = leftmost_literal(low)) {
    check_type_args(x, lit->pos(), "literal " + lit->raw);
  }
  auto* s = make<SliceExpr>(r);
  s->x = x;
  s->lbrack = lbrack;
  s->low = low;
  s->high = high;
  s->max = max;
  s->slice3 = colon2.valid();
  if (s->slice3) {
    // cf. parser.go pexpr: plain errors, at the second ':' and at the ']'.
    // The missing index becomes a BadExpr (as in go/parser), so the checker,
    // which still runs, does not report it again.
    if (high == nullptr) {
      error(colon2, "middle index required in 3-index slice");
      s->high = make<BadExpr>(Range{colon2, colon2});
    }
    if (max == nullptr) {
      error(rbrack, "final index required in 3-index slice");
      s->max = make<BadExpr>(Range{rbrack, rbrack});
    }
  }
  return s;
}

Expr* ParseDriver::call(const Range& r, Expr* fun, Pos lparen, CallArgs args, Pos rparen) {
  auto* c = make<CallExpr>(r);
  c->fun = fun;
  c->lparen = lparen;
  c->args = std::move(args.args);
  c->ellipsis = args.ellipsis;
  c->rparen = rparen;
  return c;
}

CompositeLit* ParseDriver::literal_value(const Range& r, std::vector<Expr*> elts) {
  auto* c = make<CompositeLit>(r);
  c->elts = std::move(elts);
  c->lbrace = r.begin;
  c->rbrace = before(r.end);
  return c;
}

// cf. parser.go pexpr, case _Lbrace: a literal's type is a (qualified) name,
// an index expression that may be a generic type instance, or a type literal.
// Anything else ends the expression before the '{', which is then unexpected
// in whatever list encloses it.
bool ParseDriver::literal_type(const Expr* x, const std::string& context) {
  if (may_be_literal_type(unparen(x))) return true;
  syntax_error(last_token().pos, "unexpected {" + context);
  return false;
}

// A literal's type is never parenthesised.
Expr* ParseDriver::composite(const Range& r, Expr* type, CompositeLit* value) {
  if (unparen(type) != type && may_be_literal_type(unparen(type))) {
    syntax_error(value->lbrace, "cannot parenthesize type in composite literal");
  }
  value->type_expr = type;
  value->range = r;
  return value;
}

Expr* ParseDriver::key_value(const Range& r, Expr* key, Pos colon, Expr* value) {
  auto* kv = make<KeyValueExpr>(r);
  kv->key = key;
  kv->colon = colon;
  kv->value = value;
  return kv;
}

Expr* ParseDriver::func_lit(const Range& r, FuncType* sig, BlockStmt* body) {
  sig->range.begin = r.begin;
  auto* f = make<FuncLit>(r);
  f->sig = sig;
  f->body = body;
  return f;
}

}  // namespace gol::lang
