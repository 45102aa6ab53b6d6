// compile_escape.cc — which variables live in heap cells; what closures capture.
//
// Go keeps a variable on the stack unless its address may outlive the frame;
// gol's rule is simpler and conservative in the same direction: a local
// variable lives in a heap cell when its address is taken (&x, &x.f, &a[i] on
// an array x, x[:] on an array x, a pointer-receiver method called or bound on
// x) or when a function literal refers to it. Everything else is a register.
//
// One walk per top-level function. A variable belongs to the function in which
// it is first seen (declarations come before uses in Go source, and
// parameters are walked before bodies); a use from a more deeply nested
// literal makes it a free variable of every literal between the use and the
// declaring function, in first-use order, which is the order the CLOSURE
// instruction passes the cells in.
//
// Rejected: capturing by value when the variable is never assigned after
// capture (Go's compiler does this). It saves a cell per captured constant,
// but needs an assignment analysis; cells are cheap on Boehm's allocator.
#include <algorithm>

#include "lang/compile_impl.h"

namespace gol::lang {

namespace {

// Variables bigger than this many slots live in heap cells however they are
// used: registers are numbered in 16 bits, so a frame holds at most 65535
// slots, and Go accepts local arrays far bigger (`var sieve [1 << 20]bool`).
// Go's compiler likewise moves big variables to the heap.
constexpr uint64_t kLargeVarSlots = 1024;

// An upper bound of the slots a value of type t takes in registers (packed
// arrays of small scalars take fewer; an over-estimate only moves a
// variable to a cell). Saturates instead of overflowing.
uint64_t slots_bound(const Type* t) {
  constexpr uint64_t kCap = uint64_t{1} << 40;
  t = under(t);
  if (const Array* a = t->as<Array>()) {
    const uint64_t e = slots_bound(a->elem);
    if (a->len <= 0 || e == 0) return 0;
    const uint64_t n = static_cast<uint64_t>(a->len);
    return n > kCap / e ? kCap : n * e;
  }
  if (const Struct* st = t->as<Struct>()) {
    uint64_t n = 0;
    for (const Var* f : st->fields) n = std::min(kCap, n + slots_bound(f->type));
    return n;
  }
  return 3;  // at most a slice header
}

bool is_large(const Var* v) { return v->type != nullptr && slots_bound(v->type) > kLargeVarSlots; }

class EscapeWalker {
 public:
  explicit EscapeWalker(EscapeInfo& info) : m_info(info) {}

  void function(const Node* fn, const FuncType* sig, BlockStmt* body) {
    m_stack.push_back(fn);
    if (const auto* decl = fn->as<FuncDecl>()) fields(decl->recv);
    if (sig != nullptr) {
      fields(sig->params);
      fields(sig->results);
    }
    if (body != nullptr) stmt(body);
    m_stack.pop_back();
  }

  void declare(const Object* obj) {
    if (obj == nullptr || !obj->is<Var>()) return;
    const Var* v = obj->as<Var>();
    if (v->is_global || v->is_field) return;
    m_owner.emplace(v, m_stack.back());
    if (is_large(v)) m_info.in_cell.insert(v);
  }

 private:
  void fields(const FieldList* list) {
    if (list == nullptr) return;
    for (const Field* f : list->list) {
      for (const Ident* n : f->names) declare(n->object);
    }
  }

  void use(const Ident* id) {
    const Object* obj = id->object;
    if (obj == nullptr || !obj->is<Var>()) return;
    const Var* v = obj->as<Var>();
    if (v->is_global || v->is_field) return;
    auto it = m_owner.find(v);
    if (it == m_owner.end()) {
      m_owner.emplace(v, m_stack.back());
      if (is_large(v)) m_info.in_cell.insert(v);
      return;
    }
    if (it->second == m_stack.back()) return;
    m_info.in_cell.insert(v);
    // Every literal from the innermost out to (not including) the owner
    // captures v.
    for (size_t i = m_stack.size(); i-- > 0;) {
      if (m_stack[i] == it->second) break;
      auto* lit = static_cast<const FuncLit*>(m_stack[i]);
      auto& list = m_info.free_vars[lit];
      bool seen = false;
      for (const Var* x : list) seen = seen || x == v;
      if (!seen) list.push_back(v);
    }
  }

  // The variable at the root of an addressable expression whose address is
  // taken (x, x.f, x[i] for an array x), if any.
  void address_taken(Expr* e) {
    e = unparen(e);
    if (auto* id = e->as<Ident>()) {
      if (id->object != nullptr && id->object->is<Var>()) {
        const Var* v = id->object->as<Var>();
        if (!v->is_global && !v->is_field) m_info.in_cell.insert(v);
      }
      return;
    }
    if (auto* sel = e->as<SelectorExpr>()) {
      if (sel->sel_kind == SelectorKind::Field && !sel->indirect && !is_pointer(sel->x->type)) {
        address_taken(sel->x);
      }
      return;
    }
    if (auto* ix = e->as<IndexExpr>()) {
      if (ix->x->type != nullptr && under(ix->x->type)->is<Array>()) address_taken(ix->x);
      return;
    }
  }

  void exprs(const std::vector<Expr*>& list) {
    for (Expr* e : list) expr(e);
  }

  void expr(Expr* e) {
    if (e == nullptr) return;
    switch (e->kind) {
      case NodeKind::Ident:
        use(e->as<Ident>());
        break;
      case NodeKind::CompositeLit:
        exprs(e->as<CompositeLit>()->elts);
        break;
      case NodeKind::FuncLit: {
        auto* lit = e->as<FuncLit>();
        m_info.free_vars[lit];  // every literal has an entry, even without captures
        function(lit, lit->sig, lit->body);
        break;
      }
      case NodeKind::ParenExpr:
        expr(e->as<ParenExpr>()->x);
        break;
      case NodeKind::SelectorExpr: {
        auto* sel = e->as<SelectorExpr>();
        if (sel->sel_kind == SelectorKind::MethodValue && sel->sel->object != nullptr) {
          const Func* m = sel->sel->object->as<Func>();
          if (m != nullptr && m->ptr_recv && !is_pointer(sel->x->type) && !sel->indirect) address_taken(sel->x);
        }
        if (sel->sel_kind != SelectorKind::Qualified) expr(sel->x);
        break;
      }
      case NodeKind::IndexExpr: {
        // An array variable indexed by a computed index lives in memory, so
        // the element's address is a real pointer (compile_access.cc).
        auto* ix = e->as<IndexExpr>();
        if (ix->x->type != nullptr && under(ix->x->type)->is<Array>() && ix->index->mode != ExprMode::Constant) {
          address_taken(ix->x);
        }
        expr(ix->x);
        expr(ix->index);
        break;
      }
      case NodeKind::SliceExpr: {
        auto* s = e->as<SliceExpr>();
        if (s->x->type != nullptr && under(s->x->type)->is<Array>()) address_taken(s->x);
        expr(s->x);
        expr(s->low);
        expr(s->high);
        expr(s->max);
        break;
      }
      case NodeKind::TypeAssertExpr:
        expr(e->as<TypeAssertExpr>()->x);
        break;
      case NodeKind::CallExpr: {
        auto* c = e->as<CallExpr>();
        if (c->call_kind != CallExpr::Kind::Conversion) expr(c->fun);
        exprs(c->args);
        break;
      }
      case NodeKind::StarExpr:
        expr(e->as<StarExpr>()->x);
        break;
      case NodeKind::UnaryExpr: {
        auto* u = e->as<UnaryExpr>();
        if (u->op == Op::And) address_taken(u->x);
        expr(u->x);
        break;
      }
      case NodeKind::BinaryExpr:
        expr(e->as<BinaryExpr>()->x);
        expr(e->as<BinaryExpr>()->y);
        break;
      case NodeKind::KeyValueExpr:
        expr(e->as<KeyValueExpr>()->key);
        expr(e->as<KeyValueExpr>()->value);
        break;
      default:
        break;  // types, literals
    }
  }

  void stmts(const std::vector<Stmt*>& list) {
    for (Stmt* s : list) stmt(s);
  }

  void stmt(Stmt* s) {
    if (s == nullptr) return;
    switch (s->kind) {
      case NodeKind::DeclStmt: {
        GenDecl* d = s->as<DeclStmt>()->decl;
        if (d->op != Op::Var) break;
        for (Node* spec : d->specs) {
          auto* vs = spec->as<ValueSpec>();
          exprs(vs->values);
          for (Ident* n : vs->names) declare(n->object);
        }
        break;
      }
      case NodeKind::LabeledStmt:
        stmt(s->as<LabeledStmt>()->stmt);
        break;
      case NodeKind::ExprStmt:
        expr(s->as<ExprStmt>()->x);
        break;
      case NodeKind::SendStmt:
        expr(s->as<SendStmt>()->chan);
        expr(s->as<SendStmt>()->value);
        break;
      case NodeKind::IncDecStmt:
        expr(s->as<IncDecStmt>()->x);
        break;
      case NodeKind::AssignStmt: {
        auto* a = s->as<AssignStmt>();
        exprs(a->rhs);
        for (Expr* l : a->lhs) {
          if (a->op == Op::Define) {
            if (auto* id = l->as<Ident>()) {
              if (m_owner.count(id->object ? id->object->as<Var>() : nullptr) == 0) {
                declare(id->object);
                continue;
              }
            }
          }
          expr(l);
        }
        break;
      }
      case NodeKind::GoStmt:
        expr(s->as<GoStmt>()->call);
        break;
      case NodeKind::DeferStmt:
        m_info.defers.insert(m_stack.back());
        expr(s->as<DeferStmt>()->call);
        break;
      case NodeKind::ReturnStmt:
        exprs(s->as<ReturnStmt>()->results);
        break;
      case NodeKind::BlockStmt:
        stmts(s->as<BlockStmt>()->list);
        break;
      case NodeKind::IfStmt: {
        auto* i = s->as<IfStmt>();
        stmt(i->init);
        expr(i->cond);
        stmt(i->then);
        stmt(i->els);
        break;
      }
      case NodeKind::CaseClause: {
        auto* c = s->as<CaseClause>();
        exprs(c->list);
        declare(c->implicit);
        stmts(c->body);
        break;
      }
      case NodeKind::SwitchStmt: {
        auto* sw = s->as<SwitchStmt>();
        stmt(sw->init);
        expr(sw->tag);
        for (CaseClause* c : sw->clauses) stmt(c);
        break;
      }
      case NodeKind::TypeSwitchStmt: {
        auto* ts = s->as<TypeSwitchStmt>();
        stmt(ts->init);
        if (auto* a = ts->assign->as<AssignStmt>()) {
          exprs(a->rhs);
        } else {
          stmt(ts->assign);
        }
        for (CaseClause* c : ts->clauses) stmt(c);
        break;
      }
      case NodeKind::CommClause: {
        auto* c = s->as<CommClause>();
        stmt(c->comm);
        stmts(c->body);
        break;
      }
      case NodeKind::SelectStmt:
        for (CommClause* c : s->as<SelectStmt>()->clauses) stmt(c);
        break;
      case NodeKind::ForStmt: {
        auto* f = s->as<ForStmt>();
        stmt(f->init);
        expr(f->cond);
        stmt(f->post);
        stmt(f->body);
        break;
      }
      case NodeKind::RangeStmt: {
        auto* r = s->as<RangeStmt>();
        expr(r->x);
        if (r->op == Op::Define) {
          if (auto* id = r->key ? r->key->as<Ident>() : nullptr) declare(id->object);
          if (auto* id = r->value ? r->value->as<Ident>() : nullptr) declare(id->object);
        } else {
          expr(r->key);
          expr(r->value);
        }
        stmt(r->body);
        break;
      }
      default:
        break;
    }
  }

  EscapeInfo& m_info;
  std::vector<const Node*> m_stack;
  std::unordered_map<const Var*, const Node*> m_owner;
};

}  // namespace

EscapeInfo analyze_escapes(Node* fn, const FuncType* sig, BlockStmt* body) {
  EscapeInfo info;
  EscapeWalker walker(info);
  walker.function(fn, sig, body);
  return info;
}

}  // namespace gol::lang
