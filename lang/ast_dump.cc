// ast_dump.cc — S-expression dumps, Go-style expression strings, child lists
// (see ast_dump.h). dump() and expr_string() recurse: parse_file rejects trees
// nested deeper than its limit, so the recursion is bounded.
#include "lang/ast_dump.h"

namespace gol::lang {

namespace {

const char* chan_prefix(ChanDir dir) {
  switch (dir) {
    case ChanDir::Send: return "chan<-";
    case ChanDir::Recv: return "<-chan";
    case ChanDir::Both: break;
  }
  return "chan";
}

class Dumper {
 public:
  std::string out;

  void node(const Node* n) {
    if (n == nullptr) {
      out += '_';
      return;
    }
    if (const auto* id = n->as<Ident>()) {
      out += id->name;
      return;
    }
    if (const auto* lit = n->as<BasicLit>()) {
      out += lit->raw;
      return;
    }
    out += '(';
    out += node_kind_name(n->kind);
    attributes(n);
    for (const Node* child : children_with_gaps(n)) {
      out += ' ';
      node(child);
    }
    out += ')';
  }

 private:
  void word(const std::string& w) { out += ' ' + w; }

  template <class T>
  void list(const std::vector<T*>& xs) {
    out += " (";
    for (size_t i = 0; i < xs.size(); i++) {
      if (i > 0) out += ' ';
      node(xs[i]);
    }
    out += ')';
  }

  // Operators, flags and name lists, printed before the children.
  void attributes(const Node* n) {
    switch (n->kind) {
      case NodeKind::UnaryExpr: word(op_string(n->as<UnaryExpr>()->op)); break;
      case NodeKind::BinaryExpr: word(op_string(n->as<BinaryExpr>()->op)); break;
      case NodeKind::IncDecStmt: word(op_string(n->as<IncDecStmt>()->op)); break;
      case NodeKind::BranchStmt: word(op_string(n->as<BranchStmt>()->op)); break;
      case NodeKind::GenDecl: word(op_string(n->as<GenDecl>()->op)); break;
      case NodeKind::ChanType: word(chan_prefix(n->as<ChanType>()->dir)); break;
      case NodeKind::EmptyStmt:
        if (n->as<EmptyStmt>()->implicit) word("implicit");
        break;
      case NodeKind::CallExpr:
        if (n->as<CallExpr>()->has_ellipsis()) word("...");
        break;
      case NodeKind::TypeSpec:
        if (n->as<TypeSpec>()->is_alias()) word("=");
        break;
      case NodeKind::CaseClause:
        if (n->as<CaseClause>()->is_default) word("default");
        list(n->as<CaseClause>()->list);
        break;
      case NodeKind::Field: list(n->as<Field>()->names); break;
      case NodeKind::AssignStmt: {
        const auto* a = n->as<AssignStmt>();
        word(op_string(a->op));
        list(a->lhs);
        list(a->rhs);
        break;
      }
      case NodeKind::RangeStmt:
        if (n->as<RangeStmt>()->op != Op::None) word(op_string(n->as<RangeStmt>()->op));
        break;
      case NodeKind::ValueSpec: {
        const auto* v = n->as<ValueSpec>();
        list(v->names);
        if (v->iota != 0) word("iota=" + std::to_string(v->iota));
        if (v->implicit_from != nullptr) word("implicit");
        break;
      }
      default: break;
    }
  }

  // The children dump() prints, with "_" for absent optional ones so that
  // positions stay meaningful (an if without init prints `(IfStmt _ c ...)`).
  static std::vector<const Node*> children_with_gaps(const Node* n) {
    switch (n->kind) {
      case NodeKind::CompositeLit: {
        const auto* c = n->as<CompositeLit>();
        std::vector<const Node*> out{c->type_expr};
        out.insert(out.end(), c->elts.begin(), c->elts.end());
        return out;
      }
      case NodeKind::SliceExpr: {
        const auto* s = n->as<SliceExpr>();
        if (s->slice3) return {s->x, s->low, s->high, s->max};
        return {s->x, s->low, s->high};
      }
      case NodeKind::TypeAssertExpr: return {n->as<TypeAssertExpr>()->x, n->as<TypeAssertExpr>()->type_expr};
      case NodeKind::ArrayType: return {n->as<ArrayType>()->len, n->as<ArrayType>()->elem};
      case NodeKind::FuncType: return {n->as<FuncType>()->params, n->as<FuncType>()->results};
      case NodeKind::Ellipsis: return {n->as<Ellipsis>()->elt};
      case NodeKind::Field: return {n->as<Field>()->type_expr, n->as<Field>()->tag};
      case NodeKind::BranchStmt: return {n->as<BranchStmt>()->label};
      case NodeKind::IfStmt: {
        const auto* s = n->as<IfStmt>();
        return {s->init, s->cond, s->then, s->els};
      }
      case NodeKind::SwitchStmt: {
        const auto* s = n->as<SwitchStmt>();
        std::vector<const Node*> out{s->init, s->tag};
        out.insert(out.end(), s->clauses.begin(), s->clauses.end());
        return out;
      }
      case NodeKind::TypeSwitchStmt: {
        const auto* s = n->as<TypeSwitchStmt>();
        std::vector<const Node*> out{s->init, s->assign};
        out.insert(out.end(), s->clauses.begin(), s->clauses.end());
        return out;
      }
      case NodeKind::CommClause: {
        const auto* c = n->as<CommClause>();
        std::vector<const Node*> out{c->comm};
        out.insert(out.end(), c->body.begin(), c->body.end());
        return out;
      }
      case NodeKind::ForStmt: {
        const auto* s = n->as<ForStmt>();
        return {s->init, s->cond, s->post, s->body};
      }
      case NodeKind::RangeStmt: {
        const auto* s = n->as<RangeStmt>();
        return {s->key, s->value, s->x, s->body};
      }
      case NodeKind::ImportSpec: return {n->as<ImportSpec>()->name, n->as<ImportSpec>()->path};
      case NodeKind::ValueSpec: {
        const auto* v = n->as<ValueSpec>();
        std::vector<const Node*> out{v->type_expr};
        out.insert(out.end(), v->values.begin(), v->values.end());
        return out;
      }
      case NodeKind::FuncDecl: {
        const auto* f = n->as<FuncDecl>();
        return {f->recv, f->name, f->sig, f->body};
      }
      case NodeKind::CaseClause: {
        const auto* c = n->as<CaseClause>();
        return {c->body.begin(), c->body.end()};
      }
      case NodeKind::AssignStmt: return {};
      default: return children(n);
    }
  }
};

std::string join(const std::vector<Expr*>& xs) {
  std::string out;
  for (size_t i = 0; i < xs.size(); i++) out += (i > 0 ? ", " : "") + expr_string(xs[i]);
  return out;
}

std::string field_list_string(const FieldList* fields, const char* sep) {
  std::string out;
  if (fields == nullptr) return out;
  for (size_t i = 0; i < fields->list.size(); i++) {
    const Field* f = fields->list[i];
    if (i > 0) out += sep;
    for (size_t k = 0; k < f->names.size(); k++) out += (k > 0 ? ", " : "") + f->names[k]->name;
    if (!f->names.empty()) out += ' ';
    out += expr_string(f->type_expr);
  }
  return out;
}

std::string signature_string(const FuncType* t) {
  std::string out = "(" + field_list_string(t->params, ", ") + ")";
  if (t->results == nullptr || t->results->list.empty()) return out;
  const FieldList* r = t->results;
  if (r->list.size() == 1 && r->list[0]->names.empty()) return out + " " + expr_string(r->list[0]->type_expr);
  return out + " (" + field_list_string(r, ", ") + ")";
}

template <class T>
void append_all(std::vector<const Node*>& out, const std::vector<T*>& xs) {
  for (const T* x : xs) out.push_back(x);
}

}  // namespace

std::string dump(const Node* node) {
  Dumper d;
  d.node(node);
  return d.out;
}

std::string expr_string(const Expr* x) {
  if (x == nullptr) return "";
  switch (x->kind) {
    case NodeKind::BadExpr: return "BadExpr";
    case NodeKind::Ident: return x->as<Ident>()->name;
    case NodeKind::BasicLit: return x->as<BasicLit>()->raw;
    case NodeKind::CompositeLit: {
      const auto* c = x->as<CompositeLit>();
      return expr_string(c->type_expr) + (c->elts.empty() ? "{}" : "{…}");
    }
    case NodeKind::FuncLit: return "func" + signature_string(x->as<FuncLit>()->sig) + " {…}";
    case NodeKind::ParenExpr: return "(" + expr_string(x->as<ParenExpr>()->x) + ")";
    case NodeKind::SelectorExpr: {
      const auto* s = x->as<SelectorExpr>();
      return expr_string(s->x) + "." + s->sel->name;
    }
    case NodeKind::IndexExpr: {
      const auto* i = x->as<IndexExpr>();
      return expr_string(i->x) + "[" + expr_string(i->index) + "]";
    }
    case NodeKind::SliceExpr: {
      const auto* s = x->as<SliceExpr>();
      std::string out = expr_string(s->x) + "[" + expr_string(s->low) + ":" + expr_string(s->high);
      if (s->slice3) out += ":" + expr_string(s->max);
      return out + "]";
    }
    case NodeKind::TypeAssertExpr: {
      const auto* a = x->as<TypeAssertExpr>();
      return expr_string(a->x) + ".(" + (a->type_expr ? expr_string(a->type_expr) : "type") + ")";
    }
    case NodeKind::CallExpr: {
      const auto* c = x->as<CallExpr>();
      return expr_string(c->fun) + "(" + join(c->args) + (c->has_ellipsis() ? "...)" : ")");
    }
    case NodeKind::StarExpr: return "*" + expr_string(x->as<StarExpr>()->x);
    case NodeKind::UnaryExpr: {
      const auto* u = x->as<UnaryExpr>();
      return op_string(u->op) + expr_string(u->x);
    }
    case NodeKind::BinaryExpr: {
      const auto* b = x->as<BinaryExpr>();
      return expr_string(b->x) + " " + op_string(b->op) + " " + expr_string(b->y);
    }
    case NodeKind::KeyValueExpr: {
      const auto* kv = x->as<KeyValueExpr>();
      return expr_string(kv->key) + ": " + expr_string(kv->value);
    }
    case NodeKind::Ellipsis: return "..." + expr_string(x->as<Ellipsis>()->elt);
    case NodeKind::ArrayType: {
      const auto* a = x->as<ArrayType>();
      if (a->len == nullptr) return "[]" + expr_string(a->elem);
      if (a->len->is<Ellipsis>()) return "[...]" + expr_string(a->elem);
      return "[" + expr_string(a->len) + "]" + expr_string(a->elem);
    }
    case NodeKind::StructType:
      return x->as<StructType>()->fields->list.empty() ? "struct{}" : "struct{…}";
    case NodeKind::InterfaceType:
      return x->as<InterfaceType>()->methods->list.empty() ? "interface{}" : "interface{…}";
    case NodeKind::FuncType: return "func" + signature_string(x->as<FuncType>());
    case NodeKind::MapType: {
      const auto* m = x->as<MapType>();
      return "map[" + expr_string(m->key) + "]" + expr_string(m->value);
    }
    case NodeKind::ChanType: {
      const auto* c = x->as<ChanType>();
      return std::string(chan_prefix(c->dir)) + " " + expr_string(c->value);
    }
    default: return node_kind_name(x->kind);
  }
}

std::vector<const Node*> children(const Node* n) {
  std::vector<const Node*> out;
  auto add = [&out](const Node* c) {
    if (c != nullptr) out.push_back(c);
  };
  switch (n->kind) {
    case NodeKind::BadExpr:
    case NodeKind::Ident:
    case NodeKind::BasicLit:
    case NodeKind::BadStmt:
    case NodeKind::EmptyStmt: break;
    case NodeKind::CompositeLit:
      add(n->as<CompositeLit>()->type_expr);
      append_all(out, n->as<CompositeLit>()->elts);
      break;
    case NodeKind::FuncLit: add(n->as<FuncLit>()->sig), add(n->as<FuncLit>()->body); break;
    case NodeKind::ParenExpr: add(n->as<ParenExpr>()->x); break;
    case NodeKind::SelectorExpr: add(n->as<SelectorExpr>()->x), add(n->as<SelectorExpr>()->sel); break;
    case NodeKind::IndexExpr: add(n->as<IndexExpr>()->x), add(n->as<IndexExpr>()->index); break;
    case NodeKind::SliceExpr: {
      const auto* s = n->as<SliceExpr>();
      add(s->x), add(s->low), add(s->high), add(s->max);
      break;
    }
    case NodeKind::TypeAssertExpr:
      add(n->as<TypeAssertExpr>()->x), add(n->as<TypeAssertExpr>()->type_expr);
      break;
    case NodeKind::CallExpr:
      add(n->as<CallExpr>()->fun);
      append_all(out, n->as<CallExpr>()->args);
      break;
    case NodeKind::StarExpr: add(n->as<StarExpr>()->x); break;
    case NodeKind::UnaryExpr: add(n->as<UnaryExpr>()->x); break;
    case NodeKind::BinaryExpr: add(n->as<BinaryExpr>()->x), add(n->as<BinaryExpr>()->y); break;
    case NodeKind::KeyValueExpr: add(n->as<KeyValueExpr>()->key), add(n->as<KeyValueExpr>()->value); break;
    case NodeKind::Ellipsis: add(n->as<Ellipsis>()->elt); break;
    case NodeKind::ArrayType: add(n->as<ArrayType>()->len), add(n->as<ArrayType>()->elem); break;
    case NodeKind::StructType: add(n->as<StructType>()->fields); break;
    case NodeKind::FuncType: add(n->as<FuncType>()->params), add(n->as<FuncType>()->results); break;
    case NodeKind::InterfaceType: add(n->as<InterfaceType>()->methods); break;
    case NodeKind::MapType: add(n->as<MapType>()->key), add(n->as<MapType>()->value); break;
    case NodeKind::ChanType: add(n->as<ChanType>()->value); break;
    case NodeKind::DeclStmt: add(n->as<DeclStmt>()->decl); break;
    case NodeKind::LabeledStmt: add(n->as<LabeledStmt>()->label), add(n->as<LabeledStmt>()->stmt); break;
    case NodeKind::ExprStmt: add(n->as<ExprStmt>()->x); break;
    case NodeKind::SendStmt: add(n->as<SendStmt>()->chan), add(n->as<SendStmt>()->value); break;
    case NodeKind::IncDecStmt: add(n->as<IncDecStmt>()->x); break;
    case NodeKind::AssignStmt:
      append_all(out, n->as<AssignStmt>()->lhs);
      append_all(out, n->as<AssignStmt>()->rhs);
      break;
    case NodeKind::GoStmt: add(n->as<GoStmt>()->call); break;
    case NodeKind::DeferStmt: add(n->as<DeferStmt>()->call); break;
    case NodeKind::ReturnStmt: append_all(out, n->as<ReturnStmt>()->results); break;
    case NodeKind::BranchStmt: add(n->as<BranchStmt>()->label); break;
    case NodeKind::BlockStmt: append_all(out, n->as<BlockStmt>()->list); break;
    case NodeKind::IfStmt: {
      const auto* s = n->as<IfStmt>();
      add(s->init), add(s->cond), add(s->then), add(s->els);
      break;
    }
    case NodeKind::CaseClause:
      append_all(out, n->as<CaseClause>()->list);
      append_all(out, n->as<CaseClause>()->body);
      break;
    case NodeKind::SwitchStmt:
      add(n->as<SwitchStmt>()->init), add(n->as<SwitchStmt>()->tag);
      append_all(out, n->as<SwitchStmt>()->clauses);
      break;
    case NodeKind::TypeSwitchStmt:
      add(n->as<TypeSwitchStmt>()->init), add(n->as<TypeSwitchStmt>()->assign);
      append_all(out, n->as<TypeSwitchStmt>()->clauses);
      break;
    case NodeKind::CommClause:
      add(n->as<CommClause>()->comm);
      append_all(out, n->as<CommClause>()->body);
      break;
    case NodeKind::SelectStmt: append_all(out, n->as<SelectStmt>()->clauses); break;
    case NodeKind::ForStmt: {
      const auto* s = n->as<ForStmt>();
      add(s->init), add(s->cond), add(s->post), add(s->body);
      break;
    }
    case NodeKind::RangeStmt: {
      const auto* s = n->as<RangeStmt>();
      add(s->key), add(s->value), add(s->x), add(s->body);
      break;
    }
    case NodeKind::Field:
      append_all(out, n->as<Field>()->names);
      add(n->as<Field>()->type_expr), add(n->as<Field>()->tag);
      break;
    case NodeKind::FieldList: append_all(out, n->as<FieldList>()->list); break;
    case NodeKind::ImportSpec: add(n->as<ImportSpec>()->name), add(n->as<ImportSpec>()->path); break;
    case NodeKind::ValueSpec:
      append_all(out, n->as<ValueSpec>()->names);
      add(n->as<ValueSpec>()->type_expr);
      append_all(out, n->as<ValueSpec>()->values);
      break;
    case NodeKind::TypeSpec: add(n->as<TypeSpec>()->name), add(n->as<TypeSpec>()->type_expr); break;
    case NodeKind::GenDecl: append_all(out, n->as<GenDecl>()->specs); break;
    case NodeKind::FuncDecl: {
      const auto* f = n->as<FuncDecl>();
      add(f->recv), add(f->name), add(f->sig), add(f->body);
      break;
    }
    case NodeKind::File:
      add(n->as<File>()->package_name);
      append_all(out, n->as<File>()->decls);
      break;
  }
  return out;
}

}  // namespace gol::lang
