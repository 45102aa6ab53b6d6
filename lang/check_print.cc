// check_print.cc — expressions and operands spelled as Go spells them in messages.
//
// Expressions print in the Go compiler's short form (cf. syntax.String):
// binary operators with a blank on each side, function literal bodies and
// composite literal elements elided as `{…}`. Operands print as types2's
// operandString: `x (variable of type int)`, `300 (untyped int constant)`,
// `c (constant 7 of type int8)`, `s (variable of struct type S)`, `nil`.
#include "lang/check_impl.h"

namespace gol::lang {

namespace {

void write_expr(std::string& out, const Expr* e, int depth);

void write_fields(std::string& out, const FieldList* list, const char* sep, int depth) {
  if (list == nullptr) return;
  for (size_t i = 0; i < list->list.size(); i++) {
    if (i > 0) out += sep;
    const Field* f = list->list[i];
    for (size_t j = 0; j < f->names.size(); j++) {
      if (j > 0) out += ", ";
      out += f->names[j]->name;
    }
    if (!f->names.empty() && f->type_expr != nullptr) out += ' ';
    write_expr(out, f->type_expr, depth + 1);
  }
}

void write_func_sig(std::string& out, const FuncType* ft, int depth) {
  out += '(';
  write_fields(out, ft->params, ", ", depth);
  out += ')';
  if (ft->results != nullptr && !ft->results->list.empty()) {
    out += ' ';
    const auto& rl = ft->results->list;
    if (rl.size() == 1 && rl[0]->names.empty()) {
      write_expr(out, rl[0]->type_expr, depth + 1);
    } else {
      out += '(';
      write_fields(out, ft->results, ", ", depth);
      out += ')';
    }
  }
}

void write_expr(std::string& out, const Expr* e, int depth) {
  if (e == nullptr) return;
  if (depth > 200) {
    out += "…";
    return;
  }
  switch (e->kind) {
    case NodeKind::BadExpr: out += "BadExpr"; return;
    case NodeKind::Ident: out += static_cast<const Ident*>(e)->name; return;
    case NodeKind::BasicLit: out += static_cast<const BasicLit*>(e)->raw; return;
    case NodeKind::CompositeLit: {
      auto* c = static_cast<const CompositeLit*>(e);
      write_expr(out, c->type_expr, depth + 1);
      out += c->elts.empty() ? "{}" : "{…}";
      return;
    }
    case NodeKind::FuncLit: {
      auto* f = static_cast<const FuncLit*>(e);
      out += "func";
      write_func_sig(out, f->sig, depth);
      out += (f->body && !f->body->list.empty()) ? " {…}" : " {}";
      return;
    }
    case NodeKind::ParenExpr:
      out += '(';
      write_expr(out, static_cast<const ParenExpr*>(e)->x, depth + 1);
      out += ')';
      return;
    case NodeKind::SelectorExpr: {
      auto* s = static_cast<const SelectorExpr*>(e);
      write_expr(out, s->x, depth + 1);
      out += '.';
      out += s->sel->name;
      return;
    }
    case NodeKind::IndexExpr: {
      auto* i = static_cast<const IndexExpr*>(e);
      write_expr(out, i->x, depth + 1);
      out += '[';
      write_expr(out, i->index, depth + 1);
      out += ']';
      return;
    }
    case NodeKind::SliceExpr: {
      auto* s = static_cast<const SliceExpr*>(e);
      write_expr(out, s->x, depth + 1);
      out += '[';
      write_expr(out, s->low, depth + 1);
      out += ':';
      write_expr(out, s->high, depth + 1);
      if (s->slice3) {
        out += ':';
        write_expr(out, s->max, depth + 1);
      }
      out += ']';
      return;
    }
    case NodeKind::TypeAssertExpr: {
      auto* a = static_cast<const TypeAssertExpr*>(e);
      write_expr(out, a->x, depth + 1);
      out += ".(";
      if (a->type_expr) write_expr(out, a->type_expr, depth + 1); else out += "type";
      out += ')';
      return;
    }
    case NodeKind::CallExpr: {
      auto* c = static_cast<const CallExpr*>(e);
      write_expr(out, c->fun, depth + 1);
      out += '(';
      for (size_t i = 0; i < c->args.size(); i++) {
        if (i > 0) out += ", ";
        write_expr(out, c->args[i], depth + 1);
      }
      if (c->has_ellipsis()) out += "...";
      out += ')';
      return;
    }
    case NodeKind::StarExpr:
      out += '*';
      write_expr(out, static_cast<const StarExpr*>(e)->x, depth + 1);
      return;
    case NodeKind::UnaryExpr: {
      auto* u = static_cast<const UnaryExpr*>(e);
      out += op_string(u->op);
      write_expr(out, u->x, depth + 1);
      return;
    }
    case NodeKind::BinaryExpr: {
      auto* b = static_cast<const BinaryExpr*>(e);
      write_expr(out, b->x, depth + 1);
      out += ' ';
      out += op_string(b->op);
      out += ' ';
      write_expr(out, b->y, depth + 1);
      return;
    }
    case NodeKind::KeyValueExpr: {
      auto* kv = static_cast<const KeyValueExpr*>(e);
      write_expr(out, kv->key, depth + 1);
      out += ": ";
      write_expr(out, kv->value, depth + 1);
      return;
    }
    case NodeKind::Ellipsis:
      out += "...";
      write_expr(out, static_cast<const Ellipsis*>(e)->elt, depth + 1);
      return;
    case NodeKind::ArrayType: {
      auto* a = static_cast<const ArrayType*>(e);
      out += '[';
      write_expr(out, a->len, depth + 1);
      out += ']';
      write_expr(out, a->elem, depth + 1);
      return;
    }
    case NodeKind::StructType: {
      auto* s = static_cast<const StructType*>(e);
      out += "struct{";
      write_fields(out, s->fields, "; ", depth);
      out += '}';
      return;
    }
    case NodeKind::FuncType:
      out += "func";
      write_func_sig(out, static_cast<const FuncType*>(e), depth);
      return;
    case NodeKind::InterfaceType: {
      auto* it = static_cast<const InterfaceType*>(e);
      out += "interface{";
      if (it->methods) {
        for (size_t i = 0; i < it->methods->list.size(); i++) {
          if (i > 0) out += "; ";
          const Field* f = it->methods->list[i];
          if (!f->names.empty()) {
            out += f->names[0]->name;
            if (auto* ft = f->type_expr ? f->type_expr->as<FuncType>() : nullptr) write_func_sig(out, ft, depth);
          } else {
            write_expr(out, f->type_expr, depth + 1);
          }
        }
      }
      out += '}';
      return;
    }
    case NodeKind::MapType: {
      auto* m = static_cast<const MapType*>(e);
      out += "map[";
      write_expr(out, m->key, depth + 1);
      out += ']';
      write_expr(out, m->value, depth + 1);
      return;
    }
    case NodeKind::ChanType: {
      auto* c = static_cast<const ChanType*>(e);
      switch (c->dir) {
        case ChanDir::Both: out += "chan "; break;
        case ChanDir::Send: out += "chan<- "; break;
        case ChanDir::Recv: out += "<-chan "; break;
      }
      write_expr(out, c->value, depth + 1);
      return;
    }
    default:
      out += node_kind_name(e->kind);
      return;
  }
}

const char* mode_string(ExprMode mode) {
  switch (mode) {
    case ExprMode::Invalid: return "invalid operand";
    case ExprMode::NoValue: return "no value";
    case ExprMode::Builtin: return "built-in";
    case ExprMode::TypeExpr: return "type";
    case ExprMode::Constant: return "constant";
    case ExprMode::Variable: return "variable";
    case ExprMode::MapIndex: return "map index expression";
    case ExprMode::Value: return "value";
    case ExprMode::CommaOk: return "comma, ok expression";
  }
  return "?";
}

}  // namespace

bool Operand::is_nil() const {
  const Basic* b = type ? type->as<Basic>() : nullptr;
  return mode == ExprMode::Value && b != nullptr && b->basic == BasicKind::UntypedNil;
}

std::string Checker::str(const Expr* e) const {
  std::string out;
  write_expr(out, e, 0);
  return out;
}

std::string Checker::str(const Operand& x) const {
  if (x.is_nil()) return "nil";
  std::string expr;
  if (x.expr != nullptr) {
    expr = str(x.expr);
  } else if (x.mode == ExprMode::Builtin) {
    expr = builtin_name(x.builtin);
  } else if (x.mode == ExprMode::TypeExpr) {
    expr = str(x.type);
  } else if (x.mode == ExprMode::Constant && x.val) {
    expr = x.val->to_string();
  }
  std::string out;
  if (!expr.empty()) out = expr + " (";
  bool has_type = false;
  switch (x.mode) {
    case ExprMode::Invalid:
    case ExprMode::NoValue:
    case ExprMode::Builtin:
    case ExprMode::TypeExpr:
      break;
    default:
      if (x.type != nullptr) {
        if (is_untyped(x.type)) {
          out += x.type->as<Basic>()->name + " ";
          break;
        }
        has_type = true;
      }
  }
  out += mode_string(x.mode);
  if (x.mode == ExprMode::Constant && x.val) {
    std::string s = x.val->to_string();
    if (s != expr) out += " " + s;
  }
  if (has_type) {
    if (is_valid(x.type)) {
      // Current Go describes a named type's structure: "of struct type S",
      // "of int type MyInt".
      std::string desc;
      if (x.type->is<Named>()) {
        const Type* u = under(x.type);
        if (u && u->is<Basic>()) {
          desc = u->as<Basic>()->name + " ";
        } else if (u) {
          desc = kind_string(x.type, m_pkg) + " ";
        }
      }
      out += " of " + desc + "type " + str(x.type);
    } else {
      out += " with invalid type";
    }
  }
  if (!expr.empty()) out += ')';
  return out;
}

}  // namespace gol::lang
